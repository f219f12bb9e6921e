#include "engine/core/jsonschema.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/mcp/mcpresult.h"
#include "engine/mcp/mcpserverpool.h"
#include "engine/nodes/declaredchecks.h"
#include "engine/nodes/modelrequest.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/runservices.h"

namespace flowdeck::engine {

namespace {

struct AgentTool {
    std::string function;  // the name the model sees: server__tool
    std::string server;
    nlohmann::json tool;
    std::shared_ptr<McpClient> client;
};

std::string functionName(const std::string &server, const std::string &tool)
{
    std::string name = server + "__" + tool;
    for (char &c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
            c = '_';
    return name.substr(0, 64);
}

// One agent node's run: the model is asked, the tools it calls are run through MCP and
// their results fed back, until it answers without tools or the iterations run out.
class AgentLoop : public std::enable_shared_from_this<AgentLoop> {
public:
    AgentLoop(std::shared_ptr<NodeContext> ctx, NodeDone done, ChatRequest base)
        : m_ctx(std::move(ctx)), m_done(std::move(done)), m_base(std::move(base))
    {
        m_messages = m_base.messages;
        m_maxIterations = engine::valueOr(m_ctx->node().config, "maxIterations", 5);
    }

    void begin()
    {
        std::weak_ptr<AgentLoop> weak = shared_from_this();
        m_ctx->cancelSignal().onCancel([weak] {
            if (auto self = weak.lock())
                self->cancel();
        });
        loadTools(0);
    }

private:
    void finish(NodeResult result)
    {
        if (m_finished)
            return;
        m_finished = true;
        result.usage = m_usage;
        m_done(std::move(result));
    }

    void cancel()
    {
        m_finished = true;
        if (auto c = m_call.lock())
            c->cancel();
        if (m_toolClient)
            m_toolClient->cancel(m_toolHandle, "the run was cancelled");
    }

    void loadTools(std::size_t index)
    {
        const auto wanted = engine::valueOr(m_ctx->node().config, "tools", nlohmann::json::array());
        if (index >= wanted.size())
            return ask();
        const std::string server = engine::valueOr(wanted[index], "server", "");
        const std::string only = engine::valueOr(wanted[index], "tool", "");
        auto client = m_ctx->services().mcp->clientFor(m_ctx->workflow(), server);
        if (!client)
            return finish(NodeResult::failure(ErrorKind::InvalidInput, client.diagnostics()[0].message));
        auto self = shared_from_this();
        auto c = client.value();
        c->listTools([self, index, server, only, c](nlohmann::json tools, McpError error) {
            if (self->m_finished)
                return;
            if (error)
                return self->finish(NodeResult::failure(ErrorKind::Network, error.message));
            bool found = only.empty();
            for (const auto &t : tools) {
                const std::string name = engine::valueOr(t, "name", "");
                if (!only.empty() && name != only)
                    continue;
                found = true;
                self->m_tools.push_back({functionName(server, name), server, t, c});
            }
            if (!found)
                return self->finish(NodeResult::failure(ErrorKind::InvalidInput,
                                                        "The plugin '" + server + "' has no tool '" + only + "'."));
            self->loadTools(index + 1);
        });
    }

    nlohmann::json toolSpecs() const
    {
        nlohmann::json specs = nlohmann::json::array();
        for (const auto &t : m_tools)
            specs.push_back({{"type", "function"},
                             {"function", {{"name", t.function},
                                           {"description", engine::valueOr(t.tool, "description", "")},
                                           {"parameters", engine::valueOr(t.tool, "inputSchema", nlohmann::json{{"type", "object"}})}}}});
        return specs;
    }

    void ask()
    {
        if (m_finished)
            return;
        if (++m_iteration > m_maxIterations)
            return finish(NodeResult::failure(ErrorKind::Limit, "The agent did not finish within " +
                                                                    std::to_string(m_maxIterations) +
                                                                    " rounds of tool calls. Raise maxIterations or "
                                                                    "make the task smaller."));
        ChatRequest req = m_base;
        req.messages = m_messages;
        req.tools = toolSpecs();
        ChatCallbacks cb = modelCallbacks(m_ctx);
        auto self = shared_from_this();
        cb.onComplete = [self](ChatResult result, ChatError error) {
            if (self->m_finished)
                return;
            self->m_usage.add(result.usage);
            if (error)
                return self->finish(NodeResult::failure(error.kind, error.message));
            if (result.toolCalls.empty())
                return self->finish(NodeResult::success(
                    {{"text", result.text}, {"steps", self->m_steps}, {"usage", self->m_usage.toJson()}}));
            nlohmann::json assistant = {{"role", "assistant"}, {"tool_calls", result.toolCalls}};
            assistant["content"] = result.text.empty() ? nlohmann::json() : nlohmann::json(result.text);
            self->m_messages.push_back(std::move(assistant));
            self->m_pendingCalls = result.toolCalls;
            self->runTool(0);
        };
        m_call = startChat(m_ctx->io(), *m_ctx->services().http, std::move(req), std::move(cb));
    }

    void answerTool(const std::string &callId, const std::string &content, nlohmann::json step)
    {
        m_messages.push_back({{"role", "tool"}, {"tool_call_id", callId}, {"content", content}});
        m_steps.push_back(std::move(step));
    }

    void runTool(std::size_t index)
    {
        if (m_finished)
            return;
        if (index >= m_pendingCalls.size())
            return ask();
        const auto &call = m_pendingCalls[index];
        const std::string id = engine::valueOr(call, "id", "");
        const std::string fn = engine::valueOr(call["function"], "name", "");
        nlohmann::json step = {{"iteration", m_iteration}, {"function", fn}};
        auto args = engine::parseJson(engine::valueOr(call["function"], "arguments", "{}"));
        const AgentTool *tool = nullptr;
        for (const auto &t : m_tools)
            if (t.function == fn)
                tool = &t;
        // Mistakes the model can fix go back to it as the tool's answer.
        if (!tool || args.is_discarded() || !args.is_object()) {
            const std::string why = !tool ? "There is no tool named " + fn + "." : "The arguments are not a JSON object.";
            step["error"] = why;
            answerTool(id, why, step);
            return runTool(index + 1);
        }
        step["server"] = tool->server;
        step["tool"] = engine::valueOr(tool->tool, "name", "");
        step["arguments"] = args;
        std::string schemaError;
        if (auto schema = m_ctx->services().mcp->toolSchema(tool->server, tool->tool, &schemaError)) {
            auto violations = schema->validate(args);
            if (!violations.empty()) {
                const std::string why = "The arguments do not fit the tool's input schema: " + JsonSchema::describe(violations);
                step["error"] = why;
                answerTool(id, why, step);
                return runTool(index + 1);
            }
        }
        m_ctx->log("info", "Calling " + tool->server + " / " + step["tool"].get<std::string>());
        auto self = shared_from_this();
        m_toolClient = tool->client;
        m_toolHandle = tool->client->callTool(step["tool"].get<std::string>(), args,
                                              [self, index, id, step](nlohmann::json result, McpError error) mutable {
                                                  if (self->m_finished)
                                                      return;
                                                  self->m_toolClient.reset();
                                                  std::string text;
                                                  if (error) {
                                                      text = "The tool failed: " + error.message;
                                                      step["error"] = error.message;
                                                  } else {
                                                      text = mcpResultText(result);
                                                      step["result"] = text;
                                                      step["is_error"] = engine::valueOr(result, "isError", false);
                                                  }
                                                  self->answerTool(id, text, step);
                                                  self->runTool(index + 1);
                                              });
    }

    std::shared_ptr<NodeContext> m_ctx;
    NodeDone m_done;
    ChatRequest m_base;
    nlohmann::json m_messages;
    nlohmann::json m_steps = nlohmann::json::array();
    nlohmann::json m_pendingCalls;
    std::vector<AgentTool> m_tools;
    std::weak_ptr<ChatCall> m_call;
    std::shared_ptr<McpClient> m_toolClient;
    long long m_toolHandle = 0;
    Usage m_usage;
    int m_iteration = 0;
    int m_maxIterations = 5;
    bool m_finished = false;
};

void run(std::shared_ptr<NodeContext> ctx, NodeDone done)
{
    if (!ctx->services().mcp)
        return done(NodeResult::failure(ErrorKind::Internal, "No MCP plugin servers are set up for this run."));
    NodeResult error;
    auto request = modelRequest(*ctx, error);
    if (!request)
        return done(std::move(error));
    std::make_shared<AgentLoop>(ctx, std::move(done), std::move(*request))->begin();
}

} // namespace

NodeDescriptor agentNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "agent";
    d.title = "Agent";
    d.titleZh = "智能体";
    d.description = "A model that calls MCP tools in a loop until it can answer, within a set number of rounds.";
    d.descriptionZh = "大模型循环调用 MCP 工具直到能够作答，轮数有上限。";
    d.icon = "agent";
    d.category = "model";
    d.asynchronous = true;
    d.promptFields = {"system", "prompt"};
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["prompt", "tools"], "additionalProperties": false,
      "x-form": [ { "section": "model", "fields": ["model"] },
                  { "section": "prompt", "fields": ["system", "prompt", "history"] },
                  { "section": "tools", "fields": ["tools", "maxIterations"] },
                  { "section": "output", "fields": ["stream"] },
                  { "section": "advanced", "fields": ["temperature", "maxTokens"] } ],
      "properties": {
        "model": { "type": "string", "title": "Model", "default": "default", "format": "model-alias" },
        "system": { "type": "string", "title": "Instructions", "format": "template" },
        "prompt": { "type": "string", "title": "Task", "minLength": 1, "format": "template" },
        "history": { "type": "integer", "title": "History turns", "minimum": 0, "maximum": 50 },
        "tools": { "type": "array", "title": "Tools", "minItems": 1, "items": {
          "type": "object", "required": ["server"], "additionalProperties": false,
          "properties": { "server": { "type": "string", "minLength": 1 }, "tool": { "type": "string" } } } },
        "maxIterations": { "type": "integer", "title": "Most rounds of tool calls", "minimum": 1, "maximum": 50, "default": 5 },
        "temperature": { "type": "number", "title": "Temperature", "minimum": 0, "maximum": 2 },
        "maxTokens": { "type": "integer", "title": "Max tokens", "minimum": 1 },
        "stream": { "type": "boolean", "title": "Stream", "default": true }
      }
    })json");
    d.outputs = {{"text", "string", "The agent's final answer"},
                 {"steps", "array", "Every tool call: server, tool, arguments, result or error"},
                 {"usage", "object", "Tokens used over all rounds"}};
    d.defaultOutputs = [](const NodeSpec &) {
        return nlohmann::json{{"text", ""}, {"steps", nlohmann::json::array()}, {"usage", Usage{}.toJson()}};
    };
    d.validate = [](const NodeSpec &node, const Workflow &wf) {
        Diagnostics out;
        checkModelDeclared(node, wf, out);
        const auto tools = engine::valueOr(node.config, "tools", nlohmann::json::array());
        for (std::size_t i = 0; i < tools.size(); ++i)
            checkPluginDeclared(node, wf, engine::valueOr(tools[i], "server", ""), "config.tools[" + std::to_string(i) + "].server", out);
        return out;
    };
    d.execute = run;
    return d;
}

} // namespace flowdeck::engine
