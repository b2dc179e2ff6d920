#include "changeset.h"

#include "analyzer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QSet>

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
// from by to and returns true when found. A host port that is a variable
// set in the env file (variables) is named in variableName instead.
bool editShortSpec(QByteArray &line, qsizetype begin, qsizetype end, int from, int to,
                   const QSet<QString> *variables, QString *variableName)
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
    // ${API_PORT:-3000}: the default changes when it is the value in use;
    // otherwise the variable is named so that its .env line can change.
    static const QRegularExpression variable(
        QStringLiteral("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?]([^}]*))?\\}$|^\\$([A-Za-z_][A-Za-z0-9_]*)$"));
    const QRegularExpressionMatch m = variable.match(QString::fromUtf8(host));
    if (!m.hasMatch())
        return false;
    if (m.capturedLength(2) > 0 && m.captured(2).toInt() == from && !(variables && variables->contains(m.captured(1)))) {
        line.replace(begin + hostBegin + m.capturedStart(2), m.capturedLength(2), QByteArray::number(to));
        return true;
    }
    if (variableName)
        *variableName = m.capturedLength(1) > 0 ? m.captured(1) : m.captured(3);
    return false;
}

// NAME=from in an env file (optionally exported or quoted) → NAME=to.
bool editEnvValue(Lines &file, const QString &name, int from, int to)
{
    const QRegularExpression assignment(
        QStringLiteral("^(\\s*(?:export\\s+)?%1\\s*=\\s*[\"']?)(\\d+)([\"']?\\s*(?:#.*)?)$")
            .arg(QRegularExpression::escape(name)));
    for (QByteArray &line : file.lines) {
        QByteArray body = line;
        QByteArray end;
        while (body.endsWith('\n') || body.endsWith('\r')) {
            end.prepend(body.back());
            body.chop(1);
        }
        const QRegularExpressionMatch m = assignment.match(QString::fromUtf8(body));
        if (!m.hasMatch() || m.captured(2).toInt() != from)
            continue;
        line = (m.captured(1) + QString::number(to) + m.captured(3)).toUtf8() + end;
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
bool editComposePort(Lines &file, const SourceLocation &origin, int from, int to,
                     const QSet<QString> *variables = nullptr, QString *variableName = nullptr)
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
    return editShortSpec(line, begin, end, from, to, variables, variableName);
}

// host:from in a line (a URL, a target) → host:to; the first occurrence at
// or after column. With reachesHost, only when the name before the port is
// one for the host itself (a target by container name and container port
// stays: the host port is not what it uses).
bool editHostPort(Lines &file, const SourceLocation &origin, int from, int to,
                  const std::function<bool(const QString &)> &reachesHost = {})
{
    const int index = origin.line - 1;
    if (index < 0 || index >= file.lines.size())
        return false;
    QByteArray &line = file.lines[index];
    const QRegularExpression pattern(QStringLiteral("([A-Za-z0-9_.\\-]+|\\[[0-9A-Fa-f:.]+\\]):%1(?!\\d)").arg(from));
    const QString text = QString::fromUtf8(line);
    const QRegularExpressionMatch m = pattern.match(text, qMax(0, origin.column - 1));
    if (!m.hasMatch())
        return false;
    QString name = m.captured(1);
    if (name.startsWith(QLatin1Char('[')))
        name = name.mid(1, name.size() - 2);
    if (reachesHost && !reachesHost(name))
        return false;
    const qsizetype at = text.left(m.capturedEnd(1)).toUtf8().size();
    line.replace(at + 1, QByteArray::number(from).size(), QByteArray::number(to));
    return true;
}

// The text of a Markdown table cell without code, emphasis or link marks.
QString plainCell(QString cell)
{
    cell = cell.trimmed();
    static const QRegularExpression link(QStringLiteral("^\\[(.*)\\]\\([^)]*\\)$"));
    if (const QRegularExpressionMatch m = link.match(cell); m.hasMatch())
        cell = m.captured(1);
    while (cell.size() >= 2 && QStringView(u"`*_").contains(cell.front()) && cell.back() == cell.front())
        cell = cell.mid(1, cell.size() - 2).trimmed();
    return cell;
}

// The doc's table row of the service (a cell naming it, a cell holding
// from): from → to in that cell. Every other byte stays.
bool editDocRow(Lines &doc, const QStringList &names, int from, int to)
{
    const QString port = QString::number(from);
    for (QByteArray &line : doc.lines) {
        const QString text = QString::fromUtf8(line);
        if (!text.trimmed().startsWith(QLatin1Char('|')) || !text.contains(port))
            continue;
        // Cell boundaries: pipes that are not escaped.
        QList<qsizetype> pipes;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('|') && (i == 0 || text.at(i - 1) != QLatin1Char('\\')))
                pipes.append(i);
        }
        qsizetype portCell = -1;
        bool named = false;
        for (qsizetype c = 0; c + 1 < pipes.size(); ++c) {
            const QString cell = plainCell(text.mid(pipes.at(c) + 1, pipes.at(c + 1) - pipes.at(c) - 1));
            if (cell == port && portCell < 0)
                portCell = c;
            for (const QString &name : names)
                named = named || cell.compare(name, Qt::CaseInsensitive) == 0;
        }
        if (!named || portCell < 0)
            continue;
        const qsizetype at = text.indexOf(port, pipes.at(portCell));
        line = (text.left(at) + QString::number(to) + text.mid(at + port.size())).toUtf8();
        return true;
    }
    return false;
}

