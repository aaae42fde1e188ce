// The facet column (facet_column.h): written by the indexer for the commit
// its run ended with, the same ids as Xapian's value slot for every docid,
// used only while the database is at that commit, refused when damaged,
// and counted from to the same counts as the value stream.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "facet_column.h"
#include "facet_counts.h"
#include "facet_dictionary.h"
#include "index_sync.h"
#include "same_counts.h"
#include "schema.h"

using namespace briefing;
namespace fs = std::filesystem;

namespace {

using Access = FacetColumn::Access;

// Document `did`'s kSlotFacetIds value ("" for no document).
std::string value_of(const Xapian::Database& db, Xapian::docid did) {
  try {
    return db.get_document(did).get_value(kSlotFacetIds);
  } catch (const Xapian::DocNotFoundError&) {
    return "";
  }
}

// The ids of document `did`'s kSlotFacetIds value (none for no document).
std::vector<uint32_t> value_ids(const Xapian::Database& db, Xapian::docid did) {
  const std::string value = value_of(db, did);
  std::vector<uint32_t> ids;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(value.data()) + kFacetTagBytes;
  const unsigned char* end = reinterpret_cast<const unsigned char*>(value.data()) + value.size();
  while (p < end) ids.push_back(read_facet_id(p, end));
  return ids;
}

// Every docid's ids in `column` are those of the document's kSlotFacetIds
// value (a docid with no document has none), of the column's dictionary,
// read by one reader in ascending docid order, then by another in `order`.
void check_ids(const FacetColumn& column, const Xapian::Database& db, std::vector<Xapian::docid> order = {}) {
  size_t with_ids = 0;
  FacetColumn::Reader reader(column);
  for (Xapian::docid did = 0; did <= db.get_lastdocid() + 1; ++did) {
    INFO("docid " << did);
    const std::string value = did ? value_of(db, did) : "";
    const std::vector<uint32_t> want = did ? value_ids(db, did) : std::vector<uint32_t>();
    if (!value.empty()) {
      ++with_ids;
      CHECK(value.substr(0, kFacetTagBytes) == column.tag());
    }
    const std::optional<FacetColumn::Ids> ids = reader.ids(did);
    REQUIRE(ids);
    std::vector<uint32_t> got;
    CHECK(ids->for_each([&](uint32_t id) { return got.push_back(id), true; }));
    CHECK(got == want);
    CHECK(ids->size == want.size());
  }
  CHECK(with_ids == db.get_doccount());
  FacetColumn::Reader other(column);
  for (Xapian::docid did : order) {
    INFO("docid " << did << ", out of order");
    std::vector<uint32_t> got;
    const std::optional<FacetColumn::Ids> ids = other.ids(did);
    REQUIRE(ids);
    ids->for_each([&](uint32_t id) { return got.push_back(id), true; });
    CHECK(got == value_ids(db, did));
  }
}

// The counts of every facet over `query`, with the column when the
// handles find one that describes `db`'s commit (`by_column` says whether
// they did), read both ways, and by the value stream.
void check_counts(const Xapian::Database& db, const std::string& folder, const Xapian::Query& query,
                  bool by_column) {
  FacetNames names({db});
  FacetCounts without;
  const Xapian::doccount n = without.count(db, query, {}, &names);
  CHECK_FALSE(without.by_column());
  for (const Access access : {Access::kMapped, Access::kRead}) {
    INFO((access == Access::kRead ? "read" : "mapped"));
    CountingHandles more({folder}, {db.get_revision()}, 1, CountingHandles::kFrom, access);
    FacetCounts with;
    CHECK(with.count(db, query, {}, &names, &more) == n);
    CHECK(with.by_column() == by_column);
    test::check_same(with, without);
  }
}

}  // namespace

