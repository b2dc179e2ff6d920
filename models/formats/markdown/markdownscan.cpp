#include "markdownscan.h"

#include <md4c.h>

#include <algorithm>
#include <vector>

namespace Portolan {

namespace {

// Where text goes while md4c walks the document.
struct Target
{
    int block = -1; // -1: nowhere (code, HTML, a list between its items)
    int row = -2;   // -2: the block's text; -1: the table header; else a body row
    int cell = -1;
};

struct Scanner
{
    const char *base = nullptr;
    qsizetype size = 0;
    std::vector<qsizetype> lineStarts;
    std::vector<qsizetype> inserted; // spaces added by prepareTables(), in order
    QList<MdBlock> *blocks = nullptr;
    std::vector<Target> targets;
    int listDepth = 0;
    bool inHead = false;
    int strongBlock = -1;     // the list item whose first strong text is being read
    int lastStrongBlock = -1; // the list item whose first strong text was read
    bool outline = false;     // ScanDepth::Outline

    void position(const char *text, int *line, int *column) const
    {
        const qsizetype offset = std::clamp<qsizetype>(text - base, 0, size);
        const auto it = std::upper_bound(lineStarts.begin(), lineStarts.end(), offset);
        const qsizetype start = *(it - 1);
        *line = int(it - lineStarts.begin());
        int chars = 0;
        for (qsizetype i = start; i < offset; ++i) {
            if ((uchar(base[i]) & 0xC0) != 0x80)
                ++chars;
        }
        // Spaces prepareTables() added before it on this line are not the file's.
        chars -= int(std::lower_bound(inserted.begin(), inserted.end(), offset)
                     - std::lower_bound(inserted.begin(), inserted.end(), start));
        *column = chars + 1;
    }

    MdText *textOf(const Target &t)
    {
        if (t.block < 0)
            return nullptr;
        MdBlock &b = (*blocks)[t.block];
        if (t.row == -2)
            return &b.text;
        if (t.row == -1)
            return &b.header[t.cell];
        return &b.rows[t.row][t.cell];
    }

