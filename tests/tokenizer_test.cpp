#include <catch2/catch.hpp>

#include "test_rules.h"
#include "tokenizer.h"

using namespace briefing;

TEST_CASE("tokens carry folded keys, case and spacing", "[tokenizer]") {
  const auto& v = test::default_rules()->variants;
  std::string text = "Japan’s Defence Minister met the U.S.\nHäkkänen";
  auto tokens = tokenize(text, v);
  std::vector<std::string> keys;
  for (const auto& t : tokens) keys.push_back(t.key);
  CHECK(keys == std::vector<std::string>{"japan", "'", "s", "defense", "minister", "met", "the", "u", ".",
                                         "s", ".", "hakkanen"});
  CHECK(tokens[0].capitalised);
  CHECK_FALSE(tokens[1].space_before);
  CHECK(tokens[3].space_before);
  CHECK(tokens.back().break_before);
  CHECK(tokens.back().capitalised);
}

TEST_CASE("index form folds accents and British spelling, keeping case", "[tokenizer]") {
  const auto& v = test::default_rules()->variants;
  CHECK(index_form("Häkkänen discussed Defence and the defence programme", v) ==
        "Hakkanen discussed Defense and the defense program");
  CHECK(index_form("DEFENCE", v) == "DEFENSE");
  CHECK(index_form("country:ROK AND \"hybrid threats\"", v) == "country:ROK AND \"hybrid threats\"");
}

TEST_CASE("index form anchors map folded offsets back", "[tokenizer]") {
  const auto& v = test::default_rules()->variants;
  std::string text = "Minister Häkkänen said";
  std::vector<OffsetAnchor> anchors;
  std::string folded = index_form(text, tokenize(text, v), &anchors);
  REQUIRE(folded == "Minister Hakkanen said");
  REQUIRE(anchors.size() == 2);
  CHECK(anchors[0].index_offset == 9);
  CHECK(anchors[0].text_offset == 9);
  CHECK(anchors[1].index_offset == 17);
  CHECK(anchors[1].text_offset == 19);  // "Häkkänen" is 10 bytes
}