// The doc's status line of the service, "- name `3061`" (or "name: 3061"),
// in a list or quoted list: from → to.
bool editDocStatus(Lines &doc, const QStringList &names, int from, int to)
{
    for (const QString &name : names) {
        if (name.isEmpty())
            continue;
        const QRegularExpression status(QStringLiteral("(?<![\\w-])%1(?![\\w-])\\s*(?::\\s*)?(`?)(%2)\\1(?!\\d)")
                                            .arg(QRegularExpression::escape(name))
                                            .arg(from),
                                        QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression bullet(QStringLiteral("^\\s*(>\\s*)*([-*+]|\\d+[.)])?\\s"));
        for (QByteArray &line : doc.lines) {
            const QString text = QString::fromUtf8(line);
            if (text.trimmed().startsWith(QLatin1Char('|')))
                continue; // a table row is the plan, not the status
            const QRegularExpressionMatch m = status.match(text);
            if (!m.hasMatch())
                continue;
            // A list item or its continuation (an indented or quoted line).
            if (!bullet.match(text).hasMatch() && !text.startsWith(QLatin1Char(' ')) && !text.startsWith(QLatin1Char('>')))
                continue;
            line = (text.left(m.capturedStart(2)) + QString::number(to) + text.mid(m.capturedEnd(2))).toUtf8();
            return true;
        }
    }
    return false;
}

} // namespace

namespace {

// The folder a reading's relative paths are resolved against (the plan's).
QString readingBaseDir(const SourceReading &r)
{
    const QString relative = QDir::cleanPath(r.source.files.value(0));
    const QString absolute = QDir::cleanPath(r.absoluteFiles.value(0));
    if (QDir::isAbsolutePath(relative) || !absolute.endsWith(relative))
        return QFileInfo(absolute).path();
    return QDir::cleanPath(absolute.left(absolute.size() - relative.size()));
}

// The env file a compose reading interpolates with: the one it names, or
// the .env beside its first file.
QString composeEnvFile(const SourceReading &r)
{
    if (!r.source.envFile.isEmpty())
        return QDir::cleanPath(QDir(readingBaseDir(r)).absoluteFilePath(r.source.envFile));
    return QDir::cleanPath(QFileInfo(r.absoluteFiles.value(0)).dir().filePath(QStringLiteral(".env")));
}

QSet<QString> envVariables(const QByteArray &data)
{
    static const QRegularExpression assignment(QStringLiteral("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*="));
    QSet<QString> names;
    for (const QByteArray &line : data.split('\n')) {
        const QRegularExpressionMatch m = assignment.match(QString::fromUtf8(line));
        if (m.hasMatch())
            names.insert(m.captured(1));
    }
    return names;
}

} // namespace

