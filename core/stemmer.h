#pragma once
// The English stemmer used for terms, queries and snippets, with a cache:
// Snowball stems every word afresh, and briefings repeat their words (a
// snippet stems each word of the text again; the indexer each word of every
// briefing). Same stems as Xapian::Stem("english").
#include <xapian.h>

namespace briefing {

// This thread's stemmer (its cache is not shared between threads: use it on
// the thread that asked for it).
Xapian::Stem english_stemmer();

}  // namespace briefing
