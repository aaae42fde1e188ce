// End-to-end tests of the searcher's analyst features (sorting, facet
// modes, lists, timelines, suggestions, synonyms, similar briefings, output
// formats, the meeting graph) and of the knowledge base of ministers.
//
// Every test writes its own short readouts (invented for these tests) into
// a temporary folder, indexes them with the real indexer and runs the real
// searcher on them.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "e2e_support.h"

using namespace e2e;
using nlohmann::json;

namespace {

using Names = std::set<std::string>;
using Order = std::vector<std::string>;
using Counts = std::vector<std::pair<std::string, long>>;

std::string describe_run(const Run& r) {
  return r.command + "\nexit status: " + std::to_string(r.status) + "\n--- stdout:\n" + r.out +
         "--- stderr:\n" + r.err;
}

bool has_line(const std::string& text, const std::string& line) {
  for (const std::string& l : split_lines(text))
    if (l == line) return true;
  return false;
}

std::string line_starting(const std::string& text, const std::string& prefix) {
  for (const std::string& l : split_lines(text))
    if (l.rfind(prefix, 0) == 0) return l;
  return "";
}

// Number of UTF-8 characters "█" in a line.
size_t bar_length(const std::string& line) {
  size_t n = 0;
  for (size_t at = line.find("█"); at != std::string::npos; at = line.find("█", at + 1)) ++n;
  return n;
}

// A folder of briefings and its database, in a fresh temporary folder.
class Corpus {
 public:
  Corpus() : dir_(tmp_ / "briefings"), db_(tmp_ / "db") {}

  fs::path add(const std::string& rel, const std::string& text) const {
    write_file(dir_ / rel, text);
    return dir_ / rel;
  }

  // Indexes dir() into db() (or the given folders into the given database).
  void index() const { index_into(db_, {dir_}); }
  void index_into(const fs::path& db, const std::vector<fs::path>& dirs, std::vector<std::string> extra = {}) const {
    std::vector<std::string> args{"--db", db.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    for (const fs::path& d : dirs) args.push_back(d.string());
    Run r = indexer(tmp_, args);
    INFO(describe_run(r));
    REQUIRE(r.status == 0);
    REQUIRE(r.err.empty());
  }

  const TempDir& tmp() const { return tmp_; }
  const fs::path& dir() const { return dir_; }
  const fs::path& db() const { return db_; }

  Run search(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db_.string()});
    return searcher(tmp_, args);
  }

  // A JSON search; the exit status must agree with the total.
  json search_json(std::vector<std::string> args) const { return parse_json(search(with_format(args, "json"))); }

  json parse_json(const Run& r) const {
    INFO(describe_run(r));
    REQUIRE((r.status == 0 || r.status == 1));
    json j;
    REQUIRE_NOTHROW(j = json::parse(r.out));
    if (j.contains("total")) CHECK(r.status == (j.at("total").get<long>() > 0 ? 0 : 1));
    return j;
  }

  // File names of every match, in output order (--format paths).
  Order order(std::vector<std::string> args) const {
    args.insert(args.end(), {"--limit", "0"});
    Run r = search(with_format(args, "paths"));
    INFO(describe_run(r));
    REQUIRE((r.status == 0 || r.status == 1));
    Order names;
    for (const std::string& line : r.out_lines()) {
      CHECK((fs::path(line).is_absolute() && fs::exists(line)));
      names.push_back(fs::path(line).filename().string());
    }
    return names;
  }

  Names names(const std::vector<std::string>& args) const {
    Order o = order(args);
    return Names(o.begin(), o.end());
  }

 private:
  static std::vector<std::string> with_format(std::vector<std::string> args, const std::string& format) {
    args.insert(args.end(), {"--format", format});
    return args;
  }

  TempDir tmp_;
  fs::path dir_, db_;
};

// ---------------------------------------------------------------------------
// A corpus of defence ministers' meetings, used by the facet tests.
//   tokyo-helsinki     Japan + Finland (Kihara, Häkkänen)   cyber
//   tokyo-stockholm    Japan + Sweden (Kihara, Jonson)      cyber
//   helsinki-stockholm Finland + Sweden (Häkkänen, Jonson)  maritime security
//   berlin-paris       Germany + France (Pistorius, Lecornu) cyber
//   canberra-note      Australia, no minister               maritime security
const std::string kTH = "tokyo-helsinki.txt";
const std::string kTS = "tokyo-stockholm.txt";
const std::string kHS = "helsinki-stockholm.txt";
const std::string kBP = "berlin-paris.txt";
const std::string kCN = "canberra-note.txt";

