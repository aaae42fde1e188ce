#!/usr/bin/env bash
# Benchmark of indexer and searcher against plain Xapian, in one run.
#
#   bash bench/run.sh [--docs N] [--jobs J] [--index-jobs W] [--seed S] [--keep]
#
# --jobs J: build parallelism (default 2); --index-jobs W: writers for the
# parallel indexing run (default 2; 0 skips it); --keep: keep the databases
# in build-bench/run-N/ (the logs are always kept there).
#
# Builds Release in build-bench/, generates (or reuses) a synthetic corpus in
# build-bench/corpus-N, then measures indexing speed, peak memory, index size,
# re-indexing an unchanged corpus, and query time, each next to its plain
# Xapian yardstick (ref_index, quest, ref_search). Prints a table of ratios
# and the exact commands used; also writes build-bench/results-N.txt.
# See bench/README.md.
set -euo pipefail

DOCS=20000
JOBS=2
INDEX_JOBS=2
SEED=42
KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --docs) DOCS=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --index-jobs) INDEX_JOBS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$DOCS" =~ ^[0-9]+$ && "$DOCS" -gt 0 ]] || { echo "run.sh: --docs needs a positive number" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build-bench
CORPUS=$BUILD/corpus-$DOCS
WORK=$BUILD/run-$DOCS
RESULTS=$BUILD/results-$DOCS.txt
QUERIES=$ROOT/bench/queries.txt
TOOLS=$BUILD/bench
INDEXER=$BUILD/indexer/indexer
SEARCHER=$BUILD/searcher/searcher
COMMANDS=()

note() { echo "run.sh: $*" >&2; }
# Runs a command and remembers it for the "Commands" list.
record() { COMMANDS+=("$(printf '%q ' "$@")"); }
run() {
  record "$@"
  "$@"
}
# Installs a Debian package when it is missing and we may (root or sudo).
ensure_package() {
  local binary=$1 package=$2
  command -v "$binary" >/dev/null 2>&1 && return 0
  local sudo=""
  [[ $(id -u) -ne 0 ]] && { command -v sudo >/dev/null 2>&1 && sudo="sudo -n" || return 1; }
  note "installing $package"
  $sudo apt-get install -y -q "$package" >/dev/null 2>&1 || { $sudo apt-get update -q >/dev/null 2>&1 &&
    $sudo apt-get install -y -q "$package" >/dev/null 2>&1; } || return 1
  command -v "$binary" >/dev/null 2>&1
}

# ---- build -------------------------------------------------------------------
note "building Release in $BUILD"
run cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
run cmake --build "$BUILD" -j "$JOBS" --target indexer searcher gen_corpus ref_index ref_search peak_rss >/dev/null

# Wall time, CPU time and peak RSS of a command: GNU time, else our wrapper.
# Both take "-o FILE COMMAND...".
if [[ -x /usr/bin/time ]] || ensure_package /usr/bin/time time; then
  TIMER=(/usr/bin/time -f 'wall_seconds=%e user=%U sys=%S max_rss_kb=%M' -o)
else
  note "GNU time not available; using $TOOLS/peak_rss (no CPU times)"
  TIMER=("$TOOLS/peak_rss" -o)
fi
measure() { local out=$1; shift; rm -f "$out"; run "${TIMER[@]}" "$out" "$@"; }
field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1" | tail -1; }
HAVE_XAPIAN_TOOLS=1
ensure_package quest xapian-tools && command -v xapian-compact >/dev/null 2>&1 || HAVE_XAPIAN_TOOLS=0
# SQLite FTS5 beside us (bench/fts5.py): Python's sqlite3 module and the CLI.
HAVE_FTS5=1
{ ensure_package python3 python3 && ensure_package sqlite3 sqlite3 &&
  python3 -c "import sqlite3; sqlite3.connect(':memory:').execute('CREATE VIRTUAL TABLE t USING fts5(x)')" \
    2>/dev/null; } || HAVE_FTS5=0

# ---- corpus (cached by N, seed and generator) -----------------------------------
STAMP="docs=$DOCS seed=$SEED generator=$(cat "$ROOT"/bench/gen_*.cpp "$ROOT"/bench/gen_*.h "$ROOT"/data/* | md5sum | cut -c1-12)"
if [[ -f "$CORPUS.stamp" && "$(cat "$CORPUS.stamp")" == "$STAMP" && -f "$CORPUS/gold.tsv" ]]; then
  note "reusing $CORPUS"
