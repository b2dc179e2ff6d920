#pragma once

#include "schema.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Portolan {

// One problem of a schema, as found by the Analyzer.
struct Finding
{
    QString rule; // stable rule id, e.g. host-collision
    Severity severity = Severity::Warning;
    QString message;
    QStringList serviceIds; // the services it concerns, so views highlight exactly them
    QStringList hostIds;
    QList<int> ports;
    SourceLocation origin; // when it came from a file
    // The analyzer's bucket that produced it; meaningful only within one
    // analyzer (ids of buckets differ between analyzers of the same schema).
    quint64 slot = 0;

    friend bool operator==(const Finding &, const Finding &) = default;
};

} // namespace Portolan
// A fleet's analysis makes them by the ten thousand: a list of them grows by
// moving memory (its members are Qt's implicitly shared values).
Q_DECLARE_TYPEINFO(Portolan::Finding, Q_RELOCATABLE_TYPE);
namespace Portolan {

struct RuleInfo
{
    QString id;
    Severity defaultSeverity;
    QString title; // translated
};

// Every rule of DESIGN.md's table, in its order.
const QList<RuleInfo> &allRules();
const RuleInfo *ruleInfo(const QString &id);

// The JSON object of DESIGN.md's `check --format json`:
// rule, severity, message, services, hosts, ports, file, line.
QJsonObject findingToJson(const Finding &finding);

// Sorted by severity (errors first), then rule, then first port and services:
// the order of `portolan check` and of the Problems list's default.
void sortFindings(QList<Finding> &findings);

} // namespace Portolan
