#include "gridlayout.h"

#include <algorithm>

namespace Portolan {

static constexpr int MaxPort = 65535;

QList<GridBlock> GridLayout::blocksFor(const QList<PortRange> &ranges, const QList<int> &unrangedPorts,
                                       const QString &unrangedTitle)
{
    QList<GridBlock> blocks;
    for (const PortRange &r : ranges) {
        const int first = qMax(1, r.first);
        const int last = qMin(MaxPort, r.last);
        if (first > last)
            continue;
        GridBlock b;
        b.rangeId = r.id;
        b.title = r.title;
        b.first = first;
        b.last = last;
        for (int start = first / 10 * 10; start <= last; start += 10)
            b.rowStarts.append(start);
        blocks.append(b);
    }
    // Parents before the ranges nested in them, so a sub-range follows its parent.
    std::stable_sort(blocks.begin(), blocks.end(), [](const GridBlock &a, const GridBlock &b) {
        if (a.first != b.first)
            return a.first < b.first;
        return a.last > b.last;
    });
    if (!unrangedPorts.isEmpty()) {
        GridBlock b;
        b.title = unrangedTitle;
        QList<int> starts;
        for (int p : unrangedPorts) {
            if (p >= 1 && p <= MaxPort)
                starts.append(p / 10 * 10);
        }
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        if (!starts.isEmpty()) {
            b.rowStarts = starts;
            b.first = qMax(1, starts.first());
            b.last = qMin(MaxPort, starts.last() + 9);
            blocks.append(b);
        }
    }
    return blocks;
}

void GridLayout::setBlocks(const QList<GridBlock> &blocks)
{
    mBlocks = blocks;
    mPrimary.assign(MaxPort + 1, -1);
    int unranged = -1;
    for (int b = 0; b < int(mBlocks.size()); ++b) {
        const GridBlock &block = mBlocks.at(b);
        if (block.isUnranged()) {
            unranged = b;
            continue;
        }
        const int size = block.last - block.first;
        for (int p = block.first; p <= block.last; ++p) {
            const int current = mPrimary[size_t(p)];
            // Strictly narrower wins, as in Schema::narrowestRangeContaining().
            if (current < 0 || size < mBlocks.at(current).last - mBlocks.at(current).first)
                mPrimary[size_t(p)] = b;
        }
    }
    if (unranged >= 0) {
        for (int start : mBlocks.at(unranged).rowStarts) {
            for (int p = qMax(1, start); p <= qMin(MaxPort, start + 9); ++p) {
                if (mPrimary[size_t(p)] < 0)
                    mPrimary[size_t(p)] = unranged;
            }
        }
    }
    setMetrics(mMetrics);
}

void GridLayout::setMetrics(const GridMetrics &metrics)
{
    mMetrics = metrics;
    mRows.clear();
    mBlockFirstRow.assign(mBlocks.size(), 0);
    mBlockTop.assign(mBlocks.size(), 0);
    int y = mMetrics.margin + mMetrics.topExtra;
    for (int b = 0; b < int(mBlocks.size()); ++b) {
        mBlockTop[size_t(b)] = y;
        mBlockFirstRow[size_t(b)] = int(mRows.size());
        y += mMetrics.headerHeight;
        for (int start : mBlocks.at(b).rowStarts) {
            mRows.push_back({b, start, y});
            y += mMetrics.cellHeight;
        }
        y += mMetrics.blockGap;
    }
    if (!mBlocks.isEmpty())
        y -= mMetrics.blockGap;
    mHeight = y + mMetrics.margin;
    mRowCellStart.assign(1, 0);
    for (const Row &row : mRows) {
        int cells = 0;
        for (int c = 0; c < Columns; ++c)
            cells += hasCell({row.block, row.start + c}) ? 1 : 0;
        mRowCellStart.push_back(mRowCellStart.back() + cells);
    }
}

GridCell GridLayout::cellAtIndex(int index) const
{
    if (index < 0 || index >= cellCount())
        return {};
    const auto it = std::upper_bound(mRowCellStart.begin(), mRowCellStart.end(), index);
    const int row = int(it - mRowCellStart.begin()) - 1;
    int skip = index - mRowCellStart[size_t(row)];
    const Row &r = mRows[size_t(row)];
    for (int c = 0; c < Columns; ++c) {
        if (hasCell({r.block, r.start + c}) && skip-- == 0)
            return {r.block, r.start + c};
    }
    return {};
}

int GridLayout::indexOfCell(const GridCell &cell) const
{
    const int row = rowOf(cell);
    if (row < 0)
        return -1;
    int index = mRowCellStart[size_t(row)];
    const Row &r = mRows[size_t(row)];
    for (int p = r.start; p < cell.port; ++p)
        index += hasCell({r.block, p}) ? 1 : 0;
    return index;
}

QSize GridLayout::contentSize() const
{
    return QSize(2 * mMetrics.margin + Columns * mMetrics.cellWidth, mHeight);
}

int GridLayout::primaryBlock(int port) const
{
    if (port < 1 || port > MaxPort || mPrimary.empty())
        return -1;
    return mPrimary[size_t(port)];
}

bool GridLayout::hasCell(const GridCell &cell) const
{
    if (cell.block < 0 || cell.block >= int(mBlocks.size()) || cell.port < 1 || cell.port > MaxPort)
        return false;
    const GridBlock &b = mBlocks.at(cell.block);
    if (b.isUnranged())
        return mPrimary[size_t(cell.port)] == cell.block;
    return cell.port >= b.first && cell.port <= b.last;
}

int GridLayout::rowOf(const GridCell &cell) const
{
    if (!hasCell(cell))
        return -1;
    const QList<int> &starts = mBlocks.at(cell.block).rowStarts;
    const int start = cell.port / 10 * 10;
    const auto it = std::lower_bound(starts.begin(), starts.end(), start);
    if (it == starts.end() || *it != start)
        return -1;
    return mBlockFirstRow[size_t(cell.block)] + int(it - starts.begin());
}

QRect GridLayout::cellRect(const GridCell &cell) const
{
    const int row = rowOf(cell);
    if (row < 0)
        return {};
    return QRect(left() + (cell.port % 10) * mMetrics.cellWidth, mRows[size_t(row)].top, mMetrics.cellWidth,
                 mMetrics.cellHeight);
}

QList<GridCell> GridLayout::cellsOfPort(int port) const
{
    QList<GridCell> cells;
    const int primary = primaryBlock(port);
    if (primary < 0)
        return cells;
    cells.append({primary, port});
    for (int b = 0; b < int(mBlocks.size()); ++b) {
        if (b != primary && hasCell({b, port}))
            cells.append({b, port});
    }
    return cells;
}

QRect GridLayout::headerRect(int block) const
{
    if (block < 0 || block >= int(mBlocks.size()))
        return {};
    return QRect(left(), mBlockTop[size_t(block)], Columns * mMetrics.cellWidth, mMetrics.headerHeight);
}

QRect GridLayout::blockRect(int block) const
{
    const QRect header = headerRect(block);
    if (header.isNull())
        return {};
    return header.adjusted(0, 0, 0, int(mBlocks.at(block).rowStarts.size()) * mMetrics.cellHeight);
}

GridCell GridLayout::cellAt(const QPoint &point) const
{
    if (mRows.empty() || point.x() < left() || point.x() >= left() + Columns * mMetrics.cellWidth)
        return {};
    // The last row starting at or above the point.
    auto it = std::upper_bound(mRows.begin(), mRows.end(), point.y(),
                               [](int y, const Row &row) { return y < row.top; });
    if (it == mRows.begin())
        return {};
    --it;
    if (point.y() >= it->top + mMetrics.cellHeight)
        return {};
    const GridCell cell{it->block, it->start + (point.x() - left()) / mMetrics.cellWidth};
    return hasCell(cell) ? cell : GridCell();
}

int GridLayout::headerAt(const QPoint &point) const
{
    auto it = std::upper_bound(mBlockTop.begin(), mBlockTop.end(), point.y());
    if (it == mBlockTop.begin())
        return -1;
    const int block = int(it - mBlockTop.begin()) - 1;
    return headerRect(block).contains(point) ? block : -1;
}

QList<GridCell> GridLayout::cellsIn(const QRect &rect) const
{
    QList<GridCell> cells;
    if (mRows.empty() || rect.isEmpty())
        return cells;
    const int firstColumn = qBound(0, (rect.left() - left()) / qMax(1, mMetrics.cellWidth), Columns - 1);
    const int lastColumn = qBound(0, (rect.right() - left()) / qMax(1, mMetrics.cellWidth), Columns - 1);
    if (rect.right() < left() || rect.left() >= left() + Columns * mMetrics.cellWidth)
        return cells;
    auto it = std::upper_bound(mRows.begin(), mRows.end(), rect.top(),
                               [](int y, const Row &row) { return y < row.top; });
    if (it != mRows.begin())
        --it;
    for (; it != mRows.end() && it->top <= rect.bottom(); ++it) {
        if (it->top + mMetrics.cellHeight <= rect.top())
            continue;
        for (int c = firstColumn; c <= lastColumn; ++c) {
            const GridCell cell{it->block, it->start + c};
            if (hasCell(cell))
                cells.append(cell);
        }
    }
    return cells;
}

QList<int> GridLayout::headersIn(const QRect &rect) const
{
    QList<int> result;
    auto it = std::upper_bound(mBlockTop.begin(), mBlockTop.end(), rect.top());
    int b = it == mBlockTop.begin() ? 0 : int(it - mBlockTop.begin()) - 1;
    for (; b < int(mBlocks.size()) && mBlockTop[size_t(b)] <= rect.bottom(); ++b) {
        if (headerRect(b).intersects(rect))
            result.append(b);
    }
    return result;
}

GridCell GridLayout::cellInRow(int row, int column, bool searchNearest) const
{
    const Row &r = mRows[size_t(row)];
    if (hasCell({r.block, r.start + column}))
        return {r.block, r.start + column};
    if (!searchNearest)
        return {};
    for (int d = 1; d < Columns; ++d) {
        for (int c : {column - d, column + d}) {
            if (c >= 0 && c < Columns && hasCell({r.block, r.start + c}))
                return {r.block, r.start + c};
        }
    }
    return {};
}

GridCell GridLayout::firstCellOfRow(int row) const
{
    return cellInRow(row, 0, true);
}

GridCell GridLayout::lastCellOfRow(int row) const
{
    return cellInRow(row, Columns - 1, true);
}

GridCell GridLayout::firstCell() const
{
    return mRows.empty() ? GridCell() : firstCellOfRow(0);
}

GridCell GridLayout::move(const GridCell &from, Move move, int pageRows) const
{
    if (mRows.empty())
        return {};
    const int row = rowOf(from);
    if (row < 0)
        return firstCell();
    const int column = from.port % 10;
    const int lastRow = int(mRows.size()) - 1;
    switch (move) {
    case Move::Left:
        for (int c = column - 1; c >= 0; --c) {
            if (hasCell({from.block, from.port - (column - c)}))
                return {from.block, from.port - (column - c)};
        }
        return row > 0 ? lastCellOfRow(row - 1) : from;
    case Move::Right:
        for (int c = column + 1; c < Columns; ++c) {
            if (hasCell({from.block, from.port + (c - column)}))
                return {from.block, from.port + (c - column)};
        }
        return row < lastRow ? firstCellOfRow(row + 1) : from;
    case Move::Up:
        return row > 0 ? cellInRow(row - 1, column, true) : from;
    case Move::Down:
        return row < lastRow ? cellInRow(row + 1, column, true) : from;
    case Move::PageUp:
        return cellInRow(qMax(0, row - qMax(1, pageRows)), column, true);
    case Move::PageDown:
        return cellInRow(qMin(lastRow, row + qMax(1, pageRows)), column, true);
    case Move::BlockStart:
        return firstCellOfRow(mBlockFirstRow[size_t(from.block)]);
    case Move::BlockEnd:
        return lastCellOfRow(mBlockFirstRow[size_t(from.block)] + int(mBlocks.at(from.block).rowStarts.size()) - 1);
    case Move::GridStart:
        return firstCell();
    case Move::GridEnd:
        return lastCellOfRow(lastRow);
    }
    return from;
}

} // namespace Portolan
