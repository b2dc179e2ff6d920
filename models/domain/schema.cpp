#include "schema.h"

#include <QCoreApplication>

#include <algorithm>
#include <QRegularExpression>

namespace Portolan {

QString SourceLocation::toString() const
{
    if (file.isEmpty())
        return {};
    if (line <= 0)
        return file;
    // Built in one buffer rather than arg()-formatted: an import names thousands.
    QString text;
    text.reserve(file.size() + 16);
    text += file;
    text += QLatin1Char(':');
    text += QString::number(line);
    if (column > 0) {
        text += QLatin1Char(':');
        text += QString::number(column);
    }
    return text;
}

QString PortRange::label() const
{
    return QStringLiteral("%1-%2").arg(first).arg(last);
}

QString Reservation::label() const
{
    return first == last ? QString::number(first) : QStringLiteral("%1-%2").arg(first).arg(last);
}

template<typename T>
static int indexById(const QList<T> &list, const QString &id)
{
    for (int i = 0; i < list.size(); ++i) {
        if (list.at(i).id == id)
            return i;
    }
    return -1;
}

int Schema::hostIndex(const QString &id) const { return indexById(hosts, id); }
int Schema::rangeIndex(const QString &id) const { return indexById(ranges, id); }
int Schema::serviceIndex(const QString &id) const { return indexById(services, id); }

const Host *Schema::host(const QString &id) const
{
    const int i = hostIndex(id);
    return i < 0 ? nullptr : &hosts.at(i);
}

const PortRange *Schema::range(const QString &id) const
{
    const int i = rangeIndex(id);
    return i < 0 ? nullptr : &ranges.at(i);
}

const Service *Schema::service(const QString &id) const
{
    const int i = serviceIndex(id);
    return i < 0 ? nullptr : &services.at(i);
}

const PortRange *Schema::narrowestRangeContaining(int port) const
{
    const PortRange *best = nullptr;
    for (const PortRange &r : ranges) {
        if (r.contains(port) && (!best || r.size() < best->size()))
            best = &r;
    }
    return best;
}

const PortRange *Schema::rangeOf(const Service &s) const
{
    if (!s.rangeId.isEmpty()) {
        if (const PortRange *r = range(s.rangeId))
            return r;
    }
    const int port = s.plannedPort > 0 ? s.plannedPort : s.actualPort;
    return port > 0 ? narrowestRangeContaining(port) : nullptr;
}

const Reservation *Schema::reservationAt(int port, const QString &rangeId) const
{
    for (const Reservation &r : reservations) {
        if (r.contains(port) && (rangeId.isEmpty() || r.rangeId.isEmpty() || r.rangeId == rangeId))
            return &r;
    }
    return nullptr;
}

template<typename T>
static QString uniqueId(const QList<T> &list, const QString &base)
{
    QString stem = slugify(base);
    if (stem.isEmpty())
        stem = QStringLiteral("item");
    QString candidate = stem;
    for (int n = 2; indexById(list, candidate) >= 0; ++n)
        candidate = QStringLiteral("%1-%2").arg(stem).arg(n);
    return candidate;
}

QString Schema::uniqueServiceId(const QString &base) const { return uniqueId(services, base); }
QString Schema::uniqueHostId(const QString &base) const { return uniqueId(hosts, base); }
QString Schema::uniqueRangeId(const QString &base) const { return uniqueId(ranges, base); }

QString protocolToString(Protocol p)
{
    return p == Protocol::Udp ? QStringLiteral("udp") : QStringLiteral("tcp");
}

bool protocolFromString(const QString &s, Protocol *p)
{
    const QString l = s.trimmed().toLower();
    if (l == QLatin1String("tcp")) {
        *p = Protocol::Tcp;
        return true;
    }
    if (l == QLatin1String("udp")) {
        *p = Protocol::Udp;
        return true;
    }
    return false;
}

QString statusToString(ServiceStatus s)
{
    switch (s) {
    case ServiceStatus::Planned: return QStringLiteral("planned");
    case ServiceStatus::Deployed: return QStringLiteral("deployed");
    case ServiceStatus::NotDeployed: return QStringLiteral("not-deployed");
    case ServiceStatus::Retired: return QStringLiteral("retired");
    }
    return {};
}

bool statusFromString(const QString &s, ServiceStatus *status)
{
    for (ServiceStatus candidate : {ServiceStatus::Planned, ServiceStatus::Deployed,
                                    ServiceStatus::NotDeployed, ServiceStatus::Retired}) {
        if (statusToString(candidate) == s) {
            *status = candidate;
            return true;
        }
    }
    return false;
}

QString exposureToString(Exposure e)
{
    switch (e) {
    case Exposure::Unspecified: return QString();
    case Exposure::Public: return QStringLiteral("public");
    case Exposure::Host: return QStringLiteral("host");
    case Exposure::Internal: return QStringLiteral("internal");
    }
    return {};
}

bool exposureFromString(const QString &s, Exposure *e)
{
    for (Exposure candidate : {Exposure::Unspecified, Exposure::Public, Exposure::Host, Exposure::Internal}) {
        if (exposureToString(candidate) == s) {
            *e = candidate;
            return true;
        }
    }
    return false;
}

QString severityToString(Severity s)
{
    switch (s) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    }
    return {};
}

