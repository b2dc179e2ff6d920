#include "movesmodel.h"

#include "movereview.h"
#include "schemadocument.h"

#include <QSet>

namespace Portolan {

MovesModel::MovesModel(MoveReview *review, QObject *parent)
    : QAbstractTableModel(parent)
    , mReview(review)
{
    mKeys = review->keys();
    for (int row = 0; row < mKeys.size(); ++row)
        mStates.append(rowState(row));
    connect(review, &MoveReview::movesChanged, this, &MovesModel::onMovesChanged);
    connect(review->document(), &SchemaDocument::hostsChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
}

const Move *MovesModel::moveAt(int row) const
{
    const QList<Move> &moves = mReview->moves();
    return row >= 0 && row < moves.size() ? &moves.at(row) : nullptr;
}

QModelIndex MovesModel::indexForKey(const QString &key, int column) const
{
    const int row = int(mKeys.indexOf(key));
    return row < 0 ? QModelIndex() : index(row, column);
}

MovesModel::RowState MovesModel::rowState(int row) const
{
    const Move *m = moveAt(row);
    if (!m)
        return {};
    const auto counts = [](const MoveImpact &i, int *out) {
        out[0] = i.computed;
        out[1] = int(i.resolved.size());
        out[2] = int(i.introduced.size());
        out[3] = int(i.references.size());
        out[4] = int(i.scrapeTargets.size());
        out[5] = int(i.exports.size());
    };
    RowState state{m->fromPort, m->toPort, m->fromHostId, m->toHostId, m->name, {}, m->cycleWith};
    counts(m->impact, state.counts);
    counts(m->acceptImpact, state.counts + 6);
    return state;
}

// Rows follow the review with the smallest change: rows that stay keep
// their selection, a row whose impact changed repaints alone.
void MovesModel::onMovesChanged()
{
    const QStringList &keys = mReview->keys();
    // Mostly the same moves come back with new impacts: only states change.
    if (keys == mKeys) {
        updateStates();
        return;
    }

    const QSet<QString> oldSet(mKeys.cbegin(), mKeys.cend());
    const QSet<QString> newSet(keys.cbegin(), keys.cend());
    QStringList commonOld, commonNew;
    for (const QString &k : std::as_const(mKeys)) {
        if (newSet.contains(k))
            commonOld.append(k);
    }
    for (const QString &k : std::as_const(keys)) {
        if (oldSet.contains(k))
            commonNew.append(k);
    }
    if (commonOld != commonNew || oldSet.size() != mKeys.size() || newSet.size() != keys.size()) {
        beginResetModel();
        mKeys = keys;
        endResetModel();
    } else {
        // Each run of rows that go or come is one signal.
        mStates.resize(mKeys.size());
        for (int row = int(mKeys.size()) - 1; row >= 0; --row) {
            if (newSet.contains(mKeys.at(row)))
                continue;
            int first = row;
            while (first > 0 && !newSet.contains(mKeys.at(first - 1)))
                --first;
            beginRemoveRows(QModelIndex(), first, row);
            mKeys.remove(first, row - first + 1);
            mStates.remove(first, row - first + 1);
            endRemoveRows();
            row = first;
        }
        for (int row = 0; row < keys.size(); ++row) {
            if (oldSet.contains(keys.at(row)))
                continue;
            int last = row;
            while (last + 1 < keys.size() && !oldSet.contains(keys.at(last + 1)))
                ++last;
            beginInsertRows(QModelIndex(), row, last);
            for (int i = row; i <= last; ++i) {
                mKeys.insert(i, keys.at(i));
                mStates.insert(i, RowState());
            }
            endInsertRows();
            row = last;
        }
    }
    updateStates();
}

void MovesModel::updateStates()
{
    mStates.resize(mKeys.size());
    for (int row = 0; row < mKeys.size(); ++row) {
        RowState state = rowState(row);
        if (!(state == mStates.at(row))) {
            mStates[row] = std::move(state);
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

int MovesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mKeys.size());
}

int MovesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString findingsHtml(const QString &title, const QList<Finding> &findings)
{
    if (findings.isEmpty())
        return {};
    QStringList lines;
    for (const Finding &f : findings)
        lines.append(QStringLiteral("%1 %2: %3").arg(severityDisplayName(f.severity), f.rule, f.message).toHtmlEscaped());
    return QStringLiteral("<b>%1</b><br>%2<br>").arg(title.toHtmlEscaped(), lines.join(QStringLiteral("<br>")));
}

// "resolves 2 · introduces 1 · 3 references": what the cell has room for.
static QString shortImpact(const MoveImpact &impact, bool withPlaces)
{
    if (!impact.computed)
        return MovesModel::tr("…", "impact not computed yet");
    QStringList parts;
    if (!impact.resolved.isEmpty())
        parts.append(MovesModel::tr("resolves %n", nullptr, int(impact.resolved.size())));
    if (!impact.introduced.isEmpty())
        parts.append(MovesModel::tr("introduces %n", nullptr, int(impact.introduced.size())));
    if (withPlaces && !impact.references.isEmpty())
        parts.append(MovesModel::tr("%n reference(s)", nullptr, int(impact.references.size())));
    if (withPlaces && !impact.scrapeTargets.isEmpty())
        parts.append(MovesModel::tr("%n scrape target(s)", nullptr, int(impact.scrapeTargets.size())));
    if (parts.isEmpty())
        return MovesModel::tr("no new findings");
    return parts.join(QStringLiteral(" · "));
}

static QString impactText(const Move &m)
{
    if (!m.canAcceptReality())
        return shortImpact(m.impact, true);
    return MovesModel::tr("Execute: %1 | Accept: %2").arg(shortImpact(m.impact, true), shortImpact(m.acceptImpact, false));
}

static QString impactTooltip(const Move &m)
{
    const MoveImpact &impact = m.impact;
    QString html;
    if (m.canAcceptReality())
        html += QStringLiteral("<b>%1</b><br>").arg(MovesModel::tr("If executed (reality follows the plan):").toHtmlEscaped());
    html += findingsHtml(MovesModel::tr("Resolves"), impact.resolved)
        + findingsHtml(MovesModel::tr("Introduces"), impact.introduced);
    if (!impact.references.isEmpty()) {
        QStringList lines;
        for (const Reference &r : impact.references)
            lines.append(MovesModel::tr("%1: %2 → %3")
                             .arg(r.origin.isValid() ? r.origin.toString() : MovesModel::tr("(no file)"), r.text,
                                  rewrittenReference(r, m))
                             .toHtmlEscaped());
        html += QStringLiteral("<b>%1</b><br>%2<br>")
                    .arg(MovesModel::tr("References to change"), lines.join(QStringLiteral("<br>")));
    }
    if (!impact.scrapeTargets.isEmpty()) {
        QStringList lines;
        for (const ScrapeChange &s : impact.scrapeTargets)
            lines.append(MovesModel::tr("%1 → %2 (job %3)").arg(s.before, s.after, s.job).toHtmlEscaped());
        html += QStringLiteral("<b>%1</b><br>%2<br>%3<br>")
                    .arg(MovesModel::tr("Scrape targets"), lines.join(QStringLiteral("<br>")),
                         MovesModel::tr("The instance label of these series changes.").toHtmlEscaped());
    }
    if (!impact.exports.isEmpty()) {
        QStringList lines;
        for (const ExportChange &e : impact.exports) {
            const QString name = e.hostId.isEmpty() ? e.formatName : QStringLiteral("%1 (%2)").arg(e.formatName, e.hostId);
            lines.append(MovesModel::tr("%1: %n line(s)", nullptr, e.lines).arg(name).toHtmlEscaped());
        }
        html += QStringLiteral("<b>%1</b><br>%2").arg(MovesModel::tr("Exports that differ"), lines.join(QStringLiteral("<br>")));
    }
    if (html.isEmpty())
        html = MovesModel::tr("No effect on findings, references or exports.").toHtmlEscaped();
    if (m.canAcceptReality()) {
        const MoveImpact &accept = m.acceptImpact;
        QString acceptHtml = findingsHtml(MovesModel::tr("Resolves"), accept.resolved)
            + findingsHtml(MovesModel::tr("Introduces"), accept.introduced);
        if (acceptHtml.isEmpty())
            acceptHtml = MovesModel::tr("No effect on findings.").toHtmlEscaped() + QStringLiteral("<br>");
        html += QStringLiteral("<br><b>%1</b><br>%2")
                    .arg(MovesModel::tr("If reality is accepted (the plan follows):").toHtmlEscaped(), acceptHtml);
    }
    return html;
}

// "Mac Mini 3061" when the host changes too, else "3061".
static QString positionText(const Schema &schema, const Move &m, const QString &hostId, int port)
{
    const QString portText = port > 0 ? QString::number(port) : MovesModel::tr("none", "no port");
    if (!m.changesHost())
        return portText;
    const Host *h = schema.host(hostId);
    return QStringLiteral("%1 %2").arg(h ? h->name : hostId, portText);
}

QVariant MovesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Move *m = moveAt(index.row());
    if (!m)
        return {};
    const Schema &schema = mReview->document()->schema();

    switch (role) {
    case MoveKeyRole: return m->key();
    case ServiceIdsRole:
        return m->kind <= Move::Kind::ServiceChanged && m->kind != Move::Kind::ServiceAdded ? QStringList{m->serviceId}
                                                                                             : QStringList();
    case CanExecuteRole: return true;
    case CanAcceptRealityRole: return m->canAcceptReality();
    case CanRejectRole: return m->origin != Move::Origin::Drift;
    case OriginRole: return int(m->origin);
    case Qt::ToolTipRole:
        if (index.column() == ImpactColumn)
            return impactTooltip(*m);
        if (index.column() == ChangeColumn && !m->after.isEmpty()) {
            QStringList names;
            for (const QString &k : m->after) {
                if (const Move *first = mReview->move(k))
                    names.append(first->name);
            }
            return tr("After %1, whose port this move takes").arg(names.join(QStringLiteral(", ")));
        }
        break;
    case Qt::DisplayRole:
        switch (index.column()) {
        case ServiceColumn: return m->name;
        case ChangeColumn: {
            QString text = m->changeText(schema);
            if (m->kind == Move::Kind::Port) {
                const QString from = positionText(schema, *m, m->fromHostId, m->fromPort);
                const QString to = positionText(schema, *m, m->toHostId, m->toPort);
                if (m->origin == Move::Origin::Drift)
                    text = tr("runs on %1, planned %2").arg(from, to);
                else if (m->side == Move::Side::Plan)
                    text = tr("plan: %1 → %2").arg(from, to);
                else
                    text = tr("reality: %1 → %2").arg(from, to);
            }
            if (m->isSwap())
                text += QLatin1Char(' ') + tr("⇄ swap with %1").arg(m->cycleWith.join(QStringLiteral(", ")));
            return text;
        }
        case OriginColumn:
            if (m->origin == Move::Origin::Proposal && !m->source.isEmpty())
                return tr("%1 (%2)").arg(m->originText(), m->source.section(QLatin1Char('/'), -1));
            return m->originText();
        case ImpactColumn: return impactText(*m);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == ImpactColumn
            && (!m->impact.introduced.isEmpty() || !m->acceptImpact.introduced.isEmpty()))
            return QColor(Qt::darkRed);
        break;
    default: break;
    }
    return {};
}

QVariant MovesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ServiceColumn: return tr("Service");
    case ChangeColumn: return tr("Before → after");
    case OriginColumn: return tr("Origin");
    case ImpactColumn: return tr("Impact");
    case ActionsColumn: return tr("Actions");
    }
    return {};
}

} // namespace Portolan
