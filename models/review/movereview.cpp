#include "movereview.h"

#include "schemadocument.h"
#include "texthash.h"
#include "whatif.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace Portolan {

MoveReview::MoveReview(SchemaDocument *document, QObject *parent)
    : QObject(parent)
    , mDocument(document)
{
    for (auto signal : {&SchemaDocument::reset, &SchemaDocument::hostsChanged, &SchemaDocument::rangesChanged,
                        &SchemaDocument::reservationsChanged, &SchemaDocument::referencesChanged,
                        &SchemaDocument::ruleSettingsChanged})
        connect(document, signal, this, &MoveReview::scheduleRefresh);
    for (auto signal : {&SchemaDocument::servicesInserted, &SchemaDocument::servicesRemoved})
        connect(document, signal, this, &MoveReview::scheduleRefresh);
    connect(document, &SchemaDocument::servicesReset, this, &MoveReview::scheduleRefresh);
    connect(document, &SchemaDocument::serviceReplaced, this, &MoveReview::scheduleRefresh);
    connect(document, &SchemaDocument::serviceFieldChanged, this, &MoveReview::scheduleRefresh);
    connect(document, &SchemaDocument::reset, this, [this] { mDismissed.clear(); });
    refresh();
}

MoveReview::~MoveReview()
{
    // A running computation works on its own snapshot; wait for it, so that
    // it does not outlive the translations and the application.
    if (mWatcher)
        mWatcher->waitForFinished();
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
    // Opening a document clears a proposal that mostly is not there: its
    // reset has already scheduled the computation, which at fleet size
    // would otherwise run a second time here, on the GUI thread.
    if (!mHasProposal)
        return;
    mProposal = Schema();
    mProposalFile.clear();
    mHasProposal = false;
    refresh();
}

const Move *MoveReview::move(const QString &key) const
{
    const qsizetype i = mKeys.indexOf(key);
    return i < 0 ? nullptr : &mMoves.at(i);
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
    ++mGeneration;
    if (mScheduled || !mActive)
        return;
    mScheduled = true;
    // Coalesces the many signals of one macro into one computation.
    QTimer::singleShot(0, this, [this] {
        if (mScheduled)
            startComputation();
    });
}

// Impact of the first moves of each list; a fleet's thousands of drifts
// would otherwise hold up every refresh.
static constexpr qsizetype MaxMovesWithImpact = 500;

MoveReview::Inputs MoveReview::inputs() const
{
    Inputs in;
    in.schema = mDocument->schema();
    if (mWhatIf)
        in.drafts = mWhatIf->drafts();
    in.hasProposal = mHasProposal;
    if (mHasProposal) {
        in.proposal = mProposal;
        in.proposalFile = mProposalFile;
        in.dismissed = mDismissed;
    }
    return in;
}

MoveReview::Computed MoveReview::compute(const Inputs &in)
{
    QList<Move> drift = driftMoves(in.schema);
    computeImpacts(in.schema, drift, true, MaxMovesWithImpact);
    QList<Move> all = drift;
    if (!in.drafts.isEmpty()) {
        QList<Move> drafts = in.drafts;
        computeImpacts(in.schema, drafts, true, MaxMovesWithImpact);
        all += drafts;
    }
    if (in.hasProposal) {
        QList<Move> proposals = diffSchemas(in.schema, in.proposal, Move::Origin::Proposal, in.proposalFile);
        proposals.removeIf([&in](const Move &m) { return in.dismissed.contains(m.key()); });
        computeImpacts(in.schema, proposals, true, MaxMovesWithImpact);
        all += proposals;
    }
    Computed computed;
    computed.keys.reserve(all.size());
    for (const Move &m : std::as_const(all))
        computed.keys.append(m.key());
    computed.moves = std::move(all);
    return computed;
}

void MoveReview::refresh()
{
    mScheduled = false;
    adopt(compute(inputs()));
    mStale = false;
    emit movesChanged();
}

void MoveReview::startComputation()
{
    mScheduled = false;
    if (mComputing)
        return; // computationFinished() starts the next one
    if (!mWatcher) {
        mWatcher = new QFutureWatcher<Computed>(this);
        connect(mWatcher, &QFutureWatcherBase::finished, this, &MoveReview::computationFinished);
    }
    mComputing = true;
    mComputedGeneration = mGeneration;
    mWatcher->setFuture(QtConcurrent::run(&MoveReview::compute, inputs()));
    emit computingChanged(true);
}

