#include "markdownformat.h"

#include "analyzer.h"
#include "markdownscan.h"
#include "markdownshapes.h"
#include "texthash.h"
#include "uniqueids.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <span>

namespace Portolan {

namespace {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::MarkdownFormat)
};
} // namespace

// Words of the layout. They are document syntax that must read back in any UI
// language, so they are not translated.
const QLatin1String kRealPorts("Real ports today");
const QLatin1String kNotDeployed("Not deployed");
const QLatin1String kRetired("Retired");
const QLatin1String kPrinciples("Principles");
const QLatin1String kChecklist("Adding a New Service");
const QLatin1String kKnownProblems("Known problems");
const QLatin1String kUnranged("Unranged Services");
const QLatin1String kInternalOnly("Internal Only");
const QLatin1String kReserved("*(reserved)*");
const QLatin1String kDefaultTitle("Port Schema");

// ---------------------------------------------------------------------------
// The status block: its notes, then "### Real ports today", then one bold
// "**Host:**" line per host with its services as bullets, then "**Not
// deployed:**" and "**Retired:**" paragraphs.

const QRegularExpression &statusHeading()
{
    static const QRegularExpression re(QStringLiteral("^#{1,6}\\s+Real ports today(?:\\s*\\((.*)\\))?\\s*#*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &statusHostHeading()
{
    static const QRegularExpression re(QStringLiteral("^\\*\\*(.+):\\*\\*$"));
    return re;
}

const QRegularExpression &statusInactive()
{
    static const QRegularExpression re(QStringLiteral("^\\*\\*(Not deployed|Retired):\\*\\*"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// A line of the notes that would read as a host, an inactive list or the
// status heading once written into the status block.
bool looksLikeStatus(QStringView trimmed)
{
    return trimmed.startsWith(QLatin1String("**"))
        && (statusHostHeading().match(trimmed).hasMatch() || statusInactive().match(trimmed).hasMatch());
}

// A note line "### Real ports today" is written with a backslash in front
// ("\\### Real ports today", one more for each one it already has) so that
// it does not end the notes; the reader takes one away again.
// Where a line's backslashes after its indentation start and end.
std::pair<qsizetype, qsizetype> leadingBackslashes(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && line[i].isSpace())
        ++i;
    const qsizetype first = i;
    while (i < line.size() && line[i] == QLatin1Char('\\'))
        ++i;
    return {first, i};
}

int escapedHeadingAt(QStringView line)
{
    const auto [first, end] = leadingBackslashes(line);
    return statusHeading().match(line.mid(end).trimmed()).hasMatch() ? int(first) : -1;
}

// ---------------------------------------------------------------------------
// Inline Markdown: backslash escapes and code spans are all the importer
// interprets; everything else is kept as written.

bool isAsciiPunct(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= '!' && u <= '/') || (u >= ':' && u <= '@') || (u >= '[' && u <= '`') || (u >= '{' && u <= '~');
}

int backtickRun(QStringView s, int i)
{
    int n = 0;
    while (i + n < s.size() && s[i + n] == QLatin1Char('`'))
        ++n;
    return n;
}

// For a code span opening at i: the index past its closing run, or -1 when
// it is not closed (then the backticks are literal).
int codeSpanEnd(QStringView s, int i, QString *content = nullptr)
{
    const int n = backtickRun(s, i);
    for (int j = i + n; j < s.size();) {
        if (s[j] != QLatin1Char('`')) {
            ++j;
            continue;
        }
        const int m = backtickRun(s, j);
        if (m == n) {
            if (content) {
                QString c = s.mid(i + n, j - i - n).toString();
                if (c.size() >= 2 && c.startsWith(QLatin1Char(' ')) && c.endsWith(QLatin1Char(' '))
                    && !c.trimmed().isEmpty())
                    c = c.mid(1, c.size() - 2);
                *content = c;
            }
            return j + m;
        }
        j += m;
    }
    return -1;
}

// The plain text of inline Markdown: escapes resolved, code spans unwrapped.
QString plainText(QStringView raw)
{
    // Plain text without escapes or code spans is the common case.
    const QChar *d = raw.data();
    const qsizetype n = raw.size();
    bool special = false;
    for (qsizetype i = 0; i < n && !special; ++i)
        special = d[i] == QLatin1Char('\\') || d[i] == QLatin1Char('`');
    if (!special)
        return raw.toString();
    QString out;
    out.reserve(n);
    for (int i = 0; i < n;) {
        const QChar c = d[i];
        if (c == QLatin1Char('\\') && i + 1 < n && isAsciiPunct(d[i + 1])) {
            out += d[i + 1];
            i += 2;
        } else if (c == QLatin1Char('`')) {
            QString content;
            const int end = codeSpanEnd(raw, i, &content);
            if (end < 0) {
                const int run = backtickRun(raw, i);
                out += raw.mid(i, run);
                i += run;
            } else {
                out += content;
                i = end;
            }
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

// Escapes backslashes, backticks and the given characters; line breaks
// become spaces because every field is written on one line.
void appendEscaped(QString &out, QStringView plain, QLatin1String extra = QLatin1String(""))
{
    // Runs of plain characters are appended at once.
    const QChar *run = plain.begin();
    for (const QChar *p = plain.begin(); p != plain.end(); ++p) {
        const char16_t u = p->unicode();
        const bool lineBreak = u == '\n' || u == '\r';
        if (!lineBreak && u != '\\' && u != '`' && !(isAsciiPunct(*p) && extra.contains(*p)))
            continue;
        out.append(run, p - run);
        if (lineBreak) {
            out += QLatin1Char(' ');
        } else {
            out += QLatin1Char('\\');
            out += *p;
        }
        run = p + 1;
    }
    out.append(run, plain.end() - run);
}

QString escaped(const QString &plain, QLatin1String extra = QLatin1String(""))
{
    QString out;
    out.reserve(plain.size() + 8);
    appendEscaped(out, plain, extra);
    return out;
}

QString escapedFully(const QString &plain)
{
    QString out;
    for (const QChar c : plain) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            out += QLatin1Char(' ');
            continue;
        }
        if (isAsciiPunct(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString codeSpan(const QString &text)
{
    int longest = 0;
    for (int i = 0; i < text.size();) {
        const int n = backtickRun(text, i);
        longest = std::max(longest, n);
        i += std::max(n, 1);
    }
    const QString fence(longest + 1, QLatin1Char('`'));
    QString body = text;
    body.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (body.startsWith(QLatin1Char('`')) || body.endsWith(QLatin1Char('`'))
        || (body.startsWith(QLatin1Char(' ')) && body.endsWith(QLatin1Char(' '))))
        body = QLatin1Char(' ') + body + QLatin1Char(' ');
    return fence + body + fence;
}

// Index of the first occurrence of `target` outside escapes, code spans and
// (when depthLimited) nested parentheses, from `from`; -1 if none.
int findTopLevel(QStringView s, int from, QChar target)
{
    int depth = 0;
    for (int i = from; i < s.size();) {
        const QChar c = s[i];
        if (c == QLatin1Char('\\') && i + 1 < s.size()) {
            i += 2;
            continue;
        }
        if (c == QLatin1Char('`')) {
            const int end = codeSpanEnd(s, i);
            i = end < 0 ? i + backtickRun(s, i) : end;
            continue;
        }
        if (c == target && depth == 0)
            return i;
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && depth > 0)
            --depth;
        ++i;
    }
    return -1;
}

// For "(" at `open`: the index of its matching ")", or -1.
int matchingParen(QStringView s, int open)
{
    int depth = 0;
    for (int i = open; i < s.size();) {
        const QChar c = s[i];
        if (c == QLatin1Char('\\') && i + 1 < s.size()) {
            i += 2;
            continue;
        }
        if (c == QLatin1Char('`')) {
            const int end = codeSpanEnd(s, i);
            i = end < 0 ? i + backtickRun(s, i) : end;
            continue;
        }
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && --depth == 0)
            return i;
        ++i;
    }
    return -1;
}

// Splits at top-level ", " (commas inside code spans, escapes or nested
// parentheses do not split).
QList<QStringView> splitParts(QStringView s)
{
    QList<QStringView> parts;
    int start = 0;
    for (int i = findTopLevel(s, 0, QLatin1Char(',')); i >= 0; i = findTopLevel(s, start, QLatin1Char(','))) {
        parts.append(s.mid(start, i - start).trimmed());
        start = i + 1;
    }
    parts.append(s.mid(start).trimmed());
    return parts;
}

int skipSpaces(QStringView s, int i)
{
    while (i < s.size() && s[i].isSpace())
        ++i;
    return i;
}

bool parsePortText(QStringView text, int *port, Protocol *protocol)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,5})(?:\\s*/\\s*(tcp|udp))?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    text = text.trimmed();
    // Port and protocol are set only for a valid port: a row whose cell is
    // "95127" keeps no port, not that one.
    // Most cells are a plain number: read without the pattern.
    if (!text.isEmpty() && text.size() <= 5
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); })) {
        const int value = text.toInt();
        if (!isValidPort(value))
            return false;
        *port = value;
        *protocol = Protocol::Tcp;
        return true;
    }
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    const int value = m.capturedView(1).toInt();
    if (!isValidPort(value))
        return false;
    *port = value;
    *protocol = m.capturedView(2).compare(QLatin1String("udp"), Qt::CaseInsensitive) == 0 ? Protocol::Udp
                                                                                          : Protocol::Tcp;
    return true;
}

// ---------------------------------------------------------------------------
// The parenthesised details after a service in the status block, e.g.
// "(Scheduled Task `ManaSTT`, public: `gpu-stt.mana.how`)". Parts are
// recognised by form; anything else is a note.

struct Details
{
    QString deployment;
    QString runtime;
    QString notes;
    QString publicHostname;
    bool isPublic = false;

    bool operator==(const Details &) const = default;
};

bool hasCodeSpan(QStringView s)
{
    for (int i = 0; i < s.size(); ++i) {
        if (s[i] == QLatin1Char('\\'))
            ++i;
        else if (s[i] == QLatin1Char('`') && codeSpanEnd(s, i) >= 0)
            return true;
    }
    return false;
}

bool looksLikeRuntime(QStringView part)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9.+#_-]+(?:/[A-Za-z0-9.+#_-]+)+$"));
    return re.match(part).hasMatch();
}

void appendJoined(QString *target, const QString &text, QLatin1String separator = QLatin1String(", "))
{
    if (text.isEmpty())
        return;
    if (!target->isEmpty())
        *target += separator;
    *target += text;
}

