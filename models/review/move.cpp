#include "move.h"

#include "analyzer.h"
#include "commands.h"
#include "formatregistry.h"
#include "importmerge.h"
#include "schemadocument.h"
#include "texthash.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUndoCommand>

#include <algorithm>
#include <vector>
#include <optional>
#include <functional>
#include <queue>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Moves)
};
} // namespace

static QString hostName(const Schema &schema, const QString &id)
{
    if (id.isEmpty())
        return Tr::tr("no host");
    const Host *h = schema.host(id);
    return h && !h->name.isEmpty() ? h->name : id;
}

QString Move::key() const
{
    return QStringLiteral("%1|%2|%3|%4").arg(int(origin)).arg(int(kind)).arg(int(side)).arg(serviceId);
}

QString Move::kindId() const
{
    switch (kind) {
    case Kind::Port: return QStringLiteral("move");
    case Kind::ServiceAdded: return QStringLiteral("service-added");
    case Kind::ServiceRemoved: return QStringLiteral("service-removed");
    case Kind::ServiceChanged: return QStringLiteral("service-changed");
    case Kind::HostAdded: return QStringLiteral("host-added");
    case Kind::HostRemoved: return QStringLiteral("host-removed");
    case Kind::HostChanged: return QStringLiteral("host-changed");
    case Kind::RangeAdded: return QStringLiteral("range-added");
    case Kind::RangeRemoved: return QStringLiteral("range-removed");
    case Kind::RangeChanged: return QStringLiteral("range-changed");
    case Kind::ReservationsChanged: return QStringLiteral("reservations-changed");
    }
    return {};
}

QString Move::originText() const
{
    switch (origin) {
    case Origin::Drift: return Tr::tr("drift");
    case Origin::Draft: return Tr::tr("draft");
    case Origin::Proposal: return Tr::tr("proposal");
    }
    return {};
}

QString Move::kindText() const
{
    switch (kind) {
    case Kind::Port: return side == Side::Plan ? Tr::tr("plan move") : Tr::tr("move");
    case Kind::ServiceAdded: return Tr::tr("service added");
    case Kind::ServiceRemoved: return Tr::tr("service removed");
    case Kind::ServiceChanged: return Tr::tr("service changed");
    case Kind::HostAdded: return Tr::tr("host added");
    case Kind::HostRemoved: return Tr::tr("host removed");
    case Kind::HostChanged: return Tr::tr("host changed");
    case Kind::RangeAdded: return Tr::tr("range added");
    case Kind::RangeRemoved: return Tr::tr("range removed");
    case Kind::RangeChanged: return Tr::tr("range changed");
    case Kind::ReservationsChanged: return Tr::tr("reservations changed");
    }
    return {};
}

static QString portText(int port)
{
    return port > 0 ? QString::number(port) : Tr::tr("none", "no port");
}

QString Move::changeText(const Schema &schema) const
{
    switch (kind) {
    case Kind::Port:
        if (!changesHost())
            return Tr::tr("%1 → %2").arg(portText(fromPort), portText(toPort));
        return Tr::tr("%1 %2 → %3 %4")
            .arg(hostName(schema, fromHostId), portText(fromPort), hostName(schema, toHostId), portText(toPort));
    case Kind::ServiceAdded:
        return Tr::tr("added on %1 at %2").arg(hostName(schema, toHostId), portText(toPort));
    case Kind::ServiceRemoved:
        return Tr::tr("removed from %1 at %2").arg(hostName(schema, fromHostId), portText(fromPort));
    case Kind::ServiceChanged: {
        QStringList names;
        for (ServiceField f : fields)
            names.append(serviceFieldDisplayName(f));
        return Tr::tr("changed: %1").arg(names.join(QStringLiteral(", ")));
    }
    case Kind::HostAdded: return Tr::tr("host added: %1").arg(host.name);
    case Kind::HostRemoved: return Tr::tr("host removed: %1").arg(name);
    case Kind::HostChanged: return Tr::tr("host changed: %1").arg(host.name);
    case Kind::RangeAdded: return Tr::tr("range added: %1 %2").arg(range.label(), range.title);
    case Kind::RangeRemoved: return Tr::tr("range removed: %1").arg(name);
    case Kind::RangeChanged: return Tr::tr("range changed: %1 %2").arg(range.label(), range.title);
    case Kind::ReservationsChanged: {
        QStringList labels;
        for (const Reservation &r : reservations)
            labels.append(r.label());
        return Tr::tr("reservations: %1").arg(labels.join(QStringLiteral(", ")));
    }
    }
    return {};
}

Move Move::inverse() const
{
    Move m = *this;
    std::swap(m.fromPort, m.toPort);
    std::swap(m.fromHostId, m.toHostId);
    switch (kind) {
    case Kind::ServiceAdded: m.kind = Kind::ServiceRemoved; break;
    case Kind::ServiceRemoved: m.kind = Kind::ServiceAdded; break;
    case Kind::HostAdded: m.kind = Kind::HostRemoved; break;
    case Kind::HostRemoved: m.kind = Kind::HostAdded; break;
    case Kind::RangeAdded: m.kind = Kind::RangeRemoved; break;
    case Kind::RangeRemoved: m.kind = Kind::RangeAdded; break;
    default: break;
    }
    return m;
}

