#pragma once

#include <QGraphicsView>

namespace flowdeck {
namespace studio {

class GraphScene;
class MiniMap;

// The canvas: zoom with the wheel (Ctrl not needed) and keys, zoom to fit, rubber-band
// selection, and drops from the palette, which add a node where it was dropped.
class GraphView : public QGraphicsView {
    Q_OBJECT

public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    void zoomBy(double factor);
    void zoomToFit();
    double zoom() const { return transform().m11(); }
    MiniMap *miniMap() const { return m_miniMap; }

    static constexpr const char *kNodeMime = "application/x-flowdeck-node-type";

protected:
    void wheelEvent(QWheelEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;  // a new palette: the cached grid is drawn again

private:
    GraphScene *m_scene;
    MiniMap *m_miniMap;
};

} // namespace studio
} // namespace flowdeck
