#include "commandline.h"

#include "jsonformat.h"
#include "realitycheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::CommandLine)
};
} // namespace

static QJsonValue optionalString(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

static QJsonObject observationToJson(const Service &s, const ServiceObservation &o)
{
    QJsonObject j;
    j.insert(QStringLiteral("service"), s.id);
    j.insert(QStringLiteral("name"), s.name);
    j.insert(QStringLiteral("host"), o.hostId);
    j.insert(QStringLiteral("port"), o.port);
    j.insert(QStringLiteral("status"), statusToString(s.status));
    j.insert(QStringLiteral("state"), probeStateToString(o.state));
    j.insert(QStringLiteral("latencyMs"), o.latencyMs >= 0 ? QJsonValue(o.latencyMs) : QJsonValue());
    j.insert(QStringLiteral("error"), optionalString(o.error));
    if (o.health.checked) {
        QJsonObject h;
        h.insert(QStringLiteral("status"), o.health.httpStatus > 0 ? QJsonValue(o.health.httpStatus) : QJsonValue());
        h.insert(QStringLiteral("latencyMs"), o.health.latencyMs);
        h.insert(QStringLiteral("error"), optionalString(o.health.error));
        j.insert(QStringLiteral("health"), h);
    }
    if (o.metricsChecked) {
        QJsonObject m;
        m.insert(QStringLiteral("health"),
                 o.metricsInstance.isEmpty() ? QJsonValue() : QJsonValue(targetHealthToString(o.metricsHealth)));
        m.insert(QStringLiteral("instance"), optionalString(o.metricsInstance));
        m.insert(QStringLiteral("lastError"), optionalString(o.metricsError));
        j.insert(QStringLiteral("metrics"), m);
    }
    return j;
}

int runProbe(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption hostOption(QStringLiteral("host"), Tr::tr("Probe only this host (repeatable; default: all)."),
                                        Tr::tr("ID"));
    const QCommandLineOption rangeOption(QStringLiteral("range"),
                                         Tr::tr("Also sweep these ports for listeners the plan does not know (repeatable)."),
                                         Tr::tr("FIRST-LAST"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"), Tr::tr("Per-attempt timeout (default 1500)."),
                                           Tr::tr("MS"), QString::number(Prober::DefaultTimeoutMs));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               Tr::tr("Connection attempts at a time (default 32)."), Tr::tr("N"),
                                               QString::number(Prober::DefaultConcurrency));
    const QCommandLineOption healthOption(QStringLiteral("health"),
                                          Tr::tr("Also GET this HTTP path (e.g. /health) on every listening service."),
                                          Tr::tr("PATH"));
    const QCommandLineOption prometheusOption(QStringLiteral("prometheus"),
                                              Tr::tr("Read target health from this Prometheus server."), Tr::tr("URL"));
    const QCommandLineOption formatOption(QStringLiteral("format"), Tr::tr("Output: text (default) or json."),
                                          Tr::tr("FORMAT"), QStringLiteral("text"));
    parser.addOptions({hostOption, rangeOption, timeoutOption, concurrencyOption, healthOption, prometheusOption,
                       formatOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("The schema whose hosts to probe."));
    if (!parseArguments(parser, QStringLiteral("probe"), context))
        return 2;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.err << Tr::tr("portolan probe: expected one FILE") << Qt::endl;
        return 2;
    }
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        context.err << Tr::tr("portolan probe: unknown format \"%1\" (text or json)").arg(format) << Qt::endl;
        return 2;
    }

    RealityCheckOptions options;
    options.hostIds = parser.values(hostOption);
    for (const QString &text : parser.values(rangeOption)) {
        const std::optional<PortSpan> span = PortSpan::parse(text);
        if (!span) {
            context.err << Tr::tr("portolan probe: \"%1\" is not a port range like 3000-3099").arg(text) << Qt::endl;
            return 2;
        }
        options.scanRanges.append(*span);
    }
    bool ok = false;
    options.timeoutMs = parser.value(timeoutOption).toInt(&ok);
    if (!ok || options.timeoutMs < Prober::MinTimeoutMs || options.timeoutMs > Prober::MaxTimeoutMs) {
        context.err << Tr::tr("portolan probe: the timeout must be %1-%2 ms")
                           .arg(Prober::MinTimeoutMs)
                           .arg(Prober::MaxTimeoutMs)
                    << Qt::endl;
        return 2;
    }
    options.concurrency = parser.value(concurrencyOption).toInt(&ok);
    if (!ok || options.concurrency < 1 || options.concurrency > Prober::MaxConcurrency) {
        context.err << Tr::tr("portolan probe: the concurrency must be 1-%1").arg(Prober::MaxConcurrency) << Qt::endl;
        return 2;
    }
    options.healthPath = parser.value(healthOption);
    if (parser.isSet(prometheusOption)) {
        options.prometheusUrl = QUrl(parser.value(prometheusOption), QUrl::StrictMode);
        if (options.prometheusUrl.isEmpty())
            options.prometheusUrl = QUrl(QStringLiteral("invalid:"));
    }

    const QString fileName = positional.first();
    ParseError parseError;
    const std::optional<Schema> schema = loadSchemaFile(fileName, &parseError);
    if (!schema) {
        context.err << QStringLiteral("portolan probe: %1").arg(parseError.toString()) << Qt::endl;
        return 2;
    }

    RealityCheck check;
    QEventLoop loop;
    QObject::connect(&check, &RealityCheck::finished, &loop, &QEventLoop::quit);
    QString error;
    if (!check.start(*schema, options, &error)) {
        context.err << QStringLiteral("portolan probe: %1").arg(error) << Qt::endl;
        return 2;
    }
    if (check.isRunning())
        loop.exec();
    const Observations &observed = check.observations();

    const QStringList silent = RealityCheck::silentDeployedServices(*schema, observed);
    int deployed = 0;
    for (const Service &s : schema->services) {
        if (s.status == ServiceStatus::Deployed && s.protocol == Protocol::Tcp
            && observed.probedHostIds.contains(s.hostId))
            ++deployed;
    }
    const QList<PrometheusTarget> unmatched = observed.unmatchedTargets();

    if (format == QLatin1String("json")) {
        QJsonArray services;
        for (const Service &s : schema->services) {
            const auto it = observed.services.constFind(s.id);
            if (it != observed.services.constEnd())
                services.append(observationToJson(s, *it));
        }
        QJsonArray listeners;
        for (const ProbeResult &r : observed.unknownListeners) {
            QJsonObject o;
            o.insert(QStringLiteral("host"), r.target.hostId);
            o.insert(QStringLiteral("port"), r.target.port);
            o.insert(QStringLiteral("latencyMs"), r.latencyMs);
            listeners.append(o);
        }
        QJsonArray findings;
        for (const Finding &f : observed.findings)
            findings.append(findingToJson(f));
        QJsonArray targets;
        for (const PrometheusTarget &t : observed.prometheusTargets) {
            QJsonObject o;
            o.insert(QStringLiteral("job"), t.job);
            o.insert(QStringLiteral("instance"), t.instance);
            o.insert(QStringLiteral("health"), targetHealthToString(t.health));
            o.insert(QStringLiteral("lastError"), optionalString(t.lastError));
            o.insert(QStringLiteral("service"), optionalString(t.serviceId));
            targets.append(o);
        }
        QJsonObject summary;
        summary.insert(QStringLiteral("attempts"), observed.attempts);
        summary.insert(QStringLiteral("listening"), observed.listening);
        summary.insert(QStringLiteral("deployed"), deployed);
        summary.insert(QStringLiteral("answered"), deployed - int(silent.size()));
        summary.insert(QStringLiteral("silent"), QJsonArray::fromStringList(silent));
        QJsonObject root;
        root.insert(QStringLiteral("checkedAt"), observed.checkedAt.toString(Qt::ISODate));
        root.insert(QStringLiteral("services"), services);
        root.insert(QStringLiteral("unknownListeners"), listeners);
        root.insert(QStringLiteral("findings"), findings);
        if (!options.prometheusUrl.isEmpty()) {
            QJsonObject prometheus;
            prometheus.insert(QStringLiteral("url"), options.prometheusUrl.toString());
            prometheus.insert(QStringLiteral("error"), optionalString(observed.prometheusError));
            prometheus.insert(QStringLiteral("targets"), targets);
            root.insert(QStringLiteral("prometheus"), prometheus);
        }
        root.insert(QStringLiteral("summary"), summary);
        context.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else {
        for (const Service &s : schema->services) {
            const auto it = observed.services.constFind(s.id);
            if (it == observed.services.constEnd())
                continue;
            QString line = QStringLiteral("%1 %2:%3 %4").arg(s.id, it->hostId).arg(it->port).arg(it->summary());
            if (!it->error.isEmpty())
                line += QStringLiteral(" — %1").arg(it->error);
            context.out << line << Qt::endl;
        }
        for (const Finding &f : observed.findings)
            context.out << QStringLiteral("%1 %2 %3").arg(severityToString(f.severity), f.rule, f.message) << Qt::endl;
        for (const PrometheusTarget &t : unmatched) {
            context.out << Tr::tr("Prometheus target %1 (job %2) matches no service: %3")
                               .arg(t.instance, t.job, targetHealthToString(t.health))
                        << Qt::endl;
        }
        context.out << Tr::tr("%1 of %2 deployed service(s) answered; %3 attempt(s), %4 listening")
                           .arg(deployed - silent.size())
                           .arg(deployed)
                           .arg(observed.attempts)
                           .arg(observed.listening)
                    << Qt::endl;
    }
    if (!observed.prometheusError.isEmpty())
        context.err << QStringLiteral("portolan probe: %1").arg(observed.prometheusError) << Qt::endl;
    return silent.isEmpty() && observed.prometheusError.isEmpty() ? 0 : 1;
}

} // namespace Portolan
