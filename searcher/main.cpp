// searcher: full-text and faceted search over Briefing Search databases.
// Options and wiring only; the work is in core/.
#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "command_line.h"
#include "count_option.h"
#include "data_files.h"
#include "errors.h"
#include "heap.h"
#include "version.h"
#include "output.h"
#include "paths.h"
#include "search.h"
#include "shards.h"
#include "stats.h"
#include "text.h"

namespace po = boost::program_options;
using namespace briefing;

namespace {

// A typed value in a one-line message: printable, at most 80 bytes.
std::string shown_value(const std::string& value) {
  std::string out = printable(value);
  std::string cut(truncate_utf8(out, 80));
  return cut.size() < out.size() ? cut + "…" : cut;
}

const char* kUsage =
    "Usage: searcher [--db DIR] [filters] [options] [QUERY...]\n"
    "       searcher [--db DIR] --list FACET [--match TEXT] [filters] [QUERY...]\n"
    "       searcher [--db DIR] --stats\n\n"
    "Search indexed briefings. Words must all match (AND); OR, NOT, \"phrases\",\n"
    "NEAR and wildcards (defen*) work as in Xapian. Field prefixes: country:,\n"
    "party:, minister:, topic:, organisation:, role:, title:, date:2024-01..2024-06.\n"
    "Repeated filter flags are ANDed; commas in one flag are ORed.\n\nOptions";

const char* kExamples = R"(
Examples:
  searcher japan                                        the default database
  searcher --db db hybrid threats                       all words, ranked
  searcher --db db --country ROK --topic missile        filters take any alias
  searcher --db db --country japan --country finland    briefings naming both
  searcher --db db --country japan,finland --multi-select   either; counts keep both
  searcher --db db --minister hakkanen --since 2024     accents optional
  searcher --db db 'minister:kihara "defense technology"' --format json
  searcher --db db 'date:2024-01..2024-06 NOT country:china' --sort newest
  searcher --db db --list minister --match hakk         facet values with counts
  searcher --db db --topic cyber --timeline month       briefings per month
  searcher --db db --similar corpus/some-briefing.txt   more like this one
  searcher --db db --country japan --graph | dot -Tpng > ministers.png
  searcher --db db --topic space -f paths -0 | xargs -0 grep -l satellite

Exit status: 0 something matched; 1 nothing matched; 2 error (bad arguments,
bad query, missing database, output that could not be written).
)";

// The path a file was indexed under: absolute, links in folders resolved.
std::string indexed_path(const std::string& p) {
  std::error_code ec;
  std::filesystem::path c = std::filesystem::canonical(p, ec);
  if (!ec) return c.string();
  return std::filesystem::absolute(p).lexically_normal().string();
}

// The databases of --db, searched as one.
struct Index {
  Xapian::Database db;
  std::vector<Xapian::Database> parts;  // each --db, for its facet dictionary
  std::vector<std::string> folders;     // the local databases they open
  bool remote = false;                  // one of them is tcp://HOST:PORT
  std::optional<CountingHandles> more;  // for counting on several threads
  // The handles to count a broad query's facets on `threads` threads (0:
  // the machine's cores; with 1, none is opened, and a single database's
  // posting lists are read without the matcher all the same): only when
  // each --db is one local database, whose commit the handles can be
  // checked against (not a remote one, nor a stub of shards: Xapian gives
  // no revision of several). `access`: how a facet column is read (once
  // for every search of the process).
  CountingHandles* counting(size_t threads, FacetColumn::Access access) {
    if (more) return &*more;
    if (remote || folders.size() != parts.size() || db.size() != parts.size()) return nullptr;
    std::vector<Xapian::rev> revisions;
    try {
      for (const Xapian::Database& part : parts) revisions.push_back(part.get_revision());
    } catch (const Xapian::Error&) {
      return nullptr;
    }
    more.emplace(folders, std::move(revisions), threads, CountingHandles::kFrom, access);
    return &*more;
  }
};