Details parseDetails(QStringView raw)
{
    Details d;
    for (const QStringView part : splitParts(raw)) {
        if (part.isEmpty())
            continue;
        auto keyed = [&part](QLatin1String key, QString *value) {
            if (!part.startsWith(key))
                return false;
            appendJoined(value, plainText(part.mid(key.size())).trimmed());
            return true;
        };
        if (part == QLatin1String("public")) {
            d.isPublic = true;
        } else if (keyed(QLatin1String("public:"), &d.publicHostname)) {
            d.isPublic = true;
        } else if (keyed(QLatin1String("deployment:"), &d.deployment) || keyed(QLatin1String("runtime:"), &d.runtime)
                   || keyed(QLatin1String("note:"), &d.notes)) {
        } else if (hasCodeSpan(part)) {
            appendJoined(&d.deployment, plainText(part).trimmed());
        } else if (looksLikeRuntime(part)) {
            appendJoined(&d.runtime, part.toString());
        } else {
            appendJoined(&d.notes, plainText(part).trimmed());
        }
    }
    return d;
}

// Writes the details in the real file's natural form when that reads back
// the same, else in an explicit keyed and fully escaped form.
QString writeDetails(const Details &d)
{
    auto join = [](const QStringList &parts) { return parts.join(QLatin1String(", ")); };
    QStringList natural;
    if (!d.deployment.isEmpty()) {
        const qsizetype space = d.deployment.lastIndexOf(QLatin1Char(' '));
        natural.append(space < 0 ? codeSpan(d.deployment)
                                 : escaped(d.deployment.left(space), QLatin1String("(),")) + QLatin1Char(' ')
                                         + codeSpan(d.deployment.mid(space + 1)));
    }
    if (!d.notes.isEmpty())
        natural.append(escaped(d.notes, QLatin1String("()")));
    if (!d.runtime.isEmpty())
        natural.append(looksLikeRuntime(d.runtime) ? d.runtime
                                                   : QLatin1String("runtime: ") + escaped(d.runtime, QLatin1String("(),")));
    if (!d.publicHostname.isEmpty())
        natural.append(QLatin1String("public: ") + codeSpan(d.publicHostname));
    else if (d.isPublic)
        natural.append(QStringLiteral("public"));
    const QString text = join(natural);
    if (parseDetails(text) == d)
        return text;

    QStringList explicitParts;
    if (!d.deployment.isEmpty())
        explicitParts.append(QLatin1String("deployment: ") + escapedFully(d.deployment));
    if (!d.notes.isEmpty())
        explicitParts.append(QLatin1String("note: ") + escapedFully(d.notes));
    if (!d.runtime.isEmpty())
        explicitParts.append(QLatin1String("runtime: ") + escapedFully(d.runtime));
    if (!d.publicHostname.isEmpty())
        explicitParts.append(QLatin1String("public: ") + escapedFully(d.publicHostname));
    else if (d.isPublic)
        explicitParts.append(QStringLiteral("public"));
    return join(explicitParts);
}

// ---------------------------------------------------------------------------
// Reading

struct Line
{
    QString text;   // without line end and without a quote marker
    int number = 0; // 1-based
    int column = 1; // 1-based column of text[0] in the file's line
};

// A run of the file's lines, without a copy: a 50 MB document has a million.
using Lines = std::span<const Line>;

// Wrapped lines joined with single spaces, remembering where each came from.
struct Joined
{
    struct Segment
    {
        int offset;
        int line;
        int column;
    };
    QString text;
    QList<Segment> segments;

    void append(const Line &l, int skip = 0)
    {
        const QStringView view = QStringView(l.text).mid(skip);
        int lead = 0;
        while (lead < view.size() && view[lead].isSpace())
            ++lead;
        if (!text.isEmpty())
            text += QLatin1Char(' ');
        segments.append({int(text.size()), l.number, l.column + skip + lead});
        text += view.mid(lead).trimmed();
    }
    void locate(int offset, int *line, int *column) const
    {
        Segment s = segments.value(0, {0, 0, 1});
        for (const Segment &seg : segments) {
            if (seg.offset <= offset)
                s = seg;
        }
        *line = s.line;
        *column = s.column + std::max(0, offset - s.offset);
    }
};

struct TableRow
{
    QStringList cells; // raw, trimmed
    QList<int> columns;
    Line line;
};

struct Table
{
    QStringList headers; // plain, lower case
    Line header;
    Line delimiter; // "|---|---|"
    QList<TableRow> rows;
};

struct Section
{
    QString title;
    Line heading;
    Lines lines; // below the heading, up to the next one
};

QStringList splitCells(const QString &text, QList<int> *columns)
{
    QStringList cells;
    columns->clear();
    const qsizetype bars = text.count(QLatin1Char('|'));
    cells.reserve(bars + 1);
    columns->reserve(bars + 1);
    const QChar *s = text.constData();
    int start = 0;
    int end = int(text.size());
    while (start < end && s[start].isSpace())
        ++start;
    while (end > start && s[end - 1].isSpace())
        --end;
    if (start < end && s[start] == QLatin1Char('|'))
        ++start;
    if (end > start && s[end - 1] == QLatin1Char('|') && !(end - 2 >= start && s[end - 2] == QLatin1Char('\\')))
        --end;
    int cellStart = start;
    for (int i = start; i <= end; ++i) {
        if (i < end && s[i] == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (i == end || s[i] == QLatin1Char('|')) {
            int first = cellStart;
            int last = i;
            while (first < last && s[first].isSpace())
                ++first;
            while (last > first && s[last - 1].isSpace())
                --last;
            cells.append(QString(s + first, last - first));
            columns->append(first);
            cellStart = i + 1;
        }
    }
    return cells;
}

bool isDelimiterRow(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$"));
    return text.contains(QLatin1Char('-')) && re.match(text).hasMatch();
}

bool isFence(const QString &text)
{
    const QStringView t = QStringView(text).trimmed();
    return t.startsWith(QLatin1String("```")) || t.startsWith(QLatin1String("~~~"));
}

// Free text as written between two headings, with a code fence it leaves
// open closed: an open fence would swallow every heading after it when the
// file is read again (a section's text can hold one when the file it came
// from left a fence open up to a later heading).
QString withFencesClosed(const QString &text)
{
    QStringView open;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        const QStringView t = line.trimmed();
        if (!t.startsWith(QLatin1String("```")) && !t.startsWith(QLatin1String("~~~")))
            continue;
        if (!open.isEmpty()) {
            open = QStringView();
            continue;
        }
        qsizetype run = 0;
        while (run < t.size() && t[run] == t[0])
            ++run;
        open = t.left(run);
    }
    return open.isEmpty() ? text : text + QLatin1Char('\n') + open.toString();
}

// What the reader takes as structure in a section's text outside a code
// fence: a "## " heading starts the next section, and in a range's text a
// table's delimiter row makes a table (which must list services there). In
// free text such a line is written with a backslash in front, one more for
// each one it already has, and the reader takes one away again; Markdown
// shows "\## " as the text "## ". The position of the line's first
// backslash (or where it goes) and how many it has, or -1.
enum class FreeText { Section, Range };

int structureAt(QStringView line, FreeText kind, int *backslashes)
{
    const auto [first, end] = leadingBackslashes(line);
    *backslashes = int(end - first);
    const QStringView rest = line.mid(end);
    const QStringView trimmed = rest.trimmed();
    const bool heading = trimmed == QLatin1String("##") || trimmed.startsWith(QLatin1String("## "));
    const bool delimiter = kind == FreeText::Range && isDelimiterRow(rest.toString());
    return heading || delimiter ? int(first) : -1;
}

// Calls f(line, structure position, backslashes) for each line of text
// outside a fence, as splitBlocks() and readLayout() see fences.
template<typename F>
QString mapFreeText(const QString &text, FreeText kind, F f)
{
    QString out;
    out.reserve(text.size() + 16);
    bool inFence = false;
    bool firstLine = true;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        if (!firstLine)
            out += QLatin1Char('\n');
        firstLine = false;
        if (isFence(line.toString()))
            inFence = !inFence;
        int backslashes = 0;
        const int at = inFence ? -1 : structureAt(line, kind, &backslashes);
        if (at < 0)
            out += line;
        else
            f(&out, line, at, backslashes);
    }
    return out;
}

// A section's or a range's text as written: structure escaped, fences closed.
QString writtenFreeText(const QString &text, FreeText kind)
{
    const QString escaped = mapFreeText(text, kind, [](QString *out, QStringView line, int at, int) {
        *out += line.left(at);
        *out += QLatin1Char('\\');
        *out += line.mid(at);
    });
    return withFencesClosed(escaped);
}

// A section's or a range's text as read: one backslash taken from escaped
// structure.
QString readFreeText(const QString &text, FreeText kind)
{
    return mapFreeText(text, kind, [](QString *out, QStringView line, int at, int backslashes) {
        if (backslashes == 0) {
            *out += line;
            return;
        }
        *out += line.left(at);
        *out += line.mid(at + 1);
    });
}

// Splits a section's lines into tables and the remaining prose.
void splitBlocks(Lines lines, QList<Table> *tables, QList<Line> *prose)
{
    bool inFence = false;
    for (int i = 0; i < int(lines.size()); ++i) {
        const Line &l = lines[i];
        if (isFence(l.text))
            inFence = !inFence;
        if (!inFence && l.text.contains(QLatin1Char('|')) && !isFence(l.text) && i + 1 < int(lines.size())
            && isDelimiterRow(lines[i + 1].text)) {
            Table table;
            table.header = l;
            table.delimiter = lines[i + 1];
            QList<int> columns;
            for (const QString &h : splitCells(l.text, &columns))
                table.headers.append(plainText(h).trimmed().toLower());
            i += 2;
            // A fence ends the table: it is prose, and the fence it opens
            // hides headings from readLayout(), so it must not be lost here.
            for (; i < int(lines.size()) && !lines[i].text.trimmed().isEmpty() && lines[i].text.contains(QLatin1Char('|'))
                 && !isFence(lines[i].text);
                 ++i) {
                TableRow row;
                row.line = lines[i];
                row.cells = splitCells(row.line.text, &row.columns);
                table.rows.append(row);
            }
            --i;
            tables->append(table);
            continue;
        }
        prose->append(l);
    }
}

const Line &lineOf(const Line &line)
{
    return line;
}

const Line &lineOf(const Line *line)
{
    return *line;
}

// The lines' texts joined with line ends, without blank lines at either end.
// Lines is a list of lines or of pointers to them.
template<typename List>
QString joinProse(const List &lines)
{
    auto blank = [&lines](qsizetype i) { return QStringView(lineOf(lines[i]).text).trimmed().isEmpty(); };
    qsizetype first = 0;
    qsizetype end = qsizetype(lines.size());
    while (first < end && blank(first))
        ++first;
    while (end > first && blank(end - 1))
        --end;
    qsizetype size = 0;
    for (qsizetype i = first; i < end; ++i)
        size += lineOf(lines[i]).text.size() + 1;
    QString text;
    text.reserve(size);
    for (qsizetype i = first; i < end; ++i) {
        if (i > first)
            text += QLatin1Char('\n');
        text += lineOf(lines[i]).text;
    }
    return text;
}

