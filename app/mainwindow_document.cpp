// The document's life in the window: recent files, revert, import and
// export, autosave and recovery, and watching the file on disk.
#include "mainwindow.h"

#include "commands.h"
#include "exportdialog.h"
#include "formatregistry.h"
#include "jsonformat.h"
#include "linkedsources.h"
#include "rangegridpanel.h"
#include "rangegridview.h"
#include "realitysync.h"
#include "schemadocument.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QTabBar>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Portolan {

static constexpr int MaxRecentFiles = 10;

void MainWindow::addRecentFile(const QString &fileName)
{
    QSettings settings;
    QStringList files = settings.value(QStringLiteral("recentFiles")).toStringList();
    files.removeAll(fileName);
    files.prepend(fileName);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    mRecentMenu->clear();
    const QStringList files = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (int i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        // &1 … &9, then 1&0: every entry has a keyboard accelerator.
        const QString label = i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(file).fileName())
                                    : QStringLiteral("1&0 %1").arg(QFileInfo(file).fileName());
        QAction *action = mRecentMenu->addAction(label, this, [this, file] { openRecent(file); });
        action->setToolTip(QDir::toNativeSeparators(file));
        action->setStatusTip(QDir::toNativeSeparators(file));
    }
    if (!files.isEmpty())
        mRecentMenu->addSeparator();
    QAction *clear = mRecentMenu->addAction(tr("&Clear List"), this, [this] {
        QSettings().remove(QStringLiteral("recentFiles"));
        updateRecentMenu();
    });
    clear->setEnabled(!files.isEmpty());
}

void MainWindow::openRecent(const QString &fileName)
{
    if (!maybeSave())
        return;
    openFileInBackground(fileName);
}

bool MainWindow::openFileInBackground(const QString &fileName)
{
    if (isOpening())
        return false;
    mOpeningFile = fileName;
    const quint64 reading = ++mOpeningReading;
    auto *watcher = new QFutureWatcher<std::pair<std::optional<Schema>, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, reading] {
        const auto [schema, error] = watcher->result();
        watcher->deleteLater();
        openingFinished(reading, schema, error);
    });
    // The reader keeps nothing of the window: a cancelled reading finishes
    // on its thread and its result is dropped.
    watcher->setFuture(QtConcurrent::run([fileName] {
        ParseError error;
        std::optional<Schema> schema = loadSchemaFile(fileName, &error);
        const QString message = schema ? QString() : error.toString();
        return std::make_pair(std::move(schema), message);
    }));
    mOpeningLabel->setText(tr("Opening %1…").arg(QFileInfo(fileName).fileName()));
    setOpeningShown(true);
    return true;
}

void MainWindow::cancelOpening()
{
    // The bar's Cancel also stops a save.
    if (mSaveCancel) {
        mSaveCancel->store(true);
        return;
    }
    if (!isOpening())
        return;
    const QString fileName = mOpeningFile;
    ++mOpeningReading; // the running reading is no longer current
    mOpeningFile.clear();
    setOpeningShown(false);
    showMessage(tr("Opening %1 cancelled; the document is as it was.").arg(QDir::toNativeSeparators(fileName)));
}

void MainWindow::openingFinished(quint64 reading, const std::optional<Schema> &schema, const QString &error)
{
    if (reading != mOpeningReading || !isOpening())
        return; // cancelled
    const QString fileName = mOpeningFile;
    mOpeningFile.clear();
    setOpeningShown(false);
    if (!schema) {
        QMessageBox::warning(this, tr("Cannot open file"),
                             tr("Portolan could not read %1:\n%2").arg(QDir::toNativeSeparators(fileName), error));
        return;
    }
    adoptFile(*schema, fileName);
}

// While a file is read the document's views and menus wait (an edit would
// be lost when the file arrives); the status bar's Cancel stays.
void MainWindow::setOpeningShown(bool shown)
{
    mOpeningBar->setVisible(shown);
    mCentral->setEnabled(!shown);
    menuBar()->setEnabled(!shown);
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        dock->setEnabled(!shown);
    // The tabs of tabbed docks belong to the window, not to the docks.
    for (QTabBar *tabs : findChildren<QTabBar *>(Qt::FindDirectChildrenOnly))
        tabs->setEnabled(!shown);
    if (shown)
        mOpeningCancel->setFocus();
}

