#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "data_files.h"
#include "gazetteer.h"
#include "test_rules.h"
#include "text.h"

using namespace briefing;

namespace {

// A folder of rule files that override the defaults, removed at the end.
struct RulesDir {
  std::string dir;
  RulesOptions options;
  explicit RulesDir(const std::string& name)
      : dir(std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/" + name + "-" +
            std::to_string(::getpid())) {
    std::filesystem::create_directories(dir);
    options.data_dir = dir;
  }
  ~RulesDir() { std::filesystem::remove_all(dir); }
  void write(const std::string& file, const std::string& content) const {
    std::ofstream(dir + "/" + file) << content;
  }
  // The error of loading the rules with `file` holding `content` ("": none).
  std::string load_error(const std::string& file, const std::string& content) const {
    write(file, content);
    try {
      Rules::load(options);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  }
};

std::vector<std::string> countries_in(const std::string& text) {
  const Rules& r = *test::default_rules();
  auto tokens = tokenize(text, r.variants);
  std::vector<std::string> out;
  for (const Mention& m : r.countries.find(text, tokens)) {
    const std::string& name = r.countries.name(m.entry);
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

}  // namespace

TEST_CASE("country names, demonyms, possessives and abbreviations", "[gazetteer]") {
  struct Case { const char* text; std::vector<std::string> countries; };
  const std::vector<Case> cases = {
      {"Japan’s minister met Finnish officials", {"Japan", "Finland"}},
      {"the U.S. and the UK", {"United States", "United Kingdom"}},
      {"Japan-U.S. alliance and U.S.-Australia ties", {"Japan", "United States", "Australia"}},
      {"the ROK and the DPRK", {"South Korea", "North Korea"}},
      {"the Republic of Korea", {"South Korea"}},
      {"PRC vessels", {"China"}},
      {"the USA and American forces", {"United States"}},
      {"Türkiye and Côte d'Ivoire", {"Turkey", "Côte d'Ivoire"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(countries_in(c.text) == c.countries);
  }
}

TEST_CASE("place names and lowercase words are not countries", "[gazetteer]") {
  CHECK(countries_in("patrols in the South China Sea and the East China Sea").empty());
  CHECK(countries_in("stability on the Korean Peninsula and across the Taiwan Strait").empty());
  CHECK(countries_in("a free and open Indo-Pacific").empty());
  CHECK(countries_in("let us talk about turkey and china plates").empty());
  CHECK(countries_in("China and the South China Sea") == std::vector<std::string>{"China"});
  // an organisation named after a demonym
  CHECK(countries_in("positions within the Organization of American States").empty());
  // a language named as one
  CHECK(countries_in("[Unofficial English translation of the Spanish original]").empty());
  CHECK(countries_in("the French-speaking states and a German-language text").empty());
  CHECK(countries_in("the Spanish minister, in a text translated from Spanish") ==
        std::vector<std::string>{"Spain"});
  CHECK(countries_in("[Transcript begins after opening statements in French have been interpreted]").empty());
  CHECK(countries_in("the minister gave remarks in Spanish and English").empty());
  // and a place named after a country is no mention of it
  CHECK(countries_in("ships anchored in the Gulf of Honduras").empty());
  CHECK(countries_in("BURMA CAMP, ACCRA - the Minister of Defence").empty());
}

TEST_CASE("typed aliases resolve to the canonical name", "[gazetteer]") {
  const Rules& r = *test::default_rules();
  auto name = [&](const char* typed) {
    int id = r.countries.lookup(typed);
    return id < 0 ? std::string("?") : r.countries.name(static_cast<uint32_t>(id));
  };
  CHECK(name("ROK") == "South Korea");
  CHECK(name("south korea") == "South Korea");
  CHECK(name("Republic of Korea") == "South Korea");
  CHECK(name("u.s.") == "United States");
  CHECK(name("USA") == "United States");
  CHECK(name("britain") == "United Kingdom");
  CHECK(name("JP") == "Japan");
  CHECK(name("narnia") == "?");
  int nato = r.organisations.lookup("North Atlantic Treaty Organisation");
  REQUIRE(nato >= 0);
  CHECK(r.organisations.name(static_cast<uint32_t>(nato)) == "NATO");
}

TEST_CASE("the gazetteers cover every UN member state plus four", "[gazetteer]") {
  const Rules& r = *test::default_rules();
  CHECK(r.countries.size() >= 197);
  for (const char* n : {"Taiwan", "Kosovo", "Palestine", "Holy See", "Finland", "Japan", "Tuvalu"}) {
    INFO(n);
    CHECK(r.countries.lookup(n) >= 0);
  }
}

TEST_CASE("no alias names two countries or two organisations", "[gazetteer]") {
  // Gazetteer::parse throws on a shared alias; loading the rules proves it.
  const SpellingVariants& v = test::default_rules()->variants;
  CHECK_NOTHROW(Gazetteer::parse(embedded_data("countries.tsv"), "countries.tsv", {2, 1}, v));
  CHECK_THROWS_WITH(Gazetteer::parse("A\tx|y\nB\ty\n", "t.tsv", {1}, v),
                    Catch::Contains("t.tsv:2") && Catch::Contains("already names A"));
}

TEST_CASE("topic triggers: case-insensitive, prefixes, several topics per phrase", "[gazetteer]") {
  const Rules& r = *test::default_rules();
  std::string text = "They discussed CYBERATTACKS, ballistic missiles and the defence industrial base.";
  auto tokens = tokenize(text, r.variants);
  std::set<std::string> topics;
  for (const Mention& m : r.topics.find(text, tokens)) topics.insert(r.topics.name(m.entry));
  CHECK(topics.count("cyber"));
  CHECK(topics.count("missile"));
  CHECK(topics.count("defense industry"));
  CHECK_FALSE(topics.count("space"));
}

TEST_CASE("a topics file of one's own", "[gazetteer]") {
  const SpellingVariants& v = test::default_rules()->variants;
  Gazetteer g = Gazetteer::parse("# mine\nsubmarines\tsubmarine*|undersea\n", "mine.tsv",
                                 {1, -1, CaseRule::kAny, CaseRule::kAny, false}, v);
  std::string text = "Submarines and undersea cables";
  auto m = g.find(text, tokenize(text, v));
  CHECK(m.size() == 2);
  CHECK(g.lookup("Submarines") == 0);
}

TEST_CASE("page words: folded, by kind, and a bad line named", "[gazetteer]") {
  const Rules& r = *test::default_rules();
  CHECK(r.page_word("ministere", PageWordKind::kInstitution));  // "ministère"
  CHECK(r.page_word("the", PageWordKind::kEnglish));
  CHECK_FALSE(r.page_word("the", PageWordKind::kOther));
  CHECK(r.page_word("last updated", PageWordKind::kDateLabel));
  CHECK(r.page_word("whatsapp", PageWordKind::kShare));
  CHECK_FALSE(r.page_word("minister", PageWordKind::kInstitution));

  const RulesDir rules_dir("page-words-test");
  CHECK(rules_dir.load_error("page-words.tsv", "# mine\nKansliet\tinstitution\nministry\tbuilding\n")
            .find("page-words.tsv:3: expected 'word<TAB>") != std::string::npos);
  rules_dir.write("page-words.tsv", "Kansliet\tinstitution\n");
  auto mine = Rules::load(rules_dir.options);
  CHECK(mine->page_word("kansliet", PageWordKind::kInstitution));
  CHECK_FALSE(mine->page_word("ministry", PageWordKind::kInstitution));  // the file replaces the default
}

TEST_CASE("context words: folded, by list, and an unknown list named", "[gazetteer]") {
  const Rules& r = *test::default_rules();
  CHECK(r.context_word("vocational", ContextList::kCivilTrainingBefore));
  CHECK(r.context_word("in", ContextList::kPlaceBeforeSurname));
  CHECK_FALSE(r.context_word("vocational", ContextList::kCivilTrainingAfter));
  CHECK(r.context_word("republic of", ContextList::kStateStylePhrase));
  CHECK(r.context_list(ContextList::kWeekday).front() == "monday");
  CHECK(r.context_list(ContextList::kWeekday).size() == 7);
  // (labels kept as written: "TO:" and "To:", no "to:")
  const std::vector<std::string>& labels = r.context_list(ContextList::kAddressLabel);
  CHECK(std::find(labels.begin(), labels.end(), "TO:") != labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "to:") == labels.end());

  const RulesDir rules_dir("context-words-test");
  auto load_error = [&](const std::string& content) { return rules_dir.load_error("context-words.tsv", content); };
  const std::string week = "Monday\tweekday\nTuesday\tweekday\nWednesday\tweekday\nThursday\tweekday\n"
                           "Friday\tweekday\nSaturday\tweekday\nSunday\tweekday\n";
  CHECK(load_error("# mine\nRice\tcivil-goods\nalliance\tnot-a-meeting\n" + week)
            .find("context-words.tsv:3: unknown list 'not-a-meeting'") != std::string::npos);
  CHECK(load_error("rice\n" + week).find("context-words.tsv:1: expected 'word<TAB>list'") != std::string::npos);
  CHECK(load_error("military alliance\tnot-meeting\n" + week)
            .find("context-words.tsv:1: 'military alliance' is more than one word") != std::string::npos);
  CHECK(load_error(week + "Mon\tweekday\n").find("context-words.tsv:8: more than seven weekdays") !=
        std::string::npos);
  CHECK(load_error("Monday\tweekday\n").find("context-words.tsv: 'weekday' needs the seven days") !=
        std::string::npos);

  rules_dir.write("context-words.tsv", "Rice\tcivil-goods\n" + week);
  auto mine = Rules::load(rules_dir.options);
  CHECK(mine->context_word("rice", ContextList::kCivilGoods));
  CHECK_FALSE(mine->context_word("food", ContextList::kCivilGoods));  // the file replaces the default
}

TEST_CASE("topic pairs load from data/topic-pairs.tsv, and a bad row names its file and line", "[gazetteer]") {
  const Rules& r = *test::default_rules();
  REQUIRE_FALSE(r.topic_pairs.empty());
  const TopicPair& arms = r.topic_pairs.front();
  CHECK(r.topics.name(arms.topic) == "equipment transfer");
  CHECK(arms.first.has("bought"));
  CHECK(arms.first.has("purchasing"));  // "purchas*"
  CHECK_FALSE(arms.first.has("pur"));
  CHECK(arms.then.has("howitzers"));
  CHECK(arms.stops.has("troops"));

  RulesDir rules_dir("topic-pairs-test");
  auto load_error = [&](const std::string& content) { return rules_dir.load_error("topic-pairs.tsv", content); };
  CHECK(load_error("# mine\nspace\tlaunch*\tsatellite*\t4\n").empty());
  CHECK(load_error("space\tlaunch*\tsatellite*\n").find("topic-pairs.tsv:1: expected 'topic<TAB>first") !=
        std::string::npos);
  CHECK(load_error("space\tlaunch\tsatellite\t0\n").find("topic-pairs.tsv:1: window '0' is not a number") !=
        std::string::npos);
  CHECK(load_error("space\tlaunch\tsatellite\tfour\n").find("window 'four'") != std::string::npos);
  CHECK(load_error("\nspace flight\tlaunch\tsatellite\t4\n").find("topic-pairs.tsv:2: unknown topic 'space flight'") !=
        std::string::npos);
  CHECK(load_error("space\tlaunch|put into\tsatellite\t4\n").find("'put into' is no single word") !=
        std::string::npos);
  CHECK(load_error("space\tlaunch\tsatellite\t4\tknow-how\n").find("'know-how' is no single word") !=
        std::string::npos);
  // With a taxonomy of the user's own, a pair of a topic it lacks is passed over.
  rules_dir.write("topic-pairs.tsv", "space\tlaunch\tsatellite\t4\nequipment transfer\tbuy\tjets\t4\n");
  rules_dir.write("mine.tsv", "space\tspace station\n");
  rules_dir.options.topics_file = rules_dir.dir + "/mine.tsv";
  auto mine = Rules::load(rules_dir.options);
  REQUIRE(mine->topic_pairs.size() == 1);
  CHECK(mine->topics.name(mine->topic_pairs.front().topic) == "space");
}

TEST_CASE("a weak trigger counts only when its topic is found twice", "[gazetteer]") {
  const SpellingVariants& v = test::default_rules()->variants;
  Gazetteer g = Gazetteer::parse("alliance\talliance|~allies|~allied\nspace\tsatellite*\n", "mine.tsv",
                                 {1, -1, CaseRule::kAny, CaseRule::kAny, false}, v);
  auto topics = [&](const std::string& text) {
    std::set<std::string> out;
    for (const Mention& m : g.find(text, tokenize(text, v))) out.insert(g.name(m.entry));
    return out;
  };
  CHECK(topics("They thanked their allies and launched satellites.") == std::set<std::string>{"space"});
  CHECK(topics("Allies met, and allied forces trained.") == std::set<std::string>{"alliance"});
  CHECK(topics("The allies renewed the alliance.") == std::set<std::string>{"alliance"});
  // In the shipped rules, one "allies" in passing is no alliance.
  const Rules& r = *test::default_rules();
  for (const std::string passing : {"Iceland will stand with its allies, the minister said.",
                                    "They will expand cooperation in vocational training and renewable energy.",
                                    "Relief delivered to families in the north.",
                                    "The Global Alliance for the Implementation of the Two-State Solution met.",
                                    "The partners will build non-nuclear submarines.",
                                    "The Collective Security Treaty Organization met in Almaty.",
                                    "They discussed the clearance of landmines along the border.",
                                    "The corridor links the Adriatic with the Black Sea ports of Bulgaria."}) {
    INFO(passing);
    CHECK(r.topics.find(passing, tokenize(passing, r.variants)).empty());
  }
  // Other words for a topic (unseen sets AT and AU, session 21).
  for (const auto& [text, topic] : std::vector<std::pair<std::string, std::string>>{
           {"tensions in the Strait of Taiwan", "indo-pacific"},
           {"a joint antiterrorist exercise", "counterterrorism"},
           {"the two navies will share a recognised air picture", "intelligence sharing"}}) {
    INFO(text);
    std::set<std::string> found;
    for (const Mention& m : r.topics.find(text, tokenize(text, r.variants))) found.insert(r.topics.name(m.entry));
    CHECK(found.count(topic) == 1);
  }
}

TEST_CASE("'Korea' alone goes to the Korea the briefing names otherwise", "[gazetteer]") {
  CHECK(countries_in("the ROK and Japan. Korea and Japan agreed.") == std::vector<std::string>{"South Korea", "Japan"});
  CHECK(countries_in("his Korean counterpart") == std::vector<std::string>{"South Korea"});
  CHECK(countries_in("the DPRK fired. Korea's missiles") == std::vector<std::string>{"North Korea"});
  CHECK(countries_in("the DPRK and the ROK. Korea") == std::vector<std::string>{"North Korea", "South Korea"});
  CHECK(countries_in("peace on the Korean Peninsula").empty());
  // "North Korea" qualifies the bare word: "Korea" beside it is the South.
  CHECK(countries_in("Korea, Japan foreign ministers vow coordination on North Korea") ==
        std::vector<std::string>{"South Korea", "Japan", "North Korea"});
  CHECK(countries_in("monitoring of N Korea ship transfers by North Korean tankers") ==
        std::vector<std::string>{"North Korea"});
  const Rules& r = *test::default_rules();
  CHECK(r.countries.name(static_cast<uint32_t>(r.countries.lookup("korea"))) == "South Korea");
}
