// FacetCounts against counting by hand, over an in-memory database large
// enough that its tables grow many times; the cached stemmer against
// Xapian's; the spelling variants' quick filter against the whole table.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <map>
#include <thread>

#include "data_files.h"
#include "facet_counts.h"
#include "schema.h"
#include "stemmer.h"
#include "test_rules.h"
#include "tokenizer.h"

using namespace briefing;

namespace {

std::string tagged(FacetId f, const std::string& value) { return std::string(facet(f).prefix) + value; }

}  // namespace

TEST_CASE("facet counts are exact over every match, thousands of distinct values included", "[facets]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  // expected[query term][facet][value] = count
  std::map<std::string, std::map<FacetId, std::map<std::string, Xapian::doccount>>> expected;
  for (int i = 0; i < 3000; ++i) {
    Xapian::Document doc;
    std::vector<std::string> terms{"all", i % 3 == 0 ? "fizz" : "other"};
    std::vector<std::pair<FacetId, std::string>> values{
        {FacetId::kCountry, "Country " + std::to_string(i % 7)},
        {FacetId::kCountry, "Land ü" + std::to_string(i % 11)},
        {FacetId::kMinister, "Minister number " + std::to_string(i)},  // all distinct
        {FacetId::kTopic, "t" + std::to_string(i % 2)},
        {FacetId::kRole, ""}};  // empty values are not values
    std::string slot;
    for (const auto& [f, v] : values) {
      if (!slot.empty()) slot += kValueSeparator;
      slot += tagged(f, v);
      if (v.empty()) continue;
      for (const std::string& t : terms) ++expected[t][f][v];
    }
    for (const std::string& t : terms) doc.add_term(t);
    doc.add_value(kSlotFacets, slot);
    db.add_document(doc);
  }
  for (const std::string term : {"all", "fizz"}) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(term));
    FacetCounts counts;
    Xapian::MSet mset = counts.run(enquire, 0, 10, db.get_doccount());
    CHECK(mset.size() == 10);
    for (const Facet& f : kFacets) {
      const auto& want = expected[term][f.id];
      std::vector<FacetCount> got = counts.values(f.id);
      INFO(term << " " << f.name);
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
  }
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
