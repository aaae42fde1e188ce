// Search features over a small on-disk index: sorting, negative and role
// filters, multi-select counts, timelines, spelling, synonyms, similar
// briefings, the meeting graph and facet value lists.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "document_codec.h"
#include "errors.h"
#include "extractor.h"
#include "output.h"
#include "search.h"
#include "synonyms.h"
#include "test_rules.h"

using namespace briefing;
namespace fs = std::filesystem;

namespace {

struct Index {
  fs::path dir;
  Normaliser normaliser{test::default_rules()};
  Xapian::Database db;

  Index() {
    char tmpl[] = "/tmp/briefing-search-test-XXXXXX";
    dir = mkdtemp(tmpl);
    Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_CREATE);
    Extractor ex(test::default_rules());
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_database(w);
    tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    auto add = [&](const std::string& path, const std::string& text) {
      Analysis a = ex.analyse(text, path);
      w.replace_document(id_term(path), build_document(a, SourceFile{path, "1:1"}, normaliser, tg));
    };
    add("/a.txt", "Japan and Finland\nOn 12 September 2024 Japan's Defense Minister Minoru Kihara met Finnish "
                  "Defence Minister Antti Häkkänen about hybrid threats and defence technology cooperation.");
    add("/b.txt", "Japan and Australia\nOn 3 March 2023 Japan's Defense Minister Minoru Kihara met Australian "
                  "Defence Minister Richard Marles about submarines, missile defence and the Republic of Korea.");
    add("/c.txt", "Finland and Sweden\nOn 20 March 2023 Finnish Foreign Minister Elina Valtonen met Swedish "
                  "Foreign Minister Tobias Billström about hybrid threats in the Baltic.");
    add("/d.txt", "Undated note\nMinister Kihara spoke about Britain and submarines.");
    write_synonyms(w, normaliser);
    w.commit();
    db = Xapian::Database((dir / "db").string());
  }
  ~Index() { fs::remove_all(dir); }

  SearchResult search(SearchRequest r) { return run_search(db, r, normaliser); }
  std::vector<std::string> paths(SearchRequest r) {
    std::vector<std::string> out;
    for (const SearchHit& h : search(r).hits) out.push_back(h.doc.path);
    return out;
  }
  static Xapian::doccount count(const SearchResult& r, FacetId f, const std::string& value) {
    for (const auto& [facet, counts] : r.facets)
      if (facet->id == f)
        for (const FacetCount& c : counts)
          if (c.value == value) return c.count;
    return 0;
  }
};

SearchRequest with_query(const std::string& q) {
  SearchRequest r;
  r.query = q;
  return r;
}

}  // namespace

TEST_CASE("sort orders, ties broken by date then path", "[search]") {
  Index ix;
  SearchRequest r;
  r.sort = SortOrder::kNewest;
  CHECK(ix.paths(r) == std::vector<std::string>{"/a.txt", "/c.txt", "/b.txt", "/d.txt"});
  r.sort = SortOrder::kOldest;
  CHECK(ix.paths(r) == std::vector<std::string>{"/b.txt", "/c.txt", "/a.txt", "/d.txt"});
  r.sort = SortOrder::kRelevance;  // no words: all score alike, newest first
  CHECK(ix.paths(r) == std::vector<std::string>{"/a.txt", "/c.txt", "/b.txt", "/d.txt"});
}

TEST_CASE("negative and role filters", "[search]") {
  Index ix;
  SearchRequest r;
  r.filters = {Filter{FacetId::kCountry, {"japan"}, true}};
  CHECK(ix.paths(r) == std::vector<std::string>{"/c.txt"});  // d.txt: Minister Kihara is Japan's
  SearchRequest role;
  role.filters = {Filter{FacetId::kRole, {"minister for foreign affairs"}}};
  CHECK(ix.paths(role) == std::vector<std::string>{"/c.txt"});
  // d.txt's "Minister Kihara" is Japan's Defense Minister (knowledge base).
  CHECK(ix.paths(with_query("role:\"defence minister\" NOT minister:marles")) ==
        std::vector<std::string>{"/a.txt", "/d.txt"});
}

