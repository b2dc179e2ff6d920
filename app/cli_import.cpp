#include "commandline.h"

#include <QCoreApplication>

namespace Portolan {

int runImport(CommandContext &context)
{
    context.err << QCoreApplication::translate("Portolan::CommandLine", "portolan %1: not available in this version")
                       .arg(QStringLiteral("import"))
                << Qt::endl;
    return 2;
}

} // namespace Portolan
