#include "realitysync.h"

#include "schemadocument.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QUndoStack>

namespace Portolan {

namespace {
// Editors save by writing a new file and renaming it over the old one; the
// watcher then loses the file, so the folder is watched too.
constexpr int DebounceMs = 150;
} // namespace

RealitySync::RealitySync(SchemaDocument *document, QObject *parent)
    : QObject(parent)
    , mDocument(document)
    , mWatcher(new QFileSystemWatcher(this))
{
    mDebounce.setSingleShot(true);
    mDebounce.setInterval(DebounceMs);
    connect(&mDebounce, &QTimer::timeout, this, &RealitySync::readChanged);
    connect(mWatcher, &QFileSystemWatcher::fileChanged, this, &RealitySync::onFileChanged);
    connect(mWatcher, &QFileSystemWatcher::directoryChanged, this, &RealitySync::onFileChanged);
    connect(document, &SchemaDocument::reset, this, &RealitySync::onReset);
    connect(document, &SchemaDocument::hostsChanged, this, &RealitySync::onHostsChanged);
    // A load resets the schema and then names its file: read once, after both.
    mScheduled.setSingleShot(true);
    mScheduled.setInterval(0);
    connect(&mScheduled, &QTimer::timeout, this, &RealitySync::refresh);
    connect(document, &SchemaDocument::fileNameChanged, this, [this] {
        if (!mApplying)
            mScheduled.start();
    });
    connect(document->undoStack(), &QUndoStack::indexChanged, this, &RealitySync::onUndoIndexChanged);
}

RealitySync::~RealitySync() = default;

void RealitySync::setUntitledBaseDir(const QString &dir)
{
    mUntitledBaseDir = dir;
}

QString RealitySync::baseDir() const
{
    if (mDocument->fileName().isEmpty() && !mUntitledBaseDir.isEmpty())
        return mUntitledBaseDir;
    return sourceBaseDir(mDocument->fileName());
}

const SourceReading *RealitySync::reading(const QString &hostId, const RealitySource &source) const
{
    for (const SourceReading &r : mReadings) {
        if (r.hostId == hostId && r.source == source)
            return &r;
    }
    return nullptr;
}

void RealitySync::onReset()
{
    if (mApplying)
        return;
    mRealityMoved = false;
    mScheduled.start();
}

// A source linked, unlinked or changed: read what is new, keep the rest.
void RealitySync::onHostsChanged()
{
    if (mApplying)
        return;
    QList<SourceReading> readings;
    bool changed = false;
    for (const Host &h : mDocument->schema().hosts) {
        for (const RealitySource &source : h.sources) {
            if (const SourceReading *old = reading(h.id, source)) {
                readings.append(*old);
            } else {
                readings.append(readSource(h.id, source, baseDir()));
                changed = true;
            }
        }
    }
    changed = changed || readings.size() != mReadings.size();
    if (!changed)
        return;
    // An unlinked source's part leaves with it: applying starts from the
    // readings that remain, and the removed source's files no longer count.
    QList<SourceReading> removed;
    for (const SourceReading &r : std::as_const(mReadings)) {
        if (!std::any_of(readings.cbegin(), readings.cend(),
                         [&](const SourceReading &n) { return n.hostId == r.hostId && n.source == r.source; }))
            removed.append(r);
    }
    mReadings = readings;
    mRealityMoved = true;
    if (!removed.isEmpty()) {
        // One application takes the removed sources' services and
        // references out (as sources that now yield nothing) and applies
        // the rest.
        QList<SourceReading> all = mReadings;
        for (SourceReading r : removed) {
            const QStringList files = r.originFiles();
            r.result = ReadResult();
            r.endpoints.clear();
            r.ok = true;
            r.source.files = files;
            all.append(r);
        }
        mReadings = all;
        apply();
        mReadings = readings;
    } else {
        apply();
    }
    watch();
}

void RealitySync::refresh()
{
    mScheduled.stop();
    QElapsedTimer timer;
    timer.start();
    mReadings = readSources(mDocument->schema(), baseDir());
    apply();
    watch();
    mLastRefreshMs = timer.elapsed();
}

void RealitySync::refreshHost(const QString &hostId)
{
    for (SourceReading &r : mReadings) {
        if (r.hostId == hostId)
            r = readSource(r.hostId, r.source, baseDir());
    }
    mRealityMoved = true;
    applyHosts({hostId});
    watch();
}

void RealitySync::onFileChanged(const QString &path)
{
    mChangedFiles.insert(path);
    mDebounce.start();
}

void RealitySync::readChanged()
{
    const QSet<QString> changed = std::exchange(mChangedFiles, {});
    QSet<QString> hosts;
    for (SourceReading &r : mReadings) {
        bool touched = false;
        for (const QString &f : std::as_const(r.absoluteFiles))
            touched = touched || changed.contains(f) || changed.contains(QFileInfo(f).path());
        if (!touched)
            continue;
        SourceReading fresh = readSource(r.hostId, r.source, baseDir());
        // A folder event without a change to this source's bytes is noise.
        if (fresh.ok == r.ok && fresh.result.schema == r.result.schema && fresh.result.findings == r.result.findings
            && fresh.endpoints == r.endpoints && fresh.error.message == r.error.message)
            continue;
        r = fresh;
        hosts.insert(r.hostId);
    }
    if (!hosts.isEmpty()) {
        mRealityMoved = true;
        applyHosts(hosts);
    }
    watch(); // a replaced file is a new inode: watch it again
}

void RealitySync::onUndoIndexChanged()
{
    // Undo may put back a service as it was before a re-read: read reality
    // onto it again. Nothing to do while no source has changed since load.
    if (mApplying || !mRealityMoved || mReadings.isEmpty())
        return;
    // Deferred: the undo command is still running its children.
    QTimer::singleShot(0, this, &RealitySync::apply);
}

void RealitySync::apply()
{
    applyHosts({});
}

// Applies the readings of the given hosts (all when empty) to the document
// as a difference, service by service: a re-read file costs what it
// changes, not the size of the plan.
void RealitySync::applyHosts(const QSet<QString> &hostIds)
{
    QList<SourceReading> readings;
    for (const SourceReading &r : std::as_const(mReadings)) {
        if (hostIds.isEmpty() || hostIds.contains(r.hostId))
            readings.append(r);
    }
    const RealityDiff diff = realityDiff(mDocument->schema(), readings,
                                         [this](const QString &id) { return mDocument->serviceRow(id); });
    mApplying = true;
    for (int i = int(diff.removed.size()) - 1; i >= 0; --i) {
        const int row = mDocument->serviceRow(diff.removed.at(i));
        if (row >= 0)
            mDocument->removeService(row);
    }
    for (const Service &s : diff.changed) {
        const int row = mDocument->serviceRow(s.id);
        if (row >= 0 && mDocument->service(row) != s)
            mDocument->setService(row, s);
    }
    for (const Service &s : diff.added) {
        const int row = mDocument->serviceRow(s.id);
        if (row < 0)
            mDocument->insertService(mDocument->serviceCount(), s);
        else if (mDocument->service(row) != s)
            mDocument->setService(row, s);
    }
    if (diff.references)
        mDocument->setReferences(*diff.references);
    mApplying = false;

    // Findings per host: a host not re-read keeps its own.
    QHash<QString, QList<Finding>> byHost = hostIds.isEmpty() ? QHash<QString, QList<Finding>>() : mFindingsByHost;
    for (const QString &h : hostIds)
        byHost.remove(h);
    for (const Finding &f : diff.findings)
        byHost[f.hostIds.value(0)].append(f);
    mFindingsByHost = byHost;
    QList<Finding> all;
    for (const SourceReading &r : std::as_const(mReadings)) {
        if (byHost.contains(r.hostId))
            all += byHost.take(r.hostId);
    }
    for (const QList<Finding> &rest : std::as_const(byHost))
        all += rest;
    setFindings(all);
    emit refreshed(diff.summary);
}

void RealitySync::watch()
{
    QStringList wanted;
    for (const SourceReading &r : std::as_const(mReadings)) {
        for (const QString &f : r.absoluteFiles) {
            if (f.startsWith(QLatin1Char(':')))
                continue; // resources never change
            if (QFileInfo::exists(f))
                wanted.append(f);
            const QString dir = QFileInfo(f).path();
            if (QFileInfo::exists(dir))
                wanted.append(dir);
        }
    }
    wanted.removeDuplicates();
    QStringList watched = mWatcher->files() + mWatcher->directories();
    QStringList stale;
    for (const QString &w : std::as_const(watched)) {
        if (!wanted.contains(w))
            stale.append(w);
    }
    if (!stale.isEmpty())
        mWatcher->removePaths(stale);
    QStringList fresh;
    for (const QString &w : std::as_const(wanted)) {
        if (!watched.contains(w) || !QFileInfo::exists(w))
            fresh.append(w);
    }
    // A replaced file left the watcher on its own; add it back.
    for (const QString &f : std::as_const(wanted)) {
        if (!mWatcher->files().contains(f) && !mWatcher->directories().contains(f) && !fresh.contains(f))
            fresh.append(f);
    }
    if (!fresh.isEmpty())
        mWatcher->addPaths(fresh);
}

void RealitySync::setFindings(const QList<Finding> &findings)
{
    if (findings == mFindings)
        return;
    const QList<Finding> removed = std::exchange(mFindings, findings);
    emit findingsChanged(removed, mFindings);
}

} // namespace Portolan
