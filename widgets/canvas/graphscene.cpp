#include "widgets/canvas/graphscene.h"

#include "engine/nodes/noderegistry.h"
#include "widgets/canvas/edgeitem.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/document/commands.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPalette>

namespace flowdeck {
namespace studio {

GraphScene::GraphScene(GraphDocument *doc, QObject *parent) : QGraphicsScene(parent), m_doc(doc)
{
    setItemIndexMethod(BspTreeIndex);
    connect(doc, &GraphDocument::documentReset, this, &GraphScene::rebuild);
    connect(doc, &GraphDocument::nodeAdded, this, &GraphScene::addNode);
    connect(doc, &GraphDocument::nodeRemoved, this, &GraphScene::removeNode);
    connect(doc, &GraphDocument::nodeMoved, this, &GraphScene::moveNode);
    connect(doc, &GraphDocument::nodeChanged, this, &GraphScene::refreshNode);
    connect(doc, &GraphDocument::edgeAdded, this, &GraphScene::addEdge);
    connect(doc, &GraphDocument::edgeRemoved, this, &GraphScene::removeEdge);
    connect(doc, &GraphDocument::validated, this, &GraphScene::showProblems);
    rebuild();
}

void GraphScene::rebuild()
{
    m_connectFrom = nullptr;
    m_rubberEdge = nullptr;
    clear();
    m_nodes.clear();
    m_edges.clear();
    for (const auto &n : m_doc->workflow().nodes)
        addNode(QString::fromStdString(n.id));
    for (const auto &e : m_doc->workflow().edges)
        addEdge(QString::fromStdString(e.from), QString::fromStdString(e.to), QString::fromStdString(e.fromPort));
    markProblems();
}

void GraphScene::revalidate() { m_doc->revalidate(); }

const QStringList &GraphScene::workflowProblems() const { return m_doc->workflowProblems(); }

void GraphScene::markProblems()
{
    const auto &byNode = m_doc->nodeProblems();
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it)
        if (it.value()->runStatus() != "failed")  // a run's error stays until the next run
            it.value()->setProblem(byNode.value(it.key()).join('\n'));
}

void GraphScene::showProblems(int count)
{
    markProblems();
    emit validated(count);
}

void GraphScene::addNode(const QString &id)
{
    const auto *node = m_doc->node(id.toStdString());
    if (!node || m_nodes.contains(id))
        return;
    auto *item = new NodeItem(this, id);
    item->refresh(*node, engine::NodeRegistry::builtin().find(node->type));
    m_syncing = true;
    item->setPos(node->position[0], node->position[1]);
    m_syncing = false;
    addItem(item);
    m_nodes.insert(id, item);
}

void GraphScene::removeNode(const QString &id)
{
    if (NodeItem *item = m_nodes.take(id)) {
        if (item == m_connectFrom)
            m_connectFrom = nullptr;
        delete item;
    }
}

void GraphScene::moveNode(const QString &id)
{
    const auto *node = m_doc->node(id.toStdString());
    NodeItem *item = m_nodes.value(id);
    if (!node || !item)
        return;
    m_syncing = true;
    item->setPos(node->position[0], node->position[1]);
    m_syncing = false;
}

void GraphScene::refreshNode(const QString &id)
{
    const auto *node = m_doc->node(id.toStdString());
    if (NodeItem *item = m_nodes.value(id); item && node) {
        item->refresh(*node, engine::NodeRegistry::builtin().find(node->type));
        nodeItemMoved(id);  // ports may have changed
    }
}

void GraphScene::addEdge(const QString &from, const QString &to, const QString &port)
{
    auto *edge = new EdgeItem({from.toStdString(), to.toStdString(), port.toStdString()});
    addItem(edge);
    m_edges << edge;
    placeEdge(edge);
}

void GraphScene::removeEdge(const QString &from, const QString &to, const QString &port)
{
    const engine::EdgeSpec gone{from.toStdString(), to.toStdString(), port.toStdString()};
    for (int i = 0; i < m_edges.size(); ++i) {
        if (sameEdge(m_edges[i]->edge(), gone)) {
            delete m_edges.takeAt(i);
            return;
        }
    }
}

void GraphScene::placeEdge(EdgeItem *edge)
{
    NodeItem *from = m_nodes.value(QString::fromStdString(edge->edge().from));
    NodeItem *to = m_nodes.value(QString::fromStdString(edge->edge().to));
    if (from && to)
        edge->setEnds(from->outputPortPos(QString::fromStdString(edge->edge().fromPort)), to->inputPortPos());
}

void GraphScene::nodeItemMoved(const QString &id)
{
    const std::string key = id.toStdString();
    for (EdgeItem *edge : m_edges)
        if (edge->edge().from == key || edge->edge().to == key)
            placeEdge(edge);
}

QList<EdgeItem *> GraphScene::edgeItems() const { return m_edges; }

std::set<std::string> GraphScene::selectedNodeIds() const
{
    std::set<std::string> ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *node = dynamic_cast<NodeItem *>(item))
            ids.insert(node->id().toStdString());
    return ids;
}

