#include "widgets/canvas/graphview.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/nodes/noderegistry.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/minimap.h"
#include "widgets/document/commands.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QResizeEvent>
#include <QWheelEvent>

namespace flowdeck {
namespace studio {

namespace {

// A new node's config: the schema's defaults, and empty values for required fields.
nlohmann::json defaultConfig(const nlohmann::json &schema)
{
    nlohmann::json config = nlohmann::json::object();
    const auto properties = engine::valueOr(schema, "properties", nlohmann::json::object());
    for (const auto &[name, property] : properties.items())
        if (property.contains("default"))
            config[name] = property["default"];
    for (const auto &name : engine::valueOr(schema, "required", nlohmann::json::array())) {
        if (!name.is_string() || config.contains(name.get<std::string>()))
            continue;
        const auto property = properties.value(name.get<std::string>(), nlohmann::json::object());
        const auto type = engine::valueOr(property, "type", nlohmann::json("string"));
        config[name.get<std::string>()] = type == "array"    ? nlohmann::json::array()
                                          : type == "object" ? nlohmann::json::object()
                                          : type == "boolean" ? nlohmann::json(false)
                                          : type == "number" || type == "integer" ? nlohmann::json(0)
                                                                                  : nlohmann::json("");
    }
    return config;
}

} // namespace

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
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    // Bottom right, clear of the scroll bars.
    const QRect area = viewport()->geometry();
    m_miniMap->move(area.right() - m_miniMap->width() - 10, area.bottom() - m_miniMap->height() - 10);
}

void GraphView::zoomBy(double factor)
{
    const double next = std::clamp(zoom() * factor, 0.05, 4.0);
    scale(next / zoom(), next / zoom());
}

void GraphView::zoomToFit()
{
    QRectF bounds = m_scene->itemsBoundingRect();
    if (bounds.isEmpty())
        bounds = QRectF(-200, -150, 400, 300);
    fitInView(bounds.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    if (zoom() > 1.5)
        zoomBy(1.5 / zoom());
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
    if (event->mimeData()->hasFormat(kNodeMime))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void GraphView::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasFormat(kNodeMime))
        return QGraphicsView::dropEvent(event);
    const auto payload = engine::parseJson(event->mimeData()->data(kNodeMime).toStdString());
    if (!payload.is_object())
        return;
    const std::string type = engine::valueOr(payload, "type", "");
    const auto *descriptor = engine::NodeRegistry::builtin().find(type);
    if (!descriptor)
        return;
    GraphDocument *doc = m_scene->document();
    const QPointF at = mapToScene(event->position().toPoint());
    engine::NodeSpec node;
    node.type = type;
    node.id = doc->freshNodeId(type);
    node.position = {std::round(at.x() / GraphScene::kGrid) * GraphScene::kGrid,
                     std::round(at.y() / GraphScene::kGrid) * GraphScene::kGrid};
    node.config = defaultConfig(descriptor->configSchema);
    if (payload.contains("config") && payload["config"].is_object())  // e.g. an MCP tool from the palette
        node.config.update(payload["config"]);
    doc->undoStack()->push(new AddNodeCommand(doc, node));
    m_scene->selectNodes({node.id});
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
