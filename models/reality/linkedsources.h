#pragma once

#include "finding.h"
#include "format.h"
#include "schema.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// A host's linked sources (compose projects, Prometheus configs, cloudflared
// tunnels, env files) read into what each of them yields, and applied to a
// plan. Reading is the only part that touches files; applying is a pure
// function of the plan and the readings, so the GUI, `check` and the tests
// get the same answer.
namespace Portolan {

// A host:port a file names: a tunnel's ingress rule, an env file's URL.
struct NamedEndpoint
{
    QString host;     // as written: localhost, a container name, an address
    int port = 0;
    QString text;     // the value it was found in
    QString hostname; // cloudflared: the public hostname of the rule
    SourceLocation origin;

    friend bool operator==(const NamedEndpoint &, const NamedEndpoint &) = default;
};

// What one source yielded the last time it was read.
struct SourceReading
{
    QString hostId;
    RealitySource source;
    QStringList absoluteFiles; // the source's files as read
    QDateTime readAt;
    bool ok = false;
    ParseError error;          // when not ok
    QList<Diagnostic> warnings;
    ReadResult result;         // compose, prometheus: the reader's fragment and findings
    QList<NamedEndpoint> endpoints; // cloudflared, env

    // The files this reading's origins name (the source's own, and what
    // compose include:/extends: and Prometheus file_sd reached).
    QStringList originFiles() const;
};

// Where a plan's relative source paths are resolved: the plan file's folder
// (the working directory for an unsaved plan).
QString sourceBaseDir(const QString &planFileName);

// Reads one source; never fails as a whole: an unreadable file gives a
// reading with ok = false and the positioned error. environment replaces
// the process environment for compose interpolation when not null.
SourceReading readSource(const QString &hostId, const RealitySource &source, const QString &baseDir,
                         const QHash<QString, QString> *environment = nullptr);
// Every source of every host, in host and source order.
QList<SourceReading> readSources(const Schema &schema, const QString &baseDir,
                                 const QHash<QString, QString> *environment = nullptr);

struct RealityApplied
{
    Schema schema;           // the plan with each host's reality from its sources
    QList<Finding> findings; // from the sources themselves (errors, replicas, tunnels to nowhere…)
    QStringList summary;     // what changed, for the user
};

// Applies the readings to the plan, host by host: the part of the plan that
// earlier readings of a host's sources set (actual ports, undocumented
// services, references, scrape settings) is taken out, then all of the
// host's readings are merged in together, so a plan service is realised by
// a match from any source of its host and a second compose project never
// overwrites the first. A reading that failed keeps that source's part as
// it was (the last good reading) and adds a source-error finding.
RealityApplied applyReadings(const Schema &plan, const QList<SourceReading> &readings);

// What applyReadings() changes, as a difference to plan: the window applies
// it service by service, so that a re-read file costs what it changes and
// not the size of the plan. rowOf gives a plan service's row (-1: none).
struct RealityDiff
{
    QList<Service> changed;  // plan services with new reality, in plan order
    QList<Service> added;    // undocumented services the sources yield
    QStringList removed;     // plan services that came from the sources and are gone
    std::optional<QList<Reference>> references; // the new list, when it changed
    QList<Finding> findings;
    QStringList summary;

    bool isEmpty() const { return changed.isEmpty() && added.isEmpty() && removed.isEmpty() && !references; }
};
RealityDiff realityDiff(const Schema &plan, const QList<SourceReading> &readings,
                        const std::function<int(const QString &)> &rowOf);
Schema applyDiff(const Schema &plan, const RealityDiff &diff);

// The relative path of file from baseDir when it lies below it, else the
// absolute path (what a plan stores for a linked file).
QString relativeSourcePath(const QString &baseDir, const QString &file);

// A plan whose linked files live in the resources (the built-in sample's,
// base ":/samples") saved into a folder: the files are copied there under
// their relative paths, so that the saved plan still reads them. A file
// already there with the same bytes is kept. When one with other bytes is
// there, nothing is overwritten: the whole set goes into a new folder beside
// the plan (folder, or folder-2, -3…) and hosts holds the plan's hosts with
// the paths that lead there.
struct LinkedSourcesCopy
{
    QStringList written;       // the files written, absolute
    QString folder;            // the new folder, when one was needed (else empty)
    std::optional<QList<Host>> hosts; // the hosts with new paths, when folder is set
};
std::optional<LinkedSourcesCopy> copyLinkedSources(const Schema &schema, const QString &fromDir, const QString &toDir,
                                                   const QString &folder, QString *error);

} // namespace Portolan
