#include "app/theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace flowdeck {
namespace studio {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6), dim(0x8a, 0x8f, 0x98);
    const QColor highlight(0x4c, 0x7d, 0xf0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, dim);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x55, 0x59, 0x60));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xa7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x8b, 0xf5));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, dim);
    return p;
}

} // namespace

QString themeSetting() { return QSettings().value("theme").toString(); }

void setThemeSetting(const QString &theme) { QSettings().setValue("theme", theme); }

QString applyTheme(const QString &requested)
{
    static const QPalette platform = QApplication::palette();  // what the system gave, before any theme
    const QString theme = requested.isEmpty() ? themeSetting() : requested;
    if (theme == "dark" || theme == "light") {
        if (QStyle *fusion = QStyleFactory::create("Fusion"))
            QApplication::setStyle(fusion);
        QApplication::setPalette(theme == "dark" ? darkPalette() : QApplication::style()->standardPalette());
        return theme;
    }
    QApplication::setPalette(platform);
    return platform.color(QPalette::Window).lightness() < 128 ? "dark" : "light";
}

} // namespace studio
} // namespace flowdeck
