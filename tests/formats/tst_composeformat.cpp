#include "commands.h"
#include "composeformat.h"
#include "importmerge.h"
#include "jsonformat.h"
#include "schemadocument.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryDir>
#include "testutil.h"

#include <QTest>
#include <QUndoStack>

using namespace Portolan;

// docker-compose import, merge into a plan and the ports snippet export.
class TestComposeFormat : public QObject
{
    Q_OBJECT

private slots:
    void shouldApplyAnchorsAndMergeKeys();
    void shouldMergeEachAnchoredMapOnce();
    void shouldTakeTheLatestDefinitionOfAnAnchor();
    void shouldGiveProfiledServicesTheirProfiles();
    void shouldTreatHostNetworkPortsAsHostPorts();
    void shouldWarnAboutPortsWithHostNetwork();
    void shouldReadComposeSpecCases_data();
    void specCasesShouldMatchWhatDockerComposeResolves_data() { shouldReadComposeSpecCases_data(); }
    void specCasesShouldMatchWhatDockerComposeResolves();
    void shouldReadComposeSpecCases();
    void shouldRefuseWhatComposeRefusesWithASentence_data();
    void shouldRefuseWhatComposeRefusesWithASentence();
    void shouldFollowIncludeAndExtendsFile();
    void shouldReadLongSyntaxAndDotEnv();
    void shouldLetTheEnvironmentOverrideDotEnv();
    void shouldReportBadPortsWithPositionAndService_data();
    void shouldReportBadPortsWithPositionAndService();
    void shouldRejectDamagedFilesWithPosition_data();
    void shouldRejectDamagedFilesWithPosition();
    void shouldRejectHostileFilesWithinBounds_data();
    void shouldRejectHostileFilesWithinBounds();
    void shouldReadOnlyValidPortsAsReferences();
    void shouldWriteAPlanThatOpensAgainAfterInvalidPorts();
    void shouldGiveThousandsOfKeysOfOneSlugIdsInLinearTime();
    void uniqueIdsShouldCountOnPerStem();
    void shouldMatchByNameAliasPrefixAndPort();
    void shouldListPlanServicesMissingFromTheFile();
    void shouldBeStableWhenImportedTwice();
    void shouldImportAsOneUndoableStep();
    void shouldRoundTripTheExportedSnippet();
    void overrideSnippetShouldReplaceTheBasePorts();
    void shouldWriteSnippetsDockerComposeAccepts();

private:
    static std::optional<ReadResult> readText(const QByteArray &text, ParseError *error, const QString &baseDir = {},
                                              const QVariantMap &environment = {});
    static std::optional<ReadResult> readFixture(const QString &path, ParseError *error,
                                                 const QVariantMap &environment = {});
};

static QString regression(const QString &name)
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/fuzz-regressions/") + name;
}

static QString fixture(const QString &name)
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/compose/") + name;
}

static const Service *byName(const Schema &schema, const QString &name)
{
    for (const Service &s : schema.services) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

static QList<Reference> referencesFrom(const Schema &schema, const QString &fromId)
{
    QList<Reference> result;
    for (const Reference &r : schema.references) {
        if (r.fromServiceId == fromId)
            result.append(r);
    }
    return result;
}

std::optional<ReadResult> TestComposeFormat::readText(const QByteArray &text, ParseError *error, const QString &baseDir,
                                                      const QVariantMap &environment)
{
    FormatOptions options;
    options.fileName = QStringLiteral("test.yml");
    options.hostId = QStringLiteral("box");
    options.baseDir = baseDir;
    options.extra.insert(QStringLiteral("environment"), environment);
    return ComposeFormat().read(text, options, error);
}

std::optional<ReadResult> TestComposeFormat::readFixture(const QString &path, ParseError *error,
                                                         const QVariantMap &environment)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    FormatOptions options;
    options.fileName = path;
    options.hostId = QStringLiteral("box");
    options.baseDir = QFileInfo(path).absolutePath();
    options.extra.insert(QStringLiteral("environment"), environment);
    return ComposeFormat().read(file.readAll(), options, error);
}

