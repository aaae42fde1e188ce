#pragma once
// Token model and phrase trie of the corpus generator. The generator uses
// them to keep its filler text free of anything the extraction rules react
// to, and to label the topics each document really contains.
//
// Tokens: runs of letters and digits (any non-ASCII byte counts as a letter)
// are words; every other non-space character is a token of its own; curly
// quotes and dashes are punctuation, and the curly apostrophe is "'". Keys
// are lowercase ASCII. Phrases never match across punctuation they do not
// contain, as in the project's rules.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bench {

// Fills `keys` with the tokens of `text`; the views point into `buffer`.
void tokenize(std::string_view text, std::string& buffer, std::vector<std::string_view>& keys);

struct PhraseHit {
  uint32_t begin, end;  // token range
  int target;
};

class PhraseTrie {
 public:
  // Adds `phrase` for `target`; a trailing '*' makes its last word a prefix
  // ("cyber*" matches "cyberattack"). A leading '=' is ignored.
  void add(std::string_view phrase, int target);
  // Every phrase at every position (overlapping).
  void find_every(const std::vector<std::string_view>& keys, std::vector<PhraseHit>& out) const;
  // Whether any phrase occurs in `text`.
  bool occurs_in(std::string_view text) const;
  bool empty() const { return nodes_.size() == 1 && root_prefixes_.empty(); }

 private:
  struct Node {
    std::unordered_map<std::string_view, uint32_t> next;
    std::vector<int> targets;                                 // phrases ending here
    std::vector<std::pair<std::string_view, int>> prefixes;  // "word*" ending here
  };
  std::string_view intern(std::string_view key);
  void walk(const std::vector<std::string_view>& keys, uint32_t start, std::vector<PhraseHit>& out) const;

  std::vector<Node> nodes_{1};
  // Root-level prefixes ("cyber*"), bucketed by their first two bytes.
  std::unordered_map<uint16_t, std::vector<std::pair<std::string_view, int>>> root_prefixes_;
  std::deque<std::string> storage_;
};

inline bool starts_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}

}  // namespace bench
