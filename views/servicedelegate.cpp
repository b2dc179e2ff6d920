#include "servicedelegate.h"

#include "schemadocument.h"
#include "servicetablemodel.h"

#include <QAbstractProxyModel>
#include <QComboBox>
#include <QIntValidator>
#include <QLineEdit>

namespace Portolan {

static const ServiceTableModel *sourceModel(const QModelIndex &index)
{
    const QAbstractItemModel *model = index.model();
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model))
        model = proxy->sourceModel();
    return qobject_cast<const ServiceTableModel *>(model);
}

QWidget *ServiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    const ServiceTableModel *model = sourceModel(index);
    if (!model)
        return QStyledItemDelegate::createEditor(parent, option, index);
    const Schema &schema = model->document()->schema();

    switch (index.column()) {
    case ServiceTableModel::PlannedPortColumn:
    case ServiceTableModel::ActualPortColumn:
    case ServiceTableModel::ContainerPortColumn: {
        auto *edit = new QLineEdit(parent);
        edit->setValidator(new QIntValidator(1, 65535, edit));
        edit->setPlaceholderText(tr("none"));
        return edit;
    }
    case ServiceTableModel::HostColumn: {
        auto *combo = new QComboBox(parent);
        combo->addItem(tr("(no host)"), QString());
        for (const Host &h : schema.hosts)
            combo->addItem(h.name, h.id);
        return combo;
    }
    case ServiceTableModel::RangeColumn: {
        auto *combo = new QComboBox(parent);
        combo->addItem(tr("(from the port)"), QString());
        for (const PortRange &r : schema.ranges)
            combo->addItem(QStringLiteral("%1 %2").arg(r.label(), r.title), r.id);
        return combo;
    }
    case ServiceTableModel::StatusColumn: {
        auto *combo = new QComboBox(parent);
        for (ServiceStatus s : {ServiceStatus::Planned, ServiceStatus::Deployed, ServiceStatus::NotDeployed,
                                ServiceStatus::Retired})
            combo->addItem(statusDisplayName(s), int(s));
        return combo;
    }
    case ServiceTableModel::ExposureColumn: {
        auto *combo = new QComboBox(parent);
        combo->addItem(tr("(unspecified)"), int(Exposure::Unspecified));
        for (Exposure e : {Exposure::Public, Exposure::Host, Exposure::Internal})
            combo->addItem(exposureDisplayName(e), int(e));
        return combo;
    }
    case ServiceTableModel::ProtocolColumn: {
        auto *combo = new QComboBox(parent);
        combo->addItem(QStringLiteral("tcp"), QStringLiteral("tcp"));
        combo->addItem(QStringLiteral("udp"), QStringLiteral("udp"));
        return combo;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void ServiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const QVariant value = index.data(Qt::EditRole);
        const int i = combo->findData(index.column() == ServiceTableModel::ProtocolColumn
                                          ? index.data(Qt::DisplayRole)
                                          : value);
        combo->setCurrentIndex(qMax(0, i));
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && edit->validator()) {
        const QString text = index.data(Qt::DisplayRole).toString();
        edit->setText(text);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ServiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && edit->validator()) {
        model->setData(index, edit->text(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace Portolan
