// Robustness ("nothing lost, nothing crashes"): the real indexer and
// searcher under faults. An indexer killed with SIGKILL, two indexers at
// once, searches while the indexer writes, a database that cannot be
// written, hostile files and hostile queries. Every child process runs
// under a time limit: a hang is a failure, never a stuck test run.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <fcntl.h>
#include <signal.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#include "e2e_support.h"

using namespace e2e;
using nlohmann::json;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

namespace {

using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------------------
// Child processes: started directly (fork and exec, no shell), so that a
// test can kill one at a chosen moment, run several at once, bound their
// time and read their peak memory.

struct Limits {
  double timeout_seconds = 120;
  rlim_t max_file_bytes = RLIM_INFINITY;  // RLIMIT_FSIZE: writes past it fail (EFBIG)
  uid_t run_as = 0;                       // when root: the user the child runs as (0: root)
};

struct Done;

struct Proc {
  pid_t pid = -1;
  std::shared_ptr<Done> result;  // once collected (a child is reaped once)
  std::string command;
  fs::path out_file, err_file;
  Clock::time_point started;
  double timeout_seconds = 120;
};

struct Done {
  std::string command;
  int status = -1;       // exit status; 128 + signal when killed
  bool timed_out = false;
  bool killed = false;   // by the test, on purpose
  long max_rss_kb = 0;   // peak resident memory of the child
  double seconds = 0;
  std::string out, err;
  std::vector<std::string> err_lines() const { return split_lines(err); }
  std::vector<std::string> out_lines() const { return split_lines(out); }
};

std::string describe(const Done& d) {
  return fmt::format("{}\nexit status: {}{}{}, {:.2f} s, peak RSS {} MB\n--- stdout ({} bytes):\n{}\n--- stderr:\n{}",
                     d.command, d.status, d.timed_out ? " (TIMED OUT, killed)" : "",
                     d.killed ? " (killed by the test)" : "", d.seconds, d.max_rss_kb / 1024, d.out.size(),
                     d.out.substr(0, 3000), d.err.substr(0, 3000));
}

Proc start(const TempDir& scratch, const std::string& program, const std::vector<std::string>& args,
           const Limits& limits = {}) {
  static int counter = 0;
  ++counter;
  Proc p;
  p.out_file = scratch.path() / "io" / fmt::format("rob-out{}", counter);
  p.err_file = scratch.path() / "io" / fmt::format("rob-err{}", counter);
  p.command = program;
  for (const std::string& a : args) p.command += " " + shell_quote(a);
  p.timeout_seconds = limits.timeout_seconds;
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  p.started = Clock::now();
  p.pid = fork();
  if (p.pid < 0) FAIL("fork failed");
  if (p.pid == 0) {
    int in = open("/dev/null", O_RDONLY);
    int out = open(p.out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(p.err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) _exit(126);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    unsetenv("BRIEFING_DATA_DIR");
    unsetenv("BRIEFING_DB");
    setenv("NO_COLOR", "1", 1);
    if (limits.max_file_bytes != RLIM_INFINITY) {
      signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead
      struct rlimit rl {limits.max_file_bytes, limits.max_file_bytes};
      setrlimit(RLIMIT_FSIZE, &rl);
    }
    if (limits.run_as != 0 && geteuid() == 0 && (setgroups(0, nullptr) != 0 || setgid(limits.run_as) != 0 ||
                                                 setuid(limits.run_as) != 0))
      _exit(125);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  return p;
}

// Collects a child that has ended (`raw` from wait4).
Done collected(const Proc& p, int raw, const struct rusage& ru) {
  Done d;
  d.command = p.command;
  if (WIFEXITED(raw)) d.status = WEXITSTATUS(raw);
  else if (WIFSIGNALED(raw)) d.status = 128 + WTERMSIG(raw);
  d.max_rss_kb = ru.ru_maxrss;
  d.seconds = std::chrono::duration<double>(Clock::now() - p.started).count();
  d.out = read_file(p.out_file);
  d.err = read_file(p.err_file);
  return d;
}

// The child's result if it has ended, else nullopt (never blocks).
std::optional<Done> poll(Proc& p) {
  if (p.result) return *p.result;
  int raw = 0;
  struct rusage ru {};
  pid_t r = wait4(p.pid, &raw, WNOHANG, &ru);
  if (r != p.pid) return std::nullopt;
  p.result = std::make_shared<Done>(collected(p, raw, ru));
  return *p.result;
}

Done kill_now(Proc& p, bool timed_out) {
  if (p.result) return *p.result;
  kill(p.pid, SIGKILL);
  int raw = 0;
  struct rusage ru {};
  wait4(p.pid, &raw, 0, &ru);
  Done d = collected(p, raw, ru);
  d.timed_out = timed_out;
  d.killed = !timed_out;
  p.result = std::make_shared<Done>(d);
  return d;
}

// Waits for the child to end; past its time limit it is killed and the
// result says so.
Done finish(Proc& p) {
  while (true) {
    if (auto d = poll(p)) return *d;
    if (std::chrono::duration<double>(Clock::now() - p.started).count() > p.timeout_seconds)
      return kill_now(p, true);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// Kills the child with SIGKILL once it has run `seconds` (or collects it if
// it ended before).
Done kill_after(Proc p, double seconds) {
  while (std::chrono::duration<double>(Clock::now() - p.started).count() < seconds) {
    if (auto d = poll(p)) return *d;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return kill_now(p, false);
}

Done run_indexer(const TempDir& t, const std::vector<std::string>& args, const Limits& limits = {}) {
  Proc p = start(t, INDEXER_BIN, args, limits);
  return finish(p);
}

Done run_searcher(const TempDir& t, const std::vector<std::string>& args, double timeout = 60) {
  Limits limits;
  limits.timeout_seconds = timeout;
  Proc p = start(t, SEARCHER_BIN, args, limits);
  return finish(p);
}

// ---------------------------------------------------------------------------
// Corpora and checks

// `n` small briefings b0000.txt ... in `dir`; each has a unique word
// ("uniqN") and a date, countries and a topic.
// A made-up word only briefing i has, two letters away from any other's
// ("zyxkakakakaka" for 0): its misspelling suggests it and nothing else.
std::string codename(int i) {
  static const char* kSyllables[] = {"ka", "lo", "mu", "ni", "pe"};
  std::string w = "zyx";
  for (int k = 0; k < 5; ++k, i /= 5) w += kSyllables[i % 5];
  return w;
}

// Whether the spelling data holds briefing i's codename: its misspelling
// (its fourth letter left out: the last would be a stem of it) matches
// nothing and suggests it.
bool suggests_codename(const TempDir& t, const fs::path& db, int i);

std::set<std::string> write_small_briefings(const fs::path& dir, int n) {
  static const char* kCountries[] = {"Japan", "Finland", "Sweden", "Australia", "Germany",
                                     "France", "Poland", "Norway", "Canada", "Italy"};
  static const char* kTopics[] = {"cyber defence", "missile defence", "maritime security", "hybrid threats",
                                  "defence industry", "space security"};
  std::set<std::string> paths;
  fs::create_directories(dir);
  for (int i = 0; i < n; ++i) {
    const char* a = kCountries[i % 10];
    const char* b = kCountries[(i / 10 + 1 + i) % 10 == i % 10 ? (i + 1) % 10 : (i / 10 + 1 + i) % 10];
    fs::path p = dir / fmt::format("b{:04d}.txt", i);
    write_file(p, fmt::format("{0} and {1} hold talks, round {2}\n\n{3} March 2024. Officials of {0} and {1} "
                              "discussed {4} and uniq{2} matters under the codename {5}.\n",
                              a, b, i, 1 + i % 28, kTopics[i % 6], codename(i)));
    paths.insert(fs::canonical(p).string());
  }
  return paths;
}

bool suggests_codename(const TempDir& t, const fs::path& db, int i) {
  const std::string word = codename(i);
  Done d = run_searcher(t, {"--db", db.string(), "--format", "json", word.substr(0, 3) + word.substr(4)});
  if (d.status != 0 && d.status != 1) return false;
  const json j = json::parse(d.out);
  return j.at("total").get<size_t>() == 0 && j.at("suggestion").is_string() &&
         j.at("suggestion").get<std::string>() == word;
}

// Every path in the index, as printed by --limit 0 --format paths.
struct Listing {
  Done run;
  std::vector<std::string> paths;
};

Listing list_all(const TempDir& t, const fs::path& db) {
  Listing l;
  l.run = run_searcher(t, {"--db", db.string(), "--limit", "0", "--format", "paths"});
  l.paths = l.run.out_lines();
  return l;
}

void check_no_duplicates(const std::vector<std::string>& paths) {
  std::set<std::string> unique(paths.begin(), paths.end());
  CHECK(unique.size() == paths.size());
}

// A searcher's result must be a normal outcome: matches (0) or none (1),
// JSON that parses, nothing on stderr; or an error (2) given as exactly
// one line on stderr and nothing on stdout. Never a crash, never a hang.
void check_clean_outcome(const Done& r) {
  INFO(describe(r));
  REQUIRE_FALSE(r.timed_out);
  REQUIRE((r.status == 0 || r.status == 1 || r.status == 2));
  if (r.status == 2) {
    CHECK(r.out.empty());
    REQUIRE(r.err_lines().size() == 1);
    CHECK(r.err.rfind("searcher: ", 0) == 0);
    CHECK(r.err.size() < 400);  // readable, even for a 100 kB query
  } else {
    // Only notes ("no briefing has topic 'basket weaving'") beside an answer.
    for (const std::string& line : r.err_lines()) CHECK(line.rfind("searcher: note: ", 0) == 0);
    json j;
    REQUIRE_NOTHROW(j = json::parse(r.out));
    CHECK(r.status == (j.at("total").get<long>() > 0 ? 0 : 1));
    CHECK(j.at("results").size() <= static_cast<size_t>(j.at("total").get<long>()));
  }
}

// Size, modification time and bytes of every file under `dir`.
struct FileState {
  uintmax_t size = 0;
  long long mtime_ns = 0;
  std::string bytes;
  bool operator==(const FileState& o) const {
    return size == o.size && mtime_ns == o.mtime_ns && bytes == o.bytes;
  }
};

std::map<std::string, FileState> snapshot(const fs::path& dir) {
  std::map<std::string, FileState> files;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    struct stat st {};
    if (lstat(it->path().c_str(), &st) != 0) continue;
    FileState s;
    s.size = static_cast<uintmax_t>(st.st_size);
    s.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    if (S_ISREG(st.st_mode)) s.bytes = read_file(it->path());
    else if (S_ISLNK(st.st_mode)) s.bytes = "link:" + fs::read_symlink(it->path()).string();
    else s.bytes = fmt::format("mode:{:o}", st.st_mode);
    files[it->path().string()] = s;
  }
  return files;
}

void check_same(const std::map<std::string, FileState>& before, const std::map<std::string, FileState>& after) {
  std::vector<std::string> changed;
  for (const auto& [path, state] : before) {
    auto it = after.find(path);
    if (it == after.end()) changed.push_back("removed: " + path);
    else if (!(it->second == state)) changed.push_back("changed: " + path);
  }
  for (const auto& [path, state] : after)
    if (!before.count(path)) changed.push_back("added: " + path);
  INFO([&] {
    std::string s;
    for (const auto& c : changed) s += c + "\n";
    return s;
  }());
  CHECK(changed.empty());
}

std::string err_line_for(const Done& r, const std::string& name) {
  for (const std::string& l : r.err_lines())
    if (contains(l, name)) return l;
  return "";
}

const size_t kBatch = 200;
// Briefings a killed build is made of: 15 batches, 5 under the sanitizers,
// where each run is ten times slower (the kills land at fractions of a
// full run either way).
const int kKillFiles = kSanitized ? 1000 : 3000;
// Briefings that keep a first indexer busy while a second program starts
// (a lock, searches during writes): a third under the sanitizers, still
// runs of several seconds there.
const int kBusyFiles = kSanitized ? 1000 : 3000;

}  // namespace

// ---------------------------------------------------------------------------
// Crash safety

namespace {

// The "facets" of a search matching every briefing, every value listed.
json facets_of_all(TempDir& t, const fs::path& db) {
  Done d = run_searcher(t, {"--db", db.string(), "--format", "json", "--limit", "1", "--facet-limit", "0"});
  INFO(describe(d));
  REQUIRE(d.status == 0);
  return json::parse(d.out).at("facets");
}

}  // namespace

TEST_CASE("an indexer killed with SIGKILL leaves a consistent database and a re-run completes it",
          "[robustness][crash]") {
  TempDir t;
  std::set<std::string> all = write_small_briefings(t / "docs", kKillFiles);

  // A full run, for the reference and for its duration T: the kills land at
  // fractions of T, so that they fall inside the run on any machine.
  // One writer: each committed batch is in the database at once.
  Done full = run_indexer(t, {"--db", (t / "db-full").string(), "--jobs", "1", "--batch", std::to_string(kBatch),
                              (t / "docs").string()});
  INFO(describe(full));
  REQUIRE(full.status == 0);
  Listing reference = list_all(t, t / "db-full");
  REQUIRE(reference.run.status == 0);
  REQUIRE(std::set<std::string>(reference.paths.begin(), reference.paths.end()) == all);
  REQUIRE(reference.paths.size() == all.size());

  int mid_run = 0;  // kills that left some but not all batches committed
  auto kill_at = [&](double fraction) {
    double at = std::max(0.05, fraction * full.seconds);
    fs::path db = t / fmt::format("db-{:.0f}", fraction * 100);
    Done killed = kill_after(start(t, INDEXER_BIN, {"--db", db.string(), "--jobs", "1", "--batch",
                                                   std::to_string(kBatch), (t / "docs").string()}),
                             at);
    INFO("killed after " << at << " s:\n" << describe(killed));
    CHECK_FALSE(killed.timed_out);

    // The database opens and holds whole batches, each document once.
    Listing l = list_all(t, db);
    INFO(describe(l.run));
    std::error_code ec;
    if (!fs::exists(db / "iamglass", ec)) {
      // Killed before the database was created: the searcher says so.
      CHECK(l.run.status == 2);
      CHECK(l.run.err_lines().size() == 1);
    } else {
      REQUIRE((l.run.status == 0 || l.run.status == 1));
      CHECK(l.run.err.empty());
      check_no_duplicates(l.paths);
      for (const std::string& p : l.paths) CHECK(all.count(p) == 1);
      CHECK(l.paths.size() % kBatch == 0);
      if (!l.paths.empty() && l.paths.size() < all.size()) ++mid_run;
      // JSON agrees with the listing.
      Done j = run_searcher(t, {"--db", db.string(), "--format", "json", "--limit", "1"});
      check_clean_outcome(j);
      if (j.status != 2) CHECK(json::parse(j.out).at("total").get<size_t>() == l.paths.size());
    }

    // A re-run completes: exactly one document per file. It resumes: the
    // files already committed are not read again.
    size_t committed = fs::exists(db / "iamglass", ec) ? l.paths.size() : 0;
    Done rerun = run_indexer(t, {"--db", db.string(), "--jobs", "1", "--batch", std::to_string(kBatch),
                                 (t / "docs").string()});
    INFO(describe(rerun));
    REQUIRE(rerun.status == 0);
    CHECK(contains(rerun.out, fmt::format("{} added, 0 updated, {} unchanged, 0 removed, 0 failed",
                                          kKillFiles - committed, committed)));
    Listing after = list_all(t, db);
    REQUIRE(after.run.status == 0);
    CHECK(after.paths.size() == all.size());
    CHECK(std::set<std::string>(after.paths.begin(), after.paths.end()) == all);
    // "Did you mean" knows the words of the batches committed before the
    // kill as well as those of the re-run.
    CHECK(suggests_codename(t, db, 0));
    CHECK(suggests_codename(t, db, kKillFiles - 1));
    // And a second re-run finds nothing to do.
    Done again = run_indexer(t, {"--db", db.string(), (t / "docs").string()});
    CHECK(again.status == 0);
    CHECK(contains(again.out, fmt::format("0 added, 0 updated, {} unchanged, 0 removed, 0 failed", kKillFiles)));
    // Every facet counted over every briefing as over the full run's: the
    // totals kept with each commit (facet_totals.h) survived the kill.
    CHECK(facets_of_all(t, db) == facets_of_all(t, t / "db-full"));
  };
  for (double fraction : {0.15, 0.4, 0.65, 0.9}) kill_at(fraction);
  // At least one kill fell between two commits (else this test tested
  // little). On a machine busy with other tests a run's pace changes: kill
  // at other moments until one does.
  for (double fraction : {0.3, 0.5, 0.75, 0.2, 0.6})
    if (mid_run == 0) kill_at(fraction);
  CHECK(mid_run >= 1);
}

TEST_CASE("a parallel build killed mid-run is resumed from its writers' shards", "[robustness][crash]") {
  TempDir t;
  std::set<std::string> all = write_small_briefings(t / "docs", kKillFiles);
  const std::vector<std::string> flags{"--jobs", "2", "--batch", std::to_string(kBatch), (t / "docs").string()};
  auto with_db = [&](const fs::path& db) {
    std::vector<std::string> args{"--db", db.string()};
    args.insert(args.end(), flags.begin(), flags.end());
    return args;
  };
  Done full = run_indexer(t, with_db(t / "db-full"));
  INFO(describe(full));
  REQUIRE(full.status == 0);

  int mid_run = 0;
  // Killed at times of the full run's length (which a loaded machine
  // stretches or shrinks), and once right after a writer's first commit
  // (-1): that one is mid-run whatever the machine's pace.
  for (double fraction : {0.3, 0.6, 0.85, -1.0}) {
    double at = std::max(0.05, fraction * full.seconds);
    fs::path db = t / fmt::format("db-{:.0f}", fraction * 100);
    const fs::path building = db.string() + ".indexing";
    Proc proc = start(t, INDEXER_BIN, with_db(db));
    Done killed;
    if (fraction < 0) {
      // A glass database has a positions table once a batch of documents
      // is committed (its first commit, of the rules, makes none).
      const fs::path positions = building / "shard-000" / "position.glass";
      std::error_code e;
      std::optional<Done> ended;
      while (!(ended = poll(proc)) && !fs::exists(positions, e))
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      killed = ended ? *ended : kill_now(proc, false);
    } else {
      killed = kill_after(std::move(proc), at);
    }
    INFO("killed after " << at << " s:\n" << describe(killed));
    CHECK_FALSE(killed.timed_out);

    // The writers' shards (a stub and its databases) open as one, each
    // document once.
    size_t committed = killed.killed ? 0 : all.size();
    std::error_code ec;
    if (killed.killed && fs::exists(building / "XAPIANDB", ec)) {
      Listing l = list_all(t, building);
      INFO(describe(l.run));
      REQUIRE((l.run.status == 0 || l.run.status == 1));
      check_no_duplicates(l.paths);
      for (const std::string& p : l.paths) CHECK(all.count(p) == 1);
      committed = l.paths.size();
      if (committed > 0 && committed < all.size()) ++mid_run;
    } else if (killed.killed && fs::exists(db / "iamglass", ec)) {
      committed = all.size();  // killed after the final compaction
    }

    // The re-run goes on from them: what they hold is not read again.
    Done rerun = run_indexer(t, with_db(db));
    INFO(describe(rerun));
    REQUIRE(rerun.status == 0);
    CHECK(contains(rerun.out, fmt::format("{} added, 0 updated, {} unchanged, 0 removed, 0 failed",
                                          kKillFiles - committed, committed)));
    CHECK_FALSE(fs::exists(building, ec));
    Listing after = list_all(t, db);
    REQUIRE(after.run.status == 0);
    CHECK(after.paths.size() == all.size());
    CHECK(std::set<std::string>(after.paths.begin(), after.paths.end()) == all);
    for (int i : {0, 1, kKillFiles - 2, kKillFiles - 1}) {
      INFO("codename of briefing " << i);
      CHECK(suggests_codename(t, db, i));
    }
  }
  CHECK(mid_run >= 1);
}

// ---------------------------------------------------------------------------
// Concurrency

// (No ';' in test names: catch_discover_tests would cut them there.)
TEST_CASE("a second indexer on a database in use exits 3 saying it is locked, and the first finishes",
          "[robustness][lock]") {
  TempDir t;
  std::set<std::string> all = write_small_briefings(t / "docs", kBusyFiles);
  write_small_briefings(t / "other", 5);
  const fs::path db = t / "db";
  // Both runs with these options; the first is known to hold the database
  // once `held` exists.
  std::vector<std::string> options = {"--batch", "100", "--jobs", "1"};
  fs::path held = db / "iamglass";
  SECTION("one writer each") {}
  SECTION("two writer threads each, on a new database (built as temporary shards)") {
    options = {"--batch", "100", "--jobs", "2"};
    held = fs::path(db.string() + ".indexing") / "shard-000" / "iamglass";
  }
  bool tested = false;
  for (int attempt = 0; attempt < 3 && !tested; ++attempt) {
    fs::remove_all(db);
    fs::remove_all(db.string() + ".indexing");
    std::vector<std::string> args = {"--db", db.string()};
    args.insert(args.end(), options.begin(), options.end());
    std::vector<std::string> first_args = args, second_args = args;
    first_args.push_back((t / "docs").string());
    second_args.push_back((t / "other").string());
    Proc first = start(t, INDEXER_BIN, first_args);
    while (!fs::exists(held) && !poll(first)) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    Done second = run_indexer(t, second_args);
    if (auto d = poll(first)) {
      // The first ended before the second tried: nothing learnt; again.
      INFO(describe(*d));
      REQUIRE(d->status == 0);
      continue;
    }
    tested = true;
    Done first_done = finish(first);
    INFO(describe(second));
    INFO(describe(first_done));
    CHECK(second.status == 3);
    CHECK(second.out.empty());
    REQUIRE(second.err_lines().size() == 1);
    CHECK(contains(second.err, "locked"));
    CHECK(second.err.rfind("indexer: ", 0) == 0);
    CHECK(first_done.status == 0);
    CHECK(first_done.err.empty());
    Listing l = list_all(t, db);
    CHECK(l.paths.size() == all.size());
    CHECK(std::set<std::string>(l.paths.begin(), l.paths.end()) == all);
  }
  CHECK(tested);
}

TEST_CASE("two indexers started together on a new database: one builds it, the other is told it is locked",
          "[robustness][lock]") {
  TempDir t;
  std::set<std::string> all = write_small_briefings(t / "docs", 600);
  const fs::path db = t / "db";
  for (int attempt = 0; attempt < 4; ++attempt) {
    fs::remove_all(db);
    fs::remove_all(db.string() + ".indexing");
    std::vector<std::string> args = {"--db", db.string(), "--jobs", "2", "--batch", "50", (t / "docs").string()};
    std::vector<std::string> one_writer = args;
    one_writer[3] = "1";  // one writer against two, on odd attempts
    Proc first = start(t, INDEXER_BIN, attempt % 2 ? one_writer : args);
    Done second = run_indexer(t, args);
    Done first_done = finish(first);
    INFO(describe(first_done));
    INFO(describe(second));
    // Both may finish (the second after the first, finding nothing to do);
    // never a damaged database.
    CHECK((first_done.status == 0 || first_done.status == 3));
    CHECK((second.status == 0 || second.status == 3));
    CHECK((first_done.status == 0 || second.status == 0));
    Listing l = list_all(t, db);
    CHECK(std::set<std::string>(l.paths.begin(), l.paths.end()) == all);
    CHECK_FALSE(fs::exists(db.string() + ".indexing"));  // the loser made no temporary shards
    Done again = run_indexer(t, {"--db", db.string(), (t / "docs").string()});
    CHECK(again.status == 0);
    CHECK(contains(again.out, "0 added, 0 updated, 600 unchanged"));
  }
}

TEST_CASE("searches while the indexer writes always succeed with well-formed JSON", "[robustness][concurrent]") {
  TempDir t;
  std::set<std::string> all = write_small_briefings(t / "docs", kBusyFiles);
  const fs::path db = t / "db";
  Proc writer = start(t, INDEXER_BIN, {"--db", db.string(), "--jobs", "1", "--batch", "100", (t / "docs").string()});
  while (!fs::exists(db / "iamglass") && !poll(writer)) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  const std::vector<std::vector<std::string>> searches = {
      {},
      {"talks"},
      {"--country", "japan", "--facets", "country,topic"},
      {"uniq1*", "--limit", "0"},
      {"hybrid threats", "--sort", "newest"},
      {"--since", "2024-03-10", "--timeline", "month"},
      {"japan OR finland", "--multi-select", "--country", "japan,finland"},
  };
  int searches_run = 0, during_writes = 0;
  long last_total = 0;
  std::optional<Done> writer_done;
  // Bounded: a writer that never ends is a failure, not a stuck test.
  while ((!writer_done || searches_run < 10) && searches_run < 400) {
    std::vector<std::string> args = searches[static_cast<size_t>(searches_run) % searches.size()];
    args.insert(args.begin(), {"--db", db.string(), "--format", "json"});
    Done r = run_searcher(t, args, 60);
    ++searches_run;
    check_clean_outcome(r);
    INFO(describe(r));
    CHECK(r.status != 2);
    if (!writer_done) ++during_writes;
    if (searches_run % searches.size() == 1 && r.status != 2) {
      // Match-all: committed documents only ever grow in a first run.
      long total = json::parse(r.out).at("total").get<long>();
      CHECK(total >= last_total);
      last_total = total;
    }
    if (!writer_done) writer_done = poll(writer);
  }
  if (!writer_done) writer_done = finish(writer);
  INFO(describe(*writer_done));
  CHECK(writer_done->status == 0);
  CHECK(during_writes >= 3);
  Listing l = list_all(t, db);
  CHECK(l.paths.size() == all.size());
}

// ---------------------------------------------------------------------------
// A database that cannot be written

TEST_CASE("a database that cannot be written fails with one clear line and keeps the last commit",
          "[robustness][unwritable]") {
  TempDir t;
  std::set<std::string> all = write_small_briefings(t / "docs", 300);

  SECTION("the database folder's parent is a regular file") {
    write_file(t / "plain-file", "not a folder\n");
    const fs::path db = t / "plain-file" / "db";
    Done r = run_indexer(t, {"--db", db.string(), (t / "docs").string()});
    INFO(describe(r));
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    REQUIRE(r.err_lines().size() == 1);
    CHECK(r.err.rfind("indexer: ", 0) == 0);
    CHECK(contains(r.err, db.string()));
    CHECK(contains(r.err, "Not a directory"));
    CHECK(read_file(t / "plain-file") == "not a folder\n");
    // The searcher: one line too.
    Done s = run_searcher(t, {"--db", db.string(), "talks"});
    INFO(describe(s));
    CHECK(s.status == 2);
    CHECK(s.err_lines().size() == 1);
  }

  SECTION("a database the user may not read: the searcher says so, not \"Couldn't detect type\"") {
    const fs::path db = t / "db";
    REQUIRE(run_indexer(t, {"--db", db.string(), (t / "docs").string()}).status == 0);
    fs::permissions(db.parent_path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                          fs::perms::others_read | fs::perms::others_exec);
    for (const auto& e : fs::directory_iterator(db)) fs::permissions(e.path(), fs::perms::none);
    // root reads anything: the search then runs as nobody
    std::vector<std::string> args = {"--db", db.string(), "talks"};
    Done s;
    if (::geteuid() == 0) {
      args.insert(args.begin(), {"--reuid=65534", "--regid=65534", "--clear-groups", SEARCHER_BIN});
      Proc p = start(t, "/usr/bin/setpriv", args);
      s = finish(p);
    } else {
      s = run_searcher(t, args);
    }
    for (const auto& e : fs::directory_iterator(db)) fs::permissions(e.path(), fs::perms::owner_all);
    INFO(describe(s));
    CHECK(s.status == 2);
    REQUIRE(s.err_lines().size() == 1);
    CHECK(s.err == "searcher: cannot read database '" + db.string() + "': Permission denied\n");
  }

  SECTION("the database path is a regular file") {
    write_file(t / "db-file", "precious\n");
    Done r = run_indexer(t, {"--db", (t / "db-file").string(), (t / "docs").string()});
    INFO(describe(r));
    CHECK(r.status == 2);
    CHECK(r.err_lines().size() == 1);
    CHECK(r.err.rfind("indexer: ", 0) == 0);
    CHECK(read_file(t / "db-file") == "precious\n");
  }

  SECTION("writes fail part-way (file size limit): the last committed state stays") {
    const fs::path db = t / "db";
    Done first = run_indexer(t, {"--db", db.string(), (t / "docs").string()});
    REQUIRE(first.status == 0);
    Listing before = list_all(t, db);
    REQUIRE(before.paths.size() == all.size());
    // Many more documents, each commit growing the tables past the limit.
    std::set<std::string> more = write_small_briefings(t / "docs" / "more", 2000);
    uintmax_t largest = 0;
    for (const auto& e : fs::directory_iterator(db)) largest = std::max(largest, e.file_size());
    Limits limits;
    limits.max_file_bytes = largest + 8192;
    Done r = run_indexer(t, {"--db", db.string(), "--batch", "100000", (t / "docs").string()}, limits);
    INFO(describe(r));
    CHECK_FALSE(r.timed_out);
    CHECK(r.status == 2);
    REQUIRE(r.err_lines().size() == 1);
    CHECK(r.err.rfind("indexer: ", 0) == 0);
    CHECK(contains(r.err, db.string()));
    CHECK(contains(r.err, "File too large"));  // the system's reason, as for a full disk
    // Nothing of the failed run is visible; what was committed is whole.
    Listing after = list_all(t, db);
    INFO(describe(after.run));
    CHECK(after.run.status == 0);
    CHECK(after.paths == before.paths);
    // And without the limit the next run completes.
    Done rerun = run_indexer(t, {"--db", db.string(), (t / "docs").string()});
    CHECK(rerun.status == 0);
    CHECK(list_all(t, db).paths.size() == all.size() + more.size());
  }
}

// ---------------------------------------------------------------------------
// Read-only guarantees

TEST_CASE("the indexer never modifies the corpus and the searcher never modifies the database",
          "[robustness][readonly]") {
  TempDir t;
  const fs::path docs = t / "docs";
  fs::create_directories(docs);
  for (const auto& e : fs::directory_iterator(CORPUS_DIR)) fs::copy_file(e.path(), docs / e.path().filename());
  write_file(docs / "bad-utf8.txt", "Japan \xff\xfe and Finland\n");
  write_file(docs / "front.md", "---\ntitle: unclosed\ndate: 2024-13-45\n");
  write_file(docs / "empty.txt", "");
  fs::create_symlink(docs / "gone.txt", docs / "dangling.txt");
  REQUIRE(mkfifo((docs / "fifo.txt").c_str(), 0644) == 0);
  // Old timestamps: a change would show even within the same second.
  for (const auto& e : fs::directory_iterator(docs))
    if (e.is_regular_file()) fs::last_write_time(e.path(), fs::file_time_type::clock::now() - std::chrono::hours(48));
  auto corpus_before = snapshot(docs);

  const fs::path db = t / "db";
  Done r = run_indexer(t, {"--db", db.string(), docs.string()});
  INFO(describe(r));
  CHECK(r.status == 1);  // the empty file, the dangling link and the FIFO
  check_same(corpus_before, snapshot(docs));
  r = run_indexer(t, {"--db", db.string(), docs.string()});  // unchanged: a no-op run
  check_same(corpus_before, snapshot(docs));

  auto db_before = snapshot(db);
  const std::string d = db.string();
  std::string some_file = (docs / fs::directory_iterator(CORPUS_DIR)->path().filename()).string();
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--db", d, "hybrid threats"},
           {"--db", d, "--format", "json", "--limit", "0", "defence"},
           {"--db", d, "--country", "ROK", "--multi-select", "--timeline", "month"},
           {"--db", d, "--list", "minister", "--match", "hakk"},
           {"--db", d, "--graph"},
           {"--db", d, "--similar", some_file},
           {"--db", d, "hybrd thraets"},
           {"--db", d, "defen*", "--sort", "newest"},
           {"--db", d, "date:2024-13-45"},
       }) {
    Done s = run_searcher(t, args);
    INFO(describe(s));
    CHECK_FALSE(s.timed_out);
    CHECK(s.status <= 2);
  }
  check_same(db_before, snapshot(db));
}

// ---------------------------------------------------------------------------
// Hostile files

// Round 7: shapes that had crashed the indexer (links nested 60,000 deep
// overflowed the stack) or taken seconds to minutes for a file under a
// megabyte (a quadratic scan, erase or replace in each).
TEST_CASE("deeply nested Markdown links, runs of marks, endless names and page titles are indexed whole",
          "[robustness][files]") {
  TempDir t;
  const fs::path docs = t / "docs";
  std::string nested;
  for (int i = 0; i < 60000; ++i) nested += '[';
  nested += 'x';
  for (int i = 0; i < 60000; ++i) nested += "](u)";
  write_file(docs / "nested-links.md", nested + "\n\nJapan and Finland met in Tokyo.\n");
  write_file(docs / "open-brackets.md", std::string(200000, '[') + "\n\nJapan and Finland met.\n");
  std::string images;
  for (int i = 0; i < 100000; ++i) images += "![x";
  write_file(docs / "open-images.md", images + "\n\nJapan and Finland met.\n");
  std::string stars = "x";
  for (int i = 0; i < 500000; ++i) stars += "**";
  write_file(docs / "stars.md", stars + "x\n\nJapan and Finland met.\n");
  std::string name = "Talks\n\nForeign Minister Zed Qu";
  for (int i = 0; i < 200000; ++i) name += "\xE2\x80\x99xy";
  write_file(docs / "endless-name.txt", name + " said.\n");
  std::string title = "<html><head><title>";
  for (int i = 0; i < 100000; ++i) title += "Ab | ";
  write_file(docs / "title-separators.html",
             title + "</title></head><body><h1>Ab</h1><p>Japan and Finland met in Tokyo on 3 March 2025 and "
                     "discussed many things at length.</p></body></html>\n");
  // A line begun by a run of a million marks, the same run twice more
  // behind it: looking for its closing marks took seconds a megabyte,
  // growing with the square (hostile round 8).
  const std::string run(1000000, '*');
  write_file(docs / "mark-run.md", run + "a" + run + "b" + run + "c\n\nJapan and Finland met.\n");
  // A text that ends on a title and a rank: the name after it was looked
  // for past the last word, and the indexer crashed (hostile round 8).
  write_file(docs / "ends-on-a-rank.txt", "Talks\n\nHe met the Defence Minister Gen");

  const fs::path db = t / "db";
  Done r = run_indexer(t, {"--db", db.string(), docs.string()});
  INFO(describe(r));
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.status == 0);
  CHECK(contains(r.out, "8 added, 0 updated, 0 unchanged, 0 removed, 0 failed"));
  Listing l = list_all(t, db);
  CHECK(l.paths.size() == 8);
  // And their snippets are made (a file of a million emphasis marks took
  // minutes under the sanitizers).
  Done s = run_searcher(t, {"--db", db.string(), "--limit", "10", "Japan"});
  INFO(describe(s));
  REQUIRE_FALSE(s.timed_out);
  CHECK(s.status == 0);
  CHECK(contains(s.out, "6 briefings matched"));  // all but the endless name's and the one ending on a rank
}

TEST_CASE("hostile files are reported one line each, indexed or skipped, never block or crash",
          "[robustness][files]") {
  TempDir t;
  const fs::path docs = t / "docs";
  const std::string good = "Japan and Finland talks\n\n12 September 2024. Japan's Defense Minister Minoru "
                           "Kihara met Finland's Minister of Defence Antti Häkkänen.\n";
  write_file(docs / "good.txt", good);
  write_file(docs / "binary.txt", std::string("PK\x03\x04\0\0\x14\0binary", 14));
  write_file(docs / "invalid-utf8.txt", "Sweden \xff\xfe\xc3 and Norway discuss seabed cables\xe2\x82.\n");
  write_file(docs / "only-invalid.txt", "\xff\xfe\xfd\n");
  write_file(docs / "empty.txt", "");
  write_file(docs / "blank.md", " \n\t\r\n");
  fs::create_symlink(docs / "missing-target.txt", docs / "dangling.txt");
  fs::create_symlink(docs / "loop-b.txt", docs / "loop-a.txt");
  fs::create_symlink(docs / "loop-a.txt", docs / "loop-b.txt");
  fs::create_directories(docs / "sub");
  fs::create_directory_symlink(docs, docs / "sub" / "up");  // a folder loop
  REQUIRE(mkfifo((docs / "fifo.txt").c_str(), 0644) == 0);
  fs::create_symlink("/dev/null", docs / "devnull.txt");
  fs::create_symlink("/dev/zero", docs / "devzero.md");
  fs::create_symlink("/dev/urandom", docs / "urandom.txt");
  const std::string bad_name = "bad-\xff\xfe-name.txt";
  write_file(docs / bad_name, "Poland and Canada review artillery deliveries.\n");
  const std::string newline_name = "two\nlines.txt";
  write_file(docs / newline_name, "Italy and France review naval patrols.\n");
  write_file(docs / "empty\nname.txt", "");  // fails: its message is still one line
  write_file(docs / "unclosed.md", "---\ntitle: Never closed\ndate: 2024-05-06\nItaly and Japan met.\n");
  write_file(docs / "duplicate-keys.md",
             "---\ntitle: First title\ntitle: Second title\ncountry: Japan\ncountry: Finland\ndate: 2024-02-01\n"
             "date: 2024-03-01\n---\nA note.\n");
  write_file(docs / "bad-date.md", "---\ntitle: Bad date\ndate: 2024-13-45\n---\nGermany and Poland met.\n");
  write_file(docs / "zero-date.md", "---\ntitle: Zero date\ndate: 0000-00-00\n---\nGermany and Norway met.\n");
  write_file(docs / "text-bad-date.txt", "Talks\n\nOn 45 Smarch 2024 and 2024-13-45 and 0000-00-00 they met.\n");
  write_file(docs / "garbage-front.md", "---\n:::\n: no key\nkey without colon\n\x01\x02: x\n---\nBody.\n");
  // 5 MB on one line, and one 1 MB token.
  std::string line;
  while (line.size() < (5u << 20)) line += "Australia and Japan discuss submarine cooperation again ";
  write_file(docs / "long-line.txt", line);
  write_file(docs / "long-token.txt", "Long token\n\nSweden " + std::string(1u << 20, 'x') + " Finland.\n");
  write_file(docs / ".hidden.txt", "hidden\n");
  write_file(docs / "photo.jpg", "not a briefing\n");

  const fs::path db = t / "db";
  Done r = run_indexer(t, {"--db", db.string(), docs.string()});
  INFO(describe(r));
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.status == 1);  // some files failed, the rest indexed
  CHECK(r.seconds < 60);