// Serializes and writes the plan on a worker. The window waits: for the
// first 300 ms it takes no input (input waits in the queue, so a save of a
// team's plan does not flicker), then it shows the status bar's progress and
// Cancel and keeps its views and menus disabled until the write is done.
// Cancelled, the file on disk is as it was: the write goes to a temporary
// file that replaces it only when complete.
bool MainWindow::writeInBackground(const QString &fileName, QString *error, bool *cancelled)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    mSaveCancel = cancel;
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    connect(&watcher, &QFutureWatcherBase::progressValueChanged, mOpeningProgress, &QProgressBar::setValue);
    watcher.setFuture(QtConcurrent::run(
        [schema = mDocument->schema(), fileName, cancel](QPromise<QString> &promise) {
            promise.setProgressRange(0, 100);
            const QByteArray data = JsonFormat::serialize(schema);
            QString error;
            const bool ok = writeFileCancellably(fileName, data, &error, [&](qint64 written, qint64 total) {
                promise.setProgressValue(int(written * 100 / qMax<qint64>(total, 1)));
                return !cancel->load();
            });
            promise.addResult(ok ? QString() : error);
        }));
    QTimer::singleShot(300, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!watcher.isFinished()) {
        mOpeningProgress->setRange(0, 100);
        mOpeningProgress->setValue(0);
        mOpeningProgress->setAccessibleName(tr("Saving"));
        mOpeningLabel->setText(tr("Saving %1…").arg(QFileInfo(fileName).fileName()));
        mOpeningCancel->setToolTip(tr("Stop saving; the file on disk stays as it was (Esc)"));
        setOpeningShown(true);
        loop.exec();
        setOpeningShown(false);
        mOpeningProgress->setRange(0, 0);
        mOpeningProgress->setAccessibleName(tr("Opening"));
        mOpeningCancel->setToolTip(tr("Stop opening the file; the document stays as it is (Esc)"));
    }
    watcher.waitForFinished();
    mSaveCancel.reset();
    *error = watcher.future().resultCount() > 0 ? watcher.result() : tr("The save did not finish.");
    *cancelled = !error->isEmpty() && cancel->load();
    return error->isEmpty();
}

void MainWindow::revert()
{
    if (mDocument->fileName().isEmpty() || !mDocument->isModified())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Revert"),
        tr("Discard every change since %1 was last saved?").arg(mDocument->displayName()),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    QString error;
    if (!openFile(mDocument->fileName(), &error))
        QMessageBox::warning(this, tr("Cannot revert"), error);
}

void MainWindow::closeDocument()
{
    if (!maybeSave())
        return;
    mAutoSaver->discard();
    openUntitled(Schema());
}

void MainWindow::watchFile()
{
    if (!mWatcher->files().isEmpty())
        mWatcher->removePaths(mWatcher->files());
    if (!mDocument->fileName().isEmpty())
        mWatcher->addPath(mDocument->fileName());
}

void MainWindow::checkFileOnDisk()
{
    const QString fileName = mDocument->fileName();
    // Our own save is replacing the file; saveTo() takes its new stamp.
    if (fileName.isEmpty() || mAskingAboutDisk || isSaving())
        return;
    // Editors and git replace files: watch the new one.
    if (!mWatcher->files().contains(fileName) && QFileInfo::exists(fileName))
        mWatcher->addPath(fileName);
    const FileStamp now = FileStamp::of(fileName);
    if (now == mStamp)
        return;
    mAskingAboutDisk = true;
    if (now.isNull()) {
        showMessage(tr("%1 was removed or renamed on disk; saving writes it again.").arg(mDocument->displayName()));
        mStamp = now;
    } else {
        const QString question = mDocument->isModified()
            ? tr("%1 was changed on disk by another program.\n\nReload it and lose your unsaved changes?")
            : tr("%1 was changed on disk by another program.\n\nReload it?");
        const auto answer = QMessageBox::question(this, tr("File changed on disk"),
                                                  question.arg(mDocument->displayName()),
                                                  QMessageBox::Yes | QMessageBox::No,
                                                  mDocument->isModified() ? QMessageBox::No : QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            QString error;
            if (!openFile(fileName, &error))
                QMessageBox::warning(this, tr("Cannot reload"), error);
        }
        // Declined: the stamp stays old, so saving still asks before overwriting.
    }
    mAskingAboutDisk = false;
}

