#pragma once

#include "format.h"
#include "yamlutil.h"

namespace Portolan {

// docker-compose files: one host's reality in, a ports:/expose: override
// snippet for one host out.
//
// The fragment read() returns is one Service per port mapping, so that every
// mapping keeps its own file:line. aliases[0] is the compose key and
// aliases[1] the container_name (when it differs); fragment services sharing
// aliases[0] are one compose service, the first of them its main mapping
// (the first published one). Extra mappings are named "KEY:PORT". merge()
// folds them back into the plan: see mergeHostReality() in importmerge.h.
class ComposeFormat : public Format
{
public:
    // Larger files are refused.
    static constexpr qint64 MaxFileSize = Yaml::MaxFileSize;

    ComposeFormat();

    // options.extra: "environment" (QVariantMap) replaces the process
    // environment for interpolation; "envFile" names the .env file
    // (default: .env in options.baseDir).
    std::optional<ReadResult> read(const QByteArray &data, const FormatOptions &options,
                                   ParseError *error) const override;
    std::optional<Schema> merge(const Schema &plan, const ReadResult &fragment, const FormatOptions &options,
                                QStringList *summary, QString *error) const override;
    // options.extra "ports": "planned" (default; the actual port where none is
    // planned) or "actual". "compose": "2.24" (default: an override file
    // whose ports: !override replace the base file's) or "older" (ports to
    // paste into the base file: older Compose adds an override's ports).
    std::optional<QByteArray> write(const Schema &schema, const FormatOptions &options,
                                    QString *error) const override;
};

} // namespace Portolan
