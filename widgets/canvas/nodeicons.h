#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

namespace flowdeck {
namespace studio {

// The look of a node type, shared by the canvas cards, the palette and the run
// console's node list: a category colour and a white glyph (resources/icons/nodes) on it.
QColor categoryColor(const QString &category);
// The glyph's name for a node type (the descriptor's icon; "node" when it has none).
QString nodeIconName(const QString &type);
// A rounded square of the category's colour with the type's glyph, size × size device
// independent pixels; cached, so drawing thousands of cards costs one lookup each.
QPixmap nodeBadge(const QString &type, int size, qreal devicePixelRatio = 1.0);
QIcon nodeIcon(const QString &type);

} // namespace studio
} // namespace flowdeck
