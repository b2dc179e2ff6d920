#pragma once

#include "schema.h"
#include "servicefield.h"
#include "texthash.h"

#include <QHash>
#include <QObject>

class QUndoStack;

namespace Portolan {

// Owns one schema, its undo stack, file name and modified state.
// Only undo commands call the mutators; every mutator emits a signal that says
// exactly what changed, so models can emit the smallest possible change.
class SchemaDocument : public QObject
{
    Q_OBJECT

public:
    explicit SchemaDocument(QObject *parent = nullptr);
    explicit SchemaDocument(Schema schema, QObject *parent = nullptr);
    ~SchemaDocument() override;

    const Schema &schema() const { return mSchema; }
    QUndoStack *undoStack() const { return mUndoStack; }

    QString fileName() const { return mFileName; }
    void setFileName(const QString &fileName);
    QString displayName() const;
    // What an untitled document is called ("Untitled" when empty); a file name wins.
    void setUntitledName(const QString &name) { mUntitledName = name; }
    bool isModified() const;
    void setClean();

    // Replaces the whole schema (load, import into a new document). Clears undo.
    void resetSchema(const Schema &schema);
    // Replaces the whole schema as one edit (an import merged into the plan);
    // for ReplaceSchemaCommand only. Views reset; the undo stack stays.
    void replaceSchema(const Schema &schema);

    int serviceRow(const QString &serviceId) const { return mServiceRows.value(serviceId, -1); }
    const Service &service(int row) const { return mSchema.services.at(row); }
    int serviceCount() const { return int(mSchema.services.size()); }
    // Schema::host() and Schema::rangeOf() without their scans, for views
    // that ask for every service (sorting, filtering a fleet's table): by
    // hash, and by a table of ports kept while the ranges span few enough.
    const Host *host(const QString &hostId) const;
    const PortRange *rangeOf(const Service &service) const;

    // Mutators, for undo commands (and for reality read from linked
    // sources, which is not an edit: see RealitySync).
    void setServiceField(int row, ServiceField field, const QVariant &value);
    void setService(int row, const Service &service);
    void insertService(int row, const Service &service) { insertServices(row, {service}); }
    void removeService(int row) { removeServices(row, 1); }
    // A block of services at once: one structural change for models and
    // the analyzer, however many rows (Duplicate, paste and their undo).
    void insertServices(int row, const QList<Service> &services);
    void removeServices(int row, int count);
    // The whole list of services at once, where a change touches too many
    // places for blocks (a Delete of a filter's matches scattered over a
    // fleet): models reset their rows, the analysis starts over. The same
    // document still: hosts, ranges, what was observed stay.
    void replaceServices(QList<Service> services);
    void setHosts(const QList<Host> &hosts);
    void setRanges(const QList<PortRange> &ranges);
    void setReservations(const QList<Reservation> &reservations);
    void setReferences(const QList<Reference> &references);
    void setRuleSettings(const RuleSettings &settings);
    void setMetadata(const QString &title, const QStringList &principles, const QString &notes);

signals:
    void fileNameChanged(const QString &fileName);
    void modifiedChanged(bool modified);
    void aboutToReset();
    void reset();
    void serviceFieldChanged(int row, Portolan::ServiceField field);
    void serviceReplaced(int row);
    // Rows first to last, inclusive.
    void servicesAboutToBeInserted(int first, int last);
    void servicesInserted(int first, int last);
    void servicesAboutToBeRemoved(int first, int last);
    void servicesRemoved(int first, int last);
    // replaceServices(): every row may have changed.
    void servicesAboutToBeReset();
    void servicesReset();
    void hostsChanged();
    void rangesChanged();
    void reservationsChanged();
    void referencesChanged();
    void ruleSettingsChanged();
    void metadataChanged();

private:
    void rebuildIndexes(); // all three below, for a whole new schema
    void rebuildServiceRows();
    void shiftServiceRows(int from, int by);
    void rebuildHostRows();
    void rebuildRangeIndexes();

    Schema mSchema;
    QUndoStack *mUndoStack;
    QString mFileName;
    QString mUntitledName;
    TextHash<int> mServiceRows;
    TextHash<int> mHostRows;
    TextHash<int> mRangeRows;
    QList<int> mNarrowestRange; // port -> index of its narrowest range, -1: none; empty: not kept
};

} // namespace Portolan
