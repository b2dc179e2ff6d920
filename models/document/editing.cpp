#include "editing.h"

#include "commands.h"
#include "schemadocument.h"
#include "texthash.h"
#include "uniqueids.h"

#include <QCoreApplication>
#include <QSet>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Editing)
};
} // namespace

int servicesUsingHost(const Schema &schema, const QString &hostId)
{
    int count = 0;
    for (const Service &s : schema.services)
        count += s.hostId == hostId || s.plannedHostId == hostId;
    return count;
}

int servicesInRange(const Schema &schema, const QString &rangeId)
{
    int count = 0;
    for (const Service &s : schema.services)
        count += s.rangeId == rangeId;
    return count;
}

QUndoCommand *removeHostCommand(SchemaDocument *document, const QString &hostId, Dependents dependents,
                                const QString &reassignTo)
{
    const Schema &schema = document->schema();
    const Host *host = schema.host(hostId);
    auto *macro = new QUndoCommand(Tr::tr("Remove host %1").arg(host ? host->name : hostId));
    const QString target = dependents == Dependents::Reassign ? reassignTo : QString();
    for (const Service &s : schema.services) {
        if (s.hostId == hostId)
            new ChangeServiceFieldCommand(document, s.id, ServiceField::Host, target, macro);
        if (s.plannedHostId == hostId)
            new ChangeServiceFieldCommand(document, s.id, ServiceField::PlannedHost, target, macro);
    }
    QList<Host> hosts = schema.hosts;
    hosts.removeAt(schema.hostIndex(hostId));
    changeHostsCommand(document, hosts, macro->text(), macro);
    return macro;
}

QUndoCommand *removeRangeCommand(SchemaDocument *document, const QString &rangeId, Dependents dependents,
                                 const QString &reassignTo)
{
    const Schema &schema = document->schema();
    const PortRange *range = schema.range(rangeId);
    auto *macro = new QUndoCommand(Tr::tr("Remove range %1").arg(range ? range->label() : rangeId));
    const QString target = dependents == Dependents::Reassign ? reassignTo : QString();
    for (const Service &s : schema.services) {
        if (s.rangeId == rangeId)
            new ChangeServiceFieldCommand(document, s.id, ServiceField::Range, target, macro);
    }
    QList<Reservation> reservations;
    for (const Reservation &r : schema.reservations) {
        if (r.rangeId != rangeId)
            reservations.append(r);
    }
    if (reservations.size() != schema.reservations.size())
        changeReservationsCommand(document, reservations, macro->text(), macro);
    QList<PortRange> ranges = schema.ranges;
    ranges.removeAt(schema.rangeIndex(rangeId));
    for (PortRange &r : ranges) {
        if (r.parentId == rangeId)
            r.parentId.clear();
    }
    changeRangesCommand(document, ranges, macro->text(), macro);
    return macro;
}

QUndoCommand *renameHostIdCommand(SchemaDocument *document, const QString &oldId, const QString &newId)
{
    const Schema &schema = document->schema();
    auto *macro = new QUndoCommand(Tr::tr("Rename host id %1 to %2").arg(oldId, newId));
    // The new host first, then the services, then the old one goes: at no
    // step does a service name a host that is not there.
    QList<Host> hosts = schema.hosts;
    Host renamed = hosts.at(schema.hostIndex(oldId));
    renamed.id = newId;
    hosts.insert(schema.hostIndex(oldId) + 1, renamed);
    changeHostsCommand(document, hosts, macro->text(), macro);
    for (const Service &s : schema.services) {
        if (s.hostId == oldId)
            new ChangeServiceFieldCommand(document, s.id, ServiceField::Host, newId, macro);
        if (s.plannedHostId == oldId)
            new ChangeServiceFieldCommand(document, s.id, ServiceField::PlannedHost, newId, macro);
    }
    hosts.removeAt(schema.hostIndex(oldId));
    changeHostsCommand(document, hosts, macro->text(), macro);
    return macro;
}

