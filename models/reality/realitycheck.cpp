#include "realitycheck.h"

#include "prometheustargets.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Portolan {

std::optional<PortSpan> PortSpan::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,5})\\s*(?:[-–]\\s*(\\d{1,5})\\s*)?$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    PortSpan span;
    span.first = m.captured(1).toInt();
    span.last = m.captured(2).isEmpty() ? span.first : m.captured(2).toInt();
    if (!isValidPort(span.first) || !isValidPort(span.last) || span.first > span.last)
        return std::nullopt;
    return span;
}

RealityCheck::RealityCheck(QObject *parent)
    : QObject(parent)
    , mProber(new Prober(this))
    , mPrometheus(new PrometheusClient(this))
{
    connect(mProber, &Prober::resultReady, this, &RealityCheck::onResult);
    connect(mProber, &Prober::finished, this, &RealityCheck::onProberFinished);
    connect(mProber, &Prober::progress, this,
            [this](int finished, int total) { emit progress(finished, total, mProber->listeningCount()); });
    connect(mPrometheus, &PrometheusClient::finished, this, &RealityCheck::onPrometheusFinished);
}

RealityCheck::~RealityCheck() = default;

int RealityCheck::probePort(const Service &service)
{
    return service.actualPort > 0 ? service.actualPort : service.plannedPort;
}

std::optional<ProbePlan> RealityCheck::plan(const Schema &schema, const RealityCheckOptions &options,
                                            QString *error)
{
    QList<const Host *> hosts;
    if (options.hostIds.isEmpty()) {
        for (const Host &h : schema.hosts)
            hosts.append(&h);
    } else {
        for (const QString &id : options.hostIds) {
            const Host *h = schema.host(id);
            if (!h) {
                *error = tr("There is no host \"%1\" in the document.").arg(id);
                return std::nullopt;
            }
            if (h->address.trimmed().isEmpty()) {
                *error = tr("Host \"%1\" has no address to probe.").arg(id);
                return std::nullopt;
            }
            if (!hosts.contains(h))
                hosts.append(h);
        }
    }
    for (const PortSpan &span : options.scanRanges) {
        if (!isValidPort(span.first) || !isValidPort(span.last) || span.first > span.last) {
            *error = tr("%1-%2 is not a port range.").arg(span.first).arg(span.last);
            return std::nullopt;
        }
    }

    ProbePlan plan;
    QHash<QString, int> targetIndex; // "host:port" → index in plan.targets; one connect per port
    qint64 total = 0;
    for (const Host *h : std::as_const(hosts)) {
        const QString address = h->address.trimmed();
        plan.hostIds.append(h->id);
        QSet<int> &known = plan.knownPorts[h->id];
        for (const Service &s : schema.services) {
            if (s.hostId != h->id)
                continue;
            for (int p : {s.actualPort, s.plannedPort, s.metrics.port}) {
                if (p > 0)
                    known.insert(p);
            }
            if (!options.probeServices)
                continue;
            ServiceObservation skip;
            skip.serviceId = s.id;
            skip.hostId = h->id;
            skip.port = probePort(s);
            if (address.isEmpty())
                skip.error = tr("the host has no address");
            else if (!isValidPort(skip.port))
                skip.error = tr("no port to probe");
            else if (s.protocol == Protocol::Udp)
                skip.error = tr("UDP is not probed");
            if (!skip.error.isEmpty()) {
                plan.skipped.insert(s.id, skip);
                continue;
            }
            const QString key = QStringLiteral("%1:%2").arg(h->id).arg(skip.port);
            const auto it = targetIndex.constFind(key);
            if (it != targetIndex.constEnd()) {
                plan.targets[*it].serviceIds.append(s.id);
                continue;
            }
            ProbeTarget t;
            t.hostId = h->id;
            t.address = address;
            t.port = skip.port;
            t.serviceIds = {s.id};
            t.healthPath = options.healthPath.trimmed();
            targetIndex.insert(key, int(plan.targets.size()));
            plan.targets.append(t);
        }
        if (address.isEmpty())
            continue;
        for (const PortSpan &span : options.scanRanges) {
            total += span.size();
            if (total > Prober::MaxAttempts) {
                *error = tr("The scan asks for more than %1 connection attempts; choose fewer hosts or smaller ranges.")
                             .arg(Prober::MaxAttempts);
                return std::nullopt;
            }
            for (int p = span.first; p <= span.last; ++p) {
                const QString key = QStringLiteral("%1:%2").arg(h->id).arg(p);
                if (targetIndex.contains(key))
                    continue;
                ProbeTarget t;
                t.hostId = h->id;
                t.address = address;
                t.port = p;
                targetIndex.insert(key, int(plan.targets.size()));
                plan.targets.append(t);
            }
        }
    }
    if (plan.targets.size() > Prober::MaxAttempts) {
        *error = tr("The check asks for more than %1 connection attempts; choose fewer hosts or smaller ranges.")
                     .arg(Prober::MaxAttempts);
        return std::nullopt;
    }
    return plan;
}

