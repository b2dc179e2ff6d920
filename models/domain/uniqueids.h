#pragma once

#include "texthash.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>

namespace Portolan {

// Ids (or names) made unique by a number: "grafana", "grafana-2", … Counting
// on from the last number given to a stem, instead of probing from 2 each
// time, keeps thousands of one name linear.
class UniqueIds
{
public:
    void reserve(qsizetype size) { mUsed.reserve(size); }
    void insert(const QString &id) { mUsed.insert(id); }
    bool contains(const QString &id) const { return mUsed.contains(id) || (mElsewhere && mElsewhere(id)); }
    // Ids taken outside the set given to insert(), asked for when needed
    // (a merge into part of a plan: the rest of the plan's ids).
    void setTakenElsewhere(std::function<bool(const QString &)> taken) { mElsewhere = std::move(taken); }

    // stem when it is free, else the first free of stem-2, stem-3, …; taken.
    QString takeStem(const QString &stem);
    // takeStem() of base's slug, or of fallback when base has none.
    QString take(const QString &base, const QString &fallback = QStringLiteral("service"));

private:
    TextSet mUsed;
    TextHash<int> mNext; // per stem: the number to try next
    std::function<bool(const QString &)> mElsewhere;
};

} // namespace Portolan
