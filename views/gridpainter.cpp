#include "gridpainter.h"

#include "observation.h"

#include "findinglookup.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPicture>
#include <QPainterPath>

#include <cmath>

namespace Portolan {

static QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

static bool isDark(const QColor &c)
{
    return c.lightnessF() < 0.5;
}

GridPainter::GridPainter(const Schema &schema, const GridLayout &layout, const GridContent &content,
                         const FindingLookup *findings, const GridStyle &style)
    : mSchema(schema)
    , mLayout(layout)
    , mContent(content)
    , mFindings(findings)
    , mStyle(style)
    , mPortFont(style.font)
    , mTitleFont(style.font)
{
    mPortFont.setPointSizeF(style.font.pointSizeF() * 0.85);
    mTitleFont.setBold(true);
    mBase = style.palette.color(QPalette::Base);
    mText = style.palette.color(QPalette::Text);
    mDimText = mix(mText, mBase, 0.35);
    mLine = mix(mText, mBase, 0.55);
    mFreeLine = mix(mText, mBase, 0.8);
}

GridMetrics GridPainter::metricsFor(const QFont &font, qreal zoom, int nameWidth)
{
    QFont f = font;
    f.setPointSizeF(font.pointSizeF() * zoom);
    const QFontMetrics fm(f);
    GridMetrics m;
    const int pad = qMax(4, fm.height() / 3);
    m.cellWidth = qMax(fm.averageCharWidth() * 9, nameWidth * fm.height() / qMax(1, QFontMetrics(font).height()))
        + 2 * pad;
    m.cellHeight = fm.height() * 2 + pad + 4;
    m.headerHeight = fm.height() + 2 * pad;
    m.blockGap = fm.height() / 2 + 4;
    m.margin = pad * 2;
    m.topExtra = legendHeight(f);
    return m;
}

int GridPainter::legendHeight(const QFont &font)
{
    return QFontMetrics(font).height() * 2 + 8;
}

int GridPainter::longestNameWidth(const Schema &schema, const QFont &font)
{
    const QFontMetrics fm(font);
    int width = 0;
    for (const Service &s : schema.services)
        width = qMax(width, fm.horizontalAdvance(s.name));
    return width;
}

QString GridPainter::nextFreeText()
{
    return tr("Next free ▸");
}

QString GridPainter::layerTitle() const
{
    if (mContent.isPlanLayer())
        return tr("Plan: planned ports of all hosts");
    const Host *host = mSchema.host(mContent.hostId());
    return tr("Host %1: actual ports").arg(host ? host->name : mContent.hostId());
}

QString GridPainter::headerText(int block) const
{
    const GridBlock &b = mLayout.blocks().at(block);
    const int used = mContent.usedCount(b.first, b.last);
    if (b.isUnranged())
        return tr("%1 — %n port(s) in use outside every range", nullptr, used).arg(b.title);
    const int size = b.last - b.first + 1;
    const QString span = b.first == b.last ? QString::number(b.first) : QStringLiteral("%1–%2").arg(b.first).arg(b.last);
    // Used counts services and reservations, as the Ranges dock does.
    const int reserved = mContent.reservedCount(b.first, b.last);
    if (reserved > 0)
        return tr("%1 (%2) — %3/%4 used (%n reserved)", nullptr, reserved).arg(b.title, span).arg(used).arg(size);
    return tr("%1 (%2) — %3/%4 used").arg(b.title, span).arg(used).arg(size);
}

QRect GridPainter::nextFreeRect(int block) const
{
    const QRect header = mLayout.headerRect(block);
    if (header.isNull() || !mStyle.interactive || mLayout.blocks().at(block).isUnranged())
        return {};
    QFont f = mStyle.font;
    const QFontMetrics fm(f);
    const int width = fm.horizontalAdvance(nextFreeText()) + fm.height();
    return QRect(header.right() - width + 1, header.top(), width, header.height());
}

QColor GridPainter::hostColour(const QString &hostId) const
{
    const int index = mSchema.hostIndex(hostId);
    if (index < 0)
        return mix(mBase, mText, 0.08);
    // Golden-angle hues keep neighbours in the host list apart.
    const int hue = int(std::fmod(200.0 + index * 137.508, 360.0));
    const QColor tint = QColor::fromHsv(hue, 170, 230);
    return mix(mBase, tint, isDark(mBase) ? 0.45 : 0.38);
}

QColor GridPainter::statusColour(ServiceStatus status) const
{
    QColor tint;
    switch (status) {
    case ServiceStatus::Deployed: tint = QColor::fromHsv(130, 170, 200); break;
    case ServiceStatus::Planned: tint = QColor::fromHsv(210, 170, 230); break;
    case ServiceStatus::NotDeployed: tint = QColor::fromHsv(35, 200, 240); break;
    case ServiceStatus::Retired: tint = mix(mBase, mText, 0.5); break;
    }
    return mix(mBase, tint, isDark(mBase) ? 0.45 : 0.38);
}

QColor GridPainter::fillFor(const Service &service) const
{
    return mStyle.colouring == GridColouring::ByHost ? hostColour(service.hostId) : statusColour(service.status);
}

QColor GridPainter::severityColour(Severity severity) const
{
    const bool dark = isDark(mBase);
    switch (severity) {
    case Severity::Error: return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x1c, 0x28);
    case Severity::Warning: return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0xa8, 0x5d, 0x00);
    case Severity::Info: return dark ? QColor(0x7a, 0xb8, 0xff) : QColor(0x1c, 0x5f, 0xb8);
    }
    return mText;
}

