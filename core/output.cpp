#include "output.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>

#include "errors.h"
#include "text.h"

namespace briefing {

// Members in the order written, as documented.
using json = nlohmann::ordered_json;

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
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  }
  return out;
}

std::string snippet_text(const Snippet& s, const std::string& hi_start, const std::string& hi_end, bool html) {
  std::string out;
  if (s.cut_start) out += "…";
  for (const Snippet::Piece& p : s.pieces) {
    std::string t = html ? escape_html(one_line(p.text)) : printable(one_line(p.text));
    out += p.match ? hi_start + t + hi_end : t;
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

bool shown(const OutputOptions& o, const Facet* f) {
  return o.facets.empty() || std::find(o.facets.begin(), o.facets.end(), f) != o.facets.end();
}

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string dump(const json& j, int indent = -1) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// Appends `s` as a JSON string, exactly as dump() writes it: valid UTF-8
// without control characters, quotes or backslashes (nearly every key and
// facet value, accented names included) needs no escaping; anything else
// goes through nlohmann.
void append_json_string(std::string& out, std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) {
    if (c < 0x20 || c == '"' || c == '\\') {
      out += dump(json(std::string(s)));
      return;
    }
    if (c >= 0x80) ascii = false;
  }
  if (!ascii && !is_valid_utf8(s)) {  // nlohmann replaces what is not UTF-8
    out += dump(json(std::string(s)));
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

// One result as a JSON object on one line, as dump() would write it
// (--batch and jsonl print ten of these for every query, so it is written
// directly; the score alone goes through nlohmann, for its number format).
// The indented form is laid out from it (append_indented): one definition
// of a result.
void append_hit_line(std::string& out, const SearchHit& h) {
  const Briefing& b = h.doc.briefing;
  auto string_or_null = [&](const std::string& s) {
    if (s.empty()) out += "null";
    else append_json_string(out, s);
  };
  auto strings = [&](const char* key, const std::vector<std::string>& values) {
    out += key;
    out += '[';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out += ',';
      append_json_string(out, values[i]);
    }
    out += ']';
  };
  fmt::format_to(std::back_inserter(out), "{{\"rank\":{},\"path\":", h.rank);
  append_json_string(out, h.doc.path);
  out += ",\"title\":";
  append_json_string(out, b.title);
  out += ",\"date\":";
  string_or_null(b.date);
  out += ",\"score\":";
  out += dump(json(h.score));
  strings(",\"countries\":", b.countries);
  strings(",\"parties\":", b.parties);
  out += ",\"ministers\":[";
  for (size_t i = 0; i < b.ministers.size(); ++i) {
    const Minister& m = b.ministers[i];
    out += i ? ",{\"name\":" : "{\"name\":";
    append_json_string(out, m.name);
    out += ",\"role\":";
    string_or_null(m.role);
    out += ",\"country\":";
    string_or_null(m.country);
    out += '}';
  }
  out += ']';
  strings(",\"topics\":", b.topics);
  strings(",\"organisations\":", b.organisations);
  out += ",\"snippet\":";
  append_json_string(out, snippet_text(h.snippet, "<b>", "</b>", true));
  out += '}';
}

// Appends `compact` (JSON on one line, as dump() writes it) as dump(indent)
// writes it, its first bracket `depth` levels deep: the indented results
// are the one-line ones laid out, not a second definition of them.
void append_indented(std::string& out, std::string_view compact, int indent, int depth) {
  auto newline = [&] {
    out += '\n';
    out.append(static_cast<size_t>(depth * indent), ' ');
  };
  bool in_string = false;
  for (size_t i = 0; i < compact.size(); ++i) {
    const char c = compact[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < compact.size()) out += compact[++i];
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        out += c;
        break;
      case '{':
      case '[':
        out += c;
        if (i + 1 < compact.size() && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
          out += compact[++i];  // {} and [] stay on their line
          break;
        }
        ++depth;
        newline();
        break;
      case '}':
      case ']':
        --depth;
        newline();
        out += c;
        break;
      case ',':
        out += c;
        newline();
        break;
      case ':':
        out += ": ";
        break;
      default:
        out += c;
    }
  }
}

// A JSON object written member by member, in the order given, as
// nlohmann::json::dump(indent) would write it (indent -1: on one line).
// Members are dumped by nlohmann; the caller may write a member's value
// directly (the facet lists: a broad query lists thousands of values, and
// building them as a JSON tree was most of the time spent on output).
class ObjectWriter {
 public:
  ObjectWriter(std::string& out, int indent, int depth) : out_(out), indent_(indent), depth_(depth) {
    out_ += '{';
  }
  // Starts a member; its value is appended to the string next.
  void key(std::string_view name) {
    out_ += first_ ? "" : ",";
    first_ = false;
    newline(depth_ + 1);
    append_json_string(out_, name);
    out_ += indent_ >= 0 ? ": " : ":";
  }
  void member(std::string_view name, const json& value) {
    key(name);
    std::string v = dump(value, indent_);
    if (indent_ < 0) {
      out_ += v;
      return;
    }
    // Nested one level deeper than nlohmann wrote it.
    const std::string pad((depth_ + 1) * indent_, ' ');
    for (char c : v) {
      out_ += c;
      if (c == '\n') out_ += pad;
    }
  }
  void close() {
    if (!first_) newline(depth_);
    out_ += '}';
  }
  void newline(int depth) {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(depth * indent_, ' ');
  }
 private:
  std::string& out_;
  int indent_, depth_;
  bool first_ = true;
};

// "facets": {"country": [{"value": "Japan", "count": 12}, ...], ...}
void write_facets(std::string& out, const SearchResult& r, const OutputOptions& o, int indent, int depth) {
  ObjectWriter facets(out, indent, depth);
  for (const auto& [facet, counts, distinct] : r.facets) {
    if (!shown(o, facet)) continue;
    facets.key(facet->name);
    out += '[';
    bool first = true;
    for (const FacetCount& c : counts) {
      out += first ? "" : ",";
      first = false;
      // {"value": "Japan", "count": 12}, as ObjectWriter would write it
      // (thousands of them for a broad query: written at once).
      facets.newline(depth + 2);
      out += '{';
      facets.newline(depth + 3);
      out += indent < 0 ? "\"value\":" : "\"value\": ";
      append_json_string(out, c.value);
      out += ',';
      facets.newline(depth + 3);
      out += indent < 0 ? "\"count\":" : "\"count\": ";
      fmt::format_to(std::back_inserter(out), "{}", c.count);
      facets.newline(depth + 2);
      out += '}';
    }
    if (!first) facets.newline(depth + 1);
    out += ']';
  }
  facets.close();
}

// The JSON object; the results only when `with_results`.
std::string summary_json(const SearchResult& r, const OutputOptions& o, bool with_results = false,
                         int indent = -1) {
  std::string out;
  ObjectWriter doc(out, indent, 0);
  doc.member("query", r.query);
  doc.member("total", r.total);
  doc.member("offset", r.offset);
  doc.member("suggestion", or_null(r.suggestion));
  if (with_results) {
    doc.key("results");
    std::string line = "[";
    for (size_t i = 0; i < r.hits.size(); ++i) {
      if (i) line += ',';
      append_hit_line(line, r.hits[i]);
    }
    line += ']';
    if (indent < 0) out += line;
    else append_indented(out, line, indent, 1);
  }
  doc.key("facets");
  write_facets(out, r, o, indent, 1);
  // How many values each facet shown has in all ("facets" lists the
  // first --facet-limit of them).
  doc.key("facet_values");
  ObjectWriter distinct(out, indent, 1);
  for (const FacetValues& f : r.facets)
    if (shown(o, f.facet)) distinct.member(f.facet->name, f.distinct);
  distinct.close();
  if (r.date_filtered) doc.member("undated_excluded", r.undated_excluded);
  if (r.has_timeline) {  // [] when nothing dated matched
    json t = json::array();
    for (const TimelinePoint& p : r.timeline) t.push_back({{"period", p.period}, {"count", p.count}});
    doc.member("timeline", t);
    doc.member("undated", r.timeline_undated);
  }
  doc.close();
  return out;
}

}  // namespace

