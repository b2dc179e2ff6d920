#include "composeparse.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace Portolan::Compose {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Compose)
};
} // namespace

// Decimal digits only (no sign, no blanks inside); values above 65535 come
// back as 65536 so they cannot overflow.
static bool parseDecimal(QStringView text, uint *value)
{
    if (text.isEmpty())
        return false;
    uint v = 0;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        v = qMin(v * 10 + (c.unicode() - '0'), 65536u);
    }
    *value = v;
    return true;
}

bool parsePortRange(QStringView text, int *first, int *last, QString *error)
{
    const QStringView t = text.trimmed();
    const qsizetype dash = t.indexOf(QLatin1Char('-'));
    const QStringView a = (dash < 0 ? t : t.left(dash)).trimmed();
    const QStringView b = (dash < 0 ? t : t.mid(dash + 1)).trimmed();
    uint pa = 0;
    uint pb = 0;
    if (!parseDecimal(a, &pa) || !parseDecimal(b, &pb)) {
        *error = Tr::tr("\"%1\" is not a port or a port range.").arg(text.toString());
        return false;
    }
    if (!isValidPort(int(qMin(pa, 65536u))) || !isValidPort(int(qMin(pb, 65536u)))) {
        *error = Tr::tr("Port %1 is outside 1–65535.").arg((isValidPort(int(qMin(pa, 65536u))) ? b : a).toString());
        return false;
    }
    if (pb < pa) {
        *error = Tr::tr("The port range \"%1\" ends before it starts.").arg(text.toString());
        return false;
    }
    *first = int(pa);
    *last = int(pb);
    return true;
}

static bool splitProtocol(QStringView spec, QStringView *rest, Protocol *protocol, QString *error)
{
    const qsizetype slash = spec.lastIndexOf(QLatin1Char('/'));
    *protocol = Protocol::Tcp;
    *rest = spec;
    if (slash < 0)
        return true;
    const QString name = spec.mid(slash + 1).trimmed().toString().toLower();
    if (!protocolFromString(name, protocol)) {
        *error = Tr::tr("Unsupported protocol \"%1\" (tcp or udp).").arg(spec.mid(slash + 1).toString());
        return false;
    }
    *rest = spec.left(slash);
    return true;
}

static bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Dotted IPv4 (four numbers up to 255), or the IPv6 alphabet with at least
// one colon and an optional %zone. The engine checks the rest.
static bool isIpAddress(QStringView ip)
{
    if (!ip.contains(QLatin1Char(':'))) {
        int parts = 0;
        for (qsizetype start = 0; start <= ip.size(); ++parts) {
            qsizetype end = ip.indexOf(QLatin1Char('.'), start);
            if (end < 0)
                end = ip.size();
            const QStringView part = ip.mid(start, end - start);
            uint value = 0;
            if (part.size() > 3 || !parseDecimal(part, &value) || value > 255)
                return false;
            start = end + 1;
        }
        return parts == 4;
    }
    const qsizetype percent = ip.indexOf(QLatin1Char('%'));
    const QStringView address = percent < 0 ? ip : ip.left(percent);
    if (percent >= 0) {
        const QStringView zone = ip.mid(percent + 1);
        const bool zoneOk = !zone.isEmpty() && std::all_of(zone.cbegin(), zone.cend(), [](QChar c) {
            return c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.')
                                         || c == QLatin1Char('-'));
        });
        if (!zoneOk)
            return false;
    }
    return address.contains(QLatin1Char(':')) && std::all_of(address.cbegin(), address.cend(), [](QChar c) {
               return isDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
                   || (c >= QLatin1Char('A') && c <= QLatin1Char('F')) || c == QLatin1Char(':')
                   || c == QLatin1Char('.');
           });
}

