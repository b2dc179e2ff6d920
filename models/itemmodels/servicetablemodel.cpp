#include "servicetablemodel.h"

#include "analyzer.h"
#include "commands.h"
#include "observation.h"
#include "rowruns.h"
#include "schemadocument.h"
#include "severityicon.h"

#include <QLocale>
#include <QUndoStack>

#include <algorithm>

namespace Portolan {

ServiceTableModel::ServiceTableModel(SchemaDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , mDocument(document)
{
    // Between begin and end of a structural change no dataChanged may go out
    // (views still map the old rows); finding updates arriving then wait.
    // A new schema, or its services replaced at once.
    for (auto aboutToReset : {&SchemaDocument::aboutToReset, &SchemaDocument::servicesAboutToBeReset}) {
        connect(document, aboutToReset, this, [this] {
            mChanging = true;
            beginResetModel();
        });
    }
    for (auto reset : {&SchemaDocument::reset, &SchemaDocument::servicesReset}) {
        connect(document, reset, this, [this] {
            endResetModel();
            finishStructuralChange();
        });
    }
    connect(document, &SchemaDocument::servicesAboutToBeInserted, this, [this](int first, int last) {
        mChanging = true;
        beginInsertRows(QModelIndex(), first, last);
    });
    connect(document, &SchemaDocument::servicesInserted, this, [this] {
        endInsertRows();
        finishStructuralChange();
    });
    connect(document, &SchemaDocument::servicesAboutToBeRemoved, this, [this](int first, int last) {
        mChanging = true;
        beginRemoveRows(QModelIndex(), first, last);
    });
    connect(document, &SchemaDocument::servicesRemoved, this, [this] {
        endRemoveRows();
        finishStructuralChange();
    });
    connect(document, &SchemaDocument::serviceFieldChanged, this, &ServiceTableModel::onServiceFieldChanged);
    connect(document, &SchemaDocument::serviceReplaced, this, [this](int row) {
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    connect(document, &SchemaDocument::hostsChanged, this, [this] { emitColumnChanged(HostColumn); });
    connect(document, &SchemaDocument::rangesChanged, this, [this] { emitColumnChanged(RangeColumn); });
}

int ServiceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : mDocument->serviceCount();
}

int ServiceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

ServiceField ServiceTableModel::fieldForColumn(int column)
{
    switch (column) {
    case NameColumn: return ServiceField::Name;
    case HostColumn: return ServiceField::Host;
    case PlannedPortColumn: return ServiceField::PlannedPort;
    case ActualPortColumn: return ServiceField::ActualPort;
    case ProtocolColumn: return ServiceField::Protocol;
    case RangeColumn: return ServiceField::Range;
    case StatusColumn: return ServiceField::Status;
    case ExposureColumn: return ServiceField::Exposure;
    case RuntimeColumn: return ServiceField::Runtime;
    case DescriptionColumn: return ServiceField::Description;
    case PublicHostnameColumn: return ServiceField::PublicHostname;
    case DeploymentColumn: return ServiceField::Deployment;
    case ContainerPortColumn: return ServiceField::ContainerPort;
    case BindAddressColumn: return ServiceField::BindAddress;
    case NotesColumn: return ServiceField::Notes;
    }
    return ServiceField::Name;
}

static QString portText(int port)
{
    return port > 0 ? QString::number(port) : QString();
}

QVariant ServiceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Schema &schema = mDocument->schema();
    const Service &s = schema.services.at(index.row());

    switch (role) {
    case ServiceIdRole: return s.id;
    case HostIdRole: return s.hostId;
    case RangeIdRole: {
        const PortRange *r = mDocument->rangeOf(s);
        return r ? r->id : QString();
    }
    case StatusRole: return int(s.status);
    case LiveStateRole: return liveData(s.id, role);
    case SeverityRole: {
        Severity severity;
        if (mAnalyzer && mAnalyzer->worstSeverity(s.id, &severity))
            return int(severity);
        return {};
    }
    case FindingsRole: {
        QStringList lines;
        if (mAnalyzer) {
            for (const Finding &f : mAnalyzer->findingsForService(s.id))
                lines.append(QStringLiteral("%1 %2: %3").arg(severityDisplayName(f.severity), f.rule, f.message));
        }
        return lines;
    }
    case Qt::DecorationRole:
    case Qt::BackgroundRole: {
        Severity severity;
        if (!mAnalyzer || !mAnalyzer->worstSeverity(s.id, &severity))
            return {};
        if (role == Qt::BackgroundRole)
            return severityTint(severity);
        return index.column() == NameColumn ? QVariant(severityIcon(severity)) : QVariant();
    }
    case FieldRole:
        if (index.column() == LiveColumn)
            return {};
        return int(fieldForColumn(index.column()));
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case PlannedPortColumn:
        case ActualPortColumn:
        case ContainerPortColumn: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    case Qt::ToolTipRole: {
        if (index.column() == LiveColumn)
            return liveData(s.id, role);
        const QStringList findings = data(index, FindingsRole).toStringList();
        QString text = data(index, Qt::DisplayRole).toString();
        if (index.column() == RangeColumn) {
            // The cell names the range; its span is here.
            if (const PortRange *r = mDocument->rangeOf(s))
                text = tr("%1: ports %2–%3").arg(r->title).arg(r->first).arg(r->last);
        }
        if (findings.isEmpty())
            return text.isEmpty() ? QVariant() : QVariant(text);
        QStringList html;
        for (const QString &line : findings)
            html.append(line.toHtmlEscaped());
        return QStringLiteral("<b>%1</b><br>%2").arg(s.name.toHtmlEscaped(), html.join(QStringLiteral("<br>")));
    }
    case Qt::DisplayRole:
    case Qt::EditRole:
    case SortRole:
        break;
    default:
        return {};
    }

    const bool edit = role == Qt::EditRole;
    switch (index.column()) {
    case NameColumn: return s.name;
    case HostColumn: {
        if (edit)
            return s.hostId;
        const Host *h = mDocument->host(s.hostId);
        return h ? h->name : s.hostId;
    }
    case PlannedPortColumn:
        if (role == SortRole || edit)
            return s.plannedPort > 0 ? s.plannedPort : 1 << 20;
        return portText(s.plannedPort);
    case ActualPortColumn:
        if (role == SortRole || edit)
            return s.actualPort > 0 ? s.actualPort : 1 << 20;
        return portText(s.actualPort);
    case ContainerPortColumn:
        if (role == SortRole || edit)
            return s.containerPort > 0 ? s.containerPort : 1 << 20;
        return portText(s.containerPort);
    case ProtocolColumn: return protocolToString(s.protocol);
    case RangeColumn: {
        const PortRange *r = mDocument->rangeOf(s);
        if (edit)
            return s.rangeId;
        if (role == SortRole)
            return r ? r->first : 1 << 20;
        return r ? (r->title.isEmpty() ? r->label() : r->title) : QString();
    }
    case StatusColumn:
        if (role == SortRole || edit)
            return int(s.status);
        return statusDisplayName(s.status);
    case ExposureColumn:
        if (edit)
            return int(s.exposure);
        return exposureDisplayName(s.exposure);
    case RuntimeColumn: return s.runtime;
    case DescriptionColumn: return s.description;
    case PublicHostnameColumn: return s.publicHostname;
    case DeploymentColumn: return s.deployment;
    case BindAddressColumn: return s.bindAddress;
    case NotesColumn: return s.notes;
    case LiveColumn: return edit ? QVariant() : liveData(s.id, role);
    }
    return {};
}

QVariant ServiceTableModel::liveData(const QString &serviceId, int role) const
{
    const ServiceObservation *o = mObservations ? mObservations->forService(serviceId) : nullptr;
    if (!o)
        return {};
    switch (role) {
    case LiveStateRole:
    case SortRole: return int(o->state);
    case Qt::DisplayRole: return o->summary();
    case Qt::ToolTipRole: {
        QStringList lines = {o->summary().toHtmlEscaped()};
        if (!o->error.isEmpty())
            lines.append(o->error.toHtmlEscaped());
        if (o->health.checked && !o->health.error.isEmpty())
            lines.append(o->health.error.toHtmlEscaped());
        if (!o->metricsError.isEmpty())
            lines.append(tr("Last scrape error: %1").arg(o->metricsError).toHtmlEscaped());
        lines.append(tr("Checked %1").arg(QLocale().toString(o->checkedAt, QLocale::ShortFormat)).toHtmlEscaped());
        return lines.join(QStringLiteral("<br>"));
    }
    default: return {};
    }
}

QVariant ServiceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == LiveColumn) {
        const QDateTime when = mObservations ? mObservations->observations().checkedAt : QDateTime();
        return when.isNull() ? tr("Live") : tr("Live (%1)").arg(QLocale().toString(when.time(), QLocale::ShortFormat));
    }
    return serviceFieldDisplayName(fieldForColumn(section));
}

