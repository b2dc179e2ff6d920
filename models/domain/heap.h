#pragma once

#include <cstddef>

namespace Portolan {

// Whether the process is confined in address space (ulimit -v): it then
// avoids what reserves address space it would hardly use (a second
// thread's malloc arena, heap padding).
bool addressSpaceLimited();

// Heap settings for documents of a fleet's size, made once at start by the
// application and by the benchmarks that stand in for it.
void tuneHeapForLargeDocuments();

// Asks for huge pages under a large block that is about to be filled (a
// fleet's list of services): one page fault per 2 MB instead of per 4 KB.
// Only where the system leaves huge pages to the program (Linux's
// transparent huge pages in "madvise" mode); nothing otherwise.
void adviseHugePages(const void *data, size_t bytes);

} // namespace Portolan
