#!/usr/bin/env bash
# Search time side by side with plain Xapian, on an index that exists.
#
#   bash bench/search.sh --db DIR [--queries FILE] [--runs N] [--passes P] [--work DIR]
#
# DIR: a database made by `indexer` (run.sh --keep leaves one in
# build-bench/run-N/briefing.db); FILE: one query per line (default
# bench/queries.txt); N runs (default 5); P: how many times each --batch
# run goes through the queries (default 5, so that a batch lasts about a
# second rather than 0.2 s, whose wall time moved by 40 % between runs);
# --work: where the raw times go
# (default: a new temporary folder). Each run times, one after the other,
# `searcher --batch` with and without snippets against `ref_search
# --facet-slot 0` (one exact facet count), then one process per query,
# `searcher` (JSON, then text) against `quest` and against `ref_search
# --facet-slot 0` run as one process, query by query. Medians
# over the runs, so that a slow moment of the machine weighs on both
# sides alike.
#
# Every figure is given twice: over all the queries, and over the
# "equal-work" queries, those for which ref_search finds exactly as many
# matches as the searcher. The others are British spellings, accented
# names and aliases ("defence", "Häkkänen", "ROK"): the plain loop finds
# nothing or fewer documents for them (the index holds "defense",
# "hakkanen", "South Korea"), so it has less to count and rank.
set -euo pipefail