  // Failed, with the reason, one line each naming the file.
  std::map<std::string, std::string> failed = {
      {"binary.txt", "binary"},       {"only-invalid.txt", "UTF-8"},
      {"empty.txt", "empty"},         {"blank.md", "empty"},
      {"dangling.txt", "dangling"},   {"loop-a.txt", "symbolic link loop"},
      {"loop-b.txt", "symbolic link loop"}, {"fifo.txt", "not a regular file"},
      {"empty\\x0aname.txt", "empty"},
      {"devnull.txt", "not a regular file"}, {"devzero.md", "not a regular file"},
      {"urandom.txt", "not a regular file"},
  };
  for (const auto& [name, reason] : failed) {
    std::string l = err_line_for(r, name);
    INFO(name);
    CHECK(l.rfind("indexer: ", 0) == 0);
    CHECK(contains(l, reason));
    CHECK(contains(l, "(not indexed)"));
  }
  // Every line of stderr is a message of its own.
  for (const std::string& l : r.err_lines()) CHECK(l.rfind("indexer: ", 0) == 0);
  // Indexed with a warning.
  std::string w = err_line_for(r, "invalid-utf8.txt");
  CHECK(contains(w, "invalid UTF-8"));
  CHECK_FALSE(contains(w, "not indexed"));
  CHECK(contains(err_line_for(r, "unclosed.md"), "never closed"));
  CHECK(contains(err_line_for(r, "bad-date.md"), "2024-13-45"));
  CHECK(contains(err_line_for(r, "zero-date.md"), "0000-00-00"));
  // Nothing about hidden files or other extensions.
  CHECK(err_line_for(r, ".hidden").empty());
  CHECK(err_line_for(r, "photo.jpg").empty());

