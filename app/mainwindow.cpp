#include "mainwindow.h"

#include "analyzer.h"
#include "commands.h"
#include "hosttablemodel.h"
#include "problemsmodel.h"
#include "problemsview.h"
#include "rangegridpanel.h"
#include "rangegridview.h"
#include "realitysync.h"
#include "rulesettingsdialog.h"
#include "jsonformat.h"
#include "locator.h"
#include "changesetdialog.h"
#include "movereview.h"
#include "movesview.h"
#include "whatif.h"
#include "whatifservicemodel.h"
#include "observation.h"
#include "realitycheckdialog.h"
#include "schemadocument.h"
#include "selectionsync.h"
#include "servicefilterproxy.h"
#include "servicesview.h"
#include "servicetablemodel.h"
#include "sourcesview.h"

#include <QAction>
#include <QActionGroup>
#include <QFileSystemWatcher>
#include <QSettings>
#include <QUndoView>
#include <QApplication>
#include <QCloseEvent>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPushButton>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QStackedWidget>
#include <QUndoGroup>
#include <QUndoStack>

namespace Portolan {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , mDocument(new SchemaDocument(this))
    , mServiceModel(new ServiceTableModel(mDocument, this))
    , mHostModel(new HostTableModel(mDocument, this))
    , mRangeModel(new RangeTableModel(mDocument, this))
    , mServicesView(new ServicesView(mServiceModel, this))
    , mCountLabel(new QLabel(this))
    , mAnalyzer(new Analyzer(mDocument, this))
    , mProblemsModel(new ProblemsModel(mAnalyzer, this))
    , mProblemsView(new ProblemsView(mProblemsModel, this))
    , mFindingsLabel(new QLabel(this))
    , mReservationModel(new ReservationTableModel(mDocument, this))
    , mAutoSaver(new AutoSaver(mDocument, defaultRecoveryDirectory(), this))
    , mWatcher(new QFileSystemWatcher(this))
    , mUndoGroup(new QUndoGroup(this))
    , mCentral(new QStackedWidget(this))
    , mMoveReview(new MoveReview(mDocument, this))
    , mObservations(new ObservationStore(this))
    , mRealitySync(new RealitySync(mDocument, this))
{
    setAcceptDrops(true);
    mServiceModel->setAnalyzer(mAnalyzer);
    // What-if mode swaps in a table of the draft document for the tabs.
    createGrid();
    mCentral->addWidget(mCentralTabs);
    setCentralWidget(mCentral);
    mUndoGroup->addStack(mDocument->undoStack());
    mUndoGroup->setActiveStack(mDocument->undoStack());
    mServiceModel->setObservationStore(mObservations);
    mProblemsModel->setObservationStore(mObservations);
    mProblemsModel->setRealitySync(mRealitySync);
    connect(mRealitySync, &RealitySync::refreshed, this, [this](const QStringList &summary) {
        if (!summary.isEmpty())
            showMessage(tr("Reality re-read from the linked sources: %1").arg(summary.constLast()));
    });
    // What was observed belongs to the document that was checked.
    connect(mDocument, &SchemaDocument::reset, mObservations, &ObservationStore::clear);
    createOpeningIndicator();
    statusBar()->addPermanentWidget(mFindingsLabel);
    statusBar()->addPermanentWidget(mCountLabel);
    connect(mAnalyzer, &Analyzer::findingsChanged, this, &MainWindow::updateFindingCounts);
    connect(mAnalyzer, &Analyzer::reanalyzed, this, &MainWindow::updateFindingCounts);
    connect(mProblemsView, &ProblemsView::servicesActivated, mServicesView, &ServicesView::selectServices);
    // A finding of ranges (an overlap) names ports, not services: show them in the grid.
    connect(mProblemsView, &ProblemsView::portsActivated, this, [this](const QList<int> &ports) {
        showGrid();
        mGridPanel->view()->setCurrentCell(mGridPanel->view()->gridLayout().primaryCell(ports.first()));
        mGridPanel->view()->setFocus(Qt::OtherFocusReason);
    });
    connect(mProblemsView, &ProblemsView::showInGridRequested, this, &MainWindow::showInGrid);
    connect(mServicesView, &ServicesView::message, this, &MainWindow::showMessage);
    createActions();
    createDocks();
    createMovesDock();

    connect(mDocument, &SchemaDocument::modifiedChanged, this, &QWidget::setWindowModified);
    connect(mDocument, &SchemaDocument::fileNameChanged, this, &MainWindow::updateTitle);
    connect(mDocument, &SchemaDocument::reset, this, &MainWindow::updateStatus);
    connect(mDocument, &SchemaDocument::servicesInserted, this, &MainWindow::updateStatus);
    connect(mDocument, &SchemaDocument::servicesRemoved, this, &MainWindow::updateStatus);
    connect(mDocument, &SchemaDocument::servicesReset, this, &MainWindow::updateStatus);
    connect(mDocument, &SchemaDocument::hostsChanged, this, &MainWindow::updateStatus);
    connect(mDocument, &SchemaDocument::rangesChanged, this, &MainWindow::updateStatus);
    connect(mServiceModel, &ServiceTableModel::inputRejected, this, &MainWindow::showMessage);
    connect(mHostModel, &HostTableModel::inputRejected, this, &MainWindow::showMessage);
    connect(mRangeModel, &RangeTableModel::inputRejected, this, &MainWindow::showMessage);
    connect(mReservationModel, &ReservationTableModel::inputRejected, this, &MainWindow::showMessage);
    connect(mWatcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::checkFileOnDisk);
    // A clean document needs no recovery file.
    connect(mDocument, &SchemaDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            mAutoSaver->discard();
    });
    // Ctrl+E and Shift+F10 reach the window from line edits and views (below).
    qApp->installEventFilter(this);
    readSettings();
    updateTitle();
    updateStatus();
    updateFindingCounts();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && qobject_cast<QLineEdit *>(watched)
        && static_cast<QWidget *>(watched)->window() == this) {
        // A line edit takes Ctrl+E (end of line on X11) and would swallow File > Export.
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_E && key->modifiers() == Qt::ControlModifier) {
            event->ignore();
            return true;
        }
    }
    if (event->type() == QEvent::KeyPress && watched->isWidgetType()) {
        // Shift+F10 opens the context menu, as the Menu key does (Qt 6.4 knows only the latter).
        const auto *key = static_cast<QKeyEvent *>(event);
        auto *widget = static_cast<QWidget *>(watched);
        if (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier && widget == QApplication::focusWidget()
            && widget->window() == this) {
            const QPoint pos = widget->inputMethodQuery(Qt::ImCursorRectangle).toRect().center();
            QContextMenuEvent menuEvent(QContextMenuEvent::Keyboard, pos, widget->mapToGlobal(pos));
            QApplication::sendEvent(widget, &menuEvent);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showServicesMenu(const QPoint &pos)
{
    QTableView *table = mServicesView->tableView();
    const QModelIndex index = table->indexAt(pos);
    if (index.isValid() && !table->selectionModel()->isSelected(index))
        table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    if (index.isValid()) {
        menu.addAction(tr("&Edit Cell"), this, [table, index] { table->edit(index); });
        menu.addAction(tr("Show in Range &Grid"), this, [this] { showGrid(); mGridPanel->view()->setFocus(); });
        menu.addSeparator();
    }
    // The Edit menu's actions, with their shortcuts.
    for (QAction *action : table->actions())
        menu.addAction(action);
    menu.addAction(mDuplicateAction);
    menu.addSeparator();
    menu.addAction(tr("&New Service…"), this, &MainWindow::newService);
    menu.exec(table->viewport()->mapToGlobal(pos));
}

void MainWindow::stepFinding(int step)
{
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("ProblemsDock"))) {
        dock->show();
        dock->raise();
    }
    if (!mProblemsView->stepFinding(step))
        showMessage(tr("No findings."));
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createToolsMenu();
}

