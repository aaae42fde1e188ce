#include "tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
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
    std::string american = fold_key(cols[1]);
    v.american_.insert(american);
    v.map_[std::move(british)] = std::move(american);
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

// ASCII bytes by class.
constexpr uint8_t kUpper = 1, kLower = 2, kDigit = 4, kAlnum = kUpper | kLower | kDigit;
constexpr std::array<uint8_t, 256> kAsciiClass = [] {  // 0 from 0x80 up
  std::array<uint8_t, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  return t;
}();

// One token as the scanner finds it, before its key is made.
struct Scanned {
  uint32_t begin = 0, end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool space_before = false, break_before = false, capitalised = false, all_caps = false;
  bool soft_break = false;  // see Token::soft_break
  bool ascii = true;  // a word or number: every byte below 0x80
  UChar32 first = 0;  // the first character
};

// Calls f(const Scanned&) for each token of `text`, in order. tokenize()
// and index_form() share it, so they split text alike.
template <class F>
void scan_tokens(std::string_view text, F&& f) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool space = false, brk = false, any = false;
  int breaks = 0;              // line breaks in the white space being read
  int32_t line_start = 0;      // where the line before them began
  int32_t line_end = 0;        // and where its last character ended
  UChar32 last = 0;            // its last character
  int32_t last_word = -1, last_word_end = -1;  // where its last word is, when a word ended it
  constexpr int32_t kWrappedLine = 50;
  // A line that ends on a word that cannot end a sentence goes on, however
  // short ("... piracy in the Gulf of" / "Guinea.").
  auto ends_on_link = [&] {
    if (last_word < 0 || last != 'a') return false;
    const std::string_view w(reinterpret_cast<const char*>(s) + last_word, static_cast<size_t>(last_word_end - last_word));
    return w == "of" || w == "the" || w == "and" || w == "for" || w == "to";
  };
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;  // callers pass valid UTF-8; skip defensively
    if (is_space(c)) {
      space = true;
      if (is_break(c)) {
        if (!brk) line_end = start;
        brk = true;
        if (c != '\r') ++breaks;  // "\r\n" is one
      }
      continue;
    }
    if (is_markup(c)) continue;
    Scanned t;
    t.begin = static_cast<uint32_t>(start);
    t.first = c;
    t.space_before = space || !any;
    t.break_before = brk || !any;
    if (brk && any) {
      t.soft_break = breaks <= 1 && (line_end - line_start >= kWrappedLine || ends_on_link()) && last != '.' &&
                     last != '!' && last != '?' && last != ':' && last != ';';
      line_start = start;
    }
    any = true;
    space = brk = false;
    breaks = 0;
    if (is_word_char(c)) {
      bool has_letter = false, has_lower = false, has_upper = false;
      bool first = true;
      int32_t end = start;
      int32_t j = start;
      while (j < n) {
        if (s[j] < 0x80) {  // a run of ASCII letters and digits without ICU: most of the text
          int32_t run = j;
          uint8_t seen = 0;
          while (run < n && (kAsciiClass[s[run]] & kAlnum)) seen |= kAsciiClass[s[run++]];
          if (run == j) break;
          if (seen & (kUpper | kLower)) {
            has_letter = true;
            has_upper = has_upper || (seen & kUpper);
            has_lower = has_lower || (seen & kLower);
            if (first && (kAsciiClass[s[j]] & (kUpper | kLower))) t.capitalised = kAsciiClass[s[j]] & kUpper;
          }
          first = false;
          j = end = run;
          continue;
        }
        int32_t k = j;
        UChar32 d;
        U8_NEXT(s, k, n, d);
        if (d < 0 || !is_word_char(d)) break;
        t.ascii = false;
        // A modifier letter before the first capital leaves the word
        // capitalised: Tongan and Samoan names begin with an ʻokina
        // ("ʻAisake Valu Eke", "ʻUlukalala").
        if (first && u_charType(d) == U_MODIFIER_LETTER) {
          has_letter = true;
          j = end = k;
          continue;
        }
        if (u_isalpha(d)) {
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
    } else {
      t.end = static_cast<uint32_t>(i);
      t.kind = TokenKind::kPunct;
    }
    last = t.kind == TokenKind::kPunct ? c : 'a';
    if (t.kind == TokenKind::kWord) last_word = static_cast<int32_t>(t.begin), last_word_end = static_cast<int32_t>(t.end);
    f(t);
  }
}

bool is_apostrophe(UChar32 c) { return c == 0x2019 || c == 0x2018 || c == 0x02BC; }

// The word as written, in the index form: `key` with the case of the
// written word (all capitals, or a capital first letter).
void append_in_case(std::string& out, const std::string& key, bool all_caps, bool capitalised) {
  const size_t at = out.size();
  out += key;
  if (all_caps) {
    for (size_t k = at; k < out.size(); ++k)
      if (out[k] >= 'a' && out[k] <= 'z') out[k] = static_cast<char>(out[k] - 'a' + 'A');
  } else if (capitalised && at < out.size() && out[at] >= 'a' && out[at] <= 'z') {
    out[at] = static_cast<char>(out[at] - 'a' + 'A');
  }
}

