#include "evaluation.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "data_files.h"
#include "extractor.h"
#include "file_reader.h"

namespace briefing::eval {
namespace {

// An eighth column, "title", is optional: when a row has one, the title is
// compared too.
const char* kColumns[] = {"file", "date", "countries", "parties", "ministers", "topics", "organisations", "title"};

void compare(const std::string& file, const std::string& facet, const std::vector<std::string>& gold,
             const std::vector<std::string>& got, Report& report) {
  std::set<std::string> g(gold.begin(), gold.end()), x(got.begin(), got.end());
  Score& s = report.facets[facet];
  for (const std::string& v : x) {
    if (g.count(v)) ++s.tp;
    else {
      ++s.fp;
      report.errors.push_back(fmt::format("{}: {}: extra '{}'", file, facet, v));
    }
  }
  for (const std::string& v : g)
    if (!x.count(v)) {
      ++s.fn;
      report.errors.push_back(fmt::format("{}: {}: missing '{}'", file, facet, v));
    }
}

}  // namespace

Report evaluate(const std::string& dir, const RulesOptions& rules_options) {
  namespace fs = std::filesystem;
  Extractor extractor(Rules::load(rules_options));
  std::string gold_text = read_text_file((fs::path(dir) / "gold.tsv").string());
  Report report;
  for (const TsvRow& row : parse_tsv(gold_text)) {
    if (row.cols.empty() || row.cols[0] == kColumns[0]) continue;  // header
    std::vector<std::string> cols = row.cols;
    cols.resize(8);
    const std::string& file = cols[0];
    std::string error;
    auto content = read_briefing_file(fs::path(dir) / file, UINT64_MAX, &error);
    if (!content) throw std::runtime_error(fmt::format("{}/{}: {}", dir, file, error));
    Briefing b = extractor.extract(content->text, file);
    ++report.documents;
    std::vector<std::string> names;
    for (const Minister& m : b.ministers) names.push_back(m.name);
    compare(file, "date", cols[1].empty() ? std::vector<std::string>{} : std::vector<std::string>{cols[1]},
            b.date.empty() ? std::vector<std::string>{} : std::vector<std::string>{b.date}, report);
    compare(file, "countries", split_list(cols[2], ';'), b.countries, report);
    compare(file, "parties", split_list(cols[3], ';'), b.parties, report);
    compare(file, "ministers", split_list(cols[4], ';'), names, report);
    compare(file, "topics", split_list(cols[5], ';'), b.topics, report);
    compare(file, "organisations", split_list(cols[6], ';'), b.organisations, report);
    if (!cols[7].empty()) compare(file, "title", {cols[7]}, {b.title}, report);
  }
  return report;
}

std::string format_report(const Report& r) {
  std::string out = fmt::format("{} documents\n{:<14} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}\n", r.documents,
                                "facet", "tp", "fp", "fn", "precision", "recall", "F1");
  for (const auto& [facet, s] : r.facets)
    out += fmt::format("{:<14} {:>5} {:>5} {:>5} {:>9.3f} {:>7.3f} {:>6.3f}\n", facet, s.tp, s.fp, s.fn,
                       s.precision(), s.recall(), s.f1());
  return out;
}

}  // namespace briefing::eval
