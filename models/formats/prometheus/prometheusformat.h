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
    // When the services' scrape settings came from a config that is still
    // there (their metrics origin, relative to options.baseDir), that config
    // is the export: its jobs, targets and settings kept byte for byte, a
    // target through the host at today's port moved to the planned one, and
    // the services it lacks appended as jobs.
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
    QString job;     // the service's job name (several targets share one)
    QString target;  // host:port
    QString path;
    QString interval;
    QString serviceId;
    QString hostId;
};
QList<ScrapeTarget> scrapeTargets(const Schema &schema, const QString &scraperHostId);

// The jobs an export writes: one per job name with all of its targets, each
// once; services of one name whose path or interval differ get name-2, ….
struct ScrapeJob
{
    QString name;
    QString path;
    QString interval;
    QStringList targets;
    QStringList serviceIds;
};
QList<ScrapeJob> scrapeJobs(const QList<ScrapeTarget> &targets);

} // namespace Portolan
