#include "envformat.h"
#include "importmerge.h"
#include "prometheusformat.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include "testutil.h"

#include <QTest>

using namespace Portolan;

// Prometheus scrape_configs in and out, file_sd out, env out.
class TestPrometheusFormat : public QObject
{
    Q_OBJECT

private slots:
    void shouldReadStaticAndFileSdTargets();
    void shouldSkipProbeUrlsWithAWarning();
    void shouldRejectDamagedConfigsWithPosition_data();
    void shouldRejectDamagedConfigsWithPosition();
    void shouldStopAliasAmplificationWithinBounds_data();
    void shouldStopAliasAmplificationWithinBounds();
    void shouldSetMetricsOfMatchingServices();
    void shouldWriteOneJobPerNameWithContainerTargets();
    void shouldWriteConfigsPromtoolAccepts();
    void fileSdShouldBeQJsonDocumentsLayout();
    void shouldRoundTripScrapeTargets();
    void importThenExportShouldKeepRealConfigs_data();
    void importThenExportShouldKeepRealConfigs();
    void shouldWriteEnvLines_data();
    void shouldWriteEnvLines();
    void shouldDisambiguateEnvNames();
};

static QString fixture(const QString &name)
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/prometheus/") + name;
}

static std::optional<ReadResult> readConfig(const QByteArray &data, ParseError *error, const QString &baseDir = {})
{
    FormatOptions options;
    options.fileName = QStringLiteral("prometheus.yml");
    options.baseDir = baseDir;
    return PrometheusFormat().read(data, options, error);
}

static QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

static const Service *target(const Schema &schema, const QString &host)
{
    for (const Service &s : schema.services) {
        if (s.aliases.value(0) == host)
            return &s;
    }
    return nullptr;
}

void TestPrometheusFormat::shouldReadStaticAndFileSdTargets()
{
    ParseError error;
    const auto result = readConfig(fileBytes(fixture(QStringLiteral("prometheus.yml"))), &error, fixture(QString()));
    QVERIFY2(result, qPrintable(error.toString()));
    const Schema &s = result->schema;
    QCOMPARE(s.services.size(), 5);

    const Service *api = target(s, QStringLiteral("api"));
    QVERIFY(api);
    QCOMPARE(api->name, QStringLiteral("api"));
    QCOMPARE(api->metrics.port, 8080);
    QCOMPARE(api->metrics.path, QStringLiteral("/internal/metrics"));
    QCOMPARE(api->metrics.interval, QStringLiteral("10s"));
    QCOMPARE(api->metrics.job, QStringLiteral("api"));
    QCOMPARE(api->metrics.origin.line, 7);
    QVERIFY(api->metrics.enabled);
    QCOMPARE(target(s, QStringLiteral("mana-worker"))->metrics.port, 9000);

    const Service *secure = target(s, QStringLiteral("secure-box"));
    QCOMPARE(secure->metrics.port, 443); // https without a port
    QCOMPARE(secure->metrics.interval, QStringLiteral("20s")); // the global interval
    QCOMPARE(secure->metrics.path, QStringLiteral("/metrics"));

    const Service *cache = target(s, QStringLiteral("cache"));
    QVERIFY(cache);
    QCOMPARE(cache->metrics.job, QStringLiteral("discovered"));
    QCOMPARE(cache->metrics.port, 9121);
    QVERIFY(cache->metrics.origin.file.endsWith(QLatin1String("targets/a.json")));
    QCOMPARE(cache->metrics.origin.line, 3);
    const Service *node = target(s, QStringLiteral("10.0.0.5"));
    QVERIFY(node);
    QCOMPARE(node->metrics.origin.line, 2);

    bool noMatchWarned = false;
    for (const Diagnostic &w : result->warnings)
        noMatchWarned |= w.message.contains(QLatin1String("none-*.json"));
    QVERIFY(noMatchWarned);
}

