#pragma once

#include "finding.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace Portolan {

class Analyzer;
class ObservationStore;
class RealitySync;

// All findings of a live analyzer, one row each. Applies the analyzer's
// appeared/disappeared lists as row inserts and removals.
class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, RuleColumn, MessageColumn, ServicesColumn, LocationColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int
        RuleRole,
        ServiceIdsRole, // QStringList
        SortRole,
    };

    explicit ProblemsModel(Analyzer *analyzer, QObject *parent = nullptr);

    // A rule's short, translated name ("Host collision"); the id when unknown.
    static QString ruleName(const QString &ruleId);

    // Without asking rowCount() and columnCount() each time: the problems
    // proxy sorts a fleet's findings by indexes made per comparison.
    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Finding &finding(int row) const { return mFindings.at(row); }

    // Also lists the findings of the last reality check (unknown-listener, not-listening).
    void setObservationStore(ObservationStore *store);
    // Also lists what the hosts' linked sources show (unreadable files,
    // replicas on a fixed port, tunnels to nowhere).
    void setRealitySync(RealitySync *sync);

private:
    void onFindingsChanged(const QList<Finding> &removed, const QList<Finding> &added);
    void reload();

    Analyzer *mAnalyzer;
    ObservationStore *mObservations = nullptr;
    RealitySync *mSync = nullptr;
    void replaceMany(const QList<Finding> &removed, const QList<Finding> &added);
    void indexRows();
    void removeRow(int row);

    // The rows of an analysis bucket, so that a removed finding is found
    // without scanning them all: the first row of each bucket, and for each
    // row the bucket's next one (-1 after the last). No list per bucket: a
    // bulk change indexes the fleet's findings anew.
    int firstRowOf(quint64 slot) const { return mFirstRowOfSlot.value(slot, -1); }
    int nextRowOf(int row) const { return mNextRowOfSlot[size_t(row)]; }
    void linkRow(int row);
    void unlinkRow(int row);

    QList<Finding> mFindings;
    QHash<quint64, int> mFirstRowOfSlot;
    std::vector<int> mNextRowOfSlot;
};

} // namespace Portolan
