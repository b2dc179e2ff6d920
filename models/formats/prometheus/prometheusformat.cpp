#include "prometheusformat.h"

#include "importmerge.h"
#include "yamlutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace Portolan {

namespace {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::PrometheusFormat)
};
} // namespace

struct Job
{
    QString name;
    QString path;
    QString scheme;
    QString interval;
};

// "host:port", "[::1]:9090" or "host" (the scheme's default port).
bool splitTarget(const QString &target, const QString &scheme, QString *host, int *port)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\[[^\\]]+\\]|[^:/\\s]+)(?::(\\d{1,5}))?$"));
    const QRegularExpressionMatch m = pattern.match(target.trimmed());
    if (!m.hasMatch())
        return false;
    *host = m.captured(1);
    if (host->startsWith(QLatin1Char('[')))
        *host = host->mid(1, host->size() - 2);
    *port = m.captured(2).isEmpty() ? (scheme == QLatin1String("https") ? 443 : 80) : m.captured(2).toInt();
    return isValidPort(*port);
}

class Reader
{
public:
    Reader(const FormatOptions &options, ReadResult *result) : mOptions(options), mResult(result) { }

    void addTargets(const Job &job, const Yaml::Node &targets, const QString &fileName);
    void readFileSd(const Job &job, const Yaml::Node &config);
    void warn(const Yaml::Node &node, const QString &fileName, const QString &message)
    {
        mResult->warnings.append(Yaml::errorAt(node, fileName, message));
    }

    // Set when a file_sd file is listed so often that reading stops.
    const std::optional<ParseError> &fatal() const { return mFatal; }

private:
    const FormatOptions &mOptions;
    ReadResult *mResult;
    // Each file_sd file is read once; listing it again (an aliased list of
    // files, a job repeated by alias) repeats its nodes within the same
    // budget as YAML aliases.
    QHash<QString, Yaml::Node> mFileSd;
    qint64 mRepeatedNodes = 0;
    std::optional<ParseError> mFatal;
};

void Reader::addTargets(const Job &job, const Yaml::Node &targets, const QString &fileName)
{
    if (!targets.isSequence())
        return;
    int urls = 0;
    Yaml::Node firstUrl;
    for (const Yaml::Node &t : targets) {
        const QString text = t.scalar();
        if (text.contains(QLatin1String("://"))) {
            // Blackbox-style probe URLs reach the exporter through relabelling;
            // they are not scrape targets of a service.
            if (urls++ == 0)
                firstUrl = t;
            continue;
        }
        QString host;
        int port = 0;
        if (!splitTarget(text, job.scheme, &host, &port)) {
            warn(t, fileName, Tr::tr("Job %1: \"%2\" is not a host:port target; skipped.").arg(job.name, text));
            continue;
        }
        Service s;
        // Fragment ids only need to be unique; a counter keeps large configs linear.
        s.id = QStringLiteral("target-%1").arg(mResult->schema.services.size() + 1);
        s.name = job.name;
        s.aliases = QStringList{host};
        s.hostId = mOptions.hostId;
        s.metrics.enabled = true;
        s.metrics.path = job.path;
        s.metrics.interval = job.interval;
        s.metrics.port = port;
        s.metrics.job = job.name;
        s.metrics.origin = Yaml::location(t, fileName);
        s.origin = s.metrics.origin;
        mResult->schema.services.append(s);
    }
    if (urls > 0)
        warn(firstUrl, fileName,
             Tr::tr("Job %1: %n target(s) are probe URLs, not services; skipped.", nullptr, urls).arg(job.name));
}

