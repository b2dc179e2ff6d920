#include "changeset.h"
#include "portallocator.h"
#include "jsonformat.h"
#include "linkedsources.h"
#include "move.h"
#include "movereport.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace Portolan;
using namespace Portolan::Test;

// Moves carried out in copies of the real mana files: the patch applies
// with git, docker-compose and promtool accept the patched files, and
// reading them again shows the moves done.
class TestChangeSet : public QObject
{
    Q_OBJECT

private slots:
    void shortSyntaxShouldKeepEveryOtherByte_data();
    void shortSyntaxShouldKeepEveryOtherByte();
    void realFilesShouldTakeTheDriftMovesAsAPatch();
    void severalPortsNoneOfThemPlannedShouldStayManual();
    void commandLineShouldListAndApplyMoves();
    void envValueShouldChangeWhereItIsSet();
    void draftMoveShouldBeCarriedFromTheActualPort();
    void failureOnTheThirdFileShouldLeaveAllFour();
    void undoShouldPutTheFilesBackWhileUnchanged();
    void patchShouldBeRelativeToTheGitWorkTree();
    void docShouldFollowInItsTableRowAndStatusLine();
    void realCollisionsShouldBeResolvedInTheFiles();
    void fileSdTargetThroughTheHostShouldFollow();

private:
    static QString run(const QString &program, const QStringList &arguments, const QString &dir, int *exitCode);
};

QString TestChangeSet::run(const QString &program, const QStringList &arguments, const QString &dir, int *exitCode)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000)) {
        *exitCode = -1;
        return {};
    }
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAll());
}

void TestChangeSet::shortSyntaxShouldKeepEveryOtherByte_data()
{
    QTest::addColumn<QByteArray>("ports");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("quoted") << QByteArray("      - \"3061:3002\"  # credits\n")
                            << QByteArray("      - \"3005:3002\"  # credits\n");
    QTest::newRow("single quoted") << QByteArray("      - '3061:3002'\n") << QByteArray("      - '3005:3002'\n");
    QTest::newRow("plain") << QByteArray("      - 3061:3002\r\n") << QByteArray("      - 3005:3002\r\n");
    QTest::newRow("bind address") << QByteArray("      - \"127.0.0.1:3061:3002/tcp\"\n")
                                  << QByteArray("      - \"127.0.0.1:3005:3002/tcp\"\n");
    QTest::newRow("default") << QByteArray("      - \"${CREDITS_PORT:-3061}:3002\"\n")
                             << QByteArray("      - \"${CREDITS_PORT:-3005}:3002\"\n");
    QTest::newRow("long syntax") << QByteArray("      - target: 3002\n        published: \"3061\"\n        protocol: tcp\n")
                                 << QByteArray("      - target: 3002\n        published: \"3005\"\n        protocol: tcp\n");
    QTest::newRow("flow list") << QByteArray("    ports: [\"3061:3002\", \"9229\"]\n")
                               << QByteArray("    ports: [\"3005:3002\", \"9229\"]\n");
}

void TestChangeSet::shortSyntaxShouldKeepEveryOtherByte()
{
    QFETCH(QByteArray, ports);
    QFETCH(QByteArray, expected);
    QTemporaryDir dir;
    const bool flow = ports.contains("ports: [");
    const QByteArray head = "# the credits service\nservices:\n  credits:\n    image: x\n";
    const QByteArray text = head + (flow ? QByteArray() : QByteArray("    ports:\n")) + ports;
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("docker-compose.yml"), text));
    const Schema schema = hostWithCompose(QStringLiteral("h"), {QStringLiteral("docker-compose.yml")},
                                          {deployed(QStringLiteral("credits"), 3005, QStringLiteral("h"))});
    const QHash<QString, QString> environment;
    const QList<SourceReading> readings = readSources(schema, dir.path(), &environment);
    QVERIFY2(readings.first().ok, qPrintable(readings.first().error.toString()));
    const Schema applied = applyReadings(schema, readings).schema;
    QCOMPARE(applied.service(QStringLiteral("credits"))->actualPort, 3061);

    QList<Move> moves = driftMoves(applied);
    QCOMPARE(moves.size(), 1);
    planMoves(moves);
    const ChangeSet set = buildChangeSet(applied, readings, moves);
    QVERIFY2(set.isComplete(), qPrintable(set.manual.value(0).text));
    QCOMPARE(set.files.size(), 1);
    QCOMPARE(set.files.first().after, head + (flow ? QByteArray() : QByteArray("    ports:\n")) + expected);
    QVERIFY(set.patch().startsWith(QStringLiteral("--- a/docker-compose.yml\n+++ b/docker-compose.yml\n@@ ")));
}

