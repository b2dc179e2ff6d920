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

// The edits the grid makes: a dropped service (moved, swapped or stacked),
// a new service on a free port, a reservation, the next free port.

namespace Portolan {

int RangeGridView::goToNextFreePort(const QString &rangeId)
{
    if (!mDocument)
        return 0;
    const PortRange *range = mDocument->schema().range(rangeId);
    const int port = nextFreePort(mDocument->schema(), rangeId, layer());
    if (!port) {
        emit message(tr("The range %1 has no free port left.").arg(range ? range->title : rangeId));
        return 0;
    }
    int block = -1;
    for (int b = 0; b < mLayout.blockCount(); ++b) {
        if (mLayout.blocks().at(b).rangeId == rangeId)
            block = b;
    }
    GridCell cell{block, port};
    if (!mLayout.hasCell(cell))
        cell = mLayout.primaryCell(port);
    setCurrentCell(cell);
    emit message(tr("Next free port in %1: %2").arg(range ? range->title : rangeId).arg(port));
    return port;
}

void RangeGridView::moveService(int row, bool ghost, int port)
{
    if (!mDocument || row < 0 || row >= mDocument->serviceCount() || !isValidPort(port))
        return;
    const ServiceField field = mContent.isPlanLayer() || ghost ? ServiceField::PlannedPort : ServiceField::ActualPort;
    const Service moving = mDocument->service(row);
    const int from = serviceField(moving, field).toInt();
    if (from == port)
        return;
    const Service *occupant = nullptr;
    for (const GridEntry &e : mContent.entriesAt(port)) {
        const Service &s = mDocument->service(e.row);
        if (e.row != row && serviceField(s, field).toInt() == port) {
            occupant = &s;
            break;
        }
    }
    if (!occupant && mContent.isReserved(port)) {
        // A reservation keeps the port free on purpose: say so before using it.
        QString note;
        for (const Reservation &r : mDocument->schema().reservations) {
            if (r.contains(port) && !r.note.isEmpty())
                note = r.note;
        }
        const bool go = mReservedDropResolver ? mReservedDropResolver(moving, port, note)
                                              : askReservedDrop(moving, port, note);
        if (!go)
            return;
    }
    QUndoStack *stack = mDocument->undoStack();
    if (occupant) {
        const DropChoice choice = mDropResolver ? mDropResolver(moving, *occupant, port)
                                                : askDropChoice(moving, *occupant, port);
        if (choice == DropChoice::Cancel)
            return;
        if (choice == DropChoice::Swap && from > 0) {
            auto *macro = new QUndoCommand(tr("Swap %1 and %2").arg(moving.name, occupant->name));
            new ChangeServiceFieldCommand(mDocument, moving.id, field, port, macro);
            new ChangeServiceFieldCommand(mDocument, occupant->id, field, from, macro);
            stack->push(macro);
            return;
        }
    }
    // A parent without a merge id, so two drags are two undo steps rather
    // than merging like typing does.
    auto *move = new QUndoCommand(tr("Move %1 to %2").arg(moving.name).arg(port));
    new ChangeServiceFieldCommand(mDocument, moving.id, field, port, move);
    stack->push(move);
}

RangeGridView::DropChoice RangeGridView::askDropChoice(const Service &moving, const Service &occupant, int port)
{
    QMessageBox box(QMessageBox::Question, tr("Port %1 is taken").arg(port),
                    tr("%1 already uses port %2. Swap the ports of %3 and %1, or put both on %2?")
                        .arg(occupant.name)
                        .arg(port)
                        .arg(moving.name),
                    QMessageBox::Cancel, this);
    QPushButton *swap = box.addButton(tr("&Swap"), QMessageBox::AcceptRole);
    QPushButton *stack = box.addButton(tr("S&tack Anyway"), QMessageBox::DestructiveRole);
    box.setDefaultButton(swap);
    box.exec();
    if (box.clickedButton() == swap)
        return DropChoice::Swap;
    if (box.clickedButton() == stack)
        return DropChoice::Stack;
    return DropChoice::Cancel;
}

bool RangeGridView::askReservedDrop(const Service &moving, int port, const QString &note)
{
    QMessageBox box(QMessageBox::Question, tr("Port %1 is reserved").arg(port),
                    tr("Port %1 is reserved: it is kept free on purpose. Move %2 there anyway?").arg(port).arg(moving.name),
                    QMessageBox::Cancel, this);
    if (!note.isEmpty())
        box.setInformativeText(tr("Reservation note: %1").arg(note));
    else
        box.setInformativeText(tr("The reservation stays; Portolan will report the service on a reserved port."));
    QPushButton *move = box.addButton(tr("&Move Anyway"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == move;
}

bool RangeGridView::addServiceAt(int port, const QString &name)
{
    if (!mDocument || name.trimmed().isEmpty() || !isValidPort(port))
        return false;
    Service s;
    s.name = name.trimmed();
    s.id = mDocument->schema().uniqueServiceId(s.name);
    s.plannedPort = port;
    s.hostId = layer();
    mDocument->undoStack()->push(new AddServiceCommand(mDocument, s));
    if (mModel) {
        const QModelIndex index = mModel->indexForService(s.id);
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    return true;
}

void RangeGridView::setReserved(int port, bool reserved)
{
    if (!mDocument || mContent.isReserved(port) == reserved)
        return;
    const Schema &schema = mDocument->schema();
    QList<Reservation> list = schema.reservations;
    QString text;
    if (reserved) {
        const PortRange *range = schema.narrowestRangeContaining(port);
        list.append(Reservation{port, port, range ? range->id : QString(), QString()});
        text = tr("Reserve port %1").arg(port);
    } else {
        // Cut the port out of every reservation holding it.
        QList<Reservation> kept;
        for (const Reservation &r : list) {
            if (!r.contains(port)) {
                kept.append(r);
                continue;
            }
            if (r.first < port)
                kept.append(Reservation{r.first, port - 1, r.rangeId, r.note});
            if (port < r.last)
                kept.append(Reservation{port + 1, r.last, r.rangeId, r.note});
        }
        list = kept;
        text = tr("Release port %1").arg(port);
    }
    mDocument->undoStack()->push(changeReservationsCommand(mDocument, list, text));
}
} // namespace Portolan
