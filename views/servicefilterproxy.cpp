#include "servicefilterproxy.h"

#include "servicetablemodel.h"

#include <algorithm>
#include <bit>
#include <numeric>
#include <vector>

namespace Portolan {

namespace {

// Up to this many places, rows go in or out one place at a time; beyond,
// as one block at the end plus one layout change. Each insertion or removal
// costs every view and every persistent index a visit.
constexpr int FewPlaces = 8;

// Runs of consecutive values in a sorted list: their number.
int placeCount(const QList<int> &sorted)
{
    int places = sorted.isEmpty() ? 0 : 1;
    for (qsizetype i = 1; i < sorted.size(); ++i)
        places += sorted.at(i) != sorted.at(i - 1) + 1;
    return places;
}

} // namespace

QLocale ServiceFilterProxy::collationLocale()
{
    // The C locale compares code points and knows no numbers (LANG unset, a
    // minimal system); English collation is the closest that does.
    const QLocale system;
    return system.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : system;
}

ServiceFilterProxy::ServiceFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent)
    , mCollator(collationLocale())
{
    mCollator.setNumericMode(true);
    mCollator.setCaseSensitivity(Qt::CaseInsensitive);
}

void ServiceFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(mConnections))
        disconnect(c);
    mConnections.clear();
    QAbstractProxyModel::setSourceModel(model);
    if (model) {
        using M = QAbstractItemModel;
        using P = ServiceFilterProxy;
        mConnections = {
            connect(model, &M::dataChanged, this, &P::onSourceDataChanged),
            connect(model, &M::headerDataChanged, this, &P::onSourceHeaderDataChanged),
            connect(model, &M::rowsInserted, this, &P::onSourceRowsInserted),
            connect(model, &M::rowsAboutToBeRemoved, this, &P::onSourceRowsAboutToBeRemoved),
            connect(model, &M::rowsRemoved, this, &P::onSourceRowsRemoved),
            connect(model, &M::layoutAboutToBeChanged, this, &P::onSourceLayoutAboutToBeChanged),
            connect(model, &M::layoutChanged, this, &P::onSourceLayoutChanged),
            connect(model, &M::rowsAboutToBeMoved, this, &P::onSourceLayoutAboutToBeChanged),
            connect(model, &M::rowsMoved, this, &P::onSourceLayoutChanged),
            connect(model, &M::modelAboutToBeReset, this, &P::onSourceAboutToBeReset),
            connect(model, &M::modelReset, this, &P::onSourceReset),
            // Columns are fixed in practice; a change of them starts over.
            connect(model, &M::columnsAboutToBeInserted, this, &P::onSourceAboutToBeReset),
            connect(model, &M::columnsInserted, this, &P::onSourceReset),
            connect(model, &M::columnsAboutToBeRemoved, this, &P::onSourceAboutToBeReset),
            connect(model, &M::columnsRemoved, this, &P::onSourceReset),
            connect(model, &M::columnsAboutToBeMoved, this, &P::onSourceAboutToBeReset),
            connect(model, &M::columnsMoved, this, &P::onSourceReset),
            // As the base class does: no signals, the window is being torn down.
            connect(model, &QObject::destroyed, this, [this] {
                mRows.clear();
                mProxyRows.clear();
                mSortValues.clear();
            }),
        };
    }
    rebuild();
    endResetModel();
}

void ServiceFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == mText)
        return;
    mText = trimmed;
    refilter(0, int(mProxyRows.size()) - 1);
}

void ServiceFilterProxy::setHostFilter(const QString &hostId)
{
    if (hostId == mHostId)
        return;
    mHostId = hostId;
    refilter(0, int(mProxyRows.size()) - 1);
}

