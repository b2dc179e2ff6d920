#include "selectionsync.h"

#include <QAbstractProxyModel>
#include <QItemSelectionModel>

namespace Portolan {

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
    mSource->select(mProxy->mapSelectionToSource(mProxied->selection()),
                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    mSyncing = false;
}

void SelectionSync::fromSource()
{
    if (mSyncing || (mChangingRows && mChangingRows()))
        return;
    mSyncing = true;
    mProxied->select(mProxy->mapSelectionFromSource(mSource->selection()),
                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
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
