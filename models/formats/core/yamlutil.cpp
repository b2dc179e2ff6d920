#include "yamlutil.h"

#include <yaml.h>

#include <QCoreApplication>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace Portolan::Yaml {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Yaml)
};

// Far deeper than any compose or Prometheus file; keeps hostile input harmless.
constexpr int MaxDepth = 200;
} // namespace

struct Tree
{
    enum class Type : quint8 { Null, Scalar, Sequence, Map };
    struct Data
    {
        Type type = Type::Null;
        bool quoted = false;
        int line = 0; // 1-based
        int column = 0;
        int first = 0; // into children; a map's children are key, value, key, value…
        int count = 0;
        QString scalar;
        QString tag; // an explicit tag such as !reset; empty for most nodes
    };
    std::vector<Data> nodes;
    std::vector<int> children;
};

using Type = Tree::Type;

QString Node::tag() const
{
    return mTree ? mTree->nodes[mIndex].tag : QString();
}

bool Node::isNull() const
{
    return mTree && mTree->nodes[mIndex].type == Type::Null;
}

bool Node::isScalar() const
{
    return mTree && mTree->nodes[mIndex].type == Type::Scalar;
}

bool Node::isMap() const
{
    return mTree && mTree->nodes[mIndex].type == Type::Map;
}

bool Node::isSequence() const
{
    return mTree && mTree->nodes[mIndex].type == Type::Sequence;
}

bool Node::isQuoted() const
{
    return mTree && mTree->nodes[mIndex].quoted;
}

QString Node::scalar() const
{
    return isScalar() ? mTree->nodes[mIndex].scalar : QString();
}

int Node::line() const
{
    return mTree ? mTree->nodes[mIndex].line : 0;
}

int Node::column() const
{
    return mTree ? mTree->nodes[mIndex].column : 0;
}

qsizetype Node::size() const
{
    if (!mTree)
        return 0;
    const Tree::Data &d = mTree->nodes[mIndex];
    return d.type == Type::Map ? d.count / 2 : d.count;
}

Node Node::child(qsizetype i) const
{
    const Tree::Data &d = mTree->nodes[mIndex];
    if (i < 0 || i >= d.count)
        return {};
    return Node(mTree, mTree->children[d.first + i]);
}

Node Node::item(qsizetype i) const
{
    return isSequence() ? child(i) : Node();
}

Node Node::key(qsizetype i) const
{
    return isMap() ? child(2 * i) : Node();
}

Node Node::value(qsizetype i) const
{
    return isMap() ? child(2 * i + 1) : Node();
}

// Builds the tree from libyaml's events. Containers collect their children on
// one shared stack and move them into place when they end, so building is
// linear and allocates little.
class Parser
{
public:
    explicit Parser(const QString &fileName) : mFileName(fileName) { }
    ~Parser()
    {
        if (mInitialized)
            yaml_parser_delete(&mParser);
    }

    std::optional<Node> parse(const QByteArray &data, ParseError *error);

private:
    struct Open
    {
        int node;
        qsizetype pendingStart;
        // The list of a merge key (`<<: [*a, *b]`): MapView merges each map
        // once, so an alias repeated in it costs nothing more.
        bool mergeList = false;
    };

    bool fail(ParseError *error, int line, int column, const QString &message);
    bool failFromParser(const QByteArray &data, ParseError *error);
    int addNode(Type type, const yaml_mark_t &mark);
    void attach(int node);
    bool checkUniqueKeys(const Tree::Data &map, ParseError *error);
    bool handle(const yaml_event_t &event, ParseError *error);
    bool atMergeValue() const;

    QString mFileName;
    yaml_parser_t mParser;
    bool mInitialized = false;
    std::shared_ptr<Tree> mTree = std::make_shared<Tree>();
    std::vector<Open> mOpen;
    std::vector<int> mPending;
    QHash<QByteArray, int> mAnchors;
    // Per node: how many nodes a walk over it visits, aliases followed.
    std::vector<qint64> mExpanded;
    qint64 mAliasNodes = 0; // nodes reachable only through aliases so far
    qint64 mAliasLimit = MaxAliasNodes;
    int mRoot = -1;
    bool mDocumentDone = false;
};

