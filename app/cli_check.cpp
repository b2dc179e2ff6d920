#include "commandline.h"

#include "analyzer.h"
#include "cliprogress.h"
#include "formatregistry.h"
#include "jsonformat.h"
#include "jsonreader.h"
#include "linkedsources.h"
#include "texthash.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <array>
#include <cstring>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::CommandLine)
};

// What `check` makes of a file, by its content (a pre-commit hook hands over
// plans and compose files alike, named as their projects like): a JSON
// object is a plan, YAML with a compose top-level key a compose file, and
// the name decides the rest.
enum class InputKind { Plan, Compose, Markdown };

InputKind inputKind(const QString &fileName, const QByteArray &data)
{
    for (char c : data) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '{')
            return InputKind::Plan;
        break;
    }
    static const QRegularExpression composeKey(
        QStringLiteral("^(services|include|version|name|volumes|networks|secrets|configs|x-[^:\\s]*)\\s*:"),
        QRegularExpression::MultilineOption);
    const QString head = QString::fromUtf8(data.left(64 * 1024));
    const bool composeKeys = composeKey.match(head).hasMatch();
    if (composeKeys && !head.startsWith(QLatin1Char('#')))
        return InputKind::Compose;
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("yml") || suffix == QLatin1String("yaml"))
        return InputKind::Compose;
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        return InputKind::Markdown;
    if (composeKeys)
        return InputKind::Compose;
    return suffix == QLatin1String("json") ? InputKind::Plan : InputKind::Markdown;
}

// The line of each service's and host's "id" in a native file, so that
// findings without an origin still point at a line (GitHub annotations and
// SARIF show them in the diff). A small scan of the JSON structure: the ids
// are the "id" members of the objects in the root's "services" and "hosts".
struct IdLines
{
    TextHash<int> services;
    TextHash<int> hosts;
};

IdLines idLines(const QByteArray &data)
{
    IdLines lines;
    TextHash<int> *section = nullptr;
    int depth = 0;
    int line = 1;
    QByteArrayView key;
    int keyDepth = -1;
    int keyLine = 0;
    const char *text = data.constData();
    const qsizetype size = data.size();
    // The bytes that matter; a plan is mostly others, skipped by a table.
    static const auto special = [] {
        std::array<bool, 256> t{};
        for (const unsigned char c : {'\n', '"', '{', '[', '}', ']'})
            t[c] = true;
        return t;
    }();
    for (qsizetype i = 0; i < size; ++i) {
        while (i < size && !special[static_cast<unsigned char>(text[i])])
            ++i;
        if (i == size)
            break;
        const char c = text[i];
        if (c == '\n') {
            ++line;
        } else if (c == '"') {
            // The closing quote: the next one not escaped by an odd run of backslashes.
            qsizetype end = i + 1;
            for (;;) {
                const void *quote = std::memchr(text + end, '"', size_t(size - end));
                if (!quote) {
                    end = size;
                    break;
                }
                end = static_cast<const char *>(quote) - text;
                qsizetype backslashes = 0;
                while (text[end - 1 - backslashes] == '\\')
                    ++backslashes;
                if (backslashes % 2 == 0)
                    break;
                ++end;
            }
            const QByteArrayView string(text + i + 1, qMin(end, size) - i - 1);
            i = end;
            qsizetype next = end + 1;
            while (next < size && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r' || text[next] == '\n'))
                ++next;
            if (next < size && text[next] == ':') {
                key = string;
                keyDepth = depth;
                keyLine = line;
            } else if (section && depth == 3 && keyDepth == 3 && key == "id") {
                int &at = (*section)[QString::fromUtf8(string)];
                if (at == 0) // the first one stays
                    at = keyLine;
            }
        } else if (c == '{' || c == '[') {
            if (depth == 1 && c == '[') {
                section = key == "services" ? &lines.services : key == "hosts" ? &lines.hosts : nullptr;
                if (section == &lines.services) // a service takes about 250 bytes
                    section->reserve(size / 256);
            }
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth <= 1)
                section = nullptr;
        }
    }
    return lines;
}

// UTF-8 output as it is, without a round trip through QString.
void writeBytes(QTextStream &out, const QByteArray &bytes)
{
    out.flush();
    if (QIODevice *device = out.device())
        device->write(bytes);
    else
        out << QString::fromUtf8(bytes);
}

