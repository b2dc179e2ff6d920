#include "servicemimedata.h"

#include "jsonformat.h"

#include <QCoreApplication>
#include <QMimeData>

namespace Portolan {

// The same translation context as the other edits of services.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::Editing)
};
} // namespace

static QString tsvCell(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

QMimeData *servicesToMimeData(const Schema &schema, const QStringList &serviceIds)
{
    QList<Service> services;
    for (const QString &id : serviceIds) {
        if (const Service *s = schema.service(id))
            services.append(*s);
    }
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(ServicesMimeType), servicesToJson(services));
    QStringList lines{QStringList{Tr::tr("Name"), Tr::tr("Host"), Tr::tr("Planned port"), Tr::tr("Actual port"), Tr::tr("Protocol"),
                                  Tr::tr("Status"), Tr::tr("Description")}
                          .join(QLatin1Char('\t'))};
    for (const Service &s : services) {
        const Host *h = schema.host(s.hostId);
        lines.append(QStringList{tsvCell(s.name), tsvCell(h ? h->name : s.hostId),
                                 s.plannedPort ? QString::number(s.plannedPort) : QString(),
                                 s.actualPort ? QString::number(s.actualPort) : QString(), protocolToString(s.protocol),
                                 statusToString(s.status), tsvCell(s.description)}
                         .join(QLatin1Char('\t')));
    }
    mime->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    return mime;
}

QList<Service> servicesFromMimeData(const QMimeData *mime)
{
    if (!mime)
        return {};
    QByteArray data = mime->data(QString::fromLatin1(ServicesMimeType));
    // Portolan JSON pasted from a text editor works as well.
    if (data.isEmpty() && mime->hasText() && mime->text().trimmed().startsWith(QLatin1Char('{')))
        data = mime->text().toUtf8();
    if (data.isEmpty())
        return {};
    ParseError error;
    return servicesFromJson(data, &error).value_or(QList<Service>());
}

} // namespace Portolan
