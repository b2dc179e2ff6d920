#include "importmerge.h"

#include "commands.h"
#include "schemadocument.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QUndoCommand>
#include <QVarLengthArray>

#include <vector>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Import)
};
} // namespace

QString familyName(const QString &name)
{
    const QString t = name.trimmed();
    if (t.endsWith(QLatin1Char(')'))) {
        const qsizetype open = t.lastIndexOf(QLatin1String(" ("));
        if (open > 0)
            return t.left(open).trimmed();
    }
    return t;
}

static bool prefixed(const QString &longer, const QString &shorter)
{
    return longer.size() > shorter.size() + 1 && longer.endsWith(shorter, Qt::CaseInsensitive)
        && longer.at(longer.size() - shorter.size() - 1) == QLatin1Char('-');
}

NameMatch matchService(const QStringList &names, const Service &service)
{
    auto equal = [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) == 0; };
    for (const QString &n : names) {
        if (!n.isEmpty() && equal(n, service.name))
            return NameMatch::Exact;
    }
    for (const QString &n : names) {
        for (const QString &a : service.aliases) {
            if (!n.isEmpty() && equal(n, a))
                return NameMatch::Alias;
        }
    }
    QStringList own = service.aliases;
    own.prepend(service.name);
    for (const QString &n : names) {
        for (const QString &o : std::as_const(own)) {
            if (!n.isEmpty() && !o.isEmpty() && (prefixed(n, o) || prefixed(o, n)))
                return NameMatch::Prefix;
        }
    }
    const QString family = familyName(service.name);
    if (family != service.name.trimmed()) {
        for (const QString &n : names) {
            if (!n.isEmpty() && (equal(n, family) || prefixed(n, family) || prefixed(family, n)))
                return NameMatch::Family;
        }
    }
    return NameMatch::None;
}

QString composeKey(const Service &service)
{
    if (!service.aliases.isEmpty() && !service.aliases.first().isEmpty())
        return service.aliases.first();
    const QString slug = slugify(service.name);
    return slug.isEmpty() ? service.id : slug;
}

QString containerName(const Service &service)
{
    return service.aliases.size() >= 2 ? service.aliases.at(1) : composeKey(service);
}

QList<const Service *> servicesForHost(const Schema &schema, const QString &hostId)
{
    QList<const Service *> result;
    for (const Service &s : schema.services) {
        if (s.status == ServiceStatus::Retired)
            continue;
        const bool planned = s.plannedHostId == hostId;
        const bool running = s.plannedHostId.isEmpty() && s.hostId == hostId;
        if (hostId.isEmpty() || planned || running)
            result.append(&s);
    }
    return result;
}

int exportPort(const Service &service, bool useActual)
{
    if (useActual)
        return service.actualPort > 0 ? service.actualPort : service.plannedPort;
    return service.plannedPort > 0 ? service.plannedPort : service.actualPort;
}

namespace {

// Finds the plan services an imported name may refer to without comparing it
// with every service: names, aliases and families, and their "-" suffixes
// (for prefix matches). matchService() then grades the few candidates.
class NameIndex
{
public:
    explicit NameIndex(const QList<Service> &services)
    {
        mFull.reserve(services.size() * 2);
        mName.reserve(services.size());
        for (int row = 0; row < services.size(); ++row) {
            const Service &s = services.at(row);
            QVarLengthArray<QString, 4> seen;
            const auto add = [&](QString lower) {
                if (lower.isEmpty() || std::find(seen.cbegin(), seen.cend(), lower) != seen.cend())
                    return;
                for (qsizetype i = lower.indexOf(QLatin1Char('-')); i >= 0; i = lower.indexOf(QLatin1Char('-'), i + 1))
                    mSuffix[lower.mid(i + 1)].append(row);
                mFull[lower].append(row);
                seen.append(std::move(lower));
            };
            for (const QString &alias : s.aliases)
                add(alias.toLower());
            const QString name = s.name.toLower();
            add(name);
            add(familyName(name));
            mName[name].append(row);
        }
    }

