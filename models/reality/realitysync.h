#pragma once

#include "linkedsources.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

class QFileSystemWatcher;

namespace Portolan {

class SchemaDocument;

// Keeps a document's reality in step with its hosts' linked sources: reads
// them when the document is loaded and when its sources change, re-reads a
// source whose file changes on disk, and on request. What the readings say
// is applied outside the undo stack (SchemaDocument::applyReality): the plan
// is not edited, so undo history and modified state stay as they are.
class RealitySync : public QObject
{
    Q_OBJECT

public:
    explicit RealitySync(SchemaDocument *document, QObject *parent = nullptr);
    ~RealitySync() override;

    // Where relative source paths are resolved for an untitled document
    // (the built-in sample's are in its resources); a saved document's are
    // beside its file.
    void setUntitledBaseDir(const QString &dir);
    QString baseDir() const;

    const QList<SourceReading> &readings() const { return mReadings; }
    // The reading of one source of a host, or nullptr when not read.
    const SourceReading *reading(const QString &hostId, const RealitySource &source) const;
    QList<Finding> findings() const { return mFindings; }
    // Wall time of the last refresh, read and apply, for the status bar and benchmarks.
    qint64 lastRefreshMs() const { return mLastRefreshMs; }

    // Re-reads every source (File > Refresh Reality). Loading a document
    // schedules this for the next turn of the event loop; calling it at once
    // reads now.
    void refresh();
    // Re-reads the sources of one host.
    void refreshHost(const QString &hostId);

signals:
    // After every refresh: which sources were read and what changed.
    void refreshed(const QStringList &summary);
    void findingsChanged(const QList<Finding> &removed, const QList<Finding> &added);

private:
    void onReset();
    void onHostsChanged();
    void onFileChanged(const QString &path);
    void onUndoIndexChanged();
    void readChanged();
    void apply();
    void applyHosts(const QSet<QString> &hostIds);
    void watch();
    void setFindings(const QList<Finding> &findings);

    SchemaDocument *mDocument;
    QFileSystemWatcher *mWatcher;
    QTimer mDebounce;
    QTimer mScheduled;
    QString mUntitledBaseDir;
    QList<SourceReading> mReadings;
    QList<Finding> mFindings;
    QHash<QString, QList<Finding>> mFindingsByHost;
    QSet<QString> mChangedFiles; // absolute paths seen changing, read on the next debounce
    bool mApplying = false;
    bool mRealityMoved = false; // a reading changed reality after load: undo must re-apply
    qint64 mLastRefreshMs = 0;
};

} // namespace Portolan