else
  note "generating $DOCS documents into $CORPUS"
  rm -rf "$CORPUS" "$CORPUS.stamp"
  run "$TOOLS/gen_corpus" --out "$CORPUS" --docs "$DOCS" --seed "$SEED" --data "$ROOT/data"
  echo "$STAMP" > "$CORPUS.stamp"
fi
INPUT_BYTES=$(du -sb --exclude=gold.tsv "$CORPUS" | cut -f1)
rm -rf "$WORK"
mkdir -p "$WORK"
find "$CORPUS" -type f -exec cat {} + > /dev/null  # same warm page cache for both indexers

# ---- indexing --------------------------------------------------------------------
# Samples the indexer's resident memory once a second (growth over the run).
sample_rss() {
  local parent=$1 out=$2 pid=""
  while kill -0 "$parent" 2>/dev/null; do
    [[ -z "$pid" ]] && pid=$(pgrep -P "$parent" | head -1 || true)
    [[ -n "$pid" ]] && awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null >> "$out" || true
    sleep 1
  done
}
note "ref_index"
measure "$WORK/ref_index.time" "$TOOLS/ref_index" --db "$WORK/ref.db" "$CORPUS" > "$WORK/ref_index.out"
note "indexer (first run)"
: > "$WORK/indexer.rss"
record "${TIMER[@]}" "$WORK/indexer.time" "$INDEXER" --db "$WORK/briefing.db" --jobs 1 "$CORPUS"
"${TIMER[@]}" "$WORK/indexer.time" "$INDEXER" --db "$WORK/briefing.db" --jobs 1 "$CORPUS" > "$WORK/indexer.out" 2> "$WORK/indexer.err" &
INDEXER_JOB=$!
sample_rss "$INDEXER_JOB" "$WORK/indexer.rss" &
SAMPLER=$!
INDEXER_STATUS=0
wait "$INDEXER_JOB" || INDEXER_STATUS=$?
wait "$SAMPLER" 2>/dev/null || true
note "indexer (again, nothing changed)"
INDEXER2_STATUS=0
measure "$WORK/indexer2.time" "$INDEXER" --db "$WORK/briefing.db" "$CORPUS" > "$WORK/indexer2.out" 2> "$WORK/indexer2.err" || INDEXER2_STATUS=$?

if [[ $INDEX_JOBS -gt 1 ]]; then
  note "indexer --jobs $INDEX_JOBS"
  measure "$WORK/indexer_jobs.time" "$INDEXER" --db "$WORK/jobs.db" --jobs "$INDEX_JOBS" "$CORPUS" \
    > "$WORK/indexer_jobs.out" 2> "$WORK/indexer_jobs.err" || true
  # The same answers as the single-writer index: every query, ranked, with
  # its facet counts (scores included).
  for db in briefing jobs; do
    "$SEARCHER" --db "$WORK/$db.db" --format jsonl --limit 20 --snippet-length 0 --batch "$QUERIES" \
      > "$WORK/answers-$db.jsonl" 2>&1 || true
  done
  record cmp "$WORK/answers-briefing.jsonl" "$WORK/answers-jobs.jsonl"
  JOBS_SAME=$(cmp -s "$WORK/answers-briefing.jsonl" "$WORK/answers-jobs.jsonl" && echo identical || echo DIFFERENT)
fi

# ---- sizes -------------------------------------------------------------------------
size_of() { du -sb "$1" | cut -f1; }
REF_BYTES=$(size_of "$WORK/ref.db")
OUR_BYTES=$(size_of "$WORK/briefing.db")
REF_COMPACT="" OUR_COMPACT=""
if [[ $HAVE_XAPIAN_TOOLS == 1 ]]; then
  note "xapian-compact"
  run xapian-compact "$WORK/ref.db" "$WORK/ref.compact" > /dev/null
  run xapian-compact "$WORK/briefing.db" "$WORK/briefing.compact" > /dev/null
  REF_COMPACT=$(size_of "$WORK/ref.compact")
  OUR_COMPACT=$(size_of "$WORK/briefing.compact")
fi

