#include "movesview.h"

#include "moveactionsdelegate.h"
#include "movereview.h"
#include "movesmodel.h"
#include "movestable.h"
#include "schemadocument.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QMenu>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Portolan {

MovesView::MovesView(MoveReview *review, QWidget *parent)
    : QWidget(parent)
    , mReview(review)
    , mModel(new MovesModel(review, this))
    , mTable(new MovesTable(this))
    , mSummary(new QLabel(this))
    , mBusy(new QProgressBar(this))
    , mBusyDelay(new QTimer(this))
    , mDecision(new QLabel(this))
    , mExecuteAction(new QAction(tr("&Execute"), this))
    , mAcceptAction(new QAction(tr("&Accept Reality"), this))
    , mRejectAction(new QAction(tr("&Reject"), this))
    , mCarryOutAction(new QAction(tr("&Carry Out in Files…"), this))
    , mExecute(new QPushButton(tr("E&xecute"), this))
    , mAccept(new QPushButton(tr("Accept Realit&y"), this))
    , mReject(new QPushButton(tr("Re&ject"), this))
    , mCarryOut(new QPushButton(tr("&Carry Out…"), this))
{
    mTable->setModel(mModel);
    mTable->setAccessibleName(tr("Moves"));
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setAlternatingRowColors(true);
    mTable->setWordWrap(false);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 12);
    mTable->horizontalHeader()->setStretchLastSection(false);
    mTable->horizontalHeader()->setSectionResizeMode(MovesModel::ImpactColumn, QHeaderView::Stretch);
    mTable->horizontalHeader()->setSectionResizeMode(MovesModel::ActionsColumn, QHeaderView::Fixed);
    mTable->setColumnWidth(MovesModel::ActionsColumn, mTable->actionsDelegate()->preferredWidth());
    // Fitted to the rows (the visible ones and 200 more of a fleet's
    // thousands, after every recomputation: a column's width looks at as
    // many rows as the vertical header's precision says); the impact takes the rest.
    mTable->verticalHeader()->setResizeContentsPrecision(200);
    mTable->horizontalHeader()->setResizeContentsPrecision(200);
    mTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(mTable, &QWidget::customContextMenuRequested, this, &MovesView::showContextMenu);
    connect(mTable, &MovesTable::actionRequested, this, [this](const QModelIndex &index, int action) {
        if (const Move *m = mModel->moveAt(index.row()))
            act({*m}, action);
    });

    // The keys act on the selected rows, as the bar's buttons do.
    mExecuteAction->setShortcut(Qt::CTRL | Qt::Key_Return);
    mAcceptAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Return);
    mRejectAction->setShortcut(QKeySequence::Delete);
    mCarryOutAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    for (QAction *action : {mExecuteAction, mAcceptAction, mRejectAction, mCarryOutAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        mTable->addAction(action);
    }
    connect(mExecuteAction, &QAction::triggered, this, &MovesView::executeSelected);
    connect(mAcceptAction, &QAction::triggered, this, &MovesView::acceptRealitySelected);
    connect(mRejectAction, &QAction::triggered, this, &MovesView::rejectSelected);
    connect(mCarryOutAction, &QAction::triggered, this, &MovesView::carryOutSelected);

    mExecute->setToolTip(tr("Reality follows the plan (actual := planned); adopt a draft or a proposal (%1)")
                             .arg(mExecuteAction->shortcut().toString(QKeySequence::NativeText)));
    mAccept->setToolTip(tr("The plan follows reality (planned := actual) (%1)")
                            .arg(mAcceptAction->shortcut().toString(QKeySequence::NativeText)));
    mReject->setToolTip(tr("Drop a draft or dismiss a proposal (%1)")
                            .arg(mRejectAction->shortcut().toString(QKeySequence::NativeText)));
    mCarryOut->setToolTip(tr("Change the linked compose, Prometheus, tunnel and env files so that what runs "
                             "follows these moves; shows the diff first (%1)")
                              .arg(mCarryOutAction->shortcut().toString(QKeySequence::NativeText)));
    auto *exportButton = new QPushButton(tr("Export Re&port…"), this);
    exportButton->setToolTip(tr("Save the review as Markdown: decisions, impact and the lines to change"));
    connect(mExecute, &QPushButton::clicked, this, &MovesView::executeSelected);
    connect(mAccept, &QPushButton::clicked, this, &MovesView::acceptRealitySelected);
    connect(mReject, &QPushButton::clicked, this, &MovesView::rejectSelected);
    connect(mCarryOut, &QPushButton::clicked, this, &MovesView::carryOutSelected);
    connect(exportButton, &QPushButton::clicked, this, &MovesView::exportReportRequested);

    connect(mTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MovesView::updateButtons);
    connect(mTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QStringList ids = index.data(MovesModel::ServiceIdsRole).toStringList();
        if (!ids.isEmpty())
            emit servicesActivated(ids);
    });
    connect(mModel, &QAbstractItemModel::modelReset, this, &MovesView::updateButtons);
    connect(mModel, &QAbstractItemModel::rowsRemoved, this, &MovesView::updateButtons);
    connect(mReview, &MoveReview::movesChanged, this, &MovesView::updateSummary);
    connect(mReview, &MoveReview::movesChanged, this, &MovesView::fitColumns);

    // A fleet's moves take a second to recompute after an edit: meanwhile the
    // list shown is the last one, and a busy bar says so. A quick
    // recomputation does not flash it.
    mBusy->setRange(0, 0);
    mBusy->setMaximumWidth(96);
    mBusy->setTextVisible(false);
    mBusy->setAccessibleName(tr("Updating the moves"));
    mBusy->setToolTip(tr("The moves and their impacts are being recomputed for the latest change"));
    mBusy->hide();
    mBusyDelay->setSingleShot(true);
    mBusyDelay->setInterval(200);
    connect(mBusyDelay, &QTimer::timeout, mBusy, &QWidget::show);
    connect(mReview, &MoveReview::computingChanged, this, [this](bool computing) {
        if (computing) {
            if (!mBusy->isVisible())
                mBusyDelay->start();
        } else {
            mBusyDelay->stop();
            mBusy->hide();
        }
    });
    if (mReview->isComputing())
        mBusyDelay->start();

    mDecision->setTextFormat(Qt::PlainText);
    mDecision->setWordWrap(false);
    mDecision->setAccessibleName(tr("Last decision"));
    mDecision->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(mSummary, 1);
    bar->addWidget(mBusy);
    bar->addWidget(mExecute);
    bar->addWidget(mAccept);
    bar->addWidget(mReject);
    bar->addWidget(mCarryOut);
    bar->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(mDecision);
    layout->addWidget(mTable);
    setFocusProxy(mTable);
    // Tab goes through the bar, then into the table.
    setTabOrder(exportButton, mTable);

    updateButtons();
    updateSummary();
    fitColumns();
}