ChangeSet buildChangeSet(const Schema &schema, const QList<SourceReading> &readings, const QList<Move> &moves)
{
    ChangeSet set;
    QHash<QString, Lines> files;          // by relative path
    QHash<QString, QString> absolute;     // relative → absolute
    QHash<QString, QStringList> movesOf;  // relative → move keys
    QSet<QString> composeFiles;
    QHash<QString, QString> envFileOf;    // compose file → its env file (relative), when it exists
    QStringList docs;                     // the port documentation, of any host
    for (const SourceReading &r : readings) {
        if (!r.ok)
            continue;
        if (r.source.kind == SourceKind::Doc && !docs.contains(r.source.files.first()))
            docs.append(r.source.files.first());
        const QString base = readingBaseDir(r);
        for (int i = 0; i < r.source.files.size(); ++i)
            absolute.insert(r.source.files.at(i), r.absoluteFiles.value(i));
        for (const QString &f : r.originFiles()) {
            if (!absolute.contains(f))
                absolute.insert(f, QDir::cleanPath(QDir(base).absoluteFilePath(f)));
            if (r.source.kind == SourceKind::Compose)
                composeFiles.insert(f);
        }
        if (r.source.kind == SourceKind::Compose) {
            const QString env = composeEnvFile(r);
            if (QFileInfo::exists(env)) {
                const QString relative = relativeSourcePath(base, env);
                absolute.insert(relative, env);
                for (const QString &f : r.originFiles())
                    envFileOf.insert(f, relative);
            }
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
        if (move.kind != Move::Kind::Port)
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
        // What runs goes from the port it runs on to the move's new one.
        const int from = s->actualPort > 0 ? s->actualPort : move.fromPort;
        const int to = move.toPort;
        if (!move.changesPort() || from == to || to <= 0)
            continue;
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
            const QString envFile = envFileOf.value(s->origin.file);
            QSet<QString> variables;
            if (Lines *env = envFile.isEmpty() ? nullptr : open(envFile))
                variables = envVariables(env->joined());
            QString variable;
            if (Lines *file = open(s->origin.file);
                file && editComposePort(*file, s->origin, from, to, &variables, &variable)) {
                carried = true;
                movesOf[s->origin.file].append(key);
            } else if (!variable.isEmpty() && variables.contains(variable)) {
                // ports: "${API_PORT:-3000}:3000" with API_PORT=3061 in .env: the value changes there.
                if (Lines *env = open(envFile); env && editEnvValue(*env, variable, from, to)) {
                    carried = true;
                    movesOf[envFile].append(key);
                }
            }
        }
        if (!carried) {
            set.manual.append({key, s->origin.isValid()
                                        ? Tr::tr("%1: the port %2 at %3 is not one a linked compose file sets in "
                                                 "its ports: or its .env file; change it to %4 there.")
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
        // The documentation: the status line says what runs; a plan move changes the table row too.
        QStringList names{s->name};
        names += s->aliases;
        for (const QString &doc : std::as_const(docs)) {
            Lines *file = open(doc);
            if (!file)
                continue;
            if (editDocStatus(*file, names, from, to))
                movesOf[doc].append(key);
            if (move.side == Move::Side::Plan && editDocRow(*file, names, move.fromPort, move.toPort))
                movesOf[doc].append(key);
        }
        // What names the service by its host port: env URLs via the host,
        // scrape targets, tunnel rules.
        for (const Reference &r : schema.references) {
            if (r.toServiceId != s->id || r.port != from || !r.viaHost || !absolute.contains(r.origin.file))
                continue;
            if (Lines *file = open(r.origin.file); file && editHostPort(*file, r.origin, from, to))
                movesOf[r.origin.file].append(key);
        }
        if (s->metrics.origin.isValid() && s->metrics.port == from) {
            // Scraped through the host (its address, localhost, host.docker.internal), not by container name.
            const Host *host = schema.host(s->hostId);
            const auto reachesHost = [host](const QString &name) {
                return isLoopbackHost(name)
                    || (host && (name == host->address || name == host->id || name.compare(host->name, Qt::CaseInsensitive) == 0));
            };
            if (Lines *file = open(s->metrics.origin.file);
                file && editHostPort(*file, s->metrics.origin, from, to, reachesHost))
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

QString ChangeSet::patch(const QString &root) const
{
    QString out;
    for (const FileChange &f : files)
        out += unifiedDiff(root.isEmpty() ? f.path : QDir(root).relativeFilePath(f.absolutePath), f.before, f.after);
    return out;
}

QString ChangeSet::gitPatch() const
{
    QStringList paths;
    for (const FileChange &f : files)
        paths.append(f.absolutePath);
    return patch(gitWorkTree(paths));
}

namespace {

// The deepest folder that holds every one of the paths.
QString commonFolder(const QStringList &paths)
{
    QStringList common;
    bool first = true;
    for (const QString &path : paths) {
        const QStringList parts = QDir::cleanPath(path).split(QLatin1Char('/'));
        if (first) {
            common = parts;
            first = false;
            continue;
        }
        qsizetype n = 0;
        while (n < common.size() && n < parts.size() && common.at(n) == parts.at(n))
            ++n;
        common = common.mid(0, n);
    }
    const QString folder = common.join(QLatin1Char('/'));
    return folder.isEmpty() ? QStringLiteral("/") : folder;
}

} // namespace

ChangeSetCheck checkChangeSet(const Schema &schema, const QList<SourceReading> &readings, const QList<Move> &moves,
                              const ChangeSet &set)
{
    ChangeSetCheck check;
    // Every file the readings used, copied into a scratch folder in the same
    // layout, the changed ones with their new contents; the sources are read
    // from there, so nothing real is touched.
    QStringList used;
    QList<QString> bases;
    for (const SourceReading &r : readings) {
        const QString base = readingBaseDir(r);
        bases.append(base);
        used.append(base + QStringLiteral("/."));
        for (const QString &f : r.absoluteFiles)
            used.append(f);
        for (const QString &f : r.originFiles())
            used.append(QDir::cleanPath(QDir(base).absoluteFilePath(f)));
        if (r.source.kind == SourceKind::Compose && QFileInfo::exists(composeEnvFile(r)))
            used.append(composeEnvFile(r));
    }
    for (const FileChange &f : set.files)
        used.append(f.absolutePath);
    used.removeDuplicates();
    const QString root = commonFolder(used);
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        check.ok = false;
        check.error.message = Tr::tr("Cannot create a scratch folder to read the changed files: %1")
                                  .arg(scratch.errorString());
        return check;
    }
    auto mirrored = [&](const QString &path) {
        return QDir::cleanPath(scratch.path() + QLatin1Char('/') + QDir(root).relativeFilePath(path));
    };
    for (const QString &path : std::as_const(used)) {
        if (!QFileInfo(path).isFile())
            continue;
        QDir().mkpath(QFileInfo(mirrored(path)).path());
        QFile::copy(path, mirrored(path));
    }
    for (const FileChange &f : set.files) {
        QString error;
        if (!writeFileAtomically(mirrored(f.absolutePath), f.after, &error)) {
            check.ok = false;
            check.error.message = error;
            return check;
        }
    }
    QList<SourceReading> patched;
    for (int i = 0; i < readings.size(); ++i) {
        const SourceReading &r = readings.at(i);
        RealitySource source = r.source;
        for (QString &f : source.files) {
            if (QDir::isAbsolutePath(f))
                f = mirrored(f);
        }
        if (QDir::isAbsolutePath(source.envFile))
            source.envFile = mirrored(source.envFile);
        SourceReading reading = readSource(r.hostId, source, mirrored(bases.at(i)));
        if (!reading.ok && r.ok) {
            check.ok = false;
            check.error = reading.error;
            return check;
        }
        reading.source = r.source;
        patched.append(reading);
    }

    const RealityApplied before = applyReadings(schema, readings);
    Schema executed = schema;
    for (const Move &m : moves)
        applyMove(executed, m, Move::Action::Execute);
    const RealityApplied after = applyReadings(executed, patched);
    const QList<Finding> oldFindings = Analyzer::analyze(before.schema) + before.findings;
    const QList<Finding> newFindings = Analyzer::analyze(after.schema) + after.findings;
    compareFindings(oldFindings, newFindings, &check.resolved, &check.introduced);
    for (const Move &m : moves) {
        if (!set.carried.contains(m.key()))
            continue;
        const Service *s = after.schema.service(m.serviceId);
        if (!s || s->actualPort != m.toPort)
            check.notDone.append(m.key());
    }
    return check;
}

bool writeChangeSet(const QList<FileChange> &files, bool forward, QString *error, const FileWriter &writeFile)
{
    // Nothing is written while any file differs from what the change set starts from.
    for (const FileChange &f : files) {
        QFile file(f.absolutePath);
        const QByteArray expected = forward ? f.before : f.after;
        if (!file.open(QIODevice::ReadOnly) || file.readAll() != expected) {
            *error = Tr::tr("%1 has changed since the change set was made; nothing was written. Review the moves again.")
                         .arg(f.path);
            return false;
        }
    }
    QList<const FileChange *> written;
    for (const FileChange &f : files) {
        if (!writeFile(f.absolutePath, forward ? f.after : f.before, error)) {
            for (const FileChange *done : std::as_const(written)) {
                QString ignored;
                writeFile(done->absolutePath, forward ? done->before : done->after, &ignored);
            }
            *error = Tr::tr("%1 Nothing was changed.").arg(*error);
            return false;
        }
        written.append(&f);
    }
    return true;
}

QString gitWorkTree(const QStringList &absolutePaths)
{
    QString tree;
    for (const QString &path : absolutePaths) {
        QDir dir = QFileInfo(path).absoluteDir();
        QString found;
        do {
            if (QFileInfo::exists(dir.filePath(QStringLiteral(".git")))) {
                found = dir.absolutePath();
                break;
            }
        } while (dir.cdUp());
        if (found.isEmpty() || (!tree.isEmpty() && found != tree))
            return {};
        tree = found;
    }
    return tree;
}

CarryOutCommand::CarryOutCommand(const QList<FileChange> &files, QUndoCommand *plan,
                                 std::function<void(const QStringList &)> notify)
    : mFiles(files)
    , mPlan(plan)
    , mNotify(std::move(notify))
{
    setText(plan ? Tr::tr("Carry out: %1").arg(plan->text())
                 : Tr::tr("Carry out %n move(s) in the files", nullptr, int(files.size())));
}

CarryOutCommand::~CarryOutCommand() = default;

void CarryOutCommand::write(bool forward)
{
    // Each file that is still as the other side left it changes; the others
    // were edited since and stay as they are.
    QStringList skipped;
    for (const FileChange &f : std::as_const(mFiles)) {
        QFile file(f.absolutePath);
        if (!file.open(QIODevice::ReadOnly) || file.readAll() != (forward ? f.before : f.after)) {
            skipped.append(f.path);
            continue;
        }
        file.close();
        QString error;
        if (!writeFileAtomically(f.absolutePath, forward ? f.after : f.before, &error))
            skipped.append(f.path);
    }
    if (!skipped.isEmpty() && mNotify)
        mNotify(skipped);
}

void CarryOutCommand::undo()
{
    if (mPlan)
        mPlan->undo();
    write(false);
    mWritten = false;
}

void CarryOutCommand::redo()
{
    if (!mWritten)
        write(true);
    mWritten = true;
    if (mPlan)
        mPlan->redo();
}

} // namespace Portolan
