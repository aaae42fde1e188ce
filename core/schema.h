#pragma once
// The schema: every facet's name, Xapian term prefix and normaliser, and
// the value slots. It is the contract between indexer and searcher; nothing
// else names a prefix or a slot.
#include <xapian.h>

#include <array>
#include <string>
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
  std::string_view prefix;  // Xapian boolean term prefix; also tags its display values
  NormaliserKind normaliser;
  std::string_view description;
  std::string_view example;
};

// Term prefixes follow Omega's conventions: single capitals are Xapian's,
// project prefixes start with X.
inline constexpr std::array<Facet, 6> kFacets{{
    {FacetId::kCountry, "country", "countries", "XC", NormaliserKind::kCountry,
     "every country mentioned in the briefing", "country:ROK"},
    {FacetId::kParty, "party", "parties", "XP", NormaliserKind::kCountry,
     "countries whose ministers took part", "party:finland"},
    {FacetId::kMinister, "minister", "ministers", "XM", NormaliserKind::kPerson,
     "ministers named, by full name or surname", "minister:hakkanen"},
    {FacetId::kTopic, "topic", "topics", "XT", NormaliserKind::kTopic,
     "topics from the topic rules", "topic:\"hybrid threats\""},
    {FacetId::kOrganisation, "organisation", "organisations", "XO",
     NormaliserKind::kOrganisation, "organisations mentioned", "organisation:nato"},
    {FacetId::kRole, "role", "roles", "XR", NormaliserKind::kRole,
     "roles of the ministers named", "role:\"defense minister\""},
}};

// Fixed fields that are not facets.
inline constexpr std::string_view kPrefixId = "Q";      // unique id: the path
inline constexpr std::string_view kPrefixTitle = "S";   // title words
// On a very long document only: "XW", the least within-document frequency
// of the words it gives the spelling data, ":" and the last word of that
// frequency it gives (spelling_sync.h).
inline constexpr std::string_view kPrefixSpellingLimit = "XW";
inline constexpr std::string_view kFieldTitle = "title";
inline constexpr std::string_view kFieldDate = "date";
inline constexpr Xapian::valueno kSlotDate = 0;        // "YYYYMMDD" or absent
// Slot 1 held every facet's display values until schema 7; they are in
// the document data now (document_codec.h), where they are compressed.
// Every facet's values as small numbers, for counting (facet_dictionary.h):
// the tag of the database's facet dictionary, then each value's id in it.
// A stock xapian-tcpsrv counts this slot with Xapian's own
// ValueCountMatchSpy, and the ids are named here (facet_counts.h).
inline constexpr Xapian::valueno kSlotFacetIds = 2;
// A hash of the file's size and times and of what the document was made
// with (document_codec.h: signature_key).
inline constexpr Xapian::valueno kSlotSignature = 11;
// Sort keys, both ascending: the date (oldest first) or its complement to
// 99999999 (newest first), then eight bytes of the path's hash
// (document_codec.h: path_key); undated documents last. Plain value sorts
// work on Xapian's remote backend, which has no KeyMaker. The newest-first
// key also breaks ties in relevance.
inline constexpr Xapian::valueno kSlotOldestFirst = 12;
inline constexpr Xapian::valueno kSlotNewestFirst = 13;

// Separates tagged display values ("XCJapan\x1fXPJapan"): in memory, and in
// a facet dictionary (facet_dictionary.h).
inline constexpr char kValueSeparator = '\x1f';

// Database metadata keys.
inline constexpr std::string_view kMetaSchemaVersion = "briefing:schema";
inline constexpr std::string_view kMetaRulesHash = "briefing:rules";
inline constexpr std::string_view kMetaUpdated = "briefing:updated";  // UTC, ISO 8601
inline constexpr std::string_view kMetaStoreText = "briefing:store-text";  // "1": indexer --store-text
inline constexpr std::string_view kMetaFacetDictionary = "briefing:facet-values";  // facet_dictionary.h
inline constexpr std::string_view kMetaFacetTotals = "briefing:facet-totals";  // facet_totals.h
// Not empty while the spelling data may not match the documents (a run
// cut short between its first commit and its last leaves it): the next run
// makes it match (spelling_sync.h). (Its name is from when it held the
// first document whose words were not in the data.)
inline constexpr std::string_view kMetaSpellingStale = "briefing:spelling-from";
inline constexpr std::string_view kSchemaVersion = "7";

// The facet with this name, or nullptr. Accepts the plural ("countries") and
// "organization" as well.
const Facet* find_facet(std::string_view name);
const Facet& facet(FacetId id);

// Throws briefing::Error unless `db` (named `where` in the message) was
// written with this schema: a database from an older version has other
// slots and would answer with empty facets. A database without documents
// passes (a new one before its first commit).
void check_schema(const Xapian::Database& db, const std::string& where);

// Compile-time checks of the table: distinct names and prefixes, every
// prefix two bytes ("X" and a capital, the tag of a display value), distinct
// slots.
constexpr bool schema_is_consistent() {
  constexpr Xapian::valueno slots[] = {kSlotDate,      kSlotFacetIds,
                                       kSlotSignature, kSlotOldestFirst, kSlotNewestFirst};
  for (size_t i = 0; i < std::size(slots); ++i)
    for (size_t j = i + 1; j < std::size(slots); ++j)
      if (slots[i] == slots[j]) return false;
  for (size_t i = 0; i < kFacets.size(); ++i) {
    if (kFacets[i].id != static_cast<FacetId>(i)) return false;
    if (kFacets[i].prefix.size() != 2 || kFacets[i].prefix[0] != 'X') return false;
    if (kFacets[i].prefix[1] < 'A' || kFacets[i].prefix[1] > 'Z') return false;
    if (kFacets[i].prefix == kPrefixSpellingLimit) return false;
    for (size_t j = i + 1; j < kFacets.size(); ++j) {
      if (kFacets[i].name == kFacets[j].name) return false;
      if (kFacets[i].prefix == kFacets[j].prefix) return false;
    }
  }
  return true;
}
static_assert(schema_is_consistent(), "schema: duplicate name, prefix or slot, or a prefix not X + capital");

}  // namespace briefing
