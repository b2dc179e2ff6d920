#pragma once

namespace Portolan {

// Whether the process is confined in address space (ulimit -v): it then
// avoids what reserves address space it would hardly use (a second
// thread's malloc arena, heap padding).
bool addressSpaceLimited();

// Heap settings for documents of a fleet's size, made once at start by the
// application and by the benchmarks that stand in for it.
void tuneHeapForLargeDocuments();

} // namespace Portolan
