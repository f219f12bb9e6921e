#pragma once

#include <nlohmann/json.hpp>

namespace flowdeck::engine {

// The answer a form pre-fills for an elicitation request (MCP elicitation/create):
// every property of `requestedSchema` that declares a "default" gets it (SEP-1034).
nlohmann::json elicitationDefaults(const nlohmann::json &requestedSchema);

// Arguments that satisfy a tool's input schema as simply as possible, for trying a
// tool out: each required property gets its default, its first enum value or const,
// or a plain value of its type (text "example", 1, true, [], {}).
nlohmann::json exampleArguments(const nlohmann::json &inputSchema);

} // namespace flowdeck::engine
