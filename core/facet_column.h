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
// Layout (host byte order, checked by a marker): a header (kHeaderBytes),
// the offsets of each docid's ids in the data (last docid + 1 of them, the
// first 0), then the data.
#include <xapian.h>

#include <cstdint>
#include <cstring>
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

  // Document `did`'s ids: empty for a docid with none, or past the last.
  std::string_view ids(Xapian::docid did) const {
    if (did == 0 || did > last_) return {};
    uint32_t begin, end;
    std::memcpy(&begin, offsets_ + 4 * (did - 1), sizeof begin);
    std::memcpy(&end, offsets_ + 4 * did, sizeof end);
    if (begin > end || end > data_size_) return {};  // (damaged since it was opened)
    return {data_ + begin, end - begin};
  }
  // Whether it describes the commit `db` (one local database) reads.
  bool describes(const Xapian::Database& db) const;
  Xapian::rev revision() const { return revision_; }

 private:
  FacetColumn() = default;
  std::shared_ptr<const char> map_;  // unmapped with the last copy
  const char* offsets_ = nullptr;
  const char* data_ = nullptr;
  uint32_t data_size_ = 0;
  Xapian::docid last_ = 0;
  Xapian::rev revision_ = 0;
  std::string uuid_;
};

}  // namespace briefing
