#pragma once

#include <QString>

namespace flowdeck {
namespace studio {

// The look: "light", "dark", or "" to follow the system. Kept in QSettings.
QString themeSetting();
void setThemeSetting(const QString &theme);

// Applies a theme to the whole application at once (Fusion style with a light or dark
// palette; "" = the setting, and with no setting the platform's own palette). Canvas,
// panels and dialogs take their colours from the palette, so everything follows.
// Returns the theme in use: "light" or "dark".
QString applyTheme(const QString &theme = {});

} // namespace studio
} // namespace flowdeck
