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

// Input: mouse (selection and dragging a service), keys, wheel, context
// menu, focus and the events of the viewport.

namespace Portolan {

void RangeGridView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const QPoint pos = event->position().toPoint();
    mPressCell = GridCell();
    mDragging = false;
    if (event->button() != Qt::LeftButton && event->button() != Qt::RightButton)
        return;
    const int header = mLayout.headerAt(pos + contentOffset());
    if (header >= 0 && mDocument) {
        const GridPainter painter(mDocument->schema(), mLayout, mContent, mFindings, style());
        if (event->button() == Qt::LeftButton && painter.nextFreeRect(header).contains(pos + contentOffset()))
            goToNextFreePort(mLayout.blocks().at(header).rangeId);
        return;
    }
    const GridCell cell = cellAtViewport(pos);
    if (!cell.isValid())
        return;
    const QList<GridEntry> &entries = mContent.entriesAt(cell.port);
    // Clicking a stacked cell again selects the next service in it.
    if (cell == mCursor && entries.size() > 1 && event->button() == Qt::LeftButton
        && !(event->modifiers() & Qt::ControlModifier))
        mStackIndex = (mStackIndex + 1) % int(entries.size());
    else if (cell != mCursor)
        mStackIndex = 0;
    QItemSelectionModel::SelectionFlags command = QItemSelectionModel::ClearAndSelect;
    if (event->modifiers() & Qt::ControlModifier)
        command = QItemSelectionModel::Toggle;
    else if (event->modifiers() & Qt::ShiftModifier)
        command = QItemSelectionModel::Select;
    const bool keepSelection = event->button() == Qt::RightButton && selectionModel()
        && selectionModel()->isSelected(indexOfCell(cell));
    if (cell == mCursor || !keepSelection) {
        const int keep = mStackIndex;
        setCurrentCell(cell, keepSelection ? QItemSelectionModel::NoUpdate : command);
        mStackIndex = keep;
        const QModelIndex index = indexOfCell(cell);
        if (index.isValid() && selectionModel() && !keepSelection) {
            mMovingCursor = true;
            selectionModel()->setCurrentIndex(index, command | QItemSelectionModel::Rows);
            mMovingCursor = false;
        }
    }
    if (event->button() == Qt::LeftButton && !entries.isEmpty()) {
        mPressCell = cell;
        mPressEntry = entries.at(qBound(0, mStackIndex, int(entries.size()) - 1));
        mPressPos = pos;
    }
}

void RangeGridView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const GridCell cell = cellAtViewport(pos);
    if (mPressCell.isValid()) {
        if (!mDragging && (pos - mPressPos).manhattanLength() >= QApplication::startDragDistance()) {
            mDragging = true;
            viewport()->setCursor(Qt::DragMoveCursor);
        }
        if (mDragging && cell != mDropCell) {
            const GridCell old = mDropCell;
            mDropCell = cell;
            updateCell(old);
            updateCell(mDropCell);
        }
        return;
    }
    if (cell != mHover) {
        const GridCell old = mHover;
        mHover = cell;
        updateCell(old);
        updateCell(mHover);
    }
}

void RangeGridView::mouseReleaseEvent(QMouseEvent *event)
{
    const bool dropped = mDragging && mDropCell.isValid() && mDropCell.port != mPressCell.port;
    const GridEntry entry = mPressEntry;
    const int port = mDropCell.port;
    const GridCell old = mDropCell;
    mDragging = false;
    mPressCell = GridCell();
    mDropCell = GridCell();
    viewport()->unsetCursor();
    updateCell(old);
    if (dropped && event->button() == Qt::LeftButton) {
        moveService(entry.row, entry.ghost, port);
        setCurrentCell(mLayout.hasCell({old.block, port}) ? old : mLayout.primaryCell(port));
    }
}

void RangeGridView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const GridCell cell = cellAtViewport(event->position().toPoint());
    const QModelIndex index = indexOfCell(cell);
    if (index.isValid())
        emit editRequested(index);
}

GridLayout::Move RangeGridView::moveFor(int key, Qt::KeyboardModifiers modifiers, bool *ok) const
{
    *ok = true;
    const bool ctrl = modifiers & Qt::ControlModifier;
    switch (key) {
    case Qt::Key_Left: return GridLayout::Move::Left;
    case Qt::Key_Right: return GridLayout::Move::Right;
    case Qt::Key_Up: return GridLayout::Move::Up;
    case Qt::Key_Down: return GridLayout::Move::Down;
    case Qt::Key_PageUp: return GridLayout::Move::PageUp;
    case Qt::Key_PageDown: return GridLayout::Move::PageDown;
    case Qt::Key_Home: return ctrl ? GridLayout::Move::GridStart : GridLayout::Move::BlockStart;
    case Qt::Key_End: return ctrl ? GridLayout::Move::GridEnd : GridLayout::Move::BlockEnd;
    default: *ok = false; return GridLayout::Move::Right;
    }
}

