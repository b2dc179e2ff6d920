#include "movereview.h"

#include "schemadocument.h"
#include "whatif.h"

#include <QTimer>
#include <QUndoStack>

namespace Portolan {

MoveReview::MoveReview(SchemaDocument *document, QObject *parent)
    : QObject(parent)
    , mDocument(document)
{
    for (auto signal : {&SchemaDocument::reset, &SchemaDocument::hostsChanged, &SchemaDocument::rangesChanged,
                        &SchemaDocument::reservationsChanged, &SchemaDocument::referencesChanged,
                        &SchemaDocument::ruleSettingsChanged})
        connect(document, signal, this, &MoveReview::scheduleRefresh);
    for (auto signal : {&SchemaDocument::serviceReplaced, &SchemaDocument::serviceInserted,
                        &SchemaDocument::serviceRemoved})
        connect(document, signal, this, &MoveReview::scheduleRefresh);
    connect(document, &SchemaDocument::serviceFieldChanged, this, &MoveReview::scheduleRefresh);
    connect(document, &SchemaDocument::reset, this, [this] { mDismissed.clear(); });
    refresh();
}

void MoveReview::setWhatIf(WhatIfSession *session)
{
    if (mWhatIf == session)
        return;
    if (mWhatIf)
        disconnect(mWhatIf, nullptr, this, nullptr);
    mWhatIf = session;
    if (session) {
        connect(session, &WhatIfSession::draftsChanged, this, &MoveReview::scheduleRefresh);
        connect(session, &QObject::destroyed, this, [this] {
            mWhatIf = nullptr;
            scheduleRefresh();
        });
    }
    refresh();
}

void MoveReview::setProposal(const Schema &schema, const QString &fileName)
{
    mProposal = schema;
    mProposalFile = fileName;
    mHasProposal = true;
    mDismissed.clear();
    refresh();
}

void MoveReview::clearProposal()
{
    mProposal = Schema();
    mProposalFile.clear();
    mHasProposal = false;
    refresh();
}

const Move *MoveReview::move(const QString &key) const
{
    for (const Move &m : mMoves) {
        if (m.key() == key)
            return &m;
    }
    return nullptr;
}

void MoveReview::setActive(bool active)
{
    mActive = active;
    if (active && mStale)
        scheduleRefresh();
}

void MoveReview::scheduleRefresh()
{
    mStale = true;
    if (mScheduled || !mActive)
        return;
    mScheduled = true;
    // Coalesces the many signals of one macro into one recomputation.
    QTimer::singleShot(0, this, [this] {
        if (mScheduled)
            refresh();
    });
}

// Impact of the first moves of each list; a fleet's thousands of drifts
// would otherwise hold up every edit while the panel is open.
static constexpr qsizetype MaxMovesWithImpact = 500;

void MoveReview::refresh()
{
    mScheduled = false;
    const Schema &schema = mDocument->schema();
    QList<Move> drift = driftMoves(schema);
    computeImpacts(schema, drift, true, MaxMovesWithImpact);
    QList<Move> all = drift;
    if (mWhatIf) {
        QList<Move> drafts = mWhatIf->drafts();
        computeImpacts(schema, drafts, true, MaxMovesWithImpact);
        all += drafts;
    }
    if (mHasProposal) {
        QList<Move> proposals = diffSchemas(schema, mProposal, Move::Origin::Proposal, mProposalFile);
        proposals.removeIf([this](const Move &m) { return mDismissed.contains(m.key()); });
        computeImpacts(schema, proposals, true, MaxMovesWithImpact);
        all += proposals;
    }
    mMoves = all;
    mStale = false;
    emit movesChanged();
}

void MoveReview::record(ReviewDecision::Kind kind, const QList<Move> &moves)
{
    for (const Move &m : moves)
        mDecisions.append(ReviewDecision{kind, m});
}

bool MoveReview::execute(const QList<Move> &moves)
{
    QUndoCommand *command = moveCommand(mDocument, moves, Move::Action::Execute);
    if (!command)
        return false;
    mDocument->undoStack()->push(command);
    record(ReviewDecision::Kind::Executed, moves);
    refresh();
    return true;
}

bool MoveReview::acceptReality(const QList<Move> &moves)
{
    QList<Move> drift;
    for (const Move &m : moves) {
        if (m.canAcceptReality())
            drift.append(m);
    }
    QUndoCommand *command = moveCommand(mDocument, drift, Move::Action::AcceptReality);
    if (!command)
        return false;
    mDocument->undoStack()->push(command);
    record(ReviewDecision::Kind::AcceptedReality, drift);
    refresh();
    return true;
}

bool MoveReview::reject(const QList<Move> &moves)
{
    QList<Move> drafts;
    bool changed = false;
    for (const Move &m : moves) {
        if (m.origin == Move::Origin::Draft) {
            drafts.append(m);
        } else if (m.origin == Move::Origin::Proposal) {
            mDismissed.insert(m.key());
            record(ReviewDecision::Kind::Rejected, {m});
            changed = true;
        }
    }
    if (!drafts.isEmpty() && mWhatIf && mWhatIf->reject(drafts)) {
        record(ReviewDecision::Kind::Rejected, drafts);
        changed = true;
    }
    if (changed)
        refresh();
    return changed;
}

QString MoveReview::reportMarkdown() const
{
    return reviewReportMarkdown(mDocument->schema(), mDocument->displayName(), mDecisions, mMoves);
}

} // namespace Portolan