void TestPrometheusFormat::shouldSkipProbeUrlsWithAWarning()
{
    ParseError error;
    const auto result = readConfig(fileBytes(fixture(QStringLiteral("prometheus.yml"))), &error, fixture(QString()));
    QVERIFY(result);
    for (const Service &s : result->schema.services)
        QVERIFY(s.metrics.job != QLatin1String("probes"));
    bool warned = false;
    for (const Diagnostic &w : result->warnings) {
        if (w.message.contains(QLatin1String("probes"))) {
            warned = true;
            QCOMPARE(w.line, 21);
        }
    }
    QVERIFY(warned);
}

void TestPrometheusFormat::shouldRejectDamagedConfigsWithPosition_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("tab") << QByteArray("scrape_configs:\n  - job_name: a\n\tstatic_configs: []\n") << 3;
    QTest::newRow("unclosed quote") << QByteArray("scrape_configs:\n  - job_name: 'a\n") << 2;
    QTest::newRow("unclosed double quote") << QByteArray("scrape_configs:\n  - job_name: \"a\\\"\n") << 2;
    QTest::newRow("no job name") << QByteArray("scrape_configs:\n  - static_configs: []\n") << 2;
    QTest::newRow("configs not a list") << QByteArray("scrape_configs: 5\n") << 1;
    QTest::newRow("binary") << QByteArray("global:\n\x00\x01\x02", 11) << 2;
    QTest::newRow("not a mapping") << QByteArray("just text\n") << 1;
}

void TestPrometheusFormat::shouldRejectDamagedConfigsWithPosition()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    ParseError error;
    QVERIFY(!readConfig(text, &error));
    QCOMPARE(error.file, QStringLiteral("prometheus.yml"));
    QCOMPARE(error.line, line);
    QVERIFY(!error.message.isEmpty());
}

void TestPrometheusFormat::shouldStopAliasAmplificationWithinBounds_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QString regressions = QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/fuzz-regressions/");
    // 474 bytes that expanded to 9^8 targets.
    QTest::newRow("aliases through nested lists") << regressions << "prometheus-alias-nested-lists.yml" << 9
                                                 << "aliases expand to more than";
    QTest::newRow("a file_sd file listed by alias")
        << regressions + QStringLiteral("prometheus-file-sd-by-alias/") << "prometheus.yml" << -1
        << "file_sd files are listed so often";
}

void TestPrometheusFormat::shouldStopAliasAmplificationWithinBounds()
{
    QFETCH(QString, dir);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, message);
    QElapsedTimer clock;
    clock.start();
    ParseError error;
    QVERIFY(!readConfig(fileBytes(dir + file), &error, dir));
    qInfo("refused in %lld ms", qint64(clock.elapsed()));
#ifndef PORTOLAN_SANITIZE // ASan and UBSan read several times slower: the bound is the normal build's
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
#endif
    QCOMPARE(error.file, QStringLiteral("prometheus.yml"));
    if (line >= 0)
        QCOMPARE(error.line, line);
    QVERIFY(error.line > 0 && error.column > 0);
    QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
}

static Schema scrapedPlan()
{
    Schema plan;
    plan.title = QStringLiteral("Scrape test");
    plan.hosts.append({QStringLiteral("box"), QStringLiteral("Box"), {}, QStringLiteral("docker-compose"), {}});
    plan.hosts.append({QStringLiteral("gpu"), QStringLiteral("GPU"), QStringLiteral("10.0.0.5"), {}, {}});
    auto add = [&](const QString &id, const QString &name, int actual, int container, const QString &host,
                   const QStringList &aliases = {}) {
        Service s;
        s.id = id;
        s.name = name;
        s.actualPort = actual;
        s.containerPort = container;
        s.hostId = host;
        s.aliases = aliases;
        plan.services.append(s);
        return &plan.services.last();
    };
    add(QStringLiteral("api"), QStringLiteral("api"), 18080, 8080, QStringLiteral("box"));
    add(QStringLiteral("worker"), QStringLiteral("worker"), 9000, 9000, QStringLiteral("box"), {QStringLiteral("worker"), QStringLiteral("mana-app-worker")});
    add(QStringLiteral("redis-exporter"), QStringLiteral("redis-exporter"), 9121, 9121, QStringLiteral("box"), {QStringLiteral("cache")});
    add(QStringLiteral("node"), QStringLiteral("node-exporter"), 9100, 0, QStringLiteral("gpu"));
    return plan;
}

