#include "jsonformat.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Portolan;

// `portolan export --to png|svg` as a user runs it.
class TestGridExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    QString sample() const { return QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/samples/mana.portolan.json"); }

    int run(const QStringList &arguments, QByteArray *errors = nullptr)
    {
        QProcess process;
        process.start(QStringLiteral(PORTOLAN_BINARY), arguments);
        if (!process.waitForFinished(30000))
            return -1;
        if (errors)
            *errors = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

private slots:
    void shouldWriteAPng()
    {
        const QString out = mDir.filePath(QStringLiteral("grid.png"));
        QCOMPARE(run({QStringLiteral("export"), sample(), QStringLiteral("--to"), QStringLiteral("png"),
                      QStringLiteral("-o"), out}),
                 0);
        QImage image;
        QVERIFY(image.load(out, "PNG"));
        QVERIFY(image.width() > 500);
        QVERIFY(image.height() > 1000);
    }

    void shouldWriteAnSvgWithEveryServiceName()
    {
        const QString out = mDir.filePath(QStringLiteral("grid.svg"));
        QCOMPARE(run({QStringLiteral("export"), sample(), QStringLiteral("--to"), QStringLiteral("svg"),
                      QStringLiteral("-o"), out}),
                 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QSet<QString> texts;
        bool sawSvg = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("svg"))
                sawSvg = true;
            if (xml.isStartElement() && xml.name() == QLatin1String("text"))
                texts.insert(xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(sawSvg);
        for (const Service &s : builtInSample().services)
            QVERIFY2(texts.contains(s.name), qPrintable(s.name));
    }

    void shouldExportAHostLayer()
    {
        const QString out = mDir.filePath(QStringLiteral("mac.svg"));
        QCOMPARE(run({QStringLiteral("export"), sample(), QStringLiteral("--to"), QStringLiteral("svg"),
                      QStringLiteral("--host"), QStringLiteral("mac-mini"), QStringLiteral("-o"), out}),
                 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(svg.contains("Mac Mini"));
        QVERIFY(svg.contains("mana-research")); // actual port 3068, in the unranged block
        QVERIFY(!svg.contains("Ollama"));       // runs on the other host
    }

    void shouldRefuseAnUnknownHost()
    {
        QByteArray errors;
        QCOMPARE(run({QStringLiteral("export"), sample(), QStringLiteral("--to"), QStringLiteral("png"),
                      QStringLiteral("--host"), QStringLiteral("nowhere"), QStringLiteral("-o"),
                      mDir.filePath(QStringLiteral("x.png"))},
                     &errors),
                 2);
        QVERIFY(errors.contains("nowhere"));
    }
};

QTEST_GUILESS_MAIN(TestGridExport)
#include "tst_gridexport.moc"
