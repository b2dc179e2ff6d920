#include "linkedsources.h"

#include "composeformat.h"
#include "importmerge.h"
#include "prometheusformat.h"
#include "texthash.h"
#include "yamlutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QtConcurrent>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <functional>

namespace Portolan {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::LinkedSources)
};

} // namespace

namespace {

int schemeDefaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws"))
        return 80;
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return 443;
    return 0;
}

// Every scheme://host[:port] in a value; the port is the scheme's default when absent.
QList<std::pair<QString, int>> urlsIn(const QString &value, QStringList *texts)
{
    static const QRegularExpression pattern(QStringLiteral("\\b[a-z][a-z0-9+.-]*://[^\\s'\"()<>,;]+"),
                                            QRegularExpression::CaseInsensitiveOption);
    QList<std::pair<QString, int>> result;
    QRegularExpressionMatchIterator it = pattern.globalMatch(value);
    while (it.hasNext()) {
        const QString token = it.next().captured();
        const QUrl url(token);
        if (!url.isValid() || url.host().isEmpty())
            continue;
        const int port = url.port(schemeDefaultPort(url.scheme().toLower()));
        if (port <= 0)
            continue;
        result.append({url.host(), port});
        texts->append(token);
    }
    return result;
}

ParseError fileError(const QString &file, const QString &message)
{
    ParseError e;
    e.file = file;
    e.message = message;
    return e;
}

QString projectName(const RealitySource &source)
{
    if (!source.project.isEmpty())
        return source.project;
    const QString dir = QFileInfo(source.files.value(0)).path();
    return dir == QLatin1String(".") ? QString() : QFileInfo(dir).fileName();
}

bool readCompose(SourceReading *reading, const QString &baseDir, const QHash<QString, QString> *environment)
{
    const RealitySource &source = reading->source;
    const QString first = reading->absoluteFiles.first();
    std::optional<QByteArray> bytes = readFileBytes(first, &reading->error, ComposeFormat::MaxFileSize);
    if (!bytes) {
        reading->error.file = source.files.first();
        return false;
    }
    FormatOptions options;
    options.fileName = source.files.first();
    options.hostId = reading->hostId;
    options.baseDir = QFileInfo(first).path();
    if (!source.envFile.isEmpty())
        options.extra.insert(QStringLiteral("envFile"), QDir(baseDir).absoluteFilePath(source.envFile));
    if (environment) {
        QVariantMap env;
        for (auto it = environment->cbegin(); it != environment->cend(); ++it)
            env.insert(it.key(), it.value());
        options.extra.insert(QStringLiteral("environment"), env);
    }
    if (source.files.size() > 1) {
        options.extra.insert(QStringLiteral("overrideFiles"), reading->absoluteFiles.mid(1));
        options.extra.insert(QStringLiteral("overrideNames"), source.files.mid(1));
    }
    if (!source.profiles.isEmpty())
        options.extra.insert(QStringLiteral("profiles"), source.profiles);
    static const ComposeFormat format;
    std::optional<ReadResult> result = format.read(*bytes, options, &reading->error);
    if (!result)
        return false;
    // Compose keys are unique within a project only: the project names the group.
    QString project = projectName(source);
    if (project.isEmpty())
        project = source.files.first();
    for (Service &s : result->schema.services)
        s.deployment = project;
    reading->result = *result;
    reading->warnings = result->warnings;
    return true;
}

bool readPrometheus(SourceReading *reading)
{
    const QString file = reading->absoluteFiles.first();
    std::optional<QByteArray> bytes = readFileBytes(file, &reading->error, Yaml::MaxFileSize);
    if (!bytes) {
        reading->error.file = reading->source.files.first();
        return false;
    }
    FormatOptions options;
    options.fileName = reading->source.files.first();
    options.hostId = reading->hostId;
    options.baseDir = QFileInfo(file).path();
    static const PrometheusFormat format;
    std::optional<ReadResult> result = format.read(*bytes, options, &reading->error);
    if (!result)
        return false;
    reading->result = *result;
    reading->warnings = result->warnings;
    return true;
}

