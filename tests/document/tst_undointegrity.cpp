#include "analyzer.h"
#include "commands.h"
#include "editing.h"
#include "importmerge.h"
#include "jsonformat.h"
#include "move.h"
#include "schemadocument.h"
#include "testutil.h"
#include "bench/fleet.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <QUndoStack>

using namespace Portolan;

// A seeded random sequence of edits of every command kind (models/document's
// commands and edits, the import merge and moves), then all undone: the
// serialized document is byte for byte the start; all redone: byte for byte
// the edited state. The live analyzer, attached all along, has the findings
// of a fresh analysis at both ends. PORTOLAN_SEED=N replays a failing seed.
class tst_UndoIntegrity : public QObject
{
    Q_OBJECT

private slots:
    void sampleShouldUndoAndRedoExactly();
    void generatedPlanShouldUndoAndRedoExactly();

private:
    void run(const Schema &start, int edits, quint32 seed);
};

namespace {

enum Kind {
    ChangeField,
    ChangeFieldAgain, // the same field of the same service: merges
    ReplaceService,
    AddService,
    RemoveService,
    ReplaceSchema,
    ChangeHosts,
    ChangeRanges,
    ChangeReservations,
    ChangeReferences,
    ChangeRuleSettings,
    RemoveHost,
    AddHost,
    RemoveRange,
    AddRange,
    RenameHostId,
    RemoveServices,
    AddServices,
    DuplicateServices,
    Import,
    Moves,
    KindCount
};

const char *const kindNames[KindCount] = {
    "ChangeServiceField", "ChangeServiceField (merged)", "ReplaceService", "AddService", "RemoveService",
    "ReplaceSchema", "changeHosts", "changeRanges", "changeReservations", "changeReferences",
    "changeRuleSettings", "removeHost", "addHost", "removeRange", "addRange", "renameHostId",
    "removeServices", "addServices", "duplicateServices", "import", "moves"};

// Kinds that replace a whole list or the schema: the live analyzer then
// analyses everything again, which on a large plan is kept rarer.
bool replacesAList(Kind kind)
{
    switch (kind) {
    case ReplaceSchema:
    case ChangeHosts:
    case ChangeRanges:
    case ChangeReservations:
    case ChangeReferences:
    case ChangeRuleSettings:
    case RemoveHost:
    case AddHost:
    case RemoveRange:
    case AddRange:
    case RenameHostId: return true;
    default: return false;
    }
}

class Editor
{
public:
    // The document stays near its size: services, hosts and ranges are
    // added while fewer than the bounds, removed while more than the start.
    Editor(SchemaDocument *document, quint32 seed)
        : mDocument(document)
        , mRandom(seed)
        , mMinServices(qMax(5, int(document->schema().services.size()) - 20))
        , mMaxServices(int(document->schema().services.size()) + 40)
        , mMaxHosts(int(document->schema().hosts.size()) + 4)
        , mMaxRanges(int(document->schema().ranges.size()) + 4)
    {
    }

    // One random edit pushed; false when the kind drawn does not apply now.
    bool edit(Kind kind);
    int counts[KindCount] = {};

private:
    const Schema &schema() const { return mDocument->schema(); }
    int bounded(int n) { return n <= 0 ? 0 : int(mRandom.bounded(n)); }
    bool chance(int percent) { return bounded(100) < percent; }
    QString word() { return QStringLiteral("w%1").arg(bounded(1000)); }
    int port() { return chance(10) ? 0 : 1 + bounded(65535); }
    QString anyServiceId() { return schema().services.at(bounded(int(schema().services.size()))).id; }
    QString hostIdOrNone()
    {
        return schema().hosts.isEmpty() || chance(15) ? QString() : schema().hosts.at(bounded(int(schema().hosts.size()))).id;
    }
    QString rangeIdOrNone()
    {
        return schema().ranges.isEmpty() || chance(15) ? QString()
                                                       : schema().ranges.at(bounded(int(schema().ranges.size()))).id;
    }
    QVariant value(ServiceField field);
    Service randomService(const QString &id);
    void push(QUndoCommand *command) { mDocument->undoStack()->push(command); }

