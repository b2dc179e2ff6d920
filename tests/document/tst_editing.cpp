#include "commands.h"
#include "editing.h"
#include "servicemimedata.h"
#include "jsonformat.h"
#include "recovery.h"
#include "schemadocument.h"
#include "testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <sys/wait.h>
#include <unistd.h>

using namespace Portolan;

class tst_Editing : public QObject
{
    Q_OBJECT

private slots:
    void removingAUsedHostShouldLeaveNoDanglingId_data();
    void removingAUsedHostShouldLeaveNoDanglingId();
    void removingAUsedRangeShouldLeaveNoDanglingId();
    void renamingAHostIdShouldFollowEveryService();
    void removingServicesShouldDropTheirReferences();
    void removingOneServiceNamedTwiceShouldRemoveItOnce();
    void clipboardShouldRoundTripThreeServices();
    void pasteIntoAnotherDocumentShouldDropUnknownIds();
    void duplicateShouldGiveFreshIds();
    void recoveryShouldSurviveACrash();
    void recoveryShouldLeaveAPairOrNothingAtEveryCrashPoint();
    void recoveryShouldSeeThroughAReusedPid();
    void fileStampShouldNoticeAnExternalChange();
    void lookupsShouldAgreeWithTheSchemaAfterEveryChange();
};

static void verifyNoDanglingIds(const Schema &s)
{
    for (const Service &service : s.services) {
        QVERIFY2(service.hostId.isEmpty() || s.host(service.hostId), qPrintable(service.id));
        QVERIFY2(service.plannedHostId.isEmpty() || s.host(service.plannedHostId), qPrintable(service.id));
        QVERIFY2(service.rangeId.isEmpty() || s.range(service.rangeId), qPrintable(service.id));
        QVERIFY2(service.counterpartId.isEmpty() || s.service(service.counterpartId), qPrintable(service.id));
    }
    for (const Reservation &r : s.reservations)
        QVERIFY(r.rangeId.isEmpty() || s.range(r.rangeId));
    for (const PortRange &r : s.ranges)
        QVERIFY(r.parentId.isEmpty() || s.range(r.parentId));
    for (const Reference &r : s.references)
        QVERIFY(s.service(r.fromServiceId) && s.service(r.toServiceId));
    // And the file reads back: the reader rejects dangling ids.
    ParseError error;
    QVERIFY2(JsonFormat::parse(JsonFormat::serialize(s), QStringLiteral("x"), &error), qPrintable(error.toString()));
}

void tst_Editing::removingAUsedHostShouldLeaveNoDanglingId_data()
{
    QTest::addColumn<bool>("reassign");
    QTest::newRow("reassign") << true;
    QTest::newRow("leave unassigned") << false;
}