  auto search = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.string(), "--format", "json", "--limit", "0"});
    Done s = run_searcher(t, args);
    check_clean_outcome(s);
    return s.status == 2 ? json{{"total", -1}, {"results", json::array()}} : json::parse(s.out);
  };
  auto names = [&](const json& j) { return result_names(j); };

  // Exactly the readable briefings, each once; the folder loop adds nothing.
  json every = search({});
  std::set<std::string> expected = {"good.txt",       "invalid-utf8.txt", bad_name,
                                    newline_name,     "unclosed.md",      "duplicate-keys.md",
                                    "bad-date.md",    "zero-date.md",     "text-bad-date.txt",
                                    "garbage-front.md", "long-line.txt",  "long-token.txt"};
  std::set<std::string> got;
  for (const auto& res : every.at("results")) got.insert(fs::path(res.at("path").get<std::string>()).filename().string());
  // Paths with invalid UTF-8 come back with U+FFFD in JSON; compare the rest.
  CHECK(every.at("total").get<size_t>() == expected.size());
  for (const std::string& name : expected)
    if (name != bad_name) CHECK(got.count(name) == 1);

  // The invalid bytes are not in the index: the text is searchable.
  CHECK(names(search({"seabed cables"})) == std::set<std::string>{"invalid-utf8.txt"});
  CHECK(names(search({"artillery"})).size() == 1);
  CHECK(names(search({"naval patrols"})) == std::set<std::string>{newline_name});
  // Front matter: unclosed is text; duplicate keys merge; absurd dates dropped.
  CHECK(names(search({"--country", "finland", "--country", "japan"})) ==
        std::set<std::string>{"good.txt", "duplicate-keys.md"});
  json dup = search({"title:first"});
  REQUIRE(dup.at("results").size() == 1);
  CHECK(dup.at("results")[0].at("title") == "First title");  // the first of a key seen twice
  CHECK(dup.at("results")[0].at("date") == "2024-02-01");
  json bad = search({"germany"});
  for (const auto& res : bad.at("results")) {
    std::string n = fs::path(res.at("path").get<std::string>()).filename().string();
    if (n == "bad-date.md" || n == "zero-date.md") CHECK(res.at("date").is_null());
  }
  json tb = search({"smarch"});
  REQUIRE(tb.at("results").size() == 1);
  CHECK(tb.at("results")[0].at("date").is_null());
  // The 5 MB line: found, with a short title; the long token: the words around it.
  json ll = search({"submarine cooperation"});
  REQUIRE(ll.at("results").size() == 1);
  CHECK(ll.at("results")[0].at("title").get<std::string>().size() <= 260);
  CHECK(names(search({"sweden", "finland", "long"})) == std::set<std::string>{"long-token.txt"});
  // Text output and paths too (the newline file name does not break them).
  Done text = run_searcher(t, {"--db", db.string(), "--limit", "0"});
  INFO(describe(text));
  CHECK(text.status == 0);
  Done paths = run_searcher(t, {"--db", db.string(), "--limit", "0", "--format", "paths"});
  CHECK(paths.status == 0);

  // A re-run is a no-op for the good files and fails the bad ones again,
  // still without blocking.
  Done again = run_indexer(t, {"--db", db.string(), docs.string()});
  INFO(describe(again));
  CHECK(again.status == 1);
  CHECK(contains(again.out, "0 added, 0 updated, 12 unchanged, 0 removed"));
}

