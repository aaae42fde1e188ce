#!/usr/bin/env bash
# Runs the libFuzzer targets for a while each, on seeds from corpus/,
# tests/devset/ and fuzz/queries.txt; new inputs it finds are kept in
# $FUZZ_WORK (default build-fuzz/fuzz-work), crashes in $FUZZ_WORK/crashes.
#
#   bash fuzz/run.sh [BUILD_DIR] [SECONDS] [TARGET...]
#
# BUILD_DIR defaults to build-fuzz (configured with -DBRIEFING_FUZZ=ON),
# SECONDS to 60 per target, TARGET to all three; FUZZ_PARALLEL=1 runs the
# targets side by side; FUZZ_SEED=N and FUZZ_RUNS (below) make the inputs
# tried nearly the same on every run (CI sets both; by default each run
# tries new ones). Exits non-zero when a target finds a
# crash, a leak, a timeout or a sanitizer report. Known leaks inside Xapian
# itself are suppressed (lsan.supp).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="${1:-$root/build-fuzz}"
seconds="${2:-60}"
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(front_matter_fuzzer extractor_fuzzer query_fuzzer)
work="${FUZZ_WORK:-$build/fuzz-work}"
mkdir -p "$work/crashes"
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
seed_flag=()
[ -z "${FUZZ_SEED:-}" ] || seed_flag=(-seed="$FUZZ_SEED")
# FUZZ_RUNS="target=N,...": that target tries N inputs (with FUZZ_SEED,
# nearly the same ones on any machine, however fast); SECONDS x 5 then only
# guards against a hang.
runs_of() {
  local pair
  for pair in ${FUZZ_RUNS//,/ }; do
    [ "${pair%%=*}" = "$1" ] && { echo "${pair#*=}"; return; }
  done
}

# One query per file, from queries.txt.
seeds_query="$work/seeds-query"
rm -rf "$seeds_query"
mkdir -p "$seeds_query"
n=0
while IFS= read -r q; do
  n=$((n + 1))
  printf '%s' "$q" > "$seeds_query/q$n"
done < "$here/queries.txt"
# A few with the other lines: since, until, countries, topics.
printf 'hybrid threats\n2024\n2024-06\njapan,finland\ncyber' > "$seeds_query/lines1"
printf 'kihara\n2024-13-45\n\nROK\n' > "$seeds_query/lines2"

# One target: its seeds, dictionary and limits; 1 when it found something.
fuzz_one() {
  local target="$1" bin="$build/fuzz/$1" out="$work/$1" log="$work/$1.log" seeds dict
  mkdir -p "$out"
  case "$target" in
    query_fuzzer) seeds=("$seeds_query"); dict="$here/query.dict" ;;
    *) seeds=("$root/corpus" "$root/tests/devset"); dict="$here/text.dict" ;;
  esac
  # -timeout: one input taking more than 10 s is a finding (a hang);
  # -rss_limit_mb: so is one needing more than 2 GB.
  local limit=(-max_total_time="$seconds") runs
  runs="$(runs_of "$target")"
  [ -z "$runs" ] || limit=(-runs="$runs" -max_total_time="$((seconds * 5))")
  if ! "$bin" "$out" "${seeds[@]}" -dict="$dict" "${limit[@]}" -timeout=10 "${seed_flag[@]}" \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/crashes/$target-" \
      > "$log" 2>&1; then
    echo "fuzz/run.sh: $target found a problem; see $log and $work/crashes/" >&2
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -20 >&2 || true
    return 1
  fi
}

for target in "${targets[@]}"; do
  [ -x "$build/fuzz/$target" ] || { echo "fuzz/run.sh: no $build/fuzz/$target; build with -DBRIEFING_FUZZ=ON" >&2; exit 2; }
done
status=0
if [ -n "${FUZZ_PARALLEL:-}" ]; then
  # All targets at once, each for $seconds (CI: the time of one).
  echo "== ${targets[*]}: ${seconds}s, side by side"
  pids=()
  for target in "${targets[@]}"; do fuzz_one "$target" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
else
  for target in "${targets[@]}"; do
    echo "== $target: ${seconds}s"
    fuzz_one "$target" || status=1
  done
fi
for target in "${targets[@]}"; do
  echo "-- $target: $(grep -E '^stat::number_of_executed_units' "$work/$target.log" | awk '{print $2}') inputs run," \
       "$(grep -E '^stat::new_units_added' "$work/$target.log" | awk '{print $2}') new in its corpus," \
       "peak $(grep -E '^stat::peak_rss_mb' "$work/$target.log" | awk '{print $2}') MB"
done
exit $status
