#pragma once
// Exact counts of every facet's values over all the matches of a query, in
// one pass over the facet slot (kSlotFacets, see schema.h).
//
// On local databases a match spy of our own splits each document's slot as
// the match runs. Xapian's remote backend runs only the match spies a stock
// xapian-tcpsrv knows, so when a database is remote the built-in
// ValueCountMatchSpy counts each distinct slot value and the values are
// split afterwards. Both give the same counts (tests/remote_test.cpp).
#include <xapian.h>

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "schema.h"

namespace briefing {

struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
};

class FacetCounts {
 public:
  FacetCounts();
  // Movable, not copyable: the tables' keys point into their own storage.
  FacetCounts(FacetCounts&&) = default;
  FacetCounts& operator=(FacetCounts&&) = default;
  FacetCounts(const FacetCounts&) = delete;
  FacetCounts& operator=(const FacetCounts&) = delete;

  // enquire.get_mset(first, max, check_at_least) with the facets counted
  // (and `others` spies added too). Use check_at_least = document count
  // for exact counts.
  Xapian::MSet run(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount max,
                   Xapian::doccount check_at_least, const std::vector<Xapian::MatchSpy*>& others = {});

  // The values of one facet, most frequent first, then by value.
  std::vector<FacetCount> values(FacetId facet) const;
  // How many distinct values one facet has among the matches.
  size_t distinct(FacetId facet) const { return tables_[static_cast<size_t>(facet)].counts.size(); }

 private:
  struct Table {
    std::unordered_map<std::string_view, Xapian::doccount> counts;  // keys point into `keys`
    std::deque<std::string> keys;
  };
  class Spy;
  void add(const std::string& slot_value, Xapian::doccount n);

  std::vector<Table> tables_;
};

}  // namespace briefing
