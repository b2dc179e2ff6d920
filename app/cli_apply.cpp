#include "commandline.h"

#include "changeset.h"
#include "jsonformat.h"
#include "linkedsources.h"
#include "move.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Portolan {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::CommandLine)
};

// A plan with its linked sources read: the drift moves of reality to the
// plan, in execution order, and the readings the change set edits.
struct Loaded
{
    Schema schema;
    QList<SourceReading> readings;
    QList<Move> moves;
};

std::optional<Loaded> load(const QString &command, const QString &fileName, CommandContext &context)
{
    ParseError error;
    std::optional<Schema> plan = loadSchemaFile(fileName, &error);
    if (!plan) {
        context.err << QStringLiteral("portolan %1: %2").arg(command, error.toString()) << Qt::endl;
        return std::nullopt;
    }
    Loaded loaded;
    loaded.readings = readSources(*plan, QFileInfo(fileName).absolutePath());
    for (const SourceReading &r : std::as_const(loaded.readings)) {
        if (!r.ok) {
            context.err << QStringLiteral("portolan %1: %2").arg(command, r.error.toString()) << Qt::endl;
            return std::nullopt;
        }
    }
    loaded.schema = applyReadings(*plan, loaded.readings).schema;
    loaded.moves = driftMoves(loaded.schema);
    planMoves(loaded.moves);
    return loaded;
}

} // namespace

// portolan moves FILE: the drift moves (reality to the plan) with ids, in
// execution order, and whether the linked sources can carry each out.
int runMoves(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"), Tr::tr("Output: text (default) or json."),
                                          Tr::tr("FORMAT"), QStringLiteral("text"));
    parser.addOption(formatOption);
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("The plan whose moves to list."));
    if (!parseArguments(parser, QStringLiteral("moves"), context))
        return 2;
    const QString format = parser.value(formatOption);
    if (parser.positionalArguments().size() != 1
        || (format != QLatin1String("text") && format != QLatin1String("json"))) {
        context.err << Tr::tr("portolan moves: expected one FILE and --format text or json") << Qt::endl;
        return 2;
    }
    const std::optional<Loaded> loaded = load(QStringLiteral("moves"), parser.positionalArguments().first(), context);
    if (!loaded)
        return 2;
    QJsonArray array;
    for (const Move &m : loaded->moves) {
        const ChangeSet alone = buildChangeSet(loaded->schema, loaded->readings, {m});
        QStringList files;
        for (const FileChange &f : alone.files)
            files.append(f.path);
        if (format == QLatin1String("json")) {
            array.append(QJsonObject{
                {QStringLiteral("id"), m.serviceId},
                {QStringLiteral("service"), m.name},
                {QStringLiteral("host"), m.toHostId},
                {QStringLiteral("from"), m.fromPort},
                {QStringLiteral("to"), m.toPort},
                {QStringLiteral("order"), m.order},
                {QStringLiteral("swapWith"), QJsonArray::fromStringList(m.cycleWith)},
                {QStringLiteral("files"), QJsonArray::fromStringList(files)},
                {QStringLiteral("manual"), alone.manual.isEmpty() ? QJsonValue() : QJsonValue(alone.manual.first().text)},
            });
        } else {
            context.out << QStringLiteral("%1\t%2\t%3\t%4\n")
                               .arg(m.serviceId, m.changeText(loaded->schema),
                                    files.isEmpty() ? Tr::tr("manual") : files.join(QStringLiteral(", ")),
                                    m.isSwap() ? Tr::tr("swap with %1").arg(m.cycleWith.join(QStringLiteral(", ")))
                                               : QString());
        }
    }
    if (format == QLatin1String("json"))
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    context.out.flush();
    return 0;
}

// portolan apply FILE: the change set of the chosen moves as a patch on
// standard output, in a file (--patch) or written into the files (--write,
// all or none). Exit 1 when a move cannot be carried fully.
int runApply(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption moveOption(QStringLiteral("move"), Tr::tr("Carry out this move (repeatable; see portolan moves)."),
                                        Tr::tr("ID"));
    const QCommandLineOption allOption(QStringLiteral("all"), Tr::tr("Carry out every move."));
    const QCommandLineOption patchOption(QStringLiteral("patch"), Tr::tr("Write the patch here instead of standard output."),
                                         Tr::tr("OUT"));
    const QCommandLineOption writeOption(QStringLiteral("write"), Tr::tr("Change the files themselves (all or none)."));
    parser.addOptions({moveOption, allOption, patchOption, writeOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("The plan whose moves to carry out."));
    if (!parseArguments(parser, QStringLiteral("apply"), context))
        return 2;
    if (parser.positionalArguments().size() != 1 || parser.isSet(moveOption) == parser.isSet(allOption)
        || (parser.isSet(patchOption) && parser.isSet(writeOption))) {
        context.err << Tr::tr("portolan apply: expected one FILE, --move ID… or --all, and at most one of --patch and --write")
                    << Qt::endl;
        return 2;
    }
    const std::optional<Loaded> loaded = load(QStringLiteral("apply"), parser.positionalArguments().first(), context);
    if (!loaded)
        return 2;
    QList<Move> chosen;
    if (parser.isSet(allOption)) {
        chosen = loaded->moves;
    } else {
        for (const QString &id : parser.values(moveOption)) {
            const auto it = std::find_if(loaded->moves.cbegin(), loaded->moves.cend(),
                                         [&](const Move &m) { return m.serviceId == id; });
            if (it == loaded->moves.cend()) {
                context.err << Tr::tr("portolan apply: there is no move \"%1\" (see portolan moves)").arg(id) << Qt::endl;
                return 2;
            }
            chosen.append(*it);
        }
        planMoves(chosen);
    }
    const ChangeSet set = buildChangeSet(loaded->schema, loaded->readings, chosen);
    for (const ManualStep &step : set.manual)
        context.err << Tr::tr("manual step: %1").arg(step.text) << Qt::endl;

    if (parser.isSet(writeOption)) {
        QString error;
        if (!writeChangeSet(set.files, true, &error)) {
            context.err << QStringLiteral("portolan apply: %1").arg(error) << Qt::endl;
            return 2;
        }
        for (const FileChange &f : set.files)
            context.out << Tr::tr("changed %1").arg(f.path) << '\n';
    } else {
        // Paths relative to the git work tree when every file is in one.
        const QString patch = set.gitPatch();
        if (parser.isSet(patchOption)) {
            QString error;
            if (!writeFileAtomically(parser.value(patchOption), patch.toUtf8(), &error)) {
                context.err << QStringLiteral("portolan apply: %1").arg(error) << Qt::endl;
                return 2;
            }
        } else {
            context.out << patch;
        }
    }
    context.out.flush();
    return set.isComplete() ? 0 : 1;
}

} // namespace Portolan