    SchemaDocument *mDocument;
    QRandomGenerator mRandom;
    const int mMinServices;
    const int mMaxServices;
    const int mMaxHosts;
    const int mMaxRanges;
    QString mLastService;
    ServiceField mLastField = ServiceField::Name;
    int mFresh = 0;
};

QVariant Editor::value(ServiceField field)
{
    switch (field) {
    case ServiceField::Name: return word();
    case ServiceField::Aliases: return QStringList{word(), word()}.mid(0, bounded(3));
    case ServiceField::Range: return rangeIdOrNone();
    case ServiceField::PlannedPort:
    case ServiceField::ActualPort:
    case ServiceField::ContainerPort: return port();
    case ServiceField::Host:
    case ServiceField::PlannedHost: return hostIdOrNone();
    case ServiceField::Protocol: return bounded(2);
    case ServiceField::Status: return bounded(4);
    case ServiceField::Exposure: return bounded(4);
    case ServiceField::Metrics: {
        Metrics m;
        m.enabled = chance(50);
        m.path = chance(50) ? QStringLiteral("/metrics") : QString();
        m.port = chance(50) ? 0 : 1 + bounded(65535);
        m.job = chance(50) ? word() : QString();
        return QVariant::fromValue(m);
    }
    case ServiceField::Counterpart: return chance(30) ? QString() : anyServiceId();
    case ServiceField::Profiles: return QStringList{word()}.mid(0, bounded(2));
    case ServiceField::Undocumented: return chance(50);
    case ServiceField::Origin: {
        SourceLocation l;
        if (chance(70))
            l = {QStringLiteral("docker-compose.yml"), 1 + bounded(500), 1 + bounded(40)};
        return QVariant::fromValue(l);
    }
    case ServiceField::BindAddress:
    case ServiceField::Runtime:
    case ServiceField::Description:
    case ServiceField::PublicHostname:
    case ServiceField::Deployment:
    case ServiceField::Notes: return chance(20) ? QString() : word();
    }
    return {};
}

Service Editor::randomService(const QString &id)
{
    Service s;
    s.id = id;
    s.name = word();
    s.plannedPort = port();
    s.actualPort = chance(50) ? 0 : port();
    s.hostId = hostIdOrNone();
    s.plannedHostId = chance(50) ? s.hostId : hostIdOrNone();
    s.rangeId = rangeIdOrNone();
    s.status = ServiceStatus(bounded(4));
    s.notes = chance(50) ? word() : QString();
    return s;
}

bool Editor::edit(Kind kind)
{
    const Schema &s = schema();
    const int services = int(s.services.size());
    switch (kind) {
    case AddService:
    case AddServices:
    case DuplicateServices:
    case Import:
        if (services >= mMaxServices)
            return false;
        break;
    case RemoveService:
    case RemoveServices:
        if (services <= mMinServices)
            return false;
        break;
    case AddHost:
        if (s.hosts.size() >= mMaxHosts)
            return false;
        break;
    case AddRange:
        if (s.ranges.size() >= mMaxRanges)
            return false;
        break;
    default: break;
    }
    QUndoCommand *command = nullptr;
    switch (kind) {
    case ChangeField:
    case ChangeFieldAgain: {
        if (services == 0)
            return false;
        if (kind == ChangeFieldAgain) {
            // Typing on in the same cell, sometimes back to where it was.
            if (mDocument->serviceRow(mLastService) < 0)
                return false;
        } else {
            mLastService = anyServiceId();
            mLastField = ServiceField(bounded(int(ServiceField::Origin) + 1));
        }
        command = new ChangeServiceFieldCommand(mDocument, mLastService, mLastField, value(mLastField));
        break;
    }
    case ReplaceService: {
        if (services == 0)
            return false;
        Service changed = s.services.at(bounded(services));
        for (int i = 0; i < 3; ++i) {
            const auto field = ServiceField(bounded(int(ServiceField::Origin) + 1));
            if (field != ServiceField::Counterpart)
                setServiceField(changed, field, value(field));
        }
        command = new ReplaceServiceCommand(mDocument, changed);
        break;
    }
    case AddService:
        command = new AddServiceCommand(mDocument, randomService(QStringLiteral("fresh-%1").arg(++mFresh)),
                                        chance(50) ? -1 : bounded(services + 1));
        break;
    case RemoveService: {
        if (services == 0)
            return false;
        command = new RemoveServiceCommand(mDocument, anyServiceId());
        break;
    }
    case ReplaceSchema: {
        // Title, notes and principles have no command of their own: an
        // import (or what-if) replaces the schema as a whole.
        Schema next = s;
        next.title = word();
        next.notes = chance(50) ? word() : QString();
        next.principles = QStringList{word()}.mid(0, bounded(2));
        if (services > 0)
            next.services[bounded(services)].notes = word();
        command = new ReplaceSchemaCommand(mDocument, next, QStringLiteral("replace"));
        break;
    }
    case ChangeHosts: {
        if (s.hosts.isEmpty())
            return false;
        QList<Host> hosts = s.hosts;
        Host &h = hosts[bounded(int(hosts.size()))];
        h.name = word();
        h.address = chance(50) ? QStringLiteral("127.0.0.%1").arg(1 + bounded(250)) : QString();
        h.notes = chance(50) ? word() : QString();
        command = changeHostsCommand(mDocument, hosts, QStringLiteral("hosts"));
        break;
    }
    case ChangeRanges: {
        if (s.ranges.isEmpty())
            return false;
        QList<PortRange> ranges = s.ranges;
        PortRange &r = ranges[bounded(int(ranges.size()))];
        r.title = word();
        r.last = qMin(65535, r.first + bounded(200));
        command = changeRangesCommand(mDocument, ranges, QStringLiteral("ranges"));
        break;
    }
    case ChangeReservations: {
        QList<Reservation> reservations = s.reservations;
        if (!reservations.isEmpty() && chance(50)) {
            reservations.removeAt(bounded(int(reservations.size())));
        } else {
            Reservation r;
            r.first = 1 + bounded(60000);
            r.last = r.first + bounded(10);
            r.rangeId = rangeIdOrNone();
            r.note = word();
            reservations.append(r);
        }
        command = changeReservationsCommand(mDocument, reservations, QStringLiteral("reservations"));
        break;
    }
    case ChangeReferences: {
        QList<Reference> references = s.references;
        if (!references.isEmpty() && chance(40)) {
            references.removeAt(bounded(int(references.size())));
        } else {
            if (services == 0)
                return false;
            Reference r;
            r.fromServiceId = anyServiceId();
            r.toServiceId = anyServiceId();
            r.port = 1 + bounded(65535);
            r.viaHost = chance(50);
            r.kind = QStringLiteral("environment");
            r.text = word();
            references.append(r);
        }
        command = changeReferencesCommand(mDocument, references, QStringLiteral("references"));
        break;
    }
    case ChangeRuleSettings: {
        RuleSettings settings = s.ruleSettings;
        const char *rules[] = {"drift", "host-collision", "unranged", "undocumented", "range-full"};
        RuleSetting &r = settings.rules[QLatin1String(rules[bounded(5)])];
        r.enabled = chance(50);
        r.overrideSeverity = chance(50);
        r.severity = Severity(bounded(3));
        settings.rangeFullPercent = 50 + bounded(51);
        command = changeRuleSettingsCommand(mDocument, settings);
        break;
    }
    case RemoveHost: {
        if (s.hosts.size() < 2)
            return false;
        const QString id = s.hosts.at(bounded(int(s.hosts.size()))).id;
        QString other;
        while (other.isEmpty() || other == id)
            other = s.hosts.at(bounded(int(s.hosts.size()))).id;
        command = removeHostCommand(mDocument, id, chance(50) ? Dependents::Reassign : Dependents::Unassign, other);
        break;
    }
    case AddHost: {
        Host h;
        h.id = s.uniqueHostId(QStringLiteral("host"));
        h.name = word();
        command = addHostCommand(mDocument, h);
        break;
    }
    case RemoveRange: {
        if (s.ranges.size() < 2)
            return false;
        const QString id = s.ranges.at(bounded(int(s.ranges.size()))).id;
        QString other;
        while (other.isEmpty() || other == id)
            other = s.ranges.at(bounded(int(s.ranges.size()))).id;
        command = removeRangeCommand(mDocument, id, chance(50) ? Dependents::Reassign : Dependents::Unassign, other);
        break;
    }
    case AddRange: {
        PortRange r;
        r.id = s.uniqueRangeId(QStringLiteral("range"));
        r.first = 1 + bounded(60000);
        r.last = r.first + bounded(100);
        r.title = word();
        command = addRangeCommand(mDocument, r);
        break;
    }
    case RenameHostId: {
        if (s.hosts.isEmpty())
            return false;
        const QString id = s.hosts.at(bounded(int(s.hosts.size()))).id;
        command = renameHostIdCommand(mDocument, id, s.uniqueHostId(id + QStringLiteral("-renamed")));
        break;
    }
    case RemoveServices: {
        if (services == 0)
            return false;
        QStringList ids;
        for (int i = 1 + bounded(3); i > 0; --i)
            ids.append(anyServiceId());
        if (chance(30))
            ids.append(ids.first()); // one id twice
        command = removeServicesCommand(mDocument, ids);
        break;
    }
    case AddServices: {
        QList<Service> pasted;
        for (int i = 1 + bounded(3); i > 0; --i)
            pasted.append(randomService(chance(50) ? QString() : QStringLiteral("pasted")));
        command = addServicesCommand(mDocument, pasted, QStringLiteral("paste"));
        break;
    }
    case DuplicateServices: {
        if (services == 0)
            return false;
        command = duplicateServicesCommand(mDocument, {anyServiceId(), anyServiceId()});
        break;
    }
    case Import: {
        // A merged plan that differs in a few services, one new, and the
        // hosts: what File > Import pushes.
        Schema merged = s;
        for (int i = 0; i < 3 && services > 0; ++i) {
            Service &changed = merged.services[bounded(services)];
            changed.actualPort = port();
            changed.notes = word();
        }
        merged.services.append(randomService(QStringLiteral("imported-%1").arg(++mFresh)));
        if (!merged.hosts.isEmpty() && chance(20))
            merged.hosts[0].platform = word();
        command = importCommand(mDocument, merged, QStringLiteral("import"));
        break;
    }
    case Moves: {
        // The drift the plan shows, carried out or accepted, a few at a time.
        QList<Move> moves = driftMoves(s);
        if (moves.isEmpty())
            return false;
        moves = moves.mid(bounded(int(moves.size())), 1 + bounded(3));
        command = moveCommand(mDocument, moves, chance(50) ? Move::Action::Execute : Move::Action::AcceptReality);
        break;
    }
    case KindCount: break;
    }
    if (!command)
        return false;
    push(command);
    ++counts[kind];
    return true;
}

QByteArray serialized(const SchemaDocument &document)
{
    return JsonFormat::serialize(document.schema());
}

} // namespace

