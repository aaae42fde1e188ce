#pragma once
// Splits text into words, numbers and punctuation with byte offsets, as the
// extraction rules see it. Every word carries a folded key (lowercase, no
// accents, British spelling made American) so rules compare keys only.
#include <cstdint>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace briefing {

// British -> American spellings ("defence" -> "defense"), from
// data/spelling-variants.tsv. Applied to text, queries and rule phrases alike.
class SpellingVariants {
 public:
  SpellingVariants() = default;
  // Parses "british<TAB>american" rows; throws std::runtime_error on a
  // malformed row, naming `source` and the line.
  static SpellingVariants parse(std::string_view tsv, std::string_view source);
  // The American form of a lowercase word, or the word itself.
  const std::string& normalise(const std::string& lower_word) const;
  // Whether a lowercase word is the American form of a row ("defense").
  bool is_american(const std::string& lower_word) const { return american_.count(lower_word) > 0; }
  size_t size() const { return map_.size(); }

 private:
  // One bit per hash of each British form: most words are ruled out
  // without a look-up in map_ (this runs for every word indexed or shown).
  std::array<uint64_t, 64> filter_{};
  std::unordered_map<std::string, std::string> map_;
  std::unordered_set<std::string> american_;
};

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t begin = 0;  // byte offset of the first byte
  uint32_t end = 0;    // byte offset one past the last byte
  TokenKind kind = TokenKind::kPunct;
  bool space_before = false;  // white space separates it from the previous token
  bool break_before = false;  // a line break separates it from the previous token
  // That break only wraps a long line of running text (one line break
  // after 50 bytes or more that end in no stop or colon): text from a PDF
  // or a hard-wrapped file, where a phrase may go on ("South\nChina Sea").
  bool soft_break = false;
  bool capitalised = false;   // starts with an upper- or title-case letter
  bool all_caps = false;      // has letters, all upper case
  std::string key;            // folded form; punctuation: itself ("’" -> "'")

  bool is_word() const { return kind == TokenKind::kWord; }
  bool is(std::string_view k) const { return key == k; }
  // A short word inside a name or a title: "Minister of the Interior and
  // Defence", "Ministry for Foreign Affairs".
  bool is_name_link() const { return key == "of" || key == "for" || key == "the" || key == "and"; }
  std::string_view text(std::string_view source) const {
    return source.substr(begin, end - begin);
  }
};

// Tokens of `text` (which must be valid UTF-8).
std::vector<Token> tokenize(std::string_view text, const SpellingVariants& variants);

// A word cut by a hyphen at the end of a line, in text from a PDF ("Lithu-"
// / "ania"), made one word token again when `known` knows the whole word
// (its key, spellings made American): a country, a topic's word. Other
// words so cut stay as they are, since most are compounds ("high-" /
// "level").
template <typename Known>
void join_cut_words(std::vector<Token>* tokens, const SpellingVariants& variants, Known&& known);

// The keys of a short phrase, for building rules ("U.S." -> u . s .).
std::vector<std::string> phrase_keys(std::string_view phrase, const SpellingVariants& variants);

// The text as it is given to Xapian: accents folded and spellings made
// American word by word, case and everything else kept, so that the indexer
// and the query parser see the same words.
// Where a replaced word starts and ends in both texts, so that positions in
// the index form can be taken back to the text as written.
struct OffsetAnchor {
  size_t index_offset;
  size_t text_offset;
};
std::string index_form(std::string_view text, const std::vector<Token>& tokens,
                       std::vector<OffsetAnchor>* anchors = nullptr);
// The same from the text alone, without making every token's key.
std::string index_form(std::string_view text, const SpellingVariants& variants,
                       std::vector<OffsetAnchor>* anchors = nullptr);

template <typename Known>
void join_cut_words(std::vector<Token>* tokens, const SpellingVariants& variants, Known&& known) {
  std::vector<Token>& t = *tokens;
  size_t out = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (i + 2 < t.size() && t[i].is_word() && t[i + 1].is("-") && !t[i + 1].space_before && t[i + 2].is_word() &&
        t[i + 2].break_before && !t[i + 2].capitalised) {
      std::string whole = variants.normalise(t[i].key + t[i + 2].key);
      if (known(whole)) {
        Token joined = t[i];
        joined.end = t[i + 2].end;
        joined.key = std::move(whole);
        joined.all_caps = false;
        t[out++] = std::move(joined);
        i += 2;
        continue;
      }
    }
    if (out != i) t[out] = std::move(t[i]);
    ++out;
  }
  t.resize(out);
}

}  // namespace briefing
