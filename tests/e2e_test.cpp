// End-to-end tests: the real indexer and searcher binaries, run on small
// corpora written by each test into its own temporary folder.
//
// The standard corpus (seven short readouts, written for these tests):
//   A 2024-02-14-tokyo-helsinki.txt   Kihara (Japan) + Häkkänen (Finland); NATO; cyber;
//                                     British spelling; date from the text
//   B rok-us-call.md                  front matter (title, date 2024-06-05); Austin (U.S.)
//                                     + Shin Won-sik (ROK); North Korea; UN; missile,
//                                     nuclear; American spelling only
//   C nordic-ministers.txt            Häkkänen + Pål Jonson (Sweden); mentions Japan; NATO;
//                                     "September 12, 2024"; communiqué
//   D notes/asean-note.txt            front matter without a date: undated; Vietnam,
//                                     Philippines, "South China Sea" (not China); ASEAN
//   E 2023-11-30-eu-japan-dialogue.txt  date only in the file name; Kamikawa; EU;
//                                     British spelling only
//   F washington-tokyo.txt            front matter date 2024-12-10, title from first line;
//                                     Austin + Nakatani
//   G 2024/uk/2024-04-22-london-canberra.md  Markdown heading; UK, Australia, PRC; AUKUS
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <regex>

#include "e2e_support.h"

using namespace e2e;
using nlohmann::json;
using Names = std::set<std::string>;

namespace {

const std::string kA = "2024-02-14-tokyo-helsinki.txt";
const std::string kB = "rok-us-call.md";
const std::string kC = "nordic-ministers.txt";
const std::string kD = "asean-note.txt";
const std::string kE = "2023-11-30-eu-japan-dialogue.txt";
const std::string kF = "washington-tokyo.txt";
const std::string kG = "2024-04-22-london-canberra.md";

const char* kDocA =
    "Japan and Finland agree to deepen defence cooperation\n"
    "\n"
    "Tokyo, 14 February 2024. Japan's Defense Minister Minoru Kihara received Minister of Defence, "
    "Finland Antti Häkkänen at the ministry in Ichigaya for their first bilateral meeting.\n"
    "\n"
    "Minister Kihara welcomed Finland's membership of NATO and said the two countries shared a "
    "commitment to a free and open international order. The ministers agreed to work together "
    "against cyber attacks and to exchange lessons on civil preparedness.\n"
    "\n"
    "Minister Häkkänen invited his counterpart to observe winter manoeuvres in Lapland next year.\n";

const char* kDocB =
    "---\n"
    "title: Readout of Secretary Austin's call with ROK Minister Shin Won-sik\n"
    "date: 2024-06-05\n"
    "source: Pentagon press office\n"
    "---\n"
    "U.S. Secretary of Defense Lloyd J. Austin III spoke by phone with Republic of Korea Minister "
    "of National Defense Shin Won-sik on Wednesday.\n"
    "\n"
    "The two leaders condemned North Korea's latest ballistic missile launches, which violate UN "
    "sanctions, and reaffirmed the U.S. commitment to extended deterrence. Secretary Austin praised "
    "the close coordination between the defense ministries.\n";

const char* kDocC =
    "Finland and Sweden step up protection of the Baltic seabed\n"
    "\n"
    "Helsinki, September 12, 2024. Antti Häkkänen, Finland's Minister of Defence, hosted Sweden's "
    "Defence Minister Pål Jonson for talks on the protection of undersea cables.\n"
    "\n"
    "Both ministers said NATO's northern members would share surveillance data more quickly. They "
    "also discussed Finnish industrial links with Japan. A joint communiqué will follow.\n";

const char* kDocD =
    "---\n"
    "title: Note on regional maritime consultations\n"
    "topic: hybrid threats\n"
    "---\n"
    "Senior officials from Vietnam and the Philippines met on the margins of an ASEAN gathering to "
    "discuss freedom of navigation in the South China Sea.\n"
    "\n"
    "Participants noted a rise in incidents near disputed reefs and agreed that a code of conduct "
    "must respect international law.\n";

const char* kDocE =
    "EU and Japan hold security and defence dialogue\n"
    "\n"
    "Japan's Foreign Minister Yoko Kamikawa met senior EU officials in Brussels. Both sides pledged "
    "closer maritime security cooperation and agreed to meet again next autumn.\n";

const char* kDocF =
    "---\n"
    "date: 2024-12-10\n"
    "---\n"
    "Washington and Tokyo review command arrangements\n"
    "\n"
    "U.S. Secretary of Defense Lloyd J. Austin III met Japan's Minister of Defense Gen Nakatani at "
    "the Pentagon. The two discussed upgrading the command and control of U.S. forces stationed in "
    "Japan and the defense of remote islands.\n";

const char* kDocG =
    "# UK and Australia review AUKUS submarine programme\n"
    "\n"
    "London, 22 April 2024. The UK Defence Secretary Grant Shapps welcomed Australia's Deputy Prime "
    "Minister Richard Marles to the Ministry of Defence.\n"
    "\n"
    "The two ministers reviewed progress on the AUKUS submarine programme and shared concern about "
    "the PRC's rapid military build-up. Mr Shapps said British and Australian crews would train "
    "together from next year. They agreed to pool R&D funding for \"autonomous\" underwater "
    "drones.\n";

void write_corpus(const fs::path& dir) {
  write_file(dir / kA, kDocA);
  write_file(dir / kB, kDocB);
  write_file(dir / kC, kDocC);
  write_file(dir / "notes" / kD, kDocD);
  write_file(dir / kE, kDocE);
  write_file(dir / kF, kDocF);
  write_file(dir / "2024" / "uk" / kG, kDocG);
}

std::string describe(const Run& r) {
  return r.command + "\nexit status: " + std::to_string(r.status) + "\n--- stdout:\n" + r.out +
         "--- stderr:\n" + r.err;
}

// The summary line of an indexer run, without the timing.
// The file names of the briefings a search of `db` finds (JSON, up to 100).
Names names_found(const TempDir& tmp, const fs::path& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db.string()});
  args.insert(args.end(), {"--format", "json", "--limit", "100"});
  Run r = searcher(tmp, args);
  INFO(describe(r));
  REQUIRE((r.status == 0 || r.status == 1));
  return result_names(json::parse(r.out));
}

// The counts of the summary, the indexer's last line (after -v's lines).
std::string counts_part(const std::string& out) {
  size_t start = out.size() > 1 ? out.rfind('\n', out.size() - 2) : std::string::npos;
  std::string summary = start == std::string::npos ? out : out.substr(start + 1);
  size_t in = summary.find(" in ");
  return in == std::string::npos ? summary : summary.substr(0, in);
}

// A temporary folder holding the standard corpus, indexed.
class IndexedCorpus {
 public:
  IndexedCorpus() : corpus_(tmp_ / "corpus"), db_(tmp_ / "db") {
    write_corpus(corpus_);
    Run r = indexer(tmp_, {"--db", db_.string(), corpus_.string()});
    INFO(describe(r));
    REQUIRE(r.status == 0);
    REQUIRE(counts_part(r.out) == "7 added, 0 updated, 0 unchanged, 0 removed, 0 failed");
    REQUIRE(r.err.empty());
  }

  const TempDir& tmp() const { return tmp_; }
  const fs::path& corpus() const { return corpus_; }
  const fs::path& db() const { return db_; }

  Run search(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db_.string()});
    return searcher(tmp_, args);
  }

  // A JSON search; the exit status must agree with the total.
  json search_json(std::vector<std::string> args) const {
    args.insert(args.end(), {"--format", "json"});
    Run r = search(args);
    INFO(describe(r));
    REQUIRE((r.status == 0 || r.status == 1));
    json j;
    REQUIRE_NOTHROW(j = json::parse(r.out));
    CHECK(r.status == (j.at("total").get<long>() > 0 ? 0 : 1));
    return j;
  }

  // File names of every match.
  Names names(std::vector<std::string> args) const {
    args.insert(args.end(), {"--limit", "100"});
    json j = search_json(args);
    INFO("searcher args: " << [&] {
      std::string s;
      for (const auto& a : args) s += " [" + a + "]";
      return s;
    }());
    CHECK(j.at("total").get<size_t>() == j.at("results").size());
    return result_names(j);
  }

 private:
  TempDir tmp_;
  fs::path corpus_, db_;
};

bool has_line(const std::string& text, const std::string& line) {
  for (const std::string& l : split_lines(text))
    if (l == line) return true;
  return false;
}

// The (first) line of `text` containing `needle`, or "".
std::string line_with(const std::string& text, const std::string& needle) {
  for (const std::string& l : split_lines(text))
    if (contains(l, needle)) return l;
  return "";
}

// One line on stderr, "searcher: ..." (or "indexer: ...").
void check_one_line_error(const Run& r, const std::string& program) {
  INFO(describe(r));
  CHECK(r.status == 2);
  auto lines = r.err_lines();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].rfind(program + ": ", 0) == 0);
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. Filters, by each facet and by aliases

