#include "facet_counts.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <tuple>

#include "document_codec.h"
#include "facet_totals.h"
#include "match_list.h"
#include "errors.h"
#include "text.h"

namespace briefing {

// Splits each matching document's facet slot into the tables as it goes.
class FacetCounts::Spy : public Xapian::MatchSpy {
 public:
  explicit Spy(FacetCounts& counts) : counts_(counts) {}
  void operator()(const Xapian::Document& doc, double) override {
    counts_.add(display_values(doc), 1);
  }

 private:
  FacetCounts& counts_;
};

// Counts each matching document's value ids, one array per dictionary; a
// document it cannot count that way (no dictionary with its tag, or an id
// past the end of the copy read) has its display values counted instead.
// The ids are read from `column` when given (it must describe the commit
// `db` reads, so `db` is one database), else from Xapian.
class FacetCounts::IdSpy : public Xapian::MatchSpy {
 public:
  IdSpy(FacetCounts& counts, FacetNames& names, const Xapian::Database& db, const FacetColumn* column = nullptr)
      : counts_(counts), names_(names), db_(db) {
    if (column) {
      column_.emplace(*column);
      column_counts_ = tally_for(column->tag());
    }
  }
  void operator()(const Xapian::Document& doc, double) override {
    if (column_) return tally_column(doc.get_docid(), [&] { return doc; });
    tally(ids_of(doc), [&] { return doc; });
  }
  // The same for document `did` of a single database, the documents
  // coming in ascending docid order (a MatchList's).
  void operator()(Xapian::docid did) {
    if (column_) return tally_column(did, [&] { return db_.get_document(did); });
    tally(ids_at(did), [&] { return db_.get_document(did); });
  }
  // The same, the ids from the column: all of its dictionary's (the
  // display values are counted when no dictionary loaded has its tag, or
  // the ids cannot be read).
  template <class GetDocument>
  void tally_column(Xapian::docid did, GetDocument&& document) {
    const std::optional<FacetColumn::Ids> ids = column_counts_ ? column_->ids(did) : std::nullopt;
    if (ids) {
      Xapian::doccount* counts = column_counts_->counts.data();
      const uint32_t size = static_cast<uint32_t>(column_counts_->counts.size());
      uint32_t added = 0;
      if (ids->for_each([&](uint32_t id) {
            if (id >= size) return false;
            ++counts[id];
            ++added;
            return true;
          }))
        return;
      // An id past the dictionary's end (cannot be: the column and the
      // dictionary are of one commit): what this document added taken back.
      ids->for_each([&](uint32_t id) {
        if (added == 0) return false;
        --added;
        --counts[id];
        return true;
      });
      stale_ = true;
    }
    count_by_values(document);
  }
  // One document's ids counted, or its display values when they cannot
  // be; `document()` gives the document (only then read).
  template <class GetDocument>
  void tally(std::string_view ids, GetDocument&& document) {
    Tally* tally = ids.size() >= kFacetTagBytes ? tally_for(std::string_view(ids.data(), kFacetTagBytes)) : nullptr;
    const unsigned char* begin = reinterpret_cast<const unsigned char*>(ids.data()) + kFacetTagBytes;
    const unsigned char* end = reinterpret_cast<const unsigned char*>(ids.data()) + ids.size();
    if (tally) {
      // Counted in one pass; an id past the dictionary's end takes back
      // what this document added: a document is counted whole, one way or
      // the other.
      Xapian::doccount* counts = tally->counts.data();
      const size_t size = tally->counts.size();
      bool whole = true;
      for (const unsigned char* p = begin; p < end;) {
        const unsigned char* at = p;
        const uint32_t id = read_facet_id(p, end);
        if (id >= size) {
          for (const unsigned char* q = begin; q < at;) --counts[read_facet_id(q, end)];
          whole = false;
          break;
        }
        ++counts[id];
      }
      if (whole) return;
      stale_ = true;
    }
    count_by_values(document);
  }
  // A document counted by the display values in its data.
  template <class GetDocument>
  void count_by_values(GetDocument&& document) {
    counts_.add(display_values(document()), 1);
    ++by_values_;
  }
  // The ids' counts go into the tables.
  void finish() {
    std::vector<size_t> values(kFacets.size(), 0);  // at most, per facet
    for (const Tally& t : tallies_)
      for (size_t id = 0; id < t.counts.size(); ++id) {
        const FacetId facet = t.dictionary->facet(id);
        if (t.counts[id] && facet != kNoFacet) ++values[static_cast<size_t>(facet)];
      }
    for (size_t f = 0; f < values.size(); ++f) counts_.tables_[f].reserve(counts_.tables_[f].size() + values[f]);
    for (const Tally& t : tallies_)
      for (size_t id = 0; id < t.counts.size(); ++id) {
        const FacetId facet = t.dictionary->facet(id);
        if (t.counts[id] && facet != kNoFacet)
          counts_.tables_[static_cast<size_t>(facet)].add(t.dictionary->value(id), t.counts[id]);
      }
  }
  Xapian::doccount by_values() const { return by_values_; }
  // Adds what `other` counted by ids (a part of the same documents').
  void absorb(const IdSpy& other) {
    for (const Tally& t : other.tallies_) {
      Tally* mine = tally_for(t.dictionary->tag);
      if (!mine || mine->counts.size() != t.counts.size()) {
        stale_ = true;  // cannot be: two loads of one dictionary differ
        continue;
      }
      for (size_t id = 0; id < t.counts.size(); ++id) mine->counts[id] += t.counts[id];
    }
    by_values_ += other.by_values_;
    stale_ = stale_ || other.stale_;
  }
  // What was counted, over the documents a query did not match, becomes
  // the counts over those it did: `totals` less them. False (and nothing
  // changed) unless every document it saw was counted by the ids of
  // `totals`' dictionary, no more often than the totals have them.
  bool subtract_from(const FacetTotals& totals) {
    if (by_values_ || stale_) return false;
    Tally* t = tally_for(totals.tag());
    if (!t || tallies_.size() != 1) return false;
    const std::vector<Xapian::doccount>& all = totals.counts();
    for (size_t id = 0; id < t->counts.size(); ++id)
      if (t->counts[id] > (id < all.size() ? all[id] : 0)) return false;
    if (all.size() > t->counts.size()) return false;  // ids the dictionary read lacks
    for (size_t id = 0; id < all.size(); ++id) t->counts[id] = all[id] - t->counts[id];
    return true;
  }
  // A document named an id past the end of a dictionary: it has grown
  // since it was read.
  bool stale() const { return stale_; }

