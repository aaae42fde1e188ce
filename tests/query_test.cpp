#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>
#include <set>

#include "document_codec.h"
#include "errors.h"
#include "extractor.h"
#include "search.h"
#include "test_rules.h"

using namespace briefing;

namespace {

// A small in-memory index of three briefings.
struct Fixture {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Normaliser normaliser{test::default_rules()};

  Fixture() {
    Extractor ex(test::default_rules());
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    add(ex, tg, "a.txt", "Japan and Finland\nOn 12 September 2024 Japan's Defense Minister Minoru Kihara met "
                         "Finnish Defence Minister Antti Häkkänen to discuss hybrid threats and defence technology.");
    add(ex, tg, "b.txt", "Japan and Australia\nOn 3 March 2023 Japan's Defense Minister Minoru Kihara met "
                         "Australian Defence Minister Richard Marles about missile defense and the ROK.");
    add(ex, tg, "c.txt", "Finland alone\nFinland's Minister Antti Häkkänen spoke about cyber security. No date.");
  }
  void add(const Extractor& ex, Xapian::TermGenerator& tg, const std::string& path, const std::string& text) {
    Analysis a = ex.analyse(text, path);
    db.replace_document(id_term(path), build_document(a, SourceFile{path, "1:1", /*store_text=*/true}, normaliser, tg));
  }
  std::set<std::string> paths(SearchRequest r) {
    SearchResult res = run_search(db, r, normaliser);
    std::set<std::string> out;
    for (const SearchHit& h : res.hits) out.insert(h.doc.path);
    return out;
  }
  std::set<std::string> query(const std::string& q) {
    SearchRequest r;
    r.query = q;
    return paths(r);
  }
};

using Paths = std::set<std::string>;

}  // namespace

TEST_CASE("free text: all words must match, accents and spelling folded", "[query]") {
  Fixture f;
  CHECK(f.query("kihara finland") == Paths{"a.txt"});
  CHECK(f.query("Häkkänen") == Paths{"a.txt", "c.txt"});
  CHECK(f.query("hakkanen") == Paths{"a.txt", "c.txt"});
  CHECK(f.query("defence technology") == Paths{"a.txt"});
  CHECK(f.query("missile defence") == Paths{"b.txt"});
  CHECK(f.query("kihara OR cyber") == Paths{"a.txt", "b.txt", "c.txt"});
  CHECK(f.query("kihara NOT marles") == Paths{"a.txt"});
  CHECK(f.query("\"hybrid threats\"") == Paths{"a.txt"});
  CHECK(f.query("") == Paths{"a.txt", "b.txt", "c.txt"});
}

TEST_CASE("field prefixes: repeated fields AND, OR when written", "[query]") {
  Fixture f;
  CHECK(f.query("country:japan country:finland") == Paths{"a.txt"});
  CHECK(f.query("country:japan OR country:finland") == Paths{"a.txt", "b.txt", "c.txt"});
  CHECK(f.query("country:ROK") == Paths{"b.txt"});
  CHECK(f.query("country:\"south korea\"") == Paths{"b.txt"});
  CHECK(f.query("minister:hakkanen") == Paths{"a.txt", "c.txt"});
  CHECK(f.query("minister:\"Antti Häkkänen\" topic:\"hybrid threats\"") == Paths{"a.txt"});
  CHECK(f.query("NOT country:australia") == Paths{"a.txt", "c.txt"});
  CHECK(f.query("country:narnia").empty());
  CHECK(f.query("title:alone") == Paths{"c.txt"});
}

TEST_CASE("filter flags: repeated AND, commas OR", "[query]") {
  Fixture f;
  SearchRequest both;
  both.filters = {Filter{FacetId::kCountry, {"japan"}}, Filter{FacetId::kCountry, {"finland"}}};
  CHECK(f.paths(both) == Paths{"a.txt"});
  SearchRequest either;
  either.filters = {Filter{FacetId::kCountry, {"australia", "finland"}}};
  CHECK(f.paths(either) == Paths{"a.txt", "b.txt", "c.txt"});
  SearchRequest party;
  party.filters = {Filter{FacetId::kParty, {"Australia"}}};
  CHECK(f.paths(party) == Paths{"b.txt"});
}

TEST_CASE("dates: flags and query ranges at each precision; undated left out", "[query]") {
  Fixture f;
  SearchRequest since;
  since.since = "2024";
  CHECK(f.paths(since) == Paths{"a.txt"});
  SearchRequest until;
  until.until = "2023-03";
  CHECK(f.paths(until) == Paths{"b.txt"});
  SearchRequest day;
  day.since = "2023-03-03";
  day.until = "2023-03-03";
  CHECK(f.paths(day) == Paths{"b.txt"});
  CHECK(f.query("date:2024") == Paths{"a.txt"});
  CHECK(f.query("date:2023-01..2024-12") == Paths{"a.txt", "b.txt"});
  CHECK(f.query("date:..2023") == Paths{"b.txt"});
  SearchRequest bad;
  bad.since = "2024-13-45";
  CHECK_THROWS_AS(f.paths(bad), Error);
  CHECK_THROWS_AS(f.query("date:yesterday"), Error);
}

TEST_CASE("malformed queries give an error, not a crash", "[query]") {
  Fixture f;
  for (const char* q : {"(japan", "japan AND", "\"unclosed phrase"}) {
    INFO(q);
    try {
      f.query(q);  // Xapian may repair some of these: then a result is fine
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find("bad query") != std::string::npos);
    }
  }
}

TEST_CASE("facet counts are exact and split multi-valued slots", "[query]") {
  Fixture f;
  SearchResult r = run_search(f.db, SearchRequest{}, f.normaliser);
  CHECK(r.total == 3);
  for (const auto& [facet, counts, distinct] : r.facets) {
    if (facet->id != FacetId::kCountry) continue;
    auto count = [&](const std::string& v) {
      for (const FacetCount& c : counts)
        if (c.value == v) return c.count;
      return Xapian::doccount(0);
    };
    CHECK(count("Japan") == 2);
    CHECK(count("Finland") == 2);
    CHECK(count("Australia") == 1);
    CHECK(count("South Korea") == 1);
    CHECK(counts.front().count >= counts.back().count);
  }
}

TEST_CASE("snippets highlight matches in the text as written", "[query]") {
  Fixture f;
  SearchRequest r;
  r.query = "hakkanen";
  SearchResult res = run_search(f.db, r, f.normaliser);
  REQUIRE(!res.hits.empty());
  bool found = false;
  for (const auto& p : res.hits[0].snippet.pieces)
    if (p.match && p.text == "Häkkänen") found = true;
  CHECK(found);
}
