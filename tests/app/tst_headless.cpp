#include "jsonformat.h"
#include "testutil.h"

#include <QImage>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Portolan;

// The command line as CI runners and ssh sessions have it: no DISPLAY, no
// WAYLAND_DISPLAY and no QT_QPA_PLATFORM, or a QT_QPA_PLATFORM=xcb left over
// with nothing to connect to. Only the window may need a display.
class tst_Headless : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldAnswerHelpAndVersion_data();
    void shouldAnswerHelpAndVersion();
    void shouldRunEveryCommand_data();
    void shouldRunEveryCommand();
    void shouldSpeakGerman();
    void shouldRenderAScreenshot();
    void shouldExplainThatTheWindowNeedsADisplay();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
    };
    // platform: empty = QT_QPA_PLATFORM unset.
    Result run(const QStringList &arguments, const QString &platform = {});
    QString writeSchema(const Schema &schema, const QString &name);
    static void addPlatforms();

    QTemporaryDir mDir;
    QTcpServer mListener;
};

void tst_Headless::initTestCase()
{
    QVERIFY(mDir.isValid());
    QVERIFY(mListener.listen(QHostAddress::LocalHost, 0));
}

tst_Headless::Result tst_Headless::run(const QStringList &arguments, const QString &platform)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE"})
        env.remove(QLatin1String(name));
    if (!platform.isEmpty())
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    // Settings of this run only (the window reads them).
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), mDir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), mDir.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(mDir.path());
    process.start(QStringLiteral(PORTOLAN_BINARY), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, QStringLiteral("timed out")};
    }
    // A crash (Qt's abort when it cannot open a display) is not an exit code.
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString tst_Headless::writeSchema(const Schema &schema, const QString &name)
{
    const QString file = mDir.filePath(name);
    QString error;
    if (!saveSchemaFile(file, schema, &error))
        qFatal("%s", qPrintable(error));
    return file;
}

void tst_Headless::addPlatforms()
{
    QTest::addColumn<QString>("platform");
    QTest::newRow("no platform") << QString();
    QTest::newRow("xcb without a display") << QStringLiteral("xcb");
}

void tst_Headless::shouldAnswerHelpAndVersion_data()
{
    addPlatforms();
}

void tst_Headless::shouldAnswerHelpAndVersion()
{
    QFETCH(QString, platform);
    const Result help = run({QStringLiteral("--help")}, platform);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.startsWith(QStringLiteral("Usage: portolan [options] [FILE]\n")), qPrintable(help.out));
    QVERIFY(help.out.contains(QStringLiteral("  check FILE... [--format text|json|github|sarif]")));
    QVERIFY(help.out.contains(QStringLiteral("--screenshot <OUT.png>")));
    QVERIFY2(help.err.isEmpty(), qPrintable(help.err));

    const Result version = run({QStringLiteral("--version")}, platform);
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QStringLiteral("portolan " PORTOLAN_VERSION "\n"));
    QVERIFY2(version.err.isEmpty(), qPrintable(version.err));

    for (const char *command : {"check", "import", "export", "diff", "probe", "moves", "apply"}) {
        const Result r = run({QLatin1String(command), QStringLiteral("--help")}, platform);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: portolan %1 [options]").arg(QLatin1String(command))),
                 qPrintable(r.out));
    }

    const Result bad = run({QStringLiteral("--frobnicate")}, platform);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("frobnicate")), qPrintable(bad.err));
}

void tst_Headless::shouldRunEveryCommand_data()
{
    addPlatforms();
}

void tst_Headless::shouldRunEveryCommand()
{
    QFETCH(QString, platform);
    const QString sample = writeSchema(builtInSample(), QStringLiteral("sample.portolan.json"));

    const Result check = run({QStringLiteral("check"), sample}, platform);
    QCOMPARE(check.exitCode, 0);
    QVERIFY2(check.out.endsWith(QStringLiteral("0 errors, 21 warnings, 17 infos\n")), qPrintable(check.out));

    const QString plan = mDir.filePath(QStringLiteral("imported-%1.portolan.json").arg(platform));
    const Result import = run({QStringLiteral("import"), QStringLiteral(PORTOLAN_REALWORLD_DIR "/docs/PORT_SCHEMA.md"),
                               QStringLiteral("--from"), QStringLiteral("markdown"), QStringLiteral("-o"), plan},
                              platform);
    QCOMPARE(import.exitCode, 0);
    ParseError error;
    QVERIFY2(loadSchemaFile(plan, &error).has_value(), qPrintable(error.toString()));

    const Result markdown =
        run({QStringLiteral("export"), sample, QStringLiteral("--to"), QStringLiteral("markdown")}, platform);
    QCOMPARE(markdown.exitCode, 0);
    QVERIFY(markdown.out.startsWith(QStringLiteral("# ")));

    // Pictures paint with fonts: the one path that needs a GUI application.
    const QString png = mDir.filePath(QStringLiteral("grid-%1.png").arg(platform));
    const Result picture = run({QStringLiteral("export"), sample, QStringLiteral("--to=png"), QStringLiteral("-o"), png},
                               platform);
    QCOMPARE(picture.exitCode, 0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 500);
    const Result svg = run({QStringLiteral("export"), sample, QStringLiteral("--to"), QStringLiteral("svg")}, platform);
    QCOMPARE(svg.exitCode, 0);
    QVERIFY(svg.out.contains(QStringLiteral("<svg")));

    const Result diff = run({QStringLiteral("diff"), sample, plan}, platform);
    QCOMPARE(diff.exitCode, 0);
    QVERIFY2(diff.out.contains(QStringLiteral(" moves, ")) || diff.out.contains(QStringLiteral(" move, ")), qPrintable(diff.out));

    Schema listening;
    listening.hosts = {Host{QStringLiteral("here"), QStringLiteral("Here"), QStringLiteral("127.0.0.1"), {}, {}}};
    listening.services = {Test::service(QStringLiteral("web"), mListener.serverPort(), mListener.serverPort(),
                                        QStringLiteral("here"))};
    const Result probe = run({QStringLiteral("probe"), writeSchema(listening, QStringLiteral("loopback.portolan.json")),
                              QStringLiteral("--timeout"), QStringLiteral("2000")},
                             platform);
    QVERIFY2(probe.exitCode == 0, qPrintable(probe.out + probe.err));
}

void tst_Headless::shouldSpeakGerman()
{
    const Result help = run({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("Diese Hilfe zeigen und beenden.")), qPrintable(help.out));
    const Result check = run({QStringLiteral("check"), writeSchema(builtInSample(), QStringLiteral("de.portolan.json")),
                              QStringLiteral("--lang=de")});
    QCOMPARE(check.exitCode, 0);
    QVERIFY2(check.out.endsWith(QStringLiteral("0 Fehler, 21 Warnungen, 17 Hinweise\n")), qPrintable(check.out));
}

void tst_Headless::shouldRenderAScreenshot()
{
    const QString png = mDir.filePath(QStringLiteral("window.png"));
    const Result r = run({QStringLiteral("--screenshot"), png});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1400, 900));
}

void tst_Headless::shouldExplainThatTheWindowNeedsADisplay()
{
    const Result r = run({writeSchema(builtInSample(), QStringLiteral("window.portolan.json"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("portolan: no display to open the window on")), qPrintable(r.err));
    QVERIFY(!r.err.contains(QStringLiteral("xcb")));
}

QTEST_GUILESS_MAIN(tst_Headless)
#include "tst_headless.moc"
