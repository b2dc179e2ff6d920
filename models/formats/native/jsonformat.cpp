#include "jsonformat.h"

#include "heap.h"
#include "jsonreader.h"
#include "texthash.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <array>
#include <charconv>
#include <cmath>
#include <thread>

namespace Portolan {

namespace {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::JsonFormat)
};
} // namespace

// Keys are written in this order; a key not listed comes after, sorted.
const QStringList &keyOrder()
{
    static const QStringList order = {
        QStringLiteral("format"), QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("title"),
        QStringLiteral("first"), QStringLiteral("last"), QStringLiteral("from"), QStringLiteral("to"),
        QStringLiteral("aliases"), QStringLiteral("range"), QStringLiteral("plannedPort"),
        QStringLiteral("actualPort"), QStringLiteral("host"), QStringLiteral("plannedHost"),
        QStringLiteral("protocol"), QStringLiteral("bindAddress"), QStringLiteral("containerPort"),
        QStringLiteral("runtime"), QStringLiteral("description"), QStringLiteral("status"),
        QStringLiteral("exposure"), QStringLiteral("publicHostname"), QStringLiteral("deployment"),
        QStringLiteral("metrics"), QStringLiteral("counterpart"), QStringLiteral("address"),
        QStringLiteral("platform"), QStringLiteral("purpose"), QStringLiteral("colour"), QStringLiteral("parent"),
        QStringLiteral("port"), QStringLiteral("viaHost"), QStringLiteral("kind"), QStringLiteral("text"),
        QStringLiteral("note"), QStringLiteral("notes"), QStringLiteral("profiles"),
        QStringLiteral("undocumented"), QStringLiteral("origin"), QStringLiteral("principles"),
        QStringLiteral("dates"), QStringLiteral("sections"), QStringLiteral("hosts"), QStringLiteral("ranges"),
        QStringLiteral("reservations"), QStringLiteral("services"), QStringLiteral("references"),
        QStringLiteral("rules"), QStringLiteral("files"), QStringLiteral("project"), QStringLiteral("envFile"),
        QStringLiteral("sources"),
    };
    return order;
}

// The position of a key in keyOrder(), or past its end for keys not listed.
int keyRank(const QString &key)
{
    static const QHash<QString, int> ranks = [] {
        QHash<QString, int> r;
        const QStringList &order = keyOrder();
        for (int i = 0; i < order.size(); ++i)
            r.insert(order.at(i), i);
        return r;
    }();
    return ranks.value(key, int(keyOrder().size()));
}

void writeValue(QByteArray &out, const QJsonValue &value, int indent);

void writeString(QByteArray &out, QStringView s)
{
    Json::appendString(out, s);
}

void writeObject(QByteArray &out, const QJsonObject &object, int indent)
{
    if (object.isEmpty()) {
        out += "{}";
        return;
    }
    std::vector<std::pair<int, QString>> keys;
    keys.reserve(object.size());
    for (auto it = object.begin(); it != object.end(); ++it)
        keys.emplace_back(keyRank(it.key()), it.key());
    std::sort(keys.begin(), keys.end());
    const QByteArray pad(indent + 2, ' ');
    out += "{\n";
    for (size_t i = 0; i < keys.size(); ++i) {
        out += pad;
        writeString(out, keys.at(i).second);
        out += ": ";
        writeValue(out, object.value(keys.at(i).second), indent + 2);
        out += i + 1 < keys.size() ? ",\n" : "\n";
    }
    out += QByteArray(indent, ' ') + '}';
}

void writeArray(QByteArray &out, const QJsonArray &array, int indent)
{
    if (array.isEmpty()) {
        out += "[]";
        return;
    }
    // Arrays of scalars stay on one line; arrays of objects get one per line.
    bool scalars = true;
    for (const QJsonValue &v : array)
        scalars = scalars && !v.isObject() && !v.isArray();
    if (scalars) {
        out += '[';
        for (int i = 0; i < array.size(); ++i) {
            if (i)
                out += ", ";
            writeValue(out, array.at(i), indent);
        }
        out += ']';
        return;
    }
    const QByteArray pad(indent + 2, ' ');
    out += "[\n";
    for (int i = 0; i < array.size(); ++i) {
        out += pad;
        writeValue(out, array.at(i), indent + 2);
        out += i + 1 < array.size() ? ",\n" : "\n";
    }
    out += QByteArray(indent, ' ') + ']';
}

void writeValue(QByteArray &out, const QJsonValue &value, int indent)
{
    switch (value.type()) {
    case QJsonValue::Object: writeObject(out, value.toObject(), indent); break;
    case QJsonValue::Array: writeArray(out, value.toArray(), indent); break;
    case QJsonValue::String: writeString(out, value.toString()); break;
    case QJsonValue::Bool: out += value.toBool() ? "true" : "false"; break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Converting a double outside qint64's range is undefined: test the range first.
        const bool integral = d >= -9007199254740992.0 && d <= 9007199254740992.0 && d == std::trunc(d);
        out += integral ? QByteArray::number(qint64(d)) : QByteArray::number(d, 'g', 17);
        break;
    }
    default: out += "null"; break;
    }
}

// Writes one object straight from the domain types, for the lists that
// grow with the fleet (services, references): the caller adds the keys in
// keyOrder(), which is what writeObject() gives for the same object.
class ObjectWriter
{
public:
    ObjectWriter(QByteArray &out, int indent)
        : mOut(out)
        , mIndent(indent)
    {
    }