void MainWindow::cut()
{
    copy();
    deleteSelected();
}

void MainWindow::createDocks()
{
    auto *hostsDock = new QDockWidget(tr("Hosts"), this);
    hostsDock->setObjectName(QStringLiteral("HostsDock"));
    hostsDock->setWidget(createHostsEditor());
    addDockWidget(Qt::RightDockWidgetArea, hostsDock);

    auto *rangesDock = new QDockWidget(tr("Ranges"), this);
    rangesDock->setObjectName(QStringLiteral("RangesDock"));
    rangesDock->setWidget(createRangesEditor());
    addDockWidget(Qt::RightDockWidgetArea, rangesDock);

    // The bottom docks take the whole width: their tables have the most columns.
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("ProblemsDock"));
    problemsDock->setWidget(mProblemsView);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);

    auto *historyDock = new QDockWidget(tr("Undo History"), this);
    historyDock->setObjectName(QStringLiteral("UndoHistoryDock"));
    auto *history = new QUndoView(mDocument->undoStack(), historyDock);
    history->setEmptyLabel(tr("<opened>"));
    history->setAccessibleName(tr("Undo history"));
    historyDock->setWidget(history);
    addDockWidget(Qt::BottomDockWidgetArea, historyDock);
    tabifyDockWidget(problemsDock, historyDock);
    problemsDock->raise();

    auto *sourcesDock = new QDockWidget(tr("Sources"), this);
    sourcesDock->setObjectName(QStringLiteral("SourcesDock"));
    mSourcesView = new SourcesView(mDocument, mRealitySync, sourcesDock);
    sourcesDock->setWidget(mSourcesView);
    addDockWidget(Qt::RightDockWidgetArea, sourcesDock);
    tabifyDockWidget(rangesDock, sourcesDock);
    rangesDock->raise();

    for (QDockWidget *dock : {hostsDock, rangesDock, sourcesDock, problemsDock, historyDock})
        mViewMenu->addAction(dock->toggleViewAction());
    resizeDocks({hostsDock}, {440}, Qt::Horizontal);
    resizeDocks({problemsDock}, {220}, Qt::Vertical);
}

