#include "commandline.h"

#include "jsonformat.h"
#include "movereport.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <future>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::CommandLine)
};
} // namespace

// portolan diff OLD NEW: the moves and other changes from OLD to NEW with
// their impact. Differences are not failures: exit 0 either way, 2 on bad input.
int runDiff(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"), Tr::tr("Output: text (default), json or markdown."),
                                          Tr::tr("FORMAT"), QStringLiteral("text"));
    parser.addOption(formatOption);
    parser.addPositionalArgument(QStringLiteral("OLD"), Tr::tr("The schema before."));
    parser.addPositionalArgument(QStringLiteral("NEW"), Tr::tr("The schema after."));
    if (!parseArguments(parser, QStringLiteral("diff"), context))
        return 2;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        context.err << Tr::tr("portolan diff: expected OLD and NEW") << Qt::endl;
        return 2;
    }
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json") && format != QLatin1String("markdown")) {
        context.err << Tr::tr("portolan diff: unknown format \"%1\" (text, json or markdown)").arg(format) << Qt::endl;
        return 2;
    }
    // Both files are read at once, the second on another thread.
    ParseError errors[2];
    auto second = std::async(std::launch::async, [&] { return loadSchemaFile(positional.at(1), &errors[1]); });
    std::optional<Schema> schemas[2] = {loadSchemaFile(positional.at(0), &errors[0]), second.get()};
    for (int i = 0; i < 2; ++i) {
        if (!schemas[i]) {
            context.err << QStringLiteral("portolan diff: %1").arg(errors[i].toString()) << Qt::endl;
            return 2;
        }
    }

    DiffReport report = makeDiffReport(std::move(*schemas[0]), *schemas[1], positional.at(0), positional.at(1));
    if (format == QLatin1String("json"))
        context.out << QString::fromUtf8(diffAsJson(report));
    else if (format == QLatin1String("markdown"))
        context.out << diffAsMarkdown(report);
    else
        context.out << diffAsText(report);
    context.out.flush();
    context.leaveToExit(std::move(report));
    context.leaveToExit(std::move(schemas[1]));
    return 0;
}

} // namespace Portolan