    void key(const char *key)
    {
        mOut += mEmpty ? "{\n" : ",\n";
        mEmpty = false;
        mOut.append(mIndent + 2, ' ');
        mOut += '"';
        mOut += key;
        mOut += "\": ";
    }
    void key(const QString &key)
    {
        mOut += mEmpty ? "{\n" : ",\n";
        mEmpty = false;
        mOut.append(mIndent + 2, ' ');
        writeString(mOut, key);
        mOut += ": ";
    }
    void string(const char *k, const QString &value)
    {
        key(k);
        writeString(mOut, value);
    }
    void optionalString(const char *k, const QString &value)
    {
        if (!value.isEmpty())
            string(k, value);
    }
    void integer(const char *k, int value)
    {
        key(k);
        mOut += QByteArray::number(value);
    }
    void optionalInteger(const char *k, int value)
    {
        if (value != 0)
            integer(k, value);
    }
    void boolean(const char *k, bool value)
    {
        key(k);
        mOut += value ? "true" : "false";
    }
    void optionalList(const char *k, const QStringList &values)
    {
        if (values.isEmpty())
            return;
        key(k);
        mOut += '[';
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i)
                mOut += ", ";
            writeString(mOut, values.at(i));
        }
        mOut += ']';
    }
    // Keys not in keyOrder() ("column", "file", "line") sort by name.
    void origin(const SourceLocation &l)
    {
        key("origin");
        ObjectWriter o(mOut, mIndent + 2);
        o.optionalInteger("column", l.column);
        o.string("file", l.file);
        o.optionalInteger("line", l.line);
        o.finish();
    }
    QByteArray &out() { return mOut; }
    int indent() const { return mIndent; }
    void finish()
    {
        if (mEmpty) {
            mOut += "{}";
            return;
        }
        mOut += '\n';
        mOut.append(mIndent, ' ');
        mOut += '}';
    }

private:
    QByteArray &mOut;
    int mIndent;
    bool mEmpty = true;
};

void writeService(QByteArray &out, const Service &s, int indent)
{
    ObjectWriter o(out, indent);
    o.string("id", s.id);
    o.string("name", s.name);
    o.optionalList("aliases", s.aliases);
    o.optionalString("range", s.rangeId);
    o.optionalInteger("plannedPort", s.plannedPort);
    o.optionalInteger("actualPort", s.actualPort);
    o.optionalString("host", s.hostId);
    o.optionalString("plannedHost", s.plannedHostId);
    if (s.protocol != Protocol::Tcp)
        o.string("protocol", protocolToString(s.protocol));
    o.optionalString("bindAddress", s.bindAddress);
    o.optionalInteger("containerPort", s.containerPort);
    o.optionalString("runtime", s.runtime);
    o.optionalString("description", s.description);
    o.string("status", statusToString(s.status));
    o.optionalString("exposure", exposureToString(s.exposure));
    o.optionalString("publicHostname", s.publicHostname);
    o.optionalString("deployment", s.deployment);
    if (!(s.metrics == Metrics())) {
        // Listed keys first (port, origin), then the others by name.
        o.key("metrics");
        ObjectWriter m(out, indent + 2);
        m.optionalInteger("port", s.metrics.port);
        if (s.metrics.origin.isValid())
            m.origin(s.metrics.origin);
        m.boolean("enabled", s.metrics.enabled);
        m.optionalString("interval", s.metrics.interval);
        m.optionalString("job", s.metrics.job);
        m.optionalString("path", s.metrics.path);
        m.finish();
    }
    o.optionalString("counterpart", s.counterpartId);
    o.optionalString("notes", s.notes);
    o.optionalList("profiles", s.profiles);
    if (s.undocumented)
        o.boolean("undocumented", true);
    if (s.origin.isValid())
        o.origin(s.origin);
    o.finish();
}

void writeReference(QByteArray &out, const Reference &r, int indent)
{
    ObjectWriter o(out, indent);
    o.string("from", r.fromServiceId);
    o.string("to", r.toServiceId);
    o.integer("port", r.port);
    if (r.viaHost)
        o.boolean("viaHost", true);
    o.optionalString("kind", r.kind);
    o.optionalString("text", r.text);
    if (r.origin.isValid())
        o.origin(r.origin);
    o.finish();
}

// A list of objects, one per line as writeArray() writes it.
template<typename T, typename Write>
void writeList(ObjectWriter &parent, const char *key, const QList<T> &items, Write write)
{
    parent.key(key);
    QByteArray &out = parent.out();
    if (items.isEmpty()) {
        out += "[]";
        return;
    }
    const int indent = parent.indent() + 2;
    out += "[\n";
    for (qsizetype i = 0; i < items.size(); ++i) {
        out.append(indent + 2, ' ');
        write(out, items.at(i), indent + 2);
        out += i + 1 < items.size() ? ",\n" : "\n";
    }
    out.append(indent, ' ');
    out += ']';
}

void putString(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

void putList(QJsonObject &o, const char *key, const QStringList &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), QJsonArray::fromStringList(value));
}

// The schema but its services, references and free texts (serialize()
// streams those) as JSON objects.
QJsonObject headToJson(const Schema &schema)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), JsonFormat::Version);
    putString(root, "title", schema.title);
    putList(root, "principles", schema.principles);
    if (!schema.dates.isEmpty()) {
        QJsonObject dates;
        for (auto it = schema.dates.cbegin(); it != schema.dates.cend(); ++it)
            dates.insert(it.key(), it.value());
        root.insert(QStringLiteral("dates"), dates);
    }
    QJsonArray hosts;
    for (const Host &h : schema.hosts) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), h.id);
        o.insert(QStringLiteral("name"), h.name);
        putString(o, "address", h.address);
        putString(o, "platform", h.platform);
        putString(o, "notes", h.notes);
        if (!h.sources.isEmpty()) {
            QJsonArray sources;
            for (const RealitySource &source : h.sources) {
                QJsonObject so;
                so.insert(QStringLiteral("kind"), sourceKindToString(source.kind));
                so.insert(QStringLiteral("files"), QJsonArray::fromStringList(source.files));
                putString(so, "project", source.project);
                putString(so, "envFile", source.envFile);
                if (!source.profiles.isEmpty())
                    so.insert(QStringLiteral("profiles"), QJsonArray::fromStringList(source.profiles));
                sources.append(so);
            }
            o.insert(QStringLiteral("sources"), sources);
        }
        hosts.append(o);
    }
    root.insert(QStringLiteral("hosts"), hosts);

    QJsonArray ranges;
    for (const PortRange &r : schema.ranges) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), r.id);
        o.insert(QStringLiteral("first"), r.first);
        o.insert(QStringLiteral("last"), r.last);
        o.insert(QStringLiteral("title"), r.title);
        putString(o, "purpose", r.purpose);
        if (r.colour.isValid())
            o.insert(QStringLiteral("colour"), r.colour.name());
        putString(o, "parent", r.parentId);
        ranges.append(o);
    }
    root.insert(QStringLiteral("ranges"), ranges);

    QJsonArray reservations;
    for (const Reservation &r : schema.reservations) {
        QJsonObject o;
        o.insert(QStringLiteral("first"), r.first);
        o.insert(QStringLiteral("last"), r.last);
        putString(o, "range", r.rangeId);
        putString(o, "note", r.note);
        reservations.append(o);
    }
    root.insert(QStringLiteral("reservations"), reservations);

    const RuleSettings &rs = schema.ruleSettings;
    if (!(rs == RuleSettings())) {
        QJsonObject rules;
        rules.insert(QStringLiteral("rangeFullPercent"), rs.rangeFullPercent);
        QJsonObject settings;
        for (auto it = rs.rules.cbegin(); it != rs.rules.cend(); ++it) {
            QJsonObject o;
            o.insert(QStringLiteral("enabled"), it->enabled);
            if (it->overrideSeverity)
                o.insert(QStringLiteral("severity"), severityToString(it->severity));
            settings.insert(it.key(), o);
        }
        rules.insert(QStringLiteral("settings"), settings);
        root.insert(QStringLiteral("rules"), rules);
    }
    return root;
}