void TestChangeSet::realFilesShouldTakeTheDriftMovesAsAPatch()
{
    for (const char *tool : {"git", "docker-compose", "promtool"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            QSKIP(qPrintable(QStringLiteral("%1 is not installed (scripts/setup installs it)").arg(QLatin1String(tool))));
    }
    QTemporaryDir dir;
    const QString real = QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/samples/mana-2026-04-17/");
    for (const QString &f : {QStringLiteral("docker-compose.macmini.yml"), QStringLiteral("cloudflared-config.yml"),
                             QStringLiteral("docker/prometheus/prometheus.yml")}) {
        QDir(dir.path()).mkpath(QFileInfo(f).path());
        QVERIFY(QFile::copy(real + f, dir.filePath(f)));
        QFile::setPermissions(dir.filePath(f), QFile::ReadOwner | QFile::WriteOwner);
    }
    int exitCode = 0;
    run(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q")}, dir.path(), &exitCode);
    QCOMPARE(exitCode, 0);
    // Debian's docker-compose 1.29 refuses the real file as it is (an
    // unquoted boolean in environment:); the patch must not change its verdict.
    int originalExit = 0;
    const QString originalConfig = run(QStringLiteral("docker-compose"),
                                       {QStringLiteral("-f"), QStringLiteral("docker-compose.macmini.yml"),
                                        QStringLiteral("config")},
                                       dir.path(), &originalExit);

    Schema plan = builtInLinkedSample();
    for (Host &h : plan.hosts) {
        for (RealitySource &s : h.sources)
            s.files.replaceInStrings(QStringLiteral("mana-2026-04-17/"), QString());
    }
    const QList<SourceReading> readings = readSources(plan, dir.path());
    for (const SourceReading &r : readings)
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
    const Schema applied = applyReadings(plan, readings).schema;
    QList<Move> moves;
    for (const Move &m : driftMoves(applied)) {
        if (m.fromHostId == QLatin1String("mac-mini") && m.toHostId == QLatin1String("mac-mini"))
            moves.append(m);
    }
    QVERIFY(!moves.isEmpty());
    planMoves(moves);
    const ChangeSet set = buildChangeSet(applied, readings, moves);
    QVERIFY(!set.carried.isEmpty());
    QVERIFY(!set.files.isEmpty());
    // mana-mail (3042, a JMAP proxy) is matched to the Stalwart mail server's ports: never carried.
    QVERIFY(std::any_of(set.manual.cbegin(), set.manual.cend(),
                        [](const ManualStep &m) { return m.text.startsWith(QLatin1String("mana-mail")); }));
    qInfo("%lld drift moves on the Mac Mini: %lld carried in %lld files, %lld manual steps", qlonglong(moves.size()),
          qlonglong(set.carried.size()), qlonglong(set.files.size()), qlonglong(set.manual.size()));
    for (const ManualStep &step : set.manual)
        qInfo("manual: %s", qPrintable(step.text));

    // git apply --check takes the patch in the repository.
    QFile patch(dir.filePath(QStringLiteral("moves.patch")));
    QVERIFY(patch.open(QIODevice::WriteOnly));
    patch.write(set.patch().toUtf8());
    patch.close();
    const QString check = run(QStringLiteral("git"), {QStringLiteral("apply"), QStringLiteral("--check"),
                                                       QStringLiteral("moves.patch")}, dir.path(), &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(check + set.patch()));
    run(QStringLiteral("git"), {QStringLiteral("apply"), QStringLiteral("moves.patch")}, dir.path(), &exitCode);
    QCOMPARE(exitCode, 0);
    for (const FileChange &f : set.files) {
        QFile written(dir.filePath(f.path));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), f.after);
    }

    // The patched files are still what their tools accept.
    const QString config = run(QStringLiteral("docker-compose"),
                               {QStringLiteral("-f"), QStringLiteral("docker-compose.macmini.yml"), QStringLiteral("config")},
                               dir.path(), &exitCode);
    QCOMPARE(exitCode, originalExit);
    if (originalExit != 0)
        QCOMPARE(config, originalConfig);
    run(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("config"), QStringLiteral("--syntax-only"),
                                     QStringLiteral("docker/prometheus/prometheus.yml")},
        dir.path(), &exitCode);
    QCOMPARE(exitCode, 0);

    // The check reads the changed copies: the drift of every carried move is resolved, nothing new.
    {
        // Put the originals back for the check, which starts from them.
        for (const FileChange &f : set.files)
            QVERIFY(writeTestFile(dir.path(), f.path, f.before));
        const ChangeSetCheck check = checkChangeSet(applied, readings, moves, set);
        QVERIFY2(check.ok, qPrintable(check.error.toString()));
        QVERIFY2(check.notDone.isEmpty(), qPrintable(check.notDone.join(QLatin1Char(' '))));
        QVERIFY(!check.resolved.isEmpty());
        QStringList introduced;
        for (const Finding &f : check.introduced)
            introduced.append(f.rule + QLatin1Char(' ') + f.message);
        QVERIFY2(check.introduced.isEmpty(), qPrintable(introduced.join(QLatin1Char('\n'))));
        for (const FileChange &f : set.files) {
            QFile real(f.absolutePath);
            QVERIFY(real.open(QIODevice::ReadOnly));
            QCOMPARE(real.readAll(), f.before); // the check touched no real file
        }
        for (const FileChange &f : set.files)
            QVERIFY(writeTestFile(dir.path(), f.path, f.after));
    }

    // Read again: every carried move is done.
    const Schema after = applyReadings(applied, readSources(plan, dir.path())).schema;
    for (const Move &m : moves) {
        if (!set.carried.contains(m.key()))
            continue;
        const Service *s = after.service(m.serviceId);
        QVERIFY(s);
        QVERIFY2(s->actualPort == m.toPort, qPrintable(QStringLiteral("%1: %2, expected %3").arg(m.name).arg(s->actualPort).arg(m.toPort)));
        if (originalExit == 0)
            QVERIFY2(config.contains(QStringLiteral("published: %1").arg(m.toPort)), qPrintable(m.name));
    }
}

