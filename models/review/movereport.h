#pragma once

#include "move.h"

#include <QByteArray>
#include <QString>

namespace Portolan {

// Two versions of a schema compared: the moves and other changes from the
// old to the new one with their impact, and the findings overall.
struct DiffReport
{
    QString oldName;
    QString newName;
    Schema oldSchema; // its hosts and ranges, which the moves' texts name; not its services
    QList<Move> moves; // in execution order
    QList<Finding> resolved;
    QList<Finding> introduced;
    // Every finding of the old and of the new schema, unsorted: what
    // resolved and introduced are worked out from.
    QList<Finding> oldFindings;
    QList<Finding> newFindings;
};

// The old schema is taken over: pass it moved when it is not needed after.
DiffReport makeDiffReport(Schema oldSchema, const Schema &newSchema, const QString &oldName, const QString &newName);

// "✓ resolves 2 · ✗ introduces 1 · 4 references"
QString impactSummary(const MoveImpact &impact);

// `portolan diff` outputs; all in the report's (stable) order.
QString diffAsText(const DiffReport &report);
QByteArray diffAsJson(const DiffReport &report);
QString diffAsMarkdown(const DiffReport &report);

// A decision taken in a review, for the review report.
struct ReviewDecision
{
    enum class Kind { Executed, AcceptedReality, Rejected };
    Kind kind = Kind::Executed;
    Move move;
    QString patch; // carried out in the linked files: the diff that was written
};

// The review as Markdown: the moves decided and their impact, the exact lines
// to change in the imported compose and Prometheus files, the diffs written
// to the linked files, what is still pending and the diff that would carry
// the pending moves out (pendingPatch, a unified diff; empty: none).
QString reviewReportMarkdown(const Schema &schema, const QString &title, const QList<ReviewDecision> &decisions,
                             const QList<Move> &pending, const QString &pendingPatch = QString());

} // namespace Portolan
