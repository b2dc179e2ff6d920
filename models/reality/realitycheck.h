#pragma once

#include "observation.h"
#include "prober.h"
#include "schema.h"

#include <QObject>
#include <QSet>
#include <QUrl>

#include <optional>

namespace Portolan {

class PrometheusClient;

struct PortSpan
{
    int first = 0;
    int last = 0;

    int size() const { return last - first + 1; }
    // "3000-3099" or "3000"; nullopt when it is not a valid port span.
    static std::optional<PortSpan> parse(const QString &text);
    friend bool operator==(const PortSpan &, const PortSpan &) = default;
};

struct RealityCheckOptions
{
    QStringList hostIds;         // empty: every host of the document
    QList<PortSpan> scanRanges;  // swept on each chosen host, for listeners the plan does not know
    bool probeServices = true;   // connect to each service's port
    int timeoutMs = Prober::DefaultTimeoutMs;
    int concurrency = Prober::DefaultConcurrency;
    QString healthPath;          // empty: TCP only
    QUrl prometheusUrl;          // empty: Prometheus is not asked
};

// What a check will do, decided before any packet is sent.
struct ProbePlan
{
    QStringList hostIds; // the chosen hosts
    QList<ProbeTarget> targets;
    QHash<QString, ServiceObservation> skipped; // services that cannot be probed, with the reason
    QHash<QString, QSet<int>> knownPorts;       // per chosen host: every port the plan names there
};

// One reality check: connects to the document's services, sweeps ranges,
// asks Prometheus, and turns what it saw into observations and findings.
// The GUI and `portolan probe` share it; it never blocks.
class RealityCheck : public QObject
{
    Q_OBJECT

public:
    explicit RealityCheck(QObject *parent = nullptr);
    ~RealityCheck() override;

    // Only the document's hosts and ports; nullopt with a reason on bad options
    // or more than Prober::MaxAttempts connects.
    static std::optional<ProbePlan> plan(const Schema &schema, const RealityCheckOptions &options, QString *error);
    // The port a service is expected on today: its actual port, else its planned one.
    static int probePort(const Service &service);

    bool start(const Schema &schema, const RealityCheckOptions &options, QString *error);
    void cancel();
    bool isRunning() const { return mRunning; }

    int totalCount() const;
    int finishedCount() const;
    const Observations &observations() const { return mObservations; }

    // Deployed TCP services of the chosen hosts that did not answer, or could
    // not be asked; `portolan probe` exits 1 when there is any.
    static QStringList silentDeployedServices(const Schema &schema, const Observations &observations);

signals:
    void progress(int finished, int total, int listening);
    void finished(const Portolan::Observations &observations);

private:
    void onResult(const ProbeResult &result);
    void onProberFinished(bool cancelled);
    void onPrometheusFinished(const QList<PrometheusTarget> &targets, const QString &error);
    void finishIfDone();
    void addFindings();

    Prober *mProber;
    PrometheusClient *mPrometheus;
    Schema mSchema;
    ProbePlan mPlan;
    Observations mObservations;
    bool mRunning = false;
    bool mProbing = false;
    bool mAskingPrometheus = false;
};

} // namespace Portolan
