// heap_probe: calls heap_on_huge_pages (core/heap.h) first thing, as the
// searcher does, and says by its exit status what it finds wrong (0:
// nothing). A program of its own: the call changes how the whole process
// allocates, and a thread started before it keeps a heap of its own.
// Run by tests/heap_test.cpp.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "heap.h"

namespace {

// The smaps entry of the mapping holding `p`: its first line and fields.
std::string mapping_of(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  const uintptr_t at = reinterpret_cast<uintptr_t>(p);
  std::string line, entry;
  bool in = false;
  while (std::getline(smaps, line)) {
    unsigned long from = 0, to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (line.find(':') > line.find(' ') && head >> std::hex >> from >> dash >> to && dash == '-') {
      if (in) break;
      in = at >= from && at < to;
    }
    if (in) entry += line + "\n";
  }
  return entry;
}

// Whether the heap has a mapping of at least 8 MB where huge pages may be
// used.
bool heap_eligible() {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool heap = false;
  unsigned long size = 0;
  while (std::getline(smaps, line)) {
    if (line.find(':') > line.find(' ')) heap = line.find("[heap]") != std::string::npos;
    if (!heap) continue;
    if (line.rfind("Size:", 0) == 0) size = std::strtoul(line.c_str() + 5, nullptr, 10);
    if (line.rfind("THPeligible:", 0) == 0 && std::strtol(line.c_str() + 12, nullptr, 10) == 1 && size >= 8192)
      return true;
  }
  return false;
}

bool huge_pages_possible() {
  std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(f, modes);
  return !modes.empty() && modes.find("[never]") == std::string::npos;
}

// What the process finds wrong, as its exit status: 0 nothing.
int check() {
  if (!briefing::heap_can_use_huge_pages()) return 0;  // a sanitizer's allocator: not glibc's heap
  briefing::heap_on_huge_pages(16ul << 20);
  // A block of 1 MB (past glibc's usual 128 KB mapping threshold) comes
  // from the heap, as does a thread's.
  void* big = std::malloc(1 << 20);
  if (!big) return 10;
  static_cast<char*>(big)[0] = 1;
  void* small = nullptr;
  std::thread([&] { small = std::malloc(4000); }).join();
  int status = 0;
  if (mapping_of(big).find("[heap]") == std::string::npos) status = 11;
  else if (!small || mapping_of(small).find("[heap]") == std::string::npos) status = 12;
  // The heap where blocks are handed out may have huge pages.
  // (A block may come from memory freed before the call, below the huge
  // pages: the heap above it is looked at, where the next blocks come from
  // once that is used.)
  else if (huge_pages_possible() && !heap_eligible()) status = 13;
  std::free(small);
  std::free(big);
  return status;
}

}  // namespace

int main() { return check(); }
