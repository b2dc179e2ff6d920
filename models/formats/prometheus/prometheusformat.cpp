#include "prometheusformat.h"

#include "importmerge.h"
#include "jsonreader.h"
#include "texthash.h"
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

#include <vector>

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
    if (!targets.isSequence()) {
        if (targets.isDefined())
            warn(targets, fileName, Tr::tr("Job %1: targets must be a list of host:port; skipped.").arg(job.name));
        return;
    }
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

// Appends text in double quotes, with backslash and quote escaped.
void appendQuoted(QString &out, const QString &text)
{
    out += QLatin1Char('"');
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('"');
}

QString quoted(const QString &text)
{
    QString out;
    appendQuoted(out, text);
    return out;
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
    TextHash<const Host *> hosts;
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
        // host:port, an IPv6 address in brackets.
        const bool v6 = address.contains(QLatin1Char(':'));
        t.target.reserve(address.size() + 8);
        if (v6)
            t.target += QLatin1Char('[');
        t.target += address;
        t.target += v6 ? QLatin1String("]:") : QLatin1String(":");
        t.target += QString::number(port);
        t.job = s.metrics.job.isEmpty() ? composeKey(s) : s.metrics.job;
        t.path = s.metrics.path.isEmpty() ? QStringLiteral("/metrics") : s.metrics.path;
        if (!t.path.startsWith(QLatin1Char('/')))
            t.path.prepend(QLatin1Char('/'));
        t.interval = isDuration(s.metrics.interval) ? s.metrics.interval : QString();
        t.serviceId = s.id;
        t.hostId = hostId;
        result.append(std::move(t));
    }
    return result;
}

QList<ScrapeJob> scrapeJobs(const QList<ScrapeTarget> &targets)
{
    // One job per name with every target once. Services of one name with
    // different paths or intervals cannot share a job: the later settings
    // get the name with a number (name-2), as Prometheus needs unique names.
    QList<ScrapeJob> jobs;
    // Name as the plan gives it → its first job; each job → the next job of
    // its name, -1 for none (one list per name would cost an allocation
    // for each of a fleet's 100,000 one-target jobs).
    TextHash<int> firstByName;
    firstByName.reserve(targets.size());
    std::vector<int> nextOfName;
    TextHash<int> nextNumber;
    // Every name, for numbering: built only when a name needs a number.
    TextSet used;
    // A job's targets as a set too, once it has more than a few: one job of
    // 20,000 targets would otherwise search its list once a target, and a
    // set for each of a fleet's 100,000 one-target jobs costs more than it saves.
    constexpr qsizetype SearchedTargets = 16;
    QHash<int, TextSet> targetsOfJob;
    for (const ScrapeTarget &t : targets) {
        const auto first = firstByName.constFind(t.job);
        int index = -1;
        int last = -1;
        for (int c = first == firstByName.cend() ? -1 : *first; c >= 0; c = nextOfName[size_t(c)]) {
            if (jobs.at(c).path == t.path && jobs.at(c).interval == t.interval) {
                index = c;
                break;
            }
            last = c;
        }
        if (index < 0) {
            ScrapeJob job;
            job.name = t.job;
            if (last >= 0) {
                if (used.isEmpty()) {
                    used.reserve(targets.size());
                    for (const ScrapeTarget &u : targets)
                        used.insert(u.job);
                }
                int &n = nextNumber[t.job];
                n = qMax(n, 2);
                do
                    job.name = QStringLiteral("%1-%2").arg(t.job).arg(n++);
                while (used.contains(job.name));
                used.insert(job.name);
            }
            job.path = t.path;
            job.interval = t.interval;
            index = int(jobs.size());
            if (last >= 0)
                nextOfName[size_t(last)] = index;
            else
                firstByName.insert(t.job, index);
            nextOfName.push_back(-1);
            jobs.append(std::move(job));
        }
        ScrapeJob &job = jobs[index];
        bool known = false;
        if (job.targets.size() < SearchedTargets) {
            known = job.targets.contains(t.target);
        } else {
            TextSet &set = targetsOfJob[index];
            if (set.isEmpty())
                set = TextSet(job.targets.cbegin(), job.targets.cend());
            known = set.contains(t.target);
            if (!known)
                set.insert(t.target);
        }
        if (!known)
            job.targets.append(t.target);
        job.serviceIds.append(t.serviceId);
    }
    return jobs;
}