TEST_CASE("filter flags select by each facet and accept any alias", "[e2e][filters]") {
  IndexedCorpus ix;

  // country, by name, code, full name, abbreviation, adjective
  CHECK(ix.names({"--country", "ROK"}) == Names{kB});
  CHECK(ix.names({"--country", "south korea"}) == Names{kB});
  CHECK(ix.names({"--country", "Republic of Korea"}) == Names{kB});
  CHECK(ix.names({"--country", "U.S."}) == Names{kB, kF});
  CHECK(ix.names({"--country", "USA"}) == Names{kB, kF});
  CHECK(ix.names({"--country", "american"}) == Names{kB, kF});
  CHECK(ix.names({"--country", "United States of America"}) == Names{kB, kF});
  CHECK(ix.names({"--country", "britain"}) == Names{kG});
  CHECK(ix.names({"--country", "UK"}) == Names{kG});
  CHECK(ix.names({"--country", "Finland"}) == Names{kA, kC});
  CHECK(ix.names({"--country", "japan"}) == Names{kA, kC, kE, kF});
  CHECK(ix.names({"--country", "north korea"}) == Names{kB});
  // "the PRC's" is China; "the South China Sea" (in D) is not.
  CHECK(ix.names({"--country", "china"}) == Names{kG});
  CHECK(ix.names({"--country", "Vietnam"}) == Names{kD});

  // party: countries whose ministers took part (C mentions Japan, no Japanese minister)
  CHECK(ix.names({"--party", "japan"}) == Names{kA, kE, kF});
  CHECK(ix.names({"--party", "US"}) == Names{kB, kF});
  CHECK(ix.names({"--party", "ROK"}) == Names{kB});
  CHECK(ix.names({"--party", "north korea"}).empty());
  CHECK(ix.names({"--party", "vietnam"}).empty());

  // minister: full name, surname alone, accents and case optional
  CHECK(ix.names({"--minister", "hakkanen"}) == Names{kA, kC});
  CHECK(ix.names({"--minister", "Antti Häkkänen"}) == Names{kA, kC});
  CHECK(ix.names({"--minister", "antti hakkanen"}) == Names{kA, kC});
  CHECK(ix.names({"--minister", "HÄKKÄNEN"}) == Names{kA, kC});
  CHECK(ix.names({"--minister", "Kihara"}) == Names{kA});
  CHECK(ix.names({"--minister", "pal jonson"}) == Names{kC});
  CHECK(ix.names({"--minister", "Lloyd Austin"}) == Names{kB, kF});
  CHECK(ix.names({"--minister", "austin"}) == Names{kB, kF});
  CHECK(ix.names({"--minister", "Shin Won-sik"}) == Names{kB});
  CHECK(ix.names({"--minister", "kamikawa"}) == Names{kE});

  // topic (D's comes from its front matter)
  CHECK(ix.names({"--topic", "cyber"}) == Names{kA});
  CHECK(ix.names({"--topic", "missile"}) == Names{kB});
  CHECK(ix.names({"--topic", "nuclear"}) == Names{kB});
  CHECK(ix.names({"--topic", "maritime security"}) == Names{kC, kD, kE});
  CHECK(ix.names({"--topic", "hybrid threats"}) == Names{kD});

  // organisation, by acronym and full name
  CHECK(ix.names({"--organisation", "nato"}) == Names{kA, kC});
  CHECK(ix.names({"--organisation", "North Atlantic Treaty Organization"}) == Names{kA, kC});
  CHECK(ix.names({"--organisation", "European Union"}) == Names{kE});
  CHECK(ix.names({"--organisation", "ASEAN"}) == Names{kD});
  CHECK(ix.names({"--organisation", "UN"}) == Names{kB});
  CHECK(ix.names({"--organisation", "AUKUS"}) == Names{kG});
}

// ---------------------------------------------------------------------------
// 2. AND across repeated flags, OR within a comma list; query-string fields

TEST_CASE("repeated filter flags AND while commas within one flag OR", "[e2e][filters]") {
  IndexedCorpus ix;

  CHECK(ix.names({"--country", "japan", "--country", "finland"}) == Names{kA, kC});
  CHECK(ix.names({"--country", "finland", "--country", "sweden"}) == Names{kC});
  CHECK(ix.names({"--country", "finland,south korea"}) == Names{kA, kB, kC});
  CHECK(ix.names({"--country", "finland", "--country", "south korea"}).empty());
  CHECK(ix.names({"--country", "japan,vietnam"}) == Names{kA, kC, kD, kE, kF});
  CHECK(ix.names({"--country", "ROK,U.S.,UK"}) == Names{kB, kF, kG});

  CHECK(ix.names({"--minister", "hakkanen,austin"}) == Names{kA, kB, kC, kF});
  CHECK(ix.names({"--minister", "hakkanen", "--minister", "austin"}).empty());
  CHECK(ix.names({"--minister", "hakkanen", "--minister", "kihara"}) == Names{kA});

  // different facets AND as well; an OR list inside an AND
  CHECK(ix.names({"--country", "japan", "--topic", "cyber"}) == Names{kA});
  CHECK(ix.names({"--country", "finland", "--organisation", "nato", "--minister", "jonson"}) == Names{kC});
  CHECK(ix.names({"--country", "japan,finland", "--party", "japan"}) == Names{kA, kE, kF});
  CHECK(ix.names({"--topic", "cyber,missile", "--organisation", "UN"}) == Names{kB});

  // filters narrow a free-text query
  CHECK(ix.names({"defence", "--country", "sweden"}) == Names{kC});
}

TEST_CASE("query-string field prefixes with AND OR and NOT", "[e2e][query]") {
  IndexedCorpus ix;

  CHECK(ix.names({"country:japan country:finland"}) == Names{kA, kC});
  CHECK(ix.names({"country:japan AND country:finland"}) == Names{kA, kC});
  CHECK(ix.names({"country:japan OR country:vietnam"}) == Names{kA, kC, kD, kE, kF});
  CHECK(ix.names({"country:finland OR country:ROK"}) == Names{kA, kB, kC});
  CHECK(ix.names({"country:japan NOT country:finland"}) == Names{kE, kF});
  CHECK(ix.names({"NOT country:japan"}) == Names{kB, kD, kG});
  CHECK(ix.names({"(country:japan OR country:vietnam) NOT organisation:nato"}) == Names{kD, kE, kF});
  CHECK(ix.names({"country:U.S."}) == Names{kB, kF});
  CHECK(ix.names({"country:usa"}) == Names{kB, kF});
  CHECK(ix.names({"country:china"}) == Names{kG});

  CHECK(ix.names({"minister:hakkanen"}) == Names{kA, kC});
  CHECK(ix.names({"minister:häkkänen"}) == Names{kA, kC});
  CHECK(ix.names({"minister:jonson"}) == Names{kC});
  CHECK(ix.names({"minister:kihara topic:cyber"}) == Names{kA});
  CHECK(ix.names({"party:japan"}) == Names{kA, kE, kF});
  CHECK(ix.names({"topic:cyber"}) == Names{kA});
  CHECK(ix.names({"topic:cyber OR topic:missile"}) == Names{kA, kB});
  CHECK(ix.names({"organisation:nato"}) == Names{kA, kC});
  CHECK(ix.names({"organization:NATO"}) == Names{kA, kC});

  // title: searches the title only (F's body names Austin, its title does not)
  CHECK(ix.names({"title:seabed"}) == Names{kC});
  CHECK(ix.names({"title:readout"}) == Names{kB});
  CHECK(ix.names({"title:austin"}) == Names{kB});
  CHECK(ix.names({"austin"}) == Names{kB, kF});

  // fields with free words; the fields filter
  CHECK(ix.names({"seabed country:sweden"}) == Names{kC});
  CHECK(ix.names({"seabed country:vietnam"}).empty());
  CHECK(ix.names({"defence NOT country:japan"}) == Names{kB, kG});
  // the query words may be given as separate arguments
  CHECK(ix.names({"country:japan", "country:finland"}) == Names{kA, kC});
}

TEST_CASE("quoted multi-word values of query-string fields", "[e2e][query]") {
  // (Once a bug: with free-text prefixes a quoted value was silently dropped
  // from the query and, on its own, matched every document.)
  IndexedCorpus ix;
  CHECK(ix.names({"country:\"south korea\""}) == Names{kB});
  CHECK(ix.names({"country:\"United States\""}) == Names{kB, kF});
  CHECK(ix.names({"minister:\"Antti Häkkänen\""}) == Names{kA, kC});
  CHECK(ix.names({"minister:\"pal jonson\""}) == Names{kC});
  CHECK(ix.names({"topic:\"maritime security\""}) == Names{kC, kD, kE});
  CHECK(ix.names({"japan country:\"south korea\""}).empty());
}

// ---------------------------------------------------------------------------
// 3. Accents and spelling

TEST_CASE("free text ignores accents and British or American spelling", "[e2e][text]") {
  IndexedCorpus ix;

  CHECK(ix.names({"hakkanen"}) == Names{kA, kC});
  CHECK(ix.names({"Häkkänen"}) == Names{kA, kC});
  CHECK(ix.names({"HAKKANEN"}) == Names{kA, kC});
  CHECK(ix.names({"pal", "jonson"}) == Names{kC});
  CHECK(ix.names({"jönson"}) == Names{kC});
  CHECK(ix.names({"communique"}) == Names{kC});
  CHECK(ix.names({"communiqué"}) == Names{kC});

  // E is British only ("defence"), B and F American only ("defense"); D has neither.
  const Names with_defence{kA, kB, kC, kE, kF, kG};
  CHECK(ix.names({"defence"}) == with_defence);
  CHECK(ix.names({"defense"}) == with_defence);
  CHECK(ix.names({"Defence"}) == with_defence);
  CHECK(ix.names({"defense", "dialogue"}) == Names{kE});
  CHECK(ix.names({"\"defense dialogue\""}) == Names{kE});
  CHECK(ix.names({"\"defence ministries\""}) == Names{kB});
  CHECK(ix.names({"maneuvers"}) == Names{kA});
  CHECK(ix.names({"manoeuvres"}) == Names{kA});
  CHECK(ix.names({"program"}) == Names{kG});
  CHECK(ix.names({"programme"}) == Names{kG});

  // default AND, and NOT, for free words
  CHECK(ix.names({"japan", "finland"}) == Names{kA, kC});
  CHECK(ix.names({"japan NOT finland"}) == Names{kE, kF});
  CHECK(ix.names({"seabed OR reefs"}) == Names{kC, kD});

  // the snippet marks the word as written
  json j = ix.search_json({"hakkanen", "--country", "sweden"});
  REQUIRE(j.at("results").size() == 1);
  CHECK(contains(j["results"][0]["snippet"].get<std::string>(), "<b>Häkkänen</b>"));
  j = ix.search_json({"defense", "dialogue"});
  REQUIRE(j.at("results").size() == 1);
  CHECK(contains(j["results"][0]["snippet"].get<std::string>(), "<b>defence</b>"));
}

