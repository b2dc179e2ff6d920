#include "servicefield.h"

#include <QCoreApplication>

namespace Portolan {

QVariant serviceField(const Service &s, ServiceField field)
{
    switch (field) {
    case ServiceField::Name: return s.name;
    case ServiceField::Aliases: return s.aliases;
    case ServiceField::Range: return s.rangeId;
    case ServiceField::PlannedPort: return s.plannedPort;
    case ServiceField::ActualPort: return s.actualPort;
    case ServiceField::Host: return s.hostId;
    case ServiceField::PlannedHost: return s.plannedHostId;
    case ServiceField::Protocol: return QVariant::fromValue(int(s.protocol));
    case ServiceField::BindAddress: return s.bindAddress;
    case ServiceField::ContainerPort: return s.containerPort;
    case ServiceField::Runtime: return s.runtime;
    case ServiceField::Description: return s.description;
    case ServiceField::Status: return QVariant::fromValue(int(s.status));
    case ServiceField::Exposure: return QVariant::fromValue(int(s.exposure));
    case ServiceField::PublicHostname: return s.publicHostname;
    case ServiceField::Deployment: return s.deployment;
    case ServiceField::Metrics: return QVariant::fromValue(s.metrics);
    case ServiceField::Counterpart: return s.counterpartId;
    case ServiceField::Notes: return s.notes;
    case ServiceField::Profiles: return s.profiles;
    case ServiceField::Undocumented: return s.undocumented;
    case ServiceField::Origin: return QVariant::fromValue(s.origin);
    }
    return {};
}

void setServiceField(Service &s, ServiceField field, const QVariant &v)
{
    switch (field) {
    case ServiceField::Name: s.name = v.toString(); break;
    case ServiceField::Aliases: s.aliases = v.toStringList(); break;
    case ServiceField::Range: s.rangeId = v.toString(); break;
    case ServiceField::PlannedPort: s.plannedPort = v.toInt(); break;
    case ServiceField::ActualPort: s.actualPort = v.toInt(); break;
    case ServiceField::Host: s.hostId = v.toString(); break;
    case ServiceField::PlannedHost: s.plannedHostId = v.toString(); break;
    case ServiceField::Protocol: s.protocol = Protocol(v.toInt()); break;
    case ServiceField::BindAddress: s.bindAddress = v.toString(); break;
    case ServiceField::ContainerPort: s.containerPort = v.toInt(); break;
    case ServiceField::Runtime: s.runtime = v.toString(); break;
    case ServiceField::Description: s.description = v.toString(); break;
    case ServiceField::Status: s.status = ServiceStatus(v.toInt()); break;
    case ServiceField::Exposure: s.exposure = Exposure(v.toInt()); break;
    case ServiceField::PublicHostname: s.publicHostname = v.toString(); break;
    case ServiceField::Deployment: s.deployment = v.toString(); break;
    case ServiceField::Metrics: s.metrics = v.value<Metrics>(); break;
    case ServiceField::Counterpart: s.counterpartId = v.toString(); break;
    case ServiceField::Notes: s.notes = v.toString(); break;
    case ServiceField::Profiles: s.profiles = v.toStringList(); break;
    case ServiceField::Undocumented: s.undocumented = v.toBool(); break;
    case ServiceField::Origin: s.origin = v.value<SourceLocation>(); break;
    }
}

QString serviceFieldDisplayName(ServiceField field)
{
    switch (field) {
    case ServiceField::Name: return QCoreApplication::translate("Portolan", "Name");
    case ServiceField::Aliases: return QCoreApplication::translate("Portolan", "Aliases");
    case ServiceField::Range: return QCoreApplication::translate("Portolan", "Range");
    case ServiceField::PlannedPort: return QCoreApplication::translate("Portolan", "Planned port");
    case ServiceField::ActualPort: return QCoreApplication::translate("Portolan", "Actual port");
    case ServiceField::Host: return QCoreApplication::translate("Portolan", "Host");
    case ServiceField::PlannedHost: return QCoreApplication::translate("Portolan", "Planned host");
    case ServiceField::Protocol: return QCoreApplication::translate("Portolan", "Protocol");
    case ServiceField::BindAddress: return QCoreApplication::translate("Portolan", "Bind address");
    case ServiceField::ContainerPort: return QCoreApplication::translate("Portolan", "Container port");
    case ServiceField::Runtime: return QCoreApplication::translate("Portolan", "Runtime");
    case ServiceField::Description: return QCoreApplication::translate("Portolan", "Description");
    case ServiceField::Status: return QCoreApplication::translate("Portolan", "Status");
    case ServiceField::Exposure: return QCoreApplication::translate("Portolan", "Exposure");
    case ServiceField::PublicHostname: return QCoreApplication::translate("Portolan", "Public hostname");
    case ServiceField::Deployment: return QCoreApplication::translate("Portolan", "Deployment");
    case ServiceField::Metrics: return QCoreApplication::translate("Portolan", "Metrics");
    case ServiceField::Counterpart: return QCoreApplication::translate("Portolan", "Counterpart");
    case ServiceField::Notes: return QCoreApplication::translate("Portolan", "Notes");
    case ServiceField::Profiles: return QCoreApplication::translate("Portolan", "Profiles");
    case ServiceField::Undocumented: return QCoreApplication::translate("Portolan", "Undocumented");
    case ServiceField::Origin: return QCoreApplication::translate("Portolan", "Origin");
    }
    return {};
}

} // namespace Portolan
