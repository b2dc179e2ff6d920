#include "jsonformat.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Portolan;

// `portolan diff OLD NEW` as CI runs it.
class tst_Diff : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldListMovesAndChangesInEveryFormat_data();
    void shouldListMovesAndChangesInEveryFormat();
    void jsonShouldCarryOrderSwapsAndImpact();
    void identicalFilesShouldHaveNoDifferences();
    void badInputShouldExitWithTwo_data();
    void badInputShouldExitWithTwo();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments);

    QTemporaryDir mDir;
    QString mOld;
    QString mNew;
};

tst_Diff::Result tst_Diff::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(mDir.path());
    process.start(QStringLiteral(PORTOLAN_BINARY), QStringList{QStringLiteral("diff")} + arguments);
    if (!process.waitForFinished(30000))
        return {-1, {}, QStringLiteral("timed out")};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// Two versions of one schema: the new one moves mana-credits in the plan,
// swaps two planned ports, retires a service, adds one, renames a range.
void tst_Diff::initTestCase()
{
    QVERIFY(mDir.isValid());
    Schema before = Test::twoHosts();
    before.title = QStringLiteral("Ports");
    auto add = [&](const QString &id, int planned, int actual) {
        before.services.append(Test::service(id, planned, actual, QStringLiteral("a")));
    };
    add(QStringLiteral("auth"), 3001, 3001);
    add(QStringLiteral("credits"), 3002, 3002);
    add(QStringLiteral("media"), 3011, 3011);
    add(QStringLiteral("search"), 3012, 3012);
    add(QStringLiteral("old-cron"), 3020, 3020);
    Schema after = before;
    after.services[1].plannedPort = 3003;
    after.services[2].plannedPort = 3012;
    after.services[3].plannedPort = 3011;
    after.services.removeAt(4);
    after.services.append(Test::service(QStringLiteral("newsletter"), 3030, 0, QStringLiteral("a")));
    after.ranges[0].title = QStringLiteral("Core services");
    mOld = QStringLiteral("old.portolan.json");
    mNew = QStringLiteral("new.portolan.json");
    QString error;
    QVERIFY2(saveSchemaFile(mDir.filePath(mOld), before, &error), qPrintable(error));
    QVERIFY2(saveSchemaFile(mDir.filePath(mNew), after, &error), qPrintable(error));
}

void tst_Diff::shouldListMovesAndChangesInEveryFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("inOrder");
    QTest::newRow("text") << QStringLiteral("text")
                          << QStringList{QStringLiteral("3 moves, 3 other changes"),
                                         QStringLiteral("1. old-cron (service removed)"),
                                         QStringLiteral("2. Core services (range changed)"),
                                         QStringLiteral("3. credits (plan move): 3002 → 3003"),
                                         QStringLiteral("4. media (plan move): 3011 → 3012 [swap with search]"),
                                         QStringLiteral("5. search (plan move): 3012 → 3011 [swap with media]"),
                                         QStringLiteral("6. newsletter (service added)")};
    QTest::newRow("markdown") << QStringLiteral("markdown")
                              << QStringList{QStringLiteral("## Port schema changes: `old.portolan.json` → `new.portolan.json`"),
                                             QStringLiteral("| # | Service | Kind | Change | Impact |"),
                                             QStringLiteral("| 1 | old-cron | service removed |"),
                                             QStringLiteral("| 3 | credits | plan move | 3002 → 3003 |"),
                                             QStringLiteral("| 4 | media | plan move | 3011 → 3012 (swap with search) |"),
                                             QStringLiteral("| 6 | newsletter | service added |"),
                                             QStringLiteral("### Impact")};
    QTest::newRow("json") << QStringLiteral("json")
                          << QStringList{QStringLiteral("\"changes\""), QStringLiteral("\"service-removed\""),
                                         QStringLiteral("\"range-changed\""), QStringLiteral("\"credits\""),
                                         QStringLiteral("\"media\""), QStringLiteral("\"search\""),
                                         QStringLiteral("\"service-added\""), QStringLiteral("\"summary\"")};
}

