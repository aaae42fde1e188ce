#include "facet_dictionary.h"

#include <algorithm>
#include <random>

#include "document_codec.h"

namespace briefing {
namespace {

std::string random_tag() {
  std::random_device random;
  std::string tag;
  while (tag.size() < kFacetTagBytes) {
    uint32_t r = random();
    for (int i = 0; i < 4 && tag.size() < kFacetTagBytes; ++i, r >>= 8) tag += static_cast<char>(r & 0xff);
  }
  return tag;
}

// Calls f(tagged value) for each value of a dictionary entry.
template <class F>
void for_each_entry_value(std::string_view entry, F&& f) {
  std::string_view rest = entry.substr(kFacetTagBytes);
  while (!rest.empty()) {
    size_t end = rest.find(kValueSeparator);
    if (end == std::string_view::npos) break;  // cut short: not ours
    f(rest.substr(0, end));
    rest.remove_prefix(end + 1);
  }
}

}  // namespace

FacetDictionary::FacetDictionary() : entry_(random_tag()) {}

FacetDictionary::FacetDictionary(const std::vector<Xapian::WritableDatabase>& dbs) {
  const std::string key(kMetaFacetDictionary);
  for (const Xapian::WritableDatabase& db : dbs) {
    std::string entry = db.get_metadata(key);
    if (entry.size() < kFacetTagBytes) continue;
    if (entry_.empty() || (entry.compare(0, kFacetTagBytes, entry_, 0, kFacetTagBytes) == 0 &&
                           entry.size() > entry_.size()))
      entry_ = std::move(entry);
  }
  if (entry_.empty()) entry_ = random_tag();
  // Ids are places in the list: anything after its last separator (a cut
  // entry, never written by this code) would shift the next value's.
  const size_t last = entry_.rfind(kValueSeparator);
  entry_.resize(last == std::string::npos || last < kFacetTagBytes ? kFacetTagBytes : last + 1);
  for_each_entry_value(entry_, [&](std::string_view value) { ids_.emplace(std::string(value), next_id_++); });
}

std::string FacetDictionary::encode(std::string_view facet_slot) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out = entry_.substr(0, kFacetTagBytes);
  for_each_facet_value(facet_slot, [&](const Facet& f, std::string_view value) {
    std::string tagged = std::string(f.prefix) + std::string(value);
    auto [it, added] = ids_.emplace(std::move(tagged), next_id_);
    if (added) {
      ++next_id_;
      entry_ += it->first;
      entry_ += kValueSeparator;
    }
    append_varint(out, it->second);
  });
  return out;
}

void FacetDictionary::save(Xapian::WritableDatabase& db, size_t* saved) {
  std::string entry;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (*saved == next_id_ && *saved != 0) return;
    *saved = next_id_;
    entry = entry_;
  }
  db.set_metadata(std::string(kMetaFacetDictionary), entry);
}

std::string FacetDictionary::tag() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entry_.substr(0, kFacetTagBytes);
}

size_t FacetDictionary::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return next_id_;
}

FacetNames::FacetNames(std::vector<Xapian::Database> parts) : parts_(std::move(parts)) {}

void FacetNames::load() {
  loaded_ = true;
  dictionaries_.clear();
  ambiguous_.clear();
  dictionaries_.reserve(parts_.size());  // never moved: `values` point into `entry`
  const std::string key(kMetaFacetDictionary);
  for (const Xapian::Database& part : parts_) {
    std::string entry;
    try {
      entry = part.get_metadata(key);
    } catch (const Xapian::UnimplementedError&) {
      continue;  // a backend without metadata
    }
    if (entry.size() < kFacetTagBytes) continue;
    // The same dictionary twice (a database and its copy, or the shards
    // of one index): keep the longer copy. Two dictionaries with one tag
    // are not used at all.
    Dictionary* same = nullptr;
    for (Dictionary& d : dictionaries_)
      if (entry.compare(0, kFacetTagBytes, d.tag) == 0) same = &d;
    if (same) {
      const std::string& shorter = same->entry.size() < entry.size() ? same->entry : entry;
      const std::string& longer = same->entry.size() < entry.size() ? entry : same->entry;
      if (longer.compare(0, shorter.size(), shorter) != 0) {
        ambiguous_.push_back(std::string(same->tag));
        continue;
      }
      if (same->entry.size() >= entry.size()) continue;
    }
    if (!same) same = &dictionaries_.emplace_back();
    same->entry = std::move(entry);
    same->tag = std::string_view(same->entry).substr(0, kFacetTagBytes);
    same->values.clear();
    // Room for as many values as there could be (each takes four bytes or
    // more: its facet's two, one of its own, a separator), without counting
    // them first (that took half the time): only the room used is touched.
    same->values.reserve(same->entry.size() / 4);
    const char* base = same->entry.data();
    for_each_entry_value(same->entry, [&](std::string_view tagged) {
      // A value of a facet this version does not know keeps its place
      // (ids are places) but is never counted.
      // (Two letters compared as letters: a dictionary of 20,000 briefings
      // holds some 4,000 values, read as every search starts.)
      FacetId id = kNoFacet;
      if (tagged.size() > 2)
        for (const Facet& f : kFacets)
          if (tagged[1] == f.prefix[1] && tagged[0] == f.prefix[0]) {
            id = f.id;
            break;
          }
      // (a value too long for 16 bits, which no indexer writes: not counted)
      Dictionary::Value v;
      if (tagged.size() > 2 && tagged.size() - 2 <= UINT16_MAX) {
        v.offset = static_cast<uint32_t>(tagged.data() + 2 - base);
        v.length = static_cast<uint16_t>(tagged.size() - 2);
        v.facet = id;
      }
      same->values.push_back(v);
    });
  }
}

const FacetNames::Dictionary* FacetNames::find(std::string_view tag) {
  if (!loaded_) load();
  for (const std::string& t : ambiguous_)
    if (t == tag) return nullptr;
  for (const Dictionary& d : dictionaries_)
    if (d.tag == tag) return &d;
  return nullptr;
}

void FacetNames::reload() { loaded_ = false; }

}  // namespace briefing
