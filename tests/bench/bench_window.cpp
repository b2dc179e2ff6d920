// Times the real main window at fleet scale, as a user pays for it: every
// dock shown (offscreen), each step measured until the event loop is idle
// and the Moves panel has its result. Not a test: run it by hand, ideally
// from a release build:
//
//   bench_window [SERVICES HOSTS RANGES] [--edits N] [--duplicate N] [--delete N] [--duplicate-runs N]
//
// Prints min / median / max of each step and the longest single task the
// GUI thread ran (from waking up to blocking again) during it: what decides
// whether the window stutters.
#include "exportdialog.h"
#include "fleet.h"

#include "heap.h"
#include "jsonformat.h"
#include "mainwindow.h"
#include "movereview.h"
#include "movesview.h"
#include "schemadocument.h"
#include "servicesview.h"
#include "servicetablemodel.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QAbstractProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUndoStack>

#include <algorithm>

using namespace Portolan;

namespace {

// The longest stretch the GUI thread ran without returning to the event
// loop: each pass of the loop (a batch of pending events) and each direct
// call counts as one task, so a figure is an upper bound of the real task.
class TaskMonitor
{
public:
    void reset() { mLongest = 0; }
    void addTask(double ms) { mLongest = std::max(mLongest, ms); }
    double longest() const { return mLongest; }

private:
    double mLongest = 0;
};

// Runs the event loop until nothing is pending and no computation runs.
void waitUntilIdle(MainWindow &window, TaskMonitor &monitor)
{
    QElapsedTimer quiet;
    for (;;) {
        QElapsedTimer pass;
        pass.start();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        monitor.addTask(pass.nsecsElapsed() / 1e6);
        const bool busy = window.moveReview()->isComputing() || window.autoSaver()->isWriting();
        if (busy) {
            QThread::msleep(1);
            quiet.invalidate();
            continue;
        }
        // Idle for a few passes: timers of zero (coalesced refreshes) have run.
        if (!quiet.isValid())
            quiet.start();
        else if (quiet.elapsed() >= 20)
            return;
        QThread::msleep(1);
    }
}

QString stats(QList<double> values)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty())
        return QStringLiteral("-");
    return QStringLiteral("%1 / %2 / %3 ms")
        .arg(values.first(), 0, 'f', 2)
        .arg(values.at(values.size() / 2), 0, 'f', 2)
        .arg(values.last(), 0, 'f', 2);
}

} // namespace