// The services table and the range grid are two tabs over one model, with
// one selection between them.
void MainWindow::createGrid()
{
    mGridPanel = new RangeGridPanel(mServiceModel, this);
    RangeGridView *grid = mGridPanel->view();
    grid->setAnalyzer(mAnalyzer);
    grid->setObservationStore(mObservations);
    mCentralTabs = new QTabWidget(this);
    mCentralTabs->setDocumentMode(true);
    mCentralTabs->addTab(mServicesView, tr("&Services"));
    mCentralTabs->addTab(mGridPanel, tr("Range &Grid"));
    new SelectionSync(mServicesView->tableView()->selectionModel(), mServicesView->proxy(), grid->selectionModel(),
                      [model = mServiceModel] { return model->isChangingRows(); }, this);
    connect(mGridPanel, &RangeGridPanel::message, this, &MainWindow::showMessage);
    // Enter in the grid edits the service in the table, where every field has its editor.
    connect(grid, &RangeGridView::editRequested, this, [this](const QModelIndex &index) {
        mCentralTabs->setCurrentWidget(mServicesView);
        const QModelIndex proxyIndex = mServicesView->proxy()->mapFromSource(index);
        if (proxyIndex.isValid()) {
            mServicesView->tableView()->setCurrentIndex(proxyIndex);
            mServicesView->tableView()->setFocus(Qt::OtherFocusReason);
            mServicesView->tableView()->edit(proxyIndex);
        }
    });
}

bool MainWindow::showGrid(const QString &layer)
{
    mCentralTabs->setCurrentWidget(mGridPanel);
    return layer.isNull() || mGridPanel->setLayer(layer);
}

ChangeSetDialog *MainWindow::carryOutMoves(const QList<Move> &moves)
{
    auto *dialog = new ChangeSetDialog(mMoveReview, mRealitySync->readings(), moves, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ChangeSetDialog::message, this, &MainWindow::showMessage);
    // The written files are read again at once, not only when the watcher sees them.
    connect(dialog, &QDialog::accepted, mRealitySync, &RealitySync::refresh);
    dialog->open();
    return dialog;
}

