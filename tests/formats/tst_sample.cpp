#include "jsonformat.h"

#include <QTest>

using namespace Portolan;

// The built-in sample is the real plan of PORT_SCHEMA.md; spot-check it.
class tst_Sample : public QObject
{
    Q_OBJECT

private slots:
    void shouldHaveTheHostsAndRanges();
    void shouldCarryPlannedAndActualPorts();
    void shouldCarryTheGpuServerDeployments();
    void shouldKeepTheReservations();
    void shouldKeepServicesThatAreNotDeployed();
};

void tst_Sample::shouldHaveTheHostsAndRanges()
{
    const Schema s = builtInSample();
    QCOMPARE(s.hosts.size(), 2);
    QVERIFY(s.host(QStringLiteral("mac-mini")));
    QCOMPARE(s.host(QStringLiteral("windows-gpu-server"))->address, QStringLiteral("192.168.178.11"));
    QCOMPARE(s.ranges.size(), 10);
    bool frontends = false, playground = false;
    for (const PortRange &r : s.ranges) {
        frontends = frontends || (r.first == 5000 && r.last == 5059);
        playground = playground || (r.first == 5050 && r.last == 5059);
    }
    QVERIFY(frontends);
    QVERIFY(playground);
    QCOMPARE(s.principles.size(), 4);
}

void tst_Sample::shouldCarryPlannedAndActualPorts()
{
    const Schema s = builtInSample();
    const Service *credits = s.service(QStringLiteral("mana-credits"));
    QVERIFY(credits);
    QCOMPARE(credits->plannedPort, 3002);
    QCOMPARE(credits->actualPort, 3061);
    QCOMPARE(credits->hostId, QStringLiteral("mac-mini"));
    QCOMPARE(credits->runtime, QStringLiteral("Go"));
    const Service *postgres = s.service(QStringLiteral("postgres"));
    QCOMPARE(postgres->plannedPort, 5432);
    QCOMPARE(s.range(postgres->rangeId)->first, 9000);
}

void tst_Sample::shouldCarryTheGpuServerDeployments()
{
    const Schema s = builtInSample();
    const Service *stt = s.service(QStringLiteral("mana-stt"));
    QVERIFY(stt);
    QCOMPARE(stt->actualPort, 3020);
    QCOMPARE(stt->plannedPort, 3021);
    QCOMPARE(stt->hostId, QStringLiteral("windows-gpu-server"));
    QCOMPARE(stt->deployment, QStringLiteral("Scheduled Task ManaSTT"));
    QCOMPARE(stt->publicHostname, QStringLiteral("gpu-stt.mana.how"));
    QCOMPARE(stt->status, ServiceStatus::Deployed);
}

void tst_Sample::shouldKeepTheReservations()
{
    const Schema s = builtInSample();
    for (int port = 3006; port <= 3009; ++port) {
        const Reservation *r = s.reservationAt(port);
        QVERIFY(r);
        QCOMPARE(r->first, 3006);
        QCOMPARE(r->last, 3009);
    }
    QVERIFY(!s.reservationAt(3005));
    QVERIFY(s.reservationAt(3017) && s.reservationAt(3019) && !s.reservationAt(3018));
}

void tst_Sample::shouldKeepServicesThatAreNotDeployed()
{
    const Schema s = builtInSample();
    const Service *bot = s.service(QStringLiteral("mana-voice-bot"));
    QVERIFY(bot);
    QCOMPARE(bot->status, ServiceStatus::NotDeployed);
    QCOMPARE(bot->plannedPort, 3024);
    QCOMPARE(bot->actualPort, 0);
    QVERIFY(bot->hostId.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Sample)
#include "tst_sample.moc"