TEST_CASE("UTF-16 and Windows-1252 files are indexed and shown as UTF-8", "[e2e][snippets]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus", db = tmp / "db";
  std::string utf16 = "\xff\xfe";  // little-endian, as Windows editors save it
  for (char16_t c : std::u16string(u"Japan and Finland\n\nMinister Häkkänen met Minister Kihara about seabed cables.\n")) {
    utf16 += static_cast<char>(c & 0xff);
    utf16 += static_cast<char>(c >> 8);
  }
  write_file(corpus / "windows.txt", utf16);
  write_file(corpus / "latin1.txt", "Estonia and Latvia\n\nMinister H\xe4kk\xe4nen visited Tallinn about seabed cables.\n");
  Run r = indexer(tmp, {"--db", db.string(), corpus.string()});
  INFO(describe(r));
  CHECK(r.status == 0);  // a warning for the Windows-1252 file, no failure
  CHECK(contains(r.err, "latin1.txt: invalid UTF-8: read as Windows-1252"));
  CHECK_FALSE(contains(r.err, "windows.txt"));
  Run s = searcher(tmp, {"--db", db.string(), "hakkanen", "seabed", "--format", "json"});
  INFO(describe(s));
  REQUIRE(s.status == 0);
  json j = json::parse(s.out);
  CHECK(result_names(j) == std::set<std::string>{"windows.txt", "latin1.txt"});
  for (const json& hit : j.at("results")) {
    CHECK(contains(hit.at("snippet").get<std::string>(), "<b>Häkkänen</b>"));
    CHECK(hit.at("ministers").at(0).at("name") == "Antti Häkkänen");
  }
}

TEST_CASE("snippets come from the file, from any folder, or from the index with store-text", "[e2e][snippets]") {
  TempDir tmp;
  write_corpus(tmp / "corpus");
  // Indexed by a relative path, from the corpus's parent folder.
  auto index_from_parent = [&](const std::string& db, const std::string& extra) {
    Run r = run(tmp, "/bin/sh", {"-c", "cd " + shell_quote(tmp.path().string()) + " && " +
                                           shell_quote(INDEXER_BIN) + " --db " + db + extra + " corpus"});
    INFO(describe(r));
    REQUIRE(r.status == 0);
  };
  index_from_parent("db", "");
  index_from_parent("db-text", " --store-text");
  // --store-text is the database's: a later run without it keeps the text,
  // and giving it to a database without text stores every briefing's.
  write_file(tmp / "corpus" / kC, read_file(tmp / "corpus" / kC) + "\nA line added later.\n");
  index_from_parent("db-text", "");
  index_from_parent("db-later", "");
  index_from_parent("db-later", " --store-text");
  auto seabed = [&](const std::string& db, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--db", (tmp / db).string(), "seabed", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    Run r = searcher(tmp, args);  // run from the test's own folder, not the corpus's parent
    INFO(describe(r));
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    json j = json::parse(r.out);
    REQUIRE(j.at("results").size() == 1);
    CHECK(j["results"][0].at("path") == (tmp / "corpus" / kC).string());  // made absolute
    return j["results"][0].at("snippet").get<std::string>();
  };
  CHECK(contains(seabed("db"), "<b>seabed</b>"));
  CHECK(contains(seabed("db-text"), "<b>seabed</b>"));
  CHECK(seabed("db", {"--snippet-length", "0"}).empty());

  // The file gone (not yet re-indexed): still found, no snippet, no error;
  // with the text in the index, the snippet stays.
  fs::remove(tmp / "corpus" / kC);
  CHECK(seabed("db").empty());
  CHECK(contains(seabed("db-text"), "<b>seabed</b>"));
  CHECK(contains(seabed("db-later"), "<b>seabed</b>"));
}

// ---------------------------------------------------------------------------
// 4. JSON output

TEST_CASE("JSON output has the documented fields and types", "[e2e][json]") {
  IndexedCorpus ix;

  // The documented fields must be there with these types; new fields may be added.
  json j = ix.search_json({"seabed"});
  CHECK(j.at("query") == "seabed");
  CHECK(j.at("total").is_number_unsigned());
  CHECK(j.at("total") == 1);
  CHECK(j.at("offset") == 0);
  REQUIRE(j.at("results").is_array());
  REQUIRE(j["results"].size() == 1);
  const json& r = j["results"][0];
  CHECK(r.at("rank") == 1);
  CHECK(r.at("rank").is_number_integer());
  CHECK(fs::path(r.at("path").get<std::string>()).is_absolute());
  CHECK(fs::path(r.at("path").get<std::string>()).filename() == kC);
  CHECK(r.at("title") == "Finland and Sweden step up protection of the Baltic seabed");
  CHECK(r.at("date") == "2024-09-12");
  CHECK(r.at("score").is_number());
  CHECK(r.at("score").get<double>() > 0);
  CHECK(r.at("countries") == json({"Finland", "Sweden", "Japan"}));
  CHECK(r.at("parties") == json({"Finland", "Sweden"}));
  CHECK(r.at("topics") == json({"maritime security"}));
  CHECK(r.at("organisations") == json({"NATO"}));
  REQUIRE(r.at("ministers").is_array());
  REQUIRE(r["ministers"].size() == 2);
  CHECK(r["ministers"][0] == json({{"name", "Antti Häkkänen"}, {"role", "Defense Minister"}, {"country", "Finland"}}));
  CHECK(r["ministers"][1] == json({{"name", "Pål Jonson"}, {"role", "Defense Minister"}, {"country", "Sweden"}}));
  REQUIRE(r.at("snippet").is_string());
  CHECK(contains(r["snippet"].get<std::string>(), "<b>seabed</b>"));

  REQUIRE(j.at("facets").is_object());
  for (const char* f : {"country", "party", "minister", "topic", "organisation"}) {
    INFO("facet " << f);
    REQUIRE(j["facets"].contains(f));
    REQUIRE(j["facets"][f].is_array());
    for (const json& v : j["facets"][f]) {
      CHECK(v.size() == 2);
      CHECK(v.at("value").is_string());
      CHECK(v.at("count").is_number_integer());
    }
  }

  // an undated document: date is null; a front-matter title
  j = ix.search_json({"reefs"});
  REQUIRE(j.at("results").size() == 1);
  CHECK(j["results"][0].at("date").is_null());
  CHECK(j["results"][0].at("title") == "Note on regional maritime consultations");
  {
    const json& topics = j["results"][0].at("topics");
    REQUIRE(topics.is_array());
    CHECK(topics.at(0) == "hybrid threats");  // front matter values come first
    CHECK(std::find(topics.begin(), topics.end(), json("maritime security")) != topics.end());
  }
  CHECK(j["results"][0].at("ministers") == json::array());
  CHECK(j["results"][0].at("parties") == json::array());

  // Markdown heading as title; ministers with role and country; HTML escaping
  j = ix.search_json({"drones"});
  REQUIRE(j.at("results").size() == 1);
  const json& g = j["results"][0];
  CHECK(g.at("title") == "UK and Australia review AUKUS submarine programme");
  CHECK(g.at("date") == "2024-04-22");
  CHECK(g.at("countries") == json({"United Kingdom", "Australia", "China"}));
  CHECK(g.at("ministers") ==
        json({{{"name", "Grant Shapps"}, {"role", "Defense Minister"}, {"country", "United Kingdom"}},
              {{"name", "Richard Marles"}, {"role", "Deputy Prime Minister"}, {"country", "Australia"}}}));
  const std::string snippet = g.at("snippet").get<std::string>();
  CHECK(contains(snippet, "<b>drones</b>"));
  CHECK(contains(snippet, "R&amp;D"));
  CHECK(contains(snippet, "&quot;autonomous&quot;"));
  CHECK_FALSE(contains(snippet, "R&D"));

  // paging: ranks continue across pages
  j = ix.search_json({"--country", "japan", "--offset", "1", "--limit", "2"});
  CHECK(j.at("total") == 4);
  CHECK(j.at("offset") == 1);
  REQUIRE(j.at("results").size() == 2);
  CHECK(j["results"][0].at("rank") == 2);
  CHECK(j["results"][1].at("rank") == 3);

  // ministers across documents: Austin with his role and country
  j = ix.search_json({"--minister", "nakatani"});
  REQUIRE(j.at("results").size() == 1);
  CHECK(j["results"][0].at("ministers") ==
        json({{{"name", "Lloyd J. Austin III"}, {"role", "Defense Minister"}, {"country", "United States"}},
              {{"name", "Gen Nakatani"}, {"role", "Defense Minister"}, {"country", "Japan"}}}));
  CHECK(j["results"][0].at("title") == "Washington and Tokyo review command arrangements");
}

// ---------------------------------------------------------------------------
// 5. Facet counts

namespace {
void check_sorted(const json& j) {
  for (const char* f : {"country", "party", "minister", "topic", "organisation"}) {
    auto list = facet_list(j, f);
    INFO("facet " << f);
    for (size_t i = 1; i < list.size(); ++i) {
      const auto& a = list[i - 1];
      const auto& b = list[i];
      INFO(a.first << " (" << a.second << ") before " << b.first << " (" << b.second << ")");
      CHECK((a.second > b.second || (a.second == b.second && a.first < b.first)));
    }
  }
}
using Counts = std::vector<std::pair<std::string, long>>;
}  // namespace

