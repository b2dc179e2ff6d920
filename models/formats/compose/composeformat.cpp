#include "composeformat.h"

#include "composeparse.h"
#include "importmerge.h"
#include "yamlutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace Portolan {

using Compose::PortMapping;

namespace {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::ComposeFormat)
};
} // namespace

struct Mapping
{
    PortMapping port;
    SourceLocation origin;
    bool exposed = false; // from expose: reachable in-network only

    friend bool operator==(const Mapping &a, const Mapping &b)
    {
        return a.port == b.port && a.exposed == b.exposed; // the same mapping, wherever it was written
    }
};

struct Text
{
    QString value;
    SourceLocation origin;
};

struct ComposeService
{
    QString key;
    QString containerName;
    QStringList profiles;
    bool hostNetwork = false;
    int replicas = 1;
    QString portsTag;   // "!reset" or "!override" on ports:, for merging the project's files
    Yaml::Node extendsNode;
    QList<Mapping> mappings; // published first, then container-only
    QList<Text> environment;
    QList<std::pair<QString, Text>> labels;
    QList<Text> healthchecks;
    SourceLocation origin;
    QStringList memberIds; // fragment service ids, main first
};

// Reads one compose file into ComposeService records; owns the warnings.
class Reader
{
public:
    Reader(const FormatOptions &options, const Compose::Interpolator &interpolator)
        : mOptions(options), mInterpolator(interpolator)
    {
    }

    bool readServices(const Yaml::Node &services, QList<ComposeService> *result, ParseError *error);
    QList<Diagnostic> warnings() const { return mWarnings; }

    // The interpolated text of a scalar; false when it used an unset variable.
    bool text(const Yaml::Node &node, QString *value);

private:
    bool readService(const QString &key, const Yaml::Node &keyNode, const Yaml::Node &definition,
                     ComposeService *service, ParseError *error);
    bool readPorts(const ComposeService &service, const Yaml::Node &ports, QList<Mapping> *mappings,
                   ParseError *error);
    bool readLongPort(const ComposeService &service, const Yaml::Node &item, QList<Mapping> *mappings,
                      ParseError *error);
    void readKeyValues(const Yaml::Node &node, QList<std::pair<QString, Text>> *entries);
    void warn(const Yaml::Node &node, const QString &message);
    bool countMappings(const ComposeService &service, qsizetype count, ParseError *error);

    const FormatOptions &mOptions;
    const Compose::Interpolator &mInterpolator;
    QList<Diagnostic> mWarnings;
    QSet<QString> mWarnedVariables;
    std::optional<ParseError> mFatal; // a value text() could not read at all
    qsizetype mMappings = 0;
};

// Far more mappings than one host can publish (two protocols of 65535 ports
// on a few addresses); a port range repeated through aliases reaches it fast.
constexpr qsizetype MaxMappings = 262144;

// Positioned at the service: an aliased port list has the anchor's position.
bool Reader::countMappings(const ComposeService &service, qsizetype count, ParseError *error)
{
    mMappings += count;
    if (mMappings <= MaxMappings)
        return true;
    *error = ParseError();
    error->file = service.origin.file;
    error->line = service.origin.line;
    error->column = service.origin.column;
    error->message = Tr::tr("Service \"%1\": the file lists more than %L2 port mappings; no host has that many ports.")
                         .arg(service.key)
                         .arg(MaxMappings);
    return false;
}

void Reader::warn(const Yaml::Node &node, const QString &message)
{
    mWarnings.append(Yaml::errorAt(node, mOptions.fileName, message));
}

bool Reader::text(const Yaml::Node &node, QString *value)
{
    QList<Compose::Interpolator::Problem> problems;
    *value = mInterpolator.interpolate(node.scalar(), &problems);
    bool unset = false;
    for (const auto &problem : std::as_const(problems)) {
        if (problem.fatal && !mFatal)
            mFatal = Yaml::errorAt(node, mOptions.fileName, problem.message);
        unset = true;
        // One warning per variable: a missing secret is used in many places.
        if (!mWarnedVariables.contains(problem.variable)) {
            mWarnedVariables.insert(problem.variable);
            warn(node, problem.message);
        }
    }
    return !unset;
}

bool Reader::readServices(const Yaml::Node &services, QList<ComposeService> *result, ParseError *error)
{
    const Yaml::MapView view(services);
    for (const auto &[key, definition] : view.entries()) {
        if (key.startsWith(QLatin1String("x-")))
            continue;
        ComposeService service;
        if (!readService(key, view.keyNode(key), definition, &service, error))
            return false;
        if (mFatal) {
            *error = *mFatal;
            return false;
        }
        result->append(service);
    }
    return true;
}