void Reader::readFileSd(const Job &job, const Yaml::Node &config)
{
    const Yaml::MapView view(config);
    const Yaml::Node files = view.value(QStringLiteral("files"));
    if (!files.isSequence())
        return;
    for (const Yaml::Node &f : files) {
        const QString pattern = f.scalar();
        const QFileInfo info(QDir(mOptions.baseDir.isEmpty() ? QDir::currentPath() : mOptions.baseDir), pattern);
        const QDir dir = info.dir();
        const QStringList matches = dir.entryList(QStringList{info.fileName()}, QDir::Files, QDir::Name);
        if (matches.isEmpty()) {
            warn(f, mOptions.fileName, Tr::tr("Job %1: no file matches %2.").arg(job.name, pattern));
            continue;
        }
        for (const QString &name : matches) {
            const QString path = dir.filePath(name);
            std::optional<Yaml::Node> root;
            const auto cached = mFileSd.constFind(path);
            if (cached != mFileSd.cend()) {
                root = *cached;
                qint64 nodes = 1;
                for (const Yaml::Node &group : *cached)
                    nodes += 1 + Yaml::MapView(group).value(QStringLiteral("targets")).size();
                mRepeatedNodes += nodes;
                if (mRepeatedNodes > Yaml::MaxAliasNodes) {
                    mFatal = Yaml::errorAt(f, mOptions.fileName,
                                           Tr::tr("Job %1: the file_sd files are listed so often that their targets "
                                                  "repeat more than %L2 times.")
                                               .arg(job.name)
                                               .arg(Yaml::MaxAliasNodes));
                    return;
                }
                if (!cached->isDefined())
                    continue; // unreadable: warned about the first time
            } else {
                ParseError error;
                const std::optional<QByteArray> data = readFileBytes(path, &error, Yaml::MaxFileSize);
                // JSON is YAML, so one reader serves both file_sd forms.
                root = data ? Yaml::load(*data, path, Yaml::MaxFileSize, &error) : std::nullopt;
                mFileSd.insert(path, root.value_or(Yaml::Node()));
                if (!root) {
                    mResult->warnings.append(error);
                    continue;
                }
            }
            if (!root->isSequence()) {
                warn(*root, path, Tr::tr("A file_sd file is a list of target groups."));
                continue;
            }
            for (const Yaml::Node &group : *root)
                addTargets(job, Yaml::MapView(group).value(QStringLiteral("targets")), path);
        }
    }
}

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool isDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(ms|s|m|h|d|w|y))+$"));
    return pattern.match(text).hasMatch();
}

} // namespace

PrometheusFormat::PrometheusFormat()
    : Format({"prometheus", "Portolan::PrometheusFormat", QT_TRANSLATE_NOOP("Portolan::PrometheusFormat", "Prometheus scrape configuration"),
              QT_TRANSLATE_NOOP("Portolan::PrometheusFormat", "Prometheus configuration (*.yml *.yaml)"),
              FormatCapability::Read | FormatCapability::Write | FormatCapability::MergesIntoPlan})
{
}