void TestChangeSet::severalPortsNoneOfThemPlannedShouldStayManual()
{
    // A mail server matched by its container_name: its 25 is not the plan's 3042.
    QTemporaryDir dir;
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("docker-compose.yml"),
                          "services:\n  stalwart:\n    container_name: mana-mail\n    ports:\n      - \"25:25\"\n"
                          "      - \"993:993\"\n"));
    const Schema schema = hostWithCompose(QStringLiteral("h"), {QStringLiteral("docker-compose.yml")},
                                          {deployed(QStringLiteral("mana-mail"), 3042, QStringLiteral("h"))});
    const QList<SourceReading> readings = readSources(schema, dir.path());
    const Schema applied = applyReadings(schema, readings).schema;
    QCOMPARE(applied.service(QStringLiteral("mana-mail"))->actualPort, 25);
    QList<Move> moves = driftMoves(applied);
    QCOMPARE(moves.size(), 1);
    const ChangeSet set = buildChangeSet(applied, readings, moves);
    QVERIFY(set.files.isEmpty());
    QCOMPARE(set.manual.size(), 1);
    QVERIFY2(set.manual.first().text.contains(QLatin1String("25, 993")), qPrintable(set.manual.first().text));
}

void TestChangeSet::commandLineShouldListAndApplyMoves()
{
    QTemporaryDir dir;
    QFile compose(dir.filePath(QStringLiteral("docker-compose.yml")));
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("docker-compose.yml"),
                          "services:\n  api:\n    image: x\n    ports:\n      - \"3061:3000\"  # the API\n"
                          "  web:\n    image: y\n    environment:\n      API: http://host.docker.internal:3061/v1\n"));
    Service batch = deployed(QStringLiteral("batch"), 3007, QStringLiteral("h"));
    batch.actualPort = 3008; // set by hand: no source carries it
    const Schema schema = hostWithCompose(QStringLiteral("h"), {QStringLiteral("docker-compose.yml")},
                                          {deployed(QStringLiteral("api"), 3005, QStringLiteral("h")), batch});
    QString error;
    const QString plan = dir.filePath(QStringLiteral("plan.portolan.json"));
    QVERIFY(saveSchemaFile(plan, schema, &error));

    int exitCode = -1;
    const QString moves = run(QStringLiteral(PORTOLAN_BINARY), {QStringLiteral("moves"), plan}, dir.path(), &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(moves.contains(QLatin1String("api\t")) && moves.contains(QLatin1String("docker-compose.yml")), qPrintable(moves));
    QVERIFY2(moves.contains(QLatin1String("batch\t")), qPrintable(moves));

    const QString patch = run(QStringLiteral(PORTOLAN_BINARY), {QStringLiteral("apply"), plan, QStringLiteral("--move"),
                                                                 QStringLiteral("api")}, dir.path(), &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(patch.contains(QLatin1String("-      - \"3061:3000\"  # the API\n+      - \"3005:3000\"  # the API")),
             qPrintable(patch));
    QVERIFY2(patch.contains(QLatin1String("+      API: http://host.docker.internal:3005/v1")), qPrintable(patch));

    // --all: batch has no source, so it stays a manual step (exit 1); --write changes the file.
    run(QStringLiteral(PORTOLAN_BINARY), {QStringLiteral("apply"), plan, QStringLiteral("--all"), QStringLiteral("--write")},
        dir.path(), &exitCode);
    QCOMPARE(exitCode, 1);
    QVERIFY(compose.open(QIODevice::ReadOnly));
    const QByteArray written = compose.readAll();
    QVERIFY2(written.contains("\"3005:3000\"  # the API") && written.contains(":3005/v1"), written.constData());

    run(QStringLiteral(PORTOLAN_BINARY), {QStringLiteral("apply"), plan, QStringLiteral("--move"), QStringLiteral("nope")},
        dir.path(), &exitCode);
    QCOMPARE(exitCode, 2);
}

void TestChangeSet::envValueShouldChangeWhereItIsSet()
{
    // ports: "${API_PORT:-3000}:3000" with API_PORT=3061 in .env: the .env line changes, the default stays.
    QTemporaryDir dir;
    const QByteArray compose = "services:\n  api:\n    image: x\n    ports:\n      - \"${API_PORT:-3000}:3000\"\n";
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("docker-compose.yml"), compose));
    QVERIFY(writeTestFile(dir.path(), QStringLiteral(".env"), "# ports\r\nexport API_PORT=\"3061\"  # the API\r\nOTHER=3061\r\n"));
    const Schema schema = hostWithCompose(QStringLiteral("h"), {QStringLiteral("docker-compose.yml")},
                                          {deployed(QStringLiteral("api"), 3005, QStringLiteral("h"))});
    const QHash<QString, QString> environment;
    const QList<SourceReading> readings = readSources(schema, dir.path(), &environment);
    QVERIFY2(readings.first().ok, qPrintable(readings.first().error.toString()));
    const Schema applied = applyReadings(schema, readings).schema;
    QCOMPARE(applied.service(QStringLiteral("api"))->actualPort, 3061);
    QList<Move> moves = driftMoves(applied);
    planMoves(moves);
    const ChangeSet set = buildChangeSet(applied, readings, moves);
    QVERIFY2(set.isComplete(), qPrintable(set.manual.value(0).text));
    QCOMPARE(set.files.size(), 1);
    QCOMPARE(set.files.first().path, QStringLiteral(".env"));
    QCOMPARE(set.files.first().after, QByteArray("# ports\r\nexport API_PORT=\"3005\"  # the API\r\nOTHER=3061\r\n"));
    const ChangeSetCheck check = checkChangeSet(applied, readings, moves, set);
    QVERIFY2(check.ok && check.notDone.isEmpty(), qPrintable(check.error.toString()));
}

