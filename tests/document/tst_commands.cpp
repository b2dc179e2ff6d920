#include "commands.h"
#include "jsonformat.h"
#include "rowruns.h"
#include "schemadocument.h"
#include "testutil.h"
#include "texthash.h"

#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace Portolan;

// The contract every undo command keeps: redo then undo restores the exact
// document, and redo again gives the same result as the first time.
class tst_Commands : public QObject
{
    Q_OBJECT

private slots:
    void rowRunsShouldGroupConsecutiveRowsOnce();
    void textKeysShouldHashByContentAndSpread();
    void everyCommandShouldRestoreTheDocument_data();
    void everyCommandShouldRestoreTheDocument();
    void shouldMergeEditsOfOneField();
    void shouldNotMergeDifferentFieldsOrServices();
    void shouldDropAnEditTypedBackToTheOriginal();
    void macroShouldUndoAsOneStep();
    void shouldDeriveModifiedFromTheCleanState();
};

using Make = std::function<QUndoCommand *(SchemaDocument *)>;
Q_DECLARE_METATYPE(Make)

void tst_Commands::everyCommandShouldRestoreTheDocument_data()
{
    QTest::addColumn<Make>("make");
    const QString credits = QStringLiteral("mana-credits");
    const QList<std::pair<ServiceField, QVariant>> fields = {
        {ServiceField::Name, QStringLiteral("credits")},
        {ServiceField::Aliases, QStringList{QStringLiteral("a"), QStringLiteral("b")}},
        {ServiceField::Range, QStringLiteral("misc")},
        {ServiceField::PlannedPort, 3061},
        {ServiceField::ActualPort, 3002},
        {ServiceField::Host, QStringLiteral("windows-gpu-server")},
        {ServiceField::PlannedHost, QStringLiteral("mac-mini")},
        {ServiceField::Protocol, int(Protocol::Udp)},
        {ServiceField::BindAddress, QStringLiteral("127.0.0.1")},
        {ServiceField::ContainerPort, 8080},
        {ServiceField::Runtime, QStringLiteral("Rust")},
        {ServiceField::Description, QStringLiteral("Billing")},
        {ServiceField::Status, int(ServiceStatus::Retired)},
        {ServiceField::Exposure, int(Exposure::Internal)},
        {ServiceField::PublicHostname, QStringLiteral("credits.example.org")},
        {ServiceField::Deployment, QStringLiteral("launchd")},
        {ServiceField::Metrics, QVariant::fromValue(Metrics{true, QStringLiteral("/m"), QStringLiteral("15s"), 9000, {}, {}})},
        {ServiceField::Counterpart, QStringLiteral("mana-auth")},
        {ServiceField::Notes, QStringLiteral("note")},
        {ServiceField::Profiles, QStringList{QStringLiteral("p")}},
        {ServiceField::Undocumented, true},
        {ServiceField::Origin, QVariant::fromValue(SourceLocation{QStringLiteral("f.yml"), 3, 4})},
    };
    for (const auto &[field, value] : fields) {
        QTest::newRow(qPrintable(QStringLiteral("field %1").arg(serviceFieldDisplayName(field))))
            << Make([=](SchemaDocument *d) { return new ChangeServiceFieldCommand(d, credits, field, value); });
    }
    QTest::newRow("replace service") << Make([](SchemaDocument *d) {
        Service s = *d->schema().service(QStringLiteral("mana-stt"));
        s.actualPort = 3021;
        s.deployment.clear();
        return new ReplaceServiceCommand(d, s);
    });
    QTest::newRow("add service at end")
        << Make([](SchemaDocument *d) { return new AddServiceCommand(d, Test::service(QStringLiteral("x"), 3007)); });
    QTest::newRow("add service at front")
        << Make([](SchemaDocument *d) { return new AddServiceCommand(d, Test::service(QStringLiteral("x"), 3007), 0); });
    QTest::newRow("remove service") << Make([](SchemaDocument *d) {
        return new RemoveServiceCommand(d, QStringLiteral("mana-search"));
    });
    // Scattered rows: a few blocks one by one, many at once.
    for (const auto &[every, name] : {std::pair{20, "remove every 20th service"}, {2, "remove every other service"}}) {
        QTest::newRow(name) << Make([every](SchemaDocument *d) {
            QStringList ids;
            for (int row = 1; row < d->serviceCount(); row += every)
                ids.append(d->service(row).id);
            return new RemoveServicesCommand(d, ids);
        });
    }
    QTest::newRow("add services in the middle") << Make([](SchemaDocument *d) {
        return new AddServicesCommand(d, {Test::service(QStringLiteral("x"), 3007), Test::service(QStringLiteral("y"), 3008)},
                                      5);
    });
    QTest::newRow("change hosts") << Make([](SchemaDocument *d) {
        QList<Host> hosts = d->schema().hosts;
        hosts[0].name = QStringLiteral("GPU box");
        hosts.append(Host{QStringLiteral("nas"), QStringLiteral("NAS"), {}, {}, {}, {}});
        return changeHostsCommand(d, hosts, QStringLiteral("hosts"));
    });
    QTest::newRow("change ranges") << Make([](SchemaDocument *d) {
        QList<PortRange> ranges = d->schema().ranges;
        ranges[0].last = 3014;
        return changeRangesCommand(d, ranges, QStringLiteral("ranges"));
    });
    QTest::newRow("change reservations") << Make([](SchemaDocument *d) {
        QList<Reservation> r = d->schema().reservations;
        r.removeFirst();
        return changeReservationsCommand(d, r, QStringLiteral("reservations"));
    });
    QTest::newRow("change references") << Make([](SchemaDocument *d) {
        return changeReferencesCommand(
            d, {Reference{QStringLiteral("mana-auth"), QStringLiteral("mana-credits"), 3006, false, {}, {}, {}}},
            QStringLiteral("references"));
    });
    QTest::newRow("change rule settings") << Make([](SchemaDocument *d) {
        RuleSettings s = d->schema().ruleSettings;
        s.rangeFullPercent = 50;
        s.rules.insert(QStringLiteral("drift"), RuleSetting{false, false, Severity::Warning});
        return changeRuleSettingsCommand(d, s);
    });
}