bool severityFromString(const QString &s, Severity *severity)
{
    for (Severity candidate : {Severity::Info, Severity::Warning, Severity::Error}) {
        if (severityToString(candidate) == s) {
            *severity = candidate;
            return true;
        }
    }
    return false;
}

QString sourceKindToString(SourceKind k)
{
    switch (k) {
    case SourceKind::Compose: return QStringLiteral("compose");
    case SourceKind::Prometheus: return QStringLiteral("prometheus");
    case SourceKind::Cloudflared: return QStringLiteral("cloudflared");
    case SourceKind::Env: return QStringLiteral("env");
    case SourceKind::Doc: return QStringLiteral("doc");
    }
    return {};
}

bool sourceKindFromString(const QString &s, SourceKind *kind)
{
    for (SourceKind candidate : {SourceKind::Compose, SourceKind::Prometheus, SourceKind::Cloudflared, SourceKind::Env,
                                SourceKind::Doc}) {
        if (sourceKindToString(candidate) == s) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

QString sourceKindDisplayName(SourceKind k)
{
    switch (k) {
    case SourceKind::Compose: return QCoreApplication::translate("Portolan", "Compose project");
    case SourceKind::Prometheus: return QCoreApplication::translate("Portolan", "Prometheus config");
    case SourceKind::Cloudflared: return QCoreApplication::translate("Portolan", "cloudflared tunnel");
    case SourceKind::Env: return QCoreApplication::translate("Portolan", "Env file");
    case SourceKind::Doc: return QCoreApplication::translate("Portolan", "Port documentation");
    }
    return {};
}

QString RealitySource::key() const
{
    return sourceKindToString(kind) + QLatin1Char(':') + files.join(QLatin1Char('+'));
}

QString statusDisplayName(ServiceStatus s)
{
    switch (s) {
    case ServiceStatus::Planned: return QCoreApplication::translate("Portolan", "Planned");
    case ServiceStatus::Deployed: return QCoreApplication::translate("Portolan", "Deployed");
    case ServiceStatus::NotDeployed: return QCoreApplication::translate("Portolan", "Not deployed");
    case ServiceStatus::Retired: return QCoreApplication::translate("Portolan", "Retired");
    }
    return {};
}

QString exposureDisplayName(Exposure e)
{
    switch (e) {
    case Exposure::Unspecified: return QString();
    case Exposure::Public: return QCoreApplication::translate("Portolan", "Public");
    case Exposure::Host: return QCoreApplication::translate("Portolan", "Host");
    case Exposure::Internal: return QCoreApplication::translate("Portolan", "Internal only");
    }
    return {};
}

QString severityDisplayName(Severity s)
{
    switch (s) {
    case Severity::Info: return QCoreApplication::translate("Portolan", "Info");
    case Severity::Warning: return QCoreApplication::translate("Portolan", "Warning");
    case Severity::Error: return QCoreApplication::translate("Portolan", "Error");
    }
    return {};
}

QString slugify(const QString &text)
{
    // Most names of a large import are slugs already ("service-12"): kept as they are.
    auto alnum = [](char16_t u) { return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'); };
    bool slug = !text.isEmpty() && alnum(text.front().unicode()) && alnum(text.back().unicode());
    for (qsizetype i = 0; slug && i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        slug = alnum(u) || (u == '-' && text.at(i - 1) != QLatin1Char('-'));
    }
    if (slug)
        return text;

    // Decomposing first turns "é" into "e" plus an accent, which is then dropped.
    const bool ascii = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 128; });
    const QString source = ascii ? text : text.normalized(QString::NormalizationForm_KD).toLower();
    // At most as long as the source: each run of other characters becomes one "-".
    QString result(source.size(), Qt::Uninitialized);
    QChar *out = result.data();
    qsizetype n = 0;
    bool separator = false;
    for (const QChar c : source) {
        char16_t u = c.unicode();
        if (u >= 'A' && u <= 'Z')
            u += 'a' - 'A';
        if (alnum(u)) {
            if (separator && n > 0)
                out[n++] = QLatin1Char('-');
            separator = false;
            out[n++] = QChar(u);
        } else {
            separator = true;
        }
    }
    result.truncate(n);
    return result;
}

bool isValidPort(int port)
{
    return port >= 1 && port <= 65535;
}

} // namespace Portolan
