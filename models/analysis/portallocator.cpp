#include "portallocator.h"

#include <QList>

#include <algorithm>
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

PortProposal proposePort(const Schema &schema, const QString &rangeId, const QString &hostId)
{
    PortProposal proposal;
    proposal.rangeId = rangeId;
    proposal.port = nextFreePort(schema, rangeId, hostId);
    if (proposal.port > 0 || !schema.range(rangeId))
        return proposal;
    proposal.rangeFull = true;
    QList<const PortRange *> ranges;
    for (const PortRange &r : schema.ranges)
        ranges.append(&r);
    std::stable_sort(ranges.begin(), ranges.end(),
                     [](const PortRange *a, const PortRange *b) { return a->first < b->first; });
    for (const PortRange *r : std::as_const(ranges)) {
        if (r->id == rangeId)
            continue;
        if (const int port = nextFreePort(schema, r->id, hostId)) {
            proposal.port = port;
            proposal.rangeId = r->id;
            return proposal;
        }
    }
    proposal.rangeId.clear();
    return proposal;
}

} // namespace Portolan
