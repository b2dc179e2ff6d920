#pragma once

#include "servicetablemodel.h"
#include "whatif.h"

namespace Portolan {

class Analyzer;

// The services model of the draft document: a finding the drafts introduce
// is highlighted, and a moved position shows where the service was.
class WhatIfServiceModel : public ServiceTableModel
{
    Q_OBJECT

public:
    enum Role {
        GhostRole = Qt::UserRole + 100, // the real (old) value of a changed position cell
        NewFindingsRole,                // QStringList: findings the drafts introduce
    };

    WhatIfServiceModel(WhatIfSession *session, Analyzer *draftAnalyzer, Analyzer *realAnalyzer,
                       QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QStringList newFindings(const QString &serviceId) const;
    void refreshServices(const QStringList &serviceIds);

    WhatIfSession *mSession;
    Analyzer *mRealAnalyzer;
};

} // namespace Portolan
