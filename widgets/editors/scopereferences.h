#pragma once

#include "engine/workflow/workflow.h"

#include <QStringList>

#include <string>

namespace flowdeck::studio {

// What is evaluated inside container `containerId` (an iteration's result of each item, a
// loop's stop condition) may reference: the container's own values for its nodes
// ({{each.item}}, {{each.index}}, loop variables) and the outputs of the nodes inside it.
QStringList innerReferences(const engine::Workflow &workflow, const std::string &containerId);

// The workflow's environment variables as {{ completes them: env.NAME for each declared one.
QStringList envReferences(const engine::Workflow &workflow);

} // namespace flowdeck::studio
