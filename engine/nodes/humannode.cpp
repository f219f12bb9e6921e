#include "engine/core/jsonaccess.h"
#include "engine/nodes/humanform.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"

namespace flowdeck::engine {

namespace {

double timeoutSeconds(const NodeSpec &node) { return std::max(0.0, valueOr(node.config, "timeout", 0.0)); }

Diagnostic formProblem(const NodeSpec &node, std::string field, std::string message, std::vector<std::string> args)
{
    Diagnostic d;
    d.code = "human-form";
    d.nodeId = node.id;
    d.field = std::move(field);
    d.message = std::move(message);
    d.args = std::move(args);
    return d;
}

} // namespace

NodeDescriptor humanNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "human";
    d.title = "Human input";
    d.titleZh = "人工介入";
    d.description = "Pauses the run and shows a person a form: text, fields to fill and buttons. Each button is a "
                    "branch; a time limit can take its own branch. The run goes on when someone answers, even after "
                    "the runtime restarts.";
    d.descriptionZh = "暂停运行，给人看一张表单：说明文字、要填的字段和按钮。每个按钮是一个分支，超时也可以走自己的分支。"
                      "有人回应后运行继续，运行环境重启后也能继续。";
    d.icon = "human";
    d.category = "logic";
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["actions"], "additionalProperties": false,
      "properties": {
        "text": { "type": "string", "title": "Text shown (markdown)", "format": "template" },
        "fields": { "type": "array", "title": "Fields", "items": {
          "type": "object", "required": ["name"], "additionalProperties": false,
          "properties": {
            "name": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,63}$" },
            "type": { "enum": ["text", "paragraph", "number", "select", "boolean"] },
            "label": { "type": "string" },
            "required": { "type": "boolean" },
            "options": { "type": "array", "items": { "type": "string" } },
            "default": { "type": "string", "format": "template" } } } },
        "actions": { "type": "array", "minItems": 1, "title": "Buttons", "items": {
          "type": "object", "required": ["id", "label"], "additionalProperties": false,
          "properties": {
            "id": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_-]{0,63}$" },
            "label": { "type": "string", "minLength": 1 },
            "style": { "enum": ["primary", "default", "danger"] } } } },
        "timeout": { "type": "number", "minimum": 0, "maximum": 31536000, "title": "Time limit (seconds; 0: none)" }
      }
    })json");
    d.outputsFor = [](const NodeSpec &node, const Workflow &) {
        std::vector<OutputSpec> out;
        for (const auto &f : valueOr<nlohmann::json>(node.config, "fields", nlohmann::json::array())) {
            const std::string type = valueOr(f, "type", "text");
            out.push_back({valueOr(f, "name", ""), type == "number" || type == "boolean" ? type : "string",
                           valueOr(f, "label", "")});
        }
        out.push_back({"action", "string", "The id of the button pressed, or \"timeout\""});
        out.push_back({"values", "object", "Every field's value"});
        return out;
    };
    d.portsFor = [](const NodeSpec &node) {
        std::vector<PortSpec> ports;
        for (const auto &a : valueOr<nlohmann::json>(node.config, "actions", nlohmann::json::array()))
            ports.push_back({valueOr(a, "id", ""), valueOr(a, "label", "")});
        if (timeoutSeconds(node) > 0)
            ports.push_back({"timeout", "Timed out", "超时"});
        return ports;
    };
    d.validate = [](const NodeSpec &node, const Workflow &) {
        Diagnostics out;
        std::vector<std::string> seen;
        for (const auto &a : valueOr<nlohmann::json>(node.config, "actions", nlohmann::json::array())) {
            const std::string id = valueOr(a, "id", "");
            if (id == "timeout" || id == kErrorPort || std::find(seen.begin(), seen.end(), id) != seen.end())
                out.push_back(formProblem(node, "config.actions", "The button id '" + id + "' is used twice or is "
                                                                  "reserved (timeout, error); give each button its own id.",
                                          {id}));
            seen.push_back(id);
        }
        seen.clear();
        for (const auto &f : valueOr<nlohmann::json>(node.config, "fields", nlohmann::json::array())) {
            const std::string name = valueOr(f, "name", "");
            if (name == "action" || name == "values" || std::find(seen.begin(), seen.end(), name) != seen.end())
                out.push_back(formProblem(node, "config.fields", "The field name '" + name + "' is used twice or is "
                                                                 "reserved (action, values).",
                                          {name}));
            if (valueOr(f, "type", "text") == "select" && valueOr<nlohmann::json>(f, "options", nullptr).empty())
                out.push_back(formProblem(node, "config.fields", "The choice field '" + name + "' has no options.", {name}));
            seen.push_back(name);
        }
        return out;
    };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        const NodeSpec &node = ctx->node();
        nlohmann::json fields = nlohmann::json::array();
        for (auto f : valueOr<nlohmann::json>(node.config, "fields", nlohmann::json::array())) {
            if (f.contains("default"))
                f["default"] = ctx->render(valueOr(f, "default", ""));
            fields.push_back(std::move(f));
        }
        const double timeout = timeoutSeconds(node);
        nlohmann::json form = {{"node", node.id},
                               {"title", node.title.empty() ? node.id : node.title},
                               {"text", ctx->render(valueOr(node.config, "text", ""))},
                               {"fields", std::move(fields)},
                               {"actions", valueOr<nlohmann::json>(node.config, "actions", nlohmann::json::array())}};
        if (timeout > 0)
            form["timeoutSeconds"] = timeout;
        nlohmann::json kept = form;
        ctx->awaitInput(std::move(form), static_cast<std::int64_t>(timeout * 1000),
                        [ctx, done = std::move(done), kept = std::move(kept)](HumanResponse response) {
                            const std::string error = checkHumanResponse(kept, response);
                            if (!error.empty())
                                return done(NodeResult::failure(ErrorKind::InvalidInput, error));
                            nlohmann::json outputs = response.values;
                            if (response.action == "timeout")
                                for (const auto &f : kept["fields"])
                                    outputs[valueOr(f, "name", "")] = valueOr<nlohmann::json>(f, "default", nullptr);
                            outputs["values"] = outputs;
                            outputs["action"] = response.action;
                            done(NodeResult::success(std::move(outputs), response.action));
                        });
    };
    return d;
}

} // namespace flowdeck::engine
