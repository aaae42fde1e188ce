#include "front_matter.h"

#include <set>

#include "data_files.h"
#include "text.h"

namespace briefing {

std::string FrontMatter::first(const std::string& key) const {
  auto it = fields.find(key);
  return it == fields.end() || it->second.empty() ? std::string() : it->second.front();
}

const std::vector<std::string>& FrontMatter::values(const std::string& key) const {
  static const std::vector<std::string> none;
  auto it = fields.find(key);
  return it == fields.end() ? none : it->second;
}

namespace {

// The text of a YAML quoted scalar: "a \"b\" \\ c" (backslash escapes of
// quotes and backslashes) or 'Japan''s' (a doubled quote).
std::string unquote(std::string_view quoted) {
  const char q = quoted.front();
  std::string_view inner = quoted.substr(1, quoted.size() - 2);
  std::string out;
  out.reserve(inner.size());
  for (size_t i = 0; i < inner.size(); ++i) {
    char c = inner[i];
    if (q == '"' && c == '\\' && i + 1 < inner.size() && (inner[i + 1] == '"' || inner[i + 1] == '\\')) c = inner[++i];
    else if (q == '\'' && c == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') ++i;
    out += c;
  }
  return out;
}


// Next line of `text` from `pos`, without its line ending; pos moves past it.
std::string_view next_line(std::string_view text, size_t& pos) {
  size_t nl = text.find('\n', pos);
  std::string_view line = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
  pos = nl == std::string_view::npos ? text.size() : nl + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

// Values cut at `sep`, but not inside a quoted one ("hybrid threats;
// \"semi;colon\"" is two values), each trimmed and unquoted.
static std::vector<std::string> split_quoted(std::string_view value, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  char quote = 0;
  for (size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size()) {
      const char c = value[i];
      if (quote) {
        if (c == '\\' && quote == '"') ++i;  // an escape inside "..."
        else if (c == quote) quote = 0;
        continue;
      }
      if ((c == '"' || c == '\'') && trim(value.substr(start, i - start)).empty()) {
        quote = c;
        continue;
      }
      if (c != sep) continue;
    }
    std::string_view part = trim(value.substr(start, i - start));
    // (a quoted blank, " ", is no value either)
    if (part.size() >= 2 && (part.front() == '"' || part.front() == '\'') && part.back() == part.front()) {
      if (std::string v = unquote(part); !trim(v).empty()) out.push_back(std::move(v));
    } else if (!part.empty())
      out.emplace_back(part);
    start = i + 1;
  }
  return out;
}

FrontMatter parse_front_matter(std::string_view text) {
  FrontMatter fm;
  fm.body = text;
  size_t pos = 0;
  // A UTF-8 byte order mark may precede the block.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  size_t start = pos;
  if (trim(next_line(text, pos)) != "---") return fm;

  std::vector<std::pair<size_t, std::string_view>> lines;
  bool closed = false;
  size_t line_no = 1;
  while (pos < text.size()) {
    std::string_view line = next_line(text, pos);
    ++line_no;
    std::string_view t = trim(line);
    if (t == "---" || t == "...") {
      closed = true;
      break;
    }
    lines.emplace_back(line_no, line);
  }
  if (!closed) {
    fm.warnings.push_back("front matter opened by '---' on line 1 is never closed; read as text");
    fm.body = text.substr(start);
    fm.body_offset = start;
    return fm;
  }
  fm.present = true;
  fm.body = text.substr(pos);
  fm.body_offset = pos;
  std::string current;     // the key whose value may go on below ("key:", "key: |")
  bool block_text = false;  // after "key: |" or "key: >": the lines below are its text
  bool empty_value = false;  // after "key:" alone: "- item" lines may follow, indented or not
  std::set<std::string> keys;
  for (const auto& [no, line] : lines) {
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    const bool indented = line.front() == ' ' || line.front() == '\t';
    const bool item_line = t.size() >= 2 && t[0] == '-' && (t[1] == ' ' || t[1] == '\t');
    // YAML's block forms: "country:" then "  - Japan" lines (or "- Japan",
    // as PyYAML writes them); "title: |" or "title: >" then indented text; a
    // plain value that goes on indented.
    if ((indented || (item_line && empty_value)) && !current.empty()) {
      auto& vals = fm.fields[current];
      if (!block_text && item_line) {
        std::string_view item = trim(t.substr(2));
        std::string unquoted;
        if (item.size() >= 2 && (item.front() == '"' || item.front() == '\'') && item.back() == item.front()) {
          unquoted = unquote(item);
          item = unquoted;
        }
        if (!trim(item).empty()) vals.emplace_back(item);
      } else if (vals.empty()) {
        vals.emplace_back(t);
      } else {
        vals.back() += " ";
        vals.back() += t;
      }
      continue;
    }
    current.clear();
    block_text = false;
    empty_value = false;
    size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      fm.warnings.push_back("front matter line " + std::to_string(no) +
                            " is not 'key: value'; ignored");
      continue;
    }
    std::string key = ascii_lower(trim(t.substr(0, colon)));
    std::string_view value = trim(t.substr(colon + 1));
    // Lists merge ("country:" twice); a second title or date is not used.
    if (!keys.insert(key).second && (key == "title" || key == "page-title" || key == "date" || key == "source"))
      fm.warnings.push_back("front matter line " + std::to_string(no) + " gives '" + key +
                            "' again; the first is used");
    current = key;
    empty_value = value.empty();
    if (value == "|" || value == ">" || value == "|-" || value == ">-" || value == "|+" || value == ">+") {
      block_text = true;
      continue;
    }
    // Tolerate YAML-style quoting and [a, b] lists.
    if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
      value = value.substr(1, value.size() - 2);
      auto& vals = fm.fields[key];
      for (std::string v : split_quoted(value, value.find(';') != std::string_view::npos ? ';' : ','))
        vals.push_back(std::move(v));
      continue;
    }
    auto& vals = fm.fields[key];
    if (key == "title" || key == "page-title" || key == "source") {
      std::string unquoted;
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
        unquoted = unquote(value);
        value = unquoted;
      }
      if (!trim(value).empty()) vals.emplace_back(value);
    } else {
      for (std::string v : split_quoted(value, ';')) vals.push_back(std::move(v));
    }
  }
  return fm;
}

std::string quote_front_matter_value(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace briefing
