// The walk's compact file list: paths back as given, repeats dropped, a
// deterministic order, folders stored once.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "file_list.h"

using namespace briefing;

TEST_CASE("the file list gives back every path once, folder by folder", "[index]") {
  FileList list;
  const std::vector<std::string> paths{"/c/b/2.txt", "/c/a.txt", "/c/b/1.txt", "/c/a.txt",  // a repeat
                                       "/c/b-c.txt", "/c/b0.txt", "/d/ü é.md", "/c/b/1.txt", "/top.txt"};
  for (size_t i = 0; i < paths.size(); ++i) list.add(paths[i], 100 + i, 1000 + static_cast<int64_t>(i));
  list.sort_unique();
  std::vector<std::string> got;
  for (const FileList::File& f : list.files()) got.push_back(list.path(f));
  CHECK(got == std::vector<std::string>{"/top.txt", "/c/a.txt", "/c/b-c.txt", "/c/b0.txt", "/c/b/1.txt",
                                        "/c/b/2.txt", "/d/ü é.md"});
  // Size and time stay with their file (the first of a repeat).
  for (const FileList::File& f : list.files())
    if (list.path(f) == "/c/a.txt") CHECK(FileList::signature(f) == "101:1001");
}
