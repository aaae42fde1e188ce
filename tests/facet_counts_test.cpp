// FacetCounts against counting by hand, over an in-memory database large
// enough that its tables grow many times, by ids and by display values,
// with documents from several dictionaries; an indexed corpus counted both
// ways; the cached stemmer against
// Xapian's; the spelling variants' quick filter against the whole table.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <map>
#include <thread>

#include "data_files.h"
#include "facet_counts.h"
#include "facet_dictionary.h"
#include "facet_totals.h"
#include "index_sync.h"
#include "schema.h"
#include "shards.h"
#include "stemmer.h"
#include "same_counts.h"
#include "test_rules.h"
#include "tokenizer.h"

using namespace briefing;
namespace fs = std::filesystem;

namespace {

std::string tagged(FacetId f, const std::string& value) { return std::string(facet(f).prefix) + value; }

// Documents with `values`, each tagged "<name> <i % modulus>", plus the
// term "all" and "fizz" for every third; their facet slots written as the
// indexer writes them (display values, and ids from `dictionary` when
// given). Adds what each query term should count to `expected`.
using Expected = std::map<std::string, std::map<FacetId, std::map<std::string, Xapian::doccount>>>;
void add_documents(Xapian::WritableDatabase& db, FacetDictionary* dictionary, int from, int to, Expected& expected) {
  for (int i = from; i < to; ++i) {
    Xapian::Document doc;
    std::vector<std::string> terms{"all", i % 3 == 0 ? "fizz" : "other"};
    std::vector<std::pair<FacetId, std::string>> values{
        {FacetId::kCountry, "Country " + std::to_string(i % 7)},
        {FacetId::kCountry, "Land ü" + std::to_string(i % 11)},
        {FacetId::kMinister, "Minister number " + std::to_string(i)},  // all distinct
        {FacetId::kTopic, "t" + std::to_string(i % 2)},
        {FacetId::kRole, ""}};  // empty values are not values
    std::string slot;
    nlohmann::json data = {{"facets", nlohmann::json::array()}};
    for (const auto& [f, v] : values) {
      if (!slot.empty()) slot += kValueSeparator;
      slot += tagged(f, v);
      data["facets"].push_back(tagged(f, v));
      if (v.empty()) continue;
      for (const std::string& t : terms) ++expected[t][f][v];
    }
    for (const std::string& t : terms) doc.add_term(t);
    doc.set_data(data.dump());  // as the indexer keeps the display values
    if (dictionary) doc.add_value(kSlotFacetIds, dictionary->encode(slot));
    db.add_document(doc);
  }
}

// Counts `term` over `db` and checks every facet against `expected`, most
// frequent first, then by value; returns how FacetCounts counted.
std::string check_counts(const Xapian::Database& db, const std::string& term, const Expected& expected,
                         FacetNames* names) {
  FacetCounts counts;
  CHECK(counts.count(db, Xapian::Query(term), {}, names) == db.get_termfreq(term));
  for (const Facet& f : kFacets) {
    auto by_term = expected.find(term);
    REQUIRE(by_term != expected.end());
    auto by_facet = by_term->second.find(f.id);
    const std::map<std::string, Xapian::doccount> none;
    const auto& want = by_facet == by_term->second.end() ? none : by_facet->second;
    std::vector<FacetCount> got = counts.values(f.id);
    INFO(term << " " << f.name << " counted by " << counts.method());
    CHECK(counts.distinct(f.id) == want.size());
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      auto it = want.find(got[i].value);
      REQUIRE(it != want.end());
      CHECK(got[i].count == it->second);
      if (i > 0) {  // most frequent first, then by value
        CHECK(got[i - 1].count >= got[i].count);
        if (got[i - 1].count == got[i].count) CHECK(got[i - 1].value < got[i].value);
      }
    }
  }
  return counts.method();
}

}  // namespace

