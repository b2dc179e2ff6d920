#include "analyzer.h"
#include "jsonformat.h"
#include "moveactionsdelegate.h"
#include "movestable.h"
#include "movereview.h"
#include "movesmodel.h"
#include "movesview.h"
#include "schemadocument.h"
#include "whatifservicemodel.h"

#include <QAbstractItemModelTester>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Portolan;

// The Moves panel as a user drives it: row buttons and bulk buttons.
class tst_MovesView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void shouldShowOneRowPerMoveWithImpact();
    void rowButtonShouldExecuteOneMove();
    void bulkButtonsShouldActOnTheSelectionAsOneStep();
    void rejectShouldOnlyBeOfferedForDraftsAndProposals();
    void acceptRealityImpactShouldBeComputedAndShown();
    void rowsShouldHaveNoIndexWidgets();
    void columnsShouldNotElideAt1280x800();
    void busyBarShouldShowALongRecomputationOnly();

private:
    int rowOf(const QString &serviceId) const;
    // Clicks a row's painted button; false when it is disabled (nothing happens).
    bool clickRowButton(int row, int action);
    bool rowButtonEnabled(int row, int action) const;

    SchemaDocument *mDocument = nullptr;
    MoveReview *mReview = nullptr;
    MovesView *mView = nullptr;
};

void tst_MovesView::init()
{
    mDocument = new SchemaDocument(builtInSample());
    mReview = new MoveReview(mDocument);
    mView = new MovesView(mReview);
    mView->resize(1200, 500);
    mView->show();
    QVERIFY(QTest::qWaitForWindowExposed(mView));
}

void tst_MovesView::cleanup()
{
    delete mView;
    delete mReview;
    delete mDocument;
}

int tst_MovesView::rowOf(const QString &serviceId) const
{
    for (int row = 0; row < mView->model()->rowCount(); ++row) {
        if (mView->model()->moveAt(row)->serviceId == serviceId)
            return row;
    }
    return -1;
}

bool tst_MovesView::rowButtonEnabled(int row, int action) const
{
    return MoveActionsDelegate::isEnabled(mView->model()->index(row, MovesModel::ActionsColumn), action);
}

bool tst_MovesView::clickRowButton(int row, int action)
{
    MovesTable *table = mView->movesTable();
    const QModelIndex index = mView->model()->index(row, MovesModel::ActionsColumn);
    table->scrollTo(index);
    const QRect button = table->actionsDelegate()->buttonRect(table->visualRect(index), action);
    if (button.isEmpty())
        return false;
    QSignalSpy spy(table, &MovesTable::actionRequested);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, button.center());
    return spy.count() == 1;
}

void tst_MovesView::shouldShowOneRowPerMoveWithImpact()
{
    QAbstractItemModelTester tester(mView->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    MovesModel *model = mView->model();
    QCOMPARE(model->rowCount(), 11);
    const int credits = rowOf(QStringLiteral("mana-credits"));
    QVERIFY(credits >= 0);
    QCOMPARE(model->index(credits, MovesModel::ChangeColumn).data().toString(),
             QStringLiteral("runs on 3061, planned 3002"));
    QCOMPARE(model->index(credits, MovesModel::OriginColumn).data().toString(), QStringLiteral("drift"));
    const QString impact = model->index(credits, MovesModel::ImpactColumn).data().toString();
    QVERIFY2(impact.startsWith(QStringLiteral("Execute: resolves ")), qPrintable(impact));
    QVERIFY(impact.contains(QStringLiteral(" | Accept: ")));
    QVERIFY(model->index(credits, MovesModel::ImpactColumn).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("Resolves")));
    // mana-llm waits for mana-stt, which holds its port today.
    const int llm = rowOf(QStringLiteral("mana-llm"));
    QVERIFY(rowOf(QStringLiteral("mana-stt")) < llm);
    QVERIFY(model->index(llm, MovesModel::ChangeColumn).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("mana-stt")));
}