 private:
  // The document's kSlotFacetIds value. In one database the matches come
  // in ascending docid order, so a value stream moved forward reads them:
  // about half the time of Document::get_value, which looks each one up
  // from the start. (Over several shards a spy sees each shard's own
  // docids, shard after shard, and cannot tell which shard a document is
  // from.)
  std::string_view ids_of(const Xapian::Document& doc) {
    const Xapian::docid did = doc.get_docid();
    if (db_.size() != 1 || did <= last_) return value_ = doc.get_value(kSlotFacetIds);
    return ids_at(did);
  }
  // Document `did`'s, read on from the last: `did` past it, one database.
  std::string_view ids_at(Xapian::docid did) {
    if (last_ == 0) {
      stream_ = db_.valuestream_begin(kSlotFacetIds);
      stream_end_ = db_.valuestream_end(kSlotFacetIds);
    }
    last_ = did;
    if (stream_ != stream_end_ && stream_.get_docid() < did) stream_.skip_to(did);
    if (stream_ != stream_end_ && stream_.get_docid() == did) return value_ = *stream_;
    return std::string_view();
  }

  struct Tally {
    const FacetNames::Dictionary* dictionary;
    uint32_t tag;
    std::vector<Xapian::doccount> counts;  // by id
  };
  static uint32_t tag_bits(std::string_view tag) {
    static_assert(kFacetTagBytes == sizeof(uint32_t));
    uint32_t bits;
    std::memcpy(&bits, tag.data(), sizeof bits);
    return bits;
  }
  Tally* tally_for(std::string_view tag) {
    const uint32_t bits = tag_bits(tag);
    if (current_ && current_->tag == bits) return current_;
    for (Tally& t : tallies_)
      if (t.tag == bits) return current_ = &t;
    const FacetNames::Dictionary* d = names_.find(tag);
    if (!d) return nullptr;
    return current_ = &tallies_.emplace_back(Tally{d, bits, std::vector<Xapian::doccount>(d->size(), 0)});
  }
 private:
  FacetCounts& counts_;
  FacetNames& names_;
  const Xapian::Database& db_;
  std::optional<FacetColumn::Reader> column_;
  std::string value_;  // the last value read from Xapian
  Xapian::ValueIterator stream_, stream_end_;
  Xapian::docid last_ = 0;
  std::deque<Tally> tallies_;  // one per dictionary met; never moved
  Tally* current_ = nullptr;
  Tally* column_counts_ = nullptr;  // the column's dictionary's
  Xapian::doccount by_values_ = 0;
  bool stale_ = false;
};

namespace {

// Part `k` of `n` of each database's document ids, in order: a filter that
// splits a match between threads. Xapian gives each database of a
// combined one its own copy, initialised with that database.
class DocidPart : public Xapian::PostingSource {
 public:
  DocidPart(Xapian::docid k, Xapian::docid n) : k_(k), n_(n) {}
  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return size(); }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  void next(double) override { at_ = at_ ? at_ + 1 : first_; }
  void skip_to(Xapian::docid did, double) override {
    if (did > at_) at_ = std::max(did, first_);
  }
  bool at_end() const override { return at_ > last_ || first_ > last_; }
  Xapian::docid get_docid() const override { return at_; }
  DocidPart* clone() const override { return new DocidPart(k_, n_); }

