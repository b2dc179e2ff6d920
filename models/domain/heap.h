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
// transparent huge pages in "madvise" mode), and only once a process
// allowed them; nothing otherwise.
void adviseHugePages(const void *data, size_t bytes);

// Huge pages suit a command that reads a fleet's files once and ends (a
// tenth of a diff's time); a window does without them: making a huge page
// can have the kernel compact memory first, which held up File > Open of a
// fleet by 50-100 ms.
void allowHugePages(bool allowed);

} // namespace Portolan