// The port spans of a reserved row ("3006-3009, 3012"); false with the
// first span that is none.
bool reservedSpans(const QString &portCell, QList<std::pair<int, int>> *spans, QString *bad)
{
    static const QRegularExpression spanRe(QStringLiteral("^(\\d{1,5})(?:\\s*[-\\x{2013}]\\s*(\\d{1,5}))?$"));
    const QStringList parts = plainText(portCell).split(QLatin1Char(','));
    for (const QString &part : parts) {
        const QRegularExpressionMatch m = spanRe.match(part.trimmed());
        const int first = m.hasMatch() ? m.capturedView(1).toInt() : 0;
        const int last = m.hasMatch() && m.hasCaptured(2) ? m.capturedView(2).toInt() : first;
        if (!m.hasMatch() || !isValidPort(first) || !isValidPort(last) || first > last) {
            *bad = part.trimmed();
            return false;
        }
        spans->append({first, last});
    }
    return true;
}

QString badSpanMessage(const QString &span)
{
    return Tr::tr("\"%1\" is not a port or a span of ports such as 3006-3009.").arg(span);
}

QString noServiceNameMessage()
{
    return Tr::tr("The row has no service name.");
}

bool isServiceTable(const Table &t)
{
    return t.headers.contains(QLatin1String("port")) && t.headers.contains(QLatin1String("service"));
}

bool isReservedCell(const QString &raw, QString *note)
{
    static const QRegularExpression re(QStringLiteral("^[*_]\\(reserved(?::\\s*(.*))?\\)[*_]$"),
                                       QRegularExpression::CaseInsensitiveOption);
    if (raw.size() < 12 || (raw.at(0) != QLatin1Char('*') && raw.at(0) != QLatin1Char('_')))
        return false; // "*(reserved)*" at the least
    const QRegularExpressionMatch m = re.match(raw);
    if (m.hasMatch())
        *note = plainText(m.capturedView(1)).trimmed();
    return m.hasMatch();
}

// "*(local-first only)*": an aside in a table cell, read as notes.
bool isAsideCell(const QString &raw, QString *text)
{
    if (raw.size() >= 4 && raw.startsWith(QLatin1String("*(")) && raw.endsWith(QLatin1String(")*"))) {
        *text = plainText(QStringView(raw).mid(2, raw.size() - 4)).trimmed();
        return true;
    }
    return false;
}

class Reader
{
public:
    Reader(const FormatOptions &options, ParseError *error)
        : mOptions(options)
        , mError(error)
    {
    }

    std::optional<ReadResult> read(const QByteArray &data);

private:
    struct StatusItem
    {
        QString name;
        int port = 0;
        Protocol protocol = Protocol::Tcp;
        int host = -1;
        Details details;
        int line = 0;
    };
    struct InactiveItem
    {
        QString name;
        QString notes;
        ServiceStatus status;
        int line = 0;
    };
    struct PendingCounterpart
    {
        int service;
        QString raw;
        bool descriptionColumn;
        int line;
        int column;
    };

    bool fail(int line, int column, const QString &message)
    {
        if (!mFailed) {
            mFailed = true;
            mError->file = mOptions.fileName;
            mError->line = line;
            mError->column = column;
            mError->message = message;
        }
        return false;
    }
    void warn(int line, int column, const QString &message)
    {
        Diagnostic d;
        d.file = mOptions.fileName;
        d.line = line;
        d.column = column;
        d.message = message;
        mWarnings.append(d);
    }

    bool decode(const QByteArray &data, QList<Line> *lines);
    std::optional<ReadResult> readLayout(const QList<Line> &lines);
    bool readPreamble(Lines lines);
    bool readStatus(const QList<Line> &lines);
    bool readHostHeading(const Line &line, const QString &inner);
    bool readStatusBullet(const Joined &bullet);
    bool readInactive(const Joined &para, int skip, ServiceStatus status);
    bool readSection(const Section &section);
    bool readRangeSection(const Section &section, int first, int last, const QString &title);
    bool readPrinciples(const Section &section);
    bool readServiceTable(const Table &table, const QString &rangeId, bool internal);
    // Where and why readServiceTable() would stop at the table, if it would.
    std::optional<Diagnostic> serviceTableError(const Table &table) const;
    bool applyStatus();
    void resolveCounterparts();

    int addService(Service s)
    {
        s.id = mServiceIds.take(s.name, QStringLiteral("item"));
        const int index = int(mSchema.services.size());
        mByName[s.name].append(index);
        mSchema.services.append(std::move(s));
        return index;
    }

    const FormatOptions &mOptions;
    ParseError *mError;
    bool mFailed = false;
    bool mLayoutMismatch = false; // failed only because this is not the PORT_SCHEMA layout
    // The file has a part only this layout has: a status block, a range
    // section, a section Portolan writes (Principles, Unranged Services, …).
    bool mOwnLayout = false;
    QList<std::pair<QString, int>> mUnknownColumns; // a column's header, its warning in mWarnings
    Schema mSchema;
    QList<Diagnostic> mWarnings;
    UniqueIds mServiceIds;
    UniqueIds mRangeIds;
    UniqueIds mHostIds;
    TextHash<QList<int>> mByName;
    QList<StatusItem> mStatusItems;
    QList<InactiveItem> mInactiveItems;
    QList<PendingCounterpart> mCounterparts;
    QList<Line> mRemarks; // the status block's own prose after the lists
    int mBulletHost = -1;
};

bool Reader::decode(const QByteArray &data, QList<Line> *lines)
{
    if (looksLikeUtf16(data))
        return fail(1, 1, utf16Message());
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0) {
        int line, column;
        lineColumnAt(data, nul, &line, &column);
        return fail(line, column, Tr::tr("The file contains binary data (a NUL byte); a Markdown file is text."));
    }
    QByteArrayView view(data);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    lines->reserve(std::count(view.begin(), view.end(), '\n') + 1);
    int number = 0;
    qsizetype start = 0;
    while (start <= view.size()) {
        qsizetype end = view.indexOf('\n', start);
        if (end < 0)
            end = view.size();
        ++number;
        QByteArrayView bytes = view.sliced(start, end - start);
        if (bytes.endsWith('\r'))
            bytes.chop(1);
        QStringDecoder decoder(QStringDecoder::Utf8);
        QString text = decoder.decode(bytes);
        if (decoder.hasError()) {
            const qsizetype bad = text.indexOf(QChar(QChar::ReplacementCharacter));
            return fail(number, int(bad < 0 ? 1 : bad + 1), Tr::tr("The line is not valid UTF-8 text."));
        }
        if (end == view.size() && bytes.isEmpty() && number > 1)
            break; // the final line end
        lines->append({text, number, 1});
        start = end + 1;
    }
    return true;
}

std::optional<ReadResult> Reader::read(const QByteArray &data)
{
    QList<Line> lines;
    if (!decode(data, &lines))
        return std::nullopt;
    int firstText = 0;
    for (const Line &l : std::as_const(lines)) {
        if (!l.text.trimmed().isEmpty()) {
            firstText = l.number;
            break;
        }
    }
    if (firstText == 0) {
        fail(1, 1, Tr::tr("The file is empty; a Markdown port schema has at least a heading, a table or a list."));
        return std::nullopt;
    }

    // A compose or Prometheus file often starts with "# comment", which
    // Markdown reads as a heading: refuse YAML by its lines instead.
    static const QRegularExpression yamlLine(QStringLiteral("^\\s*(?:-\\s+)?[\\w.\"'-]+:(?:\\s|$)|^\\s*-\\s|^---\\s*$"));
    static const QRegularExpression keyLine(QStringLiteral("^\\s*[\\w.-]+:(?:\\s|$)"));
    int yamlLines = 0;
    int otherLines = 0;
    int firstYaml = 0;
    bool keys = false; // "- a: 1" lists alone are Markdown too
    for (const Line &l : std::as_const(lines)) {
        const QStringView t = QStringView(l.text).trimmed();
        if (t.isEmpty() || t.startsWith(QLatin1Char('#')))
            continue;
        // Both patterns need a colon or a leading dash.
        const bool maybe = t.contains(QLatin1Char(':')) || t.startsWith(QLatin1Char('-'));
        if (maybe && yamlLine.match(l.text).hasMatch()) {
            ++yamlLines;
            if (firstYaml == 0)
                firstYaml = l.number;
        } else {
            ++otherLines;
            break; // a line that is not YAML: the file is not
        }
        keys = keys || keyLine.match(l.text).hasMatch();
    }
    const bool yaml = keys && otherLines == 0 && yamlLines > 0;

    // The PORT_SCHEMA layout first: it reads every field exactly. Where a
    // file is not in that layout, the common shapes of port docs are read.
    // It runs before md4c does, so that the file's lines are gone before
    // md4c's blocks come: on a 50 MB file that is a third less memory.
    std::optional<ReadResult> layout = yaml ? std::nullopt : readLayout(lines);
    lines = QList<Line>();
    const bool ownLayout = layout
        && (mOwnLayout || !layout->schema.ranges.isEmpty() || !layout->schema.dates.isEmpty()
            || !layout->schema.principles.isEmpty());
    // Its error counts after the two below, which say more.
    const bool layoutFailed = mFailed;
    const ParseError layoutError = *mError;
    mFailed = false;

    // md4c's reading of the whole file: what is a heading, a table, a list.
    QByteArray body = data;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3);
    // A document in the layout, with its services read, needs of md4c only
    // whether it has structure and which other tables list ports.
    QList<MdBlock> blocks;
    const bool outline = layout && ownLayout && !layout->schema.services.isEmpty();
    scanMarkdown(body, &blocks, outline ? ScanDepth::Outline : ScanDepth::Full);
    const bool structured = std::any_of(blocks.cbegin(), blocks.cend(),
                                        [](const MdBlock &b) { return b.kind != MdBlock::Paragraph; });
    if (!structured) {
        fail(firstText, 1,
             Tr::tr("The file has no Markdown heading, table or list; it does not look like a port schema "
                    "(is it another format, such as a compose file?)."));
        return std::nullopt;
    }
    if (yaml) {
        fail(firstYaml, 1, Tr::tr("The file looks like YAML (such as a compose file), not a Markdown port schema."));
        return std::nullopt;
    }
    if (layoutFailed) {
        *mError = layoutError;
        mFailed = true;
    }
    if (!layout && !mLayoutMismatch)
        return std::nullopt;
    if (layout && !layout->schema.services.isEmpty() && !ownLayout) {
        // Port | Service tables under headings of the doc's own: what the
        // tables mean (hosts, asides, bold names) is read as by the shapes;
        // the doc's prose stays, as the layout keeps it.
        ReadResult shapes = readPortShapes(blocks, mOptions);
        if (!shapes.schema.services.isEmpty()) {
            shapes.schema.title = layout->schema.title;
            shapes.schema.notes = layout->schema.notes;
            shapes.schema.sections = layout->schema.sections;
            // A column the layout does not know but the shapes read (a host's
            // "Forward To") is no longer only kept in the notes.
            QList<Diagnostic> kept;
            for (int i = 0; i < layout->warnings.size(); ++i) {
                const bool read = std::any_of(mUnknownColumns.cbegin(), mUnknownColumns.cend(), [&](const auto &c) {
                    return c.second == i && isKnownColumn(c.first);
                });
                if (!read)
                    kept.append(layout->warnings.at(i));
            }
            shapes.warnings = kept + shapes.warnings;
            return shapes;
        }
    }
    if (layout && !layout->schema.services.isEmpty()) {
        // The layout reads Port | Service tables; any other port table stays
        // in the notes, which is said rather than done silently.
        for (const MdBlock &b : std::as_const(blocks)) {
            if (!looksLikePortTable(b))
                continue;
            bool port = false;
            bool service = false;
            for (const MdText &h : b.header) {
                port = port || h.text.compare(QLatin1String("port"), Qt::CaseInsensitive) == 0;
                service = service || h.text.compare(QLatin1String("service"), Qt::CaseInsensitive) == 0;
            }
            if (port && service)
                continue;
            Diagnostic d;
            d.file = mOptions.fileName;
            d.line = b.line;
            d.column = b.column;
            d.message = Tr::tr("The table at %1:%2 lists ports without the columns Port and Service of this layout; "
                               "it was kept as notes, not read as services.")
                            .arg(b.line)
                            .arg(b.column);
            layout->warnings.append(d);
        }
        return layout;
    }
    ReadResult shapes = readPortShapes(blocks, mOptions);
    if (!layout) {
        if (shapes.schema.services.isEmpty())
            return std::nullopt;
        Diagnostic note = *mError;
        note.message = Tr::tr("%1 Read as general port documentation instead.").arg(mError->message);
        *mError = ParseError();
        shapes.warnings.prepend(note);
        return shapes;
    }
    if (shapes.schema.services.isEmpty()) {
        // A document of someone else's in which nothing at all looks like
        // ports (no table or list even skipped with a warning) imports as
        // nothing: refused, rather than an empty plan and exit 0.
        const Schema &read = layout->schema;
        const bool noticed = std::any_of(shapes.warnings.cbegin(), shapes.warnings.cend(),
                                         [](const Diagnostic &d) { return d.line > 0; });
        if (!ownLayout && !noticed && read.services.isEmpty() && read.hosts.isEmpty() && read.ranges.isEmpty()
            && read.reservations.isEmpty()) {
            fail(firstText, 1,
                 Tr::tr("Nothing in the file reads as a port schema: no table with a Port column, no list of "
                        "services with ports (such as \"- api (3000)\"), no hosts or ranges."));
            return std::nullopt;
        }
        // Nothing to add; keep only what was skipped, with its position.
        for (const Diagnostic &d : std::as_const(shapes.warnings)) {
            if (d.line > 0)
                layout->warnings.append(d);
        }
        return layout;
    }
    layout->schema.services = shapes.schema.services;
    layout->schema.hosts = shapes.schema.hosts;
    layout->schema.ranges = shapes.schema.ranges;
    layout->schema.reservations = shapes.schema.reservations;
    layout->warnings.append(shapes.warnings);
    return layout;
}

