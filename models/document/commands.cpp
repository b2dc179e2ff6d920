#include "commands.h"

#include "rowruns.h"
#include "schemadocument.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace Portolan {

ChangeServiceFieldCommand::ChangeServiceFieldCommand(SchemaDocument *document, const QString &serviceId,
                                                     ServiceField field, const QVariant &value,
                                                     QUndoCommand *parent)
    : QUndoCommand(parent)
    , mDocument(document)
    , mServiceId(serviceId)
    , mField(field)
    , mNewValue(value)
{
    const int row = document->serviceRow(serviceId);
    Q_ASSERT(row >= 0);
    const Service &service = document->service(row);
    mOldValue = serviceField(service, field);
    mServiceName = service.name;
    updateText();
}

// A field's value as the undo history shows it; empty when it does not fit
// on a line (notes, metrics), so the text names only the field.
static QString valueText(ServiceField field, const QVariant &value)
{
    switch (field) {
    case ServiceField::PlannedPort:
    case ServiceField::ActualPort:
    case ServiceField::ContainerPort:
        return value.toInt() > 0 ? QString::number(value.toInt())
                                 : QCoreApplication::translate("Portolan", "none", "no port");
    case ServiceField::Status: return statusDisplayName(ServiceStatus(value.toInt()));
    case ServiceField::Exposure: return exposureDisplayName(Exposure(value.toInt()));
    case ServiceField::Metrics:
    case ServiceField::Notes:
    case ServiceField::Description:
    case ServiceField::Origin: return {};
    default: break;
    }
    const QString text = value.typeId() == QMetaType::QStringList ? value.toStringList().join(QStringLiteral(", "))
                                                                : value.toString();
    if (text.size() > 40)
        return {};
    return text.isEmpty() ? QCoreApplication::translate("Portolan", "none", "no value") : text;
}

void ChangeServiceFieldCommand::updateText()
{
    QString field = serviceFieldDisplayName(mField);
    // Mid-sentence in English; German nouns keep their capital.
    if (QLocale().language() != QLocale::German && field.size() > 1 && field.at(1).isLower())
        field[0] = field.at(0).toLower();
    const QString from = valueText(mField, mOldValue);
    const QString to = valueText(mField, mNewValue);
    if (from.isEmpty() || to.isEmpty())
        setText(QCoreApplication::translate("Portolan", "Change %1 of %2").arg(field, mServiceName));
    else
        setText(QCoreApplication::translate("Portolan", "Change %1 of %2 from %3 to %4")
                    .arg(field, mServiceName, from, to));
}

void ChangeServiceFieldCommand::apply(const QVariant &value)
{
    const int row = mDocument->serviceRow(mServiceId);
    Q_ASSERT(row >= 0);
    mDocument->setServiceField(row, mField, value);
}

void ChangeServiceFieldCommand::undo() { apply(mOldValue); }
void ChangeServiceFieldCommand::redo() { apply(mNewValue); }

bool ChangeServiceFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeServiceFieldCommand *>(other);
    if (o->mDocument != mDocument || o->mServiceId != mServiceId || o->mField != mField)
        return false;
    mNewValue = o->mNewValue;
    updateText();
    // Typing a value and back again leaves nothing to undo.
    if (mNewValue == mOldValue)
        setObsolete(true);
    return true;
}

ReplaceServiceCommand::ReplaceServiceCommand(SchemaDocument *document, const Service &service, QUndoCommand *parent)
    : QUndoCommand(parent)
    , mDocument(document)
    , mNew(service)
{
    const int row = document->serviceRow(service.id);
    Q_ASSERT(row >= 0);
    mOld = document->service(row);
    setText(QCoreApplication::translate("Portolan", "Edit %1").arg(service.name));
}

void ReplaceServiceCommand::undo() { mDocument->setService(mDocument->serviceRow(mOld.id), mOld); }
void ReplaceServiceCommand::redo() { mDocument->setService(mDocument->serviceRow(mNew.id), mNew); }

namespace {

// Beyond this many blocks of rows (a Delete of a filter's matches, scattered
// over a fleet) the plan's services are replaced at once, one reset of what
// shows them, instead of block by block: each block moved every row after
// it in the plan and in every view of it.
constexpr qsizetype ManyRuns = 32;

// Back to front, so that the rows of the earlier runs stay where they are.
void removeRuns(SchemaDocument *document, const QList<RowRun> &runs)
{
    if (runs.size() > ManyRuns) {
        const QList<Service> &services = document->schema().services;
        QList<Service> kept;
        kept.reserve(services.size());
        int next = 0;
        for (const RowRun &run : runs) {
            kept.append(services.sliced(next, run.first - next));
            next = run.last + 1;
        }
        kept.append(services.sliced(next));
        document->replaceServices(std::move(kept));
        return;
    }
    for (auto it = runs.crbegin(); it != runs.crend(); ++it)
        document->removeServices(it->first, it->count());
}

} // namespace