Qt::ItemFlags ServiceTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == LiveColumn)
        return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

bool ServiceTableModel::valueFromInput(int row, int column, const QVariant &input, QVariant *value,
                                       QString *reason) const
{
    const Schema &schema = mDocument->schema();
    const QString text = input.toString().trimmed();
    switch (column) {
    case NameColumn:
        if (text.isEmpty()) {
            *reason = tr("A service needs a name.");
            return false;
        }
        *value = text;
        return true;
    case PlannedPortColumn:
    case ActualPortColumn:
    case ContainerPortColumn: {
        if (text.isEmpty()) {
            *value = 0;
            return true;
        }
        bool ok = false;
        const int port = text.toInt(&ok);
        if (!ok || !isValidPort(port)) {
            *reason = tr("\"%1\" is not a port number (1-65535).").arg(text);
            return false;
        }
        *value = port;
        return true;
    }
    case HostColumn: {
        if (text.isEmpty()) {
            *value = QString();
            return true;
        }
        for (const Host &h : schema.hosts) {
            if (h.id == text || h.name.compare(text, Qt::CaseInsensitive) == 0) {
                *value = h.id;
                return true;
            }
        }
        *reason = tr("There is no host \"%1\".").arg(text);
        return false;
    }
    case RangeColumn: {
        if (text.isEmpty()) {
            *value = QString();
            return true;
        }
        for (const PortRange &r : schema.ranges) {
            if (r.id == text || r.label() == text || r.title.compare(text, Qt::CaseInsensitive) == 0
                || QStringLiteral("%1 %2").arg(r.label(), r.title) == text) {
                *value = r.id;
                return true;
            }
        }
        *reason = tr("There is no range \"%1\".").arg(text);
        return false;
    }
    case ProtocolColumn: {
        Protocol p;
        if (!protocolFromString(text, &p)) {
            *reason = tr("The protocol must be tcp or udp.");
            return false;
        }
        *value = int(p);
        return true;
    }
    case StatusColumn:
    case ExposureColumn: {
        if (input.typeId() == QMetaType::Int) {
            *value = input;
            return true;
        }
        if (column == StatusColumn) {
            for (ServiceStatus st : {ServiceStatus::Planned, ServiceStatus::Deployed, ServiceStatus::NotDeployed,
                                     ServiceStatus::Retired}) {
                if (text == statusToString(st) || text.compare(statusDisplayName(st), Qt::CaseInsensitive) == 0) {
                    *value = int(st);
                    return true;
                }
            }
            *reason = tr("\"%1\" is not a status.").arg(text);
            return false;
        }
        for (Exposure e : {Exposure::Unspecified, Exposure::Public, Exposure::Host, Exposure::Internal}) {
            if (text == exposureToString(e) || text.compare(exposureDisplayName(e), Qt::CaseInsensitive) == 0) {
                *value = int(e);
                return true;
            }
        }
        *reason = tr("\"%1\" is not an exposure.").arg(text);
        return false;
    }
    default:
        Q_UNUSED(row)
        *value = input.toString();
        return true;
    }
}