bool Parser::fail(ParseError *error, int line, int column, const QString &message)
{
    error->file = mFileName;
    error->line = line;
    error->column = column;
    error->message = message;
    return false;
}

bool Parser::failFromParser(const QByteArray &data, ParseError *error)
{
    const QString problem = QString::fromUtf8(mParser.problem ? mParser.problem : "unknown error");
    // The reader (control characters and the like) gives a byte offset, not a mark.
    if (mParser.error == YAML_READER_ERROR) {
        fail(error, 0, 0, {});
        lineColumnAt(data, qint64(mParser.problem_offset), &error->line, &error->column);
        error->message = mParser.problem_value >= 0
            ? Tr::tr("Invalid YAML: %1 (character U+%2).")
                  .arg(problem)
                  .arg(QString::number(mParser.problem_value, 16).toUpper().rightJustified(4, QLatin1Char('0')))
            : Tr::tr("Invalid YAML: %1").arg(problem);
        return false;
    }
    // An unclosed quote runs to the end of the file; where it opened is what
    // the user needs to see.
    if (mParser.context && qstrcmp(mParser.context, "while scanning a quoted scalar") == 0)
        return fail(error, int(mParser.context_mark.line) + 1, int(mParser.context_mark.column) + 1,
                    Tr::tr("Invalid YAML: this quoted string is never closed."));
    const QString message = mParser.context
        ? QStringLiteral("%1 %2").arg(QString::fromUtf8(mParser.context), problem)
        : problem;
    return fail(error, int(mParser.problem_mark.line) + 1, int(mParser.problem_mark.column) + 1,
                Tr::tr("Invalid YAML: %1").arg(message));
}

int Parser::addNode(Type type, const yaml_mark_t &mark)
{
    Tree::Data d;
    d.type = type;
    d.line = int(mark.line) + 1;
    d.column = int(mark.column) + 1;
    mTree->nodes.push_back(std::move(d));
    mExpanded.push_back(1);
    return int(mTree->nodes.size()) - 1;
}

void Parser::attach(int node)
{
    if (mOpen.empty())
        mRoot = node;
    else
        mPending.push_back(node);
}

static bool isNullScalar(const yaml_event_t &event)
{
    const auto &s = event.data.scalar;
    if (s.style != YAML_PLAIN_SCALAR_STYLE || !s.plain_implicit)
        return false;
    const auto *v = reinterpret_cast<const char *>(s.value);
    return s.length == 0 || qstrcmp(v, "~") == 0 || qstrcmp(v, "null") == 0 || qstrcmp(v, "Null") == 0
        || qstrcmp(v, "NULL") == 0;
}

// Compose and Prometheus both refuse a mapping with a key twice; silently
// taking one of them would hide a real mistake.
bool Parser::checkUniqueKeys(const Tree::Data &map, ParseError *error)
{
    const int keys = map.count / 2;
    // A null key reads as "" (as MapView sees it); lists and maps as keys are not compared.
    auto isTextKey = [](const Tree::Data &k) { return k.type == Type::Scalar || k.type == Type::Null; };
    auto keyAt = [&](int i) -> const Tree::Data & { return mTree->nodes[mTree->children[map.first + 2 * i]]; };
    auto duplicate = [&](const Tree::Data &first, const Tree::Data &second) {
        return fail(error, second.line, second.column,
                    Tr::tr("Invalid YAML: the key \"%1\" appears twice in this mapping (first on line %2).")
                        .arg(second.scalar)
                        .arg(first.line));
    };
    if (keys <= 16) {
        for (int i = 1; i < keys; ++i) {
            const Tree::Data &k = keyAt(i);
            if (!isTextKey(k))
                continue;
            for (int j = 0; j < i; ++j) {
                if (isTextKey(keyAt(j)) && keyAt(j).scalar == k.scalar)
                    return duplicate(keyAt(j), k);
            }
        }
        return true;
    }
    QHash<QString, int> seen;
    seen.reserve(keys);
    for (int i = 0; i < keys; ++i) {
        const Tree::Data &k = keyAt(i);
        if (!isTextKey(k))
            continue;
        const auto it = seen.constFind(k.scalar);
        if (it != seen.cend())
            return duplicate(keyAt(it.value()), k);
        seen.insert(k.scalar, i);
    }
    return true;
}