void tst_MovesView::rowButtonShouldExecuteOneMove()
{
    const int credits = rowOf(QStringLiteral("mana-credits"));
    QVERIFY(rowButtonEnabled(credits, 0));
    QSignalSpy removed(mView->model(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(clickRowButton(credits, 0));
    QCOMPARE(mDocument->schema().service(QStringLiteral("mana-credits"))->actualPort, 3002);
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mView->model()->rowCount(), 10);
    QCOMPARE(removed.count(), 1); // the other rows stay as they are
    QCOMPARE(rowOf(QStringLiteral("mana-credits")), -1);

    const int user = rowOf(QStringLiteral("mana-user"));
    QVERIFY(clickRowButton(user, 1));
    QCOMPARE(mDocument->schema().service(QStringLiteral("mana-user"))->plannedPort, 3062);
    QCOMPARE(mDocument->undoStack()->count(), 2);

    mDocument->undoStack()->undo();
    mDocument->undoStack()->undo();
    QTRY_COMPARE(mView->model()->rowCount(), 11);
    QVERIFY(rowButtonEnabled(rowOf(QStringLiteral("mana-credits")), 0));
}

void tst_MovesView::bulkButtonsShouldActOnTheSelectionAsOneStep()
{
    const QByteArray original = JsonFormat::serialize(mDocument->schema());
    QVERIFY(!mView->executeButton()->isEnabled());
    const QString search = mView->model()->moveAt(rowOf(QStringLiteral("mana-search")))->key();
    const QString notify = mView->model()->moveAt(rowOf(QStringLiteral("mana-notify")))->key();
    mView->selectKeys({search, notify});
    QCOMPARE(mView->selectedMoves().size(), 2);
    QVERIFY(mView->executeButton()->isEnabled());
    QVERIFY(mView->acceptButton()->isEnabled());
    QTest::mouseClick(mView->executeButton(), Qt::LeftButton);
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mDocument->undoStack()->text(0), QStringLiteral("Execute 2 move(s)"));
    QCOMPARE(mDocument->schema().service(QStringLiteral("mana-search"))->actualPort, 3012);
    QCOMPARE(mDocument->schema().service(QStringLiteral("mana-notify"))->actualPort, 3013);
    QCOMPARE(mView->model()->rowCount(), 9);

    mView->tableView()->selectAll();
    QTest::mouseClick(mView->acceptButton(), Qt::LeftButton);
    QCOMPARE(mDocument->undoStack()->count(), 2);
    QCOMPARE(mDocument->undoStack()->text(1), QStringLiteral("Accept reality for 9 service(s)"));
    QCOMPARE(mView->model()->rowCount(), 0);

    mDocument->undoStack()->undo();
    mDocument->undoStack()->undo();
    QCOMPARE(JsonFormat::serialize(mDocument->schema()), original);
    QTRY_COMPARE(mView->model()->rowCount(), 11);
}

void tst_MovesView::rejectShouldOnlyBeOfferedForDraftsAndProposals()
{
    const int credits = rowOf(QStringLiteral("mana-credits"));
    QVERIFY(!rowButtonEnabled(credits, 2));
    QVERIFY(!clickRowButton(credits, 2));

    WhatIfSession session(mDocument);
    mReview->setWhatIf(&session);
    QCOMPARE(mView->model()->rowCount(), 11);
    // Draft through the draft document's own stack, as the what-if table does.
    WhatIfServiceModel model(&session, nullptr, nullptr);
    QVERIFY(model.setData(model.indexForService(QStringLiteral("mana-tts"), ServiceTableModel::PlannedPortColumn), 3026));
    QTRY_COMPARE(mView->model()->rowCount(), 12);
    const int tts = rowOf(QStringLiteral("mana-tts"));
    QCOMPARE(mView->model()->index(tts, MovesModel::OriginColumn).data().toString(), QStringLiteral("draft"));
    QCOMPARE(mView->model()->index(tts, MovesModel::ChangeColumn).data().toString(), QStringLiteral("plan: 3022 → 3026"));
    QVERIFY(rowButtonEnabled(tts, 2));
    QVERIFY(!rowButtonEnabled(tts, 1));
    mView->selectKeys({mView->model()->moveAt(tts)->key()});
    QVERIFY(mView->rejectButton()->isEnabled());
    QVERIFY(!mView->acceptButton()->isEnabled());
    QTest::mouseClick(mView->rejectButton(), Qt::LeftButton);
    QCOMPARE(mView->model()->rowCount(), 11);
    QCOMPARE(session.draftDocument()->schema().service(QStringLiteral("mana-tts"))->plannedPort, 3022);
    QCOMPARE(mDocument->undoStack()->count(), 0);
    mReview->setWhatIf(nullptr);
}

