#include "commands.h"
#include "jsonformat.h"
#include "recovery.h"
#include "schemadocument.h"
#include "testutil.h"
#include "bench/fleet.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace Portolan;

// kill -9 at random points: while the portolan binary writes a plan with
// -o, while a child process writes its recovery file, and while it edits.
// What is on disk afterwards is always a whole document, the old one or the
// new one, and a crash while editing leaves a recovery file that is offered
// and holds every edit saved before the kill.
class tst_CrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void savingShouldLeaveTheOldOrTheNewFile();
    void recoveryFileShouldBeWholeAfterAKill();
    void recoveryShouldBeOfferedAndCompleteAfterAKillDuringEditing();

private:
    QTemporaryDir mDir;
    QByteArray mA; // plans of some megabytes, for the portolan binary
    QByteArray mB;
    Schema mSmallA; // smaller ones written by the autosaver of a child
    Schema mSmallB;
};

static constexpr int Kills = 50;

static quint32 seed()
{
    const QByteArray given = qgetenv("PORTOLAN_SEED");
    return given.isEmpty() ? 20261203u : given.toUInt();
}

static bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

static QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_CrashSafety::initTestCase()
{
    QVERIFY(mDir.isValid());
    // Two plans of some megabytes, so that writing one takes a while.
#ifdef PORTOLAN_SANITIZE
    Schema a = generateFleet(2000, 40, 200, true); // the full size runs in the normal build
#else
    Schema a = generateFleet(8000, 40, 200, true);
#endif
    Schema b = a;
    b.title = QStringLiteral("the new one");
    for (Service &s : b.services)
        s.notes = QStringLiteral("saved after the edit");
    mA = JsonFormat::serialize(a);
    mB = JsonFormat::serialize(b);
    mSmallA = generateFleet(4000, 20, 100, true);
    mSmallB = mSmallA;
    mSmallB.title = QStringLiteral("the new one");
    for (Service &s : mSmallB.services)
        s.notes = QStringLiteral("saved after the edit");
    qInfo("plans of %lld and %lld bytes", qint64(mA.size()), qint64(mB.size()));
}

void tst_CrashSafety::savingShouldLeaveTheOldOrTheNewFile()
{
    const QString a = mDir.filePath(QStringLiteral("a.portolan.json"));
    const QString b = mDir.filePath(QStringLiteral("b.portolan.json"));
    QVERIFY(writeFile(a, mA));
    QVERIFY(writeFile(b, mB));
    const QString saves = mDir.filePath(QStringLiteral("saves"));
    QVERIFY(QDir().mkpath(saves));
    const QString out = saves + QStringLiteral("/plan.portolan.json");
    QVERIFY(writeFile(out, mA));

    auto start = [&](QProcess &process, const QString &input) {
        process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        process.start(QStringLiteral(PORTOLAN_BINARY), {QStringLiteral("import"), input, QStringLiteral("--from"),
                                                        QStringLiteral("json"), QStringLiteral("-o"), out});
    };
    // How long a whole run takes, so that kills fall all over it.
    QElapsedTimer clock;
    clock.start();
    {
        QProcess whole;
        start(whole, b);
        QVERIFY(whole.waitForFinished(30000));
        QCOMPARE(whole.exitCode(), 0);
        QCOMPARE(readFile(out), mB);
    }
    const int wholeMs = int(clock.elapsed());

    QRandomGenerator random(seed());
    int old = 0;
    int fresh = 0;
    for (int i = 0; i < Kills; ++i) {
        const QByteArray before = readFile(out);
        const bool wasA = before == mA;
        QProcess process;
        start(process, wasA ? b : a);
        QVERIFY(process.waitForStarted());
        const int delay = int(random.bounded(wholeMs + wholeMs / 5 + 1));
        if (!process.waitForFinished(delay)) {
            process.kill();
            QVERIFY(process.waitForFinished(30000));
        }
        const QByteArray after = readFile(out);
        ParseError error;
        QVERIFY2(JsonFormat::parse(after, out, &error),
                 qPrintable(QStringLiteral("kill %1 after %2 ms: %3 (seed %4)")
                                .arg(i).arg(delay).arg(error.toString()).arg(seed())));
        QVERIFY2(after == mA || after == mB, qPrintable(QStringLiteral("kill %1: neither plan").arg(i)));
        (after == before ? old : fresh) += 1;
    }
    // Leftovers of QSaveFile's temporary files, if any, are not the plan.
    const QStringList left = QDir(saves).entryList(QDir::Files | QDir::Hidden);
    qInfo("a whole save takes %d ms; after %d kills: %d old, %d new; files in the folder: %s", wholeMs, Kills, old,
          fresh, qPrintable(left.join(QLatin1String(", "))));
}

// A child writing its recovery file over and over, alternating between two
// documents; reports each complete write on the pipe.
[[noreturn]] static void recoveryWriter(const QString &directory, const Schema &first, const Schema &second, int pipe)
{
    SchemaDocument document(first);
    document.setFileName(directory + QStringLiteral("/../plan.portolan.json"));
    AutoSaver saver(&document, directory);
    for (int i = 0;; ++i) {
        document.undoStack()->push(new ReplaceSchemaCommand(&document, i % 2 ? first : second, QStringLiteral("x")));
        if (!saver.saveNow())
            _exit(4);
        const char written = 'w';
        if (::write(pipe, &written, 1) != 1)
            _exit(5);
    }
}

