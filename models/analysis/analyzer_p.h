#pragma once

// Analyzer::Private: the indexes of the live analysis and the rule
// evaluators. analyzer.cpp keeps the indexes up to date and runs the
// one-shot analysis; rules.cpp evaluates the rules, one evaluator a bucket
// kind. Only those two files include it.

#include "analyzer.h"

#include "schemadocument.h"
#include "texthash.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <numeric>
#include <span>
#include <vector>

namespace Portolan {

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

inline bool isWildcard(const QString &bind)
{
    return bind.isEmpty() || bind == QLatin1String("0.0.0.0") || bind == QLatin1String("::")
        || bind == QLatin1String("[::]") || bind == QLatin1String("*");
}

inline QString normalizedBind(const QString &bind)
{
    if (bind.startsWith(QLatin1Char('[')) && bind.endsWith(QLatin1Char(']')))
        return bind.mid(1, bind.size() - 2);
    return bind;
}

// An empty bind address (or *) is every address of both families.
inline bool isAnyFamily(const QString &bind)
{
    return bind.isEmpty() || bind == QLatin1String("*");
}

inline bool isIpv6(const QString &bind)
{
    return bind.contains(QLatin1Char(':'));
}

// Two binds of one port clash when their addresses overlap. An empty bind
// listens on everything. 0.0.0.0 covers every IPv4 address and :: every IPv6
// address; they are separate sockets: the engine publishes a port on both
// (what Docker's "0.0.0.0:P" plus "[::]:P" output shows), and Linux lets
// them coexist because the IPv6 socket is bound v6-only there. So an address
// of one family never clashes with a bind of the other.
inline bool bindsOverlap(const QString &a, const QString &b)
{
    if (isAnyFamily(a) || isAnyFamily(b))
        return true;
    const QString na = normalizedBind(a);
    const QString nb = normalizedBind(b);
    if (isIpv6(na) != isIpv6(nb))
        return false;
    return isWildcard(na) || isWildcard(nb) || na == nb;
}

// Two services that never run together: compose services in disjoint
// profile sets, or sharing one container_name (the engine refuses to start
// a second container of that name).
inline bool areAlternatives(const Service &a, const Service &b)
{
    if (!a.profiles.isEmpty() && !b.profiles.isEmpty()) {
        bool shared = false;
        for (const QString &p : a.profiles)
            shared = shared || b.profiles.contains(p);
        if (!shared)
            return true;
    }
    const QString keyA = a.aliases.value(0);
    const QString keyB = b.aliases.value(0);
    const QString containerA = a.aliases.value(1);
    const QString containerB = b.aliases.value(1);
    return !keyA.isEmpty() && !keyB.isEmpty() && keyA != keyB && !containerA.isEmpty() && containerA == containerB;
}

// A service occupies its actual port on its host unless it is not running.
inline bool occupies(const Service &s)
{
    return s.actualPort > 0 && s.actualPort <= 65535 && !s.hostId.isEmpty()
        && s.status != ServiceStatus::Retired && s.status != ServiceStatus::NotDeployed;
}

inline bool plans(const Service &s)
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
        if (mDense.size() != size_t(mDenseKeys) || mUsedOverflow) {
            mDense.assign(size_t(mDenseKeys), Bucket());
        } else {
            for (quint32 key : mUsed)
                mDense[key] = Bucket();
        }
        mUsed.clear();
        mUsedOverflow = false;
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
        if (mDenseKeys && b.size == 0 && !mUsedOverflow)
            noteUsed(quint32(key));
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

