#include "analyzer.h"
#include "commands.h"
#include "formatregistry.h"
#include "jsonformat.h"
#include "move.h"
#include "movereport.h"
#include "movereview.h"
#include "schemadocument.h"
#include "testutil.h"
#include "whatifservicemodel.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Portolan;
using Portolan::Test::service;

namespace {

// A line-per-service writer, registered by the test so that "which exports
// differ" is exercised whatever formats the build has.
class PortListFormat : public Format
{
public:
    PortListFormat()
        : Format({"test-port-list", "", "Port list", "", FormatCapability::Write})
    {
    }
    std::optional<QByteArray> write(const Schema &schema, const FormatOptions &, QString *) const override
    {
        QByteArray out;
        for (const Service &s : schema.services)
            out += QStringLiteral("%1 %2\n").arg(s.name).arg(s.actualPort).toUtf8();
        return out;
    }
};

bool hasRule(const QList<Finding> &findings, const QString &rule, const QString &serviceId = {})
{
    return std::any_of(findings.cbegin(), findings.cend(), [&](const Finding &f) {
        return f.rule == rule && (serviceId.isEmpty() || f.serviceIds.contains(serviceId));
    });
}

const Move *findMove(const QList<Move> &moves, const QString &serviceId, Move::Origin origin = Move::Origin::Drift)
{
    for (const Move &m : moves) {
        if (m.serviceId == serviceId && m.origin == origin)
            return &m;
    }
    return nullptr;
}

Schema onHostA(const QList<Service> &services)
{
    Schema schema = Test::twoHosts();
    for (Service s : services) {
        s.hostId = QStringLiteral("a");
        schema.services.append(s);
    }
    return schema;
}

} // namespace

class tst_Moves : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scatteredDeletesShouldBeDraftedAndFollowed();
    void sampleDriftShouldListExactlyTheDriftedServices();
    void dependentMovesShouldBeOrdered();
    void moveOntoAnOccupiedPortShouldIntroduceHostCollision();
    void moveThatFreesACollidedPortShouldResolveIt();
    void swapShouldBeRecognisedAndResolveBoth();
    void referencesAndScrapeTargetsOfTheOldPortShouldBeListed();
    void exportsThatDifferShouldBeCounted();
    void executeShouldBeOneUndoStepSinglyAndInBulk();
    void executeShouldLeaveTheListAtOnceAndRecomputeTheRest();
    void aMoveOlderThanItsServicesChangeShouldNotRun();
    void acceptRealityShouldBeOneUndoStepSinglyAndInBulk();
    void rejectShouldDropDraftsAsOneUndoStep();
    void appliedDraftShouldReturnWhenUndone();
    void whatIfShouldLeaveTheDocumentByteIdentical();
    void proposalShouldListAddedRemovedAndChanged();
    void reviewReportShouldListLinesToChange();
    void comparedFindingsShouldBeBothMultisetDifferences();
};

void tst_Moves::initTestCase()
{
    if (!FormatRegistry::instance().format(QStringLiteral("test-port-list")))
        FormatRegistry::instance().add(std::make_unique<PortListFormat>());
}

void tst_Moves::sampleDriftShouldListExactlyTheDriftedServices()
{
    const Schema sample = builtInSample();
    QStringList expected;
    for (const Service &s : sample.services) {
        if (s.plannedPort > 0 && s.actualPort > 0 && s.plannedPort != s.actualPort)
            expected.append(s.id);
    }
    QList<Move> moves = driftMoves(sample);
    QStringList ids;
    for (const Move &m : moves)
        ids.append(m.serviceId);
    expected.sort();
    ids.sort();
    QCOMPARE(ids, expected);
    QCOMPARE(moves.size(), 11);

    const Move *credits = findMove(moves, QStringLiteral("mana-credits"));
    QVERIFY(credits);
    QCOMPARE(credits->fromPort, 3061);
    QCOMPARE(credits->toPort, 3002);
    QCOMPARE(credits->fromHostId, QStringLiteral("mac-mini"));
    QCOMPARE(credits->toHostId, QStringLiteral("mac-mini"));
    QCOMPARE(credits->side, Move::Side::Reality);
    QCOMPARE(credits->changeText(sample), QStringLiteral("3061 → 3002"));

    const Move *search = findMove(moves, QStringLiteral("mana-search"));
    QVERIFY(search);
    QCOMPARE(search->fromPort, 3021);
    QCOMPARE(search->toPort, 3012);
    const Move *stt = findMove(moves, QStringLiteral("mana-stt"));
    QVERIFY(stt);
    QCOMPARE(stt->fromPort, 3020);
    QCOMPARE(stt->toPort, 3021);
    QCOMPARE(stt->fromHostId, QStringLiteral("windows-gpu-server"));
}