bool ServiceFilterProxy::filterAcceptsRow(int sourceRow) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!mHostId.isEmpty() && model->index(sourceRow, 0).data(ServiceTableModel::HostIdRole).toString() != mHostId)
        return false;
    if (mText.isEmpty())
        return true;
    // Every word must match some column, so "mac 30" finds Mac Mini services in 30xx.
    const QStringList words = mText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const int columns = model->columnCount();
    for (const QString &word : words) {
        bool found = false;
        for (int c = 0; c < columns && !found; ++c)
            found = model->index(sourceRow, c).data(Qt::DisplayRole).toString().contains(word, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

int ServiceFilterProxy::compareValues(const QVariant &a, const QVariant &b) const
{
    const int ta = a.typeId(), tb = b.typeId();
    if (ta == QMetaType::Int && tb == QMetaType::Int) {
        const int x = *static_cast<const int *>(a.constData());
        const int y = *static_cast<const int *>(b.constData());
        return x < y ? -1 : (y < x ? 1 : 0);
    }
    if (!a.isValid() || !b.isValid())
        return int(!a.isValid()) - int(!b.isValid());
    if (ta == QMetaType::QString && tb == QMetaType::QString) {
        const QString &x = *static_cast<const QString *>(a.constData());
        const QString &y = *static_cast<const QString *>(b.constData());
        // Empty text last, as empty numbers are.
        if (x.isEmpty() != y.isEmpty())
            return x.isEmpty() ? 1 : -1;
        return mCollator.compare(x, y);
    }
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Less)
        return -1;
    if (order == QPartialOrdering::Greater)
        return 1;
    if (order == QPartialOrdering::Equivalent)
        return 0;
    return mCollator.compare(a.toString(), b.toString());
}

ServiceFilterProxy::SortValue ServiceFilterProxy::sortValue(int sourceRow) const
{
    SortValue value;
    value.value = sourceModel()->index(sourceRow, mSortColumn).data(ServiceTableModel::SortRole);
    // Text compares by its collation key: made once, then compared as bytes.
    if (value.value.typeId() == QMetaType::QString) {
        const QString &text = *static_cast<const QString *>(value.value.constData());
        if (!text.isEmpty())
            value.text = mCollator.sortKey(text);
    }
    return value;
}

void ServiceFilterProxy::refreshSortValues()
{
    mSortValues.clear();
    if (mSortColumn < 0 || !sourceModel())
        return;
    const int rows = sourceModel()->rowCount();
    mSortValues.reserve(rows);
    for (int row = 0; row < rows; ++row)
        mSortValues.append(sortValue(row));
}

bool ServiceFilterProxy::lessRow(int a, int b) const
{
    if (mSortColumn >= 0) {
        const SortValue &x = mSortValues.at(a), &y = mSortValues.at(b);
        const int order = x.text && y.text ? x.text->compare(*y.text) : compareValues(x.value, y.value);
        if (order != 0)
            return mSortOrder == Qt::AscendingOrder ? order < 0 : order > 0;
    }
    return a < b;
}

void ServiceFilterProxy::rebuild()
{
    refreshSortValues();
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    mRows.clear();
    mRows.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        if (filterAcceptsRow(row))
            mRows.append(row);
    }
    // The order is total (ties go by source row), so a plain sort is stable.
    if (mSortColumn >= 0)
        std::sort(mRows.begin(), mRows.end(), [this](int a, int b) { return lessRow(a, b); });
    mProxyRows.fill(-1, rows);
    rebuildProxyRows();
}

void ServiceFilterProxy::rebuildProxyRows(int fromProxyRow)
{
    for (qsizetype p = fromProxyRow; p < mRows.size(); ++p)
        mProxyRows[mRows.at(p)] = int(p);
}

void ServiceFilterProxy::refilter(int top, int bottom)
{
    if (!sourceModel())
        return;
    QList<int> hidden, shown;
    for (int row = top; row <= bottom; ++row) {
        const bool accepted = filterAcceptsRow(row);
        const int p = mProxyRows.at(row);
        if (p >= 0 && !accepted)
            hidden.append(p);
        else if (p < 0 && accepted)
            shown.append(row);
    }
    std::sort(hidden.begin(), hidden.end());
    hideRows(hidden);
    showRows(std::move(shown));
}

void ServiceFilterProxy::sort(int column, Qt::SortOrder order)
{
    mSortColumn = column;
    mSortOrder = order;
    if (!sourceModel())
        return;
    refreshSortValues();
    QList<int> rows = mRows;
    std::sort(rows.begin(), rows.end(), [this](int a, int b) { return lessRow(a, b); });
    reorder(std::move(rows));
}

