#include "widgets/canvas/minimap.h"

#include "widgets/canvas/graphview.h"

#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace flowdeck {
namespace studio {

MiniMap::MiniMap(GraphView *view) : QWidget(view), m_view(view)
{
    setFixedSize(200, 130);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the canvas"));
    m_redrawSoon.setSingleShot(true);
    m_redrawSoon.setInterval(250);
    connect(&m_redrawSoon, &QTimer::timeout, this, &MiniMap::redraw);
    connect(view->scene(), &QGraphicsScene::changed, &m_redrawSoon, qOverload<>(&QTimer::start));
    for (QScrollBar *bar : {view->horizontalScrollBar(), view->verticalScrollBar()})
        connect(bar, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
    m_redrawSoon.start();
}

void MiniMap::redraw()
{
    const QRectF bounds = m_view->scene()->itemsBoundingRect().adjusted(-60, -60, 60, 60);
    m_picture = QPixmap(size() * devicePixelRatioF());
    m_picture.setDevicePixelRatio(devicePixelRatioF());
    m_picture.fill(palette().base().color());
    if (bounds.isEmpty()) {
        m_sceneArea = {};
        return update();
    }
    // Keep the aspect ratio: the scene area grows to the widget's shape.
    const double scale = std::min(width() / bounds.width(), height() / bounds.height());
    m_sceneArea = QRectF(0, 0, width() / scale, height() / scale);
    m_sceneArea.moveCenter(bounds.center());
    QPainter painter(&m_picture);
    m_view->scene()->render(&painter, QRectF(0, 0, width(), height()), m_sceneArea, Qt::IgnoreAspectRatio);
    update();
}

QPointF MiniMap::toScene(const QPointF &pos) const
{
    return {m_sceneArea.left() + pos.x() / width() * m_sceneArea.width(),
            m_sceneArea.top() + pos.y() / height() * m_sceneArea.height()};
}

QRectF MiniMap::visibleArea() const
{
    if (m_sceneArea.isEmpty())
        return {};
    const QRectF seen = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    return {(seen.left() - m_sceneArea.left()) / m_sceneArea.width() * width(),
            (seen.top() - m_sceneArea.top()) / m_sceneArea.height() * height(), seen.width() / m_sceneArea.width() * width(),
            seen.height() / m_sceneArea.height() * height()};
}

void MiniMap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_picture);
    painter.setPen(QPen(palette().highlight().color(), 2));
    painter.setBrush(QColor(palette().highlight().color().red(), palette().highlight().color().green(),
                            palette().highlight().color().blue(), 40));
    painter.drawRect(visibleArea().intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
    painter.setPen(palette().mid().color());
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void MiniMap::moveViewTo(const QPointF &pos)
{
    if (m_sceneArea.isEmpty())
        return;
    m_view->stopKeepingFit();
    m_view->centerOn(toScene(pos));
}

void MiniMap::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)  // the theme changed: draw the picture in its colours
        redraw();
}

void MiniMap::mousePressEvent(QMouseEvent *event) { moveViewTo(event->position()); }

void MiniMap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        moveViewTo(event->position());
}

} // namespace studio
} // namespace flowdeck