void tst_Moves::dependentMovesShouldBeOrdered()
{
    // On the GPU server mana-llm takes 3020, which mana-stt holds today.
    QList<Move> moves = driftMoves(builtInSample());
    planMoves(moves);
    int llm = -1, stt = -1;
    for (int i = 0; i < moves.size(); ++i) {
        if (moves.at(i).serviceId == QLatin1String("mana-llm"))
            llm = i;
        if (moves.at(i).serviceId == QLatin1String("mana-stt"))
            stt = i;
    }
    QVERIFY(llm >= 0 && stt >= 0);
    QVERIFY(stt < llm);
    QCOMPARE(moves.at(llm).after, QStringList{moves.at(stt).key()});
    QCOMPARE(moves.at(llm).cycle, -1);
    for (int i = 0; i < moves.size(); ++i)
        QCOMPARE(moves.at(i).order, i + 1);

    // A chain: c frees 3003 for b, b frees 3002 for a.
    const Schema schema = onHostA({service(QStringLiteral("a"), 3002, 3001), service(QStringLiteral("b"), 3003, 3002),
                                   service(QStringLiteral("c"), 3004, 3003)});
    QList<Move> chain = driftMoves(schema);
    planMoves(chain);
    QCOMPARE(chain.size(), 3);
    QCOMPARE(chain.at(0).serviceId, QStringLiteral("c"));
    QCOMPARE(chain.at(1).serviceId, QStringLiteral("b"));
    QCOMPARE(chain.at(2).serviceId, QStringLiteral("a"));
}

void tst_Moves::moveOntoAnOccupiedPortShouldIntroduceHostCollision()
{
    const Schema before = onHostA({service(QStringLiteral("a"), 3001, 3001), service(QStringLiteral("b"), 3002, 3002)});
    Schema after = before;
    after.services[1].actualPort = 3001;
    QList<Move> moves = diffSchemas(before, after, Move::Origin::Proposal);
    QCOMPARE(moves.size(), 1);
    computeImpacts(before, moves);
    QVERIFY(hasRule(moves.first().impact.introduced, QStringLiteral("host-collision"), QStringLiteral("b")));
    QVERIFY(!hasRule(moves.first().impact.resolved, QStringLiteral("host-collision")));
    QVERIFY(impactSummary(moves.first().impact).contains(QStringLiteral("✗ introduces")));
}

void tst_Moves::moveThatFreesACollidedPortShouldResolveIt()
{
    const Schema schema = onHostA({service(QStringLiteral("a"), 3001, 3001), service(QStringLiteral("b"), 3002, 3001)});
    QList<Move> moves = driftMoves(schema);
    QCOMPARE(moves.size(), 1);
    computeImpacts(schema, moves);
    const MoveImpact &impact = moves.first().impact;
    QVERIFY(hasRule(impact.resolved, QStringLiteral("host-collision")));
    QVERIFY(hasRule(impact.resolved, QStringLiteral("drift"), QStringLiteral("b")));
    QVERIFY(!hasRule(impact.introduced, QStringLiteral("host-collision")));
}

