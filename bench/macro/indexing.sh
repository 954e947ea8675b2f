#!/usr/bin/env bash
# Indexing throughput on all of ../shared/corpora, side by side in one run:
# chancery with --jobs 1 and 2, the plain-Xapian floor, and PostgreSQL FTS.
#   bench/macro/indexing.sh BUILD_DIR          (a release build with -DCHANCERY_BUILD_BENCHMARKS=ON)
# Needs /usr/bin/time; PostgreSQL 15 and python3-psycopg2 for the peer (skipped if absent).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
shared=${CHANCERY_SHARED_DIR:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpora=("$shared"/corpora/*.jsonl.gz)
mb=$(zcat "${corpora[@]}" | wc -c | awk '{printf "%.1f", $1/1e6}')

measure() {  # name command...
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    echo "$name failed:"; cat "$work/err"; return 1; }
  read -r seconds kb <"$work/time"
  local docs
  docs=$(grep -oE "[0-9]+ documents in|indexed [0-9]+" "$work/out" | grep -oE "[0-9]+" | tail -1 || true)
  awk -v n="$name" -v s="$seconds" -v kb="$kb" -v d="$docs" -v mb="$mb" 'BEGIN {
    printf "| %s | %d | %.1f s | %.0f docs/s | %.2f MB/s | %.0f MB |\n", n, d, s, d/s, mb/s, kb/1024 }'
}

echo "| indexer | documents | time | documents/s | MB/s | peak memory |"
echo "|---|---|---|---|---|---|"
measure "chancery --jobs 1" "$build/tools/chancery" index --jobs 1 --db "$work/j1" "${corpora[@]}"
measure "chancery --jobs 2" "$build/tools/chancery" index --jobs 2 --db "$work/j2" "${corpora[@]}"
measure "xapian floor (1 thread)" "$build/bench/macro/xapian_floor" index "$work/floor" "${corpora[@]}"
rm -rf "$work/j1" "$work/floor"

if command -v pg_ctlcluster >/dev/null && python3 -c 'import psycopg2' 2>/dev/null; then
  mkdir -p "$work/plain" && chmod 755 "$work" "$work/plain"
  for f in "${corpora[@]}"; do zcat "$f" >"$work/plain/$(basename "$f" .gz)"; done
  pg_ctlcluster 15 main start 2>/dev/null || true
  start=$(date +%s.%N)
  su postgres -c "python3 $shared/peers/pg_fts.py load 'dbname=postgres' $work/plain/*.jsonl" >"$work/pg"
  end=$(date +%s.%N)
  awk -v s="$(echo "$end - $start" | bc)" -v mb="$mb" '/pg indexed/ {
    printf "| PostgreSQL 15 FTS (COPY, to_tsvector, GIN) | %d | %.1f s | %.0f docs/s | %.2f MB/s | (server) |\n", $3, s, $3/s, mb/s }' "$work/pg"
else
  echo "(PostgreSQL or python3-psycopg2 not installed: peer skipped)"
fi
echo
echo "Corpus: ${#corpora[@]} files, $mb MB of JSON Lines uncompressed."
