#include "heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

// Built with AddressSanitizer or ThreadSanitizer, whose own allocators
// replace glibc's: nothing to do.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BRIEFING_OWN_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define BRIEFING_OWN_ALLOCATOR 1
#endif
#endif

namespace briefing {

bool heap_can_use_huge_pages() {
#ifdef BRIEFING_OWN_ALLOCATOR
  return false;
#else
  return true;
#endif
}

void heap_on_huge_pages(unsigned long bytes) {
  if (!heap_can_use_huge_pages()) return;
  constexpr uintptr_t kHuge = 2u << 20;
  const int pad = static_cast<int>(bytes);
  // Blocks up to `bytes` from the heap (glibc maps larger ones apart, a
  // page fault each page, and unmaps them when freed); the heap grown by
  // `bytes` at a time and not given back below twice that; threads
  // allocate from it too (not from heaps of their own).
  mallopt(M_MMAP_THRESHOLD, pad);
  mallopt(M_TOP_PAD, pad);
  mallopt(M_TRIM_THRESHOLD, 2 * pad);
  mallopt(M_ARENA_MAX, 1);
  // A block larger than what is left at the top makes the heap grow now.
  void* grow = std::malloc(kHuge);
  asm volatile("" : : "r"(grow) : "memory");  // (not to be optimised away with the free below)
  const uintptr_t at = reinterpret_cast<uintptr_t>(grow);
  const uintptr_t end = reinterpret_cast<uintptr_t>(sbrk(0));
  std::free(grow);
  // The first huge page boundary in the heap, past the page that the
  // free above wrote to (a page touched before madvise has its 2 MB
  // mapped in small pages): everything below it is never handed out (it
  // stays untouched, so costs nothing), the blocks come from huge pages.
  const uintptr_t from = ((at + kHuge - 1) & ~(kHuge - 1)) + kHuge;
  if (grow == nullptr || end <= from + kHuge) return;
  if (madvise(reinterpret_cast<void*>(from), end - from, MADV_HUGEPAGE) != 0) return;
  void* below = std::malloc(from - at - 64);
  asm volatile("" : : "r"(below) : "memory");
}

}  // namespace briefing
