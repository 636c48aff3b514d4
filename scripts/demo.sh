#!/usr/bin/env bash
# Installs what is missing, builds linkscope (Release) and runs the main job on the embedded
# sample case: a network report (HTML for people, JSON and CSV for programs) with the
# networks ranked by risk, crime convergence, key players, firearm traces, the watch list of
# tests/report/sample_config.json, a timeline and the evidence behind every link it asserts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target linkscope_cli
build/release/bin/linkscope report datasets/sample/case.jsonl -o report \
  --config tests/report/sample_config.json
