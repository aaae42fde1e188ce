// libFuzzer target: what the searcher does with a user's request, on a small
// index of corpus/ built once at start (in a temporary folder). The input's
// lines are: the query string, then --since, --until, a --country value
// list and a --topic value list (any may be missing). A bad request must
// end in briefing::Error (one clear line in the searcher); anything else
// escaping, a crash or a sanitizer report is a finding.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "data_files.h"
#include "errors.h"
#include "index_sync.h"
#include "normaliser.h"
#include "query_builder.h"
#include "rules.h"
#include "search.h"
#include "text.h"

#ifndef FUZZ_CORPUS_DIR
#error "FUZZ_CORPUS_DIR must name the folder of briefings to index"
#endif

using namespace briefing;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  std::shared_ptr<const Rules> rules = Rules::load();
  Normaliser normaliser{rules};
  std::string db_path;
  Xapian::Database db;
};

Fixture* fixture = nullptr;

std::vector<std::string> lines_of(const uint8_t* data, size_t size) {
  std::vector<std::string> lines(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == '\n' && lines.size() < 5) lines.emplace_back();
    else lines.back() += static_cast<char>(data[i]);
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fixture = new Fixture;
  std::string tmpl = (fs::temp_directory_path() / "briefing-query-fuzz-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) {
    std::cerr << "query_fuzzer: mkdtemp failed\n";
    std::abort();
  }
  fixture->db_path = tmpl + "/db";
  IndexOptions options;
  options.db_path = fixture->db_path;
  options.inputs = {FUZZ_CORPUS_DIR};
  IndexReport r = sync_index(options, IndexEvents{});
  std::cerr << "query_fuzzer: indexed " << r.added << " briefings from " << FUZZ_CORPUS_DIR << " into "
            << fixture->db_path << "\n";
  if (r.added == 0) std::abort();
  fixture->db = Xapian::Database(fixture->db_path);
  std::atexit([] {
    std::error_code ec;
    fs::remove_all(fs::path(fixture->db_path).parent_path(), ec);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> lines = lines_of(data, size);
  SearchRequest request;
  request.query = lines[0];
  if (lines.size() > 1) request.since = lines[1];
  if (lines.size() > 2) request.until = lines[2];
  if (lines.size() > 3) request.filters.push_back(Filter{FacetId::kCountry, split_list(lines[3], ','), false});
  if (lines.size() > 4)
    request.filters.push_back(Filter{FacetId::kTopic, split_list(lines[4], ','), size % 2 == 0});
  request.limit = 5;
  request.multi_select = size % 3 == 0;
  try {
    QueryBuilder builder(fixture->db, fixture->normaliser);
    BuiltQuery built = builder.build(request);
    (void)built.query.get_description();
    // The whole search: ranking, snippets, exact facet counts.
    SearchResult result = run_search(fixture->db, request, fixture->normaliser);
    if (result.hits.size() > request.limit) std::abort();
    if (result.total < result.hits.size()) std::abort();
  } catch (const Error& e) {
    if (std::string(e.what()).empty()) std::abort();  // an error says what is wrong
  }
  return 0;
}
