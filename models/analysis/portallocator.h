#pragma once

#include "schema.h"

namespace Portolan {

// The lowest port of a range that a new service can take: not reserved, not
// the planned port of any service, not the actual port of a service on the
// host (any host when hostId is empty), and not inside a narrower range nested
// in this one. Returns 0 when the range is full or unknown. One linear pass
// over the services, so it is cheap enough to call per user action.
int nextFreePort(const Schema &schema, const QString &rangeId, const QString &hostId = {});

// What the New Service dialog proposes: the next free port of the chosen
// range, or, when that range is full, the first free port of another range
// (the ranges in port order).
struct PortProposal
{
    int port = 0;          // 0: no range has room
    QString rangeId;       // the range the port is in
    bool rangeFull = false; // the chosen range had no free port
};
PortProposal proposePort(const Schema &schema, const QString &rangeId, const QString &hostId = {});

} // namespace Portolan