void MainWindow::offerRecovery()
{
    const QList<RecoveryEntry> entries = orphanedRecoveryFiles(defaultRecoveryDirectory());
    for (const RecoveryEntry &entry : entries) {
        const QString name = entry.originalFile.isEmpty() ? tr("an untitled schema")
                                                          : QDir::toNativeSeparators(entry.originalFile);
        const auto answer = QMessageBox::question(
            this, tr("Recover unsaved changes"),
            tr("Portolan did not shut down cleanly. Unsaved changes to %1 were kept on %2.\n\nRestore them?")
                .arg(name, QLocale().toString(entry.saved.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Cancel)
            continue; // asked again next time
        if (answer == QMessageBox::Discard) {
            removeRecoveryEntry(entry);
            continue;
        }
        ParseError error;
        const std::optional<Schema> schema = loadSchemaFile(entry.recoveryFile, &error);
        if (!schema) {
            QMessageBox::warning(this, tr("Cannot recover"), error.toString());
            continue;
        }
        if (!maybeSave())
            return;
        // The recovered state is an edit of the original file: modified, and
        // one undo step away from what is on disk (when that still reads).
        QString openError;
        if (entry.originalFile.isEmpty() || !openFile(entry.originalFile, &openError)) {
            openUntitled(Schema());
            mDocument->setFileName(entry.originalFile);
        }
        mDocument->undoStack()->push(new ReplaceSchemaCommand(mDocument, *schema, tr("Recover unsaved changes")));
        removeRecoveryEntry(entry);
        mAutoSaver->saveNow();
        updateTitle();
        showMessage(tr("Recovered unsaved changes to %1.").arg(name));
        return; // one document at a time; the rest are offered next start
    }
}

void MainWindow::editAutosaveInterval()
{
    bool ok = false;
    const int seconds = QInputDialog::getInt(this, tr("Autosave"),
                                             tr("Keep unsaved changes in a recovery file every (seconds):"),
                                             mAutoSaver->intervalSeconds(), 5, 3600, 5, &ok);
    if (!ok)
        return;
    mAutoSaver->setIntervalSeconds(seconds);
    QSettings().setValue(QStringLiteral("autosaveSeconds"), seconds);
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: most of the screen, since the table, grid and docks all want room.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1400, 900);
        resize(available.size().boundedTo(QSize(1600, 1000)) * 9 / 10);
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    mAutoSaver->setIntervalSeconds(settings.value(QStringLiteral("autosaveSeconds"), 60).toInt());
    mGridPanel->setColouring(GridColouring(settings.value(QStringLiteral("grid/colouring"), 0).toInt()));
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("grid/colouring"), int(mGridPanel->view()->colouring()));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()
        && urls.first().toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString fileName = event->mimeData()->urls().value(0).toLocalFile();
    event->acceptProposedAction();
    // Not inside the drop handler: the source waits for it to return.
    QTimer::singleShot(0, this, [this, fileName] { openRecent(fileName); });
}

