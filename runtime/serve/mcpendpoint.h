#pragma once

#include "runtime/serve/servecontext.h"

#include <map>
#include <memory>

namespace flowdeck::runtime {

// /apps/{app}/mcp: a deployed app as an MCP server over Streamable HTTP, with one tool
// whose input schema is the app's start inputs. Keeps the MCP sessions it hands out.
class McpEndpoint {
public:
    explicit McpEndpoint(ServeContext &context);
    void handle(Request &request, const ReplyPtr &reply, const std::string &app);

private:
    struct Session {
        std::string app;
        std::string protocolVersion;
        std::chrono::steady_clock::time_point lastUsed;
    };
    ServeContext &m_ctx;
    std::map<std::string, Session> m_sessions;
};

} // namespace flowdeck::runtime
