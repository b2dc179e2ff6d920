#include "analyzer.h"

#include "schemadocument.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <algorithm>
#include <numeric>
#include <span>
#include <vector>

namespace Portolan {

namespace {

// A bucket of the analysis. Every finding is produced by exactly one bucket,
// and an edit re-evaluates only the buckets whose inputs it touched.
enum SlotKind : quint64 {
    HostSlot = 1,    // (host, protocol, actual port): host-collision
    PlanSlot = 2,    // (protocol, planned port): plan-collision
    LatentSlot = 3,  // (protocol, port): latent-collision
    ServiceSlot = 4, // one service: its own rules
    NameSlot = 5,    // (host, name): duplicate-name
    RangeSlot = 6,   // one range: range-full
    OverlapSlot = 7, // all ranges: range-overlap
    ReferenceSlot = 8,
};

constexpr quint64 slotOf(SlotKind kind, quint64 value)
{
    return (quint64(kind) << 56) | value;
}

constexpr SlotKind kindOf(quint64 slot)
{
    return SlotKind(slot >> 56);
}

constexpr quint64 valueOf(quint64 slot)
{
    return slot & ((quint64(1) << 56) - 1);
}

// Keys of (protocol, port): udp ports after the tcp ones.
constexpr quint64 PortKeys = quint64(1) << 17;

// A message names at most this many services ("a, b, … and 12 more"); the
// finding itself lists them all.
constexpr qsizetype MaxNamed = 8;

constexpr quint64 portKey(Protocol protocol, int port)
{
    return (quint64(protocol == Protocol::Udp) << 16) | quint64(port);
}

constexpr quint64 hostPortKey(int host, Protocol protocol, int port)
{
    return (quint64(host) << 17) | portKey(protocol, port);
}

bool isWildcard(const QString &bind)
{
    return bind.isEmpty() || bind == QLatin1String("0.0.0.0") || bind == QLatin1String("::")
        || bind == QLatin1String("[::]") || bind == QLatin1String("*");
}

QString normalizedBind(const QString &bind)
{
    if (bind.startsWith(QLatin1Char('[')) && bind.endsWith(QLatin1Char(']')))
        return bind.mid(1, bind.size() - 2);
    return bind;
}

// 0.0.0.0 and :: listen everywhere; two specific addresses overlap only when equal.
bool bindsOverlap(const QString &a, const QString &b)
{
    return isWildcard(a) || isWildcard(b) || normalizedBind(a) == normalizedBind(b);
}

// A service occupies its actual port on its host unless it is not running.
bool occupies(const Service &s)
{
    return s.actualPort > 0 && s.actualPort <= 65535 && !s.hostId.isEmpty()
        && s.status != ServiceStatus::Retired && s.status != ServiceStatus::NotDeployed;
}

bool plans(const Service &s)
{
    return s.plannedPort > 0 && s.plannedPort <= 65535 && s.status != ServiceStatus::Retired;
}

// A text made of many pieces, copied once into a string of its size:
// appending them one by one to a QString costs more than the copying.
class TextBuilder
{
public:
    TextBuilder &operator+=(QStringView text)
    {
        mParts.append(text);
        mSize += text.size();
        return *this;
    }
    // A text made for this message: the builder keeps it alive.
    TextBuilder &operator+=(QString &&text)
    {
        mOwned.append(std::move(text));
        return *this += QStringView(mOwned.last());
    }
    TextBuilder &operator+=(const TextBuilder &other)
    {
        mParts.append(other.mParts.constData(), other.mParts.size());
        mOwned.append(other.mOwned);
        mSize += other.mSize;
        return *this;
    }

    QString toString() const
    {
        QString result(mSize, Qt::Uninitialized);
        QChar *at = result.data();
        for (QStringView part : mParts)
            at = std::copy(part.begin(), part.end(), at);
        return result;
    }

private:
    QVarLengthArray<QStringView, 128> mParts; // views of strings that outlive the builder
    QList<QString> mOwned; // moving a QString leaves its text where the views point
    qsizetype mSize = 0;
};

// A translated message whose placeholders are found once, for messages made
// thousands of times in one analysis. QString::arg itself places a marker
// for each argument, so appendTo() writes exactly what pattern.arg(a, b, …)
// gives; the markers are control characters no translation contains.
class MessageTemplate
{
public:
    MessageTemplate() = default;
    MessageTemplate(const QString &pattern, int arguments)
    {
        Q_ASSERT(arguments == 2 || arguments == 3);
        static constexpr char16_t markers[] = {1, 2, 3};
        const auto marker = [](int i) { return QStringView(markers + i, 1); };
        const QString marked = arguments == 2 ? pattern.arg(marker(0), marker(1))
                                              : pattern.arg(marker(0), marker(1), marker(2));
        Piece piece;
        for (const QChar c : marked) {
            if (c.unicode() >= 1 && c.unicode() <= 3) {
                piece.argument = c.unicode() - 1;
                mPieces.append(std::exchange(piece, {}));
            } else {
                piece.text += c;
            }
        }
        mPieces.append(piece);
    }

    // Each argument is a text, a builder of one, or a function that adds its
    // text to a builder.
    template<typename... Arguments>
    void appendTo(TextBuilder &out, const Arguments &...arguments) const
    {
        for (const Piece &piece : mPieces) {
            if (!piece.text.isEmpty())
                out += piece.text;
            if (piece.argument >= 0)
                appendArgument(out, piece.argument, arguments...);
        }
    }

private:
    template<typename First, typename... Rest>
    static void appendArgument(TextBuilder &out, int index, const First &first, const Rest &...rest)
    {
        if (index > 0) {
            if constexpr (sizeof...(Rest) > 0)
                appendArgument(out, index - 1, rest...);
        } else if constexpr (std::is_invocable_v<const First &, TextBuilder &>) {
            first(out);
        } else if constexpr (std::is_same_v<First, TextBuilder>) {
            out += first;
        } else {
            out += QStringView(first);
        }
    }

