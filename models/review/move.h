#pragma once

#include "finding.h"
#include "schema.h"
#include "servicefield.h"

#include <QList>
#include <QString>
#include <QStringList>

class QUndoCommand;

namespace Portolan {

class SchemaDocument;

// A scrape target that changes with a move; Prometheus keys series by the
// target, so its `instance` label changes too.
struct ScrapeChange
{
    QString job;
    QString before; // host:port
    QString after;
    SourceLocation origin; // the target's line in the imported config
};

// One registered writer whose output differs once a move is applied.
struct ExportChange
{
    QString formatId;
    QString formatName;
    QString hostId; // for per-host formats (compose)
    int lines = 0;  // lines removed plus lines added
};

// What a move does, computed with the one analyzer: analyze(before) against
// analyze(after), plus the places outside the schema that must follow.
struct MoveImpact
{
    bool computed = false;
    QList<Finding> resolved;
    QList<Finding> introduced;
    QList<Reference> references; // name the moved service at its old port
    QList<ScrapeChange> scrapeTargets;
    QList<ExportChange> exports;
};

// One reviewable difference between two states of a schema. Most are moves
// of a service (port and/or host); the others are changes a proposal file
// brings (services added or removed, hosts and ranges changed).
struct Move
{
    enum class Kind {
        Port,           // a service moves: from-port → to-port and/or from-host → to-host
        ServiceAdded,
        ServiceRemoved,
        ServiceChanged, // fields other than the position differ
        HostAdded,
        HostRemoved,
        HostChanged,
        RangeAdded,
        RangeRemoved,
        RangeChanged,
        ReservationsChanged,
    };
    // Drift: the plan proposes moving reality to the plan. Draft: the
    // architect's what-if edit. Proposal: another version of the schema.
    enum class Origin { Drift, Draft, Proposal };
    // Which of the service's positions executing the move changes.
    enum class Side { Reality, Plan };
    enum class Action { Execute, AcceptReality };

    Kind kind = Kind::Port;
    Origin origin = Origin::Drift;
    Side side = Side::Reality;
    QString serviceId; // Port and Service*; the host or range id otherwise
    QString name;      // the service's (host's, range's) display name
    Protocol protocol = Protocol::Tcp;
    int fromPort = 0;
    int toPort = 0;
    QString fromHostId;
    QString toHostId;
    QString source; // proposal file name

    // The proposal's values: the whole service for ServiceAdded/Changed, the
    // host or range for Host*/Range*, the reservations for ReservationsChanged.
    Service service;
    QList<ServiceField> fields; // ServiceChanged: which fields differ
    Host host;
    PortRange range;
    QList<Reservation> reservations;

    // Filled by planMoves(): execution order, the moves that must go first
    // (by key), and the cycle (swap) this move belongs to, -1 if none.
    int order = 0;
    QStringList after;
    int cycle = -1;
    QStringList cycleWith; // the other members' service names
    MoveImpact impact;
    // Drift only: what accepting reality (planned := actual) would do, judged
    // on the schema as it is, each move alone.
    MoveImpact acceptImpact;

    bool changesPort() const { return kind == Kind::Port && fromPort != toPort; }
    bool changesHost() const { return kind == Kind::Port && fromHostId != toHostId; }
    bool canAcceptReality() const { return kind == Kind::Port && origin == Origin::Drift; }
    bool isSwap() const { return cycle >= 0; }
    // The move that undoes this one (a draft's Reject applies it to the draft).
    Move inverse() const;

    // Stable identity across recomputations: origin, kind, side and object.
    QString key() const;
    // "3061 → 3002", "Mac Mini 3061 → Windows GPU server 3061", "added at 3007"…
    QString changeText(const Schema &schema) const;
    QString originText() const;
    QString kindId() const; // untranslated, for JSON: move, service-added, …
    QString kindText() const;
};

// Every service whose actual position differs from its planned one, as a
// move of reality to the plan, in a stable order (host, port, id).
QList<Move> driftMoves(const Schema &schema);

// The differences from `before` to `after`: per service a Plan move (planned
// port/host), a Reality move (actual port/host) and a ServiceChanged for the
// other fields; services, hosts and ranges added, removed or changed.
QList<Move> diffSchemas(const Schema &before, const Schema &after, Move::Origin origin,
                        const QString &source = QString());

// Orders moves so that one taking another's old port comes after it; moves
// that take each other's ports form a cycle (a swap) executed together.
// Sorts the list into execution order and fills order, after and cycle.
void planMoves(QList<Move> &moves);

// Applies a move to a plain schema (for impact and what-if); returns false
// when the move no longer applies (its service is gone).
bool applyMove(Schema &schema, const Move &move, Move::Action action = Move::Action::Execute);

// planMoves() and then each move's impact, in execution order: each move (or
// whole swap) is judged on the schema with the moves before it applied, so
// the impacts add up to the impact of executing everything. With
// withExports the registered writers are run before and after.
// maxMoves >= 0: only the first moves (in execution order) get their impact;
// the rest stay uncomputed, so a fleet-sized drift list stays interactive.
// A base passed moved is changed in place instead of copied; baseFindings,
// if given, receives the base's findings (its analysis is made anyway).
void computeImpacts(Schema base, QList<Move> &moves, bool withExports = true, qsizetype maxMoves = -1,
                    QList<Finding> *baseFindings = nullptr);

// What changed between two analyses, as multiset differences, each sorted:
// resolved are the findings before missing after, introduced those after
// missing before. Findings are compared by rule, severity, services, hosts
// and origin (never the analyzer's slot nor the message), and by ports only
// when they name no service, so a drift whose numbers change stays one.
void compareFindings(const QList<Finding> &before, const QList<Finding> &after, QList<Finding> *resolved,
                     QList<Finding> *introduced);
// The findings of `from` absent from `in`, compared as above.
QList<Finding> findingsMissingFrom(const QList<Finding> &from, const QList<Finding> &in);

// References that name the moved service at its old port.
QList<Reference> referencesToChange(const Schema &schema, const Move &move);
// The move's reference text with the old port replaced, e.g. http://x:3002.
QString rewrittenReference(const Reference &reference, const Move &move);

// One undo step for a set of moves on the document: a macro of field
// changes, named with a plural-aware text. Moves that no longer apply are
// skipped; returns nullptr when nothing would change.
QUndoCommand *moveCommand(SchemaDocument *document, const QList<Move> &moves, Move::Action action);

} // namespace Portolan