// A finding as reported: where it is (its origin, else the checked file) and
// which file was checked.
struct Located
{
    Finding finding;
    QString input;
    SourceLocation location;
};

struct Checked
{
    QList<Located> findings;
    int counts[3] = {0, 0, 0};
};

QString relativePath(const QString &fileName);

// Adds analyzer and source findings, each located at its origin (made
// relative to where `check` runs), else at the line of its first service or
// host in the checked file.
void locate(QList<Finding> findings, const Schema &schema, const QString &input, const QString &originBase,
            const IdLines &lines, Checked *checked)
{
    sortFindings(findings);
    // Findings name services by id; a fleet has tens of thousands of both.
    TextHash<const Service *> services;
    services.reserve(schema.services.size());
    for (const Service &s : schema.services)
        services.insert(s.id, &s);
    for (Finding &f : findings) {
        ++checked->counts[int(f.severity)];
        SourceLocation location = f.origin;
        for (qsizetype i = 0; !location.isValid() && i < f.serviceIds.size(); ++i) {
            const Service *service = services.value(f.serviceIds.at(i));
            if (service && service->origin.isValid() && !lines.services.contains(service->id))
                location = service->origin;
        }
        if (location.isValid() && !originBase.isEmpty() && QFileInfo(location.file).isRelative())
            location.file = QDir::cleanPath(QDir(originBase).filePath(location.file));
        if (!location.isValid()) {
            location.file = input;
            for (const QString &id : std::as_const(f.serviceIds)) {
                if ((location.line = lines.services.value(id)) > 0)
                    break;
            }
            for (qsizetype i = 0; location.line == 0 && i < f.hostIds.size(); ++i)
                location.line = lines.hosts.value(f.hostIds.at(i));
        }
        checked->findings.append(Located{std::move(f), input, location});
    }
}

// The findings as JSON, in QJsonDocument's indented layout (keys in
// order, four spaces a level), written straight into bytes: a fleet's
// tens of thousands of findings are not built as a QJsonDocument first.
QByteArray findingsJson(const Checked &checked)
{
    QByteArray out;
    out.reserve(checked.findings.size() * 400 + 128);
    // QByteArray::append() of a literal takes its general insert path,
    // which a million small appends notice; this copies.
    const auto put = [&out](QByteArrayView text) {
        const qsizetype at = out.size();
        out.resize(at + text.size());
        std::memcpy(out.data() + at, text.data(), size_t(text.size()));
    };
    auto strings = [&out, &put](const QStringList &list) {
        put("[\n");
        for (qsizetype i = 0; i < list.size(); ++i) {
            put("                ");
            Json::appendString(out, list.at(i));
            put(i + 1 < list.size() ? ",\n" : "\n");
        }
        put("            ]");
    };
    put("{\n    \"findings\": [\n");
    for (qsizetype i = 0; i < checked.findings.size(); ++i) {
        const Located &l = checked.findings.at(i);
        const Finding &f = l.finding;
        put("        {\n            \"file\": ");
        Json::appendString(out, l.location.file);
        put(",\n            \"hosts\": ");
        strings(f.hostIds);
        put(",\n            \"line\": ");
        out += l.location.line > 0 ? QByteArray::number(l.location.line) : QByteArrayLiteral("null");
        put(",\n            \"message\": ");
        Json::appendString(out, f.message);
        put(",\n            \"ports\": [\n");
        for (qsizetype p = 0; p < f.ports.size(); ++p) {
            put("                ");
            out += QByteArray::number(f.ports.at(p));
            put(p + 1 < f.ports.size() ? ",\n" : "\n");
        }
        put("            ],\n            \"rule\": ");
        Json::appendString(out, f.rule);
        put(",\n            \"services\": ");
        strings(f.serviceIds);
        put(",\n            \"severity\": ");
        Json::appendString(out, severityToString(f.severity));
        put(i + 1 < checked.findings.size() ? "\n        },\n" : "\n        }\n");
    }
    const int *counts = checked.counts;
    put("    ],\n    \"summary\": {\n        \"errors\": ");
    out += QByteArray::number(counts[int(Severity::Error)]);
    put(",\n        \"infos\": ");
    out += QByteArray::number(counts[int(Severity::Info)]);
    put(",\n        \"warnings\": ");
    out += QByteArray::number(counts[int(Severity::Warning)]);
    put("\n    }\n}\n");
    return out;
}

