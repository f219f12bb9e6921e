// The extractor node (DESIGN.md §3): a model fills named, typed parameters from a text.
// The answer is checked; a wrong one is sent back once with what was wrong; a second
// wrong one ends the node with __is_success false and __reason, so the workflow can branch.
#include "engine/core/jsonaccess.h"
#include "engine/nodes/declaredchecks.h"
#include "engine/nodes/extractionparameters.h"
#include "engine/nodes/nodediagnostic.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"
#include "engine/nodes/structuredanswer.h"

#include <algorithm>

namespace flowdeck::engine {

namespace {

constexpr std::size_t kMaxAnswerEcho = 4000;  // bytes of a wrong answer sent back to the model

struct Extraction {
    std::shared_ptr<NodeContext> ctx;
    NodeDone done;
    ExtractionParameters parameters;
    ChatRequest request;
    Usage usage;
};

std::string systemPrompt(NodeContext &ctx, const ExtractionParameters &parameters)
{
    std::string text = "You extract information from the text the user gives and answer with one JSON object.\n\n"
                       "Parameters to fill:\n" +
                       parameters.describe();
    if (const std::string instruction = ctx.render(textOf(ctx.node().config, "instruction")); !instruction.empty())
        text += "\nInstructions:\n" + instruction + "\n";
    text += "\nAnswer with one JSON object and nothing else. Give every parameter above as a key; use null for a "
            "parameter the text does not give. Do not make values up.";
    return text;
}

void finish(const std::shared_ptr<Extraction> &job, nlohmann::json outputs)
{
    NodeResult r = NodeResult::success(std::move(outputs));
    r.usage = job->usage;
    job->done(std::move(r));
}

void ask(const std::shared_ptr<Extraction> &job, int round)
{
    askForJson(job->ctx, job->request, [job, round](std::string text, ChatResult result, ChatError error) {
        if (error)
            return job->done(NodeResult::failure(error.kind, error.message));
        job->usage.add(result.usage);
        const nlohmann::json answer = findJsonObject(text);
        const std::string problem = job->parameters.problemWith(answer);
        if (problem.empty()) {
            nlohmann::json outputs = job->parameters.values(answer);
            outputs["__is_success"] = true;
            outputs["__reason"] = "";
            return finish(job, std::move(outputs));
        }
        if (round == 1) {
            job->ctx->log("info", "The model's answer does not fit the parameters (" + problem + "); asking it once more.");
            job->request.messages.push_back(
                {{"role", "assistant"}, {"content", text.empty() ? std::string("(no answer)") : truncateUtf8(text, kMaxAnswerEcho)}});
            job->request.messages.push_back(
                {{"role", "user"},
                 {"content", "Your answer could not be used: " + problem +
                                 ". Answer again with one JSON object only that fits the parameters."}});
            return ask(job, 2);
        }
        nlohmann::json outputs = job->parameters.nullValues();
        outputs["__is_success"] = false;
        outputs["__reason"] = "The model's answer did not fit the parameters, even when asked again: " + problem + ".";
        job->ctx->log("warning", outputs["__reason"].get<std::string>());
        finish(job, std::move(outputs));
    });
}

void run(std::shared_ptr<NodeContext> ctx, NodeDone done)
{
    const nlohmann::json &config = ctx->node().config;
    const std::string input = ctx->render(textOf(config, "input"));
    if (input.find_first_not_of(" \t\r\n") == std::string::npos)
        return done(NodeResult::failure(ErrorKind::InvalidInput,
                                        "The extractor's input is empty: its Input field rendered to no text."));
    auto job = std::make_shared<Extraction>(Extraction{ctx, done, ExtractionParameters(config), {}, {}});
    const nlohmann::json schema = job->parameters.modelSchema();
    NodeResult error;
    auto request = jsonRequest(*ctx, systemPrompt(*ctx, job->parameters), input, schema, "parameters",
                               job->parameters.strictPossible(), error);
    if (!request)
        return done(std::move(error));
    // Without json_schema the provider does not see the schema: the prompt carries it.
    if (request->mode != StructuredOutput::JsonSchema)
        request->chat.messages[0]["content"] =
            request->chat.messages[0]["content"].get<std::string>() + "\n\nThe JSON must follow this JSON Schema:\n" +
            safeDump(schema, 2);
    job->request = std::move(request->chat);
    ask(job, 1);
}

Diagnostics checkParameters(const NodeSpec &node)
{
    Diagnostics out;
    std::vector<std::string> seen;
    const nlohmann::json list = valueOr(node.config, "parameters", nlohmann::json::array());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string name = textOf(list[i], "name");
        const std::string type = textOf(list[i], "type");
        const std::string field = "config.parameters[" + std::to_string(i) + "]";
        if (name.rfind("__", 0) == 0 || name == "error")
            out.push_back(nodeDiagnostic(node, "reserved-parameter", field,
                                           "The parameter name '" + name + "' is reserved for the node's own outputs; "
                                           "choose another name.", {name}));
        else if (std::find(seen.begin(), seen.end(), name) != seen.end())
            out.push_back(nodeDiagnostic(node, "duplicate-parameter", field,
                                           "The parameter '" + name + "' is declared twice; give each parameter its own name.",
                                           {name}));
        seen.push_back(name);
        const nlohmann::json allowed = valueOr(list[i], "enum", nlohmann::json());
        if (allowed.is_null())
            continue;
        const bool fits = std::all_of(allowed.begin(), allowed.end(), [&](const nlohmann::json &v) {
            return (type == "string" && v.is_string()) || (type == "number" && v.is_number());
        });
        if (!fits)
            out.push_back(nodeDiagnostic(node, "parameter-enum", field,
                                           "The allowed values of the parameter '" + name + "' must all be " +
                                               (type == "number" ? "numbers" : "texts") +
                                               ", and only text or number parameters can have them.",
                                           {name}));
    }
    return out;
}

} // namespace

