#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileDevice>

#include <cstdio>
#include <cstdlib>

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
    {"moves", runMoves},
    {"apply", runApply},
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

bool subcommandPaints(const QString &name, const QStringList &arguments)
{
    if (name != QLatin1String("export"))
        return false;
    QString format;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--to") && i + 1 < arguments.size())
            format = arguments.at(++i);
        else if (a.startsWith(QLatin1String("--to=")))
            format = a.mid(5);
    }
    return format == QLatin1String("png") || format == QLatin1String("svg");
}

int runSubcommand(const QString &name, const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandContext context{arguments, out, err};
    for (const Subcommand &s : subcommands) {
        if (name == QLatin1String(s.name)) {
            const int code = s.run(context);
            if (context.leftovers.empty())
                return code;
            // What the command left is not freed: the process ends here,
            // its output written out first. Under AddressSanitizer it is
            // freed as usual, so that a leak among it still shows.
            for (QTextStream *stream : {&out, &err}) {
                stream->flush();
                // Bytes written to the device directly wait in its buffer.
                if (auto *file = qobject_cast<QFileDevice *>(stream->device()))
                    file->flush();
            }
#ifndef __SANITIZE_ADDRESS__
            std::fflush(nullptr);
            std::_Exit(code);
#endif
            return code;
        }
    }
    err << QCoreApplication::translate("Portolan::CommandLine", "portolan: unknown command \"%1\"").arg(name)
        << Qt::endl;
    return 2;
}

void addHelpOption(QCommandLineParser &parser)
{
    // Not QCommandLineParser::addHelpOption(): its --help-all lists Qt's GUI
    // options, which no subcommand and no parser here accepts.
    parser.addOption(QCommandLineOption(
        {QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("Portolan::CommandLine", "Show this help and exit.")));
}

QString helpText(const QCommandLineParser &parser, const QString &command)
{
    // The usage line names the program as it was started (build/app/portolan);
    // name it as users type it, with the subcommand.
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype endOfLine = text.indexOf(QLatin1Char('\n'));
    const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
    if (at >= 0 && (endOfLine < 0 || at < endOfLine))
        text.replace(at, program.size(), command);
    return text;
}

bool parseArguments(QCommandLineParser &parser, const QString &subcommand, CommandContext &context)
{
    addHelpOption(parser);
    QStringList args = context.arguments;
    args.prepend(QStringLiteral("portolan %1").arg(subcommand));
    if (!parser.parse(args)) {
        context.err << QStringLiteral("portolan %1: %2").arg(subcommand, parser.errorText()) << Qt::endl;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << helpText(parser, QStringLiteral("portolan %1").arg(subcommand));
        context.out.flush();
        ::exit(0);
    }
    return true;
}

} // namespace Portolan