TEST_CASE("facet counts are exact over every match, thousands of distinct values included", "[facets]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  FacetDictionary dictionary;
  Expected expected;
  add_documents(db, &dictionary, 0, 3000, expected);
  size_t saved = 0;
  dictionary.save(db, &saved);
  CHECK(saved == dictionary.size());
  CHECK(dictionary.size() == 7 + 11 + 3000 + 2);
  for (const std::string term : {"all", "fizz"}) {
    FacetNames names({db});
    CHECK(check_counts(db, term, expected, &names) == "ids");
    CHECK(check_counts(db, term, expected, nullptr) == "values");
  }
}

TEST_CASE("facet ids from several dictionaries, or from a newer copy, still count exactly", "[facets]") {
  // Two databases built apart: each its own dictionary, the same values
  // under other ids.
  Xapian::WritableDatabase a(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::WritableDatabase b(std::string(), Xapian::DB_BACKEND_INMEMORY);
  FacetDictionary da, db_dictionary;
  Expected expected;
  add_documents(b, &db_dictionary, 2000, 2500, expected);  // b meets the values in another order
  add_documents(a, &da, 0, 1000, expected);
  add_documents(b, &db_dictionary, 1000, 2000, expected);
  size_t saved_a = 0, saved_b = 0;
  da.save(a, &saved_a);
  db_dictionary.save(b, &saved_b);
  Xapian::Database both;
  both.add_database(a);
  both.add_database(b);

  SECTION("each database's dictionary read: every document by ids") {
    FacetNames names({a, b});
    CHECK(check_counts(both, "all", expected, &names) == "ids");
    CHECK(check_counts(both, "fizz", expected, &names) == "ids");
  }
  SECTION("only the first's dictionary read: the second's documents by their display values") {
    FacetNames names({both});
    CHECK(check_counts(both, "all", expected, &names) == "ids+values");
  }
  SECTION("a dictionary read before it grew: the new ids by display values, then read again") {
    FacetNames names({a, b});
    CHECK(check_counts(both, "all", expected, &names) == "ids");
    add_documents(a, &da, 2500, 2600, expected);  // new ministers, new ids
    a.commit();
    CHECK(check_counts(both, "all", expected, &names) == "ids+values");
    da.save(a, &saved_a);  // what the indexer does before each commit
    a.commit();
    CHECK(check_counts(both, "all", expected, &names) == "ids");  // read again after the miss
  }
}

TEST_CASE("the facet dictionary is kept in the database and continued by the next writer", "[facets]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Expected expected;
  std::string first_ids;
  {
    FacetDictionary dictionary;
    first_ids = dictionary.encode(tagged(FacetId::kCountry, "Japan") + kValueSeparator + tagged(FacetId::kTopic, "nato"));
    size_t saved = 0;
    dictionary.save(db, &saved);
  }
  std::vector<Xapian::WritableDatabase> dbs{db};
  FacetDictionary again(dbs);
  CHECK(again.size() == 2);
  // Same tag, same ids; a new value gets the next one.
  CHECK(again.encode(tagged(FacetId::kCountry, "Japan") + kValueSeparator + tagged(FacetId::kTopic, "nato")) ==
        first_ids);
  std::string ids = again.encode(tagged(FacetId::kCountry, "Finland"));
  REQUIRE(ids.size() == kFacetTagBytes + 1);
  CHECK(ids.compare(0, kFacetTagBytes, first_ids, 0, kFacetTagBytes) == 0);
  CHECK(ids.back() == 2);
  // Another dictionary has another tag.
  FacetDictionary other;
  CHECK(other.encode("").substr(0, kFacetTagBytes) != first_ids.substr(0, kFacetTagBytes));

  // A damaged entry (cut short, a value twice) is continued without
  // shifting ids: a value's id stays its place in the list.
  const std::string tag = first_ids.substr(0, kFacetTagBytes);
  db.set_metadata(std::string(kMetaFacetDictionary),
                  tag + "XCJapan" + kValueSeparator + "XCJapan" + kValueSeparator + "XCFin");
  FacetDictionary damaged(dbs);
  CHECK(damaged.size() == 2);
  std::string sweden = damaged.encode(tagged(FacetId::kCountry, "Sweden"));
  CHECK(sweden == tag + std::string(1, '\x02'));
  size_t saved = 0;
  damaged.save(db, &saved);
  FacetNames names({db});
  const FacetNames::Dictionary* d = names.find(tag);
  REQUIRE(d != nullptr);
  REQUIRE(d->size() == 3);
  CHECK(d->facet(2) == FacetId::kCountry);
  CHECK(d->value(2) == "Sweden");
}

namespace {

// The commit each database folder is at now.
std::vector<Xapian::rev> revisions_of(const std::vector<std::string>& folders) {
  std::vector<Xapian::rev> revisions;
  for (const std::string& f : folders) revisions.push_back(Xapian::Database(f).get_revision());
  return revisions;
}

using test::check_same;

// The ways an index is written: by one writer, by two into shards
// compacted into one database, and as two shards.
struct Layout {
  const char* name;
  size_t jobs, shards;
};
constexpr Layout kLayouts[] = {{"one writer", 1, 0}, {"two writers, compacted", 2, 0}, {"two shards", 2, 2}};

// Options that index `input` into a new database under `root`, laid out as
// `layout`, committing every `batch` documents.
IndexOptions options_for(const Layout& layout, const std::string& root, const std::string& input, size_t batch) {
  IndexOptions options;
  options.db_path = root + "/" + std::to_string(layout.jobs) + "-" + std::to_string(layout.shards);
  options.inputs = {input};
  options.jobs = layout.jobs;
  options.shards = layout.shards;
  options.batch_size = batch;
  return options;
}

}  // namespace

TEST_CASE("an indexed corpus is counted by ids, one database, several writers or shards", "[facets]") {
  const std::string root = fs::temp_directory_path() / ("facet-ids-" + std::to_string(::getpid()));
  fs::remove_all(root);
  for (const Layout& layout : kLayouts) {
    INFO(layout.name);
    // (Many commits, the dictionary growing between them.)
    const IndexOptions options = options_for(layout, root, CORPUS_DIR, 7);
    IndexReport report = sync_index(options, IndexEvents{});
    REQUIRE(report.added > 40);
    Xapian::Database db(options.db_path);
    for (const char* query : {"", "defence", "japan"}) {
      const Xapian::Query q = *query ? Xapian::Query(query) : Xapian::Query::MatchAll;
      FacetCounts by_ids, by_values;
      FacetNames names({db});
      const Xapian::doccount total = by_values.count(db, q, {}, nullptr);
      CHECK(by_ids.count(db, q, {}, &names) == total);
      CHECK(by_ids.method() == "ids");
      CHECK(by_values.method() == "values");
      check_same(by_ids, by_values);
      if (!*query) CHECK(by_ids.distinct(FacetId::kCountry) > 10);
      // Shared between threads, each counting a part of every shard's
      // documents on its own handle: the same counts.
      for (size_t threads : {2, 3}) {
        INFO(threads << " threads");
        const std::vector<std::string> folders = check_stub_cycles(options.db_path);
        CountingHandles more(folders, revisions_of(folders), threads, 0);
        FacetCounts shared;
        CHECK(shared.count(db, q, {}, &names, &more) == total);
        // One database is read from its posting lists, shards by Xapian's
        // matcher; a query that matches most of one database has the rest
        // of its documents read, less the totals.
        const bool most = !layout.shards && total > db.get_doccount() / 5 * 3;
        const std::string how =
            layout.shards ? "ids" : most ? "totals less the rest's ids from posting lists" : "ids from posting lists";
        CHECK(shared.method() == how + " on " + std::to_string(threads) + " threads");
        // Each match's ids by docid from the column the indexer wrote
        // (one database; a spy over shards cannot tell them apart).
        CHECK(shared.by_column() == !layout.shards);
        check_same(shared, by_values);
        // Something else to do meanwhile: done once, while the threads
        // count; the counts the same.
        int ran = 0;
        std::thread::id ran_on;
        CHECK(shared.count(db, q, {}, &names, &more, [&] { ++ran, ran_on = std::this_thread::get_id(); }) == total);
        CHECK(ran == 1);
        CHECK(ran_on == std::this_thread::get_id());
        check_same(shared, by_values);
        // Below `from` matches, one thread (and what is to be done
        // meanwhile done after it).
        CountingHandles few(folders, revisions_of(folders), threads, db.get_doccount() + 1);
        CHECK(shared.count(db, q, {}, &names, &few) == total);
        CHECK(shared.method() == how);
        CHECK(shared.count(db, q, {}, &names, &few, [&] { ++ran; }) == total);
        CHECK(ran == 2);
      }
    }
  }
  fs::remove_all(root);
}

TEST_CASE("handles opened on different commits of an index count on one thread", "[facets]") {
  const std::string root = fs::temp_directory_path() / ("facet-commits-" + std::to_string(::getpid()));
  fs::remove_all(root);
  IndexOptions options;
  options.db_path = root + "/db";
  options.inputs = {CORPUS_DIR};
  options.jobs = 1;
  REQUIRE(sync_index(options, IndexEvents{}).added > 40);
  Xapian::Database db(options.db_path);
  FacetNames names({db});
  FacetCounts alone;
  const Xapian::doccount total = alone.count(db, Xapian::Query::MatchAll, {}, &names);
  CountingHandles more({options.db_path}, {db.get_revision()}, 2, 0);
  more.handle(0);  // opened before the commit below, the second after it
  {
    Xapian::WritableDatabase w(options.db_path, Xapian::DB_OPEN);
    Xapian::Document doc = w.get_document(w.get_lastdocid());
    w.add_document(doc);
    w.commit();
  }
  FacetCounts shared;
  int ran = 0;  // what is to be done meanwhile: once, though the threads' counts were not used
  CHECK(shared.count(db, Xapian::Query::MatchAll, {}, &names, &more, [&] { ++ran; }) == total);  // `db`'s commit
  CHECK(ran == 1);
  CHECK(shared.method() == "totals less the rest's ids from posting lists");  // (the totals of `db`'s commit)
  check_same(shared, alone);
  // Opened afresh for the next count, the handles read a later commit than
  // the search's own: still not used.
  CHECK(shared.count(db, Xapian::Query::MatchAll, {}, &names, &more) == total);
  CHECK(shared.method() == "totals less the rest's ids from posting lists");
  // A search that reads the later commit is counted on the threads, and
  // match by match: that commit, made by another program, has no totals.
  Xapian::Database now(options.db_path);
  CountingHandles later({options.db_path}, {now.get_revision()}, 2, 0);
  CHECK(shared.count(now, Xapian::Query::MatchAll, {}, &names, &later) == total + 1);
  CHECK(shared.method() == "ids from posting lists on 2 threads");
  // A database that cannot be opened any more: counted on the search's own
  // handle.
  CountingHandles gone({options.db_path + "/none"}, {now.get_revision()}, 2, 0);
  CHECK(shared.count(now, Xapian::Query::MatchAll, {}, &names, &gone) == total + 1);
  CHECK(shared.method() == "ids from posting lists");
  fs::remove_all(root);
}

TEST_CASE("the cached stemmer stems as Xapian's, on every thread", "[stemmer]") {
  const std::vector<std::string> words{"threats",  "meeting", "meetings", "cooperation", "defence", "defense",
                                       "hybrid",   "ran",     "running",  "agreed",      "talks",   "häkkänen",
                                       "maritime", "",        "a",        "strengthened"};
  Xapian::Stem plain("english");
  auto check_all = [&](int rounds) {
    Xapian::Stem cached = english_stemmer();
    bool same = true;
    for (int r = 0; r < rounds; ++r)  // the second round comes from the cache
      for (const std::string& w : words) same = same && cached(w) == plain(w);
    return same;
  };
  CHECK(check_all(2));
  bool other_thread = false;
  std::thread t([&] { other_thread = check_all(3); });
  t.join();
  CHECK(other_thread);
}

TEST_CASE("a query's snippet stemmer stems only words that could match its stemmed terms", "[stemmer]") {
  Xapian::Query q(Xapian::Query::OP_AND, Xapian::Query("Zthreat"), Xapian::Query("Zhybrid"));
  q = Xapian::Query(Xapian::Query::OP_OR, q, Xapian::Query("Kihara"));  // unstemmed: no effect
  Xapian::Stem s = stemmer_for(q);
  Xapian::Stem plain("english");
  CHECK(s("threats") == "threat");
  CHECK(s("hybrids") == plain("hybrids"));
  CHECK(s("happily") == plain("happily"));  // 'h' starts a stemmed term
  CHECK(s("meetings") == "meetings");       // no stemmed term starts with 'm'
  CHECK(s("kihara") == "kihara");
  CHECK(s("") == "");
  // Whatever it leaves alone could not have matched: English stems keep
  // the first letter.
  for (const std::string w : {"agreed", "dying", "lying", "skies", "early", "news", "ugly", "running", "yearly"})
    CHECK(plain(w)[0] == w[0]);
}

TEST_CASE("every British spelling in the table finds its American form", "[tokenizer]") {
  const SpellingVariants& v = test::default_rules()->variants;
  size_t rows = 0;
  for (const TsvRow& row : parse_tsv(embedded_data("spelling-variants.tsv"))) {
    if (row.cols.size() < 2) continue;
    ++rows;
    INFO(row.cols[0]);
    CHECK(v.normalise(row.cols[0]) == row.cols[1]);
    CHECK(v.normalise(row.cols[1]) == row.cols[1]);
  }
  CHECK(rows == v.size());
  CHECK(v.normalise("minister") == "minister");
}

namespace {

// The counts of `t` without the ids no document has at the end.
std::vector<Xapian::doccount> trimmed(const FacetTotals& t) {
  std::vector<Xapian::doccount> c = t.counts();
  while (!c.empty() && c.back() == 0) c.pop_back();
  return c;
}

// Whether each database of `folders` keeps totals that describe its last
// commit and equal a count of its documents.
void check_totals(const std::vector<std::string>& folders) {
  for (const std::string& folder : folders) {
    INFO(folder);
    Xapian::Database db(folder);
    const std::optional<FacetTotals> kept = FacetTotals::read(db);
    REQUIRE(kept.has_value());
    CHECK(kept->tag() == db.get_metadata(std::string(kMetaFacetDictionary)).substr(0, kFacetTagBytes));
    CHECK(kept->docs() == db.get_doccount());
    CHECK(trimmed(*kept) == trimmed(FacetTotals::count(db, kept->tag())));
  }
}

// Counted over the rest of the documents, less the totals: what counting
// match by match gives, for queries matching most of the documents.
void check_complement(const std::string& folder) {
  Xapian::Database db(folder);
  FacetNames names({db});
  Xapian::QueryParser parser;
  parser.set_default_op(Xapian::Query::OP_OR);
  Xapian::doccount most_left = 0;  // documents a query did not match, at most
  for (const char* text : {"", "minister OR defence", "minister AND NOT brazil", "the OR a OR and", "defense",
                           "minister AND NOT korea"}) {
    INFO(text);
    const Xapian::Query q = *text ? parser.parse_query(text) : Xapian::Query::MatchAll;
    FacetCounts by_values, by_rest;
    const Xapian::doccount total = by_values.count(db, q, {}, nullptr);
    REQUIRE(total > db.get_doccount() / 5 * 3);
    most_left = std::max(most_left, db.get_doccount() - total);
    for (size_t threads : {1, 2}) {
      CountingHandles more({folder}, {db.get_revision()}, threads, 0);
      CHECK(by_rest.count(db, q, {}, &names, &more) == total);
      CHECK(by_rest.method().rfind("totals less the rest's ids from posting lists", 0) == 0);
      check_same(by_rest, by_values);
    }
  }
  CHECK(most_left >= 5);  // (so that a rest was counted)
}

}  // namespace

TEST_CASE("every commit keeps the totals of each facet value over all documents", "[facets]") {
  const std::string root = fs::temp_directory_path() / ("facet-totals-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const fs::path docs = fs::path(root) / "docs";
  fs::create_directories(docs);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(CORPUS_DIR))
    if (e.path().extension() == ".txt" || e.path().extension() == ".md") {
      fs::copy_file(e.path(), docs / e.path().filename());
      files.push_back(docs / e.path().filename());
    }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 10);
  for (const Layout& layout : kLayouts) {
    INFO(layout.name);
    const IndexOptions options = options_for(layout, root, docs.string(), 5);
    REQUIRE(sync_index(options, IndexEvents{}).added == files.size());
    check_totals(check_stub_cycles(options.db_path));
  }
  // The complement over ids 1 to N without a gap (a first run).
  {
    const IndexOptions first = options_for(kLayouts[0], root, docs.string(), 5);
    REQUIRE(Xapian::Database(first.db_path).get_lastdocid() == Xapian::Database(first.db_path).get_doccount());
    check_complement(first.db_path);
  }
  // Changes to the folder: a file rewritten with other facets, one gone, one
  // new, one that can no longer be read as a briefing (its old document
  // goes); then a document deleted by another program, which leaves the
  // totals describing an older commit: they are counted again.
  const IndexOptions options = options_for(kLayouts[0], root, docs.string(), 5);
  {
    std::ofstream(files[0]) << "Defence Minister Antti Häkkänen of Finland met Brazil's Foreign Minister Mauro "
                               "Vieira in Brasília on 3 March 2025 to discuss cyber security and NATO.\n";
    fs::remove(files[1]);
    std::ofstream(docs / "new.txt") << "Japan's Defense Minister Gen Nakatani met Australia's Richard Marles in "
                                       "Darwin on 5 May 2025; they discussed submarines and AUKUS.\n";
    std::ofstream(files[2], std::ios::binary) << std::string("\0\1\2binary\0", 10);
  }
  IndexReport report = sync_index(options, IndexEvents{});
  CHECK(report.updated == 1);
  CHECK(report.added == 1);
  CHECK(report.removed == 2);
  CHECK(report.failed == 1);
  check_totals({options.db_path});
  {
    Xapian::WritableDatabase w(options.db_path, Xapian::DB_OPEN);
    w.delete_document(w.get_lastdocid());
    w.commit();
  }
  CHECK_FALSE(FacetTotals::read(Xapian::Database(options.db_path)).has_value());
  report = sync_index(options, IndexEvents{});
  CHECK(report.added == 1);  // the document deleted above, put back
  check_totals({options.db_path});
  // ... with ids that now have gaps (documents deleted): the rest is read
  // from the list of every document.
  REQUIRE(Xapian::Database(options.db_path).get_lastdocid() > Xapian::Database(options.db_path).get_doccount());
  check_complement(options.db_path);
  fs::remove_all(root);
}

