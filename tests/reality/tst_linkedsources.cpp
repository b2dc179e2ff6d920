#include "analyzer.h"
#include "jsonformat.h"
#include "linkedsources.h"
#include "realitysync.h"
#include "schemadocument.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace Portolan;
using namespace Portolan::Test;

// A host's linked sources: several compose projects side by side, re-read
// one at a time, applied outside the undo stack; check on a plan in git.
class TestLinkedSources : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void secondProjectShouldNeverOverwriteTheFirst();
    void rereadingOneProjectShouldLeaveTheOtherAlone();
    void portFreedByOneProjectShouldEndTheCollision();
    void unreadableSourceShouldKeepTheLastGoodReading();
    void tunnelAndEnvShouldNameBrokenEndpoints();
    void nativeFormatShouldRoundTripSources();
    void editedFileShouldUpdateFindingsWithoutAnEdit();
    void checkShouldReadTheCommittedComposeFile();
    void checkSarifShouldValidateAgainstTheSchema();
    void builtInSampleShouldShowTheRealCollisions();

private:
    void write(const QString &name, const QByteArray &text);
    Schema plan() const;
    static const Service *byName(const Schema &schema, const QString &name, const QString &project = {});
    static QList<Finding> findings(const Schema &schema, const QList<Finding> &extra, const QString &rule);

    std::unique_ptr<QTemporaryDir> mDir;
};

static const QByteArray projectA = "services:\n"
                                   "  grafana:\n"
                                   "    image: grafana/grafana\n"
                                   "    ports: [\"3000:3000\"]\n"
                                   "  loki:\n"
                                   "    image: grafana/loki\n"
                                   "    ports: [\"3100:3100\"]\n";
static const QByteArray projectB = "services:\n"
                                   "  grafana:\n"
                                   "    image: grafana/grafana\n"
                                   "    ports: [\"3001:3000\"]\n"
                                   "  gitea:\n"
                                   "    image: gitea/gitea\n"
                                   "    ports: [\"3000:3000\"]\n";

void TestLinkedSources::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    write(QStringLiteral("a/docker-compose.yml"), projectA);
    write(QStringLiteral("b/docker-compose.yml"), projectB);
}

void TestLinkedSources::write(const QString &name, const QByteArray &text)
{
    QVERIFY(writeTestFile(mDir->path(), name, text));
}

// One host "h" with project a and b linked, and a plan that knows a's grafana.
Schema TestLinkedSources::plan() const
{
    return hostWithCompose(QStringLiteral("h"), {QStringLiteral("a/docker-compose.yml"), QStringLiteral("b/docker-compose.yml")},
                           {deployed(QStringLiteral("grafana"), 3000, QStringLiteral("h"))});
}

const Service *TestLinkedSources::byName(const Schema &schema, const QString &name, const QString &project)
{
    for (const Service &s : schema.services) {
        if (s.name == name && (project.isEmpty() || s.deployment == project || s.origin.file.startsWith(project)))
            return &s;
    }
    return nullptr;
}

QList<Finding> TestLinkedSources::findings(const Schema &schema, const QList<Finding> &extra, const QString &rule)
{
    QList<Finding> result;
    for (const Finding &f : Analyzer::analyze(schema) + extra) {
        if (f.rule == rule)
            result.append(f);
    }
    return result;
}

void TestLinkedSources::secondProjectShouldNeverOverwriteTheFirst()
{
    const Schema schema = plan();
    const RealityApplied applied = applyReadings(schema, readSources(schema, mDir->path()));
    // The plan's grafana is a's (on its planned port); b's grafana is another service.
    const Service *planned = applied.schema.service(QStringLiteral("grafana"));
    QVERIFY(planned);
    QCOMPARE(planned->actualPort, 3000);
    QCOMPARE(planned->origin.file, QStringLiteral("a/docker-compose.yml"));
    QCOMPARE(planned->origin.line, 4);
    QVERIFY(!planned->undocumented);
    const Service *other = byName(applied.schema, QStringLiteral("grafana"), QStringLiteral("b/"));
    QVERIFY(other);
    QVERIFY(other->undocumented);
    QCOMPARE(other->actualPort, 3001);
    QVERIFY(other->id != planned->id);
    // b's gitea collides with a's grafana on 3000, named as their files name them.
    const QList<Finding> collisions = findings(applied.schema, applied.findings, QStringLiteral("host-collision"));
    QCOMPARE(collisions.size(), 1);
    QCOMPARE(collisions.first().ports, QList<int>{3000});
    QVERIFY(collisions.first().serviceIds.contains(QStringLiteral("grafana")));
    QVERIFY2(collisions.first().message.contains(QLatin1String("gitea")), qPrintable(collisions.first().message));
    // Stored origins are relative to the plan.
    for (const Service &s : applied.schema.services)
        QVERIFY2(!QDir::isAbsolutePath(s.origin.file), qPrintable(s.origin.file));
}

