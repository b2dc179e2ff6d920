#include "exportdialog.h"
#include "exportpreview.h"
#include "formatregistry.h"
#include "jsonformat.h"
#include "markdownformat.h"
#include "testutil.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLocale>
#include <QClipboard>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Portolan;

namespace {

// A format that cannot write, to see how the preview reports failure.
class BrokenFormat : public Format
{
public:
    BrokenFormat()
        : Format({"broken", "", "Broken", "", FormatCapability::Write})
    {
    }
    std::optional<QByteArray> write(const Schema &, const FormatOptions &, QString *error) const override
    {
        *error = QStringLiteral("no host chosen");
        return std::nullopt;
    }
};

// A writer that takes two seconds, telling how far it is, and counts the
// times it was asked to stop.
class SlowFormat : public Format
{
public:
    SlowFormat()
        : Format({"slow", "", "Slow", "", FormatCapability::Write})
    {
    }
    std::optional<QByteArray> write(const Schema &, const FormatOptions &options, QString *error) const override
    {
        constexpr qsizetype Steps = 100000;
        WriteSteps steps(options.progress, Steps);
        for (qsizetype i = 1; i <= Steps; ++i) {
            if (!steps.next(error)) {
                ++stopped;
                return std::nullopt;
            }
            if (i % 1000 == 0)
                QThread::msleep(20);
        }
        return QByteArray("slow\n");
    }
    mutable std::atomic<int> stopped = 0;
};

} // namespace

class tst_ExportPreview : public QObject
{
    Q_OBJECT

private slots:
    void shouldShowTheExportReadOnly();
    void shouldCopyTheWholeText();
    void shouldShowWhyAnExportFailed();
    void shouldShowALongExportInPartAndCopyAllOfIt();
    void shouldShowABusyBarWhileWriting();
    void shouldShowHowFarTheWriterIs();
    void writersShouldTellHowFarTheyAreAndStopWhenAsked_data();
    void writersShouldTellHowFarTheyAreAndStopWhenAsked();
    void dialogShouldWriteOnAWorkerAndShowTheLatestChoice();
    void dialogShouldShowHowFarAndStopAnOldChoice();
};

void tst_ExportPreview::shouldShowTheExportReadOnly()
{
    ExportPreview preview;
    QVERIFY(preview.showExport(MarkdownFormat(), builtInSample()));
    QVERIFY(preview.text().startsWith(QLatin1String("# Port Schema\n")));
    QVERIFY(preview.text().contains(QLatin1String("| 3001 | mana-auth | Hono/Bun | Authentication, JWT, sessions |")));
    QVERIFY(preview.editor()->isReadOnly());
    QVERIFY(preview.copyButton()->isEnabled());
    QVERIFY(preview.errorText().isEmpty());
}

void tst_ExportPreview::shouldCopyTheWholeText()
{
    ExportPreview preview;
    preview.setText(QStringLiteral("| a | b |\n"));
    QSignalSpy copied(&preview, &ExportPreview::copied);
    QTest::mouseClick(preview.copyButton(), Qt::LeftButton);
    QCOMPARE(copied.size(), 1);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("| a | b |\n"));
}

void tst_ExportPreview::shouldShowWhyAnExportFailed()
{
    ExportPreview preview;
    preview.setText(QStringLiteral("old"));
    QVERIFY(!preview.showExport(BrokenFormat(), builtInSample()));
    QVERIFY(preview.text().isEmpty());
    QCOMPARE(preview.errorText(), QStringLiteral("no host chosen"));
    QVERIFY(!preview.copyButton()->isEnabled());
}

void tst_ExportPreview::shouldShowALongExportInPartAndCopyAllOfIt()
{
    QString text;
    const int lines = int(ExportPreview::PreviewLines) + 2500;
    for (int i = 1; i <= lines; ++i)
        text += QStringLiteral("line %1\n").arg(i);
    ExportPreview preview;
    preview.setText(text);
    // The editor holds the first lines (and the empty block after the last newline).
    QCOMPARE(preview.editor()->blockCount(), int(ExportPreview::PreviewLines) + 1);
    QVERIFY(preview.editor()->toPlainText().endsWith(QStringLiteral("line %1\n").arg(ExportPreview::PreviewLines)));
    QVERIFY2(preview.noteText().contains(QLocale().toString(ExportPreview::PreviewLines)), qPrintable(preview.noteText()));
    QVERIFY2(preview.noteText().contains(QLocale().toString(lines)), qPrintable(preview.noteText()));
    QCOMPARE(preview.text(), text);
    QTest::mouseClick(preview.copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), text);

    // A short text shows whole, without the note.
    preview.setText(QStringLiteral("short\n"));
    QVERIFY(preview.noteText().isEmpty());
    QCOMPARE(preview.editor()->toPlainText(), QStringLiteral("short\n"));
}

void tst_ExportPreview::shouldShowABusyBarWhileWriting()
{
    ExportPreview preview;
    preview.setText(QStringLiteral("old\n"));
    preview.showBusy(QStringLiteral("Writing…"));
    QVERIFY(preview.isBusy());
    QVERIFY(!preview.copyButton()->isEnabled());
    preview.setText(QStringLiteral("new\n"));
    QVERIFY(!preview.isBusy());
    QVERIFY(preview.copyButton()->isEnabled());
    QCOMPARE(preview.text(), QStringLiteral("new\n"));
}

