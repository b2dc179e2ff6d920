#include "jsonformat.h"
#include "testutil.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Portolan;

// The portolan binary as users and CI run it.
class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldPrintHelpAndVersion();
    void shouldRejectBadUsage_data();
    void shouldRejectBadUsage();
    void shouldRenderAScreenshot();
    void checkShouldExitByWorstSeverity();
    void checkShouldPrintEveryFormat();
    void checkJsonShouldBeQJsonDocumentsLayout();
    void progressShouldGoToStandardErrorAndBeErased();
    void checkShouldRejectUnreadableInput();
    void checkShouldPointAtTheServiceLine();
    void checkShouldWriteSarif();
    void checkShouldCheckComposeFilesAndSeveralFiles();
    void importIntoThePlanItselfShouldWriteAPlanThatOpensAgain();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments, const QString &workingDirectory = {}, const QStringList &environment = {});
    QString brokenSample(const QString &name);
    QString writeSchema(const Schema &schema, const QString &name);

    QTemporaryDir mDir;
};

void tst_Cli::initTestCase()
{
    QVERIFY(mDir.isValid());
}

tst_Cli::Result tst_Cli::run(const QStringList &arguments, const QString &workingDirectory,
                             const QStringList &environment)
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    for (const QString &pair : environment)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PORTOLAN_BINARY), arguments);
    if (!process.waitForFinished(30000))
        return {-1, {}, QStringLiteral("timed out")};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString tst_Cli::writeSchema(const Schema &schema, const QString &name)
{
    const QString file = mDir.filePath(name);
    QString error;
    if (!saveSchemaFile(file, schema, &error))
        qFatal("%s", qPrintable(error));
    return file;
}

void tst_Cli::shouldPrintHelpAndVersion()
{
    Result help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--screenshot")));
    QVERIFY(help.out.contains(QStringLiteral("check FILE")));
    Result version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("portolan ")));
    Result checkHelp = run({QStringLiteral("check"), QStringLiteral("--help")});
    QCOMPARE(checkHelp.exitCode, 0);
    QVERIFY(checkHelp.out.contains(QStringLiteral("--format")));
}

void tst_Cli::shouldRejectBadUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate"), QStringLiteral("x")}
                                     << QStringLiteral("unknown command");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
    QTest::newRow("check without file") << QStringList{QStringLiteral("check")} << QStringLiteral("expected at least one FILE");
    QTest::newRow("check bad format") << QStringList{QStringLiteral("check"), QStringLiteral("x"), QStringLiteral("--format"),
                                                     QStringLiteral("xml")}
                                      << QStringLiteral("unknown format");
    QTest::newRow("export unknown format")
        << QStringList{QStringLiteral("export"), QStringLiteral("x"), QStringLiteral("--to"), QStringLiteral("docx")}
        << QStringLiteral("unknown output format");
    QTest::newRow("import without output")
        << QStringList{QStringLiteral("import"), QStringLiteral("x"), QStringLiteral("--from"), QStringLiteral("json")}
        << QStringLiteral("required");
    QTest::newRow("open missing file") << QStringList{QStringLiteral("/nonexistent.portolan.json"),
                                                      QStringLiteral("--screenshot"), QStringLiteral("/tmp/never.png")}
                                       << QStringLiteral("does not exist");
}

void tst_Cli::shouldRejectBadUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void tst_Cli::shouldRenderAScreenshot()
{
    const QString png = mDir.filePath(QStringLiteral("window.png"));
    const Result r = run({QStringLiteral("--screenshot"), png});
    QCOMPARE(r.exitCode, 0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1400, 900));
    // Not a blank picture: the table draws text and lines.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 10);
}

void tst_Cli::checkShouldExitByWorstSeverity()
{
    // The sample has warnings and infos but no error.
    const Result clean = run({QStringLiteral("check"), writeSchema(builtInSample(), QStringLiteral("sample.portolan.json"))});
    QCOMPARE(clean.exitCode, 0);
    QVERIFY(clean.out.contains(QStringLiteral("warning drift mana-credits runs on 3061 but is planned on 3002")));

    Schema broken = builtInSample();
    for (Service &s : broken.services) {
        if (s.id == QLatin1String("mana-tts"))
            s.actualPort = 3023; // onto mana-image-gen, same host
    }
    const Result collision = run({QStringLiteral("check"), writeSchema(broken, QStringLiteral("broken.portolan.json"))});
    QCOMPARE(collision.exitCode, 1);
    QVERIFY(collision.out.startsWith(QStringLiteral("error host-collision Port 3023/tcp on Windows GPU server")));
}

