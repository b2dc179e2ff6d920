#include "exportpreview.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace Portolan {

ExportPreview::ExportPreview(QWidget *parent)
    : QWidget(parent)
    , mPages(new QStackedWidget(this))
    , mEditor(new QPlainTextEdit(this))
    , mBusyPage(new QWidget(this))
    , mBusyLabel(new QLabel(mBusyPage))
    , mBusyBar(new QProgressBar(mBusyPage))
    , mError(new QLabel(this))
    , mNote(new QLabel(this))
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
    mNote->setWordWrap(true);
    mNote->hide();
    mCopy->setToolTip(tr("Copy the whole export to the clipboard"));

    mBusyBar->setMinimumWidth(240);
    mBusyBar->setAccessibleName(tr("Writing the export"));
    setProgress(-1);
    mBusyLabel->setAlignment(Qt::AlignCenter);
    auto *busy = new QVBoxLayout(mBusyPage);
    busy->addStretch();
    busy->addWidget(mBusyLabel);
    busy->addWidget(mBusyBar, 0, Qt::AlignHCenter);
    busy->addStretch();
    mPages->addWidget(mEditor);
    mPages->addWidget(mBusyPage);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(mError, 1);
    buttons->addWidget(mNote, 1);
    buttons->addStretch();
    buttons->addWidget(mCopy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mPages, 1);
    layout->addLayout(buttons);

    connect(mCopy, &QPushButton::clicked, this, &ExportPreview::copy);
}

bool ExportPreview::showExport(const Format &format, const Schema &schema, const FormatOptions &options)
{
    QString error;
    const std::optional<QByteArray> bytes = format.canWrite() ? format.write(schema, options, &error) : std::nullopt;
    return showResult(format, bytes, error);
}

bool ExportPreview::showResult(const Format &format, const std::optional<QByteArray> &bytes, const QString &error)
{
    if (!bytes) {
        mText.clear();
        mEditor->clear();
        mPages->setCurrentWidget(mEditor);
        mNote->hide();
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
    mText = text;
    mError->clear();
    mError->hide();
    mPages->setCurrentWidget(mEditor);
    // The first PreviewLines lines: the position after the last one kept.
    qsizetype end = 0;
    qsizetype lines = 0;
    while (end < text.size() && lines < PreviewLines) {
        const qsizetype newline = text.indexOf(QLatin1Char('\n'), end);
        end = newline < 0 ? text.size() : newline + 1;
        ++lines;
    }
    if (end < text.size()) {
        const qsizetype total = text.count(QLatin1Char('\n')) + (text.endsWith(QLatin1Char('\n')) ? 0 : 1);
        mEditor->setPlainText(text.left(end));
        mNote->setText(tr("The preview shows the first %1 of %Ln line(s); Copy and Save As take all of them.", nullptr,
                          int(std::min<qsizetype>(total, INT_MAX)))
                           .arg(QLocale().toString(lines)));
        mNote->show();
    } else {
        mEditor->setPlainText(text);
        mNote->clear();
        mNote->hide();
    }
    mCopy->setEnabled(!text.isEmpty());
}

void ExportPreview::showBusy(const QString &what)
{
    mBusyLabel->setText(what);
    mPages->setCurrentWidget(mBusyPage);
    mError->hide();
    mNote->hide();
    mCopy->setEnabled(false);
}

bool ExportPreview::isBusy() const
{
    return mPages->currentWidget() == mBusyPage;
}

void ExportPreview::setProgress(int percent)
{
    if (percent < 0) {
        mBusyBar->setRange(0, 0);
        return;
    }
    mBusyBar->setRange(0, 100);
    mBusyBar->setValue(qBound(0, percent, 100));
}

int ExportPreview::progress() const
{
    return mBusyBar->maximum() == 0 ? -1 : mBusyBar->value();
}

QString ExportPreview::text() const
{
    return mText;
}

QString ExportPreview::noteText() const
{
    return mNote->isHidden() ? QString() : mNote->text();
}

QString ExportPreview::errorText() const
{
    return mError->text();
}

void ExportPreview::copy()
{
    QGuiApplication::clipboard()->setText(mText);
    emit copied();
}

} // namespace Portolan