void tst_Moves::swapShouldBeRecognisedAndResolveBoth()
{
    const Schema schema = onHostA({service(QStringLiteral("a"), 3002, 3001), service(QStringLiteral("b"), 3001, 3002),
                                   service(QStringLiteral("c"), 3005, 3004)});
    QList<Move> moves = driftMoves(schema);
    computeImpacts(schema, moves);
    const Move *a = findMove(moves, QStringLiteral("a"));
    const Move *b = findMove(moves, QStringLiteral("b"));
    const Move *c = findMove(moves, QStringLiteral("c"));
    QVERIFY(a && b && c);
    QVERIFY(a->isSwap());
    QCOMPARE(a->cycle, b->cycle);
    QVERIFY(!c->isSwap());
    QCOMPARE(a->cycleWith, QStringList{QStringLiteral("b")});
    QCOMPARE(b->cycleWith, QStringList{QStringLiteral("a")});
    // Judged together: both drifts go, nothing collides.
    QVERIFY(hasRule(a->impact.resolved, QStringLiteral("drift"), QStringLiteral("a")));
    QVERIFY(hasRule(a->impact.resolved, QStringLiteral("drift"), QStringLiteral("b")));
    QVERIFY(!hasRule(a->impact.introduced, QStringLiteral("host-collision")));
    QCOMPARE(a->impact.resolved.size(), b->impact.resolved.size());

    // Executing both is one undo step and leaves no host collision.
    SchemaDocument document(schema);
    QUndoCommand *command = moveCommand(&document, {*a, *b}, Move::Action::Execute);
    QVERIFY(command);
    document.undoStack()->push(command);
    QCOMPARE(document.schema().service(QStringLiteral("a"))->actualPort, 3002);
    QCOMPARE(document.schema().service(QStringLiteral("b"))->actualPort, 3001);
    QVERIFY(!hasRule(Analyzer::analyze(document.schema()), QStringLiteral("host-collision")));
}

void tst_Moves::referencesAndScrapeTargetsOfTheOldPortShouldBeListed()
{
    Schema schema = Test::twoHosts();
    Service credits = service(QStringLiteral("mana-credits"), 3002, 3006, QStringLiteral("a"));
    credits.metrics.enabled = true;
    credits.metrics.port = 3006;
    credits.metrics.job = QStringLiteral("mana-credits");
    credits.metrics.origin = {QStringLiteral("prometheus.yml"), 40, 0};
    Service sync = service(QStringLiteral("mana-sync"), 3010, 3010, QStringLiteral("a"));
    schema.services = {credits, sync};
    schema.references = {
        Reference{QStringLiteral("mana-sync"), QStringLiteral("mana-credits"), 3006, false, QStringLiteral("environment"),
                  QStringLiteral("http://mana-credits:3006"), {QStringLiteral("docker-compose.macmini.yml"), 123, 7}},
        Reference{QStringLiteral("mana-sync"), QStringLiteral("mana-credits"), 3002, true, QStringLiteral("traefik"),
                  QStringLiteral("traefik.http.services.credits.loadbalancer.server.port=3002"),
                  {QStringLiteral("docker-compose.macmini.yml"), 140, 9}},
    };
    QList<Move> moves = driftMoves(schema);
    QCOMPARE(moves.size(), 1);
    computeImpacts(schema, moves);
    const Move &m = moves.first();
    QCOMPARE(m.impact.references.size(), 1);
    const Reference &r = m.impact.references.first();
    QCOMPARE(r.origin.toString(), QStringLiteral("docker-compose.macmini.yml:123:7"));
    QCOMPARE(rewrittenReference(r, m), QStringLiteral("http://mana-credits:3002"));
    // The environment URL still names 3006 afterwards: a broken reference.
    QVERIFY(hasRule(m.impact.introduced, QStringLiteral("broken-reference"), QStringLiteral("mana-sync")));

    QCOMPARE(m.impact.scrapeTargets.size(), 1);
    QCOMPARE(m.impact.scrapeTargets.first().job, QStringLiteral("mana-credits"));
    QCOMPARE(m.impact.scrapeTargets.first().before, QStringLiteral("127.0.0.1:3006"));
    QCOMPARE(m.impact.scrapeTargets.first().after, QStringLiteral("127.0.0.1:3002"));
    QCOMPARE(m.impact.scrapeTargets.first().origin.line, 40);
    QVERIFY(impactSummary(m.impact).contains(QStringLiteral("1 reference")));

    // Without a job of its own, the job is named as the export names it.
    schema.services[0].metrics.job.clear();
    QList<Move> unnamed = driftMoves(schema);
    computeImpacts(schema, unnamed);
    QCOMPARE(unnamed.first().impact.scrapeTargets.size(), 1);
    QCOMPARE(unnamed.first().impact.scrapeTargets.first().job, QStringLiteral("mana-credits"));
}