bool RealityCheck::start(const Schema &schema, const RealityCheckOptions &options, QString *error)
{
    if (mRunning) {
        *error = tr("A reality check is already running.");
        return false;
    }
    std::optional<ProbePlan> plan = RealityCheck::plan(schema, options, error);
    if (!plan)
        return false;
    if (!options.prometheusUrl.isEmpty() && !PrometheusClient::targetsUrl(options.prometheusUrl, error).isValid())
        return false;

    mSchema = schema;
    mPlan = std::move(*plan);
    mObservations = Observations();
    mObservations.checkedAt = QDateTime::currentDateTime();
    if (options.probeServices)
        mObservations.probedHostIds = mPlan.hostIds;
    for (auto it = mPlan.skipped.cbegin(); it != mPlan.skipped.cend(); ++it) {
        ServiceObservation o = *it;
        o.checkedAt = mObservations.checkedAt;
        mObservations.services.insert(it.key(), o);
    }

    mProber->setTimeout(options.timeoutMs);
    mProber->setConcurrency(options.concurrency);
    if (!mProber->start(mPlan.targets, error))
        return false;
    mRunning = true;
    mProbing = true;
    mAskingPrometheus = false;
    if (!options.prometheusUrl.isEmpty()) {
        mPrometheus->setTimeout(qMax(options.timeoutMs, 5000));
        mAskingPrometheus = mPrometheus->fetch(options.prometheusUrl, error);
    }
    return true;
}

void RealityCheck::cancel()
{
    if (!mRunning)
        return;
    mObservations.cancelled = true;
    mPrometheus->cancel();
    mAskingPrometheus = false;
    mProber->cancel(); // finishes synchronously through onProberFinished
}

int RealityCheck::totalCount() const
{
    return mProber->totalCount();
}

int RealityCheck::finishedCount() const
{
    return mProber->finishedCount();
}

void RealityCheck::onResult(const ProbeResult &result)
{
    ++mObservations.attempts;
    if (result.state == ProbeState::Listening)
        ++mObservations.listening;
    if (result.target.serviceIds.isEmpty()) {
        if (result.state == ProbeState::Listening && !mPlan.knownPorts.value(result.target.hostId).contains(result.target.port))
            mObservations.unknownListeners.append(result);
        return;
    }
    for (const QString &id : result.target.serviceIds) {
        ServiceObservation &o = mObservations.services[id];
        o.serviceId = id;
        o.hostId = result.target.hostId;
        o.port = result.target.port;
        o.state = result.state;
        o.latencyMs = result.latencyMs;
        o.error = result.error;
        o.health = result.health;
        o.checkedAt = mObservations.checkedAt;
    }
}

void RealityCheck::onProberFinished(bool cancelled)
{
    mProbing = false;
    if (cancelled) {
        mObservations.cancelled = true;
        // Services whose turn never came are shown as not probed, not as silent.
        for (const ProbeTarget &t : std::as_const(mPlan.targets)) {
            for (const QString &id : t.serviceIds) {
                if (mObservations.services.contains(id))
                    continue;
                ServiceObservation o;
                o.serviceId = id;
                o.hostId = t.hostId;
                o.port = t.port;
                o.error = tr("cancelled");
                o.checkedAt = mObservations.checkedAt;
                mObservations.services.insert(id, o);
            }
        }
    }
    finishIfDone();
}