TEST_CASE("the facet column holds each docid's facet ids for the commit the indexer ended with", "[facets]") {
  const fs::path root = fs::temp_directory_path() / ("facet-column-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "in");
  for (const auto& entry : fs::directory_iterator(CORPUS_DIR)) fs::copy(entry.path(), root / "in");
  IndexOptions options;
  options.db_path = (root / "db").string();
  options.inputs = {(root / "in").string()};
  options.batch_size = 7;  // many commits
  REQUIRE(sync_index(options, IndexEvents{}).added > 40);
  const std::string file = (root / "db" / std::string(kFacetColumnFile)).string();
  REQUIRE(fs::exists(file));

  Xapian::Database db(options.db_path);
  std::optional<FacetColumn> column = FacetColumn::open(options.db_path, db);
  REQUIRE(column);
  CHECK(column->id_bytes() == 2);  // (fewer than 65,536 values)
  check_ids(*column, db);
  std::optional<FacetColumn> read = FacetColumn::open(options.db_path, db, Access::kRead);
  REQUIRE(read);
  check_ids(*read, db);
  CHECK_FALSE(FacetColumn::update(options.db_path));  // describes this commit already
  // Read from posting lists; every document, less the totals; by Xapian's
  // matcher (a phrase).
  const std::vector<std::string> phrase{"prime", "minister"};
  for (const Xapian::Query& q : {Xapian::Query("japan"), Xapian::Query::MatchAll,
                                 Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end())})
    check_counts(db, options.db_path, q, true);

  SECTION("a file removed from the folder: its docid has no ids in the next run's column") {
    const fs::path gone = *fs::directory_iterator(root / "in");
    fs::remove(gone);
    IndexReport report = sync_index(options, IndexEvents{});
    REQUIRE(report.removed == 1);
    Xapian::Database now(options.db_path);
    CHECK(now.get_doccount() == db.get_doccount() - 1);
    CHECK_FALSE(column->describes(now));
    std::optional<FacetColumn> next = FacetColumn::open(options.db_path, now);
    REQUIRE(next);
    check_ids(*next, now);
    // The old file is still read, mapped or not: the new one was renamed
    // over it.
    check_ids(*column, db);
    check_ids(*read, db);
    check_counts(now, options.db_path, Xapian::Query("japan"), true);
  }

  SECTION("a commit by another program: the column is not used until it is written again") {
    {
      Xapian::WritableDatabase w(options.db_path, Xapian::DB_OPEN);
      Xapian::Document doc = w.get_document(w.get_lastdocid());
      w.add_document(doc);
      w.commit();
    }
    Xapian::Database now(options.db_path);
    CHECK_FALSE(FacetColumn::open(options.db_path, now));
    check_counts(now, options.db_path, Xapian::Query("japan"), false);
    // The search that still reads the older commit uses it.
    check_counts(db, options.db_path, Xapian::Query("japan"), true);
    CHECK(FacetColumn::update(options.db_path));
    std::optional<FacetColumn> next = FacetColumn::open(options.db_path, now);
    REQUIRE(next);
    check_ids(*next, now);
    check_counts(now, options.db_path, Xapian::Query("japan"), true);
  }

  SECTION("a document without ids, or with another dictionary's: no column") {
    for (const bool other : {false, true}) {
      INFO((other ? "another dictionary's ids" : "no ids"));
      {
        Xapian::WritableDatabase w(options.db_path, Xapian::DB_OPEN);
        Xapian::Document doc = w.get_document(w.get_lastdocid());
        std::string ids = doc.get_value(kSlotFacetIds);
        if (other) ids[0] = static_cast<char>(ids[0] ^ 0x55);
        doc.add_value(kSlotFacetIds, other ? ids : std::string());
        w.add_document(doc);
        w.commit();
      }
      Xapian::Database now(options.db_path);
      CHECK_FALSE(FacetColumn::update(options.db_path));
      CHECK_FALSE(fs::exists(file));  // (the old one, of another commit, is gone)
      CHECK_FALSE(FacetColumn::open(options.db_path, now));
      check_counts(now, options.db_path, Xapian::Query::MatchAll, false);
    }
  }

  SECTION("a file damaged in place while a search reads it: what cannot be read is counted by the values") {
    FacetNames names({db});
    CountingHandles more({options.db_path}, {db.get_revision()}, 1, CountingHandles::kFrom, Access::kRead);
    // The last document's rarest term, or Japan: the last document matches.
    const Xapian::docid last = db.get_lastdocid();
    std::string rare = *db.termlist_begin(last);
    for (auto t = db.termlist_begin(last); t != db.termlist_end(last); ++t)
      if (db.get_termfreq(*t) < db.get_termfreq(rare)) rare = *t;
    const Xapian::Query q(Xapian::Query::OP_OR, Xapian::Query("japan"), Xapian::Query(rare));
    FacetCounts before;
    const Xapian::doccount n = before.count(db, q, {}, &names, &more);
    REQUIRE(before.by_column());
    REQUIRE(value_ids(db, last).size() >= 2);
    fs::resize_file(file, fs::file_size(file) - 2);  // the last id cut off
    CHECK_FALSE(FacetColumn::Reader(*read).ids(last));
    FacetCounts cut;
    CHECK(cut.count(db, q, {}, &names, &more) == n);
    test::check_same(cut, before);
    {
      std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(104 + 4 * last);  // the last document's end: before its start
      const uint32_t zero = 0;
      f.write(reinterpret_cast<const char*>(&zero), sizeof zero);
    }
    CHECK_FALSE(FacetColumn::Reader(*read).ids(last));
    FacetCounts garbled;
    CHECK(garbled.count(db, q, {}, &names, &more) == n);
    test::check_same(garbled, before);
  }

  SECTION("a damaged file is not used") {
    const std::string whole = [&] {
      std::ifstream in(file, std::ios::binary);
      return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }();
    auto write = [&](const std::string& bytes) {
      fs::remove(file);  // (a new file: the mapping above keeps the old)
      std::ofstream(file, std::ios::binary) << bytes;
    };
    write(whole.substr(0, whole.size() - 1));  // cut short
    CHECK_FALSE(FacetColumn::open(options.db_path, db));
    write(whole + "x");  // too long
    CHECK_FALSE(FacetColumn::open(options.db_path, db));
    write(std::string(whole.size(), '\0'));  // not ours
    CHECK_FALSE(FacetColumn::open(options.db_path, db));
    write("");
    CHECK_FALSE(FacetColumn::open(options.db_path, db));
    check_counts(db, options.db_path, Xapian::Query("japan"), false);
    // The next run writes it again, and removes what a run killed while
    // writing it left (a process that is gone), not another's.
    const pid_t gone = ::fork();
    if (gone == 0) ::_exit(0);
    REQUIRE(gone > 0);
    ::waitpid(gone, nullptr, 0);
    const std::string left = file + ".new-" + std::to_string(gone);
    const std::string alive = file + ".new-" + std::to_string(::getppid());
    std::ofstream(left) << "half";
    std::ofstream(alive) << "half";
    sync_index(options, IndexEvents{});
    CHECK_FALSE(fs::exists(left));
    CHECK(fs::exists(alive));  // (our parent, running)
    Xapian::Database now(options.db_path);
    REQUIRE(FacetColumn::open(options.db_path, now));
    check_counts(now, options.db_path, Xapian::Query("japan"), true);
  }
  fs::remove_all(root);
}

