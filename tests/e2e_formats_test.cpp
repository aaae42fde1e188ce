// HTML and PDF briefings through the real programs: told by content,
// indexed with their titles and dates; unknown formats counted as skipped.
#include <catch2/catch.hpp>

#include "e2e_support.h"

using namespace e2e;
using json = nlohmann::json;

TEST_CASE("HTML and PDF briefings are indexed by their content", "[e2e][formats]") {
  TempDir t;
  const fs::path docs = t / "docs";
  const std::string fixtures = std::string(FIXTURES_DIR);
  fs::create_directories(docs);
  fs::copy_file(fixtures + "/readout.html", docs / "tokyo.html");
  fs::copy_file(fixtures + "/readout.pdf", docs / "talks-download");        // a PDF without an extension
  fs::copy_file(fixtures + "/readout.html", docs / "saved-page.txt");      // HTML under a .txt name
  write_file(docs / "photo.jpg", std::string("\xFF\xD8\xFF\xE0 not a briefing", 20));
  Run idx = run(t, INDEXER_BIN, {"--db", (t / "db").string(), docs.string()});
  INFO(idx.err);
  REQUIRE(idx.status == 0);
  CHECK(contains(idx.out, "3 added"));
  CHECK(contains(idx.out, "1 skipped (unknown format)"));

  Run r = run(t, SEARCHER_BIN, {"--db", (t / "db").string(), "--format", "json", "--sort", "oldest", "kihara"});
  REQUIRE(r.status == 0);
  json j = json::parse(r.out);
  REQUIRE(j["total"] == 3);
  std::set<std::string> titles;
  for (const auto& res : j["results"]) titles.insert(res["title"].get<std::string>());
  CHECK(titles.count("Japan–Finland Defence Ministerial Meeting"));
  CHECK(titles.count("Japan-Finland Defence Ministerial Talks"));
  CHECK(j["results"][0]["date"] == "2024-09-12");  // from <meta>
  // Words of scripts, navigation and footers are not indexed.
  for (const char* hidden : {"zebracornflakes", "navigationword", "footerword"})
    CHECK(run(t, SEARCHER_BIN, {"--db", (t / "db").string(), hidden}).status == 1);
  // The PDF's text is searchable, with its facets.
  Run pdf = run(t, SEARCHER_BIN, {"--db", (t / "db").string(), "--format", "json", "--country", "north korea",
                                  "title:talks"});
  REQUIRE(pdf.status == 0);
  CHECK(json::parse(pdf.out)["results"][0]["path"].get<std::string>().find("talks-download") != std::string::npos);
}

TEST_CASE("progress on a terminal only; verbose lines say what was extracted", "[e2e][terminal]") {
  TempDir t;
  const std::string fixtures = std::string(FIXTURES_DIR);
  // Not a terminal: no progress line, nothing on stderr.
  Run quiet = run(t, INDEXER_BIN, {"--db", (t / "a").string(), fixtures});
  REQUIRE(quiet.status == 0);
  CHECK(quiet.err.empty());
  // --verbose: one line per file with its facets.
  Run verbose = run(t, INDEXER_BIN, {"--db", (t / "b").string(), "--verbose", fixtures});
  REQUIRE(verbose.status == 0);
  CHECK(verbose.err.empty());
  std::vector<std::string> lines = verbose.out_lines();
  REQUIRE(lines.size() == 3);  // and the summary
  lines.pop_back();
  for (const std::string& line : lines) {
    CHECK(line.rfind("added ", 0) == 0);
    CHECK(contains(line, "countries: Japan, Finland"));
    CHECK(contains(line, "ministers: Minoru Kihara"));
  }
  // A terminal (script(1) gives the indexer one): a progress line.
  if (std::system("command -v script > /dev/null 2>&1") != 0) {
    WARN("script(1) is not installed: the terminal case is not tested");
    return;
  }
  const fs::path out = t / "tty.out";
  std::string cmd = "HOME=" + shell_quote((t / "home").string()) + " script -qec " +
                    shell_quote(shell_quote(INDEXER_BIN) + " --db " + shell_quote((t / "c").string()) + " " +
                                shell_quote(fixtures)) +
                    " /dev/null > " + shell_quote(out.string()) + " 2>&1 < /dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string screen = read_file(out);
  CHECK(contains(screen, "2/2 files"));
  CHECK(contains(screen, "documents/s  ETA"));
  CHECK(contains(screen, "2 added"));
}
