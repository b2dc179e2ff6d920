#include "commandline.h"

#include "analyzer.h"
#include "jsonformat.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::CommandLine)
};
} // namespace

// GitHub workflow commands end at a newline and treat % specially.
static QString githubEscape(QString text)
{
    text.replace(QLatin1Char('%'), QLatin1String("%25"));
    text.replace(QLatin1Char('\r'), QLatin1String("%0D"));
    text.replace(QLatin1Char('\n'), QLatin1String("%0A"));
    return text;
}

static QString githubProperty(QString text)
{
    text = githubEscape(text);
    text.replace(QLatin1Char(':'), QLatin1String("%3A"));
    text.replace(QLatin1Char(','), QLatin1String("%2C"));
    return text;
}

int runCheck(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"), Tr::tr("Output: text (default), json or github."),
                                          Tr::tr("FORMAT"), QStringLiteral("text"));
    parser.addOption(formatOption);
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("The schema to check."));
    if (!parseArguments(parser, QStringLiteral("check"), context))
        return 2;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.err << Tr::tr("portolan check: expected one FILE") << Qt::endl;
        return 2;
    }
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json") && format != QLatin1String("github")) {
        context.err << Tr::tr("portolan check: unknown format \"%1\" (text, json or github)").arg(format) << Qt::endl;
        return 2;
    }
    const QString fileName = positional.first();
    ParseError error;
    const std::optional<Schema> schema = loadSchemaFile(fileName, &error);
    if (!schema) {
        context.err << QStringLiteral("portolan check: %1").arg(error.toString()) << Qt::endl;
        return 2;
    }

    QList<Finding> findings = Analyzer::analyze(*schema);
    sortFindings(findings);
    int counts[3] = {0, 0, 0};
    for (const Finding &f : findings)
        ++counts[int(f.severity)];

    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const Finding &f : findings)
            array.append(findingToJson(f));
        QJsonObject summary;
        summary.insert(QStringLiteral("errors"), counts[int(Severity::Error)]);
        summary.insert(QStringLiteral("warnings"), counts[int(Severity::Warning)]);
        summary.insert(QStringLiteral("infos"), counts[int(Severity::Info)]);
        QJsonObject root;
        root.insert(QStringLiteral("findings"), array);
        root.insert(QStringLiteral("summary"), summary);
        context.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else if (format == QLatin1String("github")) {
        for (const Finding &f : findings) {
            const char *command = f.severity == Severity::Error ? "error"
                : f.severity == Severity::Warning               ? "warning"
                                                                : "notice";
            // Findings from an imported file point there; the rest at the schema.
            const QString file = f.origin.isValid() ? f.origin.file : fileName;
            QString properties = QStringLiteral("file=%1").arg(githubProperty(file));
            if (f.origin.isValid() && f.origin.line > 0)
                properties += QStringLiteral(",line=%1").arg(f.origin.line);
            properties += QStringLiteral(",title=%1").arg(githubProperty(f.rule));
            context.out << QStringLiteral("::%1 %2::%3").arg(QLatin1String(command), properties, githubEscape(f.message))
                        << Qt::endl;
        }
    } else {
        for (const Finding &f : findings)
            context.out << QStringLiteral("%1 %2 %3").arg(severityToString(f.severity), f.rule, f.message) << Qt::endl;
        context.out << Tr::tr("%n error(s)", nullptr, counts[int(Severity::Error)]) << QStringLiteral(", ")
                    << Tr::tr("%n warning(s)", nullptr, counts[int(Severity::Warning)]) << QStringLiteral(", ")
                    << Tr::tr("%n info(s)", nullptr, counts[int(Severity::Info)]) << Qt::endl;
    }
    return counts[int(Severity::Error)] > 0 ? 1 : 0;
}

} // namespace Portolan
