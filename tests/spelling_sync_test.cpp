// The spelling data made from the words a database holds (spelling_sync.h),
// and the indexer keeping it so as files change and go.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <unistd.h>

#include "index_sync.h"
#include "schema.h"
#include "spelling_sync.h"

namespace fs = std::filesystem;
using namespace briefing;

namespace {

struct TempFolder {
  fs::path path = fs::temp_directory_path() / ("spelling-sync-" + std::to_string(::getpid()));
  TempFolder() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempFolder() { fs::remove_all(path); }
};

std::map<std::string, Xapian::termcount> spelling_of(const Xapian::Database& db) {
  std::map<std::string, Xapian::termcount> words;
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) words[*w] = w.get_termfreq();
  return words;
}

// What the spelling data should be: each unprefixed word that is not a
// number, with the documents that have it.
std::map<std::string, Xapian::termcount> words_of(const Xapian::Database& db) {
  std::map<std::string, Xapian::termcount> words;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t)
    if (is_spelling_word(*t)) words[*t] = t.get_termfreq();
  return words;
}

Xapian::Document doc_of(std::initializer_list<const char*> terms) {
  Xapian::Document doc;
  for (const char* t : terms) doc.add_term(t);
  return doc;
}

}  // namespace

TEST_CASE("the spelling data is made to match the words of the documents, a few changes at a time", "[spelling]") {
  TempFolder t;
  Xapian::WritableDatabase db((t.path / "db").string(), Xapian::DB_CREATE);
  db.add_document(doc_of({"alpha", "beta", "Zalpha", "XCJapan", "2024", "b52", "éclair"}));
  db.add_document(doc_of({"alpha", "gamma", "Sgamma", "delta"}));
  db.add_document(doc_of({"delta", "zulu"}));
  // Spelling data that is wrong in every way: too high, too low, a word no
  // document has, a prefixed term and a number.
  db.add_spelling("alpha", 7);
  db.add_spelling("gamma", 1);
  db.add_spelling("omega", 3);
  db.commit();
  for (size_t chunk : {1, 2, 3, 20000}) {
    INFO("changes per commit: " << chunk);
    sync_spelling(db, chunk);
    const auto want = words_of(db);
    CHECK(spelling_of(db) == want);
    CHECK(want.at("alpha") == 2);
    CHECK(want.count("b52") == 1);
    CHECK(want.count("éclair") == 1);
    CHECK(want.count("2024") == 0);
    CHECK(want.count("omega") == 0);
    CHECK(sync_spelling(db, chunk) == 0);  // nothing left to change
    db.add_spelling("omega", 2);           // out of step again for the next round
    db.remove_spelling("delta", 1);
    db.commit();
  }
  // A document deleted: its words leave the data, or count one less.
  db.delete_document(3);
  sync_spelling(db);
  CHECK(spelling_of(db).count("zulu") == 0);
  CHECK(spelling_of(db).at("delta") == 1);
  CHECK(spelling_of(db) == words_of(db));
}

TEST_CASE("a very long document gives the spelling data only its most frequent words, however it is synced",
          "[spelling]") {
  TempFolder t;
  Xapian::WritableDatabase db((t.path / "db").string(), Xapian::DB_CREATE);
  Xapian::Document big;
  for (size_t i = 0; i < kMaxSpellingWords; ++i) big.add_term("often" + std::to_string(i), 3);
  for (size_t i = 0; i < 500; ++i) big.add_term("once" + std::to_string(i), 1);
  big.add_term("shared", 1);
  limit_spelling_words(big);
  CHECK(big.termlist_count() == kMaxSpellingWords + 502);  // the limit's own term added
  db.add_document(big);
  Xapian::Document small = doc_of({"shared", "once7"});
  limit_spelling_words(small);
  CHECK(small.termlist_count() == 2);  // a short document has no limit
  db.add_document(small);
  sync_spelling(db, 5000);
  const auto words = spelling_of(db);
  CHECK(words.size() == kMaxSpellingWords + 2);
  CHECK(words.at("often0") == 1);
  CHECK(words.at("shared") == 1);  // from the short document only
  CHECK(words.at("once7") == 1);   // likewise
  CHECK(words.count("once8") == 0);
}

TEST_CASE("a very long document of words all as frequent gives the spelling data as many as the limit",
          "[spelling]") {
  TempFolder t;
  Xapian::WritableDatabase db((t.path / "db").string(), Xapian::DB_CREATE);
  Xapian::Document big;
  for (size_t i = 0; i < kMaxSpellingWords + 700; ++i) big.add_term("w" + std::to_string(100000 + i), 2);
  big.add_term("zeta", 5);
  limit_spelling_words(big);
  db.add_document(big);
  sync_spelling(db, 7000);
  const auto words = spelling_of(db);
  CHECK(words.size() == kMaxSpellingWords);
  CHECK(words.count("zeta") == 1);  // the most frequent
  CHECK(words.count("w100000") == 1);  // then the first in term order
  CHECK(words.count("w" + std::to_string(100000 + kMaxSpellingWords - 1)) == 0);
}

TEST_CASE("the indexer's spelling data follows files that change and go", "[spelling]") {
  TempFolder t;
  const fs::path docs = t.path / "docs";
  fs::create_directories(docs);
  auto write = [&](const std::string& name, const std::string& text) { std::ofstream(docs / name) << text; };
  write("a.txt", "Talks in Oslo\n\nOfficials discussed the quokkaplan and the walrusdeal on 3 March 2024.\n");
  write("b.txt", "Talks in Rome\n\nOfficials discussed the walrusdeal on 4 March 2024.\n");
  IndexOptions options;
  options.db_path = (t.path / "db").string();
  options.inputs = {docs.string()};
  for (size_t jobs : {1, 2}) {
    INFO("jobs: " << jobs);
    fs::remove_all(options.db_path);
    options.jobs = jobs;
    REQUIRE(sync_index(options, IndexEvents{}).added == 2);
    {
      Xapian::Database db(options.db_path);
      CHECK(spelling_of(db) == words_of(db));
      CHECK(spelling_of(db).at("walrusdeal") == 2);
      CHECK(db.get_metadata(std::string(kMetaSpellingStale)).empty());
    }
    fs::remove(docs / "a.txt");
    write("b.txt", "Talks in Rome\n\nOfficials discussed the narwhalpact on 4 March 2024.\n");
    IndexReport report = sync_index(options, IndexEvents{});
    CHECK(report.removed == 1);
    CHECK(report.updated == 1);
    {
      Xapian::Database db(options.db_path);
      CHECK(spelling_of(db) == words_of(db));
      CHECK(spelling_of(db).count("quokkaplan") == 0);
      CHECK(spelling_of(db).count("walrusdeal") == 0);
      CHECK(spelling_of(db).at("narwhalpact") == 1);
    }
    // A run cut short (the mark left) is made good by the next, even with
    // nothing changed.
    {
      Xapian::WritableDatabase w(options.db_path, Xapian::DB_OPEN);
      w.add_spelling("stalewordx", 4);
      w.set_metadata(std::string(kMetaSpellingStale), "1");
      w.commit();
    }
    report = sync_index(options, IndexEvents{});
    CHECK(report.unchanged == 1);
    Xapian::Database db(options.db_path);
    CHECK(spelling_of(db) == words_of(db));
    CHECK(db.get_metadata(std::string(kMetaSpellingStale)).empty());
    write("a.txt", "Talks in Oslo\n\nOfficials discussed the quokkaplan and the walrusdeal on 3 March 2024.\n");
    write("b.txt", "Talks in Rome\n\nOfficials discussed the walrusdeal on 4 March 2024.\n");
  }
}
