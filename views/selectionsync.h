#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QAbstractItemModel;
class QAbstractProxyModel;
class QItemSelection;
class QItemSelectionModel;
class QModelIndex;

namespace Portolan {

// The whole rows of a flat model's rows, one range a run of consecutive
// rows. A selection model merges a new selection range by range against the
// old one, so thousands of single-row ranges (the copies of a Duplicate, a
// sorted selection mapped to the unsorted model) cost a product of both
// sizes where the runs cost next to nothing. Selected without
// QItemSelectionModel::Rows: the ranges are whole rows already, and Rows
// widens them one by one, merging each into those before it.
QItemSelection rowRunSelection(QList<int> rows, const QAbstractItemModel *model);

// Keeps two views' selections of one model in step when one of them looks at
// it through a proxy (the sorted, filtered table) and the other directly (the
// grid): select a row in one, it is selected and current in the other.
class SelectionSync : public QObject
{
    Q_OBJECT

public:
    // changingRows: whether the model is inserting, removing or resetting
    // rows. Meanwhile each selection model adjusts its own selection, and
    // copying every change across would be redundant and, with a large
    // selection (Duplicate of 10,000 services, its undo), slow: each copy
    // merges thousands of ranges.
    SelectionSync(QItemSelectionModel *proxied, QAbstractProxyModel *proxy, QItemSelectionModel *source,
                  std::function<bool()> changingRows = {}, QObject *parent = nullptr);

private:
    void fromProxied();
    void fromSource();
    void proxiedCurrentChanged(const QModelIndex &current);
    void sourceCurrentChanged(const QModelIndex &current);

    QItemSelectionModel *mProxied;
    QAbstractProxyModel *mProxy;
    QItemSelectionModel *mSource;
    std::function<bool()> mChangingRows;
    bool mSyncing = false;
};

} // namespace Portolan
