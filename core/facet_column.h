#pragma once
// Each document's facet value ids (its kSlotFacetIds value), by docid, in
// one file beside a local database (kFacetColumnFile in its folder), which
// the searcher reads or maps into memory (Access): a match's ids are found
// from its docid at once. Xapian's value stream, read match by match, finds
// each match's value chunk from its B-tree and copies it (at 200,000
// briefings, "Ukraine", 4,120 matches: 9.5M of the search's 31M
// instructions, and 950 reads of 8 KB blocks).
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
  // How its file is read. Mapped: into memory, where the pages mapped for
  // one search serve every later one (a process that searches many times,
  // searcher --batch). Read: a block at a time, where the matches' ids
  // are (one search): on a virtual machine a page fault can cost as much
  // as reading 16 KB (10 us on the 2-core VM of bench/: "Tsahkna", 138
  // matches at 200,000 briefings, faulted 75 pages of the map in, 3.3 ms;
  // read, 0.5 ms). Blocks of 4 KB where the matches are far apart, of
  // 64 KB where they are close together.
  enum class Access { kMapped, kRead };

  // The column of the database in `folder`, when its file describes the
  // commit that `db` (that database, opened) reads; nullopt otherwise (no
  // file, another commit, a file cut short or not ours).
  static std::optional<FacetColumn> open(const std::string& folder, const Xapian::Database& db,
                                         Access access = Access::kMapped);
  // Writes the column of the database in `folder` for its last commit,
  // unless the file there describes that commit already; returns whether
  // it wrote. Throws briefing::Error when the file cannot be written, and
  // Xapian's errors.
  static bool update(const std::string& folder);

  // The tag of the dictionary (kFacetTagBytes bytes) every id is of.
  std::string_view tag() const { return tag_; }
  // 2 (uint16_t ids) or 4 (uint32_t).
  unsigned id_bytes() const { return id_bytes_; }
  // Whether it describes the commit `db` (one local database) reads.
  bool describes(const Xapian::Database& db) const;
  Xapian::rev revision() const { return revision_; }

  // One document's ids: `size` of them from `first`, each of `bytes`
  // bytes.
  struct Ids {
    const void* first = nullptr;
    uint32_t size = 0;
    unsigned bytes = 2;
    // Calls `f(id)` for each, in order, while it returns true; false when
    // it returned false.
    template <class F>
    bool for_each(F&& f) const {
      if (bytes == 2) return each(static_cast<const uint16_t*>(first), f);
      return each(static_cast<const uint32_t*>(first), f);
    }

   private:
    template <class Id, class F>
    bool each(const Id* ids, F& f) const {
      for (uint32_t i = 0; i < size; ++i)
        if (!f(static_cast<uint32_t>(ids[i]))) return false;
      return true;
    }
  };

  // Reads documents' ids from a column, for one thread (each counting
  // thread has its own). Documents asked for in ascending docid order are
  // read fastest: a block read holds the next ones' too.
  class Reader {
   public:
    explicit Reader(const FacetColumn& column) : column_(&column) {}
    // Document `did`'s ids (none for a docid past the last, or with none),
    // valid until the next call; nullopt when they cannot be read (the
    // file damaged since it was opened).
    std::optional<Ids> ids(Xapian::docid did);

   private:
    // A part of the file read into memory.
    struct Block {
      std::unique_ptr<char[]> bytes;
      size_t capacity = 0;
      uint64_t at = 0;    // where in the file
      size_t size = 0;    // bytes held
      uint64_t last = 0;  // the last place asked for
      uint64_t gap = kFar;  // between the places asked for, on average
    };
    static constexpr uint64_t kFar = uint64_t{1} << 20;
    // `size` bytes at `pos` in the file, from the map or read into `block`;
    // nullptr when they cannot be read.
    const char* bytes(Block& block, uint64_t pos, size_t size);

    const FacetColumn* column_;
    Block offsets_, ids_;
  };

 private:
  FacetColumn() = default;
  struct File;  // an open file descriptor, closed with the last copy
  std::shared_ptr<const char> map_;  // Access::kMapped: unmapped with the last copy
  std::shared_ptr<const File> file_;  // Access::kRead
  uint64_t offsets_at_ = 0, ids_at_ = 0;  // where in the file
  uint32_t ids_ = 0;  // how many
  unsigned id_bytes_ = 2;
  Xapian::docid last_ = 0;
  Xapian::rev revision_ = 0;
  std::string uuid_, tag_;
};

}  // namespace briefing
