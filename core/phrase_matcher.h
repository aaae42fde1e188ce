#pragma once
// Finds known phrases (aliases, trigger phrases, role titles) in a token
// stream: a trie over folded token keys, longest match first.
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tokenizer.h"

namespace briefing {

enum class CaseRule : uint8_t {
  kAny,          // any capitalisation ("missile", "Defense Minister")
  kCapitalised,  // the first word must start with a capital ("Turkey", not "turkey")
  kExact,        // the words must be written exactly so ("US", not "us")
};

struct PhraseMatch {
  size_t begin = 0;   // first token
  size_t end = 0;     // one past the last token
  uint32_t entry = 0; // what the phrase stands for
};

class PhraseMatcher {
 public:
  // Adds `phrase` for `target`. A trailing '*' on the phrase makes its last
  // word a prefix ("cyber*" matches "cyberattack").
  void add(std::string_view phrase, uint32_t target, CaseRule rule,
           const SpellingVariants& variants);

  // The longest phrase starting at token i, if any.
  std::optional<PhraseMatch> match_at(std::string_view text, const std::vector<Token>& tokens,
                                      size_t i) const;

  // Non-overlapping matches, scanning left to right, longest first (for
  // names: "South China Sea" hides "China").
  std::vector<PhraseMatch> find_all(std::string_view text,
                                    const std::vector<Token>& tokens) const;

  // Every phrase at every position, overlapping and for every target (for
  // trigger phrases, where one phrase may serve several topics).
  std::vector<PhraseMatch> find_every(std::string_view text,
                                      const std::vector<Token>& tokens) const;

  // Whether a phrase has the word (a token key) whole.
  bool has_word(const std::string& key) const { return words_.count(key) > 0; }

 private:
  struct Entry {
    uint32_t target;
    CaseRule rule;
    std::vector<std::string> exact;  // original words, for kExact
  };
  struct Node {
    std::unordered_map<std::string, uint32_t> next;
    std::vector<Entry> entries;                             // phrases ending here
    std::vector<std::pair<std::string, Entry>> prefixes;    // "word*" ending here
  };
  // Calls f(end, target) for each phrase starting at token i.
  template <typename F>
  void walk(std::string_view text, const std::vector<Token>& tokens, size_t i, F&& f) const;
  bool accepts(const Entry& e, std::string_view text, const std::vector<Token>& tokens,
               size_t begin, size_t end) const;
  // Whether a token key may start a phrase: a filter on its first and last
  // bytes and length, asked before the root's hash table (most tokens of a
  // text start none, and each matcher looks at every token).
  static size_t first_word_slot(const std::string& key) {
    if (key.empty()) return 0;
    return (static_cast<unsigned char>(key.front()) * 131u + static_cast<unsigned char>(key.back()) * 31u +
            key.size()) % kFirstWordSlots;
  }
  bool may_start(const std::string& key) const {
    return first_words_.test(first_word_slot(key)) || prefix_may_start(key);
  }
  // Whether a "word*" phrase's first word may be `key`'s start.
  bool prefix_may_start(const std::string& key) const {
    return !key.empty() && prefix_starts_.test(static_cast<unsigned char>(key.front()));
  }
  static constexpr size_t kFirstWordSlots = 4096;
  std::vector<Node> nodes_{1};
  std::bitset<kFirstWordSlots> first_words_;
  std::bitset<256> prefix_starts_;  // first bytes of the root's "word*" phrases
  std::unordered_set<std::string> words_;
};

}  // namespace briefing