void TestComposeFormat::shouldMergeEachAnchoredMapOnce()
{
    // Each level merges the one below twice: 2^40 merges if each were taken
    // again, a handful when each map is merged once.
    QByteArray text = "x-m0: &m0 {ports: [\"80:80\"]}\n";
    for (int i = 1; i <= 40; ++i)
        text += QStringLiteral("x-m%1: &m%1 {<<: [*m%2, *m%2]}\n").arg(i).arg(i - 1).toUtf8();
    text += "services:\n  web:\n    <<: *m40\n";
    ParseError error;
    const auto result = readText(text, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    const Service *web = byName(result->schema, QStringLiteral("web"));
    QVERIFY(web);
    QCOMPARE(web->actualPort, 80);
}

void TestComposeFormat::shouldTakeTheLatestDefinitionOfAnAnchor()
{
    // YAML lets an anchor be defined again; aliases after that mean the new node.
    ParseError error;
    const auto result = readText("x-a: &a\n  inner: &a {ports: [\"81:81\"]}\n  ports: [\"80:80\"]\n"
                                 "services:\n  web:\n    <<: *a\n",
                                 &error);
    QVERIFY2(result, qPrintable(error.toString()));
    const Service *web = byName(result->schema, QStringLiteral("web"));
    QVERIFY(web);
    QCOMPARE(web->actualPort, 81);
}

void TestComposeFormat::shouldApplyAnchorsAndMergeKeys()
{
    ParseError error;
    const auto result = readFixture(fixture(QStringLiteral("anchors.yml")), &error);
    QVERIFY2(result, qPrintable(error.toString()));
    const Schema &s = result->schema;
    QCOMPARE(s.services.size(), 3); // x-* keys are no services

    const Service *web = byName(s, QStringLiteral("web"));
    QVERIFY(web);
    QCOMPARE(web->actualPort, 8080); // ports from the second map of <<: [...]
    QCOMPARE(web->containerPort, 80);
    QCOMPARE(web->origin.line, 8); // where the anchored port is written

    const Service *api = byName(s, QStringLiteral("api"));
    QVERIFY(api);
    QCOMPARE(api->actualPort, 3100); // explicit ports win over merged ones
    QCOMPARE(api->containerPort, 3000);

    // environment merged from *common: web and api refer to auth:3001.
    const QList<Reference> fromWeb = referencesFrom(s, web->id);
    QCOMPARE(fromWeb.size(), 2);
    QCOMPARE(fromWeb.at(0).toServiceId, byName(s, QStringLiteral("auth"))->id);
    QCOMPARE(fromWeb.at(0).port, 3001);
    QCOMPARE(fromWeb.at(0).viaHost, false);
    QCOMPARE(fromWeb.at(0).origin.line, 5);
    QCOMPARE(fromWeb.at(1).kind, QStringLiteral("traefik"));
    QCOMPARE(fromWeb.at(1).toServiceId, web->id);
    QCOMPARE(fromWeb.at(1).port, 80);
    QCOMPARE(referencesFrom(s, api->id).size(), 1);
}

void TestComposeFormat::shouldGiveProfiledServicesTheirProfiles()
{
    ParseError error;
    const auto result = readFixture(fixture(QStringLiteral("profiles.yml")), &error);
    QVERIFY2(result, qPrintable(error.toString()));
    const Service *app = byName(result->schema, QStringLiteral("app"));
    const Service *debug = byName(result->schema, QStringLiteral("debug"));
    QVERIFY(app && debug);
    QVERIFY(app->profiles.isEmpty());
    QCOMPARE(debug->profiles, (QStringList{QStringLiteral("debug"), QStringLiteral("dev")}));
    QCOMPARE(debug->bindAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(debug->exposure, Exposure::Host);
    QCOMPARE(debug->hostId, QStringLiteral("box"));
}

void TestComposeFormat::shouldTreatHostNetworkPortsAsHostPorts()
{
    ParseError error;
    const auto result = readFixture(fixture(QStringLiteral("hostnetwork.yml")), &error);
    QVERIFY2(result, qPrintable(error.toString()));
    const Schema &s = result->schema;
    const Service *exporter = byName(s, QStringLiteral("exporter"));
    QVERIFY(exporter);
    QCOMPARE(exporter->actualPort, 9100); // the container's port is the host's
    QCOMPARE(exporter->containerPort, 0);
    QCOMPARE(exporter->exposure, Exposure::Unspecified);

    const QList<Reference> health = referencesFrom(s, exporter->id);
    QCOMPARE(health.size(), 1);
    QCOMPARE(health.first().kind, QStringLiteral("healthcheck"));
    QCOMPARE(health.first().viaHost, true);
    QCOMPARE(health.first().port, 9100);

    const Service *web = byName(s, QStringLiteral("web"));
    const QList<Reference> fromWeb = referencesFrom(s, web->id);
    QCOMPARE(fromWeb.size(), 1);
    QCOMPARE(fromWeb.first().toServiceId, exporter->id);
    QCOMPARE(fromWeb.first().viaHost, true);
    QCOMPARE(fromWeb.first().origin.line, 12);
}

void TestComposeFormat::shouldWarnAboutPortsWithHostNetwork()
{
    // The engine ignores ports: with the host's network: a warning, not a refusal.
    ParseError error;
    const auto result = readText("services:\n  x:\n    image: x\n    network_mode: host\n    ports: [\"80:80\"]\n", &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->warnings.size(), 1);
    QCOMPARE(result->warnings.first().line, 5);
    QVERIFY2(result->warnings.first().message.contains(QLatin1String("\"x\"")), qPrintable(result->warnings.first().message));
    QCOMPARE(result->schema.services.size(), 1);
    QCOMPARE(result->schema.services.first().actualPort, 0);
}

void TestComposeFormat::shouldReadComposeSpecCases_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected"); // "name port" of each service with a host port, in order
    QTest::addColumn<int>("findings");
    // Whether Debian's docker-compose 1.29 reads the syntax (checked both ways
    // by specCasesShouldMatchWhatDockerComposeResolves).
    QTest::addColumn<bool>("dockerComposeReads");

    const QByteArray head = "services:\n  web:\n    image: x\n";
    QTest::newRow("empty bind address") << head + "    ports: [\":443:443\"]\n" << QStringList{"web 443"} << 0 << false;
    QTest::newRow("host range for one port")
        << head + "    ports: [\"6005-6007:80\"]\n" << QStringList{"web 6005", "web:6006 6006", "web:6007 6007"} << 0 << true;
    QTest::newRow("reset null") << head + "    ports: !reset null\n" << QStringList{"web 0"} << 0 << false;
    QTest::newRow("reset list") << head + "    ports: !reset []\n" << QStringList{"web 0"} << 0 << false;
    QTest::newRow("override") << head + "    ports: !override [\"8080:80\"]\n" << QStringList{"web 8080"} << 0 << false;
    QTest::newRow("replicas on a fixed port")
        << head + "    ports: [\"8080:80\"]\n    deploy:\n      replicas: 3\n" << QStringList{"web 8080"} << 1 << true;
    QTest::newRow("replicas with an engine port")
        << head + "    ports: [\"80\"]\n    deploy:\n      replicas: 3\n" << QStringList{"web 0"} << 0 << true;
    QTest::newRow("extends in the file")
        << QByteArray("services:\n  base:\n    image: x\n    ports: [\"9000:9000\"]\n  web:\n    extends: base\n"
                      "    ports: [\"9001:9001\"]\n")
        << QStringList{"base 9000", "web 9000", "web:9001 9001"} << 0 << true;
    QTest::newRow("extends with service key")
        << QByteArray("services:\n  base:\n    image: x\n    ports: [\"9000:9000\"]\n  web:\n    extends:\n"
                      "      service: base\n")
        << QStringList{"base 9000", "web 9000"} << 0 << true;
    QTest::newRow("interpolation default") << head + "    ports: [\"${WEB_PORTOLAN_TEST_PORT:-8081}:80\"]\n"
                                           << QStringList{"web 8081"} << 0 << true;
    QTest::newRow("long syntax") << head + "    ports:\n      - target: 80\n        published: \"8082\"\n"
                                 << QStringList{"web 8082"} << 0 << true;
    QTest::newRow("long syntax with host_ip")
        << head + "    ports:\n      - target: 80\n        published: \"8082\"\n        host_ip: 127.0.0.1\n"
        << QStringList{"web 8082"} << 0 << false;
    // One entry per published socket; the analyzer tells protocols and
    // address families apart (tst_analyzer), so neither pair collides.
    QTest::newRow("tcp and udp of one port") << head + "    ports: [\"53:53/tcp\", \"53:53/udp\"]\n"
                                             << QStringList{"web 53", "web:53 53"} << 0 << true;
    QTest::newRow("dual stack") << head + "    ports: [\"0.0.0.0:8083:80\", \"[::]:8083:80\"]\n"
                                << QStringList{"web 8083", "web:8083 8083"} << 0 << true;
    QTest::newRow("network mode host") << head + "    network_mode: host\n    ports: [\"8084:80\"]\n"
                                       << QStringList{"web 0"} << 0 << true;
    QTest::newRow("profiles apart")
        << QByteArray("services:\n  web:\n    image: x\n    profiles: [a]\n    ports: [\"8085:80\"]\n"
                      "  webalt:\n    image: x\n    profiles: [b]\n    ports: [\"8085:80\"]\n")
        << QStringList{"web 8085", "webalt 8085"} << 0 << true;
}

void TestComposeFormat::shouldReadComposeSpecCases()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QFETCH(int, findings);
    ParseError error;
    const auto result = readText(text, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QStringList actual;
    for (const Service &s : result->schema.services) {
        if (s.name.startsWith(QLatin1String("web")) || s.name == QLatin1String("base"))
            actual.append(QStringLiteral("%1 %2").arg(s.name).arg(s.actualPort));
    }
    QCOMPARE(actual.join(QStringLiteral(", ")), expected.join(QStringLiteral(", ")));
    QCOMPARE(result->findings.size(), findings);
}

// Each spec case through Debian's docker-compose: where it reads the syntax,
// its resolved `config` (ranges, extends and replicas spelled out) read back
// gives the same services, ports and findings as the original; where it
// does not, it really refuses the file, so the flag stays honest.
void TestComposeFormat::specCasesShouldMatchWhatDockerComposeResolves()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QFETCH(int, findings);
    QFETCH(bool, dockerComposeReads);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("docker-compose.yml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    QString resolved, errors;
    const bool read = Test::runTool(QStringLiteral("docker-compose"),
                                    {QStringLiteral("-f"), QStringLiteral("docker-compose.yml"), QStringLiteral("config")},
                                    dir.path(), &resolved, &errors);
    QVERIFY2(!resolved.contains(QLatin1String("is not installed")), qPrintable(resolved));
    if (!dockerComposeReads) {
        QVERIFY2(!read, qPrintable(QStringLiteral("docker-compose reads it now:\n") + resolved));
        // Refused, not crashed: it says what it cannot read.
        QVERIFY2(errors.contains(QLatin1String("is invalid because")) || errors.contains(QLatin1String("tag '!")),
                 qPrintable(errors + resolved));
        return;
    }
    QVERIFY2(read, qPrintable(errors + resolved));
    ParseError error;
    const auto result = readText(resolved.toUtf8(), &error);
    QVERIFY2(result, qPrintable(error.toString() + QLatin1Char('\n') + resolved));
    QStringList actual;
    for (const Service &s : result->schema.services) {
        if (s.name.startsWith(QLatin1String("web")) || s.name == QLatin1String("base"))
            actual.append(QStringLiteral("%1 %2").arg(s.name).arg(s.actualPort));
    }
    QCOMPARE(actual.join(QStringLiteral(", ")), expected.join(QStringLiteral(", ")));
    QCOMPARE(result->findings.size(), findings);
}

void TestComposeFormat::shouldRefuseWhatComposeRefusesWithASentence_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("format version 1") << QByteArray("web:\n  image: nginx\n  ports: [\"80:80\"]\n") << 1
                                      << "version 1";
    QTest::newRow("extends cycle") << QByteArray("services:\n  a:\n    extends: b\n  b:\n    extends: a\n") << 3
                                   << "cycle";
    QTest::newRow("extends unknown") << QByteArray("services:\n  a:\n    extends: nope\n") << 3 << "nope";
    QTest::newRow("include missing") << QByteArray("include:\n  - missing.yml\nservices: {}\n") << 2 << "missing.yml";
}

