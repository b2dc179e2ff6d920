#include "jsonformat.h"
#include "movereview.h"
#include "movesmodel.h"
#include "movesview.h"
#include "schemadocument.h"
#include "whatifservicemodel.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
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

private:
    int rowOf(const QString &serviceId) const;
    QToolButton *rowButton(int row, int action) const;

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

QToolButton *tst_MovesView::rowButton(int row, int action) const
{
    QWidget *cell = mView->tableView()->indexWidget(mView->model()->index(row, MovesModel::ActionsColumn));
    return cell ? cell->findChild<QToolButton *>(QStringLiteral("rowAction%1").arg(action)) : nullptr;
}

void tst_MovesView::shouldShowOneRowPerMoveWithImpact()
{
    QAbstractItemModelTester tester(mView->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    MovesModel *model = mView->model();
    QCOMPARE(model->rowCount(), 11);
    const int credits = rowOf(QStringLiteral("mana-credits"));
    QVERIFY(credits >= 0);
    QCOMPARE(model->index(credits, MovesModel::ChangeColumn).data().toString(), QStringLiteral("3061 → 3002"));
    QCOMPARE(model->index(credits, MovesModel::OriginColumn).data().toString(), QStringLiteral("drift"));
    const QString impact = model->index(credits, MovesModel::ImpactColumn).data().toString();
    QVERIFY2(impact.startsWith(QStringLiteral("✓ resolves ")), qPrintable(impact));
    QVERIFY(impact.contains(QStringLiteral(" · ✗ introduces ")));
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
    QToolButton *execute = rowButton(credits, 0);
    QVERIFY(execute);
    QVERIFY(execute->isEnabled());
    QSignalSpy removed(mView->model(), &QAbstractItemModel::rowsRemoved);
    QTest::mouseClick(execute, Qt::LeftButton);
    QCOMPARE(mDocument->schema().service(QStringLiteral("mana-credits"))->actualPort, 3002);
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mView->model()->rowCount(), 10);
    QCOMPARE(removed.count(), 1); // the other rows stay as they are
    QCOMPARE(rowOf(QStringLiteral("mana-credits")), -1);

    const int user = rowOf(QStringLiteral("mana-user"));
    QTest::mouseClick(rowButton(user, 1), Qt::LeftButton);
    QCOMPARE(mDocument->schema().service(QStringLiteral("mana-user"))->plannedPort, 3062);
    QCOMPARE(mDocument->undoStack()->count(), 2);

    mDocument->undoStack()->undo();
    mDocument->undoStack()->undo();
    QTRY_COMPARE(mView->model()->rowCount(), 11);
    QVERIFY(rowButton(rowOf(QStringLiteral("mana-credits")), 0));
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
    QVERIFY(!rowButton(credits, 2)->isEnabled());

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
    QVERIFY(rowButton(tts, 2)->isEnabled());
    QVERIFY(!rowButton(tts, 1)->isEnabled());
    mView->selectKeys({mView->model()->moveAt(tts)->key()});
    QVERIFY(mView->rejectButton()->isEnabled());
    QVERIFY(!mView->acceptButton()->isEnabled());
    QTest::mouseClick(mView->rejectButton(), Qt::LeftButton);
    QCOMPARE(mView->model()->rowCount(), 11);
    QCOMPARE(session.draftDocument()->schema().service(QStringLiteral("mana-tts"))->plannedPort, 3022);
    QCOMPARE(mDocument->undoStack()->count(), 0);
    mReview->setWhatIf(nullptr);
}

QTEST_MAIN(tst_MovesView)
#include "tst_movesview.moc"