void tst_Commands::everyCommandShouldRestoreTheDocument()
{
    QFETCH(Make, make);
    SchemaDocument document(builtInSample());
    QVERIFY(document.serviceCount() > 66); // every other one: more blocks than are removed one by one
    const QByteArray before = JsonFormat::serialize(document.schema());
    document.undoStack()->push(make(&document));
    const QByteArray after = JsonFormat::serialize(document.schema());
    QVERIFY(after != before);
    document.undoStack()->undo();
    QCOMPARE(JsonFormat::serialize(document.schema()), before);
    QCOMPARE(document.schema(), builtInSample());
    document.undoStack()->redo();
    QCOMPARE(JsonFormat::serialize(document.schema()), after);
    // Row lookups stay right after every step.
    for (int row = 0; row < document.serviceCount(); ++row)
        QCOMPARE(document.serviceRow(document.service(row).id), row);
}

void tst_Commands::shouldMergeEditsOfOneField()
{
    SchemaDocument document(builtInSample());
    for (int port : {3, 30, 300, 3000})
        document.undoStack()->push(new ChangeServiceFieldCommand(&document, QStringLiteral("mana-auth"),
                                                                 ServiceField::PlannedPort, port));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.schema().service(QStringLiteral("mana-auth"))->plannedPort, 3000);
    document.undoStack()->undo();
    QCOMPARE(document.schema().service(QStringLiteral("mana-auth"))->plannedPort, 3001);
}

void tst_Commands::shouldNotMergeDifferentFieldsOrServices()
{
    SchemaDocument document(builtInSample());
    document.undoStack()->push(
        new ChangeServiceFieldCommand(&document, QStringLiteral("mana-auth"), ServiceField::PlannedPort, 3000));
    document.undoStack()->push(
        new ChangeServiceFieldCommand(&document, QStringLiteral("mana-auth"), ServiceField::ActualPort, 3000));
    document.undoStack()->push(
        new ChangeServiceFieldCommand(&document, QStringLiteral("mana-user"), ServiceField::ActualPort, 3000));
    QCOMPARE(document.undoStack()->count(), 3);
}