TEST_CASE("an indexed file that becomes a pipe, a folder, a device or unreadable text leaves the index",
          "[robustness][files]") {
  TempDir t;
  const fs::path docs = t / "docs";
  fs::create_directories(docs);
  for (const char* name : {"pipe", "folder", "device", "binary", "kept"})
    write_file(docs / (std::string(name) + ".txt"), std::string("Japan talks ") + name + "word\n");
  const fs::path db = t / "db";
  Done first = run_indexer(t, {"--db", db.string(), docs.string()});
  INFO(describe(first));
  REQUIRE(first.status == 0);
  fs::remove(docs / "pipe.txt");
  REQUIRE(mkfifo((docs / "pipe.txt").c_str(), 0644) == 0);
  fs::remove(docs / "folder.txt");
  fs::create_directory(docs / "folder.txt");
  fs::remove(docs / "device.txt");
  fs::create_symlink("/dev/zero", docs / "device.txt");
  write_file(docs / "binary.txt", std::string("Japan\0binary", 12));
  Done again = run_indexer(t, {"--db", db.string(), docs.string()});
  INFO(describe(again));
  CHECK(again.status == 1);
  CHECK(contains(again.out, "4 removed"));
  for (const char* name : {"pipe", "folder", "device", "binary"}) {
    Done s = run_searcher(t, {"--db", db.string(), "--format", "paths", std::string(name) + "word"});
    INFO(name << ": " << describe(s));
    CHECK(s.status == 1);
  }
  Done kept = run_searcher(t, {"--db", db.string(), "--format", "paths", "keptword"});
  CHECK(kept.status == 0);
}