QList<int> ServiceFilterProxy::merged(const QList<int> &rows, const QList<int> &sortedNew) const
{
    QList<int> result;
    result.reserve(rows.size() + sortedNew.size());
    qsizetype i = 0;
    for (int row : rows) {
        while (i < sortedNew.size() && lessRow(sortedNew.at(i), row))
            result.append(sortedNew.at(i++));
        result.append(row);
    }
    while (i < sortedNew.size())
        result.append(sortedNew.at(i++));
    return result;
}

void ServiceFilterProxy::showRows(QList<int> sourceRows)
{
    if (sourceRows.isEmpty())
        return;
    const auto less = [this](int a, int b) { return lessRow(a, b); };
    std::sort(sourceRows.begin(), sourceRows.end(), less);
    const qsizetype n = mRows.size(), k = sourceRows.size();

    // Each new row's place: by binary search while they are few, else by one merge.
    QList<int> places(k);
    if (k * std::bit_width(size_t(n)) < size_t(n)) {
        for (qsizetype i = 0; i < k; ++i)
            places[i] = int(std::lower_bound(mRows.cbegin(), mRows.cend(), sourceRows.at(i), less) - mRows.cbegin());
    } else {
        qsizetype p = 0;
        for (qsizetype i = 0; i < k; ++i) {
            while (p < n && lessRow(mRows.at(p), sourceRows.at(i)))
                ++p;
            places[i] = int(p);
        }
    }
    int distinct = 1;
    for (qsizetype i = 1; i < k; ++i)
        distinct += places.at(i) != places.at(i - 1);

    if (distinct <= FewPlaces) {
        // From the last place back, so the places before stay where they are.
        qsizetype end = k;
        while (end > 0) {
            qsizetype begin = end - 1;
            while (begin > 0 && places.at(begin - 1) == places.at(end - 1))
                --begin;
            const int at = places.at(begin);
            beginInsertRows(QModelIndex(), at, at + int(end - begin) - 1);
            mRows.insert(at, end - begin, 0);
            std::copy(sourceRows.cbegin() + begin, sourceRows.cbegin() + end, mRows.begin() + at);
            rebuildProxyRows(at);
            endInsertRows();
            end = begin;
        }
        return;
    }

    // Many places: all at the end, then each into its place at once.
    QList<int> order;
    order.reserve(n + k);
    qsizetype i = 0;
    for (qsizetype p = 0; p < n; ++p) {
        while (i < k && places.at(i) == p)
            order.append(sourceRows.at(i++));
        order.append(mRows.at(p));
    }
    while (i < k)
        order.append(sourceRows.at(i++));
    beginInsertRows(QModelIndex(), int(n), int(n + k) - 1);
    mRows.append(sourceRows);
    rebuildProxyRows(int(n));
    endInsertRows();
    reorder(std::move(order));
}

void ServiceFilterProxy::hideRows(const QList<int> &proxyRows)
{
    if (proxyRows.isEmpty())
        return;
    const qsizetype n = mRows.size(), k = proxyRows.size();
    if (placeCount(proxyRows) <= FewPlaces) {
        // From the last run back, so the rows before stay where they are.
        qsizetype end = k;
        while (end > 0) {
            qsizetype begin = end - 1;
            while (begin > 0 && proxyRows.at(begin - 1) == proxyRows.at(begin) - 1)
                --begin;
            const int first = proxyRows.at(begin), last = proxyRows.at(end - 1);
            beginRemoveRows(QModelIndex(), first, last);
            for (int p = first; p <= last; ++p)
                mProxyRows[mRows.at(p)] = -1;
            mRows.remove(first, last - first + 1);
            rebuildProxyRows(first);
            endRemoveRows();
            end = begin;
        }
        return;
    }

    // Many runs: the rows that stay in their order first, then the others,
    // which go as one block.
    QList<int> order;
    order.reserve(n);
    qsizetype j = 0;
    for (qsizetype p = 0; p < n; ++p) {
        if (j < k && proxyRows.at(j) == p)
            ++j;
        else
            order.append(mRows.at(p));
    }
    for (int p : proxyRows)
        order.append(mRows.at(p));
    reorder(std::move(order));
    const int first = int(n - k);
    beginRemoveRows(QModelIndex(), first, int(n) - 1);
    for (qsizetype p = first; p < n; ++p)
        mProxyRows[mRows.at(p)] = -1;
    mRows.resize(first);
    endRemoveRows();
}

