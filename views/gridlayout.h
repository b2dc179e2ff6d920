#pragma once

#include "schema.h"

#include <QList>
#include <QPoint>
#include <QRect>
#include <QSize>
#include <QString>

#include <vector>

namespace Portolan {

// One block of the range grid: a range, or the "Unranged" block that collects
// used ports outside every range. Rows are decades (3000-3009, 3010-3019…);
// a port's column is its last digit, so columns line up across blocks.
struct GridBlock
{
    QString rangeId; // empty: the unranged block
    QString title;
    int first = 0;
    int last = 0;
    QList<int> rowStarts; // first port of each row (a multiple of ten), ascending

    bool isUnranged() const { return rangeId.isEmpty(); }
};

// Sizes in pixels at the current zoom; the widget derives them from its font.
struct GridMetrics
{
    int cellWidth = 96;
    int cellHeight = 40;
    int headerHeight = 28;
    int blockGap = 12;
    int margin = 8;
    int topExtra = 0; // room above the first block (legend)
};

// A cell on screen: a port in a block. A port can appear in several blocks
// when ranges nest (5050 is in "Web Frontends" and in "Playground").
struct GridCell
{
    int block = -1;
    int port = 0;

    bool isValid() const { return block >= 0 && port > 0; }
    friend bool operator==(const GridCell &, const GridCell &) = default;
};

// Port <-> rectangle geometry of the range grid, in content coordinates
// (scrolling is the widget's business). No widgets, so it is tested alone.
class GridLayout
{
public:
    static constexpr int Columns = 10;

    enum class Move { Left, Right, Up, Down, PageUp, PageDown, BlockStart, BlockEnd, GridStart, GridEnd };

    // Blocks for every range (ordered by first port, wider first) and, when
    // unrangedPorts is not empty, a final "Unranged" block holding their decades.
    static QList<GridBlock> blocksFor(const QList<PortRange> &ranges, const QList<int> &unrangedPorts,
                                      const QString &unrangedTitle);

    void setBlocks(const QList<GridBlock> &blocks);
    void setMetrics(const GridMetrics &metrics);
    const GridMetrics &metrics() const { return mMetrics; }
    const QList<GridBlock> &blocks() const { return mBlocks; }
    int blockCount() const { return int(mBlocks.size()); }
    int rowCount() const { return int(mRows.size()); }

    QSize contentSize() const;

    // The block that shows a port first: the narrowest range containing it,
    // else the unranged block; -1 when no block shows it.
    int primaryBlock(int port) const;
    bool hasCell(const GridCell &cell) const;
    GridCell primaryCell(int port) const { return {primaryBlock(port), port}; }
    QRect cellRect(const GridCell &cell) const;
    QRect cellRect(int port) const { return cellRect(primaryCell(port)); }
    QList<GridCell> cellsOfPort(int port) const;

    QRect blockRect(int block) const; // header and rows
    QRect headerRect(int block) const;

    // The cell under a point; invalid between blocks, in headers and margins.
    // Cells tile without gaps: every pixel of a cell rectangle hits that cell.
    GridCell cellAt(const QPoint &point) const;
    // The block whose header is under a point, else -1.
    int headerAt(const QPoint &point) const;

    // Cells intersecting a rectangle, in reading order.
    QList<GridCell> cellsIn(const QRect &rect) const;
    // Headers intersecting a rectangle.
    QList<int> headersIn(const QRect &rect) const;

    // Keyboard navigation; pageRows is how many rows a page holds.
    GridCell move(const GridCell &from, Move move, int pageRows = 10) const;
    GridCell firstCell() const;

    // Every cell in reading order, e.g. for accessibility tools.
    int cellCount() const { return mRowCellStart.empty() ? 0 : mRowCellStart.back(); }
    GridCell cellAtIndex(int index) const;
    int indexOfCell(const GridCell &cell) const;

private:
    struct Row
    {
        int block;
        int start; // first port of the decade
        int top;   // y of the row
    };

    int rowOf(const GridCell &cell) const; // global row index, -1 if none
    GridCell cellInRow(int row, int column, bool searchNearest) const;
    GridCell firstCellOfRow(int row) const;
    GridCell lastCellOfRow(int row) const;
    int left() const { return mMetrics.margin; }

    QList<GridBlock> mBlocks;
    GridMetrics mMetrics;
    std::vector<Row> mRows;
    std::vector<int> mBlockFirstRow;
    std::vector<int> mBlockTop;
    std::vector<int> mRowCellStart; // prefix sums of cells per row, one more than rows
    std::vector<int> mPrimary; // port -> block, -1 none; index 0..65535
    int mHeight = 0;
};

} // namespace Portolan