void TestLinkedSources::rereadingOneProjectShouldLeaveTheOtherAlone()
{
    const Schema schema = plan();
    QList<SourceReading> readings = readSources(schema, mDir->path());
    const RealityApplied before = applyReadings(schema, readings);

    write(QStringLiteral("b/docker-compose.yml"), QByteArray(projectB).replace("3001:3000", "3002:3000"));
    const SourceReading reread = readSource(QStringLiteral("h"), schema.hosts.first().sources.at(1), mDir->path());
    QVERIFY(reread.ok);
    readings[1] = reread;
    // Applied onto the plan as it is after the first reading, as the window does.
    const RealityApplied after = applyReadings(before.schema, readings);

    QCOMPARE(byName(after.schema, QStringLiteral("grafana"), QStringLiteral("b/"))->actualPort, 3002);
    for (const QString &name : {QStringLiteral("grafana"), QStringLiteral("loki")}) {
        const Service *old = byName(before.schema, name, QStringLiteral("a/"));
        const Service *now = byName(after.schema, name, QStringLiteral("a/"));
        QVERIFY(old && now);
        QCOMPARE(*now, *old);
    }
    // The same readings applied again change nothing: re-reading is idempotent.
    QCOMPARE(applyReadings(after.schema, readings).schema, after.schema);
}

void TestLinkedSources::portFreedByOneProjectShouldEndTheCollision()
{
    const Schema schema = plan();
    QList<SourceReading> readings = readSources(schema, mDir->path());
    const RealityApplied before = applyReadings(schema, readings);
    QCOMPARE(findings(before.schema, before.findings, QStringLiteral("host-collision")).size(), 1);

    write(QStringLiteral("b/docker-compose.yml"), QByteArray(projectB).replace("\"3000:3000\"", "\"3005:3000\""));
    readings[1] = readSource(QStringLiteral("h"), schema.hosts.first().sources.at(1), mDir->path());
    const RealityApplied after = applyReadings(before.schema, readings);
    QVERIFY(findings(after.schema, after.findings, QStringLiteral("host-collision")).isEmpty());
    QCOMPARE(byName(after.schema, QStringLiteral("gitea"))->actualPort, 3005);
}

void TestLinkedSources::unreadableSourceShouldKeepTheLastGoodReading()
{
    const Schema schema = plan();
    QList<SourceReading> readings = readSources(schema, mDir->path());
    const RealityApplied good = applyReadings(schema, readings);

    write(QStringLiteral("b/docker-compose.yml"), "services:\n  gitea:\n    ports: [\"3000:3000\"\n");
    readings[1] = readSource(QStringLiteral("h"), schema.hosts.first().sources.at(1), mDir->path());
    QVERIFY(!readings[1].ok);
    QCOMPARE(readings[1].error.file, QStringLiteral("b/docker-compose.yml"));
    QVERIFY(readings[1].error.line > 0);
    const RealityApplied after = applyReadings(good.schema, readings);
    // The same services as before (a's are read again and come last).
    auto sorted = [](QList<Service> services) {
        std::sort(services.begin(), services.end(), [](const Service &x, const Service &y) { return x.id < y.id; });
        return services;
    };
    QCOMPARE(sorted(after.schema.services), sorted(good.schema.services));
    QCOMPARE(after.schema.references, good.schema.references);
    const QList<Finding> errors = findings(after.schema, after.findings, QStringLiteral("source-error"));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().origin.file, QStringLiteral("b/docker-compose.yml"));
}

