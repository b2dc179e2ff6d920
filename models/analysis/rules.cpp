#include "analyzer_p.h"

namespace Portolan {

// The rules of the groups get their group from the live indexes.
void Analyzer::Private::evaluate(quint64 slot, QList<Finding> &out) const
{
    const quint64 key = valueOf(slot);
    switch (kindOf(slot)) {
    case HostSlot: evaluateHost(slot, group(byHostPort, key), out); break;
    case PlanSlot: evaluatePlan(slot, group(byPlanned, key), out); break;
    case LatentSlot: evaluateLatent(slot, group(byActual, key), group(byPlanned, key), out); break;
    case ServiceSlot: evaluateService(slot, out); break;
    case NameSlot: evaluateName(slot, group(byName, key), out); break;
    case RangeSlot: evaluateRange(slot, out); break;
    case OverlapSlot: evaluateOverlap(slot, out); break;
    case ReferenceSlot: evaluateReference(slot, out); break;
    }
}

// An index's group in document order, so messages do not depend on the
// history of edits. Rows are looked up once per handle.
QList<int> Analyzer::Private::group(const HandleIndex &index, quint64 key) const
{
    const QList<int> handles = index.values(key);
    if (handles.size() < 2)
        return handles;
    QList<std::pair<int, int>> rows;
    rows.reserve(handles.size());
    for (int h : handles)
        rows.append({rowOf(h), h});
    std::sort(rows.begin(), rows.end());
    QList<int> result;
    result.reserve(rows.size());
    for (const auto &row : std::as_const(rows))
        result.append(row.second);
    return result;
}

// The services and entries of a group, then (once those arrived) the
// texts the latent-collision rule reads.
void Analyzer::Private::prefetchServices(std::span<const int> group) const
{
    for (int h : group) {
        const Service &s = service(h);
        __builtin_prefetch(&s);
        __builtin_prefetch(&entries.at(h));
    }
}

void Analyzer::Private::prefetchTexts(std::span<const int> group) const
{
    for (int h : group) {
        const Service &s = service(h);
        __builtin_prefetch(s.id.constData());
        __builtin_prefetch(s.name.constData());
    }
}

void Analyzer::Private::prefetchBucket(quint64 slot) const
{
    const quint64 key = valueOf(slot);
    const auto prefetch = [this](int h) {
        __builtin_prefetch(&service(h));
        __builtin_prefetch(&entries.at(h));
    };
    switch (kindOf(slot)) {
    case HostSlot: byHostPort.forEachValue(key, prefetch); break;
    case PlanSlot: byPlanned.forEachValue(key, prefetch); break;
    case LatentSlot:
        byActual.forEachValue(key, prefetch);
        byPlanned.forEachValue(key, prefetch);
        break;
    case NameSlot: byName.forEachValue(key, prefetch); break;
    case ServiceSlot:
        if (key < quint64(entries.size()) && entries.at(int(key)).alive)
            prefetch(int(key));
        break;
    default: break;
    }
}

// The evaluations of groups take them in row order.
void Analyzer::Private::evaluateHost(quint64 slot, std::span<const int> group, QList<Finding> &out) const
{
    if (group.size() < 2)
        return;
    const QList<int> hits = colliding(group, [this](int a, int b) {
        return bindsOverlap(service(a).bindAddress, service(b).bindAddress) && !areAlternatives(service(a), service(b));
    });
    if (hits.size() < 2)
        return;
    const Service &first = service(hits.first());
    QStringList ids, names;
    ids.reserve(hits.size());
    names.reserve(hits.size());
    SourceLocation origin;
    for (int h : hits) {
        const Service &s = service(h);
        ids.append(s.id);
        names.append(named(s));
        if (!origin.isValid() && s.origin.isValid())
            origin = s.origin;
    }
    add(out, slot, QStringLiteral("host-collision"),
        tr("Port %1 on %2 is used by %3")
            .arg(portLabel(first.protocol, first.actualPort), hostName(first.hostId), joinNames(names)),
        ids, {first.hostId}, {first.actualPort}, origin);
}

void Analyzer::Private::evaluatePlan(quint64 slot, std::span<const int> group, QList<Finding> &out) const
{
    if (group.size() < 2)
        return;
    // A plan scope is the planned host; a service planned for no host
    // belongs to the whole plan and so meets every scope.
    const QList<int> hits = colliding(group, [this](int a, int b) {
        const int ha = entries.at(a).plannedHost, hb = entries.at(b).plannedHost;
        return ha < 0 || hb < 0 || ha == hb;
    });
    if (hits.size() < 2)
        return;
    const Service &first = service(hits.first());
    QStringList ids, names, hosts;
    ids.reserve(hits.size());
    names.reserve(hits.size());
    for (int h : hits) {
        const Service &s = service(h);
        ids.append(s.id);
        names.append(s.name);
        if (!s.plannedHostId.isEmpty() && !hosts.contains(s.plannedHostId))
            hosts.append(s.plannedHostId);
    }
    add(out, slot, QStringLiteral("plan-collision"),
        tr("Planned port %1 is given to %2").arg(portLabel(first.protocol, first.plannedPort), joinNames(names)),
        ids, hosts, {first.plannedPort});
}

void Analyzer::Private::evaluateLatent(quint64 slot, std::span<const int> actual, std::span<const int> planned,
                    QList<Finding> &out) const
{
    const quint64 key = valueOf(slot);
    const int port = int(key & 0xffff);
    const Protocol protocol = (key >> 16) ? Protocol::Udp : Protocol::Tcp;
    const QString label = portLabel(protocol, port);

    // Both kinds of finding name every service that runs on the port
    // today, with its host; made once, when the first finding needs them.
    QStringList holderIds, holderHosts;
    TextBuilder holders;
    const auto describeHolders = [&] {
        if (!holderIds.isEmpty())
            return; // made already
        holderIds.reserve(actual.size());
        holderHosts.reserve(actual.size());
        QVarLengthArray<int, 32> hostsSeen;
        for (int h : actual) {
            const Service &s = service(h);
            holderIds.append(s.id);
            // The host's own copy of the id: the same text, but at hand.
            const int host = entries.at(h).host;
            if (!hostsSeen.contains(host)) {
                hostsSeen.append(host);
                holderHosts.append(schema->hosts.at(host).id);
            }
        }
        appendNames(holders, qsizetype(actual.size()), [&](TextBuilder &text, qsizetype i) {
            const Service &s = service(actual[i]);
            onHostTemplate.appendTo(text, s.name, hostName(entries.at(actual[i]).host, s.hostId));
        });
    };

    // Same port on different hosts: fine today, a collision once the two
    // meet on one host. One service deployed on many hosts (an exporter
    // everywhere) is a pattern, not a risk, so it takes two names.
    if (actual.size() > 1) {
        const Entry &first = entries.at(actual.front());
        const QString &firstName = service(actual.front()).name;
        bool manyHosts = false, manyNames = false;
        for (int h : actual) {
            manyHosts = manyHosts || entries.at(h).host != first.host;
            manyNames = manyNames || service(h).name != firstName;
        }
        if (manyHosts && manyNames) {
            describeHolders();
            TextBuilder message;
            usedByTemplate.appendTo(message, label, holders);
            add(out, slot, QStringLiteral("latent-collision"), message.toString(), holderIds, holderHosts, {port});
        }
    }

    // One service's actual port is another's planned port: executing the
    // plan would put them on the same port.
    if (!actual.empty() && !planned.empty()) {
        // A service planned here but running elsewhere would move onto
        // every service that runs here today (it is not among them: its
        // own actual port differs), so the lists are simply both sides.
        QStringList ids, planners;
        for (int p : planned) {
            if (entries.at(p).latentActual == port)
                continue; // already there: nothing would move
            if (ids.isEmpty()) {
                ids.reserve(qsizetype(planned.size() + actual.size())); // the holders join them below
                planners.reserve(qsizetype(planned.size()));
            }
            const Service &sp = service(p);
            ids.append(sp.id);
            planners.append(sp.name);
        }
        if (!planners.isEmpty()) {
            describeHolders();
            TextBuilder message;
            const auto plannerNames = [&](TextBuilder &text) {
                appendNames(text, planners.size(), [&](TextBuilder &name, qsizetype i) { name += planners.at(i); });
            };
            plannedForTemplate.appendTo(message, label, plannerNames, holders);
            ids += holderIds;
            add(out, slot, QStringLiteral("latent-collision"), message.toString(), std::move(ids), holderHosts,
                {port});
        }
    }
}

void Analyzer::Private::evaluateName(quint64 slot, std::span<const int> sorted, QList<Finding> &out) const
{
    if (sorted.size() < 2)
        return;
    // The bucket holds one host's services whose names hash alike; group
    // them by the name itself.
    QList<bool> done(sorted.size(), false);
    for (qsizetype i = 0; i < qsizetype(sorted.size()); ++i) {
        if (done.at(i))
            continue;
        const Service &first = service(sorted[i]);
        QStringList ids{first.id};
        for (qsizetype j = i + 1; j < qsizetype(sorted.size()); ++j) {
            const Service &other = service(sorted[j]);
            if (!done.at(j) && other.name == first.name) {
                done[j] = true;
                ids.append(other.id);
            }
        }
        if (ids.size() < 2)
            continue;
        const QString message = first.hostId.isEmpty()
            ? tr("%n services without a host are named %1", nullptr, int(ids.size())).arg(first.name)
            : tr("%n services on %1 are named %2", nullptr, int(ids.size())).arg(hostName(first.hostId), first.name);
        add(out, slot, QStringLiteral("duplicate-name"), message, ids,
            first.hostId.isEmpty() ? QStringList() : QStringList{first.hostId}, {});
    }
}

void Analyzer::Private::evaluateService(quint64 slot, QList<Finding> &out) const
{
    const int handle = int(valueOf(slot));
    if (handle >= entries.size() || !entries.at(handle).alive)
        return;
    const Service &s = service(handle);
    // Built only when a finding needs them: most services have none.
    const auto ids = [&s] { return QStringList{s.id}; };
    const auto hosts = [&s] { return s.hostId.isEmpty() ? QStringList() : QStringList{s.hostId}; };

    const int ports[] = {s.plannedPort, s.actualPort, s.containerPort, s.metrics.port};
    for (int i = 0; i < 4; ++i) {
        if (ports[i] == 0 || isValidPort(ports[i]))
            continue;
        const QString what = i == 0 ? tr("planned port")
            : i == 1                ? tr("actual port")
            : i == 2                ? tr("container port")
                                    : tr("metrics port");
        add(out, slot, QStringLiteral("invalid-port"),
            tr("%1 has %2 %3, outside 1-65535").arg(s.name, what).arg(ports[i]), ids(), hosts(), {ports[i]});
    }

    const PortRange *declared = s.rangeId.isEmpty() ? nullptr : rangeById(s.rangeId);
    const int rangePort = s.plannedPort > 0 ? s.plannedPort : s.actualPort;
    if (isValidPort(rangePort) && s.status != ServiceStatus::Retired) {
        if (declared && !declared->contains(rangePort)) {
            add(out, slot, QStringLiteral("out-of-range"),
                tr("%1 is listed under %2 %3 but has port %4")
                    .arg(s.name, declared->label(), declared->title)
                    .arg(rangePort),
                ids(), hosts(), {rangePort});
        } else if (!declared && narrowestRange.at(rangePort) < 0) {
            add(out, slot, QStringLiteral("unranged"),
                format(unrangedTemplate, s.name, QString::number(rangePort)), ids(), hosts(), {rangePort});
        }
    }

    if (s.status != ServiceStatus::Retired) {
        QList<int> reservedPorts;
        for (int port : {s.plannedPort, s.actualPort}) {
            if (isValidPort(port) && reservedPort.at(port) && !reservedPorts.contains(port))
                reservedPorts.append(port);
        }
        for (int port : std::as_const(reservedPorts)) {
            const Reservation *r = schema->reservationAt(port);
            add(out, slot, QStringLiteral("reserved"),
                tr("%1 uses port %2, reserved (%3)").arg(s.name).arg(port).arg(r ? r->label() : QString()), ids(),
                hosts(), {port});
        }
    }

    if (s.plannedPort > 0 && s.actualPort > 0 && s.plannedPort != s.actualPort) {
        add(out, slot, QStringLiteral("drift"),
            format(runsButPlannedTemplate, s.name, QString::number(s.actualPort), QString::number(s.plannedPort)),
            ids(), hosts(), {s.plannedPort, s.actualPort});
    }
    if (!s.plannedHostId.isEmpty() && !s.hostId.isEmpty() && s.plannedHostId != s.hostId) {
        add(out, slot, QStringLiteral("drift"),
            format(runsButPlannedTemplate, s.name, hostName(s.hostId), hostName(s.plannedHostId)), ids(),
            {s.hostId, s.plannedHostId}, {});
    }

    if (s.undocumented) {
        add(out, slot, QStringLiteral("undocumented"),
            s.origin.isValid() ? format(undocumentedTemplate, s.name, s.origin.toString())
                               : tr("%1 runs but is not in the plan").arg(s.name),
            ids(), hosts(), {s.actualPort}, s.origin);
    }

    if (s.metrics.enabled && s.metrics.port > 0) {
        const int expected = s.containerPort > 0 ? s.containerPort : s.actualPort > 0 ? s.actualPort : s.plannedPort;
        if (expected > 0 && s.metrics.port != expected) {
            add(out, slot, QStringLiteral("metrics-port-mismatch"),
                tr("%1 is scraped on port %2 but listens on %3").arg(s.name).arg(s.metrics.port).arg(expected),
                ids(), hosts(), {s.metrics.port, expected}, s.metrics.origin);
        }
    }

    if (!s.counterpartId.isEmpty() && s.plannedPort > 0) {
        const int backendHandle = handleFor(s.counterpartId);
        if (backendHandle >= 0) {
            const Service &backend = service(backendHandle);
            if (backend.plannedPort > 0 && backend.plannedPort % 10 != s.plannedPort % 10) {
                add(out, slot, QStringLiteral("pairing-digits"),
                    tr("%1 (%2) and its backend %3 (%4) don't share the last digit")
                        .arg(s.name)
                        .arg(s.plannedPort)
                        .arg(backend.name)
                        .arg(backend.plannedPort),
                    {s.id, backend.id}, hosts(), {s.plannedPort, backend.plannedPort});
            }
        }
    }

    QList<int> privileged, ephemeral;
    for (int port : {s.plannedPort, s.actualPort}) {
        if (!isValidPort(port))
            continue;
        if (port < 1024 && !privileged.contains(port))
            privileged.append(port);
        if (port >= FirstEphemeralPort && !ephemeral.contains(port))
            ephemeral.append(port);
    }
    for (int port : std::as_const(privileged))
        add(out, slot, QStringLiteral("privileged-port"),
            tr("%1 uses port %2, which needs privileges to bind").arg(s.name).arg(port), ids(), hosts(), {port});
    for (int port : std::as_const(ephemeral))
        add(out, slot, QStringLiteral("ephemeral-port"), format(ephemeralTemplate, s.name, QString::number(port)),
            ids(), hosts(), {port});
}

void Analyzer::Private::evaluateRange(quint64 slot, QList<Finding> &out) const
{
    const int i = int(valueOf(slot));
    if (i >= schema->ranges.size())
        return;
    const PortRange &r = schema->ranges.at(i);
    const int used = rangeUsed.value(i);
    const int size = qMax(1, r.size());
    if (used * 100 >= schema->ruleSettings.rangeFullPercent * size) {
        add(out, slot, QStringLiteral("range-full"),
            tr("%1 %2 is %3% full (%4 of %5 ports used or reserved)")
                .arg(r.label(), r.title)
                .arg(used * 100 / size)
                .arg(used)
                .arg(size),
            {}, {}, {r.first, r.last});
    }
}

bool Analyzer::Private::nestedOnPurpose(const PortRange &a, const PortRange &b) const
{
    // Walk each parent chain (bounded, in case of a cycle).
    for (const PortRange *x : {&a, &b}) {
        const PortRange *other = x == &a ? &b : &a;
        const PortRange *p = x;
        for (int depth = 0; p && !p->parentId.isEmpty() && depth < 32; ++depth) {
            if (p->parentId == other->id)
                return true;
            p = rangeById(p->parentId);
        }
    }
    return false;
}

void Analyzer::Private::evaluateOverlap(quint64 slot, QList<Finding> &out) const
{
    QList<int> order(schema->ranges.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this](int a, int b) {
        return schema->ranges.at(a).first < schema->ranges.at(b).first;
    });
    // Sorted by start, each range only meets those starting before it ends.
    for (int i = 0; i < order.size(); ++i) {
        const PortRange &a = schema->ranges.at(order.at(i));
        for (int j = i + 1; j < order.size(); ++j) {
            const PortRange &b = schema->ranges.at(order.at(j));
            if (b.first > a.last)
                break;
            if (nestedOnPurpose(a, b))
                continue;
            add(out, slot, QStringLiteral("range-overlap"),
                tr("Ranges %1 %2 and %3 %4 overlap on %5-%6")
                    .arg(a.label(), a.title, b.label(), b.title)
                    .arg(qMax(a.first, b.first))
                    .arg(qMin(a.last, b.last)),
                {}, {}, {qMax(a.first, b.first), qMin(a.last, b.last)});
        }
    }
}

