// Prints how fast the analyzer is at fleet scale. Not a test: run it by hand,
// ideally from a release build:  bench_analyzer [services] [hosts] [ranges]
#include "fleet.h"

#include "analyzer.h"
#include "commands.h"
#include "heap.h"
#include "jsonformat.h"
#include "move.h"
#include "problemsmodel.h"
#include "schemadocument.h"
#include "servicetablemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QRandomGenerator>
#include <QTextStream>
#include <QUndoStack>

#include <sys/resource.h>

#include <algorithm>

using namespace Portolan;

// What a rule engine without indexes does: every pair, O(n²).
static int naiveHostCollisions(const Schema &schema)
{
    int found = 0;
    const auto &services = schema.services;
    for (qsizetype i = 0; i < services.size(); ++i) {
        for (qsizetype j = i + 1; j < services.size(); ++j) {
            const Service &a = services.at(i);
            const Service &b = services.at(j);
            if (a.actualPort == b.actualPort && a.protocol == b.protocol && a.hostId == b.hostId)
                ++found;
        }
    }
    return found;
}

static double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

int main(int argc, char *argv[])
{
    tuneHeapForLargeDocuments(); // as portolan's main() does
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        out << "usage: bench_analyzer [SERVICES HOSTS RANGES] [--full-only]\n"
               "default 100000 1000 200; --full-only times the full analysis alone\n";
        return 0;
    }
    QList<int> sizes = {100000, 1000, 200};
    qsizetype position = 0;
    for (const QString &arg : args.mid(1)) {
        if (arg.startsWith(QLatin1Char('-')))
            continue;
        bool ok = false;
        const int value = arg.toInt(&ok);
        if (!ok || value < 0 || position >= sizes.size()) {
            QTextStream(stderr) << "bench_analyzer: unexpected argument " << arg << " (see --help)\n";
            return 2;
        }
        sizes[position++] = value;
    }
    const int services = sizes.at(0), hosts = sizes.at(1), ranges = sizes.at(2);

    const Schema schema = generateFleet(services, hosts, ranges);
    QElapsedTimer timer;

    QList<double> full;
    QList<Finding> findings;
    constexpr int FullRuns = 11; // short runs on a shared machine: more of them
    for (int run = 0; run < FullRuns; ++run) {
        timer.start();
        QList<Finding> result = Analyzer::analyze(schema);
        full.append(timer.nsecsElapsed() / 1e6);
        findings.swap(result); // the previous run's findings are freed outside the timing
    }
    QMap<QString, int> byRule;
    for (const Finding &f : std::as_const(findings))
        ++byRule[f.rule];
    QStringList perRule;
    for (auto it = byRule.cbegin(); it != byRule.cend(); ++it)
        perRule.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    out << QStringLiteral("schema: %1 services, %2 hosts, %3 ranges, %4 findings (%5)\n")
               .arg(services)
               .arg(hosts)
               .arg(ranges)
               .arg(findings.size())
               .arg(perRule.join(QStringLiteral(", ")));
    out << QStringLiteral("full analysis (Analyzer::analyze), min / median of %1: %2 / %3 ms\n")
               .arg(FullRuns)
               .arg(*std::min_element(full.cbegin(), full.cend()), 0, 'f', 1)
               .arg(median(full), 0, 'f', 1);
    if (args.contains(QStringLiteral("--full-only")))
        return 0;

    // The native file: what File > Save and the autosave write, and File > Open reads.
    QList<double> saves, loads;
    QByteArray bytes;
    for (int run = 0; run < 5; ++run) {
        timer.start();
        QByteArray written = JsonFormat::serialize(schema);
        saves.append(timer.nsecsElapsed() / 1e6);
        bytes.swap(written);
    }
    for (int run = 0; run < 5; ++run) {
        ParseError error;
        timer.start();
        std::optional<Schema> read = JsonFormat::parse(bytes, QStringLiteral("bench"), &error);
        loads.append(timer.nsecsElapsed() / 1e6);
        if (!read) {
            out << "the written file does not read back: " << error.toString() << "\n";
            return 1;
        }
    }
    out << QStringLiteral("native JSON (%1 MB): serialize %2 ms, parse %3 ms (medians of 5)\n")
               .arg(bytes.size() / 1e6, 0, 'f', 1)
               .arg(median(saves), 0, 'f', 0)
               .arg(median(loads), 0, 'f', 0);

    SchemaDocument document(schema);
    timer.start();
    Analyzer analyzer(&document);
    ServiceTableModel model(&document);
    model.setAnalyzer(&analyzer);
    ProblemsModel problems(&analyzer);
    out << QStringLiteral("live analyzer + models attached: %1 ms\n").arg(timer.nsecsElapsed() / 1e6, 0, 'f', 1);

    // One port edit through the undo stack, as the table's setData does it,
    // including the analyzer's update and the models' signals.
    QRandomGenerator random(7);
    QList<double> edits;
    for (int i = 0; i < 2000; ++i) {
        const int row = random.bounded(document.serviceCount());
        const QModelIndex cell = model.index(row, ServiceTableModel::ActualPortColumn);
        const int port = 20000 + random.bounded(ranges * 100);
        timer.start();
        model.setData(cell, port);
        edits.append(timer.nsecsElapsed() / 1e6);
    }
    out << QStringLiteral("one incremental port edit incl. model signals, median of 2000: %1 ms (max %2 ms)\n")
               .arg(median(edits), 0, 'f', 3)
               .arg(*std::max_element(edits.begin(), edits.end()), 0, 'f', 3);

    QList<double> undos;
    for (int i = 0; i < 200 && document.undoStack()->canUndo(); ++i) {
        timer.start();
        document.undoStack()->undo();
        undos.append(timer.nsecsElapsed() / 1e6);
    }
    out << QStringLiteral("one undo, median of 200: %1 ms\n").arg(median(undos), 0, 'f', 3);

    // The Moves panel's list: every drift move, the impact of the first 500
    // (as the panel does), and of all of them.
    timer.start();
    QList<Move> drift = driftMoves(document.schema());
    computeImpacts(document.schema(), drift, true, 500);
    out << QStringLiteral("Moves panel refresh (%1 drift moves, impact of the first 500): %2 ms\n")
               .arg(drift.size())
               .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 0);
    timer.start();
    computeImpacts(document.schema(), drift);
    out << QStringLiteral("impact of all %1 drift moves: %2 ms\n")
               .arg(drift.size())
               .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 0);

    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    out << QStringLiteral("peak memory (max RSS): %1 MB\n").arg(usage.ru_maxrss / 1024.0, 0, 'f', 0);

    const int naiveSize = qMin(services, 10000);
    const Schema small = generateFleet(naiveSize, qMax(1, hosts / 10), ranges);
    timer.start();
    const int naive = naiveHostCollisions(small);
    const double naiveMs = timer.nsecsElapsed() / 1e6;
    timer.start();
    const int indexed = int(Analyzer::analyze(small).size());
    const double indexedMs = timer.nsecsElapsed() / 1e6;
    out << QStringLiteral("at %1 services: naive all-pairs host-collision scan %2 ms (%3 pairs); "
                          "indexed analysis of every rule %4 ms (%5 findings)\n")
               .arg(naiveSize)
               .arg(naiveMs, 0, 'f', 1)
               .arg(naive)
               .arg(indexedMs, 0, 'f', 1)
               .arg(indexed);
    return 0;
}