TEST_CASE("an indexed file that cannot be read now keeps its indexed version; one with no text leaves",
          "[robustness][files]") {
  // Permissions do not bind root: as root, the indexer runs as "nobody".
  TempDir t;
  Limits limits;
  limits.run_as = geteuid() == 0 ? 65534 : 0;
  const fs::path docs = t / "docs";
  fs::create_directories(docs);
  write_file(docs / "locked.txt", "Japan talks lockedword\n");
  write_file(docs / "emptied.txt", "Japan talks emptiedword\n");
  fs::permissions(t.path(), fs::perms::all);
  fs::permissions(t / "io", fs::perms::all);
  fs::permissions(docs, fs::perms::all);
  const fs::path db = t / "db";
  Done first = run_indexer(t, {"--db", db.string(), docs.string()}, limits);
  INFO(describe(first));
  REQUIRE(first.status == 0);
  fs::permissions(docs / "locked.txt", fs::perms::none);
  write_file(docs / "emptied.txt", "");
  Done again = run_indexer(t, {"--db", db.string(), docs.string()}, limits);
  INFO(describe(again));
  CHECK(again.status == 1);
  CHECK(contains(err_line_for(again, "locked.txt"), "cannot open: Permission denied; its indexed version is kept"));
  CHECK(contains(err_line_for(again, "emptied.txt"), "empty file"));
  CHECK(contains(again.out, "1 removed"));
  CHECK(run_searcher(t, {"--db", db.string(), "--format", "paths", "lockedword"}).status == 0);
  CHECK(run_searcher(t, {"--db", db.string(), "--format", "paths", "emptiedword"}).status == 1);
}