void tst_Moves::exportsThatDifferShouldBeCounted()
{
    const Schema schema = onHostA({service(QStringLiteral("a"), 3002, 3001), service(QStringLiteral("b"), 3005, 3005)});
    QList<Move> moves = driftMoves(schema);
    computeImpacts(schema, moves);
    const QList<ExportChange> &exports = moves.first().impact.exports;
    const auto it = std::find_if(exports.cbegin(), exports.cend(),
                                 [](const ExportChange &e) { return e.formatId == QLatin1String("test-port-list"); });
    QVERIFY(it != exports.cend());
    QCOMPARE(it->lines, 2); // "a 3001" out, "a 3002" in
    for (const ExportChange &e : exports)
        QVERIFY(e.formatId != QLatin1String("json"));
}

void tst_Moves::executeShouldBeOneUndoStepSinglyAndInBulk()
{
    SchemaDocument document(builtInSample());
    const QByteArray original = JsonFormat::serialize(document.schema());
    MoveReview review(&document);
    QCOMPARE(review.moves().size(), 11);
    const Move credits = *findMove(review.moves(), QStringLiteral("mana-credits"));

    QVERIFY(review.execute({credits}));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.schema().service(QStringLiteral("mana-credits"))->actualPort, 3002);
    QCOMPARE(document.schema().service(QStringLiteral("mana-credits"))->plannedPort, 3002);
    QCOMPARE(review.moves().size(), 10);
    QVERIFY(!findMove(review.moves(), QStringLiteral("mana-credits")));
    document.undoStack()->undo();
    review.refresh();
    QCOMPARE(document.schema().service(QStringLiteral("mana-credits"))->actualPort, 3061);
    QCOMPARE(review.moves().size(), 11);

    QVERIFY(review.execute(review.moves()));
    QCOMPARE(document.undoStack()->count(), 1); // the single step was undone and replaced
    QCOMPARE(document.undoStack()->text(0), QStringLiteral("Execute 11 move(s)"));
    QVERIFY(driftMoves(document.schema()).isEmpty());
    QVERIFY(review.moves().isEmpty());
    QCOMPARE(review.decisions().size(), 12);
    document.undoStack()->undo();
    QCOMPARE(JsonFormat::serialize(document.schema()), original);
    document.undoStack()->redo();
    QVERIFY(driftMoves(document.schema()).isEmpty());
}

void tst_Moves::executeShouldLeaveTheListAtOnceAndRecomputeTheRest()
{
    SchemaDocument document(builtInSample());
    MoveReview review(&document);
    QSignalSpy changed(&review, &MoveReview::movesChanged);
    const Move credits = *findMove(review.moves(), QStringLiteral("mana-credits"));
    QVERIFY(review.execute({credits}));
    // At once: the executed move is gone, the rest waits for a recomputation.
    QCOMPARE(changed.size(), 1);
    QVERIFY(!findMove(review.moves(), QStringLiteral("mana-credits")));
    QVERIFY(review.isStale());
    // On a worker: then the list is what a fresh review of the document shows.
    QTRY_VERIFY(!review.isStale() && !review.isComputing());
    MoveReview fresh(&document);
    QStringList keys, freshKeys;
    for (const Move &m : review.moves())
        keys.append(m.key() + m.changeText(document.schema()) + QString::number(m.impact.introduced.size()));
    for (const Move &m : fresh.moves())
        freshKeys.append(m.key() + m.changeText(document.schema()) + QString::number(m.impact.introduced.size()));
    QCOMPARE(keys, freshKeys);
}

