#pragma once

#include "engine/nodes/nodedescriptor.h"

#include <QGraphicsObject>
#include <QStringList>

namespace flowdeck {
namespace studio {

class GraphScene;

// One node on the canvas: a card with the type's icon letter, the title, a one-line
// summary of its config and its output ports. It only shows the document; moving it
// is turned into a command by the scene when the drag ends.
class NodeItem : public QGraphicsObject {
    Q_OBJECT

public:
    NodeItem(GraphScene *scene, const QString &id);

    const QString &id() const { return m_id; }
    const QString &title() const { return m_title; }  // as drawn, in the studio's language
    const QString &parentId() const { return m_parent; }  // the iteration or loop it is inside; empty: none
    void refresh(const engine::NodeSpec &node, const engine::NodeDescriptor *descriptor);
    void setProblem(const QString &problem);  // shown as a red border and tooltip; empty clears
    // The node's state in the current run: running, done, failed, skipped; empty clears.
    void setRunStatus(const QString &status, const QString &detail = {});
    const QString &runStatus() const { return m_runStatus; }
    // Debugging marks (widgets/debug): its output is pinned test data, stale (changed, or
    // after a change, since the last run), or was replayed from saved outputs in the last run.
    enum DebugMark { Pinned = 1, Stale = 2, Replayed = 4 };
    void setDebugMarks(int marks);
    int debugMarks() const { return m_debugMarks; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QPointF inputPortPos() const;                      // scene coordinates
    QPointF outputPortPos(const QString &port) const;  // "" is the default port
    QString outputPortAt(const QPointF &scenePos) const;  // the port under the point, or a null string

    static constexpr double kWidth = 220;
    static constexpr double kHeaderHeight = 30;  // the title row, where the input port is
    static constexpr double kPortRadius = 5;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    // Where the ports are, in the item's coordinates (a container has them on its frame).
    virtual QPointF inputLocal() const;
    virtual QPointF portLocal(int index) const;
    // The icon, the run badge (a dot and the time, or the item being run) and the title,
    // across the top `width` of the item.
    void paintTitleRow(QPainter *painter, double width, double lod, QWidget *widget);
    void paintPorts(QPainter *painter, const QColor &colour) const;  // the input (but on start) and the outputs

    GraphScene *m_scene;
    QString m_id;
    QString m_title;
    QString m_type;
    QString m_summary;
    QString m_problem;
    QString m_runStatus;
    QString m_runDetail;
    QString m_parent;
    QStringList m_ports;       // ids; "" for the default port
    QStringList m_portLabels;
    int m_debugMarks = 0;

private:
    double height() const;
    double paintDebugMarks(QPainter *painter, double right);  // the pills at the summary row's right; returns their left
};

} // namespace studio
} // namespace flowdeck