TEST_CASE("HTML nested 50,000 deep or with 20,000 unclosed tags is indexed in little memory, without a crash",
          "[robustness][files][html]") {
  TempDir t;
  const fs::path docs = t / "docs";
  fs::create_directories(docs);
  std::string deep = "<html><body>";
  for (int i = 0; i < 50000; ++i) deep += "<div>";
  deep += "<p>Deepest page: Japan and Finland met on 3 May 2024.</p>";
  for (int i = 0; i < 50000; ++i) deep += "</div>";
  write_file(docs / "deep.html", deep + "</body></html>");
  std::string unclosed = "<html><body><p>Unclosed page: Sweden and Norway met on 4 May 2024.</p>";
  for (int i = 0; i < 20000; ++i) unclosed += "<b><i>";
  write_file(docs / "unclosed.html", unclosed + "x");
  const fs::path db = t / "db";
  Done r = run_indexer(t, {"--db", db.string(), docs.string()});
  INFO(describe(r));
  CHECK(r.status == 0);
  CHECK(contains(r.out, "2 added"));
  CHECK(r.max_rss_kb < 300 * 1024 * (kSanitized ? 3 : 1));  // gumbo's error records took gigabytes
  Done s = run_searcher(t, {"--db", db.string(), "--format", "paths", "--country", "finland,norway"});
  INFO(describe(s));
  CHECK(s.status == 0);
  CHECK(s.out_lines().size() == 2);
}