 private:
  Xapian::doccount size() const { return last_ >= first_ ? last_ - first_ + 1 : 0; }
  Xapian::docid k_, n_, first_ = 1, last_ = 0, at_ = 0;
};

// Part `k` of `n` of a database's document ids: the first and the last.
std::pair<Xapian::docid, Xapian::docid> docid_part(const Xapian::Database& db, size_t k, size_t n) {
  const uint64_t last = db.get_lastdocid();
  return {static_cast<Xapian::docid>(last * k / n + 1), static_cast<Xapian::docid>(last * (k + 1) / n)};
}

void DocidPart::init(const Xapian::Database& db) {
  std::tie(first_, last_) = docid_part(db, k_, n_);
  at_ = 0;
}

}  // namespace

Xapian::doccount FacetCounts::count_rest(const Xapian::Database& db, MatchList& list, IdSpy& spy,
                                         Xapian::docid first, Xapian::docid last) {
  Xapian::doccount documents = 0, rest = 0;
  Xapian::docid match = first > last ? 0 : list.skip_to(first);
  // One document of the range: counted when the query does not match it.
  const auto visit = [&](Xapian::docid did) {
    ++documents;
    if (match != 0 && match < did) match = list.skip_to(did);
    if (match == did) return;
    spy(did);
    ++rest;
  };
  if (db.get_lastdocid() == db.get_doccount()) {
    // Ids 1 to N without a gap (no document deleted): every id is a
    // document, and the list of every document need not be read.
    for (Xapian::docid did = first; did <= last && did != 0; ++did) visit(did);
    return documents - rest;
  }
  Xapian::PostingIterator all = db.postlist_begin("");  // every document
  const Xapian::PostingIterator end = db.postlist_end("");
  if (first > 1) all.skip_to(first);
  for (; all != end && *all <= last; ++all) visit(*all);
  return documents - rest;
}

