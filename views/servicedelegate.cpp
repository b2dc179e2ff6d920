#include "servicedelegate.h"

#include "schemadocument.h"
#include "servicetablemodel.h"

#include <QAbstractProxyModel>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QToolTip>

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
        // No QIntValidator: it would rewrite 70000 as "70,000" and refuse without a word.
        auto *edit = new QLineEdit(parent);
        edit->setObjectName(QStringLiteral("portEditor"));
        edit->setMaxLength(8);
        edit->setPlaceholderText(tr("none"));
        edit->setToolTip(tr("A port from 1 to 65535; empty for none"));
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
    if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && edit->objectName() == QLatin1String("portEditor")) {
        const QString text = index.data(Qt::DisplayRole).toString();
        edit->setText(portInputProblem(text).isEmpty() ? text : QString());
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
    if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && edit->objectName() == QLatin1String("portEditor")) {
        // The model refuses what is not a port, and says why.
        model->setData(index, edit->text().trimmed(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

QString ServiceDelegate::portInputProblem(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    bool ok = false;
    const int port = text.toInt(&ok);
    if (ok && port >= 1 && port <= 65535)
        return {};
    return tr("\"%1\" is not a port: ports run from 1 to 65535 (empty for none).").arg(text);
}

bool ServiceDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *edit = qobject_cast<QLineEdit *>(object);
    if (edit && edit->objectName() == QLatin1String("portEditor") && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Tab || key == Qt::Key_Backtab) {
            const QString problem = portInputProblem(edit->text());
            if (!problem.isEmpty()) {
                QToolTip::showText(edit->mapToGlobal(QPoint(0, edit->height())), problem, edit);
                edit->selectAll();
                emit inputProblem(problem);
                return true;
            }
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace Portolan
