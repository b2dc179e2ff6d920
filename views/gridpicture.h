#pragma once

#include "formatregistry.h"
#include "gridpainter.h"

#include <QCoreApplication>

namespace Portolan {

class FindingLookup;

struct GridPictureOptions
{
    QString hostId; // empty: the plan layer
    GridColouring colouring = GridColouring::ByHost;
    QFont font;
    // A picture goes into documents: a light palette, not the desktop's.
    QPalette palette = documentPalette();

    static QPalette documentPalette();
};

// Renders the whole grid of a schema as "png" or "svg" bytes, with the same
// GridPainter as the widget. Cells are widened so that every name fits.
std::optional<QByteArray> renderGridPicture(const Schema &schema, const QString &format,
                                            const GridPictureOptions &options, const FindingLookup *findings,
                                            QString *error);

// The grid picture as a writable format of the registry, so `portolan export
// --to png|svg` and the GUI list it like every other format. Options:
// --host ID for a host layer, --set colour=status to colour by status.
class GridPictureFormat : public Format
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::GridPictureFormat)

public:
    enum Kind { Png, Svg };
    explicit GridPictureFormat(Kind kind);
    std::optional<QByteArray> write(const Schema &schema, const FormatOptions &options, QString *error) const override;
};

// Adds "png" and "svg" to FormatRegistry once; the views layer owns them
// because models must not paint.
void registerGridPictureFormats();

} // namespace Portolan
