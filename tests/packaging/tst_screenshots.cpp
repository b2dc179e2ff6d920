#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The pictures in docs/screenshots/ that the README and the AppStream
// metainfo show: scripts/screenshots renders them again here, and each must
// be a real picture of the window, not an empty frame.
class tst_Screenshots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldRenderEveryCommittedPicture();
    void renderedPicturesShouldShowTheWindow_data();
    void renderedPicturesShouldShowTheWindow();
    void germanPictureShouldBeGerman();
    void committedPicturesShouldBeModestAndShown_data();
    void committedPicturesShouldBeModestAndShown();

private:
    static QStringList pngs(const QString &dir);
    static QString read(const QString &fileName);

    QTemporaryDir mOut;
    QString mCommitted = QStringLiteral(PORTOLAN_SOURCE_DIR "/docs/screenshots");
};

QStringList tst_Screenshots::pngs(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
}

QString tst_Screenshots::read(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void tst_Screenshots::initTestCase()
{
    QVERIFY(mOut.isValid());
    QProcess script;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PORTOLAN_BINARY"), QStringLiteral(PORTOLAN_BINARY));
    env.remove(QStringLiteral("DISPLAY"));
    script.setProcessEnvironment(env);
    script.start(QStringLiteral(PORTOLAN_SOURCE_DIR "/scripts/screenshots"), {mOut.path()});
    QVERIFY(script.waitForFinished(50000));
    const QByteArray err = script.readAllStandardError();
    QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0, err.constData());
    if (!err.isEmpty())
        qInfo("scripts/screenshots said: %s", err.constData());
}

void tst_Screenshots::shouldRenderEveryCommittedPicture()
{
    QVERIFY(!pngs(mCommitted).isEmpty());
    QCOMPARE(pngs(mOut.path()), pngs(mCommitted));
}

void tst_Screenshots::renderedPicturesShouldShowTheWindow_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : pngs(mCommitted))
        QTest::newRow(qPrintable(name)) << name;
}

void tst_Screenshots::renderedPicturesShouldShowTheWindow()
{
    QFETCH(QString, name);
    const QImage image(mOut.filePath(name));
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1400, 900));
    // Text, icons, tints and grid cells: many colours, none of them covering
    // almost everything (a blank or a half-painted frame).
    QHash<QRgb, int> colours;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            ++colours[image.pixel(x, y)];
    }
    int largest = 0;
    for (int n : std::as_const(colours))
        largest = qMax(largest, n);
    QVERIFY2(colours.size() > 500, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
    QVERIFY2(largest < image.width() * image.height() * 6 / 10,
             qPrintable(QStringLiteral("one colour covers %1 of %2 pixels").arg(largest).arg(image.width() * image.height())));
}

void tst_Screenshots::germanPictureShouldBeGerman()
{
    // The same view in English differs only in its words.
    const QString english = mOut.filePath(QStringLiteral("english.png"));
    QProcess portolan;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), mOut.filePath(QStringLiteral("config")));
    portolan.setProcessEnvironment(env);
    portolan.start(QStringLiteral(PORTOLAN_BINARY), {QStringLiteral("--screenshot"), english, QStringLiteral("--grid-layer"),
                                                     QStringLiteral("plan")});
    QVERIFY(portolan.waitForFinished(30000));
    QCOMPARE(portolan.exitCode(), 0);
    const QImage en(english);
    const QImage de(mOut.filePath(QStringLiteral("german.png")));
    QCOMPARE(de.size(), en.size());
    int differing = 0;
    for (int y = 0; y < 30; ++y) { // the menu bar: "File Edit View Tools" against "Datei Bearbeiten …"
        for (int x = 0; x < 400; ++x)
            differing += de.pixel(x, y) != en.pixel(x, y);
    }
    QVERIFY2(differing > 200, qPrintable(QStringLiteral("%1 pixels differ in the menu bar").arg(differing)));
}

void tst_Screenshots::committedPicturesShouldBeModestAndShown_data()
{
    renderedPicturesShouldShowTheWindow_data();
}

void tst_Screenshots::committedPicturesShouldBeModestAndShown()
{
    QFETCH(QString, name);
    const QString file = QDir(mCommitted).filePath(name);
    QCOMPARE(QImage(file).size(), QSize(1400, 900));
    QVERIFY2(QFileInfo(file).size() < 400 * 1024, qPrintable(QStringLiteral("%1 bytes").arg(QFileInfo(file).size())));
    QVERIFY2(read(QStringLiteral(PORTOLAN_SOURCE_DIR "/README.md")).contains(QStringLiteral("(docs/screenshots/%1)").arg(name)),
             "the README does not show it");
    QVERIFY2(read(QStringLiteral(PORTOLAN_SOURCE_DIR "/data/io.github.portolan.Portolan.metainfo.xml"))
                 .contains(QStringLiteral("/docs/screenshots/%1</image>").arg(name)),
             "the metainfo does not show it");
}

QTEST_GUILESS_MAIN(tst_Screenshots)
#include "tst_screenshots.moc"
