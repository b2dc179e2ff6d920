// cloudflared tunnel configurations: read as a linked source of the Mac
// Mini and applied to the sample plan, which must open again once saved.
#include "fuzz.h"

using namespace Portolan;

PORTOLAN_FUZZ_TARGET
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Fuzz::readAndApply(SourceKind::Cloudflared, Fuzz::writeInput(QStringLiteral("config.yml"), bytes), "cloudflared");
    return 0;
}
