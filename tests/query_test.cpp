#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "document_codec.h"
#include "errors.h"
#include "extractor.h"
#include "search.h"
#include "snippet.h"
#include "tokenizer.h"
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

namespace {

bool same_snippet(const Snippet& a, const Snippet& b) {
  if (a.cut_start != b.cut_start || a.cut_end != b.cut_end || a.pieces.size() != b.pieces.size()) return false;
  for (size_t i = 0; i < a.pieces.size(); ++i)
    if (a.pieces[i].text != b.pieces[i].text || a.pieces[i].match != b.pieces[i].match) return false;
  return true;
}

// The query `q` as the searcher builds it, and its first `limit` matches.
struct Matched {
  Xapian::Query query;
  Xapian::MSet mset;
};
Matched match(const Xapian::Database& db, const QueryBuilder& builder, const char* q, unsigned limit) {
  SearchRequest request;
  request.query = q;
  Matched m{builder.build(request).query, {}};
  Xapian::Enquire enquire(db);
  enquire.set_query(m.query);
  m.mset = enquire.get_mset(0, limit);
  return m;
}

}  // namespace

TEST_CASE("reading only the part of a text a snippet needs changes no snippet", "[query][snippets]") {
  // The bundled briefings, and queries of every kind: stemmed words,
  // British spellings, accents, aliases, phrases, OR, NOT, NEAR, filters.
  // Each hit's snippet from the whole text (no query given) and from the
  // part make_snippet reads, for the briefing itself and for longer texts
  // made of it and others (a match late, or far from the next).
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Normaliser normaliser(test::default_rules());
  Extractor ex(test::default_rules());
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  std::map<std::string, std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(CORPUS_DIR)) {
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string path = entry.path().string();
    texts[path] = text;
    Analysis a = ex.analyse(text, path);
    db.replace_document(id_term(path), build_document(a, SourceFile{path, "1:1"}, normaliser, tg));
  }
  REQUIRE(texts.size() > 20);
  std::vector<std::string> others;
  for (const auto& [path, text] : texts) others.push_back(text);
  const QueryBuilder builder(db, normaliser);
  size_t compared = 0, skipped = 0, short_lead = 0, cut = 0, read_again = 0, n = 0;
  for (const char* q : {"cooperation", "defence", "hybrid threats", "\"defense technology\"", "missile OR frigate",
                        "Häkkänen", "ROK", "meetings", "agreed", "strengthening", "security NOT nuclear", "talks",
                        "Kihara", "cyber NEAR security", "country:japan maritime", "minister", "2024",
                        "indo-pacific", "U.S.", "programme", "organisation", "Marles", "climate change"}) {
    INFO(q);
    const auto [query, mset] = match(db, builder, q, 100);
    const SnippetQuery snippet_query(query);
    INFO(query.get_description());
    CHECK(snippet_query.word_starts_complete);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::string& own = texts.at(read_document(it.get_document()).path);
      ++n;
      const std::string& a = others[n % others.size()];
      const std::string& b = others[(n * 7 + 3) % others.size()];
      for (const std::string& text : {own, own + "\n\n" + a + "\n\n" + b, a + "\n\n" + own, a + "\n" + own + "\n" + b}) {
        for (size_t length : {40, 120, 240, 600}) {
          INFO(read_document(it.get_document()).path << " " << length << " bytes, text of " << text.size());
          const Snippet whole = make_snippet(mset, text, *test::default_rules(), length);
          SnippetWork work;
          const Snippet part = make_snippet(mset, text, *test::default_rules(), length, &snippet_query, &work);
          CHECK(same_snippet(whole, part));
          ++compared;
          const size_t safe = snippet_scan_start(index_form(text, test::default_rules()->variants), snippet_query, length);
          if (work.start > 0) ++skipped;
          if (work.start > safe) ++short_lead;
          if (work.folded < text.size() / 2) ++cut;
          read_again += work.read_again;
        }
      }
    }
  }
  // (so that each way of reading less was tried)
  CHECK(compared > 2000);
  CHECK(skipped > compared / 4);
  CHECK(short_lead > compared / 4);
  CHECK(cut > compared / 8);
  CHECK(read_again > 0);
}

