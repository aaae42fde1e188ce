#pragma once
// Runs a search: ranked hits with snippets, and exact counts of every facet
// over the whole result set.
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "document_codec.h"
#include "normaliser.h"
#include "query_builder.h"
#include "schema.h"

namespace briefing {

struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
};

// A snippet as pieces of the text as written, matches marked.
struct Snippet {
  struct Piece {
    std::string text;
    bool match = false;
  };
  bool cut_start = false;  // starts inside the text
  bool cut_end = false;    // ends before the text does
  std::vector<Piece> pieces;
};

struct SearchHit {
  size_t rank = 0;  // 1-based, across pages
  double score = 0;
  StoredBriefing doc;
  Snippet snippet;
};

struct SearchResult {
  std::string query;                   // the query string as given
  std::string description;             // Xapian's description of the query
  Xapian::doccount total = 0;          // exact number of matching documents
  size_t offset = 0;
  std::vector<SearchHit> hits;
  // Facet name -> values, most frequent first, then by name.
  std::vector<std::pair<const Facet*, std::vector<FacetCount>>> facets;
};

// Throws briefing::Error on a bad request.
SearchResult run_search(const Xapian::Database& db, const SearchRequest& request,
                        const Normaliser& normaliser);

// The snippet of `text` for the query of `mset`; matches are found in the
// index form and shown in the text as written.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, const Rules& rules,
                     size_t length = 240);

}  // namespace briefing
