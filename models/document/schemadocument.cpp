#include "schemadocument.h"

#include <QFileInfo>
#include <QUndoStack>

#include <algorithm>

namespace Portolan {

SchemaDocument::SchemaDocument(QObject *parent)
    : SchemaDocument(Schema(), parent)
{
}

SchemaDocument::SchemaDocument(Schema schema, QObject *parent)
    : QObject(parent)
    , mSchema(std::move(schema))
    , mUndoStack(new QUndoStack(this))
{
    rebuildIndexes();
    connect(mUndoStack, &QUndoStack::cleanChanged, this, [this](bool clean) {
        emit modifiedChanged(!clean);
    });
}

SchemaDocument::~SchemaDocument() = default;

void SchemaDocument::setFileName(const QString &fileName)
{
    if (mFileName == fileName)
        return;
    mFileName = fileName;
    emit fileNameChanged(fileName);
}

QString SchemaDocument::displayName() const
{
    if (!mFileName.isEmpty())
        return QFileInfo(mFileName).fileName();
    return mUntitledName.isEmpty() ? tr("Untitled") : mUntitledName;
}

bool SchemaDocument::isModified() const
{
    return !mUndoStack->isClean();
}

void SchemaDocument::setClean()
{
    mUndoStack->setClean();
}

void SchemaDocument::resetSchema(const Schema &schema)
{
    emit aboutToReset();
    mUndoStack->clear();
    mSchema = schema;
    rebuildIndexes();
    emit reset();
}

void SchemaDocument::replaceSchema(const Schema &schema)
{
    emit aboutToReset();
    mSchema = schema;
    rebuildIndexes();
    emit reset();
}

void SchemaDocument::rebuildServiceRows()
{
    mServiceRows.clear();
    mServiceRows.reserve(mSchema.services.size());
    for (int i = 0; i < mSchema.services.size(); ++i)
        mServiceRows.insert(mSchema.services.at(i).id, i);
}

// The rows from `from` on move by `by`: one pass over the map's entries,
// without hashing or comparing an id. Deleting a filter's hundreds of
// matches, scattered over a fleet, moves the rows after each of them.
void SchemaDocument::shiftServiceRows(int from, int by)
{
    for (auto it = mServiceRows.begin(); it != mServiceRows.end(); ++it) {
        if (it.value() >= from)
            it.value() += by;
    }
}

void SchemaDocument::rebuildIndexes()
{
    rebuildServiceRows();
    rebuildHostRows();
    rebuildRangeIndexes();
}

void SchemaDocument::rebuildHostRows()
{
    mHostRows.clear();
    for (int i = 0; i < mSchema.hosts.size(); ++i)
        mHostRows.insert(mSchema.hosts.at(i).id, i);
}

void SchemaDocument::rebuildRangeIndexes()
{
    mRangeRows.clear();
    mNarrowestRange.clear();
    qint64 span = 0;
    for (int i = 0; i < mSchema.ranges.size(); ++i) {
        const PortRange &r = mSchema.ranges.at(i);
        mRangeRows.insert(r.id, i);
        span += std::max(0, std::min(r.last, 65535) - std::max(r.first, 0) + 1);
    }
    // Each range writes its ports once; ranges spanning millions of ports
    // between them are rare and scanned instead.
    if (span > 4'000'000)
        return;
    mNarrowestRange.fill(-1, 65536);
    for (int i = 0; i < mSchema.ranges.size(); ++i) {
        const PortRange &r = mSchema.ranges.at(i);
        for (int port = std::max(r.first, 0); port <= std::min(r.last, 65535); ++port) {
            int &best = mNarrowestRange[port];
            // As Schema::narrowestRangeContaining(): the first of the narrowest.
            if (best < 0 || r.size() < mSchema.ranges.at(best).size())
                best = i;
        }
    }
}

const Host *SchemaDocument::host(const QString &hostId) const
{
    const int i = mHostRows.value(hostId, -1);
    return i < 0 ? nullptr : &mSchema.hosts.at(i);
}

const PortRange *SchemaDocument::rangeOf(const Service &service) const
{
    if (!service.rangeId.isEmpty()) {
        if (const int i = mRangeRows.value(service.rangeId, -1); i >= 0)
            return &mSchema.ranges.at(i);
    }
    const int port = service.plannedPort > 0 ? service.plannedPort : service.actualPort;
    if (port <= 0)
        return nullptr;
    if (mNarrowestRange.isEmpty() || port >= mNarrowestRange.size())
        return mSchema.narrowestRangeContaining(port);
    const int i = mNarrowestRange.at(port);
    return i < 0 ? nullptr : &mSchema.ranges.at(i);
}

void SchemaDocument::setServiceField(int row, ServiceField field, const QVariant &value)
{
    Portolan::setServiceField(mSchema.services[row], field, value);
    emit serviceFieldChanged(row, field);
}

void SchemaDocument::setService(int row, const Service &service)
{
    const QString oldId = mSchema.services.at(row).id;
    mSchema.services[row] = service;
    if (oldId != service.id) {
        mServiceRows.remove(oldId);
        mServiceRows.insert(service.id, row);
    }
    emit serviceReplaced(row);
}

void SchemaDocument::insertServices(int row, const QList<Service> &services)
{
    Q_ASSERT(row >= 0 && row <= mSchema.services.size());
    if (services.isEmpty())
        return;
    const int last = row + int(services.size()) - 1;
    emit servicesAboutToBeInserted(row, last);
    const bool appending = row == mSchema.services.size();
    if (appending) {
        // Copied in place, not made empty first and assigned: a Duplicate
        // appends thousands.
        mSchema.services.append(services);
        mServiceRows.reserve(mServiceRows.size() + services.size());
        for (int i = row; i <= last; ++i)
            mServiceRows.insert(mSchema.services.at(i).id, i);
    } else {
        mSchema.services.insert(row, services.size(), Service());
        std::copy(services.cbegin(), services.cend(), mSchema.services.begin() + row);
        shiftServiceRows(row, int(services.size()));
        for (int i = row; i <= last; ++i)
            mServiceRows.insert(mSchema.services.at(i).id, i);
    }
    emit servicesInserted(row, last);
}

void SchemaDocument::removeServices(int row, int count)
{
    Q_ASSERT(row >= 0 && count >= 0 && row + count <= mSchema.services.size());
    if (count == 0)
        return;
    const int last = row + count - 1;
    emit servicesAboutToBeRemoved(row, last);
    for (int i = row; i <= last; ++i)
        mServiceRows.remove(mSchema.services.at(i).id);
    mSchema.services.remove(row, count);
    shiftServiceRows(last + 1, -count);
    emit servicesRemoved(row, last);
}

void SchemaDocument::replaceServices(QList<Service> services)
{
    emit servicesAboutToBeReset();
    mSchema.services = std::move(services);
    rebuildServiceRows();
    emit servicesReset();
}

void SchemaDocument::setHosts(const QList<Host> &hosts)
{
    mSchema.hosts = hosts;
    rebuildHostRows();
    emit hostsChanged();
}

void SchemaDocument::setRanges(const QList<PortRange> &ranges)
{
    mSchema.ranges = ranges;
    rebuildRangeIndexes();
    emit rangesChanged();
}

void SchemaDocument::setReservations(const QList<Reservation> &reservations)
{
    mSchema.reservations = reservations;
    emit reservationsChanged();
}

void SchemaDocument::setReferences(const QList<Reference> &references)
{
    mSchema.references = references;
    emit referencesChanged();
}

void SchemaDocument::setRuleSettings(const RuleSettings &settings)
{
    mSchema.ruleSettings = settings;
    emit ruleSettingsChanged();
}

void SchemaDocument::setMetadata(const QString &title, const QStringList &principles, const QString &notes)
{
    mSchema.title = title;
    mSchema.principles = principles;
    mSchema.notes = notes;
    emit metadataChanged();
}

} // namespace Portolan