void Analyzer::Private::evaluateReference(quint64 slot, QList<Finding> &out) const
{
    const int i = int(valueOf(slot));
    if (i >= schema->references.size())
        return;
    const Reference &ref = schema->references.at(i);
    const int toHandle = handleFor(ref.toServiceId);
    const int fromHandle = handleFor(ref.fromServiceId);
    const Service *from = fromHandle >= 0 ? &service(fromHandle) : nullptr;
    const QString fromName = from ? from->name : ref.fromServiceId;
    QStringList ids;
    if (from)
        ids.append(from->id);
    if (toHandle < 0) {
        add(out, slot, QStringLiteral("broken-reference"),
            tr("%1 refers to %2, which is not in the schema").arg(fromName, ref.toServiceId), ids, {}, {ref.port},
            ref.origin);
        return;
    }
    const Service &to = service(toHandle);
    // In the network a service is reached on its container port; from
    // outside on the port its host publishes.
    int listening = 0;
    if (ref.viaHost)
        listening = to.actualPort > 0 ? to.actualPort : to.plannedPort;
    else
        listening = to.containerPort > 0 ? to.containerPort : to.actualPort > 0 ? to.actualPort : to.plannedPort;
    if (listening == ref.port || listening == 0)
        return;
    if (!ids.contains(to.id))
        ids.append(to.id);
    const QString message = ref.origin.isValid()
        ? tr("%1 expects %2 on port %3, but it listens on %4 (%5)")
              .arg(fromName, to.name)
              .arg(ref.port)
              .arg(listening)
              .arg(ref.origin.toString())
        : tr("%1 expects %2 on port %3, but it listens on %4").arg(fromName, to.name).arg(ref.port).arg(listening);
    add(out, slot, QStringLiteral("broken-reference"), message,
        ids, to.hostId.isEmpty() ? QStringList() : QStringList{to.hostId}, {ref.port, listening}, ref.origin);
}

} // namespace Portolan
