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

namespace Portolan {

static constexpr qreal MinZoom = 0.5;
static constexpr qreal MaxZoom = 3.0;
static constexpr qreal ZoomStep = 1.15;

RangeGridView::RangeGridView(QWidget *parent)
    : QAbstractItemView(parent)
{
    setSelectionBehavior(SelectRows);
    setSelectionMode(ExtendedSelection);
    setEditTriggers(NoEditTriggers);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    // The factory first: naming the widget already asks for its interface,
    // and the one made then is the one kept.
    installRangeGridAccessibility();
    setAccessibleName(tr("Range grid"));
    // A fixed scroll bar keeps the fitted width from flipping as content grows.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    updateMetrics();
}

RangeGridView::~RangeGridView() = default;

void RangeGridView::setServiceModel(ServiceTableModel *model)
{
    if (mDocument)
        disconnect(mDocument, nullptr, this, nullptr);
    if (mModel)
        disconnect(mModel, nullptr, this, nullptr);
    mModel = model;
    mDocument = model ? model->document() : nullptr;
    setModel(model);
    if (mDocument) {
        // Placement depends on ranges and reservations; both lists are short.
        connect(mDocument, &SchemaDocument::rangesChanged, this, [this] {
            mContent.setRanges(mDocument->schema().ranges);
            relayout();
        });
        connect(mDocument, &SchemaDocument::reservationsChanged, this, [this] {
            mContent.setReservations(mDocument->schema().reservations);
            viewport()->update();
        });
        connect(mDocument, &SchemaDocument::hostsChanged, this, [this] {
            if (!layer().isEmpty() && !mDocument->schema().host(layer()))
                setLayer(QString());
            viewport()->update();
        });
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int last) {
            contentChanged(mContent.removeRows(first, last));
        });
    }
    rebuild();
}

void RangeGridView::setFindingLookup(const FindingLookup *findings)
{
    mOwnedFindings.reset();
    mFindings = findings;
    viewport()->update();
}

void RangeGridView::setAnalyzer(const Analyzer *analyzer)
{
    mOwnedFindings.reset(analyzer ? new AnalyzerFindingLookup(analyzer) : nullptr);
    mFindings = mOwnedFindings.get();
    viewport()->update();
}

void RangeGridView::setLayer(const QString &hostId)
{
    if (hostId == layer() && mDocument)
        return;
    const QModelIndex current = currentIndex();
    mContent.rebuild(mDocument ? mDocument->schema() : Schema(), hostId);
    relayout();
    // Keep following the current service; else stay on the same port.
    const GridCell cell = current.isValid() ? cellOfRow(current.row()) : GridCell();
    if (cell.isValid())
        setCursorCell(cell);
    else if (!mLayout.hasCell(mCursor))
        setCursorCell(mLayout.hasCell(mLayout.primaryCell(mCursor.port)) ? mLayout.primaryCell(mCursor.port)
                                                                          : mLayout.firstCell());
    if (cell.isValid())
        scrollTo(current);
    emit layerChanged(hostId);
}

void RangeGridView::setColouring(GridColouring colouring)
{
    if (colouring == mColouring)
        return;
    mColouring = colouring;
    viewport()->update();
}

void RangeGridView::setZoom(qreal zoom)
{
    zoom = qBound(MinZoom, zoom, MaxZoom);
    if (qFuzzyCompare(zoom, mZoom))
        return;
    mZoom = zoom;
    updateMetrics();
    if (mCursor.isValid()) {
        const QRect r = cellViewportRect(mCursor);
        if (!viewport()->rect().contains(r))
            verticalScrollBar()->setValue(verticalOffset() + r.center().y() - viewport()->height() / 2);
    }
    emit zoomChanged(mZoom);
}

void RangeGridView::zoomIn()
{
    setZoom(mZoom * ZoomStep);
}

void RangeGridView::zoomOut()
{
    setZoom(mZoom / ZoomStep);
}

GridStyle RangeGridView::style() const
{
    GridStyle s;
    s.palette = palette();
    s.font = font();
    s.font.setPointSizeF(font().pointSizeF() * mZoom);
    s.colouring = mColouring;
    return s;
}

void RangeGridView::updateMetrics()
{
    GridMetrics metrics = GridPainter::metricsFor(font(), mZoom);
    // At zoom 1 the ten columns fill the width; zooming scales from there.
    const int fit = (viewport()->width() - 2 * metrics.margin) / GridLayout::Columns;
    metrics.cellWidth = qMax(metrics.cellWidth, int(fit * mZoom));
    mLayout.setMetrics(metrics);
    updateGeometries();
    viewport()->update();
}