void tst_Moves::aMoveOlderThanItsServicesChangeShouldNotRun()
{
    // mana-credits runs on 3061, planned 3002; a proposal plans it on 3005.
    SchemaDocument document(builtInSample());
    MoveReview review(&document);
    Schema proposal = builtInSample();
    proposal.services[proposal.serviceIndex(QStringLiteral("mana-credits"))].plannedPort = 3005;
    review.setProposal(proposal, QStringLiteral("proposal.portolan.json"));
    const Move drift = *findMove(review.moves(), QStringLiteral("mana-credits"), Move::Origin::Drift);
    const Move planned = *findMove(review.moves(), QStringLiteral("mana-credits"), Move::Origin::Proposal);
    QCOMPARE(drift.toPort, 3002);
    QVERIFY(review.execute({planned}));
    QCOMPARE(document.schema().service(QStringLiteral("mana-credits"))->plannedPort, 3005);
    // The drift row is still shown until the worker has recomputed; acted on
    // now it would move the service to 3002, which the plan no longer says.
    const int steps = document.undoStack()->count();
    QVERIFY(!review.execute({drift}));
    QVERIFY(!review.acceptReality({drift}));
    QCOMPARE(document.undoStack()->count(), steps);
    QCOMPARE(document.schema().service(QStringLiteral("mana-credits"))->actualPort, 3061);
    // Recomputed, the drift leads to 3005, and that runs.
    review.refresh();
    const Move fresh = *findMove(review.moves(), QStringLiteral("mana-credits"), Move::Origin::Drift);
    QCOMPARE(fresh.toPort, 3005);
    QVERIFY(review.execute({fresh}));
    QCOMPARE(document.schema().service(QStringLiteral("mana-credits"))->actualPort, 3005);
}

void tst_Moves::acceptRealityShouldBeOneUndoStepSinglyAndInBulk()
{
    SchemaDocument document(builtInSample());
    const QByteArray original = JsonFormat::serialize(document.schema());
    MoveReview review(&document);
    const Move credits = *findMove(review.moves(), QStringLiteral("mana-credits"));
    QVERIFY(credits.canAcceptReality());

    QVERIFY(review.acceptReality({credits}));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.schema().service(QStringLiteral("mana-credits"))->plannedPort, 3061);
    QCOMPARE(document.schema().service(QStringLiteral("mana-credits"))->actualPort, 3061);
    QCOMPARE(review.moves().size(), 10);
    document.undoStack()->undo();
    QCOMPARE(JsonFormat::serialize(document.schema()), original);

    review.refresh();
    QVERIFY(review.acceptReality(review.moves()));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->text(0), QStringLiteral("Accept reality for 11 service(s)"));
    for (const Service &s : document.schema().services) {
        if (s.actualPort > 0 && s.plannedPort > 0)
            QCOMPARE(s.plannedPort, s.actualPort);
    }
    document.undoStack()->undo();
    QCOMPARE(JsonFormat::serialize(document.schema()), original);
}

void tst_Moves::scatteredDeletesShouldBeDraftedAndFollowed()
{
    // A Delete of more blocks than are removed one by one replaces the
    // services at once: in the draft document each removed service is
    // still a draft, and in the real one the drafts follow, what-if stays.
    SchemaDocument document(builtInSample());
    WhatIfSession session(&document);
    SchemaDocument *draft = session.draftDocument();
    const QString auth = QStringLiteral("mana-auth");
    draft->undoStack()->push(new ChangeServiceFieldCommand(draft, auth, ServiceField::PlannedPort, 3009));
    const auto everyOther = [&auth](const SchemaDocument *d, int from) {
        QStringList ids;
        for (int row = from; row < d->serviceCount(); row += 2) {
            if (d->service(row).id != auth)
                ids.append(d->service(row).id);
        }
        return ids;
    };
    const QStringList drafted = everyOther(draft, 1);
    QVERIFY(drafted.size() > 32);
    draft->undoStack()->push(new RemoveServicesCommand(draft, drafted));
    QCOMPARE(session.drafts().size(), drafted.size() + 1);
    // An edit of the real document rebuilds the draft from it and the drafts.
    const QString kept = document.service(0).id;
    QVERIFY(!drafted.contains(kept));
    document.undoStack()->push(new ChangeServiceFieldCommand(&document, kept, ServiceField::Description,
                                                             QStringLiteral("edited")));
    QCOMPARE(draft->serviceCount(), document.serviceCount() - drafted.size());
    for (const QString &id : drafted)
        QVERIFY(draft->serviceRow(id) < 0);
    QCOMPARE(draft->schema().service(auth)->plannedPort, 3009);
    QCOMPARE(draft->schema().service(kept)->description, QStringLiteral("edited"));
    document.undoStack()->undo();
    QCOMPARE(session.drafts().size(), drafted.size() + 1);

    // Scattered rows deleted in the real document: the draft follows, its
    // own removals and edit kept.
    const QStringList real = everyOther(&document, 0);
    QVERIFY(real.size() > 32);
    document.undoStack()->push(new RemoveServicesCommand(&document, real));
    QCOMPARE(draft->serviceCount(), document.serviceCount() - drafted.size());
    QCOMPARE(session.drafts().size(), drafted.size() + 1);
    QCOMPARE(draft->schema().service(auth)->plannedPort, 3009);
    document.undoStack()->undo();
    QCOMPARE(document.schema(), builtInSample());
    QCOMPARE(draft->serviceCount(), document.serviceCount() - drafted.size());
    QCOMPARE(session.drafts().size(), drafted.size() + 1);
}

