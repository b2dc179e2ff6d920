#pragma once

#include "format.h"

namespace Portolan {

// Prometheus configuration: scrape_configs in (targets become the services'
// metrics), scrape_configs out.
//
// The fragment read() returns is one Service per scrape target: name = job
// name, aliases[0] = the target's host, metrics filled in (port = target
// port). merge() matches them to plan services: see mergeScrapeTargets().
class PrometheusFormat : public Format
{
public:
    PrometheusFormat();

    // file_sd_configs files are read relative to options.baseDir.
    std::optional<ReadResult> read(const QByteArray &data, const FormatOptions &options,
                                   ParseError *error) const override;
    std::optional<Schema> merge(const Schema &plan, const ReadResult &fragment, const FormatOptions &options,
                                QStringList *summary, QString *error) const override;
    // options.hostId: where Prometheus runs (its services are scraped by
    // container name and container port, others by host address and port).
    // options.extra "fileSd": add a job that reads this file_sd file.
    std::optional<QByteArray> write(const Schema &schema, const FormatOptions &options,
                                    QString *error) const override;
};

// file_sd JSON: [{"targets": [...], "labels": {...}}], one group per service.
class FileSdFormat : public Format
{
public:
    FileSdFormat();

    std::optional<QByteArray> write(const Schema &schema, const FormatOptions &options,
                                    QString *error) const override;
};

// One scrape target per service with metrics; shared by both exports.
struct ScrapeTarget
{
    QString job;     // unique among the targets
    QString target;  // host:port
    QString path;
    QString interval;
    QString serviceId;
    QString hostId;
};
QList<ScrapeTarget> scrapeTargets(const Schema &schema, const QString &scraperHostId);

} // namespace Portolan
