#pragma once
// The filler vocabulary: English function words, a core of real defence and
// diplomacy words, and tens of thousands of synthetic words built from
// syllables (with English-like endings, so stemming has work to do), drawn
// with a Zipf distribution. Every word that could start a topic trigger or
// organisation name is removed, so filler text never adds a label.
#include <cstdint>
#include <string>
#include <vector>

#include "gen_random.h"
#include "gen_rules.h"

namespace bench {

struct Word {
  std::string us;  // American spelling
  std::string uk;  // British spelling (same when no variant)
  bool can_start;  // may be capitalised at the start of a sentence
};

class Lexicon {
 public:
  Lexicon(const Rules& rules, uint64_t seed, size_t synthetic_words);

  const Word& function_word(Rng& rng) const { return function_[rng.below(function_.size())]; }
  const Word& core_word(Rng& rng) const { return core_[rng.below(core_.size())]; }
  const Word& synthetic_word(Rng& rng) const;
  // A capitalised invented place name ("Varendor"), for datelines.
  const std::string& place(Rng& rng) const { return places_[rng.below(places_.size())]; }

  size_t size() const { return function_.size() + core_.size() + synthetic_.size(); }
  size_t removed() const { return removed_; }

 private:
  std::vector<Word> function_, core_, synthetic_;
  static constexpr double kZipfShift = 2.7;
  double zipf_log_span_ = 1;
  std::vector<std::string> places_;
  size_t removed_ = 0;
};

}  // namespace bench
