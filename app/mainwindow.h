#pragma once

#include "linkedsources.h"
#include "recovery.h"
#include "schema.h"

#include <QMainWindow>

#include <atomic>
#include <memory>

class QAction;
class QFileSystemWatcher;
class QProgressBar;
class QToolButton;
class QLabel;
class QMenu;
class QTabWidget;
class QStackedWidget;
class QTableView;
class QUndoGroup;

namespace Portolan {

class Analyzer;
class RealitySync;
class SourcesView;
class Format;
class HostTableModel;
class Locator;
class ChangeSetDialog;
class MoveReview;
struct Move;
class MovesView;
class ProblemsModel;
class ProblemsView;
class RangeGridPanel;
class ObservationStore;
class RealityCheckDialog;
class RangeTableModel;
class ReservationTableModel;
class SchemaDocument;
class ServiceTableModel;
class ServicesView;
class WhatIfServiceModel;
class WhatIfSession;

// Import: the format a file is in, from its name and content (nullptr:
// unknown), and the host its name names ("docker-compose.macmini.yml" →
// mac-mini; empty when none does).
const Format *detectImportFormat(const QString &fileName, const QByteArray &data);
QString hostNamedByFile(const Schema &schema, const QString &fileName);

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    SchemaDocument *document() const { return mDocument; }
    ServicesView *servicesView() const { return mServicesView; }
    Analyzer *analyzer() const { return mAnalyzer; }
    ProblemsView *problemsView() const { return mProblemsView; }
    RangeGridPanel *gridPanel() const { return mGridPanel; }
    // Shows the range grid tab; a non-null layer also switches it (empty: the
    // plan, else a host id). False when the host is unknown.
    bool showGrid(const QString &layer = QString());
    MoveReview *moveReview() const { return mMoveReview; }
    MovesView *movesView() const { return mMovesView; }
    QAction *whatIfAction() const { return mWhatIfAction; }
    // While drafting: the draft document and its table; nullptr otherwise.
    WhatIfSession *whatIfSession() const { return mWhatIf; }
    ServicesView *whatIfView() const { return mWhatIfView; }
    void setWhatIfMode(bool on);
    // Lists another version's differences as proposals in the Moves panel.
    bool compareWith(const QString &fileName, QString *error);
    ObservationStore *observations() const { return mObservations; }
    RealitySync *realitySync() const { return mRealitySync; }
    // Tools > Reality Check…: opens (or raises) the modeless dialog.
    RealityCheckDialog *showRealityCheck();
    // Edit > Go to… (Ctrl+K): the locator over services, ports and hosts.
    Locator *showLocator();
    Locator *locator() const { return mLocator; }
    // Moves > Carry Out…: opens the review dialog of the moves' change set
    // in the linked files (window-modal; it deletes itself on close).
    ChangeSetDialog *carryOutMoves(const QList<Portolan::Move> &moves);

    // Opens a file, or says why not; the current document then stays as it is.
    bool openFile(const QString &fileName, QString *error);
    // File > Open and Open Recent: reads fileName on a worker thread while
    // the status bar shows a busy bar with Cancel (Esc) and the document's
    // views wait; the document is replaced once the file is read, and a file
    // that cannot be read is reported. False when a reading is running.
    bool openFileInBackground(const QString &fileName);
    // Drops the reading of openFileInBackground(): the document stays as it is.
    void cancelOpening();
    bool isOpening() const { return !mOpeningFile.isEmpty(); }
    QWidget *openingIndicator() const { return mOpeningBar; }
    // Shows a schema as a new, untitled document (the built-in sample, imports).
    void openUntitled(const Schema &schema);
    bool save();
    bool saveAs();
    // Saves under fileName (linked sources' paths follow the plan's folder).
    bool saveTo(const QString &fileName);
    bool isSaving() const { return mSaveCancel != nullptr; }