void tst_Cli::checkShouldPrintEveryFormat()
{
    Schema broken = builtInSample();
    for (Service &s : broken.services) {
        if (s.id == QLatin1String("mana-tts")) {
            s.actualPort = 3023;
            s.origin = SourceLocation{QStringLiteral("docker-compose.yml"), 42, 7};
        }
    }
    const QString file = writeSchema(broken, QStringLiteral("formats.portolan.json"));

    const Result json = run({QStringLiteral("check"), file, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 1);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray findings = doc.object().value(QStringLiteral("findings")).toArray();
    QVERIFY(!findings.isEmpty());
    const QJsonObject first = findings.first().toObject();
    for (const char *key : {"rule", "severity", "message", "services", "hosts", "ports", "file", "line"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(first.value(QStringLiteral("rule")).toString(), QStringLiteral("host-collision"));
    QCOMPARE(first.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(first.value(QStringLiteral("line")).toInt(), 42);
    const QJsonObject summary = doc.object().value(QStringLiteral("summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("errors")).toInt(), 1);
    QVERIFY(summary.value(QStringLiteral("warnings")).toInt() > 0);
    QCOMPARE(summary.value(QStringLiteral("errors")).toInt() + summary.value(QStringLiteral("warnings")).toInt()
                 + summary.value(QStringLiteral("infos")).toInt(),
             int(findings.size()));

    const Result github = run({QStringLiteral("check"), file, QStringLiteral("--format"), QStringLiteral("github")});
    QCOMPARE(github.exitCode, 1);
    const QStringList lines = github.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // Origins are relative to the plan's folder; annotations to where check runs.
    QString compose = QDir::current().relativeFilePath(QFileInfo(file).absolutePath() + QStringLiteral("/docker-compose.yml"));
    if (compose.startsWith(QLatin1String("../")))
        compose = QFileInfo(file).absolutePath() + QStringLiteral("/docker-compose.yml");
    compose.replace(QLatin1Char(':'), QLatin1String("%3A"));
    QVERIFY2(lines.first().startsWith(QStringLiteral("::error file=%1,line=42,title=host-collision::").arg(compose)),
             qPrintable(lines.first()));
    for (const QString &line : lines)
        QVERIFY2(line.startsWith(QStringLiteral("::error ")) || line.startsWith(QStringLiteral("::warning "))
                     || line.startsWith(QStringLiteral("::notice ")),
                 qPrintable(line));

    const Result text = run({QStringLiteral("check"), file});
    QCOMPARE(text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), findings.size() + 1);
}

// check writes its JSON itself (a fleet's findings are not built as a
// QJsonDocument first); it promises QJsonDocument's indented layout byte for
// byte, escapes included.
void tst_Cli::checkJsonShouldBeQJsonDocumentsLayout()
{
    Schema schema = builtInSample();
    const QString hostId = schema.hosts.first().id;
    const QStringList names{QStringLiteral("quote \"q\" and back\\slash"),
                            QStringLiteral("tab\there, newline\nthere, bell\u0007"),
                            QStringLiteral("Grüße 😀 \u2028 </script>")};
    for (const QString &name : names) {
        Service s;
        s.id = QStringLiteral("odd-%1").arg(schema.services.size());
        s.name = name;
        s.hostId = hostId;
        s.plannedPort = 4999;
        s.actualPort = 4999;
        schema.services.append(s);
    }
    const QString file = writeSchema(schema, QStringLiteral("layout.portolan.json"));
    const Result json = run({QStringLiteral("check"), file, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 1);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(json.out.contains(QStringLiteral("Grüße 😀")));
    QCOMPARE(json.out.toUtf8(), doc.toJson(QJsonDocument::Indented));
}

void tst_Cli::progressShouldGoToStandardErrorAndBeErased()
{
    const QString file = writeSchema(builtInSample(), QStringLiteral("progress.portolan.json"));
    const QStringList commands[] = {{QStringLiteral("check"), file, QStringLiteral("--format"), QStringLiteral("json")},
                                    {QStringLiteral("export"), file, QStringLiteral("--to"), QStringLiteral("markdown")}};
    for (const QStringList &arguments : commands) {
        // Standard error is not a terminal here: no progress, unless asked for.
        const Result plain = run(arguments);
        QVERIFY2(!plain.err.contains(QLatin1Char('\r')), qPrintable(plain.err));
        const Result shown = run(arguments, QString(), {QStringLiteral("PORTOLAN_PROGRESS=1")});
        QCOMPARE(shown.exitCode, plain.exitCode);
        QCOMPARE(shown.out, plain.out); // the result alone on standard output
        const QString prefix = QStringLiteral("\rportolan %1: reading %2…\x1b[K").arg(arguments.first(), file);
        QVERIFY2(shown.err.startsWith(prefix), qPrintable(shown.err.toUtf8().toPercentEncoding()));
        QVERIFY2(shown.err.endsWith(QLatin1String("\r\x1b[K")), qPrintable(shown.err.toUtf8().toPercentEncoding()));
        const Result none = run(arguments, QString(), {QStringLiteral("PORTOLAN_PROGRESS=0")});
        QVERIFY(none.err.isEmpty());
    }
    // In English plural forms, also under the C locale.
    const Result check = run(commands[0], QString(), {QStringLiteral("PORTOLAN_PROGRESS=1")});
    QVERIFY2(check.err.contains(QStringLiteral("analysing %1 services").arg(QLocale::c().toString(builtInSample().services.size()))),
             qPrintable(check.err.toUtf8().toPercentEncoding()));
}

void tst_Cli::checkShouldRejectUnreadableInput()
{
    const QString bad = mDir.filePath(QStringLiteral("bad.portolan.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": 1,\n \"services\": [\n  {\"id\": \"x\", \"name\": \"x\", \"plannedPort\": 70000}\n]}");
    file.close();
    const Result r = run({QStringLiteral("check"), bad});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("bad.portolan.json:3:43: services[0].plannedPort: 70000 is not a port")),
             qPrintable(r.err));
    const Result missing = run({QStringLiteral("check"), mDir.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(missing.exitCode, 2);
}

// The sample with mana-tts moved onto mana-image-gen's port (a host
// collision, no origin) and mana-crawler as if imported from a compose file
// and absent from the plan (undocumented, with its origin).
QString tst_Cli::brokenSample(const QString &name)
{
    Schema broken = builtInSample();
    for (Service &s : broken.services) {
        if (s.id == QLatin1String("mana-tts"))
            s.actualPort = 3023;
        if (s.id == QLatin1String("mana-crawler")) {
            s.undocumented = true;
            s.origin = SourceLocation{QStringLiteral("docker-compose.yml"), 42, 7};
        }
    }
    return writeSchema(broken, name);
}

static int lineOf(const QString &fileName, const QString &text)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(text))
            return i + 1;
    }
    return 0;
}

void tst_Cli::checkShouldPointAtTheServiceLine()
{
    // Findings of the plan itself point at the line of their first service,
    // so that GitHub shows the annotation there.
    const QString file = brokenSample(QStringLiteral("lines.portolan.json"));
    const int line = lineOf(file, QStringLiteral("\"id\": \"mana-tts\""));
    QVERIFY(line > 0);
    const Result github = run({QStringLiteral("check"), QStringLiteral("lines.portolan.json"), QStringLiteral("--format"),
                               QStringLiteral("github")},
                              mDir.path());
    QCOMPARE(github.exitCode, 1);
    QVERIFY2(github.out.startsWith(
                 QStringLiteral("::error file=lines.portolan.json,line=%1,title=host-collision::Port 3023/tcp").arg(line)),
             qPrintable(github.out));
    // Every annotation of the plan has a line: each finding names a service or a host.
    for (const QString &l : github.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!l.contains(QLatin1String("title=range-overlap")) && !l.contains(QLatin1String("title=range-full")))
            QVERIFY2(l.contains(QLatin1String(",line=")), qPrintable(l));
    }
    // A finding read from a compose file points there.
    QVERIFY2(github.out.contains(QStringLiteral("::warning file=docker-compose.yml,line=42,title=undocumented::")),
             qPrintable(github.out));
}

void tst_Cli::checkShouldWriteSarif()
{
    const QString file = brokenSample(QStringLiteral("sarif.portolan.json"));
    const Result json = run({QStringLiteral("check"), file, QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonArray findings = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("findings")).toArray();
    const Result r = run({QStringLiteral("check"), QStringLiteral("sarif.portolan.json"), QStringLiteral("--format"),
                          QStringLiteral("sarif")},
                         mDir.path());
    QCOMPARE(r.exitCode, 1);
    QJsonParseError error;
    const QJsonObject log = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);

    // SARIF 2.1.0 (OASIS): version and schema, one run, the tool's driver.
    QCOMPARE(log.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
    QVERIFY(log.value(QStringLiteral("$schema")).toString().endsWith(QStringLiteral("/sarif-schema-2.1.0.json")));
    const QJsonArray runs = log.value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run = runs.first().toObject();
    const QJsonObject driver = run.value(QStringLiteral("tool")).toObject().value(QStringLiteral("driver")).toObject();
    QCOMPARE(driver.value(QStringLiteral("name")).toString(), QStringLiteral("Portolan"));
    QCOMPARE(driver.value(QStringLiteral("version")).toString(), QStringLiteral(PORTOLAN_VERSION));
    QVERIFY(driver.value(QStringLiteral("informationUri")).toString().startsWith(QStringLiteral("https://")));
    const QSet<QString> levels{QStringLiteral("error"), QStringLiteral("warning"), QStringLiteral("note")};
    const QJsonArray rules = driver.value(QStringLiteral("rules")).toArray();
    QCOMPARE(rules.size(), allRules().size());
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject rule = rules.at(i).toObject();
        QCOMPARE(rule.value(QStringLiteral("id")).toString(), allRules().at(i).id);
        QVERIFY(!rule.value(QStringLiteral("shortDescription")).toObject().value(QStringLiteral("text")).toString().isEmpty());
        QVERIFY(levels.contains(
            rule.value(QStringLiteral("defaultConfiguration")).toObject().value(QStringLiteral("level")).toString()));
    }

    // One result per finding, in the same order, each with its rule, level and place.
    const QJsonArray results = run.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), findings.size());
    const QHash<QString, QString> levelOf{{QStringLiteral("error"), QStringLiteral("error")},
                                          {QStringLiteral("warning"), QStringLiteral("warning")},
                                          {QStringLiteral("info"), QStringLiteral("note")}};
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        const QJsonObject finding = findings.at(i).toObject();
        QCOMPARE(result.value(QStringLiteral("ruleId")).toString(), finding.value(QStringLiteral("rule")).toString());
        const int index = result.value(QStringLiteral("ruleIndex")).toInt(-1);
        QCOMPARE(rules.at(index).toObject().value(QStringLiteral("id")).toString(),
                 result.value(QStringLiteral("ruleId")).toString());
        QCOMPARE(result.value(QStringLiteral("level")).toString(),
                 levelOf.value(finding.value(QStringLiteral("severity")).toString()));
        QCOMPARE(result.value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).toString(),
                 finding.value(QStringLiteral("message")).toString());
        const QJsonArray locations = result.value(QStringLiteral("locations")).toArray();
        QCOMPARE(locations.size(), 1);
        const QJsonObject physical = locations.first().toObject().value(QStringLiteral("physicalLocation")).toObject();
        const QString uri = physical.value(QStringLiteral("artifactLocation")).toObject().value(QStringLiteral("uri")).toString();
        QVERIFY2(uri == QLatin1String("sarif.portolan.json") || uri == QLatin1String("docker-compose.yml"), qPrintable(uri));
        QVERIFY(physical.value(QStringLiteral("region")).toObject().value(QStringLiteral("startLine")).toInt() >= 1);
    }
    const QJsonObject first = results.first().toObject();
    QCOMPARE(first.value(QStringLiteral("ruleId")).toString(), QStringLiteral("host-collision"));
    const QJsonObject region = first.value(QStringLiteral("locations")).toArray().first().toObject()
                                   .value(QStringLiteral("physicalLocation")).toObject()
                                   .value(QStringLiteral("region")).toObject();
    QCOMPARE(region.value(QStringLiteral("startLine")).toInt(),
             lineOf(mDir.filePath(QStringLiteral("sarif.portolan.json")), QStringLiteral("\"id\": \"mana-tts\"")));
}

