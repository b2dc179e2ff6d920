#include "analyzer.h"
#include "commands.h"
#include "findinglookup.h"
#include "gridcontent.h"
#include "hosttablemodel.h"
#include "jsonformat.h"
#include "observation.h"
#include "rangegridview.h"
#include "schemadocument.h"
#include "selectionsync.h"
#include "servicetablemodel.h"
#include "testutil.h"

#include <QAccessible>
#include <QItemSelectionModel>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace Portolan;

// The grid as a user drives it: clicks, drags, keys, and what repaints.
class TestRangeGridView : public QObject
{
    Q_OBJECT

private:
    SchemaDocument *mDocument = nullptr;
    ServiceTableModel *mModel = nullptr;
    RangeGridView *mView = nullptr;

    QModelIndex indexOf(const char *id) const { return mModel->indexForService(QString::fromLatin1(id)); }
    const Service &service(const char *id) const { return *mDocument->schema().service(QString::fromLatin1(id)); }

    QPoint centreOf(int port)
    {
        mView->setCurrentCell(mView->gridLayout().primaryCell(port), QItemSelectionModel::NoUpdate);
        return mView->portViewportRect(port).center();
    }

    void drag(int from, int to)
    {
        const QPoint start = centreOf(from);
        QTest::mousePress(mView->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(mView->viewport(), start + QPoint(12, 0));
        const QPoint end = mView->portViewportRect(to).center();
        QVERIFY(mView->viewport()->rect().contains(end));
        QTest::mouseMove(mView->viewport(), end);
        QTest::mouseRelease(mView->viewport(), Qt::LeftButton, {}, end);
    }

private slots:
    void init()
    {
        mDocument = new SchemaDocument(builtInSample());
        mModel = new ServiceTableModel(mDocument);
        mView = new RangeGridView;
        mView->setServiceModel(mModel);
        mView->resize(1000, 800);
        mView->show();
        QVERIFY(QTest::qWaitForWindowExposed(mView));
    }

    void cleanup()
    {
        delete mView;
        delete mModel;
        delete mDocument;
    }

    void shouldShowTheLastRealityCheckAsBadges()
    {
        const QModelIndex index = indexOf("mana-auth");
        const QRect rect = mView->visualRect(index);
        auto greenPixels = [&] {
            const QImage image = mView->viewport()->grab(rect).toImage();
            int n = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    n += qAbs(c.red() - 0x2e) < 12 && qAbs(c.green() - 0x7d) < 12 && qAbs(c.blue() - 0x32) < 12;
                }
            }
            return n;
        };
        QCOMPARE(greenPixels(), 0);
        ObservationStore store;
        Observations observations;
        observations.checkedAt = QDateTime::currentDateTimeUtc();
        ServiceObservation o;
        o.serviceId = QStringLiteral("mana-auth");
        o.hostId = QStringLiteral("mac-mini");
        o.port = 3001;
        o.state = ProbeState::Listening;
        o.checkedAt = observations.checkedAt;
        observations.services.insert(o.serviceId, o);
        store.setObservations(observations);
        mView->setObservationStore(&store);
        QVERIFY(greenPixels() > 10);
        const GridCell cell = mView->cellAtViewport(rect.center());
        QCOMPARE(cell.port, 3001);
        QVERIFY2(mView->toolTipFor(cell).contains(QStringLiteral("Live:")), qPrintable(mView->toolTipFor(cell)));
        store.clear();
        QCOMPARE(greenPixels(), 0);
    }

    void shouldSelectTheClickedService()
    {
        const QModelIndex index = indexOf("mana-credits");
        const QRect rect = mView->visualRect(index);
        QVERIFY(mView->viewport()->rect().contains(rect));
        QTest::mouseClick(mView->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY(mView->selectionModel()->isSelected(index));
        QCOMPARE(mView->currentIndex().row(), index.row());
        QCOMPARE(mView->currentPort(), 3002);
        QCOMPARE(mView->indexAt(rect.center()), index);
        // A free cell clears the selection but keeps the cursor there.
        QTest::mouseClick(mView->viewport(), Qt::LeftButton, {}, mView->portViewportRect(3000).center());
        QVERIFY(!mView->selectionModel()->hasSelection());
        QCOMPARE(mView->currentPort(), 3000);
    }

    void shouldMoveAServiceByDraggingAndUndoInOneStep()
    {
        drag(3001, 3000);
        QCOMPARE(service("mana-auth").plannedPort, 3000);
        QCOMPARE(service("mana-auth").actualPort, 3001);
        QCOMPARE(mDocument->undoStack()->count(), 1);
        mDocument->undoStack()->undo();
        QCOMPARE(service("mana-auth").plannedPort, 3001);
        QCOMPARE(mView->visualRect(indexOf("mana-auth")), mView->portViewportRect(3001));
    }

    void shouldMoveTheActualPortInAHostLayer()
    {
        mView->setLayer(QStringLiteral("mac-mini"));
        drag(3001, 3000);
        QCOMPARE(service("mana-auth").actualPort, 3000);
        QCOMPARE(service("mana-auth").plannedPort, 3001);
        // Now drifted: a ghost stays at the planned cell.
        QCOMPARE(mView->gridContent().ghostPortOfRow(indexOf("mana-auth").row()), 3001);
        mDocument->undoStack()->undo();
        QCOMPARE(service("mana-auth").actualPort, 3001);
        QCOMPARE(mView->gridContent().ghostPortOfRow(indexOf("mana-auth").row()), 0);
    }

    void shouldAskBeforeDroppingOnAnOccupiedCell_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<int>("authPort");
        QTest::addColumn<int>("creditsPort");
        QTest::newRow("swap") << int(RangeGridView::DropChoice::Swap) << 3002 << 3001;
        QTest::newRow("stack") << int(RangeGridView::DropChoice::Stack) << 3002 << 3002;
        QTest::newRow("cancel") << int(RangeGridView::DropChoice::Cancel) << 3001 << 3002;
    }

    void shouldAskBeforeDroppingOnAnOccupiedCell()
    {
        QFETCH(int, choice);
        QFETCH(int, authPort);
        QFETCH(int, creditsPort);
        QString asked;
        mView->setDropResolver([&](const Service &moving, const Service &occupant, int port) {
            asked = QStringLiteral("%1>%2@%3").arg(moving.id, occupant.id).arg(port);
            return RangeGridView::DropChoice(choice);
        });
        drag(3001, 3002);
        QCOMPARE(asked, QStringLiteral("mana-auth>mana-credits@3002"));
        QCOMPARE(service("mana-auth").plannedPort, authPort);
        QCOMPARE(service("mana-credits").plannedPort, creditsPort);
        if (mDocument->undoStack()->count() > 0) {
            QCOMPARE(mDocument->undoStack()->count(), 1);
            mDocument->undoStack()->undo();
        }
        QCOMPARE(service("mana-auth").plannedPort, 3001);
        QCOMPARE(service("mana-credits").plannedPort, 3002);
    }

    void shouldAskBeforeDroppingOnAReservedCell_data()
    {
        QTest::addColumn<bool>("moveAnyway");
        QTest::newRow("move anyway") << true;
        QTest::newRow("cancel") << false;
    }

    void shouldAskBeforeDroppingOnAReservedCell()
    {
        QFETCH(bool, moveAnyway);
        QVERIFY(mView->gridContent().isReserved(3006) && mView->gridContent().entriesAt(3006).isEmpty());
        QString asked;
        mView->setReservedDropResolver([&](const Service &moving, int port, const QString &) {
            asked = QStringLiteral("%1@%2").arg(moving.id).arg(port);
            return moveAnyway;
        });
        // While dragging, the reserved cell's drop mark is a solid warning frame, not a free cell's dashes.
        const QPoint start = centreOf(3001);
        QTest::mousePress(mView->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(mView->viewport(), start + QPoint(12, 0));
        const QRect target = mView->portViewportRect(3006);
        QTest::mouseMove(mView->viewport(), target.center());
        const QImage image = mView->viewport()->grab().toImage();
        const QColor warning(0xa8, 0x5d, 0x00);
        QCOMPARE(image.pixelColor(target.left() + 2, target.center().y()), warning);
        QTest::mouseRelease(mView->viewport(), Qt::LeftButton, {}, target.center());

        QCOMPARE(asked, QStringLiteral("mana-auth@3006"));
        QCOMPARE(service("mana-auth").plannedPort, moveAnyway ? 3006 : 3001);
        QCOMPARE(mDocument->undoStack()->count(), moveAnyway ? 1 : 0);
    }

    void shouldMoveTheCurrentCellWithKeys()
    {
        mView->setFocus();
        mView->setCurrentCell(mView->gridLayout().primaryCell(3001));
        QTest::keyClick(mView, Qt::Key_Right);
        QCOMPARE(mView->currentPort(), 3002);
        QCOMPARE(mView->currentIndex(), indexOf("mana-credits"));
        QVERIFY(mView->selectionModel()->isSelected(indexOf("mana-credits")));
        QTest::keyClick(mView, Qt::Key_Down);
        QCOMPARE(mView->currentPort(), 3012);
        QTest::keyClick(mView, Qt::Key_Up);
        QCOMPARE(mView->currentPort(), 3002);
        QTest::keyClick(mView, Qt::Key_End);
        QCOMPARE(mView->currentPort(), 3009);
        QTest::keyClick(mView, Qt::Key_Right);
        QCOMPARE(mView->currentPort(), 3010);
        QTest::keyClick(mView, Qt::Key_Home);
        QCOMPARE(mView->currentPort(), 3010);
        QTest::keyClick(mView, Qt::Key_Left);
        QCOMPARE(mView->currentPort(), 3009);
        QTest::keyClick(mView, Qt::Key_PageDown);
        QVERIFY(mView->currentPort() > 3040);
        QVERIFY(mView->viewport()->rect().contains(mView->cellViewportRect(mView->currentCell())));
        QTest::keyClick(mView, Qt::Key_End, Qt::ControlModifier);
        QVERIFY(mView->verticalScrollBar()->value() > 0);
        QVERIFY(mView->viewport()->rect().contains(mView->cellViewportRect(mView->currentCell())));
        QTest::keyClick(mView, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(mView->currentPort(), 3000);
        QCOMPARE(mView->verticalScrollBar()->value(), 0);
    }

    void shouldShareSelectionWithASortedTable()
    {
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(mModel);
        proxy.sort(ServiceTableModel::NameColumn, Qt::DescendingOrder);
        QItemSelectionModel tableSelection(&proxy);
        SelectionSync sync(&tableSelection, &proxy, mView->selectionModel());

        // Table → grid: the cell is selected, current and scrolled into view.
        const QModelIndex postgres = indexOf("postgres");
        tableSelection.setCurrentIndex(proxy.mapFromSource(postgres),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(mView->selectionModel()->isSelected(postgres));
        QCOMPARE(mView->currentPort(), 5432);
        QVERIFY(mView->viewport()->rect().contains(mView->visualRect(postgres)));

        // Grid → table.
        mView->verticalScrollBar()->setValue(0);
        QTest::mouseClick(mView->viewport(), Qt::LeftButton, {}, mView->visualRect(indexOf("mana-user")).center());
        QVERIFY(tableSelection.isRowSelected(proxy.mapFromSource(indexOf("mana-user")).row()));
        QVERIFY(!tableSelection.isRowSelected(proxy.mapFromSource(postgres).row()));
        QCOMPARE(proxy.mapToSource(tableSelection.currentIndex()).row(), indexOf("mana-user").row());

        // Many table rows that lie next to each other in the model arrive
        // in the grid as one range, not one range a row.
        QItemSelection scattered;
        for (int row = 0; row < mModel->rowCount(); row += 2) {
            const QModelIndex index = proxy.index(row, 0);
            scattered.select(index, index);
        }
        tableSelection.select(scattered, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QList<int> expected;
        for (int row = 0; row < mModel->rowCount(); row += 2)
            expected.append(proxy.mapToSource(proxy.index(row, 0)).row());
        std::sort(expected.begin(), expected.end());
        QList<int> selected;
        for (const QModelIndex &index : mView->selectionModel()->selectedRows())
            selected.append(index.row());
        std::sort(selected.begin(), selected.end());
        QCOMPARE(selected, expected);
        const QItemSelection all = rowRunSelection({0, 1, 2, 5, 3, 9, 2}, mModel);
        QCOMPARE(all.size(), 3); // 0-3, 5, 9
        QCOMPARE(all.at(0).top(), 0);
        QCOMPARE(all.at(0).bottom(), 3);
        QCOMPARE(all.at(0).right(), mModel->columnCount() - 1);
        QCOMPARE(all.at(2).top(), 9);
    }

    void shouldRepaintOnlyTheCellsOfANewFinding()
    {
        FindingList findings;
        mView->setFindingLookup(&findings);
        QCoreApplication::processEvents();
        mView->setTrackUpdates(true);
        Finding f;
        f.rule = QStringLiteral("host-collision");
        f.severity = Severity::Error;
        f.message = QStringLiteral("two on one port");
        f.serviceIds = {QStringLiteral("mana-media"), QStringLiteral("mana-tts")};
        findings.setFindings({f});
        mView->findingsChanged(f.serviceIds);
        const QList<QRect> rects = mView->takeUpdatedRects();
        QCOMPARE(rects.size(), 2);
        QVERIFY(rects.contains(mView->visualRect(indexOf("mana-media"))));
        QVERIFY(rects.contains(mView->visualRect(indexOf("mana-tts"))));
        QVERIFY(mView->accessibleTextFor(mView->gridLayout().primaryCell(3011))
                    .startsWith(QStringLiteral("3011 mana-media, error: ")));
    }

    void shouldRepaintOnlyAffectedCellsWhenTheAnalyzerReports()
    {
        Analyzer analyzer(mDocument);
        mModel->setAnalyzer(&analyzer);
        mView->setAnalyzer(&analyzer);
        QCoreApplication::processEvents();
        QSignalSpy spy(&analyzer, &Analyzer::findingsChanged);
        mView->setTrackUpdates(true);
        // Renaming mana-tts to mana-llm's name on the same host: duplicate-name
        // for both, and nothing moves.
        mModel->setData(indexOf("mana-tts"), QStringLiteral("mana-llm"));
        QVERIFY(!spy.isEmpty());
        QSet<QString> affected{QStringLiteral("mana-tts")};
        for (const QList<QVariant> &args : spy)
            for (const QString &id : args.at(2).toStringList())
                affected.insert(id);
        QVERIFY(affected.contains(QStringLiteral("mana-llm")));
        QList<QRect> allowed;
        for (const QString &id : affected) {
            const int row = mDocument->serviceRow(id);
            for (int port : {mView->gridContent().portOfRow(row), mView->gridContent().ghostPortOfRow(row)}) {
                for (const GridCell &cell : mView->gridLayout().cellsOfPort(port))
                    allowed.append(mView->cellViewportRect(cell));
            }
        }
        const QList<QRect> rects = mView->takeUpdatedRects();
        QVERIFY(!rects.isEmpty());
        for (const QRect &r : rects)
            QVERIFY2(allowed.contains(r), "repainted a cell whose data did not change");
        QVERIFY(rects.contains(mView->visualRect(indexOf("mana-llm"))));
        Severity worst;
        QVERIFY(mView->findingLookup()->worstSeverity(QStringLiteral("mana-llm"), &worst));
        mModel->setAnalyzer(nullptr);
        mView->setFindingLookup(nullptr);
    }

    void shouldZoomWithControlWheelAndKeys()
    {
        const int width = mView->portViewportRect(3001).width();
        const QPoint pos = mView->portViewportRect(3001).center();
        QWheelEvent wheel(pos, mView->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(mView->viewport(), &wheel);
        QVERIFY(mView->zoom() > 1.0);
        QVERIFY(mView->portViewportRect(3001).width() > width);
        mView->setFocus();
        QTest::keyClick(mView, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(mView, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(mView->zoom() < 1.0);
        QTest::keyClick(mView, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(mView->zoom(), 1.0);
        QCOMPARE(mView->portViewportRect(3001).width(), width);
    }

    void rowsInsertedAndRemovedShouldBePlacedAsARebuildPlacesThem()
    {
        // Rows come and go in place (a Delete block by block, a Duplicate,
        // their undo); every port holds what placing all rows anew gives,
        // in the plan layer and in a host's, unranged ports too.
        const auto compareWithRebuild = [this] {
            GridContent fresh;
            fresh.rebuild(mDocument->schema(), mView->layer());
            const GridContent &content = mView->gridContent();
            for (int port = 1; port < 65536; ++port)
                QCOMPARE(content.entriesAt(port), fresh.entriesAt(port));
            for (int row = 0; row < mDocument->serviceCount(); ++row) {
                QCOMPARE(content.portOfRow(row), fresh.portOfRow(row));
                QCOMPARE(content.ghostPortOfRow(row), fresh.ghostPortOfRow(row));
            }
            QCOMPARE(content.unrangedPorts(), fresh.unrangedPorts());
        };
        for (const QString &layer : {QString(), QStringLiteral("mac-mini")}) {
            mView->setLayer(layer);
            Service outside = Test::service(QStringLiteral("outside"), 61000, 61001, QStringLiteral("mac-mini"));
            mDocument->undoStack()->push(new AddServiceCommand(mDocument, outside, 3));
            compareWithRebuild();
            QVERIFY(mView->gridContent().unrangedPorts().contains(layer.isEmpty() ? 61000 : 61001));
            // A few blocks (one by one), then many (the plan's services at once).
            for (const int every : {7, 2}) {
                QStringList ids;
                for (int row = 0; row < mDocument->serviceCount(); row += every)
                    ids.append(mDocument->service(row).id);
                ids.append(QStringLiteral("outside"));
                mDocument->undoStack()->push(new RemoveServicesCommand(mDocument, ids));
                compareWithRebuild();
                QVERIFY(!mView->gridContent().unrangedPorts().contains(61000));
                QVERIFY(!mView->gridContent().unrangedPorts().contains(61001));
                mDocument->undoStack()->undo();
                compareWithRebuild();
            }
            mDocument->undoStack()->undo();
            compareWithRebuild();
            QCOMPARE(mDocument->schema(), builtInSample());
        }
    }

    void shouldAddAndReserveOnFreeCells()
    {
        QVERIFY(mView->addServiceAt(3000, QStringLiteral("mana-billing")));
        const Service *added = mDocument->schema().service(QStringLiteral("mana-billing"));
        QVERIFY(added);
        QCOMPARE(added->plannedPort, 3000);
        QCOMPARE(mView->gridContent().entriesAt(3000).size(), 1);
        QCOMPARE(mView->currentIndex(), indexOf("mana-billing"));
        mDocument->undoStack()->undo();
        QVERIFY(mView->gridContent().entriesAt(3000).isEmpty());

        mView->setReserved(3041, true);
        QVERIFY(mView->gridContent().isReserved(3041));
        mView->setReserved(3045, false); // cuts 3043-3059 in two
        QVERIFY(!mView->gridContent().isReserved(3045));
        QVERIFY(mView->gridContent().isReserved(3044) && mView->gridContent().isReserved(3046));
        mDocument->undoStack()->undo();
        mDocument->undoStack()->undo();
        QCOMPARE(mDocument->schema().reservations, builtInSample().reservations);
    }

    void shouldCountUsedPortsAsTheRangesDockDoes()
    {
        // Both count planned ports and reservations, and both say how many are reserved.
        RangeTableModel ranges(mDocument);
        const QRegularExpression used(QStringLiteral("(\\d+)/(\\d+)"));
        const QRegularExpression reserved(QStringLiteral("\\((\\d+) reserved\\)"));
        int withReservations = 0;
        for (int row = 0; row < ranges.rowCount(); ++row) {
            const QModelIndex cell = ranges.index(row, RangeTableModel::UsedColumn);
            const QString dock = cell.data().toString();
            const QString id = cell.data(RangeTableModel::RangeIdRole).toString();
            int block = -1;
            for (int b = 0; b < mView->gridLayout().blockCount(); ++b) {
                if (mView->gridLayout().blocks().at(b).rangeId == id)
                    block = b;
            }
            QVERIFY2(block >= 0, qPrintable(id));
            const QString header = mView->headerText(block);
            QCOMPARE(used.match(header.section(QStringLiteral(" — "), 1)).captured(0), used.match(dock).captured(0));
            QCOMPARE(reserved.match(header).captured(1), reserved.match(dock).captured(1));
            withReservations += reserved.match(dock).hasMatch();
        }
        QVERIFY(withReservations > 0);

        // A new reservation counts in both at once.
        mView->setReserved(3000, true);
        QVERIFY(mView->headerText(mView->gridLayout().primaryBlock(3000)).contains(QStringLiteral("reserved")));
        mDocument->undoStack()->undo();
    }

    void shouldExplainEverySeverityAndCountTheHostsItLeavesOut()
    {
        QStringList legend = mView->legendTexts();
        for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
            QVERIFY2(legend.contains(severityDisplayName(s)), qPrintable(legend.join(QLatin1Char('|'))));
        for (const Host &h : mDocument->schema().hosts)
            QVERIFY(legend.contains(h.name));

        Schema many = builtInSample();
        for (int i = 0; i < 200; ++i)
            many.hosts.append(Host{QStringLiteral("host-%1").arg(i), QStringLiteral("Host %1").arg(i), {}, {}, {}});
        mDocument->resetSchema(many);
        legend = mView->legendTexts();
        const QRegularExpression more(QStringLiteral("^\\+(\\d+) more$"));
        const QStringList mores = legend.filter(more);
        QCOMPARE(mores.size(), 1);
        int hostsShown = 0;
        for (const Host &h : many.hosts)
            hostsShown += legend.contains(h.name);
        QVERIFY(hostsShown > 0);
        // Every host (and "no host") is either shown or counted.
        QCOMPARE(hostsShown + more.match(mores.first()).captured(1).toInt(), int(many.hosts.size()) + 1);
        QVERIFY(legend.contains(severityDisplayName(Severity::Error)));

        mView->setColouring(GridColouring::ByStatus);
        legend = mView->legendTexts();
        for (ServiceStatus s : {ServiceStatus::Deployed, ServiceStatus::Planned, ServiceStatus::NotDeployed,
                                ServiceStatus::Retired})
            QVERIFY(legend.contains(statusDisplayName(s)));
    }

    void shouldGoToTheNextFreePort()
    {
        QCOMPARE(mView->goToNextFreePort(QStringLiteral("web-frontends-sveltekit")), 5001);
        QCOMPARE(mView->currentPort(), 5001);
        QVERIFY(mView->viewport()->rect().contains(mView->portViewportRect(5001)));
        QSignalSpy message(mView, &RangeGridView::message);
        QCOMPARE(mView->goToNextFreePort(QStringLiteral("core-infrastructure-services")), 0);
        QCOMPARE(message.size(), 1);
    }

    void shouldDescribeCellsToAccessibilityTools()
    {
        QAccessibleInterface *grid = QAccessible::queryAccessibleInterface(mView);
        QVERIFY(grid);
        QCOMPARE(grid->role(), QAccessible::Table);
        QCOMPARE(grid->childCount(), mView->gridLayout().cellCount());
        const int index = mView->gridLayout().indexOfCell(mView->gridLayout().primaryCell(3001));
        QAccessibleInterface *cell = grid->child(index);
        QVERIFY(cell);
        QCOMPARE(cell->role(), QAccessible::Cell);
        QCOMPARE(cell->text(QAccessible::Name), QStringLiteral("3001 mana-auth"));
        QCOMPARE(grid->indexOfChild(cell), index);
        QCOMPARE(grid->child(index), cell);
        QCOMPARE(grid->child(mView->gridLayout().indexOfCell(mView->gridLayout().primaryCell(3007)))
                     ->text(QAccessible::Name),
                 QStringLiteral("3007 reserved"));
    }

    void shouldPaintWithAHighContrastPalette()
    {
        QPalette dark;
        dark.setColor(QPalette::Base, Qt::black);
        dark.setColor(QPalette::Window, Qt::black);
        dark.setColor(QPalette::Text, Qt::white);
        dark.setColor(QPalette::WindowText, Qt::white);
        dark.setColor(QPalette::Highlight, Qt::yellow);
        dark.setColor(QPalette::HighlightedText, Qt::black);
        mView->setPalette(dark);
        const QImage image = mView->viewport()->grab().toImage();
        // A free cell's background stays the palette's base.
        const QRect free = mView->portViewportRect(3000);
        QCOMPARE(QColor(image.pixel(free.center())), QColor(Qt::black));
        // An occupied cell is tinted, yet stays dark enough for white text.
        const QRect occupied = mView->portViewportRect(3001);
        const QColor tinted(image.pixel(occupied.right() - 10, occupied.center().y()));
        QVERIFY(tinted.lightnessF() < 0.5);
    }
};

QTEST_MAIN(TestRangeGridView)
#include "tst_rangegridview.moc"
