#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Portolan {

// A piece of text as md4c reports it: plain (escapes, entities and code
// spans resolved), with the 1-based line and column of its first character.
struct MdText
{
    QString text;
    int line = 0;
    int column = 0;
};

// One block of a Markdown document that can say something about ports.
struct MdBlock
{
    enum Kind { Heading, Table, ListItem, Paragraph };
    Kind kind = Paragraph;
    int level = 0;                // heading level; list nesting depth (1 = top)
    int line = 0;                 // where the block starts
    int column = 0;
    MdText text;                  // heading, list item, paragraph
    QString strong;               // list item: its first **strong** text
    QList<MdText> header;         // table
    QList<QList<MdText>> rows;    // table body
};

// Parses CommonMark with GitHub tables through md4c. Code blocks and raw HTML
// are left out. A table delimiter row with cells shorter than md4c 0.4.8
// takes ("|-:|-|", which GitHub renders) is widened first, in place. Returns false if md4c gives up (it does not on valid UTF-8).
//
// Outline reads every block's kind, and of each table its header and first
// row, with their positions; no other text. That tells whether a document
// has structure and which of its tables list ports, for less than half the
// work on a large document.
enum class ScanDepth { Full, Outline };
bool scanMarkdown(const QByteArray &utf8, QList<MdBlock> *blocks, ScanDepth depth = ScanDepth::Full);

} // namespace Portolan