void TestChangeSet::draftMoveShouldBeCarriedFromTheActualPort()
{
    // A plan move (a draft: planned 3061 → 3002) brings what runs on 3061 along.
    QTemporaryDir dir;
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("docker-compose.yml"),
                          "services:\n  credits:\n    ports:\n      - 3061:3000\n"));
    const Schema schema = hostWithCompose(QStringLiteral("h"), {QStringLiteral("docker-compose.yml")},
                                          {deployed(QStringLiteral("credits"), 3061, QStringLiteral("h"))});
    const QList<SourceReading> readings = readSources(schema, dir.path());
    const Schema applied = applyReadings(schema, readings).schema;
    QVERIFY(driftMoves(applied).isEmpty());
    Schema draft = applied;
    draft.services.first().plannedPort = 3002;
    QList<Move> moves = diffSchemas(applied, draft, Move::Origin::Draft);
    moves.removeIf([](const Move &m) { return !m.changesPort(); });
    QCOMPARE(moves.size(), 1);
    const ChangeSet set = buildChangeSet(applied, readings, moves);
    QVERIFY2(set.isComplete(), qPrintable(set.manual.value(0).text));
    QCOMPARE(set.files.size(), 1);
    QCOMPARE(set.files.first().after, QByteArray("services:\n  credits:\n    ports:\n      - 3002:3000\n"));
    const ChangeSetCheck check = checkChangeSet(applied, readings, moves, set);
    QVERIFY2(check.ok && check.notDone.isEmpty(), qPrintable(check.notDone.join(QLatin1Char(' '))));
    // The review report shows the pending moves' diff.
    const QString report = reviewReportMarkdown(applied, QStringLiteral("plan"), {}, moves, set.gitPatch());
    QVERIFY2(report.contains(QLatin1String("```diff\n--- a/docker-compose.yml\n")) && report.contains(QLatin1String("+      - 3002:3000\n```\n")),
             qPrintable(report));
}

