#pragma once

#include <QStyledItemDelegate>

namespace Portolan {

// Editors for the services table: choices for host, range, status, exposure
// and protocol, validated text for ports. Other columns fall back to the base.
class ServiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace Portolan