void TestPrometheusFormat::shouldSetMetricsOfMatchingServices()
{
    ParseError error;
    const auto fragment = readConfig(fileBytes(fixture(QStringLiteral("prometheus.yml"))), &error, fixture(QString()));
    QVERIFY(fragment);
    QStringList summary;
    QString mergeError;
    FormatOptions options;
    options.hostId = QStringLiteral("box");
    const auto merged = PrometheusFormat().merge(scrapedPlan(), *fragment, options, &summary, &mergeError);
    QVERIFY(merged);
    QCOMPARE(merged->service(QStringLiteral("api"))->metrics.port, 8080);
    QCOMPARE(merged->service(QStringLiteral("worker"))->metrics.job, QStringLiteral("api")); // prefix: mana-worker
    QCOMPARE(merged->service(QStringLiteral("redis-exporter"))->metrics.job, QStringLiteral("discovered")); // alias
    QCOMPARE(merged->service(QStringLiteral("node"))->metrics.port, 9100); // host address + port
    const QString text = summary.join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QLatin1String("secure-box:443")), qPrintable(text)); // matches nothing
}

void TestPrometheusFormat::shouldWriteOneJobPerNameWithContainerTargets()
{
    Schema plan = scrapedPlan();
    for (Service &s : plan.services) {
        s.metrics.enabled = true;
        s.metrics.job = QStringLiteral("same");
        s.metrics.interval = QStringLiteral("15s");
    }
    plan.services[1].metrics.port = 9400;
    const QList<ScrapeTarget> targets = scrapeTargets(plan, QStringLiteral("box"));
    QCOMPARE(targets.size(), 4);
    QCOMPARE(targets.at(0).target, QStringLiteral("api:8080")); // container port, not 18080
    QCOMPARE(targets.at(1).target, QStringLiteral("mana-app-worker:9400")); // container name, metrics port
    QCOMPARE(targets.at(3).target, QStringLiteral("10.0.0.5:9100")); // another host: its address
    // An IPv6 address goes in brackets, a zone index ("%2") and all.
    Schema linkLocal = plan;
    for (Host &h : linkLocal.hosts) {
        if (h.address == QLatin1String("10.0.0.5"))
            h.address = QStringLiteral("fe80::1%2");
    }
    QCOMPARE(scrapeTargets(linkLocal, QStringLiteral("box")).at(3).target, QStringLiteral("[fe80::1%2]:9100"));
    // One job keeps the name dashboards select on, with every target.
    QList<ScrapeJob> jobs = scrapeJobs(targets);
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.first().name, QStringLiteral("same"));
    QCOMPARE(jobs.first().targets.size(), 4);
    // The same target twice is listed once; other settings need a job of their own.
    QList<ScrapeTarget> more = targets;
    more.append(targets.first());
    more[2].interval = QStringLiteral("1m");
    jobs = scrapeJobs(more);
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs.at(0).targets.size(), 3);
    QCOMPARE(jobs.at(1).name, QStringLiteral("same-2"));
    QCOMPARE(jobs.at(1).interval, QStringLiteral("1m"));
}

