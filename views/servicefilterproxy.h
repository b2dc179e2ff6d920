#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace Portolan {

// Sorting and filtering of the services table: free text over the visible
// columns, plus optional host and status filters.
class ServiceFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ServiceFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return mText; }
    void setHostFilter(const QString &hostId); // empty: all hosts
    QString hostFilter() const { return mHostId; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Text as people read it: case-insensitive, digits as numbers (service-838 before service-8379).
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QCollator mCollator;
    QString mText;
    QString mHostId;
};

} // namespace Portolan