void tst_UndoIntegrity::run(const Schema &start, int edits, quint32 seed)
{
    const QByteArray given = qgetenv("PORTOLAN_SEED");
    if (!given.isEmpty())
        seed = given.toUInt();
    const QString replay = QStringLiteral("seed %1 (PORTOLAN_SEED=%1 replays it)").arg(seed);
    QElapsedTimer clock;
    clock.start();

    SchemaDocument document(start);
    Analyzer live(&document);
    const QByteArray before = serialized(document);
    const QStringList findingsBefore = Test::describe(live.findings());
    QCOMPARE(findingsBefore, Test::describe(Analyzer::analyze(document.schema())));

    // The kinds that make the analyzer start over are drawn a third as often
    // as edits of services, on a large plan a tenth.
    const bool large = start.services.size() > 1000;
    QList<Kind> draw;
    for (int k = 0; k < KindCount; ++k) {
        for (int n = replacesAList(Kind(k)) ? 1 : large ? 10 : 3; n > 0; --n)
            draw.append(Kind(k));
    }
    Editor editor(&document, seed);
    QRandomGenerator kinds(seed ^ 0x9e3779b9u);
    int done = 0;
    // Every kind once first, so that a short run has them all.
    for (int k = 0; k < KindCount; ++k)
        done += editor.edit(Kind(k)) ? 1 : 0;
    while (done < edits) {
        const Kind kind = draw.at(int(kinds.bounded(int(draw.size()))));
        if (!editor.edit(kind))
            continue;
        ++done;
        if (!large && done % 1000 == 0) {
            QVERIFY2(Test::describe(live.findings()) == Test::describe(Analyzer::analyze(document.schema())),
                     qPrintable(QStringLiteral("live findings differ after %1 edits; %2").arg(done).arg(replay)));
        }
    }
    QString counts;
    for (int k = 0; k < KindCount; ++k) {
        QVERIFY2(editor.counts[k] > 0, qPrintable(QStringLiteral("no %1 edit; %2").arg(QLatin1String(kindNames[k]), replay)));
        counts += QStringLiteral(" %1 %2").arg(QLatin1String(kindNames[k])).arg(editor.counts[k]);
    }
    qInfo("%d edits, %d undo steps, %lld ms;%s", edits, document.undoStack()->count(), clock.elapsed(),
          qPrintable(counts));

    const QByteArray edited = serialized(document);
    const QStringList findingsEdited = Test::describe(Analyzer::analyze(document.schema()));
    QVERIFY2(Test::describe(live.findings()) == findingsEdited, qPrintable(replay));
    QVERIFY2(edited != before, qPrintable(replay));

    QUndoStack *stack = document.undoStack();
    while (stack->canUndo())
        stack->undo();
    QVERIFY2(serialized(document) == before, qPrintable(QStringLiteral("undo all differs from the start; ") + replay));
    QVERIFY2(document.schema() == start, qPrintable(replay));
    QVERIFY2(Test::describe(live.findings()) == findingsBefore, qPrintable(replay));
    QVERIFY2(Test::describe(Analyzer::analyze(document.schema())) == findingsBefore, qPrintable(replay));

    while (stack->canRedo())
        stack->redo();
    QVERIFY2(serialized(document) == edited, qPrintable(QStringLiteral("redo all differs from the edits; ") + replay));
    QVERIFY2(Test::describe(live.findings()) == findingsEdited, qPrintable(replay));
    qInfo("undone and redone in %lld ms in all", clock.elapsed());
}

// Under the sanitizers a tenth of the edits: the full count runs in the
// normal build.
#ifdef PORTOLAN_SANITIZE
static constexpr int Scale = 10;
#else
static constexpr int Scale = 1;
#endif

void tst_UndoIntegrity::sampleShouldUndoAndRedoExactly()
{
    run(builtInSample(), 10000 / Scale, 20261203);
}

void tst_UndoIntegrity::generatedPlanShouldUndoAndRedoExactly()
{
    run(generateFleet(10000, 50, 200, true), 300 / Scale, 4242);
}

QTEST_GUILESS_MAIN(tst_UndoIntegrity)
#include "tst_undointegrity.moc"