void TestPrometheusFormat::fileSdShouldBeQJsonDocumentsLayout()
{
    Schema plan = scrapedPlan();
    const QStringList odd{QStringLiteral("quote \"q\" and back\\slash"), QStringLiteral("tab\there, newline\nthere, bell\u0007"),
                          QStringLiteral("Grüße 😀 \u2028 </script> \u007f")};
    for (qsizetype i = 0; i < plan.services.size(); ++i) {
        Service &s = plan.services[i];
        s.metrics.enabled = true;
        s.metrics.job = odd.at(i % odd.size());
        s.metrics.path = QStringLiteral("/m/") + odd.at((i + 1) % odd.size());
        s.id += odd.at((i + 2) % odd.size());
    }
    // What QJsonDocument writes for the same groups.
    const auto reference = [](const QList<ScrapeTarget> &targets) {
        QJsonArray groups;
        for (const ScrapeTarget &t : targets) {
            QJsonObject labels;
            labels.insert(QStringLiteral("job"), t.job);
            labels.insert(QStringLiteral("__metrics_path__"), t.path);
            if (!t.hostId.isEmpty())
                labels.insert(QStringLiteral("host"), t.hostId);
            labels.insert(QStringLiteral("service"), t.serviceId);
            QJsonObject group;
            group.insert(QStringLiteral("targets"), QJsonArray{t.target});
            group.insert(QStringLiteral("labels"), labels);
            groups.append(group);
        }
        return QJsonDocument(groups).toJson(QJsonDocument::Indented);
    };
    QString error;
    for (const QString &host : {QString(), QStringLiteral("box")}) {
        FormatOptions options;
        options.hostId = host;
        const auto written = FileSdFormat().write(plan, options, &error);
        QVERIFY(written);
        QVERIFY(QJsonDocument::fromJson(*written).array().size() > 0);
        QCOMPARE(*written, reference(scrapeTargets(plan, host)));
    }
    const auto empty = FileSdFormat().write(Schema(), {}, &error);
    QVERIFY(empty);
    QCOMPARE(*empty, reference({}));
}

void TestPrometheusFormat::shouldWriteConfigsPromtoolAccepts()
{
    Schema plan = scrapedPlan();
    for (Service &s : plan.services) {
        s.metrics.enabled = true;
        s.metrics.job = QStringLiteral("same");
        s.metrics.path = QStringLiteral("metrics"); // no leading slash: fixed on export
        s.metrics.interval = QStringLiteral("not a duration");
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FormatOptions options;
    options.hostId = QStringLiteral("box");
    options.extra.insert(QStringLiteral("fileSd"), QStringLiteral("targets.json"));
    QString error;
    const auto config = PrometheusFormat().write(plan, options, &error);
    QVERIFY(config);
    const auto sd = FileSdFormat().write(plan, options, &error);
    QVERIFY(sd);
    QCOMPARE(QJsonDocument::fromJson(*sd).array().size(), 4);
    QFile configFile(dir.filePath(QStringLiteral("prometheus.yml")));
    QVERIFY(configFile.open(QIODevice::WriteOnly));
    configFile.write(*config);
    configFile.close();
    QFile sdFile(dir.filePath(QStringLiteral("targets.json")));
    QVERIFY(sdFile.open(QIODevice::WriteOnly));
    sdFile.write(*sd);
    sdFile.close();

    QString output;
    const bool ok = Test::runTool(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("config"), QStringLiteral("prometheus.yml")},
                            dir.path(), &output);
    QVERIFY2(ok, qPrintable(output + QString::fromUtf8(*config) + QString::fromUtf8(*sd)));
    QVERIFY2(output.contains(QLatin1String("targets.json")) || output.contains(QLatin1String("SUCCESS")), qPrintable(output));

    // An empty export is a valid config too.
    const auto empty = PrometheusFormat().write(Schema(), {}, &error);
    QVERIFY(configFile.open(QIODevice::WriteOnly));
    configFile.write(*empty);
    configFile.close();
    QVERIFY2(Test::runTool(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("config"), QStringLiteral("prometheus.yml")},
                     dir.path(), &output),
             qPrintable(output));
}

void TestPrometheusFormat::shouldRoundTripScrapeTargets()
{
    Schema plan = scrapedPlan();
    plan.services[0].metrics = {true, QStringLiteral("/m"), QStringLiteral("30s"), 0, QStringLiteral("api"), {}};
    plan.services[2].metrics = {true, QStringLiteral("/metrics"), QStringLiteral("1m"), 9121, QStringLiteral("redis"), {}};
    FormatOptions options;
    options.hostId = QStringLiteral("box");
    QString error;
    const auto config = PrometheusFormat().write(plan, options, &error);
    QVERIFY(config);
    ParseError parseError;
    const auto fragment = readConfig(*config, &parseError);
    QVERIFY2(fragment, qPrintable(parseError.toString()));
    Schema cleared = plan;
    for (Service &s : cleared.services)
        s.metrics = {};
    QStringList summary;
    QString mergeError;
    const auto merged = PrometheusFormat().merge(cleared, *fragment, options, &summary, &mergeError);
    QVERIFY(merged);
    const Metrics api = merged->service(QStringLiteral("api"))->metrics;
    QCOMPARE(api.port, 8080);
    QCOMPARE(api.path, QStringLiteral("/m"));
    QCOMPARE(api.interval, QStringLiteral("30s"));
    QCOMPARE(merged->service(QStringLiteral("redis-exporter"))->metrics.job, QStringLiteral("redis"));
    QVERIFY(!merged->service(QStringLiteral("worker"))->metrics.enabled);
}

