// heap_on_huge_pages (core/heap.h), checked by tests/heap_probe.cpp in a
// process of its own.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

TEST_CASE("heap_on_huge_pages: big blocks and threads' blocks from a heap that may have huge pages", "[heap]") {
  const int status = std::system(HEAP_PROBE);
  REQUIRE(status != -1);
  REQUIRE(WIFEXITED(status));
  INFO("10: no block, 11: a 1 MB block not in [heap], 12: a thread's block not in [heap], 13: heap not eligible");
  CHECK(WEXITSTATUS(status) == 0);
}
