#include "jsonformat.h"
#include "loopback.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <unistd.h>

using namespace Portolan;
using namespace Portolan::Test;

// `portolan probe` as users and CI run it, against listeners on 127.0.0.1 and
// ::1 that this test starts, and in a network namespace it creates.
class tst_CliProbe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldExitZeroWhenEveryDeployedServiceAnswers();
    void shouldExitOneWhenADeployedServiceIsSilent();
    void shouldSweepRangesAndCheckHealth();
    void shouldRejectBadInput_data();
    void shouldRejectBadInput();
    void shouldProbeTheSampleOnLoopback();
    void shouldTimeOutWithinTheBoundInANetworkNamespace();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
        qint64 elapsedMs;
    };
    Result run(const QStringList &arguments, const QString &netns = {});
    QString write(const Schema &schema, const QString &name);
    static Service deployed(const QString &id, const QString &hostId, int port);
    Schema loopbackSchema() const;
    static QJsonObject serviceIn(const QJsonObject &root, const QString &id);

    QTemporaryDir mDir;
    QTcpServer mV4;
    QTcpServer mV6;
};

void tst_CliProbe::initTestCase()
{
    QVERIFY(mDir.isValid());
    QVERIFY(mV4.listen(QHostAddress::LocalHost, 0));
    QVERIFY(mV6.listen(QHostAddress::LocalHostIPv6, 0));
}

tst_CliProbe::Result tst_CliProbe::run(const QStringList &arguments, const QString &netns)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    if (netns.isEmpty()) {
        process.start(QStringLiteral(PORTOLAN_BINARY), QStringList{QStringLiteral("probe")} + arguments);
    } else {
        process.start(QStringLiteral("ip"), QStringList{QStringLiteral("netns"), QStringLiteral("exec"), netns,
                                                        QStringLiteral(PORTOLAN_BINARY), QStringLiteral("probe")}
                                                + arguments);
    }
    // Spin the event loop while waiting: the test's own HTTP responders must answer.
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 40000))
        return {-1, {}, QStringLiteral("timed out"), clock.elapsed()};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()),
            clock.elapsed()};
}

QString tst_CliProbe::write(const Schema &schema, const QString &name)
{
    const QString file = mDir.filePath(name);
    QString error;
    if (!saveSchemaFile(file, schema, &error))
        qFatal("%s", qPrintable(error));
    return file;
}

Service tst_CliProbe::deployed(const QString &id, const QString &hostId, int port)
{
    Service s;
    s.id = id;
    s.name = id;
    s.hostId = hostId;
    s.plannedPort = port;
    s.actualPort = port;
    s.status = ServiceStatus::Deployed;
    return s;
}

Schema tst_CliProbe::loopbackSchema() const
{
    Schema schema;
    schema.hosts = {Host{QStringLiteral("v4"), QStringLiteral("IPv4 loopback"), QStringLiteral("127.0.0.1"), {}, {}},
                    Host{QStringLiteral("v6"), QStringLiteral("IPv6 loopback"), QStringLiteral("::1"), {}, {}}};
    Service planned = deployed(QStringLiteral("future"), QStringLiteral("v4"), closedPort());
    planned.status = ServiceStatus::Planned;
    schema.services = {deployed(QStringLiteral("web"), QStringLiteral("v4"), mV4.serverPort()),
                       deployed(QStringLiteral("web6"), QStringLiteral("v6"), mV6.serverPort()), planned};
    return schema;
}

QJsonObject tst_CliProbe::serviceIn(const QJsonObject &root, const QString &id)
{
    for (const QJsonValue &v : root.value(QLatin1String("services")).toArray()) {
        if (v.toObject().value(QLatin1String("service")).toString() == id)
            return v.toObject();
    }
    return {};
}

