#!/usr/bin/env bash
# Quick start: installs what is missing, builds, indexes corpus/ and runs a
# few example searches.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
db="${BRIEFING_DB:-build/corpus.db}"
run() { echo; echo "\$ $*"; "$@" || true; }
run build/indexer/indexer --db "$db" corpus/
run build/searcher/searcher --db "$db" --limit 3 --facet-limit 5 hybrid threats
run build/searcher/searcher --db "$db" --country ROK --limit 3 --facet-limit 5
run build/searcher/searcher --db "$db" --minister hakkanen --limit 3 --facet-limit 5
run build/searcher/searcher --db "$db" --limit 2 --format json 'topic:"defense technology" country:japan'
