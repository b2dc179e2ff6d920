#pragma once

#include "format.h"
#include "markdownscan.h"

namespace Portolan {

// One port, or a span of ports, found in a cell or list item.
struct CellPort
{
    int first = 0;
    int last = 0;
    int target = 0; // "8080:80": the container port after the colon
    Protocol protocol = Protocol::Tcp;
    QString note;   // "3000 (web UI)": what the parentheses said
};

// Reads "80 / 443", "80, 443", "8000-8010", "3000 (tcp)", "53/udp",
// "8080:80". Parts that are not ports are appended to *bad with their
// character offset in text.
QList<CellPort> parsePortCell(const QString &text, QList<std::pair<QString, int>> *bad);

// "-", "—", "/", "n/a" or nothing: a cell that says there is no port.
bool isEmptyMark(const QString &text);

// "Internal (Docker / not published)", "Not exposed", "Intern": a section of
// services that publish no host port.
bool isInternalTitle(const QString &title);

// A table with a port-like column and rows.
bool looksLikePortTable(const MdBlock &table);

// A table header the shapes read for what it means ("Forward To" is a host,
// "https" a port), not only as a note.
bool isKnownColumn(const QString &header);

// Reads port documentation as teams write it, from md4c's blocks: tables with
// a port-like column anywhere, bullet lists "name: port", heading ranges
// ("## 3000-3099: Core", "## 71xx"), host sections ("## On nas01") and
// internal sections. Tolerant: what cannot be read becomes a positioned
// warning, and the last warning sums up what was read and skipped.
ReadResult readPortShapes(const QList<MdBlock> &blocks, const FormatOptions &options);

} // namespace Portolan