void tst_Moves::rejectShouldDropDraftsAsOneUndoStep()
{
    SchemaDocument document(builtInSample());
    MoveReview review(&document);
    WhatIfSession session(&document);
    review.setWhatIf(&session);
    SchemaDocument *draft = session.draftDocument();
    draft->undoStack()->push(
        new ChangeServiceFieldCommand(draft, QStringLiteral("mana-auth"), ServiceField::PlannedPort, 3009));
    draft->undoStack()->push(
        new ChangeServiceFieldCommand(draft, QStringLiteral("mana-tts"), ServiceField::PlannedPort, 3026));
    draft->undoStack()->push(
        new ChangeServiceFieldCommand(draft, QStringLiteral("mana-geocoding"), ServiceField::PlannedPort, 3019));
    review.refresh();
    QCOMPARE(session.drafts().size(), 3);
    const Move *auth = findMove(review.moves(), QStringLiteral("mana-auth"), Move::Origin::Draft);
    QVERIFY(auth);
    QCOMPARE(auth->side, Move::Side::Plan);
    QCOMPARE(auth->fromPort, 3001);
    QCOMPARE(auth->toPort, 3009);
    QVERIFY(hasRule(auth->impact.introduced, QStringLiteral("reserved"), QStringLiteral("mana-auth")));

    // Singly.
    const int steps = draft->undoStack()->count();
    QVERIFY(review.reject({*auth}));
    QCOMPARE(draft->undoStack()->count(), steps + 1);
    QCOMPARE(draft->schema().service(QStringLiteral("mana-auth"))->plannedPort, 3001);
    QVERIFY(!findMove(review.moves(), QStringLiteral("mana-auth"), Move::Origin::Draft));
    draft->undoStack()->undo();
    review.refresh();
    QVERIFY(findMove(review.moves(), QStringLiteral("mana-auth"), Move::Origin::Draft));

    // In bulk: one step for all three.
    QList<Move> drafts;
    for (const Move &m : review.moves()) {
        if (m.origin == Move::Origin::Draft)
            drafts.append(m);
    }
    QCOMPARE(drafts.size(), 3);
    QVERIFY(review.reject(drafts));
    QCOMPARE(draft->undoStack()->text(draft->undoStack()->index() - 1), QStringLiteral("Reject 3 draft(s)"));
    QVERIFY(session.drafts().isEmpty());
    QCOMPARE(JsonFormat::serialize(draft->schema()), JsonFormat::serialize(document.schema()));
    draft->undoStack()->undo();
    QCOMPARE(session.drafts().size(), 3);
    QCOMPARE(document.undoStack()->count(), 0);
}

void tst_Moves::appliedDraftShouldReturnWhenUndone()
{
    SchemaDocument document(builtInSample());
    MoveReview review(&document);
    WhatIfSession session(&document);
    review.setWhatIf(&session);
    SchemaDocument *draft = session.draftDocument();
    draft->undoStack()->push(
        new ChangeServiceFieldCommand(draft, QStringLiteral("mana-auth"), ServiceField::PlannedPort, 3009));
    review.refresh();
    const Move auth = *findMove(review.moves(), QStringLiteral("mana-auth"), Move::Origin::Draft);

    QVERIFY(review.execute({auth}));
    QCOMPARE(document.schema().service(QStringLiteral("mana-auth"))->plannedPort, 3009);
    QVERIFY(session.drafts().isEmpty());

    // A drift move executed meanwhile reaches the draft document too.
    const Move credits = *findMove(review.moves(), QStringLiteral("mana-credits"));
    QVERIFY(review.execute({credits}));
    QCOMPARE(draft->schema().service(QStringLiteral("mana-credits"))->actualPort, 3002);
    QVERIFY(session.drafts().isEmpty());

    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(document.schema().service(QStringLiteral("mana-auth"))->plannedPort, 3001);
    QCOMPARE(session.drafts().size(), 1);
    QCOMPARE(draft->schema().service(QStringLiteral("mana-auth"))->plannedPort, 3009);
    QCOMPARE(draft->schema().service(QStringLiteral("mana-credits"))->actualPort, 3061);
}

