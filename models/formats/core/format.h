#pragma once

#include "schema.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <memory>
#include <optional>

namespace Portolan {

// Where and what: every reader reports bad input this way.
struct ParseError
{
    QString file;
    int line = 0; // 1-based; 0 = not a position in the text
    int column = 0;
    QString path; // e.g. services[3].plannedPort, when the position is structural
    QString message;

    QString toString() const;
};

// A problem that did not stop the reading, e.g. an unresolved variable.
using Diagnostic = ParseError;

struct FormatOptions
{
    QString fileName;  // the input's name, for messages and origins
    QString hostId;    // compose, prometheus, env: the host concerned
    QString baseDir;   // where relative files (.env, file_sd) are looked up
    QVariantMap extra; // format-specific switches
};

struct ReadResult
{
    Schema schema;
    QList<Diagnostic> warnings;
};

// One interface for every format; the GUI's menus and the CLI both list
// formats from FormatRegistry.
class Format
{
public:
    virtual ~Format() = default;

    virtual QString id() const = 0; // used on the command line: json, markdown, compose, …
    virtual QString displayName() const = 0;
    virtual QString fileFilter() const = 0; // for file dialogs
    virtual bool canRead() const { return false; }
    virtual bool canWrite() const { return false; }
    virtual bool needsHost() const { return false; }

    // Reads bytes into a schema (for compose and prometheus: a fragment to merge).
    virtual std::optional<ReadResult> read(const QByteArray &data, const FormatOptions &options,
                                           ParseError *error) const;
    // Formats that describe one host's reality (compose, prometheus) read into
    // a fragment that is merged into an existing plan. Returns the merged
    // schema and appends a line per change to *summary.
    virtual bool mergesIntoPlan() const { return false; }
    virtual std::optional<Schema> merge(const Schema &plan, const ReadResult &fragment, const FormatOptions &options,
                                        QStringList *summary, QString *error) const;

    // Writes the schema; on failure returns nothing and sets *error.
    virtual std::optional<QByteArray> write(const Schema &schema, const FormatOptions &options,
                                            QString *error) const;
};

// Reads a file through the registry, with file-level errors (missing,
// unreadable, binary) reported like parse errors.
std::optional<QByteArray> readFileBytes(const QString &fileName, ParseError *error, qint64 maxSize = 256LL << 20);

// Atomic write through QSaveFile.
bool writeFileAtomically(const QString &fileName, const QByteArray &data, QString *error);

// 1-based line and column of a byte offset in UTF-8 text.
void lineColumnAt(const QByteArray &data, qint64 offset, int *line, int *column);

} // namespace Portolan
