#include "exportpreview.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Portolan {

ExportPreview::ExportPreview(QWidget *parent)
    : QWidget(parent)
    , mEditor(new QPlainTextEdit(this))
    , mError(new QLabel(this))
    , mCopy(new QPushButton(tr("&Copy"), this))
{
    mEditor->setReadOnly(true);
    // Exports are tables and YAML: columns only line up in a fixed font, unwrapped.
    mEditor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    mEditor->setLineWrapMode(QPlainTextEdit::NoWrap);
    mEditor->setAccessibleName(tr("Export preview"));
    mError->setWordWrap(true);
    mError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mError->hide();
    mCopy->setToolTip(tr("Copy the whole export to the clipboard"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(mError, 1);
    buttons->addStretch();
    buttons->addWidget(mCopy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mEditor, 1);
    layout->addLayout(buttons);

    connect(mCopy, &QPushButton::clicked, this, &ExportPreview::copy);
}

bool ExportPreview::showExport(const Format &format, const Schema &schema, const FormatOptions &options)
{
    QString error;
    const std::optional<QByteArray> bytes = format.canWrite() ? format.write(schema, options, &error) : std::nullopt;
    if (!bytes) {
        mEditor->clear();
        mError->setText(error.isEmpty() ? tr("%1 cannot be exported.").arg(format.displayName()) : error);
        mError->show();
        mCopy->setEnabled(false);
        return false;
    }
    setText(QString::fromUtf8(*bytes));
    return true;
}

void ExportPreview::setText(const QString &text)
{
    mError->clear();
    mError->hide();
    mEditor->setPlainText(text);
    mCopy->setEnabled(!text.isEmpty());
}

QString ExportPreview::text() const
{
    return mEditor->toPlainText();
}

QString ExportPreview::errorText() const
{
    return mError->text();
}

void ExportPreview::copy()
{
    QGuiApplication::clipboard()->setText(mEditor->toPlainText());
    emit copied();
}

} // namespace Portolan