std::optional<ReadResult> Reader::readLayout(const QList<Line> &lines)
{

    // Preamble (title, status block, dates), then one section per "## ".
    qsizetype preambleSize = lines.size();
    QList<Section> sections;
    QList<qsizetype> starts; // of each section's lines
    bool inFence = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &l = lines.at(i);
        if (isFence(l.text))
            inFence = !inFence;
        const QStringView trimmed = QStringView(l.text).trimmed();
        if (!inFence && (trimmed == QLatin1String("##") || trimmed.startsWith(QLatin1String("## ")))) {
            static const QRegularExpression closing(QStringLiteral("\\s+#+$"));
            Section s;
            s.title = trimmed.mid(2).trimmed().toString();
            s.title.remove(closing);
            s.heading = l;
            if (sections.isEmpty())
                preambleSize = i;
            sections.append(s);
            starts.append(i + 1);
        }
    }
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const qsizetype end = i + 1 < sections.size() ? starts.at(i + 1) - 1 : lines.size();
        sections[i].lines = Lines(lines.constData() + starts.at(i), size_t(end - starts.at(i)));
    }
    if (!readPreamble(Lines(lines.constData(), size_t(preambleSize))))
        return std::nullopt;
    for (const Section &s : std::as_const(sections)) {
        if (!readSection(s))
            return std::nullopt;
    }
    if (!applyStatus())
        return std::nullopt;
    resolveCounterparts();

    const QString remarks = joinProse(mRemarks);
    if (!remarks.isEmpty()) {
        // Kept first so that an export writes it back into the status block.
        mSchema.sections.prepend({QString(kRealPorts), remarks});
    }
    return ReadResult{mSchema, mWarnings};
}

bool Reader::readPreamble(Lines lines)
{
    static const QRegularExpression dateLine(QStringLiteral("^\\*\\*([^*]+?):\\*\\*\\s+(\\S.*)$"));
    QList<Line> quote;
    QList<const Line *> notes;
    bool quoteDone = false;
    bool titleDone = false;
    for (int i = 0; i < int(lines.size()); ++i) {
        const Line &l = lines[i];
        const QString trimmed = l.text.trimmed();
        if (trimmed.startsWith(QLatin1Char('>')) && !quoteDone) {
            // The first block quote is the status block.
            for (; i < int(lines.size()) && lines[i].text.trimmed().startsWith(QLatin1Char('>')); ++i) {
                Line q = lines[i];
                const qsizetype marker = q.text.indexOf(QLatin1Char('>'));
                int skip = int(marker) + 1;
                if (skip < q.text.size() && q.text.at(skip) == QLatin1Char(' '))
                    ++skip;
                q.text = q.text.mid(skip);
                q.column += skip;
                quote.append(q);
            }
            --i;
            quoteDone = true;
            continue;
        }
        if (!titleDone && (trimmed.startsWith(QLatin1String("# ")) || trimmed == QLatin1String("#"))) {
            mSchema.title = plainText(QStringView(trimmed).mid(1)).trimmed();
            titleDone = true;
            continue;
        }
        const QRegularExpressionMatch m =
            trimmed.startsWith(QLatin1String("**")) ? dateLine.match(trimmed) : QRegularExpressionMatch();
        if (m.hasMatch()) {
            mSchema.dates.insert(plainText(m.capturedView(1)).trimmed(), plainText(m.capturedView(2)).trimmed());
            continue;
        }
        notes.append(&l);
    }
    if (!readStatus(quote))
        return false;
    // Prose outside the quote joins the notes (written back inside the quote).
    const QString extra = joinProse(notes);
    if (!extra.isEmpty())
        mSchema.notes = mSchema.notes.isEmpty() ? extra : mSchema.notes + QLatin1String("\n\n") + extra;
    return true;
}

bool Reader::readStatus(const QList<Line> &lines)
{
    const QRegularExpression &heading = statusHeading();
    const QRegularExpression &hostHeading = statusHostHeading();
    const QRegularExpression &inactive = statusInactive();
    static const QRegularExpression bullet(QStringLiteral("^[-*+]\\s+"));

    // With a status heading, everything before it is notes, even a bold line
    // that ends with a colon; without one, the notes end at the first host.
    qsizetype headingAt = -1;
    for (qsizetype i = 0; i < lines.size() && headingAt < 0; ++i) {
        if (lines.at(i).text.contains(QLatin1String("Real ports today"), Qt::CaseInsensitive)
            && heading.match(lines.at(i).text.trimmed()).hasMatch())
            headingAt = i;
    }
    QList<Line> intro;
    int i = 0;
    for (; i < lines.size(); ++i) {
        const QString t = lines.at(i).text.trimmed();
        if (i == headingAt) {
            const QRegularExpressionMatch m = heading.match(t);
            const QString date = plainText(m.capturedView(1)).trimmed();
            if (!date.isEmpty())
                mSchema.dates.insert(QString(kRealPorts), date);
            mOwnLayout = true;
            ++i;
            break;
        }
        if (headingAt < 0 && (hostHeading.match(t).hasMatch() || inactive.match(t).hasMatch())) {
            mOwnLayout = true;
            break;
        }
        Line l = lines.at(i);
        if (t.startsWith(QLatin1Char('\\'))) {
            const int at = escapedHeadingAt(l.text);
            if (at >= 0)
                l.text.remove(at, 1);
        }
        intro.append(l);
    }
    mSchema.notes = joinProse(intro);

    enum class Mode { None, Bullet, Inactive, Prose };
    Mode mode = Mode::None;
    int host = -1;
    Joined current;
    int inactiveSkip = 0;
    ServiceStatus inactiveStatus = ServiceStatus::NotDeployed;
    auto finish = [&]() {
        bool ok = true;
        if (mode == Mode::Bullet)
            ok = readStatusBullet(current);
        else if (mode == Mode::Inactive)
            ok = readInactive(current, inactiveSkip, inactiveStatus);
        current = Joined();
        return ok;
    };
    for (; i < lines.size(); ++i) {
        const Line &l = lines.at(i);
        const QString t = l.text.trimmed();
        if (t.isEmpty()) {
            if (!finish())
                return false;
            if (mode == Mode::Prose)
                mRemarks.append(l);
            else
                mode = Mode::None;
            continue;
        }
        const QRegularExpressionMatch hm = hostHeading.match(t);
        if (hm.hasMatch() && !inactive.match(t).hasMatch()) {
            if (!finish() || !readHostHeading(l, hm.captured(1)))
                return false;
            host = int(mSchema.hosts.size()) - 1;
            mode = Mode::None;
            continue;
        }
        const QRegularExpressionMatch im = inactive.match(t);
        if (im.hasMatch()) {
            if (!finish())
                return false;
            mode = Mode::Inactive;
            inactiveStatus = im.captured(1).compare(kRetired, Qt::CaseInsensitive) == 0 ? ServiceStatus::Retired
                                                                                         : ServiceStatus::NotDeployed;
            current.append(l);
            inactiveSkip = int(im.capturedLength(0));
            continue;
        }
        const QRegularExpressionMatch bm = bullet.match(t);
        if (bm.hasMatch() && host >= 0 && mode != Mode::Prose) {
            if (!finish())
                return false;
            mode = Mode::Bullet;
            const int lead = int(l.text.indexOf(t.at(0)));
            current.append(l, lead + int(bm.capturedLength(0)));
            mBulletHost = host;
            continue;
        }
        if (mode == Mode::Bullet || mode == Mode::Inactive) {
            current.append(l);
            continue;
        }
        if (!finish())
            return false;
        if (mode != Mode::Prose && !mRemarks.isEmpty())
            mRemarks.append(Line());
        mode = Mode::Prose;
        host = -1;
        mRemarks.append(l);
    }
    return finish();
}

