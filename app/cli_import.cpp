#include "commandline.h"

#include "formatregistry.h"
#include "jsonformat.h"
#include "linkedsources.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::CommandLine)
};
} // namespace

static QStringList formatIds(const QList<const Format *> &formats)
{
    QStringList ids;
    for (const Format *f : formats)
        ids.append(f->id());
    return ids;
}

int runImport(CommandContext &context)
{
    QCommandLineParser parser;
    const QStringList readers = formatIds(FormatRegistry::instance().readers());
    const QCommandLineOption fromOption(QStringLiteral("from"), Tr::tr("Input format: %1.").arg(readers.join(QStringLiteral(", "))),
                                        Tr::tr("FORMAT"));
    const QCommandLineOption hostOption(QStringLiteral("host"), Tr::tr("The host the input describes."), Tr::tr("ID"));
    const QCommandLineOption intoOption(QStringLiteral("into"), Tr::tr("Merge into this schema instead of starting a new one."),
                                        Tr::tr("FILE"));
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                       Tr::tr("Write the resulting schema here."), Tr::tr("OUT"));
    parser.addOptions({fromOption, hostOption, intoOption, outOption});
    parser.addPositionalArgument(QStringLiteral("INPUT"), Tr::tr("The file to import."));
    if (!parseArguments(parser, QStringLiteral("import"), context))
        return 2;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.err << Tr::tr("portolan import: expected one INPUT file") << Qt::endl;
        return 2;
    }
    if (!parser.isSet(fromOption) || !parser.isSet(outOption)) {
        context.err << Tr::tr("portolan import: --from FORMAT and -o OUT are required") << Qt::endl;
        return 2;
    }
    const Format *format = FormatRegistry::instance().format(parser.value(fromOption));
    if (!format || !format->canRead()) {
        context.err << Tr::tr("portolan import: unknown input format \"%1\" (known: %2)")
                           .arg(parser.value(fromOption), readers.join(QStringLiteral(", ")))
                    << Qt::endl;
        return 2;
    }
    if (format->needsHost() && !parser.isSet(hostOption)) {
        context.err << Tr::tr("portolan import: --host ID is required for %1").arg(format->id()) << Qt::endl;
        return 2;
    }

    const QString input = positional.first();
    FormatOptions options;
    options.fileName = input;
    options.hostId = parser.value(hostOption);
    options.baseDir = QFileInfo(input).absolutePath();

    ParseError error;
    std::optional<QByteArray> data = readFileBytes(input, &error);
    if (!data) {
        context.err << QStringLiteral("portolan import: %1").arg(error.toString()) << Qt::endl;
        return 2;
    }
    error.file = input;
    std::optional<ReadResult> result = format->read(*data, options, &error);
    data.reset(); // what was read is in the result: the file's bytes go before the plan is written
    if (!result) {
        context.err << QStringLiteral("portolan import: %1").arg(error.toString()) << Qt::endl;
        return 2;
    }
    for (const Diagnostic &warning : result->warnings)
        context.err << Tr::tr("warning: %1").arg(warning.toString()) << Qt::endl;

    Schema schema = std::move(result->schema);
    result.reset();
    // The host the input describes is part of a new plan (a Prometheus
    // config names none of its own).
    if (!options.hostId.isEmpty() && schema.hostIndex(options.hostId) < 0) {
        Host host;
        host.id = options.hostId;
        host.name = options.hostId;
        schema.hosts.append(host);
    }
    if (parser.isSet(intoOption)) {
        if (!format->mergesIntoPlan()) {
            context.err << Tr::tr("portolan import: %1 files are whole schemas; --into does not apply").arg(format->id())
                        << Qt::endl;
            return 2;
        }
        ParseError planError;
        const std::optional<Schema> plan = loadSchemaFile(parser.value(intoOption), &planError);
        if (!plan) {
            context.err << QStringLiteral("portolan import: %1").arg(planError.toString()) << Qt::endl;
            return 2;
        }
        // A compose project or Prometheus config becomes a linked source of
        // the host: it is read again by check and on open, and a second
        // project on the host is added beside the first, never over it.
        const QString outDir = QFileInfo(parser.value(outOption)).absolutePath();
        RealitySource source;
        source.kind = format->id() == QLatin1String("prometheus") ? SourceKind::Prometheus : SourceKind::Compose;
        source.files = {relativeSourcePath(outDir, input)};
        Schema linked = *plan;
        if (linked.hostIndex(options.hostId) < 0) {
            Host host;
            host.id = options.hostId;
            host.name = options.hostId;
            linked.hosts.append(host);
        }
        Host &host = linked.hosts[linked.hostIndex(options.hostId)];
        const bool known = std::any_of(host.sources.cbegin(), host.sources.cend(), [&](const RealitySource &s) {
            return s.kind == source.kind && s.files == source.files;
        });
        if (!known) {
            host.sources.append(source);
            context.out << Tr::tr("Linked %1 to host %2 as a source.").arg(source.files.first(), options.hostId)
                        << Qt::endl;
        }
        const QList<SourceReading> readings = readSources(linked, outDir);
        for (const SourceReading &r : readings) {
            if (!r.ok) {
                context.err << QStringLiteral("portolan import: %1").arg(r.error.toString()) << Qt::endl;
                return 2;
            }
        }
        const RealityApplied applied = applyReadings(linked, readings);
        for (const QString &line : applied.summary)
            context.out << line << Qt::endl;
        schema = applied.schema;
    }

    // What is written must open again; a reader that let a bad value through
    // must not cost the user the plan given with --into.
    const QByteArray bytes = JsonFormat::serialize(schema);
    schema = Schema(); // all of it is in bytes: one plan in memory at a time
    ParseError reopenError;
    if (!JsonFormat::parse(bytes, parser.value(outOption), &reopenError)) {
        context.err << Tr::tr("portolan import: the result would not open again, so nothing was written: %1")
                           .arg(reopenError.toString())
                    << Qt::endl;
        return 2;
    }
    QString writeError;
    if (!writeFileAtomically(parser.value(outOption), bytes, &writeError)) {
        context.err << QStringLiteral("portolan import: %1").arg(writeError) << Qt::endl;
        return 2;
    }
    return 0;
}

} // namespace Portolan