bool Reader::readService(const QString &key, const Yaml::Node &keyNode, const Yaml::Node &definition,
                         ComposeService *service, ParseError *error)
{
    service->key = key;
    service->origin = Yaml::location(keyNode, mOptions.fileName);
    if (definition.isNull())
        return true;
    if (!definition.isMap()) {
        *error = Yaml::errorAt(definition, mOptions.fileName,
                               Tr::tr("The service \"%1\" is not a mapping.").arg(key));
        return false;
    }
    const Yaml::MapView def(definition);

    if (def.value(QStringLiteral("container_name")).isScalar())
        text(def.value(QStringLiteral("container_name")), &service->containerName);
    const Yaml::Node profiles = def.value(QStringLiteral("profiles"));
    if (profiles.isSequence()) {
        for (const Yaml::Node &p : profiles) {
            QString name;
            if (p.isScalar() && text(p, &name) && !name.isEmpty())
                service->profiles.append(name);
        }
    }
    QString networkMode;
    if (def.value(QStringLiteral("network_mode")).isScalar())
        text(def.value(QStringLiteral("network_mode")), &networkMode);
    service->hostNetwork = networkMode == QLatin1String("host");

    const Yaml::MapView deploy(def.value(QStringLiteral("deploy")));
    const Yaml::Node replicas = deploy.value(QStringLiteral("replicas"));
    if (replicas.isScalar()) {
        QString value;
        text(replicas, &value);
        bool ok = false;
        const int n = value.trimmed().toInt(&ok);
        if (ok && n >= 0)
            service->replicas = n;
        else
            warn(replicas, Tr::tr("Service \"%1\": deploy.replicas \"%2\" is not a number; one replica is assumed.")
                               .arg(key, value));
    }

    QList<Mapping> published;
    const Yaml::Node ports = def.value(QStringLiteral("ports"));
    service->portsTag = ports.tag();
    if (ports.tag() == QLatin1String("!reset")) {
        // Clears what an earlier file of the project published; nothing here.
    } else if (ports.isDefined() && !ports.isNull()) {
        if (service->hostNetwork && ports.isSequence() && ports.size() > 0) {
            // The engine ignores them: the container uses the host's network stack.
            warn(def.keyNode(QStringLiteral("ports")),
                 Tr::tr("Service \"%1\": ports are ignored with network_mode: host; the service listens on the "
                        "host's ports directly (list them under expose: to plan them).")
                     .arg(key));
        } else if (!readPorts(*service, ports, &published, error)) {
            return false;
        }
    }
    if (def.contains(QStringLiteral("extends"))) {
        const Yaml::Node extends = def.value(QStringLiteral("extends"));
        service->extendsNode = extends;
    }
    QList<Mapping> exposed;
    const Yaml::Node expose = def.value(QStringLiteral("expose"));
    if (expose.isSequence()) {
        for (const Yaml::Node &item : expose) {
            QString spec;
            if (!item.isScalar() || !text(item, &spec))
                continue;
            QList<PortMapping> list;
            QString message;
            if (!Compose::parseExposeSpec(spec, &list, &message)) {
                *error = Yaml::errorAt(item, mOptions.fileName,
                                       Tr::tr("Service \"%1\": invalid expose entry \"%2\": %3").arg(key, spec, message));
                return false;
            }
            if (!countMappings(*service, list.size(), error))
                return false;
            for (PortMapping m : std::as_const(list)) {
                // With the host's network stack a container port is a host port.
                if (service->hostNetwork)
                    m.hostPort = m.containerPort;
                exposed.append({m, Yaml::location(item, mOptions.fileName), !service->hostNetwork});
            }
        }
    }

    // Main mapping first: the first published one.
    QList<Mapping> all = published + exposed;
    std::stable_sort(all.begin(), all.end(), [](const Mapping &a, const Mapping &b) {
        return a.port.isPublished() && !b.port.isPublished();
    });
    // A container port already listed makes an unpublished entry redundant;
    // a published one only when it is the same mapping. Hashed: a service
    // may have thousands of mappings.
    QSet<std::pair<int, int>> containerPorts;
    QSet<QString> publishedMappings;
    for (const Mapping &m : std::as_const(all)) {
        const std::pair<int, int> container{m.port.containerPort, int(m.port.protocol)};
        const QString exact = QStringLiteral("%1|%2|%3|%4")
                                  .arg(m.port.hostPort)
                                  .arg(m.port.containerPort)
                                  .arg(int(m.port.protocol))
                                  .arg(m.port.hostIp);
        const bool duplicate = m.port.isPublished() ? publishedMappings.contains(exact)
                                                    : containerPorts.contains(container);
        if (duplicate)
            continue;
        containerPorts.insert(container);
        publishedMappings.insert(exact);
        service->mappings.append(m);
    }

    const Yaml::Node environment = def.value(QStringLiteral("environment"));
    QList<std::pair<QString, Text>> env;
    readKeyValues(environment, &env);
    for (const auto &entry : std::as_const(env))
        service->environment.append(entry.second);
    readKeyValues(def.value(QStringLiteral("labels")), &service->labels);

    const Yaml::MapView health(def.value(QStringLiteral("healthcheck")));
    const Yaml::Node test = health.value(QStringLiteral("test"));
    if (test.isScalar()) {
        QString value;
        text(test, &value);
        service->healthchecks.append({value, Yaml::location(test, mOptions.fileName)});
    } else if (test.isSequence()) {
        QStringList parts;
        for (const Yaml::Node &part : test) {
            QString value;
            if (part.isScalar()) {
                text(part, &value);
                parts.append(value);
            }
        }
        service->healthchecks.append({parts.join(QLatin1Char(' ')), Yaml::location(test, mOptions.fileName)});
    }
    return true;
}

void Reader::readKeyValues(const Yaml::Node &node, QList<std::pair<QString, Text>> *entries)
{
    if (node.isMap()) {
        const Yaml::MapView view(node);
        for (const auto &[key, value] : view.entries()) {
            if (!value.isScalar())
                continue;
            QString v;
            text(value, &v);
            entries->append({key, {v, Yaml::location(value, mOptions.fileName)}});
        }
    } else if (node.isSequence()) {
        for (const Yaml::Node &item : node) {
            if (!item.isScalar())
                continue;
            QString v;
            text(item, &v);
            const qsizetype eq = v.indexOf(QLatin1Char('='));
            if (eq > 0)
                entries->append({v.left(eq), {v.mid(eq + 1), Yaml::location(item, mOptions.fileName)}});
        }
    }
}

bool Reader::readPorts(const ComposeService &service, const Yaml::Node &ports, QList<Mapping> *mappings,
                       ParseError *error)
{
    if (!ports.isSequence()) {
        *error = Yaml::errorAt(ports, mOptions.fileName,
                               Tr::tr("Service \"%1\": ports must be a list.").arg(service.key));
        return false;
    }
    for (const Yaml::Node &item : ports) {
        if (item.isMap()) {
            if (!readLongPort(service, item, mappings, error))
                return false;
            continue;
        }
        if (!item.isScalar()) {
            *error = Yaml::errorAt(item, mOptions.fileName,
                                   Tr::tr("Service \"%1\": a port entry must be a string or a mapping.").arg(service.key));
            return false;
        }
        QString spec;
        if (!text(item, &spec)) {
            warn(item, Tr::tr("Service \"%1\": the port \"%2\" depends on an unset variable and was skipped.")
                           .arg(service.key, item.scalar()));
            continue;
        }
        QList<PortMapping> list;
        QString message;
        if (!Compose::parsePortSpec(spec, &list, &message)) {
            *error = Yaml::errorAt(item, mOptions.fileName,
                                   Tr::tr("Service \"%1\": invalid port \"%2\": %3").arg(service.key, spec, message));
            return false;
        }
        if (!countMappings(service, list.size(), error))
            return false;
        for (const PortMapping &m : std::as_const(list))
            mappings->append({m, Yaml::location(item, mOptions.fileName)});
    }
    return true;
}

