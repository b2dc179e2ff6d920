#pragma once

#include "analyzer.h"
#include "finding.h"
#include "texthash.h"

#include <QHash>

namespace Portolan {

// What the grid needs to know about findings. The live Analyzer answers it in
// the window; a fixed list answers it for exports and tests.
class FindingLookup
{
public:
    virtual ~FindingLookup() = default;
    virtual QList<Finding> findingsForService(const QString &serviceId) const = 0;
    // The worst severity among the service's findings; false when it has none.
    virtual bool worstSeverity(const QString &serviceId, Severity *severity) const = 0;
};

class FindingList : public FindingLookup
{
public:
    explicit FindingList(const QList<Finding> &findings = {}) { setFindings(findings); }

    void setFindings(const QList<Finding> &findings)
    {
        mByService.clear();
        for (const Finding &f : findings) {
            for (const QString &id : f.serviceIds)
                mByService[id].append(f);
        }
    }
    QList<Finding> findingsForService(const QString &serviceId) const override { return mByService.value(serviceId); }
    bool worstSeverity(const QString &serviceId, Severity *severity) const override
    {
        const auto it = mByService.constFind(serviceId);
        if (it == mByService.constEnd() || it->isEmpty())
            return false;
        Severity worst = Severity::Info;
        for (const Finding &f : *it)
            worst = qMax(worst, f.severity);
        *severity = worst;
        return true;
    }

private:
    TextHash<QList<Finding>> mByService;
};

// The live analyzer of a document.
class AnalyzerFindingLookup : public FindingLookup
{
public:
    explicit AnalyzerFindingLookup(const Analyzer *analyzer)
        : mAnalyzer(analyzer)
    {
    }
    QList<Finding> findingsForService(const QString &serviceId) const override
    {
        return mAnalyzer->findingsForService(serviceId);
    }
    bool worstSeverity(const QString &serviceId, Severity *severity) const override
    {
        return mAnalyzer->worstSeverity(serviceId, severity);
    }

private:
    const Analyzer *mAnalyzer;
};

} // namespace Portolan
