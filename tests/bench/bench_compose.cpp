// Times the compose import, merge and analysis of a generated file with many
// services, and dclint on the same file when it is installed.
//
//   bench_compose [SERVICES] [--no-dclint]     (default 5000 services, 2 mappings each)
//
// Prints the medians of five Portolan runs (read from disk, import, merge,
// analyze) and five dclint runs, alternating, and the ratio.

#include "analyzer.h"
#include "composeformat.h"
#include "importmerge.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Portolan;

static QByteArray generate(int services)
{
    QByteArray out = "x-common: &common\n  restart: always\n\nservices:\n";
    for (int i = 0; i < services; ++i) {
        const QByteArray name = "svc-" + QByteArray::number(i);
        const int port = 10000 + (i * 2) % 50000; // a few collisions when services > 25,000
        out += "  " + name + ":\n"
            "    <<: *common\n"
            "    image: \"nginx:1.25\"\n"
            "    container_name: \"mana-" + name + "\"\n"
            "    ports:\n"
            "      - \"" + QByteArray::number(port) + ":8080\"\n"
            "      - \"127.0.0.1:" + QByteArray::number(port + 1) + ":9090/udp\"\n"
            "    environment:\n"
            "      NEXT_URL: \"http://svc-" + QByteArray::number((i + 1) % services) + ":8080\"\n";
    }
    return out;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    int services = 5000;
    if (args.size() > 1 && args.at(1).toInt() > 0)
        services = args.at(1).toInt();
    const bool runDclint = !args.contains(QStringLiteral("--no-dclint"));

    const QByteArray data = generate(services);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("docker-compose.yml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return 2;
    file.write(data);
    file.close();
    out << "file: " << services << " services, " << services * 2 << " port mappings, " << data.size() / 1024
        << " KB" << Qt::endl;

    // The whole check: read the file from disk, import it as one host's
    // reality, analyze. Rounds alternate Portolan and dclint, so both meet
    // the same machine; medians of five.
    struct Run
    {
        double read = 0, merge = 0, analyze = 0;
        double total() const { return read + merge + analyze; }
    };
    qsizetype servicesOut = 0, referencesOut = 0, findingsOut = 0;
    auto runPortolan = [&](Run *run) {
        QElapsedTimer timer;
        timer.start();
        FormatOptions options;
        options.fileName = path;
        options.hostId = QStringLiteral("bench");
        options.extra.insert(QStringLiteral("environment"), QVariantMap());
        ParseError error;
        const ComposeFormat format;
        const std::optional<QByteArray> bytes = readFileBytes(path, &error, ComposeFormat::MaxFileSize);
        const auto fragment = bytes ? format.read(*bytes, options, &error) : std::nullopt;
        if (!fragment) {
            out << "import failed: " << error.toString() << Qt::endl;
            return false;
        }
        run->read = timer.nsecsElapsed() / 1e6;
        timer.restart();
        QStringList summary;
        QString mergeError;
        const auto merged = format.merge(Schema(), *fragment, options, &summary, &mergeError);
        if (!merged)
            return false;
        run->merge = timer.nsecsElapsed() / 1e6;
        timer.restart();
        const QList<Finding> findings = Analyzer::analyze(*merged);
        run->analyze = timer.nsecsElapsed() / 1e6;
        servicesOut = merged->services.size();
        referencesOut = merged->references.size();
        findingsOut = findings.size();
        return true;
    };

    const QString dclint = runDclint ? QStandardPaths::findExecutable(QStringLiteral("dclint")) : QString();
    int dclintExit = 0;
    auto runDclintOnce = [&] {
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        process.start(dclint, {path, QStringLiteral("--color"), QStringLiteral("false")});
        process.waitForFinished(600000);
        dclintExit = process.exitCode();
        return double(timer.elapsed());
    };

    QList<Run> runs;
    QList<double> dclintMs;
    for (int round = 0; round < 5; ++round) {
        Run run;
        if (!runPortolan(&run))
            return 1;
        runs.append(run);
        if (!dclint.isEmpty())
            dclintMs.append(runDclintOnce());
    }
    std::sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.total() < b.total(); });
    const Run median = runs.at(runs.size() / 2);
    out << "portolan (median of 5): read " << qRound(median.read) << " ms, merge " << qRound(median.merge)
        << " ms, analyze " << qRound(median.analyze) << " ms, total " << qRound(median.total()) << " ms ("
        << servicesOut << " services, " << referencesOut << " references, " << findingsOut << " findings)"
        << Qt::endl;
    if (!runDclint)
        return 0;
    if (dclint.isEmpty()) {
        out << "dclint: not installed (npm install -g dclint)" << Qt::endl;
        return 0;
    }
    std::sort(dclintMs.begin(), dclintMs.end());
    const double dclintMedian = dclintMs.at(dclintMs.size() / 2);
    out << "dclint (median of 5): " << qRound(dclintMedian) << " ms (exit code " << dclintExit << ")" << Qt::endl;
    out << "portolan is " << QString::number(dclintMedian / median.total(), 'f', 1) << "x faster" << Qt::endl;
    return 0;
}
