#pragma once

#include "format.h"

#include <memory>
#include <vector>

namespace Portolan {

// Every format Portolan knows, for the GUI's menus and the command line.
class FormatRegistry
{
public:
    static FormatRegistry &instance();

    void add(std::unique_ptr<Format> format);
    const Format *format(const QString &id) const;
    QList<const Format *> readers() const;
    QList<const Format *> writers() const;
    QList<const Format *> formats() const;

private:
    FormatRegistry();
    std::vector<std::unique_ptr<Format>> mFormats;
};

} // namespace Portolan