void TestPrometheusFormat::importThenExportShouldKeepRealConfigs_data()
{
    QTest::addColumn<QString>("path");
    const QDir real(QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/realprometheus"));
    for (const QString &name : real.entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(name)) << real.filePath(name);
    QTest::newRow("mana") << QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/samples/mana-2026-04-17/docker/prometheus/prometheus.yml");
}

// Import then export of a real config gives it back byte for byte: every job
// name, target and setting (scheme, relabelling, labels, auth, TLS) that
// Portolan does not change. A planned port moves exactly its target's line; a
// service the config lacks becomes a job of its own; promtool accepts both.
void TestPrometheusFormat::importThenExportShouldKeepRealConfigs()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    const QByteArray original = fileBytes(path);
    QVERIFY(!original.isEmpty());
    QVERIFY(Test::writeTestFile(dir.path(), QStringLiteral("prometheus.yml"), original));
    FormatOptions options;
    options.fileName = QStringLiteral("prometheus.yml");
    options.baseDir = dir.path();
    options.hostId = QStringLiteral("box");
    if (path.endsWith(QLatin1String("10-boilerplates.yml")))
        QSKIP("not valid YAML as published (see tests/data/realprometheus/README.md)");
    ParseError error;
    const std::optional<ReadResult> fragment = PrometheusFormat().read(original, options, &error);
    QVERIFY2(fragment, qPrintable(error.toString()));
    // What `portolan import prometheus.yml --host box` makes of it.
    std::optional<Schema> merged = fragment->schema;
    merged->hosts = {Host{QStringLiteral("box"), QStringLiteral("box"), QStringLiteral("127.0.0.1"), {}, {}, {}}};
    QString writeError;
    std::optional<QByteArray> exported = PrometheusFormat().write(*merged, options, &writeError);
    QVERIFY(exported);
    const bool scrapesTargets = std::any_of(merged->services.cbegin(), merged->services.cend(),
                                            [](const Service &s) { return s.metrics.origin.isValid(); });
    if (scrapesTargets)
        QCOMPARE(*exported, original);

    // Move one service that is scraped through the host: only its line changes.
    Schema moved = *merged;
    const QList<QByteArray> before = original.split('\n');
    int movedLine = 0;
    for (Service &s : moved.services) {
        const QString name = s.aliases.value(0);
        if (!s.metrics.origin.isValid() || !(isLoopbackHost(name) || name == QLatin1String("127.0.0.1")))
            continue;
        s.actualPort = s.metrics.port;
        s.plannedPort = s.metrics.port == 65000 ? 65001 : 65000;
        movedLine = s.metrics.origin.line;
        break;
    }
    // And a service the config lacks.
    Service added = Test::service(QStringLiteral("portolan-added"), 3005, 0, QStringLiteral("box"));
    added.metrics.enabled = true;
    added.metrics.job = QStringLiteral("portolan-added");
    moved.services.append(added);
    exported = PrometheusFormat().write(moved, options, &writeError);
    QVERIFY(exported);
    // Every line of the config is still there in order, but the moved one.
    const QList<QByteArray> after = exported->split('\n');
    if (scrapesTargets) {
        qsizetype j = 0;
        for (qsizetype i = 0; i < before.size(); ++i) {
            if (i + 1 == movedLine) {
                QVERIFY2(after.value(j).contains("65000") || after.value(j).contains("65001"), after.value(j).constData());
                ++j;
                continue;
            }
            while (j < after.size() && after.at(j) != before.at(i))
                ++j;
            QVERIFY2(j < after.size(), qPrintable(QStringLiteral("line %1 is gone: %2").arg(i + 1).arg(QString::fromUtf8(before.at(i)))));
            ++j;
        }
        // The added job's four lines (and a line end after the last line, when it had none).
        QCOMPARE(after.size(), before.size() + 4 + (original.endsWith('\n') ? 0 : 1));
    }
    QVERIFY(exported->contains("portolan-added:3005"));
    QVERIFY(Test::writeTestFile(dir.path(), QStringLiteral("prometheus.yml"), *exported));
    QString output;
    if (QStandardPaths::findExecutable(QStringLiteral("promtool")).isEmpty())
        QSKIP("promtool is not installed (scripts/setup installs it)");
    QVERIFY2(Test::runTool(QStringLiteral("promtool"),
                           {QStringLiteral("check"), QStringLiteral("config"), QStringLiteral("--syntax-only"),
                            QStringLiteral("prometheus.yml")},
                           dir.path(), &output)
                 || !Test::runTool(QStringLiteral("promtool"),
                                   {QStringLiteral("check"), QStringLiteral("config"), QStringLiteral("--syntax-only"), path},
                                   dir.path(), &output),
             qPrintable(output + QString::fromUtf8(*exported)));
    // Read again: the added job is there with its target, the moved target at its new port.
    const std::optional<ReadResult> again = PrometheusFormat().read(*exported, options, &error);
    QVERIFY2(again, qPrintable(error.toString()));
    QVERIFY(target(again->schema, QStringLiteral("portolan-added")));
}

