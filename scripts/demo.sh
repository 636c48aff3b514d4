#!/usr/bin/env bash
# Installs what is missing, builds linkscope (Release) and runs the main job on the embedded
# sample case: the network statistics and its largest connected networks.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target linkscope_cli
build/release/bin/linkscope stats datasets/sample/case.jsonl
