#include "heap.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

#include <atomic>
#include <cstdint>

namespace Portolan {

bool addressSpaceLimited()
{
#ifdef Q_OS_UNIX
    rlimit limit;
    return getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY;
#else
    return false;
#endif
}

void tuneHeapForLargeDocuments()
{
#ifdef __GLIBC__
    // A fleet's plan is read into a few hundred megabytes of small pieces
    // (texts, nodes, index entries). glibc grows the heap, and each thread's
    // arena, only as far as the allocation at hand needs, so reading and
    // analyzing 100,000 services made some nine thousand mprotect calls and
    // gave back pages that the next step faulted in again. Growing and
    // trimming by 64 MB takes about 40 % off a diff's system time. A
    // confined process keeps glibc's frugal default: the padding would
    // count against its limit.
    if (!addressSpaceLimited())
        mallopt(M_TOP_PAD, 64 << 20);
#endif
}

static std::atomic<bool> hugePagesAllowed = false;

void allowHugePages(bool allowed)
{
    hugePagesAllowed = allowed;
}

void adviseHugePages(const void *data, size_t bytes)
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    if (!hugePagesAllowed)
        return;
    // Smaller blocks are not worth a system call; the huge pages inside the
    // block are the whole 2 MB steps between its ends.
    constexpr uintptr_t HugePage = uintptr_t(2) << 20;
    if (bytes < 4 * HugePage)
        return;
    const uintptr_t begin = (uintptr_t(data) + HugePage - 1) & ~(HugePage - 1);
    const uintptr_t end = (uintptr_t(data) + bytes) & ~(HugePage - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

} // namespace Portolan