namespace {

// One job of scrape_configs, appended to out (a fleet's config has
// 100,000 of them).
void appendJobText(QString &out, const ScrapeJob &job, QStringView indent)
{
    out += indent;
    out += QLatin1String("- job_name: ");
    appendQuoted(out, job.name);
    out += QLatin1Char('\n');
    out += indent;
    out += QLatin1String("  metrics_path: ");
    appendQuoted(out, job.path);
    out += QLatin1Char('\n');
    if (!job.interval.isEmpty()) {
        out += indent;
        out += QLatin1String("  scrape_interval: ");
        out += job.interval;
        out += QLatin1Char('\n');
    }
    out += indent;
    out += QLatin1String("  static_configs:\n");
    out += indent;
    out += QLatin1String("    - targets: [");
    for (qsizetype i = 0; i < job.targets.size(); ++i) {
        if (i > 0)
            out += QLatin1String(", ");
        appendQuoted(out, job.targets.at(i));
    }
    out += QLatin1String("]\n");
}


// The imported config a plan's scrape settings came from, as the base of
// the export: the file most services' metrics name, when it is there.
std::optional<QByteArray> importedConfig(const Schema &schema, const FormatOptions &options, QString *fileName)
{
    TextHash<int> counts;
    for (const Service &s : schema.services) {
        if (s.metrics.enabled && s.metrics.origin.isValid())
            ++counts[s.metrics.origin.file];
    }
    QString best;
    // A Prometheus config linked to the scraper's host comes first.
    for (const Host &h : schema.hosts) {
        if (!options.hostId.isEmpty() && h.id != options.hostId)
            continue;
        for (const RealitySource &source : h.sources) {
            if (source.kind == SourceKind::Prometheus && !source.files.isEmpty() && best.isEmpty())
                best = source.files.first();
        }
    }
    const bool linked = !best.isEmpty();
    for (auto it = counts.cbegin(); !linked && it != counts.cend(); ++it) {
        if (best.isEmpty() || it.value() > counts.value(best) || (it.value() == counts.value(best) && it.key() < best))
            best = it.key();
    }
    if (best.isEmpty() || (options.baseDir.isEmpty() && QDir::isRelativePath(best)))
        return std::nullopt;
    ParseError error;
    std::optional<QByteArray> bytes = readFileBytes(QDir(options.baseDir).absoluteFilePath(best), &error, Yaml::MaxFileSize);
    if (!bytes)
        return std::nullopt;
    // Only a Prometheus config whose scrape_configs is a block list (file_sd
    // lists and flow lists are not edited in place).
    std::optional<Yaml::Node> root = Yaml::loadMapping(*bytes, best, QString(), &error);
    if (!root || !Yaml::MapView(*root).value(QStringLiteral("scrape_configs")).isSequence())
        return std::nullopt;
    static const QRegularExpression blockList(QStringLiteral("(^|\\n)scrape_configs:[ \\t]*(#[^\\n]*)?\\r?\\n"));
    if (!blockList.match(QString::fromUtf8(*bytes)).hasMatch())
        return std::nullopt;
    *fileName = best;
    return bytes;
}

// The imported config with the plan's changes: a target that reaches its
// service through the host (localhost, the host's address) at the port that
// runs today takes the planned port; jobs of services the config does not
// have are appended to scrape_configs. Everything else is kept byte for byte:
// job names, other targets, scheme, relabelling, labels, auth, TLS, comments.
QByteArray editImportedConfig(const QByteArray &config, const QString &fileName, const Schema &schema,
                              const QList<ScrapeTarget> &targets)
{
    QList<QByteArray> lines = config.split('\n');
    TextHash<const Host *> hosts;
    for (const Host &h : schema.hosts)
        hosts.insert(h.id, &h);
    TextSet inConfig;
    for (const Service &s : schema.services) {
        if (!s.metrics.enabled || s.metrics.origin.file != fileName)
            continue;
        inConfig.insert(s.id);
        const int index = s.metrics.origin.line - 1;
        const int planned = exportPort(s, false);
        if (index < 0 || index >= lines.size() || planned <= 0 || s.actualPort <= 0 || planned == s.actualPort)
            continue;
        const QString text = QString::fromUtf8(lines.at(index));
        static const QRegularExpression target(QStringLiteral("([A-Za-z0-9_.\\-]+|\\[[0-9A-Fa-f:.]+\\]):(\\d{1,5})(?!\\d)"));
        const QRegularExpressionMatch m = target.match(text, qMax(0, s.metrics.origin.column - 1));
        if (!m.hasMatch() || m.captured(2).toInt() != s.actualPort)
            continue;
        QString name = m.captured(1);
        if (name.startsWith(QLatin1Char('[')))
            name = name.mid(1, name.size() - 2);
        const Host *host = hosts.value(s.hostId);
        if (!isLoopbackHost(name) && !(host && (name == host->address || name == host->id)))
            continue; // by container name and container port: the host port is not what it uses
        lines[index] = (text.left(m.capturedStart(2)) + QString::number(planned) + text.mid(m.capturedEnd(2))).toUtf8();
    }
    QList<ScrapeTarget> added;
    for (const ScrapeTarget &t : targets) {
        if (!inConfig.contains(t.serviceId))
            added.append(t);
    }
    if (!added.isEmpty()) {
        // After the last line of scrape_configs' list, in its indentation.
        int header = 0;
        while (header < lines.size() && !lines.at(header).startsWith("scrape_configs:"))
            ++header;
        int end = header + 1;
        int last = header;
        QString indent;
        bool indentKnown = false;
        for (; end < lines.size(); ++end) {
            const QByteArray &line = lines.at(end);
            const QByteArray trimmed = line.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith('#'))
                continue;
            if (!line.startsWith(' ') && !line.startsWith('-'))
                break; // the next top-level key
            if (!indentKnown && trimmed.startsWith('-')) {
                indent = QString::fromUtf8(line.left(line.indexOf('-')));
                indentKnown = true;
            }
            last = end;
        }
        QString text;
        for (const ScrapeJob &job : scrapeJobs(added))
            appendJobText(text, job, indentKnown ? QStringView(indent) : QStringView(u"  "));
        const bool crlf = config.contains("\r\n");
        if (crlf)
            text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
        QList<QByteArray> insert = text.toUtf8().split('\n');
        insert.removeLast(); // after the final line end
        for (int i = 0; i < insert.size(); ++i)
            lines.insert(last + 1 + i, insert.at(i));
        // A last line without its line end gets one before what follows it.
        if (last + 1 + insert.size() >= lines.size() && !config.endsWith('\n'))
            lines.append(QByteArray());
    }
    return lines.join('\n');
}

} // namespace

