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

#include <cstdint>
#include <string>
#include <string_view>
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

  // enquire.get_mset(first, max, check_at_least) with the facets counted
  // (and `others` spies added too). Use check_at_least = document count
  // for exact counts.
  Xapian::MSet run(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount max,
                   Xapian::doccount check_at_least, const std::vector<Xapian::MatchSpy*>& others = {});

  // The values of one facet, most frequent first, then by value.
  std::vector<FacetCount> values(FacetId facet) const;
  // How many distinct values one facet has among the matches.
  size_t distinct(FacetId facet) const { return tables_[static_cast<size_t>(facet)].size(); }

 private:
  // value -> count, open addressing: one probe and one comparison for
  // most values (this runs ~15 times per matching document; a node-based
  // std::unordered_map with string keys was a quarter of a search's time).
  class Table {
   public:
    void add(std::string_view value, Xapian::doccount n);
    size_t size() const { return used_; }
    template <class F>
    void for_each(F&& f) const {
      for (const Entry& e : entries_)
        if (e.count) f(std::string_view(arena_).substr(e.offset, e.length), e.count);
    }

   private:
    struct Entry {
      uint64_t hash = 0;
      uint32_t offset = 0, length = 0;  // the value in arena_
      Xapian::doccount count = 0;       // 0: free
    };
    void grow();
    std::vector<Entry> entries_;  // a power of two long, at most half used
    std::string arena_;
    size_t used_ = 0;
  };
  class Spy;
  void add(const std::string& slot_value, Xapian::doccount n);

  std::vector<Table> tables_;
};

}  // namespace briefing
