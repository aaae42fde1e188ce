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

#include "facet_column.h"
#include "facet_counts.h"
#include "facet_dictionary.h"
#include "index_sync.h"
#include "same_counts.h"
#include "schema.h"

using namespace briefing;
namespace fs = std::filesystem;

namespace {

// Every docid's ids in `column` are those of the document's kSlotFacetIds
// value (a docid with no document has none), of the column's dictionary.
void check_ids(const FacetColumn& column, const Xapian::Database& db) {
  size_t with_ids = 0;
  for (Xapian::docid did = 1; did <= db.get_lastdocid() + 1; ++did) {
    std::string value;
    try {
      value = db.get_document(did).get_value(kSlotFacetIds);
    } catch (const Xapian::DocNotFoundError&) {
    }
    INFO("docid " << did);
    std::vector<uint32_t> want, got;
    if (!value.empty()) {
      ++with_ids;
      CHECK(value.substr(0, kFacetTagBytes) == column.tag());
      const unsigned char* p = reinterpret_cast<const unsigned char*>(value.data()) + kFacetTagBytes;
      const unsigned char* end = reinterpret_cast<const unsigned char*>(value.data()) + value.size();
      while (p < end) want.push_back(read_facet_id(p, end));
    }
    CHECK(column.for_each_id(did, [&](uint32_t id) { return got.push_back(id), true; }));
    CHECK(got == want);
    CHECK(column.ids(did).size == want.size());
  }
  CHECK(column.ids(0).size == 0);
  CHECK(with_ids == db.get_doccount());
  CHECK(column.id_bytes() == 2);  // (fewer than 65,536 values)
}

// The counts of every facet over `query`, with the column when the
// handles find one that describes `db`'s commit (`by_column` says whether
// they did), and by the value stream.
void check_counts(const Xapian::Database& db, const std::string& folder, const Xapian::Query& query,
                  bool by_column) {
  FacetNames names({db});
  CountingHandles more({folder}, {db.get_revision()}, 1);
  FacetCounts with, without;
  const Xapian::doccount n = with.count(db, query, {}, &names, &more);
  CHECK(with.by_column() == by_column);
  CHECK(without.count(db, query, {}, &names) == n);
  CHECK_FALSE(without.by_column());
  test::check_same(with, without);
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
  check_ids(*column, db);
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
    // The old mapping is still read: the new file was renamed over it.
    check_ids(*column, db);
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
