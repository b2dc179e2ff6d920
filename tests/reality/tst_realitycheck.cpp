#include "loopback.h"
#include "analyzer.h"
#include "observation.h"
#include "problemsmodel.h"
#include "realitycheck.h"
#include "realitycheckdialog.h"
#include "schemadocument.h"
#include "servicetablemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Portolan;
using namespace Portolan::Test;

// A whole reality check on a schema whose hosts are 127.0.0.1 and ::1:
// states per service, findings, range sweeps, and a window that never freezes.
class tst_RealityCheck : public QObject
{
    Q_OBJECT

private slots:
    void shouldGiveEachServiceItsState();
    void shouldSweepARangeForUnknownListeners();
    void shouldProbeOnlyTheDocumentsHostsAndRefuseHugeSweeps();
    void shouldParsePortSpans_data();
    void shouldParsePortSpans();
    void shouldShowObservationsInTheLiveColumn();
    void shouldListProbeFindingsAmongTheProblems();
    void shouldKeepTheWindowResponsiveDuringAThousandPortSweep();
    void shouldCancelFromTheDialogWithin100ms();

private:
    static Host host(const QString &id, const QString &address)
    {
        return Host{id, id.toUpper(), address, {}, {}};
    }
    static Service deployed(const QString &id, const QString &hostId, int port)
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
    static Observations runCheck(const Schema &schema, const RealityCheckOptions &options)
    {
        RealityCheck check;
        QSignalSpy finished(&check, &RealityCheck::finished);
        QString error;
        if (!check.start(schema, options, &error)) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        if (!finished.wait(30000))
            qWarning("reality check did not finish");
        return check.observations();
    }
    // Listens on `count` consecutive free ports starting somewhere above 20000.
    static int freeBlock(int count)
    {
        for (int attempt = 0; attempt < 50; ++attempt) {
            const int base = 20000 + QRandomGenerator::global()->bounded(20000);
            bool free = true;
            for (int p = base; p < base + count && free; ++p) {
                QTcpServer probe;
                free = probe.listen(QHostAddress::LocalHost, quint16(p));
            }
            if (free)
                return base;
        }
        return 0;
    }
};