void print_text(std::ostream& out, const SearchResult& r, const OutputOptions& o) {
  const std::string bold = o.color ? "\x1b[1m" : "";
  const std::string dim = o.color ? "\x1b[2m" : "";
  const std::string hi = o.color ? "\x1b[1;33m" : "**";
  const std::string hi_end = o.color ? "\x1b[0m" : "**";
  const std::string reset = o.color ? "\x1b[0m" : "";
  if (!r.suggestion.empty()) out << fmt::format("Did you mean: {}{}{}\n\n", bold, r.suggestion, reset);
  for (const SearchHit& h : r.hits) {
    const Briefing& b = h.doc.briefing;
    // What the files say is shown without its control characters: a
    // title or a file name must not drive the terminal.
    out << fmt::format("{}. {}{}{}  {}\n", h.rank, bold, printable(b.title.empty() ? "(untitled)" : b.title), reset,
                       printable(b.date.empty() ? "(no date)" : b.date));
    out << fmt::format("   {}{}{}\n", dim, printable(h.doc.path), reset);
    if (!b.countries.empty()) out << "   countries: " << printable(join(b.countries, ", ")) << "\n";
    if (!b.ministers.empty()) {
      std::vector<std::string> ms;
      for (const Minister& m : b.ministers) ms.push_back(describe(m));
      out << "   ministers: " << printable(join(ms, "; ")) << "\n";
    }
    if (!b.topics.empty()) out << "   topics: " << printable(join(b.topics, ", ")) << "\n";
    if (!b.organisations.empty()) out << "   organisations: " << printable(join(b.organisations, ", ")) << "\n";
    std::string snip = snippet_text(h.snippet, hi, hi_end, false);
    if (!snip.empty()) out << "   " << snip << "\n";
    out << "\n";
  }
  std::string undated = r.undated_excluded
                            ? fmt::format(" ({} undated briefing{} left out by the date filter)", r.undated_excluded,
                                          r.undated_excluded == 1 ? "" : "s")
                            : "";
  if (r.total == 0)
    out << "No briefings matched" << undated << ".\n";
  else if (r.hits.empty())
    out << fmt::format("{} briefing{} matched{}; none shown (offset {}).\n", r.total, r.total == 1 ? "" : "s",
                       undated, r.offset);
  else
    out << fmt::format("{} briefing{} matched{}; showing {}-{}.\n", r.total, r.total == 1 ? "" : "s", undated,
                       r.offset + 1, r.offset + r.hits.size());
  // The periods, then the matches in none of them (undated, no bar: not a
  // stretch of time): the lines add up to the total.
  const bool undated_line = r.has_timeline && r.timeline_undated > 0;
  if (!r.timeline.empty() || undated_line) {
    Xapian::doccount most = 0;
    size_t width = undated_line ? fmt::format("{}", r.timeline_undated).size() : 0;
    for (const TimelinePoint& p : r.timeline) {
      most = std::max(most, p.count);
      width = std::max(width, fmt::format("{}", p.count).size());
    }
    out << "\n";
    for (const TimelinePoint& p : r.timeline) {
      size_t bar = most ? (p.count * 40 + most - 1) / most : 0;
      std::string bars;
      for (size_t i = 0; i < bar; ++i) bars += "█";
      out << fmt::format("{:<7} {:>{}} {}\n", p.period, p.count, width, bars);
    }
    if (undated_line) out << fmt::format("{:<7} {:>{}}\n", "undated", r.timeline_undated, width);
  }
  if (r.total == 0) return;
  out << "\n";
  for (const auto& [facet, counts, distinct] : r.facets) {
    if (counts.empty() || !shown(o, facet)) continue;
    std::vector<std::string> items;
    for (const FacetCount& c : counts) items.push_back(fmt::format("{} ({})", printable(c.value), c.count));
    std::string more = distinct > counts.size() ? fmt::format(", … {} more", distinct - counts.size()) : "";
    out << fmt::format("{}{}{}: {}{}\n", bold, facet->name, reset, join(items, ", "), more);
  }
}