void TestComposeFormat::shouldRefuseWhatComposeRefusesWithASentence()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    ParseError error;
    QVERIFY(!readText(text, &error, dir.path()));
    QCOMPARE(error.line, line);
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

void TestComposeFormat::shouldFollowIncludeAndExtendsFile()
{
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &text) {
        QDir(dir.path()).mkpath(QFileInfo(name).path());
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(QStringLiteral("db/compose.yml"), "services:\n  db:\n    image: postgres\n    ports: [\"5432:5432\"]\n");
    write(QStringLiteral("common.yml"), "services:\n  app-base:\n    image: x\n    ports: [\"7000:7000\"]\n");
    ParseError error;
    const auto result = readText("include:\n  - db/compose.yml\nservices:\n  app:\n    extends:\n"
                                 "      file: common.yml\n      service: app-base\n",
                                 &error, dir.path());
    QVERIFY2(result, qPrintable(error.toString()));
    const Service *db = byName(result->schema, QStringLiteral("db"));
    const Service *app = byName(result->schema, QStringLiteral("app"));
    QVERIFY(db && app);
    QCOMPARE(db->actualPort, 5432);
    QCOMPARE(db->origin.file, QStringLiteral("db/compose.yml"));
    QCOMPARE(db->origin.line, 4);
    QCOMPARE(app->actualPort, 7000);
    QCOMPARE(app->origin.file, QStringLiteral("common.yml"));
}

