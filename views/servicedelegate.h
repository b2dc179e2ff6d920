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

    // Why a port cell's text is refused; empty when it is a port or empty (none).
    static QString portInputProblem(const QString &text);

signals:
    // An editor refused its text: the reason, for the status bar.
    void inputProblem(const QString &reason);

protected:
    // A port editor keeps its text and says why when Enter or Tab meets a non-port.
    bool eventFilter(QObject *object, QEvent *event) override;
};

} // namespace Portolan
