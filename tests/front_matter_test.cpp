#include <catch2/catch.hpp>

#include "front_matter.h"

using namespace briefing;

TEST_CASE("front matter fields and body", "[front_matter]") {
  std::string text =
      "---\ntitle: Japan and Finland: defence ties\ndate: 2024-09-12\ncountry: Japan; Finland\n"
      "Minister: Minoru Kihara;Antti Häkkänen\n---\nBody line\n";
  FrontMatter fm = parse_front_matter(text);
  REQUIRE(fm.present);
  CHECK(fm.first("title") == "Japan and Finland: defence ties");
  CHECK(fm.first("date") == "2024-09-12");
  CHECK(fm.values("country") == std::vector<std::string>{"Japan", "Finland"});
  CHECK(fm.values("minister") == std::vector<std::string>{"Minoru Kihara", "Antti Häkkänen"});
  CHECK(fm.body == "Body line\n");
  CHECK(fm.warnings.empty());
}

TEST_CASE("no front matter: the whole text is the body", "[front_matter]") {
  FrontMatter fm = parse_front_matter("Title\n---\nnot front matter\n");
  CHECK_FALSE(fm.present);
  CHECK(fm.body == "Title\n---\nnot front matter\n");
}

TEST_CASE("unclosed front matter is read as text with a warning", "[front_matter]") {
  FrontMatter fm = parse_front_matter("---\ntitle: never closed\nThe text goes on.\n");
  CHECK_FALSE(fm.present);
  REQUIRE(fm.warnings.size() == 1);
  CHECK(fm.warnings[0].find("never closed") != std::string::npos);
  CHECK(fm.body.find("The text goes on.") != std::string::npos);
}

TEST_CASE("malformed lines are skipped, duplicate keys merged, CRLF and BOM tolerated", "[front_matter]") {
  FrontMatter fm = parse_front_matter(
      "\xEF\xBB\xBF---\r\ncountry: Japan\r\nthis line has no colon\r\ncountry: Finland\r\n"
      "topic: [cyber, space]\r\n---\r\nText");
  REQUIRE(fm.present);
  CHECK(fm.values("country") == std::vector<std::string>{"Japan", "Finland"});
  CHECK(fm.values("topic") == std::vector<std::string>{"cyber", "space"});
  CHECK(fm.warnings.size() == 1);
  CHECK(fm.body == "Text");
}

TEST_CASE("quoted values lose their YAML quoting and escapes", "[front_matter]") {
  FrontMatter fm = parse_front_matter(
      "---\ntitle: \"Talks \\\"in\\\" Tokyo \\\\ Oslo\"\nsource: 'Japan''s MOD'\ncountry: \"Japan\"\n"
      "party: [\"Japan\", 'Finland', Sweden]\n---\nBody\n");
  CHECK(fm.first("title") == "Talks \"in\" Tokyo \\ Oslo");
  CHECK(fm.first("source") == "Japan's MOD");
  CHECK(fm.first("country") == "Japan");
  CHECK(fm.values("party") == std::vector<std::string>{"Japan", "Finland", "Sweden"});
  // a quoted blank is no value (it would be a facet value no filter reaches)
  fm = parse_front_matter("---\ntitle: \" \"\ntopic: \" \"\ncountry: [\" \", Japan]\norganisation:\n  - ' '\n---\nBody\n");
  CHECK(fm.values("title").empty());
  CHECK(fm.values("topic").empty());
  CHECK(fm.values("country") == std::vector<std::string>{"Japan"});
  CHECK(fm.values("organisation").empty());
}

TEST_CASE("YAML block lists, block text and values that go on are read, not lost", "[front_matter]") {
  FrontMatter fm = parse_front_matter(
      "---\ntitle: >\n  Japan and Finland\n  agree on patrols\ncountry:\n  - Japan\n  - \"Finland\"\n"
      "topic: cyber\n  defence\nsummary: |\n  Line one.\n  Line two.\ntitle: Second title\n---\nBody");
  REQUIRE(fm.present);
  CHECK(fm.first("title") == "Japan and Finland agree on patrols");
  CHECK(fm.values("country") == std::vector<std::string>{"Japan", "Finland"});
  CHECK(fm.values("topic") == std::vector<std::string>{"cyber defence"});
  CHECK(fm.first("summary") == "Line one. Line two.");
  REQUIRE(fm.warnings.size() == 1);
  CHECK(fm.warnings[0] == "front matter line 13 gives 'title' again; the first is used");
  CHECK(fm.body == "Body");
  // PyYAML's own style: the items not indented
  fm = parse_front_matter("---\ntitle: T\ncountry:\n- Japan\n- Finland\ntopic: cyber\n- stray\n---\nBody");
  CHECK(fm.values("country") == std::vector<std::string>{"Japan", "Finland"});
  CHECK(fm.values("topic") == std::vector<std::string>{"cyber"});
  CHECK(fm.warnings.size() == 1);  // "- stray" after a key with a value is no item
}


