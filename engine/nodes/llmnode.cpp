#include "engine/core/secretstore.h"
#include "engine/core/jsonread.h"
#include "engine/knowledge/knowledgecitations.h"
#include "engine/knowledge/knowledgeretrieval.h"
#include "engine/model/chatclient.h"
#include "engine/nodes/declaredchecks.h"
#include "engine/nodes/modelrequest.h"
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
    NodeResult error;
    auto request = modelRequest(*ctx, error);
    if (!request)
        return done(std::move(error));
    ChatRequest req = std::move(*request);
    req.responseFormat = responseFormat(ctx->node().config);
    const bool wantsJson = !req.responseFormat.is_null();
    RunServices &svc = ctx->services();

    ChatCallbacks cb = modelCallbacks(ctx);
    // "Append sources": the citations of a knowledge node, numbered as in its text, after the reply.
    std::string footer;
    if (auto sources = ctx->node().config.find("sources"); sources != ctx->node().config.end() && sources->is_string() &&
                                                            !sources->get_ref<const std::string &>().empty() && !wantsJson) {
        const nlohmann::json citations = ctx->renderValue(*sources);
        footer = sourcesFooter(citations, languageOfText(req.messages.back().value("content", "")));
    }
    cb.onComplete = [ctx, done, wantsJson, footer, streamed = req.stream](ChatResult result, ChatError error) {
        if (error)
            return done(NodeResult::failure(error.kind, error.message));
        if (!footer.empty()) {
            const std::string appended = "\n\n" + footer;
            result.text += appended;
            if (streamed)  // the reply went out as tokens: so does its footer
                ctx->token(appended);
        }
        nlohmann::json json;
        if (wantsJson) {
            json = engine::parseJson(result.text);
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
      "x-form": [ { "section": "model", "fields": ["model"] },
                  { "section": "prompt", "fields": ["system", "prompt", "history"] },
                  { "section": "output", "fields": ["responseFormat", "stream", "sources"] },
                  { "section": "advanced", "fields": ["temperature", "maxTokens"] } ],
      "properties": {
        "model": { "type": "string", "title": "Model", "default": "default", "format": "model-alias" },
        "system": { "type": "string", "title": "System prompt", "format": "template" },
        "prompt": { "type": "string", "title": "Prompt", "minLength": 1, "format": "template" },
        "history": { "type": "integer", "title": "History turns", "minimum": 0, "maximum": 50 },
        "temperature": { "type": "number", "title": "Temperature", "minimum": 0, "maximum": 2 },
        "maxTokens": { "type": "integer", "title": "Max tokens", "minimum": 1 },
        "responseFormat": { "title": "Output format", "default": "text",
          "oneOf": [ { "enum": ["text", "json"] }, { "type": "object", "title": "JSON Schema" } ] },
        "stream": { "type": "boolean", "title": "Stream", "default": true },
        "sources": { "type": "string", "title": "Append sources", "format": "template",
                     "description": "A knowledge node's citations, e.g. {{kb.citations}}: numbered sources are added after the reply." }
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
        checkModelDeclared(node, wf, out);
        return out;
    };
    d.execute = run;
    return d;
}

} // namespace flowdeck::engine
