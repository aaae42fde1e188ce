// Search features over a small on-disk index: sorting, negative and role
// filters, multi-select counts, timelines, spelling, synonyms, similar
// briefings, the meeting graph and facet value lists.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "document_codec.h"
#include "errors.h"
#include "extractor.h"
#include "output.h"
#include "query_builder.h"
#include "search.h"
#include "synonyms.h"
#include "test_rules.h"

using namespace briefing;
namespace fs = std::filesystem;

namespace {

// A new folder under /tmp (mkdtemp), removed with everything in it.
struct TempFolder {
  fs::path path;
  explicit TempFolder(std::string pattern) : path(mkdtemp(pattern.data())) {}
  ~TempFolder() { fs::remove_all(path); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
};


// Adds briefings to a database as the indexer does: extraction, the
// English stemmer, and with `spelling` the spelling data.
struct Adder {
  Xapian::WritableDatabase& db;
  const Normaliser& normaliser;
  Extractor ex{test::default_rules()};
  Xapian::TermGenerator tg;
  Adder(Xapian::WritableDatabase& d, const Normaliser& n, bool spelling = false) : db(d), normaliser(n) {
    tg.set_stemmer(Xapian::Stem("english"));
    if (!spelling) return;
    tg.set_database(d);
    tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  }
  void operator()(const std::string& path, const std::string& text) {
    Analysis a = ex.analyse(text, path);
    db.replace_document(id_term(path), build_document(a, SourceFile{path, "1:1"}, normaliser, tg));
  }
};

struct Index {
  fs::path dir;
  Normaliser normaliser{test::default_rules()};
  Xapian::Database db;

  Index() {
    char tmpl[] = "/tmp/briefing-search-test-XXXXXX";
    dir = mkdtemp(tmpl);
    Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_CREATE);
    Adder add(w, normaliser, /*spelling=*/true);
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
    for (const auto& [facet, counts, distinct] : r.facets)
      if (facet->id == f)
        for (const FacetCount& c : counts)
          if (c.value == value) return c.count;
    return 0;
  }
};

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

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

TEST_CASE("pages in relevance order equal Xapian's own tie-break, ties at the page ends included", "[search]") {
  // Groups of equal scores (the same text), dates and paths in no order
  // docids follow: every page is checked against one exact ordering.
  char tmpl[] = "/tmp/briefing-search-ties-XXXXXX";
  const fs::path dir = mkdtemp(tmpl);
  Normaliser normaliser{test::default_rules()};
  {
    Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_CREATE);
    Extractor ex(test::default_rules());
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    for (int i = 0; i < 36; ++i) {
      const int copies = 1 + (i * 7) % 3;  // three groups of equal scores
      std::string text = "Briefing\nOn " + std::to_string(1 + (i * 5) % 28) + " March " +
                         std::to_string(2020 + (i * 11) % 4) + " the ministers met.";
      for (int c = 0; c < copies; ++c) text += " Frigates and submarines.";
      if (i % 9 == 4) text = "Undated\nFrigates and submarines.";  // undated ties: by path hash
      const std::string path = "/t/" + std::to_string((i * 13) % 36) + ".txt";
      Analysis a = ex.analyse(text, path);
      w.replace_document(id_term(path), build_document(a, SourceFile{path, "1:1"}, normaliser, tg));
    }
    w.commit();
  }
  Xapian::Database db((dir / "db").string());
  for (const std::string query : {"frigates", "frigates OR submarines", ""}) {
    SearchRequest r;
    r.query = query;
    r.snippet_bytes = 0;
    Xapian::Enquire exact(db);
    exact.set_query(QueryBuilder(db, normaliser).build(r).query);
    exact.set_weighting_scheme(Xapian::BM25Weight());
    exact.set_sort_by_relevance_then_value(kSlotNewestFirst, false);
    std::vector<std::string> expected;
    for (auto it = exact.get_mset(0, 100).begin(); it != exact.get_mset(0, 100).end(); ++it)
      expected.push_back(read_document(it.get_document()).path);
    REQUIRE(expected.size() == 36);
    for (size_t offset = 0; offset <= 36; ++offset)
      for (size_t limit : {1, 2, 5, 11, 0}) {
        r.offset = offset;
        r.limit = limit;
        std::vector<std::string> got;
        for (const SearchHit& h : run_search(db, r, normaliser).hits) got.push_back(h.doc.path);
        const size_t end = limit == 0 ? 36 : std::min<size_t>(36, offset + limit);
        INFO("query '" << query << "' offset " << offset << " limit " << limit);
        CHECK(got == std::vector<std::string>(expected.begin() + std::min<size_t>(offset, 36), expected.begin() + end));
      }
  }
  fs::remove_all(dir);
}

