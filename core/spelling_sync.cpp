#include "spelling_sync.h"

#include <algorithm>
#include <functional>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "schema.h"

namespace briefing {

namespace {

// Whether a term has a prefix (capitals: "XCJapan", "Zdefens").
bool is_prefixed(const std::string& term) { return !term.empty() && term[0] >= 'A' && term[0] <= 'Z'; }

}  // namespace

bool is_spelling_word(const std::string& term) {
  if (term.empty() || is_prefixed(term)) return false;
  return std::any_of(term.begin(), term.end(), [](char c) { return c < '0' || c > '9'; });
}

void limit_spelling_words(Xapian::Document& doc) {
  if (doc.termlist_count() <= kMaxSpellingWords) return;
  std::vector<Xapian::termcount> wdfs;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if (is_spelling_word(*t)) wdfs.push_back(t.get_wdf());
  if (wdfs.size() <= kMaxSpellingWords) return;
  std::vector<Xapian::termcount> sorted = wdfs;
  std::nth_element(sorted.begin(), sorted.begin() + (kMaxSpellingWords - 1), sorted.end(), std::greater<>());
  const Xapian::termcount least = sorted[kMaxSpellingWords - 1];
  // Every word more frequent than `least`, then those exactly as frequent
  // in term order up to the limit: the last of them is named.
  size_t left = kMaxSpellingWords - static_cast<size_t>(std::count_if(
                                          wdfs.begin(), wdfs.end(), [&](Xapian::termcount f) { return f > least; }));
  std::string last;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end() && left > 0; ++t)
    if (t.get_wdf() == least && is_spelling_word(*t)) {
      last = *t;
      --left;
    }
  doc.add_boolean_term(std::string(kPrefixSpellingLimit) + std::to_string(least) + ":" + last);
}

namespace {

// A document that gives the spelling data only its most frequent words:
// those more frequent than `least`, and those exactly as frequent up to
// `last` in term order.
struct Limited {
  Xapian::docid doc;
  Xapian::termcount least;
  std::string last;
  bool keeps_out(const std::string& word, Xapian::termcount wdf) const {
    return wdf < least || (wdf == least && word > last);
  }
};

// The limited documents, by document number.
std::vector<Limited> limited_documents(const Xapian::Database& db) {
  std::vector<Limited> limited;
  const std::string prefix(kPrefixSpellingLimit);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    char* rest = nullptr;
    const auto least = static_cast<Xapian::termcount>(std::strtoul(term.c_str() + prefix.size(), &rest, 10));
    const std::string last = *rest == ':' ? std::string(rest + 1) : std::string();
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) limited.push_back({*p, least, last});
  }
  std::sort(limited.begin(), limited.end(), [](const Limited& a, const Limited& b) { return a.doc < b.doc; });
  return limited;
}

}  // namespace

size_t sync_spelling(Xapian::WritableDatabase& db, size_t changes_per_commit) {
  db.commit();  // (what is compared is what was committed)
  const auto limited = limited_documents(db);
  const Xapian::TermIterator end;
  size_t changed = 0;
  struct Change {
    std::string word;
    Xapian::termcount have, want;
  };
  // In one pass over the sorted words of the term list, the spelling data
  // and each limited document's term list side by side, from `from` on,
  // until `changes_per_commit` changes are found; those are made and
  // committed, and the next pass goes on after the last word compared.
  for (std::string from;;) {
    auto t = db.allterms_begin();
    t.skip_to(from);
    auto w = db.spellings_begin();
    w.skip_to(from);
    std::vector<Xapian::TermIterator> lists;
    for (const auto& limit : limited) {
      lists.push_back(db.termlist_begin(limit.doc));
      lists.back().skip_to(from);
    }
    std::vector<Change> changes;
    bool more = false;
    for (;;) {
      while (t != end && !is_spelling_word(*t)) {
        if (is_prefixed(*t)) t.skip_to("[");  // (prefixed terms sort together: past them all)
        else ++t;
      }
      const bool last = t == end;
      const std::string word = last ? std::string() : *t;
      for (; w != end && (last || *w < word); ++w) changes.push_back({*w, w.get_termfreq(), 0});  // gone
      if (last) break;
      // Its documents, less the limited ones that keep it out.
      Xapian::termcount want = t.get_termfreq();
      for (size_t k = 0; k < lists.size(); ++k) {
        Xapian::TermIterator& list = lists[k];
        while (list != end && *list < word) ++list;
        if (list != end && *list == word && limited[k].keeps_out(word, list.get_wdf()) && want > 0) --want;
      }
      Xapian::termcount have = 0;
      if (w != end && *w == word) {
        have = w.get_termfreq();
        ++w;
      }
      if (want != have) changes.push_back({word, have, want});
      ++t;
      if (changes.size() >= changes_per_commit) {
        from = word + '\0';  // (the least string after it)
        more = true;
        break;
      }
    }
    for (const Change& c : changes) {
      if (c.want > c.have) db.add_spelling(c.word, c.want - c.have);
      else db.remove_spelling(c.word, c.have - c.want);
    }
    changed += changes.size();
    db.commit();
    if (!more) break;
  }
  return changed;
}

}  // namespace briefing
