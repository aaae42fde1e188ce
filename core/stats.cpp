#include "stats.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "document_codec.h"
#include "facet_counts.h"
#include "schema.h"

namespace briefing {

namespace fs = std::filesystem;

IndexStats collect_stats(const Xapian::Database& db, const std::vector<std::string>& paths) {
  IndexStats s;
  s.documents = db.get_doccount();
  s.words = db.get_total_length();
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++s.distinct_terms;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) continue;
    fs::path root = fs::is_directory(p, ec) ? fs::path(p) : fs::path(p).parent_path();
    for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); ++it)
      if (it->is_regular_file(ec)) s.bytes_on_disk += it->file_size(ec);
  }
  s.last_update = db.get_metadata(std::string(kMetaUpdated));
  FacetCounts facets;
  FacetNames names({db});
  Xapian::ValueCountMatchSpy dates(kSlotDate);
  facets.count(db, Xapian::Query::MatchAll, {&dates}, &names);
  for (const Facet& f : kFacets) s.facet_values.emplace_back(std::string(f.name), facets.distinct(f.id));
  Xapian::doccount dated = 0;
  for (auto v = dates.values_begin(); v != dates.values_end(); ++v) {
    std::string d = *v;
    if (d.size() != 8) continue;
    std::string iso = d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
    if (s.first_date.empty() || iso < s.first_date) s.first_date = iso;
    if (iso > s.last_date) s.last_date = iso;
    dated += v.get_termfreq();
  }
  s.undated = s.documents - dated;
  return s;
}

void print_stats(std::ostream& out, const IndexStats& s, bool json_out) {
  if (json_out) {
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    for (const auto& [name, n] : s.facet_values) facets[name] = n;
    nlohmann::ordered_json j = {{"documents", s.documents},
                                {"distinct_terms", s.distinct_terms},
                                {"words", s.words},
                                {"bytes_on_disk", s.bytes_on_disk},
                                {"last_update", s.last_update.empty() ? nlohmann::ordered_json(nullptr)
                                                                      : nlohmann::ordered_json(s.last_update)},
                                {"first_date", s.first_date.empty() ? nlohmann::ordered_json(nullptr)
                                                                    : nlohmann::ordered_json(s.first_date)},
                                {"last_date", s.last_date.empty() ? nlohmann::ordered_json(nullptr)
                                                                  : nlohmann::ordered_json(s.last_date)},
                                {"undated", s.undated},
                                {"facet_values", facets}};
    out << j.dump(2) << "\n";
    return;
  }
  out << fmt::format("documents:      {}\n", s.documents);
  out << fmt::format("distinct terms: {}\n", s.distinct_terms);
  out << fmt::format("words indexed:  {}\n", s.words);
  if (s.bytes_on_disk) out << fmt::format("size on disk:   {:.1f} MB\n", static_cast<double>(s.bytes_on_disk) / 1e6);
  out << fmt::format("last update:    {}\n", s.last_update.empty() ? "unknown" : s.last_update);
  if (!s.first_date.empty()) out << fmt::format("briefing dates: {} to {}\n", s.first_date, s.last_date);
  out << fmt::format("undated:        {}\n", s.undated);
  out << "distinct values per facet:\n";
  for (const auto& [name, n] : s.facet_values) out << fmt::format("  {:<13} {}\n", name, n);
}

}  // namespace briefing