// cloudflared's config.yml: ingress rules of hostname → service URL.
bool readCloudflared(SourceReading *reading)
{
    const QString shown = reading->source.files.first();
    std::optional<QByteArray> bytes = readFileBytes(reading->absoluteFiles.first(), &reading->error, Yaml::MaxFileSize);
    if (!bytes) {
        reading->error.file = shown;
        return false;
    }
    const std::optional<Yaml::Node> root = Yaml::loadMapping(
        *bytes, shown, Tr::tr("A cloudflared configuration is a mapping with an \"ingress\" list."), &reading->error);
    if (!root)
        return false;
    const Yaml::MapView top(*root);
    const Yaml::Node ingress = top.value(QStringLiteral("ingress"));
    if (!ingress.isSequence()) {
        reading->error = Yaml::errorAt(ingress.isDefined() ? ingress : *root, shown,
                                       Tr::tr("This is not a cloudflared configuration: it has no \"ingress\" list."));
        return false;
    }
    for (const Yaml::Node &rule : ingress) {
        const Yaml::MapView r(rule);
        if (!r.isValid()) {
            reading->error = Yaml::errorAt(rule, shown, Tr::tr("An ingress rule must be a mapping."));
            return false;
        }
        const Yaml::Node service = r.value(QStringLiteral("service"));
        const QString text = service.scalar();
        if (text.isEmpty()) {
            reading->error = Yaml::errorAt(rule, shown, Tr::tr("An ingress rule needs a service."));
            return false;
        }
        if (text.startsWith(QLatin1String("http_status:")) || text.startsWith(QLatin1String("hello_world"))
            || text.startsWith(QLatin1String("bastion")) || text.startsWith(QLatin1String("unix:")))
            continue;
        const QUrl url(text);
        const int port = url.port(schemeDefaultPort(url.scheme().toLower()));
        if (!url.isValid() || url.host().isEmpty() || port <= 0) {
            reading->warnings.append(Yaml::errorAt(service, shown,
                                                   Tr::tr("The ingress service \"%1\" names no host and port; skipped.")
                                                       .arg(text)));
            continue;
        }
        NamedEndpoint e;
        e.host = url.host();
        e.port = port;
        e.text = text;
        e.hostname = r.value(QStringLiteral("hostname")).scalar();
        e.origin = Yaml::location(service, shown);
        reading->endpoints.append(e);
    }
    return true;
}

// The source's one file as text; a NUL byte is refused at its position
// with binaryMessage.
std::optional<QByteArray> readTextSource(SourceReading *reading, const QString &binaryMessage)
{
    const QString shown = reading->source.files.first();
    std::optional<QByteArray> bytes = readFileBytes(reading->absoluteFiles.first(), &reading->error, Yaml::MaxFileSize);
    if (!bytes) {
        reading->error.file = shown;
        return std::nullopt;
    }
    if (refuseUtf16(*bytes, &reading->error)) {
        reading->error.file = shown;
        return std::nullopt;
    }
    if (const qsizetype nul = bytes->indexOf('\0'); nul >= 0) {
        reading->error.file = shown;
        lineColumnAt(*bytes, nul, &reading->error.line, &reading->error.column);
        reading->error.message = binaryMessage;
        return std::nullopt;
    }
    return bytes;
}

// An env file: KEY=VALUE lines whose values name URLs.
bool readEnv(SourceReading *reading)
{
    const QString shown = reading->source.files.first();
    const std::optional<QByteArray> bytes =
        readTextSource(reading, Tr::tr("The env file contains binary data (a NUL byte), not text."));
    if (!bytes)
        return false;
    const QList<QByteArray> lines = bytes->split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString value = line.mid(eq + 1);
        QStringList texts;
        const auto urls = urlsIn(value, &texts);
        for (int u = 0; u < urls.size(); ++u) {
            NamedEndpoint e;
            e.host = urls.at(u).first;
            e.port = urls.at(u).second;
            e.text = texts.at(u);
            e.origin = {shown, i + 1, int(lines.at(i).indexOf('=')) + 2};
            reading->endpoints.append(e);
        }
    }
    return true;
}

// The port documentation: text, read only to know it is there and readable;
// it is the plan's prose, not reality, so it yields nothing.
bool readDoc(SourceReading *reading)
{
    return readTextSource(reading, Tr::tr("The document contains binary data (a NUL byte), not Markdown.")).has_value();
}

