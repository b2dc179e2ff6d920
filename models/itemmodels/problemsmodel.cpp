#include "problemsmodel.h"

#include <QHash>

#include "analyzer.h"
#include "observation.h"
#include "realitysync.h"
#include "severityicon.h"

#include <vector>

namespace Portolan {

ProblemsModel::ProblemsModel(Analyzer *analyzer, QObject *parent)
    : QAbstractTableModel(parent)
    , mAnalyzer(analyzer)
    , mFindings(analyzer->findings())
{
    sortFindings(mFindings);
    indexRows();
    connect(analyzer, &Analyzer::reanalyzed, this, &ProblemsModel::reload);
    connect(analyzer, &Analyzer::findingsChanged, this,
            [this](const QList<Finding> &removed, const QList<Finding> &added, const QStringList &) {
                onFindingsChanged(removed, added);
            });
}

void ProblemsModel::onFindingsChanged(const QList<Finding> &removed, const QList<Finding> &added)
{
    // Many changes at once (a bulk edit): one reset is cheaper than
    // thousands of single-row signals.
    if (removed.size() + added.size() > 500) {
        replaceMany(removed, added);
        return;
    }
    for (const Finding &f : removed) {
        for (int row = firstRowOf(f.slot); row >= 0; row = nextRowOf(row)) {
            if (mFindings.at(row) == f) {
                removeRow(row);
                break;
            }
        }
    }
    if (!added.isEmpty()) {
        const int first = int(mFindings.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        mFindings += added;
        mNextRowOfSlot.resize(mFindings.size(), -1);
        for (int row = first; row < mFindings.size(); ++row)
            linkRow(row);
        endInsertRows();
    }
}

void ProblemsModel::setObservationStore(ObservationStore *store)
{
    mObservations = store;
    connect(store, &ObservationStore::findingsChanged, this, &ProblemsModel::onFindingsChanged);
    reload();
}

void ProblemsModel::setRealitySync(RealitySync *sync)
{
    mSync = sync;
    connect(sync, &RealitySync::findingsChanged, this, &ProblemsModel::onFindingsChanged);
    reload();
}

void ProblemsModel::reload()
{
    beginResetModel();
    mFindings = mAnalyzer->findings();
    if (mObservations)
        mFindings += mObservations->findings();
    if (mSync)
        mFindings += mSync->findings();
    sortFindings(mFindings);
    indexRows();
    endResetModel();
}

// The rows that stay keep their order, the new ones follow: as single
// changes leave them, and without sorting every finding of a fleet again.
void ProblemsModel::replaceMany(const QList<Finding> &removed, const QList<Finding> &added)
{
    std::vector<char> gone(mFindings.size(), 0);
    for (const Finding &f : removed) {
        for (int row = firstRowOf(f.slot); row >= 0; row = nextRowOf(row)) {
            if (!gone[row] && mFindings.at(row) == f) {
                gone[row] = 1;
                break;
            }
        }
    }
    beginResetModel();
    QList<Finding> kept;
    kept.reserve(mFindings.size() + added.size());
    for (qsizetype row = 0; row < mFindings.size(); ++row) {
        if (!gone[row])
            kept.append(std::move(mFindings[row]));
    }
    kept += added;
    mFindings = std::move(kept);
    indexRows();
    endResetModel();
}

void ProblemsModel::indexRows()
{
    mFirstRowOfSlot.clear();
    mFirstRowOfSlot.reserve(mFindings.size());
    mNextRowOfSlot.assign(size_t(mFindings.size()), -1);
    for (int row = int(mFindings.size()) - 1; row >= 0; --row)
        linkRow(row);
}

// First among its bucket's rows (their order does not matter): a bucket
// of many rows (a reality check's findings share one) takes no longer.
void ProblemsModel::linkRow(int row)
{
    const quint64 slot = mFindings.at(row).slot;
    auto first = mFirstRowOfSlot.find(slot);
    if (first == mFirstRowOfSlot.end())
        first = mFirstRowOfSlot.insert(slot, -1);
    mNextRowOfSlot[size_t(row)] = first.value();
    first.value() = row;
}

void ProblemsModel::unlinkRow(int row)
{
    const quint64 slot = mFindings.at(row).slot;
    const auto first = mFirstRowOfSlot.find(slot);
    if (first == mFirstRowOfSlot.end())
        return;
    int *link = &first.value();
    while (*link >= 0 && *link != row)
        link = &mNextRowOfSlot[size_t(*link)];
    if (*link == row)
        *link = mNextRowOfSlot[size_t(row)];
    if (first.value() < 0)
        mFirstRowOfSlot.erase(first);
}

// The last row takes the place of the removed one: the views sort by their
// proxy, so the order of the rows here does not matter, and a removal costs
// the same whatever the number of findings.
void ProblemsModel::removeRow(int row)
{
    const int last = int(mFindings.size()) - 1;
    unlinkRow(row);
    if (row != last)
        unlinkRow(last);
    beginRemoveRows(QModelIndex(), last, last);
    Finding moved = mFindings.takeLast();
    mNextRowOfSlot.pop_back();
    endRemoveRows();
    if (row == last)
        return;
    mFindings[row] = std::move(moved);
    linkRow(row);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString ProblemsModel::ruleName(const QString &ruleId)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("host-collision"), QT_TR_NOOP("Host collision")},
        {QStringLiteral("plan-collision"), QT_TR_NOOP("Plan collision")},
        {QStringLiteral("invalid-port"), QT_TR_NOOP("Invalid port")},
        {QStringLiteral("duplicate-name"), QT_TR_NOOP("Duplicate name")},
        {QStringLiteral("broken-reference"), QT_TR_NOOP("Broken reference")},
        {QStringLiteral("metrics-port-mismatch"), QT_TR_NOOP("Metrics port mismatch")},
        {QStringLiteral("out-of-range"), QT_TR_NOOP("Out of range")},
        {QStringLiteral("unranged"), QT_TR_NOOP("Unranged")},
        {QStringLiteral("range-overlap"), QT_TR_NOOP("Range overlap")},
        {QStringLiteral("reserved"), QT_TR_NOOP("Reserved slot")},
        {QStringLiteral("drift"), QT_TR_NOOP("Drift")},
        {QStringLiteral("undocumented"), QT_TR_NOOP("Undocumented")},
        {QStringLiteral("latent-collision"), QT_TR_NOOP("Latent collision")},
        {QStringLiteral("range-full"), QT_TR_NOOP("Range full")},
        {QStringLiteral("pairing-digits"), QT_TR_NOOP("Pairing digits")},
        {QStringLiteral("privileged-port"), QT_TR_NOOP("Privileged port")},
        {QStringLiteral("ephemeral-port"), QT_TR_NOOP("Ephemeral port")},
        {QStringLiteral("unknown-listener"), QT_TR_NOOP("Unknown listener")},
        {QStringLiteral("not-listening"), QT_TR_NOOP("Not listening")},
    };
    const char *name = names.value(ruleId);
    return name ? tr(name) : ruleId;
}

QModelIndex ProblemsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= mFindings.size() || column < 0 || column >= ColumnCount)
        return QModelIndex();
    return createIndex(row, column);
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mFindings.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Finding &f = mFindings.at(index.row());
    switch (role) {
    case SeverityRole: return int(f.severity);
    case RuleRole: return f.rule;
    case ServiceIdsRole: return f.serviceIds;
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(f.severity)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == RuleColumn) {
            const RuleInfo *info = ruleInfo(f.rule);
            return info ? QStringLiteral("%1 (%2)").arg(info->title, f.rule) : QVariant(f.rule);
        }
        return index.column() == MessageColumn ? QVariant(f.message) : QVariant();
    case SortRole:
        if (index.column() == SeverityColumn)
            return int(f.severity);
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return severityDisplayName(f.severity);
        case RuleColumn: return ruleName(f.rule);
        case MessageColumn: return f.message;
        case ServicesColumn: return f.serviceIds.join(QStringLiteral(", "));
        case LocationColumn: return f.origin.toString();
        }
    }
    return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case RuleColumn: return tr("Rule");
    case MessageColumn: return tr("Message");
    case ServicesColumn: return tr("Services");
    case LocationColumn: return tr("Location");
    }
    return {};
}

} // namespace Portolan