bool ServiceTableModel::setData(const QModelIndex &index, const QVariant &input, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() == LiveColumn)
        return false;
    QVariant value;
    QString reason;
    if (!valueFromInput(index.row(), index.column(), input, &value, &reason)) {
        emit inputRejected(reason);
        return false;
    }
    const Service &s = mDocument->service(index.row());
    const ServiceField field = fieldForColumn(index.column());
    if (serviceField(s, field) == value)
        return true;
    mDocument->undoStack()->push(new ChangeServiceFieldCommand(mDocument, s.id, field, value));
    return true;
}

void ServiceTableModel::setAnalyzer(Analyzer *analyzer)
{
    if (mAnalyzer)
        disconnect(mAnalyzer, nullptr, this, nullptr);
    mAnalyzer = analyzer;
    if (analyzer) {
        connect(analyzer, &Analyzer::findingsChanged, this,
                [this](const QList<Finding> &, const QList<Finding> &, const QStringList &ids) { onFindingsChanged(ids); });
        connect(analyzer, &Analyzer::reanalyzed, this, &ServiceTableModel::onReanalyzed);
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ServiceTableModel::setObservationStore(ObservationStore *store)
{
    if (mObservations)
        disconnect(mObservations, nullptr, this, nullptr);
    mObservations = store;
    if (store)
        connect(store, &ObservationStore::changed, this, &ServiceTableModel::onObservationsChanged);
    emitColumnChanged(LiveColumn);
}

void ServiceTableModel::onObservationsChanged(const QStringList &serviceIds)
{
    // The header carries the time of the check.
    emit headerDataChanged(Qt::Horizontal, LiveColumn, LiveColumn);
    static const QList<int> roles = {Qt::DisplayRole, Qt::ToolTipRole, SortRole, LiveStateRole};
    for (const QString &id : serviceIds) {
        const int row = mDocument->serviceRow(id);
        if (row >= 0)
            emit dataChanged(index(row, LiveColumn), index(row, LiveColumn), roles);
    }
}

void ServiceTableModel::onReanalyzed()
{
    if (mChanging) {
        mAllFindingsPending = true;
        return;
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::DecorationRole, Qt::BackgroundRole, Qt::ToolTipRole, SeverityRole, FindingsRole});
}

void ServiceTableModel::finishStructuralChange()
{
    mChanging = false;
    if (std::exchange(mAllFindingsPending, false)) {
        mPendingFindings.clear();
        onReanalyzed();
    } else if (!mPendingFindings.isEmpty()) {
        onFindingsChanged(std::exchange(mPendingFindings, {}));
    }
}

void ServiceTableModel::onFindingsChanged(const QStringList &serviceIds)
{
    if (mChanging) {
        mPendingFindings += serviceIds;
        return;
    }
    static const QList<int> roles = {Qt::DecorationRole, Qt::BackgroundRole, Qt::ToolTipRole, SeverityRole,
                                     FindingsRole};
    if (rowCount() == 0)
        return;
    // Thousands of services (a Duplicate's copies and originals) lie all
    // over the table: one signal over all rows, without looking each up.
    constexpr qsizetype ManyServices = 4096;
    if (serviceIds.size() > ManyServices) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), roles);
        return;
    }
    // One signal a run of consecutive rows: the copies of a Duplicate are
    // one run, and each signal costs every view and proxy a visit.
    QList<int> rows;
    rows.reserve(serviceIds.size());
    for (const QString &id : serviceIds) {
        if (const int row = mDocument->serviceRow(id); row >= 0)
            rows.append(row);
    }
    const QList<RowRun> runs = rowRuns(std::move(rows));
    // Scattered over thousands of runs (the originals of a Duplicate): one
    // signal over all of them, which views take as one repaint.
    if (runs.size() > 64) {
        emit dataChanged(index(runs.first().first, 0), index(runs.last().last, ColumnCount - 1), roles);
        return;
    }
    for (const RowRun &run : runs)
        emit dataChanged(index(run.first, 0), index(run.last, ColumnCount - 1), roles);
}

QModelIndex ServiceTableModel::indexForService(const QString &serviceId, int column) const
{
    const int row = mDocument->serviceRow(serviceId);
    return row < 0 ? QModelIndex() : index(row, column);
}

void ServiceTableModel::onServiceFieldChanged(int row, ServiceField field)
{
    for (int c = 0; c < LiveColumn; ++c) {
        // A derived range follows the ports.
        const bool derived = c == RangeColumn
            && (field == ServiceField::PlannedPort || field == ServiceField::ActualPort);
        if (fieldForColumn(c) == field || derived)
            emit dataChanged(index(row, c), index(row, c));
    }
}

void ServiceTableModel::emitColumnChanged(int column)
{
    if (rowCount() > 0)
        emit dataChanged(index(0, column), index(rowCount() - 1, column),
                         {Qt::DisplayRole, Qt::EditRole, SortRole, RangeIdRole});
}

} // namespace Portolan
