#pragma once

#include "engine/core/diagnostic.h"
#include "engine/workflow/workflow.h"

namespace flowdeck::engine {

class NodeRegistry;

// Every problem at once (DESIGN.md §2): unknown node types, config that breaks the
// type's schema, dangling edges and ports, cycles, unreachable nodes, references to
// nodes that are not upstream or to outputs they do not have, secrets in prompts,
// nodes that do not fit the workflow's mode, models that are not declared.
Diagnostics validateWorkflow(const Workflow &workflow, const NodeRegistry &registry);

} // namespace flowdeck::engine
