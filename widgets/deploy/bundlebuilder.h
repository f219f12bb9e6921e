#pragma once

#include "engine/workflow/workflow.h"
#include "widgets/deploy/knowledgeupload.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace flowdeck {
namespace studio {

class RunController;

// The deploy bundle for `workflow` (engine/deploy/deploybundle.h) with the profiles and
// secrets the studio's runs use, made on the engine's thread; `done` gets it as JSON
// text, or the problems, on the GUI thread. `source` ({"project", "path", "host"}) says
// which project it came from. The knowledge bases the workflow searches (in the
// project's knowledge folder, beside `workflowFile`) are packed into `packFolder` and
// named in the bundle; `done` gets them to upload first.
void buildDeployBundle(RunController *runner, const engine::Workflow &workflow, bool publicAccess,
                       std::function<void(QString bundle, QStringList problems, QVector<PackedBase> bases)> done,
                       nlohmann::json source = nlohmann::json::object(), QString workflowFile = {},
                       QString packFolder = {});

} // namespace studio
} // namespace flowdeck
