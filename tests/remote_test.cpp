// Shards and Xapian's remote backend: one database, the same documents in
// two shards, and those shards served by xapian-tcpsrv give the same
// results, ranking and exact facet counts.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "e2e_support.h"

extern char** environ;

using namespace e2e;
using json = nlohmann::json;

namespace {

// A port nobody listens on now, on the loopback interface.
int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  close(fd);
  return ntohs(addr.sin_port);
}

bool accepting(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// xapian-tcpsrv serving `dbs` on 127.0.0.1 until destroyed.
class Server {
 public:
  Server(int port, const std::vector<std::string>& dbs) {
    std::vector<std::string> args = {"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                                     std::to_string(port)};
    args.insert(args.end(), dbs.begin(), dbs.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // A process group of its own: on SIGTERM the server signals its group.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    int rc = posix_spawnp(&pid_, "xapian-tcpsrv", nullptr, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    REQUIRE(rc == 0);
    for (int i = 0; i < 100 && !accepting(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(accepting(port));
  }
  ~Server() {
    kill(-pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }

 private:
  pid_t pid_ = 0;
};

}  // namespace

TEST_CASE("one database, two shards and two remote shards answer alike", "[e2e][shards][remote]") {
  TempDir t;
  const std::string corpus = std::string(CORPUS_DIR);
  Run single = run(t, INDEXER_BIN, {"--db", (t / "single").string(), corpus});
  REQUIRE(single.status == 0);
  Run sharded = run(t, INDEXER_BIN, {"--db", (t / "sharded").string(), "--shards", "2", "--jobs", "2", corpus});
  REQUIRE(sharded.status == 0);
  Run parallel = run(t, INDEXER_BIN, {"--db", (t / "parallel").string(), "--jobs", "2", corpus});
  REQUIRE(parallel.status == 0);
  CHECK(fs::exists(t / "sharded" / "XAPIANDB"));
  CHECK(fs::exists(t / "parallel" / "iamglass"));  // one database, compacted

  // A re-run keeps the shard count and finds nothing to do.
  Run again = run(t, INDEXER_BIN, {"--db", (t / "sharded").string(), corpus});
  CHECK(again.out.find("0 added, 0 updated, 48 unchanged") != std::string::npos);
  Run wrong = run(t, INDEXER_BIN, {"--db", (t / "sharded").string(), "--shards", "3", corpus});
  CHECK(wrong.status == 2);
  CHECK(wrong.err.find("2 shards") != std::string::npos);

  int port = free_port();
  Server server(port, {(t / "sharded" / "shard-000").string(), (t / "sharded" / "shard-001").string()});
  const std::string remote = "tcp://127.0.0.1:" + std::to_string(port);

  const std::vector<std::vector<std::string>> queries = {
      {"hybrid", "threats"},
      {"--country", "japan", "--topic", "missile", "--sort", "newest"},
      {"--multi-select", "--country", "japan,finland", "--timeline", "month", "defence"},
      {"minister:kihara OR minister:marles", "--limit", "20"},
      {"--since", "2024-06", "--sort", "oldest", "--limit", "0"},
  };
  for (const auto& q : queries) {
    std::vector<std::string> args = {"--format", "json"};
    args.insert(args.end(), q.begin(), q.end());
    auto with_db = [&](const std::string& db) {
      std::vector<std::string> a = {"--db", db};
      a.insert(a.end(), args.begin(), args.end());
      return run(t, SEARCHER_BIN, a);
    };
    Run one = with_db((t / "single").string());
    INFO(one.out.substr(0, 200));
    REQUIRE(one.status == 0);
    auto total = json::parse(one.out)["total"].get<int>();
    CHECK(total > 0);
    CHECK(with_db((t / "parallel").string()).out == one.out);
    CHECK(with_db((t / "sharded").string()).out == one.out);
    Run far = with_db(remote);
    CHECK(far.status == 0);
    CHECK(far.out == one.out);
  }
  // "More like this" chooses its words by the term frequencies of every
  // shard, as one database does.
  for (const char* file : {"kallas-orpo-tallinn.txt", "nato-defence-ministers-june-2024.md"}) {
    const std::string path = (fs::path(corpus) / file).string();
    auto similar = [&](const std::string& db) {
      return run(t, SEARCHER_BIN, {"--db", db, "--similar", path, "-f", "paths", "-n", "0"}).out;
    };
    INFO(file);
    CHECK(!similar((t / "single").string()).empty());
    CHECK(similar((t / "sharded").string()) == similar((t / "single").string()));
  }
  // Facet lists work remotely too.
  CHECK(run(t, SEARCHER_BIN, {"--db", remote, "--list", "minister", "--match", "hakk"}).out ==
        run(t, SEARCHER_BIN, {"--db", (t / "single").string(), "--list", "minister", "--match", "hakk"}).out);
  // And a server that is not there is a clear error.
  Run gone = run(t, SEARCHER_BIN, {"--db", "tcp://127.0.0.1:1", "japan"});
  CHECK(gone.status == 2);
  CHECK(gone.err.rfind("searcher: ", 0) == 0);
}

TEST_CASE("batch mode answers one query a line with the same flags", "[e2e][batch]") {
  TempDir t;
  REQUIRE(run(t, INDEXER_BIN, {"--db", (t / "db").string(), std::string(CORPUS_DIR)}).status == 0);
  write_file(t / "queries.txt", "hybrid threats\n\nminister:kihara\nzzzqqqx\n");
  Run batch = run(t, SEARCHER_BIN, {"--db", (t / "db").string(), "--batch", (t / "queries.txt").string(),
                                    "--format", "json", "--country", "japan"});
  REQUIRE(batch.status == 0);
  auto lines = batch.out_lines();
  REQUIRE(lines.size() == 3);  // the blank line is skipped
  for (size_t i = 0; i < lines.size(); ++i) {
    const char* queries[] = {"hybrid threats", "minister:kihara", "zzzqqqx"};
    json one = json::parse(lines[i]);
    CHECK(one["query"] == queries[i]);
    // The same answer as a single search with the same flags.
    Run single = run(t, SEARCHER_BIN, {"--db", (t / "db").string(), "--format", "json", "--country", "japan",
                                       queries[i]});
    CHECK(json::parse(single.out) == one);
  }
  CHECK(json::parse(lines[2])["total"] == 0);
  write_file(t / "bad.txt", "date:2024-13\njapan\n");
  Run bad = run(t, SEARCHER_BIN, {"--db", (t / "db").string(), "--batch", (t / "bad.txt").string(), "--format",
                                  "json"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("bad.txt:1:") != std::string::npos);
  // the bad query answered by an error line, the good one still answered
  REQUIRE(bad.out_lines().size() == 2);
  CHECK(json::parse(bad.out_lines()[0]).at("error").get<std::string>().find("2024-13") != std::string::npos);
  CHECK(json::parse(bad.out_lines()[1]).at("query") == "japan");
}
