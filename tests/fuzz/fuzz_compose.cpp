// docker-compose files: read as the Mac Mini's reality and merged into the
// sample plan, which must open again once saved.
#include "fuzz.h"

#include "composeformat.h"

using namespace Portolan;

PORTOLAN_FUZZ_TARGET
{
    // No process environment: the same input reads the same everywhere.
    const QVariantMap extra{{QStringLiteral("environment"), QVariantMap()}};
    Fuzz::readAndMerge(ComposeFormat(), QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)),
                       QStringLiteral("docker-compose.yml"), extra, "compose");
    return 0;
}
