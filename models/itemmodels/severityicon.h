#pragma once

#include "schema.h"

#include <QColor>
#include <QIcon>

namespace Portolan {

// Icons for findings. Each severity has its own shape and glyph (octagon with
// ×, triangle with !, circle with i), so colour is never the only signal.
QIcon severityIcon(Severity severity);
// A light background tint for rows and cells with findings.
QColor severityTint(Severity severity);
QColor severityColour(Severity severity);

} // namespace Portolan