void write_meetings(const Corpus& c) {
  c.add(kTH,
        "Defence chiefs of Japan and Finland meet in Tokyo\n\n"
        "Tokyo, 14 February 2024. Japan's Defense Minister Minoru Kihara received Finland's Minister of "
        "Defence Antti Häkkänen at the ministry. The two ministers compared notes on cyber attacks against "
        "power grids and agreed to hold working-level talks twice a year.\n");
  c.add(kTS,
        "Japan and Sweden compare lessons on cyber defence\n\n"
        "Tokyo, 2 May 2024. Japan's Defense Minister Minoru Kihara held talks with Sweden's Defence Minister "
        "Pål Jonson. Both ministers described recent cyber incidents and pledged to exchange experts.\n");
  c.add(kHS,
        "Finland and Sweden review northern sea lanes\n\n"
        "Helsinki, 9 September 2024. Finland's Minister of Defence Antti Häkkänen hosted Sweden's Defence "
        "Minister Pål Jonson. They discussed maritime surveillance of the northern sea lanes.\n");
  c.add(kBP,
        "Germany and France discuss cyber resilience\n\n"
        "Berlin, 21 October 2024. Germany's Defence Minister Boris Pistorius met France's Minister of the "
        "Armed Forces Sébastien Lecornu. The ministers reviewed cyber resilience of military networks.\n");
  c.add(kCN,
        "Note on Australian coastal patrols\n\n"
        "Canberra, 4 November 2024. Officials in Australia briefed journalists on maritime surveillance "
        "flights along the northern coast.\n");
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. Sorting

TEST_CASE("sort newest oldest and relevance give a deterministic order", "[e2e][sort]") {
  Corpus c;
  // a- and b- have the same date and the same text: ties broken by a hash
  // of the path (document_codec.h: path_key), the same way in every sort.
  const std::string same =
      "Frigate programme review\n\n"
      "Canberra, 10 March 2024. Officials reviewed the frigate programme and the shipyard schedule.\n";
  c.add("b-2024-march.txt", same);
  c.add("a-2024-march.txt", same);
  c.add("c-2023.txt",
        "Frigate frigate: the frigate question\n\n"
        "Canberra, 5 May 2023. The frigate fleet, frigate crews and frigate maintenance were discussed.\n");
  c.add("d-2025.txt",
        "Shipbuilding outlook\n\nCanberra, 20 January 2025. A new frigate design was presented to officials "
        "together with plans for patrol boats, survey vessels and a floating dock.\n");
  c.add("0-notes.txt", "Undated notes\n\nA short note on the frigate programme, with no date given.\n");
  c.add("m-notes.txt", "More undated notes\n\nAnother short note on the frigate programme.\n");
  c.index();

  // The order of the tied pair, and of the two undated notes, as the
  // oldest-first sort gives it; every other sort keeps it.
  Order oldest = c.order({"frigate", "--sort", "oldest"});
  REQUIRE(oldest.size() == 6);
  CHECK(oldest[0] == "c-2023.txt");
  CHECK(oldest[3] == "d-2025.txt");
  const std::string t1 = oldest[1], t2 = oldest[2], u1 = oldest[4], u2 = oldest[5];
  CHECK(std::set<std::string>{t1, t2} == std::set<std::string>{"a-2024-march.txt", "b-2024-march.txt"});
  CHECK(std::set<std::string>{u1, u2} == std::set<std::string>{"0-notes.txt", "m-notes.txt"});
  CHECK(c.order({"frigate", "--sort", "oldest"}) == oldest);  // the same every time
  CHECK(c.order({"frigate", "--sort", "newest"}) == Order{"d-2025.txt", t1, t2, "c-2023.txt", u1, u2});
  // no query words: the same order
  CHECK(c.order({"--sort", "newest"}) == Order{"d-2025.txt", t1, t2, "c-2023.txt", u1, u2});

  // paging goes through the sorted list
  Run r = c.search({"frigate", "--sort", "oldest", "--limit", "2", "--offset", "1", "--format", "paths"});
  REQUIRE((r.status == 0 && r.out_lines().size() == 2));
  CHECK(fs::path(r.out_lines()[0]).filename() == t1);
  CHECK(fs::path(r.out_lines()[1]).filename() == t2);

  // relevance: c- says "frigate" most (and in its title) and comes first;
  // the identical a- and b- tie and come in the same order.
  Order rel = c.order({"frigate", "--sort", "relevance"});
  REQUIRE(rel.size() == 6);
  CHECK(rel.front() == "c-2023.txt");
  auto a = std::find(rel.begin(), rel.end(), t1);
  auto b = std::find(rel.begin(), rel.end(), t2);
  CHECK(b - a == 1);
  CHECK(c.order({"frigate"}) == rel);  // the default
  json j = c.search_json({"frigate", "--limit", "0"});
  REQUIRE(j.at("results").size() == 6);
  for (size_t i = 1; i < 6; ++i) CHECK(j["results"][i - 1]["score"].get<double>() >= j["results"][i]["score"].get<double>());
  CHECK(j["results"][0]["score"].get<double>() > j["results"][1]["score"].get<double>());

  // a filter alone gives equal scores: newest first, equal dates as above
  CHECK(c.order({"--sort", "relevance"}) == Order{"d-2025.txt", t1, t2, "c-2023.txt", u1, u2});

  CHECK(c.search({"frigate", "--sort", "random"}).status == 2);
}

// ---------------------------------------------------------------------------
// 2-3. Facet modes, facet selection, facet limits

TEST_CASE("drill-down and multi-select facet counts", "[e2e][facets]") {
  Corpus c;
  write_meetings(c);
  c.index();

  // drill-down: every facet over the matches
  json j = c.search_json({"--country", "japan,finland"});
  CHECK(j.at("total") == 3);
  CHECK(facet_list(j, "country") == Counts{{"Finland", 2}, {"Japan", 2}, {"Sweden", 2}});
  CHECK(facet_list(j, "topic") == Counts{{"cyber", 2}, {"maritime security", 1}});

  // multi-select: the country facet keeps the other countries
  j = c.search_json({"--country", "japan,finland", "--multi-select"});
  CHECK(j.at("total") == 3);
  CHECK(result_names(j) == Names{kTH, kTS, kHS});
  CHECK(facet_list(j, "country") ==
        Counts{{"Finland", 2}, {"Japan", 2}, {"Sweden", 2}, {"Australia", 1}, {"France", 1}, {"Germany", 1}});
  CHECK(facet_list(j, "topic") == Counts{{"cyber", 2}, {"maritime security", 1}});

  // with a second facet selected
  j = c.search_json({"--country", "japan,finland", "--topic", "cyber"});
  CHECK(j.at("total") == 2);
  CHECK(facet_list(j, "country") == Counts{{"Japan", 2}, {"Finland", 1}, {"Sweden", 1}});
  CHECK(facet_list(j, "topic") == Counts{{"cyber", 2}});
  CHECK(facet_list(j, "party") == Counts{{"Japan", 2}, {"Finland", 1}, {"Sweden", 1}});

  j = c.search_json({"--country", "japan,finland", "--topic", "cyber", "--multi-select"});
  CHECK(j.at("total") == 2);
  CHECK(result_names(j) == Names{kTH, kTS});
  // country counted under the topic filter only (berlin-paris comes in)
  CHECK(facet_list(j, "country") ==
        Counts{{"Japan", 2}, {"Finland", 1}, {"France", 1}, {"Germany", 1}, {"Sweden", 1}});
  // topic counted under the country filter only
  CHECK(facet_list(j, "topic") == Counts{{"cyber", 2}, {"maritime security", 1}});
  // facets with no selection of their own: both filters
  CHECK(facet_list(j, "party") == Counts{{"Japan", 2}, {"Finland", 1}, {"Sweden", 1}});
  CHECK(facet_list(j, "minister") ==
        Counts{{"Minoru Kihara", 2}, {"Antti Häkkänen", 1}, {"Pål Jonson", 1}});

  // a negative filter on the same facet still applies to its counts
  j = c.search_json({"--country", "japan,finland", "--not-country", "sweden", "--multi-select"});
  CHECK(result_names(j) == Names{kTH});
  CHECK(facet_list(j, "country") ==
        Counts{{"Australia", 1}, {"Finland", 1}, {"France", 1}, {"Germany", 1}, {"Japan", 1}});
}

TEST_CASE("facets option limits the facets and facet-limit the values in text", "[e2e][facets]") {
  Corpus c;
  write_meetings(c);
  c.index();

  auto keys = [](const json& j) {
    Names k;
    for (const auto& [name, v] : j.at("facets").items()) k.insert(name);
    return k;
  };
  // an empty --facets is a mistake, not "all facets"
  for (const char* empty : {"", ",", " "}) {
    Run e = c.search({"--facets", empty});
    CHECK(e.status == 2);
    CHECK(contains(e.err, "--facets needs a value"));
  }
  json j = c.search_json({"--facets", "country,topic"});
  CHECK(keys(j) == Names{"country", "topic"});
  CHECK(facet_list(j, "topic") == Counts{{"cyber", 3}, {"maritime security", 2}});
  // the same facets given in two flags
  CHECK(keys(c.search_json({"--facets", "minister", "--facets", "party"})) == Names{"minister", "party"});
  // --facets none: nothing counted, the same matches and total
  const json all = c.search_json({});
  const json none = c.search_json({"--facets", "none"});
  CHECK(none.at("facets").empty());
  CHECK(none.at("facet_values").empty());
  CHECK(all.at("total") == 5);  // every briefing of write_meetings
  CHECK(none.at("total") == all.at("total"));
  CHECK(none.at("results") == all.at("results"));
  CHECK(!all.at("facets").empty());
  for (const std::vector<std::string>& wrong : {std::vector<std::string>{"--facets", "none,country"},
                                                {"--facets", "none", "--facet-limit", "3"},
                                                {"--facets", "none", "--multi-select"}}) {
    Run e = c.search(wrong);
    CHECK(e.status == 2);
    CHECK(contains(e.err, "--facets none"));
  }
  // JSON lists --facet-limit values too (default 10), and says how many
  // there are in all
  j = c.search_json({"--facet-limit", "1"});
  CHECK(facet_list(j, "country") == Counts{{"Finland", 2}});
  CHECK(j.at("facet_values").at("country") == 6);
  CHECK(j.at("facet_values").at("topic") == 2);
  j = c.search_json({"--facet-limit", "0", "--facets", "country"});
  CHECK(j.at("facets").at("country").size() == 6);
  CHECK(j.at("facet_values") == json{{"country", 6}});
  // --threads changes how the counting is shared, never the answer
  const json one = c.search_json({"--threads", "1"});
  CHECK(c.search_json({"--threads", "3"}) == one);
  CHECK(c.search_json({}) == one);
  Run many = c.search({"--threads", "65"});
  CHECK(many.status == 2);
  CHECK(contains(many.err, "--threads 65 is more than 64"));

  Run r = c.search({"--facets", "country,topic", "--facet-limit", "2"});
  INFO(describe_run(r));
  CHECK(r.status == 0);
  CHECK(has_line(r.out, "country: Finland (2), Japan (2), … 4 more"));
  CHECK(has_line(r.out, "topic: cyber (3), maritime security (2)"));
  CHECK(line_starting(r.out, "minister:").empty());
  CHECK(line_starting(r.out, "party:").empty());

  r = c.search({"--facets", "country", "--facet-limit", "0"});
  CHECK(has_line(r.out, "country: Finland (2), Japan (2), Sweden (2), Australia (1), France (1), Germany (1)"));
  CHECK(line_starting(r.out, "topic:").empty());

  r = c.search({"--facet-limit", "3"});
  CHECK(has_line(r.out, "country: Finland (2), Japan (2), Sweden (2), … 3 more"));
  CHECK(has_line(r.out, "topic: cyber (3), maritime security (2)"));

  r = c.search({"--facets", "country,colour"});
  CHECK((r.status == 2 && contains(r.err, "colour")));
}

// ---------------------------------------------------------------------------
// 4. --list

TEST_CASE("list prints one facet's values with counts", "[e2e][list]") {
  Corpus c;
  write_meetings(c);
  c.index();

  Run r = c.search({"--list", "minister", "--match", "hakk"});
  INFO(describe_run(r));
  CHECK(r.status == 0);
  CHECK(r.out == "2\tAntti Häkkänen\n");
  // accents and case optional either way
  CHECK(c.search({"--list", "minister", "--match", "HÄKK"}).out == "2\tAntti Häkkänen\n");

  r = c.search({"--list", "country"});
  CHECK(r.status == 0);
  CHECK(r.out_lines() == std::vector<std::string>{"2\tFinland", "2\tJapan", "2\tSweden", "1\tAustralia",
                                                   "1\tFrance", "1\tGermany"});
  // over the current query and filters
  r = c.search({"--list", "country", "--country", "sweden"});
  CHECK(r.out_lines() == std::vector<std::string>{"2\tSweden", "1\tFinland", "1\tJapan"});
  r = c.search({"--list", "minister", "cyber"});
  CHECK(r.out_lines() == std::vector<std::string>{"2\tMinoru Kihara", "1\tAntti Häkkänen", "1\tBoris Pistorius",
                                                   "1\tPål Jonson", "1\tSébastien Lecornu"});
  r = c.search({"--list", "topic", "--not-topic", "cyber"});
  CHECK(r.out_lines() == std::vector<std::string>{"2\tmaritime security"});
  // --multi-select leaves the facet's own selection out, as in a search's
  // facets
  r = c.search({"--list", "country", "--country", "sweden", "--multi-select"});
  CHECK(r.out_lines() == c.search({"--list", "country"}).out_lines());
  json facets = c.search_json({"--country", "sweden", "--multi-select", "-n", "0"}).at("facets").at("country");
  CHECK(facets.size() == r.out_lines().size());
  r = c.search({"--list", "minister", "--country", "sweden", "--multi-select"});
  CHECK(r.out_lines() == c.search({"--list", "minister", "--country", "sweden"}).out_lines());

  json j = c.parse_json(c.search({"--list", "minister", "--match", "hakk", "--format", "json"}));
  CHECK(j == json({{"facet", "minister"}, {"values", json::array({json({{"value", "Antti Häkkänen"}, {"count", 2}})})}}));
  j = c.parse_json(c.search({"--list", "party", "--country", "germany", "--format", "json"}));
  CHECK(j.at("facet") == "party");
  CHECK(j.at("values") == json::array({json({{"value", "France"}, {"count", 1}}),
                                       json({{"value", "Germany"}, {"count", 1}})}));

  // nothing matches the text: no lines, exit 1
  r = c.search({"--list", "minister", "--match", "zzz"});
  CHECK((r.status == 1 && r.out.empty()));

  r = c.search({"--list", "ministry"});
  CHECK((r.status == 2 && r.out.empty()));
  CHECK(r.err.rfind("searcher: ", 0) == 0);
  r = c.search({"--match", "hakk"});
  CHECK((r.status == 2 && contains(r.err, "--list")));
}

// ---------------------------------------------------------------------------
// 5. Negative filters and roles

TEST_CASE("negative filters and role filters", "[e2e][filters]") {
  Corpus c;
  write_meetings(c);
  c.add("tokyo-call.txt",
        "Foreign ministers speak by phone\n\n"
        "Tokyo, 3 December 2024. Japan's Foreign Minister Yoko Kamikawa spoke by phone with officials in "
        "Singapore about shipping routes.\n");
  c.index();

  CHECK(c.names({"--not-country", "sweden"}) == Names{kTH, kBP, kCN, "tokyo-call.txt"});
  CHECK(c.names({"NOT country:sweden"}) == Names{kTH, kBP, kCN, "tokyo-call.txt"});
  CHECK(c.names({"--not-country", "sweden,japan"}) == Names{kBP, kCN});
  CHECK(c.names({"cyber", "--not-country", "japan"}) == Names{kBP});
  CHECK(c.names({"cyber -country:japan"}) == Names{kBP});
  CHECK(c.names({"--country", "finland", "--not-country", "japan"}) == Names{kHS});
  CHECK(c.names({"--not-minister", "kihara"}) == Names{kHS, kBP, kCN, "tokyo-call.txt"});
  CHECK(c.names({"--not-party", "japan"}) == Names{kHS, kBP, kCN});
  CHECK(c.names({"--not-topic", "cyber"}) == Names{kHS, kCN, "tokyo-call.txt"});
  // an alias in the negative filter
  CHECK(c.names({"--country", "japan", "--not-country", "Swedish"}) == Names{kTH, "tokyo-call.txt"});

  CHECK(c.names({"--role", "minister of defence"}) == Names{kTH, kTS, kHS, kBP});
  CHECK(c.names({"role:\"foreign minister\""}) == Names{"tokyo-call.txt"});
  CHECK(c.names({"--role", "minister for foreign affairs"}) == Names{"tokyo-call.txt"});
  CHECK(c.names({"--not-role", "defense minister"}) == Names{kCN, "tokyo-call.txt"});
  json j = c.search_json({"--role", "foreign minister"});
  CHECK(facet_list(j, "role") == Counts{{"Foreign Minister", 1}});
}

// ---------------------------------------------------------------------------
// 6. Date filters

TEST_CASE("since and until at each precision and undated briefings left out", "[e2e][dates]") {
  Corpus c;
  auto doc = [](const std::string& when, const std::string& where) {
    return "Patrol boat handover\n\n" + where + (when.empty() ? "" : ", " + when) +
           ". Officials attended the handover of a patrol boat to the coast guard.\n";
  };
  c.add("d1.txt", doc("31 December 2023", "Manila"));
  c.add("d2.txt", doc("15 January 2024", "Manila"));
  c.add("d3.txt", doc("29 February 2024", "Manila"));
  c.add("d4.txt", doc("1 March 2024", "Manila"));
  c.add("u1.txt", doc("", "In Manila"));
  c.add("u2.txt", doc("", "In Hanoi, Vietnam"));
  c.index();

  CHECK(c.names({}) == Names{"d1.txt", "d2.txt", "d3.txt", "d4.txt", "u1.txt", "u2.txt"});
  CHECK(c.names({"--since", "2024"}) == Names{"d2.txt", "d3.txt", "d4.txt"});
  CHECK(c.names({"--since", "2024-02"}) == Names{"d3.txt", "d4.txt"});
  CHECK(c.names({"--since", "2024-03-01"}) == Names{"d4.txt"});
  CHECK(c.names({"--until", "2023"}) == Names{"d1.txt"});
  CHECK(c.names({"--until", "2024-02"}) == Names{"d1.txt", "d2.txt", "d3.txt"});
  CHECK(c.names({"--until", "2024-02-28"}) == Names{"d1.txt", "d2.txt"});
  CHECK(c.names({"--since", "2024-01", "--until", "2024-02"}) == Names{"d2.txt", "d3.txt"});
  CHECK(c.names({"--since", "2024-01-16", "--until", "2024-02-29"}) == Names{"d3.txt"});
  CHECK(c.names({"--since", "2025"}).empty());

  json j = c.search_json({"--since", "2024"});
  CHECK((j.at("total") == 3 && j.at("undated_excluded") == 2));
  // counted under the other filters: only u2 names Vietnam
  j = c.search_json({"--until", "2024-02", "--country", "vietnam"});
  CHECK(j.at("total") == 0);
  CHECK(j.at("undated_excluded") == 1);
  // no date filter: nothing left out
  j = c.search_json({});
  CHECK(j.value("undated_excluded", 0) == 0);

  Run r = c.search({"--since", "2024-02"});
  INFO(describe_run(r));
  CHECK(r.status == 0);
  std::string count_line = line_starting(r.out, "2 briefings matched");
  CHECK(contains(count_line, "2 undated"));
  CHECK(contains(count_line, "showing 1-2"));
  r = c.search({"--since", "2030"});
  CHECK(r.status == 1);
  CHECK(contains(line_starting(r.out, "No briefings matched"), "2 undated"));
  r = c.search({});
  CHECK_FALSE(contains(r.out, "undated"));

  for (const char* bad : {"2024-13", "March 2024"}) {
    r = c.search({"--since", bad});
    CHECK(r.status == 2);
    CHECK(r.err.rfind("searcher: ", 0) == 0);
  }
  CHECK(c.search({"--since", "2024-03", "--until", "2024-01"}).status == 2);
}

// ---------------------------------------------------------------------------
// 7. Timelines

// A dated note on submarine cables, for timelines.
std::string cable_note(const std::string& when) {
  return "Submarine cable protection\n\nHelsinki, " + when +
         ". Officials reviewed the protection of submarine cables in the Baltic Sea.\n";
}

TEST_CASE("timeline by year and by month includes empty periods", "[e2e][timeline]") {
  Corpus c;
  auto doc = cable_note;
  c.add("t1.txt", doc("3 May 2022"));
  c.add("t2.txt", doc("10 January 2024"));
  c.add("t3.txt", doc("12 March 2024"));
  c.add("t4.txt", doc("25 March 2024"));
  c.add("t5.txt", "Undated cable note\n\nA note on submarine cables, not dated.\n");
  c.index();

  auto periods = [](const json& j) {
    Counts out;
    for (const auto& p : j.at("timeline")) out.emplace_back(p.at("period").get<std::string>(), p.at("count").get<long>());
    return out;
  };

  json j = c.search_json({"--timeline", "year"});
  CHECK(j.at("total") == 5);
  CHECK(periods(j) == Counts{{"2022", 1}, {"2023", 0}, {"2024", 3}});

  j = c.search_json({"--timeline", "month"});
  Counts months = periods(j);
  REQUIRE(months.size() == 23);  // 2022-05 .. 2024-03
  CHECK(Counts{months[0], months[7], months[8], months[20], months[21], months[22]} ==
        Counts{{"2022-05", 1}, {"2022-12", 0}, {"2023-01", 0}, {"2024-01", 1}, {"2024-02", 0}, {"2024-03", 2}});
  long sum = 0;
  for (const auto& [p, n] : months) sum += n;
  CHECK(sum == 4);

  // over the matches only
  j = c.search_json({"--timeline", "month", "--since", "2024"});
  CHECK(periods(j) == Counts{{"2024-01", 1}, {"2024-02", 0}, {"2024-03", 2}});
  // no timeline asked for: no member
  CHECK_FALSE(c.search_json({}).contains("timeline"));

  Run r = c.search({"--timeline", "year"});
  INFO(describe_run(r));
  CHECK(r.status == 0);
  std::string y22 = line_starting(r.out, "2022 "), y23 = line_starting(r.out, "2023 "), y24 = line_starting(r.out, "2024 ");
  REQUIRE_FALSE((y22.empty() || y23.empty() || y24.empty()));
  CHECK((contains(y22, " 1 ") && contains(y24, " 3 ")));
  CHECK(bar_length(y23) == 0);
  CHECK(bar_length(y22) > 0);
  CHECK(bar_length(y24) > bar_length(y22));
  CHECK(bar_length(y24) >= 3 * bar_length(y22) - 2);

  r = c.search({"--timeline", "month"});
  CHECK(bar_length(line_starting(r.out, "2024-03")) > bar_length(line_starting(r.out, "2024-01")));
  CHECK(bar_length(line_starting(r.out, "2024-02")) == 0);
  CHECK_FALSE(line_starting(r.out, "2023-06").empty());

  CHECK(c.search({"--timeline", "week"}).status == 2);
}

// ---------------------------------------------------------------------------
// 8. Spelling suggestions

TEST_CASE("a misspelled word gets a suggestion from the index", "[e2e][spelling]") {
  Corpus c;
  c.add("riga.txt",
        "Latvia and Lithuania on hybrid threats\n\n"
        "Riga, 6 June 2024. Officials from Latvia and Lithuania discussed hybrid threats along the border "
        "and a common approach to disinformation.\n");
  c.add("vilnius.txt",
        "Lithuania hosts seminar on hybrid threats\n\n"
        "Vilnius, 8 August 2024. A seminar on hybrid threats brought together experts from ten countries.\n");
  c.index();

  Run r = c.search({"hybird"});
  INFO(describe_run(r));
  CHECK(r.status == 1);
  CHECK(r.out_lines().at(0) == "Did you mean: hybrid");
  json j = c.search_json({"hybird"});
  CHECK(j.at("total") == 0);
  CHECK(j.at("suggestion") == "hybrid");
  CHECK(c.search_json({"hybird threats"}).at("suggestion") == "hybrid threats");
  r = c.search({"hybird", "threats"});
  CHECK(r.status == 1);
  CHECK(has_line(r.out, "Did you mean: hybrid threats"));

  j = c.search_json({"hybrid threats"});
  CHECK(j.at("total") == 2);
  CHECK(j.at("suggestion").is_null());
  r = c.search({"hybrid"});
  CHECK((r.status == 0 && !contains(r.out, "Did you mean")));

  // nothing close in the index: no suggestion
  j = c.search_json({"qqxzv"});
  CHECK(j.at("total") == 0);
  CHECK(j.at("suggestion").is_null());
}

TEST_CASE("a very long document gives the spelling data only its most frequent words", "[e2e][spelling]") {
  // 20,000 words written twice and 1,000 written once: a file of millions of
  // one-off tokens must not cost Xapian's spelling table a kilobyte each.
  auto word = [](size_t i, char first) {
    std::string w(1, first);
    for (int k = 0; k < 4; ++k, i /= 26) w += static_cast<char>('a' + i % 26);
    return w;
  };
  std::string text = "Notes\n\n";
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i = 0; i < 20000; ++i) text += word(i, 'q') + (i % 12 == 11 ? "\n" : " ");
  for (size_t i = 0; i < 1000; ++i) text += word(i, 'x') + (i % 12 == 11 ? "\n" : " ");
  Corpus c;
  c.add("long.txt", text);
  c.index();
  Xapian::Database db(c.db().string());
  size_t words = 0, once = 0;
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w, ++words)
    if ((*w)[0] == 'x') ++once;
  CHECK(words == 20000);
  CHECK(once == 0);
  // every word is still searchable
  CHECK(c.search_json({"xaaaa"}).at("total") == 1);
  CHECK(c.search_json({"qzzzz"}).at("total") == 0);
  CHECK(c.search_json({word(19999, 'q')}).at("total") == 1);
}

