#include "changeset.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace Portolan {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::ChangeSet)
};

// One file's lines, each with its own line end, edited in place.
struct Lines
{
    QList<QByteArray> lines;
    QByteArray original;

    static Lines of(const QByteArray &data)
    {
        Lines l;
        l.original = data;
        qsizetype start = 0;
        while (start < data.size()) {
            const qsizetype end = data.indexOf('\n', start);
            if (end < 0) {
                l.lines.append(data.mid(start));
                break;
            }
            l.lines.append(data.mid(start, end - start + 1));
            start = end + 1;
        }
        return l;
    }
    QByteArray joined() const { return lines.join(); }
};

bool isNumber(QByteArrayView text, int value)
{
    return text == QByteArray::number(value);
}

// The host port of a short compose port spec inside token [begin, end) of
// line: "[ip:]host:container[/proto]", plain or ${VAR:-default}. Replaces
// from by to and returns true when found.
bool editShortSpec(QByteArray &line, qsizetype begin, qsizetype end, int from, int to)
{
    QByteArray spec = line.mid(begin, end - begin);
    const qsizetype slash = spec.lastIndexOf('/');
    if (slash >= 0 && !spec.contains("${"))
        spec.truncate(slash);
    // The host part: the segment before the last ':' that is outside ${…} and [..].
    QList<qsizetype> colons;
    int braces = 0;
    bool bracket = false;
    for (qsizetype i = 0; i < spec.size(); ++i) {
        const char c = spec.at(i);
        if (c == '{')
            ++braces;
        else if (c == '}')
            --braces;
        else if (c == '[')
            bracket = true;
        else if (c == ']')
            bracket = false;
        else if (c == ':' && braces == 0 && !bracket)
            colons.append(i);
    }
    if (colons.isEmpty())
        return false; // container port only: nothing published
    const qsizetype hostEnd = colons.last();
    const qsizetype hostBegin = colons.size() >= 2 ? colons.at(colons.size() - 2) + 1 : 0;
    const QByteArray host = spec.mid(hostBegin, hostEnd - hostBegin);
    if (isNumber(host, from)) {
        line.replace(begin + hostBegin, host.size(), QByteArray::number(to));
        return true;
    }
    // ${API_PORT:-3000}: the default changes (a value set in .env is a manual step).
    static const QRegularExpression defaulted(QStringLiteral("^\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-(\\d+)\\}$"));
    const QRegularExpressionMatch m = defaulted.match(QString::fromUtf8(host));
    if (m.hasMatch() && m.captured(1).toInt() == from) {
        line.replace(begin + hostBegin + m.capturedStart(1), m.capturedLength(1), QByteArray::number(to));
        return true;
    }
    return false;
}

// published: VALUE in the long syntax, from line `first` (column col) to the end of the item.
bool editLongSpec(Lines &file, int first, int col, int from, int to)
{
    static const QRegularExpression published(QStringLiteral("published\\s*:\\s*[\"']?(\\$\\{[^}]*:?-)?(\\d+)"));
    const QByteArray &start = file.lines.at(first);
    const qsizetype itemIndent = start.indexOf('-') >= 0 && start.indexOf('-') < col ? start.indexOf('-') : col - 1;
    for (int i = first; i < file.lines.size(); ++i) {
        QByteArray &line = file.lines[i];
        if (i > first) {
            const qsizetype indent = line.size() - QByteArray(line).trimmed().size() - (line.endsWith('\n') ? 1 : 0);
            const QByteArray trimmed = line.trimmed();
            if (!trimmed.isEmpty() && !trimmed.startsWith('#') && (indent <= itemIndent))
                return false; // the next item or key
        }
        const QString text = QString::fromUtf8(line);
        QRegularExpressionMatch m = published.match(text, i == first ? col - 1 : 0);
        if (m.hasMatch() && m.captured(2).toInt() == from) {
            const QByteArray prefix = text.left(m.capturedStart(2)).toUtf8();
            line.replace(prefix.size(), m.capturedLength(2), QByteArray::number(to));
            return true;
        }
    }
    return false;
}