QList<Move> driftMoves(const Schema &schema)
{
    QList<Move> moves;
    for (const Service &s : schema.services) {
        const bool portDrift = s.plannedPort > 0 && s.actualPort > 0 && s.plannedPort != s.actualPort;
        const bool hostDrift = !s.plannedHostId.isEmpty() && !s.hostId.isEmpty() && s.plannedHostId != s.hostId;
        if (!portDrift && !hostDrift)
            continue;
        Move m;
        m.kind = Move::Kind::Port;
        m.origin = Move::Origin::Drift;
        m.side = Move::Side::Reality;
        m.serviceId = s.id;
        m.name = s.name;
        m.protocol = s.protocol;
        m.fromPort = s.actualPort;
        m.toPort = portDrift ? s.plannedPort : s.actualPort;
        m.fromHostId = s.hostId;
        m.toHostId = hostDrift ? s.plannedHostId : s.hostId;
        m.service = s;
        moves.append(m);
    }
    std::stable_sort(moves.begin(), moves.end(), [](const Move &a, const Move &b) {
        if (a.fromHostId != b.fromHostId)
            return a.fromHostId < b.fromHostId;
        if (a.fromPort != b.fromPort)
            return a.fromPort < b.fromPort;
        return a.serviceId < b.serviceId;
    });
    return moves;
}

// The fields that place a service; they make moves, the rest ServiceChanged.
static bool isPositionField(ServiceField f)
{
    return f == ServiceField::PlannedPort || f == ServiceField::ActualPort || f == ServiceField::Host
        || f == ServiceField::PlannedHost;
}

template<typename T>
static TextHash<int> indexOfIds(const QList<T> &list)
{
    TextHash<int> index;
    index.reserve(list.size());
    for (int i = 0; i < list.size(); ++i)
        index.insert(list.at(i).id, i);
    return index;
}

QList<Move> diffSchemas(const Schema &before, const Schema &after, Move::Origin origin, const QString &source)
{
    QList<Move> moves;
    auto make = [&](Move::Kind kind, const QString &id, const QString &name) {
        Move m;
        m.kind = kind;
        m.origin = origin;
        m.source = source;
        m.serviceId = id;
        m.name = name;
        return m;
    };

    // Two versions of a plan mostly keep their services in place: a service
    // is looked for at its own row first, by id only when it moved, and an
    // unchanged one is passed at once.
    TextHash<int> afterServices;
    std::vector<bool> matched(size_t(after.services.size()), false);
    for (int i = 0; i < before.services.size(); ++i) {
        const Service &b = before.services.at(i);
        int at = i < after.services.size() && after.services.at(i).id == b.id ? i : -1;
        if (at < 0) {
            if (afterServices.isEmpty())
                afterServices = indexOfIds(after.services);
            at = afterServices.value(b.id, -1);
        }
        if (at < 0) {
            Move m = make(Move::Kind::ServiceRemoved, b.id, b.name);
            m.protocol = b.protocol;
            m.fromPort = b.actualPort > 0 ? b.actualPort : b.plannedPort;
            m.fromHostId = b.hostId;
            m.service = b;
            moves.append(m);
            continue;
        }
        matched[size_t(at)] = true;
        const Service &a = after.services.at(at);
        if (a == b)
            continue;
        if (a.plannedPort != b.plannedPort || a.plannedHostId != b.plannedHostId) {
            Move m = make(Move::Kind::Port, b.id, a.name);
            m.side = Move::Side::Plan;
            m.protocol = a.protocol;
            m.fromPort = b.plannedPort;
            m.toPort = a.plannedPort;
            m.fromHostId = b.plannedHostId;
            m.toHostId = a.plannedHostId;
            m.service = a;
            moves.append(m);
        }
        if (a.actualPort != b.actualPort || a.hostId != b.hostId) {
            Move m = make(Move::Kind::Port, b.id, a.name);
            m.side = Move::Side::Reality;
            m.protocol = a.protocol;
            m.fromPort = b.actualPort;
            m.toPort = a.actualPort;
            m.fromHostId = b.hostId;
            m.toHostId = a.hostId;
            m.service = a;
            moves.append(m);
        }
        QList<ServiceField> fields;
        for (int f = int(ServiceField::Name); f <= int(ServiceField::Undocumented); ++f) {
            const auto field = ServiceField(f);
            if (!isPositionField(field) && serviceField(a, field) != serviceField(b, field))
                fields.append(field);
        }
        if (!fields.isEmpty()) {
            Move m = make(Move::Kind::ServiceChanged, b.id, a.name);
            m.service = a;
            m.fields = fields;
            m.fromHostId = m.toHostId = a.hostId;
            moves.append(m);
        }
    }
    for (int i = 0; i < after.services.size(); ++i) {
        if (matched[size_t(i)])
            continue;
        const Service &a = after.services.at(i);
        Move m = make(Move::Kind::ServiceAdded, a.id, a.name);
        m.protocol = a.protocol;
        m.toPort = a.actualPort > 0 ? a.actualPort : a.plannedPort;
        m.toHostId = a.hostId;
        m.service = a;
        moves.append(m);
    }

    const TextHash<int> afterHosts = indexOfIds(after.hosts);
    const TextHash<int> beforeHosts = indexOfIds(before.hosts);
    for (const Host &b : before.hosts) {
        const auto it = afterHosts.constFind(b.id);
        if (it == afterHosts.constEnd()) {
            Move m = make(Move::Kind::HostRemoved, b.id, b.name);
            m.host = b;
            moves.append(m);
        } else if (!(after.hosts.at(*it) == b)) {
            Move m = make(Move::Kind::HostChanged, b.id, after.hosts.at(*it).name);
            m.host = after.hosts.at(*it);
            moves.append(m);
        }
    }
    for (const Host &a : after.hosts) {
        if (!beforeHosts.contains(a.id)) {
            Move m = make(Move::Kind::HostAdded, a.id, a.name);
            m.host = a;
            moves.append(m);
        }
    }

    const TextHash<int> afterRanges = indexOfIds(after.ranges);
    const TextHash<int> beforeRanges = indexOfIds(before.ranges);
    for (const PortRange &b : before.ranges) {
        const auto it = afterRanges.constFind(b.id);
        if (it == afterRanges.constEnd()) {
            Move m = make(Move::Kind::RangeRemoved, b.id, QStringLiteral("%1 %2").arg(b.label(), b.title));
            m.range = b;
            moves.append(m);
        } else if (!(after.ranges.at(*it) == b)) {
            Move m = make(Move::Kind::RangeChanged, b.id, after.ranges.at(*it).title);
            m.range = after.ranges.at(*it);
            moves.append(m);
        }
    }
    for (const PortRange &a : after.ranges) {
        if (!beforeRanges.contains(a.id)) {
            Move m = make(Move::Kind::RangeAdded, a.id, a.title);
            m.range = a;
            moves.append(m);
        }
    }

    if (before.reservations != after.reservations) {
        Move m = make(Move::Kind::ReservationsChanged, QString(), Tr::tr("Reservations"));
        m.reservations = after.reservations;
        moves.append(m);
    }
    return moves;
}