void tst_Cli::importIntoThePlanItselfShouldWriteAPlanThatOpensAgain()
{
    // Ports 99999, 0 and -5 in references were stored, and the plan then
    // refused to open.
    Schema schema;
    schema.hosts.append(Host{QStringLiteral("box"), QStringLiteral("box"), QStringLiteral("127.0.0.1"), {}, {}});
    const QString plan = writeSchema(schema, QStringLiteral("reimport.portolan.json"));
    const QString compose =
        QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/fuzz-regressions/compose-invalid-reference-ports.yml");
    const Result imported = run({QStringLiteral("import"), compose, QStringLiteral("--from"), QStringLiteral("compose"),
                                 QStringLiteral("--host"), QStringLiteral("box"), QStringLiteral("--into"), plan,
                                 QStringLiteral("-o"), plan});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.err.contains(QLatin1String("compose-invalid-reference-ports.yml:11:")), qPrintable(imported.err));
    QVERIFY2(imported.err.contains(QLatin1String("99999")), qPrintable(imported.err));
    const Result checked = run({QStringLiteral("check"), plan});
    QVERIFY2(checked.exitCode == 0 || checked.exitCode == 1, qPrintable(checked.err));
    ParseError error;
    QVERIFY2(loadSchemaFile(plan, &error), qPrintable(error.toString()));
}