std::vector<engine::EdgeSpec> GraphScene::selectedEdges() const
{
    std::vector<engine::EdgeSpec> edges;
    for (QGraphicsItem *item : selectedItems())
        if (auto *edge = dynamic_cast<EdgeItem *>(item))
            edges.push_back(edge->edge());
    return edges;
}

void GraphScene::selectNodes(const std::vector<std::string> &ids)
{
    clearSelection();
    for (const auto &id : ids)
        if (NodeItem *item = m_nodes.value(QString::fromStdString(id)))
            item->setSelected(true);
}

NodeItem *GraphScene::nodeAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (auto *node = dynamic_cast<NodeItem *>(item))
            return node;
    return nullptr;
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (NodeItem *node = nodeAt(event->scenePos())) {
            const QString port = node->outputPortAt(event->scenePos());
            if (!port.isNull()) {  // a drag from an output port draws a new connection
                m_connectFrom = node;
                m_connectPort = port;
                m_rubberEdge = addPath(EdgeItem::curve(node->outputPortPos(port), event->scenePos()),
                                       QPen(palette().highlight().color(), 2, Qt::DashLine));
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectFrom && m_rubberEdge) {
        m_rubberEdge->setPath(EdgeItem::curve(m_connectFrom->outputPortPos(m_connectPort), event->scenePos()));
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_rubberEdge) {
        delete m_rubberEdge;
        m_rubberEdge = nullptr;
        NodeItem *from = m_connectFrom;
        m_connectFrom = nullptr;
        NodeItem *to = nodeAt(event->scenePos());
        if (from && to && to != from) {
            engine::EdgeSpec edge{from->id().toStdString(), to->id().toStdString(), m_connectPort.toStdString()};
            QString why;
            if (ConnectCommand::allowed(*m_doc, edge, &why))
                m_doc->undoStack()->push(new ConnectCommand(m_doc, edge));
            else
                emit message(why);
        }
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    // Nodes the user dragged: their new places become one undoable move.
    std::map<std::string, std::array<double, 2>> moved;
    for (QGraphicsItem *item : selectedItems()) {
        auto *node = dynamic_cast<NodeItem *>(item);
        if (!node)
            continue;
        const auto *spec = m_doc->node(node->id().toStdString());
        if (spec && (spec->position[0] != node->pos().x() || spec->position[1] != node->pos().y()))
            moved[spec->id] = {node->pos().x(), node->pos().y()};
    }
    if (!moved.empty())
        m_doc->undoStack()->push(new MoveNodesCommand(m_doc, moved));
}

void GraphScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, palette().window());
    const double scale = painter->worldTransform().m11();
    if (scale < 0.5)
        return;  // the grid would be a grey haze
    painter->setPen(QPen(palette().midlight().color(), 0));
    const double g = kGrid * 2;
    QVector<QPointF> dots;
    for (double x = std::floor(rect.left() / g) * g; x < rect.right(); x += g)
        for (double y = std::floor(rect.top() / g) * g; y < rect.bottom(); y += g)
            dots << QPointF(x, y);
    painter->drawPoints(dots.data(), static_cast<int>(dots.size()));
}

} // namespace studio
} // namespace flowdeck