void RangeGridView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::ZoomIn) || (event->key() == Qt::Key_Plus && event->modifiers() & Qt::ControlModifier)) {
        zoomIn();
        return;
    }
    if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
        return;
    }
    if (event->key() == Qt::Key_0 && event->modifiers() & Qt::ControlModifier) {
        setZoom(1.0);
        return;
    }
    if (event->key() == Qt::Key_Escape && mDragging) {
        const GridCell old = mDropCell;
        mDragging = false;
        mPressCell = mDropCell = GridCell();
        viewport()->unsetCursor();
        updateCell(old);
        return;
    }
    bool isMove = false;
    const GridLayout::Move move = moveFor(event->key(), event->modifiers(), &isMove);
    // Alt+arrow carries the service in the cursor cell along, as a drag would.
    if (isMove && event->modifiers() == Qt::AltModifier) {
        const QList<GridEntry> &entries = mContent.entriesAt(mCursor.port);
        const GridCell next = mLayout.move(mCursor, move, pageRows());
        if (!entries.isEmpty() && next.isValid() && next.port != mCursor.port) {
            const GridEntry entry = entries.at(qBound(0, mStackIndex, int(entries.size()) - 1));
            moveService(entry.row, entry.ghost, next.port);
            setCurrentCell(next);
        }
        return;
    }
    if (isMove) {
        const GridCell next = mLayout.move(mCursor, move, pageRows());
        setCurrentCell(next, event->modifiers() & Qt::ShiftModifier ? QItemSelectionModel::Select
                                                                     : QItemSelectionModel::ClearAndSelect);
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        const QModelIndex index = indexOfCell(mCursor);
        if (index.isValid()) {
            emit editRequested(index);
        } else if (mCursor.isValid()) {
            bool ok = false;
            const QString name = QInputDialog::getText(this, tr("New Service"),
                                                       tr("Name of the new service on port %1:").arg(mCursor.port),
                                                       QLineEdit::Normal, QString(), &ok);
            if (ok)
                addServiceAt(mCursor.port, name);
        }
        return;
    }
    QAbstractItemView::keyPressEvent(event);
}

void RangeGridView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->angleDelta().y() > 0)
            zoomIn();
        else if (event->angleDelta().y() < 0)
            zoomOut();
        event->accept();
        return;
    }
    QAbstractItemView::wheelEvent(event);
}

void RangeGridView::contextMenuEvent(QContextMenuEvent *event)
{
    if (!mDocument)
        return;
    GridCell cell = event->reason() == QContextMenuEvent::Mouse ? cellAtViewport(event->pos()) : mCursor;
    QPoint globalPos = event->globalPos();
    if (event->reason() != QContextMenuEvent::Mouse)
        globalPos = viewport()->mapToGlobal(cellViewportRect(cell).center());
    if (!cell.isValid())
        return;
    QMenu menu(this);
    const int port = cell.port;
    const QModelIndex index = indexOfCell(cell);
    if (!mContent.isOccupied(port)) {
        menu.addAction(tr("&New Service Here…"), this, [this, port] {
            bool ok = false;
            const QString name = QInputDialog::getText(this, tr("New Service"),
                                                       tr("Name of the new service on port %1:").arg(port),
                                                       QLineEdit::Normal, QString(), &ok);
            if (ok)
                addServiceAt(port, name);
        });
    }
    if (index.isValid()) {
        const QString name = mDocument->service(index.row()).name;
        menu.addAction(tr("&Edit %1…").arg(name), this, [this, index] { emit editRequested(index); });
        const QList<GridEntry> &entries = mContent.entriesAt(port);
        const GridEntry entry = entries.value(qBound(0, mStackIndex, int(entries.size()) - 1));
        QAction *moveTo = menu.addAction(tr("&Move %1 to Port…").arg(name), this, [this, entry, port, name] {
            bool ok = false;
            const int target = QInputDialog::getInt(this, tr("Move %1").arg(name), tr("New port of %1:").arg(name),
                                                    port, 1, 65535, 1, &ok);
            if (ok && target != port) {
                moveService(entry.row, entry.ghost, target);
                if (mLayout.hasCell(mLayout.primaryCell(target)))
                    setCurrentCell(mLayout.primaryCell(target));
            }
        });
        moveTo->setToolTip(tr("Alt+arrow keys move it one cell at a time"));
    }
    if (mContent.isReserved(port))
        menu.addAction(tr("&Release Reservation"), this, [this, port] { setReserved(port, false); });
    else if (!mContent.isOccupied(port))
        menu.addAction(tr("&Reserve"), this, [this, port] { setReserved(port, true); });
    const QString rangeId = mLayout.blocks().at(cell.block).rangeId;
    if (!rangeId.isEmpty()) {
        menu.addSeparator();
        menu.addAction(tr("Go to Next &Free Port"), this, [this, rangeId] { goToNextFreePort(rangeId); });
    }
    menu.exec(globalPos);
}

void RangeGridView::focusInEvent(QFocusEvent *event)
{
    QAbstractItemView::focusInEvent(event);
    if (!mCursor.isValid())
        mCursor = mLayout.firstCell();
    updateCell(mCursor);
}

void RangeGridView::focusOutEvent(QFocusEvent *event)
{
    QAbstractItemView::focusOutEvent(event);
    updateCell(mCursor);
}

void RangeGridView::resizeEvent(QResizeEvent *event)
{
    QAbstractItemView::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        updateMetrics();
}

void RangeGridView::changeEvent(QEvent *event)
{
    QAbstractItemView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateMetrics();
    else if (event->type() == QEvent::PaletteChange)
        viewport()->update();
}

bool RangeGridView::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const GridCell cell = cellAtViewport(help->pos());
        const QString text = toolTipFor(cell);
        if (text.isEmpty()) {
            const int header = mLayout.headerAt(help->pos() + contentOffset());
            const PortRange *range = header >= 0 && mDocument
                ? mDocument->schema().range(mLayout.blocks().at(header).rangeId)
                : nullptr;
            if (range && !range->purpose.isEmpty())
                QToolTip::showText(help->globalPos(), range->purpose, viewport());
            else
                QToolTip::hideText();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport(), cellViewportRect(cell));
        }
        return true;
    }
    case QEvent::Leave:
        if (mHover.isValid()) {
            const GridCell old = mHover;
            mHover = GridCell();
            updateCell(old);
        }
        break;
    default:
        break;
    }
    return QAbstractItemView::viewportEvent(event);
}

} // namespace Portolan