bool parsePortSpec(const QString &spec, QList<PortMapping> *mappings, QString *error)
{
    QStringView body;
    Protocol protocol;
    if (!splitProtocol(QStringView(spec).trimmed(), &body, &protocol, error))
        return false;
    if (body.isEmpty()) {
        *error = Tr::tr("The port specification is empty.");
        return false;
    }

    QStringView ip;
    QStringView host;
    QStringView container;
    QString joinedIp; // an unbracketed IPv6 address spans several parts
    bool hasHostPart = false;
    if (body.startsWith(QLatin1Char('['))) {
        // [::1]:6001:6001 or [::1]::80
        const qsizetype close = body.indexOf(QLatin1Char(']'));
        if (close < 0 || body.mid(close + 1, 1) != QLatin1String(":")) {
            *error = Tr::tr("\"%1\" has an unclosed or misplaced IPv6 bracket.").arg(spec);
            return false;
        }
        ip = body.mid(1, close - 1);
        const auto rest = body.mid(close + 2).split(QLatin1Char(':'));
        if (rest.size() != 2) {
            *error = Tr::tr("\"%1\" is not IP:HOST:CONTAINER.").arg(spec);
            return false;
        }
        host = rest.at(0);
        container = rest.at(1);
        hasHostPart = true;
    } else {
        const auto parts = body.split(QLatin1Char(':'));
        container = parts.last();
        if (parts.size() >= 2) {
            host = parts.at(parts.size() - 2);
            hasHostPart = true;
        }
        if (parts.size() == 3) {
            ip = parts.first();
        } else if (parts.size() > 3) {
            joinedIp = body.left(body.size() - host.size() - container.size() - 2).toString();
            ip = joinedIp;
        }
    }

    if (hasHostPart && host.isEmpty() && ip.isEmpty()) {
        *error = Tr::tr("The published port before \":\" is empty in \"%1\".").arg(spec);
        return false;
    }
    if (!ip.isEmpty() && !isIpAddress(ip)) {
        *error = Tr::tr("\"%1\" is not an IP address.").arg(ip.toString());
        return false;
    }
    // ":443:443" has an empty bind address: all addresses, as the engine reads it.
    if (container.isEmpty()) {
        *error = Tr::tr("The container port is missing in \"%1\".").arg(spec);
        return false;
    }

    int c1 = 0;
    int c2 = 0;
    if (!parsePortRange(container, &c1, &c2, error))
        return false;
    int h1 = 0;
    int h2 = 0;
    if (!host.isEmpty() && !parsePortRange(host, &h1, &h2, error))
        return false;
    if (c2 - c1 + 1 > MaxPortsPerSpec || h2 - h1 + 1 > MaxPortsPerSpec) {
        *error = Tr::tr("The range in \"%1\" has more than %2 ports.").arg(spec).arg(MaxPortsPerSpec);
        return false;
    }

    QList<PortMapping> result;
    if (host.isEmpty()) {
        for (int c = c1; c <= c2; ++c)
            result.append({0, c, protocol, ip.toString()});
    } else if (h2 - h1 == c2 - c1) {
        for (int i = 0; i <= c2 - c1; ++i)
            result.append({h1 + i, c1 + i, protocol, ip.toString()});
    } else if (c1 == c2) {
        // "6005-6015:80": the engine publishes one free port of the range,
        // so the service holds all of it.
        for (int h = h1; h <= h2; ++h)
            result.append({h, c1, protocol, ip.toString(), h1, h2});
    } else {
        *error = Tr::tr("The published range %1 and the container range %2 differ in length.")
                     .arg(host.toString(), container.toString());
        return false;
    }
    mappings->append(result);
    return true;
}

bool parseExposeSpec(const QString &spec, QList<PortMapping> *mappings, QString *error)
{
    QStringView body;
    Protocol protocol;
    if (!splitProtocol(QStringView(spec).trimmed(), &body, &protocol, error))
        return false;
    int c1 = 0;
    int c2 = 0;
    if (!parsePortRange(body, &c1, &c2, error))
        return false;
    if (c2 - c1 + 1 > MaxPortsPerSpec) {
        *error = Tr::tr("The range in \"%1\" has more than %2 ports.").arg(spec).arg(MaxPortsPerSpec);
        return false;
    }
    for (int c = c1; c <= c2; ++c)
        mappings->append({0, c, protocol, {}});
    return true;
}

