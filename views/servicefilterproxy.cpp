#include "servicefilterproxy.h"

#include "servicetablemodel.h"

namespace Portolan {

ServiceFilterProxy::ServiceFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ServiceTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    mCollator.setNumericMode(true);
    mCollator.setCaseSensitivity(Qt::CaseInsensitive);
}

bool ServiceFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
        const QString x = a.toString(), y = b.toString();
        // Empty text last, as empty numbers are.
        if (x.isEmpty() != y.isEmpty())
            return y.isEmpty();
        return mCollator.compare(x, y) < 0;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

void ServiceFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == mText)
        return;
    mText = trimmed;
    invalidateRowsFilter();
}

void ServiceFilterProxy::setHostFilter(const QString &hostId)
{
    if (hostId == mHostId)
        return;
    mHostId = hostId;
    invalidateRowsFilter();
}

bool ServiceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!mHostId.isEmpty()
        && model->index(sourceRow, 0, sourceParent).data(ServiceTableModel::HostIdRole).toString() != mHostId)
        return false;
    if (mText.isEmpty())
        return true;
    // Every word must match some column, so "mac 30" finds Mac Mini services in 30xx.
    const QStringList words = mText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        bool found = false;
        for (int c = 0; c < model->columnCount(sourceParent) && !found; ++c) {
            found = model->index(sourceRow, c, sourceParent)
                        .data(Qt::DisplayRole)
                        .toString()
                        .contains(word, Qt::CaseInsensitive);
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace Portolan