TEST_CASE("a snippet of a long text finds a word that first comes many pieces in", "[query][snippets]") {
  // One query word on every line, the other only far on (the text is read
  // a piece at a time, and where each word comes next is kept between
  // pieces): the snippet is the one the whole text gives.
  std::string dense, sparse;
  for (int i = 0; i < 400; ++i) dense += "The alliance met in Oslo and the ministers spoke of frigates. ";
  sparse = dense;
  sparse.insert(sparse.size() / 2, "A maritime patrol was agreed. ");
  sparse += "Another maritime exercise follows. ";
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Normaliser normaliser(test::default_rules());
  Extractor ex(test::default_rules());
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  for (const std::string* text : {&dense, &sparse}) {
    const std::string path = text == &dense ? "dense.txt" : "sparse.txt";
    db.replace_document(id_term(path), build_document(ex.analyse(*text, path), SourceFile{path, "1:1"}, normaliser, tg));
  }
  const QueryBuilder builder(db, normaliser);
  size_t compared = 0;
  for (const char* q : {"maritime OR frigates", "maritime OR alliance", "patrol OR oslo", "exercise OR spoke"}) {
    INFO(q);
    const auto [query, mset] = match(db, builder, q, 10);
    const SnippetQuery snippet_query(query);
    for (const std::string* text : {&dense, &sparse})
      for (size_t length : {40, 240}) {
        INFO(text->size() << " bytes, snippet of " << length);
        const Snippet whole = make_snippet(mset, *text, *test::default_rules(), length);
        const Snippet part = make_snippet(mset, *text, *test::default_rules(), length, &snippet_query);
        CHECK(same_snippet(whole, part));
        ++compared;
      }
  }
  CHECK(compared == 16);
}

TEST_CASE("a query's word starts: stems lose at most two letters of their word; wildcards scan all", "[query][snippets]") {
  Xapian::Stem english("english");
  for (const std::string w : {"dying", "lying", "tying", "skies", "possibility", "sensibility", "happily", "early",
                              "only", "ugly", "filing", "agreed", "organizational", "relational", "archaeology",
                              "cybersecurity", "hopefully", "generously", "technical", "feed", "news"}) {
    const std::string s = english(w);
    INFO(w << " -> " << s);
    const size_t keep = s.size() > 2 ? s.size() - 2 : 0;
    CHECK(w.compare(0, keep, s, 0, keep) == 0);
  }
  const SnippetQuery stemmed(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("Zcybersecur"), Xapian::Query("kihara")));
  CHECK(stemmed.word_starts == std::vector<std::string>{"c.y.b.e.r.s.e.c", "cybersec", "k.i.h.a.r.a", "kihara"});
  CHECK(stemmed.word_starts_complete);
  const SnippetQuery filtered(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("Zthreat"), Xapian::Query("XCjapan")));
  CHECK(filtered.word_starts == std::vector<std::string>{"t.h.r.e", "thre"});
  CHECK(!SnippetQuery(Xapian::Query(Xapian::Query::OP_WILDCARD, "defen")).word_starts_complete);
  CHECK(!SnippetQuery(Xapian::Query("häkkänen")).word_starts_complete);
}

TEST_CASE("a text's own control bytes 1 to 3 are no highlight marks in its snippet", "[query][snippets]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string text = "Headline here\n\nJapan defence minister Kihara met. ctrlword more \x01 words \x02 x\x03\n";
  Xapian::Document doc;
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_document(doc);
  tg.index_text(text);
  db.add_document(doc);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("ctrlword"));
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 1);
  const Snippet s = make_snippet(mset, text, *test::default_rules(), 200);
  std::string matched, all;
  for (const Snippet::Piece& p : s.pieces) {
    all += p.text;
    if (p.match) matched += p.text;
  }
  CHECK(matched == "ctrlword");
  CHECK(all.find("defence") != std::string::npos);  // as the file says it
  CHECK(all.find_first_of("\x01\x02\x03") == std::string::npos);
}