void tst_Editing::removingAUsedHostShouldLeaveNoDanglingId()
{
    QFETCH(bool, reassign);
    SchemaDocument document(builtInSample());
    const QString before = QString::fromUtf8(JsonFormat::serialize(document.schema()));
    const int onMac = servicesUsingHost(document.schema(), QStringLiteral("mac-mini"));
    QVERIFY(onMac > 10);
    document.undoStack()->push(removeHostCommand(&document, QStringLiteral("mac-mini"),
                                                 reassign ? Dependents::Reassign : Dependents::Unassign,
                                                 QStringLiteral("windows-gpu-server")));
    QVERIFY(!document.schema().host(QStringLiteral("mac-mini")));
    verifyNoDanglingIds(document.schema());
    QCOMPARE(servicesUsingHost(document.schema(), QStringLiteral("windows-gpu-server")),
             reassign ? onMac + 6 : 6);
    QCOMPARE(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    QCOMPARE(QString::fromUtf8(JsonFormat::serialize(document.schema())), before);
}

void tst_Editing::removingAUsedRangeShouldLeaveNoDanglingId()
{
    Schema schema = builtInSample();
    schema.ranges[6].parentId = QStringLiteral("web-frontends-sveltekit"); // Playground inside the frontends
    SchemaDocument document(schema);
    document.undoStack()->push(
        removeRangeCommand(&document, QStringLiteral("web-frontends-sveltekit"), Dependents::Unassign));
    verifyNoDanglingIds(document.schema());
    QVERIFY(!document.schema().reservationAt(5030));
    document.undoStack()->undo();
    QCOMPARE(document.schema(), schema);
}

void tst_Editing::renamingAHostIdShouldFollowEveryService()
{
    SchemaDocument document(builtInSample());
    document.undoStack()->push(renameHostIdCommand(&document, QStringLiteral("mac-mini"), QStringLiteral("prod")));
    verifyNoDanglingIds(document.schema());
    QCOMPARE(document.schema().service(QStringLiteral("mana-credits"))->hostId, QStringLiteral("prod"));
    QCOMPARE(document.schema().hosts.size(), 2);
    document.undoStack()->undo();
    QCOMPARE(document.schema(), builtInSample());
}

void tst_Editing::removingServicesShouldDropTheirReferences()
{
    Schema schema = builtInSample();
    schema.references = {Reference{QStringLiteral("mana-auth"), QStringLiteral("mana-credits"), 3002, false, {}, {}, {}}};
    SchemaDocument document(schema);
    document.undoStack()->push(
        removeServicesCommand(&document, {QStringLiteral("mana-credits"), QStringLiteral("chat-server")}));
    verifyNoDanglingIds(document.schema());
    QVERIFY(document.schema().references.isEmpty());
    QVERIFY(document.schema().service(QStringLiteral("chat-web"))->counterpartId.isEmpty());
    document.undoStack()->undo();
    QCOMPARE(document.schema(), schema);
}

void tst_Editing::removingOneServiceNamedTwiceShouldRemoveItOnce()
{
    const Schema schema = builtInSample();
    SchemaDocument document(schema);
    document.undoStack()->push(
        removeServicesCommand(&document, {QStringLiteral("mana-credits"), QStringLiteral("mana-credits")}));
    QCOMPARE(document.schema().services.size(), schema.services.size() - 1);
    QVERIFY(!document.schema().service(QStringLiteral("mana-credits")));
    document.undoStack()->undo();
    QCOMPARE(document.schema(), schema);
    document.undoStack()->redo();
    QCOMPARE(document.schema().services.size(), schema.services.size() - 1);
}

void tst_Editing::clipboardShouldRoundTripThreeServices()
{
    const Schema schema = builtInSample();
    const QStringList ids{QStringLiteral("mana-stt"), QStringLiteral("chat-web"), QStringLiteral("postgres")};
    std::unique_ptr<QMimeData> mime(servicesToMimeData(schema, ids));
    QVERIFY(mime->hasFormat(QString::fromLatin1(ServicesMimeType)));
    const QStringList lines = mime->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(1).startsWith(QStringLiteral("mana-stt\tWindows GPU server\t3021\t3020\ttcp")));
    const QList<Service> back = servicesFromMimeData(mime.get());
    QCOMPARE(back.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(back.at(i), *schema.service(ids.at(i)));
}

void tst_Editing::pasteIntoAnotherDocumentShouldDropUnknownIds()
{
    const Schema source = builtInSample();
    std::unique_ptr<QMimeData> mime(
        servicesToMimeData(source, {QStringLiteral("mana-stt"), QStringLiteral("chat-web"), QStringLiteral("chat-server")}));
    SchemaDocument other(Test::twoHosts());
    other.undoStack()->push(addServicesCommand(&other, servicesFromMimeData(mime.get()), QStringLiteral("Paste")));
    QCOMPARE(other.serviceCount(), 3);
    verifyNoDanglingIds(other.schema());
    QVERIFY(other.schema().service(QStringLiteral("mana-stt"))->hostId.isEmpty());
    // The counterpart pasted along keeps the pairing.
    QCOMPARE(other.schema().service(QStringLiteral("chat-web"))->counterpartId, QStringLiteral("chat-server"));
    // Pasting again gives fresh ids.
    other.undoStack()->push(addServicesCommand(&other, servicesFromMimeData(mime.get()), QStringLiteral("Paste")));
    QCOMPARE(other.serviceCount(), 6);
    QVERIFY(other.schema().service(QStringLiteral("mana-stt-2")));
    QCOMPARE(other.schema().service(QStringLiteral("chat-web-2"))->counterpartId, QStringLiteral("chat-server-2"));
    verifyNoDanglingIds(other.schema());
    other.undoStack()->undo();
    QCOMPARE(other.serviceCount(), 3);
}

void tst_Editing::duplicateShouldGiveFreshIds()
{
    SchemaDocument document(builtInSample());
    const int before = document.serviceCount();
    // Several at once keep their order.
    document.undoStack()->push(duplicateServicesCommand(
        &document, {QStringLiteral("mana-auth"), QStringLiteral("mana-credits"), QStringLiteral("mana-user")}));
    QCOMPARE(document.service(before).name, QStringLiteral("mana-auth (copy)"));
    QCOMPARE(document.service(before + 1).name, QStringLiteral("mana-credits (copy)"));
    QCOMPARE(document.service(before + 2).name, QStringLiteral("mana-user (copy)"));
    document.undoStack()->undo();
    document.undoStack()->push(duplicateServicesCommand(&document, {QStringLiteral("mana-auth")}));
    QCOMPARE(document.serviceCount(), before + 1);
    const Service &copy = document.service(before);
    QCOMPARE(copy.name, QStringLiteral("mana-auth (copy)"));
    QCOMPARE(copy.plannedPort, 3001);
    QVERIFY(copy.id != QStringLiteral("mana-auth"));
}

void tst_Editing::recoveryShouldSurviveACrash()
{
    // A child process edits, autosaves and dies without any clean-up, as
    // under kill -9; this process then finds what it left.
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("plan.portolan.json"));
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        SchemaDocument document(builtInSample());
        document.setFileName(original);
        AutoSaver saver(&document, dir.path());
        document.undoStack()->push(new ChangeServiceFieldCommand(&document, QStringLiteral("mana-auth"),
                                                                 ServiceField::Notes,
                                                                 QStringLiteral("typed before the crash")));
        _exit(saver.saveNow() ? 0 : 1);
    }
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    // A saver of this very process is not an orphan.
    SchemaDocument mine(builtInSample());
    AutoSaver ownSaver(&mine, dir.path());
    mine.undoStack()->push(
        new ChangeServiceFieldCommand(&mine, QStringLiteral("mana-auth"), ServiceField::Notes, QStringLiteral("x")));
    QVERIFY(ownSaver.saveNow());

    const QList<RecoveryEntry> entries = orphanedRecoveryFiles(dir.path());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().originalFile, original);
    QCOMPARE(entries.first().pid, qint64(child));
    ParseError error;
    const std::optional<Schema> recovered = loadSchemaFile(entries.first().recoveryFile, &error);
    QVERIFY2(recovered, qPrintable(error.toString()));
    Schema edited = builtInSample();
    edited.services[0].notes = QStringLiteral("typed before the crash");
    QCOMPARE(*recovered, edited);
    removeRecoveryEntry(entries.first());
    QVERIFY(orphanedRecoveryFiles(dir.path()).isEmpty());

    // Saving cleanly removes the saver's own file.
    mine.setClean();
    QVERIFY(ownSaver.saveNow());
    QVERIFY(!QFile::exists(ownSaver.recoveryFile()));
}