void tst_CrashSafety::recoveryFileShouldBeWholeAfterAKill()
{
    QRandomGenerator random(seed() + 1);
    const QByteArray a = JsonFormat::serialize(mSmallA);
    const QByteArray b = JsonFormat::serialize(mSmallB);
    int offered = 0;
    for (int i = 0; i < Kills; ++i) {
        QTemporaryDir dir(mDir.filePath(QStringLiteral("recovery-XXXXXX")));
        int fds[2];
        QVERIFY(::pipe(fds) == 0);
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::close(fds[0]);
            recoveryWriter(dir.path(), mSmallA, mSmallB, fds[1]);
        }
        ::close(fds[1]);
        // After one to three complete writes, at a random point of the next.
        char c;
        for (int writes = 1 + int(random.bounded(3)); writes > 0; --writes)
            QVERIFY2(::read(fds[0], &c, 1) == 1, "the child stopped writing");
        ::usleep(useconds_t(random.bounded(60000)));
        ::kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        ::close(fds[0]);
        QVERIFY(WIFSIGNALED(status));

        const QList<RecoveryEntry> entries = orphanedRecoveryFiles(dir.path());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().pid, qint64(child));
        const QByteArray recovered = readFile(entries.first().recoveryFile);
        ParseError error;
        QVERIFY2(JsonFormat::parse(recovered, entries.first().recoveryFile, &error),
                 qPrintable(QStringLiteral("kill %1: %2 (seed %3)").arg(i).arg(error.toString()).arg(seed() + 1)));
        QVERIFY2(recovered == a || recovered == b, qPrintable(QStringLiteral("kill %1: neither document").arg(i)));
        removeRecoveryEntry(entries.first());
        ++offered;
    }
    QCOMPARE(offered, Kills);
}

// The document after edit n of the sequence both sides play.
static void applyEdit(SchemaDocument *document, int n)
{
    const Service &s = document->service(n % document->serviceCount());
    if (n % 3 == 0)
        document->undoStack()->push(
            new ChangeServiceFieldCommand(document, s.id, ServiceField::PlannedPort, 20000 + n % 40000));
    else
        document->undoStack()->push(
            new ChangeServiceFieldCommand(document, s.id, ServiceField::Notes, QStringLiteral("edit %1").arg(n)));
}

void tst_CrashSafety::recoveryShouldBeOfferedAndCompleteAfterAKillDuringEditing()
{
    QRandomGenerator random(seed() + 2);
    const Schema start = builtInSample();
    for (int round = 0; round < 10; ++round) {
        QTemporaryDir dir(mDir.filePath(QStringLiteral("editing-XXXXXX")));
        const QString original = dir.filePath(QStringLiteral("plan.portolan.json"));
        const QString recoveryDir = dir.filePath(QStringLiteral("recovery"));
        int fds[2];
        QVERIFY(::pipe(fds) == 0);
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // The window's way: every edit is a command, the autosaver
            // writes what is unsaved; each complete write is reported.
            ::close(fds[0]);
            SchemaDocument document(start);
            document.setFileName(original);
            AutoSaver saver(&document, recoveryDir);
            for (int n = 1;; ++n) {
                applyEdit(&document, n);
                if (!saver.saveNow())
                    _exit(4);
                if (::write(fds[1], &n, sizeof n) != sizeof n)
                    _exit(5);
            }
        }
        ::close(fds[1]);
        const int target = 5 + int(random.bounded(60));
        int reported = 0;
        while (reported < target)
            QVERIFY2(::read(fds[0], &reported, sizeof reported) == sizeof reported, "the child stopped editing");
        ::kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        // Writes reported before the kill landed.
        for (int n = 0; ::read(fds[0], &n, sizeof n) == sizeof n;)
            reported = n;
        ::close(fds[0]);

        const QList<RecoveryEntry> entries = orphanedRecoveryFiles(recoveryDir);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().originalFile, original);
        ParseError error;
        const std::optional<Schema> recovered = loadSchemaFile(entries.first().recoveryFile, &error);
        QVERIFY2(recovered, qPrintable(error.toString()));
        // Every edit reported as saved is there; one more may have been
        // written before the kill and not yet reported.
        SchemaDocument replay(start);
        for (int n = 1; n <= reported; ++n)
            applyEdit(&replay, n);
        const QByteArray recoveredBytes = JsonFormat::serialize(*recovered);
        const QByteArray saved = JsonFormat::serialize(replay.schema());
        applyEdit(&replay, reported + 1);
        QVERIFY2(recoveredBytes == saved || recoveredBytes == JsonFormat::serialize(replay.schema()),
                 qPrintable(QStringLiteral("round %1: the recovery file is not the document after edit %2 (seed %3)")
                                .arg(round)
                                .arg(reported)
                                .arg(seed() + 2)));
        removeRecoveryEntry(entries.first());
        QVERIFY(orphanedRecoveryFiles(recoveryDir).isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_CrashSafety)
#include "tst_crashsafety.moc"
