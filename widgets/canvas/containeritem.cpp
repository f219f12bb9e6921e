#include "widgets/canvas/containeritem.h"

#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/nodeicons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace flowdeck {
namespace studio {

namespace {

constexpr double kBorder = 8;    // how wide the border answers the mouse
constexpr double kPortRow = 18;  // between the ports of a container with several

} // namespace

ContainerItem::ContainerItem(GraphScene *scene, const QString &id) : NodeItem(scene, id) {}

QString ContainerItem::emptyHint() { return tr("Drop nodes here"); }

bool ContainerItem::fitAround(const QRectF &childrenBounds)
{
    QRectF frame(0, 0, kMinWidth, kMinHeight);
    const bool holds = !childrenBounds.isEmpty();
    if (holds)
        frame |= mapRectFromScene(childrenBounds).adjusted(-kPadding, -(kHeaderHeight + kSummaryRow), kPadding, kPadding);
    if (frame == m_frame && holds == m_holds)
        return false;
    prepareGeometryChange();
    m_frame = frame;
    m_holds = holds;
    update();
    return true;
}

void ContainerItem::setDropTarget(bool on)
{
    if (on == m_dropTarget)
        return;
    m_dropTarget = on;
    update();
}

QRectF ContainerItem::boundingRect() const { return m_frame.adjusted(-kPortRadius - 2, -2, kPortRadius + 2, 2); }

QPainterPath ContainerItem::shape() const
{
    // The header, the border and the ports: the inside belongs to the canvas.
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    const QRectF f = m_frame;
    path.addRect(QRectF(f.left(), f.top(), f.width(), kHeaderHeight));
    path.addRect(QRectF(f.left(), f.top(), kBorder, f.height()));
    path.addRect(QRectF(f.right() - kBorder, f.top(), kBorder, f.height()));
    path.addRect(QRectF(f.left(), f.bottom() - kBorder, f.width(), kBorder));
    path.addEllipse(inputLocal(), kPortRadius + 2, kPortRadius + 2);
    for (int i = 0; i < m_ports.size(); ++i)
        path.addEllipse(portLocal(i), kPortRadius + 2, kPortRadius + 2);
    return path;
}

QPointF ContainerItem::inputLocal() const { return {m_frame.left(), m_frame.top() + kHeaderHeight / 2}; }

QPointF ContainerItem::portLocal(int index) const
{
    return {m_frame.right(), m_frame.top() + kHeaderHeight / 2 + kPortRow * std::max(0, index)};
}

QVariant ContainerItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange) {
        const QVariant snapped = NodeItem::itemChange(change, value);
        m_carry = snapped.toPointF() - pos();
        return snapped;
    }
    if (change == ItemPositionHasChanged && !m_scene->syncing() && !m_carry.isNull())
        m_scene->carryChildren(m_id, m_carry);  // the user moved it: what it holds comes along
    return NodeItem::itemChange(change, value);
}

void ContainerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QColor accent = categoryColor(data(1).toString());
    const QPalette palette = m_scene->palette();
    const QColor highlight = palette.highlight().color();
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF header(m_frame.left(), m_frame.top(), m_frame.width(), kHeaderHeight);
    const bool strong = isSelected() || m_dropTarget || !m_problem.isEmpty();
    const QColor border = !m_problem.isEmpty() ? QColor(0xd9, 0x3f, 0x3f) : isSelected() || m_dropTarget ? highlight : accent;
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.5);
    if (lod < 0.3) {  // far away: the outline and a block of colour for the header
        painter->setPen(QPen(border, 0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(m_frame);
        painter->fillRect(header, isSelected() ? highlight : accent);
        return;
    }
    QColor fill = m_dropTarget ? highlight : accent;
    fill.setAlpha(m_dropTarget ? 40 : 14);
    QPen pen(border, strong ? 2 : 1.2, m_holds || m_dropTarget ? Qt::SolidLine : Qt::DashLine);
    pen.setCosmetic(lod < 0.6);
    painter->setPen(pen);
    painter->setBrush(fill);
    painter->drawRoundedRect(m_frame, 10, 10);
    QColor tint = accent;
    tint.setAlpha(46);
    painter->fillRect(header.adjusted(4, 1, -4, 0), tint);
    painter->translate(m_frame.topLeft());
    paintTitleRow(painter, m_frame.width(), lod, widget);
    painter->translate(-m_frame.topLeft());
    paintPorts(painter, accent);
    if (lod < 0.45)
        return;  // small: the title is all that can be read
    QFont font = painter->font();
    font.setBold(false);
    painter->setFont(font);
    const QFontMetrics metrics = painter->fontMetrics();
    if (!m_summary.isEmpty()) {
        painter->setPen(palette.placeholderText().color());
        const double labels = m_ports.size() > 1 ? 160 : 0;  // the other ports' names on the right
        const QRectF row(m_frame.left() + 12, m_frame.top() + kHeaderHeight, m_frame.width() - 24 - labels, kSummaryRow);
        painter->drawText(row, Qt::AlignVCenter | Qt::AlignLeft,
                          metrics.elidedText(m_summary, Qt::ElideRight, static_cast<int>(row.width())));
    }
    if (m_ports.size() > 1) {
        painter->setPen(palette.text().color());
        for (int i = 1; i < m_ports.size(); ++i)  // the first sits in the header, as on every node
            painter->drawText(QRectF(m_frame.right() - 160, portLocal(i).y() - kPortRow / 2, 150, kPortRow),
                              Qt::AlignVCenter | Qt::AlignRight, m_portLabels[i]);
    }
    if (!m_holds) {
        painter->setPen(m_dropTarget ? highlight : palette.placeholderText().color());
        painter->drawText(m_frame.adjusted(0, kHeaderHeight + kSummaryRow, 0, 0), Qt::AlignCenter, emptyHint());
    }
}

} // namespace studio
} // namespace flowdeck
