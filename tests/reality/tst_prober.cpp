#include "loopback.h"
#include "prober.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Portolan;
using namespace Portolan::Test;

// TCP connects and HTTP health checks against listeners this test starts on
// 127.0.0.1 and ::1; nothing leaves the machine.
class tst_Prober : public QObject
{
    Q_OBJECT

private slots:
    void shouldTellListeningFromRefused();
    void shouldNotResolveMalformedNames();
    void shouldTimeOutOnABlackHole();
    void shouldFinishAThousandSilentAttemptsWithinTheBound();
    void shouldStopWithin100msWhenCancelled();
    void shouldRefuseTooManyAttempts();
    void shouldCheckHttpHealth();
    void shouldEndAHealthCheckThatTricklesOrFloodsWithinTheDeadline();
    void shouldEndTheRunAtItsDeadline();

private:
    static ProbeTarget target(const QString &address, int port, const QString &healthPath = {})
    {
        ProbeTarget t;
        t.hostId = QStringLiteral("h");
        t.address = address;
        t.port = port;
        t.healthPath = healthPath;
        return t;
    }
    // Runs to the end and returns the results by target port and address.
    static QList<ProbeResult> run(Prober &prober, const QList<ProbeTarget> &targets, int waitMs = 20000)
    {
        QList<ProbeResult> results;
        connect(&prober, &Prober::resultReady, &prober, [&results](const ProbeResult &r) { results.append(r); });
        QSignalSpy finished(&prober, &Prober::finished);
        QString error;
        if (!prober.start(targets, &error))
            qWarning("%s", qPrintable(error));
        if (!finished.wait(waitMs))
            qWarning("prober did not finish");
        return results;
    }
    static ProbeState stateOf(const QList<ProbeResult> &results, const QString &address, int port)
    {
        for (const ProbeResult &r : results) {
            if (r.target.address == address && r.target.port == port)
                return r.state;
        }
        return ProbeState::NotProbed;
    }
};

void tst_Prober::shouldTellListeningFromRefused()
{
    QTcpServer v4;
    QTcpServer v6;
    QVERIFY(v4.listen(QHostAddress::LocalHost, 0));
    QVERIFY(v6.listen(QHostAddress::LocalHostIPv6, 0));
    const int closed4 = closedPort(QHostAddress::LocalHost);
    const int closed6 = closedPort(QHostAddress::LocalHostIPv6);
    QVERIFY(closed4 > 0 && closed6 > 0);

    Prober prober;
    const QString lo4 = QStringLiteral("127.0.0.1");
    const QString lo6 = QStringLiteral("::1");
    const QList<ProbeResult> results
        = run(prober, {target(lo4, v4.serverPort()), target(lo6, v6.serverPort()), target(lo4, closed4),
                       target(lo6, closed6), target(QStringLiteral("localhost"), v4.serverPort())});
    QCOMPARE(results.size(), 5);
    QCOMPARE(stateOf(results, lo4, v4.serverPort()), ProbeState::Listening);
    QCOMPARE(stateOf(results, lo6, v6.serverPort()), ProbeState::Listening);
    QCOMPARE(stateOf(results, lo4, closed4), ProbeState::Refused);
    QCOMPARE(stateOf(results, lo6, closed6), ProbeState::Refused);
    QCOMPARE(prober.listeningCount(), 2 + int(stateOf(results, QStringLiteral("localhost"), v4.serverPort())
                                                  == ProbeState::Listening));
    for (const ProbeResult &r : results) {
        QVERIFY(r.latencyMs >= 0);
        QCOMPARE(r.error.isEmpty(), r.state == ProbeState::Listening);
    }
}

void tst_Prober::shouldNotResolveMalformedNames()
{
    QVERIFY(Prober::isValidAddress(QStringLiteral("127.0.0.1")));
    QVERIFY(Prober::isValidAddress(QStringLiteral("::1")));
    QVERIFY(Prober::isValidAddress(QStringLiteral("mac-mini.local")));
    QVERIFY(!Prober::isValidAddress(QStringLiteral("no such host!")));
    QVERIFY(!Prober::isValidAddress(QStringLiteral("-bad-.example")));
    QVERIFY(!Prober::isValidAddress(QString()));

    Prober prober;
    const QList<ProbeResult> results = run(prober, {target(QStringLiteral("no such host!"), 80)});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().state, ProbeState::HostNotFound);
    QVERIFY(!results.first().error.isEmpty());
}

