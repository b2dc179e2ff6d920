#include "whatif.h"

#include "analyzer.h"
#include "schemadocument.h"
#include "texthash.h"

#include <QCoreApplication>
#include <QSet>
#include <QUndoCommand>
#include <QUndoStack>

#include <utility>

namespace Portolan {

WhatIfSession::WhatIfSession(SchemaDocument *real, QObject *parent)
    : QObject(parent)
    , mReal(real)
    , mDraft(new SchemaDocument(real->schema(), this))
{
    mDraft->setFileName(real->fileName());
    connect(mDraft, &SchemaDocument::serviceFieldChanged, this, &WhatIfSession::captureField);
    connect(mDraft, &SchemaDocument::serviceReplaced, this, &WhatIfSession::captureService);
    connect(mDraft, &SchemaDocument::servicesInserted, this, &WhatIfSession::captureInserted);
    connect(mDraft, &SchemaDocument::servicesAboutToBeRemoved, this, &WhatIfSession::captureAboutToBeRemoved);
    connect(mDraft, &SchemaDocument::servicesAboutToBeReset, this, &WhatIfSession::captureAboutToBeReset);
    connect(mDraft, &SchemaDocument::servicesReset, this, &WhatIfSession::captureReset);
    connect(mDraft, &SchemaDocument::hostsChanged, this, [this] {
        if (!mSyncing)
            mHosts = mDraft->schema().hosts;
    });
    connect(mDraft, &SchemaDocument::rangesChanged, this, [this] {
        if (!mSyncing)
            mRanges = mDraft->schema().ranges;
    });
    connect(mDraft, &SchemaDocument::reservationsChanged, this, [this] {
        if (!mSyncing)
            mReservations = mDraft->schema().reservations;
    });
    connect(mDraft, &SchemaDocument::serviceFieldChanged, this, [this] {
        if (!mSyncing)
            emit draftsChanged();
    });
    for (auto signal : {&SchemaDocument::servicesInserted, &SchemaDocument::servicesRemoved}) {
        connect(mDraft, signal, this, [this] {
            if (!mSyncing)
                emit draftsChanged();
        });
    }
    connect(mDraft, &SchemaDocument::servicesReset, this, [this] {
        if (!mSyncing)
            emit draftsChanged();
    });
    connect(mDraft, &SchemaDocument::serviceReplaced, this, [this] {
        if (!mSyncing)
            emit draftsChanged();
    });
    for (auto signal : {&SchemaDocument::hostsChanged, &SchemaDocument::rangesChanged,
                        &SchemaDocument::reservationsChanged}) {
        connect(mDraft, signal, this, [this] {
            if (!mSyncing)
                emit draftsChanged();
        });
    }

    // Any change of the real document is carried into the draft.
    connect(real, &SchemaDocument::reset, this, &WhatIfSession::syncFromReal);
    connect(real, &SchemaDocument::serviceFieldChanged, this, &WhatIfSession::syncFromReal);
    connect(real, &SchemaDocument::serviceReplaced, this, &WhatIfSession::syncFromReal);
    connect(real, &SchemaDocument::servicesInserted, this, &WhatIfSession::syncFromReal);
    connect(real, &SchemaDocument::servicesRemoved, this, &WhatIfSession::syncFromReal);
    connect(real, &SchemaDocument::servicesReset, this, &WhatIfSession::syncFromReal);
    for (auto signal : {&SchemaDocument::hostsChanged, &SchemaDocument::rangesChanged,
                        &SchemaDocument::reservationsChanged, &SchemaDocument::referencesChanged,
                        &SchemaDocument::ruleSettingsChanged, &SchemaDocument::metadataChanged})
        connect(real, signal, this, &WhatIfSession::syncFromReal);
}

WhatIfSession::~WhatIfSession() = default;

void WhatIfSession::captureField(int row, ServiceField field)
{
    if (mSyncing)
        return;
    const Service &s = mDraft->service(row);
    for (Service &added : mAdded) {
        if (added.id == s.id) {
            added = s;
            return;
        }
    }
    mFields[s.id].insert(int(field), serviceField(s, field));
}

void WhatIfSession::captureService(int row)
{
    if (mSyncing)
        return;
    for (int f = int(ServiceField::Name); f <= int(ServiceField::Origin); ++f)
        captureField(row, ServiceField(f));
}

void WhatIfSession::captureInserted(int first, int last)
{
    if (mSyncing)
        return;
    for (int row = first; row <= last; ++row)
        captureInsertedRow(row);
}

void WhatIfSession::captureInsertedRow(int row)
{
    const Service &s = mDraft->service(row);
    if (mRemoved.remove(s.id))
        captureService(row);
    else
        mAdded.append(s);
}

void WhatIfSession::captureAboutToBeRemoved(int first, int last)
{
    if (mSyncing)
        return;
    for (int row = first; row <= last; ++row)
        captureRemoved(mDraft->service(row).id);
}

void WhatIfSession::captureRemoved(const QString &id)
{
    const auto before = mAdded.size();
    mAdded.removeIf([&id](const Service &s) { return s.id == id; });
    if (mAdded.size() == before) {
        mRemoved.insert(id);
        mFields.remove(id);
    }
}

void WhatIfSession::captureAboutToBeReset()
{
    mIdsBeforeReset.clear();
    if (mSyncing)
        return;
    mIdsBeforeReset.reserve(mDraft->serviceCount());
    for (const Service &s : mDraft->schema().services)
        mIdsBeforeReset.insert(s.id);
}

void WhatIfSession::captureReset()
{
    if (mSyncing)
        return;
    QSet<QString> gone = std::exchange(mIdsBeforeReset, {});
    QList<int> came;
    for (int row = 0; row < mDraft->serviceCount(); ++row) {
        if (!gone.remove(mDraft->service(row).id))
            came.append(row);
    }
    for (const QString &id : std::as_const(gone))
        captureRemoved(id);
    for (int row : std::as_const(came))
        captureInsertedRow(row);
}

Schema WhatIfSession::draftSchema() const
{
    // The real plan's services shared, and only what the drafts touch
    // changed: by the real document's row index, not a search per service.
    Schema schema = mReal->schema();
    for (auto it = mFields.constBegin(); it != mFields.constEnd(); ++it) {
        const int row = mReal->serviceRow(it.key());
        if (row < 0)
            continue;
        Service &s = schema.services[row];
        for (auto f = it->constBegin(); f != it->constEnd(); ++f)
            setServiceField(s, ServiceField(f.key()), f.value());
    }
    if (!mRemoved.isEmpty())
        schema.services.removeIf([this](const Service &s) { return mRemoved.contains(s.id); });
    TextSet appended;
    for (const Service &s : mAdded) {
        const bool inPlan = mReal->serviceRow(s.id) >= 0 && !mRemoved.contains(s.id);
        if (!inPlan && !appended.contains(s.id)) {
            schema.services.append(s);
            appended.insert(s.id);
        }
    }
    if (mHosts)
        schema.hosts = *mHosts;
    if (mRanges)
        schema.ranges = *mRanges;
    if (mReservations)
        schema.reservations = *mReservations;
    return schema;
}

void WhatIfSession::syncFromReal()
{
    const Schema target = draftSchema();
    const Schema &current = mDraft->schema();
    mSyncing = true;
    bool sameRows = target.services.size() == current.services.size();
    for (int i = 0; sameRows && i < target.services.size(); ++i)
        sameRows = target.services.at(i).id == current.services.at(i).id;
    if (!sameRows) {
        mDraft->resetSchema(target);
    } else {
        // Row by row, so the views keep their selection and repaint only what changed.
        for (int i = 0; i < target.services.size(); ++i) {
            if (!(target.services.at(i) == current.services.at(i)))
                mDraft->setService(i, target.services.at(i));
        }
        if (target.hosts != current.hosts)
            mDraft->setHosts(target.hosts);
        if (target.ranges != current.ranges)
            mDraft->setRanges(target.ranges);
        if (target.reservations != current.reservations)
            mDraft->setReservations(target.reservations);
        if (target.references != current.references)
            mDraft->setReferences(target.references);
        if (!(target.ruleSettings == current.ruleSettings))
            mDraft->setRuleSettings(target.ruleSettings);
        if (target.title != current.title || target.principles != current.principles || target.notes != current.notes)
            mDraft->setMetadata(target.title, target.principles, target.notes);
        // The draft's own commands remember values the real change replaced.
        mDraft->undoStack()->clear();
    }
    mSyncing = false;
    emit draftsChanged();
}

QList<Move> WhatIfSession::drafts() const
{
    return diffSchemas(mReal->schema(), mDraft->schema(), Move::Origin::Draft);
}

bool WhatIfSession::hasDrafts() const
{
    return !drafts().isEmpty();
}

bool WhatIfSession::reject(const QList<Move> &drafts)
{
    QList<Move> inverses;
    for (const Move &m : drafts) {
        if (m.origin != Move::Origin::Draft)
            continue;
        Move inverse = m.inverse();
        if (m.kind == Move::Kind::ServiceChanged || m.kind == Move::Kind::ServiceAdded
            || m.kind == Move::Kind::ServiceRemoved) {
            // The real service carries the values to restore.
            if (const Service *real = mReal->schema().service(m.serviceId))
                inverse.service = *real;
        } else if (m.kind == Move::Kind::HostChanged || m.kind == Move::Kind::HostRemoved) {
            if (const Host *real = mReal->schema().host(m.serviceId))
                inverse.host = *real;
        } else if (m.kind == Move::Kind::RangeChanged || m.kind == Move::Kind::RangeRemoved) {
            if (const PortRange *real = mReal->schema().range(m.serviceId))
                inverse.range = *real;
        } else if (m.kind == Move::Kind::ReservationsChanged) {
            inverse.reservations = mReal->schema().reservations;
        }
        inverses.append(inverse);
    }
    QUndoCommand *command = moveCommand(mDraft, inverses, Move::Action::Execute);
    if (!command)
        return false;
    command->setText(QCoreApplication::translate("Portolan::Moves", "Reject %n draft(s)", nullptr,
                                                 int(inverses.size())));
    mDraft->undoStack()->push(command);
    return true;
}

} // namespace Portolan
