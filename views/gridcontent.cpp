#include "gridcontent.h"

#include <algorithm>

namespace Portolan {

static constexpr int PortSlots = 65536;

static int validPort(int port)
{
    return isValidPort(port) ? port : 0;
}

GridContent::GridContent()
    : mByPort(PortSlots)
    , mReserved(PortSlots, false)
    , mInRange(PortSlots, false)
{
}

void GridContent::setReservations(const QList<Reservation> &reservations)
{
    mReserved.assign(PortSlots, false);
    for (const Reservation &r : reservations) {
        for (int p = qMax(1, r.first); p <= qMin(PortSlots - 1, r.last); ++p)
            mReserved[size_t(p)] = true;
    }
}

void GridContent::setRanges(const QList<PortRange> &ranges)
{
    mInRange.assign(PortSlots, false);
    for (const PortRange &r : ranges) {
        for (int p = qMax(1, r.first); p <= qMin(PortSlots - 1, r.last); ++p)
            mInRange[size_t(p)] = true;
    }
}

GridContent::Placement GridContent::ownPlacementOf(const Service &s) const
{
    Placement p;
    if (isPlanLayer()) {
        p.port = validPort(s.plannedPort);
        if (!p.port) {
            p.port = validPort(s.actualPort);
            p.unplanned = p.port != 0;
        }
        return p;
    }
    if (s.hostId == mHostId)
        p.port = validPort(s.actualPort);
    const QString &plannedHost = s.plannedHostId.isEmpty() ? s.hostId : s.plannedHostId;
    const int planned = validPort(s.plannedPort);
    if (plannedHost == mHostId && planned && planned != p.port)
        p.ghostPort = planned;
    return p;
}

GridContent::Placement GridContent::placementOf(const Service &s) const
{
    Placement p = ownPlacementOf(s);
    if (!mReference)
        return p;
    // The map is made at rebuild(); a reference edited since (rows shifted)
    // only loses its ghosts until the next rebuild, it never misleads.
    const int referenceRow = mReferenceRows.value(s.id, -1);
    if (referenceRow < 0 || referenceRow >= mReference->services.size()
        || mReference->services.at(referenceRow).id != s.id)
        return p;
    const Service &real = mReference->services.at(referenceRow);
    const int was = isPlanLayer() ? validPort(real.plannedPort)
                                  : (real.hostId == mHostId ? validPort(real.actualPort) : 0);
    if (was && was != p.port) {
        p.ghostPort = was;
        p.ghostIsPrevious = true;
    }
    return p;
}

void GridContent::insertEntry(int port, const GridEntry &entry)
{
    QList<GridEntry> &list = mByPort[size_t(port)];
    // Services before ghosts, then by row, so the top entry is stable.
    auto it = std::lower_bound(list.begin(), list.end(), entry, [](const GridEntry &a, const GridEntry &b) {
        return a.ghost != b.ghost ? !a.ghost : a.row < b.row;
    });
    list.insert(it, entry);
}

void GridContent::removeEntries(int port, int row)
{
    QList<GridEntry> &list = mByPort[size_t(port)];
    list.removeIf([row](const GridEntry &e) { return e.row == row; });
}

void GridContent::rebuild(const Schema &schema, const QString &hostId)
{
    mHostId = hostId;
    for (QList<GridEntry> &list : mByPort)
        list.clear();
    setReservations(schema.reservations);
    setRanges(schema.ranges);
    mReferenceRows.clear();
    if (mReference) {
        for (int row = 0; row < int(mReference->services.size()); ++row)
            mReferenceRows.insert(mReference->services.at(row).id, row);
    }
    mByRow.assign(size_t(schema.services.size()), Placement());
    // Rows ascend, so appending keeps each list ordered; ghosts are rare
    // enough that inserting them in order costs nothing.
    for (int row = 0; row < int(schema.services.size()); ++row)
        placeRow(schema, row);
}

// Every entry from row `from` on moves by `by`; their order stays.
void GridContent::shiftRows(int from, int by)
{
    for (QList<GridEntry> &list : mByPort) {
        if (list.isEmpty())
            continue; // not detached: most ports are free
        for (GridEntry &e : list) {
            if (e.row >= from)
                e.row += by;
        }
    }
}

// Places the service of a row that has no entries yet.
const GridContent::Placement &GridContent::placeRow(const Schema &schema, int row)
{
    Placement &p = mByRow[size_t(row)];
    p = placementOf(schema.services.at(row));
    if (p.port)
        insertEntry(p.port, {row, false, p.unplanned});
    if (p.ghostPort)
        insertEntry(p.ghostPort, {row, true, false, p.ghostIsPrevious});
    return p;
}

bool GridContent::isUnranged(const Placement &p) const
{
    return (p.port && !mInRange[size_t(p.port)]) || (p.ghostPort && !mInRange[size_t(p.ghostPort)]);
}

bool GridContent::insertRows(const Schema &schema, int first, int last)
{
    const int count = last - first + 1;
    if (first < int(mByRow.size()))
        shiftRows(first, count);
    mByRow.insert(mByRow.begin() + first, size_t(count), Placement());
    bool unranged = false;
    for (int row = first; row <= last; ++row)
        unranged = isUnranged(placeRow(schema, row)) || unranged;
    return unranged;
}

bool GridContent::removeRows(int first, int last)
{
    bool unranged = false;
    for (int row = first; row <= last; ++row) {
        const Placement &p = mByRow[size_t(row)];
        if (p.port)
            removeEntries(p.port, row);
        if (p.ghostPort)
            removeEntries(p.ghostPort, row);
        unranged = unranged || isUnranged(p);
    }
    mByRow.erase(mByRow.begin() + first, mByRow.begin() + last + 1);
    shiftRows(last + 1, -(last - first + 1));
    return unranged;
}

const QList<GridEntry> &GridContent::entriesAt(int port) const
{
    static const QList<GridEntry> none;
    return port >= 0 && port < PortSlots ? mByPort[size_t(port)] : none;
}

bool GridContent::isOccupied(int port) const
{
    const QList<GridEntry> &list = entriesAt(port);
    return !list.isEmpty() && !list.first().ghost;
}

bool GridContent::isReserved(int port) const
{
    return port > 0 && port < PortSlots && mReserved[size_t(port)];
}

bool GridContent::isInRange(int port) const
{
    return port > 0 && port < PortSlots && mInRange[size_t(port)];
}

int GridContent::portOfRow(int row) const
{
    return row >= 0 && row < int(mByRow.size()) ? mByRow[size_t(row)].port : 0;
}

int GridContent::ghostPortOfRow(int row) const
{
    return row >= 0 && row < int(mByRow.size()) ? mByRow[size_t(row)].ghostPort : 0;
}

bool GridContent::isUnplanned(int row) const
{
    return row >= 0 && row < int(mByRow.size()) && mByRow[size_t(row)].unplanned;
}

QList<int> GridContent::updateRow(const Schema &schema, int row)
{
    QList<int> changed;
    if (row < 0 || row >= int(mByRow.size()) || row >= int(schema.services.size()))
        return changed;
    const Placement old = mByRow[size_t(row)];
    const Placement now = placementOf(schema.services.at(row));
    for (int port : {old.port, old.ghostPort}) {
        if (port) {
            removeEntries(port, row);
            changed.append(port);
        }
    }
    mByRow[size_t(row)] = now;
    if (now.port)
        insertEntry(now.port, {row, false, now.unplanned});
    if (now.ghostPort)
        insertEntry(now.ghostPort, {row, true, false, now.ghostIsPrevious});
    for (int port : {now.port, now.ghostPort}) {
        if (port && !changed.contains(port))
            changed.append(port);
    }
    return changed;
}

QList<int> GridContent::unrangedPorts() const
{
    QList<int> ports;
    for (const Placement &p : mByRow) {
        for (int port : {p.port, p.ghostPort}) {
            if (port && !mInRange[size_t(port)])
                ports.append(port);
        }
    }
    std::sort(ports.begin(), ports.end());
    ports.erase(std::unique(ports.begin(), ports.end()), ports.end());
    return ports;
}

int GridContent::usedCount(int first, int last) const
{
    int used = 0;
    for (int p = qMax(1, first); p <= qMin(PortSlots - 1, last); ++p) {
        bool taken = isReserved(p);
        for (const GridEntry &e : entriesAt(p))
            taken = taken || (!e.ghost && !e.unplanned);
        used += taken;
    }
    return used;
}

int GridContent::reservedCount(int first, int last) const
{
    int reserved = 0;
    for (int p = qMax(1, first); p <= qMin(PortSlots - 1, last); ++p)
        reserved += isReserved(p);
    return reserved;
}

} // namespace Portolan
