#!/usr/bin/env bash
# Installs the build to a temporary prefix and uses what was installed: the
# programs, their man pages and completion, the rule files (found beside the
# programs), and the library through find_package from another project.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"
src="$2"
tmp=$(mktemp -d /tmp/briefing-install-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
p="$tmp/prefix"
for f in bin/indexer bin/searcher share/man/man1/indexer.1 share/man/man1/searcher.1 \
         share/bash-completion/completions/indexer share/bash-completion/completions/searcher \
         share/briefing-search/countries.tsv share/briefing-search/topics.tsv \
         include/briefing/extractor.h lib/libbriefing_core.a lib/cmake/BriefingSearch/BriefingSearchConfig.cmake; do
  [ -e "$p/$f" ] || fail "$f was not installed"
done
"$p/bin/indexer" --version | grep -q "Briefing Search" || fail "indexer --version"
bash -n "$p/share/bash-completion/completions/searcher" || fail "completion script does not parse"

# The installed rule files are the ones used: a topic added to them is found.
printf 'zebra topic\tzebracorn*\n' >> "$p/share/briefing-search/topics.tsv"
mkdir -p "$tmp/docs"
cp "$src/corpus/kihara-hakkanen-tokyo.txt" "$tmp/docs/"
printf 'Zebracorn talks\nThe ministers discussed zebracorns.\n' > "$tmp/docs/zebra.txt"
export HOME="$tmp/home"
unset BRIEFING_DB BRIEFING_DATA_DIR XDG_DATA_HOME
"$p/bin/indexer" "$tmp/docs" > "$tmp/index.log" || fail "installed indexer failed: $(cat "$tmp/index.log")"
"$p/bin/searcher" --topic "zebra topic" --format paths | grep -q zebra.txt || fail "installed rules not used"
"$p/bin/searcher" --minister hakkanen --format paths | grep -q kihara-hakkanen || fail "installed searcher"

# Another program builds against the installed library.
cmake -S "$src/tests/install_example" -B "$tmp/example" -DCMAKE_PREFIX_PATH="$p" > "$tmp/example.log" 2>&1 ||
  fail "configuring the example: $(tail -20 "$tmp/example.log")"
cmake --build "$tmp/example" >> "$tmp/example.log" 2>&1 || fail "building the example: $(tail -20 "$tmp/example.log")"
out=$("$tmp/example/briefing_example" "$HOME/.local/share/briefing-search/db")
echo "$out"
echo "$out" | grep -q "Antti Häkkänen (Finland)" || fail "example extraction"
echo "$out" | grep -q "1 briefings match 'hybrid threats'" || fail "example search"
echo "install test: passed"