// The compose ports: entry at origin (the node's position: a scalar or a map).
bool editComposePort(Lines &file, const SourceLocation &origin, int from, int to)
{
    const int index = origin.line - 1;
    if (index < 0 || index >= file.lines.size())
        return false;
    QByteArray &line = file.lines[index];
    qsizetype begin = origin.column - 1;
    if (begin < 0 || begin >= line.size())
        return false;
    const char c = line.at(begin);
    if (c == '{' || (c != '"' && c != '\'' && line.mid(begin).trimmed().startsWith("target")))
        return editLongSpec(file, index, origin.column, from, to);
    if (c == '-' || c == ' ')
        return editLongSpec(file, index, origin.column, from, to);
    qsizetype end = begin;
    if (c == '"' || c == '\'') {
        ++begin;
        end = line.indexOf(c, begin);
        if (end < 0)
            return false;
    } else {
        while (end < line.size() && !QByteArrayView(",]#\r\n").contains(line.at(end)))
            ++end;
        while (end > begin && line.at(end - 1) == ' ')
            --end;
    }
    return editShortSpec(line, begin, end, from, to);
}

// host:from in a line (a URL, a target) → host:to; the first occurrence at or after column.
bool editHostPort(Lines &file, const SourceLocation &origin, int from, int to)
{
    const int index = origin.line - 1;
    if (index < 0 || index >= file.lines.size())
        return false;
    QByteArray &line = file.lines[index];
    const QRegularExpression pattern(QStringLiteral(":%1(?!\\d)").arg(from));
    const QString text = QString::fromUtf8(line);
    const QRegularExpressionMatch m = pattern.match(text, qMax(0, origin.column - 1));
    if (!m.hasMatch())
        return false;
    const qsizetype at = text.left(m.capturedStart()).toUtf8().size();
    line.replace(at + 1, QByteArray::number(from).size(), QByteArray::number(to));
    return true;
}

} // namespace

ChangeSet buildChangeSet(const Schema &schema, const QList<SourceReading> &readings, const QList<Move> &moves)
{
    ChangeSet set;
    QHash<QString, Lines> files;          // by relative path
    QHash<QString, QString> absolute;     // relative → absolute
    QHash<QString, QStringList> movesOf;  // relative → move keys
    QHash<QString, SourceKind> composeFiles;
    for (const SourceReading &r : readings) {
        if (!r.ok)
            continue;
        for (int i = 0; i < r.source.files.size(); ++i)
            absolute.insert(r.source.files.at(i), r.absoluteFiles.value(i));
        for (const QString &f : r.originFiles()) {
            if (!absolute.contains(f))
                absolute.insert(f, QDir::cleanPath(QFileInfo(r.absoluteFiles.first()).dir().absoluteFilePath(
                                       QFileInfo(f).fileName())));
            if (r.source.kind == SourceKind::Compose)
                composeFiles.insert(f, r.source.kind);
        }
    }
    auto open = [&](const QString &path) -> Lines * {
        if (!absolute.contains(path))
            return nullptr;
        auto it = files.find(path);
        if (it == files.end()) {
            QFile file(absolute.value(path));
            if (!file.open(QIODevice::ReadOnly))
                return nullptr;
            it = files.insert(path, Lines::of(file.readAll()));
        }
        return &it.value();
    };

    for (const Move &move : moves) {
        if (move.kind != Move::Kind::Port || move.side != Move::Side::Reality)
            continue;
        const Service *s = schema.service(move.serviceId);
        const QString key = move.key();
        if (!s) {
            set.manual.append({key, Tr::tr("%1 is no longer in the plan.").arg(move.name)});
            continue;
        }
        if (move.changesHost()) {
            set.manual.append({key, Tr::tr("%1 moves to another host: deploy it there and remove it from %2 by hand.")
                                        .arg(move.name, move.fromHostId)});
            continue;
        }
        if (!move.changesPort())
            continue;
        const int from = move.fromPort;
        const int to = move.toPort;
        // A compose service with several published ports, none of them the
        // planned one, was matched by name: which port is this service's is a
        // guess (a mail server's 25 is not its JMAP proxy's 3042). Not carried.
        QList<int> published;
        for (const SourceReading &r : readings) {
            if (!r.ok || r.hostId != s->hostId || r.source.kind != SourceKind::Compose
                || !r.originFiles().contains(s->origin.file))
                continue;
            for (const Service &f : r.result.schema.services) {
                if (f.aliases.value(0) == s->aliases.value(0) && f.actualPort > 0 && !published.contains(f.actualPort))
                    published.append(f.actualPort);
            }
        }
        if (published.size() > 1 && !published.contains(to)) {
            QStringList ports;
            for (int p : std::as_const(published))
                ports.append(QString::number(p));
            set.manual.append({key, Tr::tr("%1 is matched by name to compose service %2, which publishes %3 and not the "
                                           "planned %4; which of them is %1's is not known. Change it by hand.")
                                        .arg(move.name, s->aliases.value(0), ports.join(QStringLiteral(", ")))
                                        .arg(to)});
            continue;
        }
        bool carried = false;
        if (s->origin.isValid() && composeFiles.contains(s->origin.file)) {
            if (Lines *file = open(s->origin.file); file && editComposePort(*file, s->origin, from, to)) {
                carried = true;
                movesOf[s->origin.file].append(key);
            }
        }
        if (!carried) {
            set.manual.append({key, s->origin.isValid()
                                        ? Tr::tr("%1: the port %2 at %3 is not one a linked compose file sets in "
                                                 "its ports: (or it comes from a .env value); change it to %4 there.")
                                              .arg(move.name)
                                              .arg(from)
                                              .arg(s->origin.toString())
                                              .arg(to)
                                        : Tr::tr("%1: no linked source sets its port %2 (code defaults, a scheduled "
                                                 "task…); change it to %3 where it is set.")
                                              .arg(move.name)
                                              .arg(from)
                                              .arg(to)});
            continue;
        }
        set.carried.append(key);
        // What names the service by its host port: env URLs via the host,
        // scrape targets, tunnel rules.
        for (const Reference &r : schema.references) {
            if (r.toServiceId != s->id || r.port != from || !r.viaHost || !absolute.contains(r.origin.file))
                continue;
            if (Lines *file = open(r.origin.file); file && editHostPort(*file, r.origin, from, to))
                movesOf[r.origin.file].append(key);
        }
        if (s->metrics.origin.isValid() && s->metrics.port == from) {
            if (Lines *file = open(s->metrics.origin.file);
                file && editHostPort(*file, s->metrics.origin, from, to))
                movesOf[s->metrics.origin.file].append(key);
        }
        for (const SourceReading &r : readings) {
            if (!r.ok || r.hostId != s->hostId)
                continue;
            for (const NamedEndpoint &e : r.endpoints) {
                if (isLoopbackHost(e.host) && e.port == from) {
                    if (Lines *file = open(e.origin.file); file && editHostPort(*file, e.origin, from, to))
                        movesOf[e.origin.file].append(key);
                }
            }
        }
    }

    QStringList paths = files.keys();
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        const Lines &file = files.value(path);
        const QByteArray after = file.joined();
        if (after == file.original)
            continue;
        QStringList keys = movesOf.value(path);
        keys.removeDuplicates();
        set.files.append({path, absolute.value(path), file.original, after, keys});
    }
    return set;
}

