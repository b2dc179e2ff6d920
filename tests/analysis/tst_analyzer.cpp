#include "analyzer.h"
#include "commands.h"
#include "problemsmodel.h"
#include "schemadocument.h"
#include "texthash.h"
#include "testutil.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace Portolan;
using Test::service;

using Build = std::function<Schema()>;

// The findings the Problems list shows, row by row.
static QList<Finding> listed(const ProblemsModel &problems)
{
    QList<Finding> rows;
    for (int row = 0; row < problems.rowCount(); ++row)
        rows.append(problems.finding(row));
    return rows;
}
Q_DECLARE_METATYPE(Build)

class tst_Analyzer : public QObject
{
    Q_OBJECT

private slots:
    void rule_data();
    void rule();
    void messagesShouldNameAFewAndCountTheRest();
    void ruleSettingsShouldSwitchAndOverride();
    void sampleShouldShowItsKnownProblems();
    void shouldUpdateLiveAndUndoBack();
    void shouldReportWhatAppearedAndDisappeared();
    void randomEditsShouldMatchAFullAnalysis();
    void aFleetShouldBeAnalyzedInOrderOnTwoThreads();
    void aLiveStartShouldAgreeWithEachBucketsEvaluation();
    void aServiceGivenANewIdShouldBeAnalyzedUnderIt();
    void aLargeChangeShouldKeepEveryServicesFindings();
};

static Schema with(std::initializer_list<Service> services, Schema base = Test::twoHosts())
{
    base.services = services;
    return base;
}

static Service bound(Service s, const QString &bind)
{
    s.bindAddress = bind;
    return s;
}

static Service udp(Service s)
{
    s.protocol = Protocol::Udp;
    return s;
}

static Service plannedOn(Service s, const QString &host)
{
    s.plannedHostId = host;
    return s;
}