// True when `key` is not the written word in lower case (ASCII letters
// lowered, all else as written).
bool differs_from_lowered(std::string_view written, const std::string& key) {
  if (written.size() != key.size()) return true;
  for (size_t k = 0; k < written.size(); ++k) {
    char o = written[k];
    if (o >= 'A' && o <= 'Z') o = static_cast<char>(o - 'A' + 'a');
    if (o != key[k]) return true;
  }
  return false;
}

// Builds the index form: the text between replaced tokens copied as it is.
class IndexFormWriter {
 public:
  IndexFormWriter(std::string_view text, std::vector<OffsetAnchor>* anchors) : text_(text), anchors_(anchors) {
    out_.reserve(text.size());
  }
  void replace(uint32_t begin, uint32_t end, const std::string& key, bool all_caps, bool capitalised) {
    out_.append(text_.substr(copied_, begin - copied_));
    if (anchors_) anchors_->push_back({out_.size(), begin});
    append_in_case(out_, key, all_caps, capitalised);
    copied_ = end;
    if (anchors_) anchors_->push_back({out_.size(), end});
  }
  std::string finish() {
    out_.append(text_.substr(copied_));
    return std::move(out_);
  }

 private:
  std::string_view text_;
  std::vector<OffsetAnchor>* anchors_;
  std::string out_;
  size_t copied_ = 0;
};

const std::string kApostrophe = "'";

}  // namespace

std::vector<Token> tokenize(std::string_view text, const SpellingVariants& variants) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  scan_tokens(text, [&](const Scanned& s) {
    Token t;
    t.begin = s.begin;
    t.end = s.end;
    t.kind = s.kind;
    t.space_before = s.space_before;
    t.break_before = s.break_before;
    t.soft_break = s.soft_break;
    t.capitalised = s.capitalised;
    t.all_caps = s.all_caps;
    const std::string_view written = text.substr(s.begin, s.end - s.begin);
    if (s.kind != TokenKind::kPunct) {
      std::string key = word_key(written);
      t.key = s.kind == TokenKind::kWord ? variants.normalise(key) : key;
    } else if (is_apostrophe(s.first)) {
      t.key = kApostrophe;
    } else if (s.first == 0x2010 || s.first == 0x2011) {
      t.key = "-";
    } else {
      t.key = std::string(written);
    }
    tokens.push_back(std::move(t));
  });
  return tokens;
}

std::vector<std::string> phrase_keys(std::string_view phrase, const SpellingVariants& variants) {
  std::vector<std::string> keys;
  for (Token& t : tokenize(phrase, variants)) keys.push_back(std::move(t.key));
  return keys;
}

std::string index_form(std::string_view text, const std::vector<Token>& tokens,
                       std::vector<OffsetAnchor>* anchors) {
  IndexFormWriter w(text, anchors);
  for (const Token& t : tokens) {
    const std::string_view written = t.text(text);
    bool replace = false;
    if (t.kind == TokenKind::kPunct) replace = t.key == kApostrophe && written != kApostrophe;
    else if (t.kind == TokenKind::kWord) replace = differs_from_lowered(written, t.key);  // most words: no
    if (replace) w.replace(t.begin, t.end, t.key, t.all_caps, t.capitalised);
  }
  return w.finish();
}

std::string index_form(std::string_view text, const SpellingVariants& variants,
                       std::vector<OffsetAnchor>* anchors) {
  // As index_form(text, tokenize(text, variants)), without a key made for
  // every token: an ASCII word is lowered into one reused buffer and
  // changes only when it is a British spelling. (Snippets do this for the
  // whole text of every hit shown.)
  IndexFormWriter w(text, anchors);
  std::string lowered;
  scan_tokens(text, [&](const Scanned& s) {
    if (s.kind == TokenKind::kPunct) {
      if (is_apostrophe(s.first)) w.replace(s.begin, s.end, kApostrophe, false, false);
      return;
    }
    if (s.kind != TokenKind::kWord) return;
    const std::string_view written = text.substr(s.begin, s.end - s.begin);
    if (s.ascii) {
      lowered.assign(written);
      for (char& c : lowered)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      const std::string& key = variants.normalise(lowered);
      if (&key != &lowered && key != lowered) w.replace(s.begin, s.end, key, s.all_caps, s.capitalised);
      return;
    }
    const std::string folded = fold_key(written);
    const std::string& key = variants.normalise(folded);
    if (differs_from_lowered(written, key)) w.replace(s.begin, s.end, key, s.all_caps, s.capitalised);
  });
  return w.finish();
}

}  // namespace briefing