void MovesView::fitColumns()
{
    for (int column : {MovesModel::ServiceColumn, MovesModel::ChangeColumn, MovesModel::OriginColumn})
        mTable->resizeColumnToContents(column);
}

QTableView *MovesView::tableView() const
{
    return mTable;
}

QString MovesView::lastDecision() const
{
    return mDecision->text();
}

// What a decision did, in words with its values; the row leaves the list.
static QString decisionText(const QList<Move> &moves, int action, const QString &undoText)
{
    const int n = int(moves.size());
    const Move &first = moves.first();
    switch (action) {
    case MoveActionsDelegate::Execute:
        if (n == 1)
            return MovesView::tr("Done: %1. Edit > Undo takes it back.").arg(undoText);
        return MovesView::tr("Executed %n move(s). Edit > Undo takes them back.", nullptr, n);
    case MoveActionsDelegate::AcceptReality:
        if (n == 1 && first.kind == Move::Kind::Port)
            return MovesView::tr("The plan of %1 now follows reality: planned %2 (was %3). Edit > Undo takes it back.")
                .arg(first.name)
                .arg(first.fromPort)
                .arg(first.toPort);
        return MovesView::tr("Accepted reality for %n service(s). Edit > Undo takes it back.", nullptr, n);
    case MoveActionsDelegate::Reject:
        if (n == 1)
            return first.origin == Move::Origin::Draft
                ? MovesView::tr("Dropped the draft of %1.").arg(first.name)
                : MovesView::tr("Dismissed the proposed change of %1 for this review.").arg(first.name);
        return MovesView::tr("Rejected %n change(s).", nullptr, n);
    }
    return {};
}