TEST_CASE("a filter value no briefing has is named, with values close to it", "[e2e][filters]") {
  Corpus c;
  c.add("seoul.txt",
        "Allies discuss missile threats\n\n"
        "Seoul, 6 June 2024. Japan's Defense Minister Minoru Kihara and his Korean counterpart discussed "
        "ballistic missile launches.\n");
  c.index();
  Run r = c.search({"--topic", "missile defence"});
  INFO(describe_run(r));
  CHECK(r.status == 1);
  CHECK(contains(r.err, "searcher: note: no briefing has topic 'missile defence'; did you mean missile?"));
  // A value that some briefing has, but not with the rest of the search:
  // no note.
  r = c.search({"--topic", "missile", "--country", "japan", "nuclear"});
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  r = c.search({"--country", "Narnia", "--format", "json"});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "no briefing has country 'Narnia' (searcher --list country shows them all)"));
  CHECK(json::parse(r.out).at("total") == 0);
  // The same for a field of the query, quoted or not; not for one negated.
  r = c.search({"topic:\"missile defence\""});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "searcher: note: no briefing has topic 'missile defence'; did you mean missile?"));
  r = c.search({"ballistic topic:missiledefence"});
  CHECK(contains(r.err, "no briefing has topic 'missiledefence'"));
  r = c.search({"nuclear NOT topic:missiledefence"});
  CHECK_FALSE(contains(r.err, "missiledefence"));
  // "*" alone: a note, and how to list everything
  r = c.search({"*"});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "'*' alone matches no word; leave the query out to list every briefing"));
}