    // After a crash: offers what the autosave kept (asks the user).
    void offerRecovery();
    AutoSaver *autoSaver() const { return mAutoSaver; }
    // The open file changed on disk: offers to reload (asks the user).
    void checkFileOnDisk();
    void cut();
    void copy();
    void paste();
    void deleteSelected();
    void duplicateSelected();
    void newService();
    void importFile(const QString &fileName, const QString &formatId, const QString &hostId = {});

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createFileMenu();
    void createEditMenu();
    void showInGrid(const QStringList &serviceIds, const QList<int> &ports);
    void createViewMenu();
    void createToolsMenu();
    void createDocks();
    QWidget *createHostsEditor();
    QWidget *createRangesEditor();
    void createGrid();
    void newDocument();
    void open();
    void openRecent(const QString &fileName);
    void revert();
    void closeDocument();
    void import();
    void exportDocument();
    bool maybeSave();
    void addRecentFile(const QString &fileName);
    void updateRecentMenu();
    void watchFile();
    // Makes a read schema the document, as the file fileName.
    void adoptFile(const Schema &schema, const QString &fileName);
    void openingFinished(quint64 reading, const std::optional<Schema> &schema, const QString &error);
    void setOpeningShown(bool shown);
    bool writeInBackground(const QString &fileName, QString *error, bool *cancelled);
    void createOpeningIndicator();
    // Before the plan is written to fileName: its linked sources' paths.
    void rebaseSources(const QString &fileName);
    void copyResourceSources(const QString &fromDir, const QString &fileName);
    void readSettings();
    void writeSettings();
    void editAutosaveInterval();
    void addHost();
    void removeHost();
    void renameHostId();
    void addRange();
    void removeRange();
    void addReservation();
    void removeReservation();
    QStringList selectedServiceIds() const;
    void updateTitle();
    void updateStatus();
    void updateFindingCounts();
    void editRuleSettings();
    void showMessage(const QString &message);
    void createMovesDock();
    void compare();
    void exportReviewReport();
    void showServicesMenu(const QPoint &pos);
    void stepFinding(int step);
    bool confirmLeaveWhatIf();

    SchemaDocument *mDocument;
    ServiceTableModel *mServiceModel;
    HostTableModel *mHostModel;
    RangeTableModel *mRangeModel;
    ServicesView *mServicesView;
    QLabel *mCountLabel;
    Analyzer *mAnalyzer;
    ProblemsModel *mProblemsModel;
    ProblemsView *mProblemsView;
    QLabel *mFindingsLabel;
    QMenu *mViewMenu = nullptr;
    QMenu *mRecentMenu = nullptr;
    ReservationTableModel *mReservationModel;
    QTableView *mHostsView = nullptr;
    QTableView *mRangesView = nullptr;
    QTableView *mReservationsView = nullptr;
    AutoSaver *mAutoSaver;
    QFileSystemWatcher *mWatcher;
    FileStamp mStamp; // the open file as last read or written
    LinkedSourcesCopy mCopiedSources; // what the save in progress copied beside the plan
    bool mAskingAboutDisk = false;
    QTabWidget *mCentralTabs = nullptr;
    RangeGridPanel *mGridPanel = nullptr;
    QUndoGroup *mUndoGroup;
    QStackedWidget *mCentral;
    MoveReview *mMoveReview;
    MovesView *mMovesView = nullptr;
    QAction *mWhatIfAction = nullptr;
    QAction *mDuplicateAction = nullptr;
    WhatIfSession *mWhatIf = nullptr;
    Analyzer *mWhatIfAnalyzer = nullptr;
    WhatIfServiceModel *mWhatIfModel = nullptr;
    ServicesView *mWhatIfView = nullptr;
    QTabWidget *mWhatIfTabs = nullptr;
    ObservationStore *mObservations;
    RealitySync *mRealitySync;
    SourcesView *mSourcesView = nullptr;
    RealityCheckDialog *mRealityCheckDialog = nullptr;
    Locator *mLocator = nullptr;
    // openFileInBackground(): the file being read, and which reading is
    // current (a cancelled one's result is dropped when it arrives).
    QString mOpeningFile;
    quint64 mOpeningReading = 0;
    // Set while a save writes on its worker: the status bar's Cancel sets it.
    std::shared_ptr<std::atomic_bool> mSaveCancel;
    QWidget *mOpeningBar = nullptr;
    QLabel *mOpeningLabel = nullptr;
    QProgressBar *mOpeningProgress = nullptr;
    QToolButton *mOpeningCancel = nullptr;
};

} // namespace Portolan