void TestComposeFormat::shouldReadLongSyntaxAndDotEnv()
{
    ParseError error;
    const auto result = readFixture(fixture(QStringLiteral("longsyntax/docker-compose.yml")), &error);
    QVERIFY2(result, qPrintable(error.toString()));
    const Schema &s = result->schema;

    const Service *db = byName(s, QStringLiteral("db"));
    QVERIFY(db);
    QCOMPARE(db->actualPort, 5433); // ${DB_PORT:-5433}
    QCOMPARE(db->containerPort, 5432);
    QCOMPARE(db->bindAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(db->aliases, (QStringList{QStringLiteral("db"), QStringLiteral("my-db")}));
    QCOMPARE(db->origin.line, 6);

    // A range in the long syntax: one service per port.
    for (int i = 0; i < 2; ++i) {
        const Service *ranged = byName(s, QStringLiteral("db:%1").arg(6000 + i));
        QVERIFY(ranged);
        QCOMPARE(ranged->actualPort, 6000 + i);
        QCOMPARE(ranged->containerPort, 5000 + i);
    }

    const Service *dns = byName(s, QStringLiteral("db:53"));
    QVERIFY(dns);
    QCOMPARE(dns->protocol, Protocol::Udp);
    QCOMPARE(dns->bindAddress, QStringLiteral("::1"));

    const Service *app = byName(s, QStringLiteral("app"));
    QVERIFY(app);
    QCOMPARE(app->actualPort, 8081); // APP_PORT from .env
    QVERIFY(!byName(s, QStringLiteral("app:81"))); // unset variable: skipped, not guessed
    const Service *internal = byName(s, QStringLiteral("app:9000"));
    QVERIFY(internal);
    QCOMPARE(internal->exposure, Exposure::Internal);
    QCOMPARE(internal->actualPort, 0);

    bool warned = false;
    for (const Diagnostic &w : result->warnings) {
        if (w.message.contains(QLatin1String("MISSING_PORT"))) {
            warned = true;
            QCOMPARE(w.line, 21);
        }
    }
    QVERIFY(warned);

    // user:5555@ is a password, not a port; my-db is db's container name; cache is no service.
    const QList<Reference> refs = referencesFrom(s, app->id);
    QCOMPARE(refs.size(), 1);
    QCOMPARE(refs.first().toServiceId, db->id);
    QCOMPARE(refs.first().port, 5432);
    QCOMPARE(refs.first().origin.line, 25);
}

void TestComposeFormat::shouldLetTheEnvironmentOverrideDotEnv()
{
    ParseError error;
    const auto result = readFixture(fixture(QStringLiteral("longsyntax/docker-compose.yml")), &error,
                                    {{QStringLiteral("APP_PORT"), QStringLiteral("9999")},
                                     {QStringLiteral("DB_PORT"), QStringLiteral("6543")},
                                     {QStringLiteral("MISSING_PORT"), QStringLiteral("8181")}});
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(byName(result->schema, QStringLiteral("app"))->actualPort, 9999);
    QCOMPARE(byName(result->schema, QStringLiteral("db"))->actualPort, 6543);
    QCOMPARE(byName(result->schema, QStringLiteral("app:8181"))->containerPort, 81);
    QVERIFY(result->warnings.isEmpty());
}

void TestComposeFormat::shouldReportBadPortsWithPositionAndService_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("mentions");

    const QByteArray head = "services:\n  ok:\n    image: x\n  broken-one:\n    image: y\n    ports:\n      - \"8080:80\"\n";
    QTest::newRow("too large") << head + "      - \"99999:80\"\n" << 8 << 9 << "99999";
    QTest::newRow("ranges differ") << head + "      - \"80-81:90-92\"\n" << 8 << 9 << "differ";
    QTest::newRow("too long host range to one port")
        << head + "      - {target: 90, published: \"1000-3000\"}\n" << 8 << 9 << "more than";
    QTest::newRow("letters") << head + "      - abc\n" << 8 << 9 << "abc";
    QTest::newRow("empty host port") << head + "      - \":8080\"\n" << 8 << 9 << "empty";
    QTest::newRow("long without target") << head + "      - published: 80\n" << 8 << 9 << "target";
    QTest::newRow("long bad published") << head + "      - {target: 80, published: 70000}\n" << 8 << 9 << "70000";
    QTest::newRow("ports not a list") << QByteArray("services:\n  broken-one:\n    ports: \"80:80\"\n") << 3 << 12
                                      << "list";
    QTest::newRow("bad expose") << QByteArray("services:\n  broken-one:\n    expose: [\"x\"]\n") << 3 << 14 << "x";
}

