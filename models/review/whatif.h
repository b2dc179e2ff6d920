#pragma once

#include "move.h"
#include "servicefield.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

namespace Portolan {

class Analyzer;
class SchemaDocument;

// What-if drafting: a second document that shows the schema as if all
// pending drafts were applied. The drafts live outside the real document, as
// overrides of fields and lists; the draft document is always the real one
// with the overrides applied, so executing a move on the real document (or
// undoing it) keeps the drafts. Deleting the session changes nothing.
class WhatIfSession : public QObject
{
    Q_OBJECT

public:
    explicit WhatIfSession(SchemaDocument *real, QObject *parent = nullptr);
    ~WhatIfSession() override;

    SchemaDocument *realDocument() const { return mReal; }
    // Edited like any document (its own undo stack); every edit is a draft.
    SchemaDocument *draftDocument() const { return mDraft; }

    // The pending drafts: the differences from the real document to the draft.
    QList<Move> drafts() const;
    bool hasDrafts() const;

    // Drops drafts by restoring the real values in the draft document: one
    // undo step on the draft's stack. False when nothing changed.
    bool reject(const QList<Move> &drafts);

signals:
    void draftsChanged();

private:
    void captureField(int row, ServiceField field);
    void captureService(int row);
    void captureInserted(int first, int last);
    void captureAboutToBeRemoved(int first, int last);
    void captureInsertedRow(int row);
    void captureRemoved(const QString &id);
    // A draft's services replaced at once: what left and what came, by id.
    void captureAboutToBeReset();
    void captureReset();
    void syncFromReal();
    Schema draftSchema() const;

    SchemaDocument *mReal;
    SchemaDocument *mDraft;
    bool mSyncing = false;

    // Overrides of the real document; a field that equals the real value is
    // kept, so that undoing an applied draft on the real document restores it.
    QHash<QString, QHash<int, QVariant>> mFields; // service id → field → value
    QList<Service> mAdded;
    QSet<QString> mRemoved;
    QSet<QString> mIdsBeforeReset;
    std::optional<QList<Host>> mHosts;
    std::optional<QList<PortRange>> mRanges;
    std::optional<QList<Reservation>> mReservations;
};

} // namespace Portolan