void RangeGridView::rebuild()
{
    mContent.rebuild(mDocument ? mDocument->schema() : Schema(), layer());
    relayout();
    if (!mLayout.hasCell(mCursor))
        mCursor = mLayout.firstCell();
}

void RangeGridView::relayout()
{
    const QList<PortRange> ranges = mDocument ? mDocument->schema().ranges : QList<PortRange>();
    mLayout.setBlocks(GridLayout::blocksFor(ranges, mContent.unrangedPorts(), tr("Unranged")));
    updateGeometries();
    viewport()->update();
}

void RangeGridView::updateGeometries()
{
    const QSize content = mLayout.contentSize();
    const QSize view = viewport()->size();
    horizontalScrollBar()->setRange(0, qMax(0, content.width() - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
    horizontalScrollBar()->setSingleStep(qMax(1, mLayout.metrics().cellWidth / 2));
    verticalScrollBar()->setRange(0, qMax(0, content.height() - view.height()));
    verticalScrollBar()->setPageStep(view.height());
    verticalScrollBar()->setSingleStep(qMax(1, mLayout.metrics().cellHeight));
    QAbstractItemView::updateGeometries();
}

int RangeGridView::horizontalOffset() const
{
    return horizontalScrollBar()->value();
}

int RangeGridView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

QRect RangeGridView::cellViewportRect(const GridCell &cell) const
{
    const QRect r = mLayout.cellRect(cell);
    return r.isNull() ? r : r.translated(-contentOffset());
}

GridCell RangeGridView::cellAtViewport(const QPoint &point) const
{
    return mLayout.cellAt(point + contentOffset());
}

int RangeGridView::topEntryRow(const GridCell &cell) const
{
    const QList<GridEntry> &entries = mContent.entriesAt(cell.port);
    if (!mLayout.hasCell(cell) || entries.isEmpty())
        return -1;
    return entries.at(qBound(0, mStackIndex, int(entries.size()) - 1)).row;
}

GridCell RangeGridView::cellOfRow(int row) const
{
    int port = mContent.portOfRow(row);
    if (!port)
        port = mContent.ghostPortOfRow(row);
    // Stay in the cursor's block when the port shows there too (nested ranges).
    if (port && mLayout.hasCell({mCursor.block, port}))
        return {mCursor.block, port};
    return port ? mLayout.primaryCell(port) : GridCell();
}

QModelIndex RangeGridView::indexOfCell(const GridCell &cell) const
{
    const int row = topEntryRow(cell);
    return row >= 0 && mModel ? mModel->index(row, 0) : QModelIndex();
}

QRect RangeGridView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != mModel)
        return {};
    return cellViewportRect(cellOfRow(index.row()));
}

QModelIndex RangeGridView::indexAt(const QPoint &point) const
{
    const GridCell cell = cellAtViewport(point);
    const QList<GridEntry> &entries = mContent.entriesAt(cell.port);
    if (!cell.isValid() || entries.isEmpty() || !mModel)
        return {};
    return mModel->index(entries.first().row, 0);
}

void RangeGridView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    const QRect r = visualRect(index);
    if (r.isNull())
        return;
    const QRect area = viewport()->rect();
    const int headroom = mLayout.metrics().headerHeight;
    if (hint == PositionAtTop || (hint == EnsureVisible && r.top() < area.top()))
        verticalScrollBar()->setValue(verticalOffset() + r.top() - headroom);
    else if (hint == PositionAtBottom || (hint == EnsureVisible && r.bottom() > area.bottom()))
        verticalScrollBar()->setValue(verticalOffset() + r.bottom() - area.height() + 1);
    else if (hint == PositionAtCenter)
        verticalScrollBar()->setValue(verticalOffset() + r.center().y() - area.height() / 2);
    if (r.left() < area.left())
        horizontalScrollBar()->setValue(horizontalOffset() + r.left());
    else if (r.right() > area.right())
        horizontalScrollBar()->setValue(horizontalOffset() + r.right() - area.width() + 1);
}

bool RangeGridView::isIndexHidden(const QModelIndex &index) const
{
    return !index.isValid() || (!mContent.portOfRow(index.row()) && !mContent.ghostPortOfRow(index.row()));
}

