// Times the compose import, merge and analysis of a generated file with many
// services, and dclint on the same file when it is installed.
//
//   bench_compose [SERVICES] [--no-dclint]     (default 5000 services, 2 mappings each)

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

    QElapsedTimer timer;
    timer.start();
    FormatOptions options;
    options.fileName = path;
    options.hostId = QStringLiteral("bench");
    options.extra.insert(QStringLiteral("environment"), QVariantMap());
    ParseError error;
    const ComposeFormat format;
    const auto fragment = format.read(data, options, &error);
    if (!fragment) {
        out << "import failed: " << error.toString() << Qt::endl;
        return 1;
    }
    const qint64 readMs = timer.restart();
    QStringList summary;
    QString mergeError;
    const auto merged = format.merge(Schema(), *fragment, options, &summary, &mergeError);
    if (!merged)
        return 1;
    const qint64 mergeMs = timer.restart();
    const QList<Finding> findings = Analyzer::analyze(*merged);
    const qint64 analyzeMs = timer.elapsed();
    out << "portolan: read " << readMs << " ms, merge " << mergeMs << " ms, analyze " << analyzeMs << " ms, total "
        << readMs + mergeMs + analyzeMs << " ms (" << merged->services.size() << " services, "
        << merged->references.size() << " references, " << findings.size() << " findings)" << Qt::endl;

    if (!runDclint)
        return 0;
    const QString dclint = QStandardPaths::findExecutable(QStringLiteral("dclint"));
    if (dclint.isEmpty()) {
        out << "dclint: not installed (npm install -g dclint)" << Qt::endl;
        return 0;
    }
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    timer.restart();
    process.start(dclint, {path, QStringLiteral("--color"), QStringLiteral("false")});
    process.waitForFinished(600000);
    out << "dclint: " << timer.elapsed() << " ms (exit code " << process.exitCode() << ")" << Qt::endl;
    return 0;
}
