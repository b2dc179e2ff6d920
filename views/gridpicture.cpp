#include "gridpicture.h"

#include "analyzer.h"
#include "findinglookup.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace Portolan {

QPalette GridPictureOptions::documentPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Link, QColor(0x1c, 0x5f, 0xb8));
    return palette;
}

std::optional<QByteArray> renderGridPicture(const Schema &schema, const QString &format,
                                            const GridPictureOptions &options, const FindingLookup *findings,
                                            QString *error)
{
    GridContent content;
    content.rebuild(schema, options.hostId);
    GridLayout layout;
    layout.setBlocks(GridLayout::blocksFor(schema.ranges, content.unrangedPorts(),
                                           GridPictureFormat::tr("Unranged")));
    layout.setMetrics(GridPainter::metricsFor(options.font, 1.0, GridPainter::longestNameWidth(schema, options.font)));
    GridStyle style;
    style.palette = options.palette;
    style.font = options.font;
    style.colouring = options.colouring;
    style.interactive = false;
    const GridPainter gridPainter(schema, layout, content, findings, style);
    const QSize size = layout.contentSize();
    const QRect all(QPoint(0, 0), size);

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (format == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(all);
        generator.setTitle(schema.title.isEmpty() ? GridPictureFormat::tr("Port grid") : schema.title);
        generator.setDescription(gridPainter.layerTitle());
        QPainter painter;
        if (!painter.begin(&generator)) {
            *error = GridPictureFormat::tr("Cannot start the SVG output.");
            return std::nullopt;
        }
        painter.fillRect(all, options.palette.color(QPalette::Base));
        gridPainter.paint(&painter, all);
        painter.end();
        return bytes;
    }
    // A raster image of a huge schema would not fit in memory; SVG scales.
    if (qint64(size.width()) * size.height() > 200'000'000LL) {
        *error = GridPictureFormat::tr("The grid is too large for a PNG (%1×%2 pixels); export SVG instead.")
                     .arg(size.width())
                     .arg(size.height());
        return std::nullopt;
    }
    QImage image(size, QImage::Format_RGB32);
    image.fill(options.palette.color(QPalette::Base));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::TextAntialiasing);
        gridPainter.paint(&painter, all);
    }
    if (!image.save(&buffer, "PNG")) {
        *error = GridPictureFormat::tr("Cannot encode the PNG image.");
        return std::nullopt;
    }
    return bytes;
}

static FormatIdentity pictureIdentity(GridPictureFormat::Kind kind)
{
    if (kind == GridPictureFormat::Svg)
        return {"svg", "Portolan::GridPictureFormat",
                QT_TRANSLATE_NOOP("Portolan::GridPictureFormat", "Range grid picture (SVG)"),
                QT_TRANSLATE_NOOP("Portolan::GridPictureFormat", "SVG image (*.svg)"), FormatCapability::Write};
    return {"png", "Portolan::GridPictureFormat",
            QT_TRANSLATE_NOOP("Portolan::GridPictureFormat", "Range grid picture (PNG)"),
            QT_TRANSLATE_NOOP("Portolan::GridPictureFormat", "PNG image (*.png)"), FormatCapability::Write};
}

GridPictureFormat::GridPictureFormat(Kind kind)
    : Format(pictureIdentity(kind))
{
}

std::optional<QByteArray> GridPictureFormat::write(const Schema &schema, const FormatOptions &options,
                                                   QString *error) const
{
    GridPictureOptions picture;
    picture.hostId = options.hostId;
    const QString colour = options.extra.value(QStringLiteral("colour")).toString();
    if (colour == QLatin1String("status"))
        picture.colouring = GridColouring::ByStatus;
    else if (!colour.isEmpty() && colour != QLatin1String("host")) {
        *error = tr("colour must be host or status, not \"%1\"").arg(colour);
        return std::nullopt;
    }
    picture.font = QGuiApplication::font();
    const FindingList findings(Analyzer::analyze(schema));
    return renderGridPicture(schema, id(), picture, &findings, error);
}

void registerGridPictureFormats()
{
    FormatRegistry &registry = FormatRegistry::instance();
    for (const GridPictureFormat::Kind kind : {GridPictureFormat::Png, GridPictureFormat::Svg}) {
        auto format = std::make_unique<GridPictureFormat>(kind);
        if (!registry.format(format->id()))
            registry.add(std::move(format));
    }
}

} // namespace Portolan