// Removals free ports and hosts and ranges frame the moves, so they go
// first; additions take ports, so they go after the moves.
static int phaseOf(Move::Kind kind)
{
    switch (kind) {
    case Move::Kind::ServiceRemoved: return 0;
    case Move::Kind::HostAdded:
    case Move::Kind::HostChanged:
    case Move::Kind::RangeAdded:
    case Move::Kind::RangeChanged:
    case Move::Kind::RangeRemoved:
    case Move::Kind::ReservationsChanged: return 1;
    case Move::Kind::Port: return 2;
    case Move::Kind::ServiceAdded: return 3;
    case Move::Kind::ServiceChanged: return 4;
    case Move::Kind::HostRemoved: return 5;
    }
    return 4;
}

static bool sortsBefore(const Move &a, const Move &b)
{
    const int pa = phaseOf(a.kind), pb = phaseOf(b.kind);
    if (pa != pb)
        return pa < pb;
    if (a.kind != b.kind)
        return a.kind < b.kind;
    const QString &ha = a.fromHostId.isEmpty() ? a.toHostId : a.fromHostId;
    const QString &hb = b.fromHostId.isEmpty() ? b.toHostId : b.fromHostId;
    if (ha != hb)
        return ha < hb;
    const int fa = a.fromPort > 0 ? a.fromPort : a.toPort;
    const int fb = b.fromPort > 0 ? b.fromPort : b.toPort;
    if (fa != fb)
        return fa < fb;
    if (a.serviceId != b.serviceId)
        return a.serviceId < b.serviceId;
    return a.side < b.side;
}

// Where a move leaves or arrives: (side, host or plan scope, protocol, port).
static QString slotKey(const Move &m, const QString &hostId, int port)
{
    return QStringLiteral("%1|%2|%3|%4").arg(int(m.side)).arg(hostId).arg(int(m.protocol)).arg(port);
}