// ---------------------------------------------------------------------------
// 9. Synonyms from the gazetteers

TEST_CASE("country and organisation aliases in free text find their other names", "[e2e][synonyms]") {
  Corpus c;
  c.add("seoul.txt",
        "Shipbuilding talks in Seoul\n\nSeoul, 7 March 2024. Officials of the Republic of Korea presented "
        "plans for joint shipbuilding projects.\n");
  c.add("london.txt",
        "Shipbuilding talks in London\n\nLondon, 8 March 2024. Officials of the United Kingdom presented "
        "plans for joint shipbuilding projects.\n");
  c.add("pyongyang.txt",
        "Statement on launches\n\nOfficials condemned the latest launches by North Korea and called for "
        "restraint.\n");
  c.add("brussels.txt",
        "Meeting at the alliance headquarters\n\nBrussels, 9 March 2024. Officials of the North Atlantic "
        "Treaty Organization discussed shipbuilding capacity.\n");
  c.index();

  CHECK(c.names({"ROK"}) == Names{"seoul.txt"});
  CHECK(c.names({"South Korea"}) == Names{"seoul.txt"});
  CHECK(c.names({"Britain"}) == Names{"london.txt"});
  CHECK(c.names({"UK"}) == Names{"london.txt"});
  CHECK(c.names({"british shipbuilding"}) == Names{"london.txt"});
  CHECK(c.names({"DPRK"}) == Names{"pyongyang.txt"});
  CHECK(c.names({"NATO"}) == Names{"brussels.txt"});
  CHECK(c.names({"ROK OR Britain"}) == Names{"seoul.txt", "london.txt"});
  // a quoted phrase stays literal
  CHECK(c.names({"\"Great Britain\""}).empty());
  CHECK(c.names({"\"Republic of Korea\""}) == Names{"seoul.txt"});
}

// ---------------------------------------------------------------------------
// 10. Similar briefings

TEST_CASE("similar finds the briefings most like an indexed file", "[e2e][similar]") {
  Corpus c;
  fs::path target = c.add("cables-a.txt",
                          "Baltic undersea cables and seabed sabotage\n\n"
                          "Helsinki, 4 April 2024. Finland and Estonia agreed to patrol undersea cables and "
                          "pipelines on the Baltic seabed after suspected sabotage. Seabed sensors, underwater "
                          "drones and cable repair ships will be shared, and sabotage incidents reported at once.\n");
  c.add("cables-b.txt",
        "Seabed sabotage: protecting Baltic cables\n\n"
        "Tallinn, 2 July 2024. Estonia and Finland reviewed the protection of undersea cables on the Baltic "
        "seabed. Underwater drones and seabed sensors now watch the cables, and suspected sabotage is "
        "reported to both navies.\n");
  c.add("space.txt",
        "Satellite launch cooperation\n\nTokyo, 3 May 2024. Japan and Italy signed an arrangement on "
        "satellite launches, orbital debris and ground stations.\n");
  c.add("budget.txt",
        "Artillery ammunition budget\n\nWarsaw, 6 June 2024. Poland presented its budget for artillery "
        "ammunition, howitzers and new factories.\n");
  c.add("mixed.txt",
        "Finland and Estonia discuss budgets\n\nHelsinki, 7 August 2024. Finland and Estonia compared defence "
        "budgets, conscription and the cost of new artillery; cables were mentioned briefly.\n");
  c.index();

  Order sim = c.order({"--similar", target.string()});
  INFO("similar: " << [&] { std::string s; for (auto& n : sim) s += n + " "; return s; }());
  REQUIRE_FALSE(sim.empty());
  CHECK(sim.front() == "cables-b.txt");
  CHECK(std::find(sim.begin(), sim.end(), "cables-a.txt") == sim.end());
  CHECK(std::find(sim.begin(), sim.end(), "space.txt") == sim.end());

  json j = c.search_json({"--similar", target.string(), "--limit", "0"});
  CHECK(j.at("total") == sim.size());
  CHECK_FALSE(result_names(j).count("cables-a.txt"));
  CHECK(j.at("facets").contains("country"));
  // the filters still apply
  CHECK(c.order({"--similar", target.string(), "--since", "2024-08"}) == Order{"mixed.txt"});
  // a relative path names the same file
  Run r = searcher(c.tmp(), {"--db", c.db().string(), "--similar",
                             fs::relative(target, fs::current_path()).string(), "--format", "paths", "--limit", "1"});
  CHECK(r.status == 0);
  CHECK(fs::path(r.out_lines().at(0)).filename() == "cables-b.txt");

  fs::path outside = c.tmp() / "elsewhere" / "not-indexed.txt";
  write_file(outside, "Baltic undersea cables and seabed sabotage.\n");
  r = c.search({"--similar", outside.string()});
  CHECK((r.status == 2 && r.out.empty()));
  CHECK((contains(r.err, "not-indexed.txt") && contains(r.err, "not in the index")));
  r = c.search({"--similar", (c.tmp() / "missing.txt").string()});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "missing.txt"));
}

// ---------------------------------------------------------------------------
// 11. Output formats

TEST_CASE("jsonl and paths formats and limit zero", "[e2e][output]") {
  Corpus c;
  const char* ports[] = {"Busan", "Darwin", "Yokosuka", "Subic", "Cam Ranh", "Guam", "Sasebo",
                         "Fremantle", "Apra", "Okinawa", "Changi", "Kure"};
  for (int i = 0; i < 12; ++i)
    c.add(fmt::format("port-{:02d}.txt", i + 1),
          fmt::format("Port visit to {0}\n\n{1} May 2024. A training ship called at {0} for a five-day port visit "
                      "and a reception for local officials.\n",
                      ports[i], i + 1));
  c.add("other.txt", "Budget note\n\n2 June 2024. The procurement budget was presented to parliament.\n");
  c.index();

  // default limit 10; --limit 0 shows all
  Run r = c.search({"port", "--format", "paths"});
  INFO(describe_run(r));
  CHECK((r.status == 0 && r.out_lines().size() == 10));
  for (const std::string& line : r.out_lines())
    CHECK((fs::path(line).is_absolute() && fs::is_regular_file(line) &&
           fs::path(line).filename().string().rfind("port-", 0) == 0));
  r = c.search({"port", "--format", "paths", "--limit", "0"});
  auto all = r.out_lines();
  CHECK(all.size() == 12);
  CHECK(std::set<std::string>(all.begin(), all.end()).size() == 12);
  r = c.search({"port", "--format", "paths", "--limit", "5", "--offset", "10"});
  CHECK(r.out_lines().size() == 2);
  CHECK(c.search({"--format", "paths", "--limit", "0"}).out_lines().size() == 13);
  r = c.search({"submarine", "--format", "paths"});
  CHECK((r.status == 1 && r.out.empty()));
  json j = c.search_json({"port", "--limit", "0"});
  CHECK((j.at("total") == 12 && j.at("results").size() == 12));

  r = c.search({"port", "--format", "jsonl", "--limit", "3"});
  CHECK(r.status == 0);
  auto lines = r.out_lines();
  REQUIRE(lines.size() == 4);
  for (size_t i = 0; i < lines.size(); ++i) {
    json line;
    REQUIRE_NOTHROW(line = json::parse(lines[i]));
    if (i + 1 < lines.size()) {
      CHECK(line.at("rank") == i + 1);
      CHECK(fs::path(line.at("path").get<std::string>()).filename().string().rfind("port-", 0) == 0);
      CHECK(line.at("snippet").is_string());
      CHECK_FALSE(line.contains("total"));
    } else {
      CHECK((line.at("total") == 12 && line.at("query") == "port"));
      CHECK((line.at("facets").is_object() && !line.contains("results")));
    }
  }
  r = c.search({"port", "--format", "jsonl", "--limit", "0", "--facets", "country"});
  lines = r.out_lines();
  REQUIRE(lines.size() == 13);
  json last = json::parse(lines.back());
  CHECK((last.at("total") == 12 && last.at("facets").size() == 1));
  r = c.search({"submarine", "--format", "jsonl"});
  REQUIRE((r.status == 1 && r.out_lines().size() == 1));
  CHECK(json::parse(r.out_lines()[0]).at("total") == 0);

  CHECK(c.search({"port", "--format", "xml"}).status == 2);
}

// ---------------------------------------------------------------------------
// 12. The meeting graph

