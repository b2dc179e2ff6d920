#pragma once

#include "finding.h"
#include "jsonformat.h"
#include "schema.h"

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
inline bool runTool(const QString &program, const QStringList &arguments, const QString &workDir, QString *output)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        *output = QStringLiteral("%1 is not installed").arg(program);
        return false;
    }
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(path, arguments);
    if (!process.waitForFinished(50000)) {
        process.kill();
        *output = QStringLiteral("%1 did not finish").arg(program);
        return false;
    }
    *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace Portolan::Test