void tst_RealityCheck::shouldGiveEachServiceItsState()
{
    QTcpServer v4;
    QTcpServer v6;
    QVERIFY(v4.listen(QHostAddress::LocalHost, 0));
    QVERIFY(v6.listen(QHostAddress::LocalHostIPv6, 0));
    BlackHole hole;
    QVERIFY(hole.open());

    Schema schema;
    schema.hosts = {host(QStringLiteral("v4"), QStringLiteral("127.0.0.1")), host(QStringLiteral("v6"), QStringLiteral("::1")),
                    host(QStringLiteral("bad"), QStringLiteral("not a host name")), host(QStringLiteral("none"), {})};
    Service udp = deployed(QStringLiteral("dns"), QStringLiteral("v4"), 53);
    udp.protocol = Protocol::Udp;
    Service planned = deployed(QStringLiteral("future"), QStringLiteral("v4"), closedPort());
    planned.status = ServiceStatus::Planned;
    planned.actualPort = 0;
    schema.services = {deployed(QStringLiteral("web"), QStringLiteral("v4"), v4.serverPort()),
                       deployed(QStringLiteral("web6"), QStringLiteral("v6"), v6.serverPort()),
                       deployed(QStringLiteral("gone"), QStringLiteral("v4"), closedPort()),
                       deployed(QStringLiteral("gone6"), QStringLiteral("v6"), closedPort(QHostAddress::LocalHostIPv6)),
                       deployed(QStringLiteral("stuck"), QStringLiteral("v4"), hole.port()),
                       deployed(QStringLiteral("lost"), QStringLiteral("bad"), 80),
                       deployed(QStringLiteral("nowhere"), QStringLiteral("none"), 80),
                       udp,
                       planned};

    RealityCheckOptions options;
    options.timeoutMs = 400;
    const Observations o = runCheck(schema, options);
    QVERIFY(!o.isEmpty());
    QVERIFY(!o.cancelled);
    auto state = [&o](const char *id) { return o.services.value(QLatin1String(id)).state; };
    QCOMPARE(state("web"), ProbeState::Listening);
    QCOMPARE(state("web6"), ProbeState::Listening);
    QCOMPARE(state("gone"), ProbeState::Refused);
    QCOMPARE(state("gone6"), ProbeState::Refused);
    QCOMPARE(state("stuck"), ProbeState::TimedOut);
    QCOMPARE(state("lost"), ProbeState::HostNotFound);
    QCOMPARE(state("nowhere"), ProbeState::NotProbed);
    QCOMPARE(state("dns"), ProbeState::NotProbed);
    QCOMPARE(state("future"), ProbeState::Refused);
    QVERIFY(!o.services.value(QStringLiteral("nowhere")).error.isEmpty());
    QCOMPARE(o.attempts, 7);
    QCOMPARE(o.listening, 2);

    // Deployed services that did not answer are findings; a planned one is not.
    QStringList notListening;
    for (const Finding &f : o.findings) {
        QCOMPARE(f.rule, QStringLiteral("not-listening"));
        QCOMPARE(f.severity, Severity::Warning);
        notListening += f.serviceIds;
    }
    notListening.sort();
    QCOMPARE(notListening, QStringList({QStringLiteral("gone"), QStringLiteral("gone6"), QStringLiteral("lost"),
                                        QStringLiteral("stuck")}));
    QStringList silent = RealityCheck::silentDeployedServices(schema, o);
    silent.sort();
    QCOMPARE(silent, QStringList({QStringLiteral("gone"), QStringLiteral("gone6"), QStringLiteral("lost"),
                                  QStringLiteral("nowhere"), QStringLiteral("stuck")}));

    // Rule settings apply to these findings too.
    schema.ruleSettings.rules.insert(QStringLiteral("not-listening"), RuleSetting{true, true, Severity::Error});
    options.hostIds = {QStringLiteral("v4")};
    const Observations again = runCheck(schema, options);
    QCOMPARE(again.findings.size(), 2);
    QCOMPARE(again.findings.first().severity, Severity::Error);
    QVERIFY(!again.services.contains(QStringLiteral("web6")));
}

void tst_RealityCheck::shouldSweepARangeForUnknownListeners()
{
    const int base = freeBlock(20);
    QVERIFY(base > 0);
    QTcpServer planned;
    QTcpServer stranger;
    QTcpServer oldPort;
    QVERIFY(planned.listen(QHostAddress::LocalHost, quint16(base + 2)));
    QVERIFY(stranger.listen(QHostAddress::LocalHost, quint16(base + 5)));
    QVERIFY(oldPort.listen(QHostAddress::LocalHost, quint16(base + 11)));

    Schema schema;
    schema.hosts = {host(QStringLiteral("lo"), QStringLiteral("127.0.0.1"))};
    Service moved = deployed(QStringLiteral("moved"), QStringLiteral("lo"), base + 12);
    moved.plannedPort = base + 11; // the plan knows this port, so a listener there is no stranger
    schema.services = {deployed(QStringLiteral("api"), QStringLiteral("lo"), base + 2),
                       deployed(QStringLiteral("silent"), QStringLiteral("lo"), base + 8), moved};

    RealityCheckOptions options;
    options.hostIds = {QStringLiteral("lo")};
    options.scanRanges = {PortSpan{base, base + 19}};
    options.timeoutMs = 500;
    const Observations o = runCheck(schema, options);
    QCOMPARE(o.attempts, 20); // service ports are not connected to twice
    QCOMPARE(o.services.value(QStringLiteral("api")).state, ProbeState::Listening);
    QCOMPARE(o.services.value(QStringLiteral("silent")).state, ProbeState::Refused);

    QList<int> unknownPorts;
    for (const ProbeResult &r : o.unknownListeners)
        unknownPorts.append(r.target.port);
    QVERIFY(unknownPorts.contains(base + 5));
    QVERIFY(!unknownPorts.contains(base + 2));
    QVERIFY(!unknownPorts.contains(base + 11));

    bool strangerFound = false;
    QStringList notListening;
    for (const Finding &f : o.findings) {
        if (f.rule == QLatin1String("unknown-listener") && f.ports == QList<int>{base + 5}) {
            strangerFound = true;
            QCOMPARE(f.hostIds, QStringList{QStringLiteral("lo")});
            QCOMPARE(f.severity, Severity::Warning);
        }
        if (f.rule == QLatin1String("not-listening"))
            notListening += f.serviceIds;
    }
    QVERIFY(strangerFound);
    notListening.sort();
    QCOMPARE(notListening, QStringList({QStringLiteral("moved"), QStringLiteral("silent")}));
}

