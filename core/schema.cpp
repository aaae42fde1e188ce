#include "schema.h"

#include <string>

#include <fmt/format.h>

#include <cstdlib>

#include "errors.h"

namespace briefing {

void check_schema(const Xapian::Database& db, const std::string& where) {
  const std::string version = db.get_metadata(std::string(kMetaSchemaVersion));
  if (version == kSchemaVersion) return;
  if (version.empty()) {
    // A new database before its first batch is committed has no version
    // yet and no documents either.
    if (db.get_doccount() == 0) return;
    throw Error(fmt::format("'{}' is not a Briefing Search database (it records no schema version)", where));
  }
  if (std::atoi(version.c_str()) > std::atoi(std::string(kSchemaVersion).c_str()))
    throw Error(fmt::format("database '{}' has schema version {}, newer than this program's {}; use a newer "
                            "version of Briefing Search",
                            where, version, kSchemaVersion));
  throw Error(fmt::format("database '{}' was built by an older version (schema {}, this one reads {}); run "
                          "indexer --db {} on its folders again to rebuild it",
                          where, version, kSchemaVersion, where));
}

const Facet* find_facet(std::string_view typed) {
  std::string lower(typed);  // "Country" is country
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  std::string_view name = lower;
  if (name == "organization" || name == "org") name = "organisation";
  for (const Facet& f : kFacets)
    if (f.name == name || f.plural == name) return &f;
  if (name == "organizations") return &facet(FacetId::kOrganisation);
  return nullptr;
}

const Facet& facet(FacetId id) { return kFacets[static_cast<size_t>(id)]; }

}  // namespace briefing
