#pragma once

#include <QList>

namespace Portolan {

// A run of consecutive rows, first to last inclusive.
struct RowRun
{
    int first = 0;
    int last = 0;

    int count() const { return last - first + 1; }
    friend bool operator==(const RowRun &a, const RowRun &b) { return a.first == b.first && a.last == b.last; }
};

// Rows as runs of consecutive rows, ascending, each row once: a block of
// thousands (the copies of a Duplicate, a scattered selection) becomes one
// insert, removal, signal or selection range a run instead of one a row.
QList<RowRun> rowRuns(QList<int> rows);

} // namespace Portolan
