#pragma once
// Facet values as small numbers, so that counting every facet over all the
// matches of a query costs about what Xapian's own count of one short value
// does (bench/: ref_search --facet-slot 0), instead of splitting and hashing
// some fifteen strings a match.
//
// A database's facet dictionary is one metadata entry (kMetaFacetDictionary):
// a 4-byte tag, random when the dictionary is made, then the tagged display
// values (as the document data keeps them, document_codec.h) in the order
// they were first seen, each followed by kValueSeparator; a value's id is
// its place in that list. Each document's kSlotFacetIds holds the tag, then
// the ids of its display values, in the same order, as varints.
//
// Ids are only ever added, so a later copy of a dictionary names everything
// an earlier copy with the same tag did. A document whose tag is not one of
// the dictionaries loaded (databases built apart and searched together), or
// whose ids a dictionary does not reach, cannot be counted this way: the
// counting then falls back to the display values in the document data
// (facet_counts.h), so the counts are exact either way.
#include <xapian.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "schema.h"

namespace briefing {

// Four bytes: every matching document's tag is read, so it is kept short.
// Two dictionaries with one tag (one chance in 2^32 for two databases
// built apart) are told apart when both are read: neither is a beginning
// of the other, and their documents are counted by display values.
inline constexpr size_t kFacetTagBytes = 4;
// Marks a dictionary value of a facet this version does not know.
inline constexpr FacetId kNoFacet = static_cast<FacetId>(kFacets.size());

// Appends `n` as a varint (7 bits a byte, low first): the ids of a
// kSlotFacetIds value, and the counts of facet_totals.h.
inline void append_varint(std::string& out, uint64_t n) {
  while (n >= 0x80) {
    out += static_cast<char>((n & 0x7f) | 0x80);
    n >>= 7;
  }
  out += static_cast<char>(n);
}

// One varint id of a kSlotFacetIds value, moving `p` past it; UINT32_MAX
// when it is not one of ours (more than five bytes). `p` < `end`.
inline uint32_t read_facet_id(const unsigned char*& p, const unsigned char* end) {
  if (*p < 0x80) return *p++;  // one byte: the first 128 values, the most frequent
  uint32_t id = 0;
  for (int shift = 0; p < end; shift += 7) {
    const unsigned char b = *p++;
    id |= static_cast<uint32_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return id;
    if (shift >= 28) return UINT32_MAX;
  }
  return id;
}

// The indexer's side. One dictionary serves every shard a run writes, since
// the writers' shards of "indexer --jobs N" are compacted into one database.
// Thread-safe.
class FacetDictionary {
 public:
  // A new, empty dictionary with a random tag.
  FacetDictionary();
  // Continues the dictionary kept in `dbs`: the longest copy among those
  // with the first copy's tag; a new one when none has a dictionary.
  explicit FacetDictionary(const std::vector<Xapian::WritableDatabase>& dbs);

  // The kSlotFacetIds value for tagged display values; values not seen before
  // get the next ids.
  std::string encode(std::string_view facet_slot);

  // Puts the dictionary into `db` (for its next commit) when it has values
  // that `*saved` (the number of values `db` last got; start at 0) lacks.
  void save(Xapian::WritableDatabase& db, size_t* saved);

  // The number of values (the next id).
  size_t size() const;
  // Its tag (kFacetTagBytes bytes), the start of every value it encodes.
  std::string tag() const;

 private:
  mutable std::mutex mutex_;
  std::string entry_;  // the metadata value: tag, then the values
  std::unordered_map<std::string, uint32_t> ids_;
  uint32_t next_id_ = 0;  // the number of values in entry_
};

// The searcher's side: the dictionaries of the databases searched, read
// from their metadata when first needed.
class FacetNames {
 public:
  struct Dictionary {
    std::string entry;  // the metadata value
    std::string_view tag;
    // By id: where each value stands in `entry`, and its facet (kNoFacet:
    // not counted). Twelve bytes an id: this is built as every search
    // starts, for thousands of values.
    struct Value {
      uint32_t offset = 0;
      uint16_t length = 0;
      FacetId facet = kNoFacet;
    };
    std::vector<Value> values;
    size_t size() const { return values.size(); }
    FacetId facet(size_t id) const { return values[id].facet; }
    std::string_view value(size_t id) const {
      return std::string_view(entry).substr(values[id].offset, values[id].length);
    }
  };

  // `parts`: the databases searched (each may itself hold several shards;
  // a sharded index's first shard speaks for the others, which share its
  // dictionary). Remote ones have none to offer.
  explicit FacetNames(std::vector<Xapian::Database> parts);

  // The dictionary with this tag (the first kFacetTagBytes bytes of a
  // kSlotFacetIds value), or nullptr.
  const Dictionary* find(std::string_view tag);

  // Reads the dictionaries now (find() then only reads: several threads
  // may share it).
  void prepare() {
    if (!loaded_) load();
  }

  // Forget what was read (after Database::reopen, or when a document
  // named an id past a dictionary's end: it may have grown).
  void reload();

 private:
  void load();
  std::vector<Xapian::Database> parts_;
  bool loaded_ = false;
  std::vector<Dictionary> dictionaries_;
  std::vector<std::string> ambiguous_;  // tags of two different dictionaries
};

}  // namespace briefing
