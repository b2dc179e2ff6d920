#pragma once

#include <QObject>

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
    SelectionSync(QItemSelectionModel *proxied, QAbstractProxyModel *proxy, QItemSelectionModel *source,
                  QObject *parent = nullptr);

private:
    void fromProxied();
    void fromSource();
    void proxiedCurrentChanged(const QModelIndex &current);
    void sourceCurrentChanged(const QModelIndex &current);

    QItemSelectionModel *mProxied;
    QAbstractProxyModel *mProxy;
    QItemSelectionModel *mSource;
    bool mSyncing = false;
};

} // namespace Portolan