void TestComposeFormat::shouldReportBadPortsWithPositionAndService()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, mentions);
    ParseError error;
    QVERIFY(!readText(text, &error));
    QCOMPARE(error.file, QStringLiteral("test.yml"));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY2(error.message.contains(QLatin1String("\"broken-one\"")), qPrintable(error.message));
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

void TestComposeFormat::shouldRejectDamagedFilesWithPosition_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");

    QTest::newRow("tab indentation") << QByteArray("services:\n  web:\n    image: x\n\tports: [\"1:1\"]\n") << 4;
    QTest::newRow("unclosed quote") << QByteArray("services:\n  web:\n    ports: [\"80:80]\n") << 3;
    QTest::newRow("quote unclosed to the end") << QByteArray("services:\n  web:\n    image: \"nginx\n") << 3;
    QTest::newRow("unclosed flow") << QByteArray("services:\n  web:\n    ports: [\"80:80\"\n") << 4;
    QByteArray binary("services:\n  web:\n    image: x\n");
    binary += QByteArray("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10);
    QTest::newRow("binary") << binary << 4;
    QTest::newRow("invalid utf-8") << QByteArray("services:\n  web:\n    image: \xff\xfe\n") << 3;
    QTest::newRow("not a mapping") << QByteArray("- just\n- a list\n") << 1;
    QTest::newRow("services is a list") << QByteArray("services:\n  - web\n") << 2;
    QTest::newRow("no services") << QByteArray("volumes:\n  data:\n") << 1;
    QTest::newRow("service not a map") << QByteArray("services:\n  web: 42\n") << 2;
    QTest::newRow("duplicate service") << QByteArray("services:\n  web:\n    image: a\n  web:\n    image: b\n") << 4;
    QTest::newRow("duplicate key") << QByteArray("services:\n  web:\n    ports: [\"1:1\"]\n    ports: [\"2:2\"]\n")
                                   << 4;
    QTest::newRow("alias without anchor") << QByteArray("services:\n  web:\n    <<: *base\n") << 3;
    QTest::newRow("alias inside its anchor") << QByteArray("services:\n  web: &w\n    labels: *w\n") << 3;
    QTest::newRow("null key twice") << QByteArray("services:\n  ~: {image: a}\n  null: {image: b}\n") << 3;
    QTest::newRow("control character") << QByteArray("services:\n  web:\n    image: x\n    labels: {a: \"x\x1b[0m\"}\n")
                                        << 4;
    QTest::newRow("deep nesting") << QByteArray("services: ") + QByteArray(100000, '[') << 1;
    // 20 MB of valid-looking YAML: refused by size, before it is parsed.
    QByteArray big("services:\n");
    const QByteArray entry("  s%1:\n    image: nginx\n    ports: [\"8080:80\"]\n");
    while (big.size() < 20 * 1024 * 1024)
        big += entry;
    // Positioned where reading stops.
    QTest::newRow("20 MB") << big << int(big.left(ComposeFormat::MaxFileSize).count('\n')) + 1;
}

void TestComposeFormat::shouldRejectDamagedFilesWithPosition()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    ParseError error;
    QVERIFY(!readText(text, &error));
    QCOMPARE(error.file, QStringLiteral("test.yml"));
    QCOMPARE(error.line, line);
    if (line > 0)
        QVERIFY(error.column > 0);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(error.toString().startsWith(QLatin1String("test.yml:")));
}

void TestComposeFormat::shouldRejectHostileFilesWithinBounds_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("errorFile"); // empty: the compose file itself
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("${A:-${A:-…}} 20,000 deep in a value")
        << regression(QStringLiteral("interpolation-nested-20k.yml")) << QString() << 5 << "more than 32 levels";
    QTest::newRow("${A:-${A:-…}} 20,000 deep in the .env beside it")
        << regression(QStringLiteral("env-nested-20k/docker-compose.yml"))
        << regression(QStringLiteral("env-nested-20k/.env")) << 3 << "more than 32 levels";
    QTest::newRow("a port range through an aliased list")
        << regression(QStringLiteral("compose-alias-port-ranges.yml")) << QString() << 259 << "port mappings";
    QTest::newRow("an environment aliased into every service")
        << regression(QStringLiteral("compose-alias-environment.yml")) << QString() << -1 << "aliases expand";
}

void TestComposeFormat::shouldRejectHostileFilesWithinBounds()
{
    QFETCH(QString, path);
    QFETCH(QString, errorFile);
    QFETCH(int, line);
    QFETCH(QString, message);
    QElapsedTimer clock;
    clock.start();
    ParseError error;
    QVERIFY(!readFixture(path, &error));
#ifndef PORTOLAN_SANITIZE // ASan and UBSan read several times slower: the bound is the normal build's
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
#endif
    QCOMPARE(error.file, errorFile.isEmpty() ? path : errorFile);
    if (line >= 0)
        QCOMPARE(error.line, line);
    else
        QVERIFY(error.line > 1);
    QVERIFY(error.column > 0);
    QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
}

void TestComposeFormat::shouldReadOnlyValidPortsAsReferences()
{
    ParseError error;
    const auto result = readFixture(regression(QStringLiteral("compose-invalid-reference-ports.yml")), &error);
    QVERIFY2(result, qPrintable(error.toString()));
    const Service *api = byName(result->schema, QStringLiteral("api"));
    QVERIFY(api);
    const QList<Reference> references = referencesFrom(result->schema, api->id);
    QCOMPARE(references.size(), 1);
    QCOMPARE(references.first().port, 5432);
    QHash<int, QString> warnings; // line → message
    for (const Diagnostic &d : result->warnings)
        warnings.insert(d.line, d.message);
    QVERIFY2(warnings.value(11).contains(QLatin1String("99999")), qPrintable(warnings.value(11)));
    QVERIFY2(warnings.value(12).contains(QLatin1String("port 0")), qPrintable(warnings.value(12)));
    QVERIFY2(warnings.value(15).contains(QLatin1String("-5")), qPrintable(warnings.value(15)));
}