Xapian::doccount FacetCounts::count_list(MatchList& list, IdSpy& spy, Xapian::docid first, Xapian::docid last) {
  return for_each_match(list, first, last, [&](Xapian::docid did) { spy(did); });
}

CountingHandles::CountingHandles(std::vector<std::string> folders, std::vector<Xapian::rev> revisions,
                                 size_t threads, Xapian::doccount from, FacetColumn::Access access)
    : folders_(std::move(folders)),
      revisions_(std::move(revisions)),
      threads_(threads ? threads : std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4)),
      from_(from),
      access_(access),
      handles_(threads_) {}

const CountingHandles::Handle& CountingHandles::handle(size_t i) {
  std::optional<Handle>& h = handles_[i];
  if (!h) {
    Handle opened;
    for (const std::string& folder : folders_) {
      Xapian::Database one(folder);
      Xapian::rev revision = 0;
      try {
        revision = one.get_revision();
      } catch (const Xapian::Error&) {  // a backend without revisions
      }
      opened.revisions.push_back(revision);
      opened.db.add_database(one);
    }
    h = std::move(opened);
  }
  return *h;
}

const FacetColumn* CountingHandles::column(const Xapian::Database& db) {
  if (folders_.size() != 1 || db.size() != 1) return nullptr;
  Xapian::rev revision = 0;
  try {
    revision = db.get_revision();
  } catch (const Xapian::Error&) {  // a backend without revisions
    return nullptr;
  }
  if (column_for_ != revision) {
    column_ = FacetColumn::open(folders_[0], db, access_);
    column_for_ = revision;
  }
  return column_ && column_->describes(db) ? &*column_ : nullptr;
}

FacetCounts::FacetCounts() : tables_(kFacets.size()) {}

void FacetCounts::merge(const FacetCounts& other) {
  for (size_t f = 0; f < tables_.size(); ++f) {
    tables_[f].reserve(tables_[f].size() + other.tables_[f].size());
    other.tables_[f].for_each([&](std::string_view value, Xapian::doccount n) { tables_[f].add(value, n); });
  }
}

