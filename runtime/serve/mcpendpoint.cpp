// /apps/{app}/mcp: a deployed app as an MCP server over Streamable HTTP. One tool, named
// after the app, whose input schema is the app's start inputs (plus "query" for a chat
// app). Answers are plain JSON; there is no server-initiated stream (GET is 405).
// Origin and Host are checked so that a web page cannot reach it by DNS rebinding.
#include "runtime/mcpprotocol.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "runtime/serve/mcpendpoint.h"

namespace flowdeck::runtime {

namespace http = boost::beast::http;

namespace {

constexpr std::size_t kMaxSessions = 10000;
constexpr auto kSessionIdle = std::chrono::hours(1);

std::string header(const Request &request, std::string_view name)
{
    const auto it = request.find(name);
    return it == request.end() ? std::string() : std::string(it->value());
}

std::string toolName(const std::string &app)
{
    std::string name;
    for (char c : app)
        name += std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '_';
    return name.substr(0, 64);
}

} // namespace

McpEndpoint::McpEndpoint(ServeContext &context) : m_ctx(context)
{
    m_ctx.onAppRemoved([this](const std::string &app) {
        std::erase_if(m_sessions, [&](const auto &entry) { return entry.second.app == app; });
    });
}

void McpEndpoint::handle(Request &request, const ReplyPtr &reply, const std::string &name)
{
    // DNS rebinding: a browser page may only come from an allowed origin, and on a
    // loopback-only server the Host must be a loopback name.
    if (!m_ctx.hostAllowed(request))
        return sendError(reply, 403, "The Host '" + hostName(header(request, "Host")) + "' is not allowed for this MCP endpoint.",
                         "forbidden");
    auto app = m_ctx.authorizedApp(request, reply, name);
    if (!app)
        return;
    const std::string sessionId = header(request, "Mcp-Session-Id");
    if (request.method() == http::verb::delete_) {
        auto it = m_sessions.find(sessionId);
        if (it == m_sessions.end() || it->second.app != name)
            return sendError(reply, 404, "There is no MCP session '" + sessionId + "'.", "not_found");
        m_sessions.erase(it);
        return reply->send(200, "application/json", "{}");
    }
    if (request.method() == http::verb::get)
        return sendError(reply, 405, "This MCP server sends no messages of its own; use POST.", "method_not_allowed",
                         {{"Allow", "POST, DELETE"}});
    if (request.method() != http::verb::post)
        return sendError(reply, 405, "Use POST for MCP messages.", "method_not_allowed", {{"Allow", "POST, DELETE"}});

    const auto message = engine::parseJson(request.body());
    if (message.is_discarded() || !message.is_object() || engine::valueOr(message, "jsonrpc", "") != "2.0" || !message.contains("method"))
        return sendJson(reply, 400, rpcError(nullptr, -32700, "The body is not a JSON-RPC 2.0 message."));
    const std::string method = engine::valueOr(message, "method", "");
    const nlohmann::json id = message.contains("id") ? message["id"] : nlohmann::json();
    if (method == "initialize") {
        const std::string asked = engine::valueOr(engine::valueOr(message, "params", nlohmann::json::object()), "protocolVersion", "");
        const std::string version = negotiateMcpVersion(asked);
        // Sessions idle for an hour go; past the cap, the least recently used goes first.
        const auto now = std::chrono::steady_clock::now();
        if (m_sessions.size() >= kMaxSessions) {
            std::erase_if(m_sessions, [&](const auto &entry) { return now - entry.second.lastUsed > kSessionIdle; });
            while (m_sessions.size() >= kMaxSessions)
                m_sessions.erase(std::min_element(m_sessions.begin(), m_sessions.end(), [](const auto &a, const auto &b) {
                    return a.second.lastUsed < b.second.lastUsed;
                }));
        }
        const std::string session = randomToken(18);
        m_sessions[session] = Session{name, version, now};
        const auto &wf = app->workflow();
        return sendJson(reply, 200,
                        rpcResult(id, {{"protocolVersion", version},
                                       {"capabilities", {{"tools", {{"listChanged", false}}}}},
                                       {"serverInfo", {{"name", "flowdeck-" + name}, {"title", wf.name}, {"version", std::to_string(app->version())}}},
                                       {"instructions", wf.description.empty() ? "Call the tool '" + toolName(name) + "' to run the app." : wf.description}}),
                        {{"Mcp-Session-Id", session}});
    }
    auto session = m_sessions.find(sessionId);
    if (sessionId.empty())
        return sendJson(reply, 400, rpcError(id, -32600, "Send the Mcp-Session-Id header from initialize."));
    if (session == m_sessions.end() || session->second.app != name)
        return sendJson(reply, 404, rpcError(id, -32001, "The MCP session has ended or never existed; initialize again."));
    session->second.lastUsed = std::chrono::steady_clock::now();
    if (!message.contains("id"))  // a notification (initialized, cancelled): nothing to answer
        return reply->send(202, "", "");
    if (method == "ping")
        return sendJson(reply, 200, rpcResult(id, nlohmann::json::object()));
    if (method == "tools/list") {
        const auto &wf = app->workflow();
        return sendJson(reply, 200,
                        rpcResult(id, {{"tools", {{{"name", toolName(name)},
                                                   {"title", wf.name.empty() ? name : wf.name},
                                                   {"description", wf.description.empty() ? "Runs the Flowdeck app '" + name + "'." : wf.description},
                                                   {"inputSchema", app->inputSchema()}}}}}));
    }
    if (method != "tools/call")
        return sendJson(reply, 200, rpcError(id, -32601, "This server has no method '" + method + "'."));
    const auto params = engine::valueOr(message, "params", nlohmann::json::object());
    if (engine::valueOr(params, "name", "") != toolName(name))
        return sendJson(reply, 200, rpcError(id, -32602, "There is no tool '" + engine::valueOr(params, "name", "") + "'; the tool is '" + toolName(name) + "'."));
    nlohmann::json arguments = engine::valueOr(params, "arguments", nlohmann::json::object());
    if (!arguments.is_object())
        return sendJson(reply, 200, rpcError(id, -32602, "The arguments must be an object."));
    engine::RunOptions options;
    if (app->workflow().isChat()) {
        const std::string query = engine::valueOr(arguments, "query", "");
        if (query.empty())
            return sendJson(reply, 200, rpcError(id, -32602, "The argument \"query\" is required."));
        options.sys = {{"query", query}, {"history", nlohmann::json::array()}, {"conversation_id", ""}, {"user", "mcp"}};
        arguments.erase("query");
    } else {
        options.sys = {{"user", "mcp"}};
    }
    options.inputs = arguments;
    // A file input takes {"name", "type", "data": base64}, never a path on this machine.
    options.runId = newRunId();
    if (const auto problem = m_ctx.uploads().take(app->workflow(), options.runId, options.inputs, {})) {
        m_ctx.uploads().discard(options.runId);
        return sendJson(reply, 200, rpcError(id, -32602, problem.message));
    }
    m_ctx.execute(app, "mcp", std::move(options), reply, [this, reply, app, id](const engine::WorkflowRun &run) {
        if (const PauseInfo *pause = m_ctx.pauseOf(run); pause && pause->error.empty()) {
            // The run waits for a person: say where its forms are answered.
            std::string text = "The app is waiting for a person to answer a form. Answer it with POST /v1/apps/" +
                               app->name() + "/forms/<token> {\"action\", \"values\"}; tokens:";
            for (const auto &token : pause->tokens)
                text += " " + token;
            return reply->send(200, "application/json",
                               app->redact(engine::safeDump(
                                   rpcResult(id, {{"content", {{{"type", "text"}, {"text", text}}}},
                                                  {"structuredContent", {{"status", "paused"}, {"forms", pause->forms}}},
                                                  {"isError", false}}),
                                   -1)));
        }
        if (run.status() != engine::RunStatus::Succeeded)
            return sendJson(reply, 200,
                            rpcResult(id, {{"content", {{{"type", "text"}, {"text", "The app failed: " + app->redact(run.error())}}}},
                                           {"isError", true}}));
        // A chat app's answer, or the policy's reply of a run the guard blocked.
        const bool answered = app->workflow().isChat() || run.guard().blocked;
        const auto &outputs = run.outputs();
        std::string text = answered ? run.answer()
                                    : (outputs.size() == 1 && outputs.begin()->is_string()
                                           ? outputs.begin()->get<std::string>()
                                           : engine::safeDump(outputs, 2));
        nlohmann::json result = {{"content", {{{"type", "text"}, {"text", text}}}}, {"isError", false}};
        if (!answered)
            result["structuredContent"] = outputs;
        reply->send(200, "application/json", app->redact(engine::safeDump(rpcResult(id, result), -1)));
    });
}

} // namespace flowdeck::runtime
