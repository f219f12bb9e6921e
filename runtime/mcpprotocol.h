#pragma once

// JSON-RPC 2.0 pieces shared by Flowdeck's own MCP servers: the deployed apps'
// endpoint (serve/mcpendpoint.cpp) and the built-in stdio servers (tables/).
#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::runtime {

// The protocol versions Flowdeck's servers speak, newest first.
inline const char *const kMcpVersions[] = {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"};

// The version asked for when it is one of ours, else the newest.
inline std::string negotiateMcpVersion(const std::string &asked)
{
    for (const char *v : kMcpVersions)
        if (asked == v)
            return v;
    return kMcpVersions[0];
}

inline nlohmann::json rpcResult(const nlohmann::json &id, nlohmann::json result)
{
    return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

inline nlohmann::json rpcError(const nlohmann::json &id, int code, const std::string &message)
{
    return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

} // namespace flowdeck::runtime