void tst_ExportPreview::shouldShowHowFarTheWriterIs()
{
    ExportPreview preview;
    preview.showBusy(QStringLiteral("Writing…"));
    QCOMPARE(preview.progress(), -1); // busy until the writer tells
    preview.setProgress(40);
    QCOMPARE(preview.progress(), 40);
    QVERIFY(preview.isBusy());
    preview.setProgress(250);
    QCOMPARE(preview.progress(), 100);
    preview.setProgress(-1);
    QCOMPARE(preview.progress(), -1);
}

void tst_ExportPreview::writersShouldTellHowFarTheyAreAndStopWhenAsked_data()
{
    QTest::addColumn<QString>("format");
    for (const char *id : {"markdown", "prometheus", "file-sd", "compose", "env"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void tst_ExportPreview::writersShouldTellHowFarTheyAreAndStopWhenAsked()
{
    QFETCH(QString, format);
    // Thousands of scraped services on one host: many steps for every writer.
    Schema schema = Test::twoHosts();
    for (int i = 0; i < 4000; ++i) {
        Service s = Test::deployed(QStringLiteral("s%1").arg(i), 20000 + i, QStringLiteral("a"));
        s.actualPort = s.plannedPort;
        s.metrics.enabled = true;
        s.metrics.path = QStringLiteral("/metrics");
        schema.services.append(s);
    }
    const Format *writer = FormatRegistry::instance().format(format);
    QVERIFY(writer);
    FormatOptions options;
    options.hostId = QStringLiteral("a");
    QString error;
    const std::optional<QByteArray> plain = writer->write(schema, options, &error);
    QVERIFY2(plain, qPrintable(error));

    // Told now and then, always further, up to all of it; the same bytes.
    QList<std::pair<qsizetype, qsizetype>> told;
    options.progress = [&told](qsizetype done, qsizetype total) {
        told.append({done, total});
        return true;
    };
    const std::optional<QByteArray> watched = writer->write(schema, options, &error);
    QVERIFY2(watched, qPrintable(error));
    QCOMPARE(*watched, *plain);
    QVERIFY2(told.size() >= 3, qPrintable(QString::number(told.size())));
    for (qsizetype i = 1; i < told.size(); ++i) {
        QVERIFY(told.at(i).first > told.at(i - 1).first);
        QCOMPARE(told.at(i).second, told.first().second);
    }
    QCOMPARE(told.last().first, told.last().second);

    // Asked to stop at the first word: no bytes, and the reason.
    int calls = 0;
    options.progress = [&calls](qsizetype, qsizetype) {
        ++calls;
        return false;
    };
    error.clear();
    QVERIFY(!writer->write(schema, options, &error));
    QCOMPARE(error, writeCancelledMessage());
    QCOMPARE(calls, 1);
}

void tst_ExportPreview::dialogShouldWriteOnAWorkerAndShowTheLatestChoice()
{
    ExportDialog dialog(builtInSample(), QStringLiteral("mana.portolan.json"));
    auto *preview = dialog.preview();
    auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QTRY_VERIFY(!dialog.isWriting());
    QVERIFY2(preview->text().startsWith(QLatin1String("# Port Schema\n")), qPrintable(preview->text().left(80)));
    QVERIFY(save->isEnabled());

    // Two choices in a row: Save waits, and the preview ends on the last one
    // (the first one's writing, if still running, is dropped).
    dialog.selectFormat(QStringLiteral("file-sd"));
    QVERIFY(dialog.isWriting());
    QVERIFY(!save->isEnabled());
    dialog.selectFormat(QStringLiteral("prometheus"));
    QTRY_VERIFY(!dialog.isWriting());
    QVERIFY2(preview->text().contains(QLatin1String("scrape_configs:")), qPrintable(preview->text().left(200)));
    QVERIFY(!preview->isBusy());
    QVERIFY(save->isEnabled());

    // The same bytes as a direct write of the format.
    FormatOptions options;
    options.hostId = dialog.findChild<QComboBox *>(QStringLiteral("host"))->currentData().toString();
    QString error;
    const auto direct = FormatRegistry::instance().format(QStringLiteral("prometheus"))->write(builtInSample(), options, &error);
    QVERIFY(direct);
    QCOMPARE(preview->text(), QString::fromUtf8(*direct));
}

void tst_ExportPreview::dialogShouldShowHowFarAndStopAnOldChoice()
{
    auto owned = std::make_unique<SlowFormat>();
    const SlowFormat *slow = owned.get();
    FormatRegistry::instance().add(std::move(owned));
    auto dialog = std::make_unique<ExportDialog>(builtInSample(), QStringLiteral("mana.portolan.json"));
    ExportPreview *preview = dialog->preview();
    QTRY_VERIFY(!dialog->isWriting());

    // The bar tells how far the writer is.
    dialog->selectFormat(QStringLiteral("slow"));
    QTRY_VERIFY(preview->isBusy());
    QTRY_VERIFY(preview->progress() > 0);
    QVERIFY(preview->progress() < 100);

    // Another choice stops the slow writing at once instead of waiting for it.
    QElapsedTimer clock;
    clock.start();
    dialog->selectFormat(QStringLiteral("markdown"));
    QTRY_VERIFY(!dialog->isWriting());
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(slow->stopped.load(), 1);
    QVERIFY(preview->text().startsWith(QLatin1String("# Port Schema\n")));
    QVERIFY(!preview->isBusy());

    // So does closing the dialog.
    dialog->selectFormat(QStringLiteral("slow"));
    QTRY_VERIFY(preview->progress() > 0);
    dialog.reset();
    QTRY_COMPARE(slow->stopped.load(), 2);
}

QTEST_MAIN(tst_ExportPreview)
#include "tst_exportpreview.moc"