    struct Piece
    {
        QString text;      // literal text up to the argument
        int argument = -1; // index into the arguments, -1 after the last
    };
    QList<Piece> mPieces;
};

// The lowest port of the OS ephemeral ranges (Linux 32768-60999, IANA and
// Windows 49152-65535): a listener there can lose its port to an outgoing connection.
constexpr int FirstEphemeralPort = 32768;

} // namespace

// A multimap from a bucket key to service handles that allocates nothing per
// key: each bucket is a singly linked list threaded through `next`, and a
// handle sits in at most one bucket of an index.
class HandleIndex
{
public:
    struct Bucket
    {
        int head = -1;
        int size = 0;
    };

    // Keys below denseKeys live in an array (ports: no hashing at all);
    // without it, in a hash.
    explicit HandleIndex(quint64 denseKeys = 0)
        : mDenseKeys(denseKeys)
    {
    }

    void clear(qsizetype handles)
    {
        mBuckets.clear();
        mDense.assign(size_t(mDenseKeys), Bucket());
        mNext.assign(size_t(handles), -1);
    }
    void reserve(qsizetype keys)
    {
        if (!mDenseKeys)
            mBuckets.reserve(keys);
    }
    void growTo(qsizetype handles)
    {
        if (mNext.size() < size_t(handles))
            mNext.resize(size_t(handles), -1);
    }

    void insert(quint64 key, int handle)
    {
        Bucket &b = mDenseKeys ? mDense[size_t(key)] : mBuckets[key];
        mNext[handle] = b.head;
        b.head = handle;
        ++b.size;
    }

    void remove(quint64 key, int handle)
    {
        Bucket *b = find(key);
        if (!b)
            return;
        int *link = &b->head;
        while (*link >= 0 && *link != handle)
            link = &mNext[*link];
        if (*link < 0)
            return;
        *link = mNext[size_t(handle)];
        mNext[handle] = -1;
        if (--b->size == 0 && !mDenseKeys)
            mBuckets.remove(key);
    }

    int size(quint64 key) const
    {
        const Bucket *b = find(key);
        return b ? b->size : 0;
    }
    bool contains(quint64 key) const { return size(key) > 0; }

    // In insertion order, which is row order after a rebuild.
    QList<int> values(quint64 key) const
    {
        QList<int> result;
        const Bucket *b = find(key);
        if (!b)
            return result;
        result.resize(b->size);
        qsizetype i = b->size;
        for (int h = b->head; h >= 0 && i > 0; h = mNext[size_t(h)])
            result[--i] = h;
        return result;
    }

    template<typename Visit>
    void forEachBucket(Visit visit) const
    {
        if (mDenseKeys) {
            for (size_t key = 0; key < mDense.size(); ++key) {
                if (mDense[key].size > 0)
                    visit(quint64(key), mDense[key]);
            }
            return;
        }
        for (auto it = mBuckets.cbegin(); it != mBuckets.cend(); ++it)
            visit(it.key(), *it);
    }

private:
    const Bucket *find(quint64 key) const
    {
        if (mDenseKeys)
            return key < mDenseKeys && mDense[size_t(key)].size > 0 ? &mDense[size_t(key)] : nullptr;
        const auto it = mBuckets.constFind(key);
        return it == mBuckets.constEnd() ? nullptr : &*it;
    }
    Bucket *find(quint64 key)
    {
        if (mDenseKeys)
            return key < mDenseKeys && mDense[size_t(key)].size > 0 ? &mDense[size_t(key)] : nullptr;
        const auto it = mBuckets.find(key);
        return it == mBuckets.end() ? nullptr : &*it;
    }

    quint64 mDenseKeys;
    QHash<quint64, Bucket> mBuckets;
    // std::vector: no copy-on-write check on every write in the hot loop.
    std::vector<Bucket> mDense;
    std::vector<int> mNext;
};

// Handles grouped by a small key, such as (protocol, port), each group in
// row order: what the one-shot analysis has instead of a HandleIndex, made
// by one counting sort.
class Groups
{
public:
    // keyOf(handle) is the handle's key below keys, or -1 for none.
    template<typename KeyOf>
    Groups(quint64 keys, qsizetype handles, KeyOf keyOf)
        : mStart(keys + 1, 0)
    {
        for (int h = 0; h < handles; ++h) {
            if (const qint64 key = keyOf(h); key >= 0)
                ++mStart[size_t(key) + 1];
        }
        std::partial_sum(mStart.begin(), mStart.end(), mStart.begin());
        mHandles.resize(size_t(mStart.back()));
        std::vector<int> next(mStart.begin(), mStart.end() - 1);
        for (int h = 0; h < handles; ++h) {
            if (const qint64 key = keyOf(h); key >= 0)
                mHandles[size_t(next[size_t(key)]++)] = h;
        }
    }

    std::span<const int> at(quint64 key) const
    {
        return {mHandles.data() + mStart[size_t(key)], mHandles.data() + mStart[size_t(key) + 1]};
    }

private:
    std::vector<int> mStart; // per key, where its group begins in mHandles
    std::vector<int> mHandles;
};

// FNV-1a over the UTF-16 units: names are short, and a collision only costs
// the evaluation a string comparison.
static quint32 nameHash(const QString &name)
{
    quint32 h = 2166136261u;
    for (const QChar c : name) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return h;
}

// What the indexes hold of a service, so that its old keys are known when it
// changes. Small, as the one-shot analysis reads it in every group.
struct Entry
{
    int host = -1;
    int plannedHost = -1;
    Protocol protocol = Protocol::Tcp;
    int planned = 0; // 0 when not planned (or retired)
    int actual = 0;  // 0 when not occupying a port on a host
    int latentActual = 0; // actual port on any host, for latent collisions
    quint64 nameKey = 0;
    bool alive = false;
};

// What only the live analyzer keeps of a service: it finds the service's
// row and dependants by these.
struct LiveEntry
{
    QString id;
    QString counterpart;
};

struct Analyzer::Private
{
    const Schema *schema = nullptr;
    const SchemaDocument *document = nullptr;

