#pragma once

#include "widgets/canvas/nodeitem.h"

namespace flowdeck {
namespace studio {

// An iteration or loop node on the canvas: a titled frame around the nodes inside it,
// drawn behind them, with its ports on the frame's header. The scene fits the frame
// whenever what it holds moves, arrives or leaves; moving the frame carries them along.
// Only the header and the border answer the mouse, so a rubber band or a right-click
// inside the frame reaches the canvas, and drops there land inside the container.
class ContainerItem final : public NodeItem {
    Q_OBJECT

public:
    ContainerItem(GraphScene *scene, const QString &id);

    // Fits the frame around `childrenBounds` (the nodes inside, in scene coordinates;
    // empty when it holds none), never smaller than the minimum at the node's own place.
    // True when the frame changed.
    bool fitAround(const QRectF &childrenBounds);
    QRectF frameRect() const { return m_frame; }  // item coordinates
    QRectF sceneFrame() const { return mapRectToScene(m_frame); }
    bool holdsNodes() const { return m_holds; }
    // Drawn highlighted while nodes dragged over it would land inside.
    void setDropTarget(bool on);
    bool isDropTarget() const { return m_dropTarget; }
    static QString emptyHint();  // what an empty frame says

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static constexpr double kMinWidth = 320, kMinHeight = 170;
    static constexpr double kPadding = 24;  // between the frame and the nodes inside
    static constexpr double kSummaryRow = 22;  // under the header: what it iterates over

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    QPointF inputLocal() const override;
    QPointF portLocal(int index) const override;

private:
    QRectF m_frame{0, 0, kMinWidth, kMinHeight};
    bool m_holds = false;
    bool m_dropTarget = false;
    QPointF m_carry;  // how far the pending position change moves it
};

} // namespace studio
} // namespace flowdeck
