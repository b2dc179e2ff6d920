// Linked sources at scale, timed as the user pays for them:
//  1. reading and applying every source of a fleet (HOSTS hosts × PROJECTS
//     compose projects × SERVICES services): what opening a plan or
//     `check` adds;
//  2. one linked file edited on disk in a plan of BIG services: from the
//     re-read until the live analyzer has the new findings (what the window
//     does on a file change, without the window's repaint).
// Prints min / median / max of the repeats.
//
//   bench_sources [--hosts 100] [--projects 3] [--services 50] [--big 100000] [--runs 7]

#include "analyzer.h"
#include "fleet.h"
#include "heap.h"
#include "linkedsources.h"
#include "realitysync.h"
#include "schemadocument.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Portolan;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
}

// One compose project per slice of a host's services, publishing their actual ports.
QByteArray composeOf(const QList<const Service *> &services)
{
    QByteArray text = "services:\n";
    for (const Service *s : services) {
        text += "  " + s->name.toUtf8() + ":\n    image: example/" + s->name.toUtf8() + "\n    ports:\n      - \""
            + QByteArray::number(s->actualPort) + ":" + QByteArray::number(s->actualPort) + "\"\n";
    }
    return text;
}

// Links PROJECTS compose projects of SERVICES services to each of the first HOSTS hosts.
Schema linkFleet(Schema schema, const QString &dir, int hosts, int projects, int perProject)
{
    QHash<QString, QList<const Service *>> byHost;
    for (const Service &s : schema.services)
        byHost[s.hostId].append(&s);
    for (int h = 0; h < hosts && h < schema.hosts.size(); ++h) {
        Host &host = schema.hosts[h];
        const QList<const Service *> services = byHost.value(host.id);
        for (int p = 0; p < projects; ++p) {
            const QList<const Service *> slice = services.mid(p * perProject, perProject);
            if (slice.isEmpty())
                break;
            RealitySource source;
            source.files = {QStringLiteral("%1/p%2/docker-compose.yml").arg(host.id).arg(p)};
            writeFile(QDir(dir).filePath(source.files.first()), composeOf(slice));
            host.sources.append(source);
        }
    }
    return schema;
}

void print(const char *what, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("%-58s min %8.2f ms  median %8.2f ms  max %8.2f ms  (%lld runs)\n", what, ms.first(),
                ms.at(ms.size() / 2), ms.last(), qlonglong(ms.size()));
}

} // namespace

int main(int argc, char *argv[])
{
    tuneHeapForLargeDocuments(); // as portolan's main() does
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption hostsOption(QStringLiteral("hosts"), QStringLiteral("Hosts with sources."), QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption projectsOption(QStringLiteral("projects"), QStringLiteral("Compose projects per host."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption servicesOption(QStringLiteral("services"), QStringLiteral("Services per project."), QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption bigOption(QStringLiteral("big"), QStringLiteral("Services of the plan for the edit."), QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Repeats."), QStringLiteral("N"), QStringLiteral("7"));
    parser.addOptions({hostsOption, projectsOption, servicesOption, bigOption, runsOption});
    parser.process(app);
    const int hosts = parser.value(hostsOption).toInt();
    const int projects = parser.value(projectsOption).toInt();
    const int perProject = parser.value(servicesOption).toInt();
    const int big = parser.value(bigOption).toInt();
    const int runs = qMax(1, parser.value(runsOption).toInt());

    QTemporaryDir dir;
    // 1. The whole fleet's sources.
    {
        const Schema plan = linkFleet(generateFleet(hosts * projects * perProject, hosts, 200), dir.path(), hosts,
                                      projects, perProject);
        QList<double> read, applied, diffed;
        qsizetype matched = 0;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer timer;
            timer.start();
            const QList<SourceReading> readings = readSources(plan, dir.path());
            read.append(timer.nsecsElapsed() / 1e6);
            const RealityApplied result = applyReadings(plan, readings);
            applied.append(timer.nsecsElapsed() / 1e6);
            QHash<QString, int> rows;
            for (int row = 0; row < plan.services.size(); ++row)
                rows.insert(plan.services.at(row).id, row);
            QElapsedTimer diffTimer;
            diffTimer.start();
            const RealityDiff diff = realityDiff(plan, readings, [&](const QString &id) { return rows.value(id, -1); });
            diffed.append(diffTimer.nsecsElapsed() / 1e6);
            matched = 0;
            for (const Service &s : result.schema.services)
                matched += s.origin.isValid() && !s.undocumented;
        }
        std::printf("fleet: %d hosts x %d projects x %d services = %d compose services; %lld plan services matched\n",
                    hosts, projects, perProject, hosts * projects * perProject, qlonglong(matched));
        print("read every source", read);
        print("read and apply every source", applied);
        print("  of which the difference to the plan", diffed);
    }

    // 2. One linked file edited, in a plan of `big` services.
    {
        const Schema plan = linkFleet(generateFleet(big, 1000, 200), dir.path() + QStringLiteral("/big"), 1, 1, perProject);
        SchemaDocument document(plan);
        document.setFileName(dir.path() + QStringLiteral("/big/plan.portolan.json"));
        Analyzer analyzer(&document);
        RealitySync sync(&document);
        sync.refresh();
        const RealitySource source = plan.hosts.first().sources.first();
        const QString file = dir.path() + QStringLiteral("/big/") + source.files.first();
        QFile in(file);
        in.open(QIODevice::ReadOnly);
        const QByteArray original = in.readAll();
        in.close();
        QList<double> edits;
        for (int r = 0; r < runs; ++r) {
            // Move the first service's published port by one, and back on the next run.
            const QByteArray pattern = original.mid(original.indexOf("      - \""), 20);
            QByteArray text = original;
            if (r % 2 == 0)
                text.replace(original.indexOf("      - \"") + 9, 1, "4");
            writeFile(file, text);
            QElapsedTimer timer;
            timer.start();
            sync.refreshHost(plan.hosts.first().id);
            edits.append(timer.nsecsElapsed() / 1e6);
            Q_UNUSED(pattern);
        }
        std::printf("plan of %d services on 1000 hosts; one linked compose file of %d services edited\n", big,
                    perProject);
        print("re-read the host's sources and re-analyse", edits);
        std::printf("findings now: %d\n", analyzer.findingCount());
    }
    return 0;
}