void TestChangeSet::failureOnTheThirdFileShouldLeaveAllFour()
{
    QTemporaryDir dir;
    QList<FileChange> files;
    for (int i = 1; i <= 4; ++i) {
        const QString name = QStringLiteral("f%1.yml").arg(i);
        const QByteArray before = "port: 3061 # " + QByteArray::number(i) + "\n";
        QVERIFY(writeTestFile(dir.path(), name, before));
        files.append({name, dir.filePath(name), before, "port: 3002 # " + QByteArray::number(i) + "\n", {}});
    }
    int writes = 0;
    const FileWriter failOnThird = [&](const QString &fileName, const QByteArray &data, QString *error) {
        if (fileName.endsWith(QLatin1String("f3.yml"))) {
            *error = QStringLiteral("Cannot write %1: No space left on device").arg(fileName);
            return false;
        }
        ++writes;
        return writeFileAtomically(fileName, data, error);
    };
    QString error;
    QVERIFY(!writeChangeSet(files, true, &error, failOnThird));
    QVERIFY2(error.contains(QLatin1String("f3.yml")) && error.contains(QLatin1String("Nothing was changed")), qPrintable(error));
    QCOMPARE(writes, 4); // f1 and f2 written, then both put back
    for (const FileChange &f : files) {
        QFile file(f.absolutePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), f.before);
    }
    // A file changed since the change set was made: nothing is written at all.
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("f4.yml"), "edited by someone\n"));
    writes = 0;
    QVERIFY(!writeChangeSet(files, true, &error, failOnThird));
    QCOMPARE(writes, 0);
    QVERIFY2(error.contains(QLatin1String("f4.yml has changed")), qPrintable(error));
}

