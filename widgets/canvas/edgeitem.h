#pragma once

#include "engine/workflow/workflow.h"

#include <QGraphicsPathItem>

namespace flowdeck {
namespace studio {

// A connection drawn as a curve from a node's output port to another's input.
class EdgeItem : public QGraphicsPathItem {
public:
    explicit EdgeItem(engine::EdgeSpec edge);
    const engine::EdgeSpec &edge() const { return m_edge; }
    void setEnds(const QPointF &from, const QPointF &to);
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static QPainterPath curve(const QPointF &from, const QPointF &to);

private:
    engine::EdgeSpec m_edge;
    QPointF m_from, m_to;  // kept, so drawing from far away needs no path maths
};

} // namespace studio
} // namespace flowdeck