void tst_CliProbe::shouldExitZeroWhenEveryDeployedServiceAnswers()
{
    const QString file = write(loopbackSchema(), QStringLiteral("fine.portolan.json"));
    const Result text = run({file, QStringLiteral("--timeout"), QStringLiteral("500")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("web v4:%1 listening").arg(mV4.serverPort())), qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("web6 v6:%1 listening").arg(mV6.serverPort())));
    QVERIFY(text.out.contains(QStringLiteral("future v4:")));
    QVERIFY(text.out.contains(QStringLiteral("2 of 2 deployed service(s) answered")));

    const Result json = run({file, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--concurrency"),
                             QStringLiteral("1")});
    QCOMPARE(json.exitCode, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(serviceIn(root, QStringLiteral("web")).value(QLatin1String("state")).toString(), QStringLiteral("listening"));
    QCOMPARE(serviceIn(root, QStringLiteral("web6")).value(QLatin1String("port")).toInt(), int(mV6.serverPort()));
    QCOMPARE(serviceIn(root, QStringLiteral("future")).value(QLatin1String("state")).toString(), QStringLiteral("refused"));
    const QJsonObject summary = root.value(QLatin1String("summary")).toObject();
    QCOMPARE(summary.value(QLatin1String("deployed")).toInt(), 2);
    QCOMPARE(summary.value(QLatin1String("answered")).toInt(), 2);
    QCOMPARE(summary.value(QLatin1String("attempts")).toInt(), 3);
    QVERIFY(root.value(QLatin1String("findings")).toArray().isEmpty());
    QVERIFY(QDateTime::fromString(root.value(QLatin1String("checkedAt")).toString(), Qt::ISODate).isValid());

    // Only the chosen host counts.
    const Result onlyV6 = run({file, QStringLiteral("--host"), QStringLiteral("v6"), QStringLiteral("--format"),
                               QStringLiteral("json")});
    QCOMPARE(onlyV6.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(onlyV6.out.toUtf8())
                 .object()
                 .value(QLatin1String("summary"))
                 .toObject()
                 .value(QLatin1String("attempts"))
                 .toInt(),
             1);
}