TEST_CASE("a column of thousands of documents reads the same mapped and read by blocks, in any order", "[facets]") {
  const fs::path root = fs::temp_directory_path() / ("facet-column-large-" + std::to_string(::getpid()));
  for (const uint32_t largest : {uint32_t{3000}, uint32_t{200000}}) {  // ids of 2 bytes, of 4
    INFO("ids up to " << largest);
    fs::remove_all(root);
    std::mt19937 random(largest);
    {
      Xapian::WritableDatabase w(root.string(), Xapian::DB_CREATE);
      for (int i = 0; i < 6000; ++i) {
        Xapian::Document doc;
        std::string ids = "TAG1";
        const int n = static_cast<int>(random() % 40);  // none to 39
        for (int k = 0; k < n; ++k) append_varint(ids, random() % (k == 0 ? largest + 1 : 100));
        doc.add_value(kSlotFacetIds, ids);
        w.add_document(doc);
      }
      for (Xapian::docid did = 5; did <= 6000; did += 97) w.delete_document(did);  // gaps
      w.commit();
    }
    REQUIRE(FacetColumn::update(root.string()));
    Xapian::Database db(root.string());
    std::vector<Xapian::docid> order;  // jumps back and forth, and the same docid twice
    for (Xapian::docid did = db.get_lastdocid(); did > 7; did -= 7) order.push_back(did);
    for (int i = 0; i < 500; ++i) order.push_back(1 + random() % db.get_lastdocid());
    order.push_back(order.back());
    for (const Access access : {Access::kMapped, Access::kRead}) {
      INFO((access == Access::kRead ? "read" : "mapped"));
      std::optional<FacetColumn> column = FacetColumn::open(root.string(), db, access);
      REQUIRE(column);
      CHECK(column->id_bytes() == (largest > 65535 ? 4u : 2u));
      check_ids(*column, db, order);
    }
  }
  fs::remove_all(root);
}