std::optional<QByteArray> PrometheusFormat::write(const Schema &schema, const FormatOptions &options, QString *error) const
{
    const QList<ScrapeTarget> targets = scrapeTargets(schema, options.hostId);
    const QString fileSd = options.extra.value(QStringLiteral("fileSd")).toString();
    QString imported;
    if (fileSd.isEmpty()) {
        if (const std::optional<QByteArray> config = importedConfig(schema, options, &imported))
            return editImportedConfig(*config, imported, schema, targets);
    }
    QString out = QStringLiteral("# %1\n").arg(Tr::tr("Scrape targets from the Portolan schema \"%1\".").arg(schema.title));
    if (targets.isEmpty() && fileSd.isEmpty())
        return (out + QStringLiteral("scrape_configs: []\n")).toUtf8();
    out += QStringLiteral("scrape_configs:\n");
    const QList<ScrapeJob> jobs = scrapeJobs(targets);
    out.reserve(out.size() + jobs.size() * 120);
    WriteSteps steps(options.progress, jobs.size());
    for (const ScrapeJob &job : jobs) {
        if (!steps.next(error))
            return std::nullopt;
        appendJobText(out, job, u"  ");
    }
    if (!fileSd.isEmpty()) {
        TextSet names;
        for (const ScrapeJob &job : jobs)
            names.insert(job.name);
        QString job = QStringLiteral("file-sd");
        for (int n = 2; names.contains(job); ++n)
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

// Written as QJsonDocument::Indented writes it (keys sorted, four spaces a
// level), without building the document: a fleet has 100,000 groups. Two
// texts differ from Qt's bytes, not in meaning: U+FEFF is written \ufeff,
// and a lone surrogate (not Unicode text) U+FFFD (see Json::appendString).
std::optional<QByteArray> FileSdFormat::write(const Schema &schema, const FormatOptions &options, QString *error) const
{
    const QList<ScrapeTarget> targets = scrapeTargets(schema, options.hostId);
    QByteArray out;
    out.reserve(64 + targets.size() * 256);
    out += "[\n";
    WriteSteps steps(options.progress, targets.size());
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (!steps.next(error))
            return std::nullopt;
        const ScrapeTarget &t = targets.at(i);
        out += "    {\n        \"labels\": {\n            \"__metrics_path__\": ";
        Json::appendString(out, t.path);
        if (!t.hostId.isEmpty()) {
            out += ",\n            \"host\": ";
            Json::appendString(out, t.hostId);
        }
        out += ",\n            \"job\": ";
        Json::appendString(out, t.job);
        out += ",\n            \"service\": ";
        Json::appendString(out, t.serviceId);
        out += "\n        },\n        \"targets\": [\n            ";
        Json::appendString(out, t.target);
        out += "\n        ]\n    }";
        out += i + 1 < targets.size() ? ",\n" : "\n";
    }
    out += "]\n";
    return out;
}

} // namespace Portolan
