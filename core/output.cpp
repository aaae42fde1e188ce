#include "output.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace briefing {

using nlohmann::json;

namespace {

std::string escape_html(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// The snippet on one line: line breaks become spaces.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  std::string out;
  for (char c : s)
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  return out;
}

std::string snippet_text(const Snippet& s, const std::string& hi_start, const std::string& hi_end,
                         bool html) {
  std::string out;
  if (s.cut_start) out += "…";
  for (const Snippet::Piece& p : s.pieces) {
    std::string t = html ? escape_html(one_line(p.text)) : one_line(p.text);
    if (p.match) out += hi_start + t + hi_end;
    else out += t;
  }
  if (s.cut_end) out += "…";
  return out;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string describe(const Minister& m) {
  std::vector<std::string> parts;
  if (!m.role.empty()) parts.push_back(m.role);
  if (!m.country.empty()) parts.push_back(m.country);
  return parts.empty() ? m.name : fmt::format("{} ({})", m.name, join(parts, ", "));
}

}  // namespace

void print_text(std::ostream& out, const SearchResult& r, const TextStyle& style) {
  const std::string bold = style.color ? "\x1b[1m" : "";
  const std::string dim = style.color ? "\x1b[2m" : "";
  const std::string hi = style.color ? "\x1b[1;33m" : "**";
  const std::string hi_end = style.color ? "\x1b[0m" : "**";
  const std::string reset = style.color ? "\x1b[0m" : "";
  for (const SearchHit& h : r.hits) {
    const Briefing& b = h.doc.briefing;
    out << fmt::format("{}. {}{}{}  {}\n", h.rank, bold, b.title.empty() ? "(untitled)" : b.title, reset,
                       b.date.empty() ? "(no date)" : b.date);
    out << fmt::format("   {}{}{}\n", dim, h.doc.path, reset);
    if (!b.countries.empty()) out << "   countries: " << join(b.countries, ", ") << "\n";
    if (!b.ministers.empty()) {
      std::vector<std::string> ms;
      for (const Minister& m : b.ministers) ms.push_back(describe(m));
      out << "   ministers: " << join(ms, "; ") << "\n";
    }
    if (!b.topics.empty()) out << "   topics: " << join(b.topics, ", ") << "\n";
    if (!b.organisations.empty()) out << "   organisations: " << join(b.organisations, ", ") << "\n";
    std::string snip = snippet_text(h.snippet, hi, hi_end, false);
    if (!snip.empty()) out << "   " << snip << "\n";
    out << "\n";
  }
  if (r.total == 0)
    out << "No briefings matched.\n";
  else if (r.hits.empty())
    out << fmt::format("{} briefing{} matched; none on this page (offset {}).\n", r.total,
                       r.total == 1 ? "" : "s", r.offset);
  else
    out << fmt::format("{} briefing{} matched; showing {}-{}.\n", r.total, r.total == 1 ? "" : "s",
                       r.offset + 1, r.offset + r.hits.size());
  if (r.total == 0) return;
  out << "\n";
  for (const auto& [facet, counts] : r.facets) {
    if (counts.empty()) continue;
    std::vector<std::string> items;
    size_t shown = 0;
    for (const FacetCount& c : counts) {
      if (style.facet_limit && shown++ == style.facet_limit) break;
      items.push_back(fmt::format("{} ({})", c.value, c.count));
    }
    std::string more = style.facet_limit && counts.size() > style.facet_limit
                           ? fmt::format(", … {} more", counts.size() - style.facet_limit)
                           : "";
    out << fmt::format("{}{}{}: {}{}\n", bold, facet->name, reset, join(items, ", "), more);
  }
}

void print_json(std::ostream& out, const SearchResult& r) {
  json results = json::array();
  for (const SearchHit& h : r.hits) {
    const Briefing& b = h.doc.briefing;
    json ministers = json::array();
    for (const Minister& m : b.ministers)
      ministers.push_back({{"name", m.name},
                           {"role", m.role.empty() ? json(nullptr) : json(m.role)},
                           {"country", m.country.empty() ? json(nullptr) : json(m.country)}});
    results.push_back({{"rank", h.rank},
                       {"path", h.doc.path},
                       {"title", b.title},
                       {"date", b.date.empty() ? json(nullptr) : json(b.date)},
                       {"score", h.score},
                       {"countries", b.countries},
                       {"parties", b.parties},
                       {"ministers", ministers},
                       {"topics", b.topics},
                       {"organisations", b.organisations},
                       {"snippet", snippet_text(h.snippet, "<b>", "</b>", true)}});
  }
  json facets = json::object();
  for (const auto& [facet, counts] : r.facets) {
    json list = json::array();
    for (const FacetCount& c : counts) list.push_back({{"value", c.value}, {"count", c.count}});
    facets[std::string(facet->name)] = list;
  }
  json doc = {{"query", r.query},
              {"total", r.total},
              {"offset", r.offset},
              {"results", results},
              {"facets", facets}};
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace briefing
