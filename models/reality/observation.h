#pragma once

#include "finding.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

// What a reality check saw on the network: kept next to the document as
// "last observed", never mixed into the planned or actual ports.
namespace Portolan {

enum class ProbeState {
    NotProbed,    // skipped: no address, no port, UDP, or cancelled before its turn
    Listening,    // TCP connect succeeded
    Refused,      // the host answered with a reset
    TimedOut,     // no answer within the per-attempt timeout
    HostNotFound, // the address did not resolve or is not a valid name
    Unreachable,  // no route, network down
    Failed,       // any other socket error
};

QString probeStateToString(ProbeState state); // stable id for JSON and scripts
bool probeStateFromString(const QString &text, ProbeState *state);
QString probeStateDisplayName(ProbeState state); // translated

// One TCP connect: a host of the document and one of its ports.
struct ProbeTarget
{
    QString hostId;
    QString address;
    int port = 0;
    QStringList serviceIds; // empty: a scanned port the plan has no service for
    QString healthPath;     // empty: TCP only; else GET http://address:port/path after connecting
};

struct HealthResult
{
    bool checked = false;
    int httpStatus = 0;  // 0: no HTTP answer (see error)
    int latencyMs = -1;
    QString error;       // transport failure; empty when an HTTP status arrived

    bool isHealthy() const { return checked && httpStatus >= 200 && httpStatus < 400; }
    friend bool operator==(const HealthResult &, const HealthResult &) = default;
};

struct ProbeResult
{
    ProbeTarget target;
    ProbeState state = ProbeState::NotProbed;
    int latencyMs = -1; // connect time when listening, time spent otherwise
    QString error;      // the system's words when not listening
    HealthResult health;
};

enum class TargetHealth { Unknown, Up, Down };

QString targetHealthToString(TargetHealth health);
bool targetHealthFromString(const QString &text, TargetHealth *health);

// One entry of Prometheus' /api/v1/targets.
struct PrometheusTarget
{
    QString job;
    QString instance; // host:port as Prometheus scrapes it
    QString scrapeUrl;
    TargetHealth health = TargetHealth::Unknown;
    QString lastError;
    QDateTime lastScrape;
    QString serviceId; // the service it was matched to; empty: none

    friend bool operator==(const PrometheusTarget &, const PrometheusTarget &) = default;
};

// The last observation of one service.
struct ServiceObservation
{
    QString serviceId;
    QString hostId;
    int port = 0;
    ProbeState state = ProbeState::NotProbed;
    int latencyMs = -1;
    QString error;      // socket error, or why it was not probed
    HealthResult health;
    bool metricsChecked = false; // a Prometheus server was asked
    TargetHealth metricsHealth = TargetHealth::Unknown;
    QString metricsInstance; // empty: Prometheus has no target for it
    QString metricsError;
    QDateTime checkedAt;

    // The one-line summary of the Live column and the CLI.
    QString summary() const;
    friend bool operator==(const ServiceObservation &, const ServiceObservation &) = default;
};

// Everything one reality check produced.
struct Observations
{
    QDateTime checkedAt;
    bool cancelled = false;
    int attempts = 0;  // TCP connects made
    int listening = 0; // of those, how many answered
    QStringList probedHostIds; // hosts whose services were probed
    QHash<QString, ServiceObservation> services; // by service id
    QList<ProbeResult> unknownListeners;         // scanned ports nobody planned
    QList<PrometheusTarget> prometheusTargets;   // every target, matched or not
    QString prometheusError;                     // empty: fine or not asked
    QList<Finding> findings;                     // unknown-listener, not-listening

    bool isEmpty() const { return checkedAt.isNull(); }
    QList<PrometheusTarget> unmatchedTargets() const;
};

// Owns the last observations of a document and tells views which services changed.
class ObservationStore : public QObject
{
    Q_OBJECT

public:
    explicit ObservationStore(QObject *parent = nullptr);

    const Observations &observations() const { return mObservations; }
    const ServiceObservation *forService(const QString &serviceId) const;
    QList<Finding> findings() const { return mObservations.findings; }

    void setObservations(const Observations &observations);
    void clear();

signals:
    // After every change; serviceIds lists the services whose observation
    // appeared, changed or went away.
    void changed(const QStringList &serviceIds);
    void findingsChanged(const QList<Finding> &removed, const QList<Finding> &added);

private:
    Observations mObservations;
};

} // namespace Portolan

Q_DECLARE_METATYPE(Portolan::ProbeResult)