void TestComposeFormat::shouldWriteAPlanThatOpensAgainAfterInvalidPorts()
{
    ParseError error;
    const auto fragment = readFixture(regression(QStringLiteral("compose-invalid-reference-ports.yml")), &error);
    QVERIFY2(fragment, qPrintable(error.toString()));
    Schema plan;
    plan.hosts.append(Host{QStringLiteral("box"), QStringLiteral("box"), QStringLiteral("127.0.0.1"), {}, {}});
    QStringList summary;
    QString mergeError;
    const std::optional<Schema> merged =
        mergeHostReality(plan, fragment->schema, QStringLiteral("box"), &summary, &mergeError);
    QVERIFY2(merged, qPrintable(mergeError));
    const QByteArray bytes = JsonFormat::serialize(*merged);
    QVERIFY2(JsonFormat::parse(bytes, QStringLiteral("plan.portolan.json"), &error), qPrintable(error.toString()));
}

void TestComposeFormat::shouldGiveThousandsOfKeysOfOneSlugIdsInLinearTime()
{
    // 8,192 keys that all slugify to "web": "web_", "web.-", …
    const char alphabet[] = {'_', '.', '-', '+'};
    QByteArray text("services:\n");
    for (int i = 0; i < 8192; ++i) {
        QByteArray key("web");
        for (int n = i + 1; n > 0; n /= 4)
            key += alphabet[n % 4];
        text += "  \"" + key + "\": {}\n";
    }
    QElapsedTimer clock;
    clock.start();
    ParseError error;
    const auto result = readText(text, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(result->schema.services.size(), 8192);
    QSet<QString> ids;
    for (const Service &s : result->schema.services)
        ids.insert(s.id);
    QCOMPARE(ids.size(), 8192);
    QVERIFY(ids.contains(QStringLiteral("web")));
    QVERIFY(ids.contains(QStringLiteral("web-8192")));
}

void TestComposeFormat::uniqueIdsShouldCountOnPerStem()
{
    UniqueIds ids;
    ids.insert(QStringLiteral("web-3"));
    QCOMPARE(ids.take(QStringLiteral("Web")), QStringLiteral("web"));
    QCOMPARE(ids.take(QStringLiteral("web")), QStringLiteral("web-2"));
    QCOMPARE(ids.take(QStringLiteral("web")), QStringLiteral("web-4"));
    QCOMPARE(ids.take(QStringLiteral("db")), QStringLiteral("db"));
    QCOMPARE(ids.take(QStringLiteral("web 2")), QStringLiteral("web-2-2"));
    QCOMPARE(ids.take(QStringLiteral("!!")), QStringLiteral("service"));
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 50000; ++i)
        ids.take(QStringLiteral("api"));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(ids.contains(QStringLiteral("api-50000")));
}

void TestComposeFormat::shouldMatchByNameAliasPrefixAndPort()
{
    Schema plan;
    plan.hosts.append({QStringLiteral("box"), QStringLiteral("Box"), {}, {}, {}});
    plan.hosts.append({QStringLiteral("other"), QStringLiteral("Other"), {}, {}, {}});
    auto add = [&](const QString &id, const QString &name, int planned, const QString &host = {}) {
        Service s;
        s.id = id;
        s.name = name;
        s.plannedPort = planned;
        s.hostId = host;
        plan.services.append(s);
    };
    add(QStringLiteral("mana-api-gateway"), QStringLiteral("mana-api-gateway"), 3016);
    add(QStringLiteral("minio-s3"), QStringLiteral("minio (S3 API)"), 9000);
    add(QStringLiteral("minio-console"), QStringLiteral("minio (Console)"), 9001);
    add(QStringLiteral("db"), QStringLiteral("database"), 5432);
    plan.services.last().aliases = QStringList{QStringLiteral("mana-db")};
    add(QStringLiteral("llm"), QStringLiteral("llm"), 3025, QStringLiteral("other"));

    const QByteArray compose = "services:\n"
                               "  api-gateway:\n    image: g\n    ports: [\"3016:3016\"]\n"
                               "  minio:\n    image: m\n    ports: [\"9000:9000\", \"9001:9001\", \"9002:9002\"]\n"
                               "  postgres:\n    image: p\n    container_name: mana-db\n    ports: [\"5433:5432\"]\n"
                               "  llm:\n    image: l\n    ports: [\"3025:3025\"]\n";
    ParseError error;
    const auto fragment = readText(compose, &error);
    QVERIFY2(fragment, qPrintable(error.toString()));
    QStringList summary;
    QString mergeError;
    const auto merged = ComposeFormat().merge(plan, *fragment, {QStringLiteral("test.yml"), QStringLiteral("box"), {}, {}},
                                              &summary, &mergeError);
    QVERIFY2(merged, qPrintable(mergeError));

    const Service *gateway = merged->service(QStringLiteral("mana-api-gateway"));
    QCOMPARE(gateway->actualPort, 3016); // prefix match
    QCOMPARE(gateway->hostId, QStringLiteral("box"));
    QCOMPARE(gateway->aliases.first(), QStringLiteral("api-gateway"));
    QCOMPARE(merged->service(QStringLiteral("minio-s3"))->actualPort, 9000); // family + port
    QCOMPARE(merged->service(QStringLiteral("minio-console"))->actualPort, 9001);
    const Service *extra = byName(*merged, QStringLiteral("minio:9002"));
    QVERIFY(extra);
    QVERIFY(extra->undocumented);
    const Service *db = merged->service(QStringLiteral("db"));
    QCOMPARE(db->actualPort, 5433); // alias (container name)
    QCOMPARE(db->containerPort, 5432);
    QCOMPARE(db->aliases, (QStringList{QStringLiteral("postgres"), QStringLiteral("mana-db")}));
    QVERIFY(!db->undocumented);
    // llm of the plan runs on another host: this one is another instance.
    QCOMPARE(merged->service(QStringLiteral("llm"))->hostId, QStringLiteral("other"));
    QCOMPARE(merged->service(QStringLiteral("llm"))->actualPort, 0);
    int llms = 0;
    for (const Service &s : merged->services)
        llms += s.name == QLatin1String("llm");
    QCOMPARE(llms, 2);
    QCOMPARE(merged->services.size(), plan.services.size() + 2);
    QVERIFY(summary.join(QLatin1Char('\n')).contains(QLatin1String("minio:9002")));
}

