#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

class QTimer;
template<typename T>
class QFutureWatcher;

namespace Portolan {

class SchemaDocument;

// Nothing is lost: while the document has unsaved changes it is written
// every interval to a recovery file; a clean save, close or quit removes it.
// A recovery file whose process is gone was left by a crash.
class AutoSaver : public QObject
{
    Q_OBJECT

public:
    AutoSaver(SchemaDocument *document, const QString &directory, QObject *parent = nullptr);
    ~AutoSaver() override;

    void setIntervalSeconds(int seconds);
    int intervalSeconds() const;
    QString recoveryFile() const { return mFile; }

    // Writes now if the document has unsaved changes; removes the file if not.
    bool saveNow();
    // What the timer does: the same, written by a worker thread from a copy
    // of the schema, so that a large plan does not hold up the window.
    void saveInBackground();
    bool isWriting() const;
    void waitForWriting();
    void discard();

signals:
    void backgroundSaveFinished(bool ok);

private:
    QByteArray metaData() const;

    SchemaDocument *mDocument;
    QTimer *mTimer;
    QFutureWatcher<bool> *mWriter = nullptr;
    QString mFile;
    QString mMetaFile;
};

struct RecoveryEntry
{
    QString recoveryFile;
    QString metaFile;
    QString originalFile; // empty for an untitled document
    QDateTime saved;
    qint64 pid = 0;
};

// Recovery files left by processes that are no longer running.
QList<RecoveryEntry> orphanedRecoveryFiles(const QString &directory);
void removeRecoveryEntry(const RecoveryEntry &entry);
QString defaultRecoveryDirectory();

// What a file on disk looked like when it was last read or written, to tell
// whether someone else changed it since.
struct FileStamp
{
    qint64 size = -1;
    QDateTime modified;
    QByteArray hash;

    static FileStamp of(const QString &fileName);
    bool isNull() const { return size < 0; }
    friend bool operator==(const FileStamp &a, const FileStamp &b) { return a.size == b.size && a.hash == b.hash; }
};

} // namespace Portolan