Finding sourceFinding(const QString &rule, Severity severity, const QString &message, const QString &hostId,
                      const SourceLocation &origin, const QStringList &serviceIds = {}, const QList<int> &ports = {})
{
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.message = message;
    f.hostIds = {hostId};
    f.serviceIds = serviceIds;
    f.ports = ports;
    f.origin = origin;
    return f;
}

} // namespace

QStringList SourceReading::originFiles() const
{
    QStringList files = source.files;
    auto add = [&](const SourceLocation &origin) {
        if (origin.isValid() && !files.contains(origin.file))
            files.append(origin.file);
    };
    for (const Service &s : result.schema.services) {
        add(s.origin);
        add(s.metrics.origin);
    }
    for (const Reference &r : result.schema.references)
        add(r.origin);
    return files;
}

QString sourceBaseDir(const QString &planFileName)
{
    if (planFileName.isEmpty())
        return QDir::currentPath();
    if (planFileName.startsWith(QLatin1Char(':')))
        return QFileInfo(planFileName).path(); // a plan in the resources: its sources are beside it
    return QFileInfo(planFileName).absolutePath();
}

QString relativeSourcePath(const QString &baseDir, const QString &file)
{
    const QString absolute = QFileInfo(file).absoluteFilePath();
    const QString relative = QDir(baseDir).relativeFilePath(absolute);
    if (relative.startsWith(QLatin1String("../../../")) || QDir::isAbsolutePath(relative))
        return absolute;
    return relative;
}

std::optional<LinkedSourcesCopy> copyLinkedSources(const Schema &schema, const QString &fromDir, const QString &toDir,
                                                   const QString &folder, QString *error)
{
    // The relative paths the plan links that exist under fromDir.
    QStringList paths;
    const auto collect = [&](const QString &path) {
        if (!path.isEmpty() && !QDir::isAbsolutePath(path) && QFileInfo::exists(QDir(fromDir).filePath(path))
            && !paths.contains(path))
            paths.append(path);
    };
    for (const Host &h : schema.hosts) {
        for (const RealitySource &source : h.sources) {
            for (const QString &f : source.files)
                collect(f);
            collect(source.envFile);
        }
    }
    TextHash<QByteArray> bytes;
    for (const QString &path : std::as_const(paths)) {
        QFile file(QDir(fromDir).filePath(path));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = Tr::tr("Cannot read %1: %2")
                         .arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
        bytes.insert(path, file.readAll());
    }
    // Where the set fits without overwriting anything: toDir itself, else
    // a new folder (the first name that holds no file of the set).
    const auto fits = [&](const QString &dir) {
        for (const QString &path : std::as_const(paths)) {
            QFile existing(QDir(dir).filePath(path));
            if (existing.exists() && (!existing.open(QIODevice::ReadOnly) || existing.readAll() != bytes.value(path)))
                return false;
        }
        return true;
    };
    LinkedSourcesCopy copy;
    QString target = toDir;
    if (!fits(target)) {
        for (int n = 1;; ++n) {
            copy.folder = n == 1 ? folder : QStringLiteral("%1-%2").arg(folder).arg(n);
            target = QDir(toDir).filePath(copy.folder);
            if (fits(target))
                break;
        }
    }
    for (const QString &path : std::as_const(paths)) {
        const QString name = QDir(target).filePath(path);
        if (QFileInfo::exists(name))
            continue; // the same bytes (fits() said so)
        if (!QDir().mkpath(QFileInfo(name).absolutePath())) {
            *error = Tr::tr("Cannot create the folder %1")
                         .arg(QDir::toNativeSeparators(QFileInfo(name).absolutePath()));
            return std::nullopt;
        }
        if (!writeFileAtomically(name, bytes.value(path), error))
            return std::nullopt;
        copy.written.append(QFileInfo(name).absoluteFilePath());
    }
    if (!copy.folder.isEmpty()) {
        QList<Host> hosts = schema.hosts;
        const auto move = [&](QString *path) {
            if (paths.contains(*path))
                *path = copy.folder + QLatin1Char('/') + *path;
        };
        for (Host &h : hosts) {
            for (RealitySource &source : h.sources) {
                for (QString &f : source.files)
                    move(&f);
                move(&source.envFile);
            }
        }
        copy.hosts = hosts;
    }
    return copy;
}

