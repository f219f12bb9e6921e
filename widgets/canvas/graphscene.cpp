#include "widgets/canvas/graphscene.h"

#include "engine/nodes/noderegistry.h"
#include "widgets/canvas/containeritem.h"
#include "widgets/canvas/edgeitem.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/noteitem.h"
#include "widgets/document/commands.h"
#include "widgets/document/containercommands.h"
#include "widgets/document/notecommands.h"

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
    connect(doc, &GraphDocument::noteAdded, this, &GraphScene::addNote);
    connect(doc, &GraphDocument::noteRemoved, this, &GraphScene::removeNote);
    connect(doc, &GraphDocument::noteChanged, this, &GraphScene::refreshNote);
    rebuild();
}

void GraphScene::rebuild()
{
    m_connectFrom = nullptr;
    m_rubberEdge = nullptr;
    clear();
    m_nodes.clear();
    m_notes.clear();
    m_edges.clear();
    m_containers.clear();
    m_children.clear();
    m_dropTarget.clear();
    m_framesFrozen = true;  // the frames are fitted once, when every node is there
    for (const auto &n : m_doc->workflow().nodes)
        addNode(QString::fromStdString(n.id));
    m_framesFrozen = false;
    for (auto it = m_containers.cbegin(); it != m_containers.cend(); ++it) {
        restack(it.key());
        refitFrom(it.key());
    }
    for (const auto &e : m_doc->workflow().edges)
        addEdge(QString::fromStdString(e.from), QString::fromStdString(e.to), QString::fromStdString(e.fromPort));
    for (const auto &n : m_doc->workflow().notes)
        addNote(QString::fromStdString(n.id));
    markProblems();
}

void GraphScene::addNote(const QString &id)
{
    const auto *note = m_doc->note(id.toStdString());
    if (!note || m_notes.contains(id))
        return;
    auto *item = new NoteItem(this, id);
    item->refresh(*note);
    m_syncing = true;
    item->setPos(note->position[0], note->position[1]);
    m_syncing = false;
    addItem(item);
    m_notes.insert(id, item);
}

void GraphScene::removeNote(const QString &id) { delete m_notes.take(id); }

void GraphScene::refreshNote(const QString &id)
{
    const auto *note = m_doc->note(id.toStdString());
    NoteItem *item = m_notes.value(id);
    if (!note || !item)
        return;
    item->refresh(*note);
    m_syncing = true;
    item->setPos(note->position[0], note->position[1]);
    m_syncing = false;
}

std::set<std::string> GraphScene::selectedNoteIds() const
{
    std::set<std::string> ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *note = dynamic_cast<NoteItem *>(item))
            ids.insert(note->id().toStdString());
    return ids;
}

std::map<std::string, std::array<double, 2>> GraphScene::movedNotes() const
{
    std::map<std::string, std::array<double, 2>> moved;
    for (NoteItem *item : m_notes)
        if (const auto *note = m_doc->note(item->id().toStdString()))
            if (note->position[0] != item->pos().x() || note->position[1] != item->pos().y())
                moved[note->id] = {item->pos().x(), item->pos().y()};
    return moved;
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
    const auto *descriptor = engine::NodeRegistry::builtin().find(node->type);
    ContainerItem *box = descriptor && descriptor->container ? new ContainerItem(this, id) : nullptr;
    NodeItem *item = box ? box : new NodeItem(this, id);
    item->refresh(*node, descriptor);
    m_syncing = true;
    item->setPos(node->position[0], node->position[1]);
    m_syncing = false;
    addItem(item);
    m_nodes.insert(id, item);
    if (box)
        m_containers.insert(id, box);
    if (!item->parentId().isEmpty())
        m_children[item->parentId()].insert(id);
    if (m_framesFrozen)
        return;
    restack(id);
    refitFrom(box ? id : item->parentId());
}

