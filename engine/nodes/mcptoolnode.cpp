#include "engine/core/jsonschema.h"
#include "engine/core/jsonaccess.h"
#include "engine/mcp/mcpresult.h"
#include "engine/mcp/mcpserverpool.h"
#include "engine/nodes/declaredchecks.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/runservices.h"

namespace flowdeck::engine {

namespace {

ErrorKind kindOf(const McpError &e)
{
    if (e.timeout)
        return ErrorKind::Timeout;
    if (e.transport)
        return ErrorKind::Network;
    if (e.code == -32602 || e.code == -32601)
        return ErrorKind::InvalidInput;
    return ErrorKind::Upstream;
}

NodeResult outputsFrom(const nlohmann::json &result)
{
    const nlohmann::json content = engine::valueOr(result, "content", nlohmann::json::array());
    return NodeResult::success({{"text", mcpResultText(result)},
                                {"structured", engine::valueOr(result, "structuredContent", nlohmann::json())},
                                {"content", content},
                                {"is_error", engine::valueOr(result, "isError", false)}});
}

void callTool(std::shared_ptr<NodeContext> ctx, NodeDone done, std::shared_ptr<McpClient> client, nlohmann::json tool,
              nlohmann::json arguments)
{
    RunServices &svc = ctx->services();
    const std::string server = engine::valueOr(ctx->node().config, "server", "");
    const std::string name = engine::valueOr(tool, "name", "");
    std::string schemaError;
    auto schema = svc.mcp->toolSchema(server, tool, &schemaError);
    if (!schema)
        return done(NodeResult::failure(ErrorKind::Upstream, "The tool '" + name + "' of plugin '" + server +
                                                                 "' has an input schema Flowdeck cannot read: " + schemaError));
    const auto violations = schema->validate(arguments);
    if (!violations.empty())
        return done(NodeResult::failure(ErrorKind::InvalidInput, "The arguments for tool '" + name + "' of plugin '" +
                                                                     server + "' do not fit its input schema: " +
                                                                     JsonSchema::describe(violations)));
    const long timeout = engine::valueOr(ctx->node().config, "timeoutMs", 0L);
    const auto handle = client->callTool(
        name, std::move(arguments),
        [ctx, done, name](nlohmann::json result, McpError error) {
            if (error)
                return done(NodeResult::failure(kindOf(error), "The tool '" + name + "' failed: " + error.message));
            NodeResult r = outputsFrom(result);
            if (r.outputs["is_error"].get<bool>())
                ctx->log("warning", "The tool '" + name + "' reported an error: " + r.outputs["text"].get<std::string>());
            done(std::move(r));
        },
        [ctx](const nlohmann::json &progress) {
            std::string line = "progress " + engine::safeDump(engine::valueOr(progress, "progress", nlohmann::json(0)));
            if (progress.contains("total"))
                line += " of " + engine::safeDump(progress["total"]);
            if (progress.contains("message") && progress["message"].is_string())
                line += ": " + progress["message"].get<std::string>();
            ctx->log("info", line);
        },
        timeout);
    std::weak_ptr<McpClient> weak = client;
    ctx->cancelSignal().onCancel([weak, handle] {
        if (auto c = weak.lock())
            c->cancel(handle, "the run was cancelled");
    });
}

void run(std::shared_ptr<NodeContext> ctx, NodeDone done)
{
    RunServices &svc = ctx->services();
    if (!svc.mcp)
        return done(NodeResult::failure(ErrorKind::Internal, "No MCP plugin servers are set up for this run."));
    const auto &config = ctx->node().config;
    const std::string server = engine::valueOr(config, "server", "");
    const std::string toolName = engine::valueOr(config, "tool", "");
    auto client = svc.mcp->clientFor(ctx->workflow(), server);
    if (!client)
        return done(NodeResult::failure(ErrorKind::InvalidInput, client.diagnostics()[0].message));
    nlohmann::json arguments = ctx->renderValue(engine::valueOr(config, "arguments", nlohmann::json::object()));
    auto c = client.value();
    std::weak_ptr<McpClient> weak = c;
    c->listTools([ctx, done, weak, server, toolName, arguments](nlohmann::json tools, McpError error) mutable {
        auto client = weak.lock();
        if (!client)
            return done(NodeResult::failure(ErrorKind::Cancelled, "The plugin server was closed."));
        if (error)
            return done(NodeResult::failure(kindOf(error), error.message));
        for (const auto &tool : tools)
            if (engine::valueOr(tool, "name", "") == toolName)
                return callTool(ctx, done, client, tool, std::move(arguments));
        std::string names;
        for (const auto &tool : tools)
            names += (names.empty() ? "" : ", ") + engine::valueOr(tool, "name", "");
        done(NodeResult::failure(ErrorKind::InvalidInput, "The plugin '" + server + "' has no tool '" + toolName +
                                                              "'. Its tools: " + names + "."));
    });
}

} // namespace

NodeDescriptor mcpToolNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "mcp.tool";
    d.title = "MCP tool";
    d.titleZh = "MCP 工具";
    d.description = "Calls one tool of an MCP plugin server; arguments may use references.";
    d.descriptionZh = "调用 MCP 插件服务器的一个工具，参数可以引用变量。";
    d.icon = "plugin";
    d.category = "tools";
    d.asynchronous = true;
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["server", "tool"], "additionalProperties": false,
      "properties": {
        "server": { "type": "string", "minLength": 1, "title": "Plugin", "format": "plugin-alias" },
        "tool": { "type": "string", "minLength": 1, "title": "Tool" },
        "arguments": { "type": "object", "title": "Arguments" },
        "timeoutMs": { "type": "integer", "minimum": 1, "title": "Timeout (ms)" }
      }
    })json");
    d.outputs = {{"text", "string", "The text parts of the result, joined"},
                 {"structured", "object", "The tool's structured content, or null"},
                 {"content", "array", "Every content part as the server sent it"},
                 {"is_error", "boolean", "True when the tool reported an error"}};
    d.defaultOutputs = [](const NodeSpec &) {
        return nlohmann::json{{"text", ""}, {"structured", nullptr}, {"content", nlohmann::json::array()}, {"is_error", true}};
    };
    d.validate = [](const NodeSpec &node, const Workflow &wf) {
        Diagnostics out;
        checkPluginDeclared(node, wf, engine::valueOr(node.config, "server", ""), "config.server", out);
        return out;
    };
    d.execute = run;
    return d;
}

} // namespace flowdeck::engine
