#include "commandline.h"

#include "cliprogress.h"
#include "formatregistry.h"
#include "jsonformat.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
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

int runExport(CommandContext &context)
{
    QCommandLineParser parser;
    QStringList writers;
    for (const Format *f : FormatRegistry::instance().writers())
        writers.append(f->id());
    const QCommandLineOption toOption(QStringLiteral("to"), Tr::tr("Output format: %1.").arg(writers.join(QStringLiteral(", "))),
                                      Tr::tr("FORMAT"));
    const QCommandLineOption hostOption(QStringLiteral("host"), Tr::tr("Export only this host."), Tr::tr("ID"));
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                       Tr::tr("Write here instead of standard output."), Tr::tr("OUT"));
    const QCommandLineOption setOption(QStringLiteral("set"), Tr::tr("A format option, e.g. --set status=false."),
                                       Tr::tr("KEY=VALUE"));
    parser.addOptions({toOption, hostOption, outOption, setOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("The schema to export."));
    if (!parseArguments(parser, QStringLiteral("export"), context))
        return 2;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(toOption)) {
        context.err << Tr::tr("portolan export: expected FILE and --to FORMAT") << Qt::endl;
        return 2;
    }
    const Format *format = FormatRegistry::instance().format(parser.value(toOption));
    if (!format || !format->canWrite()) {
        context.err << Tr::tr("portolan export: unknown output format \"%1\" (known: %2)")
                           .arg(parser.value(toOption), writers.join(QStringLiteral(", ")))
                    << Qt::endl;
        return 2;
    }
    CliProgress progress(QStringLiteral("export"));
    progress.step(Tr::tr("reading %1").arg(positional.first()));
    ParseError error;
    std::optional<Schema> schema = loadSchemaFile(positional.first(), &error);
    if (!schema) {
        progress.clear();
        context.err << QStringLiteral("portolan export: %1").arg(error.toString()) << Qt::endl;
        return 2;
    }
    FormatOptions options;
    options.fileName = parser.value(outOption);
    options.hostId = parser.value(hostOption);
    options.baseDir = QFileInfo(positional.first()).absolutePath();
    if (!options.hostId.isEmpty() && !schema->host(options.hostId)) {
        context.err << Tr::tr("portolan export: the schema has no host \"%1\"").arg(options.hostId) << Qt::endl;
        return 2;
    }
    if (format->needsHost() && options.hostId.isEmpty()) {
        context.err << Tr::tr("portolan export: --host ID is required for %1").arg(format->id()) << Qt::endl;
        return 2;
    }
    for (const QString &pair : parser.values(setOption)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            context.err << Tr::tr("portolan export: --set expects KEY=VALUE, got \"%1\"").arg(pair) << Qt::endl;
            return 2;
        }
        options.extra.insert(pair.left(eq), pair.mid(eq + 1));
    }

    progress.step(Tr::tr("writing %1").arg(format->displayName()));
    options.progress = [&progress, format](qsizetype done, qsizetype total) {
        progress.step(Tr::tr("writing %1 (%2 %)").arg(format->displayName()).arg(writtenPercent(done, total)));
        return true;
    };
    QString writeError;
    const std::optional<QByteArray> bytes = format->write(*schema, options, &writeError);
    // The export goes to standard output or a file; messages to standard error.
    progress.clear();
    context.leaveToExit(std::move(schema));
    if (!bytes) {
        context.err << QStringLiteral("portolan export: %1").arg(writeError) << Qt::endl;
        return 2;
    }
    if (!parser.isSet(outOption) || parser.value(outOption) == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly)) {
            context.err << Tr::tr("portolan export: cannot write to standard output") << Qt::endl;
            return 2;
        }
        if (out.write(*bytes) != bytes->size() || !out.flush()) {
            context.err << Tr::tr("portolan export: cannot write to standard output: %1").arg(out.errorString())
                        << Qt::endl;
            return 2;
        }
        return 0;
    }
    if (!writeFileAtomically(parser.value(outOption), *bytes, &writeError)) {
        context.err << QStringLiteral("portolan export: %1").arg(writeError) << Qt::endl;
        return 2;
    }
    return 0;
}

} // namespace Portolan