// The reader's JSON types (plain names keep lupdate's contexts right).
using JsonObject = Json::Object;
using JsonArray = Json::Array;
using JsonValue = Json::Value;

// Reads typed values out of JSON objects and remembers the first error with
// its JSON path, and the line and column of the value the path names (or of
// the nearest object above it that is there, for a missing key).
class Reader
{
public:
    Reader(ParseError *error, const Json::Document &document)
        : mError(error)
        , mDocument(document)
    {
    }

    bool failed() const { return mFailed; }

    // Fails with another reader's error (of a part of the same document).
    void failWith(const ParseError &error)
    {
        if (mFailed)
            return;
        mFailed = true;
        mError->path = error.path;
        mError->message = error.message;
        mError->line = error.line;
        mError->column = error.column;
    }

    void fail(const QString &path, const QString &message)
    {
        if (mFailed)
            return;
        mFailed = true;
        mError->path = path;
        mError->message = message;
        lineColumnAt(mDocument.data(), offsetOf(path), &mError->line, &mError->column);
    }

    // Where the value at path (e.g. services[3].metrics.port) starts: each
    // key or index is followed from the root as far as the document has it.
    qsizetype offsetOf(const QString &path) const
    {
        JsonValue at = mDocument.root();
        qsizetype offset = at.offset();
        const QByteArray bytes = path.toUtf8();
        qsizetype i = 0;
        while (i < bytes.size() && !at.isUndefined()) {
            if (bytes.at(i) == '.') {
                ++i;
                continue;
            }
            if (bytes.at(i) == '[') {
                const qsizetype close = bytes.indexOf(']', i);
                if (close < 0)
                    break;
                bool ok = false;
                const int index = bytes.mid(i + 1, close - i - 1).toInt(&ok);
                at = ok ? at.toArray().at(index) : JsonValue();
                i = close + 1;
            } else {
                qsizetype end = i;
                while (end < bytes.size() && bytes.at(end) != '.' && bytes.at(end) != '[')
                    ++end;
                at = at.toObject().value(QByteArrayView(bytes).sliced(i, end - i));
                i = end;
            }
            if (!at.isUndefined())
                offset = at.offset();
        }
        return qMax<qsizetype>(0, offset);
    }

