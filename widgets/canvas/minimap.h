#pragma once

#include <QPixmap>
#include <QTimer>
#include <QWidget>

namespace flowdeck {
namespace studio {

class GraphView;

// The whole graph in a corner of the canvas, with the visible part outlined; click or
// drag in it to move there. The picture is redrawn shortly after the graph changes,
// not on every pan, so it costs nothing while moving around.
class MiniMap : public QWidget {
    Q_OBJECT

public:
    explicit MiniMap(GraphView *view);
    QRectF visibleArea() const;  // the outlined part, in minimap pixels

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void redraw();
    void moveViewTo(const QPointF &pos);
    QPointF toScene(const QPointF &pos) const;

    GraphView *m_view;
    QPixmap m_picture;
    QRectF m_sceneArea;  // what the picture shows
    QTimer m_redrawSoon;
};

} // namespace studio
} // namespace flowdeck
