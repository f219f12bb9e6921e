#pragma once

#include <QString>

namespace flowdeck {
namespace studio {

// The interface language: "en", "zh_CN", or "" for the system's. Kept in QSettings.
QString languageSetting();
void setLanguageSetting(const QString &language);

// Loads the studio's translation (and Qt's own) for `language` ("" = the setting,
// else the system's) and makes it QLocale's default, so node names follow too.
// Returns the language in use.
QString installTranslations(const QString &language = {});

} // namespace studio
} // namespace flowdeck
