#include "jsonformat.h"
#include "portallocator.h"

#include <QTest>

using namespace Portolan;

class TestPortAllocator : public QObject
{
    Q_OBJECT

private slots:
    void shouldFindTheFirstFreePortOfTheSample()
    {
        const Schema schema = builtInSample();
        QCOMPARE(nextFreePort(schema, QStringLiteral("core-platform-services")), 3000);
        // 3010-3016 and 3018 are planned, 3017 and 3019 reserved.
        QCOMPARE(nextFreePort(schema, QStringLiteral("core-infrastructure-services")), 0);
        QCOMPARE(nextFreePort(schema, QStringLiteral("web-frontends-sveltekit")), 5001);
        QCOMPARE(nextFreePort(schema, QStringLiteral("no-such-range")), 0);
    }

    void shouldHonourReservationsHostsAndNestedRanges()
    {
        Schema schema;
        schema.ranges = {PortRange{QStringLiteral("web"), 100, 119, {}, {}, {}, {}},
                         PortRange{QStringLiteral("play"), 110, 119, {}, {}, {}, {}}};
        schema.reservations = {Reservation{101, 102, QStringLiteral("web"), {}}};
        Service planned;
        planned.id = QStringLiteral("a");
        planned.plannedPort = 100;
        Service running;
        running.id = QStringLiteral("b");
        running.hostId = QStringLiteral("h1");
        running.actualPort = 103;
        schema.services = {planned, running};
        // 103 is taken on h1 only.
        QCOMPARE(nextFreePort(schema, QStringLiteral("web"), QStringLiteral("h1")), 104);
        QCOMPARE(nextFreePort(schema, QStringLiteral("web"), QStringLiteral("h2")), 103);
        // No host: every host's actual ports count.
        QCOMPARE(nextFreePort(schema, QStringLiteral("web")), 104);
        QCOMPARE(nextFreePort(schema, QStringLiteral("play")), 110);
        for (int p = 104; p <= 109; ++p) {
            Service s;
            s.id = QStringLiteral("s%1").arg(p);
            s.plannedPort = p;
            schema.services.append(s);
        }
        // The nested range's ports are not the parent's to give away.
        QCOMPARE(nextFreePort(schema, QStringLiteral("web"), QStringLiteral("h2")), 103);
        QCOMPARE(nextFreePort(schema, QStringLiteral("web"), QStringLiteral("h1")), 0);
    }
};

QTEST_GUILESS_MAIN(TestPortAllocator)
#include "tst_portallocator.moc"
