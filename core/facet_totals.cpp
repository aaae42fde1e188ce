#include "facet_totals.h"

#include <algorithm>
#include <cstring>

#include "facet_dictionary.h"
#include "schema.h"

namespace briefing {
namespace {

bool read_varint(std::string_view& in, uint64_t& n) {
  n = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    const unsigned char b = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    n |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

// The metadata value starts with this: another layout gets another name.
constexpr std::string_view kMagic = "FT1";

}  // namespace

FacetTotals::FacetTotals(std::string tag) : tag_(std::move(tag)) {}

void FacetTotals::add(std::string_view ids, int sign) {
  if (ids.size() < kFacetTagBytes || tag_.size() != kFacetTagBytes || ids.compare(0, kFacetTagBytes, tag_) != 0)
    return;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(ids.data()) + kFacetTagBytes;
  const unsigned char* end = reinterpret_cast<const unsigned char*>(ids.data()) + ids.size();
  while (p < end) {
    const uint32_t id = read_facet_id(p, end);
    if (id == UINT32_MAX) break;  // not ours: what was read stays read
    if (id >= counts_.size()) counts_.resize(std::max<size_t>(id + 1, counts_.size() * 3 / 2), 0);
    counts_[id] += static_cast<Xapian::doccount>(sign);
  }
  docs_ += static_cast<Xapian::doccount>(sign);
}

void FacetTotals::merge(const FacetTotals& other) {
  if (other.counts_.size() > counts_.size()) counts_.resize(other.counts_.size(), 0);
  for (size_t id = 0; id < other.counts_.size(); ++id) counts_[id] += other.counts_[id];
  docs_ += other.docs_;
}

FacetTotals FacetTotals::count(const Xapian::Database& db, std::string_view tag) {
  FacetTotals totals{std::string(tag)};
  for (auto v = db.valuestream_begin(kSlotFacetIds); v != db.valuestream_end(kSlotFacetIds); ++v) totals.add(*v);
  return totals;
}

std::optional<FacetTotals> FacetTotals::read(const Xapian::Database& db) {
  if (db.size() != 1) return std::nullopt;
  std::string uuid;
  Xapian::rev revision = 0;
  std::optional<FacetTotals> totals;
  try {
    totals = unserialise(db.get_metadata(std::string(kMetaFacetTotals)), &uuid, &revision);
    if (!totals || uuid != db.get_uuid() || revision != db.get_revision()) return std::nullopt;
  } catch (const Xapian::Error&) {  // a backend without metadata, UUIDs or revisions
    return std::nullopt;
  }
  return totals;
}

FacetTotals FacetTotals::of(const Xapian::Database& db, std::string_view tag) {
  std::optional<FacetTotals> kept = read(db);
  if (kept && kept->tag() == tag) return *kept;
  return count(db, tag);
}

std::string FacetTotals::serialise(const std::string& uuid, Xapian::rev revision) const {
  std::string out(kMagic);
  out += tag_;
  append_varint(out, docs_);
  append_varint(out, uuid.size());
  out += uuid;
  append_varint(out, revision);
  size_t n = counts_.size();
  while (n > 0 && counts_[n - 1] == 0) --n;
  append_varint(out, n);
  for (size_t id = 0; id < n; ++id) append_varint(out, counts_[id]);
  return out;
}

std::optional<FacetTotals> FacetTotals::unserialise(std::string_view in, std::string* uuid, Xapian::rev* revision) {
  if (in.substr(0, kMagic.size()) != kMagic || in.size() < kMagic.size() + kFacetTagBytes) return std::nullopt;
  in.remove_prefix(kMagic.size());
  FacetTotals totals{std::string(in.substr(0, kFacetTagBytes))};
  in.remove_prefix(kFacetTagBytes);
  uint64_t docs = 0, uuid_size = 0, rev = 0, n = 0;
  if (!read_varint(in, docs) || !read_varint(in, uuid_size) || uuid_size > in.size()) return std::nullopt;
  if (uuid) *uuid = std::string(in.substr(0, uuid_size));
  in.remove_prefix(uuid_size);
  if (!read_varint(in, rev) || !read_varint(in, n) || n > in.size()) return std::nullopt;
  if (revision) *revision = static_cast<Xapian::rev>(rev);
  totals.docs_ = static_cast<Xapian::doccount>(docs);
  totals.counts_.resize(n);
  for (size_t id = 0; id < n; ++id) {
    uint64_t c = 0;
    if (!read_varint(in, c)) return std::nullopt;
    totals.counts_[id] = static_cast<Xapian::doccount>(c);
  }
  if (!in.empty()) return std::nullopt;
  return totals;
}

void FacetTotals::save(Xapian::WritableDatabase& db) const {
  // The commit to come makes the next revision.
  db.set_metadata(std::string(kMetaFacetTotals), serialise(db.get_uuid(), db.get_revision() + 1));
}

std::string TotalsCompactor::resolve_duplicate_metadata(const std::string& key, size_t num_tags,
                                                        const std::string tags[]) {
  // (The key as the backend stores it: the user's key after a prefix.)
  const std::string_view name(kMetaFacetTotals);
  if (key.size() < name.size() || key.compare(key.size() - name.size(), name.size(), name) != 0) return tags[0];
  // The shards' totals, of one dictionary, summed; anything else (totals
  // of other dictionaries, or not ours) is no total at all.
  std::optional<FacetTotals> sum;
  for (size_t i = 0; i < num_tags; ++i) {
    std::optional<FacetTotals> one = FacetTotals::unserialise(tags[i]);
    if (!one || (sum && one->tag() != sum->tag())) return std::string();
    if (!sum) sum = std::move(one);
    else sum->merge(*one);
  }
  // Not yet describing the compacted database: restamp_totals() does.
  return sum ? sum->serialise(std::string(), 0) : std::string();
}

void restamp_totals(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
  std::optional<FacetTotals> totals = FacetTotals::unserialise(db.get_metadata(std::string(kMetaFacetTotals)));
  if (!totals) return;
  totals->save(db);
  db.commit();
}

}  // namespace briefing