SourceReading readSource(const QString &hostId, const RealitySource &source, const QString &baseDir,
                         const QHash<QString, QString> *environment)
{
    SourceReading reading;
    reading.hostId = hostId;
    reading.source = source;
    reading.readAt = QDateTime::currentDateTimeUtc();
    for (const QString &f : source.files)
        reading.absoluteFiles.append(QDir::cleanPath(QDir(baseDir).absoluteFilePath(f)));
    if (source.files.isEmpty()) {
        reading.error = fileError(QString(), Tr::tr("The source names no file."));
        return reading;
    }
    switch (source.kind) {
    case SourceKind::Compose: reading.ok = readCompose(&reading, baseDir, environment); break;
    case SourceKind::Prometheus: reading.ok = readPrometheus(&reading); break;
    case SourceKind::Cloudflared: reading.ok = readCloudflared(&reading); break;
    case SourceKind::Env: reading.ok = readEnv(&reading); break;
    case SourceKind::Doc: reading.ok = readDoc(&reading); break;
    }
    if (!reading.ok && reading.error.message.isEmpty())
        reading.error.message = Tr::tr("The file cannot be read.");
    return reading;
}

QList<SourceReading> readSources(const Schema &schema, const QString &baseDir,
                                 const QHash<QString, QString> *environment)
{
    // The process environment once for all compose projects, not per file.
    QHash<QString, QString> processEnvironment;
    if (!environment) {
        const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
        for (const QString &key : system.keys())
            processEnvironment.insert(key, system.value(key));
        environment = &processEnvironment;
    }
    struct Job
    {
        QString hostId;
        RealitySource source;
    };
    QList<Job> jobs;
    for (const Host &h : schema.hosts) {
        for (const RealitySource &source : h.sources)
            jobs.append({h.id, source});
    }
    // Sources are independent files: read on every core.
    return QtConcurrent::blockingMapped<QList<SourceReading>>(jobs, [&](const Job &job) {
        return readSource(job.hostId, job.source, baseDir, environment);
    });
}

namespace {

// What applying has changed so far, relative to the plan it started from.
class DiffBuilder
{
public:
    DiffBuilder(const Schema &plan, const std::function<int(const QString &)> &rowOf, RealityDiff *diff)
        : mPlan(plan), mRowOf(rowOf), mDiff(diff)
    {
    }

    // The service as it stands now: changed, added, or the plan's own.
    const Service &current(int row) const
    {
        const Service &planned = mPlan.services.at(row);
        const auto it = mChanged.constFind(planned.id);
        return it == mChanged.cend() ? planned : *it;
    }
    bool isRemoved(const QString &id) const { return mRemoved.contains(id); }
    bool isTaken(const QString &id) const
    {
        return (mRowOf(id) >= 0 && !mRemoved.contains(id)) || mAddedIndex.contains(id);
    }
    QList<Service> addedOn(const QString &hostId) const
    {
        QList<Service> result;
        for (const Service &s : mAdded) {
            if (s.hostId == hostId)
                result.append(s);
        }
        return result;
    }

    // A host's services before (those given to the merge) and after.
    void record(const QList<Service> &before, const QList<Service> &after)
    {
        TextSet kept;
        for (const Service &s : after) {
            kept.insert(s.id);
            const int row = mRowOf(s.id);
            if (row >= 0) {
                mRemoved.remove(s.id);
                if (s == mPlan.services.at(row))
                    mChanged.remove(s.id);
                else
                    mChanged.insert(s.id, s);
            } else if (mAddedIndex.contains(s.id)) {
                mAdded[mAddedIndex.value(s.id)] = s;
            } else {
                mAddedIndex.insert(s.id, int(mAdded.size()));
                mAdded.append(s);
            }
        }
        for (const Service &s : before) {
            if (kept.contains(s.id))
                continue;
            if (mRowOf(s.id) >= 0) {
                mRemoved.insert(s.id);
                mChanged.remove(s.id);
            } else if (mAddedIndex.contains(s.id)) {
                mAdded.removeAt(mAddedIndex.value(s.id));
                mAddedIndex.clear();
                for (int i = 0; i < mAdded.size(); ++i)
                    mAddedIndex.insert(mAdded.at(i).id, i);
            }
        }
    }