static QString metaFileIn(const QString &directory)
{
    const QStringList metas = QDir(directory).entryList({QStringLiteral("recovery-*.meta.json")}, QDir::Files);
    return metas.size() == 1 ? QDir(directory).filePath(metas.first()) : QString();
}

void tst_Editing::recoveryShouldLeaveAPairOrNothingAtEveryCrashPoint()
{
    // A child writes the meta file and dies before the recovery file exists,
    // as under kill -9 between the two writes.
    QTemporaryDir dir;
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        SchemaDocument document(builtInSample());
        AutoSaver saver(&document, dir.path());
        document.undoStack()->push(new ChangeServiceFieldCommand(&document, QStringLiteral("mana-auth"),
                                                                 ServiceField::Notes, QStringLiteral("lost")));
        const bool ok = saver.saveNow();
        QFile::remove(saver.recoveryFile()); // the state just before the second write
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    const QString meta = metaFileIn(dir.path());
    QVERIFY(!meta.isEmpty());
    QFile metaFile(meta);
    QVERIFY(metaFile.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(metaFile.readAll()).object();
    metaFile.close();
    QVERIFY(json.value(QStringLiteral("recoveryFile")).toString().endsWith(QLatin1String(".portolan.json")));
    QVERIFY(json.value(QStringLiteral("started")).toInteger() > 0);

    // Nothing to offer, and the meta file is not kept forever.
    QVERIFY(orphanedRecoveryFiles(dir.path()).isEmpty());
    QVERIFY(!QFile::exists(meta));
    QVERIFY(QDir(dir.path()).isEmpty());
}

void tst_Editing::recoveryShouldSeeThroughAReusedPid()
{
    // A crashed process's pid now belongs to a running process (here the
    // test's parent) that started at another time: the file is an orphan.
    QTemporaryDir dir;
    const QString recovery = dir.filePath(QStringLiteral("recovery-1-1.portolan.json"));
    QString error;
    QVERIFY(saveSchemaFile(recovery, builtInSample(), &error));
    auto writeMeta = [&](qint64 started) {
        QJsonObject json;
        json.insert(QStringLiteral("recoveryFile"), QFileInfo(recovery).fileName());
        json.insert(QStringLiteral("originalFile"), QStringLiteral("/plans/a.portolan.json"));
        json.insert(QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        json.insert(QStringLiteral("pid"), qint64(getppid()));
        json.insert(QStringLiteral("started"), started);
        QFile file(dir.filePath(QStringLiteral("recovery-1-1.meta.json")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(json).toJson());
    };
    writeMeta(1); // the parent surely did not start one tick after boot
    const QList<RecoveryEntry> entries = orphanedRecoveryFiles(dir.path());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().originalFile, QStringLiteral("/plans/a.portolan.json"));

    // The same pid and its real start time: a running owner, not an orphan.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(getppid()));
    QVERIFY(stat.open(QIODevice::ReadOnly));
    const QByteArray text = stat.readAll();
    const qint64 started = text.mid(text.lastIndexOf(')') + 2).split(' ').at(19).toLongLong();
    writeMeta(started);
    QVERIFY(orphanedRecoveryFiles(dir.path()).isEmpty());
}

void tst_Editing::fileStampShouldNoticeAnExternalChange()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("plan.portolan.json"));
    QString error;
    QVERIFY(saveSchemaFile(file, builtInSample(), &error));
    const FileStamp stamp = FileStamp::of(file);
    QVERIFY(!stamp.isNull());
    QCOMPARE(FileStamp::of(file), stamp);
    Schema pulled = builtInSample();
    pulled.title = QStringLiteral("changed by git pull");
    QVERIFY(saveSchemaFile(file, pulled, &error));
    QVERIFY(!(FileStamp::of(file) == stamp));
    QVERIFY(FileStamp::of(dir.filePath(QStringLiteral("missing"))).isNull());
}