TEST_CASE("indexer --explain - stops reading standard input past 64 MB", "[robustness][files]") {
  TempDir t;
  Proc p = start(t, "/bin/sh", {"-c", std::string("head -c 100000000 /dev/zero | tr '\\0' 'a' | ") + INDEXER_BIN +
                                          " --explain -"});
  Done r = finish(p);
  INFO(describe(r));
  CHECK(r.status == 1);
  CHECK(r.err == "indexer: standard input: larger than 64 MB; not a briefing\n");
  CHECK(r.max_rss_kb < 400 * 1024 * (kSanitized ? 3 : 1));
}

TEST_CASE("one minister named in every line of a long file or of one long line, or 10,000 listed in front matter, "
          "does not stall the run",
          "[robustness][files]") {
  TempDir t;
  const fs::path docs = t / "docs";
  // 250,000 sightings (50,000 under the sanitizers): the square of that
  // is hours.
  const int sightings = kSanitized ? 50000 : 250000;
  std::string many = "Repeated\n\n";
  for (int i = 0; i < sightings; ++i) many += "Minoru Kihara met officials.\n";
  write_file(docs / "repeated.txt", many);
  std::string line = "One line\n\n";
  for (int i = 0; i < sightings; ++i) line += "Minoru Kihara, ";
  write_file(docs / "one-line.txt", line + "\n");
  std::string list = "---\ntitle: List\nminister: ";
  for (int i = 0; i < 10000; ++i) list += (i ? "; Name" : "Name") + std::to_string(i) + " Person";
  write_file(docs / "list.md", list + "\n---\nBody.\n");
  const fs::path db = t / "db";
  // Sighting by sighting and name by name, this took minutes (the square
  // of the names); a hang guard, not a benchmark.
  Limits limits;
  limits.timeout_seconds = 90;
  Done r = run_indexer(t, {"--db", db.string(), docs.string()}, limits);
  INFO(describe(r));
  CHECK_FALSE(r.timed_out);
  CHECK(r.status == 0);
  // The meeting graph joins a briefing's first 64 ministers: 10,000 took gigabytes.
  Done g = run_searcher(t, {"--db", db.string(), "--graph"});
  INFO(describe(g));
  CHECK(g.status == 0);
  CHECK(g.max_rss_kb < 200 * 1024 * (kSanitized ? 3 : 1));
  CHECK(contains(g.out, "Name9999 Person"));
}

TEST_CASE("a 100 MB file is refused under the default --max-size and indexed in bounded memory with a larger one",
          "[robustness][files][large]") {
  TempDir t;
  const fs::path docs = t / "docs";
  fs::create_directories(docs);
  {
    std::ofstream out(docs / "huge.txt", std::ios::binary);
    out << "Huge briefing\n\n12 September 2024. ";
    static const char* kWords[] = {"Japan", "Finland", "defence", "cooperation", "maritime", "security",
                                   "cyber", "talks", "minister", "agreed", "exercises", "and"};
    std::string chunk;
    for (int i = 0; i < 20000; ++i) chunk += std::string(kWords[(i * 7) % 12]) + (i % 17 == 16 ? ".\n" : " ");
    uintmax_t written = 0;
    while (written < 100u * 1000 * 1000) {
      out << chunk;
      written += chunk.size();
    }
    out << "\nThe last line names the ministers' zanzibarian adviser.\n";
  }
  write_file(docs / "small.txt", "Small note\n\nSweden and Norway met on 3 May 2024.\n");
  const uintmax_t size = fs::file_size(docs / "huge.txt");
  REQUIRE(size >= 100u * 1000 * 1000);

  const fs::path db = t / "db";
  Done r = run_indexer(t, {"--db", db.string(), docs.string()});
  INFO(describe(r));
  CHECK(r.status == 1);
  CHECK(contains(err_line_for(r, "huge.txt"), "too large"));
  CHECK(contains(r.out, "1 added"));
  // Refused from its size alone: the run stays small.
  CHECK(r.max_rss_kb < 400 * 1024 * (kSanitized ? 3 : 1));

  Limits limits;
  limits.timeout_seconds = kSanitized ? 1200 : 600;
  r = run_indexer(t, {"--db", db.string(), "--max-size", "200M", docs.string()}, limits);
  INFO(describe(r));
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.status == 0);
  CHECK(contains(r.out, "1 added"));
  // Facets come from its first 4 MB, and it says so.
  CHECK(contains(err_line_for(r, "huge.txt"), "facets read from the first 4.0 MB of 100.1 MB of text only"));
  // Peak memory: bounded by a small multiple of the file's size (the text,
  // its index form and Xapian's postings), not by extraction's tokens.
  const long size_mb = static_cast<long>(size >> 20);
  const long limit_mb = (kSanitized ? 16 : 5) * size_mb + 256;
  INFO("peak RSS " << r.max_rss_kb / 1024 << " MB for a " << size_mb << " MB file; limit " << limit_mb << " MB");
  CHECK(r.max_rss_kb / 1024 < limit_mb);
  Done s = run_searcher(t, {"--db", db.string(), "--format", "json", "maritime exercises"});
  check_clean_outcome(s);
  CHECK(s.status == 0);
  // All of the text is searchable, its last line too.
  s = run_searcher(t, {"--db", db.string(), "--count", "zanzibarian"});
  CHECK(s.status == 0);
  CHECK(s.out == "1\n");
}