    // The same handles, in no particular order, without a list.
    template<typename Visit>
    void forEachValue(quint64 key, Visit visit) const
    {
        const Bucket *b = find(key);
        for (int h = b ? b->head : -1, left = b ? b->size : 0; h >= 0 && left > 0; h = mNext[size_t(h)], --left)
            visit(h);
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

    // A dense index remembers the keys it used while they are few, so that
    // clearing a small plan's index does not walk every port.
    void noteUsed(quint32 key)
    {
        if (mUsed.size() >= size_t(mDenseKeys / 16)) {
            mUsedOverflow = true;
            mUsed.clear();
            return;
        }
        mUsed.push_back(key);
    }

    quint64 mDenseKeys;
    std::vector<quint32> mUsed;
    bool mUsedOverflow = true; // until the first clear() sizes mDense
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

    // How many handles have a key below key (at most keys).
    qsizetype countBelow(quint64 key) const { return mStart[size_t(key)]; }

private:
    std::vector<int> mStart; // per key, where its group begins in mHandles
    std::vector<int> mHandles;
};

// FNV-1a over the UTF-16 units: names are short, and a collision only costs
// the evaluation a string comparison.
inline quint32 nameHash(const QString &name)
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
    // Service id → handle, for the one-shot analysis (a live analyzer asks
    // its document): built only when a counterpart or reference needs a
    // lookup.
    mutable TextHash<int> handleOf;
    mutable std::atomic<bool> handleOfBuilt = false;
    mutable std::mutex handleOfMutex;

    int handleFor(const QString &id) const;
    bool analyzingAll = false; // in analyzeOnce(): every row has a live handle
    TextHash<int> hostIds;        // host id → index
    // Planned and actual ports are keyed by (protocol, port) alone: 2^17 keys.
    HandleIndex byHostPort, byPlanned{PortKeys}, byActual{PortKeys}, byName;
    TextHash<QList<int>> byCounterpart; // backend id → frontends
    TextHash<QList<int>> referencesOf;  // service id → reference indexes
    QList<int> plannedPortUse;                // per port: planned services
    QList<bool> reservedPort;
    QList<int> rangeUsed;
    TextHash<int> rangeIds;
    QList<qint16> narrowestRange; // per port: index of the narrowest range holding it, -1 none

    QHash<quint64, QList<Finding>> bySlot;
    // A service is in one or two findings' buckets, mostly: kept inline,
    // without an allocation for each of a fleet's services.
    using Slots = QVarLengthArray<quint64, 2>;
    // Made from bySlot when first asked for (what a service's findings are):
    // a diff or a move's impact never asks, and a fleet's took a twentieth
    // of a diff to make. Kept up to date by commit() from then on.
    const TextHash<Slots> &serviceSlots() const
    {
        if (!slotsOfServiceMade) {
            slotsOfService.reserve(qsizetype(bySlot.size()));
            for (auto it = bySlot.cbegin(); it != bySlot.cend(); ++it) {
                for (const Finding &f : it.value()) {
                    for (const QString &id : f.serviceIds) {
                        Slots &serviceSlots = slotsOfService[id];
                        if (!serviceSlots.contains(it.key()))
                            serviceSlots.append(it.key());
                    }
                }
            }
            slotsOfServiceMade = true;
        }
        return slotsOfService;
    }
    mutable TextHash<Slots> slotsOfService;
    mutable bool slotsOfServiceMade = false;

    // The messages that latent collisions make by the thousand, translated
    // once per rebuild.
    MessageTemplate andTemplate, onHostTemplate, usedByTemplate, plannedForTemplate;
    // Rules of single services that fire by the thousand in a large fleet.
    MessageTemplate runsButPlannedTemplate, ephemeralTemplate, unrangedTemplate, undocumentedTemplate;

    // The live analyzer's handles drift from rows with inserts and removals:
    // both directions are kept here, so that evaluating a bucket finds its
    // services' rows without a lookup by id.
    QList<int> rowOfHandle; // -1 for a free handle
    QList<int> handleOfRow;