    void checkKeys(const JsonObject &o, const QString &path, std::initializer_list<const char *> allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QByteArrayView key = it.keyBytes();
            bool known = false;
            for (const char *k : allowed)
                known = known || key == QByteArrayView(k);
            if (!known)
                fail(join(path, it.key()), Tr::tr("unknown key \"%1\"").arg(it.key()));
            // A key given twice (a merge gone wrong) would lose the first
            // value on the next save: refused, at the second.
            for (auto before = o.begin(); known && !mFailed && before != it; ++before) {
                if (before.keyBytes() == key)
                    failTwice(path, it);
            }
        }
    }

    // checkKeys() that also hands out the values, in one pass over the
    // object: values[i] is the value of keys[i], Undefined when absent.
    // For the objects a fleet has by the hundred thousand (services).
    template<size_t N>
    void fields(const JsonObject &o, const QString &path, const std::array<QByteArrayView, N> &keys,
                std::array<JsonValue, N> *values)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QByteArrayView key = it.keyBytes();
            size_t i = 0;
            while (i < N && !(keys[i].size() == key.size() && keys[i] == key))
                ++i;
            if (i == N) {
                fail(join(path, it.key()), Tr::tr("unknown key \"%1\"").arg(it.key()));
            } else if (!(*values)[i].isUndefined()) {
                failTwice(path, it);
            } else {
                (*values)[i] = it.value();
            }
        }
    }

    void failTwice(const QString &path, const JsonObject::Iterator &at)
    {
        if (mFailed)
            return;
        fail(join(path, at.key()), Tr::tr("the key \"%1\" appears twice").arg(at.key()));
        lineColumnAt(mDocument.data(), at.keyOffset(), &mError->line, &mError->column);
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

    QString string(const JsonObject &o, const QString &path, const char *key, bool required = false)
    {
        return string(o.value(key), path, key, required);
    }

    // The value-based readers below take the value of key (Undefined when
    // it is absent) and report at path.key.
    QString string(const JsonValue &v, const QString &path, const char *key, bool required = false)
    {
        if (v.isUndefined()) {
            if (required)
                fail(join(path, QLatin1String(key)), Tr::tr("required key is missing"));
            return {};
        }
        if (!v.isString()) {
            fail(join(path, QLatin1String(key)), Tr::tr("expected a string, found %1").arg(typeName(v)));
            return {};
        }
        return v.toString();
    }

    // A string that many services repeat (a host, a range, a file name, a
    // runtime), read once and shared: a 100k plan keeps one copy of each.
    QString shared(const JsonObject &o, const QString &path, const char *key, bool required = false)
    {
        return shared(o.value(key), path, key, required);
    }

    QString shared(const JsonValue &v, const QString &path, const char *key, bool required = false)
    {
        if (!v.isString())
            return string(v, path, key, required);
        // Looked up by its bytes, so a repeated text is not decoded again.
        const QByteArrayView bytes = v.stringBytes();
        if (bytes.isEmpty())
            return {};
        const auto it = mShared.constFind(Utf8Key{bytes});
        if (it != mShared.cend())
            return *it;
        const QString s = v.toString();
        if (mShared.size() < MaxShared)
            mShared.insert(Utf8Key{bytes}, s);
        return s;
    }

    int integer(const JsonObject &o, const QString &path, const char *key, bool required = false)
    {
        return integer(o.value(key), path, key, required);
    }

    int integer(const JsonValue &v, const QString &path, const char *key, bool required = false)
    {
        if (v.isUndefined()) {
            if (required)
                fail(join(path, QLatin1String(key)), Tr::tr("required key is missing"));
            return 0;
        }
        const double d = v.toDouble();
        // The range first: converting 1e300 to an integer is undefined.
        if (!v.isDouble() || !(d >= -2147483648.0 && d <= 2147483647.0) || d != std::trunc(d)) {
            fail(join(path, QLatin1String(key)), Tr::tr("expected an integer, found %1").arg(typeName(v)));
            return 0;
        }
        return int(d);
    }

    int port(const JsonObject &o, const QString &path, const char *key, bool required = false)
    {
        return port(o.value(key), path, key, required);
    }

    int port(const JsonValue &v, const QString &path, const char *key, bool required = false)
    {
        const int p = integer(v, path, key, required);
        if (!mFailed && !v.isUndefined() && !isValidPort(p))
            fail(join(path, QLatin1String(key)), Tr::tr("%1 is not a port number (1-65535)").arg(p));
        return p;
    }

    bool boolean(const JsonObject &o, const QString &path, const char *key, bool defaultValue = false)
    {
        return boolean(o.value(key), path, key, defaultValue);
    }

    bool boolean(const JsonValue &v, const QString &path, const char *key, bool defaultValue = false)
    {
        if (v.isUndefined())
            return defaultValue;
        if (!v.isBool()) {
            fail(join(path, QLatin1String(key)), Tr::tr("expected true or false, found %1").arg(typeName(v)));
            return defaultValue;
        }
        return v.toBool();
    }

    QStringList stringList(const JsonObject &o, const QString &path, const char *key)
    {
        return stringList(o.value(key), path, key);
    }

    QStringList stringList(const JsonValue &v, const QString &path, const char *key)
    {
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(join(path, QLatin1String(key)), Tr::tr("expected a list of strings, found %1").arg(typeName(v)));
            return {};
        }
        QStringList result;
        const JsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString()) {
                fail(QStringLiteral("%1[%2]").arg(join(path, QLatin1String(key))).arg(i),
                     Tr::tr("expected a string, found %1").arg(typeName(a.at(i))));
                return {};
            }
            result.append(a.at(i).toString());
        }
        return result;
    }

    JsonArray array(const JsonObject &o, const QString &path, const char *key)
    {
        const JsonValue v = o.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(join(path, QLatin1String(key)), Tr::tr("expected a list, found %1").arg(typeName(v)));
            return {};
        }
        return v.toArray();
    }

    JsonObject object(const JsonValue &v, const QString &path)
    {
        if (!v.isObject()) {
            fail(path, Tr::tr("expected an object, found %1").arg(typeName(v)));
            return {};
        }
        return v.toObject();
    }

    SourceLocation origin(const JsonObject &o, const QString &path) { return origin(o.value("origin"), path); }

    SourceLocation origin(const JsonValue &v, const QString &path)
    {
        SourceLocation l;
        if (v.isUndefined())
            return l;
        const QString p = join(path, QStringLiteral("origin"));
        const JsonObject oo = object(v, p);
        checkKeys(oo, p, {"file", "line", "column"});
        l.file = shared(oo, p, "file", true);
        l.line = integer(oo, p, "line");
        l.column = integer(oo, p, "column");
        return l;
    }

    static QString typeName(const JsonValue &v)
    {
        switch (v.type()) {
        case Json::Type::Null: return Tr::tr("null");
        case Json::Type::Bool: return Tr::tr("a boolean");
        case Json::Type::Number: return Tr::tr("a number");
        case Json::Type::String: return Tr::tr("a string");
        case Json::Type::Array: return Tr::tr("a list");
        case Json::Type::Object: return Tr::tr("an object");
        case Json::Type::Undefined: return Tr::tr("nothing");
        }
        return {};
    }

private:
    static constexpr qsizetype MaxShared = 65536; // unique texts stop being collected here

    ParseError *mError;
    const Json::Document &mDocument;
    bool mFailed = false;
    // A UTF-8 text of the document as a key.
    struct Utf8Key
    {
        QByteArrayView bytes;
        friend bool operator==(Utf8Key a, Utf8Key b) noexcept { return a.bytes == b.bytes; }
        friend size_t qHash(Utf8Key key, size_t seed) noexcept { return hashBytes(key.bytes.data(), size_t(key.bytes.size()), seed); }
    };
    QHash<Utf8Key, QString> mShared; // views into the document
};