void GridPainter::paintSeverityIcon(QPainter *p, const QRectF &r, Severity severity, const QColor &colour)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    const QColor mark = colour.lightnessF() < 0.6 ? QColor(Qt::white) : QColor(Qt::black);
    QPen markPen(mark, qMax(1.2, r.width() / 7));
    markPen.setCapStyle(Qt::RoundCap);
    const QPointF c = r.center();
    const qreal h = r.height();
    switch (severity) {
    case Severity::Error: {
        // A disc with a cross.
        p->drawEllipse(r);
        p->setPen(markPen);
        const qreal d = h * 0.2;
        p->drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d));
        p->drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d));
        break;
    }
    case Severity::Warning: {
        // A triangle with an exclamation mark.
        QPainterPath path;
        path.moveTo(c.x(), r.top());
        path.lineTo(r.right(), r.bottom());
        path.lineTo(r.left(), r.bottom());
        path.closeSubpath();
        p->drawPath(path);
        p->setPen(markPen);
        p->drawLine(QPointF(c.x(), r.top() + h * 0.38), QPointF(c.x(), r.top() + h * 0.66));
        p->drawPoint(QPointF(c.x(), r.top() + h * 0.84));
        break;
    }
    case Severity::Info: {
        // A square with an "i".
        p->drawRoundedRect(r, h * 0.2, h * 0.2);
        p->setPen(markPen);
        p->drawPoint(QPointF(c.x(), r.top() + h * 0.27));
        p->drawLine(QPointF(c.x(), r.top() + h * 0.45), QPointF(c.x(), r.top() + h * 0.78));
        break;
    }
    }
    p->restore();
}

void GridPainter::paint(QPainter *p, const QRect &exposed, const GridPaintState &state) const
{
    p->save();
    p->setFont(mStyle.font);
    const QRect legend(0, 0, mLayout.contentSize().width(), mLayout.metrics().margin + mLayout.metrics().topExtra);
    if (legend.intersects(exposed))
        paintLegend(p);
    for (int block : mLayout.headersIn(exposed))
        paintHeader(p, block);
    for (const GridCell &cell : mLayout.cellsIn(exposed))
        paintCell(p, cell, state);
    p->restore();
}

QStringList GridPainter::legendTexts() const
{
    QStringList shown;
    QPicture picture; // records the painting, no pixels
    QPainter painter(&picture);
    painter.setFont(mStyle.font);
    paintLegend(&painter, &shown);
    return shown;
}

