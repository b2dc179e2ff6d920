#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace Portolan {

class MoveReview;
struct Move;

// The rows of the Moves panel: one per move (or other change) of a review,
// with before → after, origin and an impact summary; details in tooltips.
class MovesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ServiceColumn, ChangeColumn, OriginColumn, ImpactColumn, ActionsColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        MoveKeyRole = Qt::UserRole + 1,
        ServiceIdsRole,    // QStringList: the services a row concerns (for selection)
        CanExecuteRole,
        CanAcceptRealityRole,
        CanRejectRole,
        OriginRole,        // Move::Origin as int
    };

    explicit MovesModel(MoveReview *review, QObject *parent = nullptr);

    MoveReview *review() const { return mReview; }
    const Move *moveAt(int row) const;
    QModelIndex indexForKey(const QString &key, int column = ServiceColumn) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // What a row shows, compared to tell whether it must repaint: cheap to
    // make and compare for thousands of rows. Host names come from the
    // document; a change of them repaints every row.
    struct RowState
    {
        int fromPort = 0;
        int toPort = 0;
        QString fromHostId;
        QString toHostId;
        QString name;
        int counts[12] = {};
        QStringList cycleWith;
        friend bool operator==(const RowState &, const RowState &) = default;
    };
    void onMovesChanged();
    // Each row's shown state against the review's moves; a signal per row that changed.
    void updateStates();
    RowState rowState(int row) const;

    MoveReview *mReview;
    QStringList mKeys;
    QList<RowState> mStates;
};

} // namespace Portolan