TEST_CASE("without facets the total is exact, counted from the posting lists of one local database", "[search]") {
  Index ix;
  {  // a gap in the docids
    Xapian::WritableDatabase w((ix.dir / "db").string());
    w.delete_document(id_term("/c.txt"));
    w.commit();
  }
  Xapian::Database db((ix.dir / "db").string());
  CountingHandles more({(ix.dir / "db").string()}, {db.get_revision()}, 1);
  for (const std::string query : {"", "submarines", "hybrid threats", "japan OR sweden", "minister NOT kihara",
                                  "\"missile defence\"", "country:japan", "kihara country:finland", "nothing"}) {
    INFO("query '" << query << "'");
    SearchRequest r = with_query(query);
    const SearchResult counted = run_search(db, r, ix.normaliser, nullptr, &more);
    r.facets = false;
    const SearchResult fast = run_search(db, r, ix.normaliser, nullptr, &more);
    const SearchResult matcher = run_search(db, r, ix.normaliser);  // no handles: Xapian's matcher counts
    CHECK(fast.total == counted.total);
    CHECK(matcher.total == counted.total);
    std::vector<std::string> a, b;
    for (const SearchHit& h : counted.hits) a.push_back(h.doc.path);
    for (const SearchHit& h : fast.hits) b.push_back(h.doc.path);
    CHECK(a == b);
    CHECK(fast.facets.empty());
  }
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

TEST_CASE("writing the synonyms again replaces the old set", "[search]") {
  TempFolder tmp("/tmp/briefing-synonyms-test-XXXXXX");
  const fs::path& dir = tmp.path;
  Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_CREATE);  // InMemory has no synonyms
  w.add_synonym("zzoldalias", "XCNowhere");
  w.add_synonym("rok", "XCNowhere");
  write_synonyms(w, Normaliser(test::default_rules()));
  CHECK(w.synonyms_begin("zzoldalias") == w.synonyms_end("zzoldalias"));
  std::set<std::string> rok(w.synonyms_begin("rok"), w.synonyms_end("rok"));
  CHECK(rok.count("XCNowhere") == 0);
  CHECK(rok.size() == 1);
  // Twice in a row: the same set.
  std::vector<std::string> keys(w.synonym_keys_begin(), w.synonym_keys_end());
  write_synonyms(w, Normaliser(test::default_rules()));
  CHECK(std::vector<std::string>(w.synonym_keys_begin(), w.synonym_keys_end()) == keys);
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

TEST_CASE("JSON output: every string written as nlohmann writes it", "[search][output]") {
  // Facet values and titles that need no escaping, that need it, and
  // bytes that are not UTF-8 (nlohmann writes U+FFFD for them).
  const std::vector<std::string> values = {"Japan", "Häkkänen", "Søreide", "日本", "a \"quoted\" name",
                                           "back\\slash", "tab\there", "line\nbreak", "del\x7f",
                                           "bad \xff byte", "cut \xc3", "emoji \xf0\x9f\x98\x80", ""};
  SearchResult r;
  r.query = "q \"x\" \xc3\xa9";
  r.total = 1;
  SearchHit hit;
  hit.rank = 1;
  hit.score = 0.125;
  hit.doc.path = "/p/Häkkänen \"1\".txt";
  hit.doc.briefing.title = "bad \xfe title";
  hit.doc.briefing.countries = values;
  hit.doc.briefing.ministers = {{"Antti Häkkänen", "Minister of Defence", "Finland", ""}, {"Someone \"X\"", "", "", ""}};
  hit.snippet.pieces = {{"before <tag> & \"q\" ", false}, {"Häkkänen", true}, {" after\x01", false}};
  hit.snippet.cut_start = true;
  r.hits.push_back(hit);
  hit.rank = 2;
  hit.score = 1e-7;
  hit.doc.briefing = Briefing{};
  hit.snippet = Snippet{};
  r.hits.push_back(hit);
  std::vector<FacetCount> counts;
  for (size_t i = 0; i < values.size(); ++i) counts.push_back({values[i], static_cast<Xapian::doccount>(i + 1)});
  for (const Facet& f : kFacets) r.facets.push_back({&f, counts, counts.size()});
  OutputOptions o;
  using nlohmann::ordered_json;
  auto same_as_nlohmann = [](const std::string& text, int indent) {
    const ordered_json parsed = ordered_json::parse(text);  // throws if not JSON
    CHECK(parsed.dump(indent, ' ', false, ordered_json::error_handler_t::replace) == text);
    return parsed;
  };
  std::ostringstream one_line;
  print_jsonl_summary(one_line, r, o);
  std::string line = one_line.str();
  REQUIRE(!line.empty());
  line.pop_back();  // the newline
  const ordered_json j = same_as_nlohmann(line, -1);
  CHECK(j["facets"]["country"][1]["value"] == "Häkkänen");
  CHECK(j["facets"]["country"][9]["value"] == "bad \xef\xbf\xbd byte");
  std::ostringstream lines;
  print_jsonl(lines, r, o);
  std::istringstream each(lines.str());
  size_t n = 0;
  for (std::string l; std::getline(each, l); ++n) same_as_nlohmann(l, -1);
  CHECK(n == r.hits.size() + 1);
  std::ostringstream pretty;
  print_json(pretty, r, o);
  std::string text = pretty.str();
  text.pop_back();
  same_as_nlohmann(text, 2);
}

TEST_CASE("a document reads back as it was written, and foreign data is refused", "[search]") {
  Normaliser normaliser(test::default_rules());
  Extractor ex(test::default_rules());
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  const std::string text =
      "---\ntitle: \"Talks \\\"in\\\" Tokyo\"\nsource: MOD\n---\nOn 12 September 2024 Japan's Defense Minister "
      "Minoru Kihara met Finnish Defence Minister Antti Häkkänen about hybrid threats and NATO.\n";
  Analysis a = ex.analyse(text, "x.txt");
  Xapian::Document doc = build_document(a, SourceFile{"/dir/x \"1\".txt", "1:1", /*store_text=*/true}, normaliser, tg);
  StoredBriefing s = read_document(doc);
  CHECK(s.path == "/dir/x \"1\".txt");
  CHECK(s.text == a.body);
  const Briefing& b = s.briefing;
  CHECK(b.title == a.briefing.title);
  CHECK(b.title == "Talks \"in\" Tokyo");
  CHECK(b.date == "2024-09-12");
  CHECK(b.source == "MOD");
  CHECK(b.countries == a.briefing.countries);
  CHECK(b.parties == a.briefing.parties);
  CHECK(b.topics == a.briefing.topics);
  CHECK(b.organisations == a.briefing.organisations);
  REQUIRE(b.ministers.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(b.ministers[i].name == a.briefing.ministers[i].name);
    CHECK(b.ministers[i].role == a.briefing.ministers[i].role);
    CHECK(b.ministers[i].country == a.briefing.ministers[i].country);
  }
  CHECK(b.ministers[1].name == "Antti Häkkänen");

  // The path is kept once, in the data: the sort keys hold the date and 8
  // bytes of the path's hash, the signature 16 bytes of a hash.
  for (Xapian::valueno slot : {kSlotOldestFirst, kSlotNewestFirst}) {
    CHECK(doc.get_value(slot).size() == 16);
    CHECK(doc.get_value(slot).find("/dir/") == std::string::npos);
    CHECK(doc.get_value(slot).substr(8) == path_key("/dir/x \"1\".txt"));
  }
  CHECK(doc.get_value(kSlotOldestFirst).substr(0, 8) == "20240912");
  CHECK(doc.get_value(kSlotNewestFirst).substr(0, 8) == std::to_string(99999999 - 20240912));
  CHECK(doc.get_value(kSlotSignature) == signature_key("1:1"));
  CHECK(signature_key("1:1").size() == 16);
  CHECK(signature_key("1:1") != signature_key("1:2"));
  CHECK(path_key("/a/b.txt") != path_key("/a/c.txt"));

  // A path that is not UTF-8 comes back byte for byte.
  const std::string latin1 = "/dir/caf\xE9.txt";
  CHECK(read_document(build_document(a, SourceFile{latin1, "1:1"}, normaliser, tg)).path == latin1);

  for (const char* data : {"", "not json", "[1, 2]", "\"text\"", "{\"path\": \"/a\""}) {
    INFO(data);
    Xapian::Document foreign;
    foreign.set_data(data);
    CHECK_THROWS_WITH(read_document(foreign), Catch::Contains("not written by this indexer"));
  }
}

TEST_CASE("a minister is found by every form of the name the knowledge base knows", "[search]") {
  char tmpl[] = "/tmp/briefing-search-test-XXXXXX";
  fs::path dir = mkdtemp(tmpl);
  {
    Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_CREATE);
    Normaliser normaliser(test::default_rules());
    Adder add(w, normaliser);
    // Japanese order, an alias with "Jr." left out, an initial: as written.
    add("/quad.txt", "The Foreign Ministers met. Kamikawa Yoko and Dr. S. Jaishankar spoke on 29 July 2024.");
    add("/manila.txt", "Philippine Defence Secretary Gilberto Teodoro and Japanese Foreign Minister Yoko Kamikawa met.");
    add("/press.txt", "U.S. Defense Secretary Pete Hegseth met Defense Secretary Gilberto Teodoro Jr. in Manila.");
    add("/asuncion.txt", "Paraguayan Foreign Minister Rubén Ramírez Lezcano received Minister Lin.");
    w.commit();
  }
  Xapian::Database db((dir / "db").string());
  // The searcher's rules: no extraction matchers, the same keys for names.
  RulesOptions searching;
  searching.extraction = false;
  Normaliser normaliser(Rules::load(searching));
  auto paths = [&](const std::string& minister) {
    SearchRequest r;
    r.filters = {Filter{FacetId::kMinister, {minister}}};
    std::set<std::string> out;
    for (const SearchHit& h : run_search(db, r, normaliser).hits) out.insert(h.doc.path);
    return out;
  };
  using Paths = std::set<std::string>;
  for (const char* name : {"kamikawa", "Yoko Kamikawa", "Kamikawa Yoko", "Yōko Kamikawa"}) {
    INFO(name);
    CHECK(paths(name) == Paths{"/quad.txt", "/manila.txt"});
  }
  for (const char* name : {"teodoro", "Gilberto Teodoro", "Gilberto Teodoro Jr.", "Gilberto C. Teodoro Jr."}) {
    INFO(name);
    CHECK(paths(name) == Paths{"/manila.txt", "/press.txt"});
  }
  for (const char* name : {"jaishankar", "S. Jaishankar", "Subrahmanyam Jaishankar", "Dr. S. Jaishankar"}) {
    INFO(name);
    CHECK(paths(name) == Paths{"/quad.txt"});
  }
  // A compound surname: by either part, or both.
  for (const char* name : {"Ramírez", "lezcano", "Ramírez Lezcano", "Rubén Ramírez Lezcano", "Ruben Lezcano"}) {
    INFO(name);
    CHECK(paths(name) == Paths{"/asuncion.txt"});
  }
  // Names are still shown as written.
  SearchRequest all;
  all.limit = 10;
  std::set<std::string> shown;
  for (const SearchHit& h : run_search(db, all, normaliser).hits)
    for (const Minister& m : h.doc.briefing.ministers) shown.insert(m.name);
  CHECK(shown.count("Kamikawa Yoko") == 1);
  CHECK(shown.count("Gilberto Teodoro") == 1);
  fs::remove_all(dir);
}

