// searcher: full-text and faceted search over a Briefing Search database.
// Options and wiring only; the work is in core/.
#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "data_files.h"
#include "errors.h"
#include "output.h"
#include "search.h"

namespace po = boost::program_options;
using namespace briefing;

namespace {

const char* kUsage =
    "Usage: searcher --db DIR [filters] [options] [QUERY...]\n\n"
    "Search indexed briefings. Words must all match (AND); OR, NOT, \"phrases\",\n"
    "NEAR and wildcards (defen*) work as in Xapian. Field prefixes: country:,\n"
    "party:, minister:, topic:, organisation:, title:, date:2024-01-01..2024-06-30.\n"
    "Repeated filter flags are ANDed; commas in one flag are ORed.\n\nOptions";

const char* kExamples = R"(
Examples:
  searcher --db db hybrid threats                       all words, ranked
  searcher --db db --country ROK --topic missile        filters take any alias
  searcher --db db --country japan --country finland    briefings naming both
  searcher --db db --country japan,finland              briefings naming either
  searcher --db db --minister hakkanen --since 2024     accents optional
  searcher --db db 'minister:kihara "defense technology"' --format json
  searcher --db db 'date:2024-01..2024-06 NOT country:china'

Exit status: 0 something matched; 1 nothing matched; 2 error (bad arguments,
bad query, missing database).
)";

int run(int argc, char** argv) {
  std::string db_path, format = "text", color = "auto", since, until, data_dir;
  std::vector<std::string> words;
  size_t limit = 10, offset = 0, facet_limit = 10;
  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help")
      ("db,d", po::value(&db_path)->value_name("DIR"), "database folder made by indexer");
  for (const Facet& f : kFacets)
    visible.add_options()(std::string(f.name).c_str(),
                          po::value<std::vector<std::string>>()->composing()->value_name("VALUE"),
                          fmt::format("{} (e.g. --{} {})", f.description, f.name,
                                      f.example.substr(f.example.find(':') + 1)).c_str());
  visible.add_options()
      ("since", po::value(&since)->value_name("DATE"), "dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
      ("until", po::value(&until)->value_name("DATE"), "dated on or before DATE")
      ("limit,n", po::value(&limit)->value_name("N")->default_value(10), "results shown")
      ("offset", po::value(&offset)->value_name("N")->default_value(0), "results skipped (paging)")
      ("format,f", po::value(&format)->value_name("FMT")->default_value("text"), "text or json")
      ("facet-limit", po::value(&facet_limit)->value_name("N")->default_value(10),
       "values shown per facet in text output (0 = all)")
      ("color", po::value(&color)->value_name("WHEN")->default_value("auto"), "auto, always or never")
      ("data-dir", po::value(&data_dir)->value_name("DIR"),
       "rule files used when the index was built with --data-dir");
  po::options_description hidden;
  hidden.add_options()("query", po::value(&words)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw Error(fmt::format("{}; see searcher --help", e.what()));
  }
  if (vm.count("help")) {
    std::cout << visible << kExamples;
    return exit_status::kOk;
  }
  if (db_path.empty()) throw Error("--db DIR is required; see searcher --help");
  if (format != "text" && format != "json")
    throw Error(fmt::format("--format '{}' is not one of: text, json", format));
  if (color != "auto" && color != "always" && color != "never")
    throw Error(fmt::format("--color '{}' is not one of: auto, always, never", color));

  SearchRequest request;
  for (const std::string& w : words) request.query += (request.query.empty() ? "" : " ") + w;
  for (const Facet& f : kFacets) {
    if (!vm.count(std::string(f.name))) continue;
    for (const std::string& flag : vm[std::string(f.name)].as<std::vector<std::string>>())
      request.filters.emplace_back(f.id, split_list(flag, ','));
  }
  request.since = since;
  request.until = until;
  request.limit = limit;
  request.offset = offset;

  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec))
    throw Error(fmt::format("no database at '{}' (create it with: indexer --db {} FOLDER)", db_path, db_path));
  RulesOptions rules_options;
  rules_options.data_dir = data_dir;
  std::shared_ptr<const Rules> rules;
  try {
    rules = Rules::load(rules_options);
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
  Normaliser normaliser(rules);
  SearchResult result;
  try {
    Xapian::Database db(db_path);
    result = run_search(db, request, normaliser);
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, db_path);
  }
  if (format == "json") {
    print_json(std::cout, result);
  } else {
    TextStyle style;
    style.facet_limit = facet_limit;
    style.color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
    print_text(std::cout, result, style);
  }
  return result.total ? exit_status::kOk : exit_status::kNoMatch;
}

}  // namespace

int main(int argc, char** argv) { return run_program("searcher", run, argc, argv); }
