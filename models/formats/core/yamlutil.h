#pragma once

#include "format.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

// A YAML document as the compose and Prometheus readers need it: parsed with
// libyaml into a compact read-only tree whose every node keeps its position.
// Aliases share the anchored node; merge keys are applied by MapView.
namespace Portolan::Yaml {

struct Tree;

class Node
{
public:
    Node() = default; // undefined: what a missing key gives

    bool isDefined() const { return mTree != nullptr; }
    // An empty value, `~` or `null` without quotes.
    bool isNull() const;
    bool isScalar() const;
    bool isMap() const;
    bool isSequence() const;
    // A quoted or block scalar, which is never null and never a merge key.
    bool isQuoted() const;

    QString scalar() const; // empty unless isScalar()
    QString tag() const;    // an explicit tag as written ("!reset", "!override"); empty for most nodes
    int line() const;       // 1-based; 0 when undefined
    int column() const;     // 1-based; 0 when undefined

    // Items of a sequence, or entries of a map (key and value).
    qsizetype size() const;
    Node item(qsizetype i) const;
    Node key(qsizetype i) const;
    Node value(qsizetype i) const;

    class const_iterator
    {
    public:
        const_iterator(const Node *node, qsizetype i) : mNode(node), mIndex(i) { }
        Node operator*() const { return mNode->item(mIndex); }
        const_iterator &operator++()
        {
            ++mIndex;
            return *this;
        }
        bool operator!=(const const_iterator &other) const { return mIndex != other.mIndex; }

    private:
        const Node *mNode;
        qsizetype mIndex;
    };
    // Iterates the items of a sequence; nothing for other nodes.
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, isSequence() ? size() : 0}; }

private:
    friend class Parser;
    friend class MapView;
    Node(std::shared_ptr<const Tree> tree, int index) : mTree(std::move(tree)), mIndex(index) { }
    Node child(qsizetype i) const;

    std::shared_ptr<const Tree> mTree;
    int mIndex = -1;
};

// Parses the first document of text into a tree. Rejects NUL bytes, invalid
// UTF-8, files above maxSize and nesting deeper than any real file with a
// positioned error. An empty document gives a null root.
std::optional<Node> load(const QByteArray &data, const QString &fileName, qint64 maxSize, ParseError *error);

// The limit of the YAML configuration files Portolan reads: real compose and
// Prometheus files are a few KB, and a multi-megabyte one is a mistake (or an
// attack), not a configuration.
inline constexpr qint64 MaxFileSize = 8LL << 20;

// Aliases may repeat at most this many nodes in all (each alias counts the
// nodes a walk over its anchored node visits, nested aliases included), or
// one per AliasBytesPerNode bytes of a larger file: a small file cannot
// expand into millions of values, and a large one at most by what its size
// allows anyway.
inline constexpr qint64 MaxAliasNodes = 100000;
inline constexpr qint64 AliasBytesPerNode = 8;

// load() of a file whose top level must be a mapping; anything else is the
// error notAMapping, at the root (line 1 for an empty file).
std::optional<Node> loadMapping(const QByteArray &data, const QString &fileName, const QString &notAMapping,
                                ParseError *error);

SourceLocation location(const Node &node, const QString &fileName);
ParseError errorAt(const Node &node, const QString &fileName, const QString &message);

// A mapping's entries with YAML merge keys (`<<: *a`, `<<: [*a, *b]`) applied:
// explicit keys win over merged ones, and an earlier map of a `<<` list wins
// over a later one.
class MapView
{
public:
    MapView() = default;
    explicit MapView(const Node &map);

    bool isValid() const { return mValid; }
    const QList<std::pair<QString, Node>> &entries() const { return mEntries; }
    Node value(const QString &key) const; // an undefined node when absent
    bool contains(const QString &key) const;
    Node keyNode(const QString &key) const;

private:
    void add(const Node &map, int depth, bool overrideExisting, QSet<int> *merged);
    qsizetype indexOf(const QString &key) const;

    QList<std::pair<QString, Node>> mEntries;
    QList<Node> mKeys;
    // Built only for large maps (a services map has thousands of keys); a
    // service's own map has a handful, where a scan is faster than hashing.
    QHash<QString, qsizetype> mIndex;
    bool mValid = false;
};

} // namespace Portolan::Yaml
