#include "gridcontent.h"
#include "gridlayout.h"
#include "jsonformat.h"

#include <QTest>

using namespace Portolan;

// Geometry of the range grid, without any widget.
class TestGridLayout : public QObject
{
    Q_OBJECT

private:
    static PortRange range(const QString &id, int first, int last)
    {
        PortRange r;
        r.id = id;
        r.title = id;
        r.first = first;
        r.last = last;
        return r;
    }

    static GridLayout layoutFor(const QList<PortRange> &ranges, const QList<int> &unranged = {})
    {
        GridLayout layout;
        layout.setBlocks(GridLayout::blocksFor(ranges, unranged, QStringLiteral("Unranged")));
        layout.setMetrics(GridMetrics{90, 40, 28, 12, 8, 30});
        return layout;
    }

private slots:
    void shouldRoundTripEveryPortOfTheSample()
    {
        const Schema schema = builtInSample();
        for (const QString &layer : {QString(), QStringLiteral("mac-mini"), QStringLiteral("windows-gpu-server")}) {
            GridContent content;
            content.rebuild(schema, layer);
            const GridLayout layout = layoutFor(schema.ranges, content.unrangedPorts());
            QList<int> ports;
            for (const Service &s : schema.services) {
                for (int p : {content.portOfRow(int(schema.services.indexOf(s))),
                              content.ghostPortOfRow(int(schema.services.indexOf(s)))}) {
                    if (p)
                        ports.append(p);
                }
            }
            for (const PortRange &r : schema.ranges) {
                for (int p = r.first; p <= r.last; ++p)
                    ports.append(p);
            }
            QVERIFY(ports.size() > 500);
            for (int port : ports) {
                for (const GridCell &cell : layout.cellsOfPort(port)) {
                    const QRect rect = layout.cellRect(cell);
                    QVERIFY2(!rect.isNull(), qPrintable(QString::number(port)));
                    QCOMPARE(layout.cellAt(rect.center()), cell);
                    QCOMPARE(layout.cellAt(rect.topLeft()), cell);
                    QCOMPARE(layout.cellAt(rect.bottomRight()), cell);
                    QCOMPARE(layout.cellAtIndex(layout.indexOfCell(cell)), cell);
                }
                QCOMPARE(layout.cellAt(layout.cellRect(port).center()).port, port);
            }
        }
    }

    void shouldShowEveryServiceOfTheSampleInThePlan()
    {
        const Schema schema = builtInSample();
        GridContent content;
        content.rebuild(schema, QString());
        const GridLayout layout = layoutFor(schema.ranges, content.unrangedPorts());
        for (int row = 0; row < schema.services.size(); ++row) {
            const int port = content.portOfRow(row);
            QVERIFY2(port > 0, qPrintable(schema.services.at(row).name));
            QVERIFY(!layout.cellRect(port).isNull());
        }
        // Ports outside every range end up in the last block.
        QVERIFY(layout.blocks().last().isUnranged());
        QCOMPARE(layout.blocks().last().rowStarts.first(), 3060);
        QCOMPARE(layout.primaryBlock(11434), layout.blockCount() - 1);
    }

    void shouldHitTestAtCellBorders()
    {
        const GridLayout layout = layoutFor({range(QStringLiteral("a"), 3000, 3019)});
        const QRect r = layout.cellRect(3005);
        QCOMPARE(r.size(), QSize(90, 40));
        QCOMPARE(layout.cellAt(r.topLeft()).port, 3005);
        QCOMPARE(layout.cellAt(r.bottomRight()).port, 3005);
        QCOMPARE(layout.cellAt(r.topRight() + QPoint(1, 0)).port, 3006);
        QCOMPARE(layout.cellAt(r.topLeft() - QPoint(1, 0)).port, 3004);
        QCOMPARE(layout.cellAt(r.bottomLeft() + QPoint(0, 1)).port, 3015);
        // Left of the first column, right of the last, and in the header: nothing.
        QVERIFY(!layout.cellAt(layout.cellRect(3000).topLeft() - QPoint(1, 0)).isValid());
        QVERIFY(!layout.cellAt(layout.cellRect(3009).topRight() + QPoint(1, 0)).isValid());
        QVERIFY(!layout.cellAt(layout.cellRect(3000).topLeft() - QPoint(0, 1)).isValid());
        QCOMPARE(layout.headerAt(layout.cellRect(3000).topLeft() - QPoint(0, 1)), 0);
    }