void tst_Moves::whatIfShouldLeaveTheDocumentByteIdentical()
{
    SchemaDocument document(builtInSample());
    const QByteArray original = JsonFormat::serialize(document.schema());
    Analyzer realAnalyzer(&document);
    auto *session = new WhatIfSession(&document);
    auto *draftAnalyzer = new Analyzer(session->draftDocument(), session);
    WhatIfServiceModel model(session, draftAnalyzer, &realAnalyzer);

    // Drafting through the table, as a user would.
    const QModelIndex planned = model.indexForService(QStringLiteral("mana-auth"), ServiceTableModel::PlannedPortColumn);
    QVERIFY(model.setData(planned, 3002));
    QCOMPARE(model.data(planned).toString(), QStringLiteral("3002 (was 3001)"));
    QCOMPARE(model.data(planned, WhatIfServiceModel::GhostRole).toString(), QStringLiteral("3001"));
    // mana-auth now shares its planned port with mana-credits: new in the what-if.
    const QStringList added = model.data(planned, WhatIfServiceModel::NewFindingsRole).toStringList();
    QVERIFY(!added.isEmpty());
    QVERIFY(added.join(QLatin1Char('\n')).contains(QStringLiteral("plan-collision")));
    const QModelIndex untouched = model.indexForService(QStringLiteral("mana-tts"), ServiceTableModel::PlannedPortColumn);
    QVERIFY(!model.data(untouched, WhatIfServiceModel::GhostRole).isValid());
    QVERIFY(model.data(untouched, WhatIfServiceModel::NewFindingsRole).toStringList().isEmpty());
    QVERIFY(session->hasDrafts());

    delete session;
    QCOMPARE(JsonFormat::serialize(document.schema()), original);
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
}

void tst_Moves::proposalShouldListAddedRemovedAndChanged()
{
    const Schema before = builtInSample();
    Schema after = before;
    after.services.removeAt(after.serviceIndex(QStringLiteral("mana-user")));
    Service added = service(QStringLiteral("mana-newsletter"), 3007, 0, QStringLiteral("mac-mini"));
    after.services.append(added);
    after.services[after.serviceIndex(QStringLiteral("mana-auth"))].description = QStringLiteral("Auth and SSO");
    after.ranges[0].title = QStringLiteral("Core Platform");

    SchemaDocument document(before);
    MoveReview review(&document);
    review.setProposal(after, QStringLiteral("next.portolan.json"));
    QList<Move::Kind> kinds;
    for (const Move &m : review.moves()) {
        if (m.origin == Move::Origin::Proposal)
            kinds.append(m.kind);
    }
    QCOMPARE(kinds, (QList<Move::Kind>{Move::Kind::ServiceRemoved, Move::Kind::RangeChanged,
                                       Move::Kind::ServiceAdded, Move::Kind::ServiceChanged}));

    // Adopting two of them selectively is one step; the others stay.
    QList<Move> adopt;
    for (const Move &m : review.moves()) {
        if (m.kind == Move::Kind::ServiceAdded || m.kind == Move::Kind::RangeChanged)
            adopt.append(m);
    }
    QVERIFY(review.execute(adopt));
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.schema().service(QStringLiteral("mana-newsletter")));
    QCOMPARE(document.schema().ranges.at(0).title, QStringLiteral("Core Platform"));
    QVERIFY(document.schema().service(QStringLiteral("mana-user")));
    int left = 0;
    for (const Move &m : review.moves())
        left += m.origin == Move::Origin::Proposal ? 1 : 0;
    QCOMPARE(left, 2);

    // Rejecting a proposal dismisses it.
    const Move removed = *findMove(review.moves(), QStringLiteral("mana-user"), Move::Origin::Proposal);
    QVERIFY(review.reject({removed}));
    QVERIFY(!findMove(review.moves(), QStringLiteral("mana-user"), Move::Origin::Proposal));
    document.undoStack()->undo();
    QCOMPARE(JsonFormat::serialize(document.schema()), JsonFormat::serialize(before));
}