void tst_RealityCheck::shouldProbeOnlyTheDocumentsHostsAndRefuseHugeSweeps()
{
    Schema schema;
    schema.hosts = {host(QStringLiteral("a"), QStringLiteral("127.0.0.1")), host(QStringLiteral("b"), QStringLiteral("::1")),
                    host(QStringLiteral("c"), {})};
    schema.services = {deployed(QStringLiteral("x"), QStringLiteral("a"), 3000),
                       deployed(QStringLiteral("y"), QStringLiteral("b"), 3000),
                       deployed(QStringLiteral("z"), QStringLiteral("c"), 3000)};
    QString error;
    RealityCheckOptions options;
    std::optional<ProbePlan> plan = RealityCheck::plan(schema, options, &error);
    QVERIFY(plan);
    QCOMPARE(plan->targets.size(), 2);
    for (const ProbeTarget &t : plan->targets)
        QVERIFY(t.address == QLatin1String("127.0.0.1") || t.address == QLatin1String("::1"));
    QVERIFY(plan->skipped.contains(QStringLiteral("z")));

    options.hostIds = {QStringLiteral("nope")};
    QVERIFY(!RealityCheck::plan(schema, options, &error));
    QVERIFY(error.contains(QStringLiteral("nope")));
    options.hostIds = {QStringLiteral("c")};
    QVERIFY(!RealityCheck::plan(schema, options, &error));

    options.hostIds = {QStringLiteral("a")};
    options.scanRanges = {PortSpan{1, 65535}};
    plan = RealityCheck::plan(schema, options, &error);
    QVERIFY(plan);
    QCOMPARE(plan->targets.size(), 65535);
    options.hostIds = {QStringLiteral("a"), QStringLiteral("b")};
    QVERIFY(!RealityCheck::plan(schema, options, &error));
    QVERIFY(error.contains(QString::number(Prober::MaxAttempts)));
    options.scanRanges = {PortSpan{10, 5}};
    QVERIFY(!RealityCheck::plan(schema, options, &error));
}

void tst_RealityCheck::shouldParsePortSpans_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::newRow("range") << "3000-3099" << 3000 << 3099;
    QTest::newRow("spaces") << " 3000 - 3099 " << 3000 << 3099;
    QTest::newRow("single") << "8080" << 8080 << 8080;
    QTest::newRow("whole") << "1-65535" << 1 << 65535;
    QTest::newRow("reversed") << "3099-3000" << 0 << 0;
    QTest::newRow("zero") << "0-10" << 0 << 0;
    QTest::newRow("too big") << "65000-65536" << 0 << 0;
    QTest::newRow("words") << "web" << 0 << 0;
    QTest::newRow("empty") << "" << 0 << 0;
}

void tst_RealityCheck::shouldParsePortSpans()
{
    QFETCH(QString, text);
    QFETCH(int, first);
    QFETCH(int, last);
    const std::optional<PortSpan> span = PortSpan::parse(text);
    QCOMPARE(bool(span), first > 0);
    if (span) {
        QCOMPARE(span->first, first);
        QCOMPARE(span->last, last);
    }
}