TEST_CASE("facet counts are exact over all matches and sorted", "[e2e][facets]") {
  IndexedCorpus ix;

  // No query: every document; every value listed (--facet-limit 0).
  json j = ix.search_json({"--limit", "1", "--facet-limit", "0"});
  CHECK(j.at("total") == 7);
  CHECK(j.at("results").size() == 1);
  check_sorted(j);
  CHECK(facet_list(j, "country") == Counts{{"Japan", 4},       {"Finland", 2},     {"United States", 2},
                                           {"Australia", 1},   {"China", 1},       {"North Korea", 1},
                                           {"Philippines", 1}, {"South Korea", 1}, {"Sweden", 1},
                                           {"United Kingdom", 1}, {"Vietnam", 1}});
  CHECK(facet_list(j, "party") == Counts{{"Japan", 3},       {"Finland", 2}, {"United States", 2}, {"Australia", 1},
                                         {"South Korea", 1}, {"Sweden", 1},  {"United Kingdom", 1}});
  CHECK(facet_list(j, "minister") == Counts{{"Antti Häkkänen", 2}, {"Lloyd J. Austin III", 2}, {"Gen Nakatani", 1},
                                            {"Grant Shapps", 1},   {"Minoru Kihara", 1},       {"Pål Jonson", 1},
                                            {"Richard Marles", 1}, {"Shin Won-sik", 1},        {"Yoko Kamikawa", 1}});
  CHECK(facet_list(j, "organisation") == Counts{{"NATO", 2}, {"ASEAN", 1}, {"AUKUS", 1}, {"EU", 1}, {"UN", 1}});
  // topics: only those the texts trigger on purpose
  Counts topics = facet_list(j, "topic");
  auto topic_count = [&](const std::string& t) {
    for (const auto& [v, c] : topics)
      if (v == t) return c;
    return 0L;
  };
  CHECK(topics.at(0) == std::make_pair(std::string("maritime security"), 3L));
  CHECK(topic_count("cyber") == 1);
  CHECK(topic_count("missile") == 1);
  CHECK(topic_count("nuclear") == 1);
  CHECK(topic_count("hybrid threats") == 1);
  CHECK(topic_count("disaster relief") == 0);
  // By default ten values a facet, the most frequent, and how many in all.
  json ten = ix.search_json({"--limit", "1"});
  CHECK(ten.at("facets").at("country").size() == 10);
  const Counts all_countries = facet_list(j, "country");
  CHECK(facet_list(ten, "country") == Counts(all_countries.begin(), all_countries.begin() + 10));
  CHECK(ten.at("facet_values").at("country") == 11);
  CHECK(ten.at("facet_values").at("minister") == 9);
  CHECK(ten.at("facets").at("minister") == j.at("facets").at("minister"));

  // Filtered, one result shown: the counts still cover all four matches.
  j = ix.search_json({"--country", "japan", "--limit", "1"});
  CHECK(j.at("total") == 4);
  CHECK(j.at("results").size() == 1);
  check_sorted(j);
  CHECK(facet_list(j, "country") == Counts{{"Japan", 4}, {"Finland", 2}, {"Sweden", 1}, {"United States", 1}});
  CHECK(facet_list(j, "party") == Counts{{"Japan", 3}, {"Finland", 2}, {"Sweden", 1}, {"United States", 1}});
  CHECK(facet_list(j, "organisation") == Counts{{"NATO", 2}, {"EU", 1}});
  CHECK(facet_list(j, "minister") == Counts{{"Antti Häkkänen", 2}, {"Gen Nakatani", 1}, {"Lloyd J. Austin III", 1},
                                            {"Minoru Kihara", 1},  {"Pål Jonson", 1},   {"Yoko Kamikawa", 1}});

  // Free-text query: counts over its matches only.
  j = ix.search_json({"defense", "--limit", "2"});
  CHECK(j.at("total") == 6);
  check_sorted(j);
  CHECK(facet_list(j, "organisation") == Counts{{"NATO", 2}, {"AUKUS", 1}, {"EU", 1}, {"UN", 1}});
}

TEST_CASE("text output shows results then the summary line then facet lines", "[e2e][text-output]") {
  IndexedCorpus ix;

  Run r = ix.search({"--country", "japan", "--limit", "2"});
  INFO(describe(r));
  CHECK(r.status == 0);
  CHECK_FALSE(contains(r.out, "\x1b["));
  auto lines = r.out_lines();
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("1. ", 0) == 0; }) == 1);
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("2. ", 0) == 0; }) == 1);
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("3. ", 0) == 0; }) == 0);
  CHECK(has_line(r.out, "4 briefings matched; showing 1-2."));
  CHECK(has_line(r.out, "country: Japan (4), Finland (2), Sweden (1), United States (1)"));
  CHECK(has_line(r.out, "party: Japan (3), Finland (2), Sweden (1), United States (1)"));
  CHECK(has_line(r.out, "organisation: NATO (2), EU (1)"));
  // the summary comes after the results, the facet lines last
  size_t summary = r.out.find("4 briefings matched");
  CHECK(summary != std::string::npos);
  CHECK(r.out.find("2. ") < summary);
  CHECK(r.out.find("country: Japan (4)") > summary);

  r = ix.search({"--country", "japan", "--limit", "2", "--offset", "2"});
  CHECK(r.status == 0);
  CHECK(has_line(r.out, "4 briefings matched; showing 3-4."));
  CHECK(line_with(r.out, "3. ") != "");

  r = ix.search({"--country", "japan", "--offset", "10"});
  CHECK(r.status == 0);  // matches exist, though none on this page
  CHECK(contains(r.out, "4 briefings matched"));
  CHECK(line_with(r.out, "1. ") == "");

  r = ix.search({"--country", "japan", "--facet-limit", "2"});
  CHECK(has_line(r.out, "country: Japan (4), Finland (2), … 2 more"));

  // one result, in detail
  r = ix.search({"seabed"});
  CHECK(r.status == 0);
  CHECK(has_line(r.out, "1. Finland and Sweden step up protection of the Baltic seabed  2024-09-12"));
  CHECK(has_line(r.out, "   " + (ix.corpus() / kC).string()));
  CHECK(has_line(r.out, "   ministers: Antti Häkkänen (Defense Minister, Finland); Pål Jonson (Defense Minister, Sweden)"));
  CHECK(has_line(r.out, "1 briefing matched; showing 1-1."));
  CHECK(contains(r.out, "**seabed**"));

  r = ix.search({"reefs"});
  CHECK(has_line(r.out, "1. Note on regional maritime consultations  (no date)"));

  r = ix.search({"seabed", "--color", "always"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "\x1b["));
}

// ---------------------------------------------------------------------------
// 6. Dates

TEST_CASE("date filters with since and until at year month and day precision", "[e2e][dates]") {
  IndexedCorpus ix;
  // A 2024-02-14, B 2024-06-05, C 2024-09-12, D undated, E 2023-11-30, F 2024-12-10, G 2024-04-22
  CHECK(ix.names({"--since", "2024"}) == Names{kA, kB, kC, kF, kG});
  CHECK(ix.names({"--until", "2023"}) == Names{kE});
  CHECK(ix.names({"--since", "2024", "--until", "2024"}) == Names{kA, kB, kC, kF, kG});
  CHECK(ix.names({"--since", "1900"}) == Names{kA, kB, kC, kE, kF, kG});  // undated D never
  CHECK(ix.names({"--until", "2999"}) == Names{kA, kB, kC, kE, kF, kG});

  CHECK(ix.names({"--since", "2024-04", "--until", "2024-06"}) == Names{kB, kG});
  CHECK(ix.names({"--since", "2024-06"}) == Names{kB, kC, kF});
  CHECK(ix.names({"--until", "2024-02"}) == Names{kA, kE});
  CHECK(ix.names({"--since", "2024-10", "--until", "2024-11"}).empty());

  CHECK(ix.names({"--since", "2024-06-05", "--until", "2024-06-05"}) == Names{kB});
  CHECK(ix.names({"--since", "2024-06-06", "--until", "2024-09-12"}) == Names{kC});
  CHECK(ix.names({"--until", "2024-02-13"}) == Names{kE});
  CHECK(ix.names({"--until", "2024-02-14"}) == Names{kA, kE});
  CHECK(ix.names({"--since", "2024-04-22"}) == Names{kB, kC, kF, kG});
  CHECK(ix.names({"--since", "2024/06/05", "--until", "2024/06/05"}) == Names{kB});

  // with other filters and words
  CHECK(ix.names({"--country", "japan", "--since", "2024"}) == Names{kA, kC, kF});
  CHECK(ix.names({"defence", "--until", "2024-03"}) == Names{kA, kE});

  // date: in the query, the forms that work
  CHECK(ix.names({"date:2024"}) == Names{kA, kB, kC, kF, kG});
  CHECK(ix.names({"date:..2023"}) == Names{kE});
  CHECK(ix.names({"japan date:2024"}) == Names{kA, kC, kF});

  // bad dates: exit 2, one line on stderr
  for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
           {"--since", "2024-13"}, {"--until", "2024-02-30"}, {"--since", "yesterday"},
           {"--since", "2025", "--until", "2024"}, {"date:foo"}}) {
    Run r = ix.search(bad);
    check_one_line_error(r, "searcher");
    CHECK(r.out.empty());
  }
  // The line names the flag and says what is wrong.
  CHECK(ix.search({"--since", "9999-12-31"}).err ==
        "searcher: --since: bad date '9999-12-31': years run from 1000 to 2999\n");
  CHECK(ix.search({"--until", "2024-02-30"}).err == "searcher: --until: bad date '2024-02-30': no such month or day\n");
  CHECK(ix.search({"--since", "yesterday"}).err ==
        "searcher: --since: bad date 'yesterday': use YYYY, YYYY-MM or YYYY-MM-DD\n");
  CHECK(ix.search({"--since", "20245"}).err == "searcher: --since: bad date '20245': use YYYY, YYYY-MM or YYYY-MM-DD\n");
}

