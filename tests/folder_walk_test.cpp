// The walk: every briefing file once, in the byte order of full paths,
// one at a time; hidden entries, links to folders and unknown formats left
// out; problems reported; inputs inside other inputs walked once.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "folder_walk.h"

using namespace briefing;
namespace fs = std::filesystem;

namespace {

struct Scratch {
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "briefing-walk-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    root = fs::canonical(tmpl).string();
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string write(const std::string& rel, const std::string& text) {
    fs::path p = fs::path(root) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string root;
};

struct Seen {
  std::vector<WalkedFile> files;
  std::vector<std::string> problems;  // path: reason
  size_t skipped = 0;
  WalkEvents events() {
    WalkEvents e;
    e.file = [this](WalkedFile&& f) { files.push_back(std::move(f)); };
    e.problem = [this](const std::string& path, const std::string& reason) { problems.push_back(path + ": " + reason); };
    e.skipped = [this](const std::string&) { ++skipped; };
    return e;
  }
  std::vector<std::string> paths() const {
    std::vector<std::string> p;
    for (const WalkedFile& f : files) p.push_back(f.path);
    return p;
  }
};

}  // namespace

TEST_CASE("the walk gives each briefing file once, in byte order of the full paths", "[index]") {
  Scratch s;
  const std::string r = s.root;
  for (const char* rel : {"a/x.md", "a.md", "a-b/y.md", "a/b/z.txt", "B.md", "é/ü é.md", "a0.md"}) s.write(rel, "text");
  s.write(".hidden/h.md", "text");
  s.write("a/.h.md", "text");
  s.write("notes.xyz", "not a briefing");
  s.write("page", "<!DOCTYPE html><html><body><p>By its content</p></body></html>");
  fs::create_directory_symlink(r + "/a", r + "/link-to-a");  // not followed
  fs::create_symlink(r + "/nowhere.md", r + "/dead.md");

  Seen seen;
  std::vector<WalkRoot> roots = resolve_roots({r}, seen.events());
  REQUIRE(roots.size() == 1);
  CHECK(roots[0].folder);
  CHECK(roots[0].scope() == r + "/");
  walk_files(roots[0], seen.events());

  std::vector<std::string> want;
  for (const char* rel : {"a/x.md", "a.md", "a-b/y.md", "a/b/z.txt", "B.md", "é/ü é.md", "a0.md", "page"})
    want.push_back(r + "/" + rel);
  std::sort(want.begin(), want.end());
  CHECK(seen.paths() == want);
  CHECK(seen.skipped == 1);
  CHECK(seen.problems == std::vector<std::string>{r + "/dead.md: dangling symbolic link"});
  for (const WalkedFile& f : seen.files)
    if (f.path == r + "/a.md") CHECK(f.signature() == "4:" + std::to_string(f.mtime) + ":" + std::to_string(f.ctime));
  // By extension, nothing opened: the dangling link is counted, the HTML
  // page without an extension is not.
  CHECK(count_files(roots[0]) == 8);
}

TEST_CASE("inputs inside other inputs are walked once; unusable ones are reported", "[index]") {
  Scratch s;
  const std::string a = s.write("sub/a.md", "text");
  s.write("b.md", "text");
  Seen seen;
  std::vector<WalkRoot> roots =
      resolve_roots({a, s.root + "/sub", s.root, s.root + "/./sub/../b.md", s.root, s.root + "/missing"}, seen.events());
  REQUIRE(roots.size() == 1);
  CHECK(roots[0].path == s.root);
  REQUIRE(seen.problems.size() == 1);
  CHECK(seen.problems[0].rfind(s.root + "/missing: ", 0) == 0);

  roots = resolve_roots({a, a, s.root + "/b.md"}, seen.events());
  REQUIRE(roots.size() == 2);
  CHECK(!roots[0].folder);
  CHECK(roots[0].scope() == a);
  walk_files(roots[0], seen.events());
  CHECK(seen.paths() == std::vector<std::string>{a});
}

TEST_CASE("a Xapian database kept among the briefings is not walked", "[index]") {
  Scratch s;
  const std::string r = s.root;
  s.write("a.md", "text");
  s.write("db/iamglass", "x");
  s.write("db/postlist.glass", "x");
  s.write("sharded/XAPIANDB", "auto shard-000\n");
  s.write("sharded/shard-000/iamglass", "x");
  s.write("sharded/notes.md", "text");  // (inside a database's folder: none of ours)
  Seen seen;
  std::vector<WalkRoot> roots = resolve_roots({r}, seen.events());
  REQUIRE(roots.size() == 1);
  walk_files(roots[0], seen.events());
  CHECK(seen.paths() == std::vector<std::string>{r + "/a.md"});
  CHECK(seen.skipped == 0);
  CHECK(seen.problems.empty());
}
