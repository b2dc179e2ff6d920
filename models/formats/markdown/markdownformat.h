#pragma once

#include "format.h"

namespace Portolan {

// The hand-written PORT_SCHEMA.md layout: a quoted status block ("Real ports
// today" per host, "Not deployed"), dates, principles, one `## FIRST-LAST:
// Title` section with a table per range, free sections kept as notes.
// Reads such files as people write them and writes the same layout back.
//
// Options (FormatOptions::extra): "status" (bool, default true) writes the
// status block; "findings" (bool, default false) adds a "Known problems"
// section from the analyzer.
class MarkdownFormat : public Format
{
public:
    MarkdownFormat();

    std::optional<ReadResult> read(const QByteArray &data, const FormatOptions &options,
                                   ParseError *error) const override;
    std::optional<QByteArray> write(const Schema &schema, const FormatOptions &options,
                                    QString *error) const override;

    // The checklist written when a schema has none of its own; an imported
    // checklist equal to it is not stored, so it does not pile up.
    static QString defaultChecklist();
};

} // namespace Portolan