void tst_RealityCheck::shouldShowObservationsInTheLiveColumn()
{
    Schema schema;
    schema.hosts = {host(QStringLiteral("lo"), QStringLiteral("127.0.0.1"))};
    schema.services = {deployed(QStringLiteral("a"), QStringLiteral("lo"), 3001),
                       deployed(QStringLiteral("b"), QStringLiteral("lo"), 3002)};
    SchemaDocument document(schema);
    ServiceTableModel model(&document);
    QAbstractItemModelTester tester(&model);
    ObservationStore store;
    model.setObservationStore(&store);
    const QModelIndex liveB = model.index(1, ServiceTableModel::LiveColumn);
    QVERIFY(liveB.data().toString().isEmpty());
    QVERIFY(!(model.flags(liveB) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(liveB, QStringLiteral("listening")));

    Observations o;
    o.checkedAt = QDateTime::currentDateTime();
    ServiceObservation b;
    b.serviceId = QStringLiteral("b");
    b.hostId = QStringLiteral("lo");
    b.port = 3002;
    b.state = ProbeState::Refused;
    b.error = QStringLiteral("Connection refused");
    b.checkedAt = o.checkedAt;
    o.services.insert(b.serviceId, b);

    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    store.setObservations(o);
    // Only the row that changed, only the Live cell.
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(dataChanged.first().at(0).toModelIndex(), liveB);
    QCOMPARE(dataChanged.first().at(1).toModelIndex(), liveB);
    QVERIFY(liveB.data().toString().contains(probeStateDisplayName(ProbeState::Refused)));
    QCOMPARE(liveB.data(ServiceTableModel::LiveStateRole).toInt(), int(ProbeState::Refused));
    QVERIFY(liveB.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Connection refused")));
    QVERIFY(model.index(0, ServiceTableModel::LiveColumn).data().toString().isEmpty());
    QVERIFY(model.headerData(ServiceTableModel::LiveColumn, Qt::Horizontal).toString().contains(QLatin1Char('(')));
    // Live data is kept apart from the plan: the document is untouched.
    QCOMPARE(document.schema(), schema);
    QVERIFY(!document.isModified());

    dataChanged.clear();
    store.clear();
    QCOMPARE(dataChanged.count(), 1);
    QVERIFY(liveB.data().toString().isEmpty());
}

void tst_RealityCheck::shouldListProbeFindingsAmongTheProblems()
{
    Schema schema;
    schema.hosts = {host(QStringLiteral("lo"), QStringLiteral("127.0.0.1"))};
    schema.services = {deployed(QStringLiteral("gone"), QStringLiteral("lo"), closedPort())};
    SchemaDocument document(schema);
    Analyzer analyzer(&document);
    ProblemsModel problems(&analyzer);
    QAbstractItemModelTester tester(&problems);
    ObservationStore store;
    problems.setObservationStore(&store);
    const int before = problems.rowCount();

    RealityCheckOptions options;
    options.timeoutMs = 500;
    store.setObservations(runCheck(schema, options));
    QCOMPARE(problems.rowCount(), before + 1);
    bool found = false;
    for (int row = 0; row < problems.rowCount(); ++row)
        found = found || problems.finding(row).rule == QLatin1String("not-listening");
    QVERIFY(found);
    analyzer.reanalyze(); // a reload keeps them
    QCOMPARE(problems.rowCount(), before + 1);
    store.clear();
    QCOMPARE(problems.rowCount(), before);
}

void tst_RealityCheck::shouldKeepTheWindowResponsiveDuringAThousandPortSweep()
{
    BlackHole hole;
    QVERIFY(hole.open());
    const int base = freeBlock(1); // somewhere to start a 1,000-port sweep of 127.0.0.1
    QVERIFY(base > 0);
    Schema schema;
    schema.hosts = {host(QStringLiteral("lo"), QStringLiteral("127.0.0.1"))};
    schema.services = {deployed(QStringLiteral("stuck"), QStringLiteral("lo"), hole.port())};
    SchemaDocument document(schema);
    ObservationStore store;
    RealityCheckDialog dialog(&document, &store);
    dialog.show();
    RealityCheckOptions options;
    options.hostIds = {QStringLiteral("lo")};
    options.scanRanges = {PortSpan{base, base + 999}};
    options.timeoutMs = 1000; // the black-holed service keeps the sweep busy for a second
    options.concurrency = 16;
    dialog.setOptions(options);
    QCOMPARE(dialog.options().scanRanges, options.scanRanges);
    QVERIFY(dialog.startButton()->isEnabled());

    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worstGap = 0;
    int ticks = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    connect(&heartbeat, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        worstGap = qMax(worstGap, now - last);
        last = now;
        ++ticks;
    });
    QSignalSpy finished(&dialog, &RealityCheckDialog::checkFinished);
    clock.start();
    heartbeat.start();
    QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
    QVERIFY(dialog.check()->isRunning());
    QVERIFY(dialog.cancelButton()->isEnabled());
    QVERIFY(finished.wait(20000));
    heartbeat.stop();
    const qint64 total = clock.elapsed();
    qInfo("1000-port sweep: %lld ms, heartbeat ticks %d, worst gap %lld ms", total, ticks, worstGap);
    // A blocking sweep would stall the heartbeat for the whole second; the
    // slack only absorbs a machine busy with other builds.
    QVERIFY2(worstGap < 250, qPrintable(QString::number(worstGap)));
    QVERIFY2(ticks >= total / 10 / 3, qPrintable(QString::number(ticks)));
    // The sweep plus the service's own port, which lies outside it.
    QCOMPARE(dialog.progressBar()->value(), 1001);
    QCOMPARE(dialog.progressBar()->maximum(), 1001);
    QCOMPARE(store.observations().attempts, 1001);
    QCOMPARE(store.forService(QStringLiteral("stuck"))->state, ProbeState::TimedOut);
    QVERIFY(dialog.resultText().contains(QStringLiteral("not-listening")));
    QVERIFY(dialog.startButton()->isEnabled());
}

void tst_RealityCheck::shouldCancelFromTheDialogWithin100ms()
{
    BlackHole hole;
    QVERIFY(hole.open());
    Schema schema;
    // Two hundred names for one black-holed listener: 200 silent attempts.
    for (int i = 0; i < 200; ++i) {
        const QString id = QStringLiteral("h%1").arg(i);
        schema.hosts.append(host(id, QStringLiteral("127.0.0.1")));
        schema.services.append(deployed(QStringLiteral("s%1").arg(i), id, hole.port()));
    }
    SchemaDocument document(schema);
    ObservationStore store;
    RealityCheckDialog dialog(&document, &store);
    dialog.show();
    RealityCheckOptions options;
    for (const Host &h : schema.hosts)
        options.hostIds.append(h.id);
    dialog.setOptions(options); // defaults: 1.5 s, 32 at a time: 10 s if left alone
    QSignalSpy finished(&dialog, &RealityCheckDialog::checkFinished);
    QVERIFY(dialog.start());
    QTest::qWait(400);
    QVERIFY(dialog.check()->isRunning());

    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(100));
    const qint64 latency = clock.elapsed();
    qInfo("dialog cancel latency: %lld ms", latency);
    QVERIFY2(latency < 100, qPrintable(QString::number(latency)));
    QVERIFY(store.observations().cancelled);
    QVERIFY(!dialog.check()->isRunning());
    QVERIFY(dialog.startButton()->isEnabled());
    QVERIFY(!dialog.cancelButton()->isEnabled());
    // Services whose turn never came are not reported as silent.
    int notProbed = 0;
    for (const ServiceObservation &o : store.observations().services)
        notProbed += o.state == ProbeState::NotProbed ? 1 : 0;
    QVERIFY(notProbed >= 200 - 64);
    for (const Finding &f : store.findings())
        QVERIFY(store.forService(f.serviceIds.first())->state != ProbeState::NotProbed);
}

QTEST_MAIN(tst_RealityCheck)
#include "tst_realitycheck.moc"
