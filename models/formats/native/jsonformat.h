#pragma once

#include "format.h"

namespace Portolan {

// The native format, *.portolan.json: keys in a fixed order, one object per
// service, so that `git diff` shows the change and nothing else.
class JsonFormat : public Format
{
public:
    static constexpr int Version = 1;

    JsonFormat();

    std::optional<ReadResult> read(const QByteArray &data, const FormatOptions &options,
                                   ParseError *error) const override;
    std::optional<QByteArray> write(const Schema &schema, const FormatOptions &options,
                                    QString *error) const override;

    static QByteArray serialize(const Schema &schema);
    static std::optional<Schema> parse(const QByteArray &data, const QString &fileName, ParseError *error);
};

// The native file on disk: read with positioned errors, written atomically.
std::optional<Schema> loadSchemaFile(const QString &fileName, ParseError *error);
bool saveSchemaFile(const QString &fileName, const Schema &schema, QString *error);

// The plan of the mana team, compiled in; what `portolan` opens without a file.
Schema builtInSample();
// The built-in sample with the Mac Mini's real files linked as its sources
// (compose project, Prometheus config, cloudflared tunnel), relative to the
// sample's place in the resources (":/samples"): what the editor opens.
Schema builtInLinkedSample();

// Serializes services alone (for the clipboard) and reads them back.
QByteArray servicesToJson(const QList<Service> &services);
std::optional<QList<Service>> servicesFromJson(const QByteArray &data, ParseError *error);

} // namespace Portolan