void MainWindow::createMovesDock()
{
    mMovesView = new MovesView(mMoveReview, this);
    auto *dock = new QDockWidget(tr("Moves"), this);
    dock->setObjectName(QStringLiteral("MovesDock"));
    dock->setWidget(mMovesView);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *problems = findChild<QDockWidget *>(QStringLiteral("ProblemsDock"))) {
        tabifyDockWidget(problems, dock);
        problems->raise();
    }
    mViewMenu->addAction(dock->toggleViewAction());
    connect(dock, &QDockWidget::visibilityChanged, mMoveReview, &MoveReview::setActive);
    connect(mMovesView, &MovesView::message, this, &MainWindow::showMessage);
    connect(mMovesView, &MovesView::servicesActivated, this, [this](const QStringList &ids) {
        (mWhatIfView ? mWhatIfView : mServicesView)->selectServices(ids);
    });
    connect(mMovesView, &MovesView::exportReportRequested, this, &MainWindow::exportReviewReport);
    connect(mMovesView, &MovesView::carryOutRequested, this, &MainWindow::carryOutMoves);
    connect(mMoveReview, &MoveReview::filesSkipped, this, [this](const QStringList &paths) {
        showMessage(tr("Left %1 as it is: edited since the moves were carried out")
                        .arg(paths.join(QStringLiteral(", "))));
    });
    // A new document ends drafting and any comparison.
    connect(mDocument, &SchemaDocument::reset, this, [this] {
        setWhatIfMode(false); // the drafts were of the document that is gone
        mMoveReview->clearProposal();
    });
}

// Leaving what-if mode drops the draft document: ask while drafts are unapplied.
bool MainWindow::confirmLeaveWhatIf()
{
    if (!mWhatIf || mWhatIf->drafts().isEmpty())
        return true;
    const int drafts = int(mWhatIf->drafts().size());
    QMessageBox box(QMessageBox::Question, tr("Leave What-If Drafting"),
                    tr("%n draft(s) have not been applied. Leaving drops them; the document stays as it is.",
                       nullptr, drafts),
                    QMessageBox::Cancel, this);
    box.setInformativeText(tr("Apply a draft first with Execute in the Moves panel to keep it."));
    QPushButton *drop = box.addButton(tr("&Drop Drafts"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == drop;
}

void MainWindow::setWhatIfMode(bool on)
{
    if (on == (mWhatIf != nullptr))
        return;
    if (!on && mWhatIfAction->isChecked() == on && !confirmLeaveWhatIf()) {
        QSignalBlocker blocker(mWhatIfAction);
        mWhatIfAction->setChecked(true);
        return;
    }
    if (on) {
        mWhatIf = new WhatIfSession(mDocument, this);
        mWhatIfAnalyzer = new Analyzer(mWhatIf->draftDocument(), mWhatIf);
        mWhatIfModel = new WhatIfServiceModel(mWhatIf, mWhatIfAnalyzer, mAnalyzer, mWhatIf);
        // The draft in both views: its table and its grid, with the draft's findings.
        mWhatIfTabs = new QTabWidget(mCentral);
        mWhatIfTabs->setDocumentMode(true);
        mWhatIfView = new ServicesView(mWhatIfModel, mWhatIfTabs);
        auto *grid = new RangeGridPanel(mWhatIfModel, mWhatIfTabs);
        grid->view()->setAnalyzer(mWhatIfAnalyzer);
        grid->view()->setReferenceSchema(&mDocument->schema());
        new SelectionSync(mWhatIfView->tableView()->selectionModel(), mWhatIfView->proxy(), grid->view()->selectionModel(),
                          [model = mWhatIfModel] { return model->isChangingRows(); }, grid);
        mWhatIfTabs->addTab(mWhatIfView, tr("&Services (what-if)"));
        mWhatIfTabs->addTab(grid, tr("Range &Grid (what-if)"));
        mWhatIfTabs->setCurrentIndex(mCentralTabs->currentIndex());
        mCentral->addWidget(mWhatIfTabs);
        mCentral->setCurrentWidget(mWhatIfTabs);
        mUndoGroup->addStack(mWhatIf->draftDocument()->undoStack());
        mUndoGroup->setActiveStack(mWhatIf->draftDocument()->undoStack());
        mMoveReview->setWhatIf(mWhatIf);
        showMessage(tr("What-if drafting: edits are drafts until applied from the Moves panel"));
    } else {
        // Leaving drops the draft document; the real one was never touched.
        mMoveReview->setWhatIf(nullptr);
        mUndoGroup->setActiveStack(mDocument->undoStack());
        mCentral->setCurrentWidget(mCentralTabs);
        delete mWhatIfTabs; // with the table and grid of the draft
        mWhatIfTabs = nullptr;
        mWhatIfView = nullptr;
        mWhatIfModel = nullptr;
        mWhatIfAnalyzer = nullptr;
        delete mWhatIf;
        mWhatIf = nullptr;
    }
    if (mWhatIfAction->isChecked() != on)
        mWhatIfAction->setChecked(on);
}

bool MainWindow::compareWith(const QString &fileName, QString *errorMessage)
{
    ParseError error;
    const std::optional<Schema> schema = loadSchemaFile(fileName, &error);
    if (!schema) {
        *errorMessage = error.toString();
        return false;
    }
    mMoveReview->setProposal(*schema, QFileInfo(fileName).absoluteFilePath());
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("MovesDock")))
        dock->show();
    showMessage(tr("Comparing with %1").arg(QDir::toNativeSeparators(fileName)));
    return true;
}

