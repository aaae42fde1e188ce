#include "stemmer.h"

#include <string>
#include <unordered_map>

namespace briefing {
namespace {

class CachedStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    auto it = cache_.find(word);
    if (it != cache_.end()) return it->second;
    // Bounded: a million distinct words (names, numbers) must not grow it
    // without end.
    if (cache_.size() >= kMaxWords) cache_.clear();
    return cache_.emplace(word, stem_(word)).first->second;
  }
  std::string get_description() const override { return "english"; }

 private:
  static constexpr size_t kMaxWords = 200000;
  Xapian::Stem stem_{"english"};
  std::unordered_map<std::string, std::string> cache_;
};

}  // namespace

Xapian::Stem english_stemmer() {
  thread_local Xapian::Stem stemmer(new CachedStem);
  return stemmer;
}

}  // namespace briefing