TEST_CASE("graph gives ministers as nodes and shared briefings as weighted edges", "[e2e][graph]") {
  Corpus c;
  c.add("g1.txt",
        "Tokyo, 14 February 2024. Japan's Defense Minister Minoru Kihara received Finland's Minister of "
        "Defence Antti Häkkänen for talks on cyber defence.\n");
  c.add("g2.txt",
        "Helsinki, 10 June 2024. Finland's Minister of Defence Antti Häkkänen welcomed Japan's Defense "
        "Minister Minoru Kihara on his first visit to Finland.\n");
  c.add("g3.txt",
        "Canberra, 2 July 2024. Japan's Defense Minister Minoru Kihara met Australia's Defence Minister "
        "Richard Marles to discuss joint training.\n");
  c.add("g4.txt",
        "Stockholm, 5 August 2024. Sweden's Defence Minister Pål Jonson hosted Finland's Minister of Defence "
        "Antti Häkkänen.\n");
  c.add("g5.txt", "Oslo, 6 August 2024. Officials of Norway met to discuss the budget.\n");
  c.index();

  struct Graph {
    std::map<std::string, std::string> label;       // node id -> label
    std::map<std::pair<std::string, std::string>, long> weight;  // sorted names -> weight
  };
  auto parse = [](const Run& r) {
    Graph g;
    INFO(describe_run(r));
    CHECK(r.status == 0);
    CHECK(r.out.rfind("graph ", 0) == 0);
    CHECK(contains(r.out, "}"));
    std::regex node(R"re(^\s*(n\d+)\s*\[label="((?:[^"\\]|\\.)*)")re");
    std::regex edge(R"re(^\s*(n\d+)\s*--\s*(n\d+)\s*\[weight=(\d+))re");
    std::vector<std::tuple<std::string, std::string, long>> edges;
    for (const std::string& line : r.out_lines()) {
      std::smatch m;
      if (std::regex_search(line, m, edge)) {
        edges.emplace_back(m[1], m[2], std::stol(m[3]));
      } else if (std::regex_search(line, m, node)) {
        std::string label, raw = m[2];
        for (size_t i = 0; i < raw.size(); ++i)
          label += raw[i] != '\\' || i + 1 == raw.size() ? raw[i] : raw[++i] == 'n' ? '\n' : raw[i];
        CHECK(g.label.count(m[1]) == 0);
        g.label[m[1]] = label;
      }
    }
    for (const auto& [a, b, w] : edges) {
      REQUIRE((g.label.count(a) && g.label.count(b)));
      std::string x = g.label[a].substr(0, g.label[a].find('\n'));
      std::string y = g.label[b].substr(0, g.label[b].find('\n'));
      auto key = std::minmax(x, y);
      CHECK(g.weight.count({key.first, key.second}) == 0);  // one edge per pair
      g.weight[{key.first, key.second}] = w;
    }
    return g;
  };
  auto labels = [](const Graph& g) {
    std::set<std::string> s;
    for (const auto& [id, l] : g.label) s.insert(l);
    return s;
  };

  Graph g = parse(c.search({"--graph"}));
  CHECK(labels(g) == std::set<std::string>{"Minoru Kihara\nJapan", "Antti Häkkänen\nFinland",
                                           "Richard Marles\nAustralia", "Pål Jonson\nSweden"});
  using Edges = std::map<std::pair<std::string, std::string>, long>;
  CHECK(g.weight == Edges{{{"Antti Häkkänen", "Minoru Kihara"}, 2},
                          {{"Minoru Kihara", "Richard Marles"}, 1},
                          {{"Antti Häkkänen", "Pål Jonson"}, 1}});

  // over the matches only
  g = parse(c.search({"--graph", "--minister", "kihara"}));
  CHECK(labels(g) == std::set<std::string>{"Minoru Kihara\nJapan", "Antti Häkkänen\nFinland",
                                           "Richard Marles\nAustralia"});
  CHECK(g.weight == Edges{{{"Antti Häkkänen", "Minoru Kihara"}, 2}, {{"Minoru Kihara", "Richard Marles"}, 1}});
  // the graph covers every match, not one page (so --limit is refused)
  CHECK(c.search({"--graph", "--limit", "1"}).status == 2);
  g = parse(c.search({"--graph", "--since", "2024-06"}));
  CHECK(g.weight == Edges{{{"Antti Häkkänen", "Minoru Kihara"}, 1},
                          {{"Minoru Kihara", "Richard Marles"}, 1},
                          {{"Antti Häkkänen", "Pål Jonson"}, 1}});
  g = parse(c.search({"--graph", "--country", "norway"}));
  CHECK((g.label.empty() && g.weight.empty()));

  // --batch: one graph an answer, each after its query as a DOT comment,
  // so the whole stays one DOT file.
  write_file(c.tmp() / "queries.txt", "kihara\nnorway \x1b[2J\n");
  Run b = c.search({"--graph", "--batch", (c.tmp() / "queries.txt").string()});
  INFO(describe_run(b));
  const auto lines = split_lines(b.out);
  REQUIRE(lines.size() >= 4);
  CHECK(lines[0] == "// kihara");
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("graph ", 0) == 0; }) == 2);
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("// ", 0) == 0; }) == 2);
  CHECK_FALSE(contains(b.out, "\x1b"));  // a query's control characters do not reach the terminal
}

// ---------------------------------------------------------------------------
// 13. Several databases searched as one

TEST_CASE("several databases search as one with exact counts", "[e2e][multi-db]") {
  Corpus c;
  write_meetings(c);
  // the same briefings split over two folders
  fs::path part1 = c.tmp() / "part1", part2 = c.tmp() / "part2";
  for (const std::string& n : {kTH, kTS, kCN, kHS, kBP})
    write_file((n == kHS || n == kBP ? part2 : part1) / n, read_file(c.dir() / n));
  fs::path db1 = c.tmp() / "db1", db2 = c.tmp() / "db2", both = c.tmp() / "both";
  c.index_into(db1, {part1});
  c.index_into(db2, {part2});
  c.index_into(both, {part1, part2});

  auto json_of = [&](std::vector<std::string> dbs, std::vector<std::string> args) {
    for (const std::string& d : dbs) args.insert(args.end(), {"--db", d});
    args.insert(args.end(), {"--format", "json", "--limit", "0"});
    return c.parse_json(searcher(c.tmp(), args));
  };
  auto two = [&](const std::vector<std::string>& args) { return json_of({db1, db2}, args); };
  auto one = [&](const std::vector<std::string>& args) { return json_of({both}, args); };
  const std::vector<std::vector<std::string>> queries = {
      {}, {"cyber"}, {"--country", "japan,sweden", "--multi-select", "--topic", "cyber"},
      {"maritime", "--not-party", "japan", "--since", "2024-06", "--timeline", "month"}};
  for (const auto& q : queries) {
    json a = two(q), b = one(q);
    INFO("query args: " << json(q).dump());
    CHECK(a.at("total") == b.at("total"));
    CHECK(a.at("facets") == b.at("facets"));
    CHECK(result_names(a) == result_names(b));
    CHECK(a.value("timeline", json()) == b.value("timeline", json()));
  }
  json a = two({});
  CHECK(a.at("total") == 5);
  CHECK(facet_list(a, "country") ==
        Counts{{"Finland", 2}, {"Japan", 2}, {"Sweden", 2}, {"Australia", 1}, {"France", 1}, {"Germany", 1}});

  Run r = searcher(c.tmp(), {"--db", db1.string(), "--db", db2.string(), "--list", "minister"});
  CHECK(r.out == searcher(c.tmp(), {"--db", both.string(), "--list", "minister"}).out);
  CHECK(has_line(r.out, "2\tAntti Häkkänen"));
  // --similar with a file from the second database
  r = searcher(c.tmp(), {"--db", db1.string(), "--db", db2.string(), "--similar", (part2 / kHS).string(),
                         "--format", "paths", "--limit", "0"});
  CHECK(r.status == 0);
  for (const std::string& line : r.out_lines()) CHECK(fs::path(line).filename() != kHS);

  r = searcher(c.tmp(), {"--db", db1.string(), "--db", (c.tmp() / "nope").string()});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "nope"));

  // The same database twice (by another path too) is searched once.
  Run once = searcher(c.tmp(), {"--db", db1.string(), "--format", "json", "--limit", "0"});
  Run twice = searcher(c.tmp(), {"--db", db1.string(), "--db", (db1 / ".").string(), "--format", "json", "--limit",
                                 "0"});
  CHECK(twice.status == 0);
  CHECK(json::parse(twice.out).at("total") == json::parse(once.out).at("total"));
  CHECK(json::parse(twice.out).at("facets") == json::parse(once.out).at("facets"));
}

TEST_CASE("a database of another schema version or another program is refused", "[e2e][schema]") {
  Corpus c;
  write_meetings(c);
  c.index();
  auto set_schema = [&](const fs::path& db, const std::string& version) {
    Xapian::WritableDatabase w(db.string(), Xapian::DB_OPEN);
    w.set_metadata("briefing:schema", version);
    w.commit();
  };
  set_schema(c.db(), "4");  // an older version's slots: its facets would come back empty
  Run r = c.search({"cyber"});
  INFO(describe_run(r));
  CHECK(r.status == 2);
  CHECK(contains(r.err, "older version"));
  CHECK(contains(r.err, c.db().string()));
  CHECK(split_lines(r.err).size() == 1);
  // what the message advises works: the indexer rebuilds it
  c.index();
  r = c.search({"cyber", "--format", "json"});
  CHECK(r.status == 0);
  CHECK(!c.parse_json(r).at("facets").at("country").empty());

  set_schema(c.db(), "99");
  r = c.search({"--stats"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "newer"));

  // a Xapian database made by another program
  fs::path other = c.tmp() / "other";
  {
    Xapian::WritableDatabase w(other.string(), Xapian::DB_CREATE);
    Xapian::Document d;
    d.add_term("cyber");
    w.add_document(d);
    w.commit();
  }
  r = searcher(c.tmp(), {"--db", other.string(), "cyber"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "not a Briefing Search database"));
  // ... which the indexer leaves as it is.
  r = indexer(c.tmp(), {"--db", other.string(), c.dir().string()});
  INFO(describe_run(r));
  CHECK(r.status == 2);
  CHECK(contains(r.err, "not a Briefing Search database"));
  CHECK(Xapian::Database(other.string()).get_doccount() == 1);

  // A stub database that names itself is refused, not followed for ever.
  write_file(c.tmp() / "loop", "auto " + (c.tmp() / "loop").string() + "\n");
  r = searcher(c.tmp(), {"--db", (c.tmp() / "loop").string(), "cyber"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "names itself"));
}

TEST_CASE("one database reached twice through different --db values is refused", "[e2e][db]") {
  Corpus c;
  write_meetings(c);
  c.index();
  // As itself and through a stub it would count its briefings twice; the
  // same folder written twice is searched once.
  write_file(c.tmp() / "stub", "auto " + c.db().string() + "\n");
  Run r = searcher(c.tmp(), {"--db", c.db().string(), "--db", (c.tmp() / "stub").string(), "--count"});
  INFO(describe_run(r));
  CHECK(r.status == 2);
  CHECK(split_lines(r.err).size() == 1);
  CHECK(contains(r.err, "both open the database"));
  r = searcher(c.tmp(), {"--db", c.db().string(), "--db", c.db().string() + "/", "--count"});
  CHECK(r.status == 0);
  CHECK(r.out == std::to_string(c.search_json({}).at("total").get<int>()) + "\n");
  // The stub alone is the database once.
  r = searcher(c.tmp(), {"--db", (c.tmp() / "stub").string(), "--count"});
  CHECK(r.status == 0);
  CHECK(r.out == std::to_string(c.search_json({}).at("total").get<int>()) + "\n");
}

// ---------------------------------------------------------------------------
// 14. The knowledge base of ministers

