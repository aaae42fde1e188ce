#pragma once
// From what the user asked (query string, facet filters, dates) to one
// Xapian query. The query string and the filters go through the same
// normalisers as the indexer.
#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "normaliser.h"
#include "schema.h"

namespace briefing {

// One filter flag: its values are ORed ("--country japan,finland"); a
// negated flag leaves those documents out ("--not-country china").
struct Filter {
  FacetId facet;
  std::vector<std::string> values;
  bool negate = false;
};

enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;            // Xapian query syntax plus field prefixes
  std::vector<Filter> filters;  // ANDed
  std::string since, until;     // YYYY, YYYY-MM or YYYY-MM-DD, or ""
  size_t offset = 0;
  size_t limit = 10;            // 0: every match
  SortOrder sort = SortOrder::kRelevance;
  // Count a facet without its own OR-selection, so alternatives stay
  // visible (Elasticsearch's post_filter); default: drill-down.
  bool multi_select = false;
  std::string timeline;         // "", "year" or "month"
  std::string similar;          // path (as indexed) of a briefing to find others like
  bool graph = false;           // who met whom, over every match
  size_t snippet_bytes = 240;
  // Count every facet over the matches; false when nothing shows them
  // (--count, --format paths): the total alone is exact either way.
  bool facets = true;
  // Values listed per facet, most frequent first (0 = all); every value is
  // counted either way.
  size_t facet_limit = 0;
};

struct BuiltQuery {
  Xapian::Query query;
};

class QueryBuilder {
 public:
  // `db` gives the query parser its spelling, synonym and wildcard data.
  QueryBuilder(const Xapian::Database& db, const Normaliser& normaliser);

  // The query for `request`, leaving out the positive filters of
  // `without` (for multi-select counting). Throws briefing::Error for a
  // malformed query string or date.
  BuiltQuery build(const SearchRequest& request, std::optional<FacetId> without = std::nullopt) const;

  // The query string alone (MatchAll when empty).
  BuiltQuery parse(const std::string& query) const;

  // The query string with its words spelling-corrected from the index's
  // spelling data, or "" when there is nothing to correct. Asked only when
  // a search found nothing: the correction costs a look-up per word.
  std::string corrected(const std::string& query) const;

  // Filter for one flag's values (ORed).
  Xapian::Query facet_filter(FacetId facet, const std::vector<std::string>& values) const;

  // Values of slot kSlotDate between the two dates (either may be "").
  // `since_name` and `until_name` name the values in errors ("--since").
  static Xapian::Query date_filter(const std::string& since, const std::string& until,
                                   const std::string& since_name = "", const std::string& until_name = "");

  // Every document that has a date.
  static Xapian::Query dated();

 private:
  Xapian::Query parse_with(const std::string& query) const;

  const Xapian::Database& db_;
  const Normaliser& normaliser_;
};

}  // namespace briefing
