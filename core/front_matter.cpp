#include "front_matter.h"

#include <cctype>
#include <cstdint>
#include <optional>
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

// `cp` as UTF-8 (a valid code point: not past U+10FFFF, no surrogate).
void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The `digits` hex digits at `at` in `s` as a number, or nullopt when
// there are fewer ("\u00G1", "\x4" at the end).
std::optional<uint32_t> hex_at(std::string_view s, size_t at, size_t digits) {
  if (at + digits > s.size()) return std::nullopt;
  uint32_t v = 0;
  for (char c : s.substr(at, digits)) {
    const int d = c >= '0' && c <= '9' ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
    if (d < 0) return std::nullopt;
    v = v * 16 + static_cast<uint32_t>(d);
  }
  return v;
}

// The code point of a YAML escape by number at `at` ("\xE9", "\u00E9",
// "\U0001F600", and a surrogate pair as JSON writes one: "\uD83D\uDE00"),
// with `at` moved to its last character; nullopt for a number that is no
// character (a lone surrogate, past U+10FFFF).
std::optional<uint32_t> escaped_code_point(std::string_view s, size_t& at) {
  const size_t digits = s[at + 1] == 'x' ? 2 : s[at + 1] == 'u' ? 4 : 8;
  std::optional<uint32_t> cp = hex_at(s, at + 2, digits);
  if (!cp || *cp > 0x10FFFF || (*cp >= 0xDC00 && *cp <= 0xDFFF)) return std::nullopt;
  size_t end = at + 2 + digits;
  if (*cp >= 0xD800 && *cp <= 0xDBFF) {
    if (s.substr(end, 2) != "\\u") return std::nullopt;
    std::optional<uint32_t> low = hex_at(s, end + 2, 4);
    if (!low || *low < 0xDC00 || *low > 0xDFFF) return std::nullopt;
    cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
    end += 6;
  }
  at = end - 1;
  return cp;
}

// The escape at `at` (on its backslash) in a double-quoted value appended
// to `out` as the character it stands for, `at` moved to its last
// character: YAML's "\n", "\t", "\"", "\u00E9" and the rest. False for one
// YAML does not know ("\q", "\u00G1", a backslash at the end), which the
// caller keeps as written.
bool append_escape(std::string_view s, size_t& at, std::string& out) {
  if (at + 1 >= s.size()) return false;
  uint32_t cp = 0;
  switch (s[at + 1]) {
    case '"': case '\\': case '/': case ' ': case '\t': cp = static_cast<unsigned char>(s[at + 1]); break;
    case 'n': cp = '\n'; break;
    case 't': cp = '\t'; break;
    case 'r': cp = '\r'; break;
    case '0': cp = 0; break;
    case 'a': cp = 0x07; break;
    case 'b': cp = 0x08; break;
    case 'e': cp = 0x1B; break;
    case 'f': cp = 0x0C; break;
    case 'v': cp = 0x0B; break;
    case 'N': cp = 0x85; break;    // next line
    case '_': cp = 0xA0; break;    // no-break space
    case 'L': cp = 0x2028; break;  // line separator
    case 'P': cp = 0x2029; break;  // paragraph separator
    case 'x': case 'u': case 'U': {
      std::optional<uint32_t> n = escaped_code_point(s, at);
      if (!n) return false;
      append_utf8(out, *n);
      return true;
    }
    default: return false;
  }
  append_utf8(out, cp);
  ++at;
  return true;
}

// The escape at `at` as written, for a warning: "\q", "\u00G1".
std::string_view escape_as_written(std::string_view s, size_t at) {
  const char kind = at + 1 < s.size() ? s[at + 1] : 0;
  return s.substr(at, kind == 'x' ? 4 : kind == 'u' ? 6 : kind == 'U' ? 10 : 2);
}