void GridPainter::paintLegend(QPainter *p, QStringList *shown) const
{
    const GridMetrics &m = mLayout.metrics();
    const QFontMetrics fm(mStyle.font);
    const int lineHeight = fm.height();
    const int right = m.margin + GridLayout::Columns * m.cellWidth;
    int x = m.margin;
    int y = m.margin;
    p->setPen(mText);
    p->setFont(mTitleFont);
    p->drawText(QRect(x, y, right - x, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, layerTitle());

    // Second line: what the colours and marks mean.
    y += lineHeight + 2;
    p->setFont(mStyle.font);
    const int box = lineHeight - 4;
    auto item = [&](const QString &text, const std::function<void(const QRect &)> &swatch) {
        const int width = box + 4 + fm.horizontalAdvance(text) + lineHeight;
        if (x + width > right)
            return false;
        const QRect sw(x, y + 2, box, box);
        swatch(sw);
        p->setPen(mText);
        p->drawText(QRect(x + box + 4, y, width, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += width;
        if (shown)
            shown->append(text);
        return true;
    };
    auto filled = [&](const QColor &c) {
        return [this, p, c](const QRect &r) {
            p->fillRect(r, c);
            p->setPen(mLine);
            p->drawRect(r.adjusted(0, 0, -1, -1));
        };
    };
    // What is always explained comes first in width, the hosts get the rest
    // and a "+N more" when they do not all fit.
    struct Entry
    {
        QString text;
        std::function<void(const QRect &)> swatch;
    };
    QList<Entry> tail;
    tail.append({tr("reserved"), [this, p](const QRect &r) {
                     p->fillRect(r, mBase);
                     paintHatch(p, r);
                     p->setPen(mLine);
                     p->drawRect(r.adjusted(0, 0, -1, -1));
                 }});
    if (!mContent.isPlanLayer()) {
        tail.append({tr("planned here, runs elsewhere"), [this, p](const QRect &r) {
                         p->setPen(QPen(mText, 1, Qt::DashLine));
                         p->setBrush(Qt::NoBrush);
                         p->drawRect(r.adjusted(0, 0, -1, -1));
                     }});
    }
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info}) {
        tail.append({severityDisplayName(s), [this, p, s](const QRect &r) {
                         paintSeverityIcon(p, QRectF(r), s, severityColour(s));
                     }});
    }
    auto widthOf = [&](const QString &text) { return box + 4 + fm.horizontalAdvance(text) + lineHeight; };
    int tailWidth = 0;
    for (const Entry &e : tail)
        tailWidth += widthOf(e.text);

    QList<Entry> colours;
    if (mStyle.colouring == GridColouring::ByHost) {
        for (const Host &h : mSchema.hosts)
            colours.append({h.name, filled(hostColour(h.id))});
        colours.append({tr("no host"), filled(hostColour(QString()))});
    } else {
        for (ServiceStatus s : {ServiceStatus::Deployed, ServiceStatus::Planned, ServiceStatus::NotDeployed,
                                ServiceStatus::Retired}) {
            colours.append({statusDisplayName(s), [this, p, s, filled](const QRect &r) {
                                filled(statusColour(s))(r);
                                paintStatusMark(p, QRectF(r).adjusted(2, 2, -2, -2), s, mText);
                            }});
        }
    }
    const int count = int(colours.size());
    for (int i = 0; i < count; ++i) {
        const int rest = count - i - 1;
        const int more = rest > 0 ? fm.horizontalAdvance(tr("+%n more", nullptr, count)) + lineHeight : 0;
        if (x + widthOf(colours.at(i).text) + more + tailWidth > right) {
            const QString text = tr("+%n more", nullptr, count - i);
            p->setPen(mText);
            p->drawText(QRect(x, y, fm.horizontalAdvance(text) + lineHeight, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                        text);
            if (shown)
                shown->append(text);
            x += fm.horizontalAdvance(text) + lineHeight;
            break;
        }
        item(colours.at(i).text, colours.at(i).swatch);
    }
    for (const Entry &e : tail) {
        if (!item(e.text, e.swatch))
            break;
    }
}

void GridPainter::paintHeader(QPainter *p, int block) const
{
    const QRect r = mLayout.headerRect(block);
    const QPalette &pal = mStyle.palette;
    p->fillRect(r, mix(pal.color(QPalette::Window), mText, 0.06));
    p->setPen(mLine);
    p->drawLine(r.bottomLeft(), r.bottomRight());
    const int pad = qMax(4, QFontMetrics(mStyle.font).height() / 3);
    const QRect link = nextFreeRect(block);
    const QRect textRect = r.adjusted(pad, 0, -(link.isNull() ? pad : link.width()), 0);
    p->setPen(pal.color(QPalette::WindowText));
    p->setFont(mTitleFont);
    p->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(mTitleFont).elidedText(headerText(block), Qt::ElideRight, textRect.width()));
    if (!link.isNull()) {
        p->setFont(mStyle.font);
        p->setPen(pal.color(QPalette::Link));
        p->drawText(link.adjusted(0, 0, -pad, 0), Qt::AlignRight | Qt::AlignVCenter, nextFreeText());
    }
    p->setFont(mStyle.font);
}

void GridPainter::paintHatch(QPainter *p, const QRect &r) const
{
    // Lines, not a pattern brush: pattern brushes do not survive SVG export.
    p->save();
    p->setClipRect(r, Qt::IntersectClip);
    p->setPen(QPen(mix(mText, mBase, 0.7), 1));
    const int step = qMax(6, r.height() / 5);
    for (int d = -r.height(); d < r.width(); d += step)
        p->drawLine(QPoint(r.left() + d, r.bottom()), QPoint(r.left() + d + r.height(), r.top()));
    p->restore();
}

void GridPainter::paintCell(QPainter *p, const GridCell &cell, const GridPaintState &state) const
{
    const QRect outer = mLayout.cellRect(cell);
    const QRect r = outer.adjusted(1, 1, -1, -1);
    const QPalette &pal = mStyle.palette;
    const QList<GridEntry> &entries = mContent.entriesAt(cell.port);
    const bool reserved = mContent.isReserved(cell.port);

    const GridEntry *top = entries.isEmpty() ? nullptr : &entries.first();
    const Service *service = top ? &mSchema.services.at(top->row) : nullptr;
    const bool ghostOnly = top && top->ghost;
    bool selected = false;
    if (state.isSelected) {
        for (const GridEntry &e : entries)
            selected = selected || state.isSelected(e.row);
    }

    // Fill.
    if (selected)
        p->fillRect(r, pal.color(QPalette::Highlight));
    else if (service && !ghostOnly)
        p->fillRect(r, fillFor(*service));
    else
        p->fillRect(r, mBase);
    if (reserved && !selected)
        paintHatch(p, r);

    // Worst finding of the services (not the ghosts) in the cell.
    bool hasFinding = false;
    Severity worst = Severity::Info;
    if (mFindings) {
        for (const GridEntry &e : entries) {
            Severity s;
            if (!e.ghost && mFindings->worstSeverity(mSchema.services.at(e.row).id, &s)) {
                worst = hasFinding ? qMax(worst, s) : s;
                hasFinding = true;
            }
        }
    }

    // Border.
    p->setBrush(Qt::NoBrush);
    if (hasFinding) {
        p->setPen(QPen(severityColour(worst), 2, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        p->drawRect(QRectF(r).adjusted(1, 1, -1, -1));
    } else if (ghostOnly) {
        p->setPen(QPen(mDimText, 1, Qt::DashLine));
        p->drawRect(r.adjusted(0, 0, -1, -1));
    } else {
        p->setPen(service ? mLine : mFreeLine);
        p->drawRect(r.adjusted(0, 0, -1, -1));
    }

    // Text: the port, then the service's name.
    const QColor textColour = selected ? pal.color(QPalette::HighlightedText) : mText;
    const QColor dimColour = selected ? textColour : mDimText;
    const QFontMetrics fm(mStyle.font);
    const int pad = qMax(3, fm.height() / 4);
    const QRect inner = r.adjusted(pad, 1, -pad, -1);
    const int iconSize = qMin(fm.height(), inner.height() / 2);
    const QRect portLine(inner.left(), inner.top(), inner.width(), inner.height() / 2);
    const QRect nameLine(inner.left(), inner.top() + inner.height() / 2, inner.width(), inner.height() - inner.height() / 2);

    QString portText = QString::number(cell.port);
    if (top && top->unplanned)
        portText = tr("%1 (actual)").arg(cell.port);
    const int others = int(entries.size()) - 1;
    p->setFont(mPortFont);
    p->setPen(dimColour);
    QRect portTextRect = portLine;
    if (hasFinding)
        portTextRect.setRight(portLine.right() - iconSize - 2);
    // Colour by status also marks the status with a shape, so it reads without colour.
    const bool statusMark = mStyle.colouring == GridColouring::ByStatus && service && !ghostOnly;
    QRectF markRect;
    if (statusMark) {
        const int mark = qMax(6, iconSize - 4);
        markRect = QRectF(portTextRect.right() - mark + 1, portLine.top() + (portLine.height() - mark) / 2.0, mark, mark);
        portTextRect.setRight(portTextRect.right() - mark - 3);
    }
    if (others > 0) {
        // A stack: more than one service (or a service and a ghost) on this port.
        const QString more = tr("+%1").arg(others);
        p->setPen(textColour);
        p->drawText(portTextRect, Qt::AlignRight | Qt::AlignVCenter, more);
        portTextRect.setRight(portTextRect.right() - QFontMetrics(mPortFont).horizontalAdvance(more) - 4);
        p->setPen(dimColour);
    }
    p->drawText(portTextRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(mPortFont).elidedText(portText, Qt::ElideRight, portTextRect.width()));
    if (statusMark)
        paintStatusMark(p, markRect, service->status, textColour);
    if (hasFinding) {
        paintSeverityIcon(p, QRectF(portLine.right() - iconSize + 1, portLine.top() + (portLine.height() - iconSize) / 2.0,
                                    iconSize, iconSize),
                          worst, severityColour(worst));
    }

    if (service) {
        QFont nameFont = mStyle.font;
        nameFont.setItalic(ghostOnly);
        p->setFont(nameFont);
        p->setPen(ghostOnly ? dimColour : textColour);
        QRect nameRect = nameLine;
        const int live = state.liveState && !ghostOnly ? state.liveState(service->id) : -1;
        if (live >= 0) {
            const int badge = qMax(8, iconSize - 2);
            paintLiveBadge(p, QRectF(nameLine.right() - badge + 1, nameLine.top() + (nameLine.height() - badge) / 2.0,
                                     badge, badge),
                           live);
            nameRect.setRight(nameLine.right() - badge - 2);
            p->setPen(ghostOnly ? dimColour : textColour);
            p->setFont(nameFont);
        }
        p->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(nameFont).elidedText(service->name, Qt::ElideRight, nameRect.width()));
    } else if (reserved) {
        p->setFont(mPortFont);
        p->setPen(dimColour);
        p->drawText(nameLine, Qt::AlignLeft | Qt::AlignVCenter, tr("reserved"));
    }
    p->setFont(mStyle.font);

    // Interaction marks on top.
    const QColor accent = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Highlight);
    if (state.dropTarget == cell && reserved) {
        // A reservation: a solid warning frame and a cross, unlike a free cell's dashes; the drop asks first.
        p->setPen(QPen(severityColour(Severity::Warning), 3, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        p->drawRect(QRectF(outer).adjusted(1.5, 1.5, -1.5, -1.5));
        p->setPen(QPen(severityColour(Severity::Warning), 1.5));
        p->drawLine(r.topLeft() + QPoint(3, 3), r.bottomRight() - QPoint(3, 3));
        p->drawLine(r.bottomLeft() + QPoint(3, -3), r.topRight() + QPoint(-3, 3));
    } else if (state.dropTarget == cell) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 3, Qt::DashLine));
        p->drawRect(QRectF(outer).adjusted(1.5, 1.5, -1.5, -1.5));
    } else if (state.focused && state.cursor == cell) {
        p->setPen(QPen(accent, 2));
        p->drawRect(QRectF(r).adjusted(3, 3, -3, -3));
    } else if (state.cursor == cell || state.hover == cell) {
        p->setPen(QPen(accent, 1, state.cursor == cell ? Qt::DotLine : Qt::SolidLine));
        p->drawRect(r.adjusted(2, 2, -3, -3));
    }
}

