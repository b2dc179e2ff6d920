#include "portallocator.h"

#include <vector>

namespace Portolan {

int nextFreePort(const Schema &schema, const QString &rangeId, const QString &hostId)
{
    const PortRange *range = schema.range(rangeId);
    if (!range || range->first > range->last || !isValidPort(range->first))
        return 0;
    const int first = range->first;
    const int last = qMin(range->last, 65535);
    std::vector<bool> taken(size_t(last - first + 1), false);
    auto take = [&](int port) {
        if (port >= first && port <= last)
            taken[size_t(port - first)] = true;
    };
    for (const Service &s : schema.services) {
        take(s.plannedPort);
        if (hostId.isEmpty() || s.hostId == hostId)
            take(s.actualPort);
    }
    for (const Reservation &r : schema.reservations) {
        if (r.rangeId.isEmpty() || r.rangeId == rangeId) {
            for (int p = qMax(r.first, first); p <= qMin(r.last, last); ++p)
                take(p);
        }
    }
    // A nested range owns its ports: 5050 belongs to "Playground" even though
    // "Web Frontends" spans 5000-5059.
    for (const PortRange &other : schema.ranges) {
        if (other.id != rangeId && other.size() < range->size()) {
            for (int p = qMax(other.first, first); p <= qMin(other.last, last); ++p)
                take(p);
        }
    }
    for (int p = first; p <= last; ++p) {
        if (!taken[size_t(p - first)])
            return p;
    }
    return 0;
}

} // namespace Portolan
