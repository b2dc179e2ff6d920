#pragma once

#include "format.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace Portolan {

// Shows what an export would write, read-only, with a button that copies it;
// for the export dialogs of any text format in the registry.
class ExportPreview : public QWidget
{
    Q_OBJECT

public:
    explicit ExportPreview(QWidget *parent = nullptr);

    // Renders the schema through the format; on failure shows the reason.
    bool showExport(const Format &format, const Schema &schema, const FormatOptions &options = {});
    // Shows what format wrote elsewhere (on a worker): the bytes, or when
    // there are none, the error (or a sentence that the format cannot export).
    bool showResult(const Format &format, const std::optional<QByteArray> &bytes, const QString &error);
    // The export; a text longer than PreviewLines lines is shown up to there
    // with a note, and Copy still takes all of it.
    void setText(const QString &text);
    // While an export is being written: a bar under what is written, busy
    // until setProgress() tells how far the writer is.
    void showBusy(const QString &what);
    bool isBusy() const;
    // Percent written, 0-100; -1 for a writer that does not say.
    void setProgress(int percent);
    int progress() const;
    // The whole text, also what the preview leaves out.
    QString text() const;
    QString errorText() const;
    QString noteText() const;

    // A fleet's export has hundreds of thousands of lines; laying them all
    // out would keep the dialog busy for a second after every choice.
    static constexpr qsizetype PreviewLines = 5000;

    QPlainTextEdit *editor() const { return mEditor; }
    QPushButton *copyButton() const { return mCopy; }

signals:
    void copied();

private:
    void copy();

    QStackedWidget *mPages;
    QPlainTextEdit *mEditor;
    QWidget *mBusyPage;
    QLabel *mBusyLabel;
    QProgressBar *mBusyBar;
    QLabel *mError;
    QLabel *mNote;
    QPushButton *mCopy;
    QString mText;
};

} // namespace Portolan