void planMoves(QList<Move> &moves)
{
    std::stable_sort(moves.begin(), moves.end(), sortsBefore);

    QList<int> ports; // indexes of port moves, in sorted order
    for (int i = 0; i < moves.size(); ++i) {
        moves[i].after.clear();
        moves[i].cycle = -1;
        moves[i].cycleWith.clear();
        if (moves.at(i).kind == Move::Kind::Port)
            ports.append(i);
    }

    // Edge u → v: u frees the slot v takes, so u goes first.
    const int n = int(ports.size());
    TextHash<QList<int>> freeing;
    for (int u = 0; u < n; ++u) {
        const Move &m = moves.at(ports.at(u));
        if (m.fromPort > 0)
            freeing[slotKey(m, m.fromHostId, m.fromPort)].append(u);
    }
    QList<QList<int>> next(n);
    for (int v = 0; v < n; ++v) {
        const Move &m = moves.at(ports.at(v));
        if (m.toPort <= 0 || (!m.changesPort() && !m.changesHost()))
            continue;
        for (int u : freeing.value(slotKey(m, m.toHostId, m.toPort))) {
            if (u != v)
                next[u].append(v);
        }
    }

    // Tarjan's strongly connected components; a component of two or more
    // moves is a cycle of moves that take each other's ports.
    QList<int> index(n, -1), low(n, 0), component(n, -1);
    QList<bool> onStack(n, false);
    QList<int> stack;
    int counter = 0, components = 0;
    std::function<void(int)> connect = [&](int v) {
        index[v] = low[v] = counter++;
        stack.append(v);
        onStack[v] = true;
        for (int w : next.at(v)) {
            if (index.at(w) < 0) {
                connect(w);
                low[v] = qMin(low.at(v), low.at(w));
            } else if (onStack.at(w)) {
                low[v] = qMin(low.at(v), index.at(w));
            }
        }
        if (low.at(v) == index.at(v)) {
            int w;
            do {
                w = stack.takeLast();
                onStack[w] = false;
                component[w] = components;
            } while (w != v);
            ++components;
        }
    };
    for (int v = 0; v < n; ++v) {
        if (index.at(v) < 0)
            connect(v);
    }

    QList<QList<int>> members(components);
    for (int v = 0; v < n; ++v)
        members[component.at(v)].append(v); // ascending: the sorted order within a component
    QList<int> indegree(components, 0);
    QList<QSet<int>> successors(components);
    for (int u = 0; u < n; ++u) {
        for (int v : next.at(u)) {
            const int cu = component.at(u), cv = component.at(v);
            if (cu != cv && !successors[cu].contains(cv)) {
                successors[cu].insert(cv);
                ++indegree[cv];
            }
        }
    }

    // Kahn's algorithm; among the ready components the first in sorted order.
    std::priority_queue<int, std::vector<int>, std::greater<int>> ready; // by first member
    QHash<int, int> componentOfFirst;
    for (int c = 0; c < components; ++c) {
        componentOfFirst.insert(members.at(c).first(), c);
        if (indegree.at(c) == 0)
            ready.push(members.at(c).first());
    }
    QList<int> orderedPorts;
    int cycles = 0;
    while (!ready.empty()) {
        const int c = componentOfFirst.value(ready.top());
        ready.pop();
        const QList<int> &group = members.at(c);
        const int cycle = group.size() > 1 ? cycles++ : -1;
        for (int v : group) {
            Move &m = moves[ports.at(v)];
            m.cycle = cycle;
            if (cycle >= 0) {
                for (int w : group) {
                    if (w != v)
                        m.cycleWith.append(moves.at(ports.at(w)).name);
                }
            }
            orderedPorts.append(ports.at(v));
        }
        for (int s : successors.at(c)) {
            if (--indegree[s] == 0)
                ready.push(members.at(s).first());
        }
    }
    for (int u = 0; u < n; ++u) {
        for (int v : next.at(u)) {
            if (component.at(u) != component.at(v)) {
                Move &m = moves[ports.at(v)];
                const QString k = moves.at(ports.at(u)).key();
                if (!m.after.contains(k))
                    m.after.append(k);
            }
        }
    }

    QList<Move> ordered;
    ordered.reserve(moves.size());
    int i = 0;
    for (; i < moves.size() && phaseOf(moves.at(i).kind) < 2; ++i)
        ordered.append(moves.at(i));
    for (int p : orderedPorts)
        ordered.append(moves.at(p));
    for (; i < moves.size(); ++i) {
        if (moves.at(i).kind != Move::Kind::Port)
            ordered.append(moves.at(i));
    }
    for (int k = 0; k < ordered.size(); ++k)
        ordered[k].order = k + 1;
    moves = ordered;
}

template<typename T>
static void upsert(QList<T> &list, const T &value)
{
    for (T &item : list) {
        if (item.id == value.id) {
            item = value;
            return;
        }
    }
    list.append(value);
}

template<typename T>
static void removeById(QList<T> &list, const QString &id)
{
    list.removeIf([&id](const T &item) { return item.id == id; });
}

bool applyMove(Schema &schema, const Move &move, Move::Action action)
{
    const int row = schema.serviceIndex(move.serviceId);
    switch (move.kind) {
    case Move::Kind::Port: {
        if (row < 0)
            return false;
        Service &s = schema.services[row];
        if (action == Move::Action::AcceptReality) {
            s.plannedPort = move.fromPort;
            if (!s.plannedHostId.isEmpty() && move.changesHost())
                s.plannedHostId = move.fromHostId;
        } else if (move.side == Move::Side::Reality) {
            s.actualPort = move.toPort;
            s.hostId = move.toHostId;
        } else {
            s.plannedPort = move.toPort;
            s.plannedHostId = move.toHostId;
        }
        return true;
    }
    case Move::Kind::ServiceAdded:
        if (row >= 0)
            return false;
        schema.services.append(move.service);
        return true;
    case Move::Kind::ServiceRemoved:
        if (row < 0)
            return false;
        schema.services.removeAt(row);
        return true;
    case Move::Kind::ServiceChanged:
        if (row < 0)
            return false;
        for (ServiceField f : move.fields)
            setServiceField(schema.services[row], f, serviceField(move.service, f));
        return true;
    case Move::Kind::HostAdded:
    case Move::Kind::HostChanged: upsert(schema.hosts, move.host); return true;
    case Move::Kind::HostRemoved: removeById(schema.hosts, move.serviceId); return true;
    case Move::Kind::RangeAdded:
    case Move::Kind::RangeChanged: upsert(schema.ranges, move.range); return true;
    case Move::Kind::RangeRemoved: removeById(schema.ranges, move.serviceId); return true;
    case Move::Kind::ReservationsChanged: schema.reservations = move.reservations; return true;
    }
    return false;
}

namespace {

// A finding as compared across analyses (see compareFindings): hashed
// and compared field by field, without building a text per finding.
struct FindingIdentity
{
    const Finding *f;

    // The origin as SourceLocation::toString() shows it: no line without a
    // file, no column without a line.
    int line() const { return f->origin.file.isEmpty() || f->origin.line <= 0 ? 0 : f->origin.line; }
    int column() const { return line() > 0 && f->origin.column > 0 ? f->origin.column : 0; }

