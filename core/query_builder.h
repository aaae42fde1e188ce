#pragma once
// From what the user asked (query string, facet filters, dates) to one
// Xapian query. The query string and the filters go through the same
// normalisers as the indexer.
#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "normaliser.h"
#include "schema.h"

namespace briefing {

struct SearchRequest {
  std::string query;  // Xapian query syntax plus field prefixes
  // One entry per filter flag: its values (a comma-separated flag gives
  // several, which are ORed). Entries are ANDed.
  std::vector<std::pair<FacetId, std::vector<std::string>>> filters;
  std::string since, until;  // YYYY, YYYY-MM or YYYY-MM-DD, or ""
  size_t offset = 0;
  size_t limit = 10;
};

class QueryBuilder {
 public:
  // `db` gives the query parser its spelling and wildcard data.
  QueryBuilder(const Xapian::Database& db, const Normaliser& normaliser);

  // The query for `request`. Throws briefing::Error for a malformed query
  // string or date.
  Xapian::Query build(const SearchRequest& request) const;

  // Filter for one flag's values (ORed).
  Xapian::Query facet_filter(FacetId facet, const std::vector<std::string>& values) const;

  // Values of slot kSlotDate between the two dates (either may be "").
  static Xapian::Query date_filter(const std::string& since, const std::string& until);

 private:
  const Xapian::Database& db_;
  const Normaliser& normaliser_;
};

}  // namespace briefing
