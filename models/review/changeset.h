#pragma once

#include "linkedsources.h"
#include "move.h"

#include <QByteArray>
#include <QList>
#include <QString>

// A set of moves carried out in the real files: for each linked source the
// smallest in-place edit (a compose ports: entry in the syntax it was
// written in, a Prometheus target, a tunnel rule, an env URL), every other
// byte kept, shown as a unified diff. What no source carries is a manual step.
namespace Portolan {

struct FileChange
{
    QString path;         // relative to the plan, as the source names it
    QString absolutePath;
    QByteArray before;
    QByteArray after;
    QStringList moveKeys; // the moves that change this file
};

struct ManualStep
{
    QString moveKey;
    QString text; // what to change by hand, and why no source carries it
};

struct ChangeSet
{
    QList<FileChange> files;
    QList<ManualStep> manual;
    QStringList carried; // keys of the moves every source change of which is in files

    bool isComplete() const { return manual.isEmpty(); }
    // One unified diff of every file (a/ and b/ prefixes, paths as stored:
    // relative to the plan), what `git apply` takes.
    QString patch() const;
};

// The edits that carry the moves out. Only moves of reality (Port moves of
// drift, Side::Reality) change real files; moves is taken in execution
// order (planMoves()). readings are the plan's linked sources as read.
ChangeSet buildChangeSet(const Schema &schema, const QList<SourceReading> &readings, const QList<Move> &moves);

// A unified diff of one file, three lines of context; empty when equal.
QString unifiedDiff(const QString &path, const QByteArray &before, const QByteArray &after);

} // namespace Portolan