DB="" QUERIES="" RUNS=5 PASSES=5 WORK=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --passes) PASSES=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "search.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build-bench
QUERIES=${QUERIES:-$ROOT/bench/queries.txt}
[[ -n "$DB" && -d "$DB" ]] || { echo "search.sh: --db DIR: no database folder '$DB'" >&2; exit 2; }
[[ -f "$QUERIES" ]] || { echo "search.sh: --queries: cannot read '$QUERIES'" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "search.sh: --runs needs a positive number" >&2; exit 2; }
[[ "$PASSES" =~ ^[1-9][0-9]*$ ]] || { echo "search.sh: --passes needs a positive number" >&2; exit 2; }
command -v quest >/dev/null || { echo "search.sh: needs quest (apt-get install xapian-tools)" >&2; exit 2; }
SEARCHER=$BUILD/searcher/searcher
REF=$BUILD/bench/ref_search
if [[ ! -x "$SEARCHER" || ! -x "$REF" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j 2 --target searcher ref_search >/dev/null
fi
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
note() { echo "search.sh: $*" >&2; }

# The queries, blank lines left out (both programs skip them).
grep -v '^[[:space:]]*$' "$QUERIES" | grep -v '^#' > "$WORK/all.txt" || true
NQ=$(wc -l < "$WORK/all.txt")
[[ $NQ -gt 0 ]] || { echo "search.sh: no queries in '$QUERIES'" >&2; exit 2; }

# ---- the equal-work queries --------------------------------------------------------
note "matches per query: ref_search and searcher"
"$REF" --db "$DB" --queries "$WORK/all.txt" --facet-slot 0 --verbose | head -n "$NQ" | cut -f2 > "$WORK/ref.totals"
: > "$WORK/our.totals"
while IFS= read -r q; do
  # (exit status 1, nothing matched, is an answer too)
  total=$({ printf '%s\n' "$q" | "$SEARCHER" --db "$DB" --format json --limit 1 --snippet-length 0 --batch - 2>/dev/null ||
    true; } | sed -n 's/^{"query":"\([^"\\]\|\\.\)*","total":\([0-9]*\),.*/\2/p' | head -1)
  echo "${total:-error}" >> "$WORK/our.totals"
done < "$WORK/all.txt"
paste "$WORK/ref.totals" "$WORK/our.totals" "$WORK/all.txt" | awk -F'\t' '$1 == $2 { print $3 }' > "$WORK/equal.txt"
NE=$(wc -l < "$WORK/equal.txt")
# What each --batch run reads: the queries PASSES times over.
for set in all equal; do
  for _ in $(seq "$PASSES"); do cat "$WORK/$set.txt"; done > "$WORK/$set.passes.txt"
done

# ---- timing ------------------------------------------------------------------------
ms_per_query() {  # ms_per_query N COMMAND...: wall ms of COMMAND / N
  local n=$1; shift
  local start=$EPOCHREALTIME
  "$@" > /dev/null 2>&1 || true
  local end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" -v n="$n" 'BEGIN { printf "%.4f\n", (e - s) * 1000 / n }'
}
: > "$WORK/batch.ms"
: > "$WORK/process.ms"
for run in $(seq "$RUNS"); do
  note "run $run of $RUNS"
  for set in all equal; do
    n=$([[ $set == all ]] && echo "$NQ" || echo "$NE")
    [[ $n -gt 0 ]] || continue
    n=$((n * PASSES))
    f=$WORK/$set.passes.txt
    printf '%s\t%s\t%s\t%s\n' "$set" \
      "$(ms_per_query "$n" "$SEARCHER" --db "$DB" --format json --limit 10 --batch "$f")" \
      "$(ms_per_query "$n" "$SEARCHER" --db "$DB" --format json --limit 10 --snippet-length 0 --batch "$f")" \
      "$(ms_per_query "$n" "$REF" --db "$DB" --queries "$f" --facet-slot 0)" >> "$WORK/batch.ms"
  done
  # One process per query, the two programs in turn, query by query.
  # The fifth column: ref_search -f0 as one process for the query, the
  # plainest program that counts one facet over every match.
  paste "$WORK/ref.totals" "$WORK/our.totals" "$WORK/all.txt" | while IFS=$'\t' read -r ref ours q; do
    equal=$([[ "$ref" == "$ours" ]] && echo 1 || echo 0)
    printf '%s\n' "$q" > "$WORK/one.txt"
    printf '%s\t%s\t%s\t%s\t%s\n' "$equal" \
      "$(ms_per_query 1 quest -d "$DB" -o and -m 10 "$q")" \
      "$(ms_per_query 1 "$SEARCHER" --db "$DB" --format json --limit 10 "$q")" \
      "$(ms_per_query 1 "$SEARCHER" --db "$DB" --limit 10 "$q")" \
      "$(ms_per_query 1 "$REF" --db "$DB" --queries "$WORK/one.txt" --facet-slot 0)" >> "$WORK/process.ms"
  done
done

# ---- report ------------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mean() { awk '{ s += $1 } END { if (NR) printf "%.3f", s / NR }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
col() { awk -F'\t' -v s="$1" -v c="$2" '$1 == s { print $c }' "$WORK/batch.ms"; }
proc() { awk -F'\t' -v only="$1" -v c="$2" 'only == "all" || $1 == 1 { print $c }' "$WORK/process.ms"; }
cell() { printf '%s / %s = %s' "$1" "$2" "$(ratio "$1" "$2")"; }
DOCS=$(xapian-delve "$DB" 2>/dev/null | sed -n 's/^number of documents = //p' || true)
{
  printf 'Search side by side: %s (%s documents), %s runs (--batch: %s passes over the queries), %s\n' "$DB" "${DOCS:-?}" "$RUNS" "$PASSES" "$(date -u +%Y-%m-%dT%H:%MZ)"
  printf 'equal-work queries: %s of %s (ref_search finds as many matches as the searcher)\n' "$NE" "$NQ"
  printf 'load average at the end: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-52s %-24s %-24s\n' "ms per query, ours / reference = ratio" "all queries" "equal-work queries"
  for what in "--batch, snippets (ref_search -f0)|2" "--batch, --snippet-length 0 (ref_search -f0)|3"; do
    c=${what##*|}
    a=$(col all "$c" | median) ra=$(col all 4 | median) e=$(col equal "$c" | median) re=$(col equal 4 | median)
    printf '%-52s %-24s %-24s\n' "${what%|*}, median of runs" "$(cell "$a" "$ra")" "$(cell "$e" "$re")"
  done
  for what in "json|3" "text, the default|4"; do
    c=${what##*|}
    printf '%-52s %-24s %-24s\n' "process per query, ${what%|*} (quest), mean" \
      "$(cell "$(proc all "$c" | mean)" "$(proc all 2 | mean)")" "$(cell "$(proc equal "$c" | mean)" "$(proc equal 2 | mean)")"
    printf '%-52s %-24s %-24s\n' "process per query, ${what%|*} (quest), median" \
      "$(cell "$(proc all "$c" | median)" "$(proc all 2 | median)")" "$(cell "$(proc equal "$c" | median)" "$(proc equal 2 | median)")"
  done
  printf '%-52s %-24s %-24s\n' "process per query, json (ref_search -f0), mean" \
    "$(cell "$(proc all 3 | mean)" "$(proc all 5 | mean)")" "$(cell "$(proc equal 3 | mean)" "$(proc equal 5 | mean)")"
  printf '%-52s %-24s %-24s\n' "process per query, json (ref_search -f0), median" \
    "$(cell "$(proc all 3 | median)" "$(proc all 5 | median)")" "$(cell "$(proc equal 3 | median)" "$(proc equal 5 | median)")"
  echo
  echo "searcher: --limit 10 with snippets, every facet counted exactly, the top 10 values of each listed"
  echo "(--facet-limit's default) in JSON and text. ref_search: QueryParser, get_mset(0, 10) and one ValueCountMatchSpy"
  echo "on the date slot (as one process per query too: the plainest program that counts a facet exactly);
quest -o and -m 10 (top 10 and an estimated total, no counting). Wall times."
  echo "Commands: bash bench/search.sh --db $DB --queries $QUERIES --runs $RUNS --passes $PASSES (raw times in $WORK)"
}