TEST_CASE("date ranges and months in the query string", "[e2e][dates]") {
  // (Once a bug: date: values with '-' or '..' were silently dropped from the
  // query and, on their own, matched everything, undated documents included.)
  IndexedCorpus ix;
  CHECK(ix.names({"date:2024-01..2024-06"}) == Names{kA, kB, kG});
  CHECK(ix.names({"date:2024-01-01..2024-06-30"}) == Names{kA, kB, kG});
  CHECK(ix.names({"date:2024-04"}) == Names{kG});
  CHECK(ix.names({"date:2024-06-05"}) == Names{kB});
  CHECK(ix.names({"date:..2024-02"}) == Names{kA, kE});
  CHECK(ix.names({"date:2024-06.."}) == Names{kB, kC, kF});
  CHECK(ix.names({"date:2023..2024"}) == Names{kA, kB, kC, kE, kF, kG});
  CHECK(ix.names({"date:2024-01..2024-06 NOT country:china"}) == Names{kA, kB});  // from --help
  CHECK(ix.names({"japan date:2024-04"}).empty());
  Run r = ix.search({"date:2024-13"});
  check_one_line_error(r, "searcher");
}

TEST_CASE("front matter then the first date in the text then the file name give the date", "[e2e][dates]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus", db = tmp / "db";
  write_file(corpus / "2022-01-01-fm.txt",
             "---\ndate: 12 September 2024\n---\nFront matter wins\n\nMet on 2023-05-05 in Oslo.\n");
  write_file(corpus / "2022-01-01-text.txt",
             "Text wins over the name\n\nMet on 5 May 2023 in Oslo, and again on 2023-06-01.\n");
  write_file(corpus / "2022-01-01-name.txt", "Name only\n\nMet in Oslo last week.\n");
  write_file(corpus / "iso.txt", "ISO date in the text\n\nMet in Oslo on 2024-05-02.\n");
  write_file(corpus / "bad-fm.txt", "---\ndate: 2024-02-30\n---\nBad front matter date\n\nNothing else.\n");
  write_file(corpus / "fm-facets.txt",
             "---\ntitle: Baltic ministers meet\ncountry: Estonia; Latvia\nminister: Hanno Pevkur\n"
             "topic: cyber\n---\nThe ministers met in Tallinn to talk about air policing.\n");
  Run r = indexer(tmp, {"--db", db.string(), corpus.string()});
  INFO(describe(r));
  CHECK(r.status == 0);
  CHECK(counts_part(r.out) == "6 added, 0 updated, 0 unchanged, 0 removed, 0 failed, 1 warning");
  CHECK(contains(line_with(r.err, "bad-fm.txt"), "2024-02-30"));

  Run s = searcher(tmp, {"--db", db.string(), "--format", "json", "--limit", "100"});
  REQUIRE(s.status == 0);
  json j = json::parse(s.out);
  std::map<std::string, json> by_name;
  for (const json& res : j.at("results")) by_name[fs::path(res.at("path").get<std::string>()).filename()] = res;
  REQUIRE(by_name.size() == 6);
  CHECK(by_name["2022-01-01-fm.txt"].at("date") == "2024-09-12");
  CHECK(by_name["2022-01-01-text.txt"].at("date") == "2023-05-05");
  CHECK(by_name["2022-01-01-name.txt"].at("date") == "2022-01-01");
  CHECK(by_name["iso.txt"].at("date") == "2024-05-02");
  CHECK(by_name["bad-fm.txt"].at("date").is_null());
  const json& fm = by_name["fm-facets.txt"];
  CHECK(fm.at("title") == "Baltic ministers meet");
  CHECK(fm.at("date").is_null());
  CHECK(fm.at("countries") == json({"Estonia", "Latvia"}));
  CHECK(fm.at("topics") == json({"cyber"}));
  REQUIRE(fm.at("ministers").size() == 1);
  CHECK(fm["ministers"][0].at("name") == "Hanno Pevkur");

  // front matter values are searchable like extracted ones
  s = searcher(tmp, {"--db", db.string(), "--minister", "pevkur", "--country", "latvia", "--format", "json"});
  CHECK(s.status == 0);
  CHECK(result_names(json::parse(s.out)) == Names{"fm-facets.txt"});
  s = searcher(tmp, {"--db", db.string(), "--since", "2023-05", "--until", "2023-05", "--format", "json"});
  CHECK(result_names(json::parse(s.out)) == Names{"2022-01-01-text.txt"});
}

// ---------------------------------------------------------------------------
// 7. Incremental re-indexing

TEST_CASE("re-indexing adds updates skips and removes files", "[e2e][indexer]") {
  // One database, and two shards written by two writers.
  const std::vector<std::string> layout = GENERATE(std::vector<std::string>{},
                                                   std::vector<std::string>{"--shards", "2", "--jobs", "2"});
  INFO("layout: " << (layout.empty() ? "one database" : "two shards"));
  TempDir tmp;
  const fs::path corpus = tmp / "corpus", db = tmp / "db";
  write_corpus(corpus);
  auto index = [&](std::vector<std::string> extra = {}, std::vector<std::string> inputs = {}) {
    std::vector<std::string> args{"--db", db.string()};
    args.insert(args.end(), layout.begin(), layout.end());
    args.insert(args.end(), extra.begin(), extra.end());
    if (inputs.empty()) inputs.push_back(corpus.string());
    args.insert(args.end(), inputs.begin(), inputs.end());
    return indexer(tmp, args);
  };
  auto names = [&](const std::vector<std::string>& args) { return names_found(tmp, db, args); };
  const std::regex summary_form(
      R"(\d+ added, \d+ updated, \d+ unchanged, \d+ removed, \d+ failed in \d+\.\d\d s \(\d+\.\d documents/s\)\n)");

  Run r = index();
  INFO(describe(r));
  CHECK(r.status == 0);
  CHECK(std::regex_match(r.out, summary_form));
  CHECK(counts_part(r.out) == "7 added, 0 updated, 0 unchanged, 0 removed, 0 failed");
  // the new database was compacted and swapped in: nothing left beside it
  CHECK(fs::exists(db / (layout.empty() ? "iamglass" : "XAPIANDB")));
  CHECK_FALSE(fs::exists(tmp / "db.compacting"));

  // nothing changed
  r = index();
  CHECK(r.status == 0);
  CHECK(counts_part(r.out) == "0 added, 0 updated, 7 unchanged, 0 removed, 0 failed");
  CHECK(r.err.empty());
  // a folder given twice, and a file in it, are walked once
  r = index({}, {corpus.string(), (corpus / kA).string(), corpus.string() + "/./"});
  CHECK(r.status == 0);
  CHECK(counts_part(r.out) == "0 added, 0 updated, 7 unchanged, 0 removed, 0 failed");
  // a file given alone: the other documents stay
  r = index({}, {(corpus / kB).string()});
  CHECK(counts_part(r.out) == "0 added, 0 updated, 1 unchanged, 0 removed, 0 failed");
  CHECK(names({}).size() == 7);

  // edit A, delete F, add H
  std::string a = kDocA;
  const std::string old_words = "winter manoeuvres in Lapland";
  a.replace(a.find(old_words), old_words.size(), "spring exercises near Rovaniemi and Sodankylä");
  write_file(corpus / kA, a);
  fs::remove(corpus / kF);
  const std::string kH = "2024-03-03-ottawa-oslo.txt";
  write_file(corpus / kH,
             "Canada and Norway discuss Arctic surveillance\n\n"
             "Ottawa, 2024-03-03. Canadian and Norwegian officials compared notes on Arctic "
             "surveillance and icebreaker availability.\n");
  r = index({"-v"});
  CHECK(r.status == 0);
  CHECK(std::regex_match(r.out_lines().back() + "\n", summary_form));
  CHECK(counts_part(r.out) == "1 added, 1 updated, 5 unchanged, 1 removed, 0 failed");
  // -v: a line each on standard output, problems apart on standard error
  CHECK(contains(r.out, "added " + (corpus / kH).string()));
  CHECK(contains(r.out, "updated " + (corpus / kA).string()));
  CHECK(contains(r.out, "removed " + (corpus / kF).string()));
  CHECK(r.err.empty());

  CHECK(names({"lapland"}).empty());
  CHECK(names({"manoeuvres"}).empty());
  CHECK(names({"rovaniemi"}) == Names{kA});
  CHECK(names({"sodankyla"}) == Names{kA});
  CHECK(names({"nakatani"}).empty());
  CHECK(names({"--minister", "nakatani"}).empty());
  CHECK(names({"--minister", "austin"}) == Names{kB});
  CHECK(names({"--country", "japan"}) == Names{kA, kC, kE});
  CHECK(names({"icebreaker"}) == Names{kH});
  CHECK(names({"--country", "norway", "--since", "2024-03-03", "--until", "2024-03-03"}) == Names{kH});
  CHECK(names({}).size() == 7);

  // deleting a whole subfolder removes its documents
  fs::remove_all(corpus / "notes");
  r = index();
  CHECK(r.status == 0);
  CHECK(counts_part(r.out) == "0 added, 0 updated, 6 unchanged, 1 removed, 0 failed");
  CHECK(names({"reefs"}).empty());
  CHECK(names({"--organisation", "asean"}).empty());

  r = index({"-q"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
}

TEST_CASE("a custom topics file replaces the taxonomy and a rules change re-extracts everything", "[e2e][indexer]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus", db = tmp / "db", topics = tmp / "topics.tsv";
  write_file(corpus / kA, kDocA);
  write_file(corpus / kC, kDocC);
  write_file(corpus / "2024-03-03-ottawa-oslo.txt",
             "Canada and Norway discuss Arctic surveillance\n\n"
             "Ottawa, 3 March 2024. Canadian and Norwegian officials compared notes on Arctic "
             "surveillance and icebreakers.\n");
  write_file(topics, "# my taxonomy\npolar\tArctic|icebreaker*\ncyber\tcyber*\n");
  auto names = [&](const std::vector<std::string>& args) { return names_found(tmp, db, args); };

  Run r = indexer(tmp, {"--db", db.string(), "--topics", topics.string(), corpus.string()});
  INFO(describe(r));
  CHECK(r.status == 0);
  CHECK(counts_part(r.out) == "3 added, 0 updated, 0 unchanged, 0 removed, 0 failed");
  CHECK(names({"--topic", "polar"}) == Names{"2024-03-03-ottawa-oslo.txt"});
  CHECK(names({"--topic", "cyber"}) == Names{kA});
  CHECK(names({"--topic", "maritime security"}).empty());

  r = indexer(tmp, {"--db", db.string(), "--topics", topics.string(), corpus.string()});
  CHECK(counts_part(r.out) == "0 added, 0 updated, 3 unchanged, 0 removed, 0 failed");

  // back to the built-in taxonomy: every document is extracted again
  r = indexer(tmp, {"--db", db.string(), corpus.string()});
  CHECK(r.status == 0);
  CHECK(counts_part(r.out) == "0 added, 3 updated, 0 unchanged, 0 removed, 0 failed");
  CHECK(names({"--topic", "polar"}).empty());
  CHECK(names({"--topic", "maritime security"}) == Names{kC});
  CHECK(names({"--topic", "cyber"}) == Names{kA});

  // a topics file that cannot be read: exit 2, one line
  r = indexer(tmp, {"--db", db.string(), "--topics", (tmp / "nope.tsv").string(), corpus.string()});
  check_one_line_error(r, "indexer");
  CHECK(contains(r.err, "nope.tsv"));
}

TEST_CASE("the index follows its folders across runs over some of them", "[e2e][indexer]") {
  TempDir tmp;
  // ("two.txt" is a folder, until it becomes a file)
  const fs::path one = tmp / "one", two = tmp / "two.txt", db = tmp / "db", topics = tmp / "topics.tsv";
  write_file(one / kA, kDocA);
  write_file(two / kC, kDocC);
  write_file(topics, "polar\tcyber*|seabed\n");
  auto names = [&](const std::vector<std::string>& args) { return names_found(tmp, db, args); };
  Run r = indexer(tmp, {"--db", db.string(), one.string(), two.string()});
  INFO(describe(r));
  REQUIRE(r.status == 0);

  SECTION("new rules over one folder, then over both: the other folder catches up") {
    r = indexer(tmp, {"--db", db.string(), "--topics", topics.string(), one.string()});
    CHECK(counts_part(r.out) == "0 added, 1 updated, 0 unchanged, 0 removed, 0 failed");
    r = indexer(tmp, {"--db", db.string(), "--topics", topics.string(), one.string(), two.string()});
    CHECK(counts_part(r.out) == "0 added, 1 updated, 1 unchanged, 0 removed, 0 failed");
    CHECK(names({"--topic", "polar"}) == Names{kA, kC});
  }

  SECTION("--store-text over one folder, then both: every briefing's text is kept") {
    r = indexer(tmp, {"--db", db.string(), "--store-text", one.string()});
    CHECK(counts_part(r.out) == "0 added, 1 updated, 0 unchanged, 0 removed, 0 failed");
    r = indexer(tmp, {"--db", db.string(), one.string(), two.string()});
    CHECK(counts_part(r.out) == "0 added, 1 updated, 1 unchanged, 0 removed, 0 failed");
  }

  SECTION("a file whose content changed with its size and time put back is read again") {
    std::string c = kDocC;
    const size_t at = c.find("surveillance");
    REQUIRE(at != std::string::npos);
    c.replace(at, 12, "zqxwvbnmlkjh");  // same length
    struct stat before {};
    REQUIRE(::stat((two / kC).c_str(), &before) == 0);
    write_file(two / kC, c);
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, (two / kC).c_str(), times, 0) == 0);
    r = indexer(tmp, {"--db", db.string(), one.string(), two.string()});
    CHECK(counts_part(r.out) == "0 added, 1 updated, 1 unchanged, 0 removed, 0 failed");
    CHECK(names({"zqxwvbnmlkjh"}) == Names{kC});
    // --force reads every file again
    r = indexer(tmp, {"--db", db.string(), "--force", one.string(), two.string()});
    CHECK(counts_part(r.out) == "0 added, 2 updated, 0 unchanged, 0 removed, 0 failed");
  }

  SECTION("a folder moved away: its documents go, and the run says so") {
    fs::rename(two, tmp / "moved");
    r = indexer(tmp, {"--db", db.string(), one.string(), two.string(), (tmp / "moved").string()});
    CHECK(r.status == 0);
    CHECK(counts_part(r.out) == "1 added, 0 updated, 1 unchanged, 1 removed, 0 failed, 1 warning");
    CHECK(contains(r.err, two.string() + ": No such file or directory; its 1 document removed from the index"));
    CHECK(names({}).size() == 2);
    // Named again, it has nothing left to remove: an error, as any path
    // that does not exist.
    r = indexer(tmp, {"--db", db.string(), two.string()});
    CHECK(r.status == 1);
    CHECK(contains(r.err, two.string() + ": No such file or directory"));
  }

  SECTION("a folder that became a file, and a subfolder reached through a link") {
    fs::remove_all(two);
    write_file(two, kDocB);  // "two" is now a file
    r = indexer(tmp, {"--db", db.string(), two.string()});
    CHECK(counts_part(r.out) == "1 added, 0 updated, 0 unchanged, 1 removed, 0 failed");
    CHECK(names({}).size() == 2);
    fs::create_directories(tmp / "elsewhere");
    fs::rename(one / kA, tmp / "elsewhere" / kA);
    fs::remove_all(one);
    fs::create_directories(one);
    fs::create_directory_symlink(tmp / "elsewhere", one / "sub");
    r = indexer(tmp, {"--db", db.string(), one.string()});
    CHECK(counts_part(r.out) == "0 added, 0 updated, 0 unchanged, 1 removed, 0 failed");
  }
}