QModelIndex RangeGridView::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers)
{
    // Qt asks for MoveNext when the view gains focus without a current
    // index: stay on the cursor cell rather than jumping.
    if (!currentIndex().isValid() && action == MoveNext && mLayout.hasCell(mCursor))
        return indexOfCell(mCursor);
    GridLayout::Move move = GridLayout::Move::Right;
    switch (action) {
    case MoveLeft: move = GridLayout::Move::Left; break;
    case MoveRight:
    case MoveNext: move = GridLayout::Move::Right; break;
    case MovePrevious: move = GridLayout::Move::Left; break;
    case MoveUp: move = GridLayout::Move::Up; break;
    case MoveDown: move = GridLayout::Move::Down; break;
    case MovePageUp: move = GridLayout::Move::PageUp; break;
    case MovePageDown: move = GridLayout::Move::PageDown; break;
    case MoveHome:
        move = modifiers & Qt::ControlModifier ? GridLayout::Move::GridStart : GridLayout::Move::BlockStart;
        break;
    case MoveEnd: move = modifiers & Qt::ControlModifier ? GridLayout::Move::GridEnd : GridLayout::Move::BlockEnd; break;
    }
    return indexOfCell(mLayout.move(mCursor, move, pageRows()));
}

int RangeGridView::pageRows() const
{
    return qMax(1, viewport()->height() / qMax(1, mLayout.metrics().cellHeight) - 1);
}

void RangeGridView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!mModel || !selectionModel())
        return;
    QItemSelection selection;
    const QRect content = rect.normalized().translated(contentOffset());
    for (const GridCell &cell : mLayout.cellsIn(content.isEmpty() ? QRect(content.topLeft(), QSize(1, 1)) : content)) {
        for (const GridEntry &e : mContent.entriesAt(cell.port)) {
            const QModelIndex index = mModel->index(e.row, 0);
            selection.select(index, index);
        }
    }
    selectionModel()->select(selection, command | QItemSelectionModel::Rows);
}

QRegion RangeGridView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    QSet<int> rows;
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.insert(row);
    }
    for (int row : rows) {
        for (int port : {mContent.portOfRow(row), mContent.ghostPortOfRow(row)}) {
            if (!port)
                continue;
            for (const GridCell &cell : mLayout.cellsOfPort(port))
                region += cellViewportRect(cell);
        }
    }
    return region;
}

void RangeGridView::updateRect(const QRect &rect)
{
    if (rect.isNull())
        return;
    viewport()->update(rect);
    if (mTrackUpdates)
        mUpdatedRects.append(rect);
}

void RangeGridView::updateCell(const GridCell &cell)
{
    if (cell.isValid())
        updateRect(cellViewportRect(cell));
}

void RangeGridView::updatePort(int port)
{
    for (const GridCell &cell : mLayout.cellsOfPort(port))
        updateCell(cell);
}

void RangeGridView::updateHeadersOf(int port)
{
    for (const GridCell &cell : mLayout.cellsOfPort(port))
        updateRect(mLayout.headerRect(cell.block).translated(-contentOffset()));
}

QList<QRect> RangeGridView::takeUpdatedRects()
{
    QList<QRect> rects;
    rects.swap(mUpdatedRects);
    return rects;
}

void RangeGridView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!mDocument || !topLeft.isValid() || !bottomRight.isValid())
        return;
    // Beyond this many rows (a bulk edit, a whole column) the grid is
    // repainted or rebuilt as a whole rather than followed row by row.
    const bool many = bottomRight.row() - topLeft.row() > 256;
    // Findings changed, nothing moved: repaint the rows' cells.
    static const QList<int> findingRoles = {Qt::DecorationRole, Qt::BackgroundRole, Qt::ToolTipRole,
                                            ServiceTableModel::SeverityRole, ServiceTableModel::FindingsRole};
    if (!roles.isEmpty() && std::all_of(roles.begin(), roles.end(), [](int r) { return findingRoles.contains(r); })) {
        if (many) {
            updateRect(viewport()->rect());
            return;
        }
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
            for (int port : {mContent.portOfRow(row), mContent.ghostPortOfRow(row)}) {
                if (port)
                    updatePort(port);
            }
        }
        return;
    }
    if (many) {
        rebuild();
        return;
    }
    bool needLayout = false;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int oldPort = mContent.portOfRow(row);
        const int oldGhost = mContent.ghostPortOfRow(row);
        const QList<int> ports = mContent.updateRow(mDocument->schema(), row);
        const bool moved = oldPort != mContent.portOfRow(row) || oldGhost != mContent.ghostPortOfRow(row);
        for (int port : ports) {
            if (!mContent.isInRange(port))
                needLayout = true; // the unranged block may gain or lose a row
            updatePort(port);
            if (moved)
                updateHeadersOf(port);
        }
    }
    if (needLayout) {
        const QList<int> unranged = mContent.unrangedPorts();
        const QList<GridBlock> blocks = GridLayout::blocksFor(mDocument->schema().ranges, unranged, tr("Unranged"));
        const bool hadUnranged = !mLayout.blocks().isEmpty() && mLayout.blocks().last().isUnranged();
        const QList<int> oldStarts = hadUnranged ? mLayout.blocks().last().rowStarts : QList<int>();
        const QList<int> newStarts = !blocks.isEmpty() && blocks.last().isUnranged() ? blocks.last().rowStarts : QList<int>();
        if (oldStarts != newStarts)
            relayout();
    }
}