    void finish()
    {
        // In plan order; rows are sorted, not the (large) services.
        QList<std::pair<int, const Service *>> rows;
        rows.reserve(mChanged.size());
        for (auto it = mChanged.cbegin(); it != mChanged.cend(); ++it)
            rows.append({mRowOf(it.key()), &it.value()});
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        mDiff->changed.reserve(rows.size());
        for (const auto &[row, service] : std::as_const(rows))
            mDiff->changed.append(*service);
        mDiff->added = mAdded;
        mDiff->removed = QStringList(mRemoved.cbegin(), mRemoved.cend());
        mDiff->removed.sort();
    }

    // The whole schema as it stands now (for Prometheus, whose targets name any host).
    Schema materialize(const QList<Reference> &references) const
    {
        Schema schema = mPlan;
        QList<Service> services;
        services.reserve(mPlan.services.size() + mAdded.size());
        for (const Service &s : mPlan.services) {
            if (!mRemoved.contains(s.id))
                services.append(mChanged.value(s.id, s));
        }
        services += mAdded;
        schema.services = std::move(services);
        schema.references = references;
        return schema;
    }

private:
    const Schema &mPlan;
    const std::function<int(const QString &)> &mRowOf;
    RealityDiff *mDiff;
    TextHash<Service> mChanged;
    TextSet mRemoved;
    QList<Service> mAdded;
    TextHash<int> mAddedIndex;
};

} // namespace

