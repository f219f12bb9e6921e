#pragma once

#include "widgets/document/graphdocument.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <set>

class QGraphicsPathItem;

namespace flowdeck {
namespace studio {

class ContainerItem;
class EdgeItem;
class NodeItem;
class NoteItem;

// The canvas's scene. It only observes the document: items are created, moved and
// removed from the document's signals. What the user does with the mouse (dragging
// nodes, dragging from a port to another node) becomes commands on the undo stack.
class GraphScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit GraphScene(GraphDocument *doc, QObject *parent = nullptr);

    GraphDocument *document() const { return m_doc; }
    NodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    QList<EdgeItem *> edgeItems() const;
    std::set<std::string> selectedNodeIds() const;
    std::vector<engine::EdgeSpec> selectedEdges() const;
    void selectNodes(const std::vector<std::string> &ids);
    // Sticky notes (noteitem.h), drawn behind the nodes.
    NoteItem *noteItem(const QString &id) const { return m_notes.value(id); }
    std::set<std::string> selectedNoteIds() const;

    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool on) { m_snap = on; }
    bool syncing() const { return m_syncing; }  // placing items where the document says
    static constexpr double kGrid = 20;

    void nodeItemMoved(const QString &id);  // from NodeItem: keep its edges attached
    // Containers (iteration, loop) and the nodes inside them (containeritem.h).
    ContainerItem *containerItem(const QString &id) const { return m_containers.value(id); }
    // The innermost container whose frame holds `scenePos`; "" if none. `besideSelection`
    // leaves out the selected containers and those inside them (what a drag carries).
    QString containerAt(const QPointF &scenePos, bool besideSelection = false) const;
    void showDropTarget(const QString &containerId);  // highlighted while a drag would land in it; "" clears
    // From ContainerItem: the user moved it by `delta`; what it holds moves as much.
    void carryChildren(const QString &id, const QPointF &delta, int depth = 0);
    // Adds a node of `type` where the user dropped or clicked, inside the container there;
    // false with a message when the type cannot go there.
    bool addNodeAt(const std::string &type, const QPointF &scenePos, const nlohmann::json &config = {});
    // Validates the document now (GraphDocument::revalidate); the scene marks the nodes
    // the problems are about whenever the document has validated.
    void revalidate();
    const QStringList &workflowProblems() const;

signals:
    void message(const QString &text);  // something the user should read (a refused connection)
    void validated(int problems);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void rebuild();
    void markProblems();  // the document's problems on the node items
    void showProblems(int count);
    void addNode(const QString &id);
    void removeNode(const QString &id);
    void moveNode(const QString &id);
    void refreshNode(const QString &id);
    void addEdge(const QString &from, const QString &to, const QString &port);
    void removeEdge(const QString &from, const QString &to, const QString &port);
    void placeEdge(EdgeItem *edge);
    NodeItem *nodeAt(const QPointF &scenePos) const;
    void refitFrom(const QString &containerId);  // its frame, then the containers around it
    void restack(const QString &id);             // a container's depth: outer frames behind inner ones
    void commitDrag(const QPointF &cursor);      // the nodes the user dragged: moved, put in or taken out
    void placeEdgesOf(const std::string &id);
    void addNote(const QString &id);
    void removeNote(const QString &id);
    void refreshNote(const QString &id);
    std::map<std::string, std::array<double, 2>> movedNotes() const;  // dragged, not yet in the document

    GraphDocument *m_doc;
    QHash<QString, NodeItem *> m_nodes;
    QHash<QString, NoteItem *> m_notes;
    QList<EdgeItem *> m_edges;
    QHash<QString, ContainerItem *> m_containers;
    QHash<QString, QSet<QString>> m_children;  // container id -> ids of the nodes inside it
    bool m_framesFrozen = false;  // while a drag goes on or the scene is built: frames stay as they are
    QString m_dropTarget;
    bool m_snap = true;
    bool m_syncing = false;  // positions coming from the document, not the user
    // Dragging a new connection from a port:
    NodeItem *m_connectFrom = nullptr;
    QString m_connectPort;
    QGraphicsPathItem *m_rubberEdge = nullptr;
};

} // namespace studio
} // namespace flowdeck
