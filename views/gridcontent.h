#pragma once

#include "schema.h"
#include "texthash.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace Portolan {

// One service shown in a cell. A ghost marks where the plan wants a service
// that runs elsewhere (drift), in a host layer.
struct GridEntry
{
    int row = -1;           // the service's row in the document and in ServiceTableModel
    bool ghost = false;
    bool unplanned = false; // plan layer: no planned port, shown at its actual port
    bool previous = false;  // a ghost of where it was before what-if drafts moved it

    friend bool operator==(const GridEntry &, const GridEntry &) = default;
};

// Which services occupy which port in one layer of the grid: the plan
// (planned ports, all hosts) or one host (actual ports on that host, plus
// ghosts at planned ports that differ). Updated per row, so an edit costs
// only that service; no widgets, so it is tested and benchmarked alone.
class GridContent
{
public:
    GridContent();

    // hostId empty: the plan layer.
    void rebuild(const Schema &schema, const QString &hostId);
    void setReservations(const QList<Reservation> &reservations);
    void setRanges(const QList<PortRange> &ranges);
    // What-if: the real schema. A service the drafts moved shows a ghost
    // where it is in the real schema. Null: no reference. Takes effect on rebuild().
    void setReference(const Schema *reference) { mReference = reference; }

    const QString &hostId() const { return mHostId; }
    bool isPlanLayer() const { return mHostId.isEmpty(); }

    const QList<GridEntry> &entriesAt(int port) const;
    bool isOccupied(int port) const; // by a service, ghosts not counted
    bool isReserved(int port) const;
    bool isInRange(int port) const;

    // Where a row sits in this layer: its own cell, and its ghost cell (0 = none).
    int portOfRow(int row) const;
    int ghostPortOfRow(int row) const;
    bool isUnplanned(int row) const;

    // Re-places one service after an edit; returns the ports whose cells changed.
    QList<int> updateRow(const Schema &schema, int row);
    // Services inserted at rows first..last of the schema, or taken out of
    // them: the rows after move, the rest stays placed. Each returns whether
    // a port outside every range was among them (the layout's unranged
    // block may change).
    bool insertRows(const Schema &schema, int first, int last);
    bool removeRows(int first, int last);

    // Ports with a service or ghost outside every range, ascending.
    QList<int> unrangedPorts() const;
    // Ports of [first, last] that are used in this layer: they hold a
    // service (the plan layer: at its planned port) or are reserved. Counted
    // as the Ranges dock counts them.
    int usedCount(int first, int last) const;
    // Ports of [first, last] that are reserved.
    int reservedCount(int first, int last) const;

private:
    struct Placement
    {
        int port = 0;
        int ghostPort = 0;
        bool unplanned = false;
        bool ghostIsPrevious = false;
    };

    Placement placementOf(const Service &service) const;
    Placement ownPlacementOf(const Service &service) const;
    void insertEntry(int port, const GridEntry &entry);
    void removeEntries(int port, int row);
    void shiftRows(int from, int by);
    const Placement &placeRow(const Schema &schema, int row);
    bool isUnranged(const Placement &p) const;

    QString mHostId;
    const Schema *mReference = nullptr;
    TextHash<int> mReferenceRows;
    std::vector<QList<GridEntry>> mByPort; // index: port 0..65535
    std::vector<Placement> mByRow;
    std::vector<bool> mReserved;
    std::vector<bool> mInRange;
};

} // namespace Portolan
