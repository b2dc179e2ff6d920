#pragma once

#include <QColor>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Plain value types of a port schema. Everything here is copyable and
// comparable, so undo commands and tests can hold and compare whole objects.
namespace Portolan {

enum class Protocol { Tcp, Udp };

enum class ServiceStatus { Planned, Deployed, NotDeployed, Retired };

enum class Exposure { Unspecified, Public, Host, Internal };

enum class Severity { Info, Warning, Error };

struct SourceLocation
{
    QString file;
    int line = 0; // 1-based, 0 = unknown
    int column = 0;

    bool isValid() const { return !file.isEmpty(); }
    QString toString() const;
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

} // namespace Portolan
// Made of Qt's implicitly shared values and plain ones, as Metrics and
// Service below are: a list of them grows by moving memory, not element by
// element.
Q_DECLARE_TYPEINFO(Portolan::SourceLocation, Q_RELOCATABLE_TYPE);
namespace Portolan {

// What kind of real file a source is.
// Doc: the team's port documentation (Markdown); it is not reality, but
// carrying a move out changes its table row and status line too.
enum class SourceKind { Compose, Prometheus, Cloudflared, Env, Doc };

// A real file (or, for compose, a project of files) of one host that decides
// or names ports. Paths are relative to the plan file's folder.
struct RealitySource
{
    SourceKind kind = SourceKind::Compose;
    QStringList files;   // compose: the -f files in order; others: one file
    QString project;     // compose project name; empty: the first file's folder
    QString envFile;     // compose: the .env used for interpolation; empty: .env beside the first file
    QStringList profiles; // compose: the active profiles; empty: services of every profile count

    // Stable text for messages and as a key: "compose:a/docker-compose.yml".
    QString key() const;
    friend bool operator==(const RealitySource &, const RealitySource &) = default;
};

struct Host
{
    QString id; // slug, unique within the schema
    QString name;
    QString address;
    QString platform;
    QString notes;
    QList<RealitySource> sources = {};

    friend bool operator==(const Host &, const Host &) = default;
};

struct PortRange
{
    QString id;
    int first = 0;
    int last = 0;
    QString title;
    QString purpose;
    QColor colour;
    QString parentId; // declared nesting: this range lies inside parentId on purpose

    bool contains(int port) const { return port >= first && port <= last; }
    int size() const { return last - first + 1; }
    QString label() const;
    friend bool operator==(const PortRange &, const PortRange &) = default;
};

struct Reservation
{
    int first = 0;
    int last = 0;
    QString rangeId;
    QString note;

    bool contains(int port) const { return port >= first && port <= last; }
    QString label() const;
    friend bool operator==(const Reservation &, const Reservation &) = default;
};

struct Metrics
{
    bool enabled = false;
    QString path;     // e.g. /metrics
    QString interval; // Prometheus duration, e.g. 30s
    int port = 0;     // scrape port, 0 = the service's container port
    QString job;      // job name in the imported config
    SourceLocation origin;

    friend bool operator==(const Metrics &, const Metrics &) = default;
};

} // namespace Portolan
Q_DECLARE_TYPEINFO(Portolan::Metrics, Q_RELOCATABLE_TYPE);
namespace Portolan {

struct Service
{
    QString id; // stable, unique within the schema
    QString name;
    QStringList aliases; // compose key, container_name, …
    QString rangeId;     // empty: derived from the port
    int plannedPort = 0; // 0 = none
    int actualPort = 0;  // 0 = unknown
    QString hostId;        // where it runs (or will run)
    QString plannedHostId; // where the plan puts it; empty = no host constraint
    Protocol protocol = Protocol::Tcp;
    QString bindAddress; // empty = all addresses
    int containerPort = 0;
    QString runtime;
    QString description;
    ServiceStatus status = ServiceStatus::Planned;
    Exposure exposure = Exposure::Unspecified;
    QString publicHostname;
    QString deployment;
    Metrics metrics;
    QString counterpartId; // a frontend's backend
    QString notes;
    QStringList profiles;  // compose profiles that gate the service
    bool undocumented = false; // came from a real file, absent from the plan
    SourceLocation origin;

    // The port it is reachable on today: the actual one when known, else none.
    int effectivePort() const { return actualPort; }
    friend bool operator==(const Service &, const Service &) = default;
};

} // namespace Portolan
Q_DECLARE_TYPEINFO(Portolan::Service, Q_RELOCATABLE_TYPE);
namespace Portolan {

struct Reference
{
    QString fromServiceId;
    QString toServiceId;
    int port = 0;
    bool viaHost = false; // true: host-published port, false: in-network (container port)
    QString kind;         // environment, traefik, healthcheck, prometheus
    QString text;         // the text it was found in, e.g. http://mana-credits:3006
    SourceLocation origin;

    friend bool operator==(const Reference &, const Reference &) = default;
};

} // namespace Portolan
Q_DECLARE_TYPEINFO(Portolan::Reference, Q_RELOCATABLE_TYPE);
namespace Portolan {

struct RuleSetting
{
    bool enabled = true;
    bool overrideSeverity = false;
    Severity severity = Severity::Warning;

    friend bool operator==(const RuleSetting &, const RuleSetting &) = default;
};

struct RuleSettings
{
    QMap<QString, RuleSetting> rules; // by rule id; absent = defaults
    int rangeFullPercent = 80;

    friend bool operator==(const RuleSettings &, const RuleSettings &) = default;
};

struct NoteSection
{
    QString title;
    QString text;
    friend bool operator==(const NoteSection &, const NoteSection &) = default;
};

struct Schema
{
    QString title;
    QStringList principles;
    QString notes;
    QList<NoteSection> sections; // free-form parts of an imported document
    QMap<QString, QString> dates; // label → date, e.g. "Originally drafted" → 2026-03-28
    QList<Host> hosts;
    QList<PortRange> ranges;
    QList<Reservation> reservations;
    QList<Service> services;
    QList<Reference> references;
    RuleSettings ruleSettings;

    int hostIndex(const QString &id) const;
    int rangeIndex(const QString &id) const;
    int serviceIndex(const QString &id) const;
    const Host *host(const QString &id) const;
    const PortRange *range(const QString &id) const;
    const Service *service(const QString &id) const;

    // The range a service belongs to: its declared one, else the narrowest
    // range containing its planned (or else actual) port.
    const PortRange *rangeOf(const Service &service) const;
    const PortRange *narrowestRangeContaining(int port) const;
    const Reservation *reservationAt(int port, const QString &rangeId = {}) const;

    QString uniqueServiceId(const QString &base) const;
    QString uniqueHostId(const QString &base) const;
    QString uniqueRangeId(const QString &base) const;

    friend bool operator==(const Schema &, const Schema &) = default;
};

QString protocolToString(Protocol p);
bool protocolFromString(const QString &s, Protocol *p);
QString statusToString(ServiceStatus s);
bool statusFromString(const QString &s, ServiceStatus *status);
QString exposureToString(Exposure e);
bool exposureFromString(const QString &s, Exposure *e);
QString sourceKindToString(SourceKind k);
bool sourceKindFromString(const QString &s, SourceKind *kind);
QString sourceKindDisplayName(SourceKind k);
QString severityToString(Severity s);
bool severityFromString(const QString &s, Severity *severity);

// Translated names for the UI.
QString statusDisplayName(ServiceStatus s);
QString exposureDisplayName(Exposure e);
QString severityDisplayName(Severity s);

QString slugify(const QString &text);
bool isValidPort(int port);

} // namespace Portolan
