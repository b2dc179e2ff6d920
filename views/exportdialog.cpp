#include "exportdialog.h"

#include "exportpreview.h"
#include "formatregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QMessageBox>
#include <QPromise>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Portolan {

ExportDialog::ExportDialog(const Schema &schema, const QString &documentName, QWidget *parent)
    : QDialog(parent)
    , mSchema(schema)
    , mDocumentName(documentName)
    , mFormat(new QComboBox(this))
    , mHost(new QComboBox(this))
    , mStatus(new QCheckBox(tr("Include the &status block (real ports per host)"), this))
    , mFindings(new QCheckBox(tr("Include &known problems"), this))
    , mCompose(new QComboBox(this))
    , mPreview(new ExportPreview(this))
    , mBinary(new QLabel(this))
    , mWatcher(new QFutureWatcher<Written>(this))
    , mBusyDelay(new QTimer(this))
{
    setWindowTitle(tr("Export"));
    mFormat->setObjectName(QStringLiteral("format"));
    mHost->setObjectName(QStringLiteral("host"));
    for (const Format *f : FormatRegistry::instance().writers()) {
        if (f->id() != QLatin1String("json"))
            mFormat->addItem(f->displayName(), f->id());
    }
    mHost->addItem(tr("All hosts"), QString());
    for (const Host &h : schema.hosts)
        mHost->addItem(h.name, h.id);
    mStatus->setChecked(true);
    // Compose adds an override file's ports to the base file's; since 2.24.4
    // !override replaces them. Older versions get ports to paste instead.
    mCompose->addItem(tr("Compose 2.24.4 or later (ports: !override)"), QStringLiteral("2.24"));
    mCompose->addItem(tr("Older Compose (ports to paste into the file)"), QStringLiteral("older"));
    mBinary->setAlignment(Qt::AlignCenter);
    mBinary->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), mFormat);
    form->addRow(tr("&Host:"), mHost);
    form->addRow(QString(), mStatus);
    form->addRow(QString(), mFindings);
    form->addRow(tr("&Compose:"), mCompose);
    mComposeLabel = form->labelForField(mCompose);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    mSave = buttons->button(QDialogButtonBox::Save);
    mSave->setText(tr("&Save As…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mPreview, 1);
    layout->addWidget(mBinary, 1);
    layout->addWidget(buttons);

    connect(mFormat, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(mHost, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(mStatus, &QCheckBox::toggled, this, &ExportDialog::refresh);
    connect(mFindings, &QCheckBox::toggled, this, &ExportDialog::refresh);
    connect(mCompose, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(mWatcher, &QFutureWatcherBase::finished, this, &ExportDialog::writingFinished);
    connect(mWatcher, &QFutureWatcherBase::progressValueChanged, mPreview, &ExportPreview::setProgress);
    // Quick exports replace the preview without a flash of the busy bar.
    mBusyDelay->setSingleShot(true);
    mBusyDelay->setInterval(150);
    connect(mBusyDelay, &QTimer::timeout, this, [this] {
        if (!mWriting || !mWritingFormat)
            return;
        mBinary->hide();
        mPreview->show();
        mPreview->showBusy(tr("Writing the %1 export…").arg(mWritingFormat->displayName()));
    });
    resize(900, 680);
    refresh();
}

// A writing still running works on its own copies of the schema and the
// options; it is asked to stop, and what it gives is dropped.
ExportDialog::~ExportDialog()
{
    mWatcher->cancel();
}

void ExportDialog::selectFormat(const QString &formatId)
{
    const int i = mFormat->findData(formatId);
    if (i >= 0)
        mFormat->setCurrentIndex(i);
}

const Format *ExportDialog::currentFormat() const
{
    return FormatRegistry::instance().format(mFormat->currentData().toString());
}

void ExportDialog::setBaseDir(const QString &dir)
{
    mBaseDir = dir;
    refresh();
}

void ExportDialog::refresh()
{
    const Format *format = currentFormat();
    if (!format)
        return;
    const bool markdown = format->id() == QLatin1String("markdown");
    mStatus->setVisible(markdown);
    mFindings->setVisible(markdown);
    const bool compose = format->id() == QLatin1String("compose");
    mCompose->setVisible(compose);
    if (mComposeLabel)
        mComposeLabel->setVisible(compose);
    // A format that describes one host cannot be written for all of them.
    if (format->needsHost() && mHost->currentIndex() == 0 && mHost->count() > 1)
        mHost->setCurrentIndex(1); // comes back here
    mBytes.clear();
    mSave->setEnabled(false);
    mPreview->copyButton()->setEnabled(false); // until the new choice is written
    // Every change of one turn of the event loop (the dialog's set-up, a
    // format that picks a host) makes one writing.
    if (mStartScheduled)
        return;
    mStartScheduled = true;
    QTimer::singleShot(0, this, [this] {
        mStartScheduled = false;
        if (mWriting) {
            // The writing of the old choice stops; writingFinished() then
            // starts the latest one.
            mPending = true;
            mWatcher->cancel();
        } else {
            startWriting();
        }
    });
}

FormatOptions ExportDialog::currentOptions() const
{
    FormatOptions options;
    options.hostId = mHost->currentData().toString();
    options.baseDir = mBaseDir;
    options.extra.insert(QStringLiteral("status"), mStatus->isChecked() ? QStringLiteral("true") : QStringLiteral("false"));
    options.extra.insert(QStringLiteral("findings"), mFindings->isChecked() ? QStringLiteral("true") : QStringLiteral("false"));
    options.extra.insert(QStringLiteral("compose"), mCompose->currentData().toString());
    return options;
}

void ExportDialog::startWriting()
{
    const Format *format = currentFormat();
    if (!format)
        return;
    mWriting = true;
    mPending = false;
    mBytes.clear();
    mSave->setEnabled(false);
    mWritingFormat = format;
    mBusyDelay->start();
    mPreview->setProgress(-1);
    const auto write = [format, schema = mSchema, options = currentOptions()](QPromise<Written> &promise) mutable {
        // Percent, as the bar shows it; the writer stops once the dialog
        // cancels (another choice, or closed).
        promise.setProgressRange(0, 100);
        options.progress = [&promise](qsizetype done, qsizetype total) {
            promise.setProgressValue(writtenPercent(done, total));
            return !promise.isCanceled();
        };
        Written written;
        if (format->canWrite())
            written.bytes = format->write(schema, options, &written.error);
        if (written.bytes && !written.bytes->contains('\0'))
            written.text = QString::fromUtf8(*written.bytes);
        promise.addResult(std::move(written));
    };
    mWatcher->setFuture(QtConcurrent::run(write));
}

void ExportDialog::writingFinished()
{
    mWriting = false;
    mBusyDelay->stop();
    // The choice changed since this writing started: its bytes are not
    // shown nor saved. A start already scheduled writes the latest choice.
    if (mStartScheduled)
        return;
    if (mPending) {
        startWriting();
        return;
    }
    if (mWatcher->isCanceled() || mWatcher->future().resultCount() == 0)
        return;
    const Written written = mWatcher->result();
    const Format *format = mWritingFormat;
    mBytes = written.bytes.value_or(QByteArray());
    const bool binary = written.bytes && written.bytes->contains('\0');
    mPreview->setVisible(!binary);
    mBinary->setVisible(binary);
    if (binary)
        mBinary->setText(tr("%1: %n byte(s), no text preview.", nullptr, int(written.bytes->size())).arg(format->displayName()));
    else if (written.bytes)
        mPreview->setText(written.text);
    else
        mPreview->showResult(*format, std::nullopt, written.error);
    mSave->setEnabled(!mBytes.isEmpty());
}

void ExportDialog::save()
{
    const Format *format = currentFormat();
    if (!format || mBytes.isEmpty())
        return;
    const QString suggested = QFileInfo(mDocumentName).completeBaseName().section(QLatin1Char('.'), 0, 0);
    // The dialog adds the suffix itself, so its overwrite question sees the
    // name that is really written.
    QFileDialog dialog(this, tr("Export %1").arg(format->displayName()), suggested, format->fileFilter());
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    const QString suffix = withDefaultSuffix(QStringLiteral("x"), format->fileFilter()).mid(2);
    if (!suffix.isEmpty())
        dialog.setDefaultSuffix(suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString fileName = withDefaultSuffix(dialog.selectedFiles().constFirst(), format->fileFilter());
    QString error;
    if (!writeFileAtomically(fileName, mBytes, &error)) {
        QMessageBox::critical(this, tr("Export failed"), error);
        return;
    }
    mSavedFileName = fileName;
    accept();
}

QString ExportDialog::withDefaultSuffix(const QString &fileName, const QString &filter)
{
    // The patterns between the parentheses: "*.md *.markdown".
    const qsizetype open = filter.lastIndexOf(QLatin1Char('('));
    const qsizetype close = filter.lastIndexOf(QLatin1Char(')'));
    if (open < 0 || close <= open)
        return fileName;
    const QStringList patterns = filter.mid(open + 1, close - open - 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString name = QFileInfo(fileName).fileName();
    QString first;
    for (const QString &pattern : patterns) {
        if (!pattern.startsWith(QLatin1String("*.")))
            continue;
        const QString suffix = pattern.mid(1); // ".md"
        if (name.endsWith(suffix, Qt::CaseInsensitive))
            return fileName;
        if (first.isEmpty())
            first = suffix;
    }
    return first.isEmpty() || name.isEmpty() ? fileName : fileName + first;
}

} // namespace Portolan
