#include "facet_counts.h"

#include <algorithm>
#include <atomic>

#include "document_codec.h"
#include "text.h"

namespace briefing {

// Splits each matching document's facet slot into the tables as it goes.
class FacetCounts::Spy : public Xapian::MatchSpy {
 public:
  explicit Spy(FacetCounts& counts) : counts_(counts) {}
  void operator()(const Xapian::Document& doc, double) override {
    counts_.add(doc.get_value(kSlotFacets), 1);
  }

 private:
  FacetCounts& counts_;
};

FacetCounts::FacetCounts() : tables_(kFacets.size()) {}

void FacetCounts::Table::add(std::string_view value, Xapian::doccount n) {
  if (n == 0) return;  // a count of 0 marks a free entry
  if (2 * (used_ + 1) > entries_.size()) grow();
  const uint64_t hash = short_hash(value);
  const size_t mask = entries_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Entry& e = entries_[i];
    if (e.count == 0) {
      e = Entry{hash, static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(value.size()), n};
      arena_.append(value);
      ++used_;
      return;
    }
    if (e.hash == hash && std::string_view(arena_).substr(e.offset, e.length) == value) {
      e.count += n;
      return;
    }
  }
}

void FacetCounts::Table::grow() {
  std::vector<Entry> old(std::max<size_t>(64, entries_.size() * 2));
  old.swap(entries_);
  const size_t mask = entries_.size() - 1;
  for (const Entry& e : old) {
    if (e.count == 0) continue;
    size_t i = e.hash & mask;
    while (entries_[i].count != 0) i = (i + 1) & mask;
    entries_[i] = e;
  }
}

void FacetCounts::add(const std::string& slot_value, Xapian::doccount n) {
  for_each_facet_value(slot_value, [&](const Facet& f, std::string_view value) {
    tables_[static_cast<size_t>(f.id)].add(value, n);
  });
}

Xapian::MSet FacetCounts::run(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount max,
                              Xapian::doccount check_at_least, const std::vector<Xapian::MatchSpy*>& others) {
  // Once a remote database has refused our spy, this process does not ask
  // again.
  static std::atomic<bool> remote_seen{false};
  if (!remote_seen) {
    Spy spy(*this);
    enquire.clear_matchspies();
    enquire.add_matchspy(&spy);
    for (Xapian::MatchSpy* other : others) enquire.add_matchspy(other);
    try {
      Xapian::MSet mset = enquire.get_mset(first, max, check_at_least);
      enquire.clear_matchspies();
      return mset;
    } catch (const Xapian::UnimplementedError&) {
      // "MatchSpy not suitable for use with remote searches"
      remote_seen = true;
      *this = FacetCounts();
    }
  }
  Xapian::ValueCountMatchSpy spy(kSlotFacets);
  enquire.clear_matchspies();
  enquire.add_matchspy(&spy);
  for (Xapian::MatchSpy* other : others) enquire.add_matchspy(other);
  Xapian::MSet mset = enquire.get_mset(first, max, check_at_least);
  enquire.clear_matchspies();
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) add(*v, v.get_termfreq());
  return mset;
}

std::vector<FacetCount> FacetCounts::values(FacetId facet) const {
  const Table& t = tables_[static_cast<size_t>(facet)];
  std::vector<FacetCount> list;
  list.reserve(t.size());
  t.for_each([&](std::string_view value, Xapian::doccount count) { list.push_back({std::string(value), count}); });
  std::sort(list.begin(), list.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return list;
}

}  // namespace briefing