void MainWindow::compare()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Compare with Schema"), QString(),
                                                          tr("Portolan schema (*.portolan.json *.json);;All files (*)"));
    QString error;
    if (!fileName.isEmpty() && !compareWith(fileName, &error)) {
        QMessageBox::warning(this, tr("Cannot compare"),
                             tr("Portolan could not read %1:\n%2").arg(QDir::toNativeSeparators(fileName), error));
    }
}

void MainWindow::exportReviewReport()
{
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export Review Report"), QString(),
                                                          tr("Markdown (*.md)"));
    if (fileName.isEmpty())
        return;
    QString error;
    // The pending moves' change set in the linked files, as a diff in the report.
    QList<Move> pending = mMoveReview->moves();
    pending.removeIf([](const Move &m) { return !m.changesPort(); });
    const ChangeSet set = buildChangeSet(mDocument->schema(), mRealitySync->readings(), pending);
    if (!writeFileAtomically(fileName, mMoveReview->reportMarkdown(set.gitPatch()).toUtf8(), &error)) {
        QMessageBox::critical(this, tr("Cannot save"), error);
        return;
    }
    showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)));
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Portolan").arg(mDocument->displayName()));
    setWindowModified(mDocument->isModified());
}

void MainWindow::updateStatus()
{
    const Schema &s = mDocument->schema();
    mCountLabel->setText(tr("%n service(s)", nullptr, int(s.services.size())) + QStringLiteral(" · ")
                         + tr("%n host(s)", nullptr, int(s.hosts.size())) + QStringLiteral(" · ")
                         + tr("%n range(s)", nullptr, int(s.ranges.size())));
}

void MainWindow::updateFindingCounts()
{
    const int errors = mAnalyzer->count(Severity::Error);
    const int warnings = mAnalyzer->count(Severity::Warning);
    const int infos = mAnalyzer->count(Severity::Info);
    mFindingsLabel->setText(tr("%n error(s)", nullptr, errors) + QStringLiteral(" · ")
                            + tr("%n warning(s)", nullptr, warnings) + QStringLiteral(" · ")
                            + tr("%n info(s)", nullptr, infos));
}

