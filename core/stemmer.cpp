#include "stemmer.h"

#include <bitset>
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

class QueryStem : public Xapian::StemImplementation {
 public:
  explicit QueryStem(const Xapian::Query& query) {
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
      const std::string& term = *t;
      if (term.size() > 1 && term[0] == 'Z') first_.set(static_cast<unsigned char>(term[1]));
    }
  }
  std::string operator()(const std::string& word) override {
    if (word.empty() || !first_.test(static_cast<unsigned char>(word[0]))) return word;
    return stem_(word);
  }
  std::string get_description() const override { return "english (query's first letters)"; }

 private:
  std::bitset<256> first_;
  Xapian::Stem stem_ = english_stemmer();
};

}  // namespace

Xapian::Stem english_stemmer() {
  thread_local Xapian::Stem stemmer(new CachedStem);
  return stemmer;
}

Xapian::Stem stemmer_for(const Xapian::Query& query) { return Xapian::Stem(new QueryStem(query)); }

}  // namespace briefing
