#pragma once

#include "engine/core/diagnostic.h"
#include "engine/workflow/workflow.h"

#include <string>

namespace flowdeck::engine {

// Checks shared by node types that name a workflow-level declaration.
// The model alias in config.model (default "default") must be under "models".
void checkModelDeclared(const NodeSpec &node, const Workflow &workflow, Diagnostics &out);
// `server` (found at `field`) must be under "plugins".
void checkPluginDeclared(const NodeSpec &node, const Workflow &workflow, const std::string &server,
                         const std::string &field, Diagnostics &out);

} // namespace flowdeck::engine
