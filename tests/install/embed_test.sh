#!/usr/bin/env bash
# Installs the build into a temporary prefix, builds examples/embed against the installed CMake
# package and runs it on the embedded sample. Also checks that nothing private leaks: no
# installed header includes Boost, RapidJSON, Eigen, fmt, OpenSSL or OpenMP, and the exported
# target names none of them.
#   embed_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
work=$(mktemp -d /tmp/linkscope-install-XXXXXX)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/lib/cmake/linkscope/linkscopeConfig.cmake"
test -x "$work/prefix/bin/linkscope"
"$work/prefix/bin/linkscope" --version | grep -q '^[0-9]'

if grep -rhE '#include <(boost|rapidjson|Eigen|fmt|openssl|omp)' "$work/prefix/include"; then
  echo "FAIL: an installed header includes a private dependency" >&2
  exit 1
fi
# (IMPORTED_LINK_DEPENDENT_LIBRARIES is only a runtime-linking hint for the shared library's
# own dependencies; what the consumer compiles and links against is INTERFACE_*.)
if grep -E 'INTERFACE_.*(fmt::|Boost::|OpenSSL::|OpenMP::|rapidjson|eigen)' \
    "$work/prefix/lib/cmake/linkscope/"*.cmake; then
  echo "FAIL: the exported package names a private dependency" >&2
  exit 1
fi
if find "$work/prefix/include" -name '*.hpp' | grep -q '/src/'; then
  echo "FAIL: internal headers were installed" >&2
  exit 1
fi

cmake -S "$src/examples/embed" -B "$work/embed" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror" >/dev/null
cmake --build "$work/embed" >/dev/null
out=$("$work/embed/embed" "$src/datasets/sample/case.jsonl" P00001 P00250)
echo "$out"
grep -q '^linkscope .*: 3026 entities, 8355 links' <<<"$out"
grep -q '^networks: 101 ' <<<"$out"
grep -q '^most reliable path: [0-9]* hops, reliability' <<<"$out"
grep -q 'grade ' <<<"$out"
# Bad input from the embedding program: a clear error and exit 1.
if "$work/embed/embed" "$work/missing.jsonl" A B 2>"$work/err"; then
  echo "FAIL: a missing file did not fail" >&2
  exit 1
fi
grep -q 'cannot open' "$work/err"
echo "embedding example: OK"
