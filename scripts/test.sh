#!/usr/bin/env bash
# Installs what is missing, then builds and runs the whole default test suite: a Release
# build (unit and real-data tests, CLI tests, a benchmark smoke run) and a dev build with
# AddressSanitizer + UndefinedBehaviorSanitizer, then the concurrency tests under ThreadSanitizer
# (preset tsan, which builds only them). The slow tier runs with
# `ctest --preset slow` after a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --workflow --preset release
cmake --workflow --preset dev
# The concurrency tests under ThreadSanitizer (two threads querying one snapshot).
cmake --workflow --preset tsan
