#!/usr/bin/env bash
# How many top-10 places one-line texts take, for BM25 settings, on a database of
# all of ../shared/corpora:  bench/headlines.sh CHANCERY DB
set -euo pipefail
cd "$(dirname "$0")/.."
chancery=$1
db=$2
for options in "--bm25-k1 1 --bm25-b 0.5 --bm25-min-normlen 0.5" \
               "--bm25-k1 1.2 --bm25-b 0.75 --bm25-min-normlen 0.5" \
               "--bm25-k1 1.2 --bm25-b 0.75 --bm25-min-normlen 1" \
               "--bm25-k1 1.2 --bm25-b 0.5 --bm25-min-normlen 1" \
               "--bm25-k1 1.2 --bm25-b 0.3 --bm25-min-normlen 1" \
               "--bm25-k1 1.2 --bm25-b 0.1 --bm25-min-normlen 1"; do
  # shellcheck disable=SC2086
  "$chancery" search --db "$db" --queries bench/headline_queries.tsv --format json --limit 10 \
    $options | python3 -c '
import json, sys
short = total = 0
for line in sys.stdin:
    for hit in json.loads(line)["hits"]:
        total += 1
        short += len(hit["snippet"]) < 100  # the whole body fits in under 100 characters
print(f"{sys.argv[1]}: {short}/{total} top-10 places are short-body documents")' "$options"
done
