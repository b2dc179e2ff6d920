#include "analyzer.h"
#include "commands.h"
#include "heap.h"
#include "rangegridview.h"
#include "schemadocument.h"
#include "servicetablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTextStream>

using namespace Portolan;

// Paint time of the range grid on a large schema: 1,000 hosts, 200 ranges,
// 100,000 services. Built, not run by ctest: `build/tests/bench_rangegrid`.
static Schema largeSchema()
{
    Schema schema;
    QRandomGenerator random(42);
    for (int h = 0; h < 1000; ++h)
        schema.hosts.append(Host{QStringLiteral("host-%1").arg(h), QStringLiteral("Host %1").arg(h), {}, {}, {}});
    for (int r = 0; r < 200; ++r) {
        PortRange range;
        range.id = QStringLiteral("range-%1").arg(r);
        range.title = QStringLiteral("Range %1").arg(r);
        range.first = 2000 + r * 300;
        range.last = range.first + 299;
        schema.ranges.append(range);
    }
    for (int i = 0; i < 100000; ++i) {
        Service s;
        s.id = QStringLiteral("svc-%1").arg(i);
        s.name = QStringLiteral("service-%1").arg(i);
        const PortRange &range = schema.ranges.at(int(random.bounded(200)));
        s.plannedPort = range.first + int(random.bounded(300));
        s.actualPort = random.bounded(10) == 0 ? range.first + int(random.bounded(300)) : s.plannedPort;
        s.hostId = schema.hosts.at(int(random.bounded(1000))).id;
        s.status = ServiceStatus::Deployed;
        schema.services.append(s);
    }
    return schema;
}

int main(int argc, char *argv[])
{
    tuneHeapForLargeDocuments(); // as portolan's main() does
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QElapsedTimer timer;

    timer.start();
    SchemaDocument document(largeSchema());
    ServiceTableModel model(&document);
    out << "schema of 100000 services built: " << timer.elapsed() << " ms" << Qt::endl;

    timer.restart();
    Analyzer analyzer(&document);
    out << "analyzer: " << timer.elapsed() << " ms, " << analyzer.findingCount() << " findings" << Qt::endl;

    RangeGridView view;
    view.resize(1400, 900);
    timer.restart();
    view.setServiceModel(&model);
    view.setAnalyzer(&analyzer);
    out << "grid content and layout (plan layer): " << timer.elapsed() << " ms, " << view.gridLayout().cellCount()
        << " cells" << Qt::endl;
    view.show();
    QCoreApplication::processEvents();

    auto paintFull = [&](const char *what) {
        const int rounds = 20;
        QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        timer.restart();
        for (int i = 0; i < rounds; ++i)
            view.viewport()->render(&image);
        out << "full viewport paint (" << view.viewport()->width() << "x" << view.viewport()->height() << ", "
            << what << "): " << QString::number(double(timer.nsecsElapsed()) / rounds / 1e6, 'f', 2) << " ms"
            << Qt::endl;
    };
    paintFull("plan, top");
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
    paintFull("plan, middle");

    timer.restart();
    view.setLayer(QStringLiteral("host-7"));
    out << "switch to a host layer: " << timer.elapsed() << " ms" << Qt::endl;
    paintFull("host layer");

    // One edit: the analyzer and the grid both follow it incrementally.
    view.setLayer(QString());
    view.setTrackUpdates(true);
    timer.restart();
    model.setData(model.index(0, ServiceTableModel::PlannedPortColumn), 2001);
    out << "one edit (analyzer + grid update): " << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 2)
        << " ms, " << view.takeUpdatedRects().size() << " rectangles repainted" << Qt::endl;
    return 0;
}
