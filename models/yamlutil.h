#pragma once

#include "format.h"

#include <yaml-cpp/yaml.h>

#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

// Small helpers over yaml-cpp shared by the compose and Prometheus readers.
// Private to models (yaml-cpp is linked PRIVATE): never include from a public header.
namespace Portolan::Yaml {

// Parses text into a node. Rejects what yaml-cpp would misread or choke on
// (NUL bytes, invalid UTF-8, files above maxSize) with a positioned error.
std::optional<YAML::Node> load(const QByteArray &data, const QString &fileName, qint64 maxSize, ParseError *error);

QString scalar(const YAML::Node &node);
bool isScalar(const YAML::Node &node);
// 1-based position of a node in its file.
SourceLocation location(const YAML::Node &node, const QString &fileName);
ParseError errorAt(const YAML::Node &node, const QString &fileName, const QString &message);

// A mapping's entries with YAML merge keys (`<<: *a`, `<<: [*a, *b]`) applied,
// which yaml-cpp leaves as a literal key: explicit keys win over merged ones,
// and an earlier map of a `<<` list wins over a later one.
class MapView
{
public:
    MapView() = default;
    explicit MapView(const YAML::Node &map);

    bool isValid() const { return mValid; }
    const QList<std::pair<QString, YAML::Node>> &entries() const { return mEntries; }
    YAML::Node value(const QString &key) const; // an undefined node when absent
    bool contains(const QString &key) const;
    YAML::Node keyNode(const QString &key) const;

private:
    void add(const YAML::Node &map, int depth, bool overrideExisting);

    QList<std::pair<QString, YAML::Node>> mEntries;
    QList<YAML::Node> mKeys;
    QHash<QString, qsizetype> mIndex; // key → entry; services maps have thousands of keys
    bool mValid = false;
};

} // namespace Portolan::Yaml
