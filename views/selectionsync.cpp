#include "selectionsync.h"

#include "rowruns.h"

#include <QAbstractProxyModel>
#include <QItemSelectionModel>

namespace Portolan {

QItemSelection rowRunSelection(QList<int> rows, const QAbstractItemModel *model)
{
    QItemSelection selection;
    const int lastColumn = model->columnCount() - 1;
    for (const RowRun &run : rowRuns(std::move(rows)))
        selection.append(QItemSelectionRange(model->index(run.first, 0), model->index(run.last, lastColumn)));
    return selection;
}

SelectionSync::SelectionSync(QItemSelectionModel *proxied, QAbstractProxyModel *proxy, QItemSelectionModel *source,
                             std::function<bool()> changingRows, QObject *parent)
    : QObject(parent)
    , mProxied(proxied)
    , mProxy(proxy)
    , mSource(source)
    , mChangingRows(std::move(changingRows))
{
    connect(proxied, &QItemSelectionModel::selectionChanged, this, &SelectionSync::fromProxied);
    connect(source, &QItemSelectionModel::selectionChanged, this, &SelectionSync::fromSource);
    connect(proxied, &QItemSelectionModel::currentChanged, this, &SelectionSync::proxiedCurrentChanged);
    connect(source, &QItemSelectionModel::currentChanged, this, &SelectionSync::sourceCurrentChanged);
}

void SelectionSync::fromProxied()
{
    if (mSyncing || (mChangingRows && mChangingRows()))
        return;
    mSyncing = true;
    // Row by row rather than through mapSelectionToSource(), whose ranges
    // of persistent indexes cost thousands of allocations for a large
    // selection before they are merged into runs anyway.
    QList<int> rows;
    for (const QItemSelectionRange &range : mProxied->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            if (const QModelIndex source = mProxy->mapToSource(mProxy->index(row, 0)); source.isValid())
                rows.append(source.row());
        }
    }
    mSource->select(rowRunSelection(std::move(rows), mSource->model()), QItemSelectionModel::ClearAndSelect);
    mSyncing = false;
}

void SelectionSync::fromSource()
{
    if (mSyncing || (mChangingRows && mChangingRows()))
        return;
    mSyncing = true;
    QList<int> rows;
    const QAbstractItemModel *sourceModel = mSource->model();
    for (const QItemSelectionRange &range : mSource->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            if (const QModelIndex proxied = mProxy->mapFromSource(sourceModel->index(row, 0)); proxied.isValid())
                rows.append(proxied.row());
        }
    }
    mProxied->select(rowRunSelection(std::move(rows), mProxied->model()), QItemSelectionModel::ClearAndSelect);
    mSyncing = false;
}

void SelectionSync::proxiedCurrentChanged(const QModelIndex &current)
{
    if (mSyncing || !current.isValid())
        return;
    mSyncing = true;
    mSource->setCurrentIndex(mProxy->mapToSource(current), QItemSelectionModel::NoUpdate);
    mSyncing = false;
}

void SelectionSync::sourceCurrentChanged(const QModelIndex &current)
{
    if (mSyncing || !current.isValid())
        return;
    mSyncing = true;
    mProxied->setCurrentIndex(mProxy->mapFromSource(current), QItemSelectionModel::NoUpdate);
    mSyncing = false;
}

} // namespace Portolan