void TestChangeSet::undoShouldPutTheFilesBackWhileUnchanged()
{
    QTemporaryDir dir;
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("a.yml"), "a: 3061\n"));
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("b.yml"), "b: 3061\n"));
    const QList<FileChange> files = {{QStringLiteral("a.yml"), dir.filePath(QStringLiteral("a.yml")), "a: 3061\n", "a: 3002\n", {}},
                                     {QStringLiteral("b.yml"), dir.filePath(QStringLiteral("b.yml")), "b: 3061\n", "b: 3002\n", {}}};
    auto contents = [&](const QString &name) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QString error;
    QVERIFY(writeChangeSet(files, true, &error));
    QStringList skipped;
    int planRedos = 0, planUndos = 0;
    struct Plan : QUndoCommand
    {
        int *redos, *undos;
        Plan(int *r, int *u) : redos(r), undos(u) { setText(QStringLiteral("Execute 1 move")); }
        void redo() override { ++*redos; }
        void undo() override { ++*undos; }
    };
    QUndoStack stack;
    stack.push(new CarryOutCommand(files, new Plan(&planRedos, &planUndos), [&](const QStringList &s) { skipped += s; }));
    QCOMPARE(stack.undoText(), QStringLiteral("Carry out: Execute 1 move"));
    QCOMPARE(planRedos, 1);
    QCOMPARE(contents(QStringLiteral("a.yml")), QByteArray("a: 3002\n"));
    stack.undo();
    QCOMPARE(planUndos, 1);
    QCOMPARE(contents(QStringLiteral("a.yml")), QByteArray("a: 3061\n"));
    QCOMPARE(contents(QStringLiteral("b.yml")), QByteArray("b: 3061\n"));
    stack.redo();
    QCOMPARE(contents(QStringLiteral("b.yml")), QByteArray("b: 3002\n"));
    // Edited since: undo leaves that file alone and says so.
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("b.yml"), "b: 4000\n"));
    stack.undo();
    QCOMPARE(contents(QStringLiteral("a.yml")), QByteArray("a: 3061\n"));
    QCOMPARE(contents(QStringLiteral("b.yml")), QByteArray("b: 4000\n"));
    QCOMPARE(skipped, QStringList{QStringLiteral("b.yml")});
    QVERIFY(skipped.size() == 1 && error.isEmpty());
}

void TestChangeSet::patchShouldBeRelativeToTheGitWorkTree()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral(".git")));
    const QString plans = dir.filePath(QStringLiteral("ops/plans"));
    QVERIFY(writeTestFile(plans, QStringLiteral("../compose/docker-compose.yml"),
                          "services:\n  api:\n    ports:\n      - 3061:3000\n"));
    const Schema schema = hostWithCompose(QStringLiteral("h"), {QStringLiteral("../compose/docker-compose.yml")},
                                          {deployed(QStringLiteral("api"), 3005, QStringLiteral("h"))});
    const QList<SourceReading> readings = readSources(schema, plans);
    QVERIFY2(readings.first().ok, qPrintable(readings.first().error.toString()));
    const Schema applied = applyReadings(schema, readings).schema;
    const ChangeSet set = buildChangeSet(applied, readings, driftMoves(applied));
    QCOMPARE(set.files.size(), 1);
    QCOMPARE(gitWorkTree({set.files.first().absolutePath}), QDir(dir.path()).absolutePath());
    QVERIFY2(set.patch(gitWorkTree({set.files.first().absolutePath}))
                 .startsWith(QLatin1String("--- a/ops/compose/docker-compose.yml\n+++ b/ops/compose/docker-compose.yml\n")),
             qPrintable(set.patch(dir.path())));
    QVERIFY(gitWorkTree({set.files.first().absolutePath, QStringLiteral("/")}).isEmpty());
}

void TestChangeSet::docShouldFollowInItsTableRowAndStatusLine()
{
    QTemporaryDir dir;
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("docker-compose.yml"),
                          "services:\n  credits:\n    ports:\n      - 3061:3000\n"));
    const QByteArray doc = "# Ports\r\n\r\n| Port | Service | Notes |\r\n|------|---------|-------|\r\n"
                           "| 3061 | `credits` | billing, not 30610 |\r\n| 3062 | user | |\r\n\r\n"
                           "The credits service moved (credits is at 3061 for now).\r\n\r\n"
                           "> - credits `3061` (Bun), user `3062`\r\n";
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("docs/PORTS.md"), doc));
    Schema schema = hostWithCompose(QStringLiteral("h"), {QStringLiteral("docker-compose.yml")},
                                    {deployed(QStringLiteral("credits"), 3061, QStringLiteral("h"))});
    RealitySource docs;
    docs.kind = SourceKind::Doc;
    docs.files = {QStringLiteral("docs/PORTS.md")};
    schema.hosts.first().sources.append(docs);
    const QList<SourceReading> readings = readSources(schema, dir.path());
    QVERIFY2(readings.last().ok, qPrintable(readings.last().error.toString()));
    const Schema applied = applyReadings(schema, readings).schema;
    QCOMPARE(applied.services.size(), 1); // the doc is not reality

    // A plan move (a draft 3061 → 3002): the row and the status line follow, nothing else.
    Schema draft = applied;
    draft.services.first().plannedPort = 3002;
    QList<Move> moves = diffSchemas(applied, draft, Move::Origin::Draft);
    moves.removeIf([](const Move &m) { return !m.changesPort(); });
    ChangeSet set = buildChangeSet(applied, readings, moves);
    QVERIFY2(set.isComplete(), qPrintable(set.manual.value(0).text));
    QCOMPARE(set.files.size(), 2);
    QCOMPARE(set.files.at(1).path, QStringLiteral("docs/PORTS.md"));
    QByteArray expected = doc;
    expected.replace("| 3061 | `credits`", "| 3002 | `credits`");
    expected.replace("> - credits `3061`", "> - credits `3002`");
    QCOMPARE(set.files.at(1).after, expected);

    // Drift (planned 3002, running on 3061): the plan's row stays, the status line follows.
    Schema drifting = applied;
    drifting.services.first().plannedPort = 3002;
    set = buildChangeSet(drifting, readings, driftMoves(drifting));
    QCOMPARE(set.files.size(), 2);
    expected = doc;
    expected.replace("> - credits `3061`", "> - credits `3002`");
    QCOMPARE(set.files.at(1).after, expected);
}

