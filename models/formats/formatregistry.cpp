#include "formatregistry.h"

#include "composeformat.h"
#include "envformat.h"
#include "jsonformat.h"
#include "markdownformat.h"
#include "prometheusformat.h"

namespace Portolan {

FormatRegistry::FormatRegistry()
{
    add(std::make_unique<JsonFormat>());
    add(std::make_unique<MarkdownFormat>());
    add(std::make_unique<ComposeFormat>());
    add(std::make_unique<PrometheusFormat>());
    add(std::make_unique<FileSdFormat>());
    add(std::make_unique<EnvFormat>());
}

FormatRegistry &FormatRegistry::instance()
{
    static FormatRegistry registry;
    return registry;
}

void FormatRegistry::add(std::unique_ptr<Format> format)
{
    mFormats.push_back(std::move(format));
}

const Format *FormatRegistry::format(const QString &id) const
{
    for (const auto &f : mFormats) {
        if (f->id() == id)
            return f.get();
    }
    return nullptr;
}

QList<const Format *> FormatRegistry::formats() const
{
    QList<const Format *> result;
    for (const auto &f : mFormats)
        result.append(f.get());
    return result;
}

QList<const Format *> FormatRegistry::readers() const
{
    QList<const Format *> result;
    for (const auto &f : mFormats) {
        if (f->canRead())
            result.append(f.get());
    }
    return result;
}

QList<const Format *> FormatRegistry::writers() const
{
    QList<const Format *> result;
    for (const auto &f : mFormats) {
        if (f->canWrite())
            result.append(f.get());
    }
    return result;
}

} // namespace Portolan