static bool isNameStart(QChar c)
{
    return c == QLatin1Char('_') || (c.unicode() < 128 && c.isLetter());
}

static bool isNameChar(QChar c)
{
    return isNameStart(c) || (c.unicode() < 128 && c.isDigit());
}

QString Interpolator::interpolate(const QString &text, QList<Problem> *problems) const
{
    if (!text.contains(QLatin1Char('$')))
        return text;
    qsizetype pos = 0;
    QString result;
    while (pos < text.size()) {
        result += expand(text, &pos, 0, problems);
        // A stray "}" at the top level is literal text.
        if (pos < text.size())
            result += text.at(pos++);
    }
    return result;
}

QString Interpolator::expand(const QString &text, qsizetype *pos, int depth, QList<Problem> *problems) const
{
    QString out;
    qsizetype &i = *pos;
    const bool stopAtBrace = depth > 0;
    if (depth > MaxDepth) {
        Problem tooDeep;
        tooDeep.message = Tr::tr("The value nests \"${\" more than %1 levels deep.").arg(MaxDepth);
        tooDeep.fatal = true;
        problems->append(tooDeep);
        i = text.size();
        return out;
    }
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (stopAtBrace && c == QLatin1Char('}'))
            return out;
        if (c != QLatin1Char('$') || i + 1 >= text.size()) {
            out += c;
            ++i;
            continue;
        }
        const QChar next = text.at(i + 1);
        if (next == QLatin1Char('$')) {
            out += QLatin1Char('$');
            i += 2;
            continue;
        }
        if (isNameStart(next)) {
            qsizetype end = i + 1;
            while (end < text.size() && isNameChar(text.at(end)))
                ++end;
            const QString name = text.mid(i + 1, end - i - 1);
            const auto it = mVariables.constFind(name);
            if (it == mVariables.cend())
                problems->append({name, Tr::tr("The variable %1 is not set; it is read as an empty string.").arg(name)});
            else
                out += *it;
            i = end;
            continue;
        }
        if (next != QLatin1Char('{')) {
            out += c;
            ++i;
            continue;
        }
        // ${NAME[op word]}
        const qsizetype start = i;
        qsizetype j = i + 2;
        while (j < text.size() && isNameChar(text.at(j)))
            ++j;
        const QString name = text.mid(i + 2, j - i - 2);
        if (name.isEmpty() || !isNameStart(name.at(0)) || j >= text.size()) {
            problems->append({name, Tr::tr("Invalid interpolation \"%1\"; it is kept as written.").arg(text.mid(start))});
            out += text.mid(start);
            i = text.size();
            return out;
        }
        QString op;
        if (text.at(j) != QLatin1Char('}')) {
            if (text.at(j) == QLatin1Char(':') && j + 1 < text.size())
                op = text.mid(j, 2);
            else
                op = text.mid(j, 1);
            static const QStringList ops = {QStringLiteral(":-"), QStringLiteral("-"), QStringLiteral(":?"),
                                            QStringLiteral("?"), QStringLiteral(":+"), QStringLiteral("+")};
            if (!ops.contains(op)) {
                problems->append({name, Tr::tr("Invalid interpolation \"%1\"; it is kept as written.").arg(text.mid(start))});
                out += text.mid(start);
                i = text.size();
                return out;
            }
            j += op.size();
        }
        QList<Problem> wordProblems;
        qsizetype wordPos = j;
        const QString word = op.isEmpty() ? QString() : expand(text, &wordPos, depth + 1, &wordProblems);
        if (std::any_of(wordProblems.cbegin(), wordProblems.cend(), [](const Problem &p) { return p.fatal; })) {
            problems->append(wordProblems);
            i = text.size();
            return out;
        }
        if (wordPos >= text.size() || text.at(wordPos) != QLatin1Char('}')) {
            problems->append({name, Tr::tr("Unclosed \"${\" in \"%1\"; it is kept as written.").arg(text.mid(start))});
            out += text.mid(start);
            i = text.size();
            return out;
        }
        i = wordPos + 1;

        const auto it = mVariables.constFind(name);
        const bool set = it != mVariables.cend();
        const bool nonEmpty = set && !it->isEmpty();
        auto useWord = [&] {
            problems->append(wordProblems);
            out += word;
        };
        if (op.isEmpty()) {
            if (set)
                out += *it;
            else
                problems->append({name, Tr::tr("The variable %1 is not set; it is read as an empty string.").arg(name)});
        } else if (op == QLatin1String(":-")) {
            nonEmpty ? void(out += *it) : useWord();
        } else if (op == QLatin1String("-")) {
            set ? void(out += *it) : useWord();
        } else if (op == QLatin1String(":?") || op == QLatin1String("?")) {
            const bool ok = op == QLatin1String(":?") ? nonEmpty : set;
            if (ok) {
                out += *it;
            } else {
                problems->append(wordProblems);
                problems->append({name, word.isEmpty()
                                            ? Tr::tr("The required variable %1 is not set.").arg(name)
                                            : Tr::tr("The required variable %1 is not set: %2").arg(name, word)});
            }
        } else if (op == QLatin1String(":+")) {
            if (nonEmpty)
                useWord();
        } else if (op == QLatin1String("+")) {
            if (set)
                useWord();
        }
    }
    return out;
}

