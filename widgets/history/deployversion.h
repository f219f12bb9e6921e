#pragma once

#include <QJsonObject>
#include <QString>

#include <string>

namespace flowdeck {
namespace studio {

// A deploy as a version of its project (DESIGN.md §11): `source` holds the fields the
// deploy bundle's source gains ({"version", "message", "time"}), empty when nothing was
// recorded; `note` says why not, when the user would expect it (empty when the project
// keeps no history: nothing to say).
struct DeployVersion {
    QJsonObject source;
    QString shortId;
    QString note;
};

// Records a "deploy" version of `workflowFile`'s project, with `target` ("this computer",
// the runtime's URL, the manifests' folder), when the folder keeps a history and the
// deployed workflow (`deployedText`, GraphDocument::toText) is what the file holds: a
// version names files, so unsaved changes cannot be one.
DeployVersion recordDeployVersion(const QString &workflowFile, const std::string &deployedText, const QString &target,
                                  const QString &app);

// Takes back the "deploy" version `versionId` of `workflowFile`'s project after the deploy
// failed (engine::ProjectHistory::withdrawDeploy): true when it was taken back.
bool withdrawDeployVersion(const QString &workflowFile, const QString &versionId);

// The deploy bundle (JSON text) with `fields` added to its "source".
QString withSourceFields(const QString &bundle, const QJsonObject &fields);

} // namespace studio
} // namespace flowdeck
