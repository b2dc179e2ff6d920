#include "jsonformat.h"
#include "testutil.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    void checkShouldRejectUnreadableInput();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments);
    QString writeSchema(const Schema &schema, const QString &name);

    QTemporaryDir mDir;
};

void tst_Cli::initTestCase()
{
    QVERIFY(mDir.isValid());
}

tst_Cli::Result tst_Cli::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
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
    QVERIFY(lines.first().startsWith(QStringLiteral("::error file=docker-compose.yml,line=42,title=host-collision::")));
    for (const QString &line : lines)
        QVERIFY2(line.startsWith(QStringLiteral("::error ")) || line.startsWith(QStringLiteral("::warning "))
                     || line.startsWith(QStringLiteral("::notice ")),
                 qPrintable(line));

    const Result text = run({QStringLiteral("check"), file});
    QCOMPARE(text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), findings.size() + 1);
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
    QVERIFY2(r.err.contains(QStringLiteral("bad.portolan.json: services[0].plannedPort: 70000 is not a port")),
             qPrintable(r.err));
    const Result missing = run({QStringLiteral("check"), mDir.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(missing.exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