void TestPrometheusFormat::shouldWriteEnvLines_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("variable");
    QTest::newRow("dashes") << "mana-auth" << "MANA_AUTH";
    QTest::newRow("qualifier") << "minio (S3 API)" << "MINIO_S3_API";
    QTest::newRow("dots and spaces") << "  web.front end " << "WEB_FRONT_END";
    QTest::newRow("leading digit") << "3d-render" << "_3D_RENDER";
    QTest::newRow("non-ascii") << "café" << "CAF";
    QTest::newRow("nothing usable") << "---" << "SERVICE";
}

void TestPrometheusFormat::shouldWriteEnvLines()
{
    QFETCH(QString, name);
    QFETCH(QString, variable);
    QCOMPARE(EnvFormat::variableStem(name), variable);
}

void TestPrometheusFormat::shouldDisambiguateEnvNames()
{
    Schema schema;
    auto add = [&](const QString &id, const QString &name, int planned, int actual, const QString &host) {
        Service s;
        s.id = id;
        s.name = name;
        s.plannedPort = planned;
        s.actualPort = actual;
        s.hostId = host;
        schema.services.append(s);
    };
    add(QStringLiteral("a"), QStringLiteral("mana-auth"), 3001, 3001, QStringLiteral("box"));
    add(QStringLiteral("b"), QStringLiteral("mana-llm"), 3020, 3025, QStringLiteral("box"));
    add(QStringLiteral("c"), QStringLiteral("mana-llm"), 3020, 3025, QStringLiteral("gpu"));
    add(QStringLiteral("d"), QStringLiteral("mana llm"), 3021, 0, QStringLiteral("gpu"));
    add(QStringLiteral("e"), QStringLiteral("no port"), 0, 0, QStringLiteral("box"));
    QString error;
    const auto all = EnvFormat().write(schema, {}, &error);
    QVERIFY(all);
    const QStringList lines = QString::fromUtf8(*all).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.mid(1), (QStringList{QStringLiteral("MANA_AUTH_PORT=3001"), QStringLiteral("MANA_LLM_PORT=3020"),
                                        QStringLiteral("MANA_LLM_GPU_PORT=3020"), QStringLiteral("MANA_LLM_2_PORT=3021")}));
    QVERIFY(lines.first().startsWith(QLatin1Char('#')));

    FormatOptions options;
    options.hostId = QStringLiteral("box");
    options.extra.insert(QStringLiteral("ports"), QStringLiteral("actual"));
    const auto box = EnvFormat().write(schema, options, &error);
    QVERIFY(box->endsWith("MANA_AUTH_PORT=3001\nMANA_LLM_PORT=3025\n"));
}

QTEST_GUILESS_MAIN(TestPrometheusFormat)
#include "tst_prometheusformat.moc"
