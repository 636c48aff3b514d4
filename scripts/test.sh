#!/usr/bin/env bash
# Installs what is missing, then builds and runs the whole default test suite twice: a Release
# build (unit and real-data tests, CLI tests, a benchmark smoke run) and a dev build with
# AddressSanitizer + UndefinedBehaviorSanitizer. The slow tier runs with
# `ctest --preset slow` after a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --workflow --preset release
cmake --workflow --preset dev
