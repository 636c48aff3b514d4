#!/usr/bin/env bash
# Installs what is missing, builds linkscope (Release) and runs the main job on the embedded
# sample case: the network statistics, then the trafficking networks Leiden finds in it with
# their profiles.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target linkscope_cli
build/release/bin/linkscope stats datasets/sample/case.jsonl
echo
build/release/bin/linkscope communities datasets/sample/case.jsonl --top 5
