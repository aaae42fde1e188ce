#include "normaliser.h"

#include "ministers.h"
#include "text.h"
#include "tokenizer.h"

namespace briefing {

std::string make_term(std::string_view prefix, std::string_view key) {
  constexpr size_t kMaxTermBytes = 240;
  std::string term(prefix);
  term += truncate_utf8(key, kMaxTermBytes - prefix.size());
  return term;
}

namespace {
const Gazetteer* gazetteer_for(const Facet& f, const Rules& r) {
  switch (f.normaliser) {
    case NormaliserKind::kCountry: return &r.countries;
    case NormaliserKind::kOrganisation: return &r.organisations;
    case NormaliserKind::kTopic: return &r.topics;
    case NormaliserKind::kRole: return &r.roles;
    case NormaliserKind::kPerson: return nullptr;
  }
  return nullptr;
}
}  // namespace

std::string Normaliser::canonical(const Facet& f, std::string_view value) const {
  const Gazetteer* g = gazetteer_for(f, *rules_);
  if (!g) return std::string(trim(value));
  int id = g->lookup(value);
  return id < 0 ? std::string() : g->name(static_cast<uint32_t>(id));
}

std::string Normaliser::key(const Facet& f, std::string_view value) const {
  value = trim(value);
  if (f.normaliser == NormaliserKind::kPerson) return person_key(value, *rules_);
  std::string name = canonical(f, value);
  if (!name.empty()) return fold_key(name);
  // Unknown values still meet their own spelling (front matter values the
  // gazetteer lacks): fold accents, case and British spelling.
  return fold_key(index_form(value, rules_->variants));
}

}  // namespace briefing