// Opens every database of `dbs`; `current` names the one being opened, for
// an error about it. Throws briefing::Error, or Xapian's.
Index open_index(const std::vector<std::string>& dbs, std::string& current) {
  Index index;
  std::vector<std::pair<std::string, std::string>> opened;  // database folder, the --db that opens it
  for (const std::string& path : dbs) {
    current = path;
    if (path.rfind("tcp://", 0) == 0) {
      // A shard served by xapian-tcpsrv: tcp://HOST:PORT
      std::string rest = path.substr(6);
      size_t colon = rest.rfind(':');
      int port = 0;
      if (colon != std::string::npos) port = std::atoi(rest.c_str() + colon + 1);
      if (colon == std::string::npos || colon == 0 || port <= 0 || port > 65535)
        throw Error(fmt::format("--db '{}' is not tcp://HOST:PORT", path));
      Xapian::Database shard =
          Xapian::Remote::open(rest.substr(0, colon), static_cast<unsigned>(port), 10000, 10000);
      check_schema(shard, path);
      index.db.add_database(shard);
      index.parts.push_back(shard);
      index.remote = true;
      continue;
    }
    check_database_path(path);
    // The same database twice (a shard and the stub that names it) would
    // count its briefings twice.
    for (const std::string& folder : check_stub_cycles(path)) {
      for (const auto& [seen, by] : opened)
        if (seen == folder)
          throw Error(by == path ? fmt::format("--db '{}' opens the database '{}' twice: its briefings would be "
                                               "counted twice",
                                               path, folder)
                                 : fmt::format("--db '{}' and --db '{}' both open the database '{}': its briefings "
                                               "would be counted twice",
                                               by, path, folder));
      opened.emplace_back(folder, path);
      index.folders.push_back(folder);
    }
    Xapian::Database local(path);
    check_schema(local, path);
    index.db.add_database(local);
    index.parts.push_back(local);
  }
  return index;
}