Service readService(Reader &r, const JsonValue &value, const QString &path)
{
    enum Key {
        IdKey, NameKey, AliasesKey, RangeKey, PlannedPortKey, ActualPortKey, HostKey, PlannedHostKey,
        ProtocolKey, BindAddressKey, ContainerPortKey, RuntimeKey, DescriptionKey, StatusKey, ExposureKey,
        PublicHostnameKey, DeploymentKey, MetricsKey, CounterpartKey, NotesKey, ProfilesKey, UndocumentedKey,
        OriginKey, KeyCount
    };
    static constexpr std::array<QByteArrayView, KeyCount> keys = {
        "id", "name", "aliases", "range", "plannedPort", "actualPort", "host", "plannedHost", "protocol",
        "bindAddress", "containerPort", "runtime", "description", "status", "exposure", "publicHostname",
        "deployment", "metrics", "counterpart", "notes", "profiles", "undocumented", "origin"};
    Service s;
    const JsonObject o = r.object(value, path);
    std::array<JsonValue, KeyCount> f;
    r.fields(o, path, keys, &f);
    s.id = r.string(f[IdKey], path, "id", true);
    if (!r.failed() && s.id.isEmpty())
        r.fail(Reader::join(path, QStringLiteral("id")), Tr::tr("the id must not be empty"));
    s.name = r.string(f[NameKey], path, "name", true);
    s.aliases = r.stringList(f[AliasesKey], path, "aliases");
    s.rangeId = r.shared(f[RangeKey], path, "range");
    s.plannedPort = r.port(f[PlannedPortKey], path, "plannedPort");
    s.actualPort = r.port(f[ActualPortKey], path, "actualPort");
    s.hostId = r.shared(f[HostKey], path, "host");
    s.plannedHostId = r.shared(f[PlannedHostKey], path, "plannedHost");
    if (!f[ProtocolKey].isUndefined()) {
        const QString p = r.string(f[ProtocolKey], path, "protocol");
        if (!r.failed() && !protocolFromString(p, &s.protocol))
            r.fail(Reader::join(path, QStringLiteral("protocol")), Tr::tr("\"%1\" is not tcp or udp").arg(p));
    }
    s.bindAddress = r.shared(f[BindAddressKey], path, "bindAddress");
    s.containerPort = r.port(f[ContainerPortKey], path, "containerPort");
    s.runtime = r.shared(f[RuntimeKey], path, "runtime");
    s.description = r.shared(f[DescriptionKey], path, "description");
    const QString status = r.string(f[StatusKey], path, "status");
    if (!r.failed() && !status.isEmpty() && !statusFromString(status, &s.status))
        r.fail(Reader::join(path, QStringLiteral("status")),
               Tr::tr("\"%1\" is not a status (planned, deployed, not-deployed, retired)").arg(status));
    const QString exposure = r.string(f[ExposureKey], path, "exposure");
    if (!r.failed() && !exposureFromString(exposure, &s.exposure))
        r.fail(Reader::join(path, QStringLiteral("exposure")),
               Tr::tr("\"%1\" is not an exposure (public, host, internal)").arg(exposure));
    s.publicHostname = r.string(f[PublicHostnameKey], path, "publicHostname");
    s.deployment = r.shared(f[DeploymentKey], path, "deployment");
    if (!f[MetricsKey].isUndefined()) {
        const QString mp = Reader::join(path, QStringLiteral("metrics"));
        const JsonObject m = r.object(f[MetricsKey], mp);
        r.checkKeys(m, mp, {"enabled", "path", "interval", "port", "job", "origin"});
        s.metrics.enabled = r.boolean(m, mp, "enabled", true);
        s.metrics.path = r.shared(m, mp, "path");
        s.metrics.interval = r.shared(m, mp, "interval");
        s.metrics.port = r.port(m, mp, "port");
        s.metrics.job = r.shared(m, mp, "job");
        s.metrics.origin = r.origin(m, mp);
    }
    s.counterpartId = r.string(f[CounterpartKey], path, "counterpart");
    s.notes = r.shared(f[NotesKey], path, "notes");
    s.profiles = r.stringList(f[ProfilesKey], path, "profiles");
    s.undocumented = r.boolean(f[UndocumentedKey], path, "undocumented");
    s.origin = r.origin(f[OriginKey], path);
    return s;
}

// Reads the text into document; its root must be an object.
bool parseDocument(QByteArray data, const QString &fileName, Json::Document *document, ParseError *error)
{
    error->file = fileName;
    if (refuseUtf16(data, error))
        return false;
    // A UTF-8 byte order mark, as some editors write: RFC 8259 lets a reader
    // ignore it. Columns then count as the editor shows them.
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    // A view: trimming a fleet's file itself would copy all of it.
    if (QByteArrayView(data).trimmed().isEmpty()) {
        error->line = 1;
        error->column = 1;
        error->message = Tr::tr("the file is empty");
        return false;
    }
    qsizetype offset = 0;
    QString reason;
    if (!document->parse(data, &offset, &reason)) {
        lineColumnAt(data, offset, &error->line, &error->column);
        error->message = Tr::tr("not valid JSON: %1").arg(reason);
        return false;
    }
    if (!document->root().isObject()) {
        error->line = 1;
        error->column = 1;
        error->message = Tr::tr("expected a JSON object at the top level");
        return false;
    }
    return true;
}

} // namespace

JsonFormat::JsonFormat()
    : Format({"json", "Portolan::JsonFormat", QT_TRANSLATE_NOOP("Portolan::JsonFormat", "Portolan schema"),
              QT_TRANSLATE_NOOP("Portolan::JsonFormat", "Portolan schema (*.portolan.json *.json)"),
              FormatCapability::Read | FormatCapability::Write})
{
}