void tst_Commands::shouldDropAnEditTypedBackToTheOriginal()
{
    SchemaDocument document(builtInSample());
    document.undoStack()->push(
        new ChangeServiceFieldCommand(&document, QStringLiteral("mana-auth"), ServiceField::Notes, QStringLiteral("x")));
    document.undoStack()->push(
        new ChangeServiceFieldCommand(&document, QStringLiteral("mana-auth"), ServiceField::Notes, QString()));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
}

void tst_Commands::macroShouldUndoAsOneStep()
{
    SchemaDocument document(builtInSample());
    const QByteArray before = JsonFormat::serialize(document.schema());
    document.undoStack()->beginMacro(QStringLiteral("Remove three"));
    for (const char *id : {"mana-auth", "mana-user", "grafana"})
        document.undoStack()->push(new RemoveServiceCommand(&document, QString::fromLatin1(id)));
    document.undoStack()->endMacro();
    QCOMPARE(document.serviceCount(), builtInSample().services.size() - 3);
    document.undoStack()->undo();
    QCOMPARE(JsonFormat::serialize(document.schema()), before);
}

void tst_Commands::shouldDeriveModifiedFromTheCleanState()
{
    SchemaDocument document(builtInSample());
    QVERIFY(!document.isModified());
    document.undoStack()->push(
        new ChangeServiceFieldCommand(&document, QStringLiteral("mana-auth"), ServiceField::Notes, QStringLiteral("x")));
    QVERIFY(document.isModified());
    document.setClean();
    QVERIFY(!document.isModified());
    document.undoStack()->undo();
    QVERIFY(document.isModified());
}

void tst_Commands::rowRunsShouldGroupConsecutiveRowsOnce()
{
    QCOMPARE(rowRuns({}), QList<RowRun>());
    QCOMPARE(rowRuns({7}), (QList<RowRun>{{7, 7}}));
    // Unsorted, with repeats: ascending runs, each row once.
    const QList<RowRun> runs = rowRuns({9, 3, 4, 10, 4, 5, 12, 11, 0});
    QCOMPARE(runs, (QList<RowRun>{{0, 0}, {3, 5}, {9, 12}}));
    QCOMPARE(runs.at(2).count(), 4);
}

// Equal texts hash alike whatever their storage; ids of every length, the
// short ones most of all, spread over the buckets.
void tst_Commands::textKeysShouldHashByContentAndSpread()
{
    const QString stored = QStringLiteral("host-1");
    QString built = QStringLiteral("host-");
    built += QLatin1Char('1');
    QCOMPARE(hashText(stored, 42), hashText(built, 42));
    QCOMPARE(qHash(TextKey(stored), 42), qHash(TextKey(built), 42));
    QCOMPARE(hashText(QString(), 3), hashText(QStringLiteral(""), 3));
    QVERIFY(hashText(QStringLiteral("a"), 1) != hashText(QStringLiteral("a"), 2));
    QVERIFY(hashText(QStringLiteral("a")) != hashText(QStringLiteral("b")));
    QVERIFY(hashText(QStringLiteral("ab")) != hashText(QStringView(u"ab\0", 3)));

    QSet<size_t> buckets;
    QSet<size_t> hashes;
    int count = 0;
    for (const QString &form : {QStringLiteral("s%1"), QStringLiteral("host-%1"), QStringLiteral("a-rather-long-id-%1")}) {
        for (int i = 0; i < 4000; ++i) {
            const size_t h = hashText(form.arg(i), 0x1234);
            hashes.insert(h);
            buckets.insert(h % 4096);
            ++count;
        }
    }
    QCOMPARE(hashes.size(), count);
    // 12,000 random keys leave about 3,877 of 4,096 buckets used.
    QVERIFY2(buckets.size() > 3750, qPrintable(QString::number(buckets.size())));

    TextHash<int> rows;
    rows.insert(stored, 7);
    QCOMPARE(rows.value(built, -1), 7);
    QCOMPARE(rows.value(QStringLiteral("host-2"), -1), -1);
}

QTEST_GUILESS_MAIN(tst_Commands)
#include "tst_commands.moc"
