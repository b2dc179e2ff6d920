#include "problemsview.h"

#include "problemsmodel.h"
#include "severityicon.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Portolan {

class ProblemsFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSeverity(int severity) // -1: all
    {
        mSeverity = severity;
        invalidateRowsFilter();
    }
    void setRule(const QString &rule)
    {
        mRule = rule;
        invalidateRowsFilter();
    }
    void setText(const QString &text)
    {
        mText = text.trimmed();
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        // Unfiltered, as mostly: a fleet's tens of thousands of findings are
        // filtered again after every bulk change.
        if (mSeverity < 0 && mRule.isEmpty() && mText.isEmpty())
            return true;
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (mSeverity >= 0 && index.data(ProblemsModel::SeverityRole).toInt() != mSeverity)
            return false;
        if (!mRule.isEmpty() && index.data(ProblemsModel::RuleRole).toString() != mRule)
            return false;
        if (!mText.isEmpty()) {
            const QString message = sourceModel()->index(row, ProblemsModel::MessageColumn, parent).data().toString();
            const QString services = sourceModel()->index(row, ProblemsModel::ServicesColumn, parent).data().toString();
            if (!message.contains(mText, Qt::CaseInsensitive) && !services.contains(mText, Qt::CaseInsensitive))
                return false;
        }
        return true;
    }

    // The severity column, by which the list is sorted unless the user
    // picks another, compares the findings' severities directly: a fleet's
    // list is sorted again after every bulk change.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        if (left.column() == ProblemsModel::SeverityColumn && right.column() == ProblemsModel::SeverityColumn) {
            const auto *model = static_cast<const ProblemsModel *>(sourceModel());
            return model->finding(left.row()).severity < model->finding(right.row()).severity;
        }
        return QSortFilterProxyModel::lessThan(left, right);
    }

private:
    int mSeverity = -1;
    QString mRule;
    QString mText;
};

ProblemsView::ProblemsView(ProblemsModel *model, QWidget *parent)
    : QWidget(parent)
    , mModel(model)
    , mProxy(new ProblemsFilterProxy(this))
    , mSeverity(new QComboBox(this))
    , mRule(new QComboBox(this))
    , mText(new QLineEdit(this))
    , mTable(new QTableView(this))
{
    mProxy->setSourceModel(model);
    mProxy->setSortRole(ProblemsModel::SortRole);
    mProxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    mSeverity->setAccessibleName(tr("Severity filter"));
    mSeverity->addItem(tr("All severities"), -1);
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
        mSeverity->addItem(severityIcon(s), severityDisplayName(s), int(s));
    connect(mSeverity, &QComboBox::currentIndexChanged, this,
            [this] { mProxy->setSeverity(mSeverity->currentData().toInt()); });

    mRule->setAccessibleName(tr("Rule filter"));
    mRule->addItem(tr("All rules"), QString());
    for (const RuleInfo &r : allRules()) {
        mRule->addItem(ProblemsModel::ruleName(r.id), r.id);
        mRule->setItemData(mRule->count() - 1, r.title, Qt::ToolTipRole);
    }
    connect(mRule, &QComboBox::currentIndexChanged, this, [this] { mProxy->setRule(mRule->currentData().toString()); });

    mText->setPlaceholderText(tr("Filter problems"));
    mText->setClearButtonEnabled(true);
    mText->setAccessibleName(tr("Filter problems"));
    connect(mText, &QLineEdit::textChanged, mProxy, [this](const QString &text) { mProxy->setText(text); });

    mTable->setModel(mProxy);
    mTable->setSortingEnabled(true);
    mTable->sortByColumn(ProblemsModel::SeverityColumn, Qt::DescendingOrder);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setWordWrap(false);
    mTable->setTabKeyNavigation(false); // Tab leaves the table
    mTable->setAlternatingRowColors(true);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 8);
    mTable->setAccessibleName(tr("Problems"));
    const QFontMetrics fm = mTable->fontMetrics();
    mTable->setColumnWidth(ProblemsModel::SeverityColumn, fm.horizontalAdvance(QStringLiteral("Warnung")) + 44);
    mTable->setColumnWidth(ProblemsModel::RuleColumn, fm.horizontalAdvance(tr("Metrics port mismatch")) + 16);
    // The message takes the room there is; the full text is in its tooltip.
    mTable->horizontalHeader()->setStretchLastSection(false);
    mTable->horizontalHeader()->setSectionResizeMode(ProblemsModel::MessageColumn, QHeaderView::Stretch);
    mTable->setColumnWidth(ProblemsModel::ServicesColumn, fm.averageCharWidth() * 24);
    mTable->setColumnWidth(ProblemsModel::LocationColumn, fm.averageCharWidth() * 16);
    mTable->setTextElideMode(Qt::ElideMiddle);
    connect(mTable, &QTableView::activated, this, &ProblemsView::activate);
    mTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(mTable, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = mTable->indexAt(pos);
        if (index.isValid() && !mTable->selectionModel()->isSelected(index))
            mTable->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QMenu menu(this);
        fillContextMenu(&menu);
        menu.exec(mTable->viewport()->mapToGlobal(pos));
    });

    // Labels name the filters for screen readers too (their buddies).
    auto *severityLabel = new QLabel(tr("Severity:"), this);
    severityLabel->setBuddy(mSeverity);
    auto *ruleLabel = new QLabel(tr("Rule:"), this);
    ruleLabel->setBuddy(mRule);
    auto *bar = new QHBoxLayout;
    bar->addWidget(severityLabel);
    bar->addWidget(mSeverity);
    bar->addWidget(ruleLabel);
    bar->addWidget(mRule);
    bar->addWidget(mText, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(mTable);
}