// Rows come and go in place: a Delete of a filter's matches removes them
// block by block, and each block re-placed the whole fleet.
void RangeGridView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    if (mDocument)
        contentChanged(mContent.insertRows(mDocument->schema(), start, end));
    else
        rebuild();
}

void RangeGridView::contentChanged(bool unranged)
{
    if (unranged) {
        relayout();
        if (!mLayout.hasCell(mCursor))
            mCursor = mLayout.firstCell();
    } else {
        viewport()->update();
    }
}

void RangeGridView::reset()
{
    QAbstractItemView::reset();
    rebuild();
    mCursor = mLayout.firstCell();
}

void RangeGridView::findingsChanged(const QStringList &serviceIds)
{
    if (!mDocument)
        return;
    for (const QString &id : serviceIds) {
        const int row = mDocument->serviceRow(id);
        if (row < 0)
            continue;
        for (int port : {mContent.portOfRow(row), mContent.ghostPortOfRow(row)}) {
            if (port)
                updatePort(port);
        }
    }
}

void RangeGridView::setCursorCell(const GridCell &cell)
{
    if (cell == mCursor)
        return;
    const GridCell old = mCursor;
    mCursor = cell;
    updateCell(old);
    updateCell(mCursor);
}

void RangeGridView::setCurrentCell(const GridCell &cell, QItemSelectionModel::SelectionFlags command)
{
    if (!mLayout.hasCell(cell))
        return;
    if (cell != mCursor)
        mStackIndex = 0;
    setCursorCell(cell);
    const QModelIndex index = indexOfCell(cell);
    if (selectionModel()) {
        mMovingCursor = true;
        if (index.isValid()) {
            selectionModel()->setCurrentIndex(index, command | QItemSelectionModel::Rows);
        } else {
            if (command & QItemSelectionModel::Clear)
                selectionModel()->clearSelection();
            selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
        }
        mMovingCursor = false;
    }
    const QRect r = cellViewportRect(cell);
    const QRect area = viewport()->rect();
    if (r.top() < area.top()) {
        // Show the block's header with its first row; the first block also the legend.
        const int contentTop = mLayout.cellRect(cell).top();
        const bool firstRow = contentTop == mLayout.headerRect(cell.block).bottom() + 1;
        verticalScrollBar()->setValue(firstRow && cell.block == 0 ? 0 : contentTop - mLayout.metrics().headerHeight);
    }
    else if (r.bottom() > area.bottom())
        verticalScrollBar()->setValue(verticalOffset() + r.bottom() - area.height() + 1);
    if (r.left() < area.left() || r.right() > area.right())
        horizontalScrollBar()->setValue(horizontalOffset() + r.left());
#if QT_CONFIG(accessibility)
    if (QAccessible::isActive() && hasFocus()) {
        QAccessibleEvent event(this, QAccessible::Focus);
        event.setChild(mLayout.indexOfCell(cell));
        QAccessible::updateAccessibility(&event);
    }
#endif
}

void RangeGridView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QAbstractItemView::currentChanged(current, previous);
    // Selected elsewhere (the table): follow with the cursor.
    if (!mMovingCursor && current.isValid() && topEntryRow(mCursor) != current.row()) {
        const GridCell cell = cellOfRow(current.row());
        if (cell.isValid()) {
            mStackIndex = int(mContent.entriesAt(cell.port).indexOf(GridEntry{current.row(), false, false}));
            mStackIndex = qMax(0, mStackIndex);
            setCursorCell(cell);
        }
    }
}

QString RangeGridView::rangeAtCursor() const
{
    if (!mCursor.isValid())
        return {};
    return mLayout.blocks().at(mCursor.block).rangeId;
}


void RangeGridView::setReferenceSchema(const Schema *reference)
{
    mContent.setReference(reference);
    rebuild();
    viewport()->update();
}

void RangeGridView::setObservationStore(const ObservationStore *observations)
{
    if (mObservations)
        disconnect(mObservations, nullptr, this, nullptr);
    mObservations = observations;
    if (observations)
        connect(observations, &ObservationStore::changed, viewport(), qOverload<>(&QWidget::update));
    viewport()->update();
}

} // namespace Portolan
