#include "analyzer.h"
#include "composeformat.h"
#include "jsonformat.h"
#include "prometheusformat.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Portolan;

// The mana team's real compose and Prometheus files of 2026-04-17, imported
// into its plan, must show what the design promises.
class TestRealWorldImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldFindTheCollisionsOnPorts3015And3016_data();
    void shouldFindTheCollisionsOnPorts3015And3016();
    void shouldFindTheBrokenCreditsReference();
    void shouldNotReportCadvisorScrapedOnItsContainerPort();
    void shouldImportAndExportThroughTheCommandLine();

private:
    static std::optional<Schema> importCompose(const Schema &plan);
    static std::optional<Schema> importPrometheus(const Schema &plan);
    QList<Finding> findings(const QString &rule) const;

    Schema mCompose; // the sample with the compose file of mac-mini
    QList<Finding> mFindings;
};

static const QString composePath = QStringLiteral(PORTOLAN_REALWORLD_DIR "/docker-compose.macmini.yml");
static const QString prometheusPath = QStringLiteral(PORTOLAN_REALWORLD_DIR "/docker/prometheus/prometheus.yml");

static QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::optional<Schema> TestRealWorldImport::importCompose(const Schema &plan)
{
    FormatOptions options;
    options.fileName = composePath;
    options.hostId = QStringLiteral("mac-mini");
    options.baseDir = QStringLiteral(PORTOLAN_REALWORLD_DIR);
    options.extra.insert(QStringLiteral("environment"), QVariantMap());
    ParseError error;
    const ComposeFormat format;
    const auto fragment = format.read(fileBytes(composePath), options, &error);
    if (!fragment) {
        qWarning() << error.toString();
        return std::nullopt;
    }
    QStringList summary;
    QString mergeError;
    return format.merge(plan, *fragment, options, &summary, &mergeError);
}

std::optional<Schema> TestRealWorldImport::importPrometheus(const Schema &plan)
{
    FormatOptions options;
    options.fileName = prometheusPath;
    options.hostId = QStringLiteral("mac-mini");
    ParseError error;
    const PrometheusFormat format;
    const auto fragment = format.read(fileBytes(prometheusPath), options, &error);
    if (!fragment) {
        qWarning() << error.toString();
        return std::nullopt;
    }
    QStringList summary;
    QString mergeError;
    return format.merge(plan, *fragment, options, &summary, &mergeError);
}

void TestRealWorldImport::initTestCase()
{
    const auto merged = importCompose(builtInSample());
    QVERIFY(merged);
    mCompose = *merged;
    mFindings = Analyzer::analyze(mCompose);
}

QList<Finding> TestRealWorldImport::findings(const QString &rule) const
{
    QList<Finding> result;
    for (const Finding &f : mFindings) {
        if (f.rule == rule)
            result.append(f);
    }
    return result;
}

void TestRealWorldImport::shouldFindTheCollisionsOnPorts3015And3016_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<int>>("lines");
    QTest::newRow("3015") << 3015 << QStringList{"mana-landing-builder", "memoro-server"} << QList<int>{849, 1084};
    // api-gateway is the plan's mana-api-gateway (a common prefix).
    QTest::newRow("3016") << 3016 << QStringList{"mana-api-gateway", "memoro-audio-server"} << QList<int>{618, 1119};
}

void TestRealWorldImport::shouldFindTheCollisionsOnPorts3015And3016()
{
    QFETCH(int, port);
    QFETCH(QStringList, names);
    QFETCH(QList<int>, lines);
    const QList<Finding> collisions = findings(QStringLiteral("host-collision"));
    QCOMPARE(collisions.size(), 2);
    const Finding *finding = nullptr;
    for (const Finding &f : collisions) {
        if (f.ports.contains(port))
            finding = &f;
    }
    QVERIFY(finding);
    QCOMPARE(finding->hostIds, QStringList{QStringLiteral("mac-mini")});
    QStringList found;
    QList<int> foundLines;
    for (const QString &id : finding->serviceIds) {
        const Service *s = mCompose.service(id);
        QVERIFY(s);
        found.append(s->name);
        foundLines.append(s->origin.line);
        QCOMPARE(s->origin.file, composePath);
    }
    QCOMPARE(found, names);
    QCOMPARE(foundLines, lines);
    QCOMPARE(finding->origin.line, lines.first());
}