TEST_CASE("indexer: conflicting flags, and output that cannot be written", "[e2e][indexer]") {
  TempDir tmp;
  write_file(tmp / "corpus" / kA, kDocA);
  Run r = indexer(tmp, {"--db", (tmp / "db").string(), "-q", "-v", (tmp / "corpus").string()});
  check_one_line_error(r, "indexer");
  CHECK(contains(r.err, "--quiet and --verbose"));
  // The summary to a full disk: exit 2 and a reason, not silence.
  const std::string command = fmt::format("'{}' --db '{}' '{}' > /dev/full 2> '{}'", INDEXER_BIN,
                                          (tmp / "db").string(), (tmp / "corpus").string(), (tmp / "err").string());
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(contains(read_file(tmp / "err"), "indexer: cannot write output: No space left on device"));
}

TEST_CASE("indexer: one shard of a sharded index is refused; --explain takes nothing else", "[e2e][indexer]") {
  TempDir tmp;
  write_file(tmp / "corpus" / kA, kDocA);
  const fs::path db = tmp / "db";
  REQUIRE(indexer(tmp, {"--db", db.string(), "--shards", "2", "-q", (tmp / "corpus").string()}).status == 0);
  // (written alone, a shard would hold again what its sibling holds)
  for (const std::string& shard : std::vector<std::string>{(db / "shard-000").string(), (db / "shard-001").string() + "/"}) {
    Run r = indexer(tmp, {"--db", shard, (tmp / "corpus").string()});
    INFO(shard);
    check_one_line_error(r, "indexer");
    CHECK(contains(r.err, "is a shard of the index"));
    CHECK(contains(r.err, "--db '" + db.string() + "'"));
  }
  Run r = indexer(tmp, {"--explain", (tmp / "corpus" / kA).string(), "--db", db.string()});
  check_one_line_error(r, "indexer");
  CHECK(contains(r.err, "takes no --db"));
  r = indexer(tmp, {"--explain", (tmp / "corpus" / kA).string(), (tmp / "corpus").string()});
  check_one_line_error(r, "indexer");
  CHECK(contains(r.err, "takes no other files"));
  CHECK(indexer(tmp, {"--explain", (tmp / "corpus" / kA).string()}).status == 0);
}

TEST_CASE("an interrupted first build of other folders is discarded, not merged", "[e2e][indexer]") {
  TempDir tmp;
  write_file(tmp / "corpus" / kA, kDocA);
  write_file(tmp / "other" / "o.txt", "Talks in Oslo\n\nOslo, 3 March 2025 - Norway's Defence Minister Tore O. "
                                        "Sandvik met Sweden's Defence Minister Pal Jonson.\n");
  const fs::path db = tmp / "db";
  // A build by two writers of "other", cut short after its first batch:
  // its writers' shards are left in DB.indexing.
  REQUIRE(indexer(tmp, {"--db", (tmp / "whole").string(), "--jobs", "2", "-q", (tmp / "other").string()}).status ==
          0);
  fs::create_directories(db.string() + ".indexing");
  fs::copy(tmp / "whole", db.string() + ".indexing/shard-000", fs::copy_options::recursive);
  {
    Xapian::WritableDatabase empty(db.string() + ".indexing/shard-001", Xapian::DB_CREATE);
    empty.commit();
  }
  write_file(fs::path(db.string() + ".indexing") / "XAPIANDB", "auto shard-000\nauto shard-001\n");
  write_file(fs::path(db.string() + ".indexing") / "INPUTS", fs::canonical(tmp / "other").string() + "\n");
  // A build of "corpus" does not take them in.
  Run r = indexer(tmp, {"--db", db.string(), "--jobs", "2", (tmp / "corpus").string()});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(contains(r.err, "an interrupted first build of other files or folders; discarded"));
  CHECK(Xapian::Database(db.string()).get_doccount() == 1);
  CHECK_FALSE(fs::exists(db.string() + ".indexing"));
}

