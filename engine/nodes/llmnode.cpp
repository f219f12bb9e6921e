#include "engine/core/secretstore.h"
#include "engine/model/chatclient.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/runservices.h"

namespace flowdeck::engine {

namespace {

nlohmann::json responseFormat(const nlohmann::json &config)
{
    const auto it = config.find("responseFormat");
    if (it == config.end() || *it == "text")
        return nullptr;
    if (*it == "json")
        return {{"type", "json_object"}};
    return {{"type", "json_schema"}, {"json_schema", {{"name", "output"}, {"schema", *it}, {"strict", true}}}};
}

void run(std::shared_ptr<NodeContext> ctx, NodeDone done)
{
    const NodeSpec &node = ctx->node();
    const nlohmann::json &config = node.config;
    RunServices &svc = ctx->services();
    if (!svc.http || !svc.profiles || !svc.secrets)
        return done(NodeResult::failure(ErrorKind::Internal, "No model services are set up for this run."));
    const std::string alias = config.value("model", "default");
    const nlohmann::json spec = ctx->workflow().models.value(alias, nlohmann::json::object());
    const std::string profileName = svc.profileOverride.empty() ? spec.value("profile", "") : svc.profileOverride;
    auto resolved = svc.profiles->resolve(profileName, *svc.secrets);
    if (!resolved)
        return done(NodeResult::failure(
            resolved.diagnostics()[0].message.find("API key") != std::string::npos ? ErrorKind::Auth : ErrorKind::InvalidInput,
            resolved.diagnostics()[0].message));

    ChatRequest req;
    req.profile = resolved->profile;
    req.apiKey = resolved->apiKey;
    req.model = !svc.modelOverride.empty() ? svc.modelOverride : spec.value("model", "");
    if (const auto system = ctx->render(config.value("system", "")); !system.empty())
        req.messages.push_back({{"role", "system"}, {"content", system}});
    if (const int turns = config.value("history", 0); turns > 0 && ctx->sys().contains("history")) {
        const auto &history = ctx->sys()["history"];
        const std::size_t keep = std::min<std::size_t>(history.size(), static_cast<std::size_t>(turns) * 2);
        for (std::size_t i = history.size() - keep; i < history.size(); ++i)
            req.messages.push_back(history[i]);
    }
    req.messages.push_back({{"role", "user"}, {"content", ctx->render(config.value("prompt", ""))}});
    if (config.contains("temperature"))
        req.temperature = config["temperature"].get<double>();
    if (config.contains("maxTokens"))
        req.maxTokens = config["maxTokens"].get<int>();
    req.responseFormat = responseFormat(config);
    req.stream = config.value("stream", true);
    req.stallTimeoutMs = svc.modelStallTimeoutMs;
    req.timeoutMs = svc.modelTimeoutMs;
    req.maxAttempts = svc.modelMaxAttempts;
    req.backoffMs = svc.modelBackoffMs;
    const bool wantsJson = !req.responseFormat.is_null();

    ChatCallbacks cb;
    cb.onDelta = [ctx](std::string_view text, std::string_view reasoning) {
        if (!reasoning.empty())
            ctx->token(reasoning, true);
        if (!text.empty())
            ctx->token(text, false);
    };
    cb.onRetry = [ctx](int attempt, long delayMs, const std::string &why) {
        ctx->log("warning", why + " Trying again (attempt " + std::to_string(attempt) + ") in " +
                                std::to_string(delayMs) + " ms.");
    };
    cb.onComplete = [ctx, done, wantsJson](ChatResult result, ChatError error) {
        if (error)
            return done(NodeResult::failure(error.kind, error.message));
        nlohmann::json json;
        if (wantsJson) {
            json = nlohmann::json::parse(result.text, nullptr, false);
            if (json.is_discarded())
                return done(NodeResult::failure(ErrorKind::Upstream,
                                                "The model was asked for JSON but answered with text that is not JSON."));
        }
        NodeResult r = NodeResult::success({{"text", result.text},
                                            {"json", json},
                                            {"reasoning", result.reasoning},
                                            {"toolCalls", result.toolCalls},
                                            {"usage", result.usage.toJson()}});
        r.usage = result.usage;
        done(std::move(r));
    };
    // The call's callbacks hold the context; a weak handle here avoids a cycle.
    std::weak_ptr<ChatCall> call = startChat(ctx->io(), *svc.http, std::move(req), std::move(cb));
    ctx->cancelSignal().onCancel([call] {
        if (auto c = call.lock())
            c->cancel();
    });
}

} // namespace

NodeDescriptor llmNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "llm";
    d.title = "LLM";
    d.titleZh = "大模型";
    d.description = "One chat completion from a model: system and user prompts, history, JSON output, streaming.";
    d.descriptionZh = "调用一次大模型：系统与用户提示词、对话历史、JSON 输出、流式返回。";
    d.icon = "llm";
    d.category = "model";
    d.asynchronous = true;
    d.promptFields = {"system", "prompt"};
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["prompt"], "additionalProperties": false,
      "properties": {
        "model": { "type": "string", "title": "Model", "default": "default", "format": "model-alias" },
        "system": { "type": "string", "title": "System prompt", "format": "template" },
        "prompt": { "type": "string", "title": "Prompt", "minLength": 1, "format": "template" },
        "history": { "type": "integer", "title": "History turns", "minimum": 0, "maximum": 50 },
        "temperature": { "type": "number", "title": "Temperature", "minimum": 0, "maximum": 2 },
        "maxTokens": { "type": "integer", "title": "Max tokens", "minimum": 1 },
        "responseFormat": { "title": "Output format",
          "oneOf": [ { "enum": ["text", "json"] }, { "type": "object", "title": "JSON Schema" } ] },
        "stream": { "type": "boolean", "title": "Stream", "default": true }
      }
    })json");
    d.outputs = {{"text", "string", "The model's reply"},
                 {"json", "object", "The reply parsed as JSON, when JSON output is chosen"},
                 {"reasoning", "string", "Reasoning text, for models that share it"},
                 {"toolCalls", "array", "Tool calls the model asked for"},
                 {"usage", "object", "Tokens used"}};
    d.defaultOutputs = [](const NodeSpec &) {
        return nlohmann::json{{"text", ""}, {"json", nullptr}, {"reasoning", ""}, {"toolCalls", nlohmann::json::array()},
                              {"usage", Usage{}.toJson()}};
    };
    d.validate = [](const NodeSpec &node, const Workflow &wf) {
        Diagnostics out;
        const std::string alias = node.config.value("model", "default");
        if (!wf.models.contains(alias)) {
            Diagnostic diag;
            diag.code = "unknown-model";
            diag.nodeId = node.id;
            diag.field = "config.model";
            diag.message = "The model '" + alias + "' is not declared in the workflow's models; add it or pick another.";
            out.push_back(diag);
        }
        return out;
    };
    d.execute = run;
    return d;
}

} // namespace flowdeck::engine