// Letters and digits only, lower case: "docker-compose.macmini.yml" and
// "Mac Mini" meet as "dockercomposemacminiyml" and "macmini".
static QString squeezed(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

QString hostNamedByFile(const Schema &schema, const QString &fileName)
{
    const QString name = squeezed(QFileInfo(fileName).fileName());
    QString best;
    qsizetype bestLength = 0;
    for (const Host &h : schema.hosts) {
        for (const QString &candidate : {squeezed(h.id), squeezed(h.name)}) {
            if (candidate.size() > bestLength && name.contains(candidate)) {
                best = h.id;
                bestLength = candidate.size();
            }
        }
    }
    return best;
}

const Format *detectImportFormat(const QString &fileName, const QByteArray &data)
{
    const FormatRegistry &registry = FormatRegistry::instance();
    const QString name = QFileInfo(fileName).fileName().toLower();
    if (name.endsWith(QLatin1String(".md")) || name.endsWith(QLatin1String(".markdown")))
        return registry.format(QStringLiteral("markdown"));
    if (name.endsWith(QLatin1String(".env")) || name == QLatin1String(".env"))
        return registry.format(QStringLiteral("env"));
    if (name.endsWith(QLatin1String(".yml")) || name.endsWith(QLatin1String(".yaml"))) {
        // Top-level keys tell the two YAML formats apart.
        for (const QByteArray &line : data.split('\n')) {
            if (line.startsWith("scrape_configs:") || line.startsWith("global:"))
                return registry.format(QStringLiteral("prometheus"));
            if (line.startsWith("services:"))
                return registry.format(QStringLiteral("compose"));
        }
        return registry.format(name.contains(QLatin1String("prometheus")) ? QStringLiteral("prometheus")
                                                                          : QStringLiteral("compose"));
    }
    return nullptr;
}

// Asks for the host a compose or Prometheus file describes, proposing the
// host the file name names.
static QString askHost(QWidget *parent, const Schema &schema, const QString &fileName)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QCoreApplication::translate("Portolan::MainWindow", "Import"));
    auto *combo = new QComboBox(&dialog);
    for (const Host &h : schema.hosts)
        combo->addItem(h.name, h.id);
    combo->setCurrentIndex(qMax(0, combo->findData(hostNamedByFile(schema, fileName))));
    auto *form = new QFormLayout;
    form->addRow(new QLabel(QCoreApplication::translate("Portolan::MainWindow", "Which host does %1 describe?")
                                .arg(QFileInfo(fileName).fileName()),
                            &dialog));
    form->addRow(QCoreApplication::translate("Portolan::MainWindow", "&Host:"), combo);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (schema.hosts.isEmpty() || dialog.exec() != QDialog::Accepted)
        return {};
    return combo->currentData().toString();
}

void MainWindow::import()
{
    QStringList filters;
    QList<const Format *> readers;
    for (const Format *f : FormatRegistry::instance().readers()) {
        if (f->id() == QLatin1String("json"))
            continue; // that is File > Open
        readers.append(f);
        filters.append(f->fileFilter());
    }
    filters.append(tr("All files (*)"));
    QString selectedFilter;
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Import"), QString(),
                                                          filters.join(QStringLiteral(";;")), &selectedFilter);
    if (fileName.isEmpty())
        return;
    // The file's name and content decide; the filter only picked the file.
    ParseError error;
    const std::optional<QByteArray> data = readFileBytes(fileName, &error);
    const Format *format = data ? detectImportFormat(fileName, *data) : nullptr;
    if (!format)
        format = readers.value(int(filters.indexOf(selectedFilter)));
    if (!format) {
        QMessageBox::warning(this, tr("Import"),
                             tr("Portolan cannot tell which kind of file %1 is. Choose its type in the file "
                                "dialog's filter.")
                                 .arg(QDir::toNativeSeparators(fileName)));
        return;
    }
    QString hostId;
    if (format->needsHost()) {
        if (mDocument->schema().hosts.isEmpty()) {
            QMessageBox::information(this, tr("Import"),
                                     tr("%1 files describe one host. Add the host first (Hosts dock).")
                                         .arg(format->displayName()));
            return;
        }
        hostId = askHost(this, mDocument->schema(), fileName);
        if (hostId.isEmpty())
            return;
    }
    importFile(fileName, format->id(), hostId);
}