std::optional<ReadResult> PrometheusFormat::read(const QByteArray &data, const FormatOptions &options,
                                                 ParseError *error) const
{
    const std::optional<Yaml::Node> root =
        Yaml::loadMapping(data, options.fileName, Tr::tr("A Prometheus configuration is a mapping."), error);
    if (!root)
        return std::nullopt;
    const Yaml::MapView top(*root);
    const QString globalInterval =
        Yaml::MapView(top.value(QStringLiteral("global"))).value(QStringLiteral("scrape_interval")).scalar();
    const Yaml::Node configs = top.value(QStringLiteral("scrape_configs"));
    if (configs.isDefined() && !configs.isNull() && !configs.isSequence()) {
        *error = Yaml::errorAt(configs, options.fileName, Tr::tr("scrape_configs must be a list."));
        return std::nullopt;
    }

    // A YAML file without any of Prometheus' top-level keys is something else.
    static const QStringList knownKeys = {QStringLiteral("global"), QStringLiteral("scrape_configs"),
                                          QStringLiteral("scrape_config_files"), QStringLiteral("rule_files"),
                                          QStringLiteral("alerting"), QStringLiteral("remote_write"),
                                          QStringLiteral("remote_read"), QStringLiteral("storage"),
                                          QStringLiteral("tracing"), QStringLiteral("runtime")};
    bool known = top.entries().isEmpty();
    for (const auto &[key, value] : top.entries())
        known = known || knownKeys.contains(key);
    if (!known) {
        const QString hint = top.contains(QStringLiteral("services"))
            ? Tr::tr(" It has \"services:\": it looks like a compose file.")
            : QString();
        *error = Yaml::errorAt(*root, options.fileName,
                               Tr::tr("This is not a Prometheus configuration: it has none of global, "
                                      "scrape_configs or scrape_config_files.")
                                   + hint);
        return std::nullopt;
    }

    ReadResult result;
    Reader reader(options, &result);
    QSet<QString> jobNames;
    QList<std::pair<Yaml::Node, QString>> configLists{{configs, options.fileName}};
    // scrape_config_files: more scrape configs in other files (globs allowed).
    const Yaml::Node configFiles = top.value(QStringLiteral("scrape_config_files"));
    if (configFiles.isSequence()) {
        const QDir base(options.baseDir.isEmpty() ? QDir::currentPath() : options.baseDir);
        for (const Yaml::Node &pattern : configFiles) {
            const QString text = pattern.scalar();
            const QFileInfo info(base.absoluteFilePath(text));
            const QStringList matches =
                QDir(info.path()).entryList({info.fileName()}, QDir::Files, QDir::Name);
            if (matches.isEmpty())
                reader.warn(pattern, options.fileName, Tr::tr("scrape_config_files: no file matches %1.").arg(text));
            for (const QString &match : matches) {
                const QString path = QDir(info.path()).filePath(match);
                const QString shown = options.baseDir.isEmpty() ? path : base.relativeFilePath(path);
                ParseError fileError;
                const std::optional<QByteArray> bytes = readFileBytes(path, &fileError, Yaml::MaxFileSize);
                std::optional<Yaml::Node> included;
                if (bytes)
                    included = Yaml::loadMapping(*bytes, shown, Tr::tr("A scrape config file is a mapping."), &fileError);
                if (!included) {
                    *error = fileError;
                    if (error->file.isEmpty())
                        error->file = shown;
                    return std::nullopt;
                }
                configLists.append({Yaml::MapView(*included).value(QStringLiteral("scrape_configs")), shown});
            }
        }
    }
    for (const auto &[configs, fileName] : std::as_const(configLists)) {
        if (configs.isDefined() && !configs.isNull() && !configs.isSequence()) {
            *error = Yaml::errorAt(configs, fileName, Tr::tr("scrape_configs must be a list."));
            return std::nullopt;
        }
        if (configs.isSequence()) {
            for (const Yaml::Node &config : configs) {
                const Yaml::MapView c(config);
                if (!c.isValid()) {
                    *error = Yaml::errorAt(config, fileName, Tr::tr("A scrape config must be a mapping."));
                    return std::nullopt;
                }
                Job job;
                job.name = c.value(QStringLiteral("job_name")).scalar();
                if (job.name.isEmpty()) {
                    *error = Yaml::errorAt(config, fileName, Tr::tr("A scrape config has no job_name."));
                    return std::nullopt;
                }
                if (jobNames.contains(job.name))
                    reader.warn(c.value(QStringLiteral("job_name")), fileName,
                                Tr::tr("The job name %1 is used twice; Prometheus refuses that.").arg(job.name));
                jobNames.insert(job.name);
                job.path = c.value(QStringLiteral("metrics_path")).scalar();
                if (job.path.isEmpty())
                    job.path = QStringLiteral("/metrics");
                job.scheme = c.value(QStringLiteral("scheme")).scalar();
                job.interval = c.value(QStringLiteral("scrape_interval")).scalar();
                if (job.interval.isEmpty())
                    job.interval = globalInterval;
                const Yaml::Node statics = c.value(QStringLiteral("static_configs"));
                if (statics.isSequence()) {
                    for (const Yaml::Node &group : statics)
                        reader.addTargets(job, Yaml::MapView(group).value(QStringLiteral("targets")), fileName);
                }
                // Service discovery Portolan cannot resolve without asking the network.
                for (const auto &[key, value] : c.entries()) {
                    if (!key.endsWith(QLatin1String("_sd_configs")) || key == QLatin1String("file_sd_configs"))
                        continue;
                    Finding f;
                    f.rule = QStringLiteral("undocumented");
                    f.severity = Severity::Info;
                    f.message = Tr::tr("Job %1: %2, targets not known offline.").arg(job.name, key.chopped(8));
                    if (!options.hostId.isEmpty())
                        f.hostIds.append(options.hostId);
                    f.origin = Yaml::location(c.keyNode(key), fileName);
                    result.findings.append(f);
                }
                const Yaml::Node fileSd = c.value(QStringLiteral("file_sd_configs"));
                if (fileSd.isSequence()) {
                    for (const Yaml::Node &sd : fileSd) {
                        reader.readFileSd(job, sd);
                        if (reader.fatal()) {
                            *error = *reader.fatal();
                            return std::nullopt;
                        }
                    }
                }
            }
        }
    }
    return result;
}

std::optional<Schema> PrometheusFormat::merge(const Schema &plan, const ReadResult &fragment,
                                              const FormatOptions &options, QStringList *summary,
                                              QString *error) const
{
    return mergeScrapeTargets(plan, fragment.schema, options.hostId, summary, error);
}

