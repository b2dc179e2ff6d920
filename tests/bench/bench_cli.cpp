// Times the command line as a user pays for it: whole `portolan` processes
// on generated plans of growing size, so that growth shows. Not a test: run
// it by hand, ideally from a release build:
//
//   bench_cli [--runs N] [--sizes 1000,10000,100000] [--one-job 20000] [--portolan PATH] [--keep DIR]
//
// Each figure is the median (and min / max) of N runs (default 5) of the
// wall time and the CPU time (user + system) of the child process. A run
// whose exit code is not the expected one makes the figure "failed": a
// command that did not do the work is not timed.
#include "fleet.h"

#include "jsonformat.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>

using namespace Portolan;

namespace {

struct Figures
{
    QList<double> wall; // ms
    QList<double> cpu;  // ms
    QString failure;
};

double cpuOfChildrenMs()
{
    struct rusage usage;
    getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

Figures run(const QString &program, const QStringList &arguments, QList<int> okExitCodes, int runs)
{
    Figures figures;
    for (int i = 0; i < runs + 1; ++i) { // the first run warms the file cache and is not counted
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.setStandardOutputFile(QProcess::nullDevice());
        const double cpuBefore = cpuOfChildrenMs();
        QElapsedTimer timer;
        timer.start();
        process.start(program, arguments);
        if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit) {
            figures.failure = QStringLiteral("did not finish");
            return figures;
        }
        const double wall = timer.nsecsElapsed() / 1e6;
        const double cpu = cpuOfChildrenMs() - cpuBefore;
        if (!okExitCodes.contains(process.exitCode())) {
            figures.failure = QStringLiteral("exit %1: %2")
                                  .arg(process.exitCode())
                                  .arg(QString::fromUtf8(process.readAllStandardError()).left(200).trimmed());
            return figures;
        }
        if (i > 0) {
            figures.wall.append(wall);
            figures.cpu.append(cpu);
        }
    }
    return figures;
}

QString stats(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return QStringLiteral("%1 / %2 / %3")
        .arg(values.first(), 0, 'f', 0)
        .arg(values.at(values.size() / 2), 0, 'f', 0)
        .arg(values.last(), 0, 'f', 0);
}

bool write(const QString &fileName, const Schema &schema)
{
    QFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(JsonFormat::serialize(schema)) >= 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QStringList args = app.arguments();
    int runs = 5;
    QList<int> sizes{1000, 10000, 100000};
    int oneJobServices = 20000;
    QString portolan = QStringLiteral(PORTOLAN_BINARY);
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--runs"))
            runs = qMax(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--one-job"))
            oneJobServices = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--portolan"))
            portolan = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--sizes")) {
            sizes.clear();
            for (const QString &s : args.at(i + 1).split(QLatin1Char(',')))
                sizes.append(s.toInt());
        }
    }

    QTemporaryDir dir;
    // --keep DIR: write the generated plans there and keep them (for profiling).
    const qsizetype keep = args.indexOf(QStringLiteral("--keep"));
    if (keep > 0 && keep + 1 < args.size()) {
        dir.setAutoRemove(false);
        QDir().mkpath(args.at(keep + 1));
    }
    const QString root = keep > 0 && keep + 1 < args.size() ? args.at(keep + 1) : dir.path();
    const auto path = [&root](const QString &name) { return QDir(root).filePath(name); };
    out << QStringLiteral("portolan: %1; %2 runs each after one warm-up; wall and CPU ms as min / median / max\n")
               .arg(portolan)
               .arg(runs);
    out << QStringLiteral("%1  %2  %3  %4\n")
               .arg(QStringLiteral("command"), -44)
               .arg(QStringLiteral("services"), 8)
               .arg(QStringLiteral("wall"), -22)
               .arg(QStringLiteral("cpu"));
    const auto report = [&](const QString &name, int services, const Figures &f) {
        out << QStringLiteral("%1  %2  ").arg(name, -44).arg(services, 8);
        if (!f.failure.isEmpty())
            out << QStringLiteral("failed: %1\n").arg(f.failure);
        else
            out << QStringLiteral("%1  %2\n").arg(stats(f.wall), -22).arg(stats(f.cpu));
        out.flush();
    };

    for (const int services : std::as_const(sizes)) {
        const int hosts = qMax(1, services / 100);
        const Schema schema = generateFleet(services, hosts, 200, true);
        const QString plan = path(QStringLiteral("plan-%1.portolan.json").arg(services));
        // The same plan with 1 % of the services moved, for diff.
        Schema changed = schema;
        for (qsizetype i = 0; i < changed.services.size(); i += 100)
            changed.services[i].plannedPort += 1;
        const QString plan2 = path(QStringLiteral("changed-%1.portolan.json").arg(services));
        if (!write(plan, schema) || !write(plan2, changed)) {
            out << "cannot write the generated plans\n";
            return 2;
        }
        const QString md = path(QStringLiteral("plan-%1.md").arg(services));
        report(QStringLiteral("check --format json"), services,
               run(portolan, {QStringLiteral("check"), plan, QStringLiteral("--format"), QStringLiteral("json")},
                   {0, 1}, runs));
        report(QStringLiteral("export --to markdown"), services,
               run(portolan, {QStringLiteral("export"), plan, QStringLiteral("--to"), QStringLiteral("markdown"),
                              QStringLiteral("-o"), md},
                   {0}, runs));
        report(QStringLiteral("export --to prometheus --host host-0"), services,
               run(portolan, {QStringLiteral("export"), plan, QStringLiteral("--to"), QStringLiteral("prometheus"),
                              QStringLiteral("--host"), QStringLiteral("host-0"), QStringLiteral("-o"),
                              path(QStringLiteral("p.yml"))},
                   {0}, runs));
        report(QStringLiteral("export --to file-sd"), services,
               run(portolan, {QStringLiteral("export"), plan, QStringLiteral("--to"), QStringLiteral("file-sd"),
                              QStringLiteral("-o"), path(QStringLiteral("sd.json"))},
                   {0}, runs));
        report(QStringLiteral("diff A B (1 % changed)"), services,
               run(portolan, {QStringLiteral("diff"), plan, plan2}, {0, 1}, runs));
        report(QStringLiteral("import the exported Markdown"), services,
               run(portolan, {QStringLiteral("import"), md, QStringLiteral("--from"), QStringLiteral("markdown"),
                              QStringLiteral("-o"), path(QStringLiteral("imported.portolan.json"))},
                   {0}, runs));
    }

    // One job of 20,000 targets on one host: job names must not be made
    // unique by probing.
    Schema oneJob = generateFleet(oneJobServices, 1, 200, true);
    for (Service &s : oneJob.services) {
        s.metrics.enabled = true;
        s.metrics.job = QStringLiteral("app");
        s.metrics.path = QStringLiteral("/metrics");
    }
    const QString oneJobPlan = path(QStringLiteral("one-job.portolan.json"));
    write(oneJobPlan, oneJob);
    report(QStringLiteral("export --to prometheus, one job on one host"), oneJobServices,
           run(portolan, {QStringLiteral("export"), oneJobPlan, QStringLiteral("--to"), QStringLiteral("prometheus"),
                          QStringLiteral("--host"), QStringLiteral("host-0"), QStringLiteral("-o"),
                          path(QStringLiteral("one.yml"))},
               {0}, runs));
    return 0;
}