    friend bool operator==(const FindingIdentity &a, const FindingIdentity &b)
    {
        const Finding &x = *a.f;
        const Finding &y = *b.f;
        // The message and ports are left out where services identify the
        // finding: a drift that only changes its numbers is the same drift.
        return x.severity == y.severity && x.rule == y.rule && x.serviceIds == y.serviceIds
            && x.hostIds == y.hostIds && (!x.serviceIds.isEmpty() || x.ports == y.ports)
            && x.origin.file == y.origin.file && a.line() == b.line() && a.column() == b.column();
    }
    friend size_t qHash(const FindingIdentity &k, size_t seed = 0)
    {
        // A fleet's diff hashes each of some 15,000 findings twice, a latent
        // collision naming dozens of services: the first few ids and the
        // counts tell findings apart well enough, equality compares the rest.
        const Finding &f = *k.f;
        constexpr qsizetype HashedIds = 3;
        const qsizetype numbers[] = {qsizetype(f.severity), k.line(), k.column(), f.serviceIds.size(),
                                     f.hostIds.size()};
        seed = hashBytes(numbers, sizeof numbers, seed);
        seed = hashText(f.rule, seed);
        seed = hashText(f.origin.file, seed);
        for (qsizetype i = 0; i < qMin(HashedIds, f.serviceIds.size()); ++i)
            seed = hashText(f.serviceIds.at(i), seed);
        for (qsizetype i = 0; i < qMin(HashedIds, f.hostIds.size()); ++i)
            seed = hashText(f.hostIds.at(i), seed);
        if (f.serviceIds.isEmpty() && !f.ports.isEmpty())
            seed = hashBytes(f.ports.constData(), size_t(f.ports.size()) * sizeof(f.ports.first()), seed);
        return seed;
    }
};

} // namespace

void compareFindings(const QList<Finding> &before, const QList<Finding> &after, QList<Finding> *resolved,
                     QList<Finding> *introduced)
{
    // One hash of the findings after, each identity leading a chain of them
    // in order: a finding before takes the first one still unmatched.
    QHash<FindingIdentity, qsizetype> first;
    first.reserve(after.size());
    QList<qsizetype> next(after.size(), -1);
    for (qsizetype i = after.size() - 1; i >= 0; --i) {
        qsizetype &head = first[FindingIdentity{&after.at(i)}]; // one up: 0 (a new entry) is none
        next[i] = head - 1;
        head = i + 1;
    }
    std::vector<char> matched(after.size(), 0);
    resolved->clear();
    for (const Finding &f : before) {
        const auto it = first.find(FindingIdentity{&f});
        if (it != first.end() && *it > 0) {
            const qsizetype i = *it - 1;
            matched[i] = 1;
            *it = next.at(i) + 1;
        } else {
            resolved->append(f);
        }
    }
    introduced->clear();
    for (qsizetype i = 0; i < after.size(); ++i) {
        if (!matched[i])
            introduced->append(after.at(i));
    }
    sortFindings(*resolved);
    sortFindings(*introduced);
}

QList<Finding> findingsMissingFrom(const QList<Finding> &from, const QList<Finding> &in)
{
    QList<Finding> missing, added;
    compareFindings(from, in, &missing, &added);
    return missing;
}

QList<Reference> referencesToChange(const Schema &schema, const Move &move)
{
    QList<Reference> result;
    for (const Reference &r : schema.references) {
        if (r.toServiceId != move.serviceId)
            continue;
        if (move.kind == Move::Kind::ServiceRemoved || (move.changesPort() && r.port == move.fromPort))
            result.append(r);
    }
    return result;
}

QString rewrittenReference(const Reference &reference, const Move &move)
{
    QString text = reference.text;
    if (move.toPort <= 0)
        return text;
    const QRegularExpression port(QStringLiteral("(?<![0-9])%1(?![0-9])").arg(move.fromPort));
    return text.replace(port, QString::number(move.toPort));
}

// The address Prometheus would scrape: the host's address and the explicit
// scrape port, else the port the service listens on for the given side.
static QString scrapeTarget(const Schema &schema, const Service &s, Move::Side side, int port)
{
    const Host *h = schema.host(side == Move::Side::Plan && !s.plannedHostId.isEmpty() ? s.plannedHostId : s.hostId);
    const QString address = h && !h->address.isEmpty() ? h->address : s.name;
    return QStringLiteral("%1:%2").arg(address).arg(port);
}

static int listeningPort(const Service &s, Move::Side side)
{
    if (s.containerPort > 0)
        return s.containerPort;
    const int own = side == Move::Side::Plan ? s.plannedPort : s.actualPort;
    return own > 0 ? own : (s.actualPort > 0 ? s.actualPort : s.plannedPort);
}

