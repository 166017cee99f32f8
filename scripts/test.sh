#!/usr/bin/env bash
# The whole test suite, as CI runs it: dependencies, a warnings-as-errors build and its
# tests, the same tests under AddressSanitizer + UndefinedBehaviorSanitizer, and a format
# check. Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== build (warnings are errors) and test"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBPACK_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and test"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBPACK_SANITIZE=ON -DBPACK_WARNINGS_AS_ERRORS=ON \
  -DBPACK_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir build-asan --output-on-failure

echo "== format"
files=$(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find src include tests -name '*.[ch]pp')
clang-format --dry-run --Werror $files
echo "format: ok"