QByteArray JsonFormat::serialize(const Schema &schema)
{
    // The small parts go through QJsonObject; the services and references,
    // which grow with the fleet, and the free texts, which can be long, are
    // written straight from the schema.
    const QJsonObject head = headToJson(schema);
    std::vector<std::pair<int, QString>> keys;
    for (auto it = head.begin(); it != head.end(); ++it)
        keys.emplace_back(keyRank(it.key()), it.key());
    const QString notesKey = QStringLiteral("notes");
    const QString sectionsKey = QStringLiteral("sections");
    qsizetype texts = schema.notes.size();
    if (!schema.notes.isEmpty())
        keys.emplace_back(keyRank(notesKey), notesKey);
    if (!schema.sections.isEmpty())
        keys.emplace_back(keyRank(sectionsKey), sectionsKey);
    for (const NoteSection &n : schema.sections)
        texts += n.title.size() + n.text.size() + 64;
    std::sort(keys.begin(), keys.end());
    const int servicesRank = keyRank(QStringLiteral("services"));

    QByteArray out;
    // A little over what the texts take, so that the buffer need not double.
    out.reserve(1024 + schema.services.size() * 256 + schema.references.size() * 128 + texts + texts / 8);
    ObjectWriter root(out, 0);
    auto writeHead = [&](const QString &key) {
        if (key == notesKey) {
            root.string("notes", schema.notes);
        } else if (key == sectionsKey) {
            writeList(root, "sections", schema.sections, [](QByteArray &out, const NoteSection &n, int indent) {
                ObjectWriter o(out, indent);
                o.string("title", n.title);
                o.string("text", n.text);
                o.finish();
            });
        } else {
            root.key(key);
            writeValue(out, head.value(key), 2);
        }
    };
    auto key = keys.cbegin();
    for (; key != keys.cend() && key->first < servicesRank; ++key)
        writeHead(key->second);
    writeList(root, "services", schema.services, writeService);
    if (!schema.references.isEmpty())
        writeList(root, "references", schema.references, writeReference);
    for (; key != keys.cend(); ++key)
        writeHead(key->second);
    root.finish();
    out += '\n';
    return out;
}

