#pragma once

// A generated fleet for the benchmarks: the same schema for the same
// arguments, so figures of different runs and builds compare.

#include "schema.h"

#include <QRandomGenerator>

namespace Portolan {

// 200 ranges of 100 ports from 20000 up; services mostly planned on their
// host, some drifted, some colliding, so every kind of bucket is exercised.
inline Schema generateFleet(int serviceCount, int hostCount, int rangeCount, bool withMetrics = false)
{
    Schema schema;
    QRandomGenerator random(42);
    for (int h = 0; h < hostCount; ++h)
        schema.hosts.append(Host{QStringLiteral("host-%1").arg(h), QStringLiteral("Host %1").arg(h),
                                 QStringLiteral("127.0.%1.%2").arg(h / 250).arg(h % 250 + 1), {}, {}, {}});
    for (int r = 0; r < rangeCount; ++r) {
        PortRange range;
        range.id = QStringLiteral("range-%1").arg(r);
        range.first = 20000 + r * 100;
        range.last = range.first + 99;
        range.title = QStringLiteral("Range %1").arg(r);
        schema.ranges.append(range);
    }
    schema.services.reserve(serviceCount);
    for (int i = 0; i < serviceCount; ++i) {
        Service s;
        s.id = QStringLiteral("svc-%1").arg(i);
        s.name = QStringLiteral("service-%1").arg(i);
        const int host = i % hostCount;
        s.hostId = schema.hosts.at(host).id;
        s.plannedHostId = s.hostId;
        // Each host gets its services spread over the ranges, one port each.
        const int slot = i / hostCount;
        s.plannedPort = 20000 + (slot * 37 + host) % (rangeCount * 100);
        s.actualPort = s.plannedPort;
        const int dice = random.bounded(100);
        if (dice < 3)
            s.actualPort = s.plannedPort + 1 + random.bounded(5); // drift, sometimes onto a neighbour
        else if (dice < 4)
            s.actualPort = 40000 + random.bounded(100); // unranged
        else if (dice < 5 && slot > 0)
            s.actualPort = 20000 + ((slot - 1) * 37 + host) % (rangeCount * 100); // the port of the host's previous service
        s.status = ServiceStatus::Deployed;
        s.rangeId = schema.ranges.at((s.plannedPort - 20000) / 100).id;
        if (withMetrics && i % 2 == 0) {
            s.metrics.enabled = true;
            s.metrics.path = QStringLiteral("/metrics");
        }
        schema.services.append(s);
    }
    return schema;
}

} // namespace Portolan
