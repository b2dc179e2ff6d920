#pragma once

#include "format.h"

namespace Portolan {

// NAME_PORT=3001 lines for development set-ups.
class EnvFormat : public Format
{
public:
    EnvFormat();

    // options.hostId limits the lines to one host; options.extra "ports":
    // "planned" (default) or "actual".
    std::optional<QByteArray> write(const Schema &schema, const FormatOptions &options,
                                    QString *error) const override;

    // "minio (S3 API)" → "MINIO_S3_API"
    static QString variableStem(const QString &name);
};

} // namespace Portolan