NodeDescriptor extractorNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "extractor";
    d.title = "Parameter extractor";
    d.titleZh = "参数提取器";
    d.description = "A model fills named, typed parameters from a text (an invoice's total, a ticket's product), checked "
                    "and asked again once when wrong.";
    d.descriptionZh = "由大模型从文本中提取有名称、有类型的参数（如发票金额、工单产品），会校验结果，不符合时再问一次。";
    d.icon = "extractor";
    d.category = "model";
    d.asynchronous = true;
    d.promptFields = {"input", "instruction", "parameters"};
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["input", "parameters"], "additionalProperties": false,
      "x-form": [ { "section": "model", "fields": ["model"] },
                  { "section": "input", "fields": ["input", "history"] },
                  { "section": "parameters", "fields": ["parameters", "instruction"] },
                  { "section": "advanced", "fields": ["temperature", "maxTokens"] } ],
      "properties": {
        "model": { "type": "string", "title": "Model", "default": "default", "format": "model-alias" },
        "input": { "type": "string", "title": "Input", "minLength": 1, "default": "{{sys.query}}", "format": "template" },
        "parameters": { "type": "array", "title": "Parameters", "minItems": 1, "maxItems": 100,
          "x-format": "extractor-parameters",
          "items": { "type": "object", "required": ["name", "type"], "additionalProperties": false,
            "properties": {
              "name": { "type": "string", "title": "Name", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "maxLength": 64 },
              "type": { "title": "Type", "enum": ["string", "number", "boolean", "object",
                                                  "array[string]", "array[number]", "array[object]"] },
              "description": { "type": "string", "title": "Description", "maxLength": 4000 },
              "required": { "type": "boolean", "title": "Required", "default": false },
              "enum": { "type": "array", "title": "Allowed values", "minItems": 1, "maxItems": 100,
                        "items": { "type": ["string", "number"] } } } } },
        "instruction": { "type": "string", "title": "Instructions", "format": "template" },
        "history": { "type": "integer", "title": "History turns", "minimum": 0, "maximum": 50 },
        "temperature": { "type": "number", "title": "Temperature", "minimum": 0, "maximum": 2 },
        "maxTokens": { "type": "integer", "title": "Max tokens", "minimum": 1 }
      }
    })json");
    d.outputs = {{"__is_success", "boolean", "Whether the model's answer fit the parameters"},
                 {"__reason", "string", "Why it did not, when it did not"}};
    d.outputsFor = [own = d.outputs](const NodeSpec &node, const Workflow &) {
        std::vector<OutputSpec> outs;
        const ExtractionParameters parameters(node.config);
        for (const auto &p : parameters.list())
            outs.push_back({p.name, ExtractionParameters::outputType(p.type),
                            p.description.empty() ? "The parameter '" + p.name + "'" : p.description});
        outs.insert(outs.end(), own.begin(), own.end());
        return outs;
    };
    d.validate = [](const NodeSpec &node, const Workflow &wf) {
        Diagnostics out = checkParameters(node);
        checkModelDeclared(node, wf, out);
        return out;
    };
    d.defaultOutputs = [](const NodeSpec &node) {
        nlohmann::json outputs = ExtractionParameters(node.config).nullValues();
        outputs["__is_success"] = false;
        outputs["__reason"] = "";
        return outputs;
    };
    d.execute = run;
    return d;
}

} // namespace flowdeck::engine
