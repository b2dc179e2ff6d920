#pragma once

#include "schema.h"
#include "servicefield.h"

#include <QUndoCommand>

namespace Portolan {

class SchemaDocument;

// One enum of merge ids for every command that merges.
enum class MergeId {
    ChangeServiceField = 1,
    ChangeHosts,
    ChangeRanges,
    ChangeReservations,
    ChangeRuleSettings,
    ChangeMetadata,
};

// Changes one field of one service. Consecutive edits of the same field of
// the same service merge, so typing 3,0,0,2 into a cell is one undo step.
class ChangeServiceFieldCommand : public QUndoCommand
{
public:
    ChangeServiceFieldCommand(SchemaDocument *document, const QString &serviceId, ServiceField field,
                              const QVariant &value, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override { return int(MergeId::ChangeServiceField); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const QVariant &value);
    void updateText();

    SchemaDocument *mDocument;
    QString mServiceId;
    QString mServiceName;
    ServiceField mField;
    QVariant mOldValue;
    QVariant mNewValue;
};

// Replaces a whole service (used by moves, imports and multi-field edits).
class ReplaceServiceCommand : public QUndoCommand
{
public:
    ReplaceServiceCommand(SchemaDocument *document, const Service &service, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    SchemaDocument *mDocument;
    Service mOld;
    Service mNew;
};

// Inserts a block of services at one row (-1 appends): one structural
// change for the views however many there are (Duplicate, paste).
class AddServicesCommand : public QUndoCommand
{
public:
    AddServicesCommand(SchemaDocument *document, const QList<Service> &services, int row = -1,
                       QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    SchemaDocument *mDocument;
    QList<Service> mServices;
    int mRow;
};

class AddServiceCommand : public AddServicesCommand
{
public:
    // row -1 appends.
    AddServiceCommand(SchemaDocument *document, const Service &service, int row = -1,
                      QUndoCommand *parent = nullptr);
};

// Removes services by id, each run of consecutive rows as one block; ids the
// document does not have, and repeated ids, are left out.
class RemoveServicesCommand : public QUndoCommand
{
public:
    RemoveServicesCommand(SchemaDocument *document, const QStringList &serviceIds, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    struct Block
    {
        int row;
        QList<Service> services;
    };
    SchemaDocument *mDocument;
    QStringList mServiceIds;
    QList<Block> mRemoved;
};

class RemoveServiceCommand : public RemoveServicesCommand
{
public:
    RemoveServiceCommand(SchemaDocument *document, const QString &serviceId, QUndoCommand *parent = nullptr);
};

// Replaces the whole schema: an import merged into the plan is one step.
class ReplaceSchemaCommand : public QUndoCommand
{
public:
    ReplaceSchemaCommand(SchemaDocument *document, const Schema &schema, const QString &text,
                         QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    SchemaDocument *mDocument;
    Schema mOld;
    Schema mNew;
};

// Replaces one of the document's small lists (hosts, ranges, reservations,
// references) or settings as a whole; these lists are short, so storing the
// before and after copies is the simplest exact undo.
template<typename T>
class ChangeValueCommand : public QUndoCommand
{
public:
    using Getter = T (*)(const Schema &);
    using Setter = void (SchemaDocument::*)(const T &);

    ChangeValueCommand(SchemaDocument *document, Getter getter, Setter setter, const T &value,
                       const QString &text, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    SchemaDocument *mDocument;
    Setter mSetter;
    T mOld;
    T mNew;
};

QUndoCommand *changeHostsCommand(SchemaDocument *document, const QList<Host> &hosts, const QString &text,
                                 QUndoCommand *parent = nullptr);
QUndoCommand *changeRangesCommand(SchemaDocument *document, const QList<PortRange> &ranges, const QString &text,
                                  QUndoCommand *parent = nullptr);
QUndoCommand *changeReservationsCommand(SchemaDocument *document, const QList<Reservation> &reservations,
                                        const QString &text, QUndoCommand *parent = nullptr);
QUndoCommand *changeReferencesCommand(SchemaDocument *document, const QList<Reference> &references,
                                      const QString &text, QUndoCommand *parent = nullptr);
QUndoCommand *changeRuleSettingsCommand(SchemaDocument *document, const RuleSettings &settings,
                                        QUndoCommand *parent = nullptr);

} // namespace Portolan
