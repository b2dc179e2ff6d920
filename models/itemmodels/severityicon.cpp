#include "severityicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>

#include <cmath>

namespace Portolan {

QColor severityColour(Severity severity)
{
    switch (severity) {
    case Severity::Error: return QColor(0xc6, 0x28, 0x28);
    case Severity::Warning: return QColor(0xd9, 0x8a, 0x00);
    case Severity::Info: return QColor(0x1e, 0x66, 0xc8);
    }
    return {};
}

QColor severityTint(Severity severity)
{
    QColor c = severityColour(severity);
    c.setAlpha(severity == Severity::Info ? 28 : 46);
    return c;
}

static QPixmap paintIcon(Severity severity, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(0.5, 0.5, size - 1.0, size - 1.0);
    p.setPen(QPen(severityColour(severity).darker(130), qMax(1.0, size / 16.0)));
    p.setBrush(severityColour(severity));
    QString glyph;
    QRectF glyphRect = r;
    switch (severity) {
    case Severity::Error: {
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const double a = (22.5 + 45.0 * i) * M_PI / 180.0;
            octagon << r.center() + QPointF(std::cos(a), std::sin(a)) * (r.width() / 2);
        }
        p.drawPolygon(octagon);
        glyph = QStringLiteral("×");
        break;
    }
    case Severity::Warning: {
        QPolygonF triangle;
        triangle << QPointF(r.center().x(), r.top()) << r.bottomRight() << r.bottomLeft();
        p.drawPolygon(triangle);
        glyph = QStringLiteral("!");
        glyphRect.adjust(0, r.height() * 0.2, 0, 0);
        break;
    }
    case Severity::Info:
        p.drawEllipse(r);
        glyph = QStringLiteral("i");
        break;
    }
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(qMax(6, int(size * (severity == Severity::Warning ? 0.6 : 0.75))));
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(glyphRect, Qt::AlignCenter, glyph);
    return pixmap;
}

QIcon severityIcon(Severity severity)
{
    static QIcon icons[3];
    QIcon &icon = icons[int(severity)];
    if (icon.isNull()) {
        for (int size : {12, 16, 24, 32, 48})
            icon.addPixmap(paintIcon(severity, size));
    }
    return icon;
}

} // namespace Portolan
