#include "commandline.h"

#include <QCoreApplication>

namespace Portolan {

int runCheck(CommandContext &context)
{
    context.err << QCoreApplication::translate("Portolan::CommandLine", "portolan %1: not available in this version")
                       .arg(QStringLiteral("check"))
                << Qt::endl;
    return 2;
}

} // namespace Portolan