TEST_CASE("known ministers give country and role and the ministers option adds more", "[e2e][ministers]") {
  Corpus c;
  c.add("berlin.txt",
        "Berlin, 3 June 2024. Germany's Boris Pistorius welcomed his guests to a conference on air defence.\n");
  c.add("tartu.txt",
        "Cyber range opened\n\nTartu, 5 May 2024. Minister Fictionov opened the new cyber range and thanked "
        "the engineers who built it.\n");
  c.index();

  auto minister = [](const json& j, const std::string& surname) {
    REQUIRE(j.at("results").size() == 1);
    for (const auto& m : j["results"][0].at("ministers"))
      if (contains(m.at("name").get<std::string>(), surname)) return m;
    return json();
  };

  json j = c.search_json({"--minister", "pistorius"});
  json m = minister(j, "Pistorius");
  CHECK(m.at("name") == "Boris Pistorius");
  CHECK(m.at("country") == "Germany");
  CHECK(j["results"][0].at("parties") == json({"Germany"}));

  // not known yet: no country
  j = c.search_json({"--minister", "fictionov"});
  m = minister(j, "Fictionov");
  CHECK(m.at("country").is_null());

  fs::path extra = c.tmp() / "more-ministers.tsv";
  write_file(extra, "# invented for this test\nAleksandr Fictionov\tEstonia\tDefense Minister\t\n");
  fs::path db2 = c.tmp() / "db-extra";
  c.index_into(db2, {c.dir()}, {"--ministers", extra.string()});
  Run r = searcher(c.tmp(), {"--db", db2.string(), "--minister", "fictionov", "--format", "json"});
  j = c.parse_json(r);
  m = minister(j, "Fictionov");  // named "Fictionov" or "Aleksandr Fictionov"
  CHECK(m.at("country") == "Estonia");
  CHECK(m.at("role") == "Defense Minister");
  CHECK(j["results"][0].at("parties") == json({"Estonia"}));
  r = searcher(c.tmp(), {"--db", db2.string(), "--party", "estonia", "--format", "paths"});
  REQUIRE((r.status == 0 && r.out_lines().size() == 1));
  CHECK(fs::path(r.out_lines()[0]).filename() == "tartu.txt");
  r = searcher(c.tmp(), {"--db", db2.string(), "cyber", "range"});
  CHECK(contains(r.out, "Fictionov"));
  CHECK(contains(line_starting(r.out, "   ministers:"), "Estonia"));
  // the built-in list is still there
  j = c.parse_json(searcher(c.tmp(), {"--db", db2.string(), "--minister", "pistorius", "--format", "json"}));
  CHECK(minister(j, "Pistorius").at("country") == "Germany");

  fs::path bad = c.tmp() / "bad-ministers.tsv";
  write_file(bad,
             "# invented\nAleksandr Fictionov\tEstonia\tDefense Minister\t\nIvan Nobody\tAtlantis\tDefense "
             "Minister\t\n");
  r = indexer(c.tmp(), {"--db", (c.tmp() / "db-bad").string(), "--ministers", bad.string(), c.dir().string()});
  INFO(describe_run(r));
  CHECK(r.status == 2);
  CHECK(r.err.rfind("indexer: ", 0) == 0);
  CHECK(contains(r.err, "bad-ministers.tsv:3"));
  CHECK(contains(r.err, "Atlantis"));
  r = indexer(c.tmp(), {"--db", (c.tmp() / "db-bad2").string(), "--ministers", (c.tmp() / "absent.tsv").string(),
                        c.dir().string()});
  CHECK((r.status == 2 && contains(r.err, "absent.tsv")));
}

// ---------------------------------------------------------------------------
// 15. Parties

TEST_CASE("parties are the countries that took part", "[e2e][parties]") {
  Corpus c;
  c.add("meeting.txt",
        "Tokyo, 8 July 2024. The Japan-Germany Defense Ministerial Meeting was held at the ministry. Both "
        "sides voiced concern about China's activities in the East China Sea.\n");
  c.add("alliance.txt",
        "Tokyo, 9 July 2024. Officials said the Japan-U.S. alliance remains the cornerstone of regional "
        "security.\n");
  c.add("helsinki.txt",
        "Helsinki, 10 July 2024. Finland's Minister of Defence Antti Häkkänen spoke about industrial links with "
        "Japan.\n");
  c.index();

  json j = c.search_json({"--party", "germany"});
  REQUIRE(j.at("results").size() == 1);
  const json& r = j["results"][0];
  CHECK(fs::path(r.at("path").get<std::string>()).filename() == "meeting.txt");
  CHECK(std::set<std::string>(r.at("parties").begin(), r.at("parties").end()) == Names{"Japan", "Germany"});
  CHECK(std::set<std::string>(r.at("countries").begin(), r.at("countries").end()) ==
        Names{"Japan", "Germany", "China"});

  CHECK(c.names({"--party", "japan"}) == Names{"meeting.txt"});
  CHECK(c.names({"party:japan"}) == Names{"meeting.txt"});
  CHECK(c.names({"party:germany"}) == Names{"meeting.txt"});
  CHECK(c.names({"--party", "china"}).empty());
  CHECK(c.names({"party:china"}).empty());
  CHECK(c.names({"--country", "china"}) == Names{"meeting.txt"});
  CHECK(c.names({"--party", "united states"}).empty());
  CHECK(c.names({"--country", "united states"}) == Names{"alliance.txt"});
  CHECK(c.names({"--party", "japan,finland"}) == Names{"meeting.txt", "helsinki.txt"});
  CHECK(c.names({"--country", "japan", "--not-party", "japan"}) == Names{"alliance.txt", "helsinki.txt"});
  j = c.search_json({});
  CHECK(facet_list(j, "party") == Counts{{"Finland", 1}, {"Germany", 1}, {"Japan", 1}});
}

TEST_CASE("a file whose name is not UTF-8 is found, shown escaped, and its snippet read from it", "[e2e][paths]") {
  Corpus c;
  const fs::path latin1 = c.add("caf\xE9-talks.txt",
                                "Talks at the cafe\n\nOn 4 June 2024 the ministers of Latvia and Estonia met at a "
                                "cafe in Riga to discuss seabed cables.\n");
  c.index();
  // paths: the bytes, for scripts
  Run r = c.search({"--format", "paths", "seabed"});
  INFO(describe_run(r));
  CHECK(r.status == 0);
  CHECK(r.out == latin1.string() + "\n");
  // JSON: valid UTF-8, the snippet read from the file itself
  json j = c.search_json({"seabed"});
  REQUIRE(j.at("results").size() == 1);
  CHECK(contains(j.at("results")[0].at("path").get<std::string>(), "caf\xEF\xBF\xBD-talks.txt"));
  CHECK(contains(j.at("results")[0].at("snippet").get<std::string>(), "cables"));
  // text: the byte escaped
  r = c.search({"seabed"});
  CHECK(contains(r.out, "caf\\xe9-talks.txt"));
}

// ---------------------------------------------------------------------------
// What a newcomer trips over: suggestions, case, negative queries, names

TEST_CASE("a suggestion corrects only the words the index does not have", "[e2e][spelling]") {
  Corpus c;
  c.add("nato.txt", "NATO ministers meet\n\n3 June 2024. NATO defence ministers discussed hybrid threats with the "
                    "U.S. delegation. 防衛大臣.\n");
  c.add("into.txt", "Looking into it\n\n4 June 2024. The ministers looked into supply lines.\n");
  c.index();
  json j = c.search_json({"nato thraets"});
  CHECK(j.at("total") == 0);
  CHECK(j.at("suggestion") == "nato threats");  // Xapian's own: "into threats"
  // no word of a script without spaces is "corrected" to a piece of itself
  CHECK(c.search_json({"防犯"}).at("suggestion").is_null());
  // a dotted acronym keeps its meaning in a query of any case
  CHECK(c.search_json({"U.S."}).at("total") == 1);
}

TEST_CASE("free text ignores case, and a query of excluded words finds the rest", "[e2e][query]") {
  Corpus c;
  c.add("north.txt", "Missiles\n\n3 June 2024. North Korea's missile launches worried Japan.\n");
  c.add("south.txt", "Talks\n\n4 June 2024. Korea and Japan held talks in Seoul.\n");
  c.add("china.txt", "Talks\n\n5 June 2024. China and Japan held talks in Beijing.\n");
  c.index();
  CHECK(c.search_json({"korea"}).at("total") == 2);
  CHECK(c.search_json({"Korea"}).at("total") == 2);
  CHECK(c.search_json({"KOREA"}).at("total") == 2);
  auto without = [&](const std::string& query) {
    Run r = c.search({"--format", "paths", "--sort", "oldest", "--", query});
    INFO(describe_run(r));
    Order files;
    for (const std::string& line : split_lines(r.out)) files.push_back(fs::path(line).filename().string());
    return files;
  };
  CHECK(without("-china") == Order{"north.txt", "south.txt"});
  CHECK(without("-china -seoul") == Order{"north.txt"});
  CHECK(without("-country:china") == Order{"north.txt", "south.txt"});
  CHECK(without("-china AND -seoul") == Order{"north.txt"});
  CHECK(without("-china OR -seoul") == Order{"north.txt", "south.txt", "china.txt"});
  // a query with nothing to search for matches nothing, not everything
  for (const char* nothing : {"-", "\"\"", "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5"}) {
    INFO(nothing);
    CHECK(c.search({"--", nothing}).status == 1);
  }
  // the same without "--": one line saying how
  Run r = c.search({"-china"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "goes after --: searcher -- -china"));
}

TEST_CASE("one person is one facet value, found by any part of the name or with a title", "[e2e][ministers]") {
  Corpus c;
  c.add("a.txt", "Call\n\n3 June 2024. Secretary of State Antony J. Blinken spoke with Foreign Minister Wang Yi.\n");
  c.add("b.txt", "Talks\n\n4 June 2024. Secretary of State Antony Blinken met Japan's Defense Minister Minoru "
                 "Kihara.\n");
  c.add("c.md", "---\ntitle: Visit\ndate: 2024-06-05\nminister: Kihara\n---\nThe minister visited a base.\n");
  c.index();
  json list = c.parse_json(c.search({"--list", "minister", "--format", "json"}));
  std::map<std::string, long> counts;
  for (const json& v : list.at("values")) counts[v.at("value").get<std::string>()] = v.at("count").get<long>();
  INFO(list.dump());
  CHECK(counts.count("Antony J. Blinken") == 1);
  CHECK(counts["Antony J. Blinken"] == 2);
  CHECK(counts.count("Antony Blinken") == 0);
  CHECK(counts["Minoru Kihara"] == 2);  // the front matter's "Kihara" too
  CHECK(c.order({"--minister", "wang"}) == Order{"a.txt"});
  CHECK(c.order({"--minister", "Minister Kihara", "--sort", "oldest"}) == Order{"b.txt", "c.md"});
  CHECK(c.order({"--minister", "antony blinken", "--sort", "oldest"}) == Order{"a.txt", "b.txt"});
  // each result still shows the name as written
  json j = c.search_json({"--minister", "blinken", "--sort", "oldest"});
  CHECK(j.at("results")[1].at("ministers")[0].at("name") == "Antony Blinken");
}