    QList<int> candidates(const QStringList &names) const
    {
        QList<int> rows;
        const auto collect = [&](const Rows &table, const QString &key) {
            const auto it = table.constFind(key);
            if (it != table.cend()) {
                for (int row : *it)
                    rows.append(row);
            }
        };
        for (const QString &name : names) {
            const QString n = name.toLower();
            if (n.isEmpty())
                continue;
            collect(mFull, n);
            collect(mSuffix, n);
            for (qsizetype i = n.indexOf(QLatin1Char('-')); i >= 0; i = n.indexOf(QLatin1Char('-'), i + 1))
                collect(mFull, n.mid(i + 1));
        }
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        return rows;
    }

    QList<int> byName(const QString &name) const
    {
        const auto it = mName.constFind(name.toLower());
        return it == mName.cend() ? QList<int>() : QList<int>(it->cbegin(), it->cend());
    }

private:
    // Most names belong to one service: its row is kept without an allocation.
    using Rows = QHash<QString, QVarLengthArray<int, 1>>;
    Rows mFull;
    Rows mSuffix;
    Rows mName;
};

// A plan service an import may claim on hostId: running there, or not placed yet.
bool eligible(const Service &s, const QString &hostId)
{
    if (s.hostId == hostId)
        return true;
    return s.hostId.isEmpty() && (s.plannedHostId.isEmpty() || s.plannedHostId == hostId);
}

QString portLabel(const Service &s)
{
    if (s.actualPort > 0)
        return QString::number(s.actualPort);
    if (s.containerPort > 0)
        return Tr::tr("container %1").arg(s.containerPort);
    return Tr::tr("no port");
}

// Applies one imported mapping to a plan service. Returns whether anything
// changed, and says what in *changes when that is wanted (the summary).
bool apply(Service *target, const Service &imported, const QString &hostId, QStringList *changes)
{
    bool changed = false;
    if (target->hostId != hostId) {
        if (changes)
            changes->append(target->hostId.isEmpty() ? Tr::tr("host %1").arg(hostId)
                                                     : Tr::tr("host %1 → %2").arg(target->hostId, hostId));
        target->hostId = hostId;
        changed = true;
    }
    if (target->actualPort != imported.actualPort) {
        if (changes)
            changes->append(Tr::tr("actual port %1 → %2")
                                .arg(target->actualPort > 0 ? QString::number(target->actualPort) : Tr::tr("unknown"),
                                     imported.actualPort > 0 ? QString::number(imported.actualPort)
                                                             : Tr::tr("unpublished")));
        target->actualPort = imported.actualPort;
        changed = true;
    }
    if (target->containerPort != imported.containerPort) {
        if (changes && imported.containerPort > 0)
            changes->append(Tr::tr("container port %1").arg(imported.containerPort));
        target->containerPort = imported.containerPort;
        changed = changed || imported.containerPort > 0;
    }
    if (target->protocol != imported.protocol) {
        if (changes)
            changes->append(Tr::tr("protocol %1").arg(protocolToString(imported.protocol)));
        target->protocol = imported.protocol;
        changed = true;
    }
    if (target->bindAddress != imported.bindAddress) {
        if (changes)
            changes->append(imported.bindAddress.isEmpty() ? Tr::tr("bound to all addresses")
                                                           : Tr::tr("bound to %1").arg(imported.bindAddress));
        target->bindAddress = imported.bindAddress;
        changed = true;
    }
    target->profiles = imported.profiles;
    target->origin = imported.origin;
    if (imported.exposure != Exposure::Unspecified && target->exposure == Exposure::Unspecified)
        target->exposure = imported.exposure;
    if (target->status == ServiceStatus::Planned || target->status == ServiceStatus::NotDeployed)
        target->status = ServiceStatus::Deployed;
    if (target->runtime.isEmpty())
        target->runtime = imported.runtime;
    // Compose key and container name lead the aliases; exports rely on that order.
    if (target->aliases != imported.aliases) {
        QStringList aliases = imported.aliases;
        for (const QString &a : std::as_const(target->aliases)) {
            if (!aliases.contains(a))
                aliases.append(a);
        }
        target->aliases = aliases;
    }
    return changed;
}

} // namespace

