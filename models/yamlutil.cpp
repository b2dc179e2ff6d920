#include "yamlutil.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringDecoder>

namespace Portolan::Yaml {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Yaml)
};
} // namespace

// yaml-cpp accepts a quoted scalar that runs to the end of the file. Such a
// scalar is the last quoted one, so only that one needs its closing quote checked.
static bool lastQuoteIsUnclosed(const YAML::Node &root, const QString &text, YAML::Mark *at)
{
    YAML::Mark last;
    bool found = false;
    QSet<int> visited; // aliases share nodes: visit each container once
    QList<YAML::Node> stack{root};
    while (!stack.isEmpty()) {
        const YAML::Node node = stack.takeLast();
        if (node.IsScalar()) {
            if (node.Tag() == "!" && (!found || node.Mark().pos > last.pos)) {
                last = node.Mark();
                found = true;
            }
            continue;
        }
        if (!node.IsMap() && !node.IsSequence())
            continue;
        if (visited.contains(node.Mark().pos))
            continue;
        visited.insert(node.Mark().pos);
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (node.IsMap()) {
                stack.append(it->first);
                stack.append(it->second);
            } else {
                stack.append(*it);
            }
        }
    }
    if (!found)
        return false;
    const QStringList lines = text.split(QLatin1Char('\n'));
    if (last.line >= lines.size() || last.column >= lines.at(last.line).size())
        return false;
    const QChar quote = lines.at(last.line).at(last.column);
    if (quote != QLatin1Char('"') && quote != QLatin1Char('\''))
        return false;
    int column = last.column + 1;
    for (int line = last.line; line < lines.size(); ++line, column = 0) {
        const QString &l = lines.at(line);
        for (int i = column; i < l.size(); ++i) {
            const QChar c = l.at(i);
            if (quote == QLatin1Char('"') && c == QLatin1Char('\\')) {
                ++i;
            } else if (c == quote) {
                if (quote == QLatin1Char('\'') && i + 1 < l.size() && l.at(i + 1) == quote)
                    ++i;
                else
                    return false;
            }
        }
    }
    *at = last;
    return true;
}

std::optional<YAML::Node> load(const QByteArray &data, const QString &fileName, qint64 maxSize, ParseError *error)
{
    error->file = fileName;
    if (data.size() > maxSize) {
        error->message = Tr::tr("The file is too large for this format (%1 KB; at most %2 KB are read).")
                             .arg(data.size() / 1024)
                             .arg(maxSize / 1024);
        return std::nullopt;
    }
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0) {
        lineColumnAt(data, nul, &error->line, &error->column);
        error->message = Tr::tr("The file contains binary data (a NUL byte), not YAML text.");
        return std::nullopt;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(data);
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
    try {
        YAML::Node root = YAML::Load(data.toStdString());
        YAML::Mark unclosed;
        if (lastQuoteIsUnclosed(root, text, &unclosed)) {
            error->line = unclosed.line + 1;
            error->column = unclosed.column + 1;
            error->message = Tr::tr("Invalid YAML: this quoted string is never closed.");
            return std::nullopt;
        }
        return root;
    } catch (const YAML::Exception &e) {
        error->line = e.mark.is_null() ? 0 : e.mark.line + 1;
        error->column = e.mark.is_null() ? 0 : e.mark.column + 1;
        error->message = Tr::tr("Invalid YAML: %1").arg(QString::fromStdString(e.msg));
        return std::nullopt;
    }
}

QString scalar(const YAML::Node &node)
{
    if (!node.IsDefined() || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

bool isScalar(const YAML::Node &node)
{
    return node.IsDefined() && node.IsScalar();
}

SourceLocation location(const YAML::Node &node, const QString &fileName)
{
    SourceLocation location;
    location.file = fileName;
    if (node.IsDefined() && !node.Mark().is_null()) {
        location.line = node.Mark().line + 1;
        location.column = node.Mark().column + 1;
    }
    return location;
}

ParseError errorAt(const YAML::Node &node, const QString &fileName, const QString &message)
{
    ParseError error;
    const SourceLocation where = location(node, fileName);
    error.file = fileName;
    error.line = where.line;
    error.column = where.column;
    error.message = message;
    return error;
}

MapView::MapView(const YAML::Node &map)
{
    if (!map.IsDefined() || !map.IsMap())
        return;
    mValid = true;
    add(map, 0, true);
}

void MapView::add(const YAML::Node &map, int depth, bool overrideExisting)
{
    // Merges nest (an anchored map may itself merge another); a cycle is impossible
    // in YAML aliases, but a depth bound keeps a hostile file harmless.
    if (depth > 64)
        return;
    QList<YAML::Node> merged;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = scalar(it->first);
        if (key == QLatin1String("<<") && it->first.Tag() != "!") {
            // A copy: it->second lives in a proxy that dies with the expression.
            const YAML::Node value = it->second;
            if (value.IsMap()) {
                merged.append(value);
            } else if (value.IsSequence()) {
                for (const YAML::Node &item : value) {
                    if (item.IsMap())
                        merged.append(item);
                }
            }
            continue;
        }
        const qsizetype existing = mIndex.value(key, -1);
        if (existing >= 0) {
            if (overrideExisting) {
                mEntries[existing].second = it->second;
                mKeys[existing] = it->first;
            }
            continue;
        }
        mIndex.insert(key, mEntries.size());
        mEntries.append({key, it->second});
        mKeys.append(it->first);
    }
    // Explicit keys were added first, so merged maps only fill what is missing;
    // earlier maps of a list win because they are added first.
    for (const YAML::Node &m : std::as_const(merged))
        add(m, depth + 1, false);
}

YAML::Node MapView::value(const QString &key) const
{
    const qsizetype i = mIndex.value(key, -1);
    return i < 0 ? YAML::Node(YAML::NodeType::Undefined) : mEntries.at(i).second;
}

bool MapView::contains(const QString &key) const
{
    return mIndex.contains(key);
}

YAML::Node MapView::keyNode(const QString &key) const
{
    const qsizetype i = mIndex.value(key, -1);
    return i < 0 ? YAML::Node(YAML::NodeType::Undefined) : mKeys.at(i);
}

} // namespace Portolan::Yaml