bool Reader::readLongPort(const ComposeService &service, const Yaml::Node &item, QList<Mapping> *mappings,
                          ParseError *error)
{
    const Yaml::MapView port(item);
    auto fail = [&](const Yaml::Node &at, const QString &message) {
        *error = Yaml::errorAt(at.isDefined() ? at : item, mOptions.fileName,
                               Tr::tr("Service \"%1\": invalid port: %2").arg(service.key, message));
        return false;
    };
    const Yaml::Node targetNode = port.value(QStringLiteral("target"));
    QString target;
    if (!targetNode.isScalar())
        return fail(item, Tr::tr("the long syntax needs a target port."));
    if (!text(targetNode, &target)) {
        warn(targetNode, Tr::tr("Service \"%1\": the port depends on an unset variable and was skipped.").arg(service.key));
        return true;
    }
    QString spec = target;
    const Yaml::Node publishedNode = port.value(QStringLiteral("published"));
    if (publishedNode.isScalar()) {
        QString published;
        if (!text(publishedNode, &published)) {
            warn(publishedNode,
                 Tr::tr("Service \"%1\": the port depends on an unset variable and was skipped.").arg(service.key));
            return true;
        }
        if (!published.isEmpty())
            spec = published + QLatin1Char(':') + spec;
    }
    QString hostIp;
    const Yaml::Node ipNode = port.value(QStringLiteral("host_ip"));
    if (ipNode.isScalar() && text(ipNode, &hostIp) && !hostIp.isEmpty()) {
        if (spec == target)
            spec = QLatin1Char(':') + spec; // IP with an engine-chosen host port
        spec = (hostIp.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(hostIp) : hostIp)
            + QLatin1Char(':') + spec;
    }
    const Yaml::Node protocolNode = port.value(QStringLiteral("protocol"));
    QString protocol;
    if (protocolNode.isScalar() && text(protocolNode, &protocol) && !protocol.isEmpty())
        spec += QLatin1Char('/') + protocol;
    QList<PortMapping> list;
    QString message;
    if (!Compose::parsePortSpec(spec, &list, &message))
        return fail(item, message);
    if (!countMappings(service, list.size(), error))
        return false;
    for (const PortMapping &m : std::as_const(list))
        mappings->append({m, Yaml::location(item, mOptions.fileName)});
    return true;
}

QHash<QString, QString> environmentOf(const FormatOptions &options)
{
    QHash<QString, QString> env;
    if (options.extra.contains(QStringLiteral("environment"))) {
        const QVariantMap map = options.extra.value(QStringLiteral("environment")).toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            env.insert(it.key(), it.value().toString());
        return env;
    }
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &key : system.keys())
        env.insert(key, system.value(key));
    return env;
}

bool isLoopbackName(const QString &host)
{
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1")
        || host == QLatin1String("0.0.0.0");
}

int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws"))
        return 80;
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return 443;
    return 0;
}

struct Endpoint
{
    QString host;
    int port = 0;
    QString text;
};

// host:port pairs and URLs in a value such as "http://mana-credits:3002" or
// "postgres:5432"; user:password@ parts are not mistaken for a host.
QList<Endpoint> endpointsIn(const QString &value)
{
    QList<Endpoint> result;
    if (!value.contains(QLatin1Char(':')))
        return result; // both forms need one; most values have none
    auto isSeparator = [](QChar c) {
        return c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('\'')
            || c == QLatin1Char('"') || c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('[')
            || c == QLatin1Char(']');
    };
    auto isAsciiAlnum = [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    };
    for (qsizetype start = 0; start < value.size();) {
        if (isSeparator(value.at(start))) {
            ++start;
            continue;
        }
        qsizetype end = start;
        while (end < value.size() && !isSeparator(value.at(end)))
            ++end;
        const QStringView token = QStringView(value).mid(start, end - start);
        start = end;
        if (token.contains(QLatin1String("://"))) {
            const QUrl url(token.toString());
            if (!url.isValid() || url.host().isEmpty())
                continue;
            const int port = url.port(defaultPort(url.scheme().toLower()));
            if (port > 0)
                result.append({url.host(), port, token.toString()});
            continue;
        }
        // host:port[/path], the host starting with a letter, digit or "_"
        const qsizetype colon = token.indexOf(QLatin1Char(':'));
        if (colon <= 0 || !(isAsciiAlnum(token.at(0)) || token.at(0) == QLatin1Char('_')))
            continue;
        const QStringView host = token.left(colon);
        if (!std::all_of(host.cbegin(), host.cend(), [&](QChar c) {
                return isAsciiAlnum(c) || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-');
            }))
            continue;
        const QStringView rest = token.mid(colon + 1);
        qsizetype digits = 0;
        while (digits < rest.size() && rest.at(digits).unicode() >= '0' && rest.at(digits).unicode() <= '9')
            ++digits;
        if (digits == 0 || digits > 5 || (digits < rest.size() && rest.at(digits) != QLatin1Char('/')))
            continue;
        result.append({host.toString(), rest.left(digits).toInt(), token.toString()});
    }
    return result;
}

} // namespace

ComposeFormat::ComposeFormat()
    : Format({"compose", "Portolan::ComposeFormat", QT_TRANSLATE_NOOP("Portolan::ComposeFormat", "docker-compose"),
              QT_TRANSLATE_NOOP("Portolan::ComposeFormat", "Compose files (*.yml *.yaml)"),
              FormatCapability::Read | FormatCapability::Write | FormatCapability::NeedsHost | FormatCapability::MergesIntoPlan})
{
}