void TestComposeFormat::shouldListPlanServicesMissingFromTheFile()
{
    Schema plan;
    Service ghost;
    ghost.id = QStringLiteral("ghost");
    ghost.name = QStringLiteral("ghost");
    ghost.hostId = QStringLiteral("box");
    ghost.actualPort = 4000;
    plan.services.append(ghost);
    ParseError error;
    const auto fragment = readText("services:\n  web:\n    image: w\n    ports: [\"80:80\"]\n", &error);
    QVERIFY(fragment);
    QStringList summary;
    QString mergeError;
    const auto merged = mergeHostReality(plan, fragment->schema, QStringLiteral("box"), &summary, &mergeError);
    QVERIFY(merged);
    QVERIFY(merged->host(QStringLiteral("box"))); // a new host is added
    QCOMPARE(*merged->service(QStringLiteral("ghost")), ghost); // left as it was
    const QString text = summary.join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QLatin1String("ghost")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("web")));
}

void TestComposeFormat::shouldBeStableWhenImportedTwice()
{
    const QString path = QStringLiteral(PORTOLAN_REALWORLD_DIR "/docker-compose.macmini.yml");
    ParseError error;
    const auto fragment = readFixture(path, &error);
    QVERIFY2(fragment, qPrintable(error.toString()));
    QStringList summary;
    QString mergeError;
    const auto once = mergeHostReality(builtInSample(), fragment->schema, QStringLiteral("mac-mini"), &summary, &mergeError);
    QVERIFY(once);
    summary.clear();
    const auto twice = mergeHostReality(*once, fragment->schema, QStringLiteral("mac-mini"), &summary, &mergeError);
    QVERIFY(twice);
    QCOMPARE(twice->services.size(), once->services.size());
    QCOMPARE(twice->references.size(), once->references.size());
    QVERIFY2(*twice == *once, qPrintable(summary.join(QLatin1Char('\n'))));
}

void TestComposeFormat::shouldImportAsOneUndoableStep()
{
    SchemaDocument document(builtInSample());
    const Schema before = document.schema();
    ParseError error;
    const auto fragment = readFixture(fixture(QStringLiteral("anchors.yml")), &error);
    QVERIFY(fragment);
    QStringList summary;
    QString mergeError;
    const auto merged = mergeHostReality(before, fragment->schema, QStringLiteral("mac-mini"), &summary, &mergeError);
    QVERIFY(merged);
    QUndoCommand *command = importCommand(&document, *merged, QStringLiteral("Import anchors.yml"));
    QVERIFY(command);
    document.undoStack()->push(command);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.schema(), *merged);
    document.undoStack()->undo();
    QCOMPARE(document.schema(), before);
    document.undoStack()->redo();
    QCOMPARE(document.schema(), *merged);
    QVERIFY(!importCommand(&document, *merged, QStringLiteral("again"))); // nothing to do
}

static Schema exportSample()
{
    Schema schema;
    schema.title = QStringLiteral("Round trip");
    schema.hosts.append({QStringLiteral("box"), QStringLiteral("Box"), {}, QStringLiteral("docker-compose"), {}});
    auto add = [&](const QString &name, int port, int container, Protocol protocol, const QString &bind,
                   Exposure exposure = Exposure::Unspecified, const QStringList &aliases = {}) {
        Service s;
        s.id = slugify(name);
        s.name = name;
        s.plannedPort = port;
        s.containerPort = container;
        s.protocol = protocol;
        s.bindAddress = bind;
        s.exposure = exposure;
        s.aliases = aliases;
        s.plannedHostId = QStringLiteral("box");
        schema.services.append(s);
    };
    add(QStringLiteral("web"), 8080, 80, Protocol::Tcp, {});
    add(QStringLiteral("dns"), 5353, 53, Protocol::Udp, QStringLiteral("127.0.0.1"));
    add(QStringLiteral("local-v6"), 6001, 0, Protocol::Tcp, QStringLiteral("::1"));
    add(QStringLiteral("minio (S3 API)"), 9000, 9000, Protocol::Tcp, {}, Exposure::Unspecified, {QStringLiteral("minio")});
    add(QStringLiteral("minio (Console)"), 9001, 9001, Protocol::Tcp, {}, Exposure::Unspecified, {QStringLiteral("minio")});
    add(QStringLiteral("queue"), 0, 5672, Protocol::Tcp, {}, Exposure::Internal);
    return schema;
}