RealityDiff realityDiff(const Schema &plan, const QList<SourceReading> &readings,
                        const std::function<int(const QString &)> &rowOf)
{
    RealityDiff diff;
    DiffBuilder builder(plan, rowOf, &diff);
    QList<Reference> references = plan.references;
    bool referencesTouched = false;

    QStringList hostOrder;
    TextHash<QList<const SourceReading *>> byHost;
    for (const SourceReading &r : readings) {
        if (!byHost.contains(r.hostId))
            hostOrder.append(r.hostId);
        byHost[r.hostId].append(&r);
    }
    // One pass over the plan: the rows of each host with sources, and the
    // services not placed yet (an import may claim them).
    const TextSet hostSet(hostOrder.cbegin(), hostOrder.cend());
    TextHash<QList<int>> rowsOf;
    QList<int> unplaced;
    for (int row = 0; row < plan.services.size(); ++row) {
        const QString &hostId = plan.services.at(row).hostId;
        if (hostId.isEmpty())
            unplaced.append(row);
        else if (hostSet.contains(hostId))
            rowsOf[hostId].append(row);
    }

    for (const QString &hostId : std::as_const(hostOrder)) {
        const QList<const SourceReading *> hostReadings = byHost.value(hostId);
        // A reading that failed keeps what the plan holds from its files:
        // the last good reading stays until the file reads again.
        TextSet files;
        for (const SourceReading *r : hostReadings) {
            if (!r->ok) {
                diff.findings.append(sourceFinding(
                    QStringLiteral("source-error"), Severity::Error,
                    Tr::tr("%1 of %2 cannot be read: %3")
                        .arg(sourceKindDisplayName(r->source.kind), hostId, r->error.message),
                    hostId, {r->error.file.isEmpty() ? r->source.files.value(0) : r->error.file, r->error.line,
                             r->error.column}));
                continue;
            }
            for (const QString &f : r->originFiles())
                files.insert(f);
        }

        // The host's part of the plan, as applying has left it so far.
        Schema part;
        part.hosts = plan.hosts;
        QList<Service> before;
        const QList<int> hostRows = rowsOf.value(hostId);
        before.reserve(hostRows.size());
        for (int row : hostRows) {
            if (!builder.isRemoved(plan.services.at(row).id))
                before.append(builder.current(row));
        }
        before += builder.addedOn(hostId);
        for (int row : std::as_const(unplaced)) {
            const Service &s = builder.current(row);
            if (!builder.isRemoved(s.id) && s.hostId.isEmpty()
                && (s.plannedHostId.isEmpty() || s.plannedHostId == hostId))
                before.append(s);
        }

        // Take out what earlier readings of these files put in.
        part.services.reserve(before.size());
        for (const Service &original : std::as_const(before)) {
            const bool fromFiles = original.hostId == hostId && original.origin.isValid()
                && files.contains(original.origin.file);
            if (fromFiles && original.undocumented)
                continue;
            part.services.append(original);
            Service &s = part.services.last();
            if (fromFiles) {
                s.actualPort = 0;
                s.origin = SourceLocation();
            }
            if (s.hostId == hostId && s.metrics.origin.isValid() && files.contains(s.metrics.origin.file))
                s.metrics = Metrics();
        }
        if (!files.isEmpty()) {
            const qsizetype count = references.size();
            references.removeIf([&](const Reference &r) { return files.contains(r.origin.file); });
            referencesTouched = referencesTouched || references.size() != count;
        }

        // All compose projects of the host together, ids kept apart per reading.
        Schema composeFragment;
        for (int i = 0; i < hostReadings.size(); ++i) {
            const SourceReading *r = hostReadings.at(i);
            if (!r->ok || r->source.kind != SourceKind::Compose)
                continue;
            const QString prefix = QStringLiteral("%1/").arg(i);
            for (Service s : r->result.schema.services) {
                s.id.prepend(prefix);
                composeFragment.services.append(s);
            }
            for (Reference ref : r->result.schema.references) {
                ref.fromServiceId.prepend(prefix);
                ref.toServiceId.prepend(prefix);
                composeFragment.references.append(ref);
            }
        }
        if (!composeFragment.services.isEmpty()) {
            QString error;
            // Ids elsewhere in the plan stay taken; the part's own are the merge's.
            TextSet partIds;
            for (const Service &s : std::as_const(before))
                partIds.insert(s.id);
            const auto taken = [&](const QString &id) { return !partIds.contains(id) && builder.isTaken(id); };
            // No summary from the merge: it would compare with the part as
            // reset, where every port is new; what changed is said below,
            // against before.
            std::optional<Schema> merged = mergeHostReality(part, composeFragment, hostId, nullptr, &error, taken);
            if (merged) {
                part.services = merged->services;
                references += merged->references;
                referencesTouched = referencesTouched || !merged->references.isEmpty();
            } else {
                diff.summary.append(error);
            }
        }

        // Tunnel rules and env URLs: who on this host listens there?
        QHash<int, int> publishedOn; // host port → index in part
        TextHash<int> byName;  // name, alias → index in part
        const bool endpoints = std::any_of(hostReadings.cbegin(), hostReadings.cend(),
                                           [](const SourceReading *r) { return r->ok && !r->endpoints.isEmpty(); });
        for (int i = 0; endpoints && i < part.services.size(); ++i) {
            const Service &s = part.services.at(i);
            if (s.hostId != hostId || s.status == ServiceStatus::Retired)
                continue;
            if (s.actualPort > 0 && !publishedOn.contains(s.actualPort))
                publishedOn.insert(s.actualPort, i);
            for (const QString &n : s.aliases)
                byName.insert(n.toLower(), i);
            byName.insert(s.name.toLower(), i);
        }
        for (const SourceReading *r : hostReadings) {
            if (!r->ok)
                continue;
            diff.findings += r->result.findings;
            for (const NamedEndpoint &e : r->endpoints) {
                if (isLoopbackHost(e.host)) {
                    const int i = publishedOn.value(e.port, -1);
                    if (i < 0) {
                        diff.findings.append(sourceFinding(
                            QStringLiteral("broken-reference"), Severity::Error,
                            e.hostname.isEmpty()
                                ? Tr::tr("%1 points at port %2 on %3, where nothing is published.")
                                      .arg(e.text)
                                      .arg(e.port)
                                      .arg(hostId)
                                : Tr::tr("Tunnel rule %1 → %2: nothing on %3 publishes port %4.")
                                      .arg(e.hostname, e.text, hostId)
                                      .arg(e.port),
                            hostId, e.origin, {}, {e.port}));
                        continue;
                    }
                    Service &s = part.services[i];
                    if (!e.hostname.isEmpty() && s.publicHostname.isEmpty()) {
                        s.publicHostname = e.hostname;
                        diff.summary.append(Tr::tr("%1: public as %2 (tunnel rule at %3).")
                                                .arg(s.name, e.hostname, e.origin.toString()));
                    }
                    continue;
                }
                const int i = byName.value(e.host.toLower(), -1);
                if (i < 0)
                    continue; // a host the plan does not know on this machine
                const Service &s = part.services.at(i);
                const int listens = s.containerPort > 0 ? s.containerPort : s.actualPort;
                if (listens > 0 && listens != e.port && s.actualPort != e.port) {
                    diff.findings.append(sourceFinding(
                        QStringLiteral("broken-reference"), Severity::Error,
                        Tr::tr("%1 expects %2 on port %3, but it listens on %4.")
                            .arg(e.text, s.name)
                            .arg(e.port)
                            .arg(listens),
                        hostId, e.origin, {s.id}, {e.port, listens}));
                }
            }
        }
        // What changed since the last reading, in the words of the sources.
        {
            TextHash<const Service *> was;
            for (const Service &b : std::as_const(before))
                was.insert(b.id, &b);
            TextSet present;
            for (const Service &a : std::as_const(part.services)) {
                present.insert(a.id);
                const Service *b = was.value(a.id);
                if (!b) {
                    diff.summary.append(Tr::tr("%1 on %2: new in %3 (port %4).")
                                            .arg(a.name, hostId, a.origin.toString())
                                            .arg(a.actualPort));
                } else if (b->actualPort != a.actualPort) {
                    diff.summary.append(Tr::tr("%1 on %2: port %3 → %4 (%5).")
                                            .arg(a.name, hostId)
                                            .arg(b->actualPort)
                                            .arg(a.actualPort)
                                            .arg(a.origin.isValid() ? a.origin.toString() : Tr::tr("in no source now")));
                }
            }
            for (const Service &b : std::as_const(before)) {
                if (!present.contains(b.id))
                    diff.summary.append(Tr::tr("%1 on %2: no longer in its source.").arg(b.name, hostId));
            }
        }
        builder.record(before, part.services);

        // Prometheus names targets on any host: matched against the whole plan.
        for (const SourceReading *r : hostReadings) {
            if (!r->ok || r->source.kind != SourceKind::Prometheus)
                continue;
            const Schema whole = builder.materialize(references);
            QString error;
            std::optional<Schema> merged = mergeScrapeTargets(whole, r->result.schema, hostId, &diff.summary, &error);
            if (!merged)
                continue;
            QList<Service> was, now;
            for (int i = 0; i < whole.services.size(); ++i) {
                if (whole.services.at(i) != merged->services.at(i)) {
                    was.append(whole.services.at(i));
                    now.append(merged->services.at(i));
                }
            }
            builder.record(was, now);
        }
    }
    builder.finish();
    if (referencesTouched && references != plan.references)
        diff.references = references;
    return diff;
}

