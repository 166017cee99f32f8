#!/usr/bin/env bash
# The whole test suite, as CI runs it: dependencies, a build without PDF support (the binary
# only, which must still build and refuse a PDF helpfully), a warnings-as-errors build and
# its tests, the same tests under AddressSanitizer + UndefinedBehaviorSanitizer, a short run
# of each fuzz target (scripts/fuzz.sh), and a format check. Each phase prints its seconds.
# Build trees: build/ (gcc, -O2 with line tables, warnings are errors; built first with
# BPACK_PDF=OFF for the binary without PDF support, then with it on) and build-san/ (clang,
# -O1, ASan + UBSan + libFuzzer's coverage: the sanitizer tests and the fuzz targets).
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

phase_name=""
phase_start=$SECONDS
# phase NAME: ends the phase before (printing its seconds) and starts NAME.
phase() {
  [ -z "$phase_name" ] || echo "-- $phase_name: $((SECONDS - phase_start)) s"
  phase_name=$1
  phase_start=$SECONDS
  [ -z "$phase_name" ] || echo "== $phase_name"
}

phase "dependencies"
scripts/install-deps.sh

# The release flags without full debug info: -g1 keeps line tables for backtraces and costs
# a quarter less compile time than -g. NDEBUG as in any RelWithDebInfo build.
release=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
  -DBPACK_WARNINGS_AS_ERRORS=ON)

# Without PDF support only bpack_parse's PDF source differs (and what links it), so the
# binary is built in build/ first: the PDF build below then compiles only what changes.
phase "build without PDF support (BPACK_PDF=OFF): bpack only"
cmake -S . -B build "${release[@]}" -DBPACK_PDF=OFF >/dev/null
cmake --build build --target bpack
printf '%%PDF-1.4\n%%%%EOF\n' >build/smoke.pdf
if build/bpack parse build/smoke.pdf 2>build/smoke.err; then
  echo "bpack without PDF support parsed a PDF" >&2
  exit 1
fi
grep -q "this bpack was built without PDF support; install libpoppler-cpp-dev" build/smoke.err \
  || { cat build/smoke.err >&2; exit 1; }
echo "without PDF support: ok"

phase "build (warnings are errors) and test"
cmake -S . -B build "${release[@]}" -DBPACK_PDF=ON >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure

phase "large and endless inputs: peak memory and time (64 MB scale)"
tests/reliability/large_inputs.sh build/bpack 64

# One clang tree serves the sanitizer tests and the fuzz targets: with -DBPACK_FUZZ=ON every
# library, bpack and the tests are built with -fsanitize=fuzzer-no-link,address,undefined
# (the ASan runtime answers the coverage callbacks outside libFuzzer). The libraries and bpack
# at -O1 with line tables, so that the tests and the fuzz targets run fast under ASan; the
# tests' own code at -O0, half the compile time. No NDEBUG, so the bpack the tests run keeps
# the grammar contract strict, as a Debug build does. Warnings are build/'s to fail on.
phase "AddressSanitizer + UndefinedBehaviorSanitizer build (clang) and test"
cmake -S . -B build-san -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DBPACK_TESTS_CXX_FLAGS=-O0 -DBPACK_FUZZ=ON \
  -DBPACK_BUILD_BENCH=OFF >/dev/null
cmake --build build-san
# fontconfig, which poppler asks for fonts, keeps its configuration until the process ends:
# tests/lsan.supp names it, and nothing of bpack's.
ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir build-san --output-on-failure

# Each target is one process on one core: as many at once as there are cores, 30 s each.
phase "fuzz targets, 30 s each"
BPACK_FUZZ_BUILD=build-san BPACK_FUZZ_JOBS=$(nproc) scripts/fuzz.sh 30

phase "format"
files=$(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find src include tests -name '*.[ch]pp')
clang-format --dry-run --Werror $files
echo "format: ok"
phase ""
echo "all phases: $SECONDS s"