void TestLinkedSources::tunnelAndEnvShouldNameBrokenEndpoints()
{
    write(QStringLiteral("cloudflared.yml"), "tunnel: x\ningress:\n"
                                             "  - hostname: grafana.example.org\n    service: http://localhost:3000\n"
                                             "  - hostname: gone.example.org\n    service: http://localhost:3999\n"
                                             "  - service: http_status:404\n");
    write(QStringLiteral("app.env"), "# urls\nLOKI_URL=http://loki:3101/push\nGRAFANA=http://localhost:3000\n");
    Schema schema = plan();
    RealitySource tunnel;
    tunnel.kind = SourceKind::Cloudflared;
    tunnel.files = {QStringLiteral("cloudflared.yml")};
    RealitySource env;
    env.kind = SourceKind::Env;
    env.files = {QStringLiteral("app.env")};
    schema.hosts[0].sources += {tunnel, env};
    const RealityApplied applied = applyReadings(schema, readSources(schema, mDir->path()));
    QCOMPARE(applied.schema.service(QStringLiteral("grafana"))->publicHostname, QStringLiteral("grafana.example.org"));
    const QList<Finding> broken = findings(applied.schema, applied.findings, QStringLiteral("broken-reference"));
    QCOMPARE(broken.size(), 2);
    QStringList where;
    for (const Finding &f : broken)
        where.append(f.origin.toString());
    where.sort();
    QCOMPARE(where, (QStringList{QStringLiteral("app.env:2:10"), QStringLiteral("cloudflared.yml:6:14")}));
}

void TestLinkedSources::nativeFormatShouldRoundTripSources()
{
    Schema schema = plan();
    schema.hosts[0].sources[0].project = QStringLiteral("monitoring");
    schema.hosts[0].sources[0].envFile = QStringLiteral("a/.env");
    schema.hosts[0].sources[0].profiles = {QStringLiteral("prod")};
    schema.hosts[0].sources[1].files.append(QStringLiteral("b/docker-compose.override.yml"));
    ParseError error;
    const std::optional<Schema> back = JsonFormat::parse(JsonFormat::serialize(schema), QStringLiteral("x"), &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->hosts, schema.hosts);

    // A wrong kind is a positioned error, not a silently dropped source.
    QByteArray bad = JsonFormat::serialize(schema);
    bad.replace("\"kind\": \"compose\"", "\"kind\": \"kubernetes\"");
    QVERIFY(!JsonFormat::parse(bad, QStringLiteral("bad.portolan.json"), &error));
    QVERIFY2(error.message.contains(QLatin1String("kubernetes")), qPrintable(error.message));
    QCOMPARE(error.path, QStringLiteral("hosts[0].sources[0].kind"));
}

void TestLinkedSources::editedFileShouldUpdateFindingsWithoutAnEdit()
{
    SchemaDocument document(plan());
    document.setFileName(mDir->filePath(QStringLiteral("plan.portolan.json")));
    Analyzer analyzer(&document);
    RealitySync sync(&document);
    sync.refresh();
    auto collisions = [&] {
        int n = 0;
        for (const Finding &f : analyzer.findings())
            n += f.rule == QLatin1String("host-collision");
        return n;
    };
    QCOMPARE(collisions(), 1);
    // One edit of the plan, to see that history stays as it is.
    document.undoStack()->push(new QUndoCommand(QStringLiteral("marker")));
    const int index = document.undoStack()->index();
    const bool modified = document.isModified();

    QSignalSpy refreshed(&sync, &RealitySync::refreshed);
    write(QStringLiteral("b/docker-compose.yml"), QByteArray(projectB).replace("\"3000:3000\"", "\"3005:3000\""));
    QVERIFY(refreshed.wait(1000));
    QCOMPARE(collisions(), 0);
    QCOMPARE(document.undoStack()->index(), index);
    QCOMPARE(document.undoStack()->count(), index);
    QCOMPARE(document.isModified(), modified);
    const int gitea = document.serviceRow(byName(document.schema(), QStringLiteral("gitea"))->id);
    QCOMPARE(document.service(gitea).actualPort, 3005);
}

static bool run(const QString &program, const QStringList &arguments, const QString &dir, QString *out = nullptr,
                int *exitCode = nullptr)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        return false;
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput());
    if (exitCode)
        *exitCode = process.exitCode();
    return process.exitStatus() == QProcess::NormalExit;
}

