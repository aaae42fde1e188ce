#pragma once
// How many documents of a database carry each facet value id: the counts
// of facet_counts.h over every document, kept by the indexer in the
// database's metadata (kMetaFacetTotals) and brought up to date in each
// commit that adds, replaces or deletes documents.
//
// A query that matches most of an index has its facets counted over the
// documents it does NOT match, and those counts taken from these totals:
// "defense", 160,000 matches of 200,000, reads 40,000 documents' ids
// instead of 160,000.
//
// The totals say which commit they describe (the database's UUID and the
// revision of the commit that wrote them): a database changed by anything
// else (an older indexer, xapian-compact, another program) no longer
// matches them, and its facets are counted match by match, as before. The
// indexer counts them afresh from the documents when they do not match.
//
// Only documents with the dictionary's tag are counted (`docs`): they are
// used only while that is every document of the database.
#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace briefing {

class FacetTotals {
 public:
  // No documents, for the dictionary with this tag.
  explicit FacetTotals(std::string tag = {});

  // The totals of `db` for the dictionary `tag`: as kept in its metadata
  // when they describe its last commit, else counted from its documents.
  static FacetTotals of(const Xapian::Database& db, std::string_view tag);
  // As kept in the metadata of `db` (one local database), when they
  // describe the commit it reads; nothing otherwise.
  static std::optional<FacetTotals> read(const Xapian::Database& db);
  // Counted from every document's kSlotFacetIds.
  static FacetTotals count(const Xapian::Database& db, std::string_view tag);

  // A document's kSlotFacetIds value, added (`sign` +1) or taken away
  // (-1); a value of another dictionary is not counted.
  void add(std::string_view ids, int sign = 1);
  // Adds `other`'s counts (the same tag) to these.
  void merge(const FacetTotals& other);

  // Puts them into `db` for its next commit, marked as describing it.
  void save(Xapian::WritableDatabase& db) const;
  // The metadata value: tag, documents, UUID, revision, then the counts.
  std::string serialise(const std::string& uuid, Xapian::rev revision) const;
  // nullopt when `value` is not one.
  static std::optional<FacetTotals> unserialise(std::string_view value, std::string* uuid = nullptr,
                                                Xapian::rev* revision = nullptr);

  const std::string& tag() const { return tag_; }
  Xapian::doccount docs() const { return docs_; }
  // Documents with each id, by id (ids past the end: none).
  const std::vector<Xapian::doccount>& counts() const { return counts_; }

 private:
  std::string tag_;
  Xapian::doccount docs_ = 0;
  std::vector<Xapian::doccount> counts_;
};

// Sums the totals of shards compacted into one database (and keeps the
// first copy of any other metadata, as Xapian does by default).
class TotalsCompactor : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string& key, size_t num_tags,
                                         const std::string tags[]) override;
};

// Marks the totals of the compacted database at `path` (a new UUID and
// revision) as describing it: one small commit.
void restamp_totals(const std::string& path);

}  // namespace briefing
