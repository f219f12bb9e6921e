#pragma once

#include "engine/core/result.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace flowdeck::engine {

// Turns the "mcpServers" object used by Claude Desktop, Cursor and Cherry Studio
// ({"mcpServers": {name: {command, args, env} | {url | baseUrl, type}}}) into a
// workflow's "plugins" object. Secret-looking env values (keys, tokens, passwords) are
// replaced by {{secret.NAME}} references, so they never land in a workflow file; the
// values themselves are returned separately for the secret store.
struct ImportedServers {
    nlohmann::json plugins = nlohmann::json::object();
    nlohmann::json secrets = nlohmann::json::object();  // NAME -> value
    Diagnostics notes;  // e.g. entries that were skipped (disabled, neither command nor url)
};

Result<ImportedServers> importMcpServers(std::string_view jsonText);

} // namespace flowdeck::engine
