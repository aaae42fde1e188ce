#pragma once
// Exact counts of every facet's values over all the matches of a query, in
// one unranked pass over the matches.
//
// On local databases a match spy of our own counts each document's value
// ids (kSlotFacetIds, facet_dictionary.h) in an array per dictionary, and
// the ids are named once at the end; on one local database, a query that
// match_list.h reads has its matches read from the posting lists and
// counted the same way, without Xapian's matcher. A document it cannot count that way
// (written with a dictionary not loaded, or naming an id past the end of
// the copy read) has its display values, from the document data, counted
// instead.
//
// Xapian's remote backend runs only the match spies a stock xapian-tcpsrv
// knows, so when a database is remote the built-in ValueCountMatchSpy
// counts each distinct kSlotFacetIds value and the ids are named
// afterwards. All three give the same counts (tests/facet_counts_test.cpp,
// tests/remote_test.cpp).
#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facet_column.h"
#include "facet_dictionary.h"
#include "schema.h"

namespace briefing {

class FacetTotals;
class MatchList;

// More handles on the local databases searched, one for each thread that
// counts part of a broad query's matches; opened on first use and kept
// from one search to the next (drop them with the main handle).
class CountingHandles {
 public:
  // `folders`: every database searched, each a local one (no stub, no
  // remote), and `revisions`: the commit of each that the search's own
  // handle reads (Database::get_revision); the threads count only on
  // handles that read the same. `threads`: how many to count on (0: the
  // machine's cores, at most 4); `from`: the fewest matches (Xapian's
  // estimate) worth it; `access`: how a facet column is read (kRead for a
  // process that searches once).
  CountingHandles(std::vector<std::string> folders, std::vector<Xapian::rev> revisions, size_t threads = 0,
                  Xapian::doccount from = kFrom, FacetColumn::Access access = FacetColumn::Access::kMapped);
  static constexpr Xapian::doccount kFrom = 20000;
  size_t threads() const { return threads_; }
  const std::vector<Xapian::rev>& revisions() const { return revisions_; }
  Xapian::doccount from() const { return from_; }

  struct Handle {
    Xapian::Database db;
    std::vector<Xapian::rev> revisions;  // of each folder, when opened
  };
  // Handle `i` (opened now if need be). Its thread's own: a Xapian
  // handle is not to be shared between threads.
  const Handle& handle(size_t i);
  // Closes every handle: each opens afresh when next asked for.
  void forget() { handles_.assign(handles_.size(), std::nullopt); }
  // The facet column (facet_column.h) of the one database searched, when
  // it describes the commit `db` (its handle) reads; nullptr otherwise.
  // Opened once, and again when `db` reads another commit.
  const FacetColumn* column(const Xapian::Database& db);

 private:
  std::vector<std::string> folders_;
  std::vector<Xapian::rev> revisions_;
  size_t threads_;
  Xapian::doccount from_;
  FacetColumn::Access access_;
  std::vector<std::optional<Handle>> handles_;
  std::optional<FacetColumn> column_;
  std::optional<Xapian::rev> column_for_;  // the revision column_ was looked for at
};

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
  // With `more` (and no `others`), a query that matches many documents is
  // counted on several threads, each over a part of every database's
  // document ids, on its own handle; and `db` being then known to be one
  // local database or several, a query match_list() reads is counted
  // from its posting lists, without Xapian's matcher (match_list.h).
  // `meanwhile`, when given, is run once on this thread: while the
  // threads count, when they do (it may use `db`, which they do not), else
  // after the counting.
  Xapian::doccount count(const Xapian::Database& db, const Xapian::Query& query,
                         const std::vector<Xapian::MatchSpy*>& others = {}, FacetNames* names = nullptr,
                         CountingHandles* more = nullptr, const std::function<void()>& meanwhile = {});

  // How the last run counted: "ids", "ids+values" (some documents by
  // their display values), "values" or "remote"; " on N threads" after
  // it when it was shared. For tests.
  const std::string& method() const { return method_; }
  // Whether the last run read every match's ids from a facet column
  // (facet_column.h). For tests.
  bool by_column() const { return by_column_; }

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
  // Counts `n` documents with these kSlotFacetIds; false (nothing counted)
  // when no dictionary of `names` names them all.
  bool add_ids(std::string_view ids, Xapian::doccount n, FacetNames& names);
  // Counts the matches of `list` from docid `first` to `last` with `spy`;
  // returns how many there were.
  static Xapian::doccount count_list(MatchList& list, IdSpy& spy, Xapian::docid first, Xapian::docid last);
  // Counts the documents from docid `first` to `last` of `db` that `list`
  // does NOT match with `spy`; returns how many it matches.
  static Xapian::doccount count_rest(const Xapian::Database& db, MatchList& list, IdSpy& spy, Xapian::docid first,
                                     Xapian::docid last);
  static Xapian::doccount count_with(Xapian::MatchSpy& spy, const Xapian::Database& db, const Xapian::Query& query,
                                     const std::vector<Xapian::MatchSpy*>& others);
  // count() but for `meanwhile`, which it may run (in count_in_parts).
  Xapian::doccount count_matches(const Xapian::Database& db, const Xapian::Query& query,
                                 const std::vector<Xapian::MatchSpy*>& others, FacetNames* names,
                                 CountingHandles* more, const std::function<void()>& meanwhile);
  // Counts over parts of the documents on `more`'s threads; false (and
  // nothing counted) when a handle reads another commit than the search's
  // own, or cannot be opened or read (too many open files, a database
  // removed): then the caller counts on its own handle.
  // `meanwhile` (if any) is run on this thread while they count.
  // With `totals`, each thread counts the documents its part does not
  // match, and the counts are `totals` less theirs (false when that cannot
  // be done).
  // `column`, when given, describes the commit the search reads: read on
  // each handle that reads that commit too.
  bool count_in_parts(const Xapian::Query& query, FacetNames& names, CountingHandles& more,
                      const FacetTotals* totals, const FacetColumn* column, Xapian::doccount& matches,
                      const std::function<void()>& meanwhile);
  void merge(const FacetCounts& other);

  std::vector<Table> tables_;
  std::string method_ = "values";
  bool by_column_ = false;
};

}  // namespace briefing
