#pragma once
// Runs a search: ranked hits with snippets, exact counts of every facet over
// the whole result set, and the optional timeline and meeting graph.
#include <xapian.h>

#include <string>
#include <vector>

#include "document_codec.h"
#include "facet_counts.h"
#include "normaliser.h"
#include "query_builder.h"
#include "schema.h"
#include "snippet.h"

namespace briefing {

struct SearchHit {
  size_t rank = 0;  // 1-based, across pages
  double score = 0;
  StoredBriefing doc;
  Snippet snippet;
};

struct TimelinePoint {
  std::string period;  // "2024" or "2024-03"
  Xapian::doccount count = 0;
};

// Ministers of the result set and who met whom (named in one briefing).
struct MeetingGraph {
  struct Node {
    std::string name, country;
    Xapian::doccount briefings = 0;
  };
  struct Edge {
    size_t a = 0, b = 0;  // node indices
    Xapian::doccount briefings = 0;
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

// One facet's values among the matches.
struct FacetValues {
  const Facet* facet = nullptr;
  // Most frequent first, then by name: the first SearchRequest::facet_limit.
  std::vector<FacetCount> values;
  size_t distinct = 0;  // how many values the matches have in all
};

struct SearchResult {
  std::string query;       // the query string as given
  std::string suggestion;  // spelling-corrected query, or ""
  Xapian::doccount total = 0;             // exact number of matching documents
  bool date_filtered = false;             // --since or --until given
  Xapian::doccount undated_excluded = 0;  // left out by --since/--until for lack of a date
  size_t offset = 0;
  std::vector<SearchHit> hits;
  // Every facet (none when the request counts no facets).
  std::vector<FacetValues> facets;
  bool has_timeline = false;              // request.timeline given
  std::vector<TimelinePoint> timeline;    // with request.timeline: first to last dated match
  Xapian::doccount timeline_undated = 0;  // with request.timeline: matches in no period
  MeetingGraph graph;                     // with request.graph
};

// Throws briefing::Error on a bad request. With `request.similar`, a
// briefing that shares no word with any other finds nothing (total 0);
// one not in the index is an Error. `names`: the facet dictionaries
// of the databases that make up `db` (FacetNames, facet_dictionary.h), kept
// from one search to the next; by default `db`'s are read for this search.
// `more`: other handles on `db`'s databases, to count a broad query's
// facets on several threads (facet_counts.h).
SearchResult run_search(const Xapian::Database& db, const SearchRequest& request,
                        const Normaliser& normaliser, FacetNames* names = nullptr,
                        CountingHandles* more = nullptr);

// Every value of one facet over the matches of `request` (the whole index
// when it asks for nothing), most frequent first. With `match`, only values
// whose folded form contains the folded `match`.
std::vector<FacetCount> list_facet(const Xapian::Database& db, const SearchRequest& request,
                                   const Facet& facet, const std::string& match,
                                   const Normaliser& normaliser, FacetNames* names = nullptr,
                                   CountingHandles* more = nullptr);

// A filter value that no briefing in the index has ("--topic 'missile
// defence'"), and values of its facet that share a word with it.
struct UnknownValue {
  const Facet* facet = nullptr;
  std::string value;
  std::vector<std::string> near;  // at most three
};

// The positive filter values of `request` that match no briefing at all:
// why a search found nothing, when it is not the query.
std::vector<UnknownValue> unknown_filter_values(const Xapian::Database& db, const SearchRequest& request,
                                                const Normaliser& normaliser, FacetNames* names = nullptr);

// Throws briefing::Error when the local --db argument `path` cannot be a
// database to open, saying why: nothing there ("create it with: indexer
// ..."), only the temporary shards of a first build by several writers
// (PATH.indexing: in progress or cut short), a folder or file that is not a
// Xapian database or stub file, unreadable. Returns when Xapian may try.
void check_database_path(const std::string& path);

}  // namespace briefing
