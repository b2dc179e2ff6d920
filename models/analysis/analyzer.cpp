#include "analyzer_p.h"

#include "heap.h"

#include <QScopeGuard>

#include <algorithm>
#include <future>
#include <iterator>
#include <thread>

namespace Portolan {

int Analyzer::Private::handleFor(const QString &id) const
{
    // A live analyzer asks the document's own map of ids to rows, then its
    // rows' handles.
    if (document)
        return handleAtRow(document->serviceRow(id));
    // The one-shot analysis asks from two threads at once: the first to ask
    // builds the map, the other waits for it.
    if (!handleOfBuilt.load(std::memory_order_acquire)) {
        const std::lock_guard<std::mutex> lock(handleOfMutex);
        if (!handleOfBuilt.load(std::memory_order_relaxed)) {
            handleOf.reserve(schema->services.size());
            for (qsizetype row = 0; row < schema->services.size(); ++row)
                handleOf.insert(schema->services.at(row).id, int(row));
            handleOfBuilt.store(true, std::memory_order_release);
        }
    }
    return aliveHandle(handleOf.value(id, -1));
}

Entry Analyzer::Private::entryFor(const Service &s)
{
    Entry e;
    e.alive = true;
    e.host = internHost(s.hostId);
    e.plannedHost = s.plannedHostId == s.hostId ? e.host : internHost(s.plannedHostId);
    e.protocol = s.protocol;
    e.planned = plans(s) ? s.plannedPort : 0;
    e.actual = occupies(s) && e.host >= 0 ? s.actualPort : 0;
    e.latentActual = e.actual;
    // Buckets by hash of the name; the evaluation compares the names
    // themselves, so a hash collision costs nothing but a comparison.
    e.nameKey = (quint64(e.host + 1) << 32) | quint64(nameHash(s.name));
    return e;
}

void Analyzer::Private::index(int handle, QSet<quint64> *touched)
{
    const Entry &e = entries.at(handle);
    if (e.actual > 0) {
        byHostPort.insert(hostPortKey(e.host, e.protocol, e.actual), handle);
        byActual.insert(portKey(e.protocol, e.actual), handle);
    }
    if (e.planned > 0) {
        byPlanned.insert(portKey(e.protocol, e.planned), handle);
        // A rebuild (touched == nullptr) counts range use once at the end.
        if (plannedPortUse[e.planned]++ == 0 && !reservedPort[e.planned] && touched)
            adjustRangeUse(e.planned, +1, touched);
    }
    byName.insert(e.nameKey, handle);
    if (const QString &counterpart = liveEntries.at(handle).counterpart; !counterpart.isEmpty())
        byCounterpart[counterpart].append(handle);
}

void Analyzer::Private::unindex(int handle, QSet<quint64> *touched)
{
    const Entry &e = entries.at(handle);
    if (e.actual > 0) {
        byHostPort.remove(hostPortKey(e.host, e.protocol, e.actual), handle);
        byActual.remove(portKey(e.protocol, e.actual), handle);
    }
    if (e.planned > 0) {
        byPlanned.remove(portKey(e.protocol, e.planned), handle);
        if (--plannedPortUse[e.planned] == 0 && !reservedPort[e.planned])
            adjustRangeUse(e.planned, -1, touched);
    }
    byName.remove(e.nameKey, handle);
    if (const QString &counterpart = liveEntries.at(handle).counterpart; !counterpart.isEmpty()) {
        auto it = byCounterpart.find(counterpart);
        if (it != byCounterpart.end()) {
            it->removeOne(handle);
            if (it->isEmpty())
                byCounterpart.erase(it);
        }
    }
}

// The buckets that depend on a service's entry.
void Analyzer::Private::slotsOf(int handle, QSet<quint64> &buckets) const
{
    const Entry &e = entries.at(handle);
    buckets.insert(slotOf(ServiceSlot, handle));
    buckets.insert(slotOf(NameSlot, e.nameKey));
    if (e.actual > 0) {
        buckets.insert(slotOf(HostSlot, hostPortKey(e.host, e.protocol, e.actual)));
        buckets.insert(slotOf(LatentSlot, portKey(e.protocol, e.actual)));
    }
    if (e.planned > 0) {
        buckets.insert(slotOf(PlanSlot, portKey(e.protocol, e.planned)));
        buckets.insert(slotOf(LatentSlot, portKey(e.protocol, e.planned)));
    }
    const QString &id = liveEntries.at(handle).id;
    for (int frontend : byCounterpart.value(id))
        buckets.insert(slotOf(ServiceSlot, frontend));
    for (int ref : referencesOf.value(id))
        buckets.insert(slotOf(ReferenceSlot, ref));
}

// What both the live indexes and the one-shot analysis need: the
// schema's hosts, ranges and reservations by port, and the messages.
void Analyzer::Private::prepare()
{
    entries.clear();
    liveEntries.clear();
    freeHandles.clear();
    handleOf.clear();
    handleOfBuilt = false;
    hostIds.clear();
    plannedPortUse.fill(0, 65536);
    reservedPort.fill(false, 65536);
    rangeUsed.fill(0, schema->ranges.size());
    andTemplate = MessageTemplate(tr("%1 and %2"), 2);
    runsButPlannedTemplate = MessageTemplate(tr("%1 runs on %2 but is planned on %3"), 3);
    ephemeralTemplate = MessageTemplate(tr("%1 uses port %2, inside the OS ephemeral range (32768-65535)"), 2);
    unrangedTemplate = MessageTemplate(tr("%1: port %2 is in no range"), 2);
    undocumentedTemplate = MessageTemplate(tr("%1 runs (%2) but is not in the plan"), 2);
    onHostTemplate = MessageTemplate(tr("%1 on %2"), 2);
    usedByTemplate = MessageTemplate(tr("Port %1 is used by %2; they collide if they ever share a host"), 2);
    plannedForTemplate = MessageTemplate(tr("Port %1 is planned for %2 but used today by %3"), 3);

    for (int i = 0; i < schema->hosts.size(); ++i)
        hostIds.insert(schema->hosts.at(i).id, i);
    for (const Reservation &r : schema->reservations) {
        for (int p = qMax(1, r.first); p <= qMin(65535, r.last); ++p)
            reservedPort[p] = true;
    }
    rangeIds.clear();
    narrowestRange.fill(-1, 65536);
    for (int i = 0; i < schema->ranges.size(); ++i) {
        const PortRange &r = schema->ranges.at(i);
        rangeIds.insert(r.id, i);
        for (int p = qMax(1, r.first); p <= qMin(65535, r.last); ++p) {
            const int current = narrowestRange.at(p);
            if (current < 0 || r.size() < schema->ranges.at(current).size())
                narrowestRange[p] = qint16(i);
        }
    }
    entries.reserve(schema->services.size());
}

void Analyzer::Private::indexEntries()
{
    const qsizetype n = schema->services.size();
    for (HandleIndex *index : {&byHostPort, &byPlanned, &byActual, &byName})
        index->clear(n);
    byCounterpart.clear();
    referencesOf.clear();
    byHostPort.reserve(n);
    byPlanned.reserve(n);
    byActual.reserve(n);
    byName.reserve(n);
    liveEntries.resize(n);
    // index() counts the planned ports again; the ranges' use stays as the
    // analysis counted it.
    plannedPortUse.fill(0, 65536);
    for (int row = 0; row < n; ++row) {
        const Service &s = schema->services.at(row);
        liveEntries[row] = LiveEntry{s.id, s.counterpartId};
        index(row, nullptr);
    }
    for (int i = 0; i < schema->references.size(); ++i) {
        const Reference &r = schema->references.at(i);
        referencesOf[r.fromServiceId].append(i);
        if (r.toServiceId != r.fromServiceId)
            referencesOf[r.toServiceId].append(i);
    }
}

// Whether a one-shot analysis splits its work between two threads: not for
// a small schema, on one core, or in a process confined in address space,
// where a second thread's malloc arena counts against the limit.
static bool worthTwoThreads(qsizetype work, qsizetype enough = 20000)
{
    return work >= enough && std::thread::hardware_concurrency() >= 2 && !addressSpaceLimited();
}

// Where keys split between two threads: the key below which half of the
// work lies, countBelow(key) being the work of the keys below key; 0 for
// one thread.
template<typename CountBelow>
static quint64 splitInHalf(quint64 keys, CountBelow countBelow)
{
    const qsizetype work = countBelow(keys);
    if (!worthTwoThreads(work))
        return 0;
    quint64 low = 0, high = keys;
    while (low < high) {
        const quint64 mid = low + (high - low) / 2;
        if (countBelow(mid) < work / 2)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

// Runs work(from, to) over [0, end), split at split when that lies inside:
// the upper part on a second thread.
template<typename Work>
static void onTwoThreads(quint64 split, quint64 end, Work work)
{
    if (split == 0 || split >= end) {
        work(quint64(0), end);
        return;
    }
    auto second = std::async(std::launch::async, [&] { work(split, end); });
    work(quint64(0), split);
    second.get();
}

// The same for work(from, to, found) that finds: the upper part into a list
// of its own, which then follows the lower part's, so the findings come as
// from one pass.
template<typename Work>
static void inTwoParts(quint64 split, quint64 end, QList<Finding> &out, Work work)
{
    QList<Finding> upper;
    onTwoThreads(split, end, [&](quint64 from, quint64 to) { work(from, to, from == 0 ? out : upper); });
    out.append(std::move(upper));
}

// The one-shot analysis: the same rules over the same buckets, but with
// groups made by sorting once instead of a hash insert per service.
void Analyzer::Private::analyzeOnce(QList<Finding> &out)
{
    analyzingAll = true;
    const auto done = qScopeGuard([this] { analyzingAll = false; });
    prepare();
    const qsizetype n = schema->services.size();
    // One pass over the services, which are too many to stay in the cache
    // for a second one; a fleet's in two halves, one on a second thread.
    entries.resize(n);
    Entry *const entryOf = entries.data();
    inTwoParts(worthTwoThreads(n) ? quint64(n / 2) : 0, quint64(n), out,
               [&](quint64 from, quint64 to, QList<Finding> &found) {
                   for (int row = int(from); row < int(to); ++row) {
                       entryOf[row] = entryFor(schema->services.at(row));
                       evaluateService(slotOf(ServiceSlot, row), found);
                   }
               });
    for (const Entry &e : std::as_const(entries)) {
        if (e.planned > 0)
            ++plannedPortUse[e.planned];
    }
    countRangeUse();

    const Groups actual(PortKeys, n, [this](int h) {
        const Entry &e = entries.at(h);
        return e.actual > 0 ? qint64(portKey(e.protocol, e.actual)) : -1;
    });
    const Groups planned(PortKeys, n, [this](int h) {
        const Entry &e = entries.at(h);
        return e.planned > 0 ? qint64(portKey(e.protocol, e.planned)) : -1;
    });
    // The ports' groups are evaluated in key order. They are independent
    // of each other: a fleet's are split where half of the services lie
    // below, the upper half evaluated on a second thread into a list of its
    // own, which then follows the lower one's, as in one pass.
    const auto evaluatePorts = [&](quint64 from, quint64 to, QList<Finding> &found) {
        std::vector<std::pair<quint64, int>> keyed; // (key, handle)
        std::vector<int> run;
        for (quint64 key = from; key < to; ++key) {
            const std::span<const int> a = actual.at(key), p = planned.at(key);
            // The services of the next ports lie far apart in memory: asking
            // for them ahead lets their cache misses overlap (a third of the
            // time of a large analysis).
            if (key + 2 < PortKeys) {
                prefetchServices(actual.at(key + 2));
                prefetchServices(planned.at(key + 2));
            }
            if (key + 1 < PortKeys) {
                prefetchTexts(actual.at(key + 1));
                prefetchTexts(planned.at(key + 1));
            }
            if (p.size() > 1)
                evaluatePlan(slotOf(PlanSlot, key), p, found);
            if (a.size() > 1 || (!a.empty() && !p.empty()))
                evaluateLatent(slotOf(LatentSlot, key), a, p, found);
            if (a.size() < 2)
                continue;
            // A host's share of the port's users is its (host, port) bucket.
            keyed.clear();
            for (int h : a)
                keyed.emplace_back(quint64(entries.at(h).host), h);
            forEachRun(keyed, run, [&](std::span<const int> sameHost) {
                const Entry &e = entries.at(sameHost.front());
                evaluateHost(slotOf(HostSlot, hostPortKey(e.host, e.protocol, e.actual)), sameHost, found);
            });
        }
    };
    const quint64 portSplit =
        splitInHalf(PortKeys, [&](quint64 key) { return actual.countBelow(key) + planned.countBelow(key); });
    inTwoParts(portSplit, PortKeys, out, evaluatePorts);

    // A host's services by the hash of their names are its name buckets;
    // the hosts split as the ports do.
    const quint64 hostKeys = quint64(schema->hosts.size()) + 1;
    const Groups byHost(hostKeys, n, [this](int h) { return entries.at(h).host + 1; });
    const auto evaluateNames = [&](quint64 from, quint64 to, QList<Finding> &found) {
        std::vector<std::pair<quint64, int>> keyed; // (key, handle)
        std::vector<int> run;
        for (quint64 host = from; host < to; ++host) {
            keyed.clear();
            for (int h : byHost.at(host))
                keyed.emplace_back(entries.at(h).nameKey, h);
            forEachRun(keyed, run, [&](std::span<const int> sameName) {
                evaluateName(slotOf(NameSlot, entries.at(sameName.front()).nameKey), sameName, found);
            });
        }
    };
    inTwoParts(splitInHalf(hostKeys, [&](quint64 key) { return byHost.countBelow(key); }), hostKeys, out,
               evaluateNames);

    forEachSchemaSlot([&](quint64 slot) { evaluate(slot, out); });
}

// Applies the document's rule settings; false when the rule is off.
bool Analyzer::Private::configure(Finding &f) const
{
    const auto it = schema->ruleSettings.rules.constFind(f.rule);
    if (it == schema->ruleSettings.rules.constEnd())
        return true;
    if (!it->enabled)
        return false;
    if (it->overrideSeverity)
        f.severity = it->severity;
    return true;
}

// Takes its arguments by value, and moves them on: each copy of a
// finding costs a reference count per member.
void Analyzer::Private::add(QList<Finding> &out, quint64 slot, const QString &rule, QString message, QStringList services,
         QStringList hosts, QList<int> ports, const SourceLocation &origin) const
{
    const RuleInfo *info = ruleInfo(rule);
    Finding f;
    f.rule = rule;
    f.severity = info ? info->defaultSeverity : Severity::Warning;
    f.message = std::move(message);
    f.serviceIds = std::move(services);
    f.hostIds = std::move(hosts);
    f.ports = std::move(ports);
    f.origin = origin;
    f.slot = slot;
    if (configure(f))
        out.append(std::move(f));
}


Analyzer::Analyzer(SchemaDocument *document, QObject *parent)
    : QObject(parent)
    , mDocument(document)
    , d(new Private)
{
    d->schema = &document->schema();
    d->document = document;
    connect(document, &SchemaDocument::reset, this, &Analyzer::reanalyze);
    connect(document, &SchemaDocument::serviceFieldChanged, this, &Analyzer::onServiceFieldChanged);
    connect(document, &SchemaDocument::serviceReplaced, this, &Analyzer::onServiceReplaced);
    connect(document, &SchemaDocument::servicesReset, this, &Analyzer::reanalyze);
    connect(document, &SchemaDocument::servicesInserted, this, &Analyzer::onServicesInserted);
    connect(document, &SchemaDocument::servicesAboutToBeRemoved, this, &Analyzer::onServicesAboutToBeRemoved);
    connect(document, &SchemaDocument::servicesRemoved, this, &Analyzer::onServicesRemoved);
    // Hosts, ranges, reservations, references and settings are short lists
    // that many buckets depend on: a change there re-runs everything.
    connect(document, &SchemaDocument::hostsChanged, this, &Analyzer::reanalyze);
    connect(document, &SchemaDocument::rangesChanged, this, &Analyzer::reanalyze);
    connect(document, &SchemaDocument::reservationsChanged, this, &Analyzer::reanalyze);
    connect(document, &SchemaDocument::referencesChanged, this, &Analyzer::reanalyze);
    connect(document, &SchemaDocument::ruleSettingsChanged, this, &Analyzer::reanalyze);
    reanalyze();
}

Analyzer::Analyzer(const Schema *schema)
    : d(new Private)
{
    d->schema = schema;
}

Analyzer::~Analyzer()
{
    delete d;
}

QList<Finding> Analyzer::analyze(const Schema &schema)
{
    Analyzer analyzer(&schema);
    QList<Finding> result;
    analyzer.d->analyzeOnce(result);
    return result;
}

void Analyzer::reanalyze()
{
    // The one-shot analysis finds everything (by sorting, on two threads for
    // a fleet), then the live indexes are made of the entries it made; each
    // finding knows its bucket. Handles are rows until the first insert.
    const qsizetype n = d->schema->services.size();
    d->resetRows(n);
    QList<Finding> all;
    d->analyzeOnce(all);
    d->indexEntries();
    d->bySlot.clear();
    d->slotsOfService.clear();
    d->slotsOfServiceMade = false;
    mFindingCount = all.size();
    std::fill(std::begin(mCounts), std::end(mCounts), 0);
    for (Finding &f : all) {
        ++mCounts[int(f.severity)];
        d->bySlot[f.slot].append(std::move(f));
    }
    emit reanalyzed();
}

namespace {

// A service id with its hash, made once: a bucket of a fleet's popular
// port names hundreds of services, and its ids are sorted, compared and
// deduplicated by hash first, as numbers, their text compared only where
// hashes meet. The id is the finding's own (sorting moves two words).
struct IdRef
{
    size_t hash = 0;
    const QString *id = nullptr;

    friend bool operator<(const IdRef &a, const IdRef &b) { return a.hash != b.hash ? a.hash < b.hash : *a.id < *b.id; }
    friend bool operator==(const IdRef &a, const IdRef &b) { return a.hash == b.hash && *a.id == *b.id; }
};

// The same, holding its id: for a set that outlives the findings.
struct HashedId
{
    size_t hash = 0;
    QString id;

    friend bool operator==(const HashedId &a, const HashedId &b) { return a.hash == b.hash && a.id == b.id; }
    friend size_t qHash(const HashedId &key, size_t seed = 0) noexcept { return key.hash ^ seed; }
};

// Appends the services of a bucket's findings, each once, in the order
// above.
void appendIds(const QList<Finding> &findings, std::vector<IdRef> &ids)
{
    const size_t begin = ids.size();
    for (const Finding &f : findings) {
        for (const QString &id : f.serviceIds)
            ids.push_back({hashText(id), &id});
    }
    std::sort(ids.begin() + begin, ids.end());
    ids.erase(std::unique(ids.begin() + begin, ids.end()), ids.end());
}

// What a bucket's evaluation changes, worked out beside it: the services
// its findings named before and name now, those no longer named and those
// newly named, as four runs of one part's list of ids.
struct BucketChange
{
    bool changed = false;
    quint32 before = 0, after = 0, gone = 0, come = 0, end = 0;
};

} // namespace

void Analyzer::commit(const QSet<quint64> &buckets)
{
    // Every bucket is evaluated and compared with what it held first, those
    // of a large change (a Duplicate of thousands) on two threads; the
    // indexes are updated after, on this one.
    const std::vector<quint64> bucketList(buckets.cbegin(), buckets.cend());
    std::vector<QList<Finding>> evaluated(bucketList.size());
    std::vector<BucketChange> changes(bucketList.size());
    // The ids point into the findings: those held stay where they are until
    // their bucket is updated below, the evaluated ones until the end.
    std::vector<IdRef> partIds[2];
    const QHash<quint64, QList<Finding>> &held = d->bySlot;
    const auto evaluate = [&](quint64 from, quint64 to) {
        std::vector<IdRef> &ids = partIds[from == 0 ? 0 : 1];
        for (size_t i = from; i < to; ++i) {
            // The next bucket's services lie elsewhere in memory: asked for
            // now, they arrive while this one is evaluated.
            if (i + 1 < to)
                d->prefetchBucket(bucketList[i + 1]);
            QList<Finding> &now = evaluated[i];
            d->evaluate(bucketList[i], now);
            const auto it = held.constFind(bucketList[i]);
            if (it == held.cend() ? now.isEmpty() : *it == now)
                continue;
            BucketChange &c = changes[i];
            c.changed = true;
            c.before = quint32(ids.size());
            if (it != held.cend())
                appendIds(*it, ids);
            c.after = quint32(ids.size());
            appendIds(now, ids);
            c.gone = quint32(ids.size());
            // Room for both differences first: the runs are read while they are written.
            ids.reserve(ids.size() + (c.gone - c.before));
            std::set_difference(ids.cbegin() + c.before, ids.cbegin() + c.after, ids.cbegin() + c.after,
                                ids.cbegin() + c.gone, std::back_inserter(ids));
            c.come = quint32(ids.size());
            std::set_difference(ids.cbegin() + c.after, ids.cbegin() + c.gone, ids.cbegin() + c.before,
                                ids.cbegin() + c.after, std::back_inserter(ids));
            c.end = quint32(ids.size());
        }
    };
    constexpr qsizetype ParallelBuckets = 2000;
    const bool twoThreads = worthTwoThreads(qsizetype(bucketList.size()), ParallelBuckets);
    const size_t split = twoThreads ? bucketList.size() / 2 : 0;
    onTwoThreads(split, bucketList.size(), evaluate);

    QList<Finding> removed, added;
    QStringList affected; // each id once, in the order first met
    QSet<HashedId> affectedSet;
    // A bucket names a few services, mostly; a large change names thousands.
    affectedSet.reserve(qsizetype(bucketList.size()) * 2);
    for (size_t i = 0; i < bucketList.size(); ++i) {
        const BucketChange &c = changes[i];
        if (!c.changed)
            continue;
        const quint64 slot = bucketList[i];
        QList<Finding> &now = evaluated[i];
        auto it = d->bySlot.find(slot);
        if (it == d->bySlot.end())
            it = d->bySlot.insert(slot, {});
        for (const Finding &f : std::as_const(*it)) {
            --mCounts[int(f.severity)];
            --mFindingCount;
        }
        for (const Finding &f : std::as_const(now)) {
            added.append(f);
            ++mCounts[int(f.severity)];
            ++mFindingCount;
        }
        const IdRef *ids = partIds[split > 0 && i >= split ? 1 : 0].data();
        if (d->slotsOfServiceMade) {
            for (const IdRef *g = ids + c.gone; g != ids + c.come; ++g) {
                auto s = d->slotsOfService.find(*g->id);
                if (s != d->slotsOfService.end()) {
                    s->removeOne(slot);
                    if (s->isEmpty())
                        d->slotsOfService.erase(s);
                }
            }
            for (const IdRef *n = ids + c.come; n != ids + c.end; ++n)
                d->slotsOfService[*n->id].append(slot);
        }
        for (const IdRef *id = ids + c.before; id != ids + c.gone; ++id) {
            const qsizetype size = affectedSet.size();
            affectedSet.insert({id->hash, *id->id});
            if (affectedSet.size() != size)
                affected.append(*id->id);
        }
        // The bucket's old findings are not kept: they move on as removed
        // (the ids above point into them, and are done with).
        removed.append(std::move(*it));
        if (now.isEmpty())
            d->bySlot.erase(it);
        else
            *it = std::move(now);
    }
    if (removed.isEmpty() && added.isEmpty())
        return;
    emit findingsChanged(removed, added, affected);
}

QList<Finding> Analyzer::findings() const
{
    QList<Finding> result;
    result.reserve(mFindingCount);
    for (auto it = d->bySlot.cbegin(); it != d->bySlot.cend(); ++it)
        result += *it;
    return result;
}

QList<Finding> Analyzer::findingsForService(const QString &serviceId) const
{
    QList<Finding> result;
    const Private::Slots buckets = d->serviceSlots().value(serviceId);
    for (quint64 slot : buckets) {
        for (const Finding &f : d->bySlot.value(slot)) {
            if (f.serviceIds.contains(serviceId))
                result.append(f);
        }
    }
    sortFindings(result);
    return result;
}

bool Analyzer::worstSeverity(const QString &serviceId, Severity *severity) const
{
    bool any = false;
    const TextHash<Private::Slots> &serviceSlots = d->serviceSlots();
    const auto buckets = serviceSlots.constFind(serviceId);
    if (buckets == serviceSlots.constEnd())
        return false;
    for (quint64 slot : *buckets) {
        for (const Finding &f : d->bySlot.value(slot)) {
            if (f.serviceIds.contains(serviceId) && (!any || f.severity > *severity)) {
                *severity = f.severity;
                any = true;
            }
        }
    }
    return any;
}

void Analyzer::onServiceFieldChanged(int row, ServiceField field)
{
    switch (field) {
    case ServiceField::Aliases:
    case ServiceField::Runtime:
    case ServiceField::Description:
    case ServiceField::Exposure:
    case ServiceField::PublicHostname:
    case ServiceField::Deployment:
    case ServiceField::Notes:
    case ServiceField::Profiles:
        return; // no rule reads these
    default:
        onServiceReplaced(row);
    }
}

void Analyzer::onServiceReplaced(int row)
{
    const Service &s = mDocument->service(row);
    // By its row: the id may be the one that changed.
    const int handle = d->handleAtRow(row);
    if (handle < 0) {
        reanalyze();
        return;
    }
    QSet<quint64> buckets;
    d->slotsOf(handle, buckets);
    d->unindex(handle, &buckets);
    d->setEntry(handle, s);
    d->index(handle, &buckets);
    d->slotsOf(handle, buckets);
    commit(buckets);
}

// A block of services is indexed first and evaluated once: each bucket it
// touches is evaluated once, however many of the new services share it.
void Analyzer::onServicesInserted(int first, int last)
{
    QList<int> handles;
    handles.reserve(last - first + 1);
    for (int row = first; row <= last; ++row) {
        const Service &s = mDocument->service(row);
        const int handle = d->freeHandles.isEmpty() ? d->newHandle() : d->freeHandles.takeLast();
        d->setEntry(handle, s);
        handles.append(handle);
    }
    d->insertRows(first, handles);
    QSet<quint64> buckets;
    buckets.reserve(handles.size() * 4); // a service's own, its ports' and its name's, mostly
    for (int handle : std::as_const(handles))
        d->index(handle, &buckets);
    for (int handle : std::as_const(handles))
        d->slotsOf(handle, buckets);
    commit(buckets);
}

void Analyzer::onServicesAboutToBeRemoved(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const int handle = d->handleAtRow(row);
        if (handle < 0)
            continue;
        d->slotsOf(handle, mPendingRemoval);
        d->unindex(handle, &mPendingRemoval);
        d->entries[handle].alive = false;
        d->freeHandles.append(handle);
    }
}

void Analyzer::onServicesRemoved(int first, int last)
{
    d->removeRows(first, last - first + 1);
    // Evaluated after the rows are gone, so messages and rows see the new document.
    commit(std::exchange(mPendingRemoval, {}));
}

} // namespace Portolan
