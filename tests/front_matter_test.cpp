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
