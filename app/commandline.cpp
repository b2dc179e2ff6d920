#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace Portolan {

namespace {

struct Subcommand
{
    const char *name;
    int (*run)(CommandContext &);
};

const Subcommand subcommands[] = {
    {"check", runCheck},
    {"import", runImport},
    {"export", runExport},
    {"diff", runDiff},
    {"probe", runProbe},
};

} // namespace

bool isSubcommand(const QString &name)
{
    for (const Subcommand &s : subcommands) {
        if (name == QLatin1String(s.name))
            return true;
    }
    return false;
}

int runSubcommand(const QString &name, const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandContext context{arguments, out, err};
    for (const Subcommand &s : subcommands) {
        if (name == QLatin1String(s.name))
            return s.run(context);
    }
    err << QCoreApplication::translate("Portolan::CommandLine", "portolan: unknown command \"%1\"").arg(name)
        << Qt::endl;
    return 2;
}

bool parseArguments(QCommandLineParser &parser, const QString &subcommand, CommandContext &context)
{
    parser.addHelpOption();
    QStringList args = context.arguments;
    args.prepend(QStringLiteral("portolan %1").arg(subcommand));
    if (!parser.parse(args)) {
        context.err << QStringLiteral("portolan %1: %2").arg(subcommand, parser.errorText()) << Qt::endl;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << parser.helpText();
        context.out.flush();
        ::exit(0);
    }
    return true;
}

} // namespace Portolan