namespace {

// A compose file's services, with include: and extends: resolved. Files
// named by include: and extends: file: are read relative to the file that
// names them; a file reached again through its own includes is a cycle.
class ProjectLoader
{
public:
    ProjectLoader(const FormatOptions &options, const Compose::Interpolator &interpolator, QList<Diagnostic> *warnings)
        : mOptions(options), mInterpolator(interpolator), mWarnings(warnings)
    {
    }

    bool load(const QByteArray &data, const QString &fileName, const QString &dir, QList<ComposeService> *services,
              ParseError *error);

private:
    bool loadServices(const Yaml::Node &root, const QString &fileName, const QString &dir,
                      QList<ComposeService> *services, ParseError *error);
    bool resolveExtends(QList<ComposeService> *services, const QString &fileName, const QString &dir,
                        ParseError *error);
    bool extendOne(QList<ComposeService> *services, int index, const QString &fileName, const QString &dir,
                   QStringList *chain, ParseError *error);
    std::optional<ComposeService> serviceFromFile(const QString &path, const QString &service,
                                                  const Yaml::Node &at, const QString &fileName, QStringList *chain,
                                                  ParseError *error);
    QString shownName(const QString &absolutePath) const;

    const FormatOptions &mOptions;
    const Compose::Interpolator &mInterpolator;
    QList<Diagnostic> *mWarnings;
    QStringList mIncludeChain; // absolute paths being included, for cycles
    int mFilesRead = 0;
};

// Real projects include a handful of files; this many is a loop or an attack.
constexpr int MaxIncludedFiles = 256;
constexpr int MaxExtendsDepth = 32;

QString ProjectLoader::shownName(const QString &absolutePath) const
{
    // Origins name files as the including file was named: relative to the
    // same folder when the first file was given relative.
    if (mOptions.baseDir.isEmpty() || QDir::isAbsolutePath(mOptions.fileName))
        return absolutePath;
    const QString firstDir = QFileInfo(mOptions.fileName).path();
    const QString relative = QDir(mOptions.baseDir).relativeFilePath(absolutePath);
    return firstDir == QLatin1String(".") ? relative : QDir::cleanPath(firstDir + QLatin1Char('/') + relative);
}

bool ProjectLoader::load(const QByteArray &data, const QString &fileName, const QString &dir,
                         QList<ComposeService> *services, ParseError *error)
{
    if (++mFilesRead > MaxIncludedFiles) {
        *error = ParseError();
        error->file = fileName;
        error->line = 1;
        error->column = 1;
        error->message = Tr::tr("The project includes more than %1 files; an include: probably loops.")
                             .arg(MaxIncludedFiles);
        return false;
    }
    const std::optional<Yaml::Node> root = Yaml::loadMapping(
        data, fileName, Tr::tr("A compose file is a mapping with a \"services\" key."), error);
    if (!root)
        return false;
    return loadServices(*root, fileName, dir, services, error);
}

bool ProjectLoader::loadServices(const Yaml::Node &root, const QString &fileName, const QString &dir,
                                 QList<ComposeService> *services, ParseError *error)
{
    const Yaml::MapView top(root);
    const Yaml::Node include = top.value(QStringLiteral("include"));
    const Yaml::Node servicesNode = top.value(QStringLiteral("services"));

    if (include.isDefined() && !include.isNull()) {
        if (!include.isSequence()) {
            *error = Yaml::errorAt(include, fileName, Tr::tr("include: must be a list of files."));
            return false;
        }
        for (const Yaml::Node &item : include) {
            QStringList paths;
            if (item.isScalar()) {
                paths.append(item.scalar());
            } else if (item.isMap()) {
                const Yaml::Node path = Yaml::MapView(item).value(QStringLiteral("path"));
                if (path.isScalar())
                    paths.append(path.scalar());
                else if (path.isSequence())
                    for (const Yaml::Node &p : path)
                        paths.append(p.scalar());
            }
            if (paths.isEmpty() || paths.contains(QString())) {
                *error = Yaml::errorAt(item, fileName, Tr::tr("An include: entry needs a file path."));
                return false;
            }
            for (const QString &p : std::as_const(paths)) {
                QList<Compose::Interpolator::Problem> problems;
                const QString path = mInterpolator.interpolate(p, &problems);
                const QString absolute = QDir::cleanPath(QDir(dir).absoluteFilePath(path));
                if (mIncludeChain.contains(absolute)) {
                    *error = Yaml::errorAt(item, fileName,
                                           Tr::tr("include: of \"%1\" is a cycle: the file includes itself.").arg(path));
                    return false;
                }
                ParseError fileError;
                const std::optional<QByteArray> bytes = readFileBytes(absolute, &fileError, Yaml::MaxFileSize);
                if (!bytes) {
                    *error = Yaml::errorAt(item, fileName,
                                           Tr::tr("The included file \"%1\" cannot be read: %2").arg(path, fileError.message));
                    return false;
                }
                QList<ComposeService> included;
                mIncludeChain.append(absolute);
                const bool ok = load(*bytes, shownName(absolute), QFileInfo(absolute).path(), &included, error);
                mIncludeChain.removeLast();
                if (!ok)
                    return false;
                for (const ComposeService &cs : std::as_const(included)) {
                    for (const ComposeService &existing : std::as_const(*services)) {
                        if (existing.key == cs.key) {
                            *error = Yaml::errorAt(item, fileName,
                                                   Tr::tr("The service \"%1\" of the included file \"%2\" is also "
                                                          "defined in %3; Compose refuses such a project.")
                                                       .arg(cs.key, path, existing.origin.toString()));
                            return false;
                        }
                    }
                    services->append(cs);
                }
            }
        }
    }

    if (!servicesNode.isMap()) {
        if (include.isDefined() && !servicesNode.isDefined())
            return true; // a file of includes only
        // Format 1 put the services at the top level; Compose v2 refuses it.
        bool versionOne = !servicesNode.isDefined() && top.entries().size() > 0;
        for (const auto &[key, value] : top.entries()) {
            const Yaml::MapView service(value);
            if (!value.isMap() || (!service.contains(QStringLiteral("image")) && !service.contains(QStringLiteral("build"))))
                versionOne = false;
        }
        if (versionOne) {
            *error = Yaml::errorAt(root, fileName,
                                   Tr::tr("This is a version 1 compose file (services at the top level, no "
                                          "\"services:\" key). Compose v2 and Portolan read only the later format: "
                                          "move the services under \"services:\"."));
            return false;
        }
        *error = Yaml::errorAt(servicesNode.isDefined() ? servicesNode : root, fileName,
                               Tr::tr("The file has no \"services\" mapping."));
        return false;
    }

    FormatOptions options = mOptions;
    options.fileName = fileName;
    Reader reader(options, mInterpolator);
    QList<ComposeService> own;
    if (!reader.readServices(servicesNode, &own, error))
        return false;
    mWarnings->append(reader.warnings());
    if (!resolveExtends(&own, fileName, dir, error))
        return false;
    for (const ComposeService &cs : std::as_const(own)) {
        for (const ComposeService &existing : std::as_const(*services)) {
            if (existing.key == cs.key) {
                *error = ParseError();
                error->file = cs.origin.file;
                error->line = cs.origin.line;
                error->column = cs.origin.column;
                error->message = Tr::tr("The service \"%1\" is also defined by an included file (%2); Compose "
                                        "refuses such a project.")
                                     .arg(cs.key, existing.origin.toString());
                return false;
            }
        }
    }
    services->append(own);
    return true;
}

bool ProjectLoader::resolveExtends(QList<ComposeService> *services, const QString &fileName, const QString &dir,
                                   ParseError *error)
{
    for (int i = 0; i < services->size(); ++i) {
        QStringList chain;
        if (!extendOne(services, i, fileName, dir, &chain, error))
            return false;
    }
    return true;
}

// Merges the extended service's ports and settings under this one's, as
// Compose does: ports are added to the base's, scalars of this one win.
bool ProjectLoader::extendOne(QList<ComposeService> *services, int index, const QString &fileName,
                              const QString &dir, QStringList *chain, ParseError *error)
{
    ComposeService &cs = (*services)[index];
    if (!cs.extendsNode.isDefined())
        return true;
    const Yaml::Node at = cs.extendsNode;
    QString baseName;
    QString baseFile;
    if (at.isScalar()) {
        baseName = at.scalar();
    } else if (at.isMap()) {
        const Yaml::MapView view(at);
        baseName = view.value(QStringLiteral("service")).scalar();
        baseFile = view.value(QStringLiteral("file")).scalar();
    }
    if (baseName.isEmpty()) {
        *error = Yaml::errorAt(at, fileName, Tr::tr("Service \"%1\": extends: needs the service it extends.").arg(cs.key));
        return false;
    }
    const QString link = baseFile + QLatin1Char('#') + baseName;
    if (chain->contains(link) || chain->size() >= MaxExtendsDepth) {
        *error = Yaml::errorAt(at, fileName,
                               Tr::tr("Service \"%1\": extends: is a cycle (%2).")
                                   .arg(cs.key, (*chain + QStringList{link}).join(QStringLiteral(" → "))));
        return false;
    }
    chain->append(link);

    ComposeService base;
    if (baseFile.isEmpty()) {
        int baseIndex = -1;
        for (int j = 0; j < services->size(); ++j) {
            if (services->at(j).key == baseName)
                baseIndex = j;
        }
        if (baseIndex < 0) {
            *error = Yaml::errorAt(at, fileName,
                                   Tr::tr("Service \"%1\" extends \"%2\", which the file does not define.")
                                       .arg(cs.key, baseName));
            return false;
        }
        if (!extendOne(services, baseIndex, fileName, dir, chain, error))
            return false;
        base = services->at(baseIndex);
    } else {
        const QString absolute = QDir::cleanPath(QDir(dir).absoluteFilePath(baseFile));
        const std::optional<ComposeService> found = serviceFromFile(absolute, baseName, at, fileName, chain, error);
        if (!found)
            return false;
        base = *found;
    }
    ComposeService &self = (*services)[index];
    self.extendsNode = Yaml::Node(); // resolved: merged once
    if (self.containerName.isEmpty())
        self.containerName = base.containerName;
    if (self.profiles.isEmpty())
        self.profiles = base.profiles;
    if (self.portsTag != QLatin1String("!reset") && self.portsTag != QLatin1String("!override")) {
        QList<Mapping> mappings = base.mappings;
        for (const Mapping &m : std::as_const(self.mappings)) {
            if (!mappings.contains(m))
                mappings.append(m);
        }
        std::stable_sort(mappings.begin(), mappings.end(), [](const Mapping &a, const Mapping &b) {
            return a.port.isPublished() && !b.port.isPublished();
        });
        self.mappings = mappings;
    }
    self.environment = base.environment + self.environment;
    self.labels = base.labels + self.labels;
    if (self.healthchecks.isEmpty())
        self.healthchecks = base.healthchecks;
    chain->removeLast();
    return true;
}

std::optional<ComposeService> ProjectLoader::serviceFromFile(const QString &path, const QString &service,
                                                             const Yaml::Node &at, const QString &fileName,
                                                             QStringList *chain, ParseError *error)
{
    ParseError fileError;
    const std::optional<QByteArray> bytes = readFileBytes(path, &fileError, Yaml::MaxFileSize);
    if (!bytes) {
        *error = Yaml::errorAt(at, fileName,
                               Tr::tr("The extended file \"%1\" cannot be read: %2").arg(path, fileError.message));
        return std::nullopt;
    }
    if (++mFilesRead > MaxIncludedFiles) {
        *error = Yaml::errorAt(at, fileName, Tr::tr("extends: reads more than %1 files.").arg(MaxIncludedFiles));
        return std::nullopt;
    }
    const QString shown = shownName(path);
    const std::optional<Yaml::Node> root = Yaml::loadMapping(
        *bytes, shown, Tr::tr("A compose file is a mapping with a \"services\" key."), error);
    if (!root)
        return std::nullopt;
    const Yaml::Node servicesNode = Yaml::MapView(*root).value(QStringLiteral("services"));
    if (!servicesNode.isMap()) {
        *error = Yaml::errorAt(*root, shown, Tr::tr("The file has no \"services\" mapping."));
        return std::nullopt;
    }
    FormatOptions options = mOptions;
    options.fileName = shown;
    Reader reader(options, mInterpolator);
    QList<ComposeService> services;
    if (!reader.readServices(servicesNode, &services, error))
        return std::nullopt;
    mWarnings->append(reader.warnings());
    for (int i = 0; i < services.size(); ++i) {
        if (services.at(i).key != service)
            continue;
        if (!extendOne(&services, i, shown, QFileInfo(path).path(), chain, error))
            return std::nullopt;
        return services.at(i);
    }
    *error = Yaml::errorAt(at, fileName,
                           Tr::tr("\"%1\" defines no service \"%2\" to extend.").arg(shown, service));
    return std::nullopt;
}

// Merges a later -f file over the services read so far: ports and
// environment are added (ports: !override replaces, !reset clears), single
// values of the later file win, new services are appended.
void mergeLayer(QList<ComposeService> *services, const QList<ComposeService> &layer)
{
    for (const ComposeService &over : layer) {
        auto it = std::find_if(services->begin(), services->end(),
                               [&](const ComposeService &cs) { return cs.key == over.key; });
        if (it == services->end()) {
            services->append(over);
            continue;
        }
        ComposeService &base = *it;
        if (!over.containerName.isEmpty())
            base.containerName = over.containerName;
        if (!over.profiles.isEmpty())
            base.profiles = over.profiles;
        if (over.hostNetwork)
            base.hostNetwork = true;
        if (over.replicas != 1)
            base.replicas = over.replicas;
        if (over.portsTag == QLatin1String("!reset") || over.portsTag == QLatin1String("!override")) {
            base.mappings = over.mappings;
        } else {
            for (const Mapping &m : over.mappings) {
                if (!base.mappings.contains(m))
                    base.mappings.append(m);
            }
            std::stable_sort(base.mappings.begin(), base.mappings.end(), [](const Mapping &a, const Mapping &b) {
                return a.port.isPublished() && !b.port.isPublished();
            });
        }
        base.environment += over.environment;
        base.labels += over.labels;
        if (!over.healthchecks.isEmpty())
            base.healthchecks = over.healthchecks;
    }
}

} // namespace