    MdBlock &open(MdBlock::Kind kind, int level)
    {
        blocks->append(MdBlock());
        MdBlock &b = blocks->last();
        b.kind = kind;
        b.level = level;
        targets.push_back({int(blocks->size() - 1), -2, -1});
        return b;
    }
};

QString entity(QStringView raw)
{
    static const struct { const char *name; char16_t c; } known[] = {
        {"&amp;", u'&'}, {"&lt;", u'<'}, {"&gt;", u'>'}, {"&quot;", u'"'}, {"&nbsp;", u' '},
        {"&ndash;", u'\u2013'}, {"&mdash;", u'\u2014'}, {"&#124;", u'|'}, {"&vert;", u'|'},
    };
    for (const auto &k : known) {
        if (raw == QLatin1String(k.name))
            return QString(QChar(k.c));
    }
    if (raw.startsWith(QLatin1String("&#")) && raw.endsWith(QLatin1Char(';'))) {
        bool ok = false;
        const QStringView digits = raw.mid(2, raw.size() - 3);
        const uint code = digits.startsWith(QLatin1Char('x')) || digits.startsWith(QLatin1Char('X'))
            ? digits.mid(1).toUInt(&ok, 16)
            : digits.toUInt(&ok, 10);
        if (ok && code > 0 && code < 0x110000) {
            const char32_t c = code;
            return QString::fromUcs4(&c, 1);
        }
    }
    return raw.toString();
}

int enterBlock(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    auto *s = static_cast<Scanner *>(userdata);
    const Target parent = s->targets.empty() ? Target() : s->targets.back();
    switch (type) {
    case MD_BLOCK_H:
        s->open(MdBlock::Heading, int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level));
        break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        ++s->listDepth;
        s->targets.push_back(Target());
        break;
    case MD_BLOCK_LI:
        s->open(MdBlock::ListItem, s->listDepth);
        break;
    case MD_BLOCK_P:
        // A paragraph in a list item is the item's text.
        if (parent.block >= 0 && (*s->blocks)[parent.block].kind == MdBlock::ListItem)
            s->targets.push_back(parent);
        else
            s->open(MdBlock::Paragraph, 0);
        break;
    case MD_BLOCK_TABLE:
        s->open(MdBlock::Table, 0);
        break;
    case MD_BLOCK_THEAD:
        s->inHead = true;
        s->targets.push_back(parent);
        break;
    case MD_BLOCK_TBODY:
        s->inHead = false;
        s->targets.push_back(parent);
        break;
    case MD_BLOCK_TR: {
        Target t = parent;
        if (t.block >= 0 && !s->inHead && s->outline && !(*s->blocks)[t.block].rows.isEmpty()) {
            t = Target(); // an outline keeps the first row only
        } else if (t.block >= 0 && !s->inHead) {
            MdBlock &table = (*s->blocks)[t.block];
            table.rows.append(QList<MdText>());
            table.rows.last().reserve(table.header.size()); // GFM gives every row the header's cells
            t.row = int(table.rows.size() - 1);
        } else {
            t.row = -1;
        }
        s->targets.push_back(t);
        break;
    }
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: {
        Target t = parent;
        if (t.block >= 0) {
            MdBlock &b = (*s->blocks)[t.block];
            QList<MdText> &cells = t.row == -1 ? b.header : b.rows[t.row];
            cells.append(MdText());
            t.cell = int(cells.size() - 1);
        }
        s->targets.push_back(t);
        break;
    }
    case MD_BLOCK_DOC:
    case MD_BLOCK_QUOTE:
        s->targets.push_back(parent);
        break;
    default: // code, HTML, rules: no text of interest
        s->targets.push_back(Target());
        break;
    }
    return 0;
}

int leaveBlock(MD_BLOCKTYPE type, void *, void *userdata)
{
    auto *s = static_cast<Scanner *>(userdata);
    if (type == MD_BLOCK_UL || type == MD_BLOCK_OL)
        --s->listDepth;
    if (type == MD_BLOCK_THEAD)
        s->inHead = false;
    if (!s->targets.empty())
        s->targets.pop_back();
    return 0;
}

int enterSpan(MD_SPANTYPE type, void *, void *userdata)
{
    auto *s = static_cast<Scanner *>(userdata);
    if (type != MD_SPAN_STRONG || s->targets.empty())
        return 0;
    const int block = s->targets.back().block;
    if (block >= 0 && block != s->lastStrongBlock && (*s->blocks)[block].kind == MdBlock::ListItem)
        s->strongBlock = block;
    return 0;
}

int leaveSpan(MD_SPANTYPE type, void *, void *userdata)
{
    auto *s = static_cast<Scanner *>(userdata);
    if (type == MD_SPAN_STRONG && s->strongBlock >= 0) {
        s->lastStrongBlock = s->strongBlock;
        s->strongBlock = -1;
    }
    return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    auto *s = static_cast<Scanner *>(userdata);
    if (s->targets.empty())
        return 0;
    if (s->outline && s->targets.back().row == -2)
        return 0; // a heading's, list item's or paragraph's text
    MdText *target = s->textOf(s->targets.back());
    if (!target)
        return 0;
    if (s->strongBlock >= 0 && s->strongBlock == s->targets.back().block && type == MD_TEXT_NORMAL)
        (*s->blocks)[s->strongBlock].strong += QString::fromUtf8(text, size);
    if (target->line == 0 && type != MD_TEXT_SOFTBR && type != MD_TEXT_BR)
        s->position(text, &target->line, &target->column);
    switch (type) {
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
        target->text += QLatin1Char(' ');
        break;
    case MD_TEXT_NULLCHAR:
        target->text += QChar(QChar::ReplacementCharacter);
        break;
    case MD_TEXT_ENTITY:
        target->text += entity(QString::fromUtf8(text, size));
        break;
    default:
        target->text += QString::fromUtf8(text, size);
        break;
    }
    return 0;
}

// md4c 0.4.8 (Debian 12) differs from GitHub's tables in two ways, so
// tables are prepared before it reads them, keeping every line where it was:
// - a delimiter row counts only when every cell has three characters at least
//   ("---", ":--"), where GitHub takes one ("-", "-:"): "|-:|-|" tables were
//   paragraphs. Such a row is widened to "|--:|---|" (no text is on it);
// - an empty cell "||" is dropped and the row's later cells move left: it is
//   written "| |", and *inserted keeps where each added space is, so that
//   every cell keeps its column.
// Where "||" starts in line, or -1; a plain scan, as most rows have none.
qsizetype doubleBar(QByteArrayView line)
{
    for (qsizetype i = 0; i + 1 < line.size(); ++i) {
        if (line[i] == '|' && line[i + 1] == '|')
            return i;
    }
    return -1;
}

QByteArray prepareTables(const QByteArray &utf8, std::vector<qsizetype> *inserted)
{
    QByteArray out; // written from the first change on; until then utf8 is kept
    qsizetype copied = 0; // utf8 before this is in out
    auto flush = [&](qsizetype upTo) {
        if (out.isEmpty())
            out.reserve(utf8.size() + 1024);
        out.append(utf8.constData() + copied, upTo - copied);
        copied = upTo;
    };
    auto appendFilled = [&](QByteArrayView line) {
        for (qsizetype i = doubleBar(line); i >= 0; i = doubleBar(line)) {
            out.append(line.first(i + 1));
            inserted->push_back(out.size());
            out.append(' ');
            line = line.sliced(i + 1);
        }
        out.append(line);
    };
    qsizetype previousStart = 0;
    QByteArrayView previous;
    bool inTable = false;
    for (qsizetype start = 0; start < utf8.size();) {
        qsizetype end = utf8.indexOf('\n', start);
        if (end < 0)
            end = utf8.size();
        const QByteArrayView line(utf8.constData() + start, end - start);
        if (!line.contains('|')) {
            inTable = false;
        } else if (inTable) {
            if (doubleBar(line) >= 0) {
                flush(start);
                appendFilled(line);
                copied = end;
            }
        } else if (previous.contains('|')) {
            // A delimiter row: every cell ":-", "---:", … between pipes.
            QByteArray row;
            bool delimiter = true;
            bool narrow = false;
            QByteArrayView rest = line.trimmed();
            if (rest.startsWith('|'))
                rest = rest.sliced(1);
            if (rest.endsWith('|'))
                rest.chop(1);
            while (delimiter) {
                const qsizetype bar = rest.indexOf('|');
                const QByteArrayView cell = (bar < 0 ? rest : rest.first(bar)).trimmed();
                const bool left = cell.startsWith(':');
                const bool right = cell.size() > 1 && cell.endsWith(':');
                const qsizetype dashes = cell.size() - (left ? 1 : 0) - (right ? 1 : 0);
                delimiter = dashes > 0 && cell.sliced(left ? 1 : 0, dashes).count('-') == dashes;
                narrow = narrow || cell.size() < 3;
                row += '|' + QByteArray(left ? ":" : "") + QByteArray(std::max<qsizetype>(dashes, 3 - (left ? 1 : 0) - (right ? 1 : 0)), '-')
                    + QByteArray(right ? ":" : "");
                if (bar < 0)
                    break;
                rest = rest.sliced(bar + 1);
            }
            if (delimiter) {
                inTable = true;
                if (narrow || doubleBar(previous) >= 0) {
                    // The header above is a row too.
                    flush(previousStart);
                    appendFilled(previous);
                    out.append('\n');
                    qsizetype indent = 0;
                    while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t'))
                        ++indent;
                    out.append(line.first(indent));
                    out.append(narrow ? row + '|' : line.sliced(indent).toByteArray());
                    if (narrow && line.endsWith('\r'))
                        out.append('\r');
                    copied = end;
                }
            }
        }
        previous = line;
        previousStart = start;
        start = end + 1;
    }
    if (out.isEmpty() && copied == 0)
        return utf8;
    flush(utf8.size());
    return out;
}

} // namespace