// True where the next node is the value of a `<<` merge key.
bool Parser::atMergeValue() const
{
    if (mOpen.empty())
        return false;
    const Open &open = mOpen.back();
    if (mTree->nodes[open.node].type != Type::Map || (mPending.size() - open.pendingStart) % 2 == 0)
        return false;
    const Tree::Data &key = mTree->nodes[mPending.back()];
    return key.type == Type::Scalar && !key.quoted && key.scalar == QLatin1String("<<");
}

bool Parser::handle(const yaml_event_t &event, ParseError *error)
{
    const yaml_mark_t &mark = event.start_mark;
    switch (event.type) {
    case YAML_SCALAR_EVENT: {
        const bool null = isNullScalar(event);
        const int node = addNode(null ? Type::Null : Type::Scalar, mark);
        Tree::Data &d = mTree->nodes[node];
        d.quoted = event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
        if (!null)
            d.scalar = QString::fromUtf8(reinterpret_cast<const char *>(event.data.scalar.value),
                                         qsizetype(event.data.scalar.length));
        if (event.data.scalar.tag)
            d.tag = QString::fromUtf8(reinterpret_cast<const char *>(event.data.scalar.tag));
        if (event.data.scalar.anchor)
            mAnchors.insert(QByteArray(reinterpret_cast<const char *>(event.data.scalar.anchor)), node);
        attach(node);
        return true;
    }
    case YAML_ALIAS_EVENT: {
        const QByteArray anchor(reinterpret_cast<const char *>(event.data.alias.anchor));
        const auto it = mAnchors.constFind(anchor);
        if (it == mAnchors.cend())
            return fail(error, int(mark.line) + 1, int(mark.column) + 1,
                        Tr::tr("Invalid YAML: the alias *%1 names no anchor defined before it.")
                            .arg(QString::fromUtf8(anchor)));
        // A node containing itself would make every walk over it endless.
        if (std::any_of(mOpen.cbegin(), mOpen.cend(), [&](const Open &open) { return open.node == it.value(); }))
            return fail(error, int(mark.line) + 1, int(mark.column) + 1,
                        Tr::tr("Invalid YAML: the alias *%1 refers to the node that contains it.")
                            .arg(QString::fromUtf8(anchor)));
        // Each alias repeats its node's whole walk; a few small anchors are
        // normal, a list of aliases of lists of aliases is a "billion laughs".
        // (Only short lists are searched; a long one counts every alias.)
        const Open *list = mOpen.empty() || !mOpen.back().mergeList ? nullptr : &mOpen.back();
        const bool repeatedMerge = list && mPending.size() - list->pendingStart <= 64
            && std::find(mPending.cbegin() + list->pendingStart, mPending.cend(), it.value()) != mPending.cend();
        if (!repeatedMerge)
            mAliasNodes += mExpanded[size_t(it.value())];
        if (mAliasNodes > mAliasLimit)
            return fail(error, int(mark.line) + 1, int(mark.column) + 1,
                        Tr::tr("Invalid YAML: the aliases expand to more than %L1 nodes.").arg(mAliasLimit));
        attach(it.value());
        return true;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        if (int(mOpen.size()) >= MaxDepth)
            return fail(error, int(mark.line) + 1, int(mark.column) + 1,
                        Tr::tr("Invalid YAML: nested more than %1 levels deep.").arg(MaxDepth));
        const bool sequence = event.type == YAML_SEQUENCE_START_EVENT;
        const int node = addNode(sequence ? Type::Sequence : Type::Map, mark);
        const yaml_char_t *anchor = sequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor;
        const bool mergeList = sequence && atMergeValue();
        const yaml_char_t *tag = sequence ? event.data.sequence_start.tag : event.data.mapping_start.tag;
        if (tag)
            mTree->nodes[node].tag = QString::fromUtf8(reinterpret_cast<const char *>(tag));
        mOpen.push_back({node, qsizetype(mPending.size()), mergeList});
        // Registered now, as YAML defines it: a redefinition inside the node
        // replaces it for the aliases that follow.
        if (anchor)
            mAnchors.insert(QByteArray(reinterpret_cast<const char *>(anchor)), node);
        return true;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: {
        const Open open = mOpen.back();
        mOpen.pop_back();
        Tree::Data &d = mTree->nodes[open.node];
        d.first = int(mTree->children.size());
        d.count = int(mPending.size() - open.pendingStart);
        mTree->children.insert(mTree->children.end(), mPending.begin() + open.pendingStart, mPending.end());
        qint64 expanded = 1;
        const bool dedupe = open.mergeList && mPending.size() - open.pendingStart <= 64;
        for (auto child = mPending.cbegin() + open.pendingStart; child != mPending.cend(); ++child) {
            if (dedupe && std::find(mPending.cbegin() + open.pendingStart, child, *child) != child)
                continue; // merged once only
            expanded = qMin(expanded + mExpanded[size_t(*child)], mAliasLimit + 1);
        }
        mExpanded[size_t(open.node)] = expanded;
        mPending.resize(open.pendingStart);
        if (event.type == YAML_MAPPING_END_EVENT && !checkUniqueKeys(d, error))
            return false;
        attach(open.node);
        return true;
    }
    case YAML_DOCUMENT_END_EVENT:
        mDocumentDone = true;
        return true;
    default:
        return true;
    }
}

std::optional<Node> Parser::parse(const QByteArray &data, ParseError *error)
{
    if (!yaml_parser_initialize(&mParser)) {
        fail(error, 0, 0, Tr::tr("Out of memory while reading YAML."));
        return std::nullopt;
    }
    mInitialized = true;
    yaml_parser_set_input_string(&mParser, reinterpret_cast<const unsigned char *>(data.constData()),
                                 size_t(data.size()));
    mAliasLimit = qMax(MaxAliasNodes, qint64(data.size()) / AliasBytesPerNode);
    mTree->nodes.reserve(size_t(data.size() / 12));
    mTree->children.reserve(size_t(data.size() / 12));
    // Only the first document counts, as for Compose itself.
    while (!mDocumentDone) {
        yaml_event_t event;
        if (!yaml_parser_parse(&mParser, &event)) {
            failFromParser(data, error);
            return std::nullopt;
        }
        const bool streamEnd = event.type == YAML_STREAM_END_EVENT;
        const bool ok = handle(event, error);
        yaml_event_delete(&event);
        if (!ok)
            return std::nullopt;
        if (streamEnd)
            break;
    }
    if (mRoot < 0) {
        // An empty file: a null document.
        Tree::Data d;
        d.line = 1;
        d.column = 1;
        mTree->nodes.push_back(d);
        mRoot = int(mTree->nodes.size()) - 1;
    }
    return Node(mTree, mRoot);
}

std::optional<Node> load(const QByteArray &data, const QString &fileName, qint64 maxSize, ParseError *error)
{
    error->file = fileName;
    if (data.size() > maxSize) {
        // Where reading stops: usually a sign of what made the file so large.
        lineColumnAt(data, maxSize, &error->line, &error->column);
        error->message = Tr::tr("The file is too large for this format (%1 KB; at most the %2 KB up to here are read).")
                             .arg(data.size() / 1024)
                             .arg(maxSize / 1024);
        return std::nullopt;
    }
    if (refuseUtf16(data, error))
        return std::nullopt;
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0) {
        lineColumnAt(data, nul, &error->line, &error->column);
        error->message = Tr::tr("The file contains binary data (a NUL byte), not YAML text.");
        return std::nullopt;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(data); // decoding is lazy: it happens on conversion
    if (decoder.hasError()) {
        // Find the first byte that does not decode, for the position.
        qsizetype bad = 0;
        for (qsizetype lineStart = 0; lineStart < data.size();) {
            qsizetype end = data.indexOf('\n', lineStart);
            if (end < 0)
                end = data.size();
            QStringDecoder lineDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString lineText = lineDecoder.decode(data.mid(lineStart, end - lineStart));
            if (lineDecoder.hasError()) {
                const qsizetype replacement = lineText.indexOf(QChar::ReplacementCharacter);
                bad = lineStart + qMax<qsizetype>(0, lineText.left(replacement).toUtf8().size());
                break;
            }
            lineStart = end + 1;
        }
        lineColumnAt(data, bad, &error->line, &error->column);
        error->message = Tr::tr("The file is not valid UTF-8 text.");
        return std::nullopt;
    }
    Parser parser(fileName);
    return parser.parse(data, error);
}

SourceLocation location(const Node &node, const QString &fileName)
{
    SourceLocation location;
    location.file = fileName;
    location.line = node.line();
    location.column = node.column();
    return location;
}

std::optional<Node> loadMapping(const QByteArray &data, const QString &fileName, const QString &notAMapping,
                                ParseError *error)
{
    std::optional<Node> root = load(data, fileName, MaxFileSize, error);
    if (root && !root->isMap()) {
        *error = errorAt(*root, fileName, notAMapping);
        if (error->line == 0)
            error->line = 1;
        return std::nullopt;
    }
    return root;
}

ParseError errorAt(const Node &node, const QString &fileName, const QString &message)
{
    ParseError error;
    error.file = fileName;
    error.line = node.line();
    error.column = node.column();
    error.message = message;
    return error;
}

MapView::MapView(const Node &map)
{
    if (!map.isMap())
        return;
    mValid = true;
    QSet<int> merged;
    add(map, 0, true, &merged);
}

qsizetype MapView::indexOf(const QString &key) const
{
    if (!mIndex.isEmpty())
        return mIndex.value(key, -1);
    for (qsizetype i = 0; i < mEntries.size(); ++i) {
        if (mEntries.at(i).first == key)
            return i;
    }
    return -1;
}

void MapView::add(const Node &map, int depth, bool overrideExisting, QSet<int> *merged)
{
    // Merges nest (an anchored map may itself merge another). A map merged
    // once adds nothing the second time, so each is merged at most once:
    // without that, `<<: [*a, *a]` chains double the work per level.
    if (depth > 64 || (depth > 0 && merged->contains(map.mIndex)))
        return;
    if (depth > 0)
        merged->insert(map.mIndex);
    constexpr qsizetype IndexFrom = 16;
    QList<Node> toMerge;
    const qsizetype n = map.size();
    for (qsizetype i = 0; i < n; ++i) {
        const Node keyNode = map.key(i);
        const QString key = keyNode.scalar();
        if (key == QLatin1String("<<") && !keyNode.isQuoted()) {
            const Node value = map.value(i);
            if (value.isMap()) {
                toMerge.append(value);
            } else if (value.isSequence()) {
                for (const Node &item : value) {
                    if (item.isMap())
                        toMerge.append(item);
                }
            }
            continue;
        }
        const qsizetype existing = indexOf(key);
        if (existing >= 0) {
            if (overrideExisting) {
                mEntries[existing].second = map.value(i);
                mKeys[existing] = keyNode;
            }
            continue;
        }
        if (!mIndex.isEmpty() || mEntries.size() + 1 >= IndexFrom) {
            if (mIndex.isEmpty()) {
                mIndex.reserve(n);
                for (qsizetype j = 0; j < mEntries.size(); ++j)
                    mIndex.insert(mEntries.at(j).first, j);
            }
            mIndex.insert(key, mEntries.size());
        }
        mEntries.append({key, map.value(i)});
        mKeys.append(keyNode);
    }
    // Explicit keys were added first, so merged maps only fill what is missing;
    // earlier maps of a list win because they are added first.
    for (const Node &m : std::as_const(toMerge))
        add(m, depth + 1, false, merged);
}

Node MapView::value(const QString &key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? Node() : mEntries.at(i).second;
}

bool MapView::contains(const QString &key) const
{
    return indexOf(key) >= 0;
}

Node MapView::keyNode(const QString &key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? Node() : mKeys.at(i);
}

} // namespace Portolan::Yaml