void RealityCheck::onPrometheusFinished(const QList<PrometheusTarget> &targets, const QString &error)
{
    mAskingPrometheus = false;
    mObservations.prometheusError = error;
    if (error.isEmpty()) {
        QList<PrometheusTarget> matched = targets;
        PrometheusClient::matchTargets(mSchema, matched);
        mObservations.prometheusTargets = matched;
        // Every service that declares metrics learns whether it is scraped.
        for (const Service &s : std::as_const(mSchema.services)) {
            if (!s.metrics.enabled)
                continue;
            ServiceObservation &o = mObservations.services[s.id];
            o.serviceId = s.id;
            if (o.hostId.isEmpty())
                o.hostId = s.hostId;
            if (o.port == 0)
                o.port = probePort(s);
            o.metricsChecked = true;
            o.checkedAt = mObservations.checkedAt;
        }
        for (const PrometheusTarget &t : std::as_const(matched)) {
            if (t.serviceId.isEmpty())
                continue;
            ServiceObservation &o = mObservations.services[t.serviceId];
            if (o.serviceId.isEmpty()) {
                const Service *s = mSchema.service(t.serviceId);
                o.serviceId = t.serviceId;
                o.hostId = s->hostId;
                o.port = probePort(*s);
                o.checkedAt = mObservations.checkedAt;
            }
            // A service scraped twice is as healthy as its worst target.
            if (!o.metricsChecked || o.metricsInstance.isEmpty() || t.health == TargetHealth::Down) {
                o.metricsHealth = t.health;
                o.metricsInstance = t.instance;
                o.metricsError = t.lastError;
            }
            o.metricsChecked = true;
        }
    }
    finishIfDone();
}

void RealityCheck::finishIfDone()
{
    if (!mRunning || mProbing || mAskingPrometheus)
        return;
    mRunning = false;
    addFindings();
    emit finished(mObservations);
}

static bool configure(const RuleSettings &settings, Finding &f)
{
    f.severity = ruleInfo(f.rule) ? ruleInfo(f.rule)->defaultSeverity : Severity::Warning;
    const auto it = settings.rules.constFind(f.rule);
    if (it == settings.rules.constEnd())
        return true;
    if (it->overrideSeverity)
        f.severity = it->severity;
    return it->enabled;
}

void RealityCheck::addFindings()
{
    QList<Finding> findings;
    for (const ProbeResult &r : std::as_const(mObservations.unknownListeners)) {
        const Host *h = mSchema.host(r.target.hostId);
        Finding f;
        f.rule = QStringLiteral("unknown-listener");
        f.message = tr("Something listens on %1 port %2, which the plan does not know")
                        .arg(h ? h->name : r.target.hostId)
                        .arg(r.target.port);
        f.hostIds = {r.target.hostId};
        f.ports = {r.target.port};
        if (configure(mSchema.ruleSettings, f))
            findings.append(f);
    }
    for (const Service &s : std::as_const(mSchema.services)) {
        if (s.status != ServiceStatus::Deployed)
            continue;
        const auto it = mObservations.services.constFind(s.id);
        if (it == mObservations.services.constEnd() || it->state == ProbeState::NotProbed
            || it->state == ProbeState::Listening)
            continue;
        const Host *h = mSchema.host(s.hostId);
        Finding f;
        f.rule = QStringLiteral("not-listening");
        f.message = tr("%1 is deployed but does not answer on %2 port %3 (%4)")
                        .arg(s.name, h ? h->name : s.hostId)
                        .arg(it->port)
                        .arg(probeStateDisplayName(it->state));
        f.serviceIds = {s.id};
        f.hostIds = {s.hostId};
        f.ports = {it->port};
        if (configure(mSchema.ruleSettings, f))
            findings.append(f);
    }
    sortFindings(findings);
    mObservations.findings = findings;
}

QStringList RealityCheck::silentDeployedServices(const Schema &schema, const Observations &observations)
{
    QStringList silent;
    for (const Service &s : schema.services) {
        if (s.status != ServiceStatus::Deployed || s.protocol == Protocol::Udp)
            continue;
        if (!observations.probedHostIds.contains(s.hostId))
            continue;
        const auto it = observations.services.constFind(s.id);
        if (it == observations.services.constEnd() || it->state != ProbeState::Listening)
            silent.append(s.id);
    }
    return silent;
}

} // namespace Portolan