bool FacetCounts::count_in_parts(const Xapian::Query& query, FacetNames& names, CountingHandles& more,
                                 const FacetTotals* totals, const FacetColumn* column, Xapian::doccount& matches,
                                 const std::function<void()>& meanwhile) {
  const size_t n = more.threads();
  names.prepare();  // read once, before the threads share it
  // Each thread its own copy of the query, made here: a Xapian::Query
  // counts its references without atomics, so no two threads may copy or
  // drop one object (two threads crashed in set_query).
  std::vector<std::unique_ptr<DocidPart>> sources;
  std::vector<Xapian::Query> queries;
  try {
    const std::string serialised = query.serialise();
    for (size_t i = 0; i < n; ++i) {
      sources.push_back(std::make_unique<DocidPart>(static_cast<Xapian::docid>(i), static_cast<Xapian::docid>(n)));
      queries.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query::unserialise(serialised),
                           Xapian::Query(sources.back().get()));
    }
  } catch (const Xapian::Error&) {
    return false;  // a query Xapian cannot copy that way
  }
  std::vector<FacetCounts> parts(n);
  std::vector<std::unique_ptr<IdSpy>> spies(n);
  std::vector<Xapian::doccount> found(n, 0);
  std::vector<const std::vector<Xapian::rev>*> revisions(n, nullptr);
  std::vector<char> stale(n, 0), by_values(n, 0), from_lists(n, 0), by_column(n, 0);
  std::vector<std::exception_ptr> errors(n);
  auto count_part = [&](size_t i) {
    try {
      const CountingHandles::Handle& h = more.handle(i);
      revisions[i] = &h.revisions;
      if (h.revisions != more.revisions()) return;  // another commit: not counted
      const FacetColumn* own = column && column->describes(h.db) ? column : nullptr;
      if (own) by_column[i] = 1;
      IdSpy& spy = *(spies[i] = std::make_unique<IdSpy>(parts[i], names, h.db, own));
      // Its own copy of the query (queries[i] filters it to the part).
      std::unique_ptr<MatchList> list = match_list(h.db, queries[i].get_subquery(0));
      const auto [first, last] = docid_part(h.db, i, n);
      if (list && totals) {
        found[i] = count_rest(h.db, *list, spy, first, last);  // put together below
        from_lists[i] = 1;
        return;
      }
      if (list) {
        found[i] = count_list(*list, spy, first, last);
        from_lists[i] = 1;
      } else if (totals) {
        return;  // not counted: from_lists[i] says so
      } else {
        found[i] = count_with(spy, h.db, queries[i], {});
      }
      spy.finish();
      stale[i] = spy.stale();
      by_values[i] = spy.by_values() > 0;
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  // Part 0 on this thread, unless it has something else to do meanwhile.
  std::vector<std::thread> threads;
  for (size_t i = meanwhile ? 0 : 1; i < n; ++i) {
    try {
      threads.emplace_back(count_part, i);
    } catch (const std::system_error&) {
      count_part(i);  // no thread to be had (a limit on processes): here, in turn
    }
  }
  std::exception_ptr meanwhile_error;
  try {
    if (meanwhile) meanwhile();
    else count_part(0);
  } catch (...) {
    meanwhile_error = std::current_exception();
  }
  for (std::thread& t : threads) t.join();
  if (meanwhile_error) std::rethrow_exception(meanwhile_error);
  // A handle that could not be opened or read: the caller's own counts
  // (and says what is wrong with the database, if anything is).
  for (const std::exception_ptr& e : errors) {
    if (!e) continue;
    try {
      std::rethrow_exception(e);
    } catch (const Xapian::Error&) {
      more.forget();
      return false;
    }
  }
  if (std::any_of(stale.begin(), stale.end(), [](char c) { return c; })) names.reload();
  // Opened after the search's own handle, a handle may hold a later commit
  // of an index being written: its part would not add up with the page.
  // (Opened afresh for the next query.)
  for (size_t i = 0; i < n; ++i)
    if (*revisions[i] != more.revisions()) {
      more.forget();
      return false;
    }
  matches = 0;
  for (size_t i = 0; i < n; ++i) matches += found[i];
  by_column_ = std::all_of(by_column.begin(), by_column.end(), [](char c) { return c; });
  if (totals) {
    // The parts' counts of the documents not matched, less the totals.
    for (size_t i = 0; i < n; ++i)
      if (!from_lists[i]) return false;
    for (size_t i = 1; i < n; ++i) spies[0]->absorb(*spies[i]);
    if (!spies[0]->subtract_from(*totals)) return false;
    spies[0]->finish();
    merge(parts[0]);
    method_ = "totals less the rest's ids from posting lists on " + std::to_string(n) + " threads";
    return true;
  }
  for (size_t i = 0; i < n; ++i) merge(parts[i]);
  const bool some_by_values = std::any_of(by_values.begin(), by_values.end(), [](char c) { return c; });
  const bool all_from_lists = std::all_of(from_lists.begin(), from_lists.end(), [](char c) { return c; });
  method_ = std::string(some_by_values ? "ids+values" : "ids") + (all_from_lists ? " from posting lists" : "") +
            " on " + std::to_string(n) + " threads";
  return true;
}

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

void FacetCounts::Table::reserve(size_t n) {
  size_t size = std::max<size_t>(64, entries_.size());
  while (size < 2 * n) size *= 2;
  if (size == entries_.size()) return;
  std::vector<Entry> old(size);
  old.swap(entries_);
  const size_t mask = entries_.size() - 1;
  for (const Entry& e : old) {
    if (e.count == 0) continue;
    size_t i = e.hash & mask;
    while (entries_[i].count != 0) i = (i + 1) & mask;
    entries_[i] = e;
  }
}

void FacetCounts::Table::grow() { reserve(std::max<size_t>(32, entries_.size())); }

void FacetCounts::add(const std::string& slot_value, Xapian::doccount n) {
  for_each_facet_value(slot_value, [&](const Facet& f, std::string_view value) {
    tables_[static_cast<size_t>(f.id)].add(value, n);
  });
}

Xapian::doccount FacetCounts::count_with(Xapian::MatchSpy& spy, const Xapian::Database& db,
                                         const Xapian::Query& query, const std::vector<Xapian::MatchSpy*>& others) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.add_matchspy(&spy);
  for (Xapian::MatchSpy* other : others) enquire.add_matchspy(other);
  // No page: every match is checked (check_at_least), none is ranked.
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

Xapian::doccount FacetCounts::count(const Xapian::Database& db, const Xapian::Query& query,
                                    const std::vector<Xapian::MatchSpy*>& others, FacetNames* names,
                                    CountingHandles* more, const std::function<void()>& meanwhile) {
  // Run once: in count_in_parts, or after the counting below.
  bool ran = false;
  const std::function<void()> once = [&] {
    if (ran) return;  // (counting that starts again does not run it again)
    ran = true;
    meanwhile();
  };
  const Xapian::doccount matches = count_matches(db, query, others, names, more, meanwhile ? once : nullptr);
  if (meanwhile && !ran) meanwhile();
  return matches;
}

Xapian::doccount FacetCounts::count_matches(const Xapian::Database& db, const Xapian::Query& query,
                                            const std::vector<Xapian::MatchSpy*>& others, FacetNames* names,
                                            CountingHandles* more, const std::function<void()>& meanwhile) {
  // Once a remote database has refused our spies, this process does not
  // ask again.
  static std::atomic<bool> remote_seen{false};
  *this = FacetCounts();
  if (!remote_seen) {
    try {
      const bool local = names && more && others.empty();
      // Its matches read from the posting lists, when the query allows:
      // they bound how many there can be.
      std::unique_ptr<MatchList> first_list = local ? match_list(db, query) : nullptr;
      // Xapian's estimate of the matches (the matcher's bounds: 0.3 ms at
      // 200,000 briefings, so not asked when the lists' bound is below the
      // figure it is compared with).
      std::optional<Xapian::doccount> estimate;
      auto estimated_from = [&](Xapian::doccount figure) {
        if (first_list && first_list->most() < figure) return Xapian::doccount{0};
        if (!estimate) {
          Xapian::Enquire enquire(db);
          enquire.set_query(query);
          estimate = enquire.get_mset(0, 0).get_matches_estimated();
        }
        return *estimate;
      };
      // A query that matches most of one local database has the rest of
      // its documents counted, and that taken from the totals of every
      // document (facet_totals.h), when they describe this commit.
      std::optional<FacetTotals> totals;
      if (local && db.size() == 1 && estimated_from(db.get_doccount() / 5 * 3 + 1) > db.get_doccount() / 5 * 3) {
        totals = FacetTotals::read(db);
        if (totals && totals->docs() != db.get_doccount()) totals.reset();  // not every document is counted
      }
      // Each match's ids found by its docid, when the column describes
      // this commit.
      const FacetColumn* column = local && db.size() == 1 ? more->column(db) : nullptr;
      Xapian::doccount counted = 0;
      if (local && more->threads() > 1 && estimated_from(more->from()) >= more->from()) {
        if (totals && count_in_parts(query, *names, *more, &*totals, column, counted, meanwhile)) return counted;
        *this = FacetCounts();
        if (count_in_parts(query, *names, *more, nullptr, column, counted, meanwhile)) return counted;
        *this = FacetCounts();
      }
      if (names) {
        // On this thread: from the posting lists (one local database; `more`
        // is given only for local ones) when the query allows, else with
        // Xapian's matcher.
        auto count_here = [&](const FacetTotals* totals) -> std::optional<Xapian::doccount> {
          *this = FacetCounts();
          IdSpy spy(*this, *names, db, column);
          by_column_ = column != nullptr;
          // (A list is read once: the first taken, then another made.)
          const std::unique_ptr<MatchList> list =
              first_list ? std::move(first_list) : local ? match_list(db, query) : nullptr;
          if (totals) {
            if (!list) return std::nullopt;
            const Xapian::doccount matches = count_rest(db, *list, spy, 1, db.get_lastdocid());
            if (!spy.subtract_from(*totals)) return std::nullopt;
            spy.finish();
            method_ = "totals less the rest's ids from posting lists";
            return matches;
          }
          const Xapian::doccount matches =
              list ? count_list(*list, spy, 1, db.get_lastdocid()) : count_with(spy, db, query, others);
          spy.finish();
          if (spy.stale()) names->reload();  // read again for the next query
          method_ = std::string(spy.by_values() ? "ids+values" : "ids") + (list ? " from posting lists" : "");
          return matches;
        };
        if (totals)
          if (std::optional<Xapian::doccount> m = count_here(&*totals)) return *m;
        return *count_here(nullptr);
      }
      Spy spy(*this);
      const Xapian::doccount matches = count_with(spy, db, query, others);
      method_ = "values";
      return matches;
    } catch (const Xapian::UnimplementedError&) {
      // "MatchSpy not suitable for use with remote searches"
      remote_seen = true;
      *this = FacetCounts();
    }
  }
  // `others` counted nothing in a refused run: Xapian checks the spies
  // before the match. Each distinct set of ids is counted by the server,
  // and named here.
  Xapian::ValueCountMatchSpy spy(kSlotFacetIds);
  const Xapian::doccount matches = count_with(spy, db, query, others);
  std::optional<FacetNames> own_names;
  if (!names) names = &own_names.emplace(std::vector<Xapian::Database>{db});
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
    if (add_ids(*v, v.get_termfreq(), *names)) continue;
    names->reload();  // the dictionary may have grown since it was read
    if (!add_ids(*v, v.get_termfreq(), *names))
      throw Error("cannot name the facet values of a remote database: a document's facet ids are in no "
                  "facet dictionary the databases hold (rebuild it with this indexer)");
  }
  method_ = "remote";
  return matches;
}