TEST_CASE("a surname after a particle ('al-Sudani') finds its minister", "[e2e][ministers][regression]") {
  Corpus c;
  c.add("a.txt", "Talks\n\n3 March 2025. Iraqi Prime Minister Mohammed Shia al-Sudani received Syrian Foreign "
                 "Minister Asaad al-Shaibani in Baghdad.\n");
  c.add("b.txt", "Call\n\n4 March 2025. Kuwait's Foreign Minister Abdullah Ali Al-Yahya spoke with his Omani "
                 "counterpart. Minister Al-Yahya said so.\n");
  c.index();
  for (const char* name : {"Sudani", "al-Sudani", "Mohammed Shia al-Sudani", "Shaibani", "Asaad"}) {
    INFO(name);
    CHECK(c.order({"--minister", name}) == Order{"a.txt"});
  }
  for (const char* name : {"Yahya", "Al-Yahya", "Abdullah Ali Al-Yahya"}) {
    INFO(name);
    CHECK(c.order({"--minister", name}) == Order{"b.txt"});
  }
}

TEST_CASE("scripts: NUL-separated paths, batch answers in step, comments, flag spellings", "[e2e][output]") {
  Corpus c;
  c.add("with space.txt", "Talks\n\n3 June 2024. Japan and Finland held talks.\n");
  c.add("other.md", "Talks\n\n4 June 2024. Japan and **Sweden** held talks.\n");
  c.index();
  Run r = c.search({"japan", "--format", "paths", "--null", "--sort", "oldest"});
  CHECK(r.out == (c.dir() / "with space.txt").string() + '\0' + (c.dir() / "other.md").string() + '\0');
  CHECK(c.search({"japan", "--null"}).status == 2);  // only with paths
  // Markdown bold is not shown as a hit
  r = c.search({"sweden", "--color", "never"});
  CHECK(contains(r.out, "**Sweden** held"));
  CHECK_FALSE(contains(r.out, "****"));
  // --batch: one JSON line per query, a failed one included; comments skipped
  write_file(c.tmp() / "queries.txt", "# my queries\nfinland\r\njapan AND\nsweden\n");
  r = c.search({"--batch", (c.tmp() / "queries.txt").string(), "--format", "json"});
  std::vector<std::string> lines = split_lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(json::parse(lines[0]).at("total") == 1);
  CHECK(json::parse(lines[0]).at("query") == "finland");  // no "\r" from a Windows file
  CHECK(json::parse(lines[1]).at("query") == "japan AND");
  CHECK(json::parse(lines[1]).contains("error"));
  CHECK(json::parse(lines[2]).at("total") == 1);
  CHECK(r.status == 2);
  // paths: a blank line between answers
  write_file(c.tmp() / "two.txt", "finland\nsweden\n");
  r = c.search({"--batch", (c.tmp() / "two.txt").string(), "--format", "paths"});
  CHECK(r.out == (c.dir() / "with space.txt").string() + "\n\n" + (c.dir() / "other.md").string() + "\n");
  // facet names in any case; formats a listing cannot print are refused
  CHECK(c.search({"--list", "Country"}).status == 0);
  CHECK(c.search({"--stats", "--format", "jsonl"}).status == 2);
  CHECK(c.search({"--graph", "--format", "json"}).status == 2);
  // --count: the number only
  r = c.search({"japan", "--count"});
  CHECK(r.status == 0);
  CHECK(r.out == "2\n");
  CHECK(json::parse(c.search({"sweden", "--count", "--format", "json"}).out) == json{{"query", "sweden"}, {"total", 1}});
  r = c.search({"norway", "--count"});
  CHECK(r.status == 1);
  CHECK(r.out == "0\n");
  // the other spellings of flags, and a hint for a typo
  CHECK(c.search({"japan", "--organization", "nato"}).status == 1);
  CHECK(c.search({"japan", "--colour", "never"}).status == 0);
  r = c.search({"japan", "--contry", "japan"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "did you mean --country?"));
}

TEST_CASE("the indexer refuses to put the database among the briefings, and names skipped files", "[e2e][index]") {
  Corpus c;
  c.add("a.txt", "Talks\n\n3 June 2024. Japan and Finland held talks.\n");
  c.add("notes.rst", "not a briefing format\n");
  Run r = indexer(c.tmp(), {"--db", c.dir().string(), c.dir().string()});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "is the folder being indexed"));
  CHECK_FALSE(fs::exists(c.dir() / "iamglass"));
  // nor in a folder of other files; an empty one is taken
  const fs::path mine = c.tmp() / "my-documents";
  fs::create_directories(mine / "letters");
  r = indexer(c.tmp(), {"--db", mine.string(), c.dir().string()});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "--db '" + mine.string() + "' holds other files ('letters') and no index"));
  CHECK_FALSE(fs::exists(mine / "iamglass"));
  fs::remove(mine / "letters");
  CHECK(indexer(c.tmp(), {"--db", mine.string(), c.dir().string()}).status == 0);
  CHECK(indexer(c.tmp(), {"--db", mine.string(), c.dir().string()}).status == 0);  // and again
  r = indexer(c.tmp(), {"--db", c.db().string(), "-v", c.dir().string()});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "skipped (unknown format) " + (c.dir() / "notes.rst").string()));
}

TEST_CASE("Chinese, Japanese and Korean text is searchable by its words", "[e2e][query]") {
  Corpus c;
  c.add("ja.txt", "日本とフィンランドの防衛相会談\n\n2024年9月12日、木原防衛大臣はフィンランドの国防大臣と会談した。\n");
  c.add("en.txt", "Talks\n\n3 June 2024. Japan and Finland held talks.\n");
  c.index();
  CHECK(c.order({"防衛"}) == Order{"ja.txt"});
  CHECK(c.order({"会談"}) == Order{"ja.txt"});
  json j = c.search_json({"防衛"});
  REQUIRE(j.at("results").size() == 1);
  CHECK(contains(j.at("results")[0].at("snippet").get<std::string>(), "<b>防"));
}

// ---------------------------------------------------------------------------
// Regressions found by a hostile tester

namespace {

// Runs the searcher with its standard output on /dev/full, where every
// write fails with ENOSPC ("searcher ... > /dev/full" gave exit status 0).
Run search_to_dev_full(const Corpus& c, const std::vector<std::string>& args) {
  const fs::path err_file = c.tmp() / "io" / "full-err";
  std::string cmd = "env -u BRIEFING_DATA_DIR -u BRIEFING_DB -u XDG_DATA_HOME HOME=" +
                    shell_quote((c.tmp() / "home").string()) + " NO_COLOR=1 " + shell_quote(SEARCHER_BIN) +
                    " --db " + shell_quote(c.db().string());
  for (const std::string& a : args) cmd += " " + shell_quote(a);
  Run r;
  r.command = cmd + " >/dev/full";
  int raw = std::system((r.command + " </dev/null 2>" + shell_quote(err_file.string())).c_str());
  if (raw == -1) FAIL("could not run: " << cmd);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  r.err = read_file(err_file);
  return r;
}

// Splits NUL-terminated records, as xargs -0 does.
std::vector<std::string> nul_records(const std::string& out) {
  std::vector<std::string> records;
  size_t start = 0;
  for (size_t at = out.find('\0'); at != std::string::npos; at = out.find('\0', start)) {
    records.push_back(out.substr(start, at - start));
    start = at + 1;
  }
  if (start < out.size()) records.push_back(out.substr(start));
  return records;
}

}  // namespace

TEST_CASE("output that cannot be written is an error, not a match", "[e2e][output][regression]") {
  if (!fs::exists("/dev/full")) {
    WARN("no /dev/full here: skipped");
    return;
  }
  Corpus c;
  write_meetings(c);
  c.index();
  write_file(c.tmp() / "queries.txt", "cyber\nmaritime\n");
  const std::string queries = (c.tmp() / "queries.txt").string();
  const std::vector<std::vector<std::string>> cases = {
      {"-n0", "-f", "paths", "cyber"},
      {"--count", "cyber"},
      {"--count", "-f", "json", "cyber"},
      {"-f", "json", "cyber"},
      {"-f", "jsonl", "cyber"},
      {"cyber"},
      {"--stats"},
      {"--stats", "-f", "json"},
      {"--list", "country"},
      {"--graph"},
      {"--batch", queries, "-f", "json"},
      {"--batch", queries, "-f", "paths"},
      {"--help"},
  };
  for (const auto& args : cases) {
    // Each prints something, with status 0, where it can write.
    Run fine = c.search(args);
    INFO(describe_run(fine));
    REQUIRE(fine.status == 0);
    REQUIRE_FALSE(fine.out.empty());
    Run r = search_to_dev_full(c, args);
    INFO(describe_run(r));
    CHECK(r.status == 2);
    CHECK(r.err == "searcher: cannot write output: No space left on device\n");
  }
}

TEST_CASE("timeline: [] when nothing matched, and undated matches counted apart", "[e2e][timeline][regression]") {
  Corpus c;
  auto doc = cable_note;
  c.add("t1.txt", doc("3 May 2022"));
  c.add("t2.txt", doc("10 January 2024"));
  c.add("t3.txt", doc("12 March 2024"));
  c.add("u1.txt", "Undated cable note\n\nA note on submarine cables, not dated.\n");
  c.add("u2.txt", "Another undated cable note\n\nMore on submarine cables, not dated either.\n");
  c.index();

  // Nothing matched: an empty list, not a missing member (JSON and JSON lines).
  json j = c.search_json({"--timeline", "year", "zyzzyva"});
  CHECK(j.at("total") == 0);
  CHECK(j.at("timeline") == json::array());
  CHECK(j.at("undated") == 0);
  Run r = c.search({"--timeline", "year", "-f", "jsonl", "zyzzyva"});
  CHECK(r.status == 1);
  REQUIRE(r.out_lines().size() == 1);
  CHECK(json::parse(r.out_lines()[0]).at("timeline") == json::array());

  // Undated matches: "undated", and the periods and it add up to the total.
  for (const char* period : {"year", "month"}) {
    j = c.search_json({"--timeline", period, "cables"});
    CHECK(j.at("total") == 5);
    CHECK(j.at("undated") == 2);
    long sum = j.at("undated").get<long>();
    for (const auto& p : j.at("timeline")) sum += p.at("count").get<long>();
    CHECK(sum == 5);
  }
  r = c.search({"--timeline", "year", "-f", "jsonl", "cables"});
  CHECK(json::parse(r.out_lines().back()).at("undated") == 2);
  r = c.search({"--timeline", "year", "cables"});
  INFO(describe_run(r));
  CHECK(r.status == 0);
  CHECK(has_line(r.out, "undated 2"));
  CHECK(bar_length(line_starting(r.out, "undated")) == 0);
  // Only undated matches: no period, the undated line alone.
  j = c.search_json({"--timeline", "month", "undated"});
  CHECK(j.at("timeline") == json::array());
  CHECK(j.at("undated") == 2);
  CHECK(has_line(c.search({"--timeline", "month", "undated"}).out, "undated 2"));
  // Dated matches only: "undated": 0, and no undated line in text.
  CHECK(c.search_json({"--timeline", "year", "--since", "2020", "cables"}).at("undated") == 0);
  CHECK(line_starting(c.search({"--timeline", "year", "--since", "2020", "cables"}).out, "undated").empty());
  // With --batch, every answer has its timeline.
  write_file(c.tmp() / "q.txt", "zyzzyva\ncables\n");
  r = c.search({"--batch", (c.tmp() / "q.txt").string(), "--timeline", "year", "-f", "json"});
  REQUIRE(r.out_lines().size() == 2);
  CHECK(json::parse(r.out_lines()[0]).at("timeline") == json::array());
  CHECK(json::parse(r.out_lines()[1]).at("undated") == 2);
}