QString unifiedDiff(const QString &path, const QByteArray &before, const QByteArray &after)
{
    if (before == after)
        return {};
    const Lines a = Lines::of(before);
    const Lines b = Lines::of(after);
    // Edits keep the number of lines; a file that changed otherwise is shown whole.
    QList<int> changed;
    if (a.lines.size() == b.lines.size()) {
        for (int i = 0; i < a.lines.size(); ++i) {
            if (a.lines.at(i) != b.lines.at(i))
                changed.append(i);
        }
    }
    QString out = QStringLiteral("--- a/%1\n+++ b/%1\n").arg(path);
    auto emitLine = [&](char prefix, const QByteArray &line) {
        out += QLatin1Char(prefix);
        out += QString::fromUtf8(line);
        if (!line.endsWith('\n'))
            out += QStringLiteral("\n\\ No newline at end of file\n");
    };
    if (changed.isEmpty()) {
        out += QStringLiteral("@@ -1,%1 +1,%2 @@\n").arg(a.lines.size()).arg(b.lines.size());
        for (const QByteArray &l : a.lines)
            emitLine('-', l);
        for (const QByteArray &l : b.lines)
            emitLine('+', l);
        return out;
    }
    constexpr int Context = 3;
    int i = 0;
    while (i < changed.size()) {
        const int first = qMax(0, changed.at(i) - Context);
        int last = qMin(int(a.lines.size()) - 1, changed.at(i) + Context);
        int j = i + 1;
        while (j < changed.size() && changed.at(j) - Context <= last + 1) {
            last = qMin(int(a.lines.size()) - 1, changed.at(j) + Context);
            ++j;
        }
        const int count = last - first + 1;
        out += QStringLiteral("@@ -%1,%2 +%1,%2 @@\n").arg(first + 1).arg(count);
        for (int k = first; k <= last; ++k) {
            if (a.lines.at(k) == b.lines.at(k)) {
                emitLine(' ', a.lines.at(k));
            } else {
                emitLine('-', a.lines.at(k));
                emitLine('+', b.lines.at(k));
            }
        }
        i = j;
    }
    return out;
}

QString ChangeSet::patch() const
{
    QString out;
    for (const FileChange &f : files)
        out += unifiedDiff(f.path, f.before, f.after);
    return out;
}

} // namespace Portolan