// The document's host and range lookups (hash, table of ports) answer as
// the schema's scans do: nested, overlapping and equal-sized ranges, ports
// outside every range, ranges that leave the table unkept, and after hosts,
// ranges and the whole schema change.
void tst_Editing::lookupsShouldAgreeWithTheSchemaAfterEveryChange()
{
    SchemaDocument document(builtInSample());
    const auto verifyAll = [&document] {
        const Schema &schema = document.schema();
        Service probe;
        for (int port : {0, 1, 80, 2999, 3000, 3005, 3009, 3010, 3059, 4000, 5055, 5100, 8080, 20000, 65535}) {
            probe.plannedPort = port;
            QCOMPARE(document.rangeOf(probe), schema.rangeOf(probe));
            probe.rangeId = QStringLiteral("no such range");
            QCOMPARE(document.rangeOf(probe), schema.rangeOf(probe));
            probe.rangeId.clear();
        }
        for (const Service &s : schema.services) {
            QCOMPARE(document.rangeOf(s), schema.rangeOf(s));
            QCOMPARE(document.host(s.hostId), schema.host(s.hostId));
        }
        for (const Host &h : schema.hosts)
            QCOMPARE(document.host(h.id), &h);
        QCOMPARE(document.host(QStringLiteral("no such host")), nullptr);
    };
    verifyAll();

    QList<PortRange> ranges = document.schema().ranges;
    // Two of one size over the same ports (the first wins), one inside another, one open-ended.
    PortRange twin = ranges.first();
    twin.id = QStringLiteral("twin");
    ranges.append(twin);
    ranges.append(PortRange{QStringLiteral("inner"), 3004, 3006, QStringLiteral("Inner"), {}, {}, {}});
    ranges.append(PortRange{QStringLiteral("wide"), 2000, 70000, QStringLiteral("Wide"), {}, {}, {}});
    document.setRanges(ranges);
    verifyAll();

    // So many wide ranges that the table is not kept: the scan answers.
    for (int i = 0; i < 80; ++i)
        ranges.append(PortRange{QStringLiteral("huge-%1").arg(i), 1, 65535 - i, QStringLiteral("Huge"), {}, {}, {}});
    document.setRanges(ranges);
    verifyAll();

    QList<Host> hosts = document.schema().hosts;
    hosts.prepend(Host{QStringLiteral("new-host"), QStringLiteral("New"), {}, {}, {}, {}});
    document.setHosts(hosts);
    verifyAll();

    Schema other = builtInSample();
    other.ranges.removeFirst();
    document.resetSchema(other);
    verifyAll();
}

QTEST_GUILESS_MAIN(tst_Editing)
#include "tst_editing.moc"