void TestChangeSet::realCollisionsShouldBeResolvedInTheFiles()
{
    // The real Mac Mini file publishes 3015 and 3016 twice each; the ports
    // the allocator proposes for memoro-server and memoro-audio-server,
    // carried into copies of the real files, resolve both, introduce nothing.
    if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
        QSKIP("git is not installed (scripts/setup installs it)");
    QTemporaryDir dir;
    const QString real = QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/samples/mana-2026-04-17/");
    for (const QString &f : {QStringLiteral("docker-compose.macmini.yml"), QStringLiteral("cloudflared-config.yml"),
                             QStringLiteral("docker/prometheus/prometheus.yml")}) {
        QDir(dir.path()).mkpath(QFileInfo(f).path());
        QVERIFY(QFile::copy(real + f, dir.filePath(f)));
        QFile::setPermissions(dir.filePath(f), QFile::ReadOwner | QFile::WriteOwner);
    }
    QVERIFY(QFile::copy(QStringLiteral(PORTOLAN_REALWORLD_DIR "/docs/PORT_SCHEMA.md"), dir.filePath(QStringLiteral("PORT_SCHEMA.md"))));
    QFile::setPermissions(dir.filePath(QStringLiteral("PORT_SCHEMA.md")), QFile::ReadOwner | QFile::WriteOwner);
    Schema plan = builtInLinkedSample();
    for (Host &h : plan.hosts) {
        for (RealitySource &s : h.sources)
            s.files.replaceInStrings(QStringLiteral("mana-2026-04-17/"), QString());
        if (h.id == QLatin1String("mac-mini")) {
            RealitySource doc;
            doc.kind = SourceKind::Doc;
            doc.files = {QStringLiteral("PORT_SCHEMA.md")};
            h.sources.append(doc);
        }
    }
    const QList<SourceReading> readings = readSources(plan, dir.path());
    for (const SourceReading &r : readings)
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
    const Schema applied = applyReadings(plan, readings).schema;
    Schema draft = applied;
    QStringList moved;
    for (const QString &name : {QStringLiteral("memoro-server"), QStringLiteral("memoro-audio-server")}) {
        const auto it = std::find_if(draft.services.begin(), draft.services.end(), [&](const Service &s) {
            return s.hostId == QLatin1String("mac-mini") && (s.name == name || s.aliases.contains(name));
        });
        QVERIFY2(it != draft.services.end(), qPrintable(name));
        const PortRange *range = draft.rangeOf(*it);
        QVERIFY(range);
        // Its range is full: the proposal is the first free port of another range.
        const int port = proposePort(draft, range->id, QStringLiteral("mac-mini")).port;
        QVERIFY(port > 0);
        it->plannedPort = port;
        moved.append(QStringLiteral("%1 %2 → %3").arg(name).arg(it->actualPort).arg(port));
    }
    qInfo("%s", qPrintable(moved.join(QStringLiteral(", "))));
    QList<Move> moves = diffSchemas(applied, draft, Move::Origin::Draft);
    moves.removeIf([](const Move &m) { return !m.changesPort(); });
    QCOMPARE(moves.size(), 2);
    planMoves(moves);
    const ChangeSet set = buildChangeSet(applied, readings, moves);
    QVERIFY2(set.isComplete(), qPrintable(set.manual.value(0).text));
    const ChangeSetCheck check = checkChangeSet(applied, readings, moves, set);
    QVERIFY2(check.ok && check.notDone.isEmpty(), qPrintable(check.error.toString()));
    QStringList introduced;
    for (const Finding &f : check.introduced)
        introduced.append(f.rule + QLatin1Char(' ') + f.message);
    QVERIFY2(introduced.isEmpty(), qPrintable(introduced.join(QLatin1Char('\n'))));
    int collisions = 0;
    for (const Finding &f : check.resolved)
        collisions += f.rule == QLatin1String("host-collision") && (f.message.contains(QLatin1String("3015"))
                                                                     || f.message.contains(QLatin1String("3016")));
    QCOMPARE(collisions, 2);

    // The patch applies with git; every byte outside the changed lines is kept.
    int exitCode = 0;
    run(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q")}, dir.path(), &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("moves.patch"), set.gitPatch().toUtf8()));
    const QString output = run(QStringLiteral("git"), {QStringLiteral("apply"), QStringLiteral("--check"),
                                                        QStringLiteral("moves.patch")}, dir.path(), &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(output + set.gitPatch()));
    for (const FileChange &f : set.files) {
        const QList<QByteArray> before = f.before.split('\n');
        const QList<QByteArray> after = f.after.split('\n');
        QCOMPARE(after.size(), before.size());
        int changed = 0;
        for (int i = 0; i < before.size(); ++i)
            changed += before.at(i) != after.at(i);
        QVERIFY2(changed >= 1 && changed <= 4, qPrintable(f.path));
    }
}

void TestChangeSet::fileSdTargetThroughTheHostShouldFollow()
{
    // Prometheus beside the service scrapes it through the host, listed in a file_sd JSON file.
    QTemporaryDir dir;
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("docker-compose.yml"),
                          "services:\n  api:\n    image: x\n    ports:\n      - 3061:3000\n"));
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("prometheus/prometheus.yml"),
                          "scrape_configs:\n  - job_name: api\n    file_sd_configs:\n      - files: ['targets/*.json']\n"));
    const QByteArray targets = "[\n  {\"targets\": [\"host.docker.internal:3061\", \"api:3000\"], \"labels\": {\"env\": \"prod\"}}\n]\n";
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("prometheus/targets/api.json"), targets));
    Schema schema = hostWithCompose(QStringLiteral("h"), {QStringLiteral("docker-compose.yml")},
                                    {deployed(QStringLiteral("api"), 3005, QStringLiteral("h"))});
    RealitySource prometheus;
    prometheus.kind = SourceKind::Prometheus;
    prometheus.files = {QStringLiteral("prometheus/prometheus.yml")};
    schema.hosts.first().sources.append(prometheus);
    const QList<SourceReading> readings = readSources(schema, dir.path());
    for (const SourceReading &r : readings)
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
    const Schema applied = applyReadings(schema, readings).schema;
    const Service *api = applied.service(QStringLiteral("api"));
    QVERIFY(api);
    QCOMPARE(api->actualPort, 3061);
    QVERIFY2(api->metrics.origin.file.endsWith(QLatin1String("api.json")), qPrintable(api->metrics.origin.toString()));
    QList<Move> moves = driftMoves(applied);
    planMoves(moves);
    const ChangeSet set = buildChangeSet(applied, readings, moves);
    QVERIFY2(set.isComplete(), qPrintable(set.manual.value(0).text));
    const auto sd = std::find_if(set.files.cbegin(), set.files.cend(),
                                 [](const FileChange &f) { return f.path.endsWith(QLatin1String("api.json")); });
    QVERIFY(sd != set.files.cend());
    QByteArray expected = targets;
    expected.replace("host.docker.internal:3061", "host.docker.internal:3005");
    QCOMPARE(sd->after, expected); // the container-network target stays
}

QTEST_GUILESS_MAIN(TestChangeSet)
#include "tst_changeset.moc"
