#include "recovery.h"

#include "jsonformat.h"
#include "schemadocument.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QSet>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <csignal>
#include <unistd.h>

namespace Portolan {

// The files this process writes itself: never offered as orphans.
static QSet<QString> &ownFiles()
{
    static QSet<QString> files;
    return files;
}

QString defaultRecoveryDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("recovery"));
}

AutoSaver::AutoSaver(SchemaDocument *document, const QString &directory, QObject *parent)
    : QObject(parent)
    , mDocument(document)
    , mTimer(new QTimer(this))
{
    QDir().mkpath(directory);
    const QString stem = QStringLiteral("recovery-%1-%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QDateTime::currentMSecsSinceEpoch());
    mFile = QDir(directory).filePath(stem + QStringLiteral(".portolan.json"));
    mMetaFile = QDir(directory).filePath(stem + QStringLiteral(".meta.json"));
    ownFiles().insert(mMetaFile);
    mTimer->setInterval(60 * 1000);
    connect(mTimer, &QTimer::timeout, this, &AutoSaver::saveInBackground);
    mTimer->start();
}

AutoSaver::~AutoSaver()
{
    waitForWriting();
    ownFiles().remove(mMetaFile);
}

void AutoSaver::setIntervalSeconds(int seconds)
{
    mTimer->setInterval(qMax(5, seconds) * 1000);
}

int AutoSaver::intervalSeconds() const
{
    return mTimer->interval() / 1000;
}

// When a process started (clock ticks since boot, from /proc), so that a pid
// reused by another process after a crash is told apart; 0 when unknown.
static qint64 processStartTime(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // The command name in parentheses may hold spaces; fields follow its ")".
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    constexpr int StartTimeField = 22 - 3; // field 22, counted from field 3 (state)
    return fields.size() > StartTimeField ? fields.at(StartTimeField).toLongLong() : 0;
}

QByteArray AutoSaver::metaData() const
{
    const qint64 pid = QCoreApplication::applicationPid();
    QJsonObject meta;
    meta.insert(QStringLiteral("recoveryFile"), QFileInfo(mFile).fileName());
    meta.insert(QStringLiteral("originalFile"), mDocument->fileName());
    meta.insert(QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    meta.insert(QStringLiteral("pid"), pid);
    meta.insert(QStringLiteral("started"), processStartTime(pid));
    return QJsonDocument(meta).toJson();
}

// The meta file first, naming the recovery file, then the recovery file, each
// atomically: a crash between them leaves a meta without its file, which the
// orphan scan removes; a crash later leaves a complete pair.
static bool writeRecovery(const QString &file, const Schema &schema, const QString &metaFile, const QByteArray &meta)
{
    QString error;
    return writeFileAtomically(metaFile, meta, &error) && saveSchemaFile(file, schema, &error);
}

bool AutoSaver::saveNow()
{
    waitForWriting();
    if (!mDocument->isModified()) {
        discard();
        return true;
    }
    return writeRecovery(mFile, mDocument->schema(), mMetaFile, metaData());
}

void AutoSaver::saveInBackground()
{
    if (isWriting())
        return; // the next tick writes what changed meanwhile
    if (!mDocument->isModified()) {
        discard();
        return;
    }
    if (!mWriter) {
        mWriter = new QFutureWatcher<bool>(this);
        connect(mWriter, &QFutureWatcherBase::finished, this, [this] {
            // Saved or closed meanwhile: the copy just written is not needed.
            if (!mDocument->isModified())
                discard();
            emit backgroundSaveFinished(mWriter->result());
        });
    }
    // The copy shares the schema's lists until the document is edited.
    const Schema snapshot = mDocument->schema();
    const QByteArray meta = metaData();
    const QString file = mFile;
    const QString metaFile = mMetaFile;
    mWriter->setFuture(QtConcurrent::run([snapshot, meta, file, metaFile] {
        return writeRecovery(file, snapshot, metaFile, meta);
    }));
}

bool AutoSaver::isWriting() const
{
    return mWriter && mWriter->isRunning();
}

void AutoSaver::waitForWriting()
{
    if (mWriter)
        mWriter->waitForFinished();
}

void AutoSaver::discard()
{
    waitForWriting();
    // The recovery file first: a meta left alone is cleaned by the orphan scan.
    QFile::remove(mFile);
    QFile::remove(mMetaFile);
}

static bool processRuns(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

QList<RecoveryEntry> orphanedRecoveryFiles(const QString &directory)
{
    QList<RecoveryEntry> entries;
    const QDir dir(directory);
    const QStringList metas = dir.entryList({QStringLiteral("recovery-*.meta.json")}, QDir::Files, QDir::Time);
    for (const QString &name : metas) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject meta = QJsonDocument::fromJson(file.readAll()).object();
        RecoveryEntry entry;
        entry.metaFile = file.fileName();
        entry.recoveryFile = dir.filePath(QString(name).replace(QStringLiteral(".meta.json"), QStringLiteral(".portolan.json")));
        entry.originalFile = meta.value(QStringLiteral("originalFile")).toString();
        entry.saved = QDateTime::fromString(meta.value(QStringLiteral("saved")).toString(), Qt::ISODate);
        const QString named = meta.value(QStringLiteral("recoveryFile")).toString();
        if (!named.isEmpty() && !named.contains(QLatin1Char('/')))
            entry.recoveryFile = dir.filePath(named);
        entry.pid = meta.value(QStringLiteral("pid")).toInteger();
        const qint64 started = meta.value(QStringLiteral("started")).toInteger();
        // A running process owns its file, unless it is another process with
        // the same pid (another start time, or this process without the file
        // among its own): then the pid was reused after a crash.
        const bool pidRuns = processRuns(entry.pid) && entry.pid != QCoreApplication::applicationPid()
            && (started == 0 || processStartTime(entry.pid) == started);
        if (ownFiles().contains(entry.metaFile) || pidRuns)
            continue;
        if (!QFileInfo::exists(entry.recoveryFile)) {
            // Its writer died before the recovery file was complete, or while
            // discarding it: nothing to offer, and nothing to keep.
            file.close();
            QFile::remove(entry.metaFile);
            continue;
        }
        entries.append(entry);
    }
    return entries;
}

void removeRecoveryEntry(const RecoveryEntry &entry)
{
    QFile::remove(entry.recoveryFile);
    QFile::remove(entry.metaFile);
}

FileStamp FileStamp::of(const QString &fileName)
{
    FileStamp stamp;
    QFile file(fileName);
    if (fileName.isEmpty() || !file.open(QIODevice::ReadOnly))
        return stamp;
    stamp.size = file.size();
    stamp.modified = QFileInfo(file).lastModified();
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(&file);
    stamp.hash = hash.result();
    return stamp;
}

} // namespace Portolan