QList<ScrapeTarget> scrapeTargets(const Schema &schema, const QString &scraperHostId)
{
    QList<ScrapeTarget> result;
    UniqueIds jobs;
    QHash<QString, const Host *> hosts;
    hosts.reserve(schema.hosts.size());
    for (const Host &h : schema.hosts)
        hosts.insert(h.id, &h);
    for (const Service &s : schema.services) {
        if (!s.metrics.enabled || s.status == ServiceStatus::Retired)
            continue;
        const QString hostId = s.hostId.isEmpty() ? s.plannedHostId : s.hostId;
        const Host *host = hosts.value(hostId);
        // Beside the scraper (or with no scraper named) a container is reached by
        // name and container port on the compose network; elsewhere by address.
        const bool local = scraperHostId.isEmpty() || hostId.isEmpty() || hostId == scraperHostId;
        ScrapeTarget t;
        int port = s.metrics.port;
        QString address;
        if (local) {
            address = containerName(s);
            if (port <= 0)
                port = s.containerPort > 0 ? s.containerPort : exportPort(s, true);
        } else {
            address = host && !host->address.isEmpty() ? host->address : hostId;
            if (port <= 0)
                port = exportPort(s, true);
        }
        if (port <= 0 || address.isEmpty())
            continue;
        t.target = QStringLiteral("%1:%2").arg(address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(address)
                                                                                   : address)
                       .arg(port);
        QString job = s.metrics.job.isEmpty() ? composeKey(s) : s.metrics.job;
        if (jobs.contains(job) && !hostId.isEmpty())
            job += QLatin1Char('-') + hostId;
        job = jobs.takeStem(job);
        t.job = job;
        t.path = s.metrics.path.isEmpty() ? QStringLiteral("/metrics") : s.metrics.path;
        if (!t.path.startsWith(QLatin1Char('/')))
            t.path.prepend(QLatin1Char('/'));
        t.interval = isDuration(s.metrics.interval) ? s.metrics.interval : QString();
        t.serviceId = s.id;
        t.hostId = hostId;
        result.append(t);
    }
    return result;
}

std::optional<QByteArray> PrometheusFormat::write(const Schema &schema, const FormatOptions &options, QString *) const
{
    const QList<ScrapeTarget> targets = scrapeTargets(schema, options.hostId);
    const QString fileSd = options.extra.value(QStringLiteral("fileSd")).toString();
    QString out = QStringLiteral("# %1\n").arg(Tr::tr("Scrape targets from the Portolan schema \"%1\".").arg(schema.title));
    if (targets.isEmpty() && fileSd.isEmpty())
        return (out + QStringLiteral("scrape_configs: []\n")).toUtf8();
    out += QStringLiteral("scrape_configs:\n");
    for (const ScrapeTarget &t : targets) {
        out += QStringLiteral("  - job_name: %1\n").arg(quoted(t.job));
        out += QStringLiteral("    metrics_path: %1\n").arg(quoted(t.path));
        if (!t.interval.isEmpty())
            out += QStringLiteral("    scrape_interval: %1\n").arg(t.interval);
        out += QStringLiteral("    static_configs:\n      - targets: [%1]\n").arg(quoted(t.target));
    }
    if (!fileSd.isEmpty()) {
        QString job = QStringLiteral("file-sd");
        for (int n = 2; std::any_of(targets.cbegin(), targets.cend(), [&](const ScrapeTarget &t) { return t.job == job; }); ++n)
            job = QStringLiteral("file-sd-%1").arg(n);
        out += QStringLiteral("  - job_name: %1\n    file_sd_configs:\n      - files: [%2]\n").arg(quoted(job), quoted(fileSd));
    }
    return out.toUtf8();
}

FileSdFormat::FileSdFormat()
    : Format({"file-sd", "Portolan::PrometheusFormat", QT_TRANSLATE_NOOP("Portolan::PrometheusFormat", "Prometheus file_sd targets"),
              QT_TRANSLATE_NOOP("Portolan::PrometheusFormat", "file_sd JSON (*.json)"),
              FormatCapability::Write})
{
}

std::optional<QByteArray> FileSdFormat::write(const Schema &schema, const FormatOptions &options, QString *) const
{
    QJsonArray groups;
    for (const ScrapeTarget &t : scrapeTargets(schema, options.hostId)) {
        QJsonObject labels;
        labels.insert(QStringLiteral("job"), t.job);
        labels.insert(QStringLiteral("__metrics_path__"), t.path);
        if (!t.hostId.isEmpty())
            labels.insert(QStringLiteral("host"), t.hostId);
        labels.insert(QStringLiteral("service"), t.serviceId);
        QJsonObject group;
        group.insert(QStringLiteral("targets"), QJsonArray{t.target});
        group.insert(QStringLiteral("labels"), labels);
        groups.append(group);
    }
    return QJsonDocument(groups).toJson(QJsonDocument::Indented);
}

} // namespace Portolan