bool Reader::readHostHeading(const Line &line, const QString &inner)
{
    // "Windows GPU server (`192.168.178.11`)", "Mac Mini (production)"
    Host h;
    QStringView s(inner);
    int open = -1;
    if (s.endsWith(QLatin1Char(')')) && !s.endsWith(QLatin1String("\\)"))) {
        for (int i = findTopLevel(s, 0, QLatin1Char('(')); i >= 0; i = findTopLevel(s, i + 1, QLatin1Char('('))) {
            if (matchingParen(s, i) == s.size() - 1) {
                open = i;
                break;
            }
        }
    }
    if (open >= 0) {
        const QStringView paren = s.mid(open + 1, s.size() - open - 2).trimmed();
        h.name = plainText(s.left(open)).trimmed();
        QString address;
        int end = paren.startsWith(QLatin1Char('`')) ? codeSpanEnd(paren, 0, &address) : -1;
        if (end >= 0) {
            h.address = address.trimmed();
            end = skipSpaces(paren, end);
            if (end < paren.size() && paren[end] == QLatin1Char(','))
                h.notes = plainText(paren.mid(end + 1)).trimmed();
            else if (end < paren.size())
                h.notes = plainText(paren.mid(end)).trimmed();
        } else {
            h.notes = plainText(paren).trimmed();
        }
    } else {
        h.name = plainText(s).trimmed();
    }
    if (h.name.isEmpty())
        return fail(line.number, line.column, Tr::tr("The host heading has no name."));
    h.id = mHostIds.take(h.name, QStringLiteral("item"));
    mSchema.hosts.append(h);
    return true;
}

bool Reader::readStatusBullet(const Joined &bullet)
{
    // "mana-credits `3061`, mana-user `3062`, ..., mana-research `3068` (details)"
    const int host = mBulletHost;
    const QStringView s(bullet.text);
    int line, column;
    int pos = 0;
    bool any = false;
    while (true) {
        pos = skipSpaces(s, pos);
        if (pos >= s.size() || (any && s.mid(pos).trimmed() == QLatin1String(".")))
            break;
        // The port is the first code span holding a port; code spans right
        // before another one belong to the name.
        int span = -1;
        int spanEnd = -1;
        QString content;
        for (int i = pos; i < s.size();) {
            if (s[i] == QLatin1Char('\\')) {
                i += 2;
                continue;
            }
            if (s[i] == QLatin1Char('`')) {
                const int end = codeSpanEnd(s, i, &content);
                if (end < 0) {
                    i += backtickRun(s, i);
                    continue;
                }
                int port;
                Protocol protocol;
                const int next = skipSpaces(s, end);
                if (parsePortText(content, &port, &protocol) || next >= s.size() || s[next] != QLatin1Char('`')) {
                    span = i;
                    spanEnd = end;
                    break;
                }
                i = end;
                continue;
            }
            ++i;
        }
        if (span < 0) {
            bullet.locate(pos, &line, &column);
            return fail(line, column,
                        Tr::tr("The service \"%1\" has no port; write it as name `port`, e.g. mana-auth `3001`.")
                            .arg(plainText(s.mid(pos)).trimmed()));
        }
        StatusItem item;
        item.host = host;
        item.name = plainText(s.mid(pos, span - pos)).trimmed();
        bullet.locate(span, &line, &column);
        item.line = line;
        if (item.name.isEmpty())
            return fail(line, column, Tr::tr("The port %1 has no service name before it.").arg(content));
        if (!parsePortText(content, &item.port, &item.protocol))
            return fail(line, column, Tr::tr("\"%1\" is not a port number (1-65535).").arg(content));
        pos = skipSpaces(s, spanEnd);
        if (pos < s.size() && s[pos] == QLatin1Char('(')) {
            const int close = matchingParen(s, pos);
            if (close < 0) {
                bullet.locate(pos, &line, &column);
                return fail(line, column, Tr::tr("The parenthesis is not closed."));
            }
            item.details = parseDetails(s.mid(pos + 1, close - pos - 1));
            pos = skipSpaces(s, close + 1);
        }
        mStatusItems.append(item);
        any = true;
        if (pos < s.size() && s[pos] == QLatin1Char(',')) {
            ++pos;
            continue;
        }
        if (pos < s.size() && s.mid(pos).trimmed() != QLatin1String(".")) {
            bullet.locate(pos, &line, &column);
            return fail(line, column,
                        Tr::tr("Unexpected text after the port of %1: \"%2\"; separate services with commas.")
                            .arg(item.name, s.mid(pos).toString()));
        }
        break;
    }
    if (!any) {
        bullet.locate(0, &line, &column);
        return fail(line, column, Tr::tr("The list item names no service."));
    }
    return true;
}

bool Reader::readInactive(const Joined &para, int skip, ServiceStatus status)
{
    // "`mana-voice-bot` (default port `3024`, no scheduled task, ...)."
    const QStringView s = QStringView(para.text).mid(skip);
    int line, column;
    int pos = 0;
    while (true) {
        pos = skipSpaces(s, pos);
        if (pos >= s.size() || s.mid(pos).trimmed() == QLatin1String("."))
            break;
        InactiveItem item;
        item.status = status;
        para.locate(skip + pos, &line, &column);
        item.line = line;
        QString name;
        const int spanEnd = s[pos] == QLatin1Char('`') ? codeSpanEnd(s, pos, &name) : -1;
        if (spanEnd >= 0) {
            item.name = name.trimmed();
            pos = spanEnd;
        } else {
            int end = int(s.size());
            for (QChar stop : {QLatin1Char('('), QLatin1Char(',')}) {
                const int at = findTopLevel(s, pos, stop);
                if (at >= 0)
                    end = std::min(end, at);
            }
            item.name = plainText(s.mid(pos, end - pos)).trimmed();
            if (item.name.endsWith(QLatin1Char('.')))
                item.name.chop(1);
            pos = end;
        }
        if (item.name.isEmpty())
            return fail(line, column, Tr::tr("A service name is missing in the list."));
        pos = skipSpaces(s, pos);
        if (pos < s.size() && s[pos] == QLatin1Char('(')) {
            const int close = matchingParen(s, pos);
            if (close < 0) {
                para.locate(skip + pos, &line, &column);
                return fail(line, column, Tr::tr("The parenthesis is not closed."));
            }
            item.notes = plainText(s.mid(pos + 1, close - pos - 1)).trimmed();
            pos = skipSpaces(s, close + 1);
        }
        mInactiveItems.append(item);
        if (pos < s.size() && s[pos] == QLatin1Char(',')) {
            ++pos;
        } else if (s.mid(pos).startsWith(QLatin1String("and "))) {
            pos += 4;
        } else if (pos < s.size() && s.mid(pos).trimmed() != QLatin1String(".")) {
            para.locate(skip + pos, &line, &column);
            return fail(line, column, Tr::tr("Unexpected text \"%1\"; separate services with commas.").arg(s.mid(pos).toString()));
        }
    }
    return true;
}

bool Reader::readSection(const Section &section)
{
    static const QRegularExpression rangeHeading(QStringLiteral("^(\\d+)\\s*[-\\x{2013}]\\s*(\\d+)\\s*(?::\\s*(.*))?$"));
    const QRegularExpressionMatch m = rangeHeading.match(section.title);
    if (m.hasMatch()) {
        mOwnLayout = true; // "## FIRST-LAST: Title", even one that is no range
        bool okFirst, okLast;
        const int first = m.capturedView(1).toInt(&okFirst);
        const int last = m.capturedView(2).toInt(&okLast);
        const int column = section.heading.column + int(section.heading.text.indexOf(m.capturedView(1)));
        // A heading that cannot be a range is read as a plain section, with a warning.
        if (!okFirst || !okLast || !isValidPort(first) || !isValidPort(last))
            warn(section.heading.number, column,
                 Tr::tr("The range %1 is not made of port numbers (1-65535); the section is read without a range.")
                     .arg(section.title));
        else if (first > last)
            warn(section.heading.number, column,
                 Tr::tr("The range starts at %1 but ends before it, at %2; the section is read without a range.")
                     .arg(first)
                     .arg(last));
        else
            return readRangeSection(section, first, last, plainText(m.capturedView(3)).trimmed());
    }
    for (const QLatin1String own : {kPrinciples, kChecklist, kUnranged, kInternalOnly, kKnownProblems}) {
        if (section.title.compare(own, Qt::CaseInsensitive) == 0)
            mOwnLayout = true;
    }
    if (section.title.compare(kPrinciples, Qt::CaseInsensitive) == 0)
        return readPrinciples(section);
    if (section.title.compare(kKnownProblems, Qt::CaseInsensitive) == 0) {
        warn(section.heading.number, section.heading.column,
             Tr::tr("The section \"%1\" is written from the analyzer on export; it was not imported.").arg(section.title));
        return true;
    }

    QList<Table> tables;
    QList<Line> prose;
    splitBlocks(section.lines, &tables, &prose);
    const QString title = plainText(section.title).trimmed();
    const bool internal = title.contains(kInternalOnly, Qt::CaseInsensitive) || isInternalTitle(title);
    // The tables of Unranged Services and Internal Only are Portolan's own and
    // read strictly; in any other section a service table that cannot be read
    // stays in the section's text (an export writes sections back as written).
    const bool ownTables = title.compare(kUnranged, Qt::CaseInsensitive) == 0
        || title.compare(kInternalOnly, Qt::CaseInsensitive) == 0;
    bool hadServices = false;
    for (const Table &t : std::as_const(tables)) {
        if (isServiceTable(t) && ownTables) {
            hadServices = true;
            if (!readServiceTable(t, QString(), internal))
                return false;
        } else if (isServiceTable(t) && !serviceTableError(t)) {
            hadServices = true;
            if (!readServiceTable(t, QString(), internal))
                return false;
        } else {
            if (isServiceTable(t)) {
                const Diagnostic e = *serviceTableError(t);
                warn(e.line, e.column,
                     Tr::tr("%1 The table is kept in the section's text, not read as services.").arg(e.message));
            }
            // Other tables stay in the section's text, where they were.
            prose.append(t.header);
            prose.append(t.delimiter);
            for (const TableRow &r : t.rows)
                prose.append(r.line);
        }
    }
    std::sort(prose.begin(), prose.end(), [](const Line &a, const Line &b) { return a.number < b.number; });
    NoteSection note{title, readFreeText(joinProse(prose), FreeText::Section)};
    const bool generatedContainer = hadServices && note.text.isEmpty()
        && (title == kUnranged || title == kInternalOnly);
    const bool defaultChecklist = title == kChecklist && note.text == MarkdownFormat::defaultChecklist();
    if (!generatedContainer && !defaultChecklist)
        mSchema.sections.append(note);
    return true;
}

bool Reader::readRangeSection(const Section &section, int first, int last, const QString &title)
{
    PortRange range;
    range.first = first;
    range.last = last;
    range.title = title.isEmpty() ? QStringLiteral("%1-%2").arg(first).arg(last) : title;
    range.id = mRangeIds.take(range.title, QStringLiteral("item"));
    QList<Table> tables;
    QList<Line> prose;
    splitBlocks(section.lines, &tables, &prose);
    for (const Table &t : std::as_const(tables)) {
        if (!isServiceTable(t)) {
            mLayoutMismatch = true;
            return fail(t.header.number, t.header.column, Tr::tr("A range's table needs the columns Port and Service."));
        }
    }
    range.purpose = readFreeText(joinProse(prose), FreeText::Range);
    mSchema.ranges.append(range);
    for (const Table &t : std::as_const(tables)) {
        if (!readServiceTable(t, range.id, false))
            return false;
    }
    return true;
}

