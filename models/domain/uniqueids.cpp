#include "uniqueids.h"

#include "schema.h"

namespace Portolan {

QString UniqueIds::takeStem(const QString &stem)
{
    QString id = stem;
    if (contains(id)) {
        int &next = mNext[stem];
        next = qMax(next, 2);
        do
            id = stem + QLatin1Char('-') + QString::number(next++);
        while (contains(id));
    }
    mUsed.insert(id);
    return id;
}

QString UniqueIds::take(const QString &base, const QString &fallback)
{
    const QString slug = slugify(base);
    return takeStem(slug.isEmpty() ? fallback : slug);
}

} // namespace Portolan