void tst_Moves::reviewReportShouldListLinesToChange()
{
    Schema schema = Test::twoHosts();
    Service credits = service(QStringLiteral("mana-credits"), 3002, 3006, QStringLiteral("a"));
    credits.origin = {QStringLiteral("docker-compose.macmini.yml"), 88, 5};
    schema.services = {credits, service(QStringLiteral("mana-sync"), 3010, 3010, QStringLiteral("a"))};
    schema.references = {Reference{QStringLiteral("mana-sync"), QStringLiteral("mana-credits"), 3006, false,
                                   QStringLiteral("environment"), QStringLiteral("http://mana-credits:3006"),
                                   {QStringLiteral("docker-compose.macmini.yml"), 123, 7}}};
    SchemaDocument document(schema);
    MoveReview review(&document);
    QVERIFY(review.execute(review.moves()));
    const QString report = review.reportMarkdown();
    QVERIFY2(report.contains(QStringLiteral("`docker-compose.macmini.yml:88:5`: publish 3002 instead of 3006")),
             qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral(
                 "`docker-compose.macmini.yml:123:7`: `http://mana-credits:3006` → `http://mana-credits:3002`")),
             qPrintable(report));
    QVERIFY(report.contains(QStringLiteral("| mana-credits | 3006 → 3002 | drift | executed |")));
}

// compareFindings() against the plain definition: a finding is matched by
// the first unmatched one of the other list with the same rule, severity,
// services, hosts and shown origin (ports only when it names no service).
void tst_Moves::comparedFindingsShouldBeBothMultisetDifferences()
{
    const auto same = [](const Finding &a, const Finding &b) {
        const auto line = [](const Finding &f) { return f.origin.file.isEmpty() ? 0 : f.origin.line; };
        return a.rule == b.rule && a.severity == b.severity && a.serviceIds == b.serviceIds && a.hostIds == b.hostIds
            && (!a.serviceIds.isEmpty() || a.ports == b.ports) && a.origin.file == b.origin.file
            && line(a) == line(b);
    };
    const auto missing = [&](const QList<Finding> &from, const QList<Finding> &in) {
        QList<bool> used(in.size(), false);
        QList<Finding> result;
        for (const Finding &f : from) {
            qsizetype i = 0;
            while (i < in.size() && (used.at(i) || !same(f, in.at(i))))
                ++i;
            if (i < in.size())
                used[i] = true;
            else
                result.append(f);
        }
        sortFindings(result);
        return result;
    };
    QRandomGenerator random(5);
    const auto makeFindings = [&] {
        QList<Finding> findings;
        const int count = random.bounded(60);
        for (int i = 0; i < count; ++i) {
            Finding f;
            f.rule = random.bounded(2) ? QStringLiteral("drift") : QStringLiteral("range-overlap");
            f.severity = random.bounded(2) ? Severity::Warning : Severity::Error;
            if (random.bounded(3))
                f.serviceIds = {QStringLiteral("svc-%1").arg(random.bounded(4))};
            f.hostIds = {QStringLiteral("host-%1").arg(random.bounded(2))};
            f.ports = {3000 + random.bounded(3)};
            f.message = QStringLiteral("message %1").arg(random.bounded(3)); // not part of the identity
            if (random.bounded(4) == 0)
                f.origin = SourceLocation{QStringLiteral("a.yml"), random.bounded(2), 0};
            f.slot = random.bounded(1000);
            findings.append(f);
        }
        return findings;
    };
    for (int round = 0; round < 300; ++round) {
        const QList<Finding> before = makeFindings(), after = makeFindings();
        QList<Finding> resolved, introduced;
        compareFindings(before, after, &resolved, &introduced);
        QCOMPARE(resolved, missing(before, after));
        QCOMPARE(introduced, missing(after, before));
        QCOMPARE(findingsMissingFrom(before, after), resolved);
    }
}

QTEST_MAIN(tst_Moves)
#include "tst_moves.moc"