void tst_CliProbe::shouldExitOneWhenADeployedServiceIsSilent()
{
    Schema schema = loopbackSchema();
    const int closed = closedPort();
    schema.services.append(deployed(QStringLiteral("gone"), QStringLiteral("v4"), closed));
    const QString file = write(schema, QStringLiteral("silent.portolan.json"));

    const Result text = run({file, QStringLiteral("--timeout"), QStringLiteral("500")});
    QCOMPARE(text.exitCode, 1);
    QVERIFY(text.out.contains(QStringLiteral("gone v4:%1 refused").arg(closed)));
    QVERIFY(text.out.contains(QStringLiteral("warning not-listening")));
    QVERIFY(text.out.contains(QStringLiteral("2 of 3 deployed service(s) answered")));

    const Result json = run({file, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(serviceIn(root, QStringLiteral("gone")).value(QLatin1String("state")).toString(), QStringLiteral("refused"));
    QVERIFY(!serviceIn(root, QStringLiteral("gone")).value(QLatin1String("error")).toString().isEmpty());
    const QJsonArray findings = root.value(QLatin1String("findings")).toArray();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().toObject().value(QLatin1String("rule")).toString(), QStringLiteral("not-listening"));
    QCOMPARE(root.value(QLatin1String("summary")).toObject().value(QLatin1String("silent")).toArray(),
             QJsonArray{QStringLiteral("gone")});

    // A host without an address cannot vouch for its services.
    Schema unknown = loopbackSchema();
    unknown.hosts.append(Host{QStringLiteral("far"), QStringLiteral("Far"), QString(), {}, {}});
    unknown.services.append(deployed(QStringLiteral("remote"), QStringLiteral("far"), 3000));
    const Result skipped = run({write(unknown, QStringLiteral("skipped.portolan.json"))});
    QCOMPARE(skipped.exitCode, 1);
    QVERIFY(skipped.out.contains(QStringLiteral("remote far:3000 not probed")));
}

void tst_CliProbe::shouldSweepRangesAndCheckHealth()
{
    HttpResponder http;
    QVERIFY(http.listen(QHostAddress::LocalHost, 0));
    HttpResponder stranger;
    QVERIFY(stranger.listen(QHostAddress::LocalHost, 0));
    Schema schema = loopbackSchema();
    schema.services = {deployed(QStringLiteral("api"), QStringLiteral("v4"), http.serverPort())};
    const QString file = write(schema, QStringLiteral("sweep.portolan.json"));
    const int first = qMin(http.serverPort(), stranger.serverPort());
    const int last = qMax(http.serverPort(), stranger.serverPort());
    if (last - first > 5000)
        QSKIP("the two ephemeral ports are too far apart for a short sweep");
    const Result result = run({file, QStringLiteral("--host"), QStringLiteral("v4"), QStringLiteral("--range"),
                               QStringLiteral("%1-%2").arg(first).arg(last), QStringLiteral("--health"),
                               QStringLiteral("/health"), QStringLiteral("--concurrency"), QStringLiteral("64"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(result.exitCode, 0); // an unknown listener is a warning, not a silent service
    const QJsonObject root = QJsonDocument::fromJson(result.out.toUtf8()).object();
    const QJsonObject api = serviceIn(root, QStringLiteral("api"));
    QCOMPARE(api.value(QLatin1String("health")).toObject().value(QLatin1String("status")).toInt(), 200);
    bool found = false;
    for (const QJsonValue &v : root.value(QLatin1String("unknownListeners")).toArray())
        found = found || v.toObject().value(QLatin1String("port")).toInt() == stranger.serverPort();
    QVERIFY(found);
    found = false;
    for (const QJsonValue &v : root.value(QLatin1String("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        found = found
            || (f.value(QLatin1String("rule")).toString() == QLatin1String("unknown-listener")
                && f.value(QLatin1String("ports")).toArray() == QJsonArray{int(stranger.serverPort())});
    }
    QVERIFY(found);
    QCOMPARE(root.value(QLatin1String("summary")).toObject().value(QLatin1String("attempts")).toInt(), last - first + 1);
    QVERIFY(http.requests >= 1);

    const Result text = run({file, QStringLiteral("--host"), QStringLiteral("v4"), QStringLiteral("--range"),
                             QStringLiteral("%1-%2").arg(first).arg(last), QStringLiteral("--health"),
                             QStringLiteral("/fail")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("HTTP 500")), qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("warning unknown-listener")));
}

void tst_CliProbe::shouldRejectBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString file = QStringLiteral("%FILE%");
    QTest::newRow("no file") << QStringList{} << "expected one FILE";
    QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/x.portolan.json")} << "x.portolan.json";
    QTest::newRow("unknown host") << QStringList{file, QStringLiteral("--host"), QStringLiteral("nope")} << "nope";
    QTest::newRow("bad range") << QStringList{file, QStringLiteral("--range"), QStringLiteral("9-3")} << "9-3";
    QTest::newRow("zero timeout") << QStringList{file, QStringLiteral("--timeout"), QStringLiteral("0")} << "timeout";
    QTest::newRow("word timeout") << QStringList{file, QStringLiteral("--timeout"), QStringLiteral("soon")} << "timeout";
    QTest::newRow("zero concurrency") << QStringList{file, QStringLiteral("--concurrency"), QStringLiteral("0")}
                                      << "concurrency";
    QTest::newRow("huge concurrency") << QStringList{file, QStringLiteral("--concurrency"), QStringLiteral("5000")}
                                      << "concurrency";
    QTest::newRow("format") << QStringList{file, QStringLiteral("--format"), QStringLiteral("xml")} << "xml";
    QTest::newRow("too many attempts") << QStringList{file, QStringLiteral("--range"), QStringLiteral("1-65535")}
                                       << "70000";
    QTest::newRow("prometheus scheme") << QStringList{file, QStringLiteral("--prometheus"), QStringLiteral("ftp://127.0.0.1/")}
                                       << "ftp";
    QTest::newRow("unknown option") << QStringList{file, QStringLiteral("--bogus")} << "bogus";
}

void tst_CliProbe::shouldRejectBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString file = write(loopbackSchema(), QStringLiteral("input.portolan.json"));
    arguments.replaceInStrings(QStringLiteral("%FILE%"), file);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void tst_CliProbe::shouldProbeTheSampleOnLoopback()
{
    // The real plan, with every host pointed at this machine first.
    Schema sample = builtInSample();
    for (Host &h : sample.hosts)
        h.address = QStringLiteral("127.0.0.1");
    const QString file = write(sample, QStringLiteral("sample.portolan.json"));
    const Result result = run({file, QStringLiteral("--timeout"), QStringLiteral("300"), QStringLiteral("--format"),
                               QStringLiteral("json")});
    QVERIFY2(result.exitCode == 0 || result.exitCode == 1, qPrintable(result.err));
    const QJsonObject root = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QVERIFY(root.value(QLatin1String("services")).toArray().size() > 10);
    QCOMPARE(result.exitCode == 0,
             root.value(QLatin1String("summary")).toObject().value(QLatin1String("silent")).toArray().isEmpty());
}

void tst_CliProbe::shouldTimeOutWithinTheBoundInANetworkNamespace()
{
    if (::geteuid() != 0)
        QSKIP("needs root for a network namespace; tst_prober covers timeouts with a full accept queue");
    const QString ns = QStringLiteral("portolan-tst-%1").arg(QCoreApplication::applicationPid());
    auto ip = [](const QStringList &arguments, const QByteArray &input = {}) {
        QProcess p;
        p.start(QStringLiteral("ip"), arguments);
        p.write(input);
        p.closeWriteChannel();
        return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    };
    if (!ip({QStringLiteral("netns"), QStringLiteral("add"), ns}))
        QSKIP("ip netns is not available; tst_prober covers timeouts with a full accept queue");
    struct Cleanup
    {
        std::function<void()> run;
        ~Cleanup() { run(); }
    } cleanup{[&] { ip({QStringLiteral("netns"), QStringLiteral("delete"), ns}); }};

    Schema schema;
    schema.hosts = {Host{QStringLiteral("lo"), QStringLiteral("Namespace loopback"), QStringLiteral("127.0.0.1"), {}, {}}};
    schema.services = {deployed(QStringLiteral("svc"), QStringLiteral("lo"), 20500)};
    const QString file = write(schema, QStringLiteral("netns.portolan.json"));

    // A fresh namespace's loopback is down: no route at all.
    const Result down = run({file, QStringLiteral("--format"), QStringLiteral("json")}, ns);
    QCOMPARE(down.exitCode, 1);
    QCOMPARE(serviceIn(QJsonDocument::fromJson(down.out.toUtf8()).object(), QStringLiteral("svc"))
                 .value(QLatin1String("state"))
                 .toString(),
             QStringLiteral("unreachable"));

    // Loopback up, every SYN dropped: each of 1,000 ports times out.
    QVERIFY(ip({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
                QStringLiteral("up")}));
    if (!ip({QStringLiteral("netns"), QStringLiteral("exec"), ns, QStringLiteral("nft"), QStringLiteral("-f"),
             QStringLiteral("-")},
            "table inet portolan {\n chain input {\n  type filter hook input priority 0; policy accept;\n"
            "  tcp flags syn drop\n }\n}\n"))
        QSKIP("nft is not available in the namespace; tst_prober covers timeouts with a full accept queue");
    const int timeout = 300;
    const int concurrency = 100;
    const Result swept = run({file, QStringLiteral("--range"), QStringLiteral("20000-20999"), QStringLiteral("--timeout"),
                              QString::number(timeout), QStringLiteral("--concurrency"), QString::number(concurrency),
                              QStringLiteral("--format"), QStringLiteral("json")},
                             ns);
    QCOMPARE(swept.exitCode, 1);
    const QJsonObject root = QJsonDocument::fromJson(swept.out.toUtf8()).object();
    const QJsonObject summary = root.value(QLatin1String("summary")).toObject();
    QCOMPARE(summary.value(QLatin1String("attempts")).toInt(), 1000);
    QCOMPARE(summary.value(QLatin1String("listening")).toInt(), 0);
    QCOMPARE(serviceIn(root, QStringLiteral("svc")).value(QLatin1String("state")).toString(), QStringLiteral("timed-out"));
    const int bound = 1000 / concurrency * timeout; // 3 s
    qInfo("1000-port sweep of a silent host via the CLI: %lld ms including start-up (bound %d ms)", swept.elapsedMs,
          bound);
    QVERIFY2(swept.elapsedMs >= bound, qPrintable(QString::number(swept.elapsedMs)));
    QVERIFY2(swept.elapsedMs < bound + 2000, qPrintable(QString::number(swept.elapsedMs)));
}

QTEST_GUILESS_MAIN(tst_CliProbe)
#include "tst_cliprobe.moc"
