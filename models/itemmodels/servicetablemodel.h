#pragma once

#include "servicefield.h"

#include <QAbstractTableModel>

namespace Portolan {

class Analyzer;
class ObservationStore;
class SchemaDocument;

// The one model of services: rows are services with their host and range
// joined in. The table shows it through a proxy; the grid lays out the same rows.
class ServiceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        HostColumn,
        PlannedPortColumn,
        ActualPortColumn,
        ProtocolColumn,
        RangeColumn,
        StatusColumn,
        ExposureColumn,
        RuntimeColumn,
        DescriptionColumn,
        PublicHostnameColumn,
        DeploymentColumn,
        ContainerPortColumn,
        BindAddressColumn,
        NotesColumn,
        LiveColumn, // last reality check; not a field of the service
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        ServiceIdRole = Qt::UserRole + 1,
        SortRole,        // numbers sort as numbers, empty last
        HostIdRole,
        RangeIdRole,     // the effective range (declared or derived)
        StatusRole,      // ServiceStatus as int
        FieldRole,       // the ServiceField a column shows, as int
        SeverityRole,    // worst severity of the service's findings as int, or invalid
        FindingsRole,    // QStringList: "severity rule: message" per finding
        LiveStateRole,   // ProbeState of the last reality check as int, or invalid
    };

    explicit ServiceTableModel(SchemaDocument *document, QObject *parent = nullptr);

    SchemaDocument *document() const { return mDocument; }

    // Findings decorate rows (icon, tint, tooltip); without an analyzer there are none.
    void setAnalyzer(Analyzer *analyzer);
    Analyzer *analyzer() const { return mAnalyzer; }

    // The last reality check fills the Live column; without a store it stays empty.
    void setObservationStore(ObservationStore *store);
    ObservationStore *observationStore() const { return mObservations; }

    // Inside an insert, a removal or a reset of rows.
    bool isChangingRows() const { return mChanging; }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    QModelIndex indexForService(const QString &serviceId, int column = NameColumn) const;
    static ServiceField fieldForColumn(int column);

    // Turns user input for a column into the field's value; false with a
    // reason when the input is not acceptable.
    bool valueFromInput(int row, int column, const QVariant &input, QVariant *value, QString *reason) const;

signals:
    // setData() refused an input; views show the reason.
    void inputRejected(const QString &reason);

private:
    void onServiceFieldChanged(int row, ServiceField field);
    void emitColumnChanged(int column);
    void onFindingsChanged(const QStringList &serviceIds);
    void onReanalyzed();
    void finishStructuralChange();
    void onObservationsChanged(const QStringList &serviceIds);
    QVariant liveData(const QString &serviceId, int role) const;

    SchemaDocument *mDocument;
    Analyzer *mAnalyzer = nullptr;
    ObservationStore *mObservations = nullptr;
    bool mChanging = false; // inside begin/end of an insert, remove or reset
    bool mAllFindingsPending = false;
    QStringList mPendingFindings;
};

} // namespace Portolan
