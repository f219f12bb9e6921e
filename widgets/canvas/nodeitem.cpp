#include "widgets/canvas/nodeitem.h"

#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/nodeicons.h"
#include "widgets/document/localized.h"

#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace flowdeck {
namespace studio {

namespace {

constexpr double kHeader = NodeItem::kHeaderHeight, kSummary = 22, kPortRow = 18, kIcon = 18;

// A short summary of a node's config: its most telling field, on one line.
QString summarize(const engine::NodeSpec &node)
{
    for (const char *key : {"prompt", "template", "tool", "url", "text", "expression", "items"}) {
        auto it = node.config.find(key);
        if (it != node.config.end() && it->is_string() && !it->get<std::string>().empty())
            return QString::fromStdString(it->get<std::string>()).simplified();
    }
    if (node.config.contains("server") && node.config["server"].is_string())
        return QString::fromStdString(node.config["server"].get<std::string>());
    return {};
}

} // namespace

NodeItem::NodeItem(GraphScene *scene, const QString &id) : m_scene(scene), m_id(id)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setData(0, id);
}

void NodeItem::refresh(const engine::NodeSpec &node, const engine::NodeDescriptor *descriptor)
{
    prepareGeometryChange();
    m_type = QString::fromStdString(node.type);
    m_title = node.title.empty() && node.i18n.empty() ? typeTitle(descriptor, node.type) : nodeTitle(node);
    m_summary = summarize(node);
    m_parent = QString::fromStdString(node.parent);
    m_ports.clear();
    m_portLabels.clear();
    if (descriptor && node.type != "end") {  // the end node leads nowhere
        for (const auto &p : descriptor->portsOf(node)) {
            m_ports << (p.id == engine::kDefaultPort ? QString() : QString::fromStdString(p.id));
            const std::string &label = studioSpeaksChinese() && !p.labelZh.empty() ? p.labelZh : p.label;
            m_portLabels << QString::fromStdString(label.empty() ? p.id : label);
        }
    }

    setData(1, descriptor ? QString::fromStdString(descriptor->category) : QString());
    setOpacity(node.disabled ? 0.4 : 1.0);  // disabled: passed over at run time, drawn faint
    setToolTip(m_problem.isEmpty() ? m_title + " (" + m_id + ")" : m_problem);
    update();
}

void NodeItem::setProblem(const QString &problem)
{
    m_problem = problem;
    setToolTip(m_problem.isEmpty() ? m_title + " (" + m_id + ")" : m_problem);
    update();
}

void NodeItem::setRunStatus(const QString &status, const QString &detail)
{
    m_runStatus = status;
    m_runDetail = detail;
    update();
}

void NodeItem::setDebugMarks(int marks)
{
    if (marks == m_debugMarks)
        return;
    m_debugMarks = marks;
    update();
}

double NodeItem::paintDebugMarks(QPainter *painter, double right)
{
    struct Pill {
        int mark;
        QString text;
        QColor colour;
    };
    const Pill pills[] = {{Pinned, tr("pinned"), QColor(0x7b, 0x4d, 0xd6)},
                          {Stale, tr("stale"), QColor(0xc7, 0x7c, 0x02)},
                          {Replayed, tr("replayed"), QColor(0x1f, 0x8a, 0x8a)}};
    QFont small = painter->font();
    small.setBold(false);
    small.setPointSizeF(small.pointSizeF() * 0.8);
    painter->setFont(small);
    const QFontMetricsF metrics(small);
    for (const Pill &pill : pills) {
        if (!(m_debugMarks & pill.mark))
            continue;
        const double w = metrics.horizontalAdvance(pill.text) + 10;
        const QRectF area(right - w, kHeader + (kSummary - 14) / 2, w, 14);
        QColor back = pill.colour;
        back.setAlpha(36);
        painter->setPen(QPen(pill.colour, 1));
        painter->setBrush(back);
        painter->drawRoundedRect(area, 7, 7);
        painter->drawText(area, Qt::AlignCenter, pill.text);
        right = area.left() - 4;
    }
    return right;
}

double NodeItem::height() const
{
    const int rows = m_ports.size() > 1 ? static_cast<int>(m_ports.size()) : 0;
    return kHeader + kSummary + rows * kPortRow + 6;
}

QRectF NodeItem::boundingRect() const { return QRectF(-kPortRadius - 2, -2, kWidth + 2 * kPortRadius + 4, height() + 4); }

QPointF NodeItem::inputLocal() const { return {0, kHeader / 2}; }

QPointF NodeItem::portLocal(int index) const
{
    if (m_ports.size() <= 1)
        return {kWidth, kHeader / 2};
    return {kWidth, kHeader + kSummary + kPortRow * (index + 0.5)};
}

QPointF NodeItem::inputPortPos() const { return mapToScene(inputLocal()); }

QPointF NodeItem::outputPortPos(const QString &port) const
{
    const int i = static_cast<int>(m_ports.indexOf(port));
    return mapToScene(portLocal(i < 0 ? 0 : i));
}

