#include "hosttablemodel.h"

#include "commands.h"
#include "schemadocument.h"

#include <QSet>
#include <QUndoStack>

namespace Portolan {

int ShortListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : copyCount();
}

void ShortListModel::syncRows()
{
    const int newCount = documentCount();
    const int oldCount = copyCount();
    if (qAbs(newCount - oldCount) == 1) {
        // One row came or went (every edit of these lists does one): find it.
        int row = 0;
        while (row < qMin(newCount, oldCount) && copyKey(row) == documentKey(row))
            ++row;
        if (newCount > oldCount) {
            beginInsertRows(QModelIndex(), row, row);
            takeCopy();
            endInsertRows();
        } else {
            beginRemoveRows(QModelIndex(), row, row);
            removeFromCopy(row);
            endRemoveRows();
            takeCopy();
        }
    } else if (newCount != oldCount) {
        beginResetModel();
        takeCopy();
        endResetModel();
        return;
    } else {
        takeCopy();
    }
    if (newCount > 0)
        emit dataChanged(index(0, 0), index(newCount - 1, columnCount() - 1));
}

QString ShortListModel::setSpanBound(bool isFirst, const QVariant &input, int *first, int *last,
                                     const QString &reversedMessage)
{
    bool ok = false;
    const int port = input.toString().trimmed().toInt(&ok);
    if (!ok || !isValidPort(port))
        return tr("\"%1\" is not a port number (1-65535).").arg(input.toString());
    (isFirst ? *first : *last) = port;
    if (*first > *last)
        return reversedMessage.arg(*first).arg(*last);
    return {};
}

HostTableModel::HostTableModel(SchemaDocument *document, QObject *parent)
    : ShortListModel(parent)
    , mDocument(document)
{
    connect(document, &SchemaDocument::hostsChanged, this, &HostTableModel::syncRows);
    connect(document, &SchemaDocument::reset, this, &HostTableModel::syncRows);
    connect(document, &SchemaDocument::reset, this, &HostTableModel::servicesChanged);
    connect(document, &SchemaDocument::servicesInserted, this, &HostTableModel::servicesChanged);
    connect(document, &SchemaDocument::servicesRemoved, this, &HostTableModel::servicesChanged);
    connect(document, &SchemaDocument::servicesReset, this, &HostTableModel::servicesChanged);
    connect(document, &SchemaDocument::serviceReplaced, this, &HostTableModel::servicesChanged);
    connect(document, &SchemaDocument::serviceFieldChanged, this, [this](int, ServiceField field) {
        if (field == ServiceField::Host)
            servicesChanged();
    });
    syncRows();
}

void HostTableModel::servicesChanged()
{
    // A bulk edit sends thousands of these: one dataChanged until the counts
    // are asked for again.
    if (!mCountsValid)
        return;
    mCountsValid = false;
    // Told once the event loop runs again: a view that sizes its columns to
    // their contents asks for every count at once, which after each of
    // 10,000 inserted services would count the plan 10,000 times.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (rowCount() > 0)
                emit dataChanged(index(0, ServicesColumn), index(rowCount() - 1, ServicesColumn));
        },
        Qt::QueuedConnection);
}

int HostTableModel::serviceCount(const QString &hostId) const
{
    if (!mCountsValid) {
        mServiceCounts.clear();
        for (const Service &s : mDocument->schema().services)
            ++mServiceCounts[s.hostId];
        mCountsValid = true;
    }
    return mServiceCounts.value(hostId);
}

QString HostTableModel::documentKey(int row) const
{
    return mDocument->schema().hosts.at(row).id;
}

int HostTableModel::documentCount() const
{
    return int(mDocument->schema().hosts.size());
}

void HostTableModel::takeCopy()
{
    mHosts = mDocument->schema().hosts;
}

int HostTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Host &h = mHosts.at(index.row());
    if (role == HostIdRole)
        return h.id;
    if (role == Qt::ToolTipRole) {
        // The notes are elided in narrow docks; the id column may be hidden.
        if (index.column() == NotesColumn && !h.notes.isEmpty())
            return h.notes;
        if (index.column() == NameColumn)
            return tr("%1 (id %2)").arg(h.name, h.id);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case IdColumn: return h.id;
    case NameColumn: return h.name;
    case AddressColumn: return h.address;
    case PlatformColumn: return h.platform;
    case NotesColumn: return h.notes;
    case ServicesColumn: return serviceCount(h.id);
    }
    return {};
}