    void shouldLayOutRangesOfOddSizes()
    {
        const GridLayout layout =
            layoutFor({range(QStringLiteral("small"), 3000, 3004), range(QStringLiteral("big"), 9000, 9199),
                       range(QStringLiteral("skew"), 4005, 4014)});
        QCOMPARE(layout.blockCount(), 3);
        QCOMPARE(layout.blocks().at(0).rowStarts.size(), 1);
        QCOMPARE(layout.blocks().at(1).rowStarts.size(), 2);  // 4000-4009, 4010-4019
        QCOMPARE(layout.blocks().at(2).rowStarts.size(), 20); // 9000-9199
        // 3005 has no cell although its place in the row exists.
        const QRect r4 = layout.cellRect(3004);
        QVERIFY(layout.cellRect(3005).isNull());
        QVERIFY(!layout.cellAt(r4.topRight() + QPoint(1, 0)).isValid());
        // Columns follow the last digit, also in an unaligned range.
        QCOMPARE(layout.cellRect(4005).left(), layout.cellRect(3005 - 1).left() + 90);
        QVERIFY(layout.cellRect(4004).isNull());
        QVERIFY(!layout.cellRect(4014).isNull());
        QVERIFY(layout.cellRect(4015).isNull());
        QCOMPARE(layout.cellRect(9199).top() - layout.cellRect(9000).top(), 19 * 40);
        QCOMPARE(layout.cellCount(), 5 + 10 + 200);
        QCOMPARE(layout.contentSize().height(), layout.cellRect(9199).bottom() + 1 + 8);
    }

    void shouldShowNestedPortsInBothBlocks()
    {
        const GridLayout layout =
            layoutFor({range(QStringLiteral("web"), 5000, 5059), range(QStringLiteral("play"), 5050, 5059)});
        QCOMPARE(layout.blocks().at(0).rangeId, QStringLiteral("web"));
        QCOMPARE(layout.primaryBlock(5055), 1);
        QCOMPARE(layout.cellsOfPort(5055).size(), 2);
        QCOMPARE(layout.cellsOfPort(5045).size(), 1);
    }

    void shouldMoveLikeKeysDo()
    {
        const GridLayout layout =
            layoutFor({range(QStringLiteral("small"), 3000, 3004), range(QStringLiteral("big"), 9000, 9199)});
        const GridCell start{0, 3002};
        QCOMPARE(layout.move(start, GridLayout::Move::Right).port, 3003);
        QCOMPARE(layout.move(start, GridLayout::Move::Left).port, 3001);
        QCOMPARE(layout.move({0, 3004}, GridLayout::Move::Right), (GridCell{1, 9000}));
        QCOMPARE(layout.move({1, 9000}, GridLayout::Move::Left), (GridCell{0, 3004}));
        QCOMPARE(layout.move(start, GridLayout::Move::Down), (GridCell{1, 9002}));
        // Up from 9007 into a row without column 7: the nearest cell.
        QCOMPARE(layout.move({1, 9007}, GridLayout::Move::Up), (GridCell{0, 3004}));
        QCOMPARE(layout.move(start, GridLayout::Move::Up), start);
        QCOMPARE(layout.move({1, 9002}, GridLayout::Move::PageDown, 5).port, 9052);
        QCOMPARE(layout.move({1, 9052}, GridLayout::Move::PageUp, 5).port, 9002);
        QCOMPARE(layout.move({1, 9052}, GridLayout::Move::BlockStart).port, 9000);
        QCOMPARE(layout.move({1, 9052}, GridLayout::Move::BlockEnd).port, 9199);
        QCOMPARE(layout.move({1, 9052}, GridLayout::Move::GridStart).port, 3000);
        QCOMPARE(layout.move(start, GridLayout::Move::GridEnd).port, 9199);
    }

    void shouldListCellsInARectangle()
    {
        const GridLayout layout = layoutFor({range(QStringLiteral("a"), 3000, 3029)});
        const QRect r = layout.cellRect(3011).united(layout.cellRect(3022));
        QList<int> ports;
        for (const GridCell &c : layout.cellsIn(r))
            ports.append(c.port);
        QCOMPARE(ports, (QList<int>{3011, 3012, 3021, 3022}));
    }
};

QTEST_GUILESS_MAIN(TestGridLayout)
#include "tst_gridlayout.moc"
