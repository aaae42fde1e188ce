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

// english_stemmer() for highlighting the matches of `query`: a word is
// stemmed only when its first byte starts one of the query's stemmed terms
// ("Zthreat"); others come back as they are. English stems keep a word's
// first letter, so such a word could not match a stemmed term anyway, and
// most words of a snippet's text are never stemmed.
Xapian::Stem stemmer_for(const Xapian::Query& query);

}  // namespace briefing
