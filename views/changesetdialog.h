#pragma once

#include "changeset.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Portolan {

class MoveReview;

// Review before write: the change set that carries moves out in the linked
// files, one tab per file with its diff (old and new line numbers), the
// manual steps, and the findings it resolves and introduces once the
// changed files are read again. Apply writes every file or none (one undo
// step); Save Patch… and Copy hand it to git instead.
class ChangeSetDialog : public QDialog
{
    Q_OBJECT

public:
    // moves in any order (they are put in execution order); readings are the
    // plan's linked sources as read.
    ChangeSetDialog(MoveReview *review, const QList<SourceReading> &readings, const QList<Move> &moves,
                    QWidget *parent = nullptr);

    const ChangeSet &changeSet() const { return mSet; }
    const ChangeSetCheck &check() const { return mCheck; }
    QTabWidget *tabs() const { return mTabs; }
    QPushButton *applyButton() const { return mApply; }
    QPushButton *savePatchButton() const { return mSavePatch; }
    QString summaryText() const;
    // The patch: paths relative to the git work tree when every file is in one.
    QString patchText() const;

    // Apply: writes the files and executes the carried moves; false (with a
    // message box unless quiet) when nothing was written.
    bool apply(QString *error = nullptr);
    bool savePatch(const QString &fileName, QString *error);

signals:
    void message(const QString &text);

private:
    QTreeWidget *diffView(const FileChange &change) const;
    QWidget *findingsView() const;
    void savePatchInteractively();

    MoveReview *mReview;
    QList<Move> mMoves;
    ChangeSet mSet;
    ChangeSetCheck mCheck;
    QString mGitRoot;
    QLabel *mSummary;
    QTabWidget *mTabs;
    QPushButton *mApply;
    QPushButton *mSavePatch;
    QPushButton *mCopy;
};

} // namespace Portolan