TEST_CASE("front matter: a separator inside a quoted value does not cut it", "[front_matter]") {
  FrontMatter fm = parse_front_matter("---\ntopic: hybrid threats; \"semi;colon\"\ncountry: [Japan, \"Korea, Republic of\"]\n---\nBody\n");
  CHECK(fm.values("topic") == std::vector<std::string>{"hybrid threats", "semi;colon"});
  const std::vector<std::string> countries = fm.values("country");
  REQUIRE(countries.size() == 2);
  CHECK(countries[0] == "Japan");
  CHECK(countries[1] == "Korea, Republic of");
}

TEST_CASE("front matter: a YAML comment ends a plain value, not a quoted one", "[front_matter]") {
  FrontMatter fm = parse_front_matter(
      "---\n# a comment line\ntitle: Commented # not comment?\ncountry: Japan # trailing\n"
      "  # an indented comment line\nsource: \"MOD # 1\" # the ministry\ntopic: cyber;space # two\n"
      "party: [Japan, \"Finland # F\"] # list\nminister:   # none here\n  - Minoru Kihara # host\n"
      "  - \"Antti # Häkkänen\"\norganisation: C# and page#2\nsummary: >  # folded\n  Text # kept\n---\nBody\n");
  REQUIRE(fm.present);
  CHECK(fm.first("title") == "Commented");
  CHECK(fm.values("country") == std::vector<std::string>{"Japan"});
  CHECK(fm.first("source") == "MOD # 1");
  CHECK(fm.values("topic") == std::vector<std::string>{"cyber", "space"});
  CHECK(fm.values("party") == std::vector<std::string>{"Japan", "Finland # F"});
  CHECK(fm.values("minister") == std::vector<std::string>{"Minoru Kihara", "Antti # Häkkänen"});
  CHECK(fm.values("organisation") == std::vector<std::string>{"C# and page#2"});
  // block text is text: '#' stays
  CHECK(fm.first("summary") == "Text # kept");
  CHECK(fm.warnings.empty());
  // a quote inside a plain value opens nothing; one never closed neither
  fm = parse_front_matter("---\ntitle: Japan's talks # c\nsource: 'Tis the season # c\n"
                          "country: 'Japan''s # own' # c\n---\nBody\n");
  CHECK(fm.first("title") == "Japan's talks");
  CHECK(fm.first("source") == "'Tis the season");
  CHECK(fm.first("country") == "Japan's # own");
  CHECK(fm.warnings.empty());
  // a value that is all comment is no value: a block list may follow
  fm = parse_front_matter("---\ntitle: # later\ncountry: # below\n- Japan\n---\nBody\n");
  CHECK(fm.values("title").empty());
  CHECK(fm.values("country") == std::vector<std::string>{"Japan"});
  CHECK(fm.warnings.empty());
}

TEST_CASE("front matter: YAML escapes in double-quoted values", "[front_matter]") {
  FrontMatter fm = parse_front_matter(
      "---\ntitle: \"\\u0041 and \\x42\\tC\\/D\\\\E \\\"F\\\" \\u00E9\\U0001F600\\uD83D\\uDE00\"\n"
      "source: \"line\\nbreak\\r\\0end\"\ncountry: [\"\\u004Aapan\", Finland]\n"
      "topic:\n  - \"cyber\\u0020defence\"\n---\nBody\n");
  CHECK(fm.first("title") == "A and B\tC/D\\E \"F\" \xC3\xA9\xF0\x9F\x98\x80\xF0\x9F\x98\x80");
  CHECK(fm.first("source") == std::string("line\nbreak\r\0end", 15));
  CHECK(fm.values("country") == std::vector<std::string>{"Japan", "Finland"});
  CHECK(fm.values("topic") == std::vector<std::string>{"cyber defence"});
  CHECK(fm.warnings.empty());
  // single quotes know no escapes
  fm = parse_front_matter("---\ntitle: 'no \\t escape'\n---\nBody\n");
  CHECK(fm.first("title") == "no \\t escape");
  CHECK(fm.warnings.empty());
}

TEST_CASE("front matter: an unknown escape is kept as written, with a warning", "[front_matter]") {
  FrontMatter fm = parse_front_matter(
      "---\ntitle: \"C:\\q \\u00G1 \\uD800 x\"\nsource: \"ok\"\ncountry: [\"Jap\\zan\"]\n"
      "topic: \"end\\\"\n---\nBody\n");
  CHECK(fm.first("title") == "C:\\q \\u00G1 \\uD800 x");
  CHECK(fm.first("source") == "ok");
  CHECK(fm.values("country") == std::vector<std::string>{"Jap\\zan"});
  CHECK(fm.first("topic") == "end\\");
  REQUIRE(fm.warnings.size() == 3);
  CHECK(fm.warnings[0] == "front matter line 2 has an unknown escape ('\\q' and 2 more); kept as written");
  CHECK(fm.warnings[1] == "front matter line 4 has an unknown escape ('\\z'); kept as written");
  // (a quote escaped at the end: the value is never closed, read as today)
  CHECK(fm.warnings[2] == "front matter line 5 has an unknown escape ('\\'); kept as written");
}