std::optional<Schema> mergeHostReality(const Schema &plan, const Schema &fragment, const QString &hostId,
                                       QStringList *summary, QString *error,
                                       const std::function<bool(const QString &)> &takenElsewhere)
{
    if (hostId.isEmpty()) {
        *error = Tr::tr("No host was given for the import.");
        return std::nullopt;
    }
    // Without a summary wanted, its sentences are not built (re-reading a
    // fleet's sources says what changed in its own words).
    const bool describe = summary != nullptr;
    QStringList unused;
    if (!describe)
        summary = &unused;
    Schema merged = plan;
    if (!merged.host(hostId)) {
        Host host;
        host.id = hostId;
        host.name = hostId;
        if (const Host *h = fragment.host(hostId))
            host = *h;
        merged.hosts.append(host);
        summary->append(Tr::tr("Added host %1.").arg(hostId));
    }

    // Compose services in file order, each with its mappings (main first).
    QStringList groupOrder;
    QHash<QString, QList<int>> groups;
    for (int i = 0; i < fragment.services.size(); ++i) {
        // Compose keys are unique within a project (named in deployment by
        // linked sources), not across the projects of a host.
        const Service &f = fragment.services.at(i);
        const QString key = f.deployment.isEmpty() ? composeKey(f) : f.deployment + QLatin1Char('\n') + composeKey(f);
        if (!groups.contains(key))
            groupOrder.append(key);
        groups[key].append(i);
    }

    const NameIndex index(plan.services);
    UniqueIds usedIds;
    for (const Service &s : plan.services)
        usedIds.insert(s.id);
    if (takenElsewhere)
        usedIds.setTakenElsewhere(takenElsewhere);
    std::vector<bool> claimedRows(size_t(plan.services.size()), false); // plan rows taken by a mapping
    const auto claimed = [&](int row) { return bool(claimedRows[size_t(row)]); };
    QHash<QString, QString> idMap; // fragment id → merged id
    QStringList added;
    int changedCount = 0;
    int unchangedCount = 0;

    // Port matches of every project first: a second project's same-named
    // service must not take a plan service the first one runs on its port.
    struct Group
    {
        QList<int> members;
        QList<int> candidates;
        QList<NameMatch> levels;
        QList<int> assignment; // member index → plan row, -1 for none
    };
    QList<Group> state(groupOrder.size());
    for (int g = 0; g < groupOrder.size(); ++g) {
        const QString key = groupOrder.at(g);
        const QList<int> members = groups.value(key);
        state[g].members = members;
        const Service &main = fragment.services.at(members.first());
        const QStringList names = main.aliases.isEmpty() ? QStringList{composeKey(main)} : main.aliases;

        QList<int> &candidates = state[g].candidates;
        QList<NameMatch> &levels = state[g].levels;
        for (int row : index.candidates(names)) {
            const Service &s = plan.services.at(row);
            const NameMatch level = matchService(names, s);
            if (level == NameMatch::None)
                continue;
            if (!eligible(s, hostId)) {
                if (describe && level != NameMatch::Family && level != NameMatch::Prefix)
                    summary->append(Tr::tr("%1: the plan has it on host %2; the one on %3 is kept as another instance.")
                                        .arg(s.name, s.hostId, hostId));
                continue;
            }
            candidates.append(row);
            levels.append(level);
        }

        QList<int> &assignment = state[g].assignment;
        assignment.fill(-1, members.size());
        auto take = [&](int member, int row) {
            assignment[member] = row;
            claimedRows[size_t(row)] = true;
        };
        auto memberPort = [&](int member) {
            const Service &m = fragment.services.at(members.at(member));
            return m.actualPort > 0 ? m.actualPort : m.containerPort;
        };
        // 1. By port: planned port, or actual port on this host.
        for (int m = 0; m < members.size(); ++m) {
            const int port = memberPort(m);
            if (port <= 0)
                continue;
            for (int c = 0; c < candidates.size(); ++c) {
                const int row = candidates.at(c);
                const Service &s = plan.services.at(row);
                if (claimed(row))
                    continue;
                if (s.plannedPort == port || (s.hostId == hostId && s.actualPort == port)) {
                    take(m, row);
                    break;
                }
            }
        }
    }
    for (int g = 0; g < groupOrder.size(); ++g) {
        const QString key = composeKey(fragment.services.at(state[g].members.first()));
        const QList<int> &members = state[g].members;
        const QList<int> &candidates = state[g].candidates;
        const QList<NameMatch> &levels = state[g].levels;
        QList<int> &assignment = state[g].assignment;
        auto take = [&](int member, int row) {
            assignment[member] = row;
            claimedRows[size_t(row)] = true;
        };
        // 2. Extra mappings imported before, by their "KEY:PORT" name.
        for (int m = 1; m < members.size(); ++m) {
            if (assignment.at(m) >= 0)
                continue;
            const QString name = fragment.services.at(members.at(m)).name;
            for (int row : index.byName(name)) {
                const Service &s = plan.services.at(row);
                if (!claimed(row) && eligible(s, hostId)) {
                    take(m, row);
                    break;
                }
            }
        }
        // 3. The first mapping left goes to the best name match, if unambiguous.
        int firstLeft = -1;
        for (int m = 0; m < members.size() && firstLeft < 0; ++m) {
            if (assignment.at(m) < 0)
                firstLeft = m;
        }
        if (firstLeft >= 0) {
            NameMatch best = NameMatch::Family;
            QList<int> bestRows;
            for (int c = 0; c < candidates.size(); ++c) {
                if (claimed(candidates.at(c)) || levels.at(c) == NameMatch::Family)
                    continue;
                if (levels.at(c) < best) {
                    best = levels.at(c);
                    bestRows.clear();
                }
                if (levels.at(c) == best)
                    bestRows.append(candidates.at(c));
            }
            if (bestRows.size() == 1 || (bestRows.size() > 1 && best != NameMatch::Prefix)) {
                take(firstLeft, bestRows.first());
                const Service &chosen = plan.services.at(bestRows.first());
                const Service &mapping = fragment.services.at(members.at(firstLeft));
                const int port = mapping.actualPort > 0 ? mapping.actualPort : mapping.containerPort;
                if (describe && members.size() > 1 && chosen.plannedPort > 0 && port != chosen.plannedPort)
                    summary->append(Tr::tr("%1: matched by name to compose service %2, whose %n port(s) do not "
                                           "include the planned %3; took %4, its first published one.",
                                           nullptr, int(members.size()))
                                        .arg(chosen.name, key)
                                        .arg(chosen.plannedPort)
                                        .arg(port));
            } else if (bestRows.size() > 1) {
                QStringList ambiguous;
                for (int row : std::as_const(bestRows))
                    ambiguous.append(plan.services.at(row).name);
                summary->append(Tr::tr("%1: several plan services could be meant (%2); added as a new service.")
                                    .arg(key, ambiguous.join(QStringLiteral(", "))));
            }
        }

        // Apply, and add what is left.
        for (int m = 0; m < members.size(); ++m) {
            const Service &imported = fragment.services.at(members.at(m));
            if (assignment.at(m) >= 0) {
                const int row = assignment.at(m);
                Service &target = merged.services[row];
                QStringList changes;
                const bool changed = apply(&target, imported, hostId, describe ? &changes : nullptr);
                idMap.insert(imported.id, target.id);
                if (!changed) {
                    ++unchangedCount;
                } else {
                    ++changedCount;
                    if (describe)
                        summary->append(Tr::tr("%1 (%2): %3")
                                            .arg(target.name, imported.name, changes.join(QStringLiteral(", "))));
                }
                continue;
            }
            Service s = imported;
            s.id = usedIds.take(imported.name);
            s.hostId = hostId;
            s.undocumented = true;
            idMap.insert(imported.id, s.id);
            merged.services.append(s);
            if (describe)
                added.append(QStringLiteral("%1 (%2)").arg(s.name, portLabel(s)));
        }
    }

    if (!added.isEmpty())
        summary->append(Tr::tr("Added %n undocumented service(s): %1", nullptr, int(added.size())).arg(added.join(QStringLiteral(", "))));
    if (changedCount + unchangedCount > 0)
        summary->append(Tr::tr("Matched %n plan service(s); %1 changed.", nullptr, changedCount + unchangedCount).arg(changedCount));

    QStringList missing;
    for (int row = 0; describe && row < plan.services.size(); ++row) {
        const Service &s = plan.services.at(row);
        if (!claimed(row) && s.hostId == hostId && s.status != ServiceStatus::Retired)
            missing.append(s.name);
    }
    if (!missing.isEmpty())
        summary->append(Tr::tr("In the plan on %1 but not in the file (%n): %2", nullptr, int(missing.size()))
                            .arg(hostId, missing.join(QStringLiteral(", "))));

    // References: those of this import replace the ones imported from the same file.
    QSet<QString> files;
    for (const Reference &r : fragment.references)
        files.insert(r.origin.file);
    QList<Reference> references;
    for (const Reference &r : std::as_const(merged.references)) {
        if (!files.contains(r.origin.file))
            references.append(r);
    }
    int referenceCount = 0;
    for (Reference r : fragment.references) {
        r.fromServiceId = idMap.value(r.fromServiceId);
        r.toServiceId = idMap.value(r.toServiceId);
        if (r.fromServiceId.isEmpty() || r.toServiceId.isEmpty())
            continue;
        references.append(r);
        ++referenceCount;
    }
    merged.references = references;
    if (referenceCount > 0)
        summary->append(Tr::tr("Found %n reference(s) between services.", nullptr, referenceCount));
    return merged;
}

