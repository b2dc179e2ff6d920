// The native format (*.portolan.json): read, saved and opened again.
#include "fuzz.h"

#include "jsonformat.h"

using namespace Portolan;

PORTOLAN_FUZZ_TARGET
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ParseError error;
    const std::optional<Schema> schema = JsonFormat::parse(bytes, QStringLiteral("fuzz.portolan.json"), &error);
    if (!schema) {
        if (error.message.isEmpty())
            Fuzz::fail("json", QStringLiteral("refused without a message"));
        return 0;
    }
    Fuzz::checkOpensAgain(*schema, "json");
    return 0;
}