void GraphScene::removeNode(const QString &id)
{
    if (NodeItem *item = m_nodes.take(id)) {
        if (item == m_connectFrom)
            m_connectFrom = nullptr;
        const QString parent = item->parentId();
        if (!parent.isEmpty())
            m_children[parent].remove(id);
        m_containers.remove(id);
        if (m_dropTarget == id)
            m_dropTarget.clear();
        delete item;
        if (!m_framesFrozen)
            refitFrom(parent);
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
        const QString before = item->parentId();
        item->refresh(*node, engine::NodeRegistry::builtin().find(node->type));
        if (item->parentId() != before) {  // put in or taken out of a container
            if (!before.isEmpty())
                m_children[before].remove(id);
            if (!item->parentId().isEmpty())
                m_children[item->parentId()].insert(id);
            restack(id);
            if (!m_framesFrozen)
                refitFrom(before);
        }
        nodeItemMoved(id);  // ports may have changed; the frame around it may too
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

void GraphScene::placeEdgesOf(const std::string &id)
{
    for (EdgeItem *edge : m_edges)
        if (edge->edge().from == id || edge->edge().to == id)
            placeEdge(edge);
}

void GraphScene::nodeItemMoved(const QString &id)
{
    placeEdgesOf(id.toStdString());
    if (m_framesFrozen)
        return;
    if (NodeItem *item = m_nodes.value(id))
        refitFrom(m_containers.contains(id) ? id : item->parentId());
}

void GraphScene::refitFrom(const QString &containerId)
{
    QString id = containerId;
    for (int depth = 0; !id.isEmpty() && depth < 64; ++depth) {  // a circle of parents in a damaged file ends
        ContainerItem *box = m_containers.value(id);
        if (!box)
            return;
        QRectF bounds;
        for (const QString &child : m_children.value(id))
            if (NodeItem *item = m_nodes.value(child))
                bounds |= item->sceneBoundingRect();
        if (box->fitAround(bounds))
            placeEdgesOf(id.toStdString());  // its ports moved with the frame
        id = box->parentId();
    }
}

void GraphScene::restack(const QString &id)
{
    // Outer frames behind inner ones, all behind the edges (z -1) and nodes (z 0).
    QStringList pending{id};
    QSet<QString> seen;
    while (!pending.isEmpty()) {
        const QString at = pending.takeLast();
        ContainerItem *box = m_containers.value(at);
        if (!box || seen.contains(at))
            continue;
        seen.insert(at);
        int depth = 0;
        for (QString up = box->parentId(); !up.isEmpty() && depth < 64; ++depth) {
            NodeItem *outer = m_nodes.value(up);
            up = outer ? outer->parentId() : QString();
        }
        box->setZValue(-10 + depth);
        for (const QString &child : m_children.value(at))
            pending << child;
    }
}

QString GraphScene::containerAt(const QPointF &scenePos, bool besideSelection) const
{
    auto carried = [this](const ContainerItem *box) {
        int depth = 0;
        for (const NodeItem *at = box; at && depth < 64; at = m_nodes.value(at->parentId()), ++depth)
            if (at->isSelected())
                return true;
        return false;
    };
    ContainerItem *best = nullptr;
    for (ContainerItem *box : m_containers)
        if (box->sceneFrame().contains(scenePos) && (!best || box->zValue() > best->zValue()) &&
            !(besideSelection && carried(box)))
            best = box;
    return best ? best->id() : QString();
}

void GraphScene::showDropTarget(const QString &containerId)
{
    if (containerId == m_dropTarget)
        return;
    if (ContainerItem *old = m_containers.value(m_dropTarget))
        old->setDropTarget(false);
    m_dropTarget = containerId;
    if (ContainerItem *box = m_containers.value(containerId))
        box->setDropTarget(true);
}

void GraphScene::carryChildren(const QString &id, const QPointF &delta, int depth)
{
    if (depth > 64)
        return;
    const bool syncing = m_syncing;
    m_syncing = true;  // placed as the container is, not snapped on their own
    for (const QString &child : m_children.value(id)) {
        NodeItem *item = m_nodes.value(child);
        if (!item || item->isSelected())
            continue;  // the drag moves a selected node itself, and it carries what it holds
        item->setPos(item->pos() + delta);
        carryChildren(child, delta, depth + 1);
    }
    m_syncing = syncing;
}

bool GraphScene::addNodeAt(const std::string &type, const QPointF &scenePos, const nlohmann::json &config)
{
    const auto *descriptor = engine::NodeRegistry::builtin().find(type);
    if (!descriptor)
        return false;
    const std::string parent = containerAt(scenePos).toStdString();
    QString why;
    if (!mayPlaceIn(m_doc->workflow(), type, parent, &why)) {
        emit message(why);
        return false;
    }
    engine::NodeSpec node;
    node.type = type;
    node.id = m_doc->freshNodeId(type);
    node.parent = parent;
    node.position = {std::round(scenePos.x() / kGrid) * kGrid, std::round(scenePos.y() / kGrid) * kGrid};
    node.config = defaultNodeConfig(descriptor->configSchema);
    if (config.is_object())  // e.g. an MCP tool from the palette
        node.config.update(config);
    m_doc->undoStack()->push(new AddNodeCommand(m_doc, node));
    selectNodes({node.id});
    return true;
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
            m_framesFrozen = true;  // a drag may follow: frames hold still until it ends
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
    if (m_framesFrozen && (event->buttons() & Qt::LeftButton))
        showDropTarget(containerAt(event->scenePos(), true));  // where the dragged nodes would land
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
    const bool dragging = m_framesFrozen;
    m_framesFrozen = false;
    showDropTarget({});
    // Notes dragged alone are one (mergeable) move; dragged with nodes, the same step as theirs.
    const auto notes = movedNotes();
    const bool withNodes = !notes.empty() && std::any_of(m_nodes.cbegin(), m_nodes.cend(), [this](const NodeItem *item) {
        const auto *spec = m_doc->node(item->id().toStdString());
        return spec && (spec->position[0] != item->pos().x() || spec->position[1] != item->pos().y());
    });
    if (withNodes)
        m_doc->undoStack()->beginMacro(tr("Move"));
    commitDrag(event->scenePos());
    if (!notes.empty())
        m_doc->undoStack()->push(new MoveNotesCommand(m_doc, notes));
    if (withNodes)
        m_doc->undoStack()->endMacro();
    if (dragging)  // the frames catch up with where their nodes are now
        for (auto it = m_children.cbegin(); it != m_children.cend(); ++it)
            refitFrom(it.key());
}

void GraphScene::commitDrag(const QPointF &cursor)
{
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
    if (moved.empty())
        return;
    // The ones the user took along themselves, not inside another dragged node: they land
    // in the container under the cursor, or at the top level.
    std::set<std::string> roots;
    bool reparent = false;
    const std::string target = containerAt(cursor, true).toStdString();
    for (const auto &[id, pos] : moved) {
        bool carried = false;
        int depth = 0;
        for (const NodeItem *at = m_nodes.value(QString::fromStdString(id)); at && depth < 64; ++depth) {
            at = m_nodes.value(at->parentId());
            carried = carried || (at && moved.count(at->id().toStdString()));
        }
        if (!carried) {
            roots.insert(id);
            reparent = reparent || m_doc->node(id)->parent != target;
        }
    }
    if (!reparent)
        return m_doc->undoStack()->push(new MoveWithChildrenCommand(m_doc, moved));
    QString why;
    if (!mayMoveInto(m_doc->workflow(), roots, target, &why)) {  // refused: back where they were
        emit message(why);
        std::set<std::string> ids;
        for (const auto &[id, pos] : moved)
            ids.insert(id);
        const bool syncing = m_syncing;
        m_syncing = true;
        for (const auto &id : withDescendants(m_doc->workflow(), ids))
            if (NodeItem *item = m_nodes.value(QString::fromStdString(id)))
                if (const auto *spec = m_doc->node(id))
                    item->setPos(spec->position[0], spec->position[1]);
        m_syncing = syncing;
        return;
    }
    auto *command = new ReparentCommand(m_doc, roots, target, moved);
    m_doc->undoStack()->push(command);
    if (command->removedEdges() > 0)
        emit message(tr("%n connection(s) crossed the container's edge and were removed; Undo brings them back.", nullptr,
                        command->removedEdges()));
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