void MainWindow::editRuleSettings()
{
    RuleSettingsDialog dialog(mDocument->schema().ruleSettings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const RuleSettings settings = dialog.settings();
    if (!(settings == mDocument->schema().ruleSettings))
        mDocument->undoStack()->push(changeRuleSettingsCommand(mDocument, settings));
}

RealityCheckDialog *MainWindow::showRealityCheck()
{
    if (!mRealityCheckDialog) {
        mRealityCheckDialog = new RealityCheckDialog(mDocument, mObservations, this);
        connect(mRealityCheckDialog, &RealityCheckDialog::checkFinished, this, [this](const Observations &o) {
            showMessage(o.cancelled ? tr("Reality check cancelled")
                                    : tr("Reality check: %n listening", nullptr, o.listening));
        });
    }
    mRealityCheckDialog->show();
    mRealityCheckDialog->raise();
    mRealityCheckDialog->activateWindow();
    return mRealityCheckDialog;
}

void MainWindow::showInGrid(const QStringList &serviceIds, const QList<int> &ports)
{
    showGrid();
    RangeGridView *grid = mGridPanel->view();
    int port = ports.isEmpty() ? 0 : ports.first();
    if (!serviceIds.isEmpty()) {
        const int row = mDocument->serviceRow(serviceIds.first());
        if (row >= 0)
            port = grid->gridContent().portOfRow(row);
    }
    if (port > 0)
        grid->setCurrentCell(grid->gridLayout().primaryCell(port));
    // The cell's service became current; select all of them as the table does.
    if (!serviceIds.isEmpty())
        mServicesView->selectServices(serviceIds);
    grid->setFocus(Qt::OtherFocusReason);
}

Locator *MainWindow::showLocator()
{
    if (!mLocator) {
        mLocator = new Locator(this);
        connect(mLocator, &Locator::serviceChosen, this, [this](const QString &id) {
            if (mWhatIfView) {
                mWhatIfView->selectServices({id});
            } else if (mCentralTabs->currentWidget() == mGridPanel) {
                showInGrid({id}, {});
            } else {
                mServicesView->selectServices({id});
                mServicesView->tableView()->setFocus(Qt::OtherFocusReason);
            }
        });
        connect(mLocator, &Locator::portChosen, this, [this](int port) {
            if (!mWhatIfView) {
                showInGrid({}, {port});
                return;
            }
            QStringList ids; // drafting: the draft's services on that port
            for (const Service &s : mWhatIf->draftDocument()->schema().services) {
                if (s.plannedPort == port || s.actualPort == port)
                    ids.append(s.id);
            }
            mWhatIfView->selectServices(ids);
        });
        connect(mLocator, &Locator::hostChosen, this, [this](const QString &id) {
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("HostsDock"))) {
                dock->show();
                dock->raise();
            }
            const int row = mDocument->schema().hostIndex(id);
            if (row >= 0) {
                mHostsView->selectRow(row);
                mHostsView->setFocus(Qt::OtherFocusReason);
            }
        });
    }
    // While drafting, the draft's services are the ones in view.
    mLocator->open(mWhatIf ? mWhatIf->draftDocument()->schema() : mDocument->schema());
    return mLocator;
}

// openFileInBackground()'s busy bar: permanent, so that status messages do
// not hide it.
void MainWindow::createOpeningIndicator()
{
    mOpeningBar = new QWidget(this);
    auto *layout = new QHBoxLayout(mOpeningBar);
    layout->setContentsMargins(0, 0, 0, 0);
    mOpeningLabel = new QLabel(mOpeningBar);
    mOpeningProgress = new QProgressBar(mOpeningBar);
    mOpeningProgress->setRange(0, 0); // busy: the reader cannot say how far it is
    mOpeningProgress->setMaximumWidth(160);
    mOpeningProgress->setAccessibleName(tr("Opening"));
    mOpeningCancel = new QToolButton(mOpeningBar);
    mOpeningCancel->setText(tr("Cancel"));
    mOpeningCancel->setShortcut(QKeySequence::Cancel);
    mOpeningCancel->setToolTip(tr("Stop opening the file; the document stays as it is (Esc)"));
    connect(mOpeningCancel, &QToolButton::clicked, this, &MainWindow::cancelOpening);
    layout->addWidget(mOpeningLabel);
    layout->addWidget(mOpeningProgress);
    layout->addWidget(mOpeningCancel);
    statusBar()->addPermanentWidget(mOpeningBar);
    mOpeningBar->hide();
}

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::openUntitled(const Schema &schema)
{
    const bool sample = schema == builtInSample() || schema == builtInLinkedSample();
    // The sample's linked files travel in the resources beside it.
    mRealitySync->setUntitledBaseDir(sample ? QStringLiteral(":/samples") : QString());
    mDocument->resetSchema(schema);
    mDocument->setFileName(QString());
    mRealitySync->refresh();
    // The built-in sample is named as such; Save still asks where to write it.
    mDocument->setUntitledName(sample
                                   ? tr("%1 (built-in sample)").arg(schema.title.isEmpty() ? tr("Port Schema")
                                                                                           : schema.title)
                                   : QString());
    mStamp = FileStamp();
    watchFile();
    updateTitle();
}