void ProblemsView::activate(const QModelIndex &index)
{
    const QStringList ids = index.data(ProblemsModel::ServiceIdsRole).toStringList();
    if (!ids.isEmpty()) {
        emit servicesActivated(ids);
        return;
    }
    const QModelIndex source = mProxy->mapToSource(index);
    if (source.isValid() && !mModel->finding(source.row()).ports.isEmpty())
        emit portsActivated(mModel->finding(source.row()).ports);
}

bool ProblemsView::stepFinding(int step)
{
    const int rows = mProxy->rowCount();
    if (rows == 0)
        return false;
    const QModelIndex current = mTable->currentIndex();
    const int row = current.isValid() ? (current.row() + step + rows) % rows : (step > 0 ? 0 : rows - 1);
    const QModelIndex next = mProxy->index(row, ProblemsModel::MessageColumn);
    mTable->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    mTable->scrollTo(next);
    activate(next);
    return true;
}

QModelIndexList ProblemsView::selectedSourceRows() const
{
    QModelIndexList rows;
    for (const QModelIndex &index : mTable->selectionModel()->selectedRows())
        rows.append(mProxy->mapToSource(index));
    if (rows.isEmpty() && mTable->currentIndex().isValid())
        rows.append(mProxy->mapToSource(mTable->currentIndex()));
    // In the table's order, which the sorted proxy gives.
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return mProxy->mapFromSource(a).row() < mProxy->mapFromSource(b).row();
    });
    return rows;
}

void ProblemsView::fillContextMenu(QMenu *menu)
{
    const QModelIndexList rows = selectedSourceRows();
    QStringList ids;
    QList<int> ports;
    QStringList messages;
    for (const QModelIndex &source : rows) {
        const Finding &f = mModel->finding(source.row());
        for (const QString &id : f.serviceIds) {
            if (!ids.contains(id))
                ids.append(id);
        }
        ports.append(f.ports);
        messages.append(f.message);
    }
    QAction *select = menu->addAction(tr("&Select Services"), this, [this, ids] { emit servicesActivated(ids); });
    select->setEnabled(!ids.isEmpty());
    QAction *grid = menu->addAction(tr("Show in Range &Grid"), this,
                                    [this, ids, ports] { emit showInGridRequested(ids, ports); });
    grid->setEnabled(!ids.isEmpty() || !ports.isEmpty());
    menu->addSeparator();
    QAction *copy = menu->addAction(tr("&Copy Message"), this, [messages] {
        QGuiApplication::clipboard()->setText(messages.join(QLatin1Char('\n')));
    });
    copy->setEnabled(!messages.isEmpty());
}

} // namespace Portolan
