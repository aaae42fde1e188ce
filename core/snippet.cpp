#include "snippet.h"

#include <algorithm>
#include <string_view>

#include "rules.h"
#include "stemmer.h"
#include "text.h"
#include "tokenizer.h"

namespace briefing {
namespace {

// Markers that cannot occur in escaped snippet text.
constexpr char kHiStart = '\x01';
constexpr char kHiEnd = '\x02';
constexpr char kOmit = '\x03';

// Undoes the HTML escaping of MSet::snippet().
std::string unescape_html(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    static const std::pair<const char*, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
    bool done = false;
    for (const auto& [name, ch] : kEntities) {
      size_t len = std::char_traits<char>::length(name);
      if (s.compare(i, len, name) == 0) {
        out += ch;
        i += len - 1;
        done = true;
        break;
      }
    }
    if (!done) out += '&';
  }
  return out;
}

// Maps an offset in the index form to the text as written.
size_t to_text_offset(const std::vector<OffsetAnchor>& anchors, size_t index_offset) {
  auto it = std::upper_bound(anchors.begin(), anchors.end(), index_offset,
                             [](size_t off, const OffsetAnchor& a) { return off < a.index_offset; });
  if (it == anchors.begin()) return index_offset;
  --it;
  size_t odd = std::distance(anchors.begin(), it) % 2;  // inside a replaced word
  if (odd == 0 && index_offset != it->index_offset) return it->text_offset;  // clamp to its start
  return it->text_offset + (index_offset - it->index_offset);
}

// Whether `query` holds a wildcard: its words have no start known here.
bool has_wildcard(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::OP_WILDCARD) return true;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i)
    if (has_wildcard(query.get_subquery(i))) return true;
  return false;
}

}  // namespace

SnippetQuery::SnippetQuery(const Xapian::Query& query) : stemmer(stemmer_for(query)) {
  word_starts_complete = !has_wildcard(query);
  for (auto t = query.get_terms_begin(); t != query.get_terms_end() && word_starts_complete; ++t) {
    std::string term = *t;
    if (term.empty()) continue;
    if (term[0] == 'Z') {
      term.erase(0, 1);
      // (a prefixed field's stem, "ZXTdefens", matches no word of a text)
      if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
      term.resize(term.size() > 2 ? term.size() - 2 : 0);
    } else if (term[0] >= 'A' && term[0] <= 'Z') {
      continue;  // a prefixed term: a filter or a field, no word of a text
    }
    if (std::any_of(term.begin(), term.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
      word_starts_complete = false;
    // (an acronym's term joins its letters: "U.S." is "us")
    if (term.size() > 1) {
      std::string dotted(1, term[0]);
      for (size_t i = 1; i < term.size(); ++i) dotted += std::string(".") + term[i];
      word_starts.push_back(dotted);
    }
    word_starts.push_back(term);
  }
}

// Every window before the first match scores nothing, so the text before
// the window that holds it changes nothing (the margin covers the window's
// first words and a phrase's words before its last).
size_t snippet_scan_start(const std::string& folded, const SnippetQuery& query, size_t length) {
  if (!query.word_starts_complete || query.word_starts.empty()) return 0;
  constexpr size_t kMargin = 256;
  std::string lowered(folded);
  for (char& c : lowered)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  size_t first = std::string::npos;
  for (const std::string& start : query.word_starts) first = std::min(first, lowered.find(start));
  if (first == std::string::npos || first < length + kMargin) return 0;
  const size_t space = lowered.find_last_of(" \t\r\n", first - length - kMargin);
  return space == std::string::npos ? 0 : space + 1;
}

Snippet make_snippet(const Xapian::MSet& mset, const std::string& full_text, const Rules& rules,
                     size_t length, const SnippetQuery* query) {
  // The snippet comes from the first megabyte: a search that finds a huge
  // briefing stays quick (a 100 MB one took 15 s a search, all of it here).
  constexpr size_t kMaxSnippetSource = 1u << 20;
  std::string text(truncate_utf8(full_text, kMaxSnippetSource));
  // The marks below are bytes 1 to 3: the text's own (control characters
  // no briefing means) become spaces, or they would be read as marks.
  std::replace_if(text.begin(), text.end(), [](char c) { return c == kHiStart || c == kHiEnd || c == kOmit; }, ' ');
  Snippet out;
  std::vector<OffsetAnchor> anchors;
  std::string folded = index_form(text, rules.variants, &anchors);
  const size_t skip = query ? snippet_scan_start(folded, *query, length) : 0;
  std::string raw = mset.snippet(folded.substr(skip), length, query ? query->stemmer : english_stemmer(),
                                 Xapian::MSet::SNIPPET_CJK_NGRAM,
                                 std::string(1, kHiStart), std::string(1, kHiEnd), std::string(1, kOmit));
  std::string s = unescape_html(raw);
  if (!s.empty() && s.front() == kOmit) {
    out.cut_start = true;
    s.erase(0, 1);
  }
  if (!s.empty() && s.back() == kOmit) {
    out.cut_end = true;
    s.pop_back();
  }
  // Plain snippet text and where the matches lie in it.
  std::string plain;
  std::vector<std::pair<size_t, size_t>> matches;
  for (char c : s) {
    if (c == kHiStart) matches.emplace_back(plain.size(), plain.size());
    else if (c == kHiEnd) { if (!matches.empty()) matches.back().second = plain.size(); }
    else plain += c;
  }
  size_t at = folded.find(plain, skip);
  if (at == std::string::npos) {
    // Should not happen; show the index form rather than nothing.
    out.pieces.push_back({plain, false});
    return out;
  }
  size_t pos = at;
  auto emit = [&](size_t from, size_t to, bool match) {
    size_t a = to_text_offset(anchors, from), b = to_text_offset(anchors, to);
    if (b > a) out.pieces.push_back({text.substr(a, b - a), match});
  };
  for (const auto& [b, e] : matches) {
    emit(pos, at + b, false);
    emit(at + b, at + e, true);
    pos = at + e;
  }
  emit(pos, at + plain.size(), false);
  return out;
}


}  // namespace briefing
