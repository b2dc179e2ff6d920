#pragma once

#include "schema.h"

#include <QList>

class QMimeData;

namespace Portolan {

// The clipboard carries services as Portolan JSON and as tab-separated text
// for spreadsheets.
QMimeData *servicesToMimeData(const Schema &schema, const QStringList &serviceIds);
QList<Service> servicesFromMimeData(const QMimeData *mime);
inline constexpr const char *ServicesMimeType = "application/x-portolan-services+json";

} // namespace Portolan
