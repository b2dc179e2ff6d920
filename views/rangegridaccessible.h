#pragma once

namespace Portolan {

// Lets screen readers walk the grid's cells: the view reports each cell as a
// child with a name such as "3015 mana-media, error: host collision".
// Installs an accessibility factory once; safe to call repeatedly.
void installRangeGridAccessibility();

} // namespace Portolan