TEST_CASE("the index follows moves the hostile way: links, pages that stop being pages, paths given twice",
          "[e2e][indexer]") {
  TempDir tmp;
  const fs::path db = tmp / "db";
  auto names = [&](const std::vector<std::string>& args) { return names_found(tmp, db, args); };
  SECTION("an input folder replaced by a link to where it went: its old documents go") {
    write_file(tmp / "D" / kA, kDocA);
    REQUIRE(indexer(tmp, {"--db", db.string(), (tmp / "D").string()}).status == 0);
    fs::rename(tmp / "D", tmp / "D2");
    fs::create_directory_symlink(tmp / "D2", tmp / "D");
    Run r = indexer(tmp, {"--db", db.string(), (tmp / "D").string()});
    INFO(describe(r));
    CHECK(r.status == 0);
    CHECK(counts_part(r.out) == "1 added, 0 updated, 0 unchanged, 1 removed, 0 failed");
    CHECK(r.err.empty());
    CHECK(names({}).size() == 1);
  }
  SECTION("a page without an extension that is no page now is removed") {
    write_file(tmp / "D" / "page.data",
               "<!DOCTYPE html><html><head><title>Kallas meets Orpo</title></head><body><main><h1>Kallas meets "
               "Orpo</h1><p>Estonian Prime Minister Kaja Kallas met Finnish Prime Minister Petteri Orpo in Tallinn "
               "to discuss wombatword cooperation.</p></main></body></html>");
    REQUIRE(indexer(tmp, {"--db", db.string(), (tmp / "D").string()}).status == 0);
    REQUIRE(names({"wombatword"}).size() == 1);
    write_file(tmp / "D" / "page.data", "This is now just a shopping list.\n");
    Run r = indexer(tmp, {"--db", db.string(), (tmp / "D").string()});
    CHECK(counts_part(r.out) == "0 added, 0 updated, 0 unchanged, 1 removed, 0 failed, 1 skipped (unknown format)");
    CHECK(names({"wombatword"}).empty());
  }
  SECTION("a gone folder given twice, or inside a folder given, is no failure") {
    write_file(tmp / "D" / "sub" / kA, kDocA);
    write_file(tmp / "D" / kB, kDocB);
    write_file(tmp / "E" / kC, kDocC);
    REQUIRE(indexer(tmp, {"--db", db.string(), (tmp / "D").string(), (tmp / "E").string()}).status == 0);
    fs::remove_all(tmp / "D" / "sub");
    Run r = indexer(tmp, {"--db", db.string(), (tmp / "D").string(), (tmp / "D" / "sub").string()});
    INFO(describe(r));
    CHECK(r.status == 0);
    CHECK(counts_part(r.out) == "0 added, 0 updated, 1 unchanged, 1 removed, 0 failed");
    fs::remove_all(tmp / "E");
    r = indexer(tmp, {"--db", db.string(), (tmp / "E").string(), (tmp / "E").string()});
    CHECK(r.status == 0);
    CHECK(r.err_lines().size() == 1);
    CHECK(contains(r.err, "its 1 document removed"));
  }
  SECTION("a missing path with '..' in it names no folder") {
    write_file(tmp / "E" / kC, kDocC);
    REQUIRE(indexer(tmp, {"--db", db.string(), (tmp / "E").string()}).status == 0);
    fs::remove(tmp / "E" / kC);
    Run r = indexer(tmp, {"--db", db.string(), (tmp / "gone" / "..").string()});
    CHECK(r.status == 1);
    CHECK(contains(r.err, "No such file or directory"));
    CHECK_FALSE(contains(r.err, "removed from the index"));
    CHECK(counts_part(r.out) == "0 added, 0 updated, 0 unchanged, 0 removed, 1 failed");
  }
}

TEST_CASE("inputs that are all gone make no new database", "[e2e][indexer]") {
  TempDir tmp;
  Run r = indexer(tmp, {"--db", (tmp / "db").string(), (tmp / "nowhere").string()});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "nowhere: No such file or directory"));
  CHECK_FALSE(fs::exists(tmp / "db"));
}

// ---------------------------------------------------------------------------
// 8. Bad files

TEST_CASE("bad files are reported and the good ones indexed", "[e2e][indexer]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus", db = tmp / "db";
  write_file(corpus / kB, kDocB);
  write_file(corpus / kC, kDocC);
  write_file(corpus / "empty.txt", "");
  static const char kBinary[] = "Binaryonlyword readout\n\0\0\x01\x02 data\n";
  write_file(corpus / "binary.txt", std::string(kBinary, sizeof kBinary - 1));
  write_file(corpus / "latin1.txt",
             "Estonia and Latvia discuss Baltic air policing\n\n"
             "The ministers met in Tallinn \xff\xfe to review the r\xe9gion.\n");
  std::string big = "Oversizedword briefing\n\n";
  while (big.size() < 3000) big += "The ministers discussed the oversizedword at length. ";
  write_file(corpus / "big.txt", big);
  write_file(corpus / "notes.pdf", "%PDF-1.4 not a briefing\n");  // a broken PDF: a failure
  write_file(corpus / "photo.jpg", "\xff\xd8\xff\xe0 not a briefing\n");  // unknown format: skipped
  fs::create_symlink(corpus / "missing-target.txt", corpus / "dangling.txt");

  Run r = indexer(tmp, {"--db", db.string(), "--max-size", "1K", corpus.string()});
  INFO(describe(r));
  CHECK(r.status == 1);
  CHECK(counts_part(r.out) ==
        "3 added, 0 updated, 0 unchanged, 0 removed, 5 failed, 1 skipped (unknown format), 1 warning");

  auto err_line = [&](const std::string& file) {
    std::string prefix = "indexer: " + (corpus / file).string() + ": ";
    std::vector<std::string> found;
    for (const std::string& l : r.err_lines())
      if (l.rfind(prefix, 0) == 0) found.push_back(l.substr(prefix.size()));
    INFO("stderr lines for " << file);
    CHECK(found.size() == 1);
    return found.empty() ? std::string() : found[0];
  };
  std::string e = err_line("empty.txt");
  CHECK(contains(e, "empty file"));
  CHECK(contains(e, "(not indexed)"));
  e = err_line("binary.txt");
  CHECK(contains(e, "binary file"));
  CHECK(contains(e, "(not indexed)"));
  e = err_line("big.txt");
  CHECK(contains(e, "too large"));
  CHECK(contains(e, "(not indexed)"));
  e = err_line("dangling.txt");
  CHECK(contains(e, "(not indexed)"));
  e = err_line("latin1.txt");
  CHECK(contains(e, "invalid UTF-8"));
  CHECK_FALSE(contains(e, "not indexed"));
  e = err_line("notes.pdf");
  CHECK(contains(e, "PDF"));
  CHECK(contains(e, "(not indexed)"));
  CHECK(r.err_lines().size() == 6);
  CHECK_FALSE(contains(r.err, "photo.jpg"));

  auto search = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.string()});
    args.insert(args.end(), {"--format", "json", "--limit", "100"});
    return searcher(tmp, args);
  };
  auto names = [&](const std::vector<std::string>& args) {
    Run s = search(args);
    INFO(describe(s));
    REQUIRE((s.status == 0 || s.status == 1));
    return result_names(json::parse(s.out));
  };
  CHECK(names({"seabed"}) == Names{kC});
  CHECK(names({"missile"}) == Names{kB});
  CHECK(names({"estonia"}) == Names{"latin1.txt"});
  CHECK(names({"--country", "latvia"}) == Names{"latin1.txt"});
  CHECK(names({"binaryonlyword"}).empty());
  CHECK(names({"oversizedword"}).empty());
  CHECK(names({}) == Names{kB, kC, "latin1.txt"});

  // the invalid bytes are dropped: the output is valid UTF-8 (json::parse checks)
  Run s = search({"tallinn"});
  REQUIRE(s.status == 0);
  json j;
  REQUIRE_NOTHROW(j = json::parse(s.out));
  REQUIRE(j.at("results").size() == 1);
  CHECK(j["results"][0].at("title") == "Estonia and Latvia discuss Baltic air policing");
  CHECK(contains(j["results"][0].at("snippet").get<std::string>(), "<b>Tallinn</b>"));

  // a second run: the failures are reported again, the rest unchanged
  r = indexer(tmp, {"--db", db.string(), "--max-size", "1K", corpus.string()});
  CHECK(r.status == 1);
  CHECK(contains(r.out, "0 added, 0 updated, 3 unchanged, 0 removed, 5 failed"));
}

// ---------------------------------------------------------------------------
// 9. Errors and exit statuses

TEST_CASE("searcher errors and exit statuses and help", "[e2e][errors]") {
  IndexedCorpus ix;

  // missing database: exit 2, one line naming the path
  const std::string missing = (ix.tmp() / "no-such-db").string();
  Run r = searcher(ix.tmp(), {"--db", missing, "japan"});
  check_one_line_error(r, "searcher");
  CHECK(contains(r.err, missing));
  CHECK(r.out.empty());

  // a folder that is not a database
  const fs::path not_db = ix.tmp() / "not-a-db";
  fs::create_directories(not_db);
  r = searcher(ix.tmp(), {"--db", not_db.string(), "japan"});
  check_one_line_error(r, "searcher");
  CHECK(contains(r.err, not_db.string()));

  r = searcher(ix.tmp(), {"japan"});  // no --db, and no default database yet
  check_one_line_error(r, "searcher");
  CHECK(contains(r.err, ".local/share/briefing-search/db"));

  // bad options
  r = ix.search({"--format", "xml", "japan"});
  check_one_line_error(r, "searcher");
  CHECK(contains(r.err, "xml"));
  r = ix.search({"--color", "purple", "japan"});
  check_one_line_error(r, "searcher");
  r = ix.search({"--limit", "abc", "japan"});
  check_one_line_error(r, "searcher");
  r = ix.search({"--no-such-flag", "japan"});
  check_one_line_error(r, "searcher");
  r = ix.search({"--country", ""});
  check_one_line_error(r, "searcher");

  // malformed queries: a clean error, never a crash
  for (const char* q : {"AND", "japan AND", "NOT", "OR japan"}) {
    r = ix.search({q});
    INFO("query " << q);
    check_one_line_error(r, "searcher");
    CHECK(contains(r.err, "bad query"));
  }
  // lenient forms: either a clean error or a sensible result
  for (const char* q : {"(japan", "japan)"}) {
    r = ix.search({q, "--format", "json", "--limit", "100"});
    INFO(describe(r));
    CHECK((r.status == 0 || r.status == 2));
    if (r.status == 0) CHECK(result_names(json::parse(r.out)) == Names{kA, kC, kE, kF});
    else check_one_line_error(r, "searcher");
  }
  for (const char* q : {"\"unclosed phrase", "country:", "((", "country:atlantis", "x*", "\"\""}) {
    r = ix.search({q});
    INFO(describe(r));
    CHECK(r.status <= 2);
    if (r.status == 2) check_one_line_error(r, "searcher");
  }

  // nothing matched: exit 1
  r = ix.search({"zyzzyva"});
  CHECK(r.status == 1);
  CHECK(has_line(r.out, "No briefings matched."));
  CHECK(r.err.empty());
  r = ix.search({"zyzzyva", "--format", "json"});
  CHECK(r.status == 1);
  json j = json::parse(r.out);
  CHECK(j.at("total") == 0);
  CHECK(j.at("results") == json::array());
  CHECK(j.at("facets").is_object());
  r = ix.search({"--country", "finland", "--country", "vietnam"});
  CHECK(r.status == 1);

  // help
  r = searcher(ix.tmp(), {"--help"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "Examples"));
  CHECK(contains(r.out, "--country"));
}

