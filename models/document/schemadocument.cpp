#include "schemadocument.h"

#include <QFileInfo>
#include <QUndoStack>

namespace Portolan {

SchemaDocument::SchemaDocument(QObject *parent)
    : SchemaDocument(Schema(), parent)
{
}

SchemaDocument::SchemaDocument(const Schema &schema, QObject *parent)
    : QObject(parent)
    , mSchema(schema)
    , mUndoStack(new QUndoStack(this))
{
    rebuildServiceRows();
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
    rebuildServiceRows();
    emit reset();
}

void SchemaDocument::replaceSchema(const Schema &schema)
{
    emit aboutToReset();
    mSchema = schema;
    rebuildServiceRows();
    emit reset();
}

void SchemaDocument::rebuildServiceRows(int from)
{
    if (from == 0) {
        mServiceRows.clear();
        mServiceRows.reserve(mSchema.services.size());
    }
    for (int i = from; i < mSchema.services.size(); ++i)
        mServiceRows.insert(mSchema.services.at(i).id, i);
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

void SchemaDocument::insertService(int row, const Service &service)
{
    Q_ASSERT(row >= 0 && row <= mSchema.services.size());
    emit serviceAboutToBeInserted(row);
    mSchema.services.insert(row, service);
    if (row == mSchema.services.size() - 1)
        mServiceRows.insert(service.id, row);
    else
        rebuildServiceRows(row);
    emit serviceInserted(row);
}

void SchemaDocument::removeService(int row)
{
    emit serviceAboutToBeRemoved(row);
    mServiceRows.remove(mSchema.services.at(row).id);
    mSchema.services.removeAt(row);
    rebuildServiceRows(row);
    emit serviceRemoved(row);
}

void SchemaDocument::setHosts(const QList<Host> &hosts)
{
    mSchema.hosts = hosts;
    emit hostsChanged();
}

void SchemaDocument::setRanges(const QList<PortRange> &ranges)
{
    mSchema.ranges = ranges;
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
