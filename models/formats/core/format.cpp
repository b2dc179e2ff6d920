#include "format.h"

#include "heap.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Portolan {

QString ParseError::toString() const
{
    QString where = file;
    if (line > 0) {
        where += QStringLiteral(":%1").arg(line);
        if (column > 0)
            where += QStringLiteral(":%1").arg(column);
    }
    if (!path.isEmpty())
        where += where.isEmpty() ? path : QStringLiteral(": %1").arg(path);
    return where.isEmpty() ? message : QStringLiteral("%1: %2").arg(where, message);
}

QString Format::displayName() const
{
    return QCoreApplication::translate(mIdentity.context, mIdentity.displayName);
}

QString Format::fileFilter() const
{
    return QCoreApplication::translate(mIdentity.context, mIdentity.fileFilter);
}

std::optional<ReadResult> Format::read(const QByteArray &, const FormatOptions &, ParseError *error) const
{
    error->message = QCoreApplication::translate("Portolan", "The format %1 cannot be read.").arg(displayName());
    return std::nullopt;
}

std::optional<Schema> Format::merge(const Schema &, const ReadResult &, const FormatOptions &, QStringList *,
                                    QString *error) const
{
    *error = QCoreApplication::translate("Portolan", "The format %1 cannot be merged into a plan.").arg(displayName());
    return std::nullopt;
}

std::optional<QByteArray> Format::write(const Schema &, const FormatOptions &, QString *error) const
{
    *error = QCoreApplication::translate("Portolan", "The format %1 cannot be written.").arg(displayName());
    return std::nullopt;
}

std::optional<QByteArray> readFileBytes(const QString &fileName, ParseError *error, qint64 maxSize)
{
    error->file = fileName;
    QFile file(fileName);
    if (!QFileInfo(fileName).isFile()) {
        error->message = QCoreApplication::translate("Portolan", "The file does not exist or is not a regular file.");
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        error->message = QCoreApplication::translate("Portolan", "The file cannot be opened: %1").arg(file.errorString());
        return std::nullopt;
    }
    if (file.size() > maxSize) {
        // Positioned where reading stops, counted in chunks: the file itself
        // is never held.
        int line = 1;
        int column = 1;
        QByteArray chunk;
        for (qint64 left = maxSize; left > 0;) {
            chunk = file.read(qMin<qint64>(left, 1 << 20));
            if (chunk.isEmpty())
                break;
            left -= chunk.size();
            for (const char c : std::as_const(chunk)) {
                if (c == '\n') {
                    ++line;
                    column = 1;
                } else if ((uchar(c) & 0xc0) != 0x80) {
                    ++column; // characters, not bytes
                }
            }
        }
        error->line = line;
        error->column = column;
        error->message = QCoreApplication::translate("Portolan", "The file is too large (%1 MB; at most %2 MB are read).")
                             .arg(file.size() >> 20)
                             .arg(maxSize >> 20);
        return std::nullopt;
    }
    // Exactly the file's size: readAll() grows its buffer to the next step,
    // up to a third more than a large file needs.
    QByteArray bytes(file.size(), Qt::Uninitialized);
    adviseHugePages(bytes.constData(), size_t(bytes.size()));
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 n = file.read(bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            error->message = QCoreApplication::translate("Portolan", "The file cannot be read: %1").arg(file.errorString());
            return std::nullopt;
        }
        if (n == 0)
            break; // the file shrank while it was read
        done += n;
    }
    bytes.truncate(done);
    // A file that tells no size (such as one in /proc) is read to its end.
    if (done == 0)
        return file.readAll();
    return bytes;
}

bool isLoopbackHost(const QString &host)
{
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1")
        || host == QLatin1String("[::1]") || host == QLatin1String("0.0.0.0")
        || host == QLatin1String("host.docker.internal");
}

bool looksLikeUtf16(QByteArrayView data)
{
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF"))
        return true;
    // Without a mark: most of the first characters are ASCII with a NUL
    // byte after (little endian) or before (big endian) each.
    const qsizetype pairs = qMin<qsizetype>(data.size() / 2, 32);
    if (pairs < 2)
        return false;
    auto ascii = [](char c) { return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f); };
    int little = 0, big = 0;
    for (qsizetype i = 0; i < pairs; ++i) {
        const char a = data.at(2 * i), b = data.at(2 * i + 1);
        little += ascii(a) && b == '\0';
        big += a == '\0' && ascii(b);
    }
    return qMax(little, big) * 4 >= pairs * 3;
}

bool refuseUtf16(QByteArrayView data, ParseError *error)
{
    if (!looksLikeUtf16(data))
        return false;
    error->line = 1;
    error->column = 1;
    error->message = utf16Message();
    return true;
}

QString writeCancelledMessage()
{
    return QCoreApplication::translate("Portolan", "The export was cancelled.");
}

QString utf16Message()
{
    return QCoreApplication::translate("Portolan", "The file is UTF-16 text; Portolan reads UTF-8. Save it as UTF-8 and "
                                                   "read it again.");
}

bool writeFileAtomically(const QString &fileName, const QByteArray &data, QString *error)
{
    return writeFileCancellably(fileName, data, error, {});
}

bool writeFileCancellably(const QString &fileName, const QByteArray &data, QString *error,
                          const std::function<bool(qint64 written, qint64 total)> &progress)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("Portolan", "Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    constexpr qint64 Chunk = 4 * 1024 * 1024;
    for (qint64 written = 0; written < data.size();) {
        const qint64 n = file.write(data.constData() + written, qMin(Chunk, data.size() - written));
        if (n <= 0)
            break; // commit() reports the error
        written += n;
        if (progress && !progress(written, data.size())) {
            file.cancelWriting();
            *error = QCoreApplication::translate("Portolan", "Writing %1 was cancelled; the file is as it was.")
                         .arg(fileName);
            return false;
        }
    }
    if (!file.commit()) {
        *error = QCoreApplication::translate("Portolan", "Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

void lineColumnAt(const QByteArray &data, qint64 offset, int *line, int *column)
{
    offset = qBound<qint64>(0, offset, data.size());
    int l = 1;
    qint64 lineStart = 0;
    for (qint64 i = 0; i < offset; ++i) {
        if (data.at(i) == '\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    // Columns count characters, not bytes.
    *column = int(QString::fromUtf8(data.constData() + lineStart, offset - lineStart).size()) + 1;
}

} // namespace Portolan