// Accepting mana-media's reality puts its plan on a port another service
// plans: the impact says so before the decision, as Execute's does.
void tst_MovesView::acceptRealityImpactShouldBeComputedAndShown()
{
    MovesModel *model = mView->model();
    int conflicting = -1;
    for (int row = 0; row < model->rowCount() && conflicting < 0; ++row) {
        const Move *m = model->moveAt(row);
        QVERIFY(m->acceptImpact.computed);
        for (const Finding &f : m->acceptImpact.introduced) {
            if (f.rule == QLatin1String("plan-collision"))
                conflicting = row;
        }
    }
    QVERIFY(conflicting >= 0);
    const Move accepted = *model->moveAt(conflicting);
    const QString impact = model->index(conflicting, MovesModel::ImpactColumn).data().toString();
    QVERIFY2(impact.section(QStringLiteral("Accept: "), 1).contains(QStringLiteral("introduces 1")), qPrintable(impact));
    QCOMPARE(model->index(conflicting, MovesModel::ImpactColumn).data(Qt::ForegroundRole).value<QColor>(),
             QColor(Qt::darkRed));
    const QString tip = model->index(conflicting, MovesModel::ImpactColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("If reality is accepted")) && tip.contains(QStringLiteral("plan-collision")),
             qPrintable(tip));
    // What was announced is what happens.
    Analyzer analyzer(mDocument);
    auto planCollisions = [&analyzer] {
        const QList<Finding> findings = analyzer.findings();
        return int(std::count_if(findings.cbegin(), findings.cend(),
                                 [](const Finding &f) { return f.rule == QLatin1String("plan-collision"); }));
    };
    const int before = planCollisions();
    QVERIFY(clickRowButton(conflicting, 1));
    const int after = planCollisions();
    QCOMPARE(after - before, int(std::count_if(accepted.acceptImpact.introduced.cbegin(),
                                               accepted.acceptImpact.introduced.cend(), [](const Finding &f) {
                                                   return f.rule == QLatin1String("plan-collision");
                                               })));
    QVERIFY(mView->lastDecision().contains(accepted.name));
}

// The rows' actions are painted: a fleet's moves make no widget per row.
void tst_MovesView::rowsShouldHaveNoIndexWidgets()
{
    for (int row = 0; row < mView->model()->rowCount(); ++row) {
        for (int column = 0; column < MovesModel::ColumnCount; ++column)
            QVERIFY(!mView->tableView()->indexWidget(mView->model()->index(row, column)));
    }
    QVERIFY(mView->tableView()->findChildren<QToolButton *>().isEmpty());
}

// At the window's 1280×800 the Moves dock spans the bottom; no column's text is cut.
void tst_MovesView::columnsShouldNotElideAt1280x800()
{
    mView->resize(1280 - 16, 260);
    QTest::qWait(0);
    QTableView *table = mView->tableView();
    const QFontMetrics fm = table->fontMetrics();
    const int padding = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
    for (int row = 0; row < mView->model()->rowCount(); ++row) {
        for (int column : {MovesModel::ServiceColumn, MovesModel::ChangeColumn, MovesModel::OriginColumn,
                           MovesModel::ImpactColumn}) {
            const QString text = mView->model()->index(row, column).data().toString();
            QVERIFY2(fm.horizontalAdvance(text) + padding <= table->columnWidth(column),
                     qPrintable(QStringLiteral("%1 (%2 px in %3)").arg(text).arg(fm.horizontalAdvance(text))
                                    .arg(table->columnWidth(column))));
        }
    }
    // The three buttons fit their column.
    MovesTable *moves = mView->movesTable();
    QVERIFY(moves->actionsDelegate()->preferredWidth() <= table->columnWidth(MovesModel::ActionsColumn));
    const QString header = mView->model()->headerData(MovesModel::ImpactColumn, Qt::Horizontal).toString();
    QVERIFY(fm.horizontalAdvance(header) < table->columnWidth(MovesModel::ImpactColumn));
}

void tst_MovesView::busyBarShouldShowALongRecomputationOnly()
{
    mView->resize(900, 400);
    mView->show();
    QVERIFY(QTest::qWaitForWindowExposed(mView));
    QProgressBar *busy = mView->busyBar();
    QVERIFY(busy->isHidden());
    // The sample's own recomputation is quick: the review's signals are
    // played here. One that ends within 200 ms does not flash the bar.
    emit mReview->computingChanged(true);
    emit mReview->computingChanged(false);
    QTest::qWait(300);
    QVERIFY(busy->isHidden());
    // One that runs longer shows it until it ends.
    emit mReview->computingChanged(true);
    QTRY_VERIFY(busy->isVisible());
    QVERIFY(busy->maximum() == 0); // busy, not a percentage
    emit mReview->computingChanged(false);
    QVERIFY(busy->isHidden());
}

QTEST_MAIN(tst_MovesView)
#include "tst_movesview.moc"
