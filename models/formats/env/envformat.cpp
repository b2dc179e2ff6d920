#include "envformat.h"

#include "importmerge.h"

#include <QCoreApplication>
#include <QSet>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::EnvFormat)
};
} // namespace

EnvFormat::EnvFormat()
    : Format({"env", "Portolan::EnvFormat", QT_TRANSLATE_NOOP("Portolan::EnvFormat", "Environment file"),
              QT_TRANSLATE_NOOP("Portolan::EnvFormat", "Environment files (*.env)"),
              FormatCapability::Write})
{
}

QString EnvFormat::variableStem(const QString &name)
{
    QString stem;
    bool underscore = false;
    for (const QChar c : name) {
        if (c.unicode() < 128 && c.isLetterOrNumber()) {
            if (underscore && !stem.isEmpty())
                stem += QLatin1Char('_');
            stem += c.toUpper();
            underscore = false;
        } else {
            underscore = true;
        }
    }
    if (stem.isEmpty())
        stem = QStringLiteral("SERVICE");
    if (stem.at(0).isDigit())
        stem.prepend(QLatin1Char('_'));
    return stem;
}

std::optional<QByteArray> EnvFormat::write(const Schema &schema, const FormatOptions &options, QString *error) const
{
    const bool useActual = options.extra.value(QStringLiteral("ports")).toString() == QLatin1String("actual");
    QString out = QStringLiteral("# %1\n").arg(
        options.hostId.isEmpty() ? Tr::tr("Ports from the Portolan schema \"%1\".").arg(schema.title)
                                 : Tr::tr("Ports of host %1 from the Portolan schema \"%2\".").arg(options.hostId, schema.title));
    QSet<QString> used;
    const QList<const Service *> services = servicesForHost(schema, options.hostId);
    WriteSteps steps(options.progress, services.size());
    for (const Service *s : services) {
        if (!steps.next(error))
            return std::nullopt;
        const int port = exportPort(*s, useActual);
        if (port <= 0)
            continue;
        const QString stem = variableStem(s->name);
        QString name = stem + QStringLiteral("_PORT");
        // Collisions: the same name on two hosts gets the host, then a number.
        if (used.contains(name)) {
            const QString host = s->plannedHostId.isEmpty() ? s->hostId : s->plannedHostId;
            if (!host.isEmpty())
                name = stem + QLatin1Char('_') + variableStem(host) + QStringLiteral("_PORT");
        }
        for (int n = 2; used.contains(name); ++n)
            name = QStringLiteral("%1_%2_PORT").arg(stem).arg(n);
        used.insert(name);
        out += QStringLiteral("%1=%2\n").arg(name).arg(port);
    }
    return out.toUtf8();
}

} // namespace Portolan
