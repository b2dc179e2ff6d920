#pragma once

#include "schema.h"

namespace Portolan {

// The lowest port of a range that a new service can take: not reserved, not
// the planned port of any service, not the actual port of a service on the
// host (any host when hostId is empty), and not inside a narrower range nested
// in this one. Returns 0 when the range is full or unknown. One linear pass
// over the services, so it is cheap enough to call per user action.
int nextFreePort(const Schema &schema, const QString &rangeId, const QString &hostId = {});

} // namespace Portolan
