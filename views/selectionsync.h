#pragma once

#include <QObject>

#include <functional>

class QAbstractProxyModel;
class QItemSelection;
class QItemSelectionModel;
class QModelIndex;

namespace Portolan {

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
