#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Portolan {

class MoveReview;
class MovesModel;
struct Move;

// The Moves panel: one row per proposed move with its impact, and the
// actions that decide them — for a row (its buttons) or for the selection.
class MovesView : public QWidget
{
    Q_OBJECT

public:
    explicit MovesView(MoveReview *review, QWidget *parent = nullptr);

    QTableView *tableView() const { return mTable; }
    MovesModel *model() const { return mModel; }
    QPushButton *executeButton() const { return mExecute; }
    QPushButton *acceptButton() const { return mAccept; }
    QPushButton *rejectButton() const { return mReject; }

    QList<Move> selectedMoves() const;
    void selectKeys(const QStringList &keys);

    // Bulk actions on the selection; each is one undo step.
    void executeSelected();
    void acceptRealitySelected();
    void rejectSelected();

signals:
    void servicesActivated(const QStringList &serviceIds);
    void exportReportRequested();

private:
    void updateButtons();
    void updateSummary();
    void installRowButtons(int first, int last);
    void actOnKey(const QString &key, int action);

    MoveReview *mReview;
    MovesModel *mModel;
    QTableView *mTable;
    QLabel *mSummary;
    QPushButton *mExecute;
    QPushButton *mAccept;
    QPushButton *mReject;
};

} // namespace Portolan
