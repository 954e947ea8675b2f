#!/usr/bin/env bash
# The macro benchmark, side by side in one run over all of ../shared/corpora:
#  1. indexing: chancery --jobs 1 and --jobs 2, the plain-Xapian floor (one
#     thread) and PostgreSQL 15 FTS (COPY, to_tsvector per language, GIN);
#  2. query latency with bench/queries.tsv: chancery (top 10, snippets, four
#     exact facets), the floor (top 10, MSet::snippet, one exact
#     ValueCountMatchSpy) and PostgreSQL (ts_rank_cd, ts_headline, a lang facet).
#   bench/macro/run.sh BUILD_DIR [REPS [KEEP_DIR]]
# (BUILD_DIR built with -DCHANCERY_BUILD_BENCHMARKS=ON; KEEP_DIR, when given,
# receives the chancery database for further measurements.)
# PostgreSQL needs Debian's postgresql and python3-psycopg2; skipped when absent.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
reps=${2:-3}
keep=${3:-}
shared=$(realpath "${CHANCERY_SHARED_DIR:-../shared}")
queries=bench/queries.tsv
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
corpora=("$shared"/corpora/*.jsonl.gz)
mb=$(zcat "${corpora[@]}" | wc -c | awk '{printf "%.1f", $1/1e6}')
have_pg() { command -v pg_ctlcluster >/dev/null && /usr/bin/python3 -c 'import psycopg2' 2>/dev/null; }

row() {  # name seconds peak_kb documents
  awk -v n="$1" -v s="$2" -v kb="$3" -v d="$4" -v mb="$mb" 'BEGIN {
    printf "| %s | %d | %.1f s | %.0f docs/s | %.2f MB/s | %s |\n", n, d, s, d/s, mb/s,
           kb == "" ? "(server)" : sprintf("%.0f MB", kb/1024) }'
}
measure() {  # name command...
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    echo "$name failed:"; cat "$work/err"; return 1; }
  read -r seconds kb <"$work/time"
  row "$name" "$seconds" "$kb" "$(grep -oE '[0-9]+ documents in|^indexed [0-9]+' "$work/out" | grep -oE '[0-9]+' | tail -1)"
}

echo "Corpus: ${#corpora[@]} files, $mb MB of JSON Lines uncompressed."
echo
echo "| indexer | documents | time | documents/s | MB/s | peak memory |"
echo "|---|---|---|---|---|---|"
measure "chancery --jobs 1" "$build/tools/chancery" index --jobs 1 --db "$work/j1" "${corpora[@]}"
rm -rf "$work/j1"
measure "chancery --jobs 2" "$build/tools/chancery" index --jobs 2 --db "$work/chancery" "${corpora[@]}"
measure "xapian floor (1 thread)" "$build/bench/macro/xapian_floor" index "$work/floor" "${corpora[@]}"
if have_pg; then
  mkdir -p "$work/plain" && chmod 755 "$work/plain"
  for f in "${corpora[@]}"; do zcat "$f" >"$work/plain/$(basename "$f" .gz)"; done
  chmod 644 "$work"/plain/*.jsonl
  pg_ctlcluster 15 main start 2>/dev/null || true
  start=$(date +%s.%N)
  su postgres -c "/usr/bin/python3 $shared/peers/pg_fts.py load 'dbname=postgres' $work/plain/*.jsonl" >"$work/pg"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  row "PostgreSQL 15 FTS" "$seconds" "" "$(awk '/pg indexed/ {print $3}' "$work/pg")"
else
  echo "(PostgreSQL or python3-psycopg2 not installed: peer skipped)"
fi

echo
echo "Latency: $(grep -c . "$queries") queries x $reps repetitions after one warm-up"
echo "| engine | p50 | p95 | p99 |"
echo "|---|---|---|---|"
"$build/bench/macro/chancery_latency" "$queries" "$reps" "$work/chancery" | tail -1 |
  awk '{printf "| chancery (snippets, 4 exact facets, cross-lingual) | %s ms | %s ms | %s ms |\n", $2, $5, $8}'
"$build/bench/macro/chancery_latency" --no-cross-lingual "$queries" "$reps" "$work/chancery" | tail -1 |
  awk '{printf "| chancery, --no-cross-lingual | %s ms | %s ms | %s ms |\n", $2, $5, $8}'
"$build/bench/macro/xapian_floor" search "$work/floor" "$queries" "$reps" |
  awk '{printf "| xapian floor (snippet, 1 exact facet) | %s ms | %s ms | %s ms |\n", $2, $5, $8}'
if have_pg; then
  cp "$queries" "$work/queries.tsv" && chmod 644 "$work/queries.tsv"
  su postgres -c "/usr/bin/python3 $shared/peers/pg_fts.py search 'dbname=postgres' $work/queries.tsv $reps" |
    tail -1 | awk '{printf "| PostgreSQL FTS (ts_headline, 1 facet) | %s ms | %s ms | %s ms |\n", $5, $7, $9}'
fi
if [[ -n $keep ]]; then
  rm -rf "$keep" && mv "$work/chancery" "$keep"
fi
