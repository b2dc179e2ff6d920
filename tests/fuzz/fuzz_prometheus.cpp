// Prometheus configurations: read as the Mac Mini's scrape jobs and merged
// into the sample plan, which must open again once saved.
#include "fuzz.h"

#include "prometheusformat.h"

using namespace Portolan;

PORTOLAN_FUZZ_TARGET
{
    Fuzz::readAndMerge(PrometheusFormat(), QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)),
                       QStringLiteral("prometheus.yml"), {}, "prometheus");
    return 0;
}