int main(int argc, char *argv[])
{
    tuneHeapForLargeDocuments(); // as portolan's main() does
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // settings and recovery files of their own
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    int edits = 200;
    int duplicates = 1000;
    int duplicateRuns = 3;
    int deletes = 1000;
    const auto usage = [&out] {
        out << "usage: bench_window [SERVICES HOSTS RANGES] [--edits N] [--duplicate N] [--delete N] "
               "[--duplicate-runs N]\n"
               "default 100000 1000 200, 200 edits, a Duplicate of 1000 services and a Delete of 1000 scattered\n"
               "ones, each timed 3 times (--duplicate-runs)\n";
    };
    const auto bad = [&usage](const QString &arg) {
        QTextStream(stderr) << "bench_window: unexpected argument " << arg << "\n";
        usage();
        return 2;
    };
    QList<int> sizes = {100000, 1000, 200};
    qsizetype position = 0;
    for (int i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            usage();
            return 0;
        }
        int *option = arg == QLatin1String("--edits")     ? &edits
            : arg == QLatin1String("--duplicate")         ? &duplicates
            : arg == QLatin1String("--duplicate-runs")    ? &duplicateRuns
            : arg == QLatin1String("--delete")            ? &deletes
                                                          : nullptr;
        const QString value = option ? args.value(++i) : arg;
        bool ok = false;
        const int number = value.toInt(&ok);
        if (!ok || number < 0)
            return bad(option ? arg + QLatin1Char(' ') + value : arg);
        if (option)
            *option = number;
        else if (position < sizes.size())
            sizes[position++] = number;
        else
            return bad(arg);
    }
    duplicateRuns = std::max(1, duplicateRuns);
    const int services = sizes.at(0), hosts = std::max(1, sizes.at(1)), ranges = sizes.at(2);
    if (services == 0)
        edits = duplicates = deletes = 0; // nothing to edit, copy or delete

    QTemporaryDir dir;
    const Schema schema = generateFleet(services, hosts, ranges, true);
    Schema other = schema;
    for (qsizetype i = 0; i < other.services.size(); i += 100)
        other.services[i].plannedPort += 1;
    const QString first = dir.filePath(QStringLiteral("a.portolan.json"));
    const QString second = dir.filePath(QStringLiteral("b.portolan.json"));
    QString error;
    if (!saveSchemaFile(first, schema, &error) || !saveSchemaFile(second, other, &error)) {
        out << "cannot write the generated plans: " << error << "\n";
        return 2;
    }
    out << QStringLiteral("%1 services, %2 hosts, %3 ranges; window 1400x900 offscreen, every dock shown\n")
               .arg(services)
               .arg(hosts)
               .arg(ranges);

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    // Docks that share a tab show one at a time: the Moves panel is raised
    // last, since it is the one that costs when visible.
    QDockWidget *moves = nullptr;
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        dock->show();
        dock->raise();
        if (dock->isAncestorOf(window.movesView()))
            moves = dock;
    }
    if (moves)
        moves->raise();
    TaskMonitor monitor;
    waitUntilIdle(window, monitor);

    const auto open = [&](const QString &fileName, const QString &label) {
        monitor.reset();
        QElapsedTimer timer;
        timer.start();
        QString why;
        if (!window.openFile(fileName, &why)) {
            out << "cannot open: " << why << "\n";
            return false;
        }
        const double interactive = timer.nsecsElapsed() / 1e6;
        monitor.addTask(interactive);
        waitUntilIdle(window, monitor);
        out << QStringLiteral("%1: window shows the plan after %2 ms, idle (Moves computed) after %3 ms; "
                              "longest GUI task %4 ms\n")
                   .arg(label)
                   .arg(interactive, 0, 'f', 0)
                   .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 0)
                   .arg(monitor.longest(), 0, 'f', 0);
        out.flush();
        return true;
    };
    if (!open(first, QStringLiteral("File > Open")))
        return 1;

    // Edits through the window's own table model, as typing into a cell does.
    ServiceTableModel *model = nullptr;
    auto *proxy = qobject_cast<QAbstractProxyModel *>(window.servicesView()->tableView()->model());
    while (proxy && !model) {
        model = qobject_cast<ServiceTableModel *>(proxy->sourceModel());
        proxy = qobject_cast<QAbstractProxyModel *>(proxy->sourceModel());
    }
    if (!model) {
        out << "no services model\n";
        return 1;
    }
    QRandomGenerator random(7);
    QList<double> setData, untilIdle;
    monitor.reset();
    for (int i = 0; i < edits; ++i) {
        const int row = random.bounded(model->rowCount());
        const QModelIndex cell = model->index(row, ServiceTableModel::ActualPortColumn);
        const int port = 20000 + random.bounded(ranges * 100);
        QElapsedTimer timer;
        timer.start();
        model->setData(cell, port);
        const double direct = timer.nsecsElapsed() / 1e6;
        monitor.addTask(direct);
        setData.append(direct);
        waitUntilIdle(window, monitor);
        untilIdle.append(timer.nsecsElapsed() / 1e6);
    }
    out << QStringLiteral("%1 table edits: the edit itself %2; until idle (Moves recomputed) %3; "
                          "longest GUI task %4 ms\n")
               .arg(edits)
               .arg(stats(setData), stats(untilIdle))
               .arg(monitor.longest(), 0, 'f', 1);

    QList<double> undos, undosIdle;
    monitor.reset();
    for (int i = 0; i < edits && window.document()->undoStack()->canUndo(); ++i) {
        QElapsedTimer timer;
        timer.start();
        window.document()->undoStack()->undo();
        const double direct = timer.nsecsElapsed() / 1e6;
        monitor.addTask(direct);
        undos.append(direct);
        waitUntilIdle(window, monitor);
        undosIdle.append(timer.nsecsElapsed() / 1e6);
    }
    out << QStringLiteral("%1 undos: the undo itself %2; until idle %3; longest GUI task %4 ms\n")
               .arg(undos.size())
               .arg(stats(undos), stats(undosIdle))
               .arg(monitor.longest(), 0, 'f', 1);

    // A click on a column header sorts the table by it: by name (text as
    // people read it), by host, by actual port, and back to planned port.
    {
        QTableView *table = window.servicesView()->tableView();
        const QList<std::pair<int, QString>> columns = {
            {ServiceTableModel::NameColumn, QStringLiteral("name")},
            {ServiceTableModel::HostColumn, QStringLiteral("host")},
            {ServiceTableModel::ActualPortColumn, QStringLiteral("actual port")},
            {ServiceTableModel::PlannedPortColumn, QStringLiteral("planned port")},
        };
        QStringList figures;
        monitor.reset();
        for (const auto &[column, label] : columns) {
            QElapsedTimer timer;
            timer.start();
            table->sortByColumn(column, Qt::AscendingOrder);
            monitor.addTask(timer.nsecsElapsed() / 1e6);
            waitUntilIdle(window, monitor);
            figures.append(QStringLiteral("%1 %2 ms").arg(label).arg(timer.nsecsElapsed() / 1e6, 0, 'f', 0));
        }
        out << QStringLiteral("Sort by a header click, until idle: %1; longest GUI task %2 ms\n")
                   .arg(figures.join(QStringLiteral(", ")))
                   .arg(monitor.longest(), 0, 'f', 1);

        // The filter field: a word most rows lack, two words, then cleared.
        figures.clear();
        monitor.reset();
        for (const QString &text : {QStringLiteral("service-12"), QStringLiteral("host 7"), QString()}) {
            QElapsedTimer timer;
            timer.start();
            window.servicesView()->filterEdit()->setText(text);
            monitor.addTask(timer.nsecsElapsed() / 1e6);
            waitUntilIdle(window, monitor);
            figures.append(QStringLiteral("\"%1\" %2 ms (%3 rows)")
                               .arg(text)
                               .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 0)
                               .arg(table->model()->rowCount()));
        }
        out << QStringLiteral("Filter typed, until idle: %1; longest GUI task %2 ms\n")
                   .arg(figures.join(QStringLiteral(", ")))
                   .arg(monitor.longest(), 0, 'f', 1);
    }

    // Edit > Duplicate of --duplicate N services (1,000; 0 for none), and its
    // undo: the copies go in as one block of rows, are selected, and the
    // selection reaches the grid.
    if (duplicates != 0) {
        const int count = std::min(duplicates, services);
        QStringList ids;
        ids.reserve(count);
        for (int row = 0; row < count; ++row)
            ids.append(window.document()->service(row).id);
        QList<double> direct, idle, undoDirect, undoIdle;
        for (int i = 0; i < duplicateRuns; ++i) {
            window.servicesView()->selectServices(ids);
            waitUntilIdle(window, monitor);
            monitor.reset();
            QElapsedTimer timer;
            timer.start();
            window.duplicateSelected();
            direct.append(timer.nsecsElapsed() / 1e6);
            monitor.addTask(direct.last());
            waitUntilIdle(window, monitor);
            idle.append(timer.nsecsElapsed() / 1e6);
            if (window.document()->serviceCount() != services + count) {
                out << "Duplicate did not add " << count << " services\n";
                return 1;
            }
            timer.restart();
            window.document()->undoStack()->undo();
            undoDirect.append(timer.nsecsElapsed() / 1e6);
            waitUntilIdle(window, monitor);
            undoIdle.append(timer.nsecsElapsed() / 1e6);
        }
        out << QStringLiteral("Edit > Duplicate of %1 services: the command %2; until idle %3; longest GUI task %4 ms\n"
                              "  its undo: %5; until idle %6\n")
                   .arg(count)
                   .arg(stats(direct), stats(idle))
                   .arg(monitor.longest(), 0, 'f', 1)
                   .arg(stats(undoDirect), stats(undoIdle));
    }

    // Edit > Delete of --delete N services scattered over the plan (every
    // k-th row, as a filter's matches lie; 1,000; 0 for none), and its undo.
    if (deletes != 0) {
        const int count = std::min(deletes, services);
        const int every = services / count;
        QStringList ids;
        ids.reserve(count);
        for (int row = every / 2; ids.size() < count; row += every)
            ids.append(window.document()->service(row).id);
        QList<double> direct, idle, undoDirect, undoIdle;
        monitor.reset();
        for (int i = 0; i < duplicateRuns; ++i) {
            window.servicesView()->selectServices(ids);
            waitUntilIdle(window, monitor);
            QElapsedTimer timer;
            timer.start();
            window.deleteSelected();
            direct.append(timer.nsecsElapsed() / 1e6);
            monitor.addTask(direct.last());
            waitUntilIdle(window, monitor);
            idle.append(timer.nsecsElapsed() / 1e6);
            if (window.document()->serviceCount() != services - count) {
                out << "Delete did not remove " << count << " services\n";
                return 1;
            }
            timer.restart();
            window.document()->undoStack()->undo();
            undoDirect.append(timer.nsecsElapsed() / 1e6);
            monitor.addTask(undoDirect.last());
            waitUntilIdle(window, monitor);
            undoIdle.append(timer.nsecsElapsed() / 1e6);
        }
        out << QStringLiteral("Edit > Delete of %1 scattered services (every %2th row): the command %3; until idle %4; "
                              "longest GUI task %5 ms\n  its undo: %6; until idle %7\n")
                   .arg(count)
                   .arg(every)
                   .arg(stats(direct), stats(idle))
                   .arg(monitor.longest(), 0, 'f', 1)
                   .arg(stats(undoDirect), stats(undoIdle));
    }

    // An edit makes the document modified, so that save and autosave write
    // (an empty plan is written as it is).
    const auto editFirstService = [model](int port) {
        if (model->rowCount() > 0)
            model->setData(model->index(0, ServiceTableModel::ActualPortColumn), port);
    };
    editFirstService(20001);
    waitUntilIdle(window, monitor);
    QList<double> saves;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        window.save();
        saves.append(timer.nsecsElapsed() / 1e6);
        editFirstService(20002 + i);
        waitUntilIdle(window, monitor);
    }
    out << QStringLiteral("File > Save until written (serialized and written on a worker while the window waits): %1\n").arg(stats(saves));

    QList<double> autosaveGui, autosaveTotal;
    for (int i = 0; i < 3; ++i) {
        editFirstService(20010 + i);
        waitUntilIdle(window, monitor);
        QElapsedTimer timer;
        timer.start();
        window.autoSaver()->saveInBackground();
        autosaveGui.append(timer.nsecsElapsed() / 1e6);
        window.autoSaver()->waitForWriting();
        autosaveTotal.append(timer.nsecsElapsed() / 1e6);
        waitUntilIdle(window, monitor);
    }
    out << QStringLiteral("autosave: GUI thread %1; written by the worker after %2\n")
               .arg(stats(autosaveGui), stats(autosaveTotal));

    // Moves > Execute of one drift move, as its row button does: the GUI
    // thread's share, then until the panel has recomputed.
    {
        QList<double> direct, idle;
        for (int i = 0; i < 3 && !window.moveReview()->moves().isEmpty(); ++i) {
            const Move move = window.moveReview()->moves().constFirst();
            monitor.reset();
            QElapsedTimer timer;
            timer.start();
            window.moveReview()->execute({move});
            direct.append(timer.nsecsElapsed() / 1e6);
            monitor.addTask(direct.constLast());
            waitUntilIdle(window, monitor);
            idle.append(timer.nsecsElapsed() / 1e6);
        }
        out << QStringLiteral("Moves > Execute of one move: the command %1; until idle (Moves recomputed) %2; "
                              "longest GUI task %3 ms\n")
                   .arg(stats(direct), stats(idle))
                   .arg(monitor.longest(), 0, 'f', 1);
        out.flush();
    }

    // File > Export: the dialog opens on its first format with a preview,
    // then each format is picked in turn (the preview and the bytes Save
    // writes are made on a worker; the figure runs until they are shown).
    {
        monitor.reset();
        QElapsedTimer timer;
        timer.start();
        ExportDialog dialog(window.document()->schema(), window.document()->fileName(), &window);
        dialog.setBaseDir(QFileInfo(window.document()->fileName()).absolutePath()); // as File > Export does
        dialog.show();
        const double shown = timer.nsecsElapsed() / 1e6;
        monitor.addTask(shown);
        const auto waitForExport = [&] {
            while (dialog.isWriting()) {
                QElapsedTimer pass;
                pass.start();
                QCoreApplication::processEvents(QEventLoop::AllEvents);
                monitor.addTask(pass.nsecsElapsed() / 1e6);
                QThread::msleep(1);
            }
            waitUntilIdle(window, monitor);
        };
        waitForExport();
        out << QStringLiteral("File > Export: dialog shown after %1 ms, preview of %2 after %3 ms\n")
                   .arg(shown, 0, 'f', 0)
                   .arg(dialog.findChild<QComboBox *>(QStringLiteral("format"))->currentText())
                   .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 0);
        auto *formats = dialog.findChild<QComboBox *>(QStringLiteral("format"));
        for (int i = 1; i < formats->count(); ++i) {
            timer.restart();
            formats->setCurrentIndex(i);
            const double picked = timer.nsecsElapsed() / 1e6;
            monitor.addTask(picked);
            waitForExport();
            out << QStringLiteral("  %1 picked: back to the user after %2 ms, preview after %3 ms\n")
                       .arg(formats->currentText())
                       .arg(picked, 0, 'f', 0)
                       .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 0);
        }
        out << QStringLiteral("  longest GUI task %1 ms\n").arg(monitor.longest(), 0, 'f', 0);
        out.flush();
    }

    window.document()->undoStack()->setClean(); // no "save changes?" question
    open(second, QStringLiteral("File > Open of a second plan"));
    return 0;
}
