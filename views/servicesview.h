#pragma once

#include <QWidget>

class QComboBox;
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

    // Selects the given services (by id) and scrolls the first into view.
    void selectServices(const QStringList &serviceIds);
    QStringList selectedServiceIds() const;

signals:
    void selectionChanged();

private:
    void refreshHostFilter();

    ServiceTableModel *mModel;
    ServiceFilterProxy *mProxy;
    QLineEdit *mFilter;
    QComboBox *mHostFilter;
    QTableView *mTable;
};

} // namespace Portolan
