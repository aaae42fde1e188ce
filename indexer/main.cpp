// indexer: keeps a Briefing Search database in step with folders of
// briefing documents. Options and wiring only; the work is in core/.
#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <thread>

#include "command_line.h"
#include "count_option.h"
#include "errors.h"
#include "text.h"
#include "version.h"
#include "explain.h"
#include "index_sync.h"
#include "paths.h"

namespace po = boost::program_options;
using namespace briefing;

namespace {

// Interrupted (Ctrl-C, kill): one line, then the signal's own end (exit
// status 130 or 143). What is committed stays; a run again goes on from it.
void say_interrupted(int sig) {
  static const char kMessage[] =
      "indexer: interrupted; the batches already committed are kept, run it again to finish\n";
  ssize_t ignored = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  (void)ignored;
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void report_interruptions() {
  struct sigaction action {};
  action.sa_handler = say_interrupted;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGINT, SIGTERM}) ::sigaction(sig, &action, nullptr);
}

const char* kUsage = "Usage: indexer [--db DIR] [options] PATH...\n"
                     "       indexer --explain FILE [--topics FILE]\n\n"
                     "Index briefing documents (text, Markdown, HTML, PDF) from files and folders\n"
                     "(recursively) "
                     "into a Xapian database, extracting countries, ministers, topics,\n"
                     "organisations and dates. Re-runs add new files, re-index changed ones,\n"
                     "skip unchanged ones and remove documents whose files are gone.\n\nOptions";

const char* kExamples = R"(
Examples:
  indexer corpus/                                index into the default database
  indexer --db ~/briefings.db corpus/            index a folder (again: only changes)
  indexer --db db --topics my-topics.tsv corpus/ use your own topic taxonomy
  indexer --db db --jobs 1 corpus/               one writer: searchable while it is built
  indexer --db db --force corpus/                extract every file again
  indexer --db db --shards 4 --jobs 2 corpus/    four shards, written two at a time
  indexer --explain corpus/some-briefing.txt     show what would be extracted, and why

Exit status: 0 all files indexed; 1 some files failed (each reported on stderr,
the rest indexed); 2 bad arguments or unusable database; 3 database locked by
another indexer.
)";

// Writers by default: one per processor, at most 4 (each holds a batch of
// about 110 MB; more gain little, as the final compaction is one thread).
size_t default_jobs() { return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4); }

// "64M", "512k", "1000" -> bytes.
uint64_t parse_size(const std::string& s) {
  const std::string bad = fmt::format("--max-size '{}' is not a size (e.g. 64M)", s);
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) throw Error(bad);  // "-1", " 5"
  size_t pos = 0;
  unsigned long long n = 0;
  try {
    n = std::stoull(s, &pos);
  } catch (const std::exception&) {
    throw Error(bad);
  }
  std::string unit = s.substr(pos);
  int shift = 0;
  if (!unit.empty()) {
    char u = static_cast<char>(std::toupper(static_cast<unsigned char>(unit[0])));
    if (unit.size() > 2 || (unit.size() == 2 && std::toupper(static_cast<unsigned char>(unit[1])) != 'B'))
      throw Error(bad);
    shift = u == 'K' ? 10 : u == 'M' ? 20 : u == 'G' ? 30 : -1;
    if (shift < 0) throw Error(bad);
  }
  if (n == 0) throw Error(fmt::format("--max-size '{}' would refuse every file", s));
  if (n > (uint64_t{1} << 50) >> shift)
    throw Error(fmt::format("--max-size '{}' is larger than any file (at most 1024T)", s));
  return uint64_t{n} << shift;
}