// b and a: the moved service before and after; hosts are looked up in schema
// (a port move does not change them).
static QList<ScrapeChange> scrapeChanges(const Schema &schema, const Service *b, const Service *a, const Move &move)
{
    if (!b || !a || !b->metrics.enabled || move.kind != Move::Kind::Port)
        return {};
    const int beforePort = b->metrics.port > 0 ? b->metrics.port : listeningPort(*b, move.side);
    // An explicit scrape port on the old port must follow the service.
    int afterPort = b->metrics.port > 0 ? b->metrics.port : listeningPort(*a, move.side);
    if (b->metrics.port > 0 && b->metrics.port == move.fromPort && move.changesPort())
        afterPort = move.toPort;
    const QString from = scrapeTarget(schema, *b, move.side, beforePort);
    const QString to = scrapeTarget(schema, *a, move.side, afterPort);
    if (from == to)
        return {};
    // Named as the Prometheus export names the job: without a job of its
    // own, a service's job is its compose key.
    return {ScrapeChange{b->metrics.job.isEmpty() ? composeKey(*b) : b->metrics.job, from, to, b->metrics.origin}};
}

// Lines removed plus lines added, as a multiset: enough to say "differs by N".
static int differingLines(const QByteArray &a, const QByteArray &b)
{
    QHash<QByteArray, int> count;
    for (const QByteArray &line : a.split('\n'))
        ++count[line];
    int added = 0;
    for (const QByteArray &line : b.split('\n')) {
        int &c = count[line];
        if (c > 0)
            --c;
        else
            ++added;
    }
    int removed = 0;
    for (int c : std::as_const(count))
        removed += c;
    return added + removed;
}

// What each export (format id, host id) writes for one state of a schema.
using ExportOutputs = QHash<std::pair<QString, QString>, std::optional<QByteArray>>;

// The exports before are taken from *beforeOutputs where it has them (and
// kept there); what is written for after goes to *afterOutputs, when given,
// so the next move, whose before is this after, need not write it again.
static QList<ExportChange> exportChanges(const Schema &before, const Schema &after, const QStringList &hostIds,
                                         ExportOutputs *beforeOutputs, ExportOutputs *afterOutputs)
{
    QList<ExportChange> result;
    for (const Format *format : FormatRegistry::instance().writers()) {
        const QString id = format->id();
        // The native file always differs; pictures are not line-oriented.
        if (id == QLatin1String("json") || id == QLatin1String("png") || id == QLatin1String("svg"))
            continue;
        const QStringList hosts = format->needsHost() ? hostIds : QStringList{QString()};
        for (const QString &hostId : hosts) {
            FormatOptions options;
            options.hostId = hostId;
            QString error;
            const std::pair<QString, QString> key{id, hostId};
            auto known = beforeOutputs->constFind(key);
            if (known == beforeOutputs->cend())
                known = beforeOutputs->insert(key, format->write(before, options, &error));
            const std::optional<QByteArray> &a = *known;
            const std::optional<QByteArray> b = format->write(after, options, &error);
            if (afterOutputs)
                afterOutputs->insert(key, b);
            if (!a && !b)
                continue;
            const int lines = differingLines(a.value_or(QByteArray()), b.value_or(QByteArray()));
            if (lines > 0)
                result.append(ExportChange{id, format->displayName(), hostId, lines});
        }
    }
    return result;
}

// Whether a port move still starts where its service is: a move shown from
// the last computation may be older than a change made since (another
// decision, an edit) and would otherwise move the service from where it no
// longer is.
static bool stillDescribes(const Schema &schema, const Move &m)
{
    if (m.kind != Move::Kind::Port)
        return true;
    const int row = schema.serviceIndex(m.serviceId);
    if (row < 0)
        return true; // applyMove() passes it over
    const Service &s = schema.services.at(row);
    // A drift move is made of where the service ran and was planned then.
    if (m.origin == Move::Origin::Drift)
        return s.actualPort == m.service.actualPort && s.hostId == m.service.hostId
            && s.plannedPort == m.service.plannedPort && s.plannedHostId == m.service.plannedHostId;
    if (m.side == Move::Side::Reality)
        return s.actualPort == m.fromPort && s.hostId == m.fromHostId;
    return s.plannedPort == m.fromPort && s.plannedHostId == m.fromHostId;
}

// A move of one service (its id is the move's serviceId), not of the
// host, range or reservation lists.
static bool isServiceMove(Move::Kind kind)
{
    return kind == Move::Kind::Port || kind == Move::Kind::ServiceAdded || kind == Move::Kind::ServiceRemoved
        || kind == Move::Kind::ServiceChanged;
}

// Applies one move to a document through its mutators, so that a live
// analyzer on it updates incrementally. applyMove() does the work on a
// schema holding just the lists the move touches.
static void applyToDocument(SchemaDocument &document, const Move &move,
                            Move::Action action = Move::Action::Execute)
{
    const Schema &current = document.schema();
    Schema part;
    const int row = document.serviceRow(move.serviceId);
    if (isServiceMove(move.kind)) {
        if (row >= 0)
            part.services.append(document.service(row));
        if (!applyMove(part, move, action))
            return;
        if (row >= 0 && part.services.isEmpty())
            document.removeService(row);
        else if (row < 0 && !part.services.isEmpty())
            document.insertService(document.serviceCount(), part.services.first());
        else if (row >= 0)
            document.setService(row, part.services.first());
        return;
    }
    part.hosts = current.hosts;
    part.ranges = current.ranges;
    part.reservations = current.reservations;
    if (!applyMove(part, move))
        return;
    if (!(part.hosts == current.hosts))
        document.setHosts(part.hosts);
    if (!(part.ranges == current.ranges))
        document.setRanges(part.ranges);
    if (!(part.reservations == current.reservations))
        document.setReservations(part.reservations);
}