void tst_Diff::shouldListMovesAndChangesInEveryFormat()
{
    QFETCH(QString, format);
    QFETCH(QStringList, inOrder);
    const Result result = run({mOld, mNew, QStringLiteral("--format"), format});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty() || !result.err.contains(QStringLiteral("portolan diff")), qPrintable(result.err));
    qsizetype at = 0;
    for (const QString &piece : inOrder) {
        const qsizetype found = result.out.indexOf(piece, at);
        QVERIFY2(found >= 0, qPrintable(QStringLiteral("missing or out of order: %1\n%2").arg(piece, result.out)));
        at = found + piece.size();
    }
    // Stable: the same input gives the same bytes.
    QCOMPARE(run({mOld, mNew, QStringLiteral("--format"), format}).out, result.out);
}

void tst_Diff::jsonShouldCarryOrderSwapsAndImpact()
{
    const Result result = run({mOld, mNew, QStringLiteral("--format=json")});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(QStringLiteral("old")).toString(), mOld);
    const QJsonArray changes = root.value(QStringLiteral("changes")).toArray();
    QCOMPARE(changes.size(), 6);
    for (int i = 0; i < changes.size(); ++i)
        QCOMPARE(changes.at(i).toObject().value(QStringLiteral("order")).toInt(), i + 1);

    const QJsonObject media = changes.at(3).toObject();
    QCOMPARE(media.value(QStringLiteral("id")).toString(), QStringLiteral("media"));
    QCOMPARE(media.value(QStringLiteral("kind")).toString(), QStringLiteral("move"));
    QCOMPARE(media.value(QStringLiteral("side")).toString(), QStringLiteral("plan"));
    QVERIFY(media.value(QStringLiteral("swap")).toBool());
    QCOMPARE(media.value(QStringLiteral("from")).toObject().value(QStringLiteral("port")).toInt(), 3011);
    QCOMPARE(media.value(QStringLiteral("to")).toObject().value(QStringLiteral("port")).toInt(), 3012);
    // The swap, judged as a whole, opens drift for both services.
    const QJsonArray introduced = media.value(QStringLiteral("impact")).toObject().value(QStringLiteral("introduces")).toArray();
    QStringList rules;
    for (const QJsonValue &f : introduced)
        rules.append(f.toObject().value(QStringLiteral("rule")).toString());
    QCOMPARE(rules.count(QStringLiteral("drift")), 2);
    QVERIFY(!rules.contains(QStringLiteral("plan-collision")));

    const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("moves")).toInt(), 3);
    QCOMPARE(summary.value(QStringLiteral("otherChanges")).toInt(), 3);
}

void tst_Diff::identicalFilesShouldHaveNoDifferences()
{
    const Result text = run({mOld, mOld});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("0 moves, 0 other changes")));
    const Result markdown = run({mOld, mOld, QStringLiteral("--format"), QStringLiteral("markdown")});
    QCOMPARE(markdown.exitCode, 0);
    QVERIFY(markdown.out.contains(QStringLiteral("No differences.")));
    const Result json = run({mOld, mOld, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("changes")).toArray().size(), 0);
}

void tst_Diff::badInputShouldExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("one file") << QStringList{QStringLiteral("old.portolan.json")};
    QTest::newRow("missing file") << QStringList{QStringLiteral("old.portolan.json"), QStringLiteral("nope.json")};
    QTest::newRow("unknown format") << QStringList{QStringLiteral("old.portolan.json"), QStringLiteral("new.portolan.json"),
                                                   QStringLiteral("--format"), QStringLiteral("github")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate"), QStringLiteral("a"), QStringLiteral("b")};
}

void tst_Diff::badInputShouldExitWithTwo()
{
    QFETCH(QStringList, arguments);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QStringLiteral("portolan diff")));
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Diff)
#include "tst_diff.moc"