    QList<Entry> entries;
    QList<LiveEntry> liveEntries; // by handle, as entries; none in a one-shot analysis
    QList<int> freeHandles;
    // Service id → handle. A one-shot analysis builds it only when a
    // counterpart or reference needs a lookup.
    mutable QHash<QString, int> handleOf;
    mutable bool handleOfBuilt = false;

    int handleFor(const QString &id) const
    {
        if (!handleOfBuilt) {
            handleOf.reserve(schema->services.size());
            for (qsizetype row = 0; row < schema->services.size(); ++row)
                handleOf.insert(schema->services.at(row).id, int(row));
            handleOfBuilt = true;
        }
        const int handle = handleOf.value(id, -1);
        // A one-shot analysis has every row alive, also rows it has no entry for yet.
        return handle >= 0 && (!document || entries.at(handle).alive) ? handle : -1;
    }
    QHash<QString, int> hostIds;  // host id → index
    // Planned and actual ports are keyed by (protocol, port) alone: 2^17 keys.
    HandleIndex byHostPort, byPlanned{PortKeys}, byActual{PortKeys}, byName;
    QHash<QString, QList<int>> byCounterpart; // backend id → frontends
    QHash<QString, QList<int>> referencesOf;  // service id → reference indexes
    QList<int> plannedPortUse;                // per port: planned services
    QList<bool> reservedPort;
    QList<int> rangeUsed;
    QHash<QString, int> rangeIds;
    QList<qint16> narrowestRange; // per port: index of the narrowest range holding it, -1 none

    QHash<quint64, QList<Finding>> bySlot;
    QHash<QString, QList<quint64>> slotsOfService;

    // The messages that latent collisions make by the thousand, translated
    // once per rebuild.
    MessageTemplate andTemplate, onHostTemplate, usedByTemplate, plannedForTemplate;
    // Rules of single services that fire by the thousand in a large fleet.
    MessageTemplate runsButPlannedTemplate, ephemeralTemplate, unrangedTemplate, undocumentedTemplate;

    int rowOf(int handle) const
    {
        return document ? document->serviceRow(liveEntries.at(handle).id) : handle;
    }
    const Service &service(int handle) const { return schema->services.at(rowOf(handle)); }

    int internHost(const QString &id) const { return id.isEmpty() ? -1 : hostIds.value(id, -1); }

    Entry entryFor(const Service &s)
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

    void setEntry(int handle, const Service &s)
    {
        entries[handle] = entryFor(s);
        liveEntries[handle] = LiveEntry{s.id, s.counterpartId};
    }

    int newHandle()
    {
        const int handle = int(entries.size());
        entries.append(Entry());
        liveEntries.append(LiveEntry());
        for (HandleIndex *index : {&byHostPort, &byPlanned, &byActual, &byName})
            index->growTo(entries.size());
        return handle;
    }

    void index(int handle, QSet<quint64> *touched)
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

    void unindex(int handle, QSet<quint64> *touched)
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

    void adjustRangeUse(int port, int delta, QSet<quint64> *touched)
    {
        for (int i = 0; i < schema->ranges.size(); ++i) {
            if (schema->ranges.at(i).contains(port)) {
                rangeUsed[i] += delta;
                if (touched)
                    touched->insert(slotOf(RangeSlot, i));
            }
        }
    }

    // The buckets that depend on a service's entry.
    void slotsOf(int handle, QSet<quint64> &buckets) const
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
    void prepare()
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

    // A range's use counts a port once, however many services plan it.
    void countRangeUse()
    {
        for (int i = 0; i < schema->ranges.size(); ++i) {
            const PortRange &r = schema->ranges.at(i);
            for (int p = qMax(1, r.first); p <= qMin(65535, r.last); ++p)
                rangeUsed[i] += reservedPort.at(p) || plannedPortUse.at(p) > 0;
        }
    }

    void rebuild()
    {
        prepare();
        for (HandleIndex *index : {&byHostPort, &byPlanned, &byActual, &byName})
            index->clear(schema->services.size());
        byCounterpart.clear();
        referencesOf.clear();
        const qsizetype n = schema->services.size();
        byHostPort.reserve(n);
        byPlanned.reserve(n);
        byActual.reserve(n);
        byName.reserve(n);
        entries.resize(n);
        liveEntries.resize(n);
        for (int row = 0; row < n; ++row) {
            setEntry(row, schema->services.at(row));
            index(row, nullptr);
        }
        countRangeUse();
        // A live analyzer's handles drift from rows with inserts and removals,
        // so its id map is made now, while they still agree.
        if (document)
            handleFor(QString());
        for (int i = 0; i < schema->references.size(); ++i) {
            const Reference &r = schema->references.at(i);
            referencesOf[r.fromServiceId].append(i);
            if (r.toServiceId != r.fromServiceId)
                referencesOf[r.toServiceId].append(i);
        }
    }

    // Every bucket that can hold a finding, each once.
    template<typename Visit>
    void forEachSlot(Visit visit) const
    {
        byHostPort.forEachBucket([&](quint64 key, const HandleIndex::Bucket &b) {
            if (b.size > 1)
                visit(slotOf(HostSlot, key));
        });
        byPlanned.forEachBucket([&](quint64 key, const HandleIndex::Bucket &b) {
            if (b.size > 1)
                visit(slotOf(PlanSlot, key));
        });
        // Latent buckets exist where a port is used (a group of two or more) or
        // both used and planned; each key is visited from one side only.
        byActual.forEachBucket([&](quint64 key, const HandleIndex::Bucket &b) {
            if (b.size > 1 || byPlanned.contains(key))
                visit(slotOf(LatentSlot, key));
        });
        byName.forEachBucket([&](quint64 key, const HandleIndex::Bucket &b) {
            if (b.size > 1)
                visit(slotOf(NameSlot, key));
        });
        for (int h = 0; h < entries.size(); ++h) {
            if (entries.at(h).alive)
                visit(slotOf(ServiceSlot, h));
        }
        forEachSchemaSlot(visit);
    }

