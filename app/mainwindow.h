#pragma once

#include "schema.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QTabWidget;
class QTableView;

namespace Portolan {

class Analyzer;
class HostTableModel;
class ProblemsModel;
class ProblemsView;
class RangeGridPanel;
class RangeTableModel;
class SchemaDocument;
class ServiceTableModel;
class ServicesView;

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
    void createGrid();
    void newDocument();
    void open();
    bool maybeSave();
    bool saveTo(const QString &fileName);
    void updateTitle();
    void updateStatus();
    void updateFindingCounts();
    void editRuleSettings();
    void showMessage(const QString &message);

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
    QTabWidget *mCentralTabs = nullptr;
    RangeGridPanel *mGridPanel = nullptr;
};

} // namespace Portolan
