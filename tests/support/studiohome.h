#pragma once

#include <QByteArray>
#include <QDir>
#include <QString>

namespace flowdeck::tests {

// A studio test's own home under `home`: profiles and secrets in config/, the local
// runtime in data/, QSettings (recent files, language, trust) in xdg/, projects (when
// `withProjects`) in Flowdeck/; no keychain (keys go to the 0600 file) and no offer to
// recover unsaved work. Call before the first MainWindow.
inline void useOwnHome(const QString &home, bool withProjects)
{
    const QDir dir(home);
    qputenv("FLOWDECK_CONFIG_DIR", dir.filePath("config").toUtf8());
    if (withProjects)
        qputenv("FLOWDECK_PROJECTS_DIR", dir.filePath("Flowdeck").toUtf8());
    qputenv("XDG_DATA_HOME", dir.filePath("data").toUtf8());
    qputenv("XDG_CONFIG_HOME", dir.filePath("xdg").toUtf8());
    qputenv("FLOWDECK_NO_KEYCHAIN", "1");
    qputenv("FLOWDECK_NO_RECOVERY_PROMPT", "1");
}

} // namespace flowdeck::tests