std::optional<ReadResult> ComposeFormat::read(const QByteArray &data, const FormatOptions &options,
                                              ParseError *error) const
{
    error->file = options.fileName;
    ReadResult result;
    // Variables: the .env file beside the compose file, overridden by the
    // environment, as Compose does.
    const QHash<QString, QString> environment = environmentOf(options);
    QHash<QString, QString> variables;
    const QString envFile = options.extra.contains(QStringLiteral("envFile"))
        ? options.extra.value(QStringLiteral("envFile")).toString()
        : (options.baseDir.isEmpty() ? QString() : QDir(options.baseDir).filePath(QStringLiteral(".env")));
    if (!envFile.isEmpty()) {
        QFile file(envFile);
        if (file.open(QIODevice::ReadOnly)) {
            // The same size limit as the compose file itself.
            if (file.size() > Yaml::MaxFileSize) {
                *error = ParseError();
                error->file = envFile;
                error->line = 1;
                error->column = 1;
                error->message = Tr::tr("The .env file is too large (%1 KB; at most %2 KB are read).")
                                     .arg(file.size() / 1024)
                                     .arg(Yaml::MaxFileSize / 1024);
                return std::nullopt;
            }
            const QByteArray bytes = file.readAll();
            ParseError utf16;
            if (refuseUtf16(bytes, &utf16)) {
                utf16.file = envFile;
                *error = utf16;
                return std::nullopt;
            }
            QList<Compose::Interpolator::Problem> problems;
            variables = Compose::parseDotEnv(QString::fromUtf8(bytes), environment, &problems);
            for (const auto &problem : std::as_const(problems)) {
                Diagnostic d;
                d.file = envFile;
                d.line = problem.line;
                d.column = problem.line > 0 ? 1 : 0;
                d.message = problem.message;
                if (problem.fatal) {
                    *error = d;
                    return std::nullopt;
                }
                result.warnings.append(d);
            }
        }
    }
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        variables.insert(it.key(), it.value());
    const Compose::Interpolator interpolator(variables);

    ProjectLoader loader(options, interpolator, &result.warnings);
    QList<ComposeService> composeServices;
    const QString dir = options.baseDir.isEmpty() ? QDir::currentPath() : options.baseDir;
    if (!loader.load(data, options.fileName, dir, &composeServices, error))
        return std::nullopt;
    // The project's later -f files, merged over the first as Compose merges them.
    const QStringList overrideFiles = options.extra.value(QStringLiteral("overrideFiles")).toStringList();
    const QStringList overrideNames = options.extra.value(QStringLiteral("overrideNames")).toStringList();
    for (int f = 0; f < overrideFiles.size(); ++f) {
        const QString shown = overrideNames.value(f, overrideFiles.at(f));
        ParseError fileError;
        const std::optional<QByteArray> bytes = readFileBytes(overrideFiles.at(f), &fileError, Yaml::MaxFileSize);
        if (!bytes) {
            *error = fileError;
            error->file = shown;
            return std::nullopt;
        }
        QList<ComposeService> layer;
        if (!loader.load(*bytes, shown, QFileInfo(overrideFiles.at(f)).path(), &layer, error))
            return std::nullopt;
        mergeLayer(&composeServices, layer);
    }

    // Only the active profiles' services run; none given: every service counts.
    const QStringList activeProfiles = options.extra.value(QStringLiteral("profiles")).toStringList();
    if (!activeProfiles.isEmpty()) {
        composeServices.removeIf([&](const ComposeService &cs) {
            if (cs.profiles.isEmpty())
                return false;
            for (const QString &p : cs.profiles) {
                if (activeProfiles.contains(p))
                    return false;
            }
            return true;
        });
    }
    for (const ComposeService &cs : std::as_const(composeServices)) {
        if (cs.replicas <= 1)
            continue;
        for (const Mapping &m : cs.mappings) {
            if (!m.port.isPublished() || m.port.poolFirst > 0)
                continue;
            Finding f;
            f.rule = QStringLiteral("host-collision");
            f.severity = Severity::Error;
            f.message = Tr::tr("Service \"%1\" runs %2 replicas on the fixed host port %3: replicas 2 to %2 cannot bind it.")
                            .arg(cs.key)
                            .arg(cs.replicas)
                            .arg(m.port.hostPort);
            if (!options.hostId.isEmpty())
                f.hostIds.append(options.hostId);
            f.ports.append(m.port.hostPort);
            f.origin = m.origin;
            result.findings.append(f);
        }
    }

    Schema &schema = result.schema;
    if (!options.hostId.isEmpty()) {
        Host host;
        host.id = options.hostId;
        host.name = options.hostId;
        host.platform = QStringLiteral("docker-compose");
        schema.hosts.append(host);
    }

    UniqueIds usedIds;
    QHash<QString, int> byName; // compose key and container name → index
    for (int i = 0; i < composeServices.size(); ++i) {
        ComposeService &cs = composeServices[i];
        byName.insert(cs.key, i);
        if (!cs.containerName.isEmpty())
            byName.insert(cs.containerName, i);

        QStringList aliases{cs.key};
        if (!cs.containerName.isEmpty() && cs.containerName != cs.key)
            aliases.append(cs.containerName);
        auto makeService = [&](const QString &name) {
            Service s;
            s.id = usedIds.take(name);
            s.name = name;
            s.aliases = aliases;
            s.hostId = options.hostId;
            s.profiles = cs.profiles;
            s.status = ServiceStatus::Deployed;
            s.origin = cs.origin;
            if (cs.hostNetwork)
                s.runtime = Tr::tr("docker (host network)");
            return s;
        };
        if (cs.mappings.isEmpty()) {
            Service s = makeService(cs.key);
            cs.memberIds.append(s.id);
            schema.services.append(std::move(s));
            continue;
        }
        QSet<QString> usedNames;
        for (int m = 0; m < cs.mappings.size(); ++m) {
            const Mapping &mapping = cs.mappings.at(m);
            const PortMapping &p = mapping.port;
            const int shownPort = p.isPublished() ? p.hostPort : p.containerPort;
            QString name = m == 0 ? cs.key : cs.key + QLatin1Char(':') + QString::number(shownPort);
            if (usedNames.contains(name))
                name += QLatin1Char('/') + protocolToString(p.protocol);
            usedNames.insert(name);
            Service s = makeService(name);
            s.actualPort = p.isPublished() ? p.hostPort : 0;
            s.containerPort = cs.hostNetwork ? 0 : p.containerPort;
            s.protocol = p.protocol;
            s.bindAddress = p.hostIp;
            s.origin = mapping.origin;
            if (mapping.exposed)
                s.exposure = Exposure::Internal;
            else if (p.hostIp == QLatin1String("127.0.0.1") || p.hostIp == QLatin1String("::1"))
                s.exposure = Exposure::Host;
            if (p.hostPort == 0 && !mapping.exposed)
                s.notes = Tr::tr("The engine picks the host port.");
            else if (p.poolFirst > 0)
                s.notes = Tr::tr("The engine picks one free port of %1-%2; the service holds them all.")
                              .arg(p.poolFirst)
                              .arg(p.poolLast);
            if (cs.replicas > 1 && p.isPublished())
                s.notes = Tr::tr("%n replica(s) share this fixed host port: only one can bind it.", nullptr, cs.replicas);
            cs.memberIds.append(s.id);
            schema.services.append(std::move(s));
        }
    }

    // The member of a compose service that listens on a port: in-network by
    // container port (or host port with the host's network), via the host by
    // published port.
    auto memberFor = [&](int index, int port, bool viaHost) -> QString {
        const ComposeService &cs = composeServices.at(index);
        for (int m = 0; m < cs.mappings.size(); ++m) {
            const PortMapping &p = cs.mappings.at(m).port;
            const int listens = viaHost || cs.hostNetwork ? p.hostPort : p.containerPort;
            if (listens == port)
                return cs.memberIds.at(m);
        }
        return cs.memberIds.first();
    };
    QHash<int, int> publishers; // host port → first compose service publishing it
    for (int i = 0; i < composeServices.size(); ++i) {
        for (const Mapping &m : composeServices.at(i).mappings) {
            if (m.port.isPublished() && !publishers.contains(m.port.hostPort))
                publishers.insert(m.port.hostPort, i);
        }
    }
    auto publishedBy = [&](int port) { return publishers.value(port, -1); };

    QSet<QString> seen;
    auto addReference = [&](const QString &from, const QString &to, int port, bool viaHost, const QString &kind,
                            const QString &text, const SourceLocation &origin) {
        QString key;
        key.reserve(from.size() + to.size() + kind.size() + text.size() + 24);
        for (const QString &part : {from, to, QString::number(port), kind, text, QString::number(origin.line)}) {
            key += part;
            key += QLatin1Char('|');
        }
        if (seen.contains(key))
            return;
        seen.insert(key);
        Reference r;
        r.fromServiceId = from;
        r.toServiceId = to;
        r.port = port;
        r.viaHost = viaHost;
        r.kind = kind;
        r.text = text;
        r.origin = origin;
        schema.references.append(r);
    };

    static const QRegularExpression traefikPort(
        QStringLiteral("^traefik\\.(http|tcp|udp)\\.services\\.[^.]+\\.loadbalancer\\.server\\.port$"));
    static const QRegularExpression urlPattern(QStringLiteral("\\b[a-z][a-z0-9+.-]*://[^\\s'\"()\\]]+"));
    // A port outside 1–65535 is never stored: the plan would not open again.
    auto checkPort = [&](int port, const QString &text, const SourceLocation &origin) {
        if (isValidPort(port))
            return true;
        Diagnostic d;
        d.file = origin.file;
        d.line = origin.line;
        d.column = origin.column;
        d.message = Tr::tr("The port %1 in \"%2\" is outside 1–65535; it is not read as a reference.")
                        .arg(port)
                        .arg(text);
        result.warnings.append(d);
        return false;
    };
    for (int i = 0; i < composeServices.size(); ++i) {
        const ComposeService &cs = composeServices.at(i);
        const QString self = cs.memberIds.first();
        for (const Text &env : cs.environment) {
            for (const Endpoint &e : endpointsIn(env.value)) {
                if (!checkPort(e.port, e.text, env.origin))
                    continue;
                if (e.host == QLatin1String("host.docker.internal") || (cs.hostNetwork && isLoopbackName(e.host))) {
                    const int target = publishedBy(e.port);
                    if (target >= 0)
                        addReference(self, memberFor(target, e.port, true), e.port, true,
                                     QStringLiteral("environment"), e.text, env.origin);
                    continue;
                }
                const auto it = byName.constFind(e.host);
                if (it == byName.cend())
                    continue;
                addReference(self, memberFor(*it, e.port, false), e.port, false, QStringLiteral("environment"),
                             e.text, env.origin);
            }
        }
        for (const auto &[key, label] : cs.labels) {
            if (!traefikPort.match(key).hasMatch())
                continue;
            bool ok = false;
            const int port = label.value.trimmed().toInt(&ok);
            if (ok && checkPort(port, label.value, label.origin))
                addReference(self, memberFor(i, port, false), port, false, QStringLiteral("traefik"),
                             QStringLiteral("%1=%2").arg(key, label.value), label.origin);
        }
        for (const Text &health : cs.healthchecks) {
            QRegularExpressionMatchIterator it = urlPattern.globalMatch(health.value);
            while (it.hasNext()) {
                const QString token = it.next().captured();
                const QUrl url(token);
                const QString host = url.host();
                if (!isLoopbackName(host) && host != cs.key && host != cs.containerName)
                    continue;
                const int port = url.port(defaultPort(url.scheme().toLower()));
                if (port > 0 && checkPort(port, token, health.origin))
                    addReference(self, memberFor(i, port, cs.hostNetwork), port, cs.hostNetwork,
                                 QStringLiteral("healthcheck"), token, health.origin);
            }
        }
    }
    return result;
}