void TestComposeFormat::shouldRoundTripTheExportedSnippet()
{
    const Schema schema = exportSample();
    FormatOptions options;
    options.hostId = QStringLiteral("box");
    QString writeError;
    const auto bytes = ComposeFormat().write(schema, options, &writeError);
    QVERIFY2(bytes, qPrintable(writeError));
    QVERIFY(bytes->contains("\"8080:80/tcp\""));
    QVERIFY(bytes->contains("\"127.0.0.1:5353:53/udp\""));
    QVERIFY(bytes->contains("\"[::1]:6001:6001/tcp\""));
    QVERIFY(bytes->contains("expose:"));

    ParseError error;
    const auto back = readText(*bytes, &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QStringList summary;
    QString mergeError;
    Schema plan = schema;
    const auto merged = mergeHostReality(plan, back->schema, QStringLiteral("box"), &summary, &mergeError);
    QVERIFY(merged);
    QCOMPARE(merged->services.size(), schema.services.size()); // every mapping found its service
    for (const Service &s : merged->services) {
        const Service *original = schema.service(s.id);
        QVERIFY(original);
        QVERIFY(!s.undocumented);
        QCOMPARE(s.actualPort, original->plannedPort);
        QCOMPARE(s.containerPort, original->containerPort > 0 ? original->containerPort : original->plannedPort);
        QCOMPARE(s.protocol, original->protocol);
        QCOMPARE(s.bindAddress, original->bindAddress);
    }
}

void TestComposeFormat::shouldWriteSnippetsDockerComposeAccepts()
{
    // The real mana file merged into the sample, plus the hand-made cases.
    ParseError error;
    const auto fragment = readFixture(QStringLiteral(PORTOLAN_REALWORLD_DIR "/docker-compose.macmini.yml"), &error);
    QVERIFY(fragment);
    QStringList summary;
    QString mergeError;
    const auto real = mergeHostReality(builtInSample(), fragment->schema, QStringLiteral("mac-mini"), &summary, &mergeError);
    QVERIFY(real);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<std::pair<Schema, QString>> cases = {{*real, QStringLiteral("mac-mini")}, {exportSample(), QStringLiteral("box")}};
    for (const auto &[schema, host] : cases) {
        FormatOptions options;
        options.hostId = host;
        options.extra.insert(QStringLiteral("compose"), QStringLiteral("older")); // what Debian's docker-compose 1.29 reads
        QString writeError;
        const auto snippet = ComposeFormat().write(schema, options, &writeError);
        QVERIFY(snippet);
        QVERIFY(!snippet->contains("!override"));
        // docker-compose v1 needs image or build per service: a base file gives them.
        QByteArray base = "version: \"3.8\"\nservices:\n";
        QSet<QString> keys;
        for (const Service *s : servicesForHost(schema, host)) {
            if (!keys.contains(composeKey(*s))) {
                keys.insert(composeKey(*s));
                base += "  \"" + composeKey(*s).toUtf8() + "\":\n    image: busybox\n";
            }
        }
        QFile baseFile(dir.filePath(QStringLiteral("base.yml")));
        QVERIFY(baseFile.open(QIODevice::WriteOnly));
        baseFile.write(base);
        baseFile.close();
        QFile snippetFile(dir.filePath(QStringLiteral("snippet.yml")));
        QVERIFY(snippetFile.open(QIODevice::WriteOnly));
        // v1 wants the same file version in an override.
        snippetFile.write("version: \"3.8\"\n" + *snippet);
        snippetFile.close();
        QString output;
        const bool ok = Test::runTool(QStringLiteral("docker-compose"),
                                {QStringLiteral("-f"), QStringLiteral("base.yml"), QStringLiteral("-f"),
                                 QStringLiteral("snippet.yml"), QStringLiteral("config"), QStringLiteral("-q")},
                                dir.path(), &output);
        QVERIFY2(ok, qPrintable(output + QString::fromUtf8(*snippet)));
    }
}

void TestComposeFormat::overrideSnippetShouldReplaceTheBasePorts()
{
    // A move from 80 to 8080: with the default snippet, Compose 2.24.4+ (and
    // Portolan's reader, which follows it) publishes 8080 only, not both.
    QTemporaryDir dir;
    QVERIFY(Test::writeTestFile(dir.path(), QStringLiteral("docker-compose.yml"),
                                "services:\n  web:\n    image: nginx\n    ports:\n      - \"80:80\"\n"));
    Schema schema;
    schema.hosts = {Host{QStringLiteral("box"), QStringLiteral("Box"), {}, {}, {}, {}}};
    Service web = Test::service(QStringLiteral("web"), 8080, 80, QStringLiteral("box"));
    web.containerPort = 80;
    web.aliases = {QStringLiteral("web")};
    schema.services = {web};
    FormatOptions options;
    options.hostId = QStringLiteral("box");
    QString writeError;
    const auto snippet = ComposeFormat().write(schema, options, &writeError);
    QVERIFY(snippet);
    QVERIFY2(snippet->contains("    ports: !override\n      - \"8080:80/tcp\"\n") && snippet->contains("Compose 2.24.4 or later"),
             snippet->constData());
    QVERIFY(Test::writeTestFile(dir.path(), QStringLiteral("ports.yml"), *snippet));
    FormatOptions read;
    read.fileName = QStringLiteral("docker-compose.yml");
    read.hostId = QStringLiteral("box");
    read.baseDir = dir.path();
    read.extra.insert(QStringLiteral("overrideFiles"), QStringList{dir.filePath(QStringLiteral("ports.yml"))});
    read.extra.insert(QStringLiteral("overrideNames"), QStringList{QStringLiteral("ports.yml")});
    ParseError error;
    QFile base(dir.filePath(QStringLiteral("docker-compose.yml")));
    QVERIFY(base.open(QIODevice::ReadOnly));
    const auto result = ComposeFormat().read(base.readAll(), read, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QList<int> published;
    for (const Service &s : result->schema.services)
        published.append(s.actualPort);
    QCOMPARE(published, QList<int>{8080});
}

QTEST_GUILESS_MAIN(TestComposeFormat)
#include "tst_composeformat.moc"
