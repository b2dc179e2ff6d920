#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace Portolan {

class SchemaDocument;
class ServiceFilterProxy;
class ServiceTableModel;

// The services table with its filter bar.
class ServicesView : public QWidget
{
    Q_OBJECT

public:
    explicit ServicesView(ServiceTableModel *model, QWidget *parent = nullptr);

    QTableView *tableView() const { return mTable; }
    ServiceFilterProxy *proxy() const { return mProxy; }
    QLineEdit *filterEdit() const { return mFilter; }
    // "13 of 73 shown" while a filter hides rows.
    QString shownText() const;

    // Selects the given services (by id) and scrolls the first into view.
    void selectServices(const QStringList &serviceIds);
    QStringList selectedServiceIds() const;

signals:
    void selectionChanged();
    // A refused input and the like, for the status bar.
    void message(const QString &text);

private:
    void refreshHostFilter();
    void updateShown();
    void rememberTopService();
    void restoreTopService();

    ServiceTableModel *mModel;
    ServiceFilterProxy *mProxy;
    QLineEdit *mFilter;
    QComboBox *mHostFilter;
    QLabel *mShown;
    QTableView *mTable;
    // The service at the top of the table and how far it was scrolled, to
    // come back to when the plan's services are replaced at once (a Delete
    // of rows scattered over a fleet), which resets the table.
    QString mTopServiceId;
    int mTopScroll = 0;
    bool mKeepTop = false;
};

} // namespace Portolan
