// The classifier node (DESIGN.md §3): a model routes the input to one of the described
// classes, or to "other" when none fits. One port per class.
#include "engine/core/jsonaccess.h"
#include "engine/nodes/declaredchecks.h"
#include "engine/nodes/nodediagnostic.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"
#include "engine/nodes/structuredanswer.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace flowdeck::engine {

namespace {

constexpr const char *kOtherId = "other";
constexpr const char *kOtherName = "Other";

struct ClassSpec {
    std::string id;
    std::string name;
};

std::vector<ClassSpec> classesOf(const nlohmann::json &config)
{
    std::vector<ClassSpec> out;
    for (const auto &c : valueOr(config, "classes", nlohmann::json::array()))
        if (const std::string id = textOf(c, "id"); !id.empty())
            out.push_back({id, valueOr(c, "name", id)});
    return out;
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

// The class the model named: by id, then by id or name ignoring case (models echo names).
const ClassSpec *classNamed(const std::vector<ClassSpec> &classes, const std::string &said)
{
    for (const auto &c : classes)
        if (c.id == said)
            return &c;
    const std::string wanted = lower(said);
    for (const auto &c : classes)
        if (lower(c.id) == wanted || lower(c.name) == wanted)
            return &c;
    return nullptr;
}

std::string systemPrompt(NodeContext &ctx)
{
    const nlohmann::json &config = ctx.node().config;
    std::string text = "You are a classifier. Read the input and decide which one of these classes it belongs to.\n\nClasses:\n";
    for (const auto &c : valueOr(config, "classes", nlohmann::json::array())) {
        const std::string id = textOf(c, "id");
        text += "- class_id \"" + id + "\": " + ctx.render(valueOr(c, "name", id));
        if (const std::string description = ctx.render(textOf(c, "description")); !description.empty())
            text += " — " + description;
        text += "\n";
        for (const auto &example : valueOr(c, "examples", nlohmann::json::array()))
            if (example.is_string() && !example.get_ref<const std::string &>().empty())
                text += "  Example: " + ctx.render(example.get_ref<const std::string &>()) + "\n";
    }
    text += std::string("- class_id \"") + kOtherId + "\": none of the classes above fits.\n";
    if (const std::string instruction = ctx.render(textOf(config, "instruction")); !instruction.empty())
        text += "\nInstructions:\n" + instruction + "\n";
    text += "\nAnswer with one JSON object and nothing else: {\"class_id\": \"<one of the class_id values above>\", "
            "\"confidence\": <how sure you are, a number from 0 to 1>}.";
    return text;
}

nlohmann::json answerSchema(const std::vector<ClassSpec> &classes)
{
    nlohmann::json ids = nlohmann::json::array();
    for (const auto &c : classes)
        ids.push_back(c.id);
    ids.push_back(kOtherId);
    return {{"type", "object"},
            {"properties", {{"class_id", {{"type", "string"}, {"enum", ids}}}, {"confidence", {{"type", "number"}}}}},
            {"required", {"class_id", "confidence"}},
            {"additionalProperties", false}};
}

// 0..1 from a number or numeric text; a percentage (85) is read as 0.85; null when absent.
nlohmann::json confidenceOf(const nlohmann::json &answer)
{
    double value = 0;
    const auto it = answer.find("confidence");
    if (it == answer.end())
        return nullptr;
    if (it->is_number()) {
        value = it->get<double>();
    } else if (it->is_string()) {
        const std::string &s = it->get_ref<const std::string &>();
        char *end = nullptr;
        value = std::strtod(s.c_str(), &end);
        if (end == s.c_str())
            return nullptr;
    } else {
        return nullptr;
    }
    if (value > 1 && value <= 100)
        value /= 100;
    return std::clamp(value, 0.0, 1.0);
}

// The class id the model gave, from {"class_id": ...} (or "class", "category"), or from a
// bare answer that is just an id or a name.
std::string saidClass(const std::string &text, const nlohmann::json &answer)
{
    if (answer.is_object()) {
        for (const char *key : {"class_id", "class", "category", "id"})
            if (const std::string said = textOf(answer, key); !said.empty())
                return said;
        return {};
    }
    std::string bare = text;
    bare.erase(std::remove(bare.begin(), bare.end(), '"'), bare.end());
    return bare.size() <= 64 ? bare : std::string();
}

void run(std::shared_ptr<NodeContext> ctx, NodeDone done)
{
    const nlohmann::json &config = ctx->node().config;
    const std::string input = ctx->render(textOf(config, "input"));
    if (input.find_first_not_of(" \t\r\n") == std::string::npos)
        return done(NodeResult::failure(ErrorKind::InvalidInput,
                                        "The classifier's input is empty: its Input field rendered to no text."));
    const std::vector<ClassSpec> classes = classesOf(config);
    NodeResult error;
    auto request = jsonRequest(*ctx, systemPrompt(*ctx), input, answerSchema(classes), "classification", true, error);
    if (!request)
        return done(std::move(error));
    askForJson(ctx, std::move(request->chat), [ctx, done, classes](std::string text, ChatResult result, ChatError error) {
        if (error)
            return done(NodeResult::failure(error.kind, error.message));
        const nlohmann::json answer = findJsonObject(text);
        const std::string said = saidClass(text, answer);
        const ClassSpec *chosen = said.empty() ? nullptr : classNamed(classes, said);
        if (!chosen && said != kOtherId)
            ctx->log("warning", answer.is_object() && !said.empty()
                                    ? "The model answered with the class '" + truncateUtf8(said, 64) +
                                          "', which is not one of this node's classes, so the input goes to Other."
                                    : "The model's answer names no class, so the input goes to Other. It answered: " +
                                          truncateUtf8(text, 300));
        const std::string id = chosen ? chosen->id : kOtherId;
        NodeResult r = NodeResult::success({{"class", chosen ? chosen->name : kOtherName},
                                            {"class_id", id},
                                            {"confidence", answer.is_object() ? confidenceOf(answer) : nlohmann::json()}},
                                           id);
        r.usage = result.usage;
        done(std::move(r));
    });
}

} // namespace

NodeDescriptor classifierNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "classifier";
    d.title = "Classifier";
    d.titleZh = "问题分类器";
    d.description = "A model sorts the input into one of the classes you describe (or Other); each class is its own branch.";
    d.descriptionZh = "由大模型把输入归入你描述的某个类别（或“其他”），每个类别是一条分支。";
    d.icon = "classifier";
    d.category = "model";
    d.asynchronous = true;
    d.promptFields = {"input", "instruction", "classes"};
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["input", "classes"], "additionalProperties": false,
      "x-form": [ { "section": "model", "fields": ["model"] },
                  { "section": "input", "fields": ["input", "history"] },
                  { "section": "classes", "fields": ["classes", "instruction"] },
                  { "section": "advanced", "fields": ["temperature", "maxTokens"] } ],
      "properties": {
        "model": { "type": "string", "title": "Model", "default": "default", "format": "model-alias" },
        "input": { "type": "string", "title": "Input", "minLength": 1, "default": "{{sys.query}}", "format": "template" },
        "classes": { "type": "array", "title": "Classes", "minItems": 1, "maxItems": 50, "x-format": "classifier-classes",
          "items": { "type": "object", "required": ["id", "name"], "additionalProperties": false,
            "properties": {
              "id": { "type": "string", "title": "Id", "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$", "maxLength": 64 },
              "name": { "type": "string", "title": "Name", "minLength": 1, "maxLength": 200 },
              "description": { "type": "string", "title": "Description", "maxLength": 4000 },
              "examples": { "type": "array", "title": "Examples", "maxItems": 20,
                            "items": { "type": "string", "maxLength": 2000 } } } } },
        "instruction": { "type": "string", "title": "Instructions", "format": "template" },
        "history": { "type": "integer", "title": "History turns", "minimum": 0, "maximum": 50 },
        "temperature": { "type": "number", "title": "Temperature", "minimum": 0, "maximum": 2 },
        "maxTokens": { "type": "integer", "title": "Max tokens", "minimum": 1 }
      }
    })json");
    d.outputs = {{"class", "string", "The name of the class chosen (\"Other\" when none fits)"},
                 {"class_id", "string", "The id of the class chosen, or \"other\""},
                 {"confidence", "number", "How sure the model was, from 0 to 1 (null when it did not say)"}};
    d.portsFor = [](const NodeSpec &node) {
        std::vector<PortSpec> ports;
        for (const ClassSpec &c : classesOf(node.config))
            ports.push_back({c.id, c.name});
        ports.push_back({kOtherId, kOtherName, "其他"});
        return ports;
    };
    d.validate = [](const NodeSpec &node, const Workflow &wf) {
        Diagnostics out;
        checkModelDeclared(node, wf, out);
        std::vector<std::string> seen;
        for (const ClassSpec &c : classesOf(node.config)) {
            if (c.id == kOtherId || c.id == kErrorPort)
                out.push_back(nodeDiagnostic(node, "reserved-class", "config.classes",
                                           "The class id '" + c.id + "' is reserved (the node has its own '" + c.id +
                                               "' branch); give the class another id.",
                                           {c.id}));
            else if (std::find(seen.begin(), seen.end(), c.id) != seen.end())
                out.push_back(nodeDiagnostic(node, "duplicate-class", "config.classes",
                                           "The class id '" + c.id + "' is used twice; give each class its own id.", {c.id}));
            seen.push_back(c.id);
        }
        return out;
    };
    d.defaultOutputs = [](const NodeSpec &) {
        return nlohmann::json{{"class", kOtherName}, {"class_id", kOtherId}, {"confidence", nullptr}};
    };
    d.execute = run;
    return d;
}

} // namespace flowdeck::engine
