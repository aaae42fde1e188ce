#include "schema.h"

namespace briefing {

const Facet* find_facet(std::string_view name) {
  if (name == "organization" || name == "org") name = "organisation";
  for (const Facet& f : kFacets)
    if (f.name == name || f.plural == name) return &f;
  if (name == "organizations") return &facet(FacetId::kOrganisation);
  return nullptr;
}

const Facet& facet(FacetId id) { return kFacets[static_cast<size_t>(id)]; }

}  // namespace briefing