std::optional<Schema> JsonFormat::parse(const QByteArray &data, const QString &fileName, ParseError *error)
{
    Json::Document document;
    if (!parseDocument(data, fileName, &document, error))
        return std::nullopt;
    const JsonObject root = document.root().toObject();
    Reader r(error, document);
    Schema schema;

    if (!root.contains("format")) {
        r.fail(QStringLiteral("format"), Tr::tr("the format version is missing; this is not a Portolan schema"));
        return std::nullopt;
    }
    const int version = r.integer(root, QString(), "format");
    if (!r.failed() && (version < 1 || version > Version))
        r.fail(QStringLiteral("format"),
               Tr::tr("format version %1 is not supported (this Portolan reads version %2)").arg(version).arg(Version));
    r.checkKeys(root, QString(),
                {"format", "title", "principles", "notes", "dates", "sections", "hosts", "ranges", "reservations",
                 "services", "references", "rules"});
    schema.title = r.string(root, QString(), "title");
    schema.principles = r.stringList(root, QString(), "principles");
    schema.notes = r.string(root, QString(), "notes");
    if (root.contains("dates")) {
        const JsonObject dates = r.object(root.value("dates"), QStringLiteral("dates"));
        for (auto it = dates.begin(); it != dates.end(); ++it)
            schema.dates.insert(it.key(), r.string(dates, QStringLiteral("dates"), it.key().toUtf8().constData()));
    }
    const JsonArray sections = r.array(root, QString(), "sections");
    for (int i = 0; i < sections.size() && !r.failed(); ++i) {
        const QString path = QStringLiteral("sections[%1]").arg(i);
        const JsonObject o = r.object(sections.at(i), path);
        r.checkKeys(o, path, {"title", "text"});
        schema.sections.append({r.string(o, path, "title"), r.string(o, path, "text")});
    }

    TextSet hostIds;
    const JsonArray hosts = r.array(root, QString(), "hosts");
    for (int i = 0; i < hosts.size() && !r.failed(); ++i) {
        const QString path = QStringLiteral("hosts[%1]").arg(i);
        const JsonObject o = r.object(hosts.at(i), path);
        r.checkKeys(o, path, {"id", "name", "address", "platform", "notes", "sources"});
        Host h;
        h.id = r.string(o, path, "id", true);
        h.name = r.string(o, path, "name");
        h.address = r.string(o, path, "address");
        h.platform = r.string(o, path, "platform");
        h.notes = r.shared(o, path, "notes");
        const JsonArray sources = r.array(o, path, "sources");
        for (int j = 0; j < sources.size() && !r.failed(); ++j) {
            const QString sourcePath = QStringLiteral("%1.sources[%2]").arg(path).arg(j);
            const JsonObject so = r.object(sources.at(j), sourcePath);
            r.checkKeys(so, sourcePath, {"kind", "files", "project", "envFile", "profiles"});
            RealitySource source;
            const QString kind = r.string(so, sourcePath, "kind", true);
            if (!r.failed() && !sourceKindFromString(kind, &source.kind))
                r.fail(sourcePath + QStringLiteral(".kind"),
                       Tr::tr("unknown source kind \"%1\" (compose, prometheus, cloudflared or env)").arg(kind));
            source.files = r.stringList(so, sourcePath, "files");
            if (!r.failed() && (source.files.isEmpty() || source.files.contains(QString())))
                r.fail(sourcePath + QStringLiteral(".files"), Tr::tr("a source needs at least one file name"));
            source.project = r.string(so, sourcePath, "project");
            source.envFile = r.string(so, sourcePath, "envFile");
            source.profiles = r.stringList(so, sourcePath, "profiles");
            h.sources.append(source);
        }
        if (!r.failed() && (h.id.isEmpty() || hostIds.contains(h.id)))
            r.fail(path + QStringLiteral(".id"), h.id.isEmpty() ? Tr::tr("the id must not be empty")
                                                               : Tr::tr("duplicate host id \"%1\"").arg(h.id));
        hostIds.insert(h.id);
        schema.hosts.append(h);
    }

    TextSet rangeIds;
    const JsonArray ranges = r.array(root, QString(), "ranges");
    for (int i = 0; i < ranges.size() && !r.failed(); ++i) {
        const QString path = QStringLiteral("ranges[%1]").arg(i);
        const JsonObject o = r.object(ranges.at(i), path);
        r.checkKeys(o, path, {"id", "first", "last", "title", "purpose", "colour", "parent"});
        PortRange range;
        range.id = r.string(o, path, "id", true);
        range.first = r.port(o, path, "first", true);
        range.last = r.port(o, path, "last", true);
        range.title = r.string(o, path, "title");
        range.purpose = r.string(o, path, "purpose");
        const QString colour = r.string(o, path, "colour");
        if (!colour.isEmpty()) {
            range.colour = QColor::fromString(colour);
            if (!r.failed() && !range.colour.isValid())
                r.fail(path + QStringLiteral(".colour"), Tr::tr("\"%1\" is not a colour").arg(colour));
        }
        range.parentId = r.string(o, path, "parent");
        if (!r.failed() && range.first > range.last)
            r.fail(path, Tr::tr("the range starts at %1, after its end %2").arg(range.first).arg(range.last));
        if (!r.failed() && (range.id.isEmpty() || rangeIds.contains(range.id)))
            r.fail(path + QStringLiteral(".id"), range.id.isEmpty() ? Tr::tr("the id must not be empty")
                                                                    : Tr::tr("duplicate range id \"%1\"").arg(range.id));
        rangeIds.insert(range.id);
        schema.ranges.append(range);
    }
    for (int i = 0; i < schema.ranges.size() && !r.failed(); ++i) {
        const QString &parent = schema.ranges.at(i).parentId;
        if (!parent.isEmpty() && !rangeIds.contains(parent))
            r.fail(QStringLiteral("ranges[%1].parent").arg(i), Tr::tr("no range has the id \"%1\"").arg(parent));
    }

    const JsonArray reservations = r.array(root, QString(), "reservations");
    for (int i = 0; i < reservations.size() && !r.failed(); ++i) {
        const QString path = QStringLiteral("reservations[%1]").arg(i);
        const JsonObject o = r.object(reservations.at(i), path);
        r.checkKeys(o, path, {"first", "last", "range", "note"});
        Reservation res;
        res.first = r.port(o, path, "first", true);
        res.last = r.port(o, path, "last", true);
        res.rangeId = r.shared(o, path, "range");
        res.note = r.string(o, path, "note");
        if (!r.failed() && res.first > res.last)
            r.fail(path, Tr::tr("the reservation starts at %1, after its end %2").arg(res.first).arg(res.last));
        if (!r.failed() && !res.rangeId.isEmpty() && !rangeIds.contains(res.rangeId))
            r.fail(path + QStringLiteral(".range"), Tr::tr("no range has the id \"%1\"").arg(res.rangeId));
        schema.reservations.append(res);
    }

    TextHash<int> serviceIds; // the index of each id's service, plus one
    const JsonArray services = r.array(root, QString(), "services");
    // A fleet's services are read in two halves at once, each by its own
    // reader into its own rows; the ids are then checked for repeats in file
    // order, so the error reported is the first in the file, as one pass
    // would report it.
    struct Part
    {
        int begin = 0;
        int end = 0;
        ParseError error;
        int failedAt = -1;
        bool failedReading = false; // readService() failed, before its id counts
    };
    const int count = r.failed() ? 0 : services.size();
    schema.services.reserve(count); // exactly: resize() alone rounds up to a power of two
    adviseHugePages(schema.services.constData(), size_t(count) * sizeof(Service));
    schema.services.resize(count);
    Service *read = schema.services.data(); // each part fills its own rows
    auto readPart = [&](Part *part) {
        Reader pr(&part->error, document);
        QString path = QStringLiteral("services[");
        const qsizetype pathPrefix = path.size();
        for (int i = part->begin; i < part->end; ++i) {
            // One path text, rewritten per service: it is read only on an error.
            char digits[16];
            const char *digitsEnd = std::to_chars(digits, digits + sizeof digits, i).ptr;
            path.truncate(pathPrefix);
            path += QLatin1StringView(digits, digitsEnd - digits);
            path += QLatin1Char(']');
            Service &s = read[i];
            s = readService(pr, services.at(i), path);
            if (pr.failed()) {
                part->failedAt = i;
                part->failedReading = true;
                return;
            }
            if (!s.hostId.isEmpty() && !hostIds.contains(s.hostId))
                pr.fail(path + QStringLiteral(".host"), Tr::tr("no host has the id \"%1\"").arg(s.hostId));
            if (!s.plannedHostId.isEmpty() && !hostIds.contains(s.plannedHostId))
                pr.fail(path + QStringLiteral(".plannedHost"), Tr::tr("no host has the id \"%1\"").arg(s.plannedHostId));
            if (!s.rangeId.isEmpty() && !rangeIds.contains(s.rangeId))
                pr.fail(path + QStringLiteral(".range"), Tr::tr("no range has the id \"%1\"").arg(s.rangeId));
            if (pr.failed()) {
                part->failedAt = i;
                return;
            }
        }
    };
    // A confined process reads in one pass: the second thread's malloc arena
    // (64 MB a heap) and stack count against its limit although they hold little.
    const bool split = count >= 20000 && std::thread::hardware_concurrency() > 1 && !addressSpaceLimited();
    Part parts[2];
    parts[0].end = parts[1].begin = split ? count / 2 : count;
    parts[1].end = count;
    if (split) {
        std::thread second(readPart, &parts[1]);
        readPart(&parts[0]);
        second.join();
    } else {
        readPart(&parts[0]);
    }
    const Part *failedPart = parts[0].failedAt >= 0 ? &parts[0] : parts[1].failedAt >= 0 ? &parts[1] : nullptr;
    // The ids of the services read, up to the first failure (with the
    // failing service when it failed after its id counts).
    const int checked = !failedPart ? count : failedPart->failedAt + (failedPart->failedReading ? 0 : 1);
    serviceIds.reserve(checked);
    for (int i = 0; i < checked; ++i) {
        const QString &id = schema.services.at(i).id;
        int &first = serviceIds[id];
        if (first != 0) {
            r.fail(QStringLiteral("services[%1].id").arg(i),
                   Tr::tr("duplicate service id \"%1\" (first used by services[%2])").arg(id).arg(first - 1));
            break;
        }
        first = i + 1;
    }
    if (failedPart)
        r.failWith(failedPart->error);
    for (int i = 0; i < schema.services.size() && !r.failed(); ++i) {
        const QString &c = schema.services.at(i).counterpartId;
        if (!c.isEmpty() && !serviceIds.contains(c))
            r.fail(QStringLiteral("services[%1].counterpart").arg(i), Tr::tr("no service has the id \"%1\"").arg(c));
    }

    const JsonArray references = r.array(root, QString(), "references");
    for (int i = 0; i < references.size() && !r.failed(); ++i) {
        const QString path = QStringLiteral("references[%1]").arg(i);
        const JsonObject o = r.object(references.at(i), path);
        r.checkKeys(o, path, {"from", "to", "port", "viaHost", "kind", "text", "origin"});
        Reference ref;
        ref.fromServiceId = r.string(o, path, "from", true);
        ref.toServiceId = r.string(o, path, "to", true);
        ref.port = r.port(o, path, "port", true);
        ref.viaHost = r.boolean(o, path, "viaHost");
        ref.kind = r.string(o, path, "kind");
        ref.text = r.string(o, path, "text");
        ref.origin = r.origin(o, path);
        if (!r.failed() && !serviceIds.contains(ref.fromServiceId))
            r.fail(path + QStringLiteral(".from"), Tr::tr("no service has the id \"%1\"").arg(ref.fromServiceId));
        if (!r.failed() && !serviceIds.contains(ref.toServiceId))
            r.fail(path + QStringLiteral(".to"), Tr::tr("no service has the id \"%1\"").arg(ref.toServiceId));
        schema.references.append(ref);
    }

    if (root.contains("rules") && !r.failed()) {
        const JsonObject rules = r.object(root.value("rules"), QStringLiteral("rules"));
        r.checkKeys(rules, QStringLiteral("rules"), {"rangeFullPercent", "settings"});
        if (rules.contains("rangeFullPercent")) {
            schema.ruleSettings.rangeFullPercent = r.integer(rules, QStringLiteral("rules"), "rangeFullPercent");
            if (!r.failed() && (schema.ruleSettings.rangeFullPercent < 1 || schema.ruleSettings.rangeFullPercent > 100))
                r.fail(QStringLiteral("rules.rangeFullPercent"), Tr::tr("expected a percentage from 1 to 100"));
        }
        if (rules.contains("settings")) {
            const JsonObject settings = r.object(rules.value("settings"), QStringLiteral("rules.settings"));
            for (auto it = settings.begin(); it != settings.end() && !r.failed(); ++it) {
                const QString path = QStringLiteral("rules.settings.%1").arg(it.key());
                const JsonObject o = r.object(it.value(), path);
                r.checkKeys(o, path, {"enabled", "severity"});
                RuleSetting setting;
                setting.enabled = r.boolean(o, path, "enabled", true);
                if (o.contains("severity")) {
                    const QString sev = r.string(o, path, "severity");
                    setting.overrideSeverity = true;
                    if (!r.failed() && !severityFromString(sev, &setting.severity))
                        r.fail(path + QStringLiteral(".severity"),
                               Tr::tr("\"%1\" is not a severity (error, warning, info)").arg(sev));
                }
                schema.ruleSettings.rules.insert(it.key(), setting);
            }
        }
    }

    if (r.failed())
        return std::nullopt;
    return schema;
}