void printSourceWarnings(const QList<SourceReading> &readings, const QString &base, CommandContext &context)
{
    if (context.progress)
        context.progress->clear();
    for (const SourceReading &r : readings) {
        for (Diagnostic warning : r.warnings) {
            if (!warning.file.isEmpty() && QFileInfo(warning.file).isRelative())
                warning.file = QDir::cleanPath(QDir(base).filePath(warning.file));
            context.err << Tr::tr("warning: %1").arg(warning.toString()) << Qt::endl;
        }
    }
}

// A plan, with its linked sources re-read first unless refresh is off.
bool checkPlan(const QString &fileName, const QByteArray &data, bool refresh, Checked *checked,
               CommandContext &context)
{
    ParseError error;
    std::optional<Schema> schema = JsonFormat::parse(data, fileName, &error);
    if (!schema) {
        if (context.progress)
            context.progress->clear();
        context.err << QStringLiteral("portolan check: %1").arg(error.toString()) << Qt::endl;
        return false;
    }
    QList<Finding> sourceFindings;
    const QString base = QFileInfo(fileName).path();
    qsizetype sources = 0;
    for (const Host &h : schema->hosts)
        sources += h.sources.size();
    if (refresh && sources > 0) {
        if (context.progress)
            context.progress->step(Tr::tr("re-reading %Ln linked source(s)", nullptr, int(sources)));
        const QList<SourceReading> readings = readSources(*schema, QFileInfo(fileName).absolutePath());
        if (!readings.isEmpty()) {
            printSourceWarnings(readings, base, context);
            RealityApplied applied = applyReadings(*schema, readings);
            schema = std::move(applied.schema);
            sourceFindings = applied.findings;
        }
    }
    if (context.progress)
        context.progress->step(Tr::tr("analysing %Ln service(s)", nullptr, int(schema->services.size())));
    locate(Analyzer::analyze(*schema) + sourceFindings, *schema, fileName, base, idLines(data), checked);
    context.leaveToExit(std::move(*schema));
    return true;
}

// Compose files given to `check` directly: each one a project of one host,
// so collisions between them show as on a real machine.
bool checkCompose(const QStringList &fileNames, const QString &hostId, Checked *checked, CommandContext &context)
{
    Schema schema;
    Host host;
    host.id = hostId;
    host.name = hostId;
    for (const QString &f : fileNames) {
        RealitySource source;
        source.kind = SourceKind::Compose;
        source.files = {relativePath(f)};
        source.project = QFileInfo(f).absoluteDir().dirName() + QLatin1Char('/') + QFileInfo(f).fileName();
        host.sources.append(source);
    }
    schema.hosts.append(host);
    // Without a plan there are no ranges (every port would be "unranged"),
    // nothing is documented, and a name may repeat in two projects.
    for (const char *rule : {"unranged", "undocumented", "duplicate-name"})
        schema.ruleSettings.rules[QLatin1String(rule)].enabled = false;
    const QList<SourceReading> readings = readSources(schema, QDir::currentPath());
    bool ok = true;
    QList<SourceReading> good;
    for (const SourceReading &r : readings) {
        if (r.ok) {
            good.append(r);
            continue;
        }
        ParseError e = r.error;
        if (context.progress)
            context.progress->clear();
        context.err << QStringLiteral("portolan check: %1").arg(e.toString()) << Qt::endl;
        ok = false;
    }
    printSourceWarnings(good, QString(), context);
    const RealityApplied applied = applyReadings(schema, good);
    locate(Analyzer::analyze(applied.schema) + applied.findings, applied.schema, fileNames.first(), QString(),
           IdLines(), checked);
    return ok;
}

bool checkMarkdown(const QString &fileName, const QByteArray &data, Checked *checked, CommandContext &context)
{
    ParseError error;
    error.file = fileName;
    FormatOptions options;
    options.fileName = fileName;
    options.baseDir = QFileInfo(fileName).absolutePath();
    const std::optional<ReadResult> result =
        FormatRegistry::instance().format(QStringLiteral("markdown"))->read(data, options, &error);
    if (context.progress)
        context.progress->clear(); // before the messages below
    if (!result) {
        context.err << QStringLiteral("portolan check: %1").arg(error.toString()) << Qt::endl;
        return false;
    }
    for (const Diagnostic &warning : result->warnings)
        context.err << Tr::tr("warning: %1").arg(warning.toString()) << Qt::endl;
    locate(Analyzer::analyze(result->schema), result->schema, fileName, QString(), IdLines(), checked);
    return true;
}

