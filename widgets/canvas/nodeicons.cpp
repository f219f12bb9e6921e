#include "widgets/canvas/nodeicons.h"

#include "engine/nodes/noderegistry.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>

namespace flowdeck {
namespace studio {

QColor categoryColor(const QString &category)
{
    if (category == "model")
        return QColor(0x5b, 0x6c, 0xf0);
    if (category == "logic")
        return QColor(0xe0, 0x8a, 0x1e);
    if (category == "io" || category == "tools")
        return QColor(0x1f, 0x9d, 0x8b);
    if (category == "output")
        return QColor(0x2e, 0x9e, 0x4f);
    if (category == "transform")
        return QColor(0x8a, 0x5c, 0xd0);
    return QColor(0x60, 0x6b, 0x7a);
}

QString nodeIconName(const QString &type)
{
    const auto *d = engine::NodeRegistry::builtin().find(type.toStdString());
    const QString name = d && !d->icon.empty() ? QString::fromStdString(d->icon) : QStringLiteral("node");
    return QFile::exists(QStringLiteral(":/icons/nodes/%1.svg").arg(name)) ? name : QStringLiteral("node");
}

QPixmap nodeBadge(const QString &type, int size, qreal devicePixelRatio)
{
    static QHash<QString, QPixmap> cache;
    const QString key = QStringLiteral("%1/%2/%3").arg(type).arg(size).arg(devicePixelRatio);
    if (auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    const auto *d = engine::NodeRegistry::builtin().find(type.toStdString());
    const QColor colour = categoryColor(d ? QString::fromStdString(d->category) : QString());
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath square;
    square.addRoundedRect(QRectF(0, 0, size, size), size * 0.25, size * 0.25);
    painter.fillPath(square, colour);
    QSvgRenderer glyph(QStringLiteral(":/icons/nodes/%1.svg").arg(nodeIconName(type)));
    const double inset = size * 0.18;
    glyph.render(&painter, QRectF(inset, inset, size - 2 * inset, size - 2 * inset));
    painter.end();
    cache.insert(key, pixmap);
    return pixmap;
}

QIcon nodeIcon(const QString &type)
{
    QIcon icon;
    for (int size : {16, 24, 32})
        icon.addPixmap(nodeBadge(type, size, 2.0));
    return icon;
}

} // namespace studio
} // namespace flowdeck
