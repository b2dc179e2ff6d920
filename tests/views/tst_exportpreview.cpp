#include "exportdialog.h"
#include "exportpreview.h"
#include "formatregistry.h"
#include "jsonformat.h"
#include "markdownformat.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLocale>
#include <QClipboard>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

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
    void dialogShouldWriteOnAWorkerAndShowTheLatestChoice();
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

QTEST_MAIN(tst_ExportPreview)
#include "tst_exportpreview.moc"
