#include "widgets/canvas/edgeitem.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace flowdeck {
namespace studio {

EdgeItem::EdgeItem(engine::EdgeSpec edge) : m_edge(std::move(edge))
{
    setFlag(ItemIsSelectable);
    setZValue(-1);
}

QPainterPath EdgeItem::curve(const QPointF &from, const QPointF &to)
{
    QPainterPath path(from);
    const double dx = std::max(40.0, std::abs(to.x() - from.x()) / 2);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

void EdgeItem::setEnds(const QPointF &from, const QPointF &to)
{
    m_from = from;
    m_to = to;
    setPath(curve(from, to));
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.1)
        return;  // a whole large graph on screen: the nodes show its shape, edges would be a grey haze
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.5);
    QPen pen(isSelected() ? palette.highlight().color() : palette.mid().color(), isSelected() ? 3 : 1.6);
    pen.setCosmetic(true);  // a line of fixed width on screen, drawn without the path stroker
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    if (lod < 0.2)  // far away: a straight line is enough
        painter->drawLine(m_from, m_to);
    else
        painter->drawPath(path());
}

} // namespace studio
} // namespace flowdeck
