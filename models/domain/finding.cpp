#include "finding.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Rules)
};
} // namespace

const QList<RuleInfo> &allRules()
{
    // Titles are translated once the application's translators are installed,
    // so the table is built on first use.
    static const QList<RuleInfo> rules = {
        {QStringLiteral("host-collision"), Severity::Error, Tr::tr("Two services on one host share a port")},
        {QStringLiteral("plan-collision"), Severity::Error, Tr::tr("Two services share a planned port")},
        {QStringLiteral("invalid-port"), Severity::Error, Tr::tr("Port outside 1-65535")},
        {QStringLiteral("duplicate-name"), Severity::Error, Tr::tr("Two services with one name on one host")},
        {QStringLiteral("broken-reference"), Severity::Error, Tr::tr("A reference points where nothing listens")},
        {QStringLiteral("metrics-port-mismatch"), Severity::Warning, Tr::tr("Scrape port is not the service's port")},
        {QStringLiteral("out-of-range"), Severity::Warning, Tr::tr("Port outside the service's range")},
        {QStringLiteral("unranged"), Severity::Warning, Tr::tr("Port in no range")},
        {QStringLiteral("range-overlap"), Severity::Warning, Tr::tr("Ranges overlap without being nested")},
        {QStringLiteral("reserved"), Severity::Warning, Tr::tr("Service on a reserved slot")},
        {QStringLiteral("drift"), Severity::Warning, Tr::tr("Reality differs from the plan")},
        {QStringLiteral("undocumented"), Severity::Warning, Tr::tr("Running but absent from the plan")},
        {QStringLiteral("latent-collision"), Severity::Info, Tr::tr("Would collide if moved or co-located")},
        {QStringLiteral("range-full"), Severity::Info, Tr::tr("Range nearly full")},
        {QStringLiteral("pairing-digits"), Severity::Info, Tr::tr("Frontend and backend don't share last digits")},
        {QStringLiteral("privileged-port"), Severity::Info, Tr::tr("Port below 1024")},
        {QStringLiteral("ephemeral-port"), Severity::Info, Tr::tr("Port in an ephemeral range")},
        // Found by a reality check on the network, not by the Analyzer.
        {QStringLiteral("unknown-listener"), Severity::Warning, Tr::tr("Something listens where the plan has no service")},
        {QStringLiteral("not-listening"), Severity::Warning, Tr::tr("Deployed service does not answer")},
        // Found by reading a host's linked sources.
        {QStringLiteral("source-error"), Severity::Error, Tr::tr("A linked source cannot be read")},
        {QStringLiteral("offline-discovery"), Severity::Info, Tr::tr("Scrape targets found by service discovery")},
    };
    return rules;
}

const RuleInfo *ruleInfo(const QString &id)
{
    for (const RuleInfo &r : allRules()) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QJsonObject findingToJson(const Finding &f)
{
    QJsonObject o;
    o.insert(QStringLiteral("rule"), f.rule);
    o.insert(QStringLiteral("severity"), severityToString(f.severity));
    o.insert(QStringLiteral("message"), f.message);
    o.insert(QStringLiteral("services"), QJsonArray::fromStringList(f.serviceIds));
    o.insert(QStringLiteral("hosts"), QJsonArray::fromStringList(f.hostIds));
    QJsonArray ports;
    for (int p : f.ports)
        ports.append(p);
    o.insert(QStringLiteral("ports"), ports);
    o.insert(QStringLiteral("file"), f.origin.isValid() ? QJsonValue(f.origin.file) : QJsonValue());
    o.insert(QStringLiteral("line"), f.origin.line > 0 ? QJsonValue(f.origin.line) : QJsonValue());
    return o;
}

void sortFindings(QList<Finding> &findings)
{
    std::sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.rule != b.rule)
            return a.rule < b.rule;
        const int pa = a.ports.isEmpty() ? 0 : a.ports.first();
        const int pb = b.ports.isEmpty() ? 0 : b.ports.first();
        if (pa != pb)
            return pa < pb;
        if (a.serviceIds != b.serviceIds)
            return a.serviceIds < b.serviceIds;
        return a.message < b.message;
    });
}

} // namespace Portolan