bool Reader::readPrinciples(const Section &section)
{
    static const QRegularExpression item(QStringLiteral("^(?:\\d+[.)]|[-*+])\\s+"));
    for (const Line &l : section.lines) {
        const QString t = l.text.trimmed();
        if (t.isEmpty())
            continue;
        const QRegularExpressionMatch m = item.match(t);
        if (m.hasMatch() || mSchema.principles.isEmpty())
            mSchema.principles.append(t.mid(m.hasMatch() ? m.capturedLength(0) : 0));
        else
            mSchema.principles.last() += QLatin1Char(' ') + t;
    }
    return true;
}

std::optional<Diagnostic> Reader::serviceTableError(const Table &table) const
{
    const int portCol = int(table.headers.indexOf(QLatin1String("port")));
    const int serviceCol = int(table.headers.indexOf(QLatin1String("service")));
    for (const TableRow &row : table.rows) {
        // As readServiceTable() reads it: missing cells are empty.
        auto cell = [&row](int c) { return row.cells.value(c); };
        auto columnOf = [&row](int c) { return row.line.column + row.columns.value(c, int(row.line.text.size())); };
        Diagnostic d;
        d.file = mOptions.fileName;
        d.line = row.line.number;
        QList<std::pair<int, int>> spans;
        QString bad;
        if (isReservedCell(cell(serviceCol), &bad)) {
            if (!reservedSpans(cell(portCol), &spans, &bad)) {
                d.column = columnOf(portCol);
                d.message = badSpanMessage(bad);
                return d;
            }
        } else if (plainText(cell(serviceCol)).trimmed().isEmpty()) {
            d.column = columnOf(serviceCol);
            d.message = noServiceNameMessage();
            return d;
        }
    }
    return std::nullopt;
}

bool Reader::readServiceTable(const Table &table, const QString &rangeId, bool internal)
{
    const int portCol = int(table.headers.indexOf(QLatin1String("port")));
    const int serviceCol = int(table.headers.indexOf(QLatin1String("service")));
    const int runtimeCol = int(table.headers.indexOf(QLatin1String("runtime")));
    const int descriptionCol = int(table.headers.indexOf(QLatin1String("description")));
    int notesCol = int(table.headers.indexOf(QLatin1String("notes")));
    if (notesCol < 0)
        notesCol = int(table.headers.indexOf(QLatin1String("note")));
    int protocolCol = int(table.headers.indexOf(QLatin1String("protocol")));
    if (protocolCol < 0)
        protocolCol = int(table.headers.indexOf(QLatin1String("proto")));
    int counterpartCol = -1;
    for (int c = 0; c < table.headers.size(); ++c) {
        const QString &h = table.headers.at(c);
        if (h.startsWith(QLatin1String("corresponds")) || h == QLatin1String("backend")
            || h == QLatin1String("server")) {
            counterpartCol = c;
        } else if (c != portCol && c != serviceCol && c != runtimeCol && c != descriptionCol && c != notesCol
                   && c != protocolCol) {
            mUnknownColumns.append({h, int(mWarnings.size())});
            warn(table.header.number, table.header.column,
                 Tr::tr("The column \"%1\" is not one Portolan knows; its cells are kept in the services' notes.")
                     .arg(h));
        }
    }
    // Room for this table's rows, growing by at least half: reserving just
    // enough for each table copied every service read so far once a table,
    // which for a fleet's 200 range tables was most of the import.
    if (const qsizetype needed = mSchema.services.size() + table.rows.size();
        needed > mSchema.services.capacity())
        mSchema.services.reserve(qMax(needed, mSchema.services.capacity() * 3 / 2));
    for (const TableRow &row : table.rows) {
        QStringList cells = row.cells;
        QList<int> columns = row.columns;
        if (cells.size() < table.headers.size()) {
            warn(row.line.number, row.line.column,
                 Tr::tr("The row has %1 cells, the table's header %2; the missing cells are read as empty.")
                     .arg(cells.size())
                     .arg(table.headers.size()));
            while (cells.size() < table.headers.size()) {
                cells.append(QString());
                columns.append(int(row.line.text.size()));
            }
        } else if (cells.size() > table.headers.size()) {
            warn(row.line.number, row.line.column,
                 Tr::tr("The row has %1 cells, the table's header %2; the extra cells are kept in the notes.")
                     .arg(cells.size())
                     .arg(table.headers.size()));
        }
        auto columnOf = [&](int c) { return row.line.column + columns.value(c); };
        const QString &portRaw = cells.at(portCol);
        QString reservedNote;
        if (isReservedCell(cells.at(serviceCol), &reservedNote)) {
            if (descriptionCol >= 0)
                appendJoined(&reservedNote, plainText(cells.at(descriptionCol)).trimmed());
            QList<std::pair<int, int>> spans;
            QString bad;
            if (!reservedSpans(portRaw, &spans, &bad))
                return fail(row.line.number, columnOf(portCol), badSpanMessage(bad));
            for (const auto &[first, last] : std::as_const(spans))
                mSchema.reservations.append({first, last, rangeId, reservedNote});
            continue;
        }
        Service s;
        s.name = plainText(cells.at(serviceCol)).trimmed();
        if (s.name.isEmpty())
            return fail(row.line.number, columnOf(serviceCol), noServiceNameMessage());
        const QString port = plainText(portRaw).trimmed();
        QList<CellPort> extraPorts;
        if (!isEmptyMark(port) && !parsePortText(port, &s.plannedPort, &s.protocol)) {
            // "80 / 443", "8000-8010", "3000 (tcp)": read what is a port, warn about the rest.
            QList<std::pair<QString, int>> bad;
            extraPorts = parsePortCell(port, &bad);
            for (const auto &[text, offset] : std::as_const(bad))
                warn(row.line.number, columnOf(portCol) + offset,
                     Tr::tr("\"%1\" is not a port (1-65535); the row is kept without it.").arg(text));
            if (!extraPorts.isEmpty()) {
                const CellPort first = extraPorts.takeFirst();
                s.plannedPort = first.first;
                s.protocol = first.protocol;
                if (first.target)
                    s.containerPort = first.target;
                if (first.last > first.first)
                    appendJoined(&s.notes, Tr::tr("ports %1-%2").arg(first.first).arg(first.last), QLatin1String("; "));
                appendJoined(&s.notes, first.note, QLatin1String("; "));
            }
        }
        if (protocolCol >= 0) {
            // "UDP" alone; "TCP/UDP" stays TCP.
            const QString proto = plainText(cells.at(protocolCol));
            if (proto.contains(QLatin1String("udp"), Qt::CaseInsensitive)
                && !proto.contains(QLatin1String("tcp"), Qt::CaseInsensitive))
                s.protocol = Protocol::Udp;
        }
        s.rangeId = rangeId;
        if (internal)
            s.exposure = Exposure::Internal;
        if (runtimeCol >= 0)
            s.runtime = plainText(cells.at(runtimeCol)).trimmed();
        if (descriptionCol >= 0)
            s.description = plainText(cells.at(descriptionCol)).trimmed();
        if (notesCol >= 0)
            s.notes = plainText(cells.at(notesCol)).trimmed();
        for (int c = 0; c < cells.size(); ++c) {
            if (c != portCol && c != serviceCol && c != runtimeCol && c != descriptionCol && c != notesCol
                && c != counterpartCol && c != protocolCol && !cells.at(c).isEmpty())
                appendJoined(&s.notes, c < table.headers.size() ? QStringLiteral("%1: %2").arg(table.headers.at(c),
                                                                                                plainText(cells.at(c)))
                                                                : plainText(cells.at(c)),
                             QLatin1String("; "));
        }
        QList<Service> extras;
        for (const CellPort &p : std::as_const(extraPorts)) {
            Service extra = s;
            extra.name = QStringLiteral("%1-%2").arg(s.name).arg(p.first);
            extra.plannedPort = p.first;
            extra.protocol = p.protocol;
            extra.containerPort = p.target;
            extras.append(extra);
        }
        const int index = addService(std::move(s));
        for (Service &extra : extras)
            addService(std::move(extra));
        if (counterpartCol >= 0 && !cells.at(counterpartCol).isEmpty())
            mCounterparts.append({index, cells.at(counterpartCol), descriptionCol >= 0, row.line.number,
                                  columnOf(counterpartCol)});
    }
    return true;
}

bool Reader::applyStatus()
{
    QSet<int> claimed;
    auto find = [&](const QString &name) {
        for (int index : mByName.value(name)) {
            if (!claimed.contains(index))
                return index;
        }
        return -1;
    };
    QList<int> created;
    for (const StatusItem &item : std::as_const(mStatusItems)) {
        int index = find(item.name);
        if (index < 0) {
            Service s;
            s.name = item.name;
            index = addService(s);
        }
        claimed.insert(index);
        Service &s = mSchema.services[index];
        s.actualPort = item.port;
        if (item.protocol == Protocol::Udp)
            s.protocol = Protocol::Udp;
        s.hostId = mSchema.hosts.at(item.host).id;
        s.status = ServiceStatus::Deployed;
        s.deployment = item.details.deployment;
        s.publicHostname = item.details.publicHostname;
        if (item.details.isPublic)
            s.exposure = Exposure::Public;
        appendJoined(&s.notes, item.details.notes, QLatin1String("; "));
        if (!item.details.runtime.isEmpty()) {
            if (!s.runtime.isEmpty() && s.runtime != item.details.runtime)
                warn(item.line, 0,
                     Tr::tr("%1 runs on %2 here but on %3 in its table; the table wins.")
                         .arg(s.name, item.details.runtime, s.runtime));
            else
                s.runtime = item.details.runtime;
        }
    }
    for (const InactiveItem &item : std::as_const(mInactiveItems)) {
        const QList<int> candidates = mByName.value(item.name);
        int index = candidates.isEmpty() ? -1 : candidates.first();
        if (index < 0) {
            Service s;
            s.name = item.name;
            index = addService(s);
        } else if (claimed.contains(index)) {
            warn(item.line, 0, Tr::tr("%1 is listed with a real port and as not running; read as not running.").arg(item.name));
        }
        Service &s = mSchema.services[index];
        s.status = item.status;
        appendJoined(&s.notes, item.notes, QLatin1String("; "));
    }
    return true;
}

