#include <catch2/catch.hpp>

#include "data_files.h"
#include "extractor.h"
#include "file_reader.h"
#include "formats.h"
#include "test_rules.h"

using namespace briefing;

namespace {
std::string fixture(const char* name) { return read_text_file(std::string(FIXTURES_DIR) + "/" + name); }
bool has(const std::string& s, const char* x) { return s.find(x) != std::string::npos; }
}  // namespace

TEST_CASE("formats are told by content first", "[formats]") {
  CHECK(sniff_format("%PDF-1.4\n...", "report.txt") == Format::kPdf);
  CHECK(sniff_format("<!DOCTYPE html><html>", "readout.txt") == Format::kHtml);
  CHECK(sniff_format("\xEF\xBB\xBF  <html lang=en>", "noext") == Format::kHtml);
  CHECK(sniff_format("Plain words", "readout.md") == Format::kText);
  CHECK(sniff_format("<p>fragment</p>", "page.htm") == Format::kHtml);
  CHECK(sniff_format("Plain words", "picture.jpg") == Format::kUnknown);
  CHECK(sniff_format("\x89PNG\r\n", "noext") == Format::kUnknown);
}

TEST_CASE("HTML: text without scripts, styles and navigation; title and date", "[formats]") {
  std::string error;
  auto text = html_to_briefing(fixture("readout.html"), &error);
  REQUIRE(text);
  CHECK(has(*text, "title: Japan–Finland Defence Ministerial Meeting | Ministry of Defense\n"));
  CHECK(has(*text, "date: 2024-09-12\n"));
  CHECK(has(*text, "Antti Häkkänen"));           // entities decoded
  CHECK(has(*text, "cyber defence & information security"));  // one line, &amp; decoded
  for (const char* hidden : {"zebracornflakes", "scriptword", "navigationword", "footerword", "font-family"}) {
    INFO(hidden);
    CHECK_FALSE(has(*text, hidden));
  }
  Briefing b = Extractor(test::default_rules()).extract(*text);
  CHECK(b.date == "2024-09-12");
  REQUIRE(b.ministers.size() == 2);
  CHECK(b.ministers[1].name == "Antti Häkkänen");
  CHECK_FALSE(html_to_briefing("<html><body><script>x()</script></body></html>", &error));
  CHECK(has(error, "no text"));
}

TEST_CASE("PDF: text of every page, lines of a paragraph joined, metadata", "[formats]") {
  std::string error;
  auto text = pdf_to_briefing(fixture("readout.pdf"), &error);
  REQUIRE(text);
  CHECK(has(*text, "title: Japan-Finland Defence Ministerial Talks\n"));
  CHECK(has(*text, "date: 2024-09-13\n"));  // creation date: the text has no full date
  CHECK(has(*text, "North Korea's missile launches"));  // across a line break
  Briefing b = Extractor(test::default_rules()).extract(*text);
  CHECK(b.title == "Japan-Finland Defence Ministerial Talks");
  CHECK(b.parties == std::vector<std::string>{"Japan", "Finland"});
  CHECK_FALSE(pdf_to_briefing("%PDF-1.4 truncated", &error));
}

TEST_CASE("files are read by their format", "[formats]") {
  std::string error;
  auto html = read_briefing_file(std::string(FIXTURES_DIR) + "/readout.html", 1 << 20, &error);
  REQUIRE(html);
  CHECK(has(html->text, "title: Japan–Finland"));
  auto pdf = read_briefing_file(std::string(FIXTURES_DIR) + "/readout.pdf", 1 << 20, &error);
  REQUIRE(pdf);
  CHECK(has(pdf->text, "Minoru Kihara"));
}
