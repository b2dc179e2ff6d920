#include "mainwindow.h"

#include "analyzer.h"
#include "commands.h"
#include "hosttablemodel.h"
#include "problemsmodel.h"
#include "problemsview.h"
#include "rulesettingsdialog.h"
#include "jsonformat.h"
#include "observation.h"
#include "realitycheckdialog.h"
#include "schemadocument.h"
#include "servicesview.h"
#include "servicetablemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
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
    , mObservations(new ObservationStore(this))
{
    mServiceModel->setAnalyzer(mAnalyzer);
    mServiceModel->setObservationStore(mObservations);
    mProblemsModel->setObservationStore(mObservations);
    // What was observed belongs to the document that was checked.
    connect(mDocument, &SchemaDocument::reset, mObservations, &ObservationStore::clear);
    setCentralWidget(mServicesView);
    statusBar()->addPermanentWidget(mFindingsLabel);
    statusBar()->addPermanentWidget(mCountLabel);
    connect(mAnalyzer, &Analyzer::findingsChanged, this, &MainWindow::updateFindingCounts);
    connect(mProblemsView, &ProblemsView::servicesActivated, mServicesView, &ServicesView::selectServices);
    createActions();
    createDocks();

    connect(mDocument, &SchemaDocument::modifiedChanged, this, &QWidget::setWindowModified);
    connect(mDocument, &SchemaDocument::fileNameChanged, this, &MainWindow::updateTitle);
    connect(mDocument, &SchemaDocument::reset, this, &MainWindow::updateStatus);
    connect(mDocument, &SchemaDocument::serviceInserted, this, &MainWindow::updateStatus);
    connect(mDocument, &SchemaDocument::serviceRemoved, this, &MainWindow::updateStatus);
    connect(mDocument, &SchemaDocument::hostsChanged, this, &MainWindow::updateStatus);
    connect(mDocument, &SchemaDocument::rangesChanged, this, &MainWindow::updateStatus);
    connect(mServiceModel, &ServiceTableModel::inputRejected, this, &MainWindow::showMessage);
    connect(mHostModel, &HostTableModel::inputRejected, this, &MainWindow::showMessage);
    connect(mRangeModel, &RangeTableModel::inputRejected, this, &MainWindow::showMessage);
    updateTitle();
    updateStatus();
    updateFindingCounts();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *newAction = fileMenu->addAction(tr("&New"), this, &MainWindow::newDocument);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    fileMenu->addSeparator();
    QAction *saveAction = fileMenu->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = fileMenu->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undoAction = mDocument->undoStack()->createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction *redoAction = mDocument->undoStack()->createRedoAction(this, tr("&Redo"));
    redoAction->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undoAction);
    editMenu->addAction(redoAction);
    editMenu->addSeparator();
    QAction *findAction = editMenu->addAction(tr("&Find…"), this, [this] {
        mServicesView->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        mServicesView->filterEdit()->selectAll();
    });
    findAction->setShortcut(QKeySequence::Find);

    mViewMenu = menuBar()->addMenu(tr("&View"));

    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    toolsMenu->addAction(tr("&Rule Settings…"), this, &MainWindow::editRuleSettings);
    toolsMenu->addAction(tr("Reality &Check…"), this, &MainWindow::showRealityCheck);
}

static QTableView *makeListView(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->resizeColumnsToContents();
    return view;
}

void MainWindow::createDocks()
{
    auto *hostsDock = new QDockWidget(tr("Hosts"), this);
    hostsDock->setObjectName(QStringLiteral("HostsDock"));
    QTableView *hostsView = makeListView(mHostModel, tr("Hosts"), hostsDock);
    hostsDock->setWidget(hostsView);
    addDockWidget(Qt::RightDockWidgetArea, hostsDock);

    auto *rangesDock = new QDockWidget(tr("Ranges"), this);
    rangesDock->setObjectName(QStringLiteral("RangesDock"));
    QTableView *rangesView = makeListView(mRangeModel, tr("Ranges"), rangesDock);
    rangesDock->setWidget(rangesView);
    addDockWidget(Qt::RightDockWidgetArea, rangesDock);

    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("ProblemsDock"));
    problemsDock->setWidget(mProblemsView);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    mViewMenu->addAction(problemsDock->toggleViewAction());
    resizeDocks({problemsDock}, {220}, Qt::Vertical);

    connect(mDocument, &SchemaDocument::reset, this, [hostsView, rangesView] {
        hostsView->resizeColumnsToContents();
        rangesView->resizeColumnsToContents();
    });
    mViewMenu->addAction(hostsDock->toggleViewAction());
    mViewMenu->addAction(rangesDock->toggleViewAction());
    resizeDocks({hostsDock}, {440}, Qt::Horizontal);
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

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::openUntitled(const Schema &schema)
{
    mDocument->resetSchema(schema);
    mDocument->setFileName(QString());
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
    mDocument->resetSchema(*schema);
    mDocument->setFileName(QFileInfo(fileName).absoluteFilePath());
    updateTitle();
    showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(fileName)));
    return true;
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
    QString error;
    if (!fileName.isEmpty() && !openFile(fileName, &error)) {
        QMessageBox::warning(this, tr("Cannot open file"),
                             tr("Portolan could not read %1:\n%2").arg(QDir::toNativeSeparators(fileName), error));
    }
}

bool MainWindow::save()
{
    if (mDocument->fileName().isEmpty())
        return saveAs();
    return saveTo(mDocument->fileName());
}

bool MainWindow::saveAs()
{
    QString fileName = QFileDialog::getSaveFileName(this, tr("Save Schema"), mDocument->fileName(),
                                                    tr("Portolan schema (*.portolan.json)"));
    if (fileName.isEmpty())
        return false;
    if (!fileName.endsWith(QLatin1String(".json")))
        fileName += QLatin1String(".portolan.json");
    return saveTo(fileName);
}

bool MainWindow::saveTo(const QString &fileName)
{
    QString error;
    if (!saveSchemaFile(fileName, mDocument->schema(), &error)) {
        QMessageBox::critical(this, tr("Cannot save"), error);
        return false;
    }
    mDocument->setFileName(QFileInfo(fileName).absoluteFilePath());
    mDocument->setClean();
    updateTitle();
    showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)));
    return true;
}

bool MainWindow::maybeSave()
{
    if (!mDocument->isModified())
        return true;
    const int changes = mDocument->undoStack()->index() - mDocument->undoStack()->cleanIndex();
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("%1 has unsaved changes (%n edit(s)). Save them before closing?", nullptr, qAbs(changes))
            .arg(mDocument->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

} // namespace Portolan