void ServiceFilterProxy::reorder(QList<int> rows)
{
    // Only rows change places, as in a sort. The hint matters: without it a
    // selection model keeps a persistent index per selected cell across the
    // change rather than one per selected row.
    const auto hint = QAbstractItemModel::VerticalSortHint;
    emit layoutAboutToBeChanged({}, hint);
    // Asked only now: listeners make their persistent indexes in the signal above.
    const QModelIndexList from = persistentIndexList();
    QList<int> sources;
    sources.reserve(from.size());
    for (const QModelIndex &index : from)
        sources.append(mRows.value(index.row(), -1));
    mRows = std::move(rows);
    rebuildProxyRows();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int p = sources.at(i) >= 0 ? mProxyRows.at(sources.at(i)) : -1;
        to.append(p >= 0 ? createIndex(p, from.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    emit layoutChanged({}, hint);
}

void ServiceFilterProxy::resortRows(const QList<int> &sourceRows)
{
    if (mSortColumn < 0)
        return;
    // In order when each changed row is in order with its neighbours: the
    // other neighbours did not change.
    const qsizetype n = mRows.size();
    const bool inOrder = std::all_of(sourceRows.cbegin(), sourceRows.cend(), [&](int row) {
        const int p = mProxyRows.at(row);
        return p < 0
            || ((p == 0 || !lessRow(row, mRows.at(p - 1))) && (p + 1 == n || !lessRow(mRows.at(p + 1), row)));
    });
    if (inOrder)
        return;
    // Every changed row out (the rest are in order) and merged back in.
    std::vector<char> moving(mProxyRows.size(), 0);
    QList<int> moved;
    for (int row : sourceRows) {
        if (mProxyRows.at(row) >= 0 && !moving[row]) {
            moving[row] = 1;
            moved.append(row);
        }
    }
    std::sort(moved.begin(), moved.end(), [this](int a, int b) { return lessRow(a, b); });
    QList<int> rest;
    rest.reserve(n - moved.size());
    for (int row : std::as_const(mRows)) {
        if (!moving[row])
            rest.append(row);
    }
    reorder(merged(rest, moved));
}

void ServiceFilterProxy::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                             const QList<int> &roles)
{
    if (!topLeft.isValid() || topLeft.parent().isValid() || bottomRight.row() >= mProxyRows.size())
        return;
    const int top = topLeft.row(), bottom = bottomRight.row();
    const auto touches = [&roles](std::initializer_list<int> which) {
        return roles.isEmpty() || std::any_of(which.begin(), which.end(), [&](int r) { return roles.contains(r); });
    };
    const bool valuesChanged = mSortColumn >= topLeft.column() && mSortColumn <= bottomRight.column()
        && touches({Qt::DisplayRole, Qt::EditRole, ServiceTableModel::SortRole});
    const bool filterChanged = filtering() && touches({Qt::DisplayRole, ServiceTableModel::HostIdRole});

    if (valuesChanged) {
        for (int row = top; row <= bottom; ++row)
            mSortValues[row] = sortValue(row);
    }
    if (filterChanged)
        refilter(top, bottom);
    if (valuesChanged) {
        QList<int> rows(bottom - top + 1);
        std::iota(rows.begin(), rows.end(), top);
        resortRows(rows);
    }

    // One signal per run of shown rows; beyond a few runs, one over all of them.
    int least = int(mRows.size()), most = -1;
    QList<int> shown;
    for (int row = top; row <= bottom; ++row) {
        const int p = mProxyRows.at(row);
        if (p < 0)
            continue;
        least = std::min(least, p);
        most = std::max(most, p);
        if (shown.size() <= 4 * FewPlaces)
            shown.append(p);
    }
    if (most < 0)
        return;
    const int columnsLast = bottomRight.column(), columnsFirst = topLeft.column();
    if (shown.size() <= 4 * FewPlaces) {
        std::sort(shown.begin(), shown.end());
        if (placeCount(shown) <= FewPlaces) {
            qsizetype begin = 0;
            for (qsizetype i = 1; i <= shown.size(); ++i) {
                if (i == shown.size() || shown.at(i) != shown.at(i - 1) + 1) {
                    emit dataChanged(index(shown.at(begin), columnsFirst), index(shown.at(i - 1), columnsLast), roles);
                    begin = i;
                }
            }
            return;
        }
    }
    emit dataChanged(index(least, columnsFirst), index(most, columnsLast), roles);
}

void ServiceFilterProxy::onSourceHeaderDataChanged(Qt::Orientation orientation, int first, int last)
{
    if (orientation == Qt::Horizontal)
        emit headerDataChanged(orientation, first, last);
    else if (!mRows.isEmpty())
        emit headerDataChanged(orientation, 0, int(mRows.size()) - 1);
}

void ServiceFilterProxy::onSourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    for (int &row : mRows) {
        if (row >= first)
            row += count;
    }
    mProxyRows.insert(first, count, -1);
    if (mSortColumn >= 0) {
        mSortValues.insert(first, count, SortValue());
        for (int row = first; row <= last; ++row)
            mSortValues[row] = sortValue(row);
    }
    QList<int> accepted;
    for (int row = first; row <= last; ++row) {
        if (filterAcceptsRow(row))
            accepted.append(row);
    }
    showRows(std::move(accepted));
}