RealityApplied applyReadings(const Schema &plan, const QList<SourceReading> &readings)
{
    TextHash<int> rows;
    rows.reserve(plan.services.size());
    for (int row = 0; row < plan.services.size(); ++row)
        rows.insert(plan.services.at(row).id, row);
    const RealityDiff diff = realityDiff(plan, readings, [&](const QString &id) { return rows.value(id, -1); });
    RealityApplied applied;
    applied.findings = diff.findings;
    applied.summary = diff.summary;
    applied.schema = applyDiff(plan, diff);
    return applied;
}

Schema applyDiff(const Schema &plan, const RealityDiff &diff)
{
    Schema schema = plan;
    if (diff.isEmpty())
        return schema;
    TextHash<const Service *> changed;
    for (const Service &s : diff.changed)
        changed.insert(s.id, &s);
    const TextSet removed(diff.removed.cbegin(), diff.removed.cend());
    QList<Service> services;
    services.reserve(plan.services.size() + diff.added.size());
    for (const Service &s : plan.services) {
        if (removed.contains(s.id))
            continue;
        const Service *c = changed.value(s.id);
        services.append(c ? *c : s);
    }
    services += diff.added;
    schema.services = std::move(services);
    if (diff.references)
        schema.references = *diff.references;
    return schema;
}

} // namespace Portolan
