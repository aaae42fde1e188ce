#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <iterator>

#include "test_rules.h"
#include "text.h"
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

TEST_CASE("a line break that only wraps a long line of running text is soft", "[tokenizer]") {
  const auto& v = test::default_rules()->variants;
  auto first_of = [&](const std::string& text, const std::string& key) {
    auto tokens = tokenize(text, v);
    for (const Token& t : tokens)
      if (t.key == key) return t;
    FAIL("no token " << key);
    return Token{};
  };
  const std::string wrapped = "The ministers discussed freedom of navigation in the South\nChina Sea and more.";
  CHECK(first_of(wrapped, "china").break_before);
  CHECK(first_of(wrapped, "china").soft_break);
  CHECK(first_of("The ministers discussed freedom of navigation in the South\r\nChina Sea.", "china").soft_break);
  // A short line, a line that ends a sentence or a heading, a blank line.
  CHECK_FALSE(first_of("Defence talks in the South\nChina Sea", "china").soft_break);
  CHECK_FALSE(first_of("The ministers discussed freedom of navigation in the south.\nChina said", "china").soft_break);
  CHECK_FALSE(first_of("The ministers discussed freedom of navigation and the following:\nChina", "china").soft_break);
  CHECK_FALSE(first_of("The ministers discussed freedom of navigation in the South\n\nChina Sea", "china").soft_break);
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

TEST_CASE("index form from the text alone equals the one from its tokens", "[tokenizer]") {
  const auto& v = test::default_rules()->variants;
  std::vector<std::string> texts = {
      "",
      "   ",
      "DEFENCE Defence defence dEfence programme's",
      "Minister Häkkänen met Pål Jonson; Søreide’s ‘organisation’ and the ministers\u02bc talks",
      "**Grant Shapps** _said_ `code` F-35 2024-03-18 U.S. ROK Ø ł ß Straße",
      "Ελληνικά и русский 日本語 — mixed: Cœur, Œuvre, naïve café",
      "co\u2010operation co\u2011operation defence\u00a0cooperation\u2028next line",
      "e\u0301te\u0301 combining marks, 1st 2nd, 3.5%, #hash @at",
  };
  // Random texts of words, spellings, accents, apostrophes, marks, spaces
  // of every kind and other scripts, run together or apart.
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {
      "Defence", "DEFENCE", "defence", "programme", "Organisation", "labour", "x", "7", "F-35", "U.S.", " ", "  ",
      "\n", "\t", "\r\n", "\f", "\v", "\u00a0", "\u2028", "'", "\u2019", "\u2018", "\u02bc", "*", "_", "`",
      "-", ".", ",", "Häkkänen", "ÅLAND", "Ørsted", "straße", "\u0301", "日本", "Зе", "ʻAkilisi", "—", "€5", "1,000"};
  for (int i = 0; i < 300; ++i) {
    std::string text;
    const int n = 1 + static_cast<int>(random() % 30);
    for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    texts.push_back(text);
  }
  // Every briefing of the bundled corpus too.
  for (const auto& entry : std::filesystem::directory_iterator(CORPUS_DIR)) {
    std::ifstream in(entry.path(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  for (const std::string& text : texts) {
    if (!is_valid_utf8(text)) continue;
    INFO(text.substr(0, 80));
    std::vector<OffsetAnchor> from_tokens, from_text;
    const std::string expected = index_form(text, tokenize(text, v), &from_tokens);
    CHECK(index_form(text, v, &from_text) == expected);
    REQUIRE(from_text.size() == from_tokens.size());
    for (size_t i = 0; i < from_text.size(); ++i) {
      CHECK(from_text[i].index_offset == from_tokens[i].index_offset);
      CHECK(from_text[i].text_offset == from_tokens[i].text_offset);
    }
  }
}
