#include "servicesview.h"

#include "schemadocument.h"
#include "selectionsync.h"
#include "servicedelegate.h"
#include "servicefilterproxy.h"
#include "servicetablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Portolan {

ServicesView::ServicesView(ServiceTableModel *model, QWidget *parent)
    : QWidget(parent)
    , mModel(model)
    , mProxy(new ServiceFilterProxy(this))
    , mFilter(new QLineEdit(this))
    , mHostFilter(new QComboBox(this))
    , mShown(new QLabel(this))
    , mTable(new QTableView(this))
{
    mProxy->setSourceModel(model);

    mFilter->setPlaceholderText(tr("Filter services (name, port, host, …)"));
    mFilter->setClearButtonEnabled(true);
    mFilter->setAccessibleName(tr("Filter services"));
    connect(mFilter, &QLineEdit::textChanged, mProxy, &ServiceFilterProxy::setFilterText);

    mHostFilter->setAccessibleName(tr("Host filter"));
    mHostFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(mHostFilter, &QComboBox::currentIndexChanged, this,
            [this] { mProxy->setHostFilter(mHostFilter->currentData().toString()); });
    connect(model->document(), &SchemaDocument::hostsChanged, this, &ServicesView::refreshHostFilter);
    connect(model->document(), &SchemaDocument::reset, this, &ServicesView::refreshHostFilter);
    refreshHostFilter();

    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(mHostFilter);

    mTable->setModel(mProxy);
    auto *delegate = new ServiceDelegate(mTable);
    mTable->setItemDelegate(delegate);
    connect(delegate, &ServiceDelegate::inputProblem, this, &ServicesView::message);
    mTable->setSortingEnabled(true);
    mTable->sortByColumn(ServiceTableModel::PlannedPortColumn, Qt::AscendingOrder);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    mTable->setAlternatingRowColors(true);
    mTable->setWordWrap(false);
    mTable->setTabKeyNavigation(false); // Tab leaves the table
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 8);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->horizontalHeader()->setSectionsMovable(true);
    mTable->setAccessibleName(tr("Services"));
    const QFontMetrics fm = mTable->fontMetrics();
    mTable->setColumnWidth(ServiceTableModel::NameColumn, fm.horizontalAdvance(QStringLiteral("mana-landing-builder")) + 24);
    mTable->setColumnWidth(ServiceTableModel::HostColumn, fm.horizontalAdvance(QStringLiteral("Windows GPU server")) + 24);
    mTable->setColumnWidth(ServiceTableModel::RangeColumn, fm.horizontalAdvance(QStringLiteral("3010-3019 Core Infrastructure")) + 24);
    mTable->setColumnWidth(ServiceTableModel::DescriptionColumn, fm.horizontalAdvance(QStringLiteral("Content-addressable storage, thumbn")));
    for (int c : {ServiceTableModel::PlannedPortColumn, ServiceTableModel::ActualPortColumn,
                  ServiceTableModel::ProtocolColumn, ServiceTableModel::ContainerPortColumn})
        mTable->resizeColumnToContents(c);
    connect(mTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ServicesView::selectionChanged);
    connect(mTable->verticalScrollBar(), &QScrollBar::valueChanged, this, &ServicesView::rememberTopService);
    // Where the table stood is kept while it resets (its scroll range
    // shrinks to nothing on the way), and restored after the model's reset.
    connect(model->document(), &SchemaDocument::servicesAboutToBeReset, this, [this] { mKeepTop = true; });
    connect(model->document(), &SchemaDocument::servicesReset, this, &ServicesView::restoreTopService);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(mProxy, signal, this, &ServicesView::updateShown);
    connect(mProxy, &QAbstractItemModel::modelReset, this, &ServicesView::updateShown);
    connect(mProxy, &QAbstractItemModel::layoutChanged, this, &ServicesView::updateShown);
    mShown->setAccessibleName(tr("Services shown"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(mFilter, 1);
    bar->addWidget(mShown);
    bar->addWidget(hostLabel);
    bar->addWidget(mHostFilter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(mTable);
    updateShown();
}

QString ServicesView::shownText() const
{
    const int all = mModel->rowCount();
    const int shown = mProxy->rowCount();
    return shown == all ? QString() : tr("%1 of %n shown", nullptr, all).arg(shown);
}

void ServicesView::updateShown()
{
    const QString text = shownText();
    mShown->setText(text);
    mShown->setVisible(!text.isEmpty());
}

void ServicesView::refreshHostFilter()
{
    const QString current = mHostFilter->currentData().toString();
    QSignalBlocker blocker(mHostFilter);
    mHostFilter->clear();
    mHostFilter->addItem(tr("All hosts"), QString());
    for (const Host &h : mModel->document()->schema().hosts)
        mHostFilter->addItem(h.name, h.id);
    const int i = mHostFilter->findData(current);
    mHostFilter->setCurrentIndex(qMax(0, i));
    mProxy->setHostFilter(mHostFilter->currentData().toString());
}

void ServicesView::selectServices(const QStringList &serviceIds)
{
    QList<int> rows;
    rows.reserve(serviceIds.size());
    QModelIndex first;
    for (const QString &id : serviceIds) {
        const QModelIndex proxyIndex = mProxy->mapFromSource(mModel->indexForService(id));
        if (!proxyIndex.isValid())
            continue;
        if (!first.isValid())
            first = proxyIndex;
        rows.append(proxyIndex.row());
    }
    mTable->selectionModel()->select(rowRunSelection(std::move(rows), mProxy), QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        mTable->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        mTable->scrollTo(first);
    }
}

QStringList ServicesView::selectedServiceIds() const
{
    // From the ranges, in the table's order: selectedRows() asks every row
    // of every range whether it is selected, which with thousands of
    // scattered ranges (the copies of a Duplicate) is quadratic.
    QList<int> rows;
    for (const QItemSelectionRange &range : mTable->selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QStringList ids;
    ids.reserve(rows.size());
    for (int row : std::as_const(rows))
        ids.append(mProxy->index(row, 0).data(ServiceTableModel::ServiceIdRole).toString());
    return ids;
}

void ServicesView::rememberTopService()
{
    if (mKeepTop)
        return;
    mTopScroll = mTable->verticalScrollBar()->value();
    const QModelIndex top = mProxy->mapToSource(mTable->indexAt(QPoint(0, 0)));
    mTopServiceId = top.isValid() ? mModel->document()->service(top.row()).id : QString();
}

void ServicesView::restoreTopService()
{
    mKeepTop = false;
    const QString id = mTopServiceId;
    const int scroll = mTopScroll;
    mTable->doItemsLayout(); // the scroll range of the new rows, now
    const int row = id.isEmpty() ? -1 : mModel->document()->serviceRow(id);
    const QModelIndex index = row < 0 ? QModelIndex() : mProxy->mapFromSource(mModel->index(row, 0));
    if (index.isValid())
        mTable->scrollTo(index, QAbstractItemView::PositionAtTop);
    else
        mTable->verticalScrollBar()->setValue(scroll); // the top one went: about where it was
}

} // namespace Portolan
