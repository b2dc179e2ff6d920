#include "whatifservicemodel.h"

#include "analyzer.h"
#include "schemadocument.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>

namespace Portolan {

WhatIfServiceModel::WhatIfServiceModel(WhatIfSession *session, Analyzer *draftAnalyzer, Analyzer *realAnalyzer,
                                       QObject *parent)
    : ServiceTableModel(session->draftDocument(), parent)
    , mSession(session)
    , mRealAnalyzer(realAnalyzer)
{
    setAnalyzer(draftAnalyzer);
    if (realAnalyzer) {
        connect(realAnalyzer, &Analyzer::findingsChanged, this,
                [this](const QList<Finding> &, const QList<Finding> &, const QStringList &ids) { refreshServices(ids); });
    }
    // A real edit changes which draft cells differ from it (the ghosts).
    connect(session->realDocument(), &SchemaDocument::serviceFieldChanged, this, [this](int row) {
        const Schema &real = mSession->realDocument()->schema();
        if (row >= 0 && row < real.services.size())
            refreshServices({real.services.at(row).id});
    });
}

void WhatIfServiceModel::refreshServices(const QStringList &serviceIds)
{
    for (const QString &id : serviceIds) {
        const QModelIndex first = indexForService(id, 0);
        if (first.isValid())
            emit dataChanged(first, index(first.row(), ColumnCount - 1));
    }
}

QStringList WhatIfServiceModel::newFindings(const QString &serviceId) const
{
    if (!analyzer())
        return {};
    const QList<Finding> draft = analyzer()->findingsForService(serviceId);
    if (draft.isEmpty())
        return {};
    const QList<Finding> real = mRealAnalyzer ? mRealAnalyzer->findingsForService(serviceId)
                                              : QList<Finding>();
    QStringList lines;
    for (const Finding &f : findingsMissingFrom(draft, real))
        lines.append(QStringLiteral("%1 %2: %3").arg(severityDisplayName(f.severity), f.rule, f.message));
    return lines;
}

QVariant WhatIfServiceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Service &s = document()->service(index.row());
    const int column = index.column();
    const bool position = column == PlannedPortColumn || column == ActualPortColumn || column == HostColumn;

    QVariant ghost;
    if (position && (role == GhostRole || role == Qt::DisplayRole || role == Qt::FontRole
                     || role == Qt::ToolTipRole)) {
        const Service *real = mSession->realDocument()->schema().service(s.id);
        if (real) {
            const ServiceField field = fieldForColumn(column);
            const QVariant before = serviceField(*real, field);
            if (before != serviceField(s, field)) {
                if (field == ServiceField::Host) {
                    const Host *h = mSession->realDocument()->host(real->hostId);
                    ghost = h ? h->name : real->hostId;
                } else {
                    ghost = before.toInt() > 0 ? QVariant(QString::number(before.toInt()))
                                               : QVariant(QCoreApplication::translate("Portolan::Moves", "none",
                                                                                      "no port"));
                }
            }
        }
    }

    switch (role) {
    case GhostRole: return ghost;
    case NewFindingsRole: return newFindings(s.id);
    case Qt::DisplayRole:
        if (ghost.isValid())
            return QCoreApplication::translate("Portolan::Moves", "%1 (was %2)")
                .arg(ServiceTableModel::data(index, role).toString(), ghost.toString());
        break;
    case Qt::FontRole:
        if (ghost.isValid()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::BackgroundRole:
        // A finding the drafts would introduce stands out from the usual tints.
        if (!newFindings(s.id).isEmpty())
            return QBrush(QColor(255, 190, 120));
        break;
    case Qt::ToolTipRole: {
        const QStringList added = newFindings(s.id);
        QString tip = ServiceTableModel::data(index, role).toString();
        if (ghost.isValid())
            tip = QCoreApplication::translate("Portolan::Moves", "Draft; was %1").arg(ghost.toString())
                + (tip.isEmpty() ? QString() : QStringLiteral("<br>") + tip);
        if (!added.isEmpty())
            tip += QStringLiteral("<br><b>%1</b><br>%2")
                       .arg(QCoreApplication::translate("Portolan::Moves", "New with the drafts:"),
                            added.join(QStringLiteral("<br>")).toHtmlEscaped());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    default: break;
    }
    return ServiceTableModel::data(index, role);
}

} // namespace Portolan
