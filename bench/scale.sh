#!/usr/bin/env bash
# Does it work at a size where the reference loops take too long to run
# beside it? Indexes a generated corpus of N briefings with W writers and
# records time, peak memory and size, then searches it.
#
#   bash bench/scale.sh [--docs N] [--index-jobs W] [--shards S] [--stop-after SECONDS]
#
# Defaults: N = 1000000, W = 2, S = 2 (a sharded index is written in place,
# so it can be searched while it grows), no time limit. With --stop-after,
# indexing is stopped (SIGTERM) after that long and the searches run on
# what was committed; the report says how far it got. Uses the Release build
# and corpus cache of bench/run.sh (build-bench/); writes
# build-bench/scale-N.txt.
set -euo pipefail

DOCS=1000000
WRITERS=2
SHARDS=2
STOP_AFTER=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --docs) DOCS=$2; shift 2 ;;
    --index-jobs) WRITERS=$2; shift 2 ;;
    --shards) SHARDS=$2; shift 2 ;;
    --stop-after) STOP_AFTER=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scale.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build-bench
CORPUS=$BUILD/corpus-$DOCS
WORK=$BUILD/scale-$DOCS
QUERIES=$ROOT/bench/queries.txt
note() { echo "scale.sh: $*" >&2; }

note "building Release in $BUILD"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$BUILD" -j 2 --target indexer searcher gen_corpus > /dev/null
if [[ ! -f "$CORPUS/gold.tsv" ]]; then
  note "generating $DOCS documents into $CORPUS"
  rm -rf "$CORPUS"
  "$BUILD/bench/gen_corpus" --out "$CORPUS" --docs "$DOCS" --seed 42 --data "$ROOT/data"
fi
rm -rf "$WORK"
mkdir -p "$WORK"
INPUT_BYTES=$(du -sb --exclude=gold.tsv "$CORPUS" | cut -f1)

note "indexer --jobs $WRITERS --shards $SHARDS"
/usr/bin/time -f 'wall_seconds=%e user=%U sys=%S max_rss_kb=%M' -o "$WORK/index.time" \
  "$BUILD/indexer/indexer" --db "$WORK/db" --jobs "$WRITERS" --shards "$SHARDS" "$CORPUS" \
  > "$WORK/index.out" 2> "$WORK/index.err" &
TIMER=$!
INDEXER=""
for _ in $(seq 50); do INDEXER=$(pgrep -P "$TIMER" || true); [[ -n "$INDEXER" ]] && break; sleep 0.1; done
if [[ $STOP_AFTER -gt 0 ]]; then
  ( sleep "$STOP_AFTER"; [[ -n "$INDEXER" ]] && kill -TERM "$INDEXER" 2>/dev/null ) &
  STOPPER=$!
fi
STATUS=0
wait "$TIMER" || STATUS=$?
[[ $STOP_AFTER -gt 0 ]] && kill "$STOPPER" 2>/dev/null || true
field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1" | tail -1; }
WALL=$(field "$WORK/index.time" wall_seconds)
RSS_MB=$(( $(field "$WORK/index.time" max_rss_kb) / 1024 ))
DB_BYTES=$(du -sb "$WORK/db" | cut -f1)
INDEXED=$("$BUILD/searcher/searcher" --db "$WORK/db" --stats --format json | sed -n 's/.*"documents": \([0-9]*\).*/\1/p')

note "searcher --batch"
/usr/bin/time -f 'wall_seconds=%e max_rss_kb=%M' -o "$WORK/batch.time" \
  "$BUILD/searcher/searcher" --db "$WORK/db" --format jsonl --limit 10 --batch "$QUERIES" > "$WORK/batch.out" 2> "$WORK/batch.err" || true
NQ=$(grep -c . "$QUERIES")
note "searcher, one process per query (first 40 queries)"
: > "$WORK/per-process.ms"
head -40 "$QUERIES" | while IFS= read -r q; do
  start=$EPOCHREALTIME
  "$BUILD/searcher/searcher" --db "$WORK/db" --format json "$q" > /dev/null 2>&1 || true
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }' >> "$WORK/per-process.ms"
done
MEDIAN=$(sort -n "$WORK/per-process.ms" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')

{
  printf 'Briefing Search at scale: %s generated documents, %.1f MB of input, %s cores, %s\n' \
    "$DOCS" "$(awk -v b="$INPUT_BYTES" 'BEGIN { print b / 1e6 }')" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%MZ)"
  printf 'indexer --jobs %s --shards %s: exit %s, %s documents indexed in %s s (%.1f documents/s), peak RSS %s MB\n' \
    "$WRITERS" "$SHARDS" "$STATUS" "$INDEXED" "$WALL" "$(awk -v n="$INDEXED" -v s="$WALL" 'BEGIN { print n / s }')" "$RSS_MB"
  printf 'indexer summary: %s\n' "$(tail -1 "$WORK/index.out" 2>/dev/null)"
  printf 'index size: %.1f MB (%.2f x the input)\n' "$(awk -v b="$DB_BYTES" 'BEGIN { print b / 1e6 }')" \
    "$(awk -v b="$DB_BYTES" -v i="$INPUT_BYTES" 'BEGIN { print b / i }')"
  printf 'searcher --batch: %s queries in %s s (%.1f ms/query, every facet exact, snippets), peak RSS %s MB, %s error lines\n' \
    "$NQ" "$(field "$WORK/batch.time" wall_seconds)" \
    "$(awk -v w="$(field "$WORK/batch.time" wall_seconds)" -v n="$NQ" 'BEGIN { print w * 1000 / n }')" \
    "$(( $(field "$WORK/batch.time" max_rss_kb) / 1024 ))" "$(wc -l < "$WORK/batch.err")"
  printf 'searcher, one process per query (40 queries): median %s ms\n' "$MEDIAN"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$BUILD/scale-$DOCS.txt"