AddServicesCommand::AddServicesCommand(SchemaDocument *document, const QList<Service> &services, int row,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , mDocument(document)
    , mServices(services)
    , mRow(row < 0 ? document->serviceCount() : row)
{
    setText(QCoreApplication::translate("Portolan", "Add %n service(s)", nullptr, int(services.size())));
}

// By id and with the row clamped: a re-read linked source may have added or
// taken out services (outside the undo stack) since.
void AddServicesCommand::undo()
{
    QList<int> rows;
    rows.reserve(mServices.size());
    for (const Service &s : std::as_const(mServices)) {
        if (const int row = mDocument->serviceRow(s.id); row >= 0)
            rows.append(row);
    }
    removeRuns(mDocument, rowRuns(rows));
}

void AddServicesCommand::redo() { mDocument->insertServices(qMin(mRow, mDocument->serviceCount()), mServices); }

AddServiceCommand::AddServiceCommand(SchemaDocument *document, const Service &service, int row, QUndoCommand *parent)
    : AddServicesCommand(document, {service}, row, parent)
{
    Q_ASSERT(document->serviceRow(service.id) < 0);
    setText(QCoreApplication::translate("Portolan", "Add %1").arg(service.name));
}

RemoveServicesCommand::RemoveServicesCommand(SchemaDocument *document, const QStringList &serviceIds,
                                             QUndoCommand *parent)
    : QUndoCommand(parent)
    , mDocument(document)
{
    // Each id once: a second removal of the same id would find no row.
    QSet<QString> seen;
    for (const QString &id : serviceIds) {
        if (document->serviceRow(id) >= 0 && !seen.contains(id)) {
            seen.insert(id);
            mServiceIds.append(id);
        }
    }
    setText(QCoreApplication::translate("Portolan", "Remove %n service(s)", nullptr, int(mServiceIds.size())));
}

// Rows and services are taken on redo: other commands of the same macro may
// have shifted or changed them.
void RemoveServicesCommand::redo()
{
    QList<int> rows;
    rows.reserve(mServiceIds.size());
    for (const QString &id : std::as_const(mServiceIds)) {
        if (const int row = mDocument->serviceRow(id); row >= 0)
            rows.append(row);
    }
    const QList<RowRun> runs = rowRuns(rows);
    mRemoved.clear();
    for (const RowRun &run : runs)
        mRemoved.append({run.first, mDocument->schema().services.mid(run.first, run.count())});
    removeRuns(mDocument, runs);
}

// Front to back, so that each block lands on the row it had.
void RemoveServicesCommand::undo()
{
    if (mRemoved.size() > ManyRuns) {
        const QList<Service> &services = mDocument->schema().services;
        QList<Service> restored;
        restored.reserve(services.size() + mServiceIds.size());
        qsizetype next = 0;
        for (const auto &[row, block] : std::as_const(mRemoved)) {
            const qsizetype before = qMin(qsizetype(row) - restored.size(), services.size() - next);
            restored.append(services.sliced(next, before));
            next += before;
            restored.append(block);
        }
        restored.append(services.sliced(next));
        mDocument->replaceServices(std::move(restored));
        return;
    }
    for (const auto &[row, services] : std::as_const(mRemoved))
        mDocument->insertServices(qMin(row, mDocument->serviceCount()), services);
}

RemoveServiceCommand::RemoveServiceCommand(SchemaDocument *document, const QString &serviceId, QUndoCommand *parent)
    : RemoveServicesCommand(document, {serviceId}, parent)
{
    const int row = document->serviceRow(serviceId);
    Q_ASSERT(row >= 0);
    if (row >= 0) // an id the document lacks removes nothing, and keeps the plural text
        setText(QCoreApplication::translate("Portolan", "Remove %1").arg(document->service(row).name));
}

ReplaceSchemaCommand::ReplaceSchemaCommand(SchemaDocument *document, const Schema &schema, const QString &text,
                                           QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , mDocument(document)
    , mOld(document->schema())
    , mNew(schema)
{
}

void ReplaceSchemaCommand::undo() { mDocument->replaceSchema(mOld); }
void ReplaceSchemaCommand::redo() { mDocument->replaceSchema(mNew); }

template<typename T>
ChangeValueCommand<T>::ChangeValueCommand(SchemaDocument *document, Getter getter, Setter setter, const T &value,
                                          const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , mDocument(document)
    , mSetter(setter)
    , mOld(getter(document->schema()))
    , mNew(value)
{
}

template<typename T>
void ChangeValueCommand<T>::undo()
{
    (mDocument->*mSetter)(mOld);
}

template<typename T>
void ChangeValueCommand<T>::redo()
{
    (mDocument->*mSetter)(mNew);
}

QUndoCommand *changeHostsCommand(SchemaDocument *document, const QList<Host> &hosts, const QString &text,
                                 QUndoCommand *parent)
{
    return new ChangeValueCommand<QList<Host>>(
        document, [](const Schema &s) { return s.hosts; }, &SchemaDocument::setHosts, hosts, text, parent);
}

QUndoCommand *changeRangesCommand(SchemaDocument *document, const QList<PortRange> &ranges, const QString &text,
                                  QUndoCommand *parent)
{
    return new ChangeValueCommand<QList<PortRange>>(
        document, [](const Schema &s) { return s.ranges; }, &SchemaDocument::setRanges, ranges, text, parent);
}

QUndoCommand *changeReservationsCommand(SchemaDocument *document, const QList<Reservation> &reservations,
                                        const QString &text, QUndoCommand *parent)
{
    return new ChangeValueCommand<QList<Reservation>>(
        document, [](const Schema &s) { return s.reservations; }, &SchemaDocument::setReservations, reservations,
        text, parent);
}

QUndoCommand *changeReferencesCommand(SchemaDocument *document, const QList<Reference> &references,
                                      const QString &text, QUndoCommand *parent)
{
    return new ChangeValueCommand<QList<Reference>>(
        document, [](const Schema &s) { return s.references; }, &SchemaDocument::setReferences, references, text,
        parent);
}

QUndoCommand *changeRuleSettingsCommand(SchemaDocument *document, const RuleSettings &settings, QUndoCommand *parent)
{
    return new ChangeValueCommand<RuleSettings>(
        document, [](const Schema &s) { return s.ruleSettings; }, &SchemaDocument::setRuleSettings, settings,
        QCoreApplication::translate("Portolan", "Change rule settings"), parent);
}

} // namespace Portolan
