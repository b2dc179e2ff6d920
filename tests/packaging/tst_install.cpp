#include <QDir>
#include <QFile>
#include <QImage>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// `cmake --install` into a fresh prefix, and the installed Portolan as a
// desktop and a CI runner meet it: the binary, its German, the sample, and
// the desktop entry, metainfo, MIME type and icons naming each other.
class tst_Install : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void installedBinaryShouldRunWithoutADisplay();
    void installedBinaryShouldSpeakGerman();
    void shouldInstallWhatDesktopsAndShellsLookFor();
    void iconsShouldHaveTheirSizes();
    void desktopEntryShouldNameInstalledFiles();
    void mimeDatabaseShouldKnowPlans();
    void versionsShouldAgree();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
    };
    Result run(const QString &program, const QStringList &arguments,
               const QProcessEnvironment &extra = QProcessEnvironment()) const;
    Result portolan(const QStringList &arguments) const { return run(path("bin/portolan"), arguments); }
    QString path(const char *relative) const { return mPrefix.filePath(QLatin1String(relative)); }
    static QString read(const QString &fileName);
    QMap<QString, QString> desktopEntry() const;

    QTemporaryDir mPrefix;
    QTemporaryDir mHome;
};

tst_Install::Result tst_Install::run(const QString &program, const QStringList &arguments,
                                     const QProcessEnvironment &extra) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("HOME"), mHome.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), mHome.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), mHome.filePath(QStringLiteral("data")));
    for (const QString &name : extra.keys())
        env.insert(name, extra.value(name));
    process.setProcessEnvironment(env);
    // Away from the build folder, so that nothing is found there by accident.
    process.setWorkingDirectory(mHome.path());
    process.start(program, arguments);
    if (!process.waitForFinished(50000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, QStringLiteral("%1 timed out").arg(program)};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString tst_Install::read(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void tst_Install::initTestCase()
{
    QVERIFY(mPrefix.isValid());
    QVERIFY(mHome.isValid());
    const Result install = run(QStringLiteral(PORTOLAN_CMAKE_COMMAND),
                               {QStringLiteral("--install"), QStringLiteral(PORTOLAN_BUILD_DIR), QStringLiteral("--prefix"),
                                mPrefix.path()});
    QVERIFY2(install.exitCode == 0, qPrintable(install.out + install.err));
}

void tst_Install::installedBinaryShouldRunWithoutADisplay()
{
    const Result version = portolan({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QStringLiteral("portolan " PORTOLAN_VERSION "\n"));

    const QString sample = path("share/portolan/samples/mana.portolan.json");
    const Result check = portolan({QStringLiteral("check"), sample});
    QCOMPARE(check.exitCode, 0);
    QVERIFY2(check.out.contains(QStringLiteral("warning drift mana-credits runs on 3061 but is planned on 3002\n")),
             qPrintable(check.out));
    QVERIFY2(check.err.isEmpty(), qPrintable(check.err));

    const Result sarif = portolan({QStringLiteral("check"), sample, QStringLiteral("--format"), QStringLiteral("sarif")});
    QCOMPARE(sarif.exitCode, 0);
    QVERIFY(sarif.out.contains(QStringLiteral("\"version\": \"2.1.0\"")));
}

void tst_Install::installedBinaryShouldSpeakGerman()
{
    // The translations are compiled into the binary (:/i18n), so the
    // installed one finds them wherever the prefix is.
    const Result help = portolan({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("Befehle (laufen ohne Fenster")), qPrintable(help.out));
    QVERIFY(help.out.contains(QStringLiteral("Diese Hilfe zeigen und beenden.")));

    const Result check = portolan({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("check"),
                                   path("share/portolan/samples/mana.portolan.json")});
    QCOMPARE(check.exitCode, 0);
    QVERIFY2(check.out.endsWith(QStringLiteral("0 Fehler, 21 Warnungen, 17 Hinweise\n")), qPrintable(check.out));

    const Result bad = portolan({QStringLiteral("--lang=de"), QStringLiteral("check")});
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(bad.err, QStringLiteral("portolan check: mindestens eine DATEI erwartet\n"));
}

void tst_Install::shouldInstallWhatDesktopsAndShellsLookFor()
{
    for (const char *file : {"bin/portolan",
                             "share/applications/io.github.portolan.Portolan.desktop",
                             "share/metainfo/io.github.portolan.Portolan.metainfo.xml",
                             "share/mime/packages/io.github.portolan.Portolan.xml",
                             "share/icons/hicolor/scalable/apps/io.github.portolan.Portolan.svg",
                             "share/man/man1/portolan.1.gz",
                             "share/bash-completion/completions/portolan",
                             "share/zsh/vendor-completions/_portolan",
                             "share/portolan/samples/mana.portolan.json",
                             "share/portolan/portolan.schema.json",
                             "share/doc/portolan/copyright",
                             "share/doc/portolan/changelog.gz"})
        QVERIFY2(QFileInfo(path(file)).isFile(), file);
    QVERIFY(QFileInfo(path("bin/portolan")).isExecutable());

    // The man page is gzip'd without a name or time stamp (reproducible, as lintian wants).
    QFile man(path("share/man/man1/portolan.1.gz"));
    QVERIFY(man.open(QIODevice::ReadOnly));
    const QByteArray header = man.read(10);
    QCOMPARE(header.left(2), QByteArray("\x1f\x8b"));
    QCOMPARE(header.mid(3, 5), QByteArray(5, '\0')); // no FNAME flag, mtime 0
    const Result page = run(QStringLiteral("man"), {QStringLiteral("-l"), path("share/man/man1/portolan.1.gz")});
    QCOMPARE(page.exitCode, 0);
    QVERIFY(page.out.contains(QStringLiteral("portolan - editor and CI checker for port schemas")));
}

void tst_Install::iconsShouldHaveTheirSizes()
{
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        const QString file = mPrefix.filePath(
            QStringLiteral("share/icons/hicolor/%1x%1/apps/io.github.portolan.Portolan.png").arg(size));
        const QImage icon(file);
        QVERIFY2(!icon.isNull(), qPrintable(file));
        QCOMPARE(icon.size(), QSize(size, size));
        QVERIFY(icon.hasAlphaChannel());
        // The rounded square: transparent corners, an opaque middle.
        QCOMPARE(qAlpha(icon.pixel(0, 0)), 0);
        QCOMPARE(qAlpha(icon.pixel(size / 2, size / 2)), 255);
    }
}

QMap<QString, QString> tst_Install::desktopEntry() const
{
    QMap<QString, QString> entry;
    for (const QString &line : read(path("share/applications/io.github.portolan.Portolan.desktop")).split(QLatin1Char('\n'))) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            entry.insert(line.left(eq), line.mid(eq + 1));
    }
    return entry;
}

void tst_Install::desktopEntryShouldNameInstalledFiles()
{
    const QMap<QString, QString> entry = desktopEntry();
    // Exec and TryExec: the installed binary.
    QCOMPARE(entry.value(QStringLiteral("TryExec")), QStringLiteral("portolan"));
    QVERIFY(entry.value(QStringLiteral("Exec")).startsWith(QStringLiteral("portolan ")));
    QVERIFY(QFileInfo(path("bin/portolan")).isExecutable());
    // Icon: installed at every size the theme looks in.
    const QString icon = entry.value(QStringLiteral("Icon"));
    QCOMPARE(icon, QStringLiteral("io.github.portolan.Portolan"));
    QVERIFY(QFileInfo::exists(mPrefix.filePath(QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg").arg(icon))));
    QVERIFY(QFileInfo::exists(mPrefix.filePath(QStringLiteral("share/icons/hicolor/48x48/apps/%1.png").arg(icon))));
    // MimeType: the type the MIME package defines.
    QCOMPARE(entry.value(QStringLiteral("MimeType")), QStringLiteral("application/x-portolan+json;"));
    const QString mime = read(path("share/mime/packages/io.github.portolan.Portolan.xml"));
    QVERIFY(mime.contains(QStringLiteral("<mime-type type=\"application/x-portolan+json\">")));
    QVERIFY(mime.contains(QStringLiteral("<glob pattern=\"*.portolan.json\"/>")));
    QVERIFY(mime.contains(QStringLiteral("<icon name=\"%1\"/>").arg(icon)));
    QVERIFY(entry.value(QStringLiteral("Categories")).startsWith(QStringLiteral("Development;Network;")));

    // The metainfo: the same id, launching this desktop entry, providing the binary and type.
    QXmlStreamReader xml(read(path("share/metainfo/io.github.portolan.Portolan.metainfo.xml")));
    QMap<QString, QString> fields;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement() || !xml.attributes().value(QLatin1String("xml:lang")).isEmpty())
            continue;
        const QString name = xml.name().toString();
        if (name == QLatin1String("id") || name == QLatin1String("launchable") || name == QLatin1String("binary")
            || name == QLatin1String("mediatype"))
            fields.insert(name, xml.readElementText());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(fields.value(QStringLiteral("id")), icon);
    QCOMPARE(fields.value(QStringLiteral("launchable")), QStringLiteral("io.github.portolan.Portolan.desktop"));
    QCOMPARE(fields.value(QStringLiteral("binary")), QStringLiteral("portolan"));
    QCOMPARE(fields.value(QStringLiteral("mediatype")), QStringLiteral("application/x-portolan+json"));
}

void tst_Install::mimeDatabaseShouldKnowPlans()
{
    // What the shared-mime-info trigger does on installation, into the prefix.
    QProcessEnvironment dataDirs;
    dataDirs.insert(QStringLiteral("XDG_DATA_DIRS"), path("share"));
    const Result update = run(QStringLiteral("update-mime-database"), {path("share/mime")}, dataDirs);
    QCOMPARE(update.exitCode, 0);
    QVERIFY2(update.err.isEmpty() && update.out.isEmpty(), qPrintable(update.out + update.err));
    QVERIFY(QFileInfo::exists(path("share/mime/application/x-portolan+json.xml")));

    // Read as Qt (and so the editor's file dialogs) reads it, installed
    // prefix first. Nothing in this process has used QMimeDatabase yet.
    qputenv("XDG_DATA_DIRS", (path("share") + QLatin1String(":/usr/share")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", mHome.filePath(QStringLiteral("data")).toLocal8Bit());
    const QMimeDatabase db;
    const QMimeType plan = db.mimeTypeForFile(QStringLiteral("mana.portolan.json"), QMimeDatabase::MatchExtension);
    QCOMPARE(plan.name(), QStringLiteral("application/x-portolan+json"));
    QVERIFY(plan.inherits(QStringLiteral("application/json")));
    QCOMPARE(plan.comment(), QStringLiteral("Portolan port schema"));
    QCOMPARE(plan.iconName(), QStringLiteral("io.github.portolan.Portolan"));
    QCOMPARE(db.mimeTypeForFile(QStringLiteral("package.json"), QMimeDatabase::MatchExtension).name(),
             QStringLiteral("application/json"));
}

void tst_Install::versionsShouldAgree()
{
    // The release in the metainfo, the Debian changelog and the man page are
    // written by hand; a new version must update all of them.
    static const QRegularExpression release(QStringLiteral("<release version=\"([^\"]+)\" date=\"([^\"]+)\""));
    const QRegularExpressionMatch newest = release.match(read(path("share/metainfo/io.github.portolan.Portolan.metainfo.xml")));
    QVERIFY(newest.hasMatch());
    QCOMPARE(newest.captured(1), QStringLiteral(PORTOLAN_VERSION));

    const Result changelog = run(QStringLiteral("gzip"), {QStringLiteral("-dc"), path("share/doc/portolan/changelog.gz")});
    QCOMPARE(changelog.exitCode, 0);
    QVERIFY2(changelog.out.startsWith(QStringLiteral("portolan (" PORTOLAN_VERSION ") ")), qPrintable(changelog.out));
    static const QRegularExpression trailer(QStringLiteral("\n -- [^\n]+>  \\w{3}, (\\d{2} \\w{3} \\d{4}) "));
    const QRegularExpressionMatch date = trailer.match(changelog.out);
    QVERIFY(date.hasMatch());
    QCOMPARE(QLocale::c().toDate(date.captured(1), QStringLiteral("dd MMM yyyy")),
             QDate::fromString(newest.captured(2), Qt::ISODate));

    const Result man = run(QStringLiteral("gzip"), {QStringLiteral("-dc"), path("share/man/man1/portolan.1.gz")});
    QVERIFY(man.out.contains(QStringLiteral(".TH PORTOLAN 1 %1 \"Portolan " PORTOLAN_VERSION "\"").arg(newest.captured(2))));
}

QTEST_GUILESS_MAIN(tst_Install)
#include "tst_install.moc"
