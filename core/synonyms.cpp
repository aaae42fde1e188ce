#include "synonyms.h"

#include <map>
#include <string>
#include <vector>

#include "schema.h"
#include "tokenizer.h"

namespace briefing {
namespace {

// The terms Xapian's parser makes of a phrase, space-joined ("U.S." -> "us").
std::string parser_key(const std::string& phrase, Xapian::TermGenerator& tg) {
  Xapian::Document doc;
  tg.set_document(doc);
  tg.set_termpos(0);
  tg.index_text(phrase);
  std::map<Xapian::termpos, std::string> by_position;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_position[*p] = *t;
  std::string key;
  for (const auto& [pos, term] : by_position) key += (key.empty() ? "" : " ") + term;
  return key;
}

}  // namespace

void write_synonyms(Xapian::WritableDatabase& db, const Normaliser& normaliser) {
  // Every synonym in the database is one of ours: the old set goes, so an
  // alias taken out of the rules no longer expands.
  std::vector<std::string> old_keys;
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) old_keys.push_back(*k);
  for (const std::string& key : old_keys) db.clear_synonyms(key);
  const Rules& rules = normaliser.rules();
  Xapian::TermGenerator tg;  // no stemmer: the words as typed
  Xapian::Stem stem("english");
  auto add = [&](const Gazetteer& g, const Facet& f) {
    for (const auto& [alias, entry] : g.aliases()) {
      std::string key = parser_key(index_form(alias, rules.variants), tg);
      if (key.empty()) continue;
      std::string term = normaliser.term(f, g.name(entry));
      db.add_synonym(key, term);
      if (key.find(' ') == std::string::npos) db.add_synonym("Z" + stem(key), term);
    }
  };
  add(rules.countries, facet(FacetId::kCountry));
  add(rules.organisations, facet(FacetId::kOrganisation));
}

}  // namespace briefing
