#pragma once

#include "engine/core/diagnostic.h"
#include "engine/workflow/workflow.h"

#include <string>
#include <vector>

namespace flowdeck::engine {

// A problem a node type's validate() finds in one node's config: the node, the field
// ("config.classes"), a stable code for its translation (engine/core/messages.cpp) and the
// message's variable parts.
Diagnostic nodeDiagnostic(const NodeSpec &node, std::string code, std::string field, std::string message,
                          std::vector<std::string> args = {});

} // namespace flowdeck::engine