// ---------------------------------------------------------------------------
// Regressions found by a hostile tester.

TEST_CASE("a database replaced while it is opened or read is opened again before it is called damaged",
          "[search][retry]") {
  // An indexer swapping a freshly compacted database into place: a reader
  // opening it at that moment read "Expected block 71 to be level 1, not 0"
  // and said the healthy database was damaged.
  RetryPolicy quick;
  quick.first_pause = std::chrono::milliseconds(1);
  const std::string db = "dbg";
  int calls = 0, reopened = 0;
  auto reopen = [&] { ++reopened; };

  SECTION("one failure, then the database reads") {
    int got = retry_on_changed_database(
        [&] {
          if (++calls == 1) throw Xapian::DatabaseCorruptError("Expected block 71 to be level 1, not 0");
          return 42;
        },
        reopen, db, quick);
    CHECK(got == 42);
    CHECK(calls == 2);
    CHECK(reopened == 1);
  }
  SECTION("a database that cannot be opened for a moment, and a reopening that fails once") {
    bool reopen_failed = false;
    std::string got = retry_on_changed_database(
        [&] {
          if (++calls == 1) throw Xapian::DatabaseOpeningError("Couldn't open postlist table");
          return std::string("ok");
        },
        [&] {
          ++reopened;
          if (!reopen_failed) {
            reopen_failed = true;
            throw Xapian::DatabaseCorruptError("Expected block 3 to be level 0, not 1");
          }
        },
        db, quick);
    CHECK(got == "ok");
    CHECK(calls == 2);
    CHECK(reopened == 2);
  }
  SECTION("a database damaged for good: said so after the retries") {
    try {
      retry_on_changed_database(
          [&]() -> int {
            ++calls;
            throw Xapian::DatabaseCorruptError("Expected block 71 to be level 1, not 0");
          },
          reopen, db, quick);
      FAIL("no error");
    } catch (const DatabaseError& e) {
      CHECK(std::string(e.what()) ==
            "database 'dbg' is damaged: Expected block 71 to be level 1, not 0 (delete it and run the indexer again)");
      CHECK(e.status() == exit_status::kError);
    }
    CHECK(calls == 1 + quick.retries);
    CHECK(reopened == quick.retries);
  }
  SECTION("the pauses grow: 50, 100 and 200 ms by default") {
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(retry_on_changed_database(
                        [&]() -> int {
                          ++calls;
                          throw Xapian::DatabaseCorruptError("bad block");
                        },
                        reopen, db),
                    DatabaseError);
    const auto waited = std::chrono::steady_clock::now() - start;
    CHECK(calls == 4);
    CHECK(waited >= std::chrono::milliseconds(350));
    CHECK(waited < std::chrono::seconds(5));
  }
  SECTION("a database being written is read again until it holds still") {
    RetryPolicy policy = quick;
    int got = retry_on_changed_database(
        [&] {
          if (++calls <= 5) throw Xapian::DatabaseModifiedError("The revision being read has been discarded");
          return 7;
        },
        reopen, db, policy);
    CHECK(got == 7);
    CHECK(reopened == 5);
    // ... for as long as the policy says
    calls = 0;
    policy.modified_for = std::chrono::milliseconds(0);
    CHECK_THROWS_AS(retry_on_changed_database(
                        [&]() -> int {
                          ++calls;
                          std::this_thread::sleep_for(std::chrono::milliseconds(2));
                          throw Xapian::DatabaseModifiedError("discarded");
                        },
                        reopen, db, policy),
                    DatabaseError);
    CHECK(calls == 1);
  }
  SECTION("other errors are not tried again") {
    CHECK_THROWS_WITH(retry_on_changed_database(
                          [&]() -> int {
                            ++calls;
                            throw Xapian::DatabaseVersionError("Unsupported version");
                          },
                          reopen, db, quick),
                      Catch::Contains("another Xapian version"));
    CHECK(calls == 1);
    calls = 0;
    CHECK_THROWS_WITH(retry_on_changed_database(
                          [&]() -> int {
                            ++calls;
                            throw Error("bad query: syntax error");
                          },
                          reopen, db, quick),
                      "bad query: syntax error");
    CHECK(calls == 1);
    CHECK(reopened == 0);
  }
}