void TestRealWorldImport::shouldFindTheBrokenCreditsReference()
{
    // The list is kept: a pointer into a temporary would dangle after the loop.
    const QList<Finding> broken = findings(QStringLiteral("broken-reference"));
    const Finding *finding = nullptr;
    for (const Finding &f : broken) {
        if (f.ports.contains(3006))
            finding = &f;
    }
    QVERIFY(finding);
    QCOMPARE(finding->origin.file, composePath);
    QCOMPARE(finding->origin.line, 1081);
    QStringList names;
    for (const QString &id : finding->serviceIds)
        names.append(mCompose.service(id)->name);
    QCOMPARE(names, (QStringList{QStringLiteral("memoro-server"), QStringLiteral("mana-credits")}));
    QVERIFY(finding->ports.contains(3002)); // where mana-credits does listen
    // mana-sync's MANA_CREDITS_URL (3002) is fine.
    for (const Finding &f : findings(QStringLiteral("broken-reference")))
        QVERIFY(f.origin.line != 693);
}

void TestRealWorldImport::shouldNotReportCadvisorScrapedOnItsContainerPort()
{
    const auto both = importPrometheus(mCompose);
    QVERIFY(both);
    const Service *cadvisor = both->service(QStringLiteral("cadvisor"));
    QVERIFY(cadvisor);
    QCOMPARE(cadvisor->actualPort, 9110);
    QCOMPARE(cadvisor->containerPort, 8080);
    QCOMPARE(cadvisor->metrics.port, 8080);
    QCOMPARE(cadvisor->metrics.origin.line, 36);
    QStringList mismatched;
    for (const Finding &f : Analyzer::analyze(*both)) {
        if (f.rule == QLatin1String("metrics-port-mismatch"))
            mismatched.append(both->service(f.serviceIds.first())->name);
    }
    QVERIFY(!mismatched.contains(QStringLiteral("cadvisor")));
    // The real file scrapes mana-ai on 3066 while it listens on 3067.
    QVERIFY2(mismatched.contains(QStringLiteral("mana-ai")), qPrintable(mismatched.join(QLatin1Char(','))));
}

void TestRealWorldImport::shouldImportAndExportThroughTheCommandLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString plan = dir.filePath(QStringLiteral("plan.portolan.json"));
    QString error;
    QVERIFY(saveSchemaFile(plan, builtInSample(), &error));
    auto run = [&](const QStringList &arguments, QByteArray *out = nullptr) {
        QProcess process;
        process.start(QStringLiteral(PORTOLAN_BINARY), arguments);
        if (!process.waitForFinished(30000))
            return -1;
        if (out)
            *out = process.readAllStandardOutput();
        if (process.exitCode() != 0)
            qWarning() << process.readAllStandardError();
        return process.exitCode();
    };
    const QString merged = dir.filePath(QStringLiteral("merged.portolan.json"));
    QByteArray summary;
    QCOMPARE(run({QStringLiteral("import"), composePath, QStringLiteral("--from"), QStringLiteral("compose"),
                  QStringLiteral("--host"), QStringLiteral("mac-mini"), QStringLiteral("--into"), plan,
                  QStringLiteral("-o"), merged},
                 &summary),
             0);
    QVERIFY(summary.contains("memoro-server"));
    const QString both = dir.filePath(QStringLiteral("both.portolan.json"));
    QCOMPARE(run({QStringLiteral("import"), prometheusPath, QStringLiteral("--from"), QStringLiteral("prometheus"),
                  QStringLiteral("--host"), QStringLiteral("mac-mini"), QStringLiteral("--into"), merged,
                  QStringLiteral("-o"), both}),
             0);
    for (const QString &format : {QStringLiteral("compose"), QStringLiteral("prometheus"), QStringLiteral("file-sd"),
                                  QStringLiteral("env")}) {
        QByteArray out;
        QCOMPARE(run({QStringLiteral("export"), both, QStringLiteral("--to"), format, QStringLiteral("--host"),
                      QStringLiteral("mac-mini")},
                     &out),
                 0);
        QVERIFY2(!out.isEmpty(), qPrintable(format));
    }
    QByteArray env;
    QCOMPARE(run({QStringLiteral("export"), both, QStringLiteral("--to"), QStringLiteral("env"), QStringLiteral("--host"),
                  QStringLiteral("mac-mini")},
                 &env),
             0);
    QVERIFY(env.contains("\nMANA_AUTH_PORT=3001\n"));
    // Without --host a compose snippet cannot be written.
    QCOMPARE(run({QStringLiteral("export"), both, QStringLiteral("--to"), QStringLiteral("compose")}), 2);
}

QTEST_GUILESS_MAIN(TestRealWorldImport)
#include "tst_realworldimport.moc"
