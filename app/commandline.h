#pragma once

#include <QStringList>
#include <QTextStream>

#include <memory>
#include <type_traits>
#include <vector>

class QCommandLineParser;

namespace Portolan {

// Subcommands run without any window: `portolan check FILE`, etc.
// Each returns the process exit code: 0 fine, 1 findings (check, probe) or a move
// no source carries (apply), 2 bad usage or input.
class CliProgress;

struct CommandContext
{
    QStringList arguments; // after the subcommand name
    QTextStream &out;
    QTextStream &err;
    CliProgress *progress = nullptr; // of a command that shows one

    // Hands what a command holds to its end (a fleet's schemas, findings,
    // report) to the end of the process: the kernel takes a process's memory
    // back at once, while freeing 100,000 services and their findings piece
    // by piece took a seventh of a diff's time.
    template<typename T>
    void leaveToExit(T &&value)
    {
        leftovers.push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
    }
    std::vector<std::shared_ptr<void>> leftovers = {};
};

bool isSubcommand(const QString &name);
// Whether the subcommand paints (export --to png|svg) and so needs a GUI
// application; every other one runs on QCoreApplication.
bool subcommandPaints(const QString &name, const QStringList &arguments);
int runSubcommand(const QString &name, const QStringList &arguments);

int runCheck(CommandContext &context);
int runImport(CommandContext &context);
int runExport(CommandContext &context);
int runDiff(CommandContext &context);
int runProbe(CommandContext &context);
int runMoves(CommandContext &context);
int runApply(CommandContext &context);

// -h, --help, and the help text with the usage line naming `command`
// ("portolan check") rather than the path the binary was started from.
void addHelpOption(QCommandLineParser &parser);
QString helpText(const QCommandLineParser &parser, const QString &command);

// Shared by the subcommands: parses without QCommandLineParser::process()'s
// exit() on errors; prints the reason and returns false (exit code 2).
bool parseArguments(QCommandLineParser &parser, const QString &subcommand, CommandContext &context);

} // namespace Portolan