bool scanMarkdown(const QByteArray &input, QList<MdBlock> *blocks, ScanDepth depth)
{
    Scanner s;
    s.outline = depth == ScanDepth::Outline;
    const QByteArray utf8 = prepareTables(input, &s.inserted);
    s.base = utf8.constData();
    s.size = utf8.size();
    s.blocks = blocks;
    s.lineStarts.push_back(0);
    for (qsizetype i = 0; i < s.size; ++i) {
        if (s.base[i] == '\n')
            s.lineStarts.push_back(i + 1);
    }
    MD_PARSER parser = {};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
    parser.enter_block = enterBlock;
    parser.leave_block = leaveBlock;
    parser.enter_span = enterSpan;
    parser.leave_span = leaveSpan;
    parser.text = text;
    if (md_parse(s.base, MD_SIZE(s.size), &parser, &s) != 0)
        return false;
    for (MdBlock &b : *blocks) {
        const MdText &first = b.kind == MdBlock::Table ? b.header.value(0) : b.text;
        b.text.text = b.text.text.trimmed();
        b.strong = b.strong.trimmed();
        for (MdText &c : b.header)
            c.text = c.text.trimmed();
        for (QList<MdText> &row : b.rows) {
            for (MdText &c : row)
                c.text = c.text.trimmed();
        }
        b.line = first.line;
        b.column = first.column;
        if (b.kind == MdBlock::Table && b.line > 0) {
            // A table is where its header line starts.
            const char *p = s.base + s.lineStarts[b.line - 1];
            b.column = 1;
            while (*p == ' ' && b.column < first.column) {
                ++p;
                ++b.column;
            }
        }
    }
    return true;
}

} // namespace Portolan