// GitHub and SARIF want paths relative to the repository, which is where CI runs.
QString relativePath(const QString &fileName)
{
    const QString relative = QDir::current().relativeFilePath(QFileInfo(fileName).absoluteFilePath());
    return relative.startsWith(QLatin1String("../")) ? QFileInfo(fileName).absoluteFilePath() : relative;
}

// GitHub workflow commands end at a newline and treat % specially.
QString githubEscape(QString text)
{
    text.replace(QLatin1Char('%'), QLatin1String("%25"));
    text.replace(QLatin1Char('\r'), QLatin1String("%0D"));
    text.replace(QLatin1Char('\n'), QLatin1String("%0A"));
    return text;
}

QString githubProperty(QString text)
{
    text = githubEscape(text);
    text.replace(QLatin1Char(':'), QLatin1String("%3A"));
    text.replace(QLatin1Char(','), QLatin1String("%2C"));
    return text;
}

QString sarifLevel(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("note");
}

QString sarifUri(const QString &fileName)
{
    const QString path = relativePath(fileName);
    if (QDir::isAbsolutePath(path))
        return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
    return QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
}

// SARIF 2.1.0, as GitHub code scanning reads it: one run, every rule in the
// driver (so ruleIndex is stable), one physical location per result.
QJsonObject sarifLog(const Checked &checked)
{
    QJsonArray rules;
    TextHash<int> ruleIndex;
    for (const RuleInfo &rule : allRules()) {
        ruleIndex.insert(rule.id, int(rules.size()));
        rules.append(QJsonObject{
            {QStringLiteral("id"), rule.id},
            {QStringLiteral("shortDescription"), QJsonObject{{QStringLiteral("text"), rule.title}}},
            {QStringLiteral("defaultConfiguration"),
             QJsonObject{{QStringLiteral("level"), sarifLevel(rule.defaultSeverity)}}},
        });
    }
    QJsonArray results;
    for (const Located &l : checked.findings) {
        QJsonObject region{{QStringLiteral("startLine"), qMax(1, l.location.line)}};
        if (l.location.line > 0 && l.location.column > 0)
            region.insert(QStringLiteral("startColumn"), l.location.column);
        QJsonObject result{
            {QStringLiteral("ruleId"), l.finding.rule},
            {QStringLiteral("level"), sarifLevel(l.finding.severity)},
            {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), l.finding.message}}},
            {QStringLiteral("locations"),
             QJsonArray{QJsonObject{{QStringLiteral("physicalLocation"),
                                     QJsonObject{{QStringLiteral("artifactLocation"),
                                                  QJsonObject{{QStringLiteral("uri"), sarifUri(l.location.file)}}},
                                                 {QStringLiteral("region"), region}}}}}},
        };
        if (ruleIndex.contains(l.finding.rule))
            result.insert(QStringLiteral("ruleIndex"), ruleIndex.value(l.finding.rule));
        results.append(result);
    }
    const QJsonObject driver{
        {QStringLiteral("name"), QStringLiteral("Portolan")},
        {QStringLiteral("version"), QCoreApplication::applicationVersion()},
        {QStringLiteral("informationUri"), QStringLiteral(PORTOLAN_HOMEPAGE)},
        {QStringLiteral("rules"), rules},
    };
    return QJsonObject{
        {QStringLiteral("$schema"),
         QStringLiteral("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")},
        {QStringLiteral("version"), QStringLiteral("2.1.0")},
        {QStringLiteral("runs"),
         QJsonArray{QJsonObject{{QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
                                {QStringLiteral("results"), results}}}},
    };
}

} // namespace

