#include "spelling_sync.h"

#include <algorithm>
#include <functional>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "schema.h"

namespace briefing {

bool is_spelling_word(const std::string& term) {
  if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
  return std::any_of(term.begin(), term.end(), [](char c) { return c < '0' || c > '9'; });
}

void limit_spelling_words(Xapian::Document& doc) {
  if (doc.termlist_count() <= kMaxSpellingWords) return;
  std::vector<Xapian::termcount> wdfs;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if (is_spelling_word(*t)) wdfs.push_back(t.get_wdf());
  if (wdfs.size() <= kMaxSpellingWords) return;
  std::nth_element(wdfs.begin(), wdfs.begin() + (kMaxSpellingWords - 1), wdfs.end(), std::greater<>());
  doc.add_boolean_term(std::string(kPrefixSpellingLimit) + std::to_string(wdfs[kMaxSpellingWords - 1]));
}

namespace {

// The documents that give the spelling data only their most frequent words,
// each with the least frequency taken, by document number.
std::vector<std::pair<Xapian::docid, Xapian::termcount>> limited_documents(const Xapian::Database& db) {
  std::vector<std::pair<Xapian::docid, Xapian::termcount>> limited;
  const std::string prefix(kPrefixSpellingLimit);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const auto least = static_cast<Xapian::termcount>(std::strtoul((*t).c_str() + prefix.size(), nullptr, 10));
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) limited.emplace_back(*p, least);
  }
  std::sort(limited.begin(), limited.end());
  return limited;
}

}  // namespace

size_t sync_spelling(Xapian::WritableDatabase& db, size_t words_per_commit) {
  db.commit();  // (what is compared is what was committed)
  const auto limited = limited_documents(db);
  size_t changed = 0;
  // Chunk by chunk of the sorted vocabulary: up to `words_per_commit` words
  // from `lo` on, with their counts from the term list; then the spelling
  // data's words in the same range, compared, changed and committed before
  // the next chunk is read.
  struct Change {
    std::string word;
    Xapian::termcount have, want;
  };
  for (std::string lo;;) {
    std::vector<std::pair<std::string, Xapian::termcount>> words;
    std::string hi;  // the next chunk's first word; "" for the last chunk
    auto t = db.allterms_begin();
    t.skip_to(lo);
    while (t != db.allterms_end()) {
      const std::string term = *t;
      if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {  // prefixed terms, all together: past them
        t.skip_to("[");
        continue;
      }
      if (is_spelling_word(term)) {
        if (words.size() == words_per_commit) {
          hi = term;
          break;
        }
        words.emplace_back(term, t.get_termfreq());
      }
      ++t;
    }
    // Less the words each limited document keeps out (read from its own
    // term list, in the chunk's range only).
    if (!limited.empty()) {
      for (const auto& [doc, least] : limited) {
        auto w = db.termlist_begin(doc);
        for (w.skip_to(lo); w != db.termlist_end(doc) && (hi.empty() || *w < hi); ++w) {
          if (w.get_wdf() >= least || !is_spelling_word(*w)) continue;
          auto it = std::lower_bound(words.begin(), words.end(), *w,
                                     [](const auto& word, const std::string& key) { return word.first < key; });
          if (it != words.end() && it->first == *w && it->second > 0) --it->second;
        }
      }
      words.erase(std::remove_if(words.begin(), words.end(), [](const auto& word) { return word.second == 0; }),
                  words.end());
    }
    std::vector<Change> changes;
    size_t i = 0;
    auto w = db.spellings_begin();
    for (w.skip_to(lo); w != db.spellings_end() && (hi.empty() || *w < hi); ++w) {
      const std::string word = *w;
      for (; i < words.size() && words[i].first < word; ++i) changes.push_back({words[i].first, 0, words[i].second});
      const Xapian::termcount have = w.get_termfreq();
      if (i < words.size() && words[i].first == word) {
        if (have != words[i].second) changes.push_back({word, have, words[i].second});
        ++i;
      } else {
        changes.push_back({word, have, 0});  // no document has it now
      }
    }
    for (; i < words.size(); ++i) changes.push_back({words[i].first, 0, words[i].second});
    for (const Change& c : changes) {
      if (c.want > c.have) db.add_spelling(c.word, c.want - c.have);
      else db.remove_spelling(c.word, c.have - c.want);
    }
    changed += changes.size();
    db.commit();
    if (hi.empty()) break;
    lo = hi;
  }
  return changed;
}

}  // namespace briefing
