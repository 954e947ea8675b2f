#!/usr/bin/env bash
# Query latency over all of ../shared/corpora with bench/queries.tsv, side by side
# in one run: chancery (top 10, snippets, four exact facets) on one merged
# database and on two unmerged shards, the plain-Xapian floor (top 10,
# MSet::snippet, one exact ValueCountMatchSpy) and PostgreSQL FTS (ts_rank_cd,
# ts_headline, a language facet).
#   bench/macro/latency.sh BUILD_DIR [REPS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
reps=${2:-3}
shared=${CHANCERY_SHARED_DIR:-../shared}
queries=bench/queries.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpora=("$shared"/corpora/*.jsonl.gz)

"$build/tools/chancery" index --quiet --db "$work/all" "${corpora[@]}"
# Two shards: the big news feeds in one, the rest in the other.
"$build/tools/chancery" index --quiet --db "$work/shard-a" "$shared"/corpora/1tv_ru_news.jsonl.gz
"$build/tools/chancery" index --quiet --db "$work/shard-b" \
  "$shared"/corpora/{kremlin,mid,ru_state,whitehouse,zelensky}*.jsonl.gz
"$build/bench/macro/xapian_floor" index "$work/floor" "${corpora[@]}" >/dev/null

echo "$(grep -c . "$queries") queries x $reps repetitions (after one warm-up)"
echo "chancery, one database:  $("$build/bench/macro/chancery_latency" "$queries" "$reps" "$work/all" | tail -1)"
echo "chancery, two shards:    $("$build/bench/macro/chancery_latency" "$queries" "$reps" "$work/shard-a" "$work/shard-b" | tail -1)"
echo "xapian floor:            $("$build/bench/macro/xapian_floor" search "$work/floor" "$queries" "$reps")"
if command -v pg_ctlcluster >/dev/null && python3 -c 'import psycopg2' 2>/dev/null; then
  mkdir -p "$work/plain" && chmod 755 "$work" "$work/plain"
  for f in "${corpora[@]}"; do zcat "$f" >"$work/plain/$(basename "$f" .gz)"; done
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "python3 $shared/peers/pg_fts.py load 'dbname=postgres' $work/plain/*.jsonl" >/dev/null
  cp "$queries" "$work/queries.tsv" && chmod 644 "$work/queries.tsv"
  echo "PostgreSQL FTS:          $(su postgres -c "python3 $shared/peers/pg_fts.py search 'dbname=postgres' $work/queries.tsv $reps" | tail -1)"
fi