# ---- searching ---------------------------------------------------------------------
NQ=$(grep -c . "$QUERIES")
# Times one process per query; writes one "ms<TAB>exit status" line per query.
per_process() {
  local out=$1; shift
  : > "$out"
  COMMANDS+=("while read q; do $(printf '%q ' "$@")\"\$q\"; done < $QUERIES")
  while IFS= read -r q; do
    [[ -z "$q" ]] && continue
    local start=$EPOCHREALTIME status=0
    "$@" "$q" > /dev/null 2>> "$out.err" || status=$?
    local end=$EPOCHREALTIME
    awk -v s="$start" -v e="$end" -v st="$status" 'BEGIN { printf "%.3f\t%d\n", (e - s) * 1000, st }' >> "$out"
  done < "$QUERIES"
}
stats() {  # mean and median of column 1
  cut -f1 "$1" | sort -n | awk '{ v[NR] = $1; s += $1 } END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f %.2f\n", s / NR, m }'
}
note "searcher: one process per query ($NQ queries)"
per_process "$WORK/searcher.ms" "$SEARCHER" --db "$WORK/briefing.db" --format json --limit 10
read -r S_MEAN S_MEDIAN < <(stats "$WORK/searcher.ms")
S_ERRORS=$(awk -F'\t' '$2 >= 2' "$WORK/searcher.ms" | wc -l)
S_EMPTY=$(awk -F'\t' '$2 == 1' "$WORK/searcher.ms" | wc -l)
Q_MEAN="" Q_MEDIAN=""
if [[ $HAVE_XAPIAN_TOOLS == 1 ]]; then
  note "quest: one process per query"
  per_process "$WORK/quest.ms" quest -d "$WORK/briefing.db" -o and -m 10
  read -r Q_MEAN Q_MEDIAN < <(stats "$WORK/quest.ms")
fi
note "ref_search (in-process)"
run "$TOOLS/ref_search" --db "$WORK/briefing.db" --queries "$QUERIES" --facet-slot 0 > "$WORK/ref_search_facet.out"
run "$TOOLS/ref_search" --db "$WORK/ref.db" --queries "$QUERIES" > "$WORK/ref_search_plain.out"
rs_field() { sed -n "s/.* $2 \([0-9.]*\) ms.*/\1/p" "$1"; }
R_MEAN=$(rs_field "$WORK/ref_search_facet.out" mean)
R_MEDIAN=$(rs_field "$WORK/ref_search_facet.out" median)
P_MEAN=$(rs_field "$WORK/ref_search_plain.out" mean)
P_MEDIAN=$(rs_field "$WORK/ref_search_plain.out" median)
B_MS="" B_STATUS=""
SEARCHER_HELP=$("$SEARCHER" --help 2>/dev/null || true)
if [[ "$SEARCHER_HELP" == *--batch* ]]; then
  note "searcher --batch"
  B_STATUS=0
  measure "$WORK/batch.time" "$SEARCHER" --db "$WORK/briefing.db" --format json --limit 10 --batch "$QUERIES" \
    > "$WORK/batch.out" 2> "$WORK/batch.err" || B_STATUS=$?
  B_MS=$(awk -v w="$(field "$WORK/batch.time" wall_seconds)" -v n="$NQ" 'BEGIN { printf "%.2f", w * 1000 / n }')
  note "searcher --batch --snippet-length 0"
  measure "$WORK/batch0.time" "$SEARCHER" --db "$WORK/briefing.db" --format json --limit 10 --snippet-length 0 \
    --batch "$QUERIES" > "$WORK/batch0.out" 2> "$WORK/batch0.err" || B_STATUS=$?
  B0_MS=$(awk -v w="$(field "$WORK/batch0.time" wall_seconds)" -v n="$NQ" 'BEGIN { printf "%.2f", w * 1000 / n }')
fi

# Side by side again, interleaved runs, over all queries and the equal-work ones
# (bench/search.sh explains).
SIDE=""
if [[ $HAVE_XAPIAN_TOOLS == 1 && "$SEARCHER_HELP" == *--batch* ]]; then
  note "bench/search.sh: interleaved runs"
  record bash "$ROOT/bench/search.sh" --db "$WORK/briefing.db" --queries "$QUERIES" --runs 3
  SIDE=$(bash "$ROOT/bench/search.sh" --db "$WORK/briefing.db" --queries "$QUERIES" --runs 3 --work "$WORK/side" 2>/dev/null |
    sed -n '/^equal-work/,/^searcher:/p' | sed '$d' || true)