TEST_CASE("front matter: a key indented with a tab is read as a key, with a warning", "[front_matter]") {
  FrontMatter fm = parse_front_matter("---\ntitle:\tTabbed\n\tcountry: Japan\n \tdate:\t2024-09-12\n---\nBody\n");
  REQUIRE(fm.present);
  CHECK(fm.first("title") == "Tabbed");
  CHECK(fm.values("country") == std::vector<std::string>{"Japan"});
  CHECK(fm.first("date") == "2024-09-12");
  REQUIRE(fm.warnings.size() == 2);
  CHECK(fm.warnings[0] ==
        "front matter line 3 is indented with a tab (tabs are not allowed for indentation); read as key 'country'");
  CHECK(fm.warnings[1].find("line 4 is indented with a tab") != std::string::npos);
  // tab-indented items and text that goes on are no keys
  fm = parse_front_matter("---\ncountry:\n\t- Japan\ntopic: cyber\n\tdefence: ties\nsummary: |\n\tNote, see\n---\nBody\n");
  CHECK(fm.values("country") == std::vector<std::string>{"Japan"});
  CHECK(fm.values("topic") == std::vector<std::string>{"cyber"});
  CHECK(fm.values("defence") == std::vector<std::string>{"ties"});
  CHECK(fm.first("summary") == "Note, see");
  CHECK(fm.warnings.size() == 1);
}

TEST_CASE("front matter: several values where one is used, with a warning", "[front_matter]") {
  FrontMatter fm = parse_front_matter(
      "---\ntitle: [a, b]\ndate: [2024-01-01, 2025-01-01]\nsource:\n  - MOD\n  - MOFA\n  - PMO\n"
      "country: [Japan, Finland]\n---\nBody\n");
  CHECK(fm.first("title") == "a");
  CHECK(fm.first("date") == "2024-01-01");
  CHECK(fm.first("source") == "MOD");
  CHECK(fm.values("country").size() == 2);  // a list where a list is expected
  REQUIRE(fm.warnings.size() == 3);
  CHECK(fm.warnings[0] == "front matter title has 2 values; the first is used");
  CHECK(fm.warnings[1] == "front matter date has 2 values; the first is used");
  CHECK(fm.warnings[2] == "front matter source has 3 values; the first is used");
  // a date of two ';' values too; a title with ';' is one value
  fm = parse_front_matter("---\ntitle: Japan; Finland\ndate: 2024-01-01; 2025-01-01\n---\nBody\n");
  CHECK(fm.values("title") == std::vector<std::string>{"Japan; Finland"});
  REQUIRE(fm.warnings.size() == 1);
  CHECK(fm.warnings[0] == "front matter date has 2 values; the first is used");
  // a key given twice: that warning alone
  fm = parse_front_matter("---\ntitle: One\ntitle: Two\n---\nBody\n");
  CHECK(fm.first("title") == "One");
  REQUIRE(fm.warnings.size() == 1);
  CHECK(fm.warnings[0] == "front matter line 3 gives 'title' again; the first is used");
}

TEST_CASE("front matter: quote_front_matter_value reads back with '#' and backslashes", "[front_matter]") {
  for (std::string v : {"[Update] \"X\" # 1", "C:\\q \\u0041 # x", "a\tb", "#hashtag"}) {
    FrontMatter fm = parse_front_matter("---\ntitle: " + quote_front_matter_value(v) + " # note\n---\nBody\n");
    CHECK(fm.first("title") == v);
    CHECK(fm.warnings.empty());
  }
}

TEST_CASE("front matter: timestamps and unclosed blocks read as before, comments or not", "[front_matter]") {
  FrontMatter fm = parse_front_matter(
      "---\ndate: 2024-09-12T10:00:00+09:00 # JST\ncountry: \"Japan\"; 'Finland'\n---\nBody\n");
  CHECK(fm.first("date") == "2024-09-12T10:00:00+09:00");
  CHECK(fm.values("country") == std::vector<std::string>{"Japan", "Finland"});
  CHECK(fm.warnings.empty());
  fm = parse_front_matter("---\ntitle: never closed # c\n\tcountry: Japan\nThe text goes on.\n");
  CHECK_FALSE(fm.present);
  CHECK(fm.fields.empty());
  REQUIRE(fm.warnings.size() == 1);
  CHECK(fm.warnings[0].find("never closed") != std::string::npos);
}
