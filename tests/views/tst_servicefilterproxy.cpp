#include "bench/fleet.h"
#include "schemadocument.h"
#include "servicefilterproxy.h"
#include "servicetablemodel.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Portolan;

// The services table's own sorting, filtering proxy: after any sequence of
// edits, insertions and removals (in one place or scattered, as Duplicate
// and its undo make them), sorts and filter changes, it shows exactly the
// accepted rows in order, signals every change as a model must, and
// selections and persistent indexes follow their rows.
class TestServiceFilterProxy : public QObject
{
    Q_OBJECT

private:
    SchemaDocument *mDocument = nullptr;
    ServiceTableModel *mModel = nullptr;
    ServiceFilterProxy *mProxy = nullptr;
    int mNextId = 0;

    static QString serviceId(const QModelIndex &index)
    {
        return index.data(ServiceTableModel::ServiceIdRole).toString();
    }

    bool accepted(int row) const
    {
        const QString host = mProxy->hostFilter();
        if (!host.isEmpty() && mDocument->service(row).hostId != host)
            return false;
        const QStringList words = mProxy->filterText().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return std::all_of(words.cbegin(), words.cend(), [&](const QString &word) {
            for (int c = 0; c < ServiceTableModel::ColumnCount; ++c) {
                if (mModel->index(row, c).data().toString().contains(word, Qt::CaseInsensitive))
                    return true;
            }
            return false;
        });
    }

    // The order the table promises, worked out from scratch: the sort
    // column's values (numbers as numbers, text as people read it, empty
    // last), ties in the document's order.
    QStringList expectedIds() const
    {
        QList<int> rows;
        for (int row = 0; row < mModel->rowCount(); ++row) {
            if (accepted(row))
                rows.append(row);
        }
        const int column = mProxy->sortColumn();
        if (column >= 0) {
            QCollator collator(ServiceFilterProxy::collationLocale());
            collator.setNumericMode(true);
            collator.setCaseSensitivity(Qt::CaseInsensitive);
            const auto compare = [&](int a, int b) {
                const QVariant x = mModel->index(a, column).data(ServiceTableModel::SortRole);
                const QVariant y = mModel->index(b, column).data(ServiceTableModel::SortRole);
                if (x.typeId() == QMetaType::QString) {
                    const QString s = x.toString(), t = y.toString();
                    if (s.isEmpty() || t.isEmpty())
                        return int(s.isEmpty()) - int(t.isEmpty());
                    return collator.compare(s, t);
                }
                return x.toInt() < y.toInt() ? -1 : (y.toInt() < x.toInt() ? 1 : 0);
            };
            const bool ascending = mProxy->sortOrder() == Qt::AscendingOrder;
            std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
                const int order = compare(a, b);
                return ascending ? order < 0 : order > 0;
            });
        }
        QStringList ids;
        for (int row : std::as_const(rows))
            ids.append(mDocument->service(row).id);
        return ids;
    }

    QStringList shownIds() const
    {
        QStringList ids;
        for (int row = 0; row < mProxy->rowCount(); ++row)
            ids.append(serviceId(mProxy->index(row, 0)));
        return ids;
    }

    QList<Service> copies(int count, QRandomGenerator &random)
    {
        QList<Service> services;
        for (int i = 0; i < count; ++i) {
            Service s = mDocument->service(random.bounded(mDocument->serviceCount()));
            s.id = QStringLiteral("copy-%1").arg(mNextId++);
            s.name = QStringLiteral("copy %1 of %2").arg(mNextId).arg(s.name);
            s.plannedPort = 20000 + random.bounded(2000);
            services.append(s);
        }
        return services;
    }