void Reader::resolveCounterparts()
{
    // "3030 chat-server" names the backend; "*(local-first only)*" is an
    // aside; anything else is the description (the frontend table has no
    // Description column of its own).
    static const QRegularExpression withPort(QStringLiteral("^(\\d{1,5})\\s+(.+)$"));
    for (const PendingCounterpart &p : std::as_const(mCounterparts)) {
        Service &s = mSchema.services[p.service];
        QString aside;
        if (isAsideCell(p.raw, &aside)) {
            appendJoined(&s.notes, aside, QLatin1String("; "));
            continue;
        }
        const QString text = plainText(p.raw).trimmed();
        const QRegularExpressionMatch m = withPort.match(text);
        QString name = text;
        int port = 0;
        if (m.hasMatch() && mByName.contains(m.captured(2).trimmed())) {
            name = m.captured(2).trimmed();
            port = m.capturedView(1).toInt();
        }
        const QList<int> targets = mByName.value(name);
        if (!targets.isEmpty()) {
            const Service &target = mSchema.services.at(targets.first());
            s.counterpartId = target.id;
            if (port && target.plannedPort && port != target.plannedPort)
                warn(p.line, p.column,
                     Tr::tr("%1 is said to be at %2, but its table plans it at %3.")
                         .arg(target.name)
                         .arg(port)
                         .arg(target.plannedPort));
            continue;
        }
        if (m.hasMatch())
            warn(p.line, p.column,
                 Tr::tr("No service is called \"%1\"; the cell is kept as %2's description.").arg(m.captured(2), s.name));
        if (s.description.isEmpty())
            s.description = text;
        else
            appendJoined(&s.notes, text, QLatin1String("; "));
    }
}

// ---------------------------------------------------------------------------
// Writing

bool boolOption(const QVariantMap &extra, const char *key, bool defaultValue)
{
    const QVariant v = extra.value(QLatin1String(key));
    if (!v.isValid())
        return defaultValue;
    if (v.typeId() == QMetaType::QString) {
        const QString s = v.toString().trimmed().toLower();
        return !(s == QLatin1String("false") || s == QLatin1String("0") || s == QLatin1String("no")
                 || s == QLatin1String("off"));
    }
    return v.toBool();
}

QString cell(const QString &plain)
{
    return escaped(plain, QLatin1String("|*"));
}

void appendTableLine(QString &out, const QStringList &cells)
{
    out += QLatin1Char('|');
    for (const QString &c : cells) {
        if (!c.isEmpty()) {
            out += QLatin1Char(' ');
            out += c;
        }
        out += QLatin1String(" |");
    }
    out += QLatin1Char('\n');
}

class Writer
{
public:
    Writer(const Schema &schema, bool status, bool findings, const WriteProgress &progress)
        : s(schema)
        , mStatus(status)
        , mFindings(findings)
        // A step per row: the status block's and the tables'.
        , mSteps(progress, schema.services.size() * (status ? 2 : 1))
    {
        // Schema::range() and host() search their lists; this writer asks per service.
        mRanges.reserve(s.ranges.size());
        for (const PortRange &r : s.ranges) {
            if (!mRanges.contains(r.id)) // the first of a repeated id, as Schema::range()
                mRanges.insert(r.id, &r);
        }
        mHostIds.reserve(s.hosts.size());
        for (const Host &h : s.hosts)
            mHostIds.insert(h.id);
    }

    QByteArray write();
    // The write was stopped through its progress: what write() gave is cut short.
    bool stopped() const { return mSteps.stopped(); }

private:
    bool listedInStatus(const Service &v) const
    {
        return mStatus && !v.hostId.isEmpty() && v.actualPort > 0
            && (v.status == ServiceStatus::Deployed || v.status == ServiceStatus::Planned);
    }
    bool listedInactive(const Service &v) const
    {
        return mStatus && (v.status == ServiceStatus::NotDeployed || v.status == ServiceStatus::Retired);
    }
    // Only the declared range: the real file keeps searxng (8080) out of
    // 8000-8099, so a port inside a range does not move a service into it.
    const PortRange *rangeFor(const Service &v) const
    {
        return v.rangeId.isEmpty() ? nullptr : mRanges.value(v.rangeId, nullptr);
    }
    bool inTable(const Service &v) const
    {
        const bool status = listedInStatus(v);
        return v.plannedPort > 0 || !v.description.isEmpty() || (!v.runtime.isEmpty() && !status)
            || (!status && !listedInactive(v)) || rangeFor(v);
    }
    bool notesInTable(const Service &v) const { return !v.notes.isEmpty() && !listedInStatus(v) && !listedInactive(v); }
    bool looksLikeReference(const QString &text) const
    {
        static const QRegularExpression withPort(QStringLiteral("^(\\d{1,5})\\s+(.+)$"));
        const QRegularExpressionMatch m = withPort.match(text);
        const TextHash<int> &byName = indexByName();
        return byName.contains(text) || (m.hasMatch() && byName.contains(m.captured(2).trimmed()));
    }

    void writeStatus(QString &out);
    void writeTable(QString &out, const QList<int> &services, const QList<Reservation> &reservations);

    // Schema::service() is a linear search; this writer asks once per row.
    const Service *service(const QString &id) const
    {
        if (id.isEmpty())
            return nullptr;
        if (mIndexById.isEmpty()) {
            mIndexById.reserve(s.services.size());
            for (int i = 0; i < s.services.size(); ++i)
                mIndexById.insert(s.services.at(i).id, i);
        }
        const auto it = mIndexById.constFind(id);
        return it == mIndexById.cend() ? nullptr : &s.services.at(*it);
    }
    // Built when first asked: only a table with a counterpart column asks.
    const TextHash<int> &indexByName() const
    {
        if (mIndexByName.isEmpty()) {
            mIndexByName.reserve(s.services.size());
            for (int i = 0; i < s.services.size(); ++i)
                mIndexByName.insert(s.services.at(i).name, i);
        }
        return mIndexByName;
    }

    bool step() { return mSteps.next(); }

    const Schema &s;
    bool mStatus;
    bool mFindings;
    WriteSteps mSteps;
    TextHash<const PortRange *> mRanges;
    TextSet mHostIds;
    mutable TextHash<int> mIndexByName;
    mutable TextHash<int> mIndexById;
};

void Writer::writeStatus(QString &out)
{
    QStringList quote;
    bool notesNeedHeading = false;
    if (!s.notes.isEmpty()) {
        quote += s.notes.split(QLatin1Char('\n'));
        for (QString &line : quote) {
            const QStringView trimmed = QStringView(line).trimmed();
            if (trimmed.contains(QLatin1String("Real ports today"), Qt::CaseInsensitive)) {
                const int at = escapedHeadingAt(line);
                if (at >= 0)
                    line.insert(at, QLatin1Char('\\'));
            }
            notesNeedHeading = notesNeedHeading || looksLikeStatus(trimmed);
        }
    }

    QStringList status;
    QList<int> inactive[2];
    TextHash<QList<int>> byHost;
    QStringList unknownHosts;
    for (int i = 0; i < s.services.size(); ++i) {
        const Service &v = s.services.at(i);
        if (listedInStatus(v)) {
            if (!mHostIds.contains(v.hostId) && !byHost.contains(v.hostId))
                unknownHosts.append(v.hostId);
            byHost[v.hostId].append(i);
        } else if (listedInactive(v)) {
            inactive[v.status == ServiceStatus::Retired ? 1 : 0].append(i);
        }
    }
    QList<Host> hosts = s.hosts;
    for (const QString &id : std::as_const(unknownHosts))
        hosts.append({id, id, {}, {}, {}});
    for (const Host &h : std::as_const(hosts)) {
        if (!status.isEmpty())
            status.append(QString());
        QStringList paren;
        if (!h.address.isEmpty())
            paren.append(codeSpan(h.address));
        if (!h.notes.isEmpty())
            paren.append(escaped(h.notes, QLatin1String("()*")));
        const QString name = escaped(h.name.isEmpty() ? h.id : h.name, QLatin1String("()*"));
        status.append(paren.isEmpty() ? QStringLiteral("**%1:**").arg(name)
                                      : QStringLiteral("**%1 (%2):**").arg(name, paren.join(QLatin1String(", "))));
        QList<int> list = byHost.value(h.id);
        std::stable_sort(list.begin(), list.end(),
                         [this](int a, int b) { return s.services.at(a).actualPort < s.services.at(b).actualPort; });
        for (int i : std::as_const(list)) {
            if (!step())
                return;
            const Service &v = s.services.at(i);
            Details d;
            d.deployment = v.deployment;
            d.notes = v.notes;
            d.runtime = inTable(v) ? QString() : v.runtime;
            d.publicHostname = v.publicHostname;
            d.isPublic = v.exposure == Exposure::Public || !v.publicHostname.isEmpty();
            // "- name `port`": a port's text has no backtick to fence.
            QString line = QStringLiteral("- ");
            appendEscaped(line, v.name);
            line += QLatin1String(" `");
            line += QString::number(v.actualPort);
            if (v.protocol == Protocol::Udp)
                line += QLatin1String("/udp");
            line += QLatin1Char('`');
            const QString details = writeDetails(d);
            if (!details.isEmpty()) {
                line += QLatin1String(" (");
                line += details;
                line += QLatin1Char(')');
            }
            status.append(line);
        }
    }
    for (int k = 0; k < 2; ++k) {
        if (inactive[k].isEmpty())
            continue;
        QStringList items;
        for (int i : std::as_const(inactive[k])) {
            const Service &v = s.services.at(i);
            QString item = codeSpan(v.name);
            if (!v.notes.isEmpty())
                item += QStringLiteral(" (%1)").arg(escaped(v.notes, QLatin1String("()")));
            items.append(item);
        }
        if (!status.isEmpty())
            status.append(QString());
        status.append(QStringLiteral("**%1:** %2.").arg(k == 0 ? kNotDeployed : kRetired, items.join(QLatin1String(", "))));
    }
    for (const NoteSection &n : s.sections) {
        if (n.title == kRealPorts && !n.text.isEmpty()) {
            if (!status.isEmpty())
                status.append(QString());
            status += n.text.split(QLatin1Char('\n'));
        }
    }
    const QString date = s.dates.value(QString(kRealPorts));
    if (!status.isEmpty() || !date.isEmpty() || notesNeedHeading) {
        if (!quote.isEmpty())
            quote.append(QString());
        quote.append(date.isEmpty() ? QStringLiteral("### %1").arg(kRealPorts)
                                    : QStringLiteral("### %1 (%2)").arg(kRealPorts, date));
        if (!status.isEmpty()) {
            quote.append(QString());
            quote += status;
        }
    }
    for (const QString &line : std::as_const(quote)) {
        if (line.isEmpty()) {
            out += QLatin1String(">\n");
        } else {
            out += QLatin1String("> ");
            out += line;
            out += QLatin1Char('\n');
        }
    }
    if (!quote.isEmpty())
        out += QLatin1Char('\n');
}

