#!/usr/bin/env bash
# The main job on the bundled sample: build, index corpora/sample, answer a query.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset release >/dev/null
cmake --build --preset release
db=build/sample-db
rm -rf "$db"
./build/tools/chancery index --db "$db" corpora/sample/releases.jsonl
./build/tools/chancery search --db "$db" --limit 3 "консультации по информационной безопасности"
