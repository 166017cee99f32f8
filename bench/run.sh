#!/usr/bin/env bash
# One command for bpack's performance figures, side by side with the peer baselines of
# ../shared/bench/baseline.py on the same corpus, in the same run (see bench/README.md).
#
#   bench/run.sh [--mb N] [--runs R] [--work DIR] [--shared DIR] [--seed S] [--no-build] [--lists]
#
# Steps: build bpack (Release, build-bench/) -> generate the corpus -> peak RSS of one ingest
# and of one parse of a ~100 MB file -> baseline.py once, with bpack's commands as --cmd
# entries -> database size -> one table (bench/report.py). Raw JSON lines stay in the work dir.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mb=100
runs=3
seed=1
shared=""
work=""
build=1
lists_only=0

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  cat <<EOF

Options:
  --mb N        corpus size in MB (10^6 bytes), default 100
  --runs R      timed runs per figure (medians are reported), default 3
  --work DIR    scratch folder for the corpus, databases and results
                (default \${TMPDIR:-/tmp}/bpack-bench/mbN)
  --shared DIR  folder holding gen_corpus.py and baseline.py
                (default: ../shared/bench next to the repository root)
  --seed S      corpus seed passed to gen_corpus.py, default 1
  --no-build    use the existing build-bench/bpack as it is
  --lists       list commands and the report only: no peers, no ingest or parse figures
                (the corpus and index of an earlier run in --work are reused when they match)
EOF
}

die() { echo "bench/run.sh: $*" >&2; exit 2; }
step() { printf '\n== %s (%s)\n' "$*" "$(date +%T)" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --mb) mb=${2:?--mb needs a value}; shift 2 ;;
    --runs) runs=${2:?--runs needs a value}; shift 2 ;;
    --work) work=${2:?--work needs a value}; shift 2 ;;
    --shared) shared=${2:?--shared needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --no-build) build=0; shift ;;
    --lists) lists_only=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ "$mb" =~ ^[0-9]+$ && "$mb" -ge 1 ]] || die "--mb must be a positive integer (got '$mb')"
[[ "$runs" =~ ^[0-9]+$ && "$runs" -ge 1 ]] || die "--runs must be a positive integer (got '$runs')"

shared=${shared:-$repo/../shared/bench}
if [[ ! -f "$shared/gen_corpus.py" || ! -f "$shared/baseline.py" ]]; then
  die "gen_corpus.py and baseline.py not found in '$shared'.
  They are not part of this repository: they live in the project's shared folder
  (../shared/bench next to the repository root). Pass --shared DIR to point at them."
fi
shared=$(cd "$shared" && pwd)
for tool in python3 cmake /usr/bin/time; do
  command -v "$tool" >/dev/null || die "$tool not found (/usr/bin/time: apt-get install -y time)"
done

work=${work:-${TMPDIR:-/tmp}/bpack-bench/mb$mb}
mkdir -p "$work"
work=$(cd "$work" && pwd)
corpus=$work/corpus
bin=$repo/build-bench/bpack
t_start=$SECONDS

if [[ $build == 1 ]]; then
  step "build bpack (Release) in build-bench/"
  cmake -S "$repo" -B "$repo/build-bench" -DCMAKE_BUILD_TYPE=Release >"$work/cmake.log" 2>&1 \
    || { tail -20 "$work/cmake.log" >&2; die "cmake configure failed (log: $work/cmake.log)"; }
  cmake --build "$repo/build-bench" --target bpack -j "$(nproc)" >>"$work/cmake.log" 2>&1 \
    || { tail -30 "$work/cmake.log" >&2; die "build failed (log: $work/cmake.log)"; }
fi
[[ -x "$bin" ]] || die "$bin missing: build it or drop --no-build"

# The corpus is regenerated unless the one in the work folder was made with the same size
# and seed (generating 1 GB takes minutes).
stamp="mb $mb seed $seed"
# (The stamp sits beside the corpus: every file in the corpus folder is read as a pack.)
if [[ -f "$work/corpus.stamp" && "$(cat "$work/corpus.stamp")" == "$stamp" ]]; then
  step "reuse the $mb MB corpus (seed $seed) in $corpus"
else
  step "generate a $mb MB corpus (seed $seed)"
  rm -f "$work/corpus.stamp"
  python3 "$shared/gen_corpus.py" --out "$corpus" --mb "$mb" --seed "$seed" >&2
  echo "$stamp" >"$work/corpus.stamp"
fi
input_bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')

# List commands on the index, printed as a user sees them (a table to the terminal; here to
# /dev/null), a process each. The report writes a new site each run.
lists=(meetings decisions attendance 'attendance --summary' actions 'actions --open'
  'actions --by-owner' changes boards show)
