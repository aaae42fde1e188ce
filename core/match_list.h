#pragma once
// The documents a query matches, in ascending docid order, read straight
// from the posting lists of one local database: what counting facets over
// every match needs, without Xapian's matcher weighing and handing each
// match to a MatchSpy (about 850 instructions a match, most of the cost of
// counting a broad query; this reads one in a few dozen).
//
// Only queries whose matches are set operations on posting lists are
// read this way: terms, match-all, match-nothing, AND, OR, AND_NOT,
// FILTER, SYNONYM, AND_MAYBE, MAX and scaled weights. Anything else
// (phrases, NEAR, value ranges, wildcards still unexpanded, posting
// sources, XOR, ELITE_SET) makes match_list() return nothing and the
// caller uses Xapian's matcher. The set of documents is the matcher's
// (tests/match_list_test.cpp compares them over many queries).
#include <xapian.h>

#include <memory>

namespace briefing {

class MatchList {
 public:
  virtual ~MatchList() = default;
  // Moves to the first match at or after `did` (never back) and returns
  // it; 0 when there is none.
  virtual Xapian::docid skip_to(Xapian::docid did) = 0;
  // The most documents it can match (for ordering the parts of an AND).
  virtual Xapian::doccount most() const = 0;
};

// The matches of `query` in `db`, or nullptr when the query is not of the
// kinds above or `db` is not one local database.
std::unique_ptr<MatchList> match_list(const Xapian::Database& db, const Xapian::Query& query);

// Calls `f(docid)` for each match of `list` from docid `first` to `last`,
// in order; returns how many there were.
template <class F>
Xapian::doccount for_each_match(MatchList& list, Xapian::docid first, Xapian::docid last, F&& f) {
  Xapian::doccount n = 0;
  for (Xapian::docid did = first > last ? 0 : list.skip_to(first); did != 0 && did <= last;
       did = did == last ? 0 : list.skip_to(did + 1)) {
    f(did);
    ++n;
  }
  return n;
}

// How many documents `list` matches, reading it to the end (docids up to
// `last`, the database's last).
inline Xapian::doccount count_all(MatchList& list, Xapian::docid last) {
  return for_each_match(list, 1, last, [](Xapian::docid) {});
}

}  // namespace briefing
