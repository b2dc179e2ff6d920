#include "analyzer.h"
#include "commands.h"
#include "hosttablemodel.h"
#include "problemsmodel.h"
#include "schemadocument.h"
#include "servicetablemodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Portolan;

class tst_ServiceTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void shouldPassTheModelTester();
    void shouldEmitDataChangedForTheEditedCellOnly();
    void shouldEditThroughTheUndoStack();
    void shouldMergeTypingIntoOneStep();
    void shouldRejectBadInput_data();
    void shouldRejectBadInput();
    void shouldFollowInsertAndRemove();
    void shouldInsertAndRemoveBlocksAsOneChange();
    void shouldSignalOnlyRowsWhoseFindingsChanged();
    void shouldShowFindingsAsIconTintAndTooltip();
    void hostModelShouldRemoveTheRightRow();
    void rangeAndReservationBoundsShouldBeValidated();

private:
    SchemaDocument *mDocument = nullptr;
    ServiceTableModel *mModel = nullptr;
};

void tst_ServiceTableModel::init()
{
    mDocument = new SchemaDocument(builtInSample());
    mModel = new ServiceTableModel(mDocument);
}

void tst_ServiceTableModel::cleanup()
{
    delete mModel;
    delete mDocument;
}

void tst_ServiceTableModel::shouldPassTheModelTester()
{
    QAbstractItemModelTester tester(mModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    HostTableModel hosts(mDocument);
    QAbstractItemModelTester hostTester(&hosts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RangeTableModel ranges(mDocument);
    QAbstractItemModelTester rangeTester(&ranges, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Analyzer analyzer(mDocument);
    mModel->setAnalyzer(&analyzer);
    ProblemsModel problems(&analyzer);
    QAbstractItemModelTester problemTester(&problems, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Exercise every kind of change under the testers' eyes.
    QVERIFY(mModel->setData(mModel->index(1, ServiceTableModel::PlannedPortColumn), 3061));
    mDocument->undoStack()->push(new AddServiceCommand(mDocument, Test::service(QStringLiteral("new"), 3007)));
    mDocument->undoStack()->push(new RemoveServiceCommand(mDocument, QStringLiteral("mana-auth")));
    mDocument->undoStack()->push(new AddServicesCommand(
        mDocument, {Test::service(QStringLiteral("b1"), 3008), Test::service(QStringLiteral("b2"), 3009)}, 2));
    mDocument->undoStack()->push(new RemoveServicesCommand(
        mDocument, {QStringLiteral("b2"), QStringLiteral("mana-credits"), QStringLiteral("b1")}));
    QList<Host> hostList = mDocument->schema().hosts;
    hostList.append(Host{QStringLiteral("h3"), QStringLiteral("Third"), {}, {}, {}});
    mDocument->undoStack()->push(changeHostsCommand(mDocument, hostList, QStringLiteral("add host")));
    QList<PortRange> rangeList = mDocument->schema().ranges;
    rangeList.removeLast();
    mDocument->undoStack()->push(changeRangesCommand(mDocument, rangeList, QStringLiteral("remove range")));
    while (mDocument->undoStack()->canUndo())
        mDocument->undoStack()->undo();
    mDocument->resetSchema(Schema());
    mDocument->resetSchema(builtInSample());
}

void tst_ServiceTableModel::shouldEmitDataChangedForTheEditedCellOnly()
{
    QSignalSpy spy(mModel, &QAbstractItemModel::dataChanged);
    const QModelIndex cell = mModel->indexForService(QStringLiteral("mana-tts"), ServiceTableModel::DescriptionColumn);
    QVERIFY(mModel->setData(cell, QStringLiteral("Speech synthesis")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toModelIndex(), cell);
    QCOMPARE(spy.at(0).at(1).toModelIndex(), cell);
    QCOMPARE(cell.data().toString(), QStringLiteral("Speech synthesis"));
}

void tst_ServiceTableModel::shouldEditThroughTheUndoStack()
{
    const QModelIndex cell = mModel->indexForService(QStringLiteral("mana-credits"), ServiceTableModel::PlannedPortColumn);
    QVERIFY(mModel->setData(cell, QStringLiteral("3061")));
    QCOMPARE(mDocument->schema().service(QStringLiteral("mana-credits"))->plannedPort, 3061);
    QVERIFY(mDocument->isModified());
    mDocument->undoStack()->undo();
    QCOMPARE(mDocument->schema().service(QStringLiteral("mana-credits"))->plannedPort, 3002);
    QVERIFY(!mDocument->isModified());
    mDocument->undoStack()->redo();
    QCOMPARE(cell.data().toString(), QStringLiteral("3061"));
    // Host and range take ids or display names.
    const QModelIndex host = mModel->indexForService(QStringLiteral("mana-geocoding"), ServiceTableModel::HostColumn);
    QVERIFY(mModel->setData(host, QStringLiteral("Mac Mini")));
    QCOMPARE(host.data().toString(), QStringLiteral("Mac Mini"));
    QCOMPARE(mDocument->schema().service(QStringLiteral("mana-geocoding"))->hostId, QStringLiteral("mac-mini"));
}

void tst_ServiceTableModel::shouldMergeTypingIntoOneStep()
{
    const QModelIndex cell = mModel->indexForService(QStringLiteral("mana-auth"), ServiceTableModel::PlannedPortColumn);
    for (const char *value : {"3", "30", "300", "3000"})
        QVERIFY(mModel->setData(cell, QString::fromLatin1(value)));
    QCOMPARE(mDocument->undoStack()->count(), 1);
    mDocument->undoStack()->undo();
    QCOMPARE(cell.data().toString(), QStringLiteral("3001"));
}

void tst_ServiceTableModel::shouldRejectBadInput_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("input");
    QTest::newRow("port 70000") << int(ServiceTableModel::PlannedPortColumn) << QStringLiteral("70000");
    QTest::newRow("port text") << int(ServiceTableModel::ActualPortColumn) << QStringLiteral("30x1");
    QTest::newRow("unknown host") << int(ServiceTableModel::HostColumn) << QStringLiteral("nowhere");
    QTest::newRow("unknown range") << int(ServiceTableModel::RangeColumn) << QStringLiteral("7000-7099");
    QTest::newRow("empty name") << int(ServiceTableModel::NameColumn) << QStringLiteral("  ");
    QTest::newRow("protocol") << int(ServiceTableModel::ProtocolColumn) << QStringLiteral("sctp");
}

void tst_ServiceTableModel::shouldRejectBadInput()
{
    QFETCH(int, column);
    QFETCH(QString, input);
    QSignalSpy rejected(mModel, &ServiceTableModel::inputRejected);
    const QByteArray before = JsonFormat::serialize(mDocument->schema());
    QVERIFY(!mModel->setData(mModel->index(0, column), input));
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!rejected.at(0).at(0).toString().isEmpty());
    QCOMPARE(JsonFormat::serialize(mDocument->schema()), before);
    QCOMPARE(mDocument->undoStack()->count(), 0);
}

void tst_ServiceTableModel::shouldFollowInsertAndRemove()
{
    const int rows = mModel->rowCount();
    QSignalSpy inserted(mModel, &QAbstractItemModel::rowsInserted);
    mDocument->undoStack()->push(new AddServiceCommand(mDocument, Test::service(QStringLiteral("x"), 3000), 0));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(mModel->rowCount(), rows + 1);
    QCOMPARE(mModel->index(0, 0).data().toString(), QStringLiteral("x"));
    QCOMPARE(mModel->indexForService(QStringLiteral("mana-auth")).row(), 1);
    mDocument->undoStack()->undo();
    QCOMPARE(mModel->rowCount(), rows);
    QCOMPARE(mModel->indexForService(QStringLiteral("mana-auth")).row(), 0);
}

// Duplicate and paste of thousands of services, and their undo, cost the
// views one structural change a block, not one a service.
void tst_ServiceTableModel::shouldInsertAndRemoveBlocksAsOneChange()
{
    const Schema before = mDocument->schema();
    const int rows = mModel->rowCount();
    QSignalSpy inserted(mModel, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(mModel, &QAbstractItemModel::rowsRemoved);
    QList<Service> block;
    for (int i = 0; i < 50; ++i)
        block.append(Test::service(QStringLiteral("copy-%1").arg(i), 3100 + i));
    mDocument->undoStack()->push(new AddServicesCommand(mDocument, block, 3));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 3);
    QCOMPARE(inserted.first().at(2).toInt(), 52);
    QCOMPARE(mModel->rowCount(), rows + 50);
    QCOMPARE(mModel->indexForService(QStringLiteral("copy-0")).row(), 3);
    QCOMPARE(mModel->indexForService(QStringLiteral("copy-49")).row(), 52);
    QCOMPARE(mModel->indexForService(before.services.at(3).id).row(), 53);
    mDocument->undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(mDocument->schema(), before);

    // Rows 1, 2 and 4 (and an id twice, and one not there): two runs, two
    // removals, and undo puts each service back on its row.
    removed.clear();
    inserted.clear();
    const QStringList ids{before.services.at(4).id, before.services.at(1).id, before.services.at(2).id,
                          before.services.at(1).id, QStringLiteral("no-such-service")};
    mDocument->undoStack()->push(new RemoveServicesCommand(mDocument, ids));
    QCOMPARE(removed.count(), 2);
    QCOMPARE(mModel->rowCount(), rows - 3);
    QCOMPARE(mDocument->undoStack()->text(mDocument->undoStack()->index() - 1), 
             QCoreApplication::translate("Portolan", "Remove %n service(s)", nullptr, 3));
    mDocument->undoStack()->undo();
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(mDocument->schema(), before);
    mDocument->undoStack()->redo();
    QCOMPARE(mModel->rowCount(), rows - 3);
    QCOMPARE(mModel->indexForService(before.services.at(3).id).row(), 1);
}

void tst_ServiceTableModel::shouldSignalOnlyRowsWhoseFindingsChanged()
{
    Analyzer analyzer(mDocument);
    mModel->setAnalyzer(&analyzer);
    QSignalSpy spy(mModel, &QAbstractItemModel::dataChanged);

    // mana-tts 3022 → 3026 on the GPU server: it now collides with mana-video-gen.
    const QModelIndex cell = mModel->indexForService(QStringLiteral("mana-tts"), ServiceTableModel::ActualPortColumn);
    QVERIFY(mModel->setData(cell, 3026));

    QSet<int> rows;
    for (const QList<QVariant> &args : spy) {
        const QModelIndex from = args.at(0).toModelIndex();
        const QModelIndex to = args.at(1).toModelIndex();
        QCOMPARE(from.row(), to.row());
        rows.insert(from.row());
    }
    QSet<int> expected;
    for (const char *id : {"mana-tts", "mana-video-gen"})
        expected.insert(mDocument->serviceRow(QString::fromLatin1(id)));
    // The edited cell itself plus the rows whose findings changed, nothing else.
    QCOMPARE(rows, expected);
    QVERIFY(analyzer.findingsForService(QStringLiteral("mana-video-gen")).size() >= 1);
}

void tst_ServiceTableModel::shouldShowFindingsAsIconTintAndTooltip()
{
    Analyzer analyzer(mDocument);
    mModel->setAnalyzer(&analyzer);
    const QModelIndex credits = mModel->indexForService(QStringLiteral("mana-credits"));
    QVERIFY(!credits.data(Qt::DecorationRole).isNull());
    QVERIFY(credits.data(Qt::BackgroundRole).canConvert<QColor>());
    QCOMPARE(credits.data(ServiceTableModel::SeverityRole).toInt(), int(Severity::Warning));
    QVERIFY(credits.data(Qt::ToolTipRole).toString().contains(QStringLiteral("drift")));
    const QModelIndex auth = mModel->indexForService(QStringLiteral("mana-auth"));
    QVERIFY(auth.data(Qt::DecorationRole).isNull());
    QVERIFY(!auth.data(ServiceTableModel::SeverityRole).isValid());
}

void tst_ServiceTableModel::hostModelShouldRemoveTheRightRow()
{
    HostTableModel hosts(mDocument);
    QAbstractItemModelTester tester(&hosts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(hosts.index(0, 0).data(HostTableModel::HostIdRole).toString(), QStringLiteral("windows-gpu-server"));
    QPersistentModelIndex mac = hosts.index(1, HostTableModel::NameColumn);
    QSignalSpy removed(&hosts, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&hosts, &QAbstractItemModel::rowsInserted);
    QList<Host> list = mDocument->schema().hosts;
    list.removeFirst();
    mDocument->undoStack()->push(changeHostsCommand(mDocument, list, QStringLiteral("remove")));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0); // the first row went, not the last
    QVERIFY(mac.isValid());
    QCOMPARE(mac.data().toString(), QStringLiteral("Mac Mini"));
    mDocument->undoStack()->undo();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(mac.data().toString(), QStringLiteral("Mac Mini"));
}

void tst_ServiceTableModel::rangeAndReservationBoundsShouldBeValidated()
{
    RangeTableModel ranges(mDocument);
    QSignalSpy rejected(&ranges, &RangeTableModel::inputRejected);
    const QModelIndex last = ranges.index(0, RangeTableModel::LastColumn); // 3000-3009
    QVERIFY(!ranges.setData(last, QStringLiteral("2999")));
    QVERIFY(rejected.last().at(0).toString().contains(QStringLiteral("must not start after its end (3000 > 2999)")));
    QVERIFY(!ranges.setData(last, QStringLiteral("70000")));
    QVERIFY(rejected.last().at(0).toString().contains(QStringLiteral("not a port number")));
    QCOMPARE(mDocument->undoStack()->count(), 0);
    QVERIFY(ranges.setData(last, QStringLiteral("3014")));
    QCOMPARE(mDocument->schema().ranges.first().last, 3014);

    ReservationTableModel reservations(mDocument);
    QSignalSpy refused(&reservations, &ReservationTableModel::inputRejected);
    QVERIFY(!reservations.setData(reservations.index(0, ReservationTableModel::FirstColumn), QStringLiteral("3010")));
    QVERIFY(refused.last().at(0).toString().contains(QStringLiteral("reservation must not start after its end")));
    QVERIFY(reservations.setData(reservations.index(0, ReservationTableModel::FirstColumn), QStringLiteral("3007")));
    QCOMPARE(mDocument->schema().reservations.first().first, 3007);
    QCOMPARE(mDocument->undoStack()->count(), 2);
}

QTEST_MAIN(tst_ServiceTableModel)
#include "tst_servicetablemodel.moc"