void GridPainter::paintStatusMark(QPainter *p, const QRectF &r, ServiceStatus status, const QColor &colour)
{
    // Deployed ●, planned ○, not deployed ⊘, retired ×.
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen(colour, qMax(1.2, r.width() / 6));
    pen.setCapStyle(Qt::RoundCap);
    p->setPen(pen);
    const QRectF inner = r.adjusted(pen.widthF() / 2, pen.widthF() / 2, -pen.widthF() / 2, -pen.widthF() / 2);
    switch (status) {
    case ServiceStatus::Deployed:
        p->setBrush(colour);
        p->drawEllipse(inner);
        break;
    case ServiceStatus::Planned:
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(inner);
        break;
    case ServiceStatus::NotDeployed:
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(inner);
        p->drawLine(QPointF(inner.left() + inner.width() * 0.15, inner.bottom() - inner.height() * 0.15),
                    QPointF(inner.right() - inner.width() * 0.15, inner.top() + inner.height() * 0.15));
        break;
    case ServiceStatus::Retired:
        p->drawLine(inner.topLeft(), inner.bottomRight());
        p->drawLine(inner.bottomLeft(), inner.topRight());
        break;
    }
    p->restore();
}

void GridPainter::paintLiveBadge(QPainter *p, const QRectF &rect, int probeState)
{
    const ProbeState state = ProbeState(probeState);
    const bool answered = state == ProbeState::Listening;
    const bool probed = state != ProbeState::NotProbed;
    const QColor colour = answered ? QColor(0x2e, 0x7d, 0x32) : probed ? QColor(0xc6, 0x28, 0x28) : QColor(0x75, 0x75, 0x75);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(colour.darker(130), 1));
    p->setBrush(colour);
    p->drawRoundedRect(rect, 2, 2);
    QFont font = p->font();
    font.setBold(true);
    font.setItalic(false);
    font.setPixelSize(qMax(6, int(rect.height() * 0.8)));
    p->setFont(font);
    p->setPen(Qt::white);
    p->drawText(rect, Qt::AlignCenter, answered ? QStringLiteral("✓") : probed ? QStringLiteral("✗") : QStringLiteral("–"));
    p->restore();
}

} // namespace Portolan