QString NodeItem::outputPortAt(const QPointF &scenePos) const
{
    const QPointF local = mapFromScene(scenePos);
    for (int i = 0; i < m_ports.size(); ++i)
        if (QLineF(local, portLocal(i)).length() <= kPortRadius + 5)
            return m_ports[i].isNull() ? QString("") : m_ports[i];
    return QString();
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QColor accent = categoryColor(data(1).toString());
    const QRectF card(0, 0, kWidth, height());
    const QPalette palette = m_scene->palette();
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    // The view does not save the painter's state between items (DontSavePainterState):
    // start from the scene's font, not the smaller one the item drawn before left behind.
    painter->setFont(m_scene->font());
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.5);
    if (lod < 0.3) {  // far away: a block of colour is all that can be seen
        painter->fillRect(card, isSelected() ? palette.highlight().color() : accent);
        return;
    }
    painter->setPen(QPen(!m_problem.isEmpty() ? QColor(0xd9, 0x3f, 0x3f)
                         : isSelected()       ? palette.highlight().color()
                                              : palette.mid().color(),
                         isSelected() || !m_problem.isEmpty() ? 2 : 1));
    painter->setBrush(palette.base());
    painter->drawRoundedRect(card, 8, 8);
    QColor tint = accent;
    tint.setAlpha(34);
    painter->fillRect(QRectF(5, 1, kWidth - 6, kHeader - 1), tint);  // the header in the category's colour
    painter->fillRect(QRectF(1, 1, 4, height() - 2), accent);
    paintTitleRow(painter, kWidth, lod, widget);
    paintPorts(painter, accent);
    if (lod < 0.45)
        return;  // small: the title is all that can be read
    QFont plain = painter->font();
    plain.setBold(false);
    painter->setFont(plain);
    const double summaryRight = m_debugMarks ? paintDebugMarks(painter, kWidth - 10) - 2 : kWidth - 12;
    painter->setFont(plain);
    painter->setPen(palette.placeholderText().color());
    const QString summary = m_summary.isEmpty() ? m_type : m_summary;
    const double summaryWidth = std::max(10.0, summaryRight - 12);
    painter->drawText(QRectF(12, kHeader, summaryWidth, kSummary), Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(summary, Qt::ElideRight, static_cast<int>(summaryWidth)));
    if (m_ports.size() > 1) {
        painter->setPen(palette.text().color());
        for (int i = 0; i < m_ports.size(); ++i)
            painter->drawText(QRectF(12, portLocal(i).y() - kPortRow / 2, kWidth - 24, kPortRow),
                              Qt::AlignVCenter | Qt::AlignRight, m_portLabels[i]);
    }
}

void NodeItem::paintPorts(QPainter *painter, const QColor &colour) const
{
    painter->setBrush(colour);
    painter->setPen(Qt::NoPen);
    if (m_type != "start")
        painter->drawEllipse(inputLocal(), kPortRadius, kPortRadius);
    // A stale output is drawn hollow: what it held came before the last change.
    if (m_debugMarks & Stale) {
        painter->setBrush(m_scene->palette().base());
        painter->setPen(QPen(colour, 1.5, Qt::DotLine));
    }
    for (int i = 0; i < m_ports.size(); ++i)
        painter->drawEllipse(portLocal(i), kPortRadius, kPortRadius);
}

void NodeItem::paintTitleRow(QPainter *painter, double width, double lod, QWidget *widget)
{
    const QPalette palette = m_scene->palette();
    const bool detailed = lod >= 0.45;
    double titleLeft = 12;
    if (detailed) {  // the type's icon at the left of the header
        const qreal dpr = widget ? widget->devicePixelRatioF() : 1.0;
        painter->drawPixmap(QPointF(11, (kHeader - kIcon) / 2), nodeBadge(m_type, static_cast<int>(kIcon), dpr));
        titleLeft = 11 + kIcon + 7;
    }
    // The run badge (a dot and the time) takes its room first; the title is elided to
    // what is left, so the two never overlap.
    double titleRight = width - 10;
    if (!m_runStatus.isEmpty()) {  // blue running, green done, red failed, grey skipped
        const QColor badge = m_runStatus == "running"  ? QColor(0x2f, 0x80, 0xed)
                             : m_runStatus == "done"   ? QColor(0x2e, 0x9e, 0x4f)
                             : m_runStatus == "failed" ? QColor(0xd9, 0x3f, 0x3f)
                                                       : QColor(0x9a, 0xa0, 0xa6);
        // Done: the time it took; running: the item or round it is on, or a container's progress.
        const QString time = lod < 0.6                ? QString()
                             : m_runStatus == "done"    ? m_runDetail.section(QStringLiteral(" · "), 0, 0)
                             : m_runStatus == "running" ? m_runDetail
                                                        : QString();
        QFont small = painter->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        const QFontMetricsF metrics(small);
        const double pill = 14 + (time.isEmpty() ? 0 : metrics.horizontalAdvance(time) + 6);
        const QRectF area(width - 8 - pill, (kHeader - 16) / 2, pill, 16);
        painter->setPen(Qt::NoPen);
        QColor back = badge;
        back.setAlpha(40);
        painter->setBrush(back);
        painter->drawRoundedRect(area, 8, 8);
        painter->setBrush(badge);
        painter->drawEllipse(QPointF(area.left() + 8, area.center().y()), 4, 4);
        if (!time.isEmpty()) {
            painter->setFont(small);
            painter->setPen(palette.text().color());
            painter->drawText(area.adjusted(14, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, time);
        }
        titleRight = area.left() - 6;
    }
    painter->setPen(palette.text().color());
    QFont bold = painter->font();
    bold.setBold(true);
    painter->setFont(bold);
    const double titleWidth = std::max(10.0, titleRight - titleLeft);
    painter->drawText(QRectF(titleLeft, 0, titleWidth, kHeader), Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(m_title, Qt::ElideRight, static_cast<int>(titleWidth)));
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange && m_scene->snapToGrid() && !m_scene->syncing()) {
        const QPointF p = value.toPointF();
        const double g = GraphScene::kGrid;
        return QPointF(std::round(p.x() / g) * g, std::round(p.y() / g) * g);
    }
    if (change == ItemPositionHasChanged)
        m_scene->nodeItemMoved(m_id);
    return QGraphicsObject::itemChange(change, value);
}

} // namespace studio
} // namespace flowdeck
