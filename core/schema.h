#pragma once
// The schema: every facet's name, Xapian term prefix, value slot and
// normaliser. It is the contract between indexer and searcher; nothing else
// names a prefix or a slot.
#include <xapian.h>

#include <array>
#include <string_view>

namespace briefing {

// How a facet's values are turned into terms, on both sides.
enum class NormaliserKind {
  kCountry,       // any alias ("ROK", "south korea") -> canonical country
  kOrganisation,  // any alias ("North Atlantic Treaty Organization") -> "NATO"
  kPerson,        // accent- and case-folded name; surnames also match
  kTopic,         // folded, British spelling -> American
  kRole,          // any title ("Minister of Defence") -> canonical role
};

enum class FacetId { kCountry, kParty, kMinister, kTopic, kOrganisation, kRole };

struct Facet {
  FacetId id;
  std::string_view name;    // query field, facet key in JSON: "country"
  std::string_view plural;  // per-result key in JSON: "countries"
  std::string_view prefix;  // Xapian boolean term prefix
  Xapian::valueno slot;     // value slot holding the display values
  NormaliserKind normaliser;
  std::string_view description;
  std::string_view example;
};

// Term prefixes follow Omega's conventions: single capitals are Xapian's,
// project prefixes start with X.
inline constexpr std::array<Facet, 6> kFacets{{
    {FacetId::kCountry, "country", "countries", "XC", 1, NormaliserKind::kCountry,
     "every country mentioned in the briefing", "country:ROK"},
    {FacetId::kParty, "party", "parties", "XP", 2, NormaliserKind::kCountry,
     "countries whose ministers took part", "party:finland"},
    {FacetId::kMinister, "minister", "ministers", "XM", 3, NormaliserKind::kPerson,
     "ministers named, by full name or surname", "minister:hakkanen"},
    {FacetId::kTopic, "topic", "topics", "XT", 4, NormaliserKind::kTopic,
     "topics from the topic rules", "topic:\"hybrid threats\""},
    {FacetId::kOrganisation, "organisation", "organisations", "XO", 5,
     NormaliserKind::kOrganisation, "organisations mentioned", "organisation:nato"},
    {FacetId::kRole, "role", "roles", "XR", 6, NormaliserKind::kRole,
     "roles of the ministers named", "role:\"defense minister\""},
}};

// Fixed fields that are not facets.
inline constexpr std::string_view kPrefixId = "Q";      // unique id: the path
inline constexpr std::string_view kPrefixTitle = "S";   // title words
inline constexpr std::string_view kFieldTitle = "title";
inline constexpr std::string_view kFieldDate = "date";
inline constexpr Xapian::valueno kSlotDate = 0;        // "YYYYMMDD" or absent
inline constexpr Xapian::valueno kSlotPath = 10;       // path as indexed
inline constexpr Xapian::valueno kSlotSignature = 11;  // size and mtime
// Sort keys, both ascending: the date (oldest first) or its complement to
// 99999999 (newest first), then the path; undated documents last. Plain
// value sorts work on Xapian's remote backend, which has no KeyMaker.
inline constexpr Xapian::valueno kSlotOldestFirst = 12;
inline constexpr Xapian::valueno kSlotNewestFirst = 13;

// Separates the display values of a multi-valued facet in its slot.
inline constexpr char kValueSeparator = '\x1f';

// Database metadata keys.
inline constexpr std::string_view kMetaSchemaVersion = "briefing:schema";
inline constexpr std::string_view kMetaRulesHash = "briefing:rules";
inline constexpr std::string_view kMetaUpdated = "briefing:updated";  // UTC, ISO 8601
inline constexpr std::string_view kSchemaVersion = "3";

// The facet with this name, or nullptr. Accepts the plural ("countries") and
// "organization" as well.
const Facet* find_facet(std::string_view name);
const Facet& facet(FacetId id);

// Compile-time checks of the table: distinct names, prefixes and slots, and
// no slot shared with the fixed fields.
constexpr bool schema_is_consistent() {
  for (size_t i = 0; i < kFacets.size(); ++i) {
    if (kFacets[i].id != static_cast<FacetId>(i)) return false;
    if (kFacets[i].slot == kSlotDate || kFacets[i].slot == kSlotPath ||
        kFacets[i].slot == kSlotSignature || kFacets[i].slot == kSlotOldestFirst ||
        kFacets[i].slot == kSlotNewestFirst)
      return false;
    if (kFacets[i].prefix.empty() || kFacets[i].prefix[0] != 'X') return false;
    for (size_t j = i + 1; j < kFacets.size(); ++j) {
      if (kFacets[i].name == kFacets[j].name) return false;
      if (kFacets[i].prefix == kFacets[j].prefix) return false;
      if (kFacets[i].slot == kFacets[j].slot) return false;
    }
  }
  return true;
}
static_assert(schema_is_consistent(), "facet table: duplicate name, prefix or slot");

}  // namespace briefing
