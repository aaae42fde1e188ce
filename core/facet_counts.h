#pragma once
// Exact counts of every facet's values over all the matches of a query, in
// one unranked pass over the matches.
//
// On local databases a match spy of our own counts each document's value
// ids (kSlotFacetIds, facet_dictionary.h) in an array per dictionary, and
// the ids are named once at the end. A document it cannot count that way
// (written with a dictionary not loaded, or naming an id past the end of
// the copy read) has its display values (kSlotFacets) split and counted
// instead.
//
// Xapian's remote backend runs only the match spies a stock xapian-tcpsrv
// knows, so when a database is remote the built-in ValueCountMatchSpy
// counts each distinct kSlotFacets value and the values are split
// afterwards. All three give the same counts (tests/facet_counts_test.cpp,
// tests/remote_test.cpp).
#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "facet_dictionary.h"
#include "schema.h"

namespace briefing {

struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
};

class FacetCounts {
 public:
  FacetCounts();

  // Counts the facets over every match of `query` in `db` (and runs
  // `others` spies over them too); returns the number of matches, exact.
  // Apart from the ranking: in docid order, unweighted, no page kept.
  // Counting while ranking weighed every match and kept a page: "defense"
  // (160,000 matches of 200,000) took 57 ms as one process, now 39.
  // `names`: the dictionaries of the databases searched; without them the
  // display values are counted.
  Xapian::doccount count(const Xapian::Database& db, const Xapian::Query& query,
                         const std::vector<Xapian::MatchSpy*>& others = {}, FacetNames* names = nullptr);

  // How the last run counted: "ids", "ids+values" (some documents by
  // their display values), "values" or "remote". For tests.
  const char* method() const { return method_; }

  // The values of one facet, most frequent first, then by value: the
  // first `limit` of them (0 = all).
  std::vector<FacetCount> values(FacetId facet, size_t limit = 0) const;
  // How many distinct values one facet has among the matches.
  size_t distinct(FacetId facet) const { return tables_[static_cast<size_t>(facet)].size(); }

 private:
  // value -> count, open addressing: one probe and one comparison for
  // most values (this runs ~15 times per matching document; a node-based
  // std::unordered_map with string keys was a quarter of a search's time).
  class Table {
   public:
    void add(std::string_view value, Xapian::doccount n);
    // Room for `n` values in all without growing.
    void reserve(size_t n);
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
  class IdSpy;
  void add(const std::string& slot_value, Xapian::doccount n);
  Xapian::doccount count_with(Xapian::MatchSpy& spy, const Xapian::Database& db, const Xapian::Query& query,
                              const std::vector<Xapian::MatchSpy*>& others);

  std::vector<Table> tables_;
  const char* method_ = "values";
};

}  // namespace briefing