private slots:
    void init()
    {
        mDocument = new SchemaDocument(generateFleet(300, 7, 20));
        mModel = new ServiceTableModel(mDocument);
        mProxy = new ServiceFilterProxy;
        mProxy->setSourceModel(mModel);
        mProxy->sort(ServiceTableModel::PlannedPortColumn);
    }

    void cleanup()
    {
        delete mProxy;
        delete mModel;
        delete mDocument;
    }

    void sortsNumbersAsNumbersAndTextAsPeopleReadIt()
    {
        QCOMPARE(shownIds(), expectedIds());
        mDocument->setServiceField(0, ServiceField::Name, QStringLiteral("service-8379"));
        mDocument->setServiceField(1, ServiceField::Name, QStringLiteral("Service-838"));
        mProxy->sort(ServiceTableModel::NameColumn);
        const QStringList ids = shownIds();
        QVERIFY(ids.indexOf(QStringLiteral("svc-1")) < ids.indexOf(QStringLiteral("svc-0")));
        QCOMPARE(ids, expectedIds());
        mProxy->sort(ServiceTableModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(shownIds(), expectedIds());
        mProxy->sort(-1);
        QCOMPARE(shownIds().first(), QStringLiteral("svc-0"));
        QCOMPARE(shownIds(), expectedIds());
    }

    // A Duplicate's copies land all over a sorted table and its undo takes
    // them from all over; a selection of other rows stays on its services.
    void scatteredInsertionsAndRemovalsKeepTheSelection()
    {
        QAbstractItemModelTester tester(mProxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QItemSelectionModel selection(mProxy);
        QSet<QString> selected;
        for (int row = 0; row < mProxy->rowCount(); row += 7) {
            selection.select(mProxy->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            selected.insert(serviceId(mProxy->index(row, 0)));
        }
        const QPersistentModelIndex current = mProxy->index(42, 3);
        const QString currentId = serviceId(current);

        QRandomGenerator random(11);
        const int before = mDocument->serviceCount();
        mDocument->insertServices(before, copies(120, random));
        QCOMPARE(mProxy->rowCount(), before + 120);
        QCOMPARE(shownIds(), expectedIds());
        QCOMPARE(serviceId(current), currentId);
        QCOMPARE(current.column(), 3);

        mDocument->removeServices(before, 120);
        QCOMPARE(shownIds(), expectedIds());
        QCOMPARE(serviceId(current), currentId);
        QSet<QString> stillSelected;
        for (const QModelIndex &index : selection.selectedRows())
            stillSelected.insert(serviceId(index));
        QCOMPARE(stillSelected, selected);
    }

    void randomChangesKeepTheOrderTheFilterAndThePersistentIndexes()
    {
        QAbstractItemModelTester tester(mProxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QRandomGenerator random(2026);
        const QStringList texts = {QString(), QStringLiteral("1"), QStringLiteral("service 2"),
                                   QStringLiteral("copy"), QStringLiteral("Host 3")};
        const QList<int> columns = {-1, ServiceTableModel::NameColumn, ServiceTableModel::HostColumn,
                                    ServiceTableModel::PlannedPortColumn, ServiceTableModel::ActualPortColumn};
        for (int step = 0; step < 400; ++step) {
            // A few rows held across the step, as editors and the current cell are.
            QList<QPersistentModelIndex> held;
            QStringList heldIds;
            for (int i = 0; i < 4 && mProxy->rowCount() > 0; ++i) {
                held.append(mProxy->index(random.bounded(mProxy->rowCount()), 0));
                heldIds.append(serviceId(held.last()));
            }
            const int rows = mDocument->serviceCount();
            const int row = random.bounded(rows);
            QString what;
            switch (random.bounded(9)) {
            case 0:
                mDocument->setServiceField(row, ServiceField::PlannedPort, 20000 + random.bounded(2000));
                what = QStringLiteral("planned port");
                break;
            case 1:
                mDocument->setServiceField(row, ServiceField::ActualPort, 20000 + random.bounded(2000));
                what = QStringLiteral("actual port");
                break;
            case 2:
                mDocument->setServiceField(row, ServiceField::Name,
                                           QStringLiteral("service-%1").arg(random.bounded(400)));
                what = QStringLiteral("name");
                break;
            case 3:
                mDocument->setServiceField(row, ServiceField::Host, QStringLiteral("host-%1").arg(random.bounded(7)));
                what = QStringLiteral("host");
                break;
            case 4: {
                const int count = 1 + random.bounded(40);
                mDocument->insertServices(random.bounded(rows + 1), copies(count, random));
                what = QStringLiteral("insert %1").arg(count);
                break;
            }
            case 5: {
                const int count = std::min(1 + random.bounded(40), rows - row);
                if (rows - count < 50)
                    continue;
                mDocument->removeServices(row, count);
                what = QStringLiteral("remove %1").arg(count);
                for (qsizetype i = 0; i < held.size(); ++i) {
                    if (mDocument->serviceRow(heldIds.at(i)) < 0)
                        heldIds[i].clear();
                }
                break;
            }
            case 6:
                mProxy->sort(columns.at(random.bounded(columns.size())),
                             random.bounded(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
                what = QStringLiteral("sort");
                break;
            case 7:
                mProxy->setFilterText(texts.at(random.bounded(texts.size())));
                what = QStringLiteral("filter");
                break;
            case 8:
                mProxy->setHostFilter(random.bounded(3) ? QString() : QStringLiteral("host-%1").arg(random.bounded(7)));
                what = QStringLiteral("host filter");
                break;
            }
            QVERIFY2(shownIds() == expectedIds(), qPrintable(QStringLiteral("step %1: %2").arg(step).arg(what)));
            for (qsizetype i = 0; i < held.size(); ++i) {
                const QString id = heldIds.at(i);
                if (id.isEmpty() || !accepted(mDocument->serviceRow(id)))
                    QVERIFY(!held.at(i).isValid());
                else
                    QVERIFY2(serviceId(held.at(i)) == id,
                             qPrintable(QStringLiteral("step %1: %2").arg(step).arg(what)));
            }
            for (int r = 0; r < mModel->rowCount(); ++r) {
                const QModelIndex proxied = mProxy->mapFromSource(mModel->index(r, 0));
                QCOMPARE(proxied.isValid(), accepted(r));
                if (proxied.isValid())
                    QCOMPARE(mProxy->mapToSource(proxied).row(), r);
            }
        }
    }

    void headersShowWhenTheFilterHidesEveryRow()
    {
        mProxy->setFilterText(QStringLiteral("no service is called this"));
        QCOMPARE(mProxy->rowCount(), 0);
        QCOMPARE(mProxy->headerData(ServiceTableModel::NameColumn, Qt::Horizontal),
                 mModel->headerData(ServiceTableModel::NameColumn, Qt::Horizontal));
        mProxy->setFilterText(QString());
        QCOMPARE(mProxy->rowCount(), mModel->rowCount());
    }
};

QTEST_MAIN(TestServiceFilterProxy)
#include "tst_servicefilterproxy.moc"
