#include "widgets/canvas/graphview.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/nodes/noderegistry.h"
#include "widgets/canvas/canvasmenu.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/minimap.h"
#include "widgets/document/commands.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QResizeEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace flowdeck {
namespace studio {

GraphView::GraphView(GraphScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setDragMode(RubberBandDrag);
    setAcceptDrops(true);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setCacheMode(CacheBackground);  // the dotted grid is drawn once, not on every frame
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setRenderHint(QPainter::Antialiasing);
    setSceneRect(-100000, -100000, 200000, 200000);
    m_miniMap = new MiniMap(this);
    new CanvasMenu(this);  // right-click menus and F2 rename; owned by the view
    for (QScrollBar *bar : {horizontalScrollBar(), verticalScrollBar()})  // the user scrolled: their view stays
        connect(bar, &QScrollBar::actionTriggered, this, [this] { m_keep = QRectF(); });
}

void GraphView::placeMiniMap()
{
    // Bottom right, clear of the scroll bars; fits leave that corner free of nodes.
    const QRect area = viewport()->geometry();
    m_miniMap->move(area.right() - m_miniMap->width() - 10, area.bottom() - m_miniMap->height() - 10);
}

void GraphView::setMiniMapShown(bool shown)
{
    m_miniMap->setVisible(shown);
    if (!m_keep.isEmpty())
        fitArea(m_keep, m_keepClearOfMap);
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeMiniMap();
    if (!m_keep.isEmpty())  // a fit asked for before the view had its size, or kept through resizes
        fitArea(m_keep, m_keepClearOfMap);
}

void GraphView::zoomBy(double factor)
{
    m_keep = QRectF();
    const double next = std::clamp(zoom() * factor, 0.05, 4.0);
    scale(next / zoom(), next / zoom());
}

void GraphView::fitArea(const QRectF &rect, bool clearOfMiniMap)
{
    QRect room = viewport()->rect();
    if (clearOfMiniMap && m_miniMap->isVisibleTo(this))  // the band of the overview map stays clear
        room.setBottom(room.bottom() - m_miniMap->height() - 14);
    if (room.width() < 40 || room.height() < 40 || rect.isEmpty())
        return;  // not laid out yet: done again when the view has its size
    const double s = std::clamp(std::min(room.width() / rect.width(), room.height() / rect.height()), 0.05, 1.5);
    setTransform(QTransform::fromScale(s, s));
    const QPointF shift = (QPointF(viewport()->rect().center()) - QPointF(room.center())) / s;
    centerOn(rect.center() + shift);
}

void GraphView::zoomToFit()
{
    QRectF bounds = m_scene->itemsBoundingRect();
    if (bounds.isEmpty())
        bounds = QRectF(-200, -150, 400, 300);
    m_keep = bounds.adjusted(-40, -40, 40, 40);
    m_keepClearOfMap = true;
    fitArea(m_keep, true);
}

QRectF GraphView::visibleArea() const { return mapToScene(viewport()->rect()).boundingRect(); }

void GraphView::showArea(const QRectF &sceneRect)
{
    const QRectF bounds = m_scene->itemsBoundingRect();
    if (sceneRect.isEmpty() || !sceneRect.intersects(bounds) || sceneRect.width() > 40 * std::max(400.0, bounds.width()))
        return zoomToFit();  // it would show nothing of the graph, or only as dots
    m_keep = sceneRect;
    m_keepClearOfMap = false;
    fitArea(m_keep, false);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void GraphView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(kNodeMime))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void GraphView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(kNodeMime)) {
        event->acceptProposedAction();
        m_scene->showDropTarget(m_scene->containerAt(mapToScene(event->position().toPoint())));  // where it would land
    } else {
        QGraphicsView::dragMoveEvent(event);
    }
}

void GraphView::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_scene->showDropTarget({});
    QGraphicsView::dragLeaveEvent(event);
}

void GraphView::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasFormat(kNodeMime))
        return QGraphicsView::dropEvent(event);
    const auto payload = engine::parseJson(event->mimeData()->data(kNodeMime).toStdString());
    if (!payload.is_object())
        return;
    m_scene->showDropTarget({});
    // Inside a container's frame it lands inside the container (or is refused, with a message).
    if (m_scene->addNodeAt(engine::valueOr(payload, "type", ""), mapToScene(event->position().toPoint()),
                           engine::valueOr(payload, "config", nlohmann::json())))
        event->acceptProposedAction();
}

void GraphView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        resetCachedContent();
        if (scene())
            scene()->update();
    }
}

} // namespace studio
} // namespace flowdeck
