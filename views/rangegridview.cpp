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
    setAccessibleName(tr("Range grid"));
    installRangeGridAccessibility();
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
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { rebuild(); });
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
    // Findings changed, nothing moved: repaint the rows' cells.
    static const QList<int> findingRoles = {Qt::DecorationRole, Qt::BackgroundRole, Qt::ToolTipRole,
                                            ServiceTableModel::SeverityRole, ServiceTableModel::FindingsRole};
    if (!roles.isEmpty() && std::all_of(roles.begin(), roles.end(), [](int r) { return findingRoles.contains(r); })) {
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
            for (int port : {mContent.portOfRow(row), mContent.ghostPortOfRow(row)}) {
                if (port)
                    updatePort(port);
            }
        }
        return;
    }
    // A whole column (e.g. host names after the host list changed) is cheaper
    // to rebuild than to follow row by row.
    if (bottomRight.row() - topLeft.row() > 256) {
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

void RangeGridView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    rebuild();
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
        const Host *host = schema.host(s.hostId);
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
