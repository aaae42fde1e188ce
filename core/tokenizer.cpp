#include "tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <stdexcept>

#include "data_files.h"
#include "text.h"

namespace briefing {

SpellingVariants SpellingVariants::parse(std::string_view tsv, std::string_view source) {
  SpellingVariants v;
  // Read by every search as it starts: no copies of the rows.
  for_each_tsv_row(tsv, [&](size_t line, const std::vector<std::string_view>& cols) {
    if (cols.size() < 2 || cols[0].empty() || cols[1].empty())
      throw std::runtime_error(std::string(source) + ":" + std::to_string(line) + ": expected 'british<TAB>american'");
    std::string british = fold_key(cols[0]);
    const uint64_t bit = short_hash(british) & 4095;
    v.filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    v.map_[std::move(british)] = fold_key(cols[1]);
  });
  return v;
}

const std::string& SpellingVariants::normalise(const std::string& lower_word) const {
  const uint64_t bit = short_hash(lower_word) & 4095;
  if (!(filter_[bit / 64] & (uint64_t{1} << (bit % 64)))) return lower_word;
  auto it = map_.find(lower_word);
  return it == map_.end() ? lower_word : it->second;
}

namespace {

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (u_isalnum(c)) return true;
  int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK;
}

bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c >= 0x80 && u_isUWhiteSpace(c));
}

// Markdown emphasis and code marks carry no words: "**Grant Shapps**" reads
// as "Grant Shapps".
bool is_markup(UChar32 c) { return c == '*' || c == '_' || c == '`'; }

bool is_break(UChar32 c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }

// Lowercase ASCII fast path; the general path goes through ICU.
std::string word_key(std::string_view word) {
  if (is_ascii(word)) return ascii_lower(word);
  return fold_key(word);
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, const SpellingVariants& variants) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool space = false, brk = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;  // callers pass valid UTF-8; skip defensively
    if (is_space(c)) {
      space = true;
      if (is_break(c)) brk = true;
      continue;
    }
    if (is_markup(c)) continue;
    Token t;
    t.begin = static_cast<uint32_t>(start);
    t.space_before = space || tokens.empty();
    t.break_before = brk || tokens.empty();
    space = brk = false;
    if (is_word_char(c)) {
      bool has_letter = false, has_lower = false, has_upper = false;
      bool first = true;
      int32_t end = start;
      int32_t j = start;
      while (j < n) {
        int32_t k = j;
        UChar32 d;
        U8_NEXT(s, k, n, d);
        if (d < 0 || !is_word_char(d)) break;
        if (d < 0x80) {  // ASCII without ICU calls: most of the text
          bool upper = d >= 'A' && d <= 'Z', lower = d >= 'a' && d <= 'z';
          if (upper || lower) {
            has_letter = true;
            if (upper) has_upper = true; else has_lower = true;
            if (first) t.capitalised = upper;
          }
        } else if (u_isalpha(d)) {
          has_letter = true;
          bool upper = u_isupper(d) || u_istitle(d);
          if (upper) has_upper = true; else if (u_islower(d)) has_lower = true;
          if (first) t.capitalised = upper;
        }
        first = false;
        j = end = k;
      }
      i = end;
      t.end = static_cast<uint32_t>(end);
      t.kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
      t.all_caps = has_upper && !has_lower;
      std::string key = word_key(text.substr(t.begin, t.end - t.begin));
      t.key = t.kind == TokenKind::kWord ? variants.normalise(key) : key;
    } else {
      t.end = static_cast<uint32_t>(i);
      t.kind = TokenKind::kPunct;
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        t.key = "'";
      else if (c == 0x2010 || c == 0x2011)
        t.key = "-";
      else
        t.key = std::string(text.substr(t.begin, t.end - t.begin));
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

std::vector<std::string> phrase_keys(std::string_view phrase, const SpellingVariants& variants) {
  std::vector<std::string> keys;
  for (Token& t : tokenize(phrase, variants)) keys.push_back(std::move(t.key));
  return keys;
}

std::string index_form(std::string_view text, const std::vector<Token>& tokens,
                       std::vector<OffsetAnchor>* anchors) {
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  for (const Token& t : tokens) {
    std::string_view orig = t.text(text);
    bool replace = false;
    if (t.kind == TokenKind::kPunct) {
      replace = t.key == "'" && orig != "'";
    } else if (t.kind == TokenKind::kWord) {
      // Unchanged words (the vast majority) are copied as they are.
      if (orig.size() != t.key.size()) {
        replace = true;
      } else {
        for (size_t k = 0; k < orig.size(); ++k) {
          char o = orig[k];
          if (o >= 'A' && o <= 'Z') o = static_cast<char>(o - 'A' + 'a');
          if (o != t.key[k]) { replace = true; break; }
        }
      }
    }
    if (!replace) continue;
    out.append(text.substr(copied, t.begin - copied));
    if (anchors) anchors->push_back({out.size(), t.begin});
    std::string form = t.key;
    if (t.all_caps) {
      for (char& ch : form) if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    } else if (t.capitalised && !form.empty() && form[0] >= 'a' && form[0] <= 'z') {
      form[0] = static_cast<char>(form[0] - 'a' + 'A');
    }
    out.append(form);
    copied = t.end;
    if (anchors) anchors->push_back({out.size(), t.end});
  }
  out.append(text.substr(copied));
  return out;
}

std::string index_form(std::string_view text, const SpellingVariants& variants) {
  return index_form(text, tokenize(text, variants));
}

}  // namespace briefing