    // The buckets of ranges and references, which no index holds.
    template<typename Visit>
    void forEachSchemaSlot(Visit visit) const
    {
        for (int i = 0; i < schema->ranges.size(); ++i)
            visit(slotOf(RangeSlot, i));
        visit(slotOf(OverlapSlot, 0));
        for (int i = 0; i < schema->references.size(); ++i)
            visit(slotOf(ReferenceSlot, i));
    }

    // The one-shot analysis: the same rules over the same buckets, but with
    // groups made by sorting once instead of a hash insert per service.
    void analyzeOnce(QList<Finding> &out)
    {
        prepare();
        const qsizetype n = schema->services.size();
        // One pass over the services, which are too many to stay in the
        // cache for a second one.
        for (int row = 0; row < n; ++row) {
            entries.append(entryFor(schema->services.at(row)));
            if (const int planned = entries.last().planned; planned > 0)
                ++plannedPortUse[planned];
            evaluateService(slotOf(ServiceSlot, row), out);
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
        std::vector<std::pair<quint64, int>> keyed; // (key, handle)
        std::vector<int> run;
        for (quint64 key = 0; key < PortKeys; ++key) {
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
                evaluatePlan(slotOf(PlanSlot, key), p, out);
            if (a.size() > 1 || (!a.empty() && !p.empty()))
                evaluateLatent(slotOf(LatentSlot, key), a, p, out);
            if (a.size() < 2)
                continue;
            // A host's share of the port's users is its (host, port) bucket.
            keyed.clear();
            for (int h : a)
                keyed.emplace_back(quint64(entries.at(h).host), h);
            forEachRun(keyed, run, [&](std::span<const int> sameHost) {
                const Entry &e = entries.at(sameHost.front());
                evaluateHost(slotOf(HostSlot, hostPortKey(e.host, e.protocol, e.actual)), sameHost, out);
            });
        }

        // A host's services by the hash of their names are its name buckets.
        const Groups byHost(quint64(schema->hosts.size()) + 1, n, [this](int h) { return entries.at(h).host + 1; });
        for (quint64 host = 0; host <= quint64(schema->hosts.size()); ++host) {
            keyed.clear();
            for (int h : byHost.at(host))
                keyed.emplace_back(entries.at(h).nameKey, h);
            forEachRun(keyed, run, [&](std::span<const int> sameName) {
                evaluateName(slotOf(NameSlot, entries.at(sameName.front()).nameKey), sameName, out);
            });
        }

        forEachSchemaSlot([&](quint64 slot) { evaluate(slot, out); });
    }

    // Sorts (key, handle) pairs and calls visit with the handles, in row
    // order, of each key that two or more have.
    template<typename Visit>
    static void forEachRun(std::vector<std::pair<quint64, int>> &keyed, std::vector<int> &run, Visit visit)
    {
        if (keyed.size() < 2)
            return;
        std::sort(keyed.begin(), keyed.end());
        for (size_t i = 0; i < keyed.size();) {
            size_t end = i + 1;
            while (end < keyed.size() && keyed[end].first == keyed[i].first)
                ++end;
            if (end - i > 1) {
                run.clear();
                for (size_t j = i; j < end; ++j)
                    run.push_back(keyed[j].second);
                visit(std::span<const int>(run));
            }
            i = end;
        }
    }

    // Applies the document's rule settings; false when the rule is off.
    bool configure(Finding &f) const
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
    void add(QList<Finding> &out, quint64 slot, const QString &rule, QString message, QStringList services,
             QStringList hosts, QList<int> ports, const SourceLocation &origin = {}) const
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

    QString hostName(const QString &id) const { return hostName(hostIds.value(id, -1), id); }

    // The name of the host at index i (as interned from id), else its id.
    const QString &hostName(int i, const QString &id) const
    {
        if (i < 0 || schema->hosts.at(i).name.isEmpty())
            return id;
        return schema->hosts.at(i).name;
    }

    const PortRange *rangeById(const QString &id) const
    {
        const int i = rangeIds.value(id, -1);
        return i < 0 ? nullptr : &schema->ranges.at(i);
    }

    static QString named(const Service &s)
    {
        if (s.origin.isValid() && s.origin.line > 0)
            return QStringLiteral("%1 (%2)").arg(s.name, s.origin.toString());
        return s.name;
    }

    static QString portLabel(Protocol p, int port)
    {
        return QString::number(port) + QLatin1Char('/') + protocolToString(p);
    }

    // "a, b and c" of count names, each added by name(text, i); beyond
    // MaxNamed, "a, b, … and 12 more".
    template<typename Name>
    void appendNames(TextBuilder &text, qsizetype count, Name name) const
    {
        if (count <= 1) {
            if (count == 1)
                name(text, 0);
            return;
        }
        const qsizetype named = count > MaxNamed ? MaxNamed - 1 : count - 1; // before "and"
        const auto head = [&](TextBuilder &out) {
            for (qsizetype i = 0; i < named; ++i) {
                if (i > 0)
                    out += u", ";
                name(out, i);
            }
        };
        if (count > MaxNamed)
            andTemplate.appendTo(text, head, [&](TextBuilder &out) { out += tr("%n more", nullptr, int(count - named)); });
        else
            andTemplate.appendTo(text, head, [&](TextBuilder &out) { name(out, count - 1); });
    }

    // What pattern.arg(arguments…) gives, from a template split once.
    template<typename... Arguments>
    static QString format(const MessageTemplate &pattern, const Arguments &...arguments)
    {
        TextBuilder text;
        pattern.appendTo(text, arguments...);
        return text.toString();
    }

    QString joinNames(const QStringList &names) const
    {
        TextBuilder text;
        appendNames(text, names.size(), [&names](TextBuilder &out, qsizetype i) { out += names.at(i); });
        return text.toString();
    }

    QList<Finding> evaluate(quint64 slot) const
    {
        QList<Finding> out;
        evaluate(slot, out);
        return out;
    }

    // The rules of the groups get their group from the live indexes.
    void evaluate(quint64 slot, QList<Finding> &out) const
    {
        const quint64 key = valueOf(slot);
        switch (kindOf(slot)) {
        case HostSlot: evaluateHost(slot, group(byHostPort, key), out); break;
        case PlanSlot: evaluatePlan(slot, group(byPlanned, key), out); break;
        case LatentSlot: evaluateLatent(slot, group(byActual, key), group(byPlanned, key), out); break;
        case ServiceSlot: evaluateService(slot, out); break;
        case NameSlot: evaluateName(slot, group(byName, key), out); break;
        case RangeSlot: evaluateRange(slot, out); break;
        case OverlapSlot: evaluateOverlap(slot, out); break;
        case ReferenceSlot: evaluateReference(slot, out); break;
        }
    }

    // An index's group in document order, so messages do not depend on the
    // history of edits. Rows are looked up once per handle.
    QList<int> group(const HandleIndex &index, quint64 key) const
    {
        const QList<int> handles = index.values(key);
        if (handles.size() < 2)
            return handles;
        QList<std::pair<int, int>> rows;
        rows.reserve(handles.size());
        for (int h : handles)
            rows.append({rowOf(h), h});
        std::sort(rows.begin(), rows.end());
        QList<int> result;
        result.reserve(rows.size());
        for (const auto &row : std::as_const(rows))
            result.append(row.second);
        return result;
    }

    // The services and entries of a group, then (once those arrived) the
    // texts the latent-collision rule reads.
    void prefetchServices(std::span<const int> group) const
    {
        for (int h : group) {
            const Service &s = service(h);
            __builtin_prefetch(&s);
            __builtin_prefetch(&entries.at(h));
        }
    }
    void prefetchTexts(std::span<const int> group) const
    {
        for (int h : group) {
            const Service &s = service(h);
            __builtin_prefetch(s.id.constData());
            __builtin_prefetch(s.name.constData());
        }
    }

    // Handles of a group that overlap with at least one other member.
    template<typename Overlaps>
    QList<int> colliding(std::span<const int> group, Overlaps overlaps) const
    {
        QVarLengthArray<bool, 64> hit(qsizetype(group.size()), false);
        for (size_t i = 0; i < group.size(); ++i) {
            for (size_t j = i + 1; j < group.size(); ++j) {
                if (overlaps(group[i], group[j]))
                    hit[i] = hit[j] = true;
            }
        }
        QList<int> result;
        for (size_t i = 0; i < group.size(); ++i) {
            if (hit.at(i))
                result.append(group[i]);
        }
        return result;
    }

    // The evaluations of groups take them in row order.
    void evaluateHost(quint64 slot, std::span<const int> group, QList<Finding> &out) const
    {
        if (group.size() < 2)
            return;
        const QList<int> hits = colliding(group, [this](int a, int b) {
            return bindsOverlap(service(a).bindAddress, service(b).bindAddress);
        });
        if (hits.size() < 2)
            return;
        const Service &first = service(hits.first());
        QStringList ids, names;
        SourceLocation origin;
        for (int h : hits) {
            const Service &s = service(h);
            ids.append(s.id);
            names.append(named(s));
            if (!origin.isValid() && s.origin.isValid())
                origin = s.origin;
        }
        add(out, slot, QStringLiteral("host-collision"),
            tr("Port %1 on %2 is used by %3")
                .arg(portLabel(first.protocol, first.actualPort), hostName(first.hostId), joinNames(names)),
            ids, {first.hostId}, {first.actualPort}, origin);
    }

    void evaluatePlan(quint64 slot, std::span<const int> group, QList<Finding> &out) const
    {
        if (group.size() < 2)
            return;
        // A plan scope is the planned host; a service planned for no host
        // belongs to the whole plan and so meets every scope.
        const QList<int> hits = colliding(group, [this](int a, int b) {
            const int ha = entries.at(a).plannedHost, hb = entries.at(b).plannedHost;
            return ha < 0 || hb < 0 || ha == hb;
        });
        if (hits.size() < 2)
            return;
        const Service &first = service(hits.first());
        QStringList ids, names, hosts;
        for (int h : hits) {
            const Service &s = service(h);
            ids.append(s.id);
            names.append(s.name);
            if (!s.plannedHostId.isEmpty() && !hosts.contains(s.plannedHostId))
                hosts.append(s.plannedHostId);
        }
        add(out, slot, QStringLiteral("plan-collision"),
            tr("Planned port %1 is given to %2").arg(portLabel(first.protocol, first.plannedPort), joinNames(names)),
            ids, hosts, {first.plannedPort});
    }

    void evaluateLatent(quint64 slot, std::span<const int> actual, std::span<const int> planned,
                        QList<Finding> &out) const
    {
        const quint64 key = valueOf(slot);
        const int port = int(key & 0xffff);
        const Protocol protocol = (key >> 16) ? Protocol::Udp : Protocol::Tcp;
        const QString label = portLabel(protocol, port);

        // Both kinds of finding name every service that runs on the port
        // today, with its host; made once, when the first finding needs them.
        QStringList holderIds, holderHosts;
        TextBuilder holders;
        const auto describeHolders = [&] {
            if (!holderIds.isEmpty())
                return; // made already
            holderIds.reserve(actual.size());
            holderHosts.reserve(actual.size());
            QVarLengthArray<int, 32> hostsSeen;
            for (int h : actual) {
                const Service &s = service(h);
                holderIds.append(s.id);
                // The host's own copy of the id: the same text, but at hand.
                const int host = entries.at(h).host;
                if (!hostsSeen.contains(host)) {
                    hostsSeen.append(host);
                    holderHosts.append(schema->hosts.at(host).id);
                }
            }
            appendNames(holders, qsizetype(actual.size()), [&](TextBuilder &text, qsizetype i) {
                const Service &s = service(actual[i]);
                onHostTemplate.appendTo(text, s.name, hostName(entries.at(actual[i]).host, s.hostId));
            });
        };

        // Same port on different hosts: fine today, a collision once the two
        // meet on one host. One service deployed on many hosts (an exporter
        // everywhere) is a pattern, not a risk, so it takes two names.
        if (actual.size() > 1) {
            const Entry &first = entries.at(actual.front());
            const QString &firstName = service(actual.front()).name;
            bool manyHosts = false, manyNames = false;
            for (int h : actual) {
                manyHosts = manyHosts || entries.at(h).host != first.host;
                manyNames = manyNames || service(h).name != firstName;
            }
            if (manyHosts && manyNames) {
                describeHolders();
                TextBuilder message;
                usedByTemplate.appendTo(message, label, holders);
                add(out, slot, QStringLiteral("latent-collision"), message.toString(), holderIds, holderHosts, {port});
            }
        }

        // One service's actual port is another's planned port: executing the
        // plan would put them on the same port.
        if (!actual.empty() && !planned.empty()) {
            // A service planned here but running elsewhere would move onto
            // every service that runs here today (it is not among them: its
            // own actual port differs), so the lists are simply both sides.
            QStringList ids, planners;
            for (int p : planned) {
                if (entries.at(p).latentActual == port)
                    continue; // already there: nothing would move
                if (ids.isEmpty()) {
                    ids.reserve(qsizetype(planned.size() + actual.size())); // the holders join them below
                    planners.reserve(qsizetype(planned.size()));
                }
                const Service &sp = service(p);
                ids.append(sp.id);
                planners.append(sp.name);
            }
            if (!planners.isEmpty()) {
                describeHolders();
                TextBuilder message;
                const auto plannerNames = [&](TextBuilder &text) {
                    appendNames(text, planners.size(), [&](TextBuilder &name, qsizetype i) { name += planners.at(i); });
                };
                plannedForTemplate.appendTo(message, label, plannerNames, holders);
                ids += holderIds;
                add(out, slot, QStringLiteral("latent-collision"), message.toString(), std::move(ids), holderHosts,
                    {port});
            }
        }
    }

    void evaluateName(quint64 slot, std::span<const int> sorted, QList<Finding> &out) const
    {
        if (sorted.size() < 2)
            return;
        // The bucket holds one host's services whose names hash alike; group
        // them by the name itself.
        QList<bool> done(sorted.size(), false);
        for (qsizetype i = 0; i < qsizetype(sorted.size()); ++i) {
            if (done.at(i))
                continue;
            const Service &first = service(sorted[i]);
            QStringList ids{first.id};
            for (qsizetype j = i + 1; j < qsizetype(sorted.size()); ++j) {
                const Service &other = service(sorted[j]);
                if (!done.at(j) && other.name == first.name) {
                    done[j] = true;
                    ids.append(other.id);
                }
            }
            if (ids.size() < 2)
                continue;
            const QString message = first.hostId.isEmpty()
                ? tr("%n services without a host are named %1", nullptr, int(ids.size())).arg(first.name)
                : tr("%n services on %1 are named %2", nullptr, int(ids.size())).arg(hostName(first.hostId), first.name);
            add(out, slot, QStringLiteral("duplicate-name"), message, ids,
                first.hostId.isEmpty() ? QStringList() : QStringList{first.hostId}, {});
        }
    }

    void evaluateService(quint64 slot, QList<Finding> &out) const
    {
        const int handle = int(valueOf(slot));
        if (handle >= entries.size() || !entries.at(handle).alive)
            return;
        const Service &s = service(handle);
        // Built only when a finding needs them: most services have none.
        const auto ids = [&s] { return QStringList{s.id}; };
        const auto hosts = [&s] { return s.hostId.isEmpty() ? QStringList() : QStringList{s.hostId}; };

        const int ports[] = {s.plannedPort, s.actualPort, s.containerPort, s.metrics.port};
        for (int i = 0; i < 4; ++i) {
            if (ports[i] == 0 || isValidPort(ports[i]))
                continue;
            const QString what = i == 0 ? tr("planned port")
                : i == 1                ? tr("actual port")
                : i == 2                ? tr("container port")
                                        : tr("metrics port");
            add(out, slot, QStringLiteral("invalid-port"),
                tr("%1 has %2 %3, outside 1-65535").arg(s.name, what).arg(ports[i]), ids(), hosts(), {ports[i]});
        }

        const PortRange *declared = s.rangeId.isEmpty() ? nullptr : rangeById(s.rangeId);
        const int rangePort = s.plannedPort > 0 ? s.plannedPort : s.actualPort;
        if (isValidPort(rangePort) && s.status != ServiceStatus::Retired) {
            if (declared && !declared->contains(rangePort)) {
                add(out, slot, QStringLiteral("out-of-range"),
                    tr("%1 is listed under %2 %3 but has port %4")
                        .arg(s.name, declared->label(), declared->title)
                        .arg(rangePort),
                    ids(), hosts(), {rangePort});
            } else if (!declared && narrowestRange.at(rangePort) < 0) {
                add(out, slot, QStringLiteral("unranged"),
                    format(unrangedTemplate, s.name, QString::number(rangePort)), ids(), hosts(), {rangePort});
            }
        }

        if (s.status != ServiceStatus::Retired) {
            QList<int> reservedPorts;
            for (int port : {s.plannedPort, s.actualPort}) {
                if (isValidPort(port) && reservedPort.at(port) && !reservedPorts.contains(port))
                    reservedPorts.append(port);
            }
            for (int port : std::as_const(reservedPorts)) {
                const Reservation *r = schema->reservationAt(port);
                add(out, slot, QStringLiteral("reserved"),
                    tr("%1 uses port %2, reserved (%3)").arg(s.name).arg(port).arg(r ? r->label() : QString()), ids(),
                    hosts(), {port});
            }
        }

        if (s.plannedPort > 0 && s.actualPort > 0 && s.plannedPort != s.actualPort) {
            add(out, slot, QStringLiteral("drift"),
                format(runsButPlannedTemplate, s.name, QString::number(s.actualPort), QString::number(s.plannedPort)),
                ids(), hosts(), {s.plannedPort, s.actualPort});
        }
        if (!s.plannedHostId.isEmpty() && !s.hostId.isEmpty() && s.plannedHostId != s.hostId) {
            add(out, slot, QStringLiteral("drift"),
                format(runsButPlannedTemplate, s.name, hostName(s.hostId), hostName(s.plannedHostId)), ids(),
                {s.hostId, s.plannedHostId}, {});
        }

        if (s.undocumented) {
            add(out, slot, QStringLiteral("undocumented"),
                s.origin.isValid() ? format(undocumentedTemplate, s.name, s.origin.toString())
                                   : tr("%1 runs but is not in the plan").arg(s.name),
                ids(), hosts(), {s.actualPort}, s.origin);
        }

        if (s.metrics.enabled && s.metrics.port > 0) {
            const int expected = s.containerPort > 0 ? s.containerPort : s.actualPort > 0 ? s.actualPort : s.plannedPort;
            if (expected > 0 && s.metrics.port != expected) {
                add(out, slot, QStringLiteral("metrics-port-mismatch"),
                    tr("%1 is scraped on port %2 but listens on %3").arg(s.name).arg(s.metrics.port).arg(expected),
                    ids(), hosts(), {s.metrics.port, expected}, s.metrics.origin);
            }
        }

        if (!s.counterpartId.isEmpty() && s.plannedPort > 0) {
            const int backendHandle = handleFor(s.counterpartId);
            if (backendHandle >= 0) {
                const Service &backend = service(backendHandle);
                if (backend.plannedPort > 0 && backend.plannedPort % 10 != s.plannedPort % 10) {
                    add(out, slot, QStringLiteral("pairing-digits"),
                        tr("%1 (%2) and its backend %3 (%4) don't share the last digit")
                            .arg(s.name)
                            .arg(s.plannedPort)
                            .arg(backend.name)
                            .arg(backend.plannedPort),
                        {s.id, backend.id}, hosts(), {s.plannedPort, backend.plannedPort});
                }
            }
        }

        QList<int> privileged, ephemeral;
        for (int port : {s.plannedPort, s.actualPort}) {
            if (!isValidPort(port))
                continue;
            if (port < 1024 && !privileged.contains(port))
                privileged.append(port);
            if (port >= FirstEphemeralPort && !ephemeral.contains(port))
                ephemeral.append(port);
        }
        for (int port : std::as_const(privileged))
            add(out, slot, QStringLiteral("privileged-port"),
                tr("%1 uses port %2, which needs privileges to bind").arg(s.name).arg(port), ids(), hosts(), {port});
        for (int port : std::as_const(ephemeral))
            add(out, slot, QStringLiteral("ephemeral-port"), format(ephemeralTemplate, s.name, QString::number(port)),
                ids(), hosts(), {port});
    }

    void evaluateRange(quint64 slot, QList<Finding> &out) const
    {
        const int i = int(valueOf(slot));
        if (i >= schema->ranges.size())
            return;
        const PortRange &r = schema->ranges.at(i);
        const int used = rangeUsed.value(i);
        const int size = qMax(1, r.size());
        if (used * 100 >= schema->ruleSettings.rangeFullPercent * size) {
            add(out, slot, QStringLiteral("range-full"),
                tr("%1 %2 is %3% full (%4 of %5 ports used or reserved)")
                    .arg(r.label(), r.title)
                    .arg(used * 100 / size)
                    .arg(used)
                    .arg(size),
                {}, {}, {r.first, r.last});
        }
    }

    bool nestedOnPurpose(const PortRange &a, const PortRange &b) const
    {
        // Walk each parent chain (bounded, in case of a cycle).
        for (const PortRange *x : {&a, &b}) {
            const PortRange *other = x == &a ? &b : &a;
            const PortRange *p = x;
            for (int depth = 0; p && !p->parentId.isEmpty() && depth < 32; ++depth) {
                if (p->parentId == other->id)
                    return true;
                p = rangeById(p->parentId);
            }
        }
        return false;
    }

    void evaluateOverlap(quint64 slot, QList<Finding> &out) const
    {
        QList<int> order(schema->ranges.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [this](int a, int b) {
            return schema->ranges.at(a).first < schema->ranges.at(b).first;
        });
        // Sorted by start, each range only meets those starting before it ends.
        for (int i = 0; i < order.size(); ++i) {
            const PortRange &a = schema->ranges.at(order.at(i));
            for (int j = i + 1; j < order.size(); ++j) {
                const PortRange &b = schema->ranges.at(order.at(j));
                if (b.first > a.last)
                    break;
                if (nestedOnPurpose(a, b))
                    continue;
                add(out, slot, QStringLiteral("range-overlap"),
                    tr("Ranges %1 %2 and %3 %4 overlap on %5-%6")
                        .arg(a.label(), a.title, b.label(), b.title)
                        .arg(qMax(a.first, b.first))
                        .arg(qMin(a.last, b.last)),
                    {}, {}, {qMax(a.first, b.first), qMin(a.last, b.last)});
            }
        }
    }

    void evaluateReference(quint64 slot, QList<Finding> &out) const
    {
        const int i = int(valueOf(slot));
        if (i >= schema->references.size())
            return;
        const Reference &ref = schema->references.at(i);
        const int toHandle = handleFor(ref.toServiceId);
        const int fromHandle = handleFor(ref.fromServiceId);
        const Service *from = fromHandle >= 0 ? &service(fromHandle) : nullptr;
        const QString fromName = from ? from->name : ref.fromServiceId;
        QStringList ids;
        if (from)
            ids.append(from->id);
        if (toHandle < 0) {
            add(out, slot, QStringLiteral("broken-reference"),
                tr("%1 refers to %2, which is not in the schema").arg(fromName, ref.toServiceId), ids, {}, {ref.port},
                ref.origin);
            return;
        }
        const Service &to = service(toHandle);
        // In the network a service is reached on its container port; from
        // outside on the port its host publishes.
        int listening = 0;
        if (ref.viaHost)
            listening = to.actualPort > 0 ? to.actualPort : to.plannedPort;
        else
            listening = to.containerPort > 0 ? to.containerPort : to.actualPort > 0 ? to.actualPort : to.plannedPort;
        if (listening == ref.port || listening == 0)
            return;
        if (!ids.contains(to.id))
            ids.append(to.id);
        const QString message = ref.origin.isValid()
            ? tr("%1 expects %2 on port %3, but it listens on %4 (%5)")
                  .arg(fromName, to.name)
                  .arg(ref.port)
                  .arg(listening)
                  .arg(ref.origin.toString())
            : tr("%1 expects %2 on port %3, but it listens on %4").arg(fromName, to.name).arg(ref.port).arg(listening);
        add(out, slot, QStringLiteral("broken-reference"), message,
            ids, to.hostId.isEmpty() ? QStringList() : QStringList{to.hostId}, {ref.port, listening}, ref.origin);
    }
};

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
    connect(document, &SchemaDocument::serviceInserted, this, &Analyzer::onServiceInserted);
    connect(document, &SchemaDocument::serviceAboutToBeRemoved, this, &Analyzer::onServiceAboutToBeRemoved);
    connect(document, &SchemaDocument::serviceRemoved, this, &Analyzer::onServiceRemoved);
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
    d->rebuild();
    d->bySlot.clear();
    d->slotsOfService.clear();
    mFindingCount = 0;
    std::fill(std::begin(mCounts), std::end(mCounts), 0);
    d->forEachSlot([this](quint64 slot) {
        QList<Finding> now = d->evaluate(slot);
        if (now.isEmpty())
            return;
        for (const Finding &f : std::as_const(now)) {
            ++mCounts[int(f.severity)];
            ++mFindingCount;
            for (const QString &id : f.serviceIds) {
                QList<quint64> &serviceSlots = d->slotsOfService[id];
                if (serviceSlots.isEmpty() || serviceSlots.last() != slot)
                    serviceSlots.append(slot);
            }
        }
        d->bySlot.insert(slot, now);
    });
    emit reanalyzed();
}

void Analyzer::commit(const QSet<quint64> &buckets)
{
    QList<Finding> removed, added;
    QSet<QString> affected;
    for (quint64 slot : buckets) {
        QList<Finding> now = d->evaluate(slot);
        auto it = d->bySlot.find(slot);
        if (it == d->bySlot.end()) {
            if (now.isEmpty())
                continue;
            it = d->bySlot.insert(slot, {});
        }
        if (*it == now)
            continue;
        QSet<QString> before, after;
        for (const Finding &f : std::as_const(*it)) {
            removed.append(f);
            --mCounts[int(f.severity)];
            --mFindingCount;
            for (const QString &id : f.serviceIds)
                before.insert(id);
        }
        for (const Finding &f : std::as_const(now)) {
            added.append(f);
            ++mCounts[int(f.severity)];
            ++mFindingCount;
            for (const QString &id : f.serviceIds)
                after.insert(id);
        }
        for (const QString &id : std::as_const(before)) {
            if (!after.contains(id)) {
                auto s = d->slotsOfService.find(id);
                if (s != d->slotsOfService.end()) {
                    s->removeOne(slot);
                    if (s->isEmpty())
                        d->slotsOfService.erase(s);
                }
            }
        }
        for (const QString &id : std::as_const(after)) {
            if (!before.contains(id))
                d->slotsOfService[id].append(slot);
        }
        affected.unite(before).unite(after);
        if (now.isEmpty())
            d->bySlot.erase(it);
        else
            *it = now;
    }
    if (!removed.isEmpty() || !added.isEmpty())
        emit findingsChanged(removed, added, QStringList(affected.cbegin(), affected.cend()));
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
    const QList<quint64> buckets = d->slotsOfService.value(serviceId);
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
    const auto buckets = d->slotsOfService.constFind(serviceId);
    if (buckets == d->slotsOfService.constEnd())
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
    const int handle = d->handleFor(s.id);
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

void Analyzer::onServiceInserted(int row)
{
    const Service &s = mDocument->service(row);
    const int handle = d->freeHandles.isEmpty() ? d->newHandle() : d->freeHandles.takeLast();
    d->setEntry(handle, s);
    d->handleOf.insert(s.id, handle);
    QSet<quint64> buckets;
    d->index(handle, &buckets);
    d->slotsOf(handle, buckets);
    commit(buckets);
}

void Analyzer::onServiceAboutToBeRemoved(int row)
{
    const QString id = mDocument->service(row).id;
    const int handle = d->handleFor(id);
    if (handle < 0)
        return;
    QSet<quint64> buckets;
    d->slotsOf(handle, buckets);
    d->unindex(handle, &buckets);
    d->entries[handle].alive = false;
    d->handleOf.remove(id);
    d->freeHandles.append(handle);
    mPendingRemoval = buckets;
}

void Analyzer::onServiceRemoved(int)
{
    // Evaluated after the row is gone, so messages and rows see the new document.
    commit(std::exchange(mPendingRemoval, {}));
}

} // namespace Portolan