QHash<QString, QString> parseDotEnv(const QString &text, const QHash<QString, QString> &environment,
                                    QList<Interpolator::Problem> *problems)
{
    static const QRegularExpression keyPattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*$"));
    QHash<QString, QString> values;
    // Earlier keys of the file, then the environment, are visible to later
    // values; kept as one table grown line by line, never copied per line.
    QHash<QString, QString> visible = environment;
    QList<Interpolator::Problem> ignored;
    QList<Interpolator::Problem> *sink = problems ? problems : &ignored;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype lineIndex = 0; lineIndex < lines.size(); ++lineIndex) {
        QString line = lines.at(lineIndex).trimmed();
        if (line.contains(QChar(0))) {
            Interpolator::Problem binary;
            binary.message = Tr::tr("The .env file contains binary data (a NUL byte), not text.");
            binary.fatal = true;
            binary.line = int(lineIndex) + 1;
            sink->append(binary);
            return values;
        }
        const qsizetype problemsBefore = sink->size();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1String("export ")))
            line = line.mid(7).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed();
        if (!keyPattern.match(key).hasMatch())
            continue;
        QString raw = line.mid(eq + 1).trimmed();
        QString value;
        {
            // Shares the table only while this line is read.
            const Interpolator interpolator(visible);
            if (raw.startsWith(QLatin1Char('\''))) {
                const qsizetype close = raw.indexOf(QLatin1Char('\''), 1);
                value = close < 0 ? raw.mid(1) : raw.mid(1, close - 1);
            } else if (raw.startsWith(QLatin1Char('"'))) {
                QString inner;
                for (qsizetype i = 1; i < raw.size(); ++i) {
                    const QChar c = raw.at(i);
                    if (c == QLatin1Char('\\') && i + 1 < raw.size()) {
                        const QChar e = raw.at(++i);
                        inner += e == QLatin1Char('n') ? QChar(QLatin1Char('\n'))
                                 : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                                                         : e;
                        continue;
                    }
                    if (c == QLatin1Char('"'))
                        break;
                    inner += c;
                }
                value = interpolator.interpolate(inner, sink);
            } else {
                const qsizetype comment = raw.indexOf(QLatin1String(" #"));
                if (comment >= 0)
                    raw = raw.left(comment).trimmed();
                value = interpolator.interpolate(raw, sink);
            }
        }
        for (qsizetype p = problemsBefore; p < sink->size(); ++p)
            (*sink)[p].line = int(lineIndex) + 1;
        if (!environment.contains(key))
            visible.insert(key, value);
        values.insert(key, value);
    }
    return values;
}

} // namespace Portolan::Compose