bool FacetCounts::add_ids(std::string_view ids, Xapian::doccount n, FacetNames& names) {
  if (ids.size() < kFacetTagBytes) return false;
  const FacetNames::Dictionary* d = names.find(ids.substr(0, kFacetTagBytes));
  if (!d) return false;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(ids.data()) + kFacetTagBytes;
  const unsigned char* end = reinterpret_cast<const unsigned char*>(ids.data()) + ids.size();
  std::vector<std::pair<FacetId, std::string_view>> values;
  while (p < end) {
    const uint32_t id = read_facet_id(p, end);
    if (id >= d->size()) return false;
    values.emplace_back(d->facet(id), d->value(id));
  }
  for (const auto& [facet, value] : values)
    if (facet != kNoFacet) tables_[static_cast<size_t>(facet)].add(value, n);
  return true;
}

std::vector<FacetCount> FacetCounts::values(FacetId facet, size_t limit) const {
  const Table& t = tables_[static_cast<size_t>(facet)];
  // Sorted as views, then copied once in order (a broad query has
  // thousands of values; only the first `limit` are put in order).
  std::vector<std::pair<std::string_view, Xapian::doccount>> sorted;
  sorted.reserve(t.size());
  t.for_each([&](std::string_view value, Xapian::doccount count) { sorted.emplace_back(value, count); });
  const auto before = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  const size_t n = limit == 0 ? sorted.size() : std::min(limit, sorted.size());
  std::partial_sort(sorted.begin(), sorted.begin() + n, sorted.end(), before);
  std::vector<FacetCount> list;
  list.reserve(n);
  for (size_t i = 0; i < n; ++i) list.push_back({std::string(sorted[i].first), sorted[i].second});
  return list;
}

}  // namespace briefing