bool MainWindow::openFile(const QString &fileName, QString *errorMessage)
{
    ParseError error;
    const std::optional<Schema> schema = loadSchemaFile(fileName, &error);
    if (!schema) {
        *errorMessage = error.toString();
        return false;
    }
    adoptFile(*schema, fileName);
    return true;
}

void MainWindow::adoptFile(const Schema &schema, const QString &fileName)
{
    mAutoSaver->discard();
    mDocument->resetSchema(schema);
    mDocument->setFileName(QFileInfo(fileName).absoluteFilePath());
    mRealitySync->refresh();
    mStamp = FileStamp::of(fileName);
    watchFile();
    addRecentFile(mDocument->fileName());
    updateTitle();
    showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(fileName)));
}

void MainWindow::newDocument()
{
    if (!maybeSave())
        return;
    openUntitled(Schema());
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Open Schema"), QString(),
                                                          tr("Portolan schema (*.portolan.json *.json);;All files (*)"));
    if (!fileName.isEmpty())
        openFileInBackground(fileName);
}

bool MainWindow::save()
{
    if (mDocument->fileName().isEmpty())
        return saveAs();
    return saveTo(mDocument->fileName());
}

bool MainWindow::saveAs()
{
    // The dialog adds the suffix itself, so its overwrite question sees the
    // name that is really written.
    QFileDialog dialog(this, tr("Save Schema"), mDocument->fileName(), tr("Portolan schema (*.portolan.json)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("portolan.json"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    return saveTo(dialog.selectedFiles().constFirst());
}

bool MainWindow::saveTo(const QString &fileName)
{
    // One write at a time, and none while a file is being opened.
    if (isSaving() || isOpening())
        return false;
    // Never overwrite what someone else wrote since we read the file.
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    const FileStamp onDisk = FileStamp::of(absolute);
    const bool ours = absolute == mDocument->fileName() && onDisk == mStamp;
    if (!onDisk.isNull() && absolute == mDocument->fileName() && !ours) {
        const auto answer = QMessageBox::warning(
            this, tr("File changed on disk"),
            tr("%1 was changed on disk since Portolan read it. Overwrite those changes with yours?")
                .arg(QDir::toNativeSeparators(fileName)),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save)
            return false;
    }
    mCopiedSources = {};
    const int beforeRebase = mDocument->undoStack()->index();
    rebaseSources(absolute);
    QString error;
    bool cancelled = false;
    const int savedIndex = mDocument->undoStack()->index();
    if (!writeInBackground(fileName, &error, &cancelled)) {
        // Nothing of a save that did not happen stays: the linked files it
        // copied (new files only) and the paths it rewrote for them.
        for (const QString &copied : std::as_const(mCopiedSources.written))
            QFile::remove(copied);
        mCopiedSources = {};
        if (savedIndex == beforeRebase + 1 && mDocument->undoStack()->index() == savedIndex)
            mDocument->undoStack()->undo();
        if (cancelled)
            showMessage(tr("Saving %1 cancelled; the file on disk is as it was.").arg(QDir::toNativeSeparators(fileName)));
        else
            QMessageBox::critical(this, tr("Cannot save"), error);
        return false;
    }
    mDocument->setFileName(absolute);
    mStamp = FileStamp::of(absolute);
    watchFile();
    addRecentFile(absolute);
    // The window takes no edits while it saves; should one have slipped in,
    // the document stays modified rather than claim a state it did not write.
    if (mDocument->undoStack()->index() == savedIndex) {
        mDocument->setClean();
        mAutoSaver->discard();
    }
    updateTitle();
    const int copied = int(mCopiedSources.written.size());
    if (copied == 0)
        showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)));
    else
        showMessage(tr("Saved %1; %2")
                        .arg(QDir::toNativeSeparators(fileName),
                             mCopiedSources.folder.isEmpty()
                                 ? tr("%n linked file(s) copied beside it", nullptr, copied)
                                 : tr("%n linked file(s) copied into %1", nullptr, copied).arg(mCopiedSources.folder)));
    mCopiedSources = {};
    return true;
}