void MovesView::act(const QList<Move> &moves, int action)
{
    if (moves.isEmpty())
        return;
    // Keep the keyboard on the row that takes the decided one's place.
    const int row = mTable->currentIndex().row();
    const int column = mTable->currentIndex().column();
    bool done = false;
    QList<Move> decided = moves;
    switch (action) {
    case MoveActionsDelegate::Execute: done = mReview->execute(moves); break;
    case MoveActionsDelegate::AcceptReality:
        decided.removeIf([](const Move &m) { return !m.canAcceptReality(); });
        done = mReview->acceptReality(decided);
        break;
    case MoveActionsDelegate::Reject:
        decided.removeIf([](const Move &m) { return m.origin == Move::Origin::Drift; });
        done = mReview->reject(decided);
        break;
    }
    if (!done && mReview->isStale()) {
        // The moves shown are of the last computation; a decision or edit
        // since moved a service they name.
        emit message(tr("The moves are being updated after the last change; decide again in a moment."));
        return;
    }
    if (!done || decided.isEmpty())
        return;
    const QString text = decisionText(decided, action, mReview->document()->undoStack()->undoText());
    mDecision->setText(text);
    mDecision->show();
    emit message(text);
    if (mModel->rowCount() > 0 && row >= 0) {
        const QModelIndex next = mModel->index(qMin(row, mModel->rowCount() - 1), qMax(0, column));
        mTable->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

void MovesView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = mTable->indexAt(pos);
    if (!index.isValid())
        return;
    if (!mTable->selectionModel()->isSelected(index))
        mTable->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    menu.addAction(mExecuteAction);
    menu.addAction(mAcceptAction);
    menu.addAction(mRejectAction);
    menu.addAction(mCarryOutAction);
    const QStringList ids = index.data(MovesModel::ServiceIdsRole).toStringList();
    if (!ids.isEmpty()) {
        menu.addSeparator();
        menu.addAction(tr("&Show in Services"), this, [this, ids] { emit servicesActivated(ids); });
    }
    menu.exec(mTable->viewport()->mapToGlobal(pos));
}

QList<Move> MovesView::selectedMoves() const
{
    QList<Move> moves;
    const QModelIndexList rows = mTable->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (const Move *m = mModel->moveAt(index.row()))
            moves.append(*m);
    }
    return moves;
}

void MovesView::selectKeys(const QStringList &keys)
{
    QItemSelection selection;
    for (const QString &key : keys) {
        const QModelIndex index = mModel->indexForKey(key);
        if (index.isValid())
            selection.select(index, index);
    }
    mTable->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void MovesView::executeSelected()
{
    act(selectedMoves(), MoveActionsDelegate::Execute);
}

void MovesView::acceptRealitySelected()
{
    act(selectedMoves(), MoveActionsDelegate::AcceptReality);
}

void MovesView::rejectSelected()
{
    act(selectedMoves(), MoveActionsDelegate::Reject);
}

void MovesView::carryOutSelected()
{
    QList<Move> moves = selectedMoves();
    moves.removeIf([](const Move &m) { return !m.changesPort() && !m.changesHost(); });
    if (!moves.isEmpty())
        emit carryOutRequested(moves);
}

void MovesView::updateButtons()
{
    bool execute = false, accept = false, reject = false, carry = false;
    for (const Move &m : selectedMoves()) {
        execute = true;
        carry = carry || m.changesPort() || m.changesHost();
        accept = accept || m.canAcceptReality();
        reject = reject || m.origin != Move::Origin::Drift;
    }
    mExecute->setEnabled(execute);
    mAccept->setEnabled(accept);
    mReject->setEnabled(reject);
    mExecuteAction->setEnabled(execute);
    mAcceptAction->setEnabled(accept);
    mRejectAction->setEnabled(reject);
    mCarryOut->setEnabled(carry);
    mCarryOutAction->setEnabled(carry);
}

void MovesView::updateSummary()
{
    int counts[3] = {0, 0, 0};
    for (const Move &m : mReview->moves())
        ++counts[int(m.origin)];
    mSummary->setText(tr("%n drift move(s)", nullptr, counts[int(Move::Origin::Drift)]) + QStringLiteral(" · ")
                      + tr("%n draft(s)", nullptr, counts[int(Move::Origin::Draft)]) + QStringLiteral(" · ")
                      + tr("%n proposed change(s)", nullptr, counts[int(Move::Origin::Proposal)]));
    updateButtons();
}

} // namespace Portolan
