// What `portolan check` does with what it read: a plan (native JSON when it
// starts with "{", else Markdown) and, after a NUL byte, a compose file of
// its first host, read as a linked source, applied and analysed; the result
// must open again once saved.
#include "fuzz.h"

#include "analyzer.h"
#include "jsonformat.h"
#include "linkedsources.h"
#include "markdownformat.h"

using namespace Portolan;

PORTOLAN_FUZZ_TARGET
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nul = bytes.indexOf('\0');
    const QByteArray planText = nul < 0 ? bytes : bytes.left(nul);
    ParseError error;
    std::optional<Schema> plan;
    if (planText.trimmed().startsWith('{')) {
        plan = JsonFormat::parse(planText, QStringLiteral("plan.portolan.json"), &error);
    } else {
        FormatOptions options;
        options.fileName = QStringLiteral("PORT_SCHEMA.md");
        options.baseDir = Fuzz::baseDir();
        if (std::optional<ReadResult> result = MarkdownFormat().read(planText, options, &error))
            plan = std::move(result->schema);
    }
    if (!plan)
        return 0;
    QList<SourceReading> readings;
    if (nul >= 0) {
        RealitySource source;
        source.files = {Fuzz::writeInput(QStringLiteral("docker-compose.yml"), bytes.mid(nul + 1))};
        const QHash<QString, QString> environment;
        const QString hostId = plan->hosts.isEmpty() ? QStringLiteral("box") : plan->hosts.first().id;
        readings.append(readSource(hostId, source, Fuzz::baseDir(), &environment));
    }
    const RealityApplied applied = applyReadings(*plan, readings);
    Analyzer::analyze(applied.schema);
    Fuzz::checkOpensAgain(applied.schema, "check");
    return 0;
}
