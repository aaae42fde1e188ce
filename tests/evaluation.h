#pragma once
// Measures extraction against hand-made gold labels (a folder's gold.tsv):
// precision, recall and F1 per facet, and the cases that are wrong.
#include <map>
#include <string>
#include <vector>

#include "rules.h"

namespace briefing::eval {

struct Score {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct Report {
  size_t documents = 0;
  std::map<std::string, Score> facets;  // "countries", "parties", "ministers", ...
  std::vector<std::string> errors;      // "file: facet: missing X" / "extra X"
};

// Evaluates every file listed in DIR/gold.tsv (columns: file, date,
// countries, parties, ministers, topics, organisations, and optionally
// title; ';' between values).
// Throws std::runtime_error when the gold file or a listed file is missing.
Report evaluate(const std::string& dir, const RulesOptions& rules = {});

// The per-facet table, one line per facet.
std::string format_report(const Report& report);

}  // namespace briefing::eval