// The text of a YAML quoted scalar: "a \"b\" \\ c \u00E9" (backslash
// escapes, see append_escape) or 'Japan''s' (a doubled quote). An escape
// YAML does not know stays as written ("C:\q") and is added to `invalid`
// ("\q") for a warning.
std::string unquote(std::string_view quoted, std::vector<std::string>* invalid) {
  const char q = quoted.front();
  std::string_view inner = quoted.substr(1, quoted.size() - 2);
  std::string out;
  out.reserve(inner.size());
  for (size_t i = 0; i < inner.size(); ++i) {
    char c = inner[i];
    if (q == '"' && c == '\\') {
      if (append_escape(inner, i, out)) continue;
      invalid->emplace_back(escape_as_written(inner, i));
    } else if (q == '\'' && c == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') {
      ++i;
    }
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

// Whether a quote at `at` in `value` opens a quoted scalar: at the start of
// a value or of a list item ("\"Japan\"", "[a, 'b']", "a; \"b\""), not
// inside a plain one ("Japan's", "Talks 'in' Tokyo").
bool opens_quoted(std::string_view value, size_t at) {
  // (only the blanks just before it are looked at: a line of many quotes
  // stays linear)
  while (at > 0 && (value[at - 1] == ' ' || value[at - 1] == '\t')) --at;
  return at == 0 || value[at - 1] == '[' || value[at - 1] == ',' || value[at - 1] == ';';
}

// Where a YAML comment starts in `value` from `from`: a '#' at the start or
// after a space or tab ("Japan # trailing"), not inside quotes ("\"No. #1\"
// # note") nor within a word ("C#", "page#2"); npos if none.
size_t comment_start(std::string_view value, size_t from) {
  char quote = 0;
  size_t opened = 0;
  for (size_t i = from; i < value.size(); ++i) {
    const char c = value[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;  // an escape inside "..."
      else if (c == quote && quote == '\'' && i + 1 < value.size() && value[i + 1] == '\'') ++i;  // 'Japan''s'
      else if (c == quote) quote = 0;
      continue;
    }
    if ((c == '"' || c == '\'') && opens_quoted(value, i)) {
      quote = c;
      opened = i;
    } else if (c == '#' && (i == 0 || value[i - 1] == ' ' || value[i - 1] == '\t')) {
      return i;
    }
  }
  // A quote never closed opened nothing ("'Tis the season # note").
  return quote ? comment_start(value, opened + 1) : std::string_view::npos;
}

// `value` without its YAML comment, trimmed: "Japan # trailing" is "Japan".
std::string_view without_comment(std::string_view value) {
  return trim(value.substr(0, comment_start(value, 0)));
}

// A line indented with a tab that reads "key:" ("\tcountry: Japan"). YAML
// allows no tab in indentation; read as a value going on, it would join
// the key above's ("title: Tabbed country: Japan") and lose this one.
bool tab_indented_key(std::string_view line) {
  const size_t indent = line.find_first_not_of(" \t");
  if (indent == std::string_view::npos || line.substr(0, indent).find('\t') == std::string_view::npos)
    return false;
  std::string_view t = line.substr(indent);
  const size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (char c : t.substr(0, colon))
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return colon + 1 == t.size() || t[colon + 1] == ' ' || t[colon + 1] == '\t';
}

// Keys of which the first value is used: a title, a date, a source.
bool takes_one_value(const std::string& key) {
  return key == "title" || key == "page-title" || key == "page-heading" || key == "date" || key == "source";
}

// The quoted value or list item `item` ("\"Japan\"", "'Japan''s'") unquoted,
// else as it is; escapes YAML does not know go to `invalid`.
std::string unquoted_item(std::string_view item, std::vector<std::string>* invalid) {
  if (item.size() >= 2 && (item.front() == '"' || item.front() == '\'') && item.back() == item.front())
    return unquote(item, invalid);
  return std::string(item);
}

}  // namespace

// A key that takes one value given several ("title: [a, b]", "date:
// 2024-01-01; 2025-01-01"): the first is used, and the user should know.
static void warn_if_several_values(FrontMatter& fm, const std::string& key) {
  const size_t n = fm.values(key).size();
  if (takes_one_value(key) && n > 1)
    fm.warnings.push_back("front matter " + key + " has " + std::to_string(n) + " values; the first is used");
}

// Escapes of a double-quoted value on line `no` that YAML does not know
// ("C:\q"), kept as written: one warning for the line.
static void warn_unknown_escapes(FrontMatter& fm, size_t no, const std::vector<std::string>& invalid) {
  if (invalid.empty()) return;
  std::string more = invalid.size() > 1 ? " and " + std::to_string(invalid.size() - 1) + " more" : "";
  fm.warnings.push_back("front matter line " + std::to_string(no) + " has an unknown escape ('" + invalid.front() +
                        "'" + more + "); kept as written");
}

// Values cut at `sep`, but not inside a quoted one ("hybrid threats;
// \"semi;colon\"" is two values), each trimmed and unquoted (escapes YAML
// does not know go to `invalid`).
static std::vector<std::string> split_quoted(std::string_view value, char sep, std::vector<std::string>* invalid) {
  std::vector<std::string> out;
  size_t start = 0;
  char quote = 0;
  for (size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size()) {
      const char c = value[i];
      if (quote) {
        if (c == '\\' && quote == '"' && i + 1 < value.size()) ++i;  // an escape inside "..."
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
    if (std::string v = unquoted_item(part, invalid); !trim(v).empty()) out.push_back(std::move(v));
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
  bool current_first = false;  // `current` not seen before: all its values are on the lines read
  bool block_text = false;  // after "key: |" or "key: >": the lines below are its text
  bool empty_value = false;  // after "key:" alone: "- item" lines may follow, indented or not
  std::set<std::string> keys;
  for (const auto& [no, line] : lines) {
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    const bool indented = line.front() == ' ' || line.front() == '\t';
    const bool item_line = t.size() >= 2 && t[0] == '-' && (t[1] == ' ' || t[1] == '\t');
    const bool tab_key = tab_indented_key(line);
    if (tab_key)
      fm.warnings.push_back("front matter line " + std::to_string(no) +
                            " is indented with a tab (tabs are not allowed for indentation); read as key '" +
                            ascii_lower(trim(t.substr(0, t.find(':')))) + "'");
    // YAML's block forms: "country:" then "  - Japan" lines (or "- Japan",
    // as PyYAML writes them); "title: |" or "title: >" then indented text; a
    // plain value that goes on indented. A comment ends a plain value or
    // item ("- Japan # host"), not block text, where '#' is text.
    if (!tab_key && (indented || (item_line && empty_value)) && !current.empty()) {
      auto& vals = fm.fields[current];
      std::vector<std::string> invalid;
      if (!block_text && item_line) {
        std::string item = unquoted_item(without_comment(t.substr(2)), &invalid);
        if (!trim(item).empty()) vals.push_back(std::move(item));
      } else {
        if (!block_text) t = without_comment(t);
        if (vals.empty()) {
          vals.emplace_back(t);
        } else {
          vals.back() += " ";
          vals.back() += t;
        }
      }
      warn_unknown_escapes(fm, no, invalid);
      continue;
    }
    if (current_first) warn_if_several_values(fm, current);
    current.clear();
    current_first = false;
    block_text = false;
    empty_value = false;
    size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      fm.warnings.push_back("front matter line " + std::to_string(no) +
                            " is not 'key: value'; ignored");
      continue;
    }
    std::string key = ascii_lower(trim(t.substr(0, colon)));
    std::string_view value = without_comment(t.substr(colon + 1));
    // Lists merge ("country:" twice); a second title or date is not used.
    current_first = keys.insert(key).second;
    if (!current_first && takes_one_value(key))
      fm.warnings.push_back("front matter line " + std::to_string(no) + " gives '" + key +
                            "' again; the first is used");
    current = key;
    empty_value = value.empty();
    if (value == "|" || value == ">" || value == "|-" || value == ">-" || value == "|+" || value == ">+") {
      block_text = true;
      continue;
    }
    // Tolerate YAML-style quoting and [a, b] lists.
    auto& vals = fm.fields[key];
    std::vector<std::string> invalid;
    if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
      value = value.substr(1, value.size() - 2);
      for (std::string v : split_quoted(value, value.find(';') != std::string_view::npos ? ';' : ',', &invalid))
        vals.push_back(std::move(v));
    } else if (key == "title" || key == "page-title" || key == "source") {
      if (std::string v = unquoted_item(value, &invalid); !trim(v).empty()) vals.push_back(std::move(v));
    } else {
      for (std::string v : split_quoted(value, ';', &invalid)) vals.push_back(std::move(v));
    }
    warn_unknown_escapes(fm, no, invalid);
  }
  if (current_first) warn_if_several_values(fm, current);
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