QVariant HostTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case NameColumn: return tr("Name");
    case AddressColumn: return tr("Address");
    case PlatformColumn: return tr("Platform");
    case ServicesColumn: return tr("Services");
    case NotesColumn: return tr("Notes");
    }
    return {};
}

Qt::ItemFlags HostTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    // The id is what services refer to; it changes only through the hosts editor's rename.
    if (index.column() != IdColumn && index.column() != ServicesColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool HostTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    QList<Host> hosts = mDocument->schema().hosts;
    Host &h = hosts[index.row()];
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case NameColumn:
        if (text.isEmpty()) {
            emit inputRejected(tr("A host needs a name."));
            return false;
        }
        h.name = text;
        break;
    case AddressColumn: h.address = text; break;
    case PlatformColumn: h.platform = text; break;
    case NotesColumn: h.notes = value.toString(); break;
    default: return false;
    }
    if (hosts == mDocument->schema().hosts)
        return true;
    mDocument->undoStack()->push(changeHostsCommand(mDocument, hosts, tr("Edit host %1").arg(h.name)));
    return true;
}

RangeTableModel::RangeTableModel(SchemaDocument *document, QObject *parent)
    : ShortListModel(parent)
    , mDocument(document)
{
    connect(document, &SchemaDocument::rangesChanged, this, &RangeTableModel::syncRows);
    connect(document, &SchemaDocument::reservationsChanged, this, &RangeTableModel::syncRows);
    connect(document, &SchemaDocument::reset, this, &RangeTableModel::syncRows);
    connect(document, &SchemaDocument::servicesInserted, this, &RangeTableModel::servicesChanged);
    connect(document, &SchemaDocument::servicesRemoved, this, &RangeTableModel::servicesChanged);
    connect(document, &SchemaDocument::servicesReset, this, &RangeTableModel::servicesChanged);
    connect(document, &SchemaDocument::serviceReplaced, this, &RangeTableModel::servicesChanged);
    connect(document, &SchemaDocument::serviceFieldChanged, this, [this](int, ServiceField field) {
        if (field == ServiceField::PlannedPort || field == ServiceField::Range)
            servicesChanged();
    });
    syncRows();
}

void RangeTableModel::servicesChanged()
{
    if (!mUsedValid)
        return;
    mUsedValid = false;
    // Told once the event loop runs again, as HostTableModel's counts.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (rowCount() > 0)
                emit dataChanged(index(0, UsedColumn), index(rowCount() - 1, UsedColumn));
        },
        Qt::QueuedConnection);
}

QString RangeTableModel::documentKey(int row) const
{
    return mDocument->schema().ranges.at(row).id;
}

int RangeTableModel::documentCount() const
{
    return int(mDocument->schema().ranges.size());
}

void RangeTableModel::recount() const
{
    // One pass over the services, then one over each range's ports: linear in
    // services plus range sizes, never services times ranges.
    const Schema &schema = mDocument->schema();
    QSet<int> taken;
    QSet<int> reserved;
    for (const Service &s : schema.services) {
        if (s.plannedPort > 0)
            taken.insert(s.plannedPort);
    }
    for (const Reservation &res : schema.reservations) {
        for (int p = res.first; p <= res.last; ++p)
            reserved.insert(p);
    }
    taken.unite(reserved);
    mUsed.fill(0, mRanges.size());
    mReserved.fill(0, mRanges.size());
    for (int i = 0; i < mRanges.size(); ++i) {
        const PortRange &r = mRanges.at(i);
        int used = 0;
        int kept = 0;
        for (int p = r.first; p <= r.last; ++p) {
            used += taken.contains(p);
            kept += reserved.contains(p);
        }
        mUsed[i] = used;
        mReserved[i] = kept;
    }
    mUsedValid = true;
}

void RangeTableModel::takeCopy()
{
    mRanges = mDocument->schema().ranges;
    mUsedValid = false;
}

int RangeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RangeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PortRange &r = mRanges.at(index.row());
    if (role == RangeIdRole)
        return r.id;
    if (role == Qt::TextAlignmentRole && index.column() != TitleColumn && index.column() != PurposeColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == UsedColumn) {
        if (!mUsedValid)
            recount();
        const int used = mUsed.value(index.row());
        const int reserved = mReserved.value(index.row());
        return tr("%1 of %2 ports used: %3 planned for a service, %4 reserved")
            .arg(used)
            .arg(r.size())
            .arg(used - reserved)
            .arg(reserved);
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case FirstColumn: return r.first;
    case LastColumn: return r.last;
    case TitleColumn: return r.title;
    case PurposeColumn: return r.purpose;
    case UsedColumn:
        if (!mUsedValid)
            recount();
        if (role == Qt::EditRole)
            return mUsed.value(index.row());
        // Used counts planned ports and reservations, as the grid's header does.
        if (mReserved.value(index.row()) > 0)
            return tr("%1/%2 (%n reserved)", nullptr, mReserved.value(index.row())).arg(mUsed.value(index.row())).arg(r.size());
        return tr("%1/%2").arg(mUsed.value(index.row())).arg(r.size());
    }
    return {};
}

QVariant RangeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FirstColumn: return tr("First");
    case LastColumn: return tr("Last");
    case TitleColumn: return tr("Title");
    case UsedColumn: return tr("Used");
    case PurposeColumn: return tr("Purpose");
    }
    return {};
}

Qt::ItemFlags RangeTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() != UsedColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool RangeTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    QList<PortRange> ranges = mDocument->schema().ranges;
    PortRange &r = ranges[index.row()];
    switch (index.column()) {
    case FirstColumn:
    case LastColumn:
        if (const QString reason = setSpanBound(index.column() == FirstColumn, value, &r.first, &r.last,
                                                tr("A range must not start after its end (%1 > %2)."));
            !reason.isEmpty()) {
            emit inputRejected(reason);
            return false;
        }
        break;
    case TitleColumn: r.title = value.toString().trimmed(); break;
    case PurposeColumn: r.purpose = value.toString(); break;
    default: return false;
    }
    if (ranges == mDocument->schema().ranges)
        return true;
    mDocument->undoStack()->push(changeRangesCommand(mDocument, ranges, tr("Edit range %1").arg(r.label())));
    return true;
}

ReservationTableModel::ReservationTableModel(SchemaDocument *document, QObject *parent)
    : ShortListModel(parent)
    , mDocument(document)
{
    connect(document, &SchemaDocument::reservationsChanged, this, &ReservationTableModel::syncRows);
    connect(document, &SchemaDocument::rangesChanged, this, &ReservationTableModel::syncRows);
    connect(document, &SchemaDocument::reset, this, &ReservationTableModel::syncRows);
    syncRows();
}

static QString reservationKey(const Reservation &r)
{
    return QStringLiteral("%1-%2@%3").arg(r.first).arg(r.last).arg(r.rangeId);
}

QString ReservationTableModel::documentKey(int row) const
{
    return reservationKey(mDocument->schema().reservations.at(row));
}

QString ReservationTableModel::copyKey(int row) const
{
    return reservationKey(mReservations.at(row));
}

int ReservationTableModel::documentCount() const
{
    return int(mDocument->schema().reservations.size());
}

void ReservationTableModel::takeCopy()
{
    mReservations = mDocument->schema().reservations;
}

int ReservationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReservationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Reservation &r = mReservations.at(index.row());
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case FirstColumn: return r.first;
    case LastColumn: return r.last;
    case RangeColumn: {
        if (role == Qt::EditRole)
            return r.rangeId;
        const PortRange *range = mDocument->schema().range(r.rangeId);
        return range ? QStringLiteral("%1 %2").arg(range->label(), range->title) : r.rangeId;
    }
    case NoteColumn: return r.note;
    }
    return {};
}

QVariant ReservationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FirstColumn: return tr("First");
    case LastColumn: return tr("Last");
    case RangeColumn: return tr("Range");
    case NoteColumn: return tr("Note");
    }
    return {};
}

Qt::ItemFlags ReservationTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() != RangeColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ReservationTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    QList<Reservation> reservations = mDocument->schema().reservations;
    Reservation &r = reservations[index.row()];
    switch (index.column()) {
    case FirstColumn:
    case LastColumn:
        if (const QString reason = setSpanBound(index.column() == FirstColumn, value, &r.first, &r.last,
                                                tr("A reservation must not start after its end (%1 > %2)."));
            !reason.isEmpty()) {
            emit inputRejected(reason);
            return false;
        }
        break;
    case NoteColumn: r.note = value.toString(); break;
    default: return false;
    }
    if (reservations == mDocument->schema().reservations)
        return true;
    mDocument->undoStack()->push(changeReservationsCommand(mDocument, reservations, tr("Edit reservation %1").arg(r.label())));
    return true;
}

} // namespace Portolan
