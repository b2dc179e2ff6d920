#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

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
    // Ctrl+Return, Ctrl+Shift+Return and Delete on the table; also in its context menu.
    QAction *executeAction() const { return mExecuteAction; }
    QAction *acceptAction() const { return mAcceptAction; }
    QAction *rejectAction() const { return mRejectAction; }
    // What the last decision did, shown above the table until the next one.
    QString lastDecision() const;

    QList<Move> selectedMoves() const;
    void selectKeys(const QStringList &keys);

    // Bulk actions on the selection; each is one undo step.
    void executeSelected();
    void acceptRealitySelected();
    void rejectSelected();

signals:
    void servicesActivated(const QStringList &serviceIds);
    void exportReportRequested();
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
    QLabel *mDecision;
    QAction *mExecuteAction;
    QAction *mAcceptAction;
    QAction *mRejectAction;
    QPushButton *mExecute;
    QPushButton *mAccept;
    QPushButton *mReject;
};

} // namespace Portolan
