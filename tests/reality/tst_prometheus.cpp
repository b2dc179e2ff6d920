#include "jsonformat.h"
#include "loopback.h"
#include "prometheustargets.h"
#include "realitycheck.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Portolan;
using namespace Portolan::Test;

// Debian's real Prometheus server, started on loopback, scraping one test
// server that answers /metrics and one closed port; Portolan reads its targets.
class tst_Prometheus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void shouldParseTheTargetsApi();
    void shouldMatchTargetsToServices();
    void shouldRejectUnusableUrls();
    void shouldEndAnAnswerThatTricklesOrFloodsWithinBounds();
    void shouldMarkEachServicesTargetUpOrDown();
    void probeCommandShouldReportTargetHealth();

private:
    Schema schema() const;
    QList<PrometheusTarget> fetch(QString *error);

    QTemporaryDir mDir;
    HttpResponder mExporter;
    int mClosedPort = 0;
    int mPrometheusPort = 0;
    QProcess mPrometheus;
};

static const char *const prometheusBinary = "/usr/bin/prometheus";

Schema tst_Prometheus::schema() const
{
    Schema s;
    s.hosts = {Host{QStringLiteral("lo"), QStringLiteral("Loopback"), QStringLiteral("127.0.0.1"), {}, {}}};
    Service web;
    web.id = QStringLiteral("web");
    web.name = QStringLiteral("web");
    web.hostId = QStringLiteral("lo");
    web.actualPort = web.plannedPort = mExporter.serverPort();
    web.status = ServiceStatus::Deployed;
    web.metrics.enabled = true;
    web.metrics.path = QStringLiteral("/metrics");
    Service api = web;
    api.id = api.name = QStringLiteral("api");
    api.actualPort = api.plannedPort = mClosedPort;
    Service quiet = web; // declares metrics, but Prometheus has no target for it
    quiet.id = quiet.name = QStringLiteral("quiet");
    quiet.actualPort = quiet.plannedPort = 1;
    quiet.status = ServiceStatus::Planned;
    s.services = {web, api, quiet};
    return s;
}

void tst_Prometheus::initTestCase()
{
    // A missing server is a broken test machine, not a reason to skip.
    QVERIFY2(QFileInfo(QString::fromLatin1(prometheusBinary)).isExecutable(),
             "/usr/bin/prometheus is missing: install Debian's prometheus package");
    QVERIFY(mDir.isValid());
    QVERIFY(mExporter.listen(QHostAddress::LocalHost, 0));
    mClosedPort = closedPort();
    mPrometheusPort = closedPort();
    QVERIFY(mClosedPort > 0 && mPrometheusPort > 0);

    QFile config(mDir.filePath(QStringLiteral("prometheus.yml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("global:\n"
                                "  scrape_interval: 1s\n"
                                "  scrape_timeout: 500ms\n"
                                "scrape_configs:\n"
                                "  - job_name: web\n"
                                "    static_configs:\n"
                                "      - targets: ['127.0.0.1:%1']\n"
                                "  - job_name: api\n"
                                "    static_configs:\n"
                                "      - targets: ['127.0.0.1:%2']\n"
                                "  - job_name: self\n"
                                "    static_configs:\n"
                                "      - targets: ['127.0.0.1:%3']\n")
                     .arg(mExporter.serverPort())
                     .arg(mClosedPort)
                     .arg(mPrometheusPort)
                     .toUtf8());
    config.close();

    mPrometheus.setProcessChannelMode(QProcess::MergedChannels);
    mPrometheus.start(QString::fromLatin1(prometheusBinary),
                      {QStringLiteral("--config.file=%1").arg(config.fileName()),
                       QStringLiteral("--storage.tsdb.path=%1").arg(mDir.filePath(QStringLiteral("data"))),
                       QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(mPrometheusPort),
                       QStringLiteral("--log.level=warn")});
    QVERIFY2(mPrometheus.waitForStarted(5000), qPrintable(mPrometheus.errorString()));

    // Wait until every target has been scraped at least once.
    QElapsedTimer clock;
    clock.start();
    bool ready = false;
    QString error;
    while (!ready && clock.elapsed() < 20000 && mPrometheus.state() == QProcess::Running) {
        QTest::qWait(300);
        const QList<PrometheusTarget> targets = fetch(&error);
        ready = targets.size() == 3;
        for (const PrometheusTarget &t : targets)
            ready = ready && t.health != TargetHealth::Unknown;
    }
    QVERIFY2(ready, qPrintable(error + QString::fromLocal8Bit(mPrometheus.readAll())));
    qInfo("Prometheus ready after %lld ms", clock.elapsed());
}

void tst_Prometheus::cleanupTestCase()
{
    if (mPrometheus.state() != QProcess::NotRunning) {
        mPrometheus.terminate();
        if (!mPrometheus.waitForFinished(5000))
            mPrometheus.kill();
    }
}

QList<PrometheusTarget> tst_Prometheus::fetch(QString *error)
{
    PrometheusClient client;
    QSignalSpy finished(&client, &PrometheusClient::finished);
    if (!client.fetch(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(mPrometheusPort)), error))
        return {};
    if (!finished.wait(5000)) {
        *error = QStringLiteral("no answer");
        return {};
    }
    *error = finished.first().at(1).toString();
    return finished.first().at(0).value<QList<PrometheusTarget>>();
}

