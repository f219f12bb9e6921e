#pragma once

#include "engine/mcp/mcpclient.h"

#include <boost/asio/io_context.hpp>

#include <chrono>

namespace flowdeck::tests {

// One awaited answer of McpClient, for tests.
struct McpReply {
    bool done = false;
    nlohmann::json result;
    engine::McpError error;
};

// Runs the loop until `reply` is done, or `seconds` pass.
inline void waitFor(boost::asio::io_context &io, const McpReply &reply, int seconds = 20)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    io.restart();
    while (!reply.done && std::chrono::steady_clock::now() < deadline)
        io.run_one_for(std::chrono::milliseconds(50));
}

inline engine::McpClient::ResultHandler into(McpReply &r)
{
    return [&r](nlohmann::json result, engine::McpError error) {
        r.result = std::move(result);
        r.error = std::move(error);
        r.done = true;
    };
}

// The text of a tools/call result's first text block.
inline std::string firstText(const nlohmann::json &result)
{
    for (const auto &c : result.value("content", nlohmann::json::array()))
        if (c.value("type", "") == "text")
            return c.value("text", "");
    return {};
}

} // namespace flowdeck::tests