int run(int argc, char** argv) {
  IndexOptions options;
  std::string max_size = "64M";
  Count batch_size = 1000, jobs = default_jobs(), shards = 0;
  std::string explain_file;
  bool verbose = false, quiet = false;
  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help")
      ("version", "print the version")
      ("db,d", po::value(&options.db_path)->value_name("DIR"),
       "database folder, created if missing (default: $BRIEFING_DB, else ~/.local/share/briefing-search/db)")
      ("topics", po::value(&options.rules.topics_file)->value_name("FILE"),
       "topic rules (topic<TAB>trigger|trigger...) replacing the default taxonomy")
      ("data-dir", po::value(&options.rules.data_dir)->value_name("DIR"),
       "folder whose rule files (countries.tsv, organisations.tsv, roles.tsv, ...) replace the "
       "built-in ones; default $BRIEFING_DATA_DIR")
      ("ministers", po::value(&options.rules.minister_files)->composing()->value_name("FILE"),
       "more known ministers (name<TAB>country<TAB>role<TAB>aliases[<TAB>terms, as "
       "2017-12/2021-12|2025-12/]), added to the built-in list")
      ("batch", po::value(&batch_size)->value_name("N")->default_value(1000),
       "documents per commit (per shard)")
      ("jobs,j", po::value(&jobs)->value_name("N")->default_value(default_jobs()),
       "writer threads (default: one per processor, at most 4; each holds about 110 MB of batch): "
       "shards are written in parallel; a new single database is built as N shards and compacted "
       "into one (a run cut short is resumed from them); later runs on one database use one")
      ("shards", po::value(&shards)->value_name("N"),
       "split a new index into N shard databases under DIR (with a stub DIR/XAPIANDB that searcher "
       "opens as one); later runs keep the count")
      ("store-text", po::bool_switch(&options.store_text),
       "keep each briefing's text in the index, for snippets where the files cannot be read (shards "
       "served from another machine); by default searcher reads the file again. Later runs keep it")
      ("force", po::bool_switch(&options.force),
       "read and extract every file again, changed or not (a re-run otherwise skips files whose size "
       "and times are unchanged)")
      ("max-size", po::value(&max_size)->value_name("SIZE")->default_value("64M"),
       "larger files fail with a reason (K, M, G suffixes)")
      ("explain", po::value(&explain_file)->value_name("FILE"),
       "print what would be extracted from FILE (- for standard input) and the rule behind each value; "
       "index nothing")
      ("verbose,v", po::bool_switch(&verbose), "one line per file added, updated or removed, with what was extracted")
      ("quiet,q", po::bool_switch(&quiet), "no progress or summary line (problems are still reported)");
  po::options_description hidden;
  hidden.add_options()("path", po::value(&options.inputs)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(command_line_arguments(argc, argv)).options(all).positional(positional).run(),
             vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw Error(command_line_error("indexer", e, visible));
  }
  if (vm.count("version")) {
    std::cout << "indexer (Briefing Search) " << version() << "\n";
    return exit_status::kOk;
  }
  if (vm.count("help")) {
    std::cout << visible << kExamples;
    return exit_status::kOk;
  }
  if (!explain_file.empty()) {
    // (it indexes nothing: a --db, a folder or --force beside it is a
    // mistake to say, not to ignore)
    for (const char* other : {"db", "path", "force", "batch", "shards", "max-size", "store-text"})
      if (vm.count(other) && !vm[other].defaulted())
        throw Error(fmt::format("--explain FILE indexes nothing and takes no {}; explain one file at a time",
                                std::string(other) == "path" ? "other files" : "--" + std::string(other)));
    return explain(std::cout, explain_file, options.rules);
  }
  if (vm.count("db") && options.db_path.empty()) throw Error("--db needs a folder");
  if (options.db_path.rfind("tcp://", 0) == 0)
    throw Error(fmt::format("--db '{}' is a remote database; indexer writes local folders (serve them with "
                            "xapian-tcpsrv)", options.db_path));
  if (options.db_path.empty()) options.db_path = default_db_path();
  if (options.inputs.empty()) throw Error("no files or folders to index; see indexer --help");
  if (quiet && verbose) throw Error("--quiet and --verbose cannot be used together");
  options.batch_size = batch_size;
  options.jobs = jobs;
  options.shards = shards;
  if (options.batch_size == 0) throw Error("--batch must be at least 1");
  // Each writer holds a batch in memory and each shard is a database: a
  // thousand of either is a typing mistake, not a plan.
  constexpr size_t kMaxJobs = 64, kMaxShards = 1024;
  if (options.jobs == 0 || options.jobs > kMaxJobs)
    throw Error(fmt::format("--jobs must be between 1 and {}", kMaxJobs));
  if (options.shards > kMaxShards) throw Error(fmt::format("--shards must be at most {}", kMaxShards));
  if (vm.count("shards") && options.shards == 0) throw Error("--shards must be at least 1");
  options.max_file_bytes = parse_size(max_size);

  IndexEvents events;
  events.problem = [](const std::string& path, const std::string& reason, bool indexed) {
    // One line each, even for a file name with a newline in it.
    std::cerr << fmt::format("indexer: {}: {}{}\n", printable(path), printable(reason),
                             indexed ? "" : " (not indexed)");
  };
  if (verbose)
    events.file_done = [](const std::string& path, const char* action, const Briefing* b) {
      if (!b) {
        std::cout << fmt::format("{} {}\n", action, printable(path));
        return;
      }
      std::vector<std::string> ministers;
      for (const Minister& m : b->ministers) ministers.push_back(m.name);
      std::cout << printable(fmt::format("{} {}: date {}; countries: {}; ministers: {}; topics: {}; organisations: {}",
                                         action, path, b->date.empty() ? "none" : b->date,
                                         fmt::join(b->countries, ", "), fmt::join(ministers, ", "),
                                         fmt::join(b->topics, ", "), fmt::join(b->organisations, ", ")))
                << "\n";
    };
  // A progress line on a terminal, a few times a second.
  bool show_progress = !quiet && !verbose && isatty(STDERR_FILENO);
  auto started = std::chrono::steady_clock::now();
  auto last_shown = started - std::chrono::seconds(1);
  if (show_progress)
    events.progress = [&](size_t done, size_t total) {
      auto now = std::chrono::steady_clock::now();
      if (done < total && now - last_shown < std::chrono::milliseconds(200)) return;
      last_shown = now;
      double secs = std::chrono::duration<double>(now - started).count();
      double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
      long eta = rate > 0 ? static_cast<long>(static_cast<double>(total - done) / rate) : 0;
      std::cerr << fmt::format("\r\x1b[K{}/{} files  {:.0f} documents/s  ETA {}:{:02d}", done, total, rate,
                               eta / 60, eta % 60)
                << std::flush;
    };
  auto problem = events.problem;
  if (show_progress)
    events.problem = [&, problem](const std::string& path, const std::string& reason, bool indexed) {
      std::cerr << "\r\x1b[K";  // the message on its own line
      problem(path, reason, indexed);
    };
  report_interruptions();
  IndexReport r = sync_index(options, events);
  if (show_progress) std::cerr << "\r\x1b[K" << std::flush;
  if (!quiet)
    std::cout << fmt::format(
        "{} added, {} updated, {} unchanged, {} removed, {} failed{}{} in {:.2f} s ({:.1f} documents/s)\n",
        r.added, r.updated, r.unchanged, r.removed, r.failed,
        r.skipped ? fmt::format(", {} skipped (unknown format)", r.skipped) : "",
        r.warnings ? fmt::format(", {} warning{}", r.warnings, r.warnings == 1 ? "" : "s") : "", r.seconds,
        r.rate());
  std::cout.flush();
  if (!std::cout) throw Error(fmt::format("cannot write output: {}", std::strerror(errno)));
  return r.failed ? exit_status::kFilesFailed : exit_status::kOk;
}

}  // namespace

int main(int argc, char** argv) { return run_program("indexer", run, argc, argv); }