void tst_Analyzer::rule_data()
{
    QTest::addColumn<Build>("build");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("count"); // findings of that rule
    QTest::addColumn<QStringList>("services");

    const QString a = QStringLiteral("a"), b = QStringLiteral("b");
    auto row = [](const char *name, Build build, const char *rule, int count, QStringList services = {}) {
        QTest::newRow(name) << build << QString::fromLatin1(rule) << count << services;
    };

    // host-collision
    row("host-collision: same host, port, protocol", [=] {
        return with({service(QStringLiteral("x"), 3001, 3010, a), service(QStringLiteral("y"), 3002, 3010, a)});
    }, "host-collision", 1, {QStringLiteral("x"), QStringLiteral("y")});
    row("host-collision: not on different hosts", [=] {
        return with({service(QStringLiteral("x"), 3001, 3010, a), service(QStringLiteral("y"), 3002, 3010, b)});
    }, "host-collision", 0);
    row("host-collision: tcp and udp never collide", [=] {
        return with({service(QStringLiteral("x"), 3001, 3010, a), udp(service(QStringLiteral("y"), 3002, 3010, a))});
    }, "host-collision", 0);
    row("host-collision: 0.0.0.0 overlaps a specific address", [=] {
        return with({bound(service(QStringLiteral("x"), 3001, 3010, a), QStringLiteral("0.0.0.0")),
                     bound(service(QStringLiteral("y"), 3002, 3010, a), QStringLiteral("127.0.0.1"))});
    }, "host-collision", 1, {QStringLiteral("x"), QStringLiteral("y")});
    row("host-collision: :: overlaps a specific IPv6 address", [=] {
        return with({bound(service(QStringLiteral("x"), 3001, 3010, a), QStringLiteral("::")),
                     bound(service(QStringLiteral("y"), 3002, 3010, a), QStringLiteral("fd00::5"))});
    }, "host-collision", 1, {QStringLiteral("x"), QStringLiteral("y")});
    // Docker's usual publish of one port: two sockets, one per family.
    row("host-collision: 0.0.0.0 and :: are a dual-stack publish", [=] {
        return with({bound(service(QStringLiteral("x"), 3001, 3010, a), QStringLiteral("0.0.0.0")),
                     bound(service(QStringLiteral("y"), 3002, 3010, a), QStringLiteral("::"))});
    }, "host-collision", 0);
    row("host-collision: :: and a specific IPv4 address", [=] {
        return with({bound(service(QStringLiteral("x"), 3001, 3010, a), QStringLiteral("::")),
                     bound(service(QStringLiteral("y"), 3002, 3010, a), QStringLiteral("127.0.0.1"))});
    }, "host-collision", 0);
    row("host-collision: all addresses overlap ::", [=] {
        return with({service(QStringLiteral("x"), 3001, 3010, a),
                     bound(service(QStringLiteral("y"), 3002, 3010, a), QStringLiteral("::"))});
    }, "host-collision", 1, {QStringLiteral("x"), QStringLiteral("y")});
    row("host-collision: disjoint profiles are alternatives", [=] {
        Service x = service(QStringLiteral("x"), 3001, 3010, a);
        Service y = service(QStringLiteral("y"), 3002, 3010, a);
        x.profiles = {QStringLiteral("dev")};
        y.profiles = {QStringLiteral("prod")};
        return with({x, y});
    }, "host-collision", 0);
    row("host-collision: shared profile collides", [=] {
        Service x = service(QStringLiteral("x"), 3001, 3010, a);
        Service y = service(QStringLiteral("y"), 3002, 3010, a);
        x.profiles = {QStringLiteral("dev"), QStringLiteral("prod")};
        y.profiles = {QStringLiteral("prod")};
        return with({x, y});
    }, "host-collision", 1, {QStringLiteral("x"), QStringLiteral("y")});
    row("host-collision: one container_name is one container", [=] {
        Service x = service(QStringLiteral("x"), 3001, 3010, a);
        Service y = service(QStringLiteral("y"), 3002, 3010, a);
        x.aliases = {QStringLiteral("db-old"), QStringLiteral("db")};
        y.aliases = {QStringLiteral("db-new"), QStringLiteral("db")};
        return with({x, y});
    }, "host-collision", 0);
    row("host-collision: two specific addresses do not overlap", [=] {
        return with({bound(service(QStringLiteral("x"), 3001, 3010, a), QStringLiteral("127.0.0.1")),
                     bound(service(QStringLiteral("y"), 3002, 3010, a), QStringLiteral("192.168.1.5"))});
    }, "host-collision", 0);
    row("host-collision: the same specific address overlaps", [=] {
        return with({bound(service(QStringLiteral("x"), 3001, 3010, a), QStringLiteral("[::1]")),
                     bound(service(QStringLiteral("y"), 3002, 3010, a), QStringLiteral("::1"))});
    }, "host-collision", 1, {QStringLiteral("x"), QStringLiteral("y")});
    row("host-collision: three on one port are one finding", [=] {
        return with({service(QStringLiteral("x"), 3001, 3010, a), service(QStringLiteral("y"), 3002, 3010, a),
                     service(QStringLiteral("z"), 3003, 3010, a)});
    }, "host-collision", 1, {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")});
    row("host-collision: a retired service holds no port", [=] {
        Service y = service(QStringLiteral("y"), 3002, 3010, a);
        y.status = ServiceStatus::Retired;
        return with({service(QStringLiteral("x"), 3001, 3010, a), y});
    }, "host-collision", 0);
    row("host-collision: host port differing from container port is fine", [=] {
        Service x = service(QStringLiteral("x"), 3001, 9110, a);
        x.containerPort = 8080;
        return with({x, service(QStringLiteral("y"), 3002, 8080, a)});
    }, "host-collision", 0);

    // plan-collision
    row("plan-collision: same planned port, whole plan", [=] {
        return with({service(QStringLiteral("x"), 3001), service(QStringLiteral("y"), 3001)});
    }, "plan-collision", 1, {QStringLiteral("x"), QStringLiteral("y")});
    row("plan-collision: different planned hosts are different scopes", [=] {
        return with({plannedOn(service(QStringLiteral("x"), 3001), a), plannedOn(service(QStringLiteral("y"), 3001), b)});
    }, "plan-collision", 0);
    row("plan-collision: same planned host", [=] {
        return with({plannedOn(service(QStringLiteral("x"), 3001), a), plannedOn(service(QStringLiteral("y"), 3001), a)});
    }, "plan-collision", 1, {QStringLiteral("x"), QStringLiteral("y")});
    row("plan-collision: tcp and udp", [=] {
        return with({service(QStringLiteral("x"), 3001), udp(service(QStringLiteral("y"), 3001))});
    }, "plan-collision", 0);
    row("plan-collision: different planned ports", [=] {
        return with({service(QStringLiteral("x"), 3001), service(QStringLiteral("y"), 3002)});
    }, "plan-collision", 0);

    // invalid-port
    row("invalid-port: 70000", [=] { return with({service(QStringLiteral("x"), 70000)}); }, "invalid-port", 1,
        {QStringLiteral("x")});
    row("invalid-port: negative container port", [=] {
        Service x = service(QStringLiteral("x"), 3001);
        x.containerPort = -1;
        return with({x});
    }, "invalid-port", 1, {QStringLiteral("x")});
    row("invalid-port: 65535 is fine", [=] { return with({service(QStringLiteral("x"), 65535)}); }, "invalid-port", 0);

    // duplicate-name
    row("duplicate-name: same host", [=] {
        Service y = service(QStringLiteral("y"), 3002, 3011, a);
        y.name = QStringLiteral("x");
        return with({service(QStringLiteral("x"), 3001, 3010, a), y});
    }, "duplicate-name", 1, {QStringLiteral("x"), QStringLiteral("y")});
    row("duplicate-name: different hosts", [=] {
        Service y = service(QStringLiteral("y"), 3002, 3011, b);
        y.name = QStringLiteral("x");
        return with({service(QStringLiteral("x"), 3001, 3010, a), y});
    }, "duplicate-name", 0);

    // broken-reference
    auto refs = [=](int port, bool viaHost) {
        Schema s = with({service(QStringLiteral("web"), 3001, 3001, a), service(QStringLiteral("api"), 3002, 3061, a)});
        s.services[1].containerPort = 3002;
        s.references = {Reference{QStringLiteral("web"), QStringLiteral("api"), port, viaHost,
                                  QStringLiteral("environment"), QStringLiteral("http://api:%1").arg(port),
                                  SourceLocation{QStringLiteral("compose.yml"), 12, 9}}};
        return s;
    };
    row("broken-reference: wrong in-network port", [=] { return refs(3006, false); }, "broken-reference", 1,
        {QStringLiteral("web"), QStringLiteral("api")});
    row("broken-reference: container port is right in the network", [=] { return refs(3002, false); },
        "broken-reference", 0);
    row("broken-reference: published port is right from the host", [=] { return refs(3061, true); },
        "broken-reference", 0);
    row("broken-reference: container port is wrong from the host", [=] { return refs(3002, true); },
        "broken-reference", 1, {QStringLiteral("web"), QStringLiteral("api")});

    // metrics-port-mismatch
    auto scraped = [=](int port) {
        Service x = service(QStringLiteral("cadvisor"), 9110, 9110, a);
        x.containerPort = 8080;
        x.metrics = Metrics{true, QStringLiteral("/metrics"), {}, port, QStringLiteral("cadvisor"), {}};
        return with({x});
    };
    row("metrics-port-mismatch: scraping the container port of 9110:8080 is right", [=] { return scraped(8080); },
        "metrics-port-mismatch", 0);
    row("metrics-port-mismatch: scraping another port", [=] { return scraped(9999); }, "metrics-port-mismatch", 1,
        {QStringLiteral("cadvisor")});

    // out-of-range and unranged
    row("out-of-range: listed under a range it is not in", [=] {
        Service x = service(QStringLiteral("x"), 5432);
        x.rangeId = QStringLiteral("core");
        return with({x});
    }, "out-of-range", 1, {QStringLiteral("x")});
    row("out-of-range: inside its range", [=] {
        Service x = service(QStringLiteral("x"), 3005);
        x.rangeId = QStringLiteral("core");
        return with({x});
    }, "out-of-range", 0);
    row("unranged: port in no range", [=] { return with({service(QStringLiteral("x"), 11434)}); }, "unranged", 1,
        {QStringLiteral("x")});
    row("unranged: port in a range", [=] { return with({service(QStringLiteral("x"), 3005)}); }, "unranged", 0);
    row("unranged: actual port when nothing is planned", [=] {
        return with({service(QStringLiteral("x"), 0, 11434, a)});
    }, "unranged", 1, {QStringLiteral("x")});

    // range-overlap
    auto ranges = [](int first, int last, const QString &parent) {
        Schema s = Test::twoHosts();
        PortRange r;
        r.id = QStringLiteral("inner");
        r.first = first;
        r.last = last;
        r.title = QStringLiteral("Inner");
        r.parentId = parent;
        s.ranges.append(r);
        return s;
    };
    row("range-overlap: accidental", [=] { return ranges(3050, 3149, {}); }, "range-overlap", 1);
    row("range-overlap: declared nesting", [=] { return ranges(3050, 3059, QStringLiteral("core")); },
        "range-overlap", 0);
    row("range-overlap: adjacent ranges", [=] { return ranges(3100, 3199, {}); }, "range-overlap", 0);

    // reserved
    auto reserved = [=](int planned, int actual) {
        Schema s = with({service(QStringLiteral("x"), planned, actual, actual ? a : QString())});
        s.reservations = {Reservation{3006, 3009, QStringLiteral("core"), {}}};
        return s;
    };
    row("reserved: planned on a reserved slot", [=] { return reserved(3007, 0); }, "reserved", 1,
        {QStringLiteral("x")});
    row("reserved: running on a reserved slot", [=] { return reserved(3001, 3009); }, "reserved", 1,
        {QStringLiteral("x")});
    row("reserved: next to the reservation", [=] { return reserved(3005, 0); }, "reserved", 0);

    // drift
    row("drift: planned differs from actual", [=] { return with({service(QStringLiteral("x"), 3002, 3061, a)}); },
        "drift", 1, {QStringLiteral("x")});
    row("drift: as planned", [=] { return with({service(QStringLiteral("x"), 3002, 3002, a)}); }, "drift", 0);
    row("drift: unknown actual port is not drift", [=] { return with({service(QStringLiteral("x"), 3002)}); }, "drift",
        0);
    row("drift: planned on another host", [=] {
        return with({plannedOn(service(QStringLiteral("x"), 3002, 3002, a), b)});
    }, "drift", 1, {QStringLiteral("x")});

    // undocumented
    row("undocumented: flagged by an import", [=] {
        Service x = service(QStringLiteral("x"), 0, 3099, a);
        x.undocumented = true;
        return with({x});
    }, "undocumented", 1, {QStringLiteral("x")});
    row("undocumented: planned services are documented", [=] { return with({service(QStringLiteral("x"), 3001)}); },
        "undocumented", 0);

    // latent-collision
    row("latent-collision: same port on different hosts", [=] {
        return with({service(QStringLiteral("x"), 3023, 3023, a), service(QStringLiteral("y"), 3014, 3023, b)});
    }, "latent-collision", 1, {QStringLiteral("x"), QStringLiteral("y")});
    row("latent-collision: one's actual is another's planned", [=] {
        return with({service(QStringLiteral("stt"), 3021, 3020, a), service(QStringLiteral("llm"), 3020, 3025, a)});
    }, "latent-collision", 1, {QStringLiteral("llm"), QStringLiteral("stt")});
    row("latent-collision: one exporter on every host is a pattern", [=] {
        Service y = service(QStringLiteral("y"), 0, 9100, b);
        y.name = QStringLiteral("x");
        return with({service(QStringLiteral("x"), 0, 9100, a), y});
    }, "latent-collision", 0);
    row("latent-collision: tcp and udp", [=] {
        return with({service(QStringLiteral("x"), 0, 3023, a), udp(service(QStringLiteral("y"), 0, 3023, b))});
    }, "latent-collision", 0);

    // range-full
    auto filled = [=](int count) {
        Schema s = Test::twoHosts();
        s.ranges[0].last = 3009;
        for (int i = 0; i < count; ++i)
            s.services.append(service(QStringLiteral("s%1").arg(i), 3000 + i));
        return s;
    };
    row("range-full: 8 of 10", [=] { return filled(8); }, "range-full", 1);
    row("range-full: 7 of 10", [=] { return filled(7); }, "range-full", 0);
    row("range-full: reservations count", [=] {
        Schema s = filled(4);
        s.reservations = {Reservation{3005, 3009, QStringLiteral("core"), {}}};
        return s;
    }, "range-full", 1);

    // pairing-digits
    auto paired = [=](int frontend, int backend) {
        Service web = service(QStringLiteral("web"), frontend);
        web.counterpartId = QStringLiteral("server");
        return with({web, service(QStringLiteral("server"), backend)});
    };
    row("pairing-digits: 5014 and 3033", [=] { return paired(5014, 3033); }, "pairing-digits", 1,
        {QStringLiteral("web"), QStringLiteral("server")});
    row("pairing-digits: 5011 and 3031", [=] { return paired(5011, 3031); }, "pairing-digits", 0);

    // privileged-port / ephemeral-port
    row("privileged-port: 80", [=] { return with({service(QStringLiteral("x"), 80)}); }, "privileged-port", 1,
        {QStringLiteral("x")});
    row("privileged-port: 1024 is not", [=] { return with({service(QStringLiteral("x"), 1024)}); }, "privileged-port",
        0);
    row("ephemeral-port: 49152", [=] { return with({service(QStringLiteral("x"), 49152)}); }, "ephemeral-port", 1,
        {QStringLiteral("x")});
    row("ephemeral-port: 32767 is not", [=] { return with({service(QStringLiteral("x"), 32767)}); }, "ephemeral-port",
        0);
}

void tst_Analyzer::rule()
{
    QFETCH(Build, build);
    QFETCH(QString, rule);
    QFETCH(int, count);
    QFETCH(QStringList, services);

    const Schema schema = build();
    QList<Finding> matching;
    for (const Finding &f : Analyzer::analyze(schema)) {
        QVERIFY2(ruleInfo(f.rule), qPrintable(f.rule));
        QVERIFY(!f.message.isEmpty());
        if (f.rule == rule)
            matching.append(f);
    }
    QCOMPARE(matching.size(), count);
    if (count == 1 && !services.isEmpty()) {
        QStringList got = matching.first().serviceIds;
        got.sort();
        services.sort();
        QCOMPARE(got, services);
        QCOMPARE(matching.first().severity, ruleInfo(rule)->defaultSeverity);
    }

    // The live analyzer agrees with the one-shot analysis.
    SchemaDocument document(schema);
    Analyzer live(&document);
    QCOMPARE(Test::describe(live.findings()), Test::describe(Analyzer::analyze(schema)));
}

void tst_Analyzer::messagesShouldNameAFewAndCountTheRest()
{
    // Twelve services on port 3023, each on a host of its own.
    Schema schema;
    for (int i = 0; i < 12; ++i) {
        const QString host = QStringLiteral("h%1").arg(i);
        schema.hosts.append(Host{host, QStringLiteral("Host %1").arg(i), QStringLiteral("127.0.0.%1").arg(i + 1), {}, {}});
        schema.services.append(service(QStringLiteral("s%1").arg(i), 3023, 3023, host));
    }
    const QList<Finding> findings = Analyzer::analyze(schema);
    const auto latent = std::find_if(findings.cbegin(), findings.cend(),
                                     [](const Finding &f) { return f.rule == QLatin1String("latent-collision"); });
    QVERIFY(latent != findings.cend());
    QCOMPARE(latent->serviceIds.size(), 12); // the finding lists them all
    QVERIFY2(latent->message.contains(QLatin1String("s0 on Host 0, s1 on Host 1")), qPrintable(latent->message));
    QVERIFY2(latent->message.contains(QLatin1String("s6 on Host 6 and 5 more")), qPrintable(latent->message));
    QVERIFY2(!latent->message.contains(QLatin1String("s7")), qPrintable(latent->message));

    // Up to the limit, every name.
    schema.services.resize(8);
    const QList<Finding> eight = Analyzer::analyze(schema);
    const auto all = std::find_if(eight.cbegin(), eight.cend(),
                                  [](const Finding &f) { return f.rule == QLatin1String("latent-collision"); });
    QVERIFY(all != eight.cend());
    QVERIFY2(all->message.contains(QLatin1String("s6 on Host 6 and s7 on Host 7")), qPrintable(all->message));
}

void tst_Analyzer::ruleSettingsShouldSwitchAndOverride()
{
    Schema schema = builtInSample();
    const auto count = [](const QList<Finding> &findings, const QString &rule, Severity *severity = nullptr) {
        int n = 0;
        for (const Finding &f : findings) {
            if (f.rule == rule) {
                ++n;
                if (severity)
                    *severity = f.severity;
            }
        }
        return n;
    };
    QVERIFY(count(Analyzer::analyze(schema), QStringLiteral("drift")) > 0);
    schema.ruleSettings.rules.insert(QStringLiteral("drift"), RuleSetting{false, false, Severity::Warning});
    QCOMPARE(count(Analyzer::analyze(schema), QStringLiteral("drift")), 0);
    schema.ruleSettings.rules.insert(QStringLiteral("unranged"), RuleSetting{true, true, Severity::Error});
    Severity severity = Severity::Info;
    QVERIFY(count(Analyzer::analyze(schema), QStringLiteral("unranged"), &severity) > 0);
    QCOMPARE(severity, Severity::Error);
    schema.ruleSettings.rangeFullPercent = 100;
    QCOMPARE(count(Analyzer::analyze(schema), QStringLiteral("range-full")), 2);

    // Through the document, as the dialog does it, and undoable.
    SchemaDocument document(builtInSample());
    Analyzer live(&document);
    const int before = live.findingCount();
    RuleSettings settings;
    settings.rules.insert(QStringLiteral("latent-collision"), RuleSetting{false, false, Severity::Info});
    document.undoStack()->push(changeRuleSettingsCommand(&document, settings));
    QVERIFY(live.findingCount() < before);
    document.undoStack()->undo();
    QCOMPARE(live.findingCount(), before);
}

void tst_Analyzer::sampleShouldShowItsKnownProblems()
{
    const QList<Finding> findings = Analyzer::analyze(builtInSample());
    auto find = [&](const QString &rule, const std::function<bool(const Finding &)> &match) {
        for (const Finding &f : findings) {
            if (f.rule == rule && match(f))
                return true;
        }
        return false;
    };
    QVERIFY(find(QStringLiteral("range-overlap"), [](const Finding &f) {
        return f.ports == QList<int>{5050, 5059} && f.message.contains(QStringLiteral("5000-5059"));
    }));
    for (const char *id : {"postgres", "redis", "landings"}) {
        QVERIFY2(find(QStringLiteral("out-of-range"),
                      [id](const Finding &f) { return f.serviceIds == QStringList{QString::fromLatin1(id)}; }),
                 id);
    }
    QVERIFY(find(QStringLiteral("drift"), [](const Finding &f) {
        return f.serviceIds == QStringList{QStringLiteral("mana-credits")} && f.ports == QList<int>{3002, 3061};
    }));
    QVERIFY(find(QStringLiteral("latent-collision"), [](const Finding &f) {
        return f.ports == QList<int>{3023} && f.serviceIds.contains(QStringLiteral("mana-image-gen"))
            && f.serviceIds.contains(QStringLiteral("mana-crawler"));
    }));
    QVERIFY(!find(QStringLiteral("host-collision"), [](const Finding &) { return true; }));
    QVERIFY(!find(QStringLiteral("plan-collision"), [](const Finding &) { return true; }));
}

void tst_Analyzer::shouldUpdateLiveAndUndoBack()
{
    // mana-tts on 3023 next to mana-image-gen; moving it to a free port clears
    // the collision at once and undo brings it back.
    Schema schema = builtInSample();
    for (Service &s : schema.services) {
        if (s.id == QLatin1String("mana-tts"))
            s.actualPort = 3023;
    }
    SchemaDocument document(schema);
    Analyzer analyzer(&document);
    const QStringList original = Test::describe(analyzer.findings());
    QCOMPARE(analyzer.count(Severity::Error), 1);
    Severity worst;
    QVERIFY(analyzer.worstSeverity(QStringLiteral("mana-image-gen"), &worst));
    QCOMPARE(worst, Severity::Error);

    document.undoStack()->push(new ChangeServiceFieldCommand(&document, QStringLiteral("mana-tts"),
                                                             ServiceField::ActualPort, 3027));
    QCOMPARE(analyzer.count(Severity::Error), 0);
    QVERIFY(analyzer.worstSeverity(QStringLiteral("mana-image-gen"), &worst));
    QVERIFY(worst != Severity::Error);
    document.undoStack()->undo();
    QCOMPARE(analyzer.count(Severity::Error), 1);
    QCOMPARE(Test::describe(analyzer.findings()), original);
}

void tst_Analyzer::shouldReportWhatAppearedAndDisappeared()
{
    SchemaDocument document(builtInSample());
    Analyzer analyzer(&document);
    QSignalSpy spy(&analyzer, &Analyzer::findingsChanged);
    document.undoStack()->push(new ChangeServiceFieldCommand(&document, QStringLiteral("mana-credits"),
                                                             ServiceField::ActualPort, 3002));
    QCOMPARE(spy.count(), 1);
    const auto removed = spy.at(0).at(0).value<QList<Finding>>();
    const auto added = spy.at(0).at(1).value<QList<Finding>>();
    const QStringList affected = spy.at(0).at(2).toStringList();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().rule, QStringLiteral("drift"));
    QVERIFY(added.isEmpty());
    QCOMPARE(affected, QStringList{QStringLiteral("mana-credits")});
    QVERIFY(analyzer.findingsForService(QStringLiteral("mana-credits")).isEmpty());
}

void tst_Analyzer::randomEditsShouldMatchAFullAnalysis()
{
    // Many services on few ports and hosts, so edits keep making and
    // breaking collisions of every kind.
    Schema schema = Test::twoHosts();
    schema.hosts.append(Host{QStringLiteral("c"), QStringLiteral("Host C"), {}, {}, {}});
    schema.reservations = {Reservation{3010, 3014, QStringLiteral("core"), {}}};
    PortRange small;
    small.id = QStringLiteral("small");
    small.first = 3020;
    small.last = 3029;
    small.title = QStringLiteral("Small");
    schema.ranges.append(small);
    QRandomGenerator random(20261126);
    const QStringList hosts = {QString(), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    auto randomPort = [&] { return random.bounded(6) == 0 ? 0 : 2995 + random.bounded(40); };
    for (int i = 0; i < 60; ++i) {
        Service s = service(QStringLiteral("s%1").arg(i), randomPort(), randomPort(), hosts.at(random.bounded(4)));
        if (i % 7 == 0)
            s.counterpartId = QStringLiteral("s%1").arg(i + 1);
        schema.services.append(s);
    }
    schema.services.last().counterpartId.clear();
    schema.references = {Reference{QStringLiteral("s1"), QStringLiteral("s2"), 3001, false, {}, {}, {}},
                         Reference{QStringLiteral("s3"), QStringLiteral("s4"), 3002, true, {}, {}, {}}};

    SchemaDocument document(schema);
    Analyzer analyzer(&document);
    ProblemsModel problems(&analyzer); // follows finding by finding
    const QStringList original = Test::describe(analyzer.findings());
    // Every service whose findings changed is named, once.
    int repeatedIds = 0;
    int unnamedChanges = 0;
    connect(&analyzer, &Analyzer::findingsChanged, this,
            [&](const QList<Finding> &removed, const QList<Finding> &added, const QStringList &affected) {
                const QSet<QString> unique(affected.cbegin(), affected.cend());
                repeatedIds += int(affected.size() - unique.size());
                for (const QList<Finding> *list : {&removed, &added}) {
                    for (const Finding &f : *list) {
                        for (const QString &id : f.serviceIds)
                            unnamedChanges += unique.contains(id) ? 0 : 1;
                    }
                }
            });
    QUndoStack *stack = document.undoStack();
    int serial = 0;
    for (int edit = 0; edit < 10000; ++edit) {
        const int row = random.bounded(document.serviceCount());
        const QString id = document.service(row).id;
        switch (random.bounded(16)) {
        case 0:
        case 1:
        case 2:
            stack->push(new ChangeServiceFieldCommand(&document, id, ServiceField::PlannedPort, randomPort()));
            break;
        case 3:
        case 4:
            stack->push(new ChangeServiceFieldCommand(&document, id, ServiceField::ActualPort, randomPort()));
            break;
        case 5:
            stack->push(new ChangeServiceFieldCommand(&document, id, ServiceField::Host, hosts.at(random.bounded(4))));
            break;
        case 6:
            stack->push(new ChangeServiceFieldCommand(&document, id, ServiceField::Protocol, random.bounded(2)));
            break;
        case 7:
            stack->push(new ChangeServiceFieldCommand(&document, id, ServiceField::Name,
                                                      QStringLiteral("s%1").arg(random.bounded(70))));
            break;
        case 8:
            if (document.serviceCount() > 20)
                stack->push(new RemoveServiceCommand(&document, id));
            break;
        case 10:
            stack->push(new ChangeServiceFieldCommand(&document, id, ServiceField::Status, random.bounded(4)));
            break;
        case 11:
            stack->push(new ChangeServiceFieldCommand(
                &document, id, ServiceField::BindAddress,
                QStringList{QString(), QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("0.0.0.0")}
                    .at(random.bounded(4))));
            break;
        case 12:
            stack->push(new ChangeServiceFieldCommand(&document, id, ServiceField::PlannedHost,
                                                      hosts.at(random.bounded(4))));
            break;
        case 13:
            stack->push(new ChangeServiceFieldCommand(
                &document, id, ServiceField::Range,
                QStringList{QString(), QStringLiteral("core"), QStringLiteral("small")}.at(random.bounded(3))));
            break;
        case 9: {
            Service s = service(QStringLiteral("n%1").arg(serial++), randomPort(), randomPort(),
                                hosts.at(random.bounded(4)));
            s.counterpartId = random.bounded(3) == 0 ? id : QString();
            stack->push(new AddServiceCommand(&document, s, random.bounded(document.serviceCount() + 1)));
            break;
        }
        case 14: {
            // A block, as Duplicate and paste insert.
            QList<Service> block;
            for (int n = 1 + random.bounded(5); n > 0; --n)
                block.append(service(QStringLiteral("n%1").arg(serial++), randomPort(), randomPort(),
                                     hosts.at(random.bounded(4))));
            stack->push(new AddServicesCommand(&document, block, random.bounded(document.serviceCount() + 1)));
            break;
        }
        case 15:
            // Scattered rows, some next to each other, one id twice.
            if (document.serviceCount() > 30) {
                QStringList ids{id, id};
                for (int n = random.bounded(6); n > 0; --n)
                    ids.append(document.service(random.bounded(document.serviceCount())).id);
                if (row + 1 < document.serviceCount())
                    ids.append(document.service(row + 1).id);
                stack->push(new RemoveServicesCommand(&document, ids));
            }
            break;
        }
        if (edit % 2500 == 0) {
            QCOMPARE(Test::describe(analyzer.findings()), Test::describe(Analyzer::analyze(document.schema())));
            QCOMPARE(Test::describe(listed(problems)), Test::describe(analyzer.findings()));
        }
    }
    QCOMPARE(Test::describe(analyzer.findings()), Test::describe(Analyzer::analyze(document.schema())));
    QCOMPARE(Test::describe(listed(problems)), Test::describe(analyzer.findings()));

    while (stack->canUndo())
        stack->undo();
    QCOMPARE(document.schema(), schema);
    QCOMPARE(Test::describe(analyzer.findings()), original);
    QCOMPARE(repeatedIds, 0);
    QCOMPARE(unnamedChanges, 0);
}

// Enough services for a one-shot analysis to split its services, ports and
// hosts between two threads; TCP and UDP on the same few ports, so that
// collisions of every port kind fall into both halves, names that repeat on
// a host, and backends looked up from both threads at once.
static Schema twoThreadFleet(QHash<QString, int> *rowOf = nullptr, int count = 30000)
{
    Schema schema = Test::twoHosts();
    schema.hosts.append(Host{QStringLiteral("c"), QStringLiteral("Host C"), {}, {}, {}});
    schema.reservations = {Reservation{3010, 3014, QStringLiteral("core"), {}}};
    const QStringList hosts = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QRandomGenerator random(20261205);
    for (int i = 0; i < count; ++i) {
        Service s = service(QStringLiteral("s%1").arg(i), 3000 + random.bounded(2000), 3000 + random.bounded(2000),
                            hosts.at(random.bounded(3)));
        if (random.bounded(2) == 0)
            s.protocol = Protocol::Udp;
        s.name = QStringLiteral("n%1").arg(random.bounded(20000));
        if (i > 0 && random.bounded(5) == 0)
            s.counterpartId = QStringLiteral("s%1").arg(random.bounded(i));
        if (rowOf)
            rowOf->insert(s.id, i);
        schema.services.append(s);
    }
    schema.references = {Reference{QStringLiteral("s1"), QStringLiteral("s2"), 3001, false, {}, {}, {}},
                         Reference{QStringLiteral("s3"), QStringLiteral("s4"), 3002, true, {}, {}, {}}};
    return schema;
}

void tst_Analyzer::aFleetShouldBeAnalyzedInOrderOnTwoThreads()
{
    const QStringList hosts = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QHash<QString, int> rowOf;
    const Schema schema = twoThreadFleet(&rowOf);
    const QList<Finding> findings = Analyzer::analyze(schema);

    // The same findings as the live analyzer's, which evaluates port by port.
    SchemaDocument document(schema);
    Analyzer analyzer(&document);
    QCOMPARE(Test::describe(findings), Test::describe(analyzer.findings()));

    // In one pass's order: the services' own findings by row, then the
    // ports' by protocol and port, then the names' by host, then the ranges'
    // and references'.
    const QSet<QString> portRules = {QStringLiteral("plan-collision"), QStringLiteral("latent-collision"),
                                     QStringLiteral("host-collision")};
    enum Part { Services, Ports, Names, Ranges };
    Part part = Services;
    int lastRow = 0, lastHost = 0;
    std::pair<bool, int> last{false, 0};
    int portFindings = 0, udpFindings = 0, serviceFindings = 0, pairings = 0, nameFindings = 0;
    for (const Finding &f : findings) {
        const QString what = f.rule + QLatin1Char(' ') + f.message;
        if (f.rule.startsWith(QLatin1String("range-")) || f.rule == QLatin1String("broken-reference")) {
            part = Ranges;
        } else if (f.rule == QLatin1String("duplicate-name")) {
            QVERIFY2(part <= Names, qPrintable(what));
            part = Names;
            const int host = int(hosts.indexOf(f.hostIds.value(0)));
            QVERIFY2(host >= lastHost, qPrintable(what));
            lastHost = host;
            ++nameFindings;
        } else if (portRules.contains(f.rule)) {
            QVERIFY2(part <= Ports, qPrintable(what));
            part = Ports;
            QVERIFY2(!f.ports.isEmpty(), qPrintable(f.message));
            const std::pair<bool, int> key{f.message.contains(QLatin1String("/udp")), f.ports.first()};
            QVERIFY2(last <= key, qPrintable(QStringLiteral("%1 after port %2").arg(f.message).arg(last.second)));
            last = key;
            ++portFindings;
            udpFindings += key.first ? 1 : 0;
        } else {
            QVERIFY2(part == Services, qPrintable(what));
            const int row = rowOf.value(f.serviceIds.value(0), -1);
            QVERIFY2(row >= lastRow, qPrintable(what));
            lastRow = row;
            ++serviceFindings;
            pairings += f.rule == QLatin1String("pairing-digits") ? 1 : 0;
        }
    }
    QVERIFY(udpFindings > 1000);
    QVERIFY(portFindings - udpFindings > 1000);
    QVERIFY(serviceFindings > 10000);
    QVERIFY(lastRow > 20000);
    QVERIFY(pairings > 1000);
    QVERIFY(nameFindings > 1000);
    QCOMPARE(lastHost, 2);
    QCOMPARE(part, Ranges);
}

void tst_Analyzer::aLiveStartShouldAgreeWithEachBucketsEvaluation()
{
    // A live analyzer starts from the one-shot analysis; an edit evaluates
    // the buckets it touched on their own. The two agree to the order of a
    // bucket's findings: a service replaced by itself changes nothing, also
    // after a change of hosts started the analysis over.
    SchemaDocument document(twoThreadFleet());
    Analyzer analyzer(&document);
    QSignalSpy changed(&analyzer, &Analyzer::findingsChanged);
    QSignalSpy started(&analyzer, &Analyzer::reanalyzed);
    for (int round = 0; round < 2; ++round) {
        for (int row = round; row < document.serviceCount(); row += 7)
            document.setService(row, Service(document.service(row)));
        QCOMPARE(changed.count(), 0);
        QList<Host> hosts = document.schema().hosts;
        hosts.last().name += QStringLiteral(" (renamed)");
        document.setHosts(hosts);
        QCOMPARE(started.count(), round + 1);
    }
    QVERIFY(analyzer.findings().size() > 20000);
}

void tst_Analyzer::aServiceGivenANewIdShouldBeAnalyzedUnderIt()
{
    // A row whose service gets another id (as a what-if draft sets it):
    // the live analyzer follows the row, and counterparts and references
    // that name the old or the new id are judged again.
    Schema schema = Test::twoHosts();
    QRandomGenerator random(20261206);
    const QStringList hosts = {QStringLiteral("a"), QStringLiteral("b")};
    for (int i = 0; i < 40; ++i) {
        Service s = service(QStringLiteral("s%1").arg(i), 3000 + random.bounded(12), 3000 + random.bounded(12),
                            hosts.at(random.bounded(2)));
        s.counterpartId = QStringLiteral("s%1").arg(random.bounded(45));
        schema.services.append(s);
    }
    schema.references = {Reference{QStringLiteral("s1"), QStringLiteral("s41"), 3001, false, {}, {}, {}},
                         Reference{QStringLiteral("s42"), QStringLiteral("s4"), 3002, true, {}, {}, {}}};
    SchemaDocument document(schema);
    Analyzer analyzer(&document);
    QSignalSpy started(&analyzer, &Analyzer::reanalyzed);
    for (int round = 0; round < 300; ++round) {
        const int row = random.bounded(document.serviceCount());
        Service s = document.service(row);
        // Mostly an id no other row has; now and then one a counterpart or
        // reference names.
        const QString id = QStringLiteral("s%1").arg(random.bounded(45));
        s.id = document.serviceRow(id) < 0 ? id : QStringLiteral("r%1").arg(round);
        document.setService(row, s);
        QCOMPARE(document.serviceRow(s.id), row);
        QCOMPARE(Test::describe(analyzer.findings()), Test::describe(Analyzer::analyze(document.schema())));
    }
    QCOMPARE(started.count(), 0); // each rename an incremental update
}

// A fleet's findings compared without making a text of each: one hash of
// everything describe() shows, sorted.
static std::vector<size_t> fingerprints(const QList<Finding> &findings)
{
    std::vector<size_t> prints;
    prints.reserve(size_t(findings.size()));
    for (const Finding &f : findings) {
        size_t h = hashText(f.rule, size_t(f.severity));
        h = hashText(f.message, h);
        for (const QStringList *ids : {&f.serviceIds, &f.hostIds}) {
            for (const QString &id : *ids)
                h = hashText(id, h);
            h = hashBytes("|", 1, h);
        }
        h = hashBytes(f.ports.constData(), size_t(f.ports.size()) * sizeof(int), h);
        prints.push_back(hashText(f.origin.toString(), h));
    }
    std::sort(prints.begin(), prints.end());
    return prints;
}

// What the live analyzer tells of each service (its findings, its worst
// severity) against a full analysis of the document as it stands.
static void compareServiceFindings(const Analyzer &analyzer, const ProblemsModel &problems,
                                   const SchemaDocument &document, int step)
{
    const QList<Finding> all = Analyzer::analyze(document.schema());
    const QList<Finding> live = analyzer.findings();
    if (fingerprints(live) != fingerprints(all)) // the texts only to show the difference
        QCOMPARE(Test::describe(live), Test::describe(all));
    // The list and the analyzer share their buckets: compared as they are.
    const auto bySlot = [](QList<Finding> findings) {
        std::sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
            return a.slot != b.slot ? a.slot < b.slot : a.message < b.message;
        });
        return findings;
    };
    QVERIFY(bySlot(listed(problems)) == bySlot(live));
    // For each service sampled, the full analysis' findings that name it.
    QHash<QString, QList<Finding>> ofService;
    for (int row = 0; row < document.serviceCount(); row += step)
        ofService.insert(document.service(row).id, {});
    for (const Finding &f : all) {
        for (const QString &id : f.serviceIds) {
            if (const auto it = ofService.find(id); it != ofService.end())
                it->append(f);
        }
    }
    for (auto it = ofService.cbegin(); it != ofService.cend(); ++it) {
        const QString &id = it.key();
        const QList<Finding> &expected = it.value();
        QCOMPARE(Test::describe(analyzer.findingsForService(id)), Test::describe(expected));
        Severity worst = Severity::Info;
        QCOMPARE(analyzer.worstSeverity(id, &worst), !expected.isEmpty());
        if (!expected.isEmpty()) {
            const auto top = std::max_element(expected.cbegin(), expected.cend(), [](const Finding &a, const Finding &b) {
                return int(a.severity) < int(b.severity);
            });
            QCOMPARE(int(worst), int(top->severity));
        }
    }
}

