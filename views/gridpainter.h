#pragma once

#include "gridcontent.h"
#include "gridlayout.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QPalette>

#include <functional>

class QPainter;

namespace Portolan {

class FindingLookup;

enum class GridColouring { ByHost, ByStatus };

// Colours and fonts of the grid, derived from a palette so that dark and
// high-contrast themes work; tints are blended into the palette's base colour.
struct GridStyle
{
    QPalette palette;
    QFont font;
    GridColouring colouring = GridColouring::ByHost;
    bool interactive = true; // headers offer "Next free"; a picture has nothing to click
};

// What only the interactive widget has; the export paints without it.
struct GridPaintState
{
    std::function<bool(int row)> isSelected;
    GridCell cursor;
    bool focused = false;
    GridCell hover;
    GridCell dropTarget;
    // The last reality check: a ProbeState as int for a service, -1 unknown.
    std::function<int(const QString &serviceId)> liveState;
};

// Paints the range grid onto any QPainter: the widget's viewport, a PNG image
// or an SVG generator share this code. Coordinates are the layout's.
class GridPainter
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::GridPainter)

public:
    GridPainter(const Schema &schema, const GridLayout &layout, const GridContent &content,
                const FindingLookup *findings, const GridStyle &style);

    // Metrics for a font at a zoom factor; nameWidth widens cells so that
    // names of that width fit (the export passes its longest name).
    static GridMetrics metricsFor(const QFont &font, qreal zoom, int nameWidth = 0);
    static int legendHeight(const QFont &font);
    // The longest service name in pixels, for metricsFor().
    static int longestNameWidth(const Schema &schema, const QFont &font);

    void paint(QPainter *painter, const QRect &exposed, const GridPaintState &state = {}) const;

    QString headerText(int block) const;
    QString layerTitle() const;
    // The entries of the legend's second line as painted, a "+N more" included.
    QStringList legendTexts() const;
    static QString nextFreeText();
    // The clickable "Next free" part of a block header.
    QRect nextFreeRect(int block) const;

    QColor fillFor(const Service &service) const;
    QColor hostColour(const QString &hostId) const;
    QColor statusColour(ServiceStatus status) const;
    QColor severityColour(Severity severity) const;
    // A shape per severity, so it never rests on colour alone.
    static void paintSeverityIcon(QPainter *painter, const QRectF &rect, Severity severity, const QColor &colour);
    // The reality-check badge: ✓ answered, ✗ did not, – not probed; a glyph
    // each, so that it never rests on colour alone.
    // Colour by status: a shape per status, so that it never rests on colour alone.
    static void paintStatusMark(QPainter *painter, const QRectF &rect, ServiceStatus status, const QColor &colour);
    static void paintLiveBadge(QPainter *painter, const QRectF &rect, int probeState);

private:
    void paintLegend(QPainter *painter, QStringList *shown = nullptr) const;
    void paintHeader(QPainter *painter, int block) const;
    void paintCell(QPainter *painter, const GridCell &cell, const GridPaintState &state) const;
    void paintHatch(QPainter *painter, const QRect &rect) const;

    const Schema &mSchema;
    const GridLayout &mLayout;
    const GridContent &mContent;
    const FindingLookup *mFindings;
    GridStyle mStyle;
    QFont mPortFont;
    QFont mTitleFont;
    QColor mBase;
    QColor mText;
    QColor mDimText;
    QColor mLine;
    QColor mFreeLine;
};

} // namespace Portolan
