#pragma once

#include "finding.h"
#include "servicefield.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace Portolan {

class SchemaDocument;

// Computes every finding of a schema. One analyzer serves the GUI's live
// highlighting and the CLI's `check`. Attached to a document, it keeps indexes
// by (host, protocol, port), by planned port and per range, and re-evaluates
// only the buckets an edit touches; analyze() is the same rules run once.
class Analyzer : public QObject
{
    Q_OBJECT

public:
    // Live: follows every change of the document.
    explicit Analyzer(SchemaDocument *document, QObject *parent = nullptr);
    ~Analyzer() override;

    // One-shot full analysis, e.g. for `portolan check`.
    static QList<Finding> analyze(const Schema &schema);

    QList<Finding> findings() const; // unsorted
    int findingCount() const { return mFindingCount; }
    QList<Finding> findingsForService(const QString &serviceId) const;
    // The worst severity among the service's findings; false when it has none.
    bool worstSeverity(const QString &serviceId, Severity *severity) const;
    int count(Severity severity) const { return mCounts[int(severity)]; }

    // Recomputes everything from the document (done on load and import).
    void reanalyze();

signals:
    // After every change: what disappeared, what appeared, and which services'
    // findings changed, each once (so views repaint exactly those rows and
    // cells).
    void findingsChanged(const QList<Finding> &removed, const QList<Finding> &added,
                         const QStringList &affectedServiceIds);
    // Everything was computed anew (load, import, a change of hosts, ranges
    // or rule settings): views refresh all of their findings.
    void reanalyzed();

private:
    struct Private;
    explicit Analyzer(const Schema *schema);
    void onServiceFieldChanged(int row, ServiceField field);
    void onServiceReplaced(int row);
    void onServicesInserted(int first, int last);
    void onServicesAboutToBeRemoved(int first, int last);
    void onServicesRemoved(int first, int last);
    void commit(const QSet<quint64> &buckets);

    SchemaDocument *mDocument = nullptr;
    Private *d;
    QSet<quint64> mPendingRemoval;
    int mFindingCount = 0;
    int mCounts[3] = {0, 0, 0};
};

} // namespace Portolan