TEST_CASE("similar: nothing like the briefing is no match, and a copy of it is found", "[search][similar]") {
  Xapian::WritableDatabase w(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Normaliser normaliser{test::default_rules()};
  Adder add(w, normaliser);
  const std::string talks = "Talks in Tokyo\n\n3 June 2024. Japan and Finland held talks on undersea cables.\n";
  // No word to compare: numbers and two-letter words only.
  add("/numbers.txt", "On 12\n\n12 34 56 to be or no\n");
  add("/talks.txt", talks);
  SearchRequest r;
  r.similar = "/numbers.txt";
  SearchResult res;
  REQUIRE_NOTHROW(res = run_search(w, r, normaliser));
  CHECK(res.total == 0);
  CHECK(res.hits.empty());
  CHECK(list_facet(w, r, facet(FacetId::kCountry), "", normaliser).empty());
  // Only a copy: every word of it is in every other briefing, so Xapian
  // weighs none; the copy is what is most like it.
  add("/copy.txt", talks);
  r.similar = "/talks.txt";
  std::vector<std::string> got;
  for (const SearchHit& h : run_search(w, r, normaliser).hits) got.push_back(h.doc.path);
  CHECK(got == std::vector<std::string>{"/copy.txt"});
  r.similar = "/nowhere.txt";
  CHECK_THROWS_WITH(run_search(w, r, normaliser), Catch::Contains("not in the index"));
}

TEST_CASE("timeline: undated matches are counted apart, and no match gives an empty timeline", "[search][timeline]") {
  Index ix;
  SearchRequest r;
  r.timeline = "year";
  SearchResult res = ix.search(r);
  CHECK(res.has_timeline);
  CHECK(res.total == 4);
  CHECK(res.timeline_undated == 1);  // d.txt
  Xapian::doccount sum = res.timeline_undated;
  for (const TimelinePoint& p : res.timeline) sum += p.count;
  CHECK(sum == res.total);
  std::ostringstream text;
  print_text(text, res, OutputOptions{});
  CHECK(text.str().find("\nundated 1\n") != std::string::npos);
  std::ostringstream js;
  print_json(js, res, OutputOptions{});
  nlohmann::json j = nlohmann::json::parse(js.str());
  CHECK(j.at("undated") == 1);
  CHECK(j.at("timeline").size() == 2);

  // Nothing matched: "timeline": [] (it was missing), "undated": 0.
  r.query = "zzzqqq";
  res = ix.search(r);
  CHECK(res.total == 0);
  CHECK(res.has_timeline);
  for (auto print : {print_json, print_jsonl_summary, print_jsonl}) {
    std::ostringstream out;
    print(out, res, OutputOptions{});
    nlohmann::json summary = nlohmann::json::parse(out.str());  // no hits: the summary alone
    CHECK(summary.at("timeline") == nlohmann::json::array());
    CHECK(summary.at("undated") == 0);
  }
  // Only undated matches: no period, all undated.
  r.query = "britain";
  res = ix.search(r);
  CHECK(res.total == 1);
  CHECK(res.timeline.empty());
  CHECK(res.timeline_undated == 1);
  // No timeline asked for: no member.
  std::ostringstream none;
  print_json(none, ix.search(SearchRequest{}), OutputOptions{});
  CHECK_FALSE(nlohmann::json::parse(none.str()).contains("undated"));
}

TEST_CASE("a --db that is no database says what it is, not how to create it", "[search][open]") {
  TempFolder tmp("/tmp/briefing-open-test-XXXXXX");
  const fs::path& dir = tmp.path;
  auto message = [](const fs::path& p) -> std::string {
    try {
      check_database_path(p.string());
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  };
  // Nothing there: created by the indexer.
  CHECK(message(dir / "none") ==
        fmt::format("no database at '{0}' (create it with: indexer --db {0} FOLDER)", (dir / "none").string()));
  // A first build by several writers in progress or cut short: only
  // DIR.indexing, or an empty DIR beside it.
  fs::create_directories(dir / "dbk.indexing" / "shard-000");
  std::string m = message(dir / "dbk");
  CHECK(m.find("a first build of it is in progress or was interrupted") != std::string::npos);
  CHECK(m.find("run the indexer again to finish it") != std::string::npos);
  CHECK(m.find("create it") == std::string::npos);
  fs::create_directories(dir / "dbk");
  CHECK(message(dir / "dbk") == m);
  // A folder of other things, a file of other things, a device.
  fs::create_directories(dir / "folder" / "sub");
  write_text(dir / "folder" / "notes.txt", "notes\n");
  CHECK(message(dir / "folder") == fmt::format("'{}' is not a Briefing Search database (a folder with no Xapian "
                                               "database in it)", (dir / "folder").string()));
  write_text(dir / "passwd", "root:x:0:0:root:/root:/bin/bash\n");
  m = message(dir / "passwd");
  CHECK(m.find("is not a Briefing Search database") != std::string::npos);
  CHECK(m.find("create it") == std::string::npos);
  CHECK(message("/dev/null").find("is not a Briefing Search database") != std::string::npos);
  write_text(dir / "empty-file", "");
  CHECK(message(dir / "empty-file").find("is not a Briefing Search database") != std::string::npos);
  // An empty folder may still become one.
  fs::create_directories(dir / "empty");
  CHECK(message(dir / "empty").find("create it with: indexer --db") != std::string::npos);
  // What Xapian opens passes: a database folder, a stub file, a database
  // in one file.
  {
    Xapian::WritableDatabase w((dir / "real").string(), Xapian::DB_CREATE);
    w.add_document(Xapian::Document());
    w.commit();
    w.compact((dir / "single").string(), Xapian::DBCOMPACT_SINGLE_FILE);
  }
  CHECK(message(dir / "real") == "");
  CHECK(message(dir / "single") == "");
  write_text(dir / "stub", "# two shards\nauto real\n\nremote :tcp 127.0.0.1:7001\n");
  CHECK(message(dir / "stub") == "");
}