int runCheck(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          Tr::tr("Output: text (default), json, github or sarif."), Tr::tr("FORMAT"),
                                          QStringLiteral("text"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        Tr::tr("The host the compose files run on, in messages (default: localhost)."),
                                        Tr::tr("ID"), QStringLiteral("localhost"));
    const QCommandLineOption noRefreshOption(
        QStringLiteral("no-refresh"), Tr::tr("Check a plan's stored reality; do not re-read its linked sources."));
    parser.addOptions({formatOption, hostOption, noRefreshOption});
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        Tr::tr("A schema (*.portolan.json, or a Markdown schema *.md) or a compose file (*.yml, *.yaml)."),
        QStringLiteral("FILE..."));
    if (!parseArguments(parser, QStringLiteral("check"), context))
        return 2;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        context.err << Tr::tr("portolan check: expected at least one FILE") << Qt::endl;
        return 2;
    }
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json") && format != QLatin1String("github")
        && format != QLatin1String("sarif")) {
        context.err << Tr::tr("portolan check: unknown format \"%1\" (text, json, github or sarif)").arg(format)
                    << Qt::endl;
        return 2;
    }

    // Every file is checked even when one cannot be read, as linters do.
    CliProgress progress(QStringLiteral("check"));
    context.progress = &progress;
    Checked checked;
    bool unreadable = false;
    QStringList composeFiles;
    for (const QString &file : files) {
        progress.step(Tr::tr("reading %1").arg(file));
        ParseError error;
        const std::optional<QByteArray> data = readFileBytes(file, &error);
        if (!data) {
            progress.clear();
            context.err << QStringLiteral("portolan check: %1").arg(error.toString()) << Qt::endl;
            unreadable = true;
            continue;
        }
        switch (inputKind(file, *data)) {
        case InputKind::Plan:
            unreadable = !checkPlan(file, *data, !parser.isSet(noRefreshOption), &checked, context) || unreadable;
            break;
        case InputKind::Compose: composeFiles.append(file); break;
        case InputKind::Markdown: unreadable = !checkMarkdown(file, *data, &checked, context) || unreadable; break;
        }
    }
    if (!composeFiles.isEmpty()) {
        progress.step(Tr::tr("reading %Ln compose file(s)", nullptr, int(composeFiles.size())));
        if (!checkCompose(composeFiles, parser.value(hostOption), &checked, context))
            unreadable = true;
    }
    const int *counts = checked.counts;
    // The report goes to standard output, often the same terminal.
    progress.clear();
    context.progress = nullptr;

    if (format == QLatin1String("json")) {
        writeBytes(context.out, findingsJson(checked));
    } else if (format == QLatin1String("sarif")) {
        writeBytes(context.out, QJsonDocument(sarifLog(checked)).toJson(QJsonDocument::Indented));
    } else if (format == QLatin1String("github")) {
        for (const Located &l : std::as_const(checked.findings)) {
            const Finding &f = l.finding;
            const char *command = f.severity == Severity::Error ? "error"
                : f.severity == Severity::Warning               ? "warning"
                                                                : "notice";
            QString properties = QStringLiteral("file=%1").arg(githubProperty(relativePath(l.location.file)));
            if (l.location.line > 0)
                properties += QStringLiteral(",line=%1").arg(l.location.line);
            properties += QStringLiteral(",title=%1").arg(githubProperty(f.rule));
            context.out << QStringLiteral("::%1 %2::%3").arg(QLatin1String(command), properties, githubEscape(f.message))
                        << '\n'; // one flush at the end, not one per line
        }
    } else {
        // One file: as before; several: each line names the file it concerns.
        for (const Located &l : std::as_const(checked.findings)) {
            const Finding &f = l.finding;
            if (files.size() > 1)
                context.out << (l.location.isValid() ? relativePath(l.location.file) : l.input) << QStringLiteral(": ");
            context.out << QStringLiteral("%1 %2 %3").arg(severityToString(f.severity), f.rule, f.message) << '\n';
        }
        context.out << Tr::tr("%n error(s)", nullptr, counts[int(Severity::Error)]) << QStringLiteral(", ")
                    << Tr::tr("%n warning(s)", nullptr, counts[int(Severity::Warning)]) << QStringLiteral(", ")
                    << Tr::tr("%n info(s)", nullptr, counts[int(Severity::Info)]) << Qt::endl;
    }
    context.out.flush();
    const int code = unreadable ? 2 : counts[int(Severity::Error)] > 0 ? 1 : 0;
    context.leaveToExit(std::move(checked));
    return code;
}

} // namespace Portolan
