// Markdown port documentation: read, saved as a plan that opens again, and
// written as Markdown that reads again.
#include "fuzz.h"

#include "markdownformat.h"

using namespace Portolan;

PORTOLAN_FUZZ_TARGET
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const MarkdownFormat format;
    FormatOptions options;
    options.fileName = QStringLiteral("PORT_SCHEMA.md");
    options.baseDir = Fuzz::baseDir();
    ParseError error;
    const std::optional<ReadResult> result = format.read(bytes, options, &error);
    if (!result) {
        if (error.message.isEmpty())
            Fuzz::fail("markdown", QStringLiteral("refused without a message"));
        return 0;
    }
    Fuzz::checkOpensAgain(result->schema, "markdown");
    QString writeError;
    const std::optional<QByteArray> written = format.write(result->schema, options, &writeError);
    if (!written)
        return 0;
    if (!format.read(*written, options, &error))
        Fuzz::fail("markdown", QStringLiteral("the Markdown written does not read again: ") + error.toString());
    return 0;
}