// Linked sources are stored relative to the plan: saved into another
// folder, their paths are rewritten (one undoable step) so they still name
// the same files.
void MainWindow::rebaseSources(const QString &fileName)
{
    const QString newDir = QFileInfo(fileName).absolutePath();
    const QString oldDir = mRealitySync->baseDir();
    if (oldDir.startsWith(QLatin1Char(':'))) {
        copyResourceSources(oldDir, fileName);
        return;
    }
    if (QDir(oldDir) == QDir(newDir))
        return;
    QList<Host> hosts = mDocument->schema().hosts;
    bool changed = false;
    auto rebase = [&](QString *path) {
        if (path->isEmpty() || QDir::isAbsolutePath(*path))
            return;
        const QString moved = relativeSourcePath(newDir, QDir(oldDir).absoluteFilePath(*path));
        changed = changed || moved != *path;
        *path = moved;
    };
    for (Host &h : hosts) {
        for (RealitySource &source : h.sources) {
            for (QString &f : source.files)
                rebase(&f);
            rebase(&source.envFile);
        }
    }
    if (changed)
        mDocument->undoStack()->push(changeHostsCommand(mDocument, hosts, tr("Keep linked sources' paths")));
}

// The built-in sample's linked files live in the resources: saved into a
// folder, the plan gets copies of them there, so that it still reads them.
void MainWindow::copyResourceSources(const QString &fromDir, const QString &fileName)
{
    const QString toDir = QFileInfo(fileName).absolutePath();
    QString error;
    // A folder named after the plan, should the copies need one of their own.
    const QString folder = QStringLiteral("%1-sources").arg(QFileInfo(fileName).fileName().section(QLatin1Char('.'), 0, 0));
    const std::optional<LinkedSourcesCopy> copy = copyLinkedSources(mDocument->schema(), fromDir, toDir, folder, &error);
    if (!copy) {
        QMessageBox::warning(this, tr("Linked files not copied"),
                             tr("The linked files could not be copied beside the plan, so the saved plan will "
                                "not find them: %1")
                                 .arg(error));
        return;
    }
    if (copy->hosts)
        mDocument->undoStack()->push(changeHostsCommand(mDocument, *copy->hosts, tr("Keep linked sources' paths")));
    mCopiedSources = *copy;
}

bool MainWindow::maybeSave()
{
    if (mWhatIf && !mWhatIf->draftDocument()->undoStack()->isClean()) {
        const auto answer = QMessageBox::question(
            this, tr("What-if drafts"), tr("Your what-if drafts have not been applied. Drop them?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return false;
        setWhatIfMode(false);
    }
    if (!mDocument->isModified())
        return true;
    // Name what would be lost: the edits since the last save, latest first.
    const QUndoStack *stack = mDocument->undoStack();
    const int clean = stack->cleanIndex() < 0 ? 0 : stack->cleanIndex();
    QStringList edits;
    for (int i = stack->index() - 1; i >= clean && edits.size() < 8; --i)
        edits.append(QStringLiteral("• %1").arg(stack->text(i)));
    const int changes = qAbs(stack->index() - clean);
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("%1 has %n unsaved edit(s). Save them before closing?", nullptr, changes)
                        .arg(mDocument->displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Save);
    if (!edits.isEmpty())
        box.setInformativeText(tr("Lost if not saved:") + QLatin1Char('\n') + edits.join(QLatin1Char('\n'))
                               + (changes > edits.size() ? QStringLiteral("\n…") : QString()));
    const int answer = box.exec();
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // A save in progress finishes or is cancelled (status bar) first.
    if (isSaving()) {
        event->ignore();
        return;
    }
    cancelOpening();
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    mAutoSaver->discard();
    event->accept();
}

} // namespace Portolan
