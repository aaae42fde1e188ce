#pragma once
// The optional metadata block at the top of a document:
//   ---
//   title: Japan and Finland deepen defence ties
//   date: 2024-09-12
//   country: Japan; Finland
//   ---
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace briefing {

struct FrontMatter {
  bool present = false;
  // Lowercased key -> values (split on ';'). Keys seen twice are merged.
  std::map<std::string, std::vector<std::string>> fields;
  std::string_view body;          // the text after the block (or all of it)
  size_t body_offset = 0;         // byte offset of body in the input
  std::vector<std::string> warnings;  // problems found, one line each

  // The first value of `key`, or "".
  std::string first(const std::string& key) const;
  const std::vector<std::string>& values(const std::string& key) const;
};

// Splits `text` into front matter and body. Never throws: a block that is
// never closed is treated as ordinary text, with a warning; lines that are
// not "key: value" are skipped with a warning. YAML comments ("Japan #
// host") and double-quote escapes ("\u00E9") are read as YAML reads them; a
// key indented with a tab, an unknown escape and a title or date given
// several values are read as meant, with a warning.
FrontMatter parse_front_matter(std::string_view text);

// `value` as a double-quoted front matter value that parse_front_matter
// reads back exactly ("[Update] \"X\"" stays itself, not a list).
std::string quote_front_matter_value(std::string_view value);

}  // namespace briefing
