#include "formatregistry.h"
#include "jsonformat.h"
#include "mainwindow.h"
#include "movesview.h"
#include "schemadocument.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QMessageBox>
#include <QFileInfo>
#include <QTranslator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Portolan;

// File > Import as a user meets it: the filter left at its default, a
// compose file, an empty one; and the window at 1280×800 in pictures.
class tst_Import : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldDetectTheFormatFromTheFile_data();
    void shouldDetectTheFormatFromTheFile();
    void hostPromptShouldPickTheHostTheFileNames();
    void composeFileShouldMergeWhateverTheFilterSaid();
    void emptyImportShouldLeaveTheDocumentAlone();
    void screenshotsAt1280x800();

private:
    QTemporaryDir mDir;
};

void tst_Import::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(mDir.isValid());
}

void tst_Import::shouldDetectTheFormatFromTheFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("format");
    QTest::newRow("compose") << QStringLiteral("docker-compose.macmini.yml")
                             << QByteArray("services:\n  a:\n    image: x\n") << QStringLiteral("compose");
    QTest::newRow("prometheus") << QStringLiteral("prom.yml") << QByteArray("global:\n  scrape_interval: 15s\n")
                                << QStringLiteral("prometheus");
    QTest::newRow("markdown") << QStringLiteral("PORT_SCHEMA.md") << QByteArray("# Ports\n") << QStringLiteral("markdown");
    QTest::newRow("env") << QStringLiteral("ports.env") << QByteArray("A_PORT=3000\n") << QStringLiteral("env");
}

void tst_Import::shouldDetectTheFormatFromTheFile()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, data);
    QFETCH(QString, format);
    const Format *detected = detectImportFormat(file, data);
    QVERIFY(detected);
    QCOMPARE(detected->id(), format);
}

void tst_Import::hostPromptShouldPickTheHostTheFileNames()
{
    const Schema sample = builtInSample();
    QCOMPARE(hostNamedByFile(sample, QStringLiteral("/x/docker-compose.macmini.yml")), QStringLiteral("mac-mini"));
    QCOMPARE(hostNamedByFile(sample, QStringLiteral("compose.windows-gpu-server.yml")), QStringLiteral("windows-gpu-server"));
    QCOMPARE(hostNamedByFile(sample, QStringLiteral("docker-compose.yml")), QString());
}

void tst_Import::composeFileShouldMergeWhateverTheFilterSaid()
{
    MainWindow window;
    window.openUntitled(builtInSample());
    const int services = window.document()->serviceCount();
    const QString file = QStringLiteral(PORTOLAN_REALWORLD_DIR "/docker-compose.macmini.yml");
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Format *format = detectImportFormat(file, f.readAll());
    QCOMPARE(format->id(), QStringLiteral("compose"));
    const QString host = hostNamedByFile(window.document()->schema(), file);
    QCOMPARE(host, QStringLiteral("mac-mini"));
    QTimer::singleShot(0, this, [] {
        if (QWidget *summary = QApplication::activeModalWidget())
            summary->close();
    });
    window.importFile(file, format->id(), host);
    // Linked to the host as a source in one undo step, never a new empty schema.
    QVERIFY(window.document()->serviceCount() >= services);
    QCOMPARE(window.document()->undoStack()->count(), 1);
    const Host *macMini = window.document()->schema().host(QStringLiteral("mac-mini"));
    QVERIFY(macMini);
    QCOMPARE(macMini->sources.size(), 1);
    QCOMPARE(macMini->sources.first().kind, SourceKind::Compose);
    QVERIFY(QFileInfo(macMini->sources.first().files.first()).fileName() == QLatin1String("docker-compose.macmini.yml"));
    window.document()->undoStack()->undo();
    QCOMPARE(window.document()->serviceCount(), services);
    QVERIFY(window.document()->schema().host(QStringLiteral("mac-mini"))->sources.isEmpty());
}

void tst_Import::emptyImportShouldLeaveTheDocumentAlone()
{
    MainWindow window;
    window.openUntitled(builtInSample());
    const QByteArray before = JsonFormat::serialize(window.document()->schema());
    // A compose file read as Markdown (the old default filter) holds no table.
    const QString file = QStringLiteral(PORTOLAN_REALWORLD_DIR "/docker-compose.macmini.yml");
    QString text;
    QTimer::singleShot(0, this, [&text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            text = box->text();
            box->close();
        }
    });
    window.importFile(file, QStringLiteral("markdown"));
    QCOMPARE(JsonFormat::serialize(window.document()->schema()), before);
    QVERIFY2(text.contains(QStringLiteral("stays as it is")) || text.contains(QStringLiteral("could not import")),
             qPrintable(text));
}

// Pictures of the window for people to look at, English and German; the
// Moves columns are checked for elision in tst_movesview.
void tst_Import::screenshotsAt1280x800()
{
    const QString outDir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(outDir);
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("de")}) {
        QTranslator translator;
        if (lang != QLatin1String("en")) {
            // The .qm files sit beside the executable that embeds them.
            QVERIFY(translator.load(QStringLiteral("portolan_%1").arg(lang), QFileInfo(QStringLiteral(PORTOLAN_BINARY)).absolutePath()));
            QCoreApplication::installTranslator(&translator);
        }
        {
            MainWindow window;
            window.openUntitled(builtInSample());
            window.resize(1280, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            const QImage image = window.grab().toImage();
            QCOMPARE(image.size(), QSize(1280, 800));
            QVERIFY(image.save(QDir(outDir).filePath(QStringLiteral("window-%1.png").arg(lang))));
            window.showGrid();
            QVERIFY(window.grab().save(QDir(outDir).filePath(QStringLiteral("grid-%1.png").arg(lang))));
            window.document()->setClean();
        }
        QCoreApplication::removeTranslator(&translator);
    }
}

QTEST_MAIN(tst_Import)
#include "tst_import.moc"
