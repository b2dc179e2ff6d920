#include "observation.h"

#include <QCoreApplication>
#include <QSet>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Observation)
};
} // namespace

namespace {

struct StateName
{
    ProbeState state;
    const char *id;
};

const StateName stateNames[] = {
    {ProbeState::NotProbed, "not-probed"},     {ProbeState::Listening, "listening"},
    {ProbeState::Refused, "refused"},          {ProbeState::TimedOut, "timed-out"},
    {ProbeState::HostNotFound, "host-not-found"}, {ProbeState::Unreachable, "unreachable"},
    {ProbeState::Failed, "error"},
};

} // namespace

QString probeStateToString(ProbeState state)
{
    for (const StateName &n : stateNames) {
        if (n.state == state)
            return QLatin1String(n.id);
    }
    return QStringLiteral("error");
}

bool probeStateFromString(const QString &text, ProbeState *state)
{
    for (const StateName &n : stateNames) {
        if (text == QLatin1String(n.id)) {
            *state = n.state;
            return true;
        }
    }
    return false;
}

QString probeStateDisplayName(ProbeState state)
{
    switch (state) {
    case ProbeState::NotProbed: return Tr::tr("not probed");
    case ProbeState::Listening: return Tr::tr("listening");
    case ProbeState::Refused: return Tr::tr("refused");
    case ProbeState::TimedOut: return Tr::tr("timed out");
    case ProbeState::HostNotFound: return Tr::tr("host not found");
    case ProbeState::Unreachable: return Tr::tr("unreachable");
    case ProbeState::Failed: return Tr::tr("error");
    }
    return {};
}

QString targetHealthToString(TargetHealth health)
{
    switch (health) {
    case TargetHealth::Up: return QStringLiteral("up");
    case TargetHealth::Down: return QStringLiteral("down");
    case TargetHealth::Unknown: break;
    }
    return QStringLiteral("unknown");
}

bool targetHealthFromString(const QString &text, TargetHealth *health)
{
    if (text == QLatin1String("up"))
        *health = TargetHealth::Up;
    else if (text == QLatin1String("down"))
        *health = TargetHealth::Down;
    else if (text == QLatin1String("unknown"))
        *health = TargetHealth::Unknown;
    else
        return false;
    return true;
}

QString ServiceObservation::summary() const
{
    QStringList parts;
    if (state == ProbeState::Listening && latencyMs >= 0)
        parts.append(Tr::tr("listening (%1 ms)").arg(latencyMs));
    else
        parts.append(probeStateDisplayName(state));
    if (health.checked) {
        if (health.httpStatus > 0)
            parts.append(Tr::tr("HTTP %1 (%2 ms)").arg(health.httpStatus).arg(health.latencyMs));
        else
            parts.append(Tr::tr("HTTP failed: %1").arg(health.error));
    }
    if (metricsChecked) {
        if (metricsInstance.isEmpty())
            parts.append(Tr::tr("no scrape target"));
        else if (metricsHealth == TargetHealth::Up)
            parts.append(Tr::tr("scrape up"));
        else if (metricsHealth == TargetHealth::Down)
            parts.append(Tr::tr("scrape down"));
        else
            parts.append(Tr::tr("scrape pending"));
    }
    return parts.join(QStringLiteral(" · "));
}

QList<PrometheusTarget> Observations::unmatchedTargets() const
{
    QList<PrometheusTarget> result;
    for (const PrometheusTarget &t : prometheusTargets) {
        if (t.serviceId.isEmpty())
            result.append(t);
    }
    return result;
}

ObservationStore::ObservationStore(QObject *parent)
    : QObject(parent)
{
}

const ServiceObservation *ObservationStore::forService(const QString &serviceId) const
{
    const auto it = mObservations.services.constFind(serviceId);
    return it == mObservations.services.constEnd() ? nullptr : &*it;
}

void ObservationStore::setObservations(const Observations &observations)
{
    QSet<QString> ids;
    for (auto it = mObservations.services.cbegin(); it != mObservations.services.cend(); ++it) {
        const auto other = observations.services.constFind(it.key());
        if (other == observations.services.cend() || !(*other == *it))
            ids.insert(it.key());
    }
    for (auto it = observations.services.cbegin(); it != observations.services.cend(); ++it) {
        if (!mObservations.services.contains(it.key()))
            ids.insert(it.key());
    }
    const QList<Finding> removed = mObservations.findings;
    mObservations = observations;
    QStringList sorted(ids.cbegin(), ids.cend());
    sorted.sort();
    emit changed(sorted);
    if (!removed.isEmpty() || !mObservations.findings.isEmpty())
        emit findingsChanged(removed, mObservations.findings);
}

void ObservationStore::clear()
{
    setObservations(Observations());
}

} // namespace Portolan
