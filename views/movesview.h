#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace Portolan {

class MoveReview;
class MovesModel;
class MovesTable;
struct Move;

// The Moves panel: one row per proposed move with its impact, and the
// actions that decide them — for a row (its painted buttons, keys and
// context menu) or for the selection (the bar's buttons).
class MovesView : public QWidget
{
    Q_OBJECT

public:
    explicit MovesView(MoveReview *review, QWidget *parent = nullptr);

    QTableView *tableView() const;
    MovesTable *movesTable() const { return mTable; }
    MovesModel *model() const { return mModel; }
    QPushButton *executeButton() const { return mExecute; }
    QPushButton *acceptButton() const { return mAccept; }
    QPushButton *rejectButton() const { return mReject; }
    QPushButton *carryOutButton() const { return mCarryOut; }
    // Ctrl+Return, Ctrl+Shift+Return and Delete on the table; also in its context menu.
    QAction *executeAction() const { return mExecuteAction; }
    QAction *acceptAction() const { return mAcceptAction; }
    QAction *rejectAction() const { return mRejectAction; }
    // Ctrl+Shift+F: carry the selected port moves out in the linked files.
    QAction *carryOutAction() const { return mCarryOutAction; }
    // What the last decision did, shown above the table until the next one.
    QString lastDecision() const;
    // Shown while the moves are recomputed (from 200 ms on).
    QProgressBar *busyBar() const { return mBusy; }

    QList<Move> selectedMoves() const;
    void selectKeys(const QStringList &keys);

    // Bulk actions on the selection; each is one undo step.
    void executeSelected();
    void acceptRealitySelected();
    void rejectSelected();
    void carryOutSelected();

signals:
    void servicesActivated(const QStringList &serviceIds);
    void exportReportRequested();
    // Carry Out…: review the change set of these moves in the real files.
    void carryOutRequested(const QList<Portolan::Move> &moves);
    // A decision was made: what it did, for the status bar.
    void message(const QString &text);

private:
    void updateButtons();
    void updateSummary();
    void fitColumns();
    void act(const QList<Move> &moves, int action);
    void showContextMenu(const QPoint &pos);

    MoveReview *mReview;
    MovesModel *mModel;
    MovesTable *mTable;
    QLabel *mSummary;
    QProgressBar *mBusy;
    QTimer *mBusyDelay;
    QLabel *mDecision;
    QAction *mExecuteAction;
    QAction *mAcceptAction;
    QAction *mRejectAction;
    QAction *mCarryOutAction;
    QPushButton *mExecute;
    QPushButton *mAccept;
    QPushButton *mReject;
    QPushButton *mCarryOut;
};

} // namespace Portolan