void TestLinkedSources::checkShouldReadTheCommittedComposeFile()
{
    if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
        QSKIP("git is not installed");
    const QString dir = mDir->path();
    QString error;
    Schema schema = plan();
    schema.hosts[0].sources.removeLast(); // project a only
    QVERIFY(saveSchemaFile(mDir->filePath(QStringLiteral("plan.portolan.json")), schema, &error));
    const QString git = QStringLiteral("git");
    QVERIFY(run(git, {QStringLiteral("init"), QStringLiteral("-q")}, dir));
    const QStringList identity{QStringLiteral("-c"), QStringLiteral("user.name=t"), QStringLiteral("-c"),
                               QStringLiteral("user.email=t@example.org")};
    QVERIFY(run(git, {QStringLiteral("add"), QStringLiteral(".")}, dir));
    QVERIFY(run(git, identity + QStringList{QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("plan")}, dir));

    QString out;
    int exitCode = -1;
    QVERIFY(run(QStringLiteral(PORTOLAN_BINARY), {QStringLiteral("check"), QStringLiteral("plan.portolan.json")}, dir,
                &out, &exitCode));
    QCOMPARE(exitCode, 0);

    // A commit that publishes the port grafana holds.
    write(QStringLiteral("a/docker-compose.yml"), QByteArray(projectA).replace("\"3100:3100\"", "\"3000:3100\""));
    QVERIFY(run(git, identity + QStringList{QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("loki")}, dir));
    QVERIFY(run(QStringLiteral(PORTOLAN_BINARY),
                {QStringLiteral("check"), QStringLiteral("plan.portolan.json"), QStringLiteral("--format"),
                 QStringLiteral("github")},
                dir, &out, &exitCode));
    QCOMPARE(exitCode, 1);
    QVERIFY2(out.contains(QLatin1String("::error file=a/docker-compose.yml,line=4,title=host-collision::")), qPrintable(out));

    // The stored snapshot (saved before the commit) knows nothing of it.
    QVERIFY(run(QStringLiteral(PORTOLAN_BINARY),
                {QStringLiteral("check"), QStringLiteral("plan.portolan.json"), QStringLiteral("--no-refresh")}, dir,
                &out, &exitCode));
    QCOMPARE(exitCode, 0);
}

void TestLinkedSources::checkSarifShouldValidateAgainstTheSchema()
{
    const QString schemaFile = QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/sarif/sarif-schema-2.1.0.json");
    if (!QFile::exists(schemaFile))
        QSKIP("the SARIF schema is not in tests/data/sarif");
    const QString python = QStringLiteral("/usr/bin/python3");
    int exitCode = -1;
    if (!run(python, {QStringLiteral("-c"), QStringLiteral("import jsonschema")}, mDir->path(), nullptr, &exitCode)
        || exitCode != 0)
        QSKIP("python3-jsonschema is not installed");
    QString out;
    QVERIFY(run(QStringLiteral(PORTOLAN_BINARY),
                {QStringLiteral("check"), QStringLiteral("a/docker-compose.yml"), QStringLiteral("b/docker-compose.yml"),
                 QStringLiteral("--format"), QStringLiteral("sarif")},
                mDir->path(), &out, &exitCode));
    QCOMPARE(exitCode, 1);
    QFile log(mDir->filePath(QStringLiteral("log.sarif")));
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write(out.toUtf8());
    log.close();
    QString result;
    QVERIFY(run(python,
                {QStringLiteral("-c"),
                 QStringLiteral("import json, sys, jsonschema\n"
                                "schema = json.load(open(sys.argv[1]))\n"
                                "log = json.load(open(sys.argv[2]))\n"
                                "jsonschema.Draft202012Validator(schema).validate(log)\n"
                                "print(len(log['runs'][0]['results']))\n"),
                 schemaFile, log.fileName()},
                mDir->path(), &result, &exitCode));
    QCOMPARE(exitCode, 0);
    QVERIFY2(result.trimmed().toInt() >= 1, qPrintable(result));
    QVERIFY2(out.contains(QLatin1String("\"uri\": \"a/docker-compose.yml\"")), qPrintable(out));
}

void TestLinkedSources::builtInSampleShouldShowTheRealCollisions()
{
    const Schema sample = builtInLinkedSample();
    const RealityApplied applied = applyReadings(sample, readSources(sample, QStringLiteral(":/samples")));
    for (const Finding &f : applied.findings)
        QVERIFY2(f.rule != QLatin1String("source-error"), qPrintable(f.message));
    QList<int> collided;
    for (const Finding &f : findings(applied.schema, applied.findings, QStringLiteral("host-collision")))
        collided += f.ports;
    QVERIFY(collided.contains(3015));
    QVERIFY(collided.contains(3016));
    bool credits3006 = false;
    for (const Finding &f : findings(applied.schema, applied.findings, QStringLiteral("broken-reference")))
        credits3006 = credits3006 || (f.message.contains(QLatin1String("mana-credits")) && f.ports.contains(3006));
    QVERIFY(credits3006);
}

QTEST_GUILESS_MAIN(TestLinkedSources)
#include "tst_linkedsources.moc"