void tst_Prometheus::shouldParseTheTargetsApi()
{
    const QByteArray json = R"({"status":"success","data":{"activeTargets":[
        {"discoveredLabels":{"__address__":"mana-auth:3001"},"labels":{"instance":"mana-auth:3001","job":"mana-auth"},
         "scrapePool":"mana-auth","scrapeUrl":"http://mana-auth:3001/metrics","globalUrl":"http://mana-auth:3001/metrics",
         "lastError":"","lastScrape":"2026-04-17T10:00:00.123456789Z","lastScrapeDuration":0.01,"health":"up",
         "scrapeInterval":"30s","scrapeTimeout":"10s"},
        {"labels":{"instance":"mac-mini","job":"node"},"scrapePool":"node",
         "scrapeUrl":"http://node-exporter:9100/metrics","lastError":"dial tcp: lookup node-exporter: no such host",
         "lastScrape":"0001-01-01T00:00:00Z","health":"down"}],"droppedTargets":[]}})";
    QString error;
    const std::optional<QList<PrometheusTarget>> targets = PrometheusClient::parseTargets(json, &error);
    QVERIFY2(targets, qPrintable(error));
    QCOMPARE(targets->size(), 2);
    QCOMPARE(targets->at(0).job, QStringLiteral("mana-auth"));
    QCOMPARE(targets->at(0).instance, QStringLiteral("mana-auth:3001"));
    QCOMPARE(targets->at(0).health, TargetHealth::Up);
    QVERIFY(targets->at(0).lastScrape.isValid());
    QCOMPARE(targets->at(1).health, TargetHealth::Down);
    QVERIFY(targets->at(1).lastError.contains(QStringLiteral("no such host")));
    QVERIFY(!targets->at(1).lastScrape.isValid());

    QVERIFY(!PrometheusClient::parseTargets("<html>", &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!PrometheusClient::parseTargets(R"({"status":"error","error":"bad"})", &error));
    QCOMPARE(error, QStringLiteral("bad"));
    QVERIFY(!PrometheusClient::parseTargets(R"({"status":"success","data":{}})", &error));
}

void tst_Prometheus::shouldMatchTargetsToServices()
{
    // The real plan and its real scrape targets: by job, by compose name, by relabelled instance.
    Schema plan = builtInSample();
    QList<PrometheusTarget> targets(3);
    targets[0].job = QStringLiteral("mana-auth");
    targets[0].instance = QStringLiteral("mana-auth:3001");
    targets[0].scrapeUrl = QStringLiteral("http://mana-auth:3001/metrics");
    targets[1].job = QStringLiteral("something");
    targets[1].instance = QStringLiteral("mana-credits:3002");
    targets[1].scrapeUrl = QStringLiteral("http://mana-credits:3002/metrics");
    targets[2].job = QStringLiteral("stray");
    targets[2].instance = QStringLiteral("elsewhere:9999");
    PrometheusClient::matchTargets(plan, targets);
    QCOMPARE(targets[0].serviceId, QStringLiteral("mana-auth"));
    QCOMPARE(targets[1].serviceId, QStringLiteral("mana-credits"));
    QVERIFY(targets[2].serviceId.isEmpty());
}

void tst_Prometheus::shouldRejectUnusableUrls()
{
    QString error;
    QVERIFY(!PrometheusClient::targetsUrl(QUrl(QStringLiteral("ftp://127.0.0.1/")), &error).isValid());
    QVERIFY(!error.isEmpty());
    QVERIFY(!PrometheusClient::targetsUrl(QUrl(QStringLiteral("127.0.0.1:9090")), &error).isValid());
    QCOMPARE(PrometheusClient::targetsUrl(QUrl(QStringLiteral("http://127.0.0.1:9090/prom/")), &error).toString(),
             QStringLiteral("http://127.0.0.1:9090/prom/api/v1/targets?state=active"));
}

