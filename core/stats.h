#pragma once
// `searcher --stats`: what an index holds.
#include <xapian.h>

#include <ostream>
#include <string>
#include <vector>

namespace briefing {

struct IndexStats {
  Xapian::doccount documents = 0;
  Xapian::termcount distinct_terms = 0;
  Xapian::totallength words = 0;       // term occurrences
  uint64_t bytes_on_disk = 0;          // 0 for remote databases
  std::string last_update;             // "2026-11-29T03:30:00Z", or ""
  std::string first_date, last_date;   // briefing dates, YYYY-MM-DD
  Xapian::doccount undated = 0;
  std::vector<std::pair<std::string, size_t>> facet_values;  // facet -> distinct values
};

// `paths` are the --db arguments (for the size on disk).
IndexStats collect_stats(const Xapian::Database& db, const std::vector<std::string>& paths);

void print_stats(std::ostream& out, const IndexStats& stats, bool json);

}  // namespace briefing
