#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QMenu;
#include <QModelIndex>
class QTableView;

namespace Portolan {

class ProblemsFilterProxy;
class ProblemsModel;

// The Problems list: every finding, sortable, filterable by severity and
// rule; activating one asks the window to select its services everywhere.
class ProblemsView : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsView(ProblemsModel *model, QWidget *parent = nullptr);

    QTableView *tableView() const { return mTable; }
    QComboBox *severityFilter() const { return mSeverity; }
    QComboBox *ruleFilter() const { return mRule; }
    // The next (step 1) or previous (-1) finding after the current one, wrapping; activates it.
    bool stepFinding(int step);
    // The table's context menu for the selected findings: select their
    // services, show them in the grid, copy their messages.
    void fillContextMenu(QMenu *menu);

signals:
    void servicesActivated(const QStringList &serviceIds);
    // A finding that names no service (two ranges overlap): its ports.
    void portsActivated(const QList<int> &ports);
    // Show these services (or, with none, these ports) in the range grid.
    void showInGridRequested(const QStringList &serviceIds, const QList<int> &ports);

private:
    void activate(const QModelIndex &index);
    QModelIndexList selectedSourceRows() const;

    ProblemsModel *mModel;
    ProblemsFilterProxy *mProxy;
    QComboBox *mSeverity;
    QComboBox *mRule;
    QLineEdit *mText;
    QTableView *mTable;
};

} // namespace Portolan