void tst_Prometheus::shouldEndAnAnswerThatTricklesOrFloodsWithinBounds()
{
    for (const auto mode : {HostileResponder::Mode::Trickle, HostileResponder::Mode::Flood}) {
        HostileResponder server(mode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        PrometheusClient client;
        client.setTimeout(mode == HostileResponder::Mode::Trickle ? 800 : 5000);
        client.setMaxBodySize(4 << 20);
        QSignalSpy finished(&client, &PrometheusClient::finished);
        QElapsedTimer clock;
        clock.start();
        QString error;
        QVERIFY2(client.fetch(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())), &error),
                 qPrintable(error));
        QVERIFY(finished.wait(8000));
        const qint64 elapsed = clock.elapsed();
        qInfo("ended after %lld ms, %lld KB sent", elapsed, server.bytesSent / 1024);
        const QString message = finished.first().at(1).toString();
        if (mode == HostileResponder::Mode::Trickle) {
            // The trickle would take 30 s: a bound far below proves the deadline.
            QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
            QVERIFY2(message.contains(QLatin1String("no complete answer within 800 ms")), qPrintable(message));
        } else {
            // The message, not the time, shows that the cap ended it.
            QVERIFY2(message.contains(QLatin1String("larger than 4 MB")), qPrintable(message));
            QVERIFY(server.bytesSent < 64 << 20);
        }
        QVERIFY(!client.isRunning());
    }
}

void tst_Prometheus::shouldMarkEachServicesTargetUpOrDown()
{
    RealityCheck check;
    QSignalSpy finished(&check, &RealityCheck::finished);
    RealityCheckOptions options;
    options.prometheusUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(mPrometheusPort));
    options.timeoutMs = 500;
    QString error;
    QVERIFY2(check.start(schema(), options, &error), qPrintable(error));
    QVERIFY(finished.wait(10000));
    const Observations o = check.observations();
    QVERIFY2(o.prometheusError.isEmpty(), qPrintable(o.prometheusError));

    const ServiceObservation web = o.services.value(QStringLiteral("web"));
    QVERIFY(web.metricsChecked);
    QCOMPARE(web.metricsHealth, TargetHealth::Up);
    QCOMPARE(web.metricsInstance, QStringLiteral("127.0.0.1:%1").arg(mExporter.serverPort()));
    QCOMPARE(web.state, ProbeState::Listening);

    const ServiceObservation api = o.services.value(QStringLiteral("api"));
    QCOMPARE(api.metricsHealth, TargetHealth::Down);
    QVERIFY(!api.metricsError.isEmpty());
    QCOMPARE(api.state, ProbeState::Refused);

    const ServiceObservation quiet = o.services.value(QStringLiteral("quiet"));
    QVERIFY(quiet.metricsChecked);
    QVERIFY(quiet.metricsInstance.isEmpty());

    // Prometheus scraping itself matches no service: listed, not dropped.
    const QList<PrometheusTarget> unmatched = o.unmatchedTargets();
    QCOMPARE(unmatched.size(), 1);
    QCOMPARE(unmatched.first().job, QStringLiteral("self"));
    QCOMPARE(unmatched.first().health, TargetHealth::Up);
    QCOMPARE(o.prometheusTargets.size(), 3);
    QVERIFY(mExporter.requests > 0);
}

void tst_Prometheus::probeCommandShouldReportTargetHealth()
{
    const QString file = mDir.filePath(QStringLiteral("plan.portolan.json"));
    QString error;
    QVERIFY(saveSchemaFile(file, schema(), &error));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PORTOLAN_BINARY),
                  {QStringLiteral("probe"), file, QStringLiteral("--timeout"), QStringLiteral("500"),
                   QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:%1").arg(mPrometheusPort),
                   QStringLiteral("--format"), QStringLiteral("json")});
    // The exporter lives in this process: keep serving it while waiting.
    QVERIFY(QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 20000));
    QCOMPARE(process.exitCode(), 1); // api is deployed and refuses
    const QJsonObject root = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QHash<QString, QJsonObject> services;
    for (const QJsonValue &v : root.value(QLatin1String("services")).toArray())
        services.insert(v.toObject().value(QLatin1String("service")).toString(), v.toObject());
    QCOMPARE(services.value(QStringLiteral("web")).value(QLatin1String("metrics")).toObject().value(QLatin1String("health")).toString(),
             QStringLiteral("up"));
    QCOMPARE(services.value(QStringLiteral("api")).value(QLatin1String("metrics")).toObject().value(QLatin1String("health")).toString(),
             QStringLiteral("down"));
    const QJsonArray targets = root.value(QLatin1String("prometheus")).toObject().value(QLatin1String("targets")).toArray();
    QCOMPARE(targets.size(), 3);
    int unmatched = 0;
    for (const QJsonValue &t : targets)
        unmatched += t.toObject().value(QLatin1String("service")).isNull() ? 1 : 0;
    QCOMPARE(unmatched, 1);
}

QTEST_GUILESS_MAIN(tst_Prometheus)
#include "tst_prometheus.moc"
