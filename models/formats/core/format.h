#pragma once

#include "finding.h"
#include "schema.h"

#include <QByteArray>
#include <QFlags>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <functional>
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

// How far a long write is: done of total steps (services, targets: each
// format's own unit), told now and then from the thread that writes. When
// it returns false the write stops and fails with writeCancelledMessage().
using WriteProgress = std::function<bool(qsizetype done, qsizetype total)>;

// done of total as a whole percentage, for a bar or a progress line.
inline int writtenPercent(qsizetype done, qsizetype total)
{
    return int(done * 100 / qMax<qsizetype>(total, 1));
}

struct FormatOptions
{
    QString fileName;  // the input's name, for messages and origins
    QString hostId;    // compose, prometheus, env: the host concerned
    QString baseDir;   // where relative files (.env, file_sd) are looked up
    QVariantMap extra; // format-specific switches
    WriteProgress progress = {}; // none: nobody asks
};

// What a write stopped through its WriteProgress fails with.
QString writeCancelledMessage();

// A writer's loop of total steps, told to a WriteProgress every so often
// and at the last step; each call is a check whether to go on.
class WriteSteps
{
public:
    WriteSteps(const WriteProgress &progress, qsizetype total)
        : mProgress(progress)
        , mTotal(qMax<qsizetype>(total, 1))
    {
    }

    // One step more; false once the receiver asked to stop, and then
    // *error (when given) says the write was cancelled.
    bool next(QString *error = nullptr)
    {
        ++mDone;
        if (mProgress && !mStopped && (mDone - mTold >= Every || mDone >= mTotal)) {
            mTold = mDone;
            mStopped = !mProgress(qMin(mDone, mTotal), mTotal);
        }
        if (mStopped && error)
            *error = writeCancelledMessage();
        return !mStopped;
    }
    bool stopped() const { return mStopped; }

private:
    static constexpr qsizetype Every = 1000;
    const WriteProgress &mProgress;
    qsizetype mTotal;
    qsizetype mDone = 0;
    qsizetype mTold = 0;
    bool mStopped = false;
};


struct ReadResult
{
    Schema schema;
    QList<Diagnostic> warnings;
    // What the file itself shows to be wrong or notable, whatever the plan
    // says: a fixed host port under deploy.replicas, service discovery that
    // cannot be resolved offline. Rule ids as the analyzer's.
    QList<Finding> findings = {};
};

// What a format can do.
enum class FormatCapability {
    Read = 0x1,
    Write = 0x2,
    NeedsHost = 0x4,      // compose, prometheus: the file describes one host
    MergesIntoPlan = 0x8, // read() gives a fragment that merge() folds into a plan
};
Q_DECLARE_FLAGS(FormatCapabilities, FormatCapability)

// Who a format is. The name and file filter are QT_TRANSLATE_NOOP texts of
// the format's own translation context, translated when they are asked for.
struct FormatIdentity
{
    const char *id;          // used on the command line: json, markdown, compose, …
    const char *context;     // translation context of the two texts below
    const char *displayName;
    const char *fileFilter;  // for file dialogs
    FormatCapabilities capabilities;
};

// One interface for every format; the GUI's menus and the CLI both list
// formats from FormatRegistry. A format overrides only what it does.
class Format
{
public:
    explicit Format(const FormatIdentity &identity)
        : mIdentity(identity)
    {
    }
    virtual ~Format() = default;

    QString id() const { return QString::fromLatin1(mIdentity.id); }
    QString displayName() const;
    QString fileFilter() const;
    bool canRead() const { return mIdentity.capabilities.testFlag(FormatCapability::Read); }
    bool canWrite() const { return mIdentity.capabilities.testFlag(FormatCapability::Write); }
    bool needsHost() const { return mIdentity.capabilities.testFlag(FormatCapability::NeedsHost); }
    bool mergesIntoPlan() const { return mIdentity.capabilities.testFlag(FormatCapability::MergesIntoPlan); }

    // Reads bytes into a schema (for compose and prometheus: a fragment to merge).
    virtual std::optional<ReadResult> read(const QByteArray &data, const FormatOptions &options,
                                           ParseError *error) const;
    // Formats that describe one host's reality (compose, prometheus) read into
    // a fragment that is merged into an existing plan. Returns the merged
    // schema and appends a line per change to *summary.
    virtual std::optional<Schema> merge(const Schema &plan, const ReadResult &fragment, const FormatOptions &options,
                                        QStringList *summary, QString *error) const;

// Writes the schema; on failure returns nothing and sets *error.
    virtual std::optional<QByteArray> write(const Schema &schema, const FormatOptions &options,
                                            QString *error) const;

private:
    FormatIdentity mIdentity;
};

// Reads a file through the registry, with file-level errors (missing,
// unreadable, binary) reported like parse errors.
std::optional<QByteArray> readFileBytes(const QString &fileName, ParseError *error, qint64 maxSize = 256LL << 20);

// A name for the machine itself as a target names it: localhost, 127.0.0.1,
// ::1, 0.0.0.0, host.docker.internal (from a container: its host).
bool isLoopbackHost(const QString &host);

// Text in UTF-16, by its byte order mark or by the NUL byte beside each
// character of ASCII text: every reader refuses it with utf16Message()
// instead of calling it binary data.
bool looksLikeUtf16(QByteArrayView data);
QString utf16Message();
// True when data is UTF-16: then error says so at 1:1 (its file is left as set).
bool refuseUtf16(QByteArrayView data, ParseError *error);

// Atomic write through QSaveFile.
bool writeFileAtomically(const QString &fileName, const QByteArray &data, QString *error);
// writeFileAtomically() that tells progress the bytes written so far and the
// total after each chunk; when progress returns false the write stops, the
// file stays as it was and the error says the write was cancelled.
bool writeFileCancellably(const QString &fileName, const QByteArray &data, QString *error,
                          const std::function<bool(qint64 written, qint64 total)> &progress);

// 1-based line and column of a byte offset in UTF-8 text.
void lineColumnAt(const QByteArray &data, qint64 offset, int *line, int *column);

} // namespace Portolan

// Outside the namespace, as Qt asks: inside it would hide Qt's own operator|
// (Qt::CTRL | Qt::Key_I) from code in the namespace.
Q_DECLARE_OPERATORS_FOR_FLAGS(Portolan::FormatCapabilities)