std::optional<Schema> ComposeFormat::merge(const Schema &plan, const ReadResult &fragment, const FormatOptions &options,
                                           QStringList *summary, QString *error) const
{
    if (options.hostId.isEmpty()) {
        *error = Tr::tr("A compose file describes one host: choose the host it belongs to.");
        return std::nullopt;
    }
    return mergeHostReality(plan, fragment.schema, options.hostId, summary, error);
}

// Quoted YAML string; compose values are written quoted so "8080:80" is never
// read as a base-60 number by YAML 1.1 readers.
static QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

std::optional<QByteArray> ComposeFormat::write(const Schema &schema, const FormatOptions &options,
                                               QString *error) const
{
    if (options.hostId.isEmpty() || !schema.host(options.hostId)) {
        *error = Tr::tr("Choose a host of the schema for the compose snippet.");
        return std::nullopt;
    }
    const bool useActual = options.extra.value(QStringLiteral("ports")).toString() == QLatin1String("actual");
    struct Entry
    {
        QStringList ports;
        QStringList expose;
    };
    QStringList order;
    QHash<QString, Entry> entries;
    const QList<const Service *> services = servicesForHost(schema, options.hostId);
    WriteSteps steps(options.progress, services.size());
    for (const Service *s : services) {
        if (!steps.next(error))
            return std::nullopt;
        const QString key = composeKey(*s);
        const int host = exportPort(*s, useActual);
        const int container = s->containerPort > 0 ? s->containerPort : host;
        if (container <= 0)
            continue;
        if (!entries.contains(key))
            order.append(key);
        Entry &entry = entries[key];
        const QString protocol = protocolToString(s->protocol);
        if (s->exposure == Exposure::Internal) {
            entry.expose.append(QStringLiteral("%1/%2").arg(container).arg(protocol));
            continue;
        }
        if (host <= 0) {
            // Published on a port the engine picks.
            entry.ports.append(QStringLiteral("%1/%2").arg(container).arg(protocol));
            continue;
        }
        QString bind;
        if (!s->bindAddress.isEmpty())
            bind = (s->bindAddress.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(s->bindAddress)
                                                               : s->bindAddress)
                + QLatin1Char(':');
        entry.ports.append(QStringLiteral("%1%2:%3/%4").arg(bind).arg(host).arg(container).arg(protocol));
    }

    // Compose adds an override file's ports to the base file's, so a moved
    // port would be published twice. Compose 2.24.4 and later replace them
    // with the !override tag; for older versions the ports are meant to be
    // pasted into the base file instead.
    const bool older = options.extra.value(QStringLiteral("compose")).toString() == QLatin1String("older");
    QString out;
    if (older) {
        out += QStringLiteral("# %1\n# %2\n")
                   .arg(Tr::tr("Ports of host %1 from the Portolan schema \"%2\", for Compose before 2.24.4.")
                            .arg(options.hostId, schema.title),
                        Tr::tr("Replace each service's ports: in docker-compose.yml with these (an override file "
                               "would add them to the old ones)."));
    } else {
        out += QStringLiteral("# %1\n# %2\n")
                   .arg(Tr::tr("Ports of host %1 from the Portolan schema \"%2\", for Compose 2.24.4 or later.")
                            .arg(options.hostId, schema.title),
                        Tr::tr("Use with docker compose -f docker-compose.yml -f THIS_FILE; !override replaces the "
                               "base file's ports instead of adding to them."));
    }
    if (order.isEmpty()) {
        out += QStringLiteral("services: {}\n");
        return out.toUtf8();
    }
    out += QStringLiteral("services:\n");
    for (const QString &key : std::as_const(order)) {
        const Entry &entry = entries.value(key);
        out += QStringLiteral("  %1:\n").arg(quoted(key));
        if (!entry.ports.isEmpty()) {
            out += older ? QStringLiteral("    ports:\n") : QStringLiteral("    ports: !override\n");
            for (const QString &p : entry.ports)
                out += QStringLiteral("      - %1\n").arg(quoted(p));
        }
        if (!entry.expose.isEmpty()) {
            out += QStringLiteral("    expose:\n");
            for (const QString &p : entry.expose)
                out += QStringLiteral("      - %1\n").arg(quoted(p));
        }
    }
    return out.toUtf8();
}

} // namespace Portolan