void ServiceFilterProxy::onSourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    // The rows leave the proxy while the source still has them.
    QList<int> shown;
    for (int row = first; row <= last; ++row) {
        if (const int p = mProxyRows.at(row); p >= 0)
            shown.append(p);
    }
    std::sort(shown.begin(), shown.end());
    hideRows(shown);
}

void ServiceFilterProxy::onSourceRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    mProxyRows.remove(first, count);
    if (mSortColumn >= 0)
        mSortValues.remove(first, count);
    for (int &row : mRows) {
        if (row > last)
            row -= count;
    }
}

void ServiceFilterProxy::onSourceLayoutAboutToBeChanged()
{
    emit layoutAboutToBeChanged();
    mLayoutFrom = persistentIndexList();
    mLayoutSources.clear();
    mLayoutSources.reserve(mLayoutFrom.size());
    for (const QModelIndex &index : std::as_const(mLayoutFrom))
        mLayoutSources.append(QPersistentModelIndex(mapToSource(index)));
}

void ServiceFilterProxy::onSourceLayoutChanged()
{
    rebuild();
    QModelIndexList to;
    to.reserve(mLayoutFrom.size());
    for (const QPersistentModelIndex &source : std::as_const(mLayoutSources))
        to.append(mapFromSource(source));
    changePersistentIndexList(mLayoutFrom, to);
    mLayoutFrom.clear();
    mLayoutSources.clear();
    emit layoutChanged();
}

void ServiceFilterProxy::onSourceAboutToBeReset()
{
    beginResetModel();
}

void ServiceFilterProxy::onSourceReset()
{
    rebuild();
    endResetModel();
}

QModelIndex ServiceFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= mRows.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ServiceFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex ServiceFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int ServiceFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mRows.size());
}

int ServiceFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool ServiceFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !mRows.isEmpty() && columnCount() > 0;
}

QModelIndex ServiceFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= mRows.size())
        return {};
    return sourceModel()->index(mRows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex ServiceFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel() || sourceIndex.parent().isValid())
        return {};
    const int p = mProxyRows.value(sourceIndex.row(), -1);
    return p < 0 ? QModelIndex() : createIndex(p, sourceIndex.column());
}

QVariant ServiceFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel())
        return {};
    if (orientation == Qt::Horizontal)
        return sourceModel()->headerData(section, orientation, role);
    if (section < 0 || section >= mRows.size())
        return {};
    return sourceModel()->headerData(mRows.at(section), orientation, role);
}

bool ServiceFilterProxy::setHeaderData(int section, Qt::Orientation orientation, const QVariant &value, int role)
{
    if (!sourceModel())
        return false;
    if (orientation == Qt::Horizontal)
        return sourceModel()->setHeaderData(section, orientation, value, role);
    if (section < 0 || section >= mRows.size())
        return false;
    return sourceModel()->setHeaderData(mRows.at(section), orientation, value, role);
}

} // namespace Portolan