void Writer::writeTable(QString &out, const QList<int> &services, const QList<Reservation> &reservations)
{
    if (services.isEmpty() && reservations.isEmpty())
        return;
    bool runtime = false, counterpart = false, description = false, notes = false;
    for (int i : services) {
        const Service &v = s.services.at(i);
        runtime = runtime || !v.runtime.isEmpty();
        counterpart = counterpart || service(v.counterpartId);
    }
    for (const Reservation &r : reservations)
        description = description || !r.note.isEmpty();
    for (int i : services) {
        const Service &v = s.services.at(i);
        const bool cp = service(v.counterpartId);
        if (!counterpart)
            description = description || !v.description.isEmpty();
        else if (!v.description.isEmpty() && (cp || notesInTable(v) || looksLikeReference(v.description)))
            description = true;
    }
    for (int i : services) {
        const Service &v = s.services.at(i);
        const bool cp = service(v.counterpartId);
        // In a frontend table a lone aside goes into the backend column.
        const bool asideInCounterpart = counterpart && !cp && (description || v.description.isEmpty());
        notes = notes || (notesInTable(v) && !asideInCounterpart);
    }

    QStringList header{QStringLiteral("Port"), QStringLiteral("Service")};
    if (runtime)
        header.append(QStringLiteral("Runtime"));
    if (description)
        header.append(QStringLiteral("Description"));
    if (counterpart)
        header.append(QStringLiteral("Corresponds to Server"));
    if (notes)
        header.append(QStringLiteral("Notes"));
    appendTableLine(out, header);
    QString delimiter = QStringLiteral("|");
    for (const QString &h : std::as_const(header))
        delimiter += QString(h.size() + 2, QLatin1Char('-')) + QLatin1Char('|');
    out += delimiter + QLatin1Char('\n');

    // Each row is appended cell by cell, as appendTableLine() writes it: a
    // fleet's tables have 100,000 rows.
    auto cellOf = [&out](const QString &plain) {
        if (!plain.isEmpty()) {
            out += QLatin1Char(' ');
            appendEscaped(out, plain, QLatin1String("|*"));
        }
        out += QLatin1String(" |");
    };
    for (int i : services) {
        if (!step())
            return;
        const Service &v = s.services.at(i);
        out += QLatin1Char('|');
        if (v.plannedPort > 0) {
            out += QLatin1Char(' ');
            out += QString::number(v.plannedPort);
            if (v.protocol == Protocol::Udp)
                out += QLatin1String("/udp");
        }
        out += QLatin1String(" |");
        cellOf(v.name);
        if (runtime)
            cellOf(v.runtime);
        if (description)
            cellOf(v.description);
        bool notesWritten = false;
        if (counterpart) {
            if (const Service *c = service(v.counterpartId); c && c->plannedPort > 0) {
                out += QLatin1Char(' ');
                out += QString::number(c->plannedPort);
                out += QLatin1Char(' ');
                appendEscaped(out, c->name, QLatin1String("|*"));
                out += QLatin1String(" |");
            } else if (c) {
                cellOf(c->name);
            } else if (notesInTable(v) && (description || v.description.isEmpty())) {
                out += QLatin1String(" *(");
                appendEscaped(out, v.notes, QLatin1String("|*"));
                out += QLatin1String(")* |");
                notesWritten = true;
            } else {
                cellOf(description ? QString() : v.description);
            }
        }
        if (notes)
            cellOf(notesInTable(v) && !notesWritten ? v.notes : QString());
        out += QLatin1Char('\n');
    }

    // Reserved rows last, one per note, listing their spans.
    QStringList noteOrder;
    TextHash<QStringList> spans;
    for (const Reservation &r : reservations) {
        if (!spans.contains(r.note))
            noteOrder.append(r.note);
        spans[r.note].append(r.label());
    }
    for (const QString &note : std::as_const(noteOrder)) {
        QStringList row{spans.value(note).join(QLatin1String(", ")), QString(kReserved)};
        if (runtime)
            row.append(QString());
        if (description)
            row.append(cell(note));
        if (counterpart)
            row.append(QString());
        if (notes)
            row.append(QString());
        appendTableLine(out, row);
    }
}

QByteArray Writer::write()
{
    QString out;
    out += QStringLiteral("# %1\n\n").arg(escaped(s.title.isEmpty() ? QString(kDefaultTitle) : s.title));
    if (mStatus) {
        writeStatus(out);
    } else if (!s.notes.isEmpty()) {
        for (const QString &line : s.notes.split(QLatin1Char('\n')))
            out += line.isEmpty() ? QStringLiteral(">\n") : QStringLiteral("> %1\n").arg(line);
        out += QLatin1Char('\n');
    }

    bool anyDate = false;
    for (auto it = s.dates.cbegin(); it != s.dates.cend(); ++it) {
        if (it.key() == kRealPorts)
            continue;
        out += QStringLiteral("**%1:** %2\n").arg(escaped(it.key(), QLatin1String("*")), escaped(it.value()));
        anyDate = true;
    }
    if (anyDate)
        out += QLatin1Char('\n');

    if (!s.principles.isEmpty()) {
        out += QStringLiteral("## %1\n\n").arg(kPrinciples);
        for (int i = 0; i < s.principles.size(); ++i) {
            QString p = s.principles.at(i);
            p.replace(QLatin1Char('\n'), QLatin1Char(' '));
            out += QStringLiteral("%1. %2\n").arg(i + 1).arg(p);
        }
        out += QLatin1Char('\n');
    }

    // Assign services and reservations to the tables they are written in.
    TextHash<QList<int>> rangeServices;
    QList<int> unranged[2]; // [0] other, [1] internal only
    for (int i = 0; i < s.services.size(); ++i) {
        const Service &v = s.services.at(i);
        if (!inTable(v))
            continue;
        if (const PortRange *r = rangeFor(v))
            rangeServices[r->id].append(i);
        else
            unranged[v.exposure == Exposure::Internal ? 1 : 0].append(i);
    }
    TextHash<QList<Reservation>> rangeReservations;
    QList<Reservation> unrangedReservations;
    for (const Reservation &r : s.reservations) {
        const PortRange *range = r.rangeId.isEmpty() ? nullptr : s.range(r.rangeId);
        if (range)
            rangeReservations[range->id].append(r);
        else
            unrangedReservations.append(r);
    }
    auto byPlannedPort = [this](QList<int> &list) {
        std::stable_sort(list.begin(), list.end(), [this](int a, int b) {
            return s.services.at(a).plannedPort < s.services.at(b).plannedPort;
        });
    };
    auto byFirst = [](QList<Reservation> &list) {
        std::stable_sort(list.begin(), list.end(), [](const Reservation &a, const Reservation &b) { return a.first < b.first; });
    };

    QList<const PortRange *> ranges;
    for (const PortRange &r : s.ranges)
        ranges.append(&r);
    std::stable_sort(ranges.begin(), ranges.end(), [](const PortRange *a, const PortRange *b) {
        return a->first != b->first ? a->first < b->first : a->last > b->last;
    });
    for (const PortRange *r : std::as_const(ranges)) {
        out += QStringLiteral("## %1-%2: %3\n\n").arg(r->first).arg(r->last).arg(escaped(r->title));
        if (!r->purpose.isEmpty())
            out += writtenFreeText(r->purpose, FreeText::Range) + QLatin1String("\n\n");
        QList<int> list = rangeServices.value(r->id);
        QList<Reservation> reservations = rangeReservations.value(r->id);
        byPlannedPort(list);
        byFirst(reservations);
        if (!list.isEmpty() || !reservations.isEmpty()) {
            writeTable(out, list, reservations);
            out += QLatin1Char('\n');
        }
        rangeServices.remove(r->id);
        rangeReservations.remove(r->id);
    }

    // Unranged services go into a section of the document that held them
    // (an empty one, matched by "Internal Only"), else into a generated one.
    int container[2] = {-1, -1};
    for (int i = 0; i < s.sections.size(); ++i) {
        const NoteSection &n = s.sections.at(i);
        if (!n.text.isEmpty() || n.title == kRealPorts)
            continue;
        const int k = n.title.contains(kInternalOnly, Qt::CaseInsensitive) ? 1 : 0;
        if (container[k] < 0 && (k == 1 || n.title == kUnranged))
            container[k] = i;
    }
    byPlannedPort(unranged[0]);
    byPlannedPort(unranged[1]);
    byFirst(unrangedReservations);
    for (int k = 0; k < 2; ++k) {
        const QList<Reservation> reservations = k == 0 ? unrangedReservations : QList<Reservation>();
        if (container[k] < 0 && (!unranged[k].isEmpty() || !reservations.isEmpty())) {
            out += QStringLiteral("## %1\n\n").arg(k == 0 ? kUnranged : kInternalOnly);
            writeTable(out, unranged[k], reservations);
            out += QLatin1Char('\n');
        }
    }
    bool checklist = false;
    for (int i = 0; i < s.sections.size(); ++i) {
        const NoteSection &n = s.sections.at(i);
        if (n.title == kRealPorts)
            continue;
        checklist = checklist || n.title == kChecklist;
        out += QStringLiteral("## %1\n\n").arg(escaped(n.title));
        if (!n.text.isEmpty())
            out += writtenFreeText(n.text, FreeText::Section) + QLatin1String("\n\n");
        for (int k = 0; k < 2; ++k) {
            if (container[k] == i) {
                writeTable(out, unranged[k], k == 0 ? unrangedReservations : QList<Reservation>());
                out += QLatin1Char('\n');
            }
        }
    }
    if (!checklist)
        out += QStringLiteral("## %1\n\n%2\n\n").arg(kChecklist, MarkdownFormat::defaultChecklist());

    if (mFindings) {
        QList<Finding> findings = Analyzer::analyze(s);
        sortFindings(findings);
        out += QStringLiteral("## %1\n\n").arg(kKnownProblems);
        if (findings.isEmpty())
            out += Tr::tr("No problems found.") + QLatin1Char('\n');
        for (const Finding &f : std::as_const(findings)) {
            QString line = Tr::tr("- **%1** (%2): %3")
                               .arg(severityDisplayName(f.severity), codeSpan(f.rule), escaped(f.message, QLatin1String("*")));
            if (f.origin.isValid())
                line += QStringLiteral(" (%1)").arg(codeSpan(f.origin.toString()));
            out += line + QLatin1Char('\n');
        }
        out += QLatin1Char('\n');
    }

    while (out.endsWith(QLatin1String("\n\n")))
        out.chop(1);
    return out.toUtf8();
}

} // namespace

MarkdownFormat::MarkdownFormat()
    : Format({"markdown", "Portolan::MarkdownFormat", QT_TRANSLATE_NOOP("Portolan::MarkdownFormat", "Markdown port schema"),
              QT_TRANSLATE_NOOP("Portolan::MarkdownFormat", "Markdown port schema (*.md *.markdown)"),
              FormatCapability::Read | FormatCapability::Write})
{
}

QString MarkdownFormat::defaultChecklist()
{
    return Tr::tr("1. Pick the next free port in the appropriate range\n"
              "2. Update this document\n"
              "3. Update the host's `docker-compose` file\n"
              "4. Update the Prometheus scrape targets if the service exposes metrics");
}

std::optional<ReadResult> MarkdownFormat::read(const QByteArray &data, const FormatOptions &options,
                                               ParseError *error) const
{
    return Reader(options, error).read(data);
}

std::optional<QByteArray> MarkdownFormat::write(const Schema &schema, const FormatOptions &options, QString *error) const
{
    Writer writer(schema, boolOption(options.extra, "status", true), boolOption(options.extra, "findings", false),
                  options.progress);
    QByteArray bytes = writer.write();
    if (writer.stopped()) {
        *error = writeCancelledMessage();
        return std::nullopt;
    }
    return bytes;
}

} // namespace Portolan
