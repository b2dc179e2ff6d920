#pragma once

#include "schema.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QTableView;

namespace Portolan {

class Analyzer;
class HostTableModel;
class ObservationStore;
class ProblemsModel;
class ProblemsView;
class RealityCheckDialog;
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
    ObservationStore *observations() const { return mObservations; }
    // Tools > Reality Check…: opens (or raises) the modeless dialog.
    RealityCheckDialog *showRealityCheck();

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
    ObservationStore *mObservations;
    RealityCheckDialog *mRealityCheckDialog = nullptr;
};

} // namespace Portolan