std::optional<ReadResult> JsonFormat::read(const QByteArray &data, const FormatOptions &options,
                                           ParseError *error) const
{
    std::optional<Schema> schema = parse(data, options.fileName, error);
    if (!schema)
        return std::nullopt;
    return ReadResult{*schema, {}, {}};
}

std::optional<QByteArray> JsonFormat::write(const Schema &schema, const FormatOptions &, QString *) const
{
    return serialize(schema);
}

QByteArray servicesToJson(const QList<Service> &services)
{
    QByteArray out;
    ObjectWriter root(out, 0);
    root.integer("format", JsonFormat::Version);
    writeList(root, "services", services, writeService);
    root.finish();
    return out;
}

std::optional<QList<Service>> servicesFromJson(const QByteArray &data, ParseError *error)
{
    Json::Document document;
    if (!parseDocument(data, QString(), &document, error))
        return std::nullopt;
    const JsonObject root = document.root().toObject();
    Reader r(error, document);
    r.checkKeys(root, QString(), {"format", "services"});
    const JsonArray array = r.array(root, QString(), "services");
    QList<Service> services;
    for (int i = 0; i < array.size() && !r.failed(); ++i)
        services.append(readService(r, array.at(i), QStringLiteral("services[%1]").arg(i)));
    if (r.failed()) {
        // The clipboard is no file to point into: the path says where.
        error->line = error->column = 0;
        return std::nullopt;
    }
    return services;
}

} // namespace Portolan

namespace Portolan {

std::optional<Schema> loadSchemaFile(const QString &fileName, ParseError *error)
{
    const std::optional<QByteArray> data = readFileBytes(fileName, error);
    if (!data)
        return std::nullopt;
    return JsonFormat::parse(*data, fileName, error);
}

bool saveSchemaFile(const QString &fileName, const Schema &schema, QString *error)
{
    return writeFileAtomically(fileName, JsonFormat::serialize(schema), error);
}

Schema builtInSample()
{
    ParseError error;
    const std::optional<Schema> schema = loadSchemaFile(QStringLiteral(":/samples/mana.portolan.json"), &error);
    Q_ASSERT_X(schema, "builtInSample", qPrintable(error.toString()));
    return schema.value_or(Schema());
}

Schema builtInLinkedSample()
{
    Schema schema = builtInSample();
    const int macMini = schema.hostIndex(QStringLiteral("mac-mini"));
    if (macMini < 0)
        return schema;
    const QString dir = QStringLiteral("mana-2026-04-17/");
    RealitySource compose;
    compose.kind = SourceKind::Compose;
    compose.files = {dir + QStringLiteral("docker-compose.macmini.yml")};
    compose.project = QStringLiteral("mana");
    RealitySource prometheus;
    prometheus.kind = SourceKind::Prometheus;
    prometheus.files = {dir + QStringLiteral("docker/prometheus/prometheus.yml")};
    RealitySource tunnel;
    tunnel.kind = SourceKind::Cloudflared;
    tunnel.files = {dir + QStringLiteral("cloudflared-config.yml")};
    schema.hosts[macMini].sources = {compose, prometheus, tunnel};
    return schema;
}

} // namespace Portolan