// ---------------------------------------------------------------------------
// Hostile queries

namespace {

// An index with many distinct words: 12,000 words starting with "a", so
// that "a*" passes the wildcard limit of 10,000.
class ManyWords {
 public:
  ManyWords() {
    const fs::path docs = tmp_ / "docs";
    for (int i = 0; i < 600; ++i) {
      std::string text = fmt::format("Japan and Finland talks {}\n\n{} June 2024. Minister Kihara said", i, 1 + i % 28);
      for (int k = 0; k < 20; ++k) text += fmt::format(" a{}x{}", i, k);
      text += ".\n";
      write_file(docs / fmt::format("w{:03d}.txt", i), text);
    }
    Done r = run_indexer(tmp_, {"--db", db_.string(), docs.string()});
    INFO(describe(r));
    REQUIRE(r.status == 0);
  }
  Done search(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db_.string(), "--format", "json"});
    return run_searcher(tmp_, args, 30);
  }
  const TempDir& tmp() const { return tmp_; }
  const fs::path& db() const { return db_; }

 private:
  TempDir tmp_;
  fs::path db_ = tmp_ / "db";
};

// Built once, for every section (removed at exit).
const ManyWords& many_words() {
  static ManyWords index;
  return index;
}

}  // namespace

TEST_CASE("hostile queries give a result or one clear error line, never a crash or a hang",
          "[robustness][queries]") {
  const ManyWords& index = many_words();
  SECTION("malformed, huge and strange query strings") {
  std::string big;
  while (big.size() < 100 * 1024) big += "japan finland ";
  std::string big_one_word(100 * 1024, 'q');
  std::string big_operators;
  while (big_operators.size() < 100 * 1024) big_operators += "( AND OR NOT \" NEAR ";
  std::vector<std::string> queries = {
      "\"unbalanced quote",
      "unbalanced\" quote\"\"\"",
      "(unbalanced",
      "unbalanced)",
      "((((((((((japan",
      "))))))))",
      "AND",
      "OR",
      "NOT",
      "NEAR",
      "XOR",
      "ADJ",
      "AND OR NOT NEAR",
      "japan AND",
      "OR japan",
      "NOT japan",
      "japan NEAR/3",
      "japan NEAR/999999999999 finland",
      "-",
      "+",
      "--",
      "\"\"",
      "''",
      "*",
      "**",
      "a*",
      "japan*",
      "*japan",
      "country:",
      "country:\"\"",
      "date:",
      "date:..",
      "date:2024..2023",
      "date:2024-02-30",
      "title:",
      "unknownfield:japan",
      "Country:Japan",
      "a:b:c:d",
      std::string("\x01\x02\x03\x1b[31mred\x7f", 10),
      "\t\r\v\f",
      "\xff\xfe\xfd",
      "\xc3",
      "japan \xe2\x80\x8b finland",  // zero-width space
      "日本 フィンランド",
      big,
      big_one_word,
      big_operators,
  };
  for (const std::string& q : queries) {
    Done r = index.search({"--", q});
    INFO("query (" << q.size() << " bytes): " << q.substr(0, 80));
    check_clean_outcome(r);
  }
  // Thousands of words: refused at once (Xapian's match would take tens
  // of seconds), saying why.
  Done r = index.search({"--", big});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "14630 words; a query may have at most 1000"));
  std::string thousand;
  for (int i = 0; i < 500; ++i) thousand += "japan finland ";
  CHECK(index.search({"--", thousand}).status == 0);
  }

  SECTION("a wildcard over too many words is a clear error") {
    Done r = index.search({"a*"});
    INFO(describe(r));
    CHECK(r.status == 2);
    CHECK(contains(r.err, "wildcard"));
  }
  SECTION("a narrow wildcard works") {
    Done r = index.search({"a12x*"});
    INFO(describe(r));
    CHECK(r.status == 0);
    CHECK(json::parse(r.out).at("total") == 1);
  }
  SECTION("unknown facet values match nothing, without an error, with a note naming them") {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"--country", "Atlantis"},
             {"--topic", "basket weaving"},
             {"--minister", "Nobody Atall"},
             {"--organisation", "SPECTRE"},
             {"--role", "chief wizard"},
             {"country:atlantis"},
             {"--party", "\xff\xfe"},
         }) {
      Done r = index.search(args);
      INFO(describe(r));
      CHECK(r.status == 1);
      CHECK(json::parse(r.out).at("total") == 0);
      // A filter flag's value, or a field's in the query, is named in one
      // note.
      REQUIRE(r.err_lines().size() == 1);
      CHECK(r.err.rfind("searcher: note: no briefing has ", 0) == 0);
    }
  }
  SECTION("impossible dates are bad requests (exit 2, one line naming the date)") {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"--since", "2024-13-45"},
             {"--until", "0000-00-00"},
             {"--since", "2024-02-30"},
             {"--since", "yesterday"},
             {"date:2024-13-45"},
             {"japan date:2024-13..2024-14"},
             {"--since", "2025", "--until", "2024"},
         }) {
      Done r = index.search(args);
      INFO(describe(r));
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      REQUIRE(r.err_lines().size() == 1);
      CHECK(r.err.rfind("searcher: ", 0) == 0);
    }
  }
  SECTION("huge limits and offsets") {
    json all = json::parse(index.search({"japan", "--limit", "0"}).out);
    const long total = all.at("total").get<long>();
    REQUIRE(total == 600);
    for (const char* limit : {"1000000", "4294967295", "4294967296", "18446744073709551615"}) {
      Done r = index.search({"japan", "--limit", limit, "--facets", "country"});
      INFO(describe(r));
      check_clean_outcome(r);
      if (r.status == 0) {
        CHECK(json::parse(r.out).at("results").size() == static_cast<size_t>(total));
      }
    }
    for (const char* offset : {"600", "1000000", "4294967295", "4294967296", "4294967297",
                                      "18446744073709551615"}) {
      Done r = index.search({"japan", "--offset", offset, "--limit", "5"});
      INFO(describe(r));
      check_clean_outcome(r);
      if (r.status == 0) {
        json j = json::parse(r.out);
        CHECK(j.at("total") == total);
        CHECK(j.at("results").empty());  // past the end: no page
      }
    }
    for (const char* bad : {"-1", "18446744073709551616", "ten", ""}) {
      Done r = index.search({"japan", "--limit", bad});
      INFO(describe(r));
      check_clean_outcome(r);
    }
  }
}