TEST_CASE("facet totals read back what was written, and nothing from damaged metadata", "[facets]") {
  FacetTotals t("abcd");
  const std::string ids = std::string("abcd") + '\x01' + '\x85' + '\x01' + '\x00';  // ids 1, 133, 0
  t.add(ids);
  t.add(ids);
  t.add(std::string("wxyz") + '\x01');  // another dictionary's: not counted
  t.add(std::string("abcd") + '\x01', -1);
  CHECK(t.docs() == 1);
  REQUIRE(t.counts().size() > 133);
  CHECK(t.counts()[0] == 2);
  CHECK(t.counts()[1] == 1);
  CHECK(t.counts()[133] == 2);
  const std::string value = t.serialise("uuid-1", 7);
  std::string uuid;
  Xapian::rev revision = 0;
  std::optional<FacetTotals> back = FacetTotals::unserialise(value, &uuid, &revision);
  REQUIRE(back.has_value());
  CHECK(uuid == "uuid-1");
  CHECK(revision == 7);
  CHECK(back->tag() == "abcd");
  CHECK(back->docs() == 1);
  CHECK(trimmed(*back) == trimmed(t));
  for (size_t cut = 0; cut < value.size(); ++cut) CHECK_FALSE(FacetTotals::unserialise(value.substr(0, cut)));
  CHECK_FALSE(FacetTotals::unserialise(value + "x"));
  CHECK_FALSE(FacetTotals::unserialise("FT2" + value.substr(3)));
}