TEST_CASE("a first build in progress, and a folder or file that is no database, are named as such",
          "[e2e][errors][regression]") {
  Corpus c;
  write_meetings(c);
  auto one_line = [](const Run& r) {
    INFO(describe_run(r));
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    REQUIRE(split_lines(r.err).size() == 1);
    CHECK(r.err.rfind("searcher: ", 0) == 0);
    return r.err;
  };
  // A first build by several writers keeps its shards in DB.indexing until
  // it ends (cut short here: the shards are left).
  const fs::path dbk = c.tmp() / "dbk";
  {
    fs::create_directories(dbk.string() + ".indexing");
    Xapian::WritableDatabase shard((dbk.string() + ".indexing/shard-000"), Xapian::DB_CREATE);
    shard.commit();
  }
  std::string err = one_line(searcher(c.tmp(), {"--db", dbk.string(), "cyber"}));
  CHECK(contains(err, "a first build of it is in progress or was interrupted"));
  CHECK(contains(err, "run the indexer again to finish it"));
  CHECK_FALSE(contains(err, "create it"));
  // ... and once the indexer has run again, it searches.
  c.index_into(dbk, {c.dir()}, {"--jobs", "2"});
  CHECK_FALSE(fs::exists(dbk.string() + ".indexing"));
  CHECK(searcher(c.tmp(), {"--db", dbk.string(), "cyber"}).status == 0);

  // A folder of other things, a file of other things: not "create it".
  err = one_line(searcher(c.tmp(), {"--db", c.dir().string(), "cyber"}));
  CHECK(err == "searcher: '" + c.dir().string() +
                   "' is not a Briefing Search database (a folder with no Xapian database in it)\n");
  write_file(c.tmp() / "passwd", "root:x:0:0:root:/root:/bin/bash\n");
  err = one_line(searcher(c.tmp(), {"--db", (c.tmp() / "passwd").string(), "cyber"}));
  CHECK(contains(err, "is not a Briefing Search database"));
  CHECK_FALSE(contains(err, "create it"));
  for (const char* other : {"/dev/null", "/etc/passwd", "/tmp"}) {
    err = one_line(searcher(c.tmp(), {"--db", other, "cyber"}));
    INFO(other);
    CHECK(contains(err, "is not a Briefing Search database"));
    CHECK_FALSE(contains(err, "create it"));
  }
  // Nothing there at all: that is what the indexer creates.
  err = one_line(searcher(c.tmp(), {"--db", (c.tmp() / "nothing").string(), "cyber"}));
  CHECK(contains(err, "create it with: indexer --db"));
}

TEST_CASE("options that would be ignored together are refused, naming both", "[e2e][errors][regression]") {
  Corpus c;
  write_meetings(c);
  c.index();
  write_file(c.tmp() / "q.txt", "cyber\nmaritime\n");
  const std::string q = (c.tmp() / "q.txt").string();
  struct Refused {
    std::vector<std::string> args;
    std::string first, second;
  };
  const std::vector<Refused> refused = {
      {{"--stats", "japan"}, "--stats", "query words"},
      {{"--stats", "--count"}, "--stats", "--count"},
      {{"--stats", "--list", "country"}, "--stats", "--list"},
      {{"--stats", "--country", "japan"}, "--stats", "--country"},
      {{"--stats", "--since", "2024"}, "--stats", "--since"},
      {{"--stats", "--timeline", "year"}, "--stats", "--timeline"},
      {{"--stats", "--batch", q}, "--stats", "--batch"},
      {{"--list", "country", "--count"}, "--list", "--count"},
      {{"--list", "country", "--graph"}, "--list", "--graph"},
      {{"--list", "country", "--timeline", "year"}, "--list", "--timeline"},
      {{"--list", "country", "--batch", q}, "--list", "--batch"},
      {{"--graph", "--count"}, "--count", "--graph"},
      {{"--graph", "--timeline", "year"}, "--graph", "--timeline"},
      {{"--timeline", "year", "--count"}, "--count", "--timeline"},
      {{"--timeline", "year", "-f", "paths"}, "--timeline", "--format paths"},
      {{"--list", "country", "--limit", "3"}, "--list", "--limit"},
      {{"--list", "country", "--offset", "1"}, "--list", "--offset"},
      {{"--list", "country", "--sort", "newest"}, "--list", "--sort"},
      {{"--list", "country", "--facets", "topic"}, "--list", "--facets"},
      {{"--count", "--limit", "3"}, "--count", "--limit"},
      {{"--count", "--sort", "oldest"}, "--count", "--sort"},
      {{"--count", "--snippet-length", "0"}, "--count", "--snippet-length"},
      {{"--list", "country", "--facet-limit", "2"}, "--list", "--facet-limit"},
      {{"--count", "--multi-select", "--country", "japan"}, "--count", "--multi-select"},
      {{"--graph", "--facet-limit", "3"}, "--graph", "--facet-limit"},
      {{"--graph", "--limit", "1"}, "--graph", "--limit"},
      {{"--graph", "--sort", "oldest"}, "--graph", "--sort"},
      {{"--stats", "--facets", "country"}, "--stats", "--facets"},
      {{"--stats", "--facet-limit", "3"}, "--stats", "--facet-limit"},
      {{"--stats", "--limit", "3"}, "--stats", "--limit"},
      {{"-f", "paths", "--facets", "country"}, "--facets", "--format paths"},
      {{"--batch", q, "extra", "words"}, "--batch", "query words"},
      {{"--batch", "-", "extra"}, "--batch", "query words"},
  };
  for (const Refused& x : refused) {
    Run r = c.search(x.args);
    INFO(describe_run(r));
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(split_lines(r.err).size() == 1);
    CHECK(r.err.rfind("searcher: " + x.first + " and " + x.second + " do not go together: ", 0) == 0);
  }
  // What makes sense together still works.
  const std::vector<std::vector<std::string>> fine = {
      {"--stats", "-f", "json"},
      {"--list", "country", "cyber"},
      {"--list", "minister", "--match", "hakk", "--country", "japan"},
      {"--count", "--country", "japan", "cyber"},
      {"--count", "--batch", q},
      {"--timeline", "year", "-f", "jsonl", "cyber"},
      {"--timeline", "month", "--batch", q},
      {"--graph", "--country", "japan"},
      {"--batch", q, "--country", "japan,finland,germany", "-f", "paths"},
      {"--similar", (c.dir() / kTH).string(), "--timeline", "year"},
  };
  for (const auto& args : fine) {
    Run r = c.search(args);
    INFO(describe_run(r));
    CHECK(r.status == 0);
    CHECK(r.err.empty());
  }
  // --batch queries are the file's lines alone (extra words were appended).
  Run r = c.search({"--batch", q, "--count", "-f", "json"});
  REQUIRE(r.out_lines().size() == 2);
  CHECK(json::parse(r.out_lines()[0]) == json{{"query", "cyber"}, {"total", 3}});
}

TEST_CASE("batch with --null: answers follow one another, never an empty record", "[e2e][output][regression]") {
  Corpus c;
  write_meetings(c);
  c.index();
  write_file(c.tmp() / "q.txt", "cyber\nzyzzyva\nmaritime\n");
  Run r = c.search({"--batch", (c.tmp() / "q.txt").string(), "-f", "paths", "-0", "--sort", "oldest"});
  INFO(describe_run(r));
  CHECK(r.status == 0);
  const std::vector<std::string> records = nul_records(r.out);
  CHECK(records == std::vector<std::string>{
                       (c.dir() / kTH).string(), (c.dir() / kTS).string(), (c.dir() / kBP).string(),
                       (c.dir() / kHS).string(), (c.dir() / kCN).string()});
  CHECK(std::none_of(records.begin(), records.end(), [](const std::string& s) { return s.empty(); }));
  CHECK(r.out.back() == '\0');
  // xargs -0 gets no "" argument.
  const fs::path out = c.tmp() / "paths0";
  write_file(out, r.out);
  Run x = run(c.tmp(), "/bin/sh", {"-c", "xargs -0 -n1 printf '[%s]\\n' < " + shell_quote(out.string())});
  CHECK(x.out_lines().size() == 5);
  CHECK_FALSE(contains(x.out, "[]"));
  // Without --null, still a blank line between answers.
  r = c.search({"--batch", (c.tmp() / "q.txt").string(), "-f", "paths", "--sort", "oldest"});
  CHECK(r.out == (c.dir() / kTH).string() + "\n" + (c.dir() / kTS).string() + "\n" + (c.dir() / kBP).string() +
                     "\n\n\n" + (c.dir() / kHS).string() + "\n" + (c.dir() / kCN).string() + "\n");
}

TEST_CASE("similar: a briefing nothing else shares words with finds nothing (exit 1), a copy is found",
          "[e2e][similar][regression]") {
  Corpus c;
  fs::path numbers = c.add("numbers.txt", "On 12\n\n12 34 56 to be or no\n");
  fs::path talks = c.add("talks.txt", "Talks in Tokyo\n\n3 June 2024. Japan and Finland held talks on cables.\n");
  c.index();
  Run r = c.search({"--similar", numbers.string()});
  INFO(describe_run(r));
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  CHECK(has_line(r.out, "No briefings matched."));
  CHECK(c.search_json({"--similar", numbers.string()}).at("total") == 0);
  // The only other briefing is a copy: every word is in both.
  c.add("copy.txt", read_file(talks));
  c.index();
  CHECK(c.order({"--similar", talks.string()}) == Order{"copy.txt"});
}
