#pragma once

#include "finding.h"
#include "jsonformat.h"
#include "schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <algorithm>

namespace Portolan::Test {

inline Service service(const QString &id, int planned, int actual = 0, const QString &host = {})
{
    Service s;
    s.id = id;
    s.name = id;
    s.plannedPort = planned;
    s.actualPort = actual;
    s.hostId = host;
    s.status = actual > 0 ? ServiceStatus::Deployed : ServiceStatus::Planned;
    return s;
}

// A service that runs (status deployed) where its actual port is not known yet:
// what a plan says before its linked sources are read.
inline Service deployed(const QString &id, int planned, const QString &host)
{
    Service s = service(id, planned, 0, host);
    s.status = ServiceStatus::Deployed;
    return s;
}

// A plan of one host whose linked sources are these compose files (paths
// relative to the plan), with the given services.
inline Schema hostWithCompose(const QString &hostId, const QStringList &files, const QList<Service> &services = {})
{
    Schema schema;
    Host host;
    host.id = hostId;
    host.name = hostId;
    for (const QString &f : files) {
        RealitySource source;
        source.files = {f};
        host.sources.append(source);
    }
    schema.hosts = {host};
    schema.services = services;
    return schema;
}

// Writes text to dir/name, making the folders on the way; false when it cannot.
inline bool writeTestFile(const QString &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir + QLatin1Char('/') + name;
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text) == text.size();
}

inline Schema twoHosts()
{
    Schema schema;
    schema.hosts = {Host{QStringLiteral("a"), QStringLiteral("Host A"), QStringLiteral("127.0.0.1"), {}, {}, {}},
                    Host{QStringLiteral("b"), QStringLiteral("Host B"), QStringLiteral("127.0.0.2"), {}, {}, {}}};
    PortRange r;
    r.id = QStringLiteral("core");
    r.first = 3000;
    r.last = 3099;
    r.title = QStringLiteral("Core");
    schema.ranges = {r};
    return schema;
}

// Findings compared across analyzers: the bucket numbers are private to each.
inline QStringList describe(QList<Finding> findings)
{
    QStringList lines;
    for (Finding &f : findings) {
        QStringList ports;
        for (int p : f.ports)
            ports.append(QString::number(p));
        lines.append(QStringLiteral("%1 %2 [%3] [%4] [%5] %6 %7")
                         .arg(severityToString(f.severity), f.rule, f.serviceIds.join(QLatin1Char(',')),
                              f.hostIds.join(QLatin1Char(',')), ports.join(QLatin1Char(',')), f.message,
                              f.origin.toString()));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

// Runs a real tool (promtool, docker-compose); a missing tool is a failure
// with a reason in *output, never a skip.
// With errors, standard output goes to *output and standard error to
// *errors; without, both go to *output.
inline bool runTool(const QString &program, const QStringList &arguments, const QString &workDir, QString *output,
                    QString *errors = nullptr)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        *output = QStringLiteral("%1 is not installed").arg(program);
        return false;
    }
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(errors ? QProcess::SeparateChannels : QProcess::MergedChannels);
    process.start(path, arguments);
    if (!process.waitForFinished(50000)) {
        process.kill();
        *output = QStringLiteral("%1 did not finish").arg(program);
        return false;
    }
    *output = QString::fromUtf8(process.readAllStandardOutput());
    if (errors)
        *errors = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace Portolan::Test