list_cmds=()
for l in "${lists[@]}"; do
  list_cmds+=(--cmd "bpack_list_ms:$l=$bin --db {work}/bpack.db $l >/dev/null")
done
list_cmds+=(--cmd "bpack_report_ms=rm -rf {work}/site && $bin --db {work}/bpack.db report --html {work}/site")

if [[ $lists_only == 1 ]]; then
  # An ingest of packs already in the index only checks their hashes: a second run is quick.
  step "ingest the corpus into $work/bpack.db (packs already in are skipped)"
  "$bin" ingest --quiet --db "$work/bpack.db" "$corpus" >/dev/null
  step "list commands and the report (runs $runs)"
  python3 "$shared/baseline.py" --corpus "$corpus" --work "$work" --runs "$runs" --only none \
    "${list_cmds[@]}" >"$work/results.jsonl"
  python3 "$repo/bench/report.py" "$work/results.jsonl" \
    --meta "list commands, corpus $mb MB, seed $seed, runs $runs, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "raw JSON lines: $work/results.jsonl" >&2
  exit 0
fi

# Peak RSS, measured outside baseline.py (which times, but does not watch memory).
step "peak RSS of one ingest of the corpus (fresh database)"
rm -f "$work"/rss.db*
/usr/bin/time -v -o "$work/ingest.time" "$bin" ingest --quiet --db "$work/rss.db" "$corpus" >/dev/null
db_bytes=$(find "$work" -maxdepth 1 -name 'rss.db*' -printf '%s\n' | awk '{s+=$1} END {print s}')

step "peak RSS of parse of one ~100 MB file (corpus packs concatenated)"
big=$work/big-100mb.txt
: >"$big"
for f in "$corpus"/pack-*.txt; do
  cat "$f" >>"$big"
  [[ $(stat -c %s "$big") -ge 100000000 ]] && break
done
big_bytes=$(stat -c %s "$big")
/usr/bin/time -v -o "$work/parse.time" "$bin" parse --json "$big" >/dev/null

step "baseline.py with bpack's commands (runs $runs)"
# Search: one bpack process per query, like sqlite3_cli_query_ms. --raw passes the baseline's
# FTS5 syntax ("care homes" as a phrase, finance* as a prefix) through unchanged.
queries=(vaccination 'mental health' '"care homes"' 'finance*')
cmds=(--cmd "bpack_ingest_mb_s=rm -f {work}/bpack.db* && $bin ingest --quiet --db {work}/bpack.db {corpus}")
for q in "${queries[@]}"; do
  cmds+=(--cmd "bpack_search_ms:$q=$bin search --db {work}/bpack.db --raw '$q' --limit 20 --json")
done
# The list commands and the report, on the index the ingest above left.
cmds+=("${list_cmds[@]}")
cmds+=(--cmd "bpack_parse_mb_s=$bin parse --json {corpus}/*.txt >/dev/null")
qlist=$(IFS=,; echo "${queries[*]}")
python3 "$shared/baseline.py" --corpus "$corpus" --work "$work" --runs "$runs" \
  --queries "$qlist" "${cmds[@]}" >"$work/baseline.jsonl"

# Figures measured here, as JSON lines in the same shape as baseline.py's.
rss_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$1"; }
{
  printf '{"name": "bpack_ingest_rss_mb", "median": %s, "unit": "MB", "runs": 1, "seconds": %s}\n' \
    "$(awk -v k="$(rss_kb "$work/ingest.time")" 'BEGIN {print k/1024}')" "$(wall_s "$work/ingest.time")"
  printf '{"name": "bpack_parse_rss_mb", "median": %s, "unit": "MB", "runs": 1, "file_bytes": %s, "seconds": %s}\n' \
    "$(awk -v k="$(rss_kb "$work/parse.time")" 'BEGIN {print k/1024}')" "$big_bytes" "$(wall_s "$work/parse.time")"
  printf '{"name": "bpack_db_ratio", "median": %s, "unit": "x input", "runs": 1, "db_bytes": %s, "input_bytes": %s}\n' \
    "$(awk -v d="$db_bytes" -v i="$input_bytes" 'BEGIN {print d/i}')" "$db_bytes" "$input_bytes"
} >"$work/bpack.jsonl"
cat "$work/baseline.jsonl" "$work/bpack.jsonl" >"$work/results.jsonl"

step "report (total $((SECONDS - t_start)) s)"
python3 "$repo/bench/report.py" "$work/results.jsonl" \
  --meta "corpus $mb MB, seed $seed, runs $runs, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "raw JSON lines: $work/results.jsonl" >&2
