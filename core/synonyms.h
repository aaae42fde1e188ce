#pragma once
// Xapian synonyms from the gazetteers, so that free text finds a country or
// organisation under any of its names: "ROK" also finds briefings that say
// "Republic of Korea", "Britain" those that say "United Kingdom".
#include <xapian.h>

#include "normaliser.h"

namespace briefing {

// Maps every alias of every country and organisation (as the query parser
// will see it, and its stem) to the facet term of what it names. Synonyms
// already in `db` are replaced: after a rules change only the new set is
// left.
void write_synonyms(Xapian::WritableDatabase& db, const Normaliser& normaliser);

}  // namespace briefing