void MainWindow::importFile(const QString &fileName, const QString &formatId, const QString &hostId)
{
    const Format *format = FormatRegistry::instance().format(formatId);
    ParseError error;
    const std::optional<QByteArray> data = readFileBytes(fileName, &error);
    FormatOptions options;
    options.fileName = fileName;
    options.hostId = hostId;
    options.baseDir = QFileInfo(fileName).absolutePath();
    std::optional<ReadResult> result;
    if (data && format) {
        error.file = fileName;
        result = format->read(*data, options, &error);
    }
    if (!result) {
        // Nothing changes in the open document.
        QMessageBox::warning(this, tr("Import failed"),
                             tr("Portolan could not import %1:\n%2")
                                 .arg(QDir::toNativeSeparators(fileName), error.toString()));
        return;
    }
    QStringList lines;
    for (const Diagnostic &warning : std::as_const(result->warnings))
        lines.append(tr("warning: %1").arg(warning.toString()));

    if (!format->mergesIntoPlan()) {
        const Schema &imported = result->schema;
        if (imported.services.isEmpty() && imported.hosts.isEmpty() && imported.ranges.isEmpty()) {
            QMessageBox::warning(this, tr("Nothing to import"),
                                 tr("%1 holds no services, hosts or ranges that Portolan can read as %2. "
                                    "The open schema stays as it is.")
                                     .arg(QDir::toNativeSeparators(fileName), format->displayName()));
            return;
        }
        const Schema &current = mDocument->schema();
        if (!current.services.isEmpty() || !current.hosts.isEmpty() || !current.ranges.isEmpty()) {
            // Say what will happen before it happens.
            QMessageBox box(QMessageBox::Question, tr("Import as a new schema"),
                            tr("%1 becomes a new, untitled schema with %n service(s), replacing %2 in this window.",
                               nullptr, int(imported.services.size()))
                                .arg(QFileInfo(fileName).fileName(), mDocument->displayName()),
                            QMessageBox::Cancel, this);
            box.setInformativeText(mDocument->isModified()
                                       ? tr("You are asked about the unsaved changes next.")
                                       : tr("%1 stays on disk as it is.").arg(mDocument->displayName()));
            QPushButton *replace = box.addButton(tr("&Import"), QMessageBox::AcceptRole);
            box.setDefaultButton(replace);
            box.exec();
            if (box.clickedButton() != replace)
                return;
        }
        if (!maybeSave())
            return;
        openUntitled(imported);
        showMessage(tr("Imported %1 as a new schema (%2).").arg(QFileInfo(fileName).fileName(), format->displayName()));
    } else {
        // A compose project or Prometheus config becomes a linked source of
        // the host (one undoable step): read again on open, on change and by
        // check, and a second project on the host is added beside the first.
        if (hostId.isEmpty()) {
            QMessageBox::warning(this, tr("Import failed"), tr("Choose the host %1 belongs to.").arg(fileName));
            return;
        }
        QList<Host> hosts = mDocument->schema().hosts;
        if (mDocument->schema().hostIndex(hostId) < 0) {
            Host host;
            host.id = hostId;
            host.name = hostId;
            hosts.append(host);
        }
        Host &host = hosts[int(std::find_if(hosts.cbegin(), hosts.cend(), [&](const Host &h) { return h.id == hostId; })
                               - hosts.cbegin())];
        RealitySource source;
        source.kind = formatId == QLatin1String("prometheus") ? SourceKind::Prometheus : SourceKind::Compose;
        source.files = {relativeSourcePath(mRealitySync->baseDir(), fileName)};
        QStringList summary;
        const QMetaObject::Connection collect = connect(mRealitySync, &RealitySync::refreshed, this,
                                                        [&summary](const QStringList &s) { summary += s; });
        if (host.sources.contains(source)) {
            mRealitySync->refreshHost(hostId);
        } else {
            host.sources.append(source);
            mDocument->undoStack()->push(changeHostsCommand(
                mDocument, hosts, tr("Import %1 into %2").arg(QFileInfo(fileName).fileName(), hostId)));
            summary.prepend(tr("Linked %1 to host %2 as a source; it is read again when it changes.")
                                .arg(source.files.first(), hostId));
        }
        disconnect(collect);
        lines = summary + lines;
    }
    if (lines.isEmpty())
        return;
    // What the import changed, for the user to read before deciding to keep it (Undo).
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Import summary"));
    auto *text = new QPlainTextEdit(lines.join(QLatin1Char('\n')), &dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("%n change(s) and note(s); Edit > Undo takes the import back.", nullptr,
                                    int(lines.size())),
                                 &dialog));
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(760, 480);
    dialog.exec();
}

void MainWindow::exportDocument()
{
    ExportDialog dialog(mDocument->schema(), mDocument->fileName().isEmpty() ? QStringLiteral("schema") : mDocument->fileName(),
                        this);
    dialog.setBaseDir(mRealitySync->baseDir());
    if (dialog.exec() == QDialog::Accepted && !dialog.savedFileName().isEmpty())
        showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(dialog.savedFileName())));
}

} // namespace Portolan