void tst_Prober::shouldTimeOutOnABlackHole()
{
    BlackHole hole;
    QVERIFY(hole.open());
    Prober prober;
    prober.setTimeout(300);
    QElapsedTimer clock;
    clock.start();
    const QList<ProbeResult> results = run(prober, {target(QStringLiteral("127.0.0.1"), hole.port())});
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().state, ProbeState::TimedOut);
    QVERIFY2(elapsed >= 290 && elapsed < 300 + 250, qPrintable(QString::number(elapsed)));
}

void tst_Prober::shouldFinishAThousandSilentAttemptsWithinTheBound()
{
    BlackHole hole;
    QVERIFY(hole.open());
    const int timeout = 250;
    const int concurrency = 100;
    QList<ProbeTarget> targets;
    for (int i = 0; i < 1000; ++i)
        targets.append(target(QStringLiteral("127.0.0.1"), hole.port()));
    Prober prober;
    prober.setTimeout(timeout);
    prober.setConcurrency(concurrency);
    QElapsedTimer clock;
    clock.start();
    const QList<ProbeResult> results = run(prober, targets);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(results.size(), 1000);
    for (const ProbeResult &r : results)
        QCOMPARE(r.state, ProbeState::TimedOut);
    const int bound = 1000 / concurrency * timeout; // 2.5 s
    qInfo("1000 silent attempts, concurrency %d, timeout %d ms: %lld ms (bound %d ms)", concurrency, timeout,
          elapsed, bound);
    QVERIFY2(elapsed >= bound - 10, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < bound + 750, qPrintable(QString::number(elapsed)));
}

void tst_Prober::shouldStopWithin100msWhenCancelled()
{
    BlackHole hole;
    QVERIFY(hole.open());
    QList<ProbeTarget> targets;
    for (int i = 0; i < 1000; ++i)
        targets.append(target(QStringLiteral("127.0.0.1"), hole.port()));
    Prober prober; // defaults: 32 at a time, 1.5 s each: ~47 s if left alone
    int results = 0;
    connect(&prober, &Prober::resultReady, this, [&results] { ++results; });
    QSignalSpy finished(&prober, &Prober::finished);
    QVERIFY(prober.start(targets));
    QTest::qWait(300);
    QVERIFY(prober.isRunning());

    QElapsedTimer clock;
    clock.start();
    prober.cancel();
    QVERIFY(finished.count() == 1 || finished.wait(100));
    const qint64 latency = clock.elapsed();
    qInfo("cancel latency: %lld ms", latency);
    QVERIFY2(latency < 100, qPrintable(QString::number(latency)));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!prober.isRunning());

    // Nothing trickles in afterwards: every attempt is gone.
    const int seen = results;
    QTest::qWait(1700);
    QCOMPARE(results, seen);
    QCOMPARE(finished.count(), 1);
}

void tst_Prober::shouldRefuseTooManyAttempts()
{
    Prober prober;
    QList<ProbeTarget> targets(Prober::MaxAttempts + 1, target(QStringLiteral("127.0.0.1"), 1));
    QString error;
    QVERIFY(!prober.start(targets, &error));
    QVERIFY(error.contains(QString::number(Prober::MaxAttempts)));
    QVERIFY(!prober.isRunning());

    prober.setConcurrency(100000);
    QCOMPARE(prober.concurrency(), Prober::MaxConcurrency);
    prober.setTimeout(0);
    QCOMPARE(prober.timeout(), Prober::MinTimeoutMs);
}