TEST_CASE("drill-down and multi-select facet counts", "[search]") {
  Index ix;
  SearchRequest r;
  r.filters = {Filter{FacetId::kCountry, {"australia"}}};
  SearchResult drill = ix.search(r);
  CHECK(drill.total == 1);
  CHECK(Index::count(drill, FacetId::kCountry, "Finland") == 0);
  r.multi_select = true;
  SearchResult multi = ix.search(r);
  CHECK(multi.total == 1);
  CHECK(Index::count(multi, FacetId::kCountry, "Finland") == 2);  // its own selection left out
  CHECK(Index::count(multi, FacetId::kMinister, "Richard Marles") == 1);  // other facets still filtered
  CHECK(Index::count(multi, FacetId::kMinister, "Elina Valtonen") == 0);
}

TEST_CASE("date filters say how many undated briefings they leave out", "[search]") {
  Index ix;
  SearchRequest r;
  r.since = "2023";
  SearchResult res = ix.search(r);
  CHECK(res.total == 3);
  CHECK(res.undated_excluded == 1);
}

TEST_CASE("timeline by year and month, empty periods included", "[search]") {
  Index ix;
  SearchRequest r;
  r.timeline = "month";
  SearchResult res = ix.search(r);
  REQUIRE(res.timeline.size() == 19);  // 2023-03 .. 2024-09
  CHECK(res.timeline.front().period == "2023-03");
  CHECK(res.timeline.front().count == 2);
  CHECK(res.timeline[1].count == 0);
  CHECK(res.timeline.back().period == "2024-09");
  r.timeline = "year";
  res = ix.search(r);
  REQUIRE(res.timeline.size() == 2);
  CHECK(res.timeline[0].period == "2023");
  CHECK(res.timeline[0].count == 2);
}

TEST_CASE("spelling suggestions come from the index", "[search]") {
  Index ix;
  SearchResult res = ix.search(with_query("hybird"));
  CHECK(res.total == 0);
  CHECK(res.suggestion == "hybrid");
  CHECK(ix.search(with_query("hybrid")).suggestion.empty());
  CHECK(ix.search(with_query("south korea")).suggestion.empty());  // words that match get none
}

TEST_CASE("aliases in free text find every name of a country", "[search]") {
  Index ix;
  CHECK(ix.paths(with_query("ROK")) == std::vector<std::string>{"/b.txt"});
  CHECK(ix.paths(with_query("south korea")) == std::vector<std::string>{"/b.txt"});
  CHECK(ix.paths(with_query("\"United Kingdom\"")).empty());  // phrases stay literal
  CHECK(ix.paths(with_query("united kingdom")) == std::vector<std::string>{"/d.txt"});
}

TEST_CASE("similar briefings exclude the briefing itself", "[search]") {
  Index ix;
  SearchRequest r;
  r.similar = "/a.txt";
  std::vector<std::string> got = ix.paths(r);
  REQUIRE(!got.empty());
  CHECK(std::find(got.begin(), got.end(), "/a.txt") == got.end());
  r.similar = "/nowhere.txt";
  CHECK_THROWS_AS(ix.search(r), Error);
}

TEST_CASE("meeting graph: ministers and who met whom", "[search]") {
  Index ix;
  SearchRequest r;
  r.graph = true;
  r.filters = {Filter{FacetId::kMinister, {"kihara"}}};
  MeetingGraph g = ix.search(r).graph;
  std::set<std::string> names;
  for (const auto& n : g.nodes) names.insert(n.name);
  // d.txt names only "Minister Kihara": the one known minister of that
  // name, so the same node.
  CHECK(names == std::set<std::string>{"Minoru Kihara", "Antti Häkkänen", "Richard Marles"});
  REQUIRE(g.edges.size() == 2);
  std::ostringstream dot;
  print_dot(dot, g);
  CHECK(dot.str().find("graph ministers {") == 0);
  CHECK(dot.str().find("label=\"Minoru Kihara\\nJapan\"") != std::string::npos);
}

TEST_CASE("facet value lists with accent-insensitive matching", "[search]") {
  Index ix;
  auto values = list_facet(ix.db, SearchRequest{}, facet(FacetId::kMinister), "HAKK", ix.normaliser);
  REQUIRE(values.size() == 1);
  CHECK(values[0].value == "Antti Häkkänen");
  CHECK(values[0].count == 1);
  auto all = list_facet(ix.db, SearchRequest{}, facet(FacetId::kCountry), "", ix.normaliser);
  REQUIRE(!all.empty());
  CHECK(all[0].value == "Japan");
  CHECK(all[0].count == 3);
  CHECK(all[1].value == "Finland");
}
