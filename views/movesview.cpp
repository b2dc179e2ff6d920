#include "movesview.h"

#include "movereview.h"
#include "movesmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Portolan {

namespace {
enum Action { Execute, AcceptReality, Reject };
} // namespace

MovesView::MovesView(MoveReview *review, QWidget *parent)
    : QWidget(parent)
    , mReview(review)
    , mModel(new MovesModel(review, this))
    , mTable(new QTableView(this))
    , mSummary(new QLabel(this))
    , mExecute(new QPushButton(tr("&Execute"), this))
    , mAccept(new QPushButton(tr("&Accept Reality"), this))
    , mReject(new QPushButton(tr("&Reject"), this))
{
    mTable->setModel(mModel);
    mTable->setAccessibleName(tr("Moves"));
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setAlternatingRowColors(true);
    mTable->setWordWrap(false);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 10);
    mTable->horizontalHeader()->setStretchLastSection(false);
    mTable->horizontalHeader()->setSectionResizeMode(MovesModel::ImpactColumn, QHeaderView::Stretch);
    const QFontMetrics fm = mTable->fontMetrics();
    mTable->setColumnWidth(MovesModel::ServiceColumn, fm.horizontalAdvance(QStringLiteral("mana-subscriptions")) + 24);
    mTable->setColumnWidth(MovesModel::ChangeColumn, fm.horizontalAdvance(QStringLiteral("Mac Mini 3061 → Mac Mini 3002")) + 24);
    mTable->setColumnWidth(MovesModel::OriginColumn, fm.horizontalAdvance(QStringLiteral("proposal (x.portolan.json)")));
    mTable->setColumnWidth(MovesModel::ActionsColumn,
                           fm.horizontalAdvance(tr("Execute") + tr("Accept") + tr("Reject")) + 48);

    mExecute->setToolTip(tr("Reality follows the plan (actual := planned); adopt a draft or a proposal"));
    mAccept->setToolTip(tr("The plan follows reality (planned := actual)"));
    mReject->setToolTip(tr("Drop a draft or dismiss a proposal"));
    auto *exportButton = new QPushButton(tr("Export &Report…"), this);
    exportButton->setToolTip(tr("Save the review as Markdown: decisions, impact and the lines to change"));
    connect(mExecute, &QPushButton::clicked, this, &MovesView::executeSelected);
    connect(mAccept, &QPushButton::clicked, this, &MovesView::acceptRealitySelected);
    connect(mReject, &QPushButton::clicked, this, &MovesView::rejectSelected);
    connect(exportButton, &QPushButton::clicked, this, &MovesView::exportReportRequested);

    connect(mTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MovesView::updateButtons);
    connect(mTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QStringList ids = index.data(MovesModel::ServiceIdsRole).toStringList();
        if (!ids.isEmpty())
            emit servicesActivated(ids);
    });
    connect(mModel, &QAbstractItemModel::modelReset, this, [this] {
        installRowButtons(0, mModel->rowCount() - 1);
        updateButtons();
    });
    connect(mModel, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { installRowButtons(first, last); });
    connect(mModel, &QAbstractItemModel::rowsRemoved, this, &MovesView::updateButtons);
    connect(mReview, &MoveReview::movesChanged, this, &MovesView::updateSummary);

    auto *bar = new QHBoxLayout;
    bar->addWidget(mSummary, 1);
    bar->addWidget(mExecute);
    bar->addWidget(mAccept);
    bar->addWidget(mReject);
    bar->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(mTable);

    installRowButtons(0, mModel->rowCount() - 1);
    updateButtons();
    updateSummary();
}

// Per-row buttons, so that a single move is decided without selecting it first.
void MovesView::installRowButtons(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = mModel->index(row, MovesModel::ActionsColumn);
        const QString key = index.data(MovesModel::MoveKeyRole).toString();
        auto *cell = new QWidget;
        auto *layout = new QHBoxLayout(cell);
        layout->setContentsMargins(0, 0, 2, 0);
        layout->setSpacing(2);
        auto addButton = [&](const QString &text, const QString &tip, int action, bool enabled) {
            auto *button = new QToolButton(cell);
            button->setText(text);
            button->setToolTip(tip);
            button->setAccessibleName(tip);
            button->setAutoRaise(true);
            button->setEnabled(enabled);
            button->setObjectName(QStringLiteral("rowAction%1").arg(action));
            connect(button, &QToolButton::clicked, this, [this, key, action] { actOnKey(key, action); });
            layout->addWidget(button);
        };
        addButton(tr("Execute"), tr("Execute this move"), Execute, index.data(MovesModel::CanExecuteRole).toBool());
        addButton(tr("Accept"), tr("Accept reality for this service"), AcceptReality,
                  index.data(MovesModel::CanAcceptRealityRole).toBool());
        addButton(tr("Reject"), tr("Reject this draft or proposal"), Reject,
                  index.data(MovesModel::CanRejectRole).toBool());
        cell->setAutoFillBackground(false);
        cell->setAttribute(Qt::WA_TranslucentBackground);
        mTable->setIndexWidget(index, cell);
    }
}

void MovesView::actOnKey(const QString &key, int action)
{
    const Move *m = mReview->move(key);
    if (!m)
        return;
    const QList<Move> moves{*m};
    switch (action) {
    case Execute: mReview->execute(moves); break;
    case AcceptReality: mReview->acceptReality(moves); break;
    case Reject: mReview->reject(moves); break;
    }
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
    mReview->execute(selectedMoves());
}

void MovesView::acceptRealitySelected()
{
    mReview->acceptReality(selectedMoves());
}

void MovesView::rejectSelected()
{
    mReview->reject(selectedMoves());
}

void MovesView::updateButtons()
{
    bool execute = false, accept = false, reject = false;
    for (const Move &m : selectedMoves()) {
        execute = true;
        accept = accept || m.canAcceptReality();
        reject = reject || m.origin != Move::Origin::Drift;
    }
    mExecute->setEnabled(execute);
    mAccept->setEnabled(accept);
    mReject->setEnabled(reject);
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