void MoveReview::computationFinished()
{
    mComputing = false;
    if (mComputedGeneration != mGeneration) {
        // The document changed meanwhile: this result is already old.
        if (mActive)
            startComputation();
        if (mComputing)
            return;
    } else {
        adopt(mWatcher->result());
        mStale = false;
        emit movesChanged();
    }
    emit computingChanged(false);
}

void MoveReview::adopt(Computed computed)
{
    QList<Move> old = std::exchange(mMoves, std::move(computed.moves));
    mKeys = std::move(computed.keys);
    // A fleet's list holds thousands of moves with their impacts: the old
    // one is freed on a worker, not in the GUI thread's time.
    if (old.size() > 1000)
        QThreadPool::globalInstance()->start([old = std::move(old)]() mutable { old = QList<Move>(); });
}

void MoveReview::record(ReviewDecision::Kind kind, const QList<Move> &moves)
{
    for (const Move &m : moves)
        mDecisions.append(ReviewDecision{kind, m, {}});
}

bool MoveReview::execute(const QList<Move> &moves)
{
    QUndoCommand *command = moveCommand(mDocument, moves, Move::Action::Execute);
    if (!command)
        return false;
    mDocument->undoStack()->push(command);
    record(ReviewDecision::Kind::Executed, moves);
    settle(moves);
    return true;
}

bool MoveReview::carryOut(const QList<Move> &moves, const ChangeSet &set, QString *error)
{
    QList<Move> carried;
    for (const Move &m : moves) {
        if (set.carried.contains(m.key()))
            carried.append(m);
    }
    if (set.files.isEmpty() || carried.isEmpty()) {
        *error = tr("No move of the selection can be carried out in the linked files.");
        return false;
    }
    if (!writeChangeSet(set.files, true, error))
        return false;
    QPointer<MoveReview> self(this);
    auto *command = new CarryOutCommand(set.files, moveCommand(mDocument, carried, Move::Action::Execute),
                                        [self](const QStringList &skipped) {
                                            if (self)
                                                emit self->filesSkipped(skipped);
                                        });
    mDocument->undoStack()->push(command);
    record(ReviewDecision::Kind::Executed, carried);
    const QString patch = set.gitPatch();
    for (qsizetype i = mDecisions.size() - carried.size(); i < mDecisions.size(); ++i)
        mDecisions[i].patch = patch;
    settle(carried);
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
    settle(drift);
    return true;
}

bool MoveReview::reject(const QList<Move> &moves)
{
    QList<Move> drafts;
    QList<Move> rejected;
    for (const Move &m : moves) {
        if (m.origin == Move::Origin::Draft) {
            drafts.append(m);
        } else if (m.origin == Move::Origin::Proposal) {
            mDismissed.insert(m.key());
            record(ReviewDecision::Kind::Rejected, {m});
            rejected.append(m);
        }
    }
    if (!drafts.isEmpty() && mWhatIf && mWhatIf->reject(drafts)) {
        record(ReviewDecision::Kind::Rejected, drafts);
        rejected += drafts;
    }
    if (rejected.isEmpty())
        return false;
    settle(rejected);
    return true;
}

void MoveReview::settle(const QList<Move> &done)
{
    TextSet keys;
    keys.reserve(done.size());
    for (const Move &m : done)
        keys.insert(m.key());
    QList<Move> moves;
    QStringList kept;
    for (qsizetype i = 0; i < mMoves.size(); ++i) {
        if (!keys.contains(mKeys.at(i))) {
            moves.append(mMoves.at(i));
            kept.append(mKeys.at(i));
        }
    }
    mMoves = std::move(moves);
    mKeys = std::move(kept);
    emit movesChanged();
    scheduleRefresh();
}

QString MoveReview::reportMarkdown(const QString &pendingPatch) const
{
    return reviewReportMarkdown(mDocument->schema(), mDocument->displayName(), mDecisions, mMoves, pendingPatch);
}

} // namespace Portolan
