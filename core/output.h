#pragma once
// Printing search results: readable text for people, one JSON object for
// scripts. Search code never formats output itself.
#include <ostream>

#include "search.h"

namespace briefing {

struct TextStyle {
  bool color = false;      // ANSI colours (a terminal, NO_COLOR unset)
  size_t facet_limit = 10; // values shown per facet (0 = all)
};

void print_text(std::ostream& out, const SearchResult& result, const TextStyle& style);

// The JSON object documented in the README.
void print_json(std::ostream& out, const SearchResult& result);

}  // namespace briefing