fi

# ---- SQLite FTS5: the same corpus and queries, five facets counted by SQL ----------
F_MEAN="" F_MEDIAN="" F_IN_MEAN="" F_IN_MEDIAN="" F_BUILD=""
if [[ $HAVE_FTS5 == 1 ]]; then
  note "SQLite FTS5: build, then the queries in process and one sqlite3 process per query"
  run python3 "$ROOT/bench/fts5.py" build --corpus "$CORPUS" --db "$WORK/fts5.sqlite" > "$WORK/fts5_build.out"
  F_BUILD=$(tail -1 "$WORK/fts5_build.out")
  python3 "$ROOT/bench/fts5.py" convert --queries "$QUERIES" > "$WORK/fts5.queries"
  run python3 "$ROOT/bench/fts5.py" batch --db "$WORK/fts5.sqlite" --queries "$WORK/fts5.queries" \
    > "$WORK/fts5_batch.out"
  F_IN_MEAN=$(rs_field "$WORK/fts5_batch.out" mean)
  F_IN_MEDIAN=$(rs_field "$WORK/fts5_batch.out" median)
  # The SQL of each query made beforehand, so that only sqlite3 is timed.
  : > "$WORK/fts5.sql"
  while IFS= read -r expr; do
    python3 "$ROOT/bench/fts5.py" sql "$expr" | tr '\n' ' ' >> "$WORK/fts5.sql"
    echo >> "$WORK/fts5.sql"
  done < "$WORK/fts5.queries"
  COMMANDS+=("while read sql; do sqlite3 -readonly $WORK/fts5.sqlite \"\$sql\"; done < $WORK/fts5.sql")
  : > "$WORK/fts5.ms"
  while IFS= read -r sql; do
    start=$EPOCHREALTIME status=0
    sqlite3 -readonly "$WORK/fts5.sqlite" "$sql" > /dev/null 2>> "$WORK/fts5.ms.err" || status=$?
    end=$EPOCHREALTIME
    awk -v s="$start" -v e="$end" -v st="$status" 'BEGIN { printf "%.3f\t%d\n", (e - s) * 1000, st }' >> "$WORK/fts5.ms"
  done < "$WORK/fts5.sql"
  read -r F_MEAN F_MEDIAN < <(stats "$WORK/fts5.ms")
fi

# ---- report ------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
mb() { awk -v b="$1" 'BEGIN { if (b == "") print "-"; else printf "%.1f", b / 1e6 }'; }
per_input() { awk -v b="$1" -v i="$INPUT_BYTES" 'BEGIN { if (b == "") print "-"; else printf "%.2f", b / i }'; }
rate() { awk -v n="$DOCS" -v s="$1" 'BEGIN { printf "%.1f", (s > 0) ? n / s : 0 }'; }
cpu() { awk -v u="$(field "$1" user)" -v s="$(field "$1" sys)" 'BEGIN { if (u == "") print ""; else printf "%.2f", u + s }'; }

REF_WALL=$(field "$WORK/ref_index.time" wall_seconds)
OUR_WALL=$(field "$WORK/indexer.time" wall_seconds)
OUR2_WALL=$(field "$WORK/indexer2.time" wall_seconds)
REF_CPU=$(cpu "$WORK/ref_index.time")
OUR_CPU=$(cpu "$WORK/indexer.time")
REF_RATE=$(rate "$REF_WALL")
OUR_RATE=$(rate "$OUR_WALL")
REF_CPU_RATE=$([[ -n "$REF_CPU" ]] && rate "$REF_CPU" || echo "")
OUR_CPU_RATE=$([[ -n "$OUR_CPU" ]] && rate "$OUR_CPU" || echo "")
JOBS_RATE="" JOBS_RSS=""
if [[ -f "$WORK/indexer_jobs.time" ]]; then
  JOBS_RATE=$(rate "$(field "$WORK/indexer_jobs.time" wall_seconds)")
  JOBS_RSS=$(field "$WORK/indexer_jobs.time" max_rss_kb)