void tst_Prober::shouldCheckHttpHealth()
{
    HttpResponder http;
    http.slowMs = 2000;
    QVERIFY(http.listen(QHostAddress::LocalHost, 0));
    HttpResponder http6;
    QVERIFY(http6.listen(QHostAddress::LocalHostIPv6, 0));
    const int port = http.serverPort();

    Prober prober;
    prober.setTimeout(500);
    const QString lo = QStringLiteral("127.0.0.1");
    QList<ProbeTarget> targets = {target(lo, port, QStringLiteral("/ok")), target(lo, port, QStringLiteral("fail")),
                                  target(lo, port, QStringLiteral("/slow")),
                                  target(QStringLiteral("::1"), http6.serverPort(), QStringLiteral("/health?full=1"))};
    QElapsedTimer clock;
    clock.start();
    const QList<ProbeResult> results = run(prober, targets);
    QVERIFY2(clock.elapsed() < 1500, "the slow responder is cut off by the timeout");
    QCOMPARE(results.size(), 4);
    QHash<QString, HealthResult> byPath;
    for (const ProbeResult &r : results) {
        QCOMPARE(r.state, ProbeState::Listening);
        QVERIFY(r.health.checked);
        byPath.insert(r.target.healthPath, r.health);
    }
    QCOMPARE(byPath.value(QStringLiteral("/ok")).httpStatus, 200);
    QVERIFY(byPath.value(QStringLiteral("/ok")).isHealthy());
    QVERIFY(byPath.value(QStringLiteral("/ok")).latencyMs >= 0);
    QCOMPARE(byPath.value(QStringLiteral("fail")).httpStatus, 500);
    QVERIFY(!byPath.value(QStringLiteral("fail")).isHealthy());
    QCOMPARE(byPath.value(QStringLiteral("/slow")).httpStatus, 0);
    QVERIFY(!byPath.value(QStringLiteral("/slow")).error.isEmpty());
    QCOMPARE(byPath.value(QStringLiteral("/health?full=1")).httpStatus, 200);
}

void tst_Prober::shouldEndAHealthCheckThatTricklesOrFloodsWithinTheDeadline()
{
    HostileResponder trickle(HostileResponder::Mode::Trickle);
    HostileResponder flood(HostileResponder::Mode::Flood);
    QVERIFY(trickle.listen(QHostAddress::LocalHost, 0));
    QVERIFY(flood.listen(QHostAddress::LocalHost, 0));
    Prober prober;
    prober.setTimeout(500);
    const QString lo = QStringLiteral("127.0.0.1");
    QElapsedTimer clock;
    clock.start();
    const QList<ProbeResult> results = run(prober, {target(lo, trickle.serverPort(), QStringLiteral("/health")),
                                                    target(lo, flood.serverPort(), QStringLiteral("/health"))});
    const qint64 elapsed = clock.elapsed();
    qInfo("trickle and flood ended after %lld ms; the flood sent %lld KB", elapsed, flood.bytesSent / 1024);
    // One timeout for the connect, one for the whole answer; the trickle
    // alone would take 30 s, so this bound is a kill-timeout, not a timing.
    QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
    QCOMPARE(results.size(), 2);
    for (const ProbeResult &r : results) {
        QCOMPARE(r.state, ProbeState::Listening);
        QVERIFY(r.health.checked);
        QCOMPARE(r.health.httpStatus, 0);
        QVERIFY(!r.health.isHealthy());
        if (r.target.port == trickle.serverPort())
            QVERIFY2(r.health.error.contains(QLatin1String("no complete HTTP answer")), qPrintable(r.health.error));
        else
            QVERIFY2(r.health.error.contains(QLatin1String("larger than")), qPrintable(r.health.error));
    }
    QVERIFY(trickle.bytesSent < 10);
    QVERIFY(flood.bytesSent < 64 * 1024 * 1024);
}

void tst_Prober::shouldEndTheRunAtItsDeadline()
{
    HostileResponder trickle(HostileResponder::Mode::Trickle);
    QVERIFY(trickle.listen(QHostAddress::LocalHost, 0));
    Prober prober;
    prober.setTimeout(5000);
    prober.setConcurrency(1);
    prober.setRunDeadline(800);
    const QString lo = QStringLiteral("127.0.0.1");
    QElapsedTimer clock;
    clock.start();
    const QList<ProbeResult> results = run(prober, {target(lo, trickle.serverPort(), QStringLiteral("/health")),
                                                    target(lo, trickle.serverPort(), QStringLiteral("/health"))});
    const qint64 elapsed = clock.elapsed();
    // Without the run's deadline the first probe alone would take its 5 s.
    QVERIFY2(elapsed >= 700 && elapsed < 4500, qPrintable(QString::number(elapsed)));
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).state, ProbeState::Listening);
    QVERIFY2(results.at(0).health.error.contains(QLatin1String("deadline")), qPrintable(results.at(0).health.error));
    QCOMPARE(results.at(1).state, ProbeState::NotProbed);
    QVERIFY(!prober.isRunning());

    // Without a deadline set, the run's bound follows from the timeout and concurrency.
    Prober defaults;
    defaults.setTimeout(1000);
    defaults.setConcurrency(10);
    QCOMPARE(defaults.runDeadline(), 3000); // one round: connect + answer, plus one timeout
}

QTEST_GUILESS_MAIN(tst_Prober)
#include "tst_prober.moc"
