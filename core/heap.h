#pragma once
// The heap of a short-lived process on transparent huge pages.
//
// On the machines this is measured on (a Firecracker VM), the first touch
// of a 4 KB page costs about 10 us, and one search as its own process
// touches some 450 fresh pages of heap (Xapian's blocks, the facet
// column's buffers, the count tables, on three threads): 4 ms of a 25 ms
// search at 200,000 briefings. A 2 MB
// huge page costs about 150 us to fault in, whole. (Where the kernel has
// no free huge page it either falls back to small pages or, with
// /sys/kernel/mm/transparent_hugepage/defrag at "madvise", compacts
// memory first; on a machine with memory to spare it has them.)
namespace briefing {

// Grows the main heap by `bytes` now (and by as much again whenever it
// grows), asks the kernel for huge pages over it (madvise MADV_HUGEPAGE;
// a no-op where transparent huge pages are off), and has allocations up
// to `bytes` served from that heap, not mapped one by one. Call first
// thing in main(); pages are only faulted in when touched.
void heap_on_huge_pages(unsigned long bytes);

// False in a build whose allocator is a sanitizer's (heap_on_huge_pages
// then does nothing).
bool heap_can_use_huge_pages();

}  // namespace briefing
