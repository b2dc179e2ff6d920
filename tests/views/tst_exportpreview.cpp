#include "exportpreview.h"
#include "jsonformat.h"
#include "markdownformat.h"

#include <QApplication>
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

QTEST_MAIN(tst_ExportPreview)
#include "tst_exportpreview.moc"