std::optional<Schema> mergeScrapeTargets(const Schema &plan, const Schema &fragment, const QString &hostId,
                                         QStringList *summary, QString *)
{
    Schema merged = plan;
    QHash<int, QString> scrapedBy; // plan row → job that set its metrics
    QStringList unmatched;
    int matchedCount = 0;

    auto isLoopback = [](const QString &host) {
        return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
    };
    // A target's host by id or address (the first host in the plan's order
    // that has it), and a plan row by host and port: a target is mostly
    // found there, without a text built per service of a fleet.
    QHash<QString, QString> hostOfTarget;
    hostOfTarget.reserve(plan.hosts.size() * 2);
    for (const Host &h : plan.hosts) {
        if (!hostOfTarget.contains(h.id))
            hostOfTarget.insert(h.id, h.id);
        if (!h.address.isEmpty() && !hostOfTarget.contains(h.address))
            hostOfTarget.insert(h.address, h.id);
    }
    QHash<QString, int> hostNumber; // a service's host id → a number for the keys below
    const auto numberOf = [&hostNumber](const QString &id) {
        const auto it = hostNumber.constFind(id);
        if (it != hostNumber.cend())
            return *it;
        const int n = int(hostNumber.size());
        hostNumber.insert(id, n);
        return n;
    };
    const auto hostPortKey = [](int host, int port) { return (quint64(quint32(host)) << 32) | quint32(port); };
    QHash<quint64, int> byHostPort; // host and port → row, -2 when several; by actual or container port
    byHostPort.reserve(plan.services.size());
    const auto addPort = [&byHostPort, &hostPortKey](int host, int port, int row) {
        const quint64 key = hostPortKey(host, port);
        const auto it = byHostPort.find(key);
        if (it == byHostPort.end())
            byHostPort.insert(key, row);
        else if (*it != row)
            *it = -2;
    };
    for (int row = 0; row < plan.services.size(); ++row) {
        const Service &s = plan.services.at(row);
        if (s.actualPort <= 0 && (s.containerPort <= 0 || s.containerPort == s.actualPort))
            continue;
        const int host = numberOf(s.hostId);
        if (s.actualPort > 0)
            addPort(host, s.actualPort, row);
        if (s.containerPort > 0 && s.containerPort != s.actualPort)
            addPort(host, s.containerPort, row);
    }
    auto byPortOnHost = [&](const QString &host, int port) {
        const int number = hostNumber.value(host, -1);
        const int row = number < 0 ? -1 : byHostPort.value(hostPortKey(number, port), -1);
        return row >= 0 ? row : -1; // none or ambiguous
    };
    // By name only when a target is not found by host and port.
    std::optional<NameIndex> names;

    for (const Service &target : fragment.services) {
        const QString targetHost = target.aliases.value(0);
        const int port = target.metrics.port;
        int row = -1;
        // A target naming a host of the plan (by address or id) means the service on that port there.
        if (const auto host = hostOfTarget.constFind(targetHost); host != hostOfTarget.cend())
            row = byPortOnHost(*host, port);
        if (row < 0 && isLoopback(targetHost) && !hostId.isEmpty())
            row = byPortOnHost(hostId, port);
        // Else by name: the target host first, then the job name; prefer this host's services.
        for (const QStringList &wanted : {QStringList{targetHost}, QStringList{target.name}}) {
            if (row >= 0 || wanted.first().isEmpty() || isLoopback(wanted.first()))
                continue;
            if (!names)
                names.emplace(plan.services);
            NameMatch best = NameMatch::Family;
            int bestRow = -1;
            bool bestOnHost = false;
            int bestCount = 0;
            for (int r : names->candidates(wanted)) {
                const Service &s = plan.services.at(r);
                const NameMatch level = matchService(wanted, s);
                if (level == NameMatch::None || level == NameMatch::Family)
                    continue;
                const bool onHost = !hostId.isEmpty() && s.hostId == hostId;
                if (level < best || (level == best && onHost && !bestOnHost)) {
                    best = level;
                    bestRow = r;
                    bestOnHost = onHost;
                    bestCount = 1;
                } else if (level == best && onHost == bestOnHost) {
                    ++bestCount;
                }
            }
            if (bestRow >= 0 && (bestCount == 1 || best != NameMatch::Prefix))
                row = bestRow;
        }
        const QString where = QStringLiteral("%1:%2").arg(targetHost).arg(port);
        if (row < 0) {
            unmatched.append(Tr::tr("%1 (job %2)").arg(where, target.metrics.job));
            continue;
        }
        Service &s = merged.services[row];
        if (scrapedBy.contains(row)) {
            summary->append(Tr::tr("%1 is scraped by several jobs (%2, %3); the first is kept.")
                                .arg(s.name, scrapedBy.value(row), target.metrics.job));
            continue;
        }
        scrapedBy.insert(row, target.metrics.job);
        ++matchedCount;
        if (s.metrics != target.metrics) {
            s.metrics = target.metrics;
            summary->append(Tr::tr("%1: scraped as job %2 at %3%4 every %5")
                                .arg(s.name, target.metrics.job, where, target.metrics.path,
                                     target.metrics.interval.isEmpty() ? Tr::tr("default interval")
                                                                       : target.metrics.interval));
        }
    }
    summary->append(Tr::tr("Matched %n scrape target(s) to services.", nullptr, matchedCount));
    for (const QString &u : std::as_const(unmatched))
        summary->append(Tr::tr("Target %1 matches no service.").arg(u));
    return merged;
}

