#!/usr/bin/env bash
# Scale test: indexing time per document and query latency at 100,000 and
# 1,000,000 synthetic documents recombined from the real corpora.
#   bench/macro/scale.sh BUILD_DIR [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
work=${2:-$(mktemp -d)}
shared=${CHANCERY_SHARED_DIR:-../shared}
mkdir -p "$work"

[[ -s $work/synthetic-1m.jsonl ]] ||
  python3 bench/synthesize.py --shared "$shared" --count 1000000 --seed 1 >"$work/synthetic-1m.jsonl"
head -n 100000 "$work/synthetic-1m.jsonl" >"$work/synthetic-100k.jsonl"

echo "| documents | index time | µs per document | peak memory | query p50 | p95 | p99 |"
echo "|---|---|---|---|---|---|---|"
for size in 100k 1m; do
  rm -rf "$work/db-$size"
  /usr/bin/time -f "%e %M" -o "$work/time" \
    "$build/tools/chancery" index --quiet --db "$work/db-$size" "$work/synthetic-$size.jsonl"
  read -r seconds kb <"$work/time"
  docs=$(wc -l <"$work/synthetic-$size.jsonl")
  latency=$("$build/bench/macro/chancery_latency" bench/queries.tsv 3 "$work/db-$size" 2>/dev/null | tail -1)
  p50=$(awk '{print $2}' <<<"$latency"); p95=$(awk '{print $5}' <<<"$latency"); p99=$(awk '{print $8}' <<<"$latency")
  awk -v d="$docs" -v s="$seconds" -v kb="$kb" -v a="$p50" -v b="$p95" -v c="$p99" 'BEGIN {
    printf "| %d | %.0f s | %.0f | %.0f MB | %s ms | %s ms | %s ms |\n", d, s, s * 1e6 / d, kb / 1024, a, b, c }'
done
