#include "mainwindow.h"

#include "rangegridpanel.h"
#include "realitysync.h"
#include "schemadocument.h"
#include "servicesview.h"
#include "sourcesview.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QKeySequence>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>
#include <QUndoGroup>

// The menus and their actions.

namespace Portolan {

// The File menu: documents, import and export, pictures, comparison.
void MainWindow::createFileMenu()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("&New"), this, &MainWindow::newDocument)->setShortcut(QKeySequence::New);
    fileMenu->addAction(tr("&Open…"), this, &MainWindow::open)->setShortcut(QKeySequence::Open);
    mRecentMenu = fileMenu->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    QAction *revertAction = fileMenu->addAction(tr("Re&vert"), this, &MainWindow::revert);
    connect(mDocument, &SchemaDocument::modifiedChanged, revertAction,
            [this, revertAction] { revertAction->setEnabled(mDocument->isModified() && !mDocument->fileName().isEmpty()); });
    revertAction->setEnabled(false);
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Import…"), this, &MainWindow::import)->setShortcut(Qt::CTRL | Qt::Key_I);
    fileMenu->addAction(tr("&Export…"), this, &MainWindow::exportDocument)->setShortcut(Qt::CTRL | Qt::Key_E);
    fileMenu->addAction(tr("&Link Source…"), this, [this] {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("SourcesDock"))) {
            dock->show();
            dock->raise();
        }
        mSourcesView->linkSource();
    });
    QAction *refresh = fileMenu->addAction(tr("Re&fresh Reality"), this, [this] {
        mRealitySync->refresh();
        showMessage(tr("Read %n linked source(s) in %1 ms.", nullptr, int(mRealitySync->readings().size()))
                        .arg(mRealitySync->lastRefreshMs()));
    });
    refresh->setShortcut(QKeySequence::Refresh);
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Save"), this, &MainWindow::save)->setShortcut(QKeySequence::Save);
    fileMenu->addAction(tr("Save &As…"), this, &MainWindow::saveAs)->setShortcut(QKeySequence::SaveAs);
    fileMenu->addAction(tr("&Close"), this, &MainWindow::closeDocument)->setShortcut(QKeySequence::Close);
    fileMenu->addSeparator();
    fileMenu->addAction(tr("Export Grid as &PNG…"), this, [this] { mGridPanel->exportPicture(QStringLiteral("png")); });
    fileMenu->addAction(tr("Export Grid as SV&G…"), this, [this] { mGridPanel->exportPicture(QStringLiteral("svg")); });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("Co&mpare…"), this, &MainWindow::compare);
    fileMenu->addAction(tr("Export Review Repor&t…"), this, &MainWindow::exportReviewReport);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
}

// The Edit menu: undo, the clipboard, new and duplicated services, find.
void MainWindow::createEditMenu()
{
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undoAction = mUndoGroup->createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction *redoAction = mUndoGroup->createRedoAction(this, tr("&Redo"));
    redoAction->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undoAction);
    editMenu->addAction(redoAction);
    editMenu->addSeparator();
    // Clipboard and deletion act on services when the services table has
    // focus; elsewhere (a cell editor, the filter) the widget's own keys win.
    auto tableAction = [this, editMenu](const QString &text, QKeySequence::StandardKey key, void (MainWindow::*slot)()) {
        QAction *action = editMenu->addAction(text, this, slot);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        mServicesView->tableView()->addAction(action);
        return action;
    };
    mServicesView->tableView()->setContextMenuPolicy(Qt::CustomContextMenu);
    tableAction(tr("Cu&t"), QKeySequence::Cut, &MainWindow::cut);
    tableAction(tr("&Copy"), QKeySequence::Copy, &MainWindow::copy);
    tableAction(tr("&Paste"), QKeySequence::Paste, &MainWindow::paste);
    tableAction(tr("&Delete"), QKeySequence::Delete, &MainWindow::deleteSelected);
    editMenu->addAction(tr("&New Service…"), this, &MainWindow::newService)->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_N);
    QAction *duplicate = editMenu->addAction(tr("Duplicat&e"), this, &MainWindow::duplicateSelected);
    duplicate->setShortcut(Qt::CTRL | Qt::Key_D);
    mDuplicateAction = duplicate;
    QAction *selectAll = editMenu->addAction(tr("Select &All"), this, [this] { mServicesView->tableView()->selectAll(); });
    selectAll->setShortcut(QKeySequence::SelectAll);
    selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    mServicesView->tableView()->addAction(selectAll);
    editMenu->addSeparator();
    QAction *findAction = editMenu->addAction(tr("&Find…"), this, [this] {
        mServicesView->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        mServicesView->filterEdit()->selectAll();
    });
    findAction->setShortcut(QKeySequence::Find);
    QAction *goTo = editMenu->addAction(tr("&Go to Service, Port or Host…"), this, &MainWindow::showLocator);
    goTo->setShortcut(Qt::CTRL | Qt::Key_K);
    connect(mServicesView->tableView(), &QWidget::customContextMenuRequested, this, &MainWindow::showServicesMenu);
}

// The View menu; the docks add their toggles to it as they are made.
void MainWindow::createViewMenu()
{
    mViewMenu = menuBar()->addMenu(tr("&View"));
    QAction *nextFreeAction = mViewMenu->addAction(tr("Next &Free Port"), this, [this] {
        showGrid();
        mGridPanel->goToNextFreePort();
    });
    nextFreeAction->setShortcut(Qt::CTRL | Qt::Key_J);
    // As Qt Creator steps through its issues: F6 and Shift+F6.
    QAction *nextFinding = mViewMenu->addAction(tr("Ne&xt Finding"), this, [this] { stepFinding(1); });
    nextFinding->setShortcut(Qt::Key_F6);
    QAction *previousFinding = mViewMenu->addAction(tr("Pre&vious Finding"), this, [this] { stepFinding(-1); });
    previousFinding->setShortcut(Qt::SHIFT | Qt::Key_F6);
    mViewMenu->addSeparator();
}

// The Tools menu: rule settings, autosave, language, what-if, reality check.
void MainWindow::createToolsMenu()
{
    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    toolsMenu->addAction(tr("&Rule Settings…"), this, &MainWindow::editRuleSettings);
    toolsMenu->addAction(tr("&Autosave Interval…"), this, &MainWindow::editAutosaveInterval);
    // Applies at the next start: every string is translated as widgets are made.
    QMenu *languageMenu = toolsMenu->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(languageMenu);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    for (const auto &[code, name] : {std::pair{QString(), tr("System Default")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                     std::pair{QStringLiteral("de"), QStringLiteral("Deutsch")}}) {
        QAction *action = languageMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            QSettings().setValue(QStringLiteral("language"), code);
            QMessageBox::information(this, tr("Language"), tr("The language changes the next time Portolan starts."));
        });
    }
    mWhatIfAction = toolsMenu->addAction(tr("&What-If Drafting"));
    mWhatIfAction->setCheckable(true);
    mWhatIfAction->setToolTip(tr("Edit drafts on a copy; the document changes only when a draft is applied"));
    connect(mWhatIfAction, &QAction::toggled, this, &MainWindow::setWhatIfMode);
    toolsMenu->addAction(tr("Reality &Check…"), this, &MainWindow::showRealityCheck);
}

} // namespace Portolan