QUndoCommand *importCommand(SchemaDocument *document, const Schema &merged, const QString &text)
{
    const Schema &current = document->schema();
    auto *macro = new QUndoCommand(text);
    int changes = 0;
    if (current.hosts != merged.hosts) {
        changeHostsCommand(document, merged.hosts, text, macro);
        ++changes;
    }
    // Merges only append services, so a new one's row in the merged list is
    // its row once the ones before it are in. New services of consecutive
    // rows go in as one block: an import of thousands is one insertion.
    QList<Service> block;
    int blockRow = 0;
    const auto addBlock = [&] {
        if (block.isEmpty())
            return;
        if (block.size() == 1)
            new AddServiceCommand(document, block.constFirst(), blockRow, macro);
        else
            new AddServicesCommand(document, block, blockRow, macro);
        block.clear();
    };
    for (int row = 0; row < merged.services.size(); ++row) {
        const Service &s = merged.services.at(row);
        // By the document's row index: a search per service would make an
        // import into a large plan quadratic.
        const int oldRow = document->serviceRow(s.id);
        if (oldRow < 0) {
            if (block.isEmpty())
                blockRow = row;
            block.append(s);
            ++changes;
            continue;
        }
        addBlock();
        if (document->service(oldRow) != s) {
            new ReplaceServiceCommand(document, s, macro);
            ++changes;
        }
    }
    addBlock();
    if (current.references != merged.references) {
        changeReferencesCommand(document, merged.references, text, macro);
        ++changes;
    }
    if (changes == 0) {
        delete macro;
        return nullptr;
    }
    return macro;
}

} // namespace Portolan