fi
REF_RSS=$(field "$WORK/ref_index.time" max_rss_kb)
OUR_RSS=$(field "$WORK/indexer.time" max_rss_kb)
OUR2_RSS=$(field "$WORK/indexer2.time" max_rss_kb)
RSS_SAMPLES=$(awk '{ v[NR] = $1 } END { if (NR) printf "%.0f/%.0f/%.0f/%.0f MB", v[int(NR/4)+1]/1024, v[int(NR/2)+1]/1024, v[int(3*NR/4)+1]/1024, v[NR]/1024 }' "$WORK/indexer.rss")

{
  printf 'Briefing Search benchmark: %s documents (seed %s), input %s MB, %s cores, %s\n' \
    "$DOCS" "$SEED" "$(mb "$INPUT_BYTES")" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%MZ)"
  printf 'load average at the end: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-40s %14s %14s %10s\n' "measure" "briefing" "reference" "ratio"
  printf '%-40s %14s %14s %10s\n' "----------------------------------------" "--------------" "--------------" "----------"
  row() { printf '%-40s %14s %14s %10s\n' "$1" "$2" "$3" "$4"; }
  row "index: documents/s, wall (ref_index)" "$OUR_RATE" "$REF_RATE" "$(ratio "$OUR_RATE" "$REF_RATE")"
  row "index: documents/s, CPU time" "${OUR_CPU_RATE:--}" "${REF_CPU_RATE:--}" "$(ratio "$OUR_CPU_RATE" "$REF_CPU_RATE")"
  if [[ -n "$JOBS_RATE" ]]; then
    row "index --jobs $INDEX_JOBS: documents/s, wall" "$JOBS_RATE" "$REF_RATE" "$(ratio "$JOBS_RATE" "$REF_RATE")"
    row "index --jobs $INDEX_JOBS: peak RSS MB" "$(mb "$((JOBS_RSS * 1000))")" "$(mb "$((REF_RSS * 1000))")" "$(ratio "$JOBS_RSS" "$REF_RSS")"
  fi
  row "index: wall seconds" "$OUR_WALL" "$REF_WALL" "$(ratio "$OUR_WALL" "$REF_WALL")"
  row "index: peak RSS MB" "$(mb "$((OUR_RSS * 1000))")" "$(mb "$((REF_RSS * 1000))")" "$(ratio "$OUR_RSS" "$REF_RSS")"
  row "index: size MB" "$(mb "$OUR_BYTES")" "$(mb "$REF_BYTES")" "$(ratio "$OUR_BYTES" "$REF_BYTES")"
  row "index: size / input" "$(per_input "$OUR_BYTES")" "$(per_input "$REF_BYTES")" "$(ratio "$OUR_BYTES" "$REF_BYTES")"
  row "compacted: size / input (xapian-compact)" "$(per_input "$OUR_COMPACT")" "$(per_input "$REF_COMPACT")" "$(ratio "$OUR_COMPACT" "$REF_COMPACT")"
  row "re-index unchanged: s (vs first run)" "$OUR2_WALL" "$OUR_WALL" "$(ratio "$OUR2_WALL" "$OUR_WALL")"
  row "search, process per query: ms mean (quest)" "$S_MEAN" "${Q_MEAN:--}" "$(ratio "$S_MEAN" "$Q_MEAN")"
  row "search, process per query: ms median" "$S_MEDIAN" "${Q_MEDIAN:--}" "$(ratio "$S_MEDIAN" "$Q_MEDIAN")"
  if [[ -n "$B_MS" ]]; then
    row "search --batch, whole run (*): ms/query" "$B_MS" "$R_MEAN" "$(ratio "$B_MS" "$R_MEAN")"
    row "  the same without snippets (*)" "$B0_MS" "$R_MEAN" "$(ratio "$B0_MS" "$R_MEAN")"
  fi
  row "ref_search --facet-slot 0: ms mean/median" "$R_MEAN/$R_MEDIAN" "$P_MEAN/$P_MEDIAN" "$(ratio "$R_MEAN" "$P_MEAN")"
  if [[ -n "$F_MEAN" ]]; then
    F_RATE=$(sed -n 's/.*(\([0-9.]*\) documents\/s).*/\1/p' <<< "$F_BUILD")
    row "vs SQLite FTS5, index: documents/s" "$(rate "$OUR_WALL")" "$F_RATE" "$(ratio "$(rate "$OUR_WALL")" "$F_RATE")"
    row "vs SQLite FTS5, process per query: mean" "$S_MEAN" "$F_MEAN" "$(ratio "$S_MEAN" "$F_MEAN")"
    row "vs SQLite FTS5, process per query: median" "$S_MEDIAN" "$F_MEDIAN" "$(ratio "$S_MEDIAN" "$F_MEDIAN")"
    [[ -n "$B_MS" ]] && row "vs SQLite FTS5 in process (--batch): mean" "$B_MS" "$F_IN_MEAN" "$(ratio "$B_MS" "$F_IN_MEAN")"
  fi
  if [[ -n "$SIDE" ]]; then
    echo
    echo "Search side by side (bench/search.sh, 3 interleaved runs, medians):"
    printf '%s\n' "$SIDE"
  fi
  echo
  [[ -z "$B_MS" ]] && echo "searcher --batch: not available"
  [[ -n "$B_MS" ]] && printf 'searcher --batch: %s queries in %s s (process start included once), peak RSS %s MB, exit %s\n' \
    "$NQ" "$(field "$WORK/batch.time" wall_seconds)" "$(mb "$(( $(field "$WORK/batch.time" max_rss_kb) * 1000 ))")" "$B_STATUS"
  printf 'indexer summary: %s (exit %s)\n' "$(tail -1 "$WORK/indexer.out")" "$INDEXER_STATUS"
  [[ -n "$JOBS_RATE" ]] && printf 'indexer --jobs %s: %s (answers to every query vs the single-writer index: %s)\n' \
    "$INDEX_JOBS" "$(tail -1 "$WORK/indexer_jobs.out")" "$JOBS_SAME"
  printf 'indexer re-run:  %s (exit %s, peak RSS %s MB)\n' "$(tail -1 "$WORK/indexer2.out")" "$INDEXER2_STATUS" "$(mb "$((OUR2_RSS * 1000))")"
  printf 'indexer RSS at 1/4, 1/2, 3/4 and end of the first run: %s\n' "${RSS_SAMPLES:-no samples}"
  printf 'indexer stderr lines: %s first run, %s re-run\n' "$(wc -l < "$WORK/indexer.err")" "$(wc -l < "$WORK/indexer2.err")"
  printf '%s\n' "$(tail -1 "$WORK/ref_index.out")"
  printf 'searcher per process: %s queries, %s matched nothing (exit 1), %s errors (exit 2+)\n' "$NQ" "$S_EMPTY" "$S_ERRORS"
  printf '%s\n' "$(cat "$WORK/ref_search_facet.out")" "$(cat "$WORK/ref_search_plain.out")"
  if [[ -n "$F_MEAN" ]]; then
    printf '%s\n%s\n' "$F_BUILD" "$(cat "$WORK/fts5_batch.out")"
    printf 'fts5 per process (sqlite3 CLI): %s queries, %s failed\n' "$(wc -l < "$WORK/fts5.ms")" \
      "$(awk -F'\t' '$2 != 0' "$WORK/fts5.ms" | wc -l)"
  else
    echo "SQLite FTS5: not run (needs python3 and sqlite3 with FTS5)"
  fi
  echo
  echo "reference: ref_index = plain TermGenerator loop; quest = xapian-tools on the same index (-o and -m 10);"
  echo "ref_search = plain QueryParser + get_mset(0,10) in one process; -f0 = one ValueCountMatchSpy on slot 0"
  echo "(the date), exact counts; searcher counts all six facets exactly (one spy on the value-id slot), lists"
  echo "the ten most frequent values of each (--facet-limit's default) in its JSON and, unless --snippet-length 0,"
  echo "reads each hit's file for its snippet. SQLite FTS5 (bench/fts5.py): title and"
  echo "body with the Porter stemmer, top 10 by rank with snippets, the total, and exact counts of five facets"
  echo "(the generator's gold labels) by SQL. Wall times depend on other load on the machine; CPU times less so."
  echo "(*) one pass of searcher --batch timed whole (process start, reading the queries and the output included)"
  echo "against ref_search's in-process mean: not like for like; the --batch rows of bench/search.sh below are."
  echo
  echo "Commands:"
  printf '  %s\n' "${COMMANDS[@]}"
} | tee "$RESULTS"
note "results written to $RESULTS"
if [[ $KEEP == 0 ]]; then rm -rf "$WORK"/*.db "$WORK"/*.compact; fi
