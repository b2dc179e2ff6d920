#pragma once

#include "schema.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTableView;
class QUndoGroup;

namespace Portolan {

class Analyzer;
class HostTableModel;
class MoveReview;
class MovesView;
class ProblemsModel;
class ProblemsView;
class RangeTableModel;
class SchemaDocument;
class ServiceTableModel;
class ServicesView;
class WhatIfServiceModel;
class WhatIfSession;

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
    MoveReview *moveReview() const { return mMoveReview; }
    MovesView *movesView() const { return mMovesView; }
    QAction *whatIfAction() const { return mWhatIfAction; }
    // While drafting: the draft document and its table; nullptr otherwise.
    WhatIfSession *whatIfSession() const { return mWhatIf; }
    ServicesView *whatIfView() const { return mWhatIfView; }
    void setWhatIfMode(bool on);
    // Lists another version's differences as proposals in the Moves panel.
    bool compareWith(const QString &fileName, QString *error);

    // Opens a file, or says why not; the current document then stays as it is.
    bool openFile(const QString &fileName, QString *error);
    // Shows a schema as a new, untitled document (the built-in sample, imports).
    void openUntitled(const Schema &schema);
    bool save();
    bool saveAs();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    void newDocument();
    void open();
    bool maybeSave();
    bool saveTo(const QString &fileName);
    void updateTitle();
    void updateStatus();
    void updateFindingCounts();
    void editRuleSettings();
    void showMessage(const QString &message);
    void createMovesDock();
    void compare();
    void exportReviewReport();

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
    QUndoGroup *mUndoGroup;
    QStackedWidget *mCentral;
    MoveReview *mMoveReview;
    MovesView *mMovesView = nullptr;
    QAction *mWhatIfAction = nullptr;
    WhatIfSession *mWhatIf = nullptr;
    Analyzer *mWhatIfAnalyzer = nullptr;
    WhatIfServiceModel *mWhatIfModel = nullptr;
    ServicesView *mWhatIfView = nullptr;
};

} // namespace Portolan