// Accepting reality changes the plan, not what runs, and drift moves are
// decided one by one: each is judged alone on the base schema, then taken back.
// Called only for a list with drift moves (a diff's has none).
static void computeAcceptImpacts(const Schema &base, QList<Move> &moves, bool withExports, qsizetype limit)
{
    SchemaDocument scratch(base);
    Analyzer analyzer(&scratch);
    QList<Finding> removed, added;
    QObject::connect(&analyzer, &Analyzer::findingsChanged, &analyzer,
                     [&](const QList<Finding> &r, const QList<Finding> &a, const QStringList &) {
                         removed += r;
                         added += a;
                     });
    // Every move is judged on the base: its exports are written once.
    ExportOutputs baseOutputs;
    for (qsizetype i = 0; i < limit; ++i) {
        Move &m = moves[i];
        const int row = scratch.serviceRow(m.serviceId);
        if (!m.canAcceptReality() || row < 0)
            continue;
        const Service original = scratch.service(row);
        const Schema before = withExports ? scratch.schema() : Schema();
        removed.clear();
        added.clear();
        applyToDocument(scratch, m, Move::Action::AcceptReality);
        MoveImpact &impact = m.acceptImpact;
        impact.computed = true;
        compareFindings(removed, added, &impact.resolved, &impact.introduced);
        // References and scrape targets follow what runs, which stays.
        if (withExports) {
            QStringList hosts;
            for (const QString &h : {m.fromHostId, m.toHostId}) {
                if (!h.isEmpty() && !hosts.contains(h))
                    hosts.append(h);
            }
            impact.exports = exportChanges(before, scratch.schema(), hosts, &baseOutputs, nullptr);
        }
        scratch.setService(scratch.serviceRow(m.serviceId), original);
    }
}

void computeImpacts(Schema base, QList<Move> &moves, bool withExports, qsizetype maxMoves, QList<Finding> *baseFindings)
{
    planMoves(moves);
    // Writing every export twice per move is affordable for a team's plan and
    // a handful of moves; beyond that budget (services × moves) the export
    // counts are left out, since they would hold up every refresh.
    constexpr qsizetype ExportImpactBudget = 20000;
    withExports = withExports && base.services.size() * moves.size() <= ExportImpactBudget;

    // The moves are applied one after another to a scratch document whose
    // live analyzer reports exactly what each one resolves and introduces:
    // an incremental update per move, never a full analysis per move.
    const qsizetype limit = maxMoves < 0 ? moves.size() : qMin(maxMoves, moves.size());
    // Drift moves are judged on the base again after the others; a base
    // handed over (moved in) is the scratch document's own otherwise, so
    // that the first change does not copy every service.
    const bool withDrift = std::any_of(moves.cbegin(), moves.cbegin() + limit,
                                       [](const Move &m) { return m.canAcceptReality(); });
    const Schema driftBase = withDrift ? base : Schema();
    SchemaDocument scratch(std::move(base));
    Analyzer analyzer(&scratch);
    if (baseFindings)
        *baseFindings = analyzer.findings();
    QList<Finding> removed, added;
    bool reanalyzed = false;
    QObject::connect(&analyzer, &Analyzer::findingsChanged, &analyzer,
                     [&](const QList<Finding> &r, const QList<Finding> &a, const QStringList &) {
                         removed += r;
                         added += a;
                     });
    QObject::connect(&analyzer, &Analyzer::reanalyzed, &analyzer, [&] { reanalyzed = true; });

    // The exports of the scratch document as it stands: the moves are
    // applied one after another, so one move's after is the next's before.
    ExportOutputs current;
    for (int i = 0; i < limit;) {
        // A cycle is judged as a whole: its moves only make sense together.
        int end = i + 1;
        if (moves.at(i).cycle >= 0) {
            while (end < moves.size() && moves.at(end).cycle == moves.at(i).cycle)
                ++end;
        }
        QStringList hosts;
        bool listMove = false;
        QList<std::optional<Service>> servicesBefore;
        for (int k = i; k < end; ++k) {
            const Move &m = moves.at(k);
            for (const QString &h : {m.fromHostId, m.toHostId, m.service.hostId}) {
                if (!h.isEmpty() && !hosts.contains(h))
                    hosts.append(h);
            }
            const int row = scratch.serviceRow(m.serviceId);
            servicesBefore.append(row >= 0 ? std::optional<Service>(scratch.service(row)) : std::nullopt);
            listMove = listMove || m.kind == Move::Kind::HostAdded || m.kind == Move::Kind::HostChanged
                || m.kind == Move::Kind::HostRemoved || m.kind == Move::Kind::RangeAdded
                || m.kind == Move::Kind::RangeChanged || m.kind == Move::Kind::RangeRemoved
                || m.kind == Move::Kind::ReservationsChanged;
        }
        QList<QList<Reference>> references;
        for (int k = i; k < end; ++k)
            references.append(referencesToChange(scratch.schema(), moves.at(k)));
        const Schema before = withExports ? scratch.schema() : Schema();
        // Host and range changes make the analyzer start over: compare whole lists then.
        const QList<Finding> beforeFindings = listMove ? analyzer.findings() : QList<Finding>();
        removed.clear();
        added.clear();
        reanalyzed = false;
        for (int k = i; k < end; ++k)
            applyToDocument(scratch, moves.at(k));
        QList<Finding> resolved, introduced;
        if (reanalyzed) {
            const QList<Finding> afterFindings = analyzer.findings();
            compareFindings(beforeFindings, afterFindings, &resolved, &introduced);
        } else {
            // A finding that left and came back unchanged is neither.
            compareFindings(removed, added, &resolved, &introduced);
        }
        QList<ExportChange> exports;
        if (withExports) {
            ExportOutputs after;
            exports = exportChanges(before, scratch.schema(), hosts, &current, &after);
            current = std::move(after);
        }
        for (int k = i; k < end; ++k) {
            Move &m = moves[k];
            const int row = scratch.serviceRow(m.serviceId);
            const std::optional<Service> &b = servicesBefore.at(k - i);
            m.impact.computed = true;
            m.impact.resolved = resolved;
            m.impact.introduced = introduced;
            m.impact.references = references.at(k - i);
            m.impact.scrapeTargets = scrapeChanges(scratch.schema(), b ? &*b : nullptr,
                                                   row >= 0 ? &scratch.service(row) : nullptr, m);
            m.impact.exports = exports;
        }
        i = end;
    }
    if (withDrift)
        computeAcceptImpacts(driftBase, moves, withExports, limit);
}

