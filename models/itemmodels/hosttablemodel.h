#pragma once

#include "schema.h"
#include "texthash.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Portolan {

class SchemaDocument;

// Base for the short lists (hosts, ranges): a size change becomes row
// inserts/removes plus a dataChanged, never a reset that drops the selection.
// Each model reads a copy of its list, so that views see the old rows until
// the removal is announced.
class ShortListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;

protected:
    void syncRows();
    // Sets the first or last port of a span from user input. Returns why the
    // input is refused (not a port; the span would run backwards, worded by
    // reversedMessage with %1 first and %2 last), or nothing.
    static QString setSpanBound(bool isFirst, const QVariant &input, int *first, int *last,
                                const QString &reversedMessage);
    virtual int documentCount() const = 0;
    virtual int copyCount() const = 0;
    // What identifies a row, to find the one inserted or removed.
    virtual QString documentKey(int row) const = 0;
    virtual QString copyKey(int row) const = 0;
    virtual void removeFromCopy(int row) = 0;
    virtual void takeCopy() = 0;
};

// The document's hosts, edited in place through undo commands.
class HostTableModel : public ShortListModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, NameColumn, AddressColumn, PlatformColumn, ServicesColumn, NotesColumn, ColumnCount };
    enum Role { HostIdRole = Qt::UserRole + 1 };

    explicit HostTableModel(SchemaDocument *document, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void inputRejected(const QString &reason);

protected:
    int documentCount() const override;
    int copyCount() const override { return int(mHosts.size()); }
    QString documentKey(int row) const override;
    QString copyKey(int row) const override { return mHosts.at(row).id; }
    void removeFromCopy(int row) override { mHosts.removeAt(row); }
    void takeCopy() override;

private:
    int serviceCount(const QString &hostId) const;
    void servicesChanged();

    SchemaDocument *mDocument;
    QList<Host> mHosts;
    // Services per host id, counted in one pass when first asked for after a
    // change of the services, not per painted cell.
    mutable TextHash<int> mServiceCounts;
    mutable bool mCountsValid = false;
};

// The document's ranges with their use counts.
class RangeTableModel : public ShortListModel
{
    Q_OBJECT

public:
    enum Column { FirstColumn, LastColumn, TitleColumn, UsedColumn, PurposeColumn, ColumnCount };
    enum Role { RangeIdRole = Qt::UserRole + 1 };

    explicit RangeTableModel(SchemaDocument *document, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void inputRejected(const QString &reason);

protected:
    int documentCount() const override;
    int copyCount() const override { return int(mRanges.size()); }
    QString documentKey(int row) const override;
    QString copyKey(int row) const override { return mRanges.at(row).id; }
    void removeFromCopy(int row) override { mRanges.removeAt(row); }
    void takeCopy() override;

private:
    void recount() const;
    void servicesChanged();

    SchemaDocument *mDocument;
    QList<PortRange> mRanges;
    // Per range: planned ports used (services + reserved slots), counted
    // when first asked for after a change.
    mutable QList<int> mUsed;     // ports planned or reserved, per range
    mutable QList<int> mReserved; // ports reserved, per range
    mutable bool mUsedValid = false;
};

// The document's reservations: slots kept free, per range.
class ReservationTableModel : public ShortListModel
{
    Q_OBJECT

public:
    enum Column { FirstColumn, LastColumn, RangeColumn, NoteColumn, ColumnCount };

    explicit ReservationTableModel(SchemaDocument *document, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void inputRejected(const QString &reason);

protected:
    int documentCount() const override;
    int copyCount() const override { return int(mReservations.size()); }
    QString documentKey(int row) const override;
    QString copyKey(int row) const override;
    void removeFromCopy(int row) override { mReservations.removeAt(row); }
    void takeCopy() override;

private:
    SchemaDocument *mDocument;
    QList<Reservation> mReservations;
};

} // namespace Portolan
