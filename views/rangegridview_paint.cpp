#include "rangegridview.h"

#include "observation.h"

#include "analyzer.h"
#include "commands.h"
#include "findinglookup.h"
#include "portallocator.h"
#include "rangegridaccessible.h"
#include "schemadocument.h"
#include "servicetablemodel.h"

#include <QAccessible>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPaintEvent>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QUndoStack>
#include <QWheelEvent>

#include <algorithm>

// What the grid shows: painting, tooltips and the accessible text of a cell.

namespace Portolan {

QString RangeGridView::toolTipFor(const GridCell &cell) const
{
    if (!mDocument || !mLayout.hasCell(cell))
        return {};
    const Schema &schema = mDocument->schema();
    QStringList lines;
    const QList<GridEntry> &entries = mContent.entriesAt(cell.port);
    if (entries.isEmpty())
        lines.append(mContent.isReserved(cell.port) ? tr("Port %1: reserved").arg(cell.port)
                                                    : tr("Port %1: free").arg(cell.port));
    for (const GridEntry &e : entries) {
        const Service &s = schema.services.at(e.row);
        const Host *host = mDocument->host(s.hostId);
        const QString hostName = host ? host->name : tr("no host");
        if (e.ghost && e.previous) {
            lines.append(tr("%1 is on port %2 outside the drafts").arg(s.name).arg(cell.port));
            continue;
        }
        if (e.ghost) {
            lines.append(tr("%1 is planned on port %2 but runs on %3")
                             .arg(s.name)
                             .arg(cell.port)
                             .arg(s.hostId == layer() && s.actualPort ? QString::number(s.actualPort) : hostName));
            continue;
        }
        lines.append(tr("%1 — %2, %3").arg(s.name, hostName, statusDisplayName(s.status)));
        if (s.plannedPort != s.actualPort && s.plannedPort && s.actualPort)
            lines.append(tr("    planned %1, actual %2").arg(s.plannedPort).arg(s.actualPort));
        else if (e.unplanned)
            lines.append(tr("    not in the plan; runs on %1").arg(s.actualPort));
        if (mFindings) {
            for (const Finding &f : mFindings->findingsForService(s.id))
                lines.append(tr("    %1: %2").arg(severityDisplayName(f.severity), f.message));
        }
        if (const ServiceObservation *o = mObservations ? mObservations->forService(s.id) : nullptr)
            lines.append(tr("    Live: %1").arg(o->summary()));
    }
    if (mContent.isReserved(cell.port) && !entries.isEmpty())
        lines.append(tr("Port %1 is reserved.").arg(cell.port));
    return lines.join(QLatin1Char('\n'));
}

QString RangeGridView::accessibleTextFor(const GridCell &cell) const
{
    if (!mDocument || !mLayout.hasCell(cell))
        return {};
    const Schema &schema = mDocument->schema();
    const QList<GridEntry> &entries = mContent.entriesAt(cell.port);
    QStringList parts;
    if (entries.isEmpty())
        parts.append(mContent.isReserved(cell.port) ? tr("reserved") : tr("free"));
    for (const GridEntry &e : entries) {
        const Service &s = schema.services.at(e.row);
        if (e.ghost) {
            parts.append(tr("planned for %1").arg(s.name));
            continue;
        }
        QString part = s.name;
        if (mFindings) {
            for (const Finding &f : mFindings->findingsForService(s.id)) {
                const RuleInfo *rule = ruleInfo(f.rule);
                part += tr(", %1: %2")
                            .arg(severityDisplayName(f.severity).toLower(),
                                 rule ? rule->title.toLower() : QString(f.rule).replace(QLatin1Char('-'), QLatin1Char(' ')));
            }
        }
        parts.append(part);
    }
    return tr("%1 %2").arg(cell.port).arg(parts.join(QStringLiteral("; ")));
}

void RangeGridView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), palette().color(QPalette::Base));
    if (!mDocument)
        return;
    painter.translate(-contentOffset());
    GridPaintState state;
    QItemSelectionModel *selection = selectionModel();
    state.isSelected = [this, selection](int row) {
        return selection && selection->isSelected(mModel->index(row, 0));
    };
    state.cursor = mCursor;
    state.focused = hasFocus();
    state.hover = mHover;
    state.dropTarget = mDragging ? mDropCell : GridCell();
    if (mObservations) {
        state.liveState = [this](const QString &serviceId) {
            const ServiceObservation *o = mObservations->forService(serviceId);
            return o ? int(o->state) : -1;
        };
    }
    GridPainter(mDocument->schema(), mLayout, mContent, mFindings, style())
        .paint(&painter, event->rect().translated(contentOffset()), state);
}

QString RangeGridView::headerText(int block) const
{
    if (!mDocument || block < 0 || block >= mLayout.blockCount())
        return {};
    return GridPainter(mDocument->schema(), mLayout, mContent, mFindings, style()).headerText(block);
}

QStringList RangeGridView::legendTexts() const
{
    if (!mDocument)
        return {};
    return GridPainter(mDocument->schema(), mLayout, mContent, mFindings, style()).legendTexts();
}

} // namespace Portolan
