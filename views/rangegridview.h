#pragma once

#include "gridcontent.h"
#include "gridlayout.h"
#include "gridpainter.h"

#include <QAbstractItemView>

#include <functional>
#include <memory>

namespace Portolan {

class ObservationStore;

class Analyzer;
class FindingLookup;
class SchemaDocument;
class ServiceTableModel;

// The range grid: every range as rows of ten ports, services in their cells.
// A view of ServiceTableModel (one index per service row, column 0), so it
// shares selection with the table through the model's indexes. Geometry lives
// in GridLayout, placement in GridContent, painting in GridPainter; this class
// forwards input, keeps the cursor cell and repaints only changed cells.
class RangeGridView : public QAbstractItemView
{
    Q_OBJECT

public:
    enum class DropChoice { Swap, Stack, Cancel };
    // Asked when a drop lands on an occupied cell; the default asks the user.
    using DropResolver = std::function<DropChoice(const Service &moving, const Service &occupant, int port)>;

    // Asked when a drop lands on a reserved free port: true moves it there anyway.
    using ReservedDropResolver = std::function<bool(const Service &moving, int port, const QString &note)>;

    explicit RangeGridView(QWidget *parent = nullptr);
    ~RangeGridView() override;

    void setServiceModel(ServiceTableModel *model);
    ServiceTableModel *serviceModel() const { return mModel; }
    // Not owned; null shows no findings.
    void setFindingLookup(const FindingLookup *findings);
    // The live findings of the window. Their changes arrive as the model's
    // dataChanged with finding roles, so no extra connection is needed.
    void setAnalyzer(const Analyzer *analyzer);
    // The last reality check: a badge per probed cell and a line in its tooltip.
    void setObservationStore(const ObservationStore *observations);
    // What-if: ghosts at the real schema's positions of services the drafts moved.
    void setReferenceSchema(const Schema *reference);
    const FindingLookup *findingLookup() const { return mFindings; }

    // The layer: empty for the plan, else a host id (actual ports on that host).
    QString layer() const { return mContent.hostId(); }
    void setLayer(const QString &hostId);
    GridColouring colouring() const { return mColouring; }
    void setColouring(GridColouring colouring);
    qreal zoom() const { return mZoom; }
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();

    const GridLayout &gridLayout() const { return mLayout; }
    const GridContent &gridContent() const { return mContent; }
    GridStyle style() const;

    GridCell currentCell() const { return mCursor; }
    int currentPort() const { return mCursor.port; }
    // Moves the cursor cell and makes its service current (and selected).
    void setCurrentCell(const GridCell &cell,
                        QItemSelectionModel::SelectionFlags command = QItemSelectionModel::ClearAndSelect);
    QRect cellViewportRect(const GridCell &cell) const;
    QRect portViewportRect(int port) const { return cellViewportRect(mLayout.primaryCell(port)); }
    GridCell cellAtViewport(const QPoint &point) const;

    // What tooltips and accessibility tools say about a cell.
    QString toolTipFor(const GridCell &cell) const;
    QString accessibleTextFor(const GridCell &cell) const;
    // The header of a block: the range, its span and how many ports are used.
    QString headerText(int block) const;
    // The legend's entries as painted.
    QStringList legendTexts() const;

    // Moves the cursor to the range's next free port for this layer; returns it (0: full).
    int goToNextFreePort(const QString &rangeId);
    QString rangeAtCursor() const;

    // Edits that the context menu offers, as undo commands.
    void moveService(int row, bool ghost, int port);
    bool addServiceAt(int port, const QString &name);
    void setReserved(int port, bool reserved);

    void setDropResolver(const DropResolver &resolver) { mDropResolver = resolver; }
    void setReservedDropResolver(const ReservedDropResolver &resolver) { mReservedDropResolver = resolver; }

    // The findings of these services changed: repaint their cells only.
    void findingsChanged(const QStringList &serviceIds);

    // Test hook: the rectangles handed to viewport()->update() since the last call.
    void setTrackUpdates(bool track) { mTrackUpdates = track; mUpdatedRects.clear(); }
    QList<QRect> takeUpdatedRects();

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;
    QModelIndex indexOfCell(const GridCell &cell) const;

signals:
    void layerChanged(const QString &hostId);
    void zoomChanged(qreal zoom);
    // Enter or double click on a service.
    void editRequested(const QModelIndex &index);
    void message(const QString &text);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;

    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void contentChanged(bool unranged);
    void reset() override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void updateGeometries() override;

    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void rebuild();
    void relayout();
    void updateMetrics();
    void updateRect(const QRect &viewportRect);
    void updateCell(const GridCell &cell);
    void updatePort(int port);
    void updateHeadersOf(int port);
    void setCursorCell(const GridCell &cell);
    int topEntryRow(const GridCell &cell) const;
    GridCell cellOfRow(int row) const;
    QPoint contentOffset() const { return QPoint(horizontalOffset(), verticalOffset()); }
    GridLayout::Move moveFor(int key, Qt::KeyboardModifiers modifiers, bool *ok) const;
    int pageRows() const;
    DropChoice askDropChoice(const Service &moving, const Service &occupant, int port);
    bool askReservedDrop(const Service &moving, int port, const QString &note);

    ServiceTableModel *mModel = nullptr;
    SchemaDocument *mDocument = nullptr;
    const FindingLookup *mFindings = nullptr;
    const ObservationStore *mObservations = nullptr;
    std::unique_ptr<FindingLookup> mOwnedFindings;
    GridLayout mLayout;
    GridContent mContent;
    GridColouring mColouring = GridColouring::ByHost;
    qreal mZoom = 1.0;
    GridCell mCursor;
    GridCell mHover;
    int mStackIndex = 0; // which entry of a stacked cell a repeated click selected

    // Dragging a service to another cell.
    GridCell mPressCell;
    GridEntry mPressEntry;
    QPoint mPressPos;
    bool mDragging = false;
    GridCell mDropCell;

    DropResolver mDropResolver;
    ReservedDropResolver mReservedDropResolver;
    bool mTrackUpdates = false;
    QList<QRect> mUpdatedRects;
    bool mMovingCursor = false;
};

} // namespace Portolan
