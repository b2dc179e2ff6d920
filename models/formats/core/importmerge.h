#pragma once

#include "schema.h"
#include "uniqueids.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <optional>

class QUndoCommand;

namespace Portolan {

class SchemaDocument;


// How an imported name relates to a service of the plan; lower is stronger.
enum class NameMatch { None = 0, Exact = 1, Alias = 2, Prefix = 3, Family = 4 };

// Compares the names an import knows (compose key, container name, target
// host) with a plan service: its name, then its aliases, then a name that
// differs only by a leading "word-" prefix (api-gateway ↔ mana-api-gateway),
// then its family — the name without a trailing "(…)" qualifier, as in
// "minio (S3 API)" — which only counts together with a matching port.
NameMatch matchService(const QStringList &names, const Service &service);
// "minio (S3 API)" → "minio"
QString familyName(const QString &name);

// The compose service key of a plan service (aliases[0] once imported from
// compose, else a slug of its name) and its container name (aliases[1], else
// the key): used by the compose and Prometheus exports.
QString composeKey(const Service &service);
QString containerName(const Service &service);

// The services an export for hostId covers: planned there, or running there
// with no planned host; retired ones are left out.
QList<const Service *> servicesForHost(const Schema &schema, const QString &hostId);
// The port an export writes: the planned one (the actual one where none is
// planned), or with useActual the actual one (else the planned one).
int exportPort(const Service &service, bool useActual);

// Merges one host's reality (a compose fragment, see ComposeFormat) into a
// plan. Per compose service:
//  1. each mapping whose port equals a matching plan service's planned port,
//     or its actual port on this host, goes to that service (this is how
//     minio 9000 and 9001 reach "minio (S3 API)" and "minio (Console)");
//  2. a mapping named "KEY:PORT" goes to a plan service of that exact name
//     (an extra mapping imported before);
//  3. the first mapping left goes to the best-matching plan service
//     (name, alias, prefix; an ambiguous prefix match is not taken);
//  4. every other mapping becomes a new service "KEY:PORT", undocumented.
// Only plan services on this host or on no host yet are matched: a plan
// service running elsewhere is another instance, not this one. Plan services
// of the host absent from the file stay as they are and are listed in the
// summary. References found in the file replace those imported earlier
// from the same file.
// takenElsewhere, when given, says which ids outside plan are taken (plan
// is then part of a larger one); new services never get such an id.
// summary may be null: the merge is then the same, without its sentences.
std::optional<Schema> mergeHostReality(const Schema &plan, const Schema &fragment, const QString &hostId,
                                       QStringList *summary, QString *error,
                                       const std::function<bool(const QString &)> &takenElsewhere = {});

// Merges Prometheus scrape targets (a fragment of one Service per target:
// name = job, aliases[0] = target host, metrics set) into the plan's
// services' metrics. hostId, when set, is where the scraper runs: its
// services are preferred and "localhost" means it.
std::optional<Schema> mergeScrapeTargets(const Schema &plan, const Schema &fragment, const QString &hostId,
                                         QStringList *summary, QString *error);

// The difference between the document's schema and a merged one as one
// undoable step: a macro of ReplaceServiceCommand / AddServiceCommand and
// host and reference list changes. Returns nullptr when nothing changed.
QUndoCommand *importCommand(SchemaDocument *document, const Schema &merged, const QString &text);

} // namespace Portolan
