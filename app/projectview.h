#pragma once

#include <QByteArray>
#include <QRectF>
#include <QString>

#include <optional>

namespace flowdeck {
namespace studio {

// How a project was last looked at: the window's dock layout (QMainWindow::saveState)
// and the part of the canvas in view. Kept in QSettings per project file, so reopening
// a project shows it as it was left.
struct ProjectView {
    QByteArray windowState;
    QRectF visibleArea;  // scene coordinates
};

void saveProjectView(const QString &projectFile, const ProjectView &view);
std::optional<ProjectView> projectView(const QString &projectFile);

// Whether the canvas's overview map is shown (one setting for all projects).
bool miniMapSetting();
void setMiniMapSetting(bool shown);

} // namespace studio
} // namespace flowdeck
