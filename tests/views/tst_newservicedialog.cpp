#include "jsonformat.h"
#include "newservicedialog.h"
#include "portallocator.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Portolan;

class tst_NewServiceDialog : public QObject
{
    Q_OBJECT

private slots:
    void shouldProposeTheOnlyFreePortOfCorePlatform();
    void shouldSayAFullRangeIsFullAndOfferAnother();
    void shouldWarnLiveAboutFindings();
    void shouldNeverProposeAReservedOrUsedPort();
};

void tst_NewServiceDialog::shouldProposeTheOnlyFreePortOfCorePlatform()
{
    // 3001-3005 planned, 3006-3009 reserved: 3000 is all that is left.
    NewServiceDialog dialog(builtInSample());
    dialog.setRange(QStringLiteral("core-platform-services"));
    QCOMPARE(dialog.port(), 3000);
    QVERIFY(dialog.proposalText().contains(QStringLiteral("3000")));
    // Nothing else to offer while the range has room.
    for (const QPushButton *b : dialog.findChildren<QPushButton *>())
        QVERIFY(!b->text().startsWith(QStringLiteral("&Use")) || b->isHidden());
}

void tst_NewServiceDialog::shouldSayAFullRangeIsFullAndOfferAnother()
{
    Schema schema = builtInSample();
    Service taken;
    taken.id = QStringLiteral("taken");
    taken.name = QStringLiteral("taken");
    taken.plannedPort = 3000;
    schema.services.append(taken);

    NewServiceDialog dialog(schema);
    dialog.setRange(QStringLiteral("core-platform-services"));
    QCOMPARE(dialog.port(), 0); // nothing proposed inside the full range
    QVERIFY2(dialog.proposalText().contains(QStringLiteral("is full")), qPrintable(dialog.proposalText()));
    const PortProposal proposal = proposePort(schema, QStringLiteral("core-platform-services"));
    QVERIFY(proposal.rangeFull);
    QVERIFY(proposal.port > 0);
    QVERIFY(dialog.proposalText().contains(QString::number(proposal.port)));
    // The first free port of another range, in port order: 3010-3019 is full
    // (10/10), so is 3020-3029; App Compute has 3041.
    QCOMPARE(proposal.port, 3041);
    QCOMPARE(proposal.rangeId, QStringLiteral("app-compute-servers"));

    QPushButton *use = nullptr;
    for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
        if (b->text().contains(QStringLiteral("3041")))
            use = b;
    }
    QVERIFY(use && !use->isHidden());
    use->click();
    QCOMPARE(dialog.port(), 3041);
    QCOMPARE(dialog.rangeId(), QStringLiteral("app-compute-servers"));
}

void tst_NewServiceDialog::shouldWarnLiveAboutFindings()
{
    NewServiceDialog dialog(builtInSample());
    dialog.setName(QStringLiteral("mana-billing"));
    dialog.setRange(QStringLiteral("core-platform-services"));
    dialog.checkNow();
    for (const Finding &f : dialog.predictedFindings())
        QVERIFY2(f.severity != Severity::Error, qPrintable(f.message));
    dialog.setPort(3002); // mana-credits' planned port
    bool collision = false;
    for (const Finding &f : dialog.predictedFindings())
        collision = collision || f.rule == QLatin1String("plan-collision");
    QVERIFY(collision);
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    bool shown = false;
    for (const QLabel *l : labels)
        shown = shown || l->text().contains(QStringLiteral("plan-collision"));
    QVERIFY(shown);
    dialog.setPort(3000);
    for (const Finding &f : dialog.predictedFindings())
        QVERIFY(f.rule != QLatin1String("plan-collision"));
}

void tst_NewServiceDialog::shouldNeverProposeAReservedOrUsedPort()
{
    const Schema schema = builtInSample();
    for (const PortRange &range : schema.ranges) {
        for (const Host &host : schema.hosts) {
            const PortProposal p = proposePort(schema, range.id, host.id);
            if (p.port == 0)
                continue;
            QVERIFY2(!schema.reservationAt(p.port), qPrintable(range.id));
            for (const Service &s : schema.services) {
                QVERIFY(s.plannedPort != p.port);
                QVERIFY(s.hostId != host.id || s.actualPort != p.port);
            }
        }
    }
}

QTEST_MAIN(tst_NewServiceDialog)
#include "tst_newservicedialog.moc"