static QString macroText(const QList<Move> &moves, Move::Action action, const Schema &schema)
{
    const int n = int(moves.size());
    if (action == Move::Action::AcceptReality) {
        if (n == 1)
            return Tr::tr("Accept reality for %1").arg(moves.first().name);
        return Tr::tr("Accept reality for %n service(s)", nullptr, n);
    }
    const Move &first = moves.first();
    if (n == 1 && first.kind == Move::Kind::Port)
        return Tr::tr("Move %1: %2").arg(first.name, first.changeText(schema));
    switch (first.origin) {
    case Move::Origin::Drift: return Tr::tr("Execute %n move(s)", nullptr, n);
    case Move::Origin::Draft: return Tr::tr("Apply %n draft(s)", nullptr, n);
    case Move::Origin::Proposal: return Tr::tr("Adopt %n change(s)", nullptr, n);
    }
    return {};
}

QUndoCommand *moveCommand(SchemaDocument *document, const QList<Move> &moves, Move::Action action)
{
    if (moves.isEmpty())
        return nullptr;
    const Schema &current = document->schema();
    QList<Move> ordered = moves;
    std::stable_sort(ordered.begin(), ordered.end(), [](const Move &a, const Move &b) { return a.order < b.order; });
    // Apply everything to a copy of what the moves touch first (their
    // services, and the host, range and reservation lists when a move is of
    // those), then turn the difference into commands: two moves touching one
    // field or list make one change. A fleet's plan is not copied for one move.
    Schema work;
    QList<int> rows; // of the touched services in the document, ascending
    bool listsTouched = false;
    {
        TextSet ids;
        for (const Move &m : std::as_const(ordered)) {
            if (isServiceMove(m.kind))
                ids.insert(m.serviceId);
            else
                listsTouched = true;
        }
        for (const QString &id : std::as_const(ids)) {
            const int row = document->serviceRow(id);
            if (row >= 0)
                rows.append(row);
        }
        std::sort(rows.begin(), rows.end());
        work.services.reserve(rows.size());
        for (int row : std::as_const(rows))
            work.services.append(current.services.at(row));
        if (listsTouched) {
            work.hosts = current.hosts;
            work.ranges = current.ranges;
            work.reservations = current.reservations;
        }
    }
    for (const Move &m : std::as_const(ordered)) {
        if (action == Move::Action::AcceptReality && !m.canAcceptReality())
            continue;
        if (!stillDescribes(work, m))
            continue; // a move of a list older than the service's last change
        applyMove(work, m, action);
    }

    auto *macro = new QUndoCommand(macroText(ordered, action, current));
    const TextHash<int> workServices = indexOfIds(work.services);
    int removed = 0;
    for (int row : std::as_const(rows)) {
        const Service &s = current.services.at(row);
        if (!workServices.contains(s.id)) {
            new RemoveServiceCommand(document, s.id, macro);
            ++removed;
        }
    }
    for (int row : std::as_const(rows)) {
        const Service &s = current.services.at(row);
        const auto it = workServices.constFind(s.id);
        if (it == workServices.constEnd())
            continue;
        const Service &w = work.services.at(*it);
        if (w == s)
            continue;
        for (int f = int(ServiceField::Name); f <= int(ServiceField::Origin); ++f) {
            const QVariant value = serviceField(w, ServiceField(f));
            if (value != serviceField(s, ServiceField(f)))
                new ChangeServiceFieldCommand(document, s.id, ServiceField(f), value, macro);
        }
    }
    // Rows are counted here: the commands run only once the macro is pushed.
    int next = int(current.services.size()) - removed;
    for (const Service &w : std::as_const(work.services)) {
        if (document->serviceRow(w.id) < 0)
            new AddServiceCommand(document, w, next++, macro);
    }
    const QString text = macro->text();
    if (listsTouched && work.hosts != current.hosts)
        changeHostsCommand(document, work.hosts, text, macro);
    if (listsTouched && work.ranges != current.ranges)
        changeRangesCommand(document, work.ranges, text, macro);
    if (listsTouched && work.reservations != current.reservations)
        changeReservationsCommand(document, work.reservations, text, macro);

    if (macro->childCount() == 0) {
        delete macro;
        return nullptr;
    }
    return macro;
}

} // namespace Portolan