QUndoCommand *addHostCommand(SchemaDocument *document, const Host &host)
{
    QList<Host> hosts = document->schema().hosts;
    hosts.append(host);
    return changeHostsCommand(document, hosts, Tr::tr("Add host %1").arg(host.name));
}

QUndoCommand *addRangeCommand(SchemaDocument *document, const PortRange &range)
{
    QList<PortRange> ranges = document->schema().ranges;
    ranges.append(range);
    return changeRangesCommand(document, ranges, Tr::tr("Add range %1").arg(range.label()));
}

QUndoCommand *removeServicesCommand(SchemaDocument *document, const QStringList &serviceIds)
{
    const TextSet ids(serviceIds.cbegin(), serviceIds.cend());
    const Schema &schema = document->schema();
    auto *macro = new QUndoCommand(Tr::tr("Remove %n service(s)", nullptr, int(ids.size())));
    QList<Reference> references;
    for (const Reference &r : schema.references) {
        if (!ids.contains(r.fromServiceId) && !ids.contains(r.toServiceId))
            references.append(r);
    }
    if (references.size() != schema.references.size())
        changeReferencesCommand(document, references, macro->text(), macro);
    for (const Service &s : schema.services) {
        if (!s.counterpartId.isEmpty() && ids.contains(s.counterpartId) && !ids.contains(s.id))
            new ChangeServiceFieldCommand(document, s.id, ServiceField::Counterpart, QString(), macro);
    }
    new RemoveServicesCommand(document, serviceIds, macro);
    return macro;
}

QUndoCommand *addServicesCommand(SchemaDocument *document, QList<Service> services, const QString &text)
{
    const Schema &schema = document->schema();
    auto *macro = new QUndoCommand(text);
    // The document's own ids are asked of its row map, not copied: pasting
    // ten services into 100,000 should not hash 100,000 ids.
    UniqueIds taken;
    taken.reserve(services.size());
    taken.setTakenElsewhere([document](const QString &id) { return document->serviceRow(id) >= 0; });
    TextSet hostIds, rangeIds;
    for (const Host &h : schema.hosts)
        hostIds.insert(h.id);
    for (const PortRange &r : schema.ranges)
        rangeIds.insert(r.id);
    TextHash<QString> renamed;
    renamed.reserve(services.size());
    for (Service &s : services) {
        const QString id = s.id.isEmpty() ? taken.take(s.name) : taken.takeStem(s.id);
        renamed.insert(s.id, id);
        s.id = id;
        if (!s.hostId.isEmpty() && !hostIds.contains(s.hostId))
            s.hostId.clear();
        if (!s.plannedHostId.isEmpty() && !hostIds.contains(s.plannedHostId))
            s.plannedHostId.clear();
        if (!s.rangeId.isEmpty() && !rangeIds.contains(s.rangeId))
            s.rangeId.clear();
    }
    for (Service &s : services) {
        // A counterpart among the pasted services follows its new id; one
        // the document does not have is dropped.
        if (!s.counterpartId.isEmpty()) {
            if (renamed.contains(s.counterpartId))
                s.counterpartId = renamed.value(s.counterpartId);
            else if (document->serviceRow(s.counterpartId) < 0)
                s.counterpartId.clear();
        }
    }
    new AddServicesCommand(document, services, -1, macro);
    return macro;
}

QUndoCommand *duplicateServicesCommand(SchemaDocument *document, const QStringList &serviceIds)
{
    const QString copyName = Tr::tr("%1 (copy)"); // translated once for thousands of copies
    QList<Service> copies;
    copies.reserve(serviceIds.size());
    for (const QString &id : serviceIds) {
        if (const int row = document->serviceRow(id); row >= 0) {
            Service &copy = copies.emplace_back(document->service(row));
            copy.name = copyName.arg(copy.name);
            copy.id = slugify(copy.name);
        }
    }
    const QString text = Tr::tr("Duplicate %n service(s)", nullptr, int(copies.size()));
    return addServicesCommand(document, std::move(copies), text);
}

} // namespace Portolan