TEST_CASE("indexer errors and help", "[e2e][errors]") {
  TempDir tmp;
  write_file(tmp / "corpus" / kA, kDocA);

  Run r = indexer(tmp, {"--help"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "Examples"));

  r = indexer(tmp, {"--db", (tmp / "db").string()});  // nothing to index
  check_one_line_error(r, "indexer");

  // No --db: the default database under $HOME (the helper sets HOME).
  r = indexer(tmp, {(tmp / "corpus").string()});
  CHECK(r.status == 0);
  CHECK(fs::exists(tmp / "home" / ".local/share/briefing-search/db" / "iamglass"));
  r = searcher(tmp, {"--stats"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "documents:"));

  write_file(tmp / "a-file", "not a database\n");
  r = indexer(tmp, {"--db", (tmp / "a-file").string(), (tmp / "corpus").string()});
  check_one_line_error(r, "indexer");
  CHECK(contains(r.err, (tmp / "a-file").string()));

  r = indexer(tmp, {"--db", (tmp / "db").string(), "--max-size", "1Q", (tmp / "corpus").string()});
  check_one_line_error(r, "indexer");
  // Negative, zero or absurd numbers are refused before anything is written.
  for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
           {"--jobs", "-1"}, {"--jobs", "0"}, {"--jobs", "100000"}, {"--shards", "-1"}, {"--shards", "5000"},
           {"--shards", "0"},
           {"--batch", "-1"}, {"--max-size", "-1"}, {"--max-size", "0"}, {"--max-size", "99999999999G"},
           {"--db", ""}, {"--db", "tcp://127.0.0.1:1"}}) {
    std::vector<std::string> args{"--db", (tmp / "numbers-db").string()};
    args.insert(args.end(), bad.begin(), bad.end());
    args.push_back((tmp / "corpus").string());
    r = indexer(tmp, args);
    INFO(bad[0] << " " << bad[1]);
    check_one_line_error(r, "indexer");
    CHECK(!fs::exists(tmp / "numbers-db"));
  }
  for (const char* flag : {"--limit", "--offset", "--snippet-length", "--facet-limit"}) {
    r = searcher(tmp, {flag, "-1", "talks"});
    INFO(flag);
    check_one_line_error(r, "searcher");
  }
  for (const char* flag : {"--since", "--until", "--similar", "--timeline", "--list"}) {
    r = searcher(tmp, {flag, "", "talks"});
    INFO(flag);
    check_one_line_error(r, "searcher");
    CHECK(contains(r.err, std::string(flag) + " needs a value"));
  }
  // Files that are no rule files or query files.
  write_file(tmp / "binary-queries", std::string("talks\n\0\0\0\n", 10));
  for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
           {"--batch", (tmp / "corpus").string()}, {"--batch", (tmp / "binary-queries").string()}, {"--batch", "/dev/zero"},
           {"--data-dir", (tmp / "no-such-folder").string()}}) {
    r = searcher(tmp, bad);
    INFO(bad[0] << " " << bad[1]);
    check_one_line_error(r, "searcher");
  }
  for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
           {"--ministers", "/dev/urandom"}, {"--topics", (tmp / "corpus").string()}, {"--data-dir", "/etc/passwd"}}) {
    r = indexer(tmp, {"--db", (tmp / "rules-db").string(), bad[0], bad[1], (tmp / "corpus").string()});
    INFO(bad[0] << " " << bad[1]);
    check_one_line_error(r, "indexer");
  }
  // a binary, or text not in UTF-8, as a rule file: named, with the reason
  write_file(tmp / "binary-ministers", std::string("Jane Doe\tFrance\0\x7f", 17));
  write_file(tmp / "latin1-ministers", "Zo\xe9 Martin\tFrance\tForeign Minister\n");
  for (const auto& [file, reason] : std::vector<std::pair<std::string, std::string>>{
           {"binary-ministers", ": binary file (NUL byte at offset 15), not a rule file"},
           {"latin1-ministers", ": not UTF-8 text; rule files are UTF-8"}}) {
    r = indexer(tmp, {"--db", (tmp / "rules-db").string(), "--ministers", (tmp / file).string(),
                      (tmp / "corpus").string()});
    INFO(describe(r));
    check_one_line_error(r, "indexer");
    CHECK(contains(r.err, (tmp / file).string() + reason));
  }

  r = indexer(tmp, {"--db", (tmp / "db").string(), "--bogus", (tmp / "corpus").string()});
  check_one_line_error(r, "indexer");

  // a path that does not exist fails; the rest is indexed
  const std::string gone = (tmp / "gone").string();
  r = indexer(tmp, {"--db", (tmp / "db").string(), gone, (tmp / "corpus").string()});
  INFO(describe(r));
  CHECK(r.status == 1);
  CHECK(contains(r.err, "indexer: " + gone + ": "));
  CHECK(contains(r.out, "1 added"));
  CHECK(contains(r.out, "1 failed"));
}

// ---------------------------------------------------------------------------
// 10. indexer --explain

TEST_CASE("indexer explain shows each value with its rule and matched words", "[e2e][explain]") {
  TempDir tmp;
  const fs::path a = tmp / kA;
  write_file(a, kDocA);
  Run r = indexer(tmp, {"--explain", a.string()});
  INFO(describe(r));
  CHECK(r.status == 0);
  CHECK(contains(r.out, "title: Japan and Finland agree to deepen defence cooperation"));
  CHECK(contains(r.out, "date: 2024-02-14"));
  CHECK(contains(line_with(r.out, "\"14 February 2024\""), "first full date in text"));

  // ministers: name, role, country; the rule and the words
  CHECK(contains(r.out, "Antti Häkkänen — role: Defense Minister, country: Finland"));
  CHECK(contains(r.out, "Minoru Kihara — role: Defense Minister, country: Japan"));
  CHECK(contains(line_with(r.out, "\"Minister of Defence, Finland Antti Häkkänen\""), "role + name"));
  CHECK(contains(line_with(r.out, "\"Japan's Defense Minister Minoru Kihara\""), "role + name"));
  CHECK(contains(line_with(r.out, "\"Minister Kihara\""), "surname"));

  // countries: the alias rule and the word
  CHECK(contains(line_with(r.out, "\"Finland\""), "gazetteer alias"));
  CHECK(contains(line_with(r.out, "\"Japan\""), "gazetteer alias"));
  CHECK(contains(line_with(r.out, "\"cyber\""), "topic trigger"));
  CHECK(contains(line_with(r.out, "\"NATO\""), "gazetteer alias"));

  // demonyms, abbreviations, "name, role" order; South China Sea is not China
  const fs::path x = tmp / "demonyms.txt";
  write_file(x,
             "Finnish and Japanese officials condemn missile launches\n\n"
             "Finnish and Japanese officials condemned the DPRK's missile launches and discussed "
             "patrols in the South China Sea. Secretary of Defense Lloyd J. Austin III joined by "
             "video. Antti Häkkänen, Finland's Minister of Defence, said Helsinki stood with Tokyo.\n");
  r = indexer(tmp, {"--explain", x.string()});
  CHECK(r.status == 0);
  CHECK(contains(line_with(r.out, "\"Finnish\""), "gazetteer alias"));
  CHECK(contains(line_with(r.out, "\"Japanese\""), "gazetteer alias"));
  CHECK(contains(line_with(r.out, "\"DPRK\""), "gazetteer alias"));
  CHECK(contains(r.out, "  North Korea\n"));
  CHECK_FALSE(contains(r.out, "  China\n"));
  CHECK(contains(r.out, "date: (none)"));
  CHECK(contains(r.out, "Lloyd J. Austin III — role: Defense Minister"));
  CHECK(contains(line_with(r.out, "\"Secretary of Defense Lloyd J. Austin III\""), "role + name"));
  CHECK(contains(r.out, "Antti Häkkänen — role: Defense Minister, country: Finland"));
  CHECK(contains(line_with(r.out, "\"Antti Häkkänen, Finland's Minister of Defence\""), "name, role"));

  // what the file says is shown without its control characters, and a
  // phrase found across a wrapped line on one line
  const fs::path ctrl = tmp / "control.md";
  write_file(ctrl, "---\ntitle: \"Talks \x1b[31mred\x07\"\n---\nFinland's Defence Minister Antti Häkkänen met "
                   "Japan's Defense Minister Minoru Kihara in the South\nChina Sea port of Manila, far from the two "
                   "capitals, to talk about the security of the South\nChina Sea.\n");
  r = indexer(tmp, {"--explain", ctrl.string()});
  CHECK(r.status == 0);
  CHECK_FALSE(contains(r.out, "\x1b"));
  CHECK_FALSE(contains(r.out, "\x07"));
  CHECK(contains(r.out, "title: Talks \\x1b[31mred\\x07"));
  CHECK_FALSE(contains(r.out, "South\nChina"));

  // a file that cannot be read
  r = indexer(tmp, {"--explain", (tmp / "missing.txt").string()});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "missing.txt"));
}