    int rowOf(int handle) const { return document ? rowOfHandle.at(handle) : handle; }
    // A handle of a service that is in the analysis, else -1. A one-shot
    // analysis has every row alive, also rows it has no entry for yet (the
    // other thread may be making it).
    int aliveHandle(int handle) const
    {
        return handle >= 0 && (analyzingAll || entries.at(handle).alive) ? handle : -1;
    }
    int handleAtRow(int row) const
    {
        return row >= 0 && row < handleOfRow.size() ? aliveHandle(handleOfRow.at(row)) : -1;
    }
    void resetRows(qsizetype n)
    {
        handleOfRow.resize(n);
        std::iota(handleOfRow.begin(), handleOfRow.end(), 0);
        rowOfHandle = handleOfRow;
    }
    // Rows from `from` on moved: what a row insert or removal costs the
    // document's own id map too.
    void renumberRows(int from)
    {
        for (int row = from; row < handleOfRow.size(); ++row)
            rowOfHandle[handleOfRow.at(row)] = row;
    }
    void insertRows(int row, const QList<int> &handles)
    {
        const int highest = *std::max_element(handles.cbegin(), handles.cend());
        if (rowOfHandle.size() <= highest)
            rowOfHandle.resize(highest + 1, -1);
        handleOfRow.insert(row, handles.size(), -1);
        std::copy(handles.cbegin(), handles.cend(), handleOfRow.begin() + row);
        renumberRows(row);
    }
    void removeRows(int row, int count)
    {
        for (int i = row; i < row + count; ++i)
            rowOfHandle[handleOfRow.at(i)] = -1;
        handleOfRow.remove(row, count);
        renumberRows(row);
    }
    const Service &service(int handle) const { return schema->services.at(rowOf(handle)); }

    int internHost(const QString &id) const { return id.isEmpty() ? -1 : hostIds.value(id, -1); }

    Entry entryFor(const Service &s);

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

    void index(int handle, QSet<quint64> *touched);

    void unindex(int handle, QSet<quint64> *touched);

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
    void slotsOf(int handle, QSet<quint64> &buckets) const;

    // What both the live indexes and the one-shot analysis need: the
    // schema's hosts, ranges and reservations by port, and the messages.
    void prepare();

    // A range's use counts a port once, however many services plan it.
    void countRangeUse()
    {
        for (int i = 0; i < schema->ranges.size(); ++i) {
            const PortRange &r = schema->ranges.at(i);
            for (int p = qMax(1, r.first); p <= qMin(65535, r.last); ++p)
                rangeUsed[i] += reservedPort.at(p) || plannedPortUse.at(p) > 0;
        }
    }

    // The live indexes of the entries that analyzeOnce() made, one handle
    // a row.
    void indexEntries();

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
    void analyzeOnce(QList<Finding> &out);

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
    bool configure(Finding &f) const;

    // Takes its arguments by value, and moves them on: each copy of a
    // finding costs a reference count per member.
    void add(QList<Finding> &out, quint64 slot, const QString &rule, QString message, QStringList services,
             QStringList hosts, QList<int> ports, const SourceLocation &origin = {}) const;

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
    void evaluate(quint64 slot, QList<Finding> &out) const;

    // An index's group in document order, so messages do not depend on the
    // history of edits. Rows are looked up once per handle.
    QList<int> group(const HandleIndex &index, quint64 key) const;

    // The services and entries of a group, then (once those arrived) the
    // texts the latent-collision rule reads.
    void prefetchServices(std::span<const int> group) const;
    void prefetchTexts(std::span<const int> group) const;
    // The services and entries a bucket's evaluation reads, asked for ahead
    // of it by the live analyzer.
    void prefetchBucket(quint64 slot) const;

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
    void evaluateHost(quint64 slot, std::span<const int> group, QList<Finding> &out) const;

    void evaluatePlan(quint64 slot, std::span<const int> group, QList<Finding> &out) const;

    void evaluateLatent(quint64 slot, std::span<const int> actual, std::span<const int> planned,
                        QList<Finding> &out) const;

    void evaluateName(quint64 slot, std::span<const int> sorted, QList<Finding> &out) const;

    void evaluateService(quint64 slot, QList<Finding> &out) const;

    void evaluateRange(quint64 slot, QList<Finding> &out) const;

    bool nestedOnPurpose(const PortRange &a, const PortRange &b) const;

    void evaluateOverlap(quint64 slot, QList<Finding> &out) const;

    void evaluateReference(quint64 slot, QList<Finding> &out) const;
};

} // namespace Portolan