void tst_Analyzer::aLargeChangeShouldKeepEveryServicesFindings()
{
    // Thousands of copies at once (Edit > Duplicate) and a block of
    // thousands of rows removed: the buckets are evaluated and compared on two threads, the
    // indexes of each service updated after. Every service's findings and
    // worst severity agree with a full analysis, and the services reported
    // as affected are exactly those named before or after, each once.
    SchemaDocument document(twoThreadFleet(nullptr, 8000));
    Analyzer analyzer(&document);
    ProblemsModel problems(&analyzer); // takes thousands at once in one go
    QSignalSpy started(&analyzer, &Analyzer::reanalyzed);
    QSet<QString> reported, named;
    int repeated = 0;
    connect(&analyzer, &Analyzer::findingsChanged, &analyzer,
            [&](const QList<Finding> &removed, const QList<Finding> &added, const QStringList &affected) {
                reported = QSet<QString>(affected.cbegin(), affected.cend());
                repeated += int(affected.size() - reported.size());
                named.clear();
                for (const QList<Finding> *list : {&removed, &added}) {
                    for (const Finding &f : *list) {
                        for (const QString &id : f.serviceIds)
                            named.insert(id);
                    }
                }
            });
    const QList<Finding> original = analyzer.findings();

    QList<Service> copies;
    for (int row = 0; row < 3000; ++row) {
        Service s = document.service(row * 2);
        s.id += QStringLiteral("-copy");
        copies.append(s);
    }
    QUndoStack *stack = document.undoStack();
    stack->push(new AddServicesCommand(&document, copies, 2345));
    QVERIFY(reported.size() > 3000);
    QVERIFY(named.subtract(reported).isEmpty());
    compareServiceFindings(analyzer, problems, document, 5);

    // One block of rows, removed in one change.
    QStringList ids;
    for (int row = 6000; row < 9000; ++row)
        ids.append(document.service(row).id);
    stack->push(new RemoveServicesCommand(&document, ids));
    QVERIFY(reported.size() > 3000);
    QVERIFY(named.subtract(reported).isEmpty());
    compareServiceFindings(analyzer, problems, document, 5);

    QCOMPARE(started.count(), 0); // each change so far an incremental update

    // Rows scattered over the plan: so many blocks that the plan's services
    // are replaced at once, and the analysis starts over.
    ids.clear();
    for (int row = 1; row < document.serviceCount(); row += 50)
        ids.append(document.service(row).id);
    stack->push(new RemoveServicesCommand(&document, ids));
    QCOMPARE(started.count(), 1);
    compareServiceFindings(analyzer, problems, document, 5);

    stack->undo();
    stack->undo();
    stack->undo();
    QVERIFY(fingerprints(analyzer.findings()) == fingerprints(original));
    compareServiceFindings(analyzer, problems, document, 3);
    QCOMPARE(repeated, 0);
}

QTEST_GUILESS_MAIN(tst_Analyzer)
#include "tst_analyzer.moc"
