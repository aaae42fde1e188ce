#pragma once
// Each document's facet value ids (its kSlotFacetIds value), by docid, in
// one file beside a local database (kFacetColumnFile in its folder), which
// the searcher maps into memory: a match's ids are found from its docid at
// once. Xapian's value stream, read match by match, finds each match's
// value chunk from its B-tree and copies it (at 200,000 briefings,
// "Ukraine", 4,120 matches: 9.5M of the search's 31M instructions, and 950
// reads of 8 KB blocks).
//
// The indexer writes it at the end of each run, for the commit the run
// ended with (the database's UUID, revision and last docid are in its
// header). A search uses it only when its handle reads that very commit,
// and otherwise reads the value stream as before: a database changed by
// anything else (xapian-compact, an older indexer, a run killed before it
// wrote the file) is counted the same, only slower. The file is written
// anew and renamed over the old one, so a search that mapped the old one
// goes on reading it.
//
// Not for a remote database, nor for several searched as one (a match spy
// sees each shard's own docids and cannot tell the shard apart).
//
// Written only when every document carries ids of one dictionary (the
// database's own: one tag), each id decoded to two bytes (or four when the
// dictionary has more than 65,536 values), so counting a match is an
// increment per id, with no varint to decode (at 200,000 briefings,
// "submarine", 99,404 matches of 13.7 ids each: 405 instructions a match
// with the varints, 285 without, reading the posting list included).
//
// Layout (host byte order, checked by a marker): a header, the index of
// each docid's first id (last docid + 1 of them, the first 0), then the ids.
#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace briefing {

inline constexpr std::string_view kFacetColumnFile = "briefing-facet-ids";

class FacetColumn {
 public:
  // The column of the database in `folder`, when its file describes the
  // commit that `db` (that database, opened) reads; nullopt otherwise (no
  // file, another commit, a file cut short or not ours).
  static std::optional<FacetColumn> open(const std::string& folder, const Xapian::Database& db);
  // Writes the column of the database in `folder` for its last commit,
  // unless the file there describes that commit already; returns whether
  // it wrote. Throws briefing::Error when the file cannot be written, and
  // Xapian's errors.
  static bool update(const std::string& folder);

  // The tag of the dictionary (kFacetTagBytes bytes) every id is of.
  std::string_view tag() const { return tag_; }
  // Document `did`'s ids (none for a docid past the last, or with none),
  // each of id_bytes() bytes: `first` and how many.
  struct Ids {
    const void* first;
    uint32_t size;
  };
  Ids ids(Xapian::docid did) const {
    if (did == 0 || did > last_) return {nullptr, 0};
    const uint32_t begin = offsets_[did - 1], end = offsets_[did];
    if (begin > end || end > ids_) return {nullptr, 0};  // (damaged since it was opened)
    return {ids_at_ + size_t{begin} * id_bytes_, end - begin};
  }
  // 2 (uint16_t ids) or 4 (uint32_t).
  unsigned id_bytes() const { return id_bytes_; }
  // Calls `f(id)` for each of document `did`'s ids, in order, while it
  // returns true; false when it returned false.
  template <class F>
  bool for_each_id(Xapian::docid did, F&& f) const {
    const Ids list = ids(did);
    if (id_bytes_ == 2) return each(static_cast<const uint16_t*>(list.first), list.size, f);
    return each(static_cast<const uint32_t*>(list.first), list.size, f);
  }
  // Whether it describes the commit `db` (one local database) reads.
  bool describes(const Xapian::Database& db) const;
  Xapian::rev revision() const { return revision_; }

 private:
  FacetColumn() = default;
  template <class Id, class F>
  static bool each(const Id* ids, uint32_t n, F& f) {
    for (uint32_t i = 0; i < n; ++i)
      if (!f(static_cast<uint32_t>(ids[i]))) return false;
    return true;
  }
  std::shared_ptr<const char> map_;  // unmapped with the last copy
  const uint32_t* offsets_ = nullptr;
  const char* ids_at_ = nullptr;
  uint32_t ids_ = 0;  // how many
  unsigned id_bytes_ = 2;
  Xapian::docid last_ = 0;
  Xapian::rev revision_ = 0;
  std::string uuid_, tag_;
};

}  // namespace briefing