int run(int argc, char** argv) {
  std::vector<std::string> dbs, words, facet_names;
  std::string format = "text", color = "auto", since, until, data_dir, sort = "relevance", list, match,
              timeline, similar, batch;
  Count limit = 10, offset = 0, facet_limit = 10, snippet_length = 240, threads = 0;
  bool multi_select = false, graph = false, stats = false, null_separated = false, count_only = false;
  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help")
      ("version", "print the version")
      ("db,d", po::value(&dbs)->composing()->value_name("DIR"),
       "database made by indexer, a stub file or tcp://HOST:PORT; several are searched as one (default: "
       "$BRIEFING_DB, else ~/.local/share/briefing-search/db)");
  for (const Facet& f : kFacets)
    visible.add_options()(std::string(f.name).c_str(),
                          po::value<std::vector<std::string>>()->composing()->value_name("VALUE"),
                          fmt::format("{} (e.g. --{} {})", f.description, f.name,
                                      f.example.substr(f.example.find(':') + 1)).c_str());
  for (const Facet& f : kFacets)
    visible.add_options()(fmt::format("not-{}", f.name).c_str(),
                          po::value<std::vector<std::string>>()->composing()->value_name("VALUE"),
                          fmt::format("leave out briefings with this {}", f.name).c_str());
  visible.add_options()
      ("since", po::value(&since)->value_name("DATE"), "dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
      ("until", po::value(&until)->value_name("DATE"), "dated on or before DATE")
      ("sort", po::value(&sort)->value_name("ORDER")->default_value("relevance"), "relevance, newest or oldest")
      ("limit,n", po::value(&limit)->value_name("N")->default_value(10), "results shown (0 = all)")
      ("offset", po::value(&offset)->value_name("N")->default_value(0), "results skipped (paging)")
      ("format,f", po::value(&format)->value_name("FMT")->default_value("text"), "text, json, jsonl or paths")
      ("null,0", po::bool_switch(&null_separated),
       "with --format paths: end each path with a NUL byte, not a newline (for xargs -0); with --batch the "
       "answers follow one another with nothing between them")
      ("facets", po::value(&facet_names)->composing()->value_name("LIST"),
       "facets shown, comma-separated (default: all; none: no facet counted or shown)")
      ("snippet-length", po::value(&snippet_length)->value_name("N")->default_value(240),
       "bytes of text around the matches shown per result (0 = no snippets)")
      ("facet-limit", po::value(&facet_limit)->value_name("N")->default_value(10),
       "values listed per facet, most frequent first (0 = all; every value is counted either way)")
      ("multi-select", po::bool_switch(&multi_select),
       "count each facet without its own selection (--country a,b keeps other countries' counts)")
      ("list", po::value(&list)->value_name("FACET"), "print every value of FACET with its count")
      ("match", po::value(&match)->value_name("TEXT"), "with --list: only values containing TEXT (accents optional)")
      ("timeline", po::value(&timeline)->value_name("PERIOD"),
       "matches per year or month, and how many are undated")
      ("similar", po::value(&similar)->value_name("PATH"), "briefings most like the indexed file PATH")
      ("batch", po::value(&batch)->value_name("FILE"),
       "run one query per line of FILE (- for standard input) with the same flags (no query words); JSON "
       "formats print one object per query per line, paths a blank line between answers")
      ("count", po::bool_switch(&count_only), "print only how many briefings match (like notmuch count)")
      ("stats", po::bool_switch(&stats), "print what the index holds: documents, terms, size, last update, "
       "values per facet")
      ("graph", po::bool_switch(&graph), "print the ministers of the matches and who met whom, as Graphviz DOT")
      ("color", po::value(&color)->value_name("WHEN")->default_value("auto"), "auto, always or never")
      ("threads", po::value(&threads)->value_name("N")->default_value(0),
       "threads that count the facets of a query matching 20,000 briefings or more (0 = the machine's "
       "cores, at most 4; 1 = one); the counts are the same")
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
    po::store(po::command_line_parser(command_line_arguments(argc, argv)).options(all).positional(positional).run(),
             vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw Error(command_line_error("searcher", e, visible));
  }
  if (vm.count("version")) {
    std::cout << "searcher (Briefing Search) " << version() << "\n";
    return exit_status::kOk;
  }
  if (vm.count("help")) {
    std::cout << visible << kExamples;
    return exit_status::kOk;
  }
  for (const std::string& d : dbs)
    if (d.empty()) throw Error("--db needs a database folder, stub file or tcp://HOST:PORT");
  // The same database given twice is searched once: counts stay exact.
  {
    std::vector<std::string> unique;
    std::vector<std::string> seen;
    for (const std::string& d : dbs) {
      std::error_code ec;
      std::string key = d.rfind("tcp://", 0) == 0 ? d : std::filesystem::weakly_canonical(d, ec).string();
      if (ec) key = d;
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      unique.push_back(d);
    }
    dbs = std::move(unique);
  }
  if (dbs.empty()) dbs.push_back(default_db_path());
  if (format != "text" && format != "json" && format != "jsonl" && format != "paths")
    throw Error(fmt::format("--format '{}' is not one of: text, json, jsonl, paths", format));
  if (null_separated && format != "paths") throw Error("--null goes with --format paths");
  if (threads > 64) throw Error(fmt::format("--threads {} is more than 64", static_cast<size_t>(threads)));
  // What would be silently ignored is refused: each of these prints one
  // thing, or reads its queries elsewhere.
  {
    std::vector<std::string> not_with_stats = {"list", "count", "graph", "timeline", "batch", "similar", "since",
                                               "until", "query", "offset", "limit", "sort", "facets", "facet-limit",
                                               "multi-select", "snippet-length"};
    for (const Facet& f : kFacets) {
      not_with_stats.emplace_back(f.name);
      not_with_stats.push_back(fmt::format("not-{}", f.name));
    }
    const std::vector<ExclusiveOption> exclusive = {
        {"stats", "--stats describes the whole index, with no query, filter or other output", not_with_stats},
        {"batch", "--batch reads every query from its FILE (put the words in each line, or use filter flags "
                  "such as --country for all)", {"query"}},
        {"list", "--list prints only one facet's values with their counts",
         {"count", "graph", "timeline", "batch", "offset", "limit", "sort", "facets", "facet-limit",
          "snippet-length"}},
        {"count", "--count prints only the number of matches",
         {"graph", "timeline", "offset", "limit", "sort", "facets", "facet-limit", "multi-select",
          "snippet-length"}},
        {"graph", "--graph prints only Graphviz DOT (of every match)",
         {"timeline", "offset", "limit", "sort", "facets", "facet-limit", "multi-select", "snippet-length"}},
    };
    std::string conflict = conflicting_options(vm, exclusive);
    if (!conflict.empty()) throw Error(conflict);
    if (!timeline.empty() && format == "paths")
      throw Error("--timeline and --format paths do not go together: paths have no place for a timeline (use "
                  "text, json or jsonl)");
    for (const char* flag : {"facets", "facet-limit"})
      if (format == "paths" && given(vm, flag))
        throw Error(fmt::format("--{} and --format paths do not go together: paths have no place for facets (use "
                                "text, json or jsonl)",
                                flag));
  }
  if ((stats || !list.empty()) && format != "text" && format != "json")
    throw Error(fmt::format("--{} prints text or json; not --format {}", stats ? "stats" : "list", format));
  if (graph && format != "text") throw Error(fmt::format("--graph prints Graphviz DOT; not --format {}", format));
  if (count_only && format != "text" && format != "json")
    throw Error("--count prints a number (text) or {\"query\", \"total\"} (json); not --format " + format);
  if (color != "auto" && color != "always" && color != "never")
    throw Error(fmt::format("--color '{}' is not one of: auto, always, never", color));
  // A flag given with nothing after it is a mistake, not "no flag".
  for (const char* flag : {"since", "until", "similar", "timeline", "list", "match", "batch", "data-dir"})
    if (vm.count(flag) && !vm[flag].defaulted() && vm[flag].as<std::string>().empty())
      throw Error(fmt::format("--{} needs a value", flag));
  if (!timeline.empty() && timeline != "year" && timeline != "month")
    throw Error(fmt::format("--timeline '{}' is not one of: year, month", timeline));
  if (!match.empty() && list.empty()) throw Error("--match goes with --list FACET");

  SearchRequest request;
  for (const std::string& w : words) request.query += (request.query.empty() ? "" : " ") + w;
  for (const Facet& f : kFacets)
    for (bool negate : {false, true}) {
      std::string flag = negate ? fmt::format("not-{}", f.name) : std::string(f.name);
      if (!vm.count(flag)) continue;
      for (const std::string& value : vm[flag].as<std::vector<std::string>>())
        request.filters.push_back(Filter{f.id, split_list(value, ','), negate});
    }
  if (sort == "relevance") request.sort = SortOrder::kRelevance;
  else if (sort == "newest") request.sort = SortOrder::kNewest;
  else if (sort == "oldest") request.sort = SortOrder::kOldest;
  else throw Error(fmt::format("--sort '{}' is not one of: relevance, newest, oldest", sort));
  request.since = since;
  request.until = until;
  request.limit = limit;
  request.snippet_bytes = snippet_length;
  request.offset = offset;
  request.multi_select = multi_select;
  request.facet_limit = facet_limit;
  if (count_only) {  // the number only: no page, no snippets, no facets
    request.limit = 1;
    request.snippet_bytes = 0;
    request.facets = false;
  }
  if (format == "paths") {  // paths only: no snippets to make, no facets to count
    request.snippet_bytes = 0;
    request.facets = false;
  }
  request.timeline = timeline;
  request.graph = graph;
  if (graph) request.facets = false;  // the graph alone is printed
  if (!similar.empty()) request.similar = indexed_path(similar);

  OutputOptions output;
  output.color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
  bool no_facets = false;
  for (const std::string& names : facet_names) {
    if (split_list(names, ',').empty()) throw Error("--facets needs a value");
    for (const std::string& name : split_list(names, ',')) {
      if (name == "none") {
        no_facets = true;
        continue;
      }
      const Facet* f = find_facet(name);
      if (!f) throw Error(fmt::format("--facets: no facet named '{}'", name));
      output.facets.push_back(f);
    }
  }
  if (no_facets) {
    if (!output.facets.empty()) throw Error("--facets none goes alone: it counts no facet, so none can be shown");
    for (const char* flag : {"facet-limit", "multi-select"})
      if (given(vm, flag)) throw Error(fmt::format("--{} and --facets none do not go together: no facet is counted", flag));
    request.facets = false;
  }
  const Facet* list_facet_ptr = nullptr;
  if (!list.empty() && !(list_facet_ptr = find_facet(list)))
    throw Error(fmt::format("--list: no facet named '{}'", list));

  RulesOptions rules_options;
  rules_options.data_dir = data_dir;
  rules_options.extraction = false;  // searching looks values up; it finds nothing in text
  std::shared_ptr<const Rules> rules;
  try {
    rules = Rules::load(rules_options);
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
  Normaliser normaliser(rules);

  // The databases, opened as one. An indexer may replace or write one while
  // it is opened or read (retry_on_changed_database, core/errors.h): then
  // everything is opened afresh and the step tried again.
  std::string current;  // the database an error is about
  const std::string all_of_them = dbs.size() == 1 ? dbs.front() : fmt::format("{} databases", dbs.size());
  Index index;
  std::optional<FacetNames> names;
  auto open = [&] {
    index = open_index(dbs, current);
    names.emplace(index.parts);
    current = all_of_them;
  };
  auto with_retries = [&](auto&& step) { return retry_on_changed_database(step, open, current); };
  retry_on_changed_database(open, [] {}, current);  // `open` opens afresh itself
  if (index.remote && !request.query.empty())
    std::cerr << "searcher: note: remote databases carry no spelling or synonym data: no suggestions, "
                 "and names in free text match only as written\n";
  if (stats) {
    IndexStats s = with_retries([&] { return collect_stats(index.db, dbs); });
    print_stats(std::cout, s, format == "json");
    return exit_status::kOk;
  }
  if (list_facet_ptr) {
    auto values =
        with_retries([&] { return list_facet(index.db, request, *list_facet_ptr, match, normaliser, &*names,
                                                   index.counting(threads, FacetColumn::Access::kRead)); });
    print_facet_list(std::cout, *list_facet_ptr, values, format == "json");
    return values.empty() ? exit_status::kNoMatch : exit_status::kOk;
  }
  // A facet column is read where the matches' ids are for one search, and
  // mapped into memory for a batch, whose later searches find its pages
  // mapped (facet_column.h).
  const FacetColumn::Access access = batch.empty() ? FacetColumn::Access::kRead : FacetColumn::Access::kMapped;
  // Each query retries on its own, so a batch never prints an answer twice
  // nor loses lines read from standard input.
  auto answer = [&](const SearchRequest& r, bool one_line) {
    std::vector<UnknownValue> unknown;
    SearchResult result = with_retries([&] {
      SearchResult found = run_search(index.db, r, normaliser, &*names, index.counting(threads, access));
      // Nothing found: say which filter value no briefing has at all.
      unknown = found.total == 0 ? unknown_filter_values(index.db, r, normaliser, &*names)
                                 : std::vector<UnknownValue>{};
      return found;
    });
    for (const UnknownValue& u : unknown)
      std::cerr << fmt::format("searcher: note: no briefing has {} '{}'{} (searcher --list {} shows them all)\n",
                               u.facet->name, shown_value(u.value),
                               u.near.empty() ? "" : fmt::format("; did you mean {}?", fmt::join(u.near, ", ")),
                               u.facet->name);
    // ("*" alone is a wildcard of no letters: Xapian's matches nothing)
    if (result.total == 0 && trim(r.query) == "*")
      std::cerr << "searcher: note: '*' alone matches no word; leave the query out to list every briefing\n";
    if (count_only && format == "text") std::cout << result.total << "\n";
    else if (count_only) std::cout << json_count_line(r.query, result.total) << "\n";
    else if (graph) print_dot(std::cout, result.graph);
    else if (format == "json" && one_line) print_jsonl_summary(std::cout, result, output);
    else if (format == "json") print_json(std::cout, result, output);
    else if (format == "jsonl") print_jsonl(std::cout, result, output);
    else if (format == "paths") print_paths(std::cout, result, null_separated ? '\0' : '\n');
    else print_text(std::cout, result, output);
    return result.total > 0;
  };
  if (batch.empty()) return answer(request, false) ? exit_status::kOk : exit_status::kNoMatch;
  // One query a line, the flags for all; a bad query is reported and the
  // batch goes on.
  std::ifstream file;
  if (batch != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(batch, ec)) throw Error(fmt::format("--batch: '{}' is a folder", batch));
    file.open(batch);
    if (!file) throw Error(fmt::format("--batch: cannot read '{}': {}", batch, std::strerror(errno)));
  }
  std::istream& in = batch == "-" ? std::cin : file;
  bool any = false, failed = false;
  std::string line;
  // One query a line: a line past 64 KB, or with a NUL byte, is not a
  // query file (--batch /dev/zero must not fill the memory).
  constexpr size_t kMaxBatchLine = 64 << 10;
  auto next_line = [&](size_t n) {
    line.clear();
    int c = 0;
    while ((c = in.get()) != EOF && c != '\n') {
      if (c == 0 || line.size() >= kMaxBatchLine)
        throw Error(fmt::format("--batch: line {} of '{}' {}; not a file of queries", n, batch,
                                c == 0 ? "has a NUL byte" : "is longer than 64 KB"));
      line += static_cast<char>(c);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();  // a file with Windows line ends
    return c != EOF || !line.empty();
  };
  bool first_answer = true;
  for (size_t n = 1; next_line(n); ++n) {
    // Blank lines and "# comments" are no queries.
    if (trim(line).empty() || trim(line).front() == '#') continue;
    SearchRequest r = request;
    r.query = line;
    // (--graph: a DOT comment, so the answers stay one DOT file)
    if (format == "text") std::cout << (graph ? "// " : "== ") << printable(line) << "\n";
    // paths: a blank line (no path is empty) between one answer and the
    // next; with --null none (an empty NUL record would be an empty
    // argument to xargs -0)
    if (format == "paths" && !first_answer && !null_separated) std::cout << '\n';
    first_answer = false;
    try {
      any = answer(r, true) || any;
    } catch (const DatabaseError&) {
      throw;  // the database, not this query: the next would fail too
    } catch (const Error& e) {
      failed = true;
      std::cerr << fmt::format("searcher: {}:{}: {}\n", batch, n, e.what());
      // JSON: one line per query all the same, so answers stay in step
      if (format == "json" || format == "jsonl") std::cout << json_error_line(r.query, e.what()) << "\n";
    }
    // Each answer as soon as it is known (a program reading them through a
    // pipe waits for it); output that cannot be written ends the batch.
    flush_output(std::cout);
  }
  if (failed) return exit_status::kError;
  return any ? exit_status::kOk : exit_status::kNoMatch;
}

// The whole program; standard output is flushed at the end, and output
// that could not be written is an error (exit status 2), not a match.
int run_and_flush(int argc, char** argv) {
  int status = run(argc, argv);
  flush_output(std::cout);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  heap_on_huge_pages(16ul << 20);
  return run_program("searcher", run_and_flush, argc, argv);
}
