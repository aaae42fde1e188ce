#pragma once
// Printing search results: readable text for people, JSON, JSON lines and
// paths for scripts, DOT for Graphviz. Search code never formats output.
#include <ostream>
#include <string>
#include <vector>

#include "search.h"

namespace briefing {

struct OutputOptions {
  bool color = false;       // ANSI colours (a terminal, NO_COLOR unset)
  // Facets shown (empty = all).
  std::vector<const Facet*> facets;
};

void print_text(std::ostream& out, const SearchResult& result, const OutputOptions& options);

// One JSON object, documented in the README.
void print_json(std::ostream& out, const SearchResult& result, const OutputOptions& options);

// One JSON object per result, then one {"total", "facets", ...} line.
void print_jsonl(std::ostream& out, const SearchResult& result, const OutputOptions& options);

// The JSON object of print_json on one line (for --batch).
void print_jsonl_summary(std::ostream& out, const SearchResult& result, const OutputOptions& options);

// One path per line (or after each, `end`: '\0' for xargs -0).
void print_paths(std::ostream& out, const SearchResult& result, char end = '\n');

// {"query": ..., "total": N} on one line: searcher --count.
std::string json_count_line(const std::string& query, size_t total);

// {"query": ..., "error": ...} on one line: a --batch query that failed.
std::string json_error_line(const std::string& query, const std::string& error);

// Flushes `out`. Throws briefing::Error ("cannot write output: No space
// left on device") when that or any earlier write to it failed: output that
// did not arrive is an error, not a match.
void flush_output(std::ostream& out);

// The meeting graph as Graphviz DOT.
void print_dot(std::ostream& out, const MeetingGraph& graph);

// `searcher --list FACET`: "count<TAB>value" lines, or a JSON object.
void print_facet_list(std::ostream& out, const Facet& facet, const std::vector<FacetCount>& values,
                      bool json);

}  // namespace briefing
