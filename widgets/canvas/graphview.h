#pragma once

#include <QGraphicsView>

namespace flowdeck {
namespace studio {

class GraphScene;
class MiniMap;

// The canvas: zoom with the wheel (Ctrl not needed) and keys, zoom to fit, rubber-band
// selection, and drops from the palette, which add a node where it was dropped.
// Fitting is kept until the user zooms or scrolls: a fit asked for before the view has
// its final size (a window still being laid out, docks being restored) is done again
// as the view is resized, so a graph never opens as a dot.
class GraphView : public QGraphicsView {
    Q_OBJECT

public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    void zoomBy(double factor);
    void zoomToFit();
    // Shows `sceneRect` (e.g. what was visible when the project was last closed), kept
    // through resizes like a fit; falls back to a fit when it shows no node.
    void showArea(const QRectF &sceneRect);
    QRectF visibleArea() const;  // the part of the scene in view
    void stopKeepingFit() { m_keep = QRectF(); }  // the user moved the view
    void setMiniMapShown(bool shown);
    double zoom() const { return transform().m11(); }
    MiniMap *miniMap() const { return m_miniMap; }

    static constexpr const char *kNodeMime = "application/x-flowdeck-node-type";

protected:
    void wheelEvent(QWheelEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;  // a new palette: the cached grid is drawn again

private:
    void fitArea(const QRectF &area, bool clearOfMiniMap);
    void placeMiniMap();

    GraphScene *m_scene;
    MiniMap *m_miniMap;
    QRectF m_keep;  // the scene area to keep fitted until the user moves the view
    bool m_keepClearOfMap = true;  // a fit keeps the overview's band free; a restored view is shown whole
};

} // namespace studio
} // namespace flowdeck
