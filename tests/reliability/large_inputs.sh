#!/usr/bin/env bash
# Peak memory and time on large and endless inputs: each case must end with its exit status
# and message, within 200 MB of peak RSS, and the query cases within 2 s. SCALE_MB sets the
# size of the large files: 1024 gives the cases of docs/RELIABILITY.md (a 1 GB one-line file,
# a 3 GB NUL file, 2 GB of random bytes); CI runs it at 64.
# Usage: tests/reliability/large_inputs.sh BPACK [SCALE_MB]
set -euo pipefail
bpack=$(realpath "$1")
scale=${2:-64}
max_rss_kb=$((200 * 1024))
max_query_s=2.0
corpus=$(realpath "$(dirname "$0")/../../corpus/blmk-2021-04-07.txt")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

head -c "$((scale * 1024 * 1024))" /dev/zero | tr '\0' 'a' >one-line.txt
truncate -s "$((3 * scale))M" nul.txt
head -c "$((2 * scale * 1024 * 1024))" /dev/urandom >random.txt
"$bpack" --db index.db ingest "$corpus" >/dev/null 2>&1
# One paragraph of 1 MB with no line break, indexed as passages of at most 4 KB.
{
  printf 'Minutes of the Board held on 5 April 2023\n\n1. Finance\n'
  for ((i = 0; i < 16000; i++)); do printf 'The board noted budget line %d. ' "$i"; done
  printf '\n'
} >paragraph.txt
"$bpack" --db index.db ingest paragraph.txt >/dev/null 2>&1
many_boards=$(printf 'board %.0s' $(seq 800))
many_ors=$(seq -f 'w%g' 10000 | paste -sd' ' | sed 's/ / OR /g')

failed=0
printf '%-44s %6s %9s %8s  %s\n' CASE STATUS "RSS(MB)" "TIME(s)" MESSAGE
# check NAME WANT_STATUS WANT_MESSAGE TIME_LIMIT_S -- ARGS... [< INPUT via $stdin]
check() {
  local name=$1 want_status=$2 want_message=$3 time_limit=$4
  shift 5
  local status=0
  /usr/bin/time -f '%M %e' -o time.out "$bpack" "$@" <"${stdin:-/dev/null}" >out.txt 2>err.txt || status=$?
  read -r rss_kb seconds < <(tail -1 time.out)
  local message
  message=$( (grep -v '^ingest: ' err.txt || true) | head -1 | cut -c1-90)
  printf '%-44s %6s %9.1f %8s  %s\n' "$name" "$status" "$(echo "$rss_kb / 1024" | bc -l)" "$seconds" "$message"
  if [ "$status" != "$want_status" ]; then
    echo "  FAIL: exit status $status, expected $want_status" >&2
    failed=1
  fi
  if [ -n "$want_message" ] && ! grep -qF -- "$want_message" err.txt; then
    echo "  FAIL: expected message: $want_message" >&2
    failed=1
  fi
  if [ "$rss_kb" -gt "$max_rss_kb" ]; then
    echo "  FAIL: peak RSS over 200 MB" >&2
    failed=1
  fi
  if [ "$time_limit" != - ] && [ "$(echo "$seconds > $time_limit" | bc)" = 1 ]; then
    echo "  FAIL: over $time_limit s" >&2
    failed=1
  fi
}

check "ingest a ${scale} MB one-line file" 1 "one-line.txt:1: a line longer than 1048576 bytes" - -- \
  --db index.db ingest one-line.txt
check "parse a ${scale} MB one-line file" 1 "one-line.txt:1: a line longer than 1048576 bytes" - -- parse one-line.txt
stdin=one-line.txt check "parse - (a pipe) of a ${scale} MB line" 1 "-:1: a line longer than 1048576 bytes" - -- \
  parse -
# An 8 MB line read whole, allowed by --max-line: a pipe is read in linear time, as a file
# is (the times are shown side by side; most of either is the parser's).
head -c 8M one-line.txt >line-8.txt
check "parse an 8 MB line from a file, allowed" 0 "" - -- parse --max-line 16777216 line-8.txt
stdin=line-8.txt check "parse - (a pipe) of an 8 MB line, allowed" 0 "" - -- parse --max-line 16777216 -
check "ingest a $((3 * scale)) MB NUL file" 1 "nul.txt:1: not a text file (control byte 0x00)" - -- \
  --db index.db ingest nul.txt
check "parse a $((3 * scale)) MB NUL file" 1 "nul.txt:1: " - -- parse nul.txt
check "ingest $((2 * scale)) MB of random bytes" 1 "random.txt:" - -- --db index.db ingest random.txt
check "--grammar /dev/zero" 1 "/dev/zero: not a regular file" - -- --grammar /dev/zero parse "$corpus"
check "search a 1 MB paragraph" 0 "" "$max_query_s" -- --db index.db search --limit 1000 board
check "search 'board' typed 800 times" 0 "" "$max_query_s" -- --db index.db search "$many_boards"
check "search --raw with 10000 OR terms" 2 "the query has 10000 different words" "$max_query_s" -- \
  --db index.db search --raw "$many_ors"
check "search --raw, stopped by --time-limit" 1 "(--time-limit)" "$max_query_s" -- \
  --db index.db search --raw --time-limit 0.000001 "b* OR n* OR l*"
exit $failed
