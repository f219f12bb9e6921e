#include "app/projectview.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

namespace flowdeck {
namespace studio {

namespace {

// A settings key for a file: its absolute path hashed (paths hold '/', which QSettings
// reads as groups).
QString keyFor(const QString &projectFile)
{
    const QString path = QFileInfo(projectFile).absoluteFilePath();
    return QStringLiteral("projectViews/") +
           QString::fromLatin1(QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex());
}

} // namespace

void saveProjectView(const QString &projectFile, const ProjectView &view)
{
    if (projectFile.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(keyFor(projectFile));
    settings.setValue("path", QFileInfo(projectFile).absoluteFilePath());
    settings.setValue("windowState", view.windowState);
    settings.setValue("visibleArea", view.visibleArea);
}

std::optional<ProjectView> projectView(const QString &projectFile)
{
    if (projectFile.isEmpty())
        return std::nullopt;
    QSettings settings;
    settings.beginGroup(keyFor(projectFile));
    if (!settings.contains("windowState"))
        return std::nullopt;
    return ProjectView{settings.value("windowState").toByteArray(), settings.value("visibleArea").toRectF()};
}

bool miniMapSetting() { return QSettings().value("canvas/miniMap", true).toBool(); }

void setMiniMapSetting(bool shown) { QSettings().setValue("canvas/miniMap", shown); }

} // namespace studio
} // namespace flowdeck
