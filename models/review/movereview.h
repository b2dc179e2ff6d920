#pragma once

#include "changeset.h"
#include "movereport.h"

#include <QObject>
#include <QSet>

template<typename T>
class QFutureWatcher;

namespace Portolan {

class SchemaDocument;
class WhatIfSession;

// The review of proposed moves on one document: the drift of the document,
// the drafts of a what-if session and the differences from a compared file,
// each with its impact; and the actions that decide them, each one undo step.
class MoveReview : public QObject
{
    Q_OBJECT

public:
    explicit MoveReview(SchemaDocument *document, QObject *parent = nullptr);
    ~MoveReview() override;

    SchemaDocument *document() const { return mDocument; }

    void setWhatIf(WhatIfSession *session); // nullptr: no drafts
    WhatIfSession *whatIf() const { return mWhatIf; }

    // Another version of the schema whose differences become proposals.
    void setProposal(const Schema &schema, const QString &fileName);
    void clearProposal();
    bool hasProposal() const { return mHasProposal; }
    QString proposalFileName() const { return mProposalFile; }

    // Drift, then drafts, then proposals; each group in execution order.
    const QList<Move> &moves() const { return mMoves; }
    // Move::key() of each move, in the same order (made with the list, on
    // the worker: thousands of keys are not built on the GUI thread).
    const QStringList &keys() const { return mKeys; }
    const Move *move(const QString &key) const;
    // Recomputes now. Changes schedule a recomputation in a worker thread,
    // on a snapshot of the document: the list shown until it is done is the
    // previous one, and isComputing() says so.
    void refresh();
    bool isStale() const { return mStale; }
    bool isComputing() const { return mComputing; }
    // While nobody looks at the list (its panel hidden), changes only mark it
    // stale; it is recomputed when it becomes active again. At fleet scale a
    // recomputation takes a second, so it is not done for nothing.
    void setActive(bool active);

    // Reality follows the plan (a draft or proposal is adopted): one undo
    // step on the document for all of them.
    bool execute(const QList<Move> &moves);
    // Reality follows the plan in the real files: writes the change set's
    // files (all or none) and executes its carried moves in the plan, one
    // undo step that puts the files back too. False with error when nothing
    // was written.
    bool carryOut(const QList<Move> &moves, const ChangeSet &set, QString *error);
    // The plan follows reality (drift only): one undo step.
    bool acceptReality(const QList<Move> &moves);
    // Drops drafts (one undo step in the what-if document) and dismisses proposals.
    bool reject(const QList<Move> &moves);

    const QList<ReviewDecision> &decisions() const { return mDecisions; }
    // The review report; pendingPatch is the diff that would carry the
    // pending moves out in the linked files (see pendingChangeSet()).
    QString reportMarkdown(const QString &pendingPatch = QString()) const;

signals:
    void movesChanged();
    void computingChanged(bool computing);
    // Undo or redo of a carried-out change set left these files alone: they
    // were edited since.
    void filesSkipped(const QStringList &paths);

private:
    // What a computation needs, copied on the GUI thread (the schemas share
    // their data until the worker's scratch document detaches them).
    struct Inputs
    {
        Schema schema;
        QList<Move> drafts;
        bool hasProposal = false;
        Schema proposal;
        QString proposalFile;
        QSet<QString> dismissed;
    };
    Inputs inputs() const;
    struct Computed
    {
        QList<Move> moves;
        QStringList keys;
    };
    static Computed compute(const Inputs &inputs);
    void adopt(Computed computed);
    void scheduleRefresh();
    void startComputation();
    void computationFinished();
    void record(ReviewDecision::Kind kind, const QList<Move> &moves);
    // The moves just acted on leave the list at once; the rest of it (their
    // impacts on the others, moves that appear) follows from a recomputation
    // on a worker, which at fleet size takes a second.
    void settle(const QList<Move> &done);

    SchemaDocument *mDocument;
    WhatIfSession *mWhatIf = nullptr;
    Schema mProposal;
    QString mProposalFile;
    bool mHasProposal = false;
    QSet<QString> mDismissed;
    QList<Move> mMoves;
    QStringList mKeys;
    QList<ReviewDecision> mDecisions;
    bool mStale = true;
    bool mScheduled = false;
    bool mActive = true;
    bool mComputing = false;
    quint64 mGeneration = 0;         // counts the changes of the inputs
    quint64 mComputedGeneration = 0; // what the running computation sees
    QFutureWatcher<Computed> *mWatcher = nullptr;
};

} // namespace Portolan
