#pragma once

#include "linkedsources.h"
#include "move.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUndoCommand>

#include <functional>
#include <memory>

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
    bool isEmpty() const { return files.isEmpty() && manual.isEmpty(); }
    // One unified diff of every file (a/ and b/ prefixes), what `git apply`
    // takes: paths relative to root when given (the git work tree), else as
    // stored (relative to the plan).
    QString patch(const QString &root = QString()) const;
    // The patch with paths relative to the git work tree that holds every
    // file (gitWorkTree()), else as stored.
    QString gitPatch() const;
};

// The edits that carry the moves out: every Port move that changes a
// service's port (drift, a draft, a proposal) brings what runs from the
// service's actual port to the move's new one. moves is taken in execution
// order (planMoves()); readings are the plan's linked sources as read.
ChangeSet buildChangeSet(const Schema &schema, const QList<SourceReading> &readings, const QList<Move> &moves);

// What the change set does once its files are read again: the sources are
// re-read from a copy with the new contents, and the plan with the moves
// executed is compared with the plan as it is.
struct ChangeSetCheck
{
    bool ok = true;
    ParseError error;           // a changed file that no longer reads
    QList<Finding> resolved;
    QList<Finding> introduced;
    QStringList notDone;        // carried moves whose service is not at its new port afterwards
};
ChangeSetCheck checkChangeSet(const Schema &schema, const QList<SourceReading> &readings, const QList<Move> &moves,
                              const ChangeSet &set);

// Writes the files' new contents (forward) or puts their old ones back, all
// or none: each file through QSaveFile, and a failure puts the files
// written before it back. A file whose contents are no longer what the
// change set started from is refused before anything is written.
// writeFile is the one write of a file (writeFileAtomically; another to inject faults).
using FileWriter = std::function<bool(const QString &fileName, const QByteArray &data, QString *error)>;
bool writeChangeSet(const QList<FileChange> &files, bool forward, QString *error,
                    const FileWriter &writeFile = writeFileAtomically);

// The git work tree that holds every one of the files, or empty.
QString gitWorkTree(const QStringList &absolutePaths);

// One undo step that carries moves out: the files were written (by
// writeChangeSet) before it is pushed; its first redo only executes the
// moves in the plan (plan, which it owns). Undo puts back each file that
// is still as the change set left it; files edited since are left alone and
// named to notify.
class CarryOutCommand : public QUndoCommand
{
public:
    CarryOutCommand(const QList<FileChange> &files, QUndoCommand *plan,
                    std::function<void(const QStringList &skipped)> notify);
    ~CarryOutCommand() override;
    void undo() override;
    void redo() override;

private:
    void write(bool forward);

    QList<FileChange> mFiles;
    std::unique_ptr<QUndoCommand> mPlan;
    std::function<void(const QStringList &)> mNotify;
    bool mWritten = true;
};

// A unified diff of one file, three lines of context; empty when equal.
QString unifiedDiff(const QString &path, const QByteArray &before, const QByteArray &after);

} // namespace Portolan
