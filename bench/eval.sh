#!/usr/bin/env bash
# Relevance on ../shared/eval: index each set's docs, run its queries, score the run.
#   bench/eval.sh [CHANCERY_BINARY] [SET...]     (default: build/tools/chancery, all sets)
# Extra options for `chancery search` may be given in $SEARCH_OPTIONS.
set -euo pipefail
cd "$(dirname "$0")/.."
chancery=${1:-build/tools/chancery}
shift || true
shared=${CHANCERY_SHARED_DIR:-../shared}
sets=("$@")
if ((${#sets[@]} == 0)); then sets=(cranfield xquad-ru xquad-en xquad-en2ru xquad-ru2en); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-12s %6s %8s %8s %8s %8s %8s\n' set queries MAP nDCG@10 P@10 R@100 MRR@10
for set in "${sets[@]}"; do
  dir="$shared/eval/$set"
  [[ -d $dir ]] || { echo "$set: $dir not found, skipped" >&2; continue; }
  # Status 1 means some documents were rejected (cranfield has two empty ones).
  "$chancery" index --quiet --db "$work/$set" "$dir/docs.jsonl" || [[ $? -eq 1 ]]
  # shellcheck disable=SC2086
  "$chancery" search --db "$work/$set" --queries "$dir/queries.tsv" --format trec \
    --limit 1000 ${SEARCH_OPTIONS:-} >"$work/$set.run"
  "$chancery" eval --qrels "$dir/qrels.txt" "$work/$set.run" | awk -v set="$set" '
    {v[$1]=$3} END {printf "%-12s %6d %8.4f %8.4f %8.4f %8.4f %8.4f\n", set, v["num_q"],
      v["map"], v["ndcg_cut_10"], v["P_10"], v["recall_100"], v["recip_rank_10"]}'
done
