#pragma once

#include "format.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

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
    void setText(const QString &text);
    QString text() const;
    QString errorText() const;

    QPlainTextEdit *editor() const { return mEditor; }
    QPushButton *copyButton() const { return mCopy; }

signals:
    void copied();

private:
    void copy();

    QPlainTextEdit *mEditor;
    QLabel *mError;
    QPushButton *mCopy;
};

} // namespace Portolan
