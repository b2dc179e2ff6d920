#pragma once

#include "schema.h"

#include <QVariant>

namespace Portolan {

// The editable fields of a service, addressed generically so that one undo
// command, one model column mapping and one serializer share them.
enum class ServiceField {
    Name,
    Aliases,
    Range,
    PlannedPort,
    ActualPort,
    Host,
    PlannedHost,
    Protocol,
    BindAddress,
    ContainerPort,
    Runtime,
    Description,
    Status,
    Exposure,
    PublicHostname,
    Deployment,
    Metrics,
    Counterpart,
    Notes,
    Profiles,
    Undocumented,
    Origin,
};

QVariant serviceField(const Service &service, ServiceField field);
void setServiceField(Service &service, ServiceField field, const QVariant &value);
QString serviceFieldDisplayName(ServiceField field);

} // namespace Portolan

Q_DECLARE_METATYPE(Portolan::Metrics)
Q_DECLARE_METATYPE(Portolan::SourceLocation)
