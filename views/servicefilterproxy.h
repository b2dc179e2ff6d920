#pragma once

#include <QAbstractProxyModel>
#include <QCollator>
#include <QPersistentModelIndex>

#include <optional>

namespace Portolan {

// Sorting and filtering of the services table: free text over the visible
// columns, plus an optional host filter.
//
// A flat proxy of its own rather than QSortFilterProxyModel, for fleets: it
// keeps the sort column's values at hand, places a block of new rows (the
// copies of a Duplicate) with one merge and, when they land in many places,
// announces them as one insertion at the end followed by one layout change
// instead of an insertion per place; rows removed in many places go the same
// way in reverse. Rows are ordered by the sort column, then by source row, so
// equal values keep the document's order and every row has one place.
class ServiceFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit ServiceFilterProxy(QObject *parent = nullptr);

    // The locale text is sorted in: the user's, unless that is the C locale.
    static QLocale collationLocale();

    void setSourceModel(QAbstractItemModel *model) override;

    void setFilterText(const QString &text);
    QString filterText() const { return mText; }
    void setHostFilter(const QString &hostId); // empty: all hosts
    QString hostFilter() const { return mHostId; }

    // -1: the source's order.
    int sortColumn() const { return mSortColumn; }
    Qt::SortOrder sortOrder() const { return mSortOrder; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool setHeaderData(int section, Qt::Orientation orientation, const QVariant &value,
                       int role = Qt::EditRole) override;

protected:
    bool filterAcceptsRow(int sourceRow) const;
    // Text as people read it: case-insensitive, digits as numbers
    // (service-838 before service-8379), empty text and no value last.
    int compareValues(const QVariant &a, const QVariant &b) const;

private:
    bool filtering() const { return !mText.isEmpty() || !mHostId.isEmpty(); }
    struct SortValue
    {
        QVariant value;
        std::optional<QCollatorSortKey> text; // for text that is not empty
    };
    SortValue sortValue(int sourceRow) const;
    void refreshSortValues();
    // Whether source row a comes before source row b.
    bool lessRow(int a, int b) const;
    void rebuild();
    void rebuildProxyRows(int fromProxyRow = 0);
    // Hides and shows the source rows top to bottom as the filter now says.
    void refilter(int top, int bottom);

    // Shows source rows not shown yet (each accepted), each in its place.
    void showRows(QList<int> sourceRows);
    // Hides proxy rows (sorted, unique).
    void hideRows(const QList<int> &proxyRows);
    // The same rows in a new order, with persistent indexes following them.
    void reorder(QList<int> rows);
    // Puts changed rows back in their places when any left it.
    void resortRows(const QList<int> &sourceRows);
    QList<int> merged(const QList<int> &rows, const QList<int> &sortedNew) const;

    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onSourceHeaderDataChanged(Qt::Orientation orientation, int first, int last);
    void onSourceRowsInserted(const QModelIndex &parent, int first, int last);
    void onSourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onSourceRowsRemoved(const QModelIndex &parent, int first, int last);
    void onSourceLayoutAboutToBeChanged();
    void onSourceLayoutChanged();
    void onSourceAboutToBeReset();
    void onSourceReset();

    QList<int> mRows;      // proxy row -> source row
    QList<int> mProxyRows; // source row -> proxy row, -1 when filtered out
    QList<SortValue> mSortValues; // source row -> its value in the sort column
    int mSortColumn = -1;
    Qt::SortOrder mSortOrder = Qt::AscendingOrder;
    QCollator mCollator;
    QString mText;
    QString mHostId;
    // Across a layout change of the source: the persistent indexes and their sources.
    QModelIndexList mLayoutFrom;
    QList<QPersistentModelIndex> mLayoutSources;
    QList<QMetaObject::Connection> mConnections;
};

} // namespace Portolan