void print_json(std::ostream& out, const SearchResult& r, const OutputOptions& o) {
  out << summary_json(r, o, true, 2) << "\n";
}

void print_jsonl(std::ostream& out, const SearchResult& r, const OutputOptions& o) {
  std::string line;
  for (const SearchHit& h : r.hits) {
    line.clear();
    append_hit_line(line, h);
    out << line << "\n";
  }
  out << summary_json(r, o) << "\n";
}

void print_jsonl_summary(std::ostream& out, const SearchResult& r, const OutputOptions& o) {
  out << summary_json(r, o, true) << "\n";
}

void print_paths(std::ostream& out, const SearchResult& r, char end) {
  for (const SearchHit& h : r.hits) out << h.doc.path << end;
}

std::string json_count_line(const std::string& query, size_t total) {
  return dump(json{{"query", query}, {"total", total}});
}

std::string json_error_line(const std::string& query, const std::string& error) {
  return dump(json{{"query", query}, {"error", error}});
}

void flush_output(std::ostream& out) {
  if (out) out.flush();
  if (out) return;
  // errno is still the failed write's: nothing between it and here (the
  // stream stops writing once it has failed) makes a system call.
  const int error = errno;
  throw Error(fmt::format("cannot write output: {}", error ? std::strerror(error) : "write error"));
}

void print_dot(std::ostream& out, const MeetingGraph& g) {
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') q += '\\';
      if (c == '\n') q += "\\n";  // a line break in the label
      else q += c;
    }
    return q + "\"";
  };
  out << "graph ministers {\n  node [shape=box];\n";
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const auto& n = g.nodes[i];
    std::string label = n.country.empty() ? n.name : n.name + "\n" + n.country;
    out << fmt::format("  n{} [label={}, briefings={}];\n", i, quote(label), n.briefings);
  }
  for (const auto& e : g.edges)
    out << fmt::format("  n{} -- n{} [weight={}, penwidth={}, label=\"{}\"];\n", e.a, e.b, e.briefings,
                       std::min<Xapian::doccount>(e.briefings, 8), e.briefings);
  out << "}\n";
}

void print_facet_list(std::ostream& out, const Facet& f, const std::vector<FacetCount>& values, bool json_out) {
  if (json_out) {
    json list = json::array();
    for (const FacetCount& c : values) list.push_back({{"value", c.value}, {"count", c.count}});
    out << dump(json{{"facet", f.name}, {"values", list}}, 2) << "\n";
    return;
  }
  for (const FacetCount& c : values) out << c.count << "\t" << printable(c.value) << "\n";
}

}  // namespace briefing