void tst_Cli::checkShouldCheckComposeFilesAndSeveralFiles()
{
    // The real compose file of 2026-04-17 on its own: its two host
    // collisions and its broken references, none of the plan-only rules.
    const QString compose = QStringLiteral(PORTOLAN_REALWORLD_DIR "/docker-compose.macmini.yml");
    const Result alone = run({QStringLiteral("check"), compose, QStringLiteral("--host"), QStringLiteral("mac-mini"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(alone.exitCode, 1);
    const QJsonObject root = QJsonDocument::fromJson(alone.out.toUtf8()).object();
    QStringList collisions;
    for (const QJsonValue &v : root.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        QVERIFY2(f.value(QStringLiteral("rule")).toString() != QLatin1String("unranged"), "a compose file has no ranges");
        QCOMPARE(f.value(QStringLiteral("file")).toString(), compose);
        QVERIFY(f.value(QStringLiteral("line")).toInt() > 0);
        if (f.value(QStringLiteral("rule")).toString() == QLatin1String("host-collision"))
            collisions.append(QString::number(f.value(QStringLiteral("ports")).toArray().first().toInt()));
    }
    QCOMPARE(collisions, (QStringList{QStringLiteral("3015"), QStringLiteral("3016")}));
    QVERIFY(alone.out.contains(QStringLiteral("memoro-server expects mana-credits on port 3006, but it listens on 3002")));
    QVERIFY(alone.out.contains(QStringLiteral("on mac-mini is used by")));

    // A clean plan, the compose file and a missing file: every readable file
    // is checked and named, and the missing one makes it exit 2.
    const QString plan = writeSchema(builtInSample(), QStringLiteral("clean.portolan.json"));
    const QString missing = mDir.filePath(QStringLiteral("missing.portolan.json"));
    const Result several = run({QStringLiteral("check"), plan, compose, missing});
    QCOMPARE(several.exitCode, 2);
    QVERIFY2(several.err.contains(QStringLiteral("missing.portolan.json")), qPrintable(several.err));
    QVERIFY(several.out.contains(plan + QStringLiteral(": warning drift mana-credits runs on 3061 but is planned on 3002\n")));
    QVERIFY(several.out.contains(compose + QStringLiteral(": error host-collision Port 3015/tcp on localhost")));
    const Result both = run({QStringLiteral("check"), plan, compose});
    QCOMPARE(both.exitCode, 1);
    // One count over both: the plan's 21 warnings and 17 infos, the compose
    // file's 6 errors (2 collisions, 4 broken references) and 4 infos (privileged ports).
    QVERIFY2(both.out.endsWith(QStringLiteral("\n6 errors, 21 warnings, 21 infos\n")), qPrintable(both.out.right(200)));
    QCOMPARE(run({QStringLiteral("check"), plan, plan}).exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
