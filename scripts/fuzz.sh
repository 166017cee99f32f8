#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan + UBSan) and runs each for SECONDS
# (default 30), one after another, or BPACK_FUZZ_JOBS=N (default 1) of them at once. BUILD,
# the build tree, is build-fuzz (RelWithDebInfo), or $BPACK_FUZZ_BUILD: a tree already
# configured with clang and -DBPACK_FUZZ=ON, as scripts/test.sh passes the one its sanitizer
# tests ran in. Seeds come from corpus/, the test fixtures and grammars/. A crash, leak,
# timeout or broken invariant stops with exit status 1; its input is saved as
# BUILD/crashes/TARGET-*; copied to fuzz/regressions/TARGET/, it is run first on every later
# run, as a regression test.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 600 parse
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse grammar prefilter query ingest)

build=${BPACK_FUZZ_BUILD:-build-fuzz}
if [ -z "${BPACK_FUZZ_BUILD:-}" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DBPACK_FUZZ=ON \
    -DBPACK_BUILD_TESTS=OFF -DBPACK_BUILD_BENCH=OFF >/dev/null
elif ! grep -q '^BPACK_FUZZ:BOOL=ON$' "$build/CMakeCache.txt" 2>/dev/null; then
  echo "fuzz.sh: BPACK_FUZZ_BUILD=$build is not a build tree configured with -DBPACK_FUZZ=ON" >&2
  exit 2
fi
cmake --build "$build" --target fuzz_targets

# Seeds, made afresh each run (what libFuzzer adds goes to BUILD/found/TARGET).
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{packs,grammar,prefilter,query} "$build/crashes"
for pack in corpus/*.txt; do
  # Section-sized pieces, cut at line ends, so that mutations reach every reader.
  split -C 4096 -d -a 3 "$pack" "$seeds/packs/$(basename "$pack" .txt)-"
done
# The fixtures' packs: the raw strings in tests/fixtures.
for test in tests/fixtures/*_test.cpp; do
  OUT="$seeds/packs/fixture-$(basename "$test" .cpp)" perl -0777 -ne 'my $n = 0; while (/R"\((.*?)\)"/sg) { open(my $f, ">", "$ENV{OUT}-" . $n++) or die; print $f $1; }' \
    "$test"
done
first_piece=$(ls "$seeds"/packs/blmk-* | head -1)
for grammar in grammars/*.grammar; do
  { cat "$grammar"; printf '\0'; cat "$first_piece"; } >"$seeds/grammar/$(basename "$grammar")"
done
# Each default pattern with a line of a pack, in both modes.
n=0
grep -h '^[a-z][a-z0-9_.]* *+\?= ' grammars/*.grammar | sed 's/^[^=]*= *//' | while IFS= read -r pattern; do
  line=$(sed -n "$((n % 200 + 1))p" "$first_piece")
  printf '%s\0\001%s' "$pattern" "$line" >"$seeds/prefilter/$n-a"
  printf '%s\0\004%s' "$pattern" "$line" >"$seeds/prefilter/$n-u"
  n=$((n + 1))
done
for q in 'care homes' '"care homes" board*' 'COVID-19 vaccine' 'AND OR NOT' "it's 9.03.22" '“budget” -- &' 'a/b c:d'; do
  printf '%s' "$q" >"$seeds/query/$(printf '%s' "$q" | cksum | cut -d' ' -f1)"
done

# fuzz_one TARGET: its regression inputs, then SECONDS of fuzzing; status 1 when either fails.
fuzz_one() {
  local target=$1 seed found
  case $target in
    parse | ingest) seed=packs ;;
    *) seed=$target ;;
  esac
  found=$build/found/$target
  mkdir -p "$found"
  if [ -d "fuzz/regressions/$target" ]; then
    echo "== $target: inputs that once failed"
    "$build/fuzz/${target}_fuzz" fuzz/regressions/"$target"/* 2>"$build/$target-regressions.log" \
      || { tail -60 "$build/$target-regressions.log" >&2; return 1; }
  fi
  echo "== fuzz $target for ${seconds}s"
  if ! "$build/fuzz/${target}_fuzz" "$found" "$seeds/$seed" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$build/crashes/$target-" -print_final_stats=1 2>"$build/$target.log"; then
    tail -60 "$build/$target.log" >&2
    return 1
  fi
  grep -E '^stat::number_of_executed_units|^Done' "$build/$target.log" || true
}

# BPACK_FUZZ_JOBS=N runs N targets at once (each single-threaded, each still for SECONDS):
# target i goes to lane i mod N, a lane runs its targets one after another, and each lane's
# output is printed when all are done.
jobs=${BPACK_FUZZ_JOBS:-1}
status=0
if [ "$jobs" -le 1 ]; then
  for target in "${targets[@]}"; do
    fuzz_one "$target" || status=1
  done
  exit $status
fi
pids=()
for ((lane = 0; lane < jobs; lane++)); do
  (
    lane_status=0
    for ((i = lane; i < ${#targets[@]}; i += jobs)); do
      fuzz_one "${targets[i]}" || lane_status=1
    done
    exit $lane_status
  ) >"$build/lane-$lane.out" 2>&1 &
  pids+=($!)
done
for ((lane = 0; lane < jobs; lane++)); do
  wait "${pids[lane]}" || status=1
  cat "$build/lane-$lane.out"
done
exit $status
