#include "engine/nodes/nodecontext.h"
#include "engine/core/jsonaccess.h"
#include "engine/nodes/comparison.h"
#include "engine/nodes/noderegistry.h"


namespace flowdeck::engine {


NodeDescriptor conditionNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "condition";
    d.title = "Condition";
    d.titleZh = "条件分支";
    d.description = "If / else-if / else: follows the first case whose conditions hold.";
    d.descriptionZh = "如果 / 否则如果 / 否则：走第一个条件成立的分支。";
    d.icon = "condition";
    d.category = "logic";
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["cases"], "additionalProperties": false,
      "properties": { "cases": { "type": "array", "minItems": 1, "items": {
        "type": "object", "required": ["id", "conditions"], "additionalProperties": false,
        "properties": {
          "id": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$" },
          "label": { "type": "string" },
          "logic": { "enum": ["and", "or"] },
          "conditions": { "type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["left", "op"], "additionalProperties": false,
            "properties": {
              "left": { "type": "string", "format": "template" },
              "op": { "enum": ["eq", "ne", "contains", "not_contains", "starts_with", "ends_with",
                               "empty", "not_empty", "gt", "ge", "lt", "le", "regex"] },
              "right": { "type": ["string", "number", "boolean"] } } } } } } } }
    })json");
    d.outputs = {{"case", "string", "The id of the case taken, or \"else\""}};
    d.portsFor = [](const NodeSpec &node) {
        std::vector<PortSpec> ports;
        for (const auto &c : engine::valueOr(node.config, "cases", nlohmann::json::array()))
            if (c.is_object() && c.contains("id") && c["id"].is_string())
                ports.push_back({c["id"].get<std::string>(), engine::valueOr(c, "label", c["id"].get<std::string>())});
        ports.push_back({"else", "Else", "否则"});
        return ports;
    };
    d.validate = [](const NodeSpec &node, const Workflow &) {
        Diagnostics out;
        std::vector<std::string> seen;
        for (const auto &c : engine::valueOr(node.config, "cases", nlohmann::json::array())) {
            std::string id = engine::valueOr(c, "id", "");
            if (id == "else" || id == kErrorPort || std::find(seen.begin(), seen.end(), id) != seen.end()) {
                Diagnostic diag;
                diag.code = "duplicate-case";
                diag.nodeId = node.id;
                diag.field = "config.cases";
                diag.message = "The case id '" + id + "' is used twice or is reserved; give each case its own id.";
                out.push_back(diag);
            }
            seen.push_back(id);
        }
        return out;
    };
    d.defaultOutputs = [](const NodeSpec &) { return nlohmann::json{{"case", "else"}}; };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        for (const auto &c : ctx->node().config["cases"]) {
            std::string error;
            const bool result = conditionsHold(c, *ctx, error);
            if (!error.empty())
                return done(NodeResult::failure(ErrorKind::InvalidInput, error));
            if (result) {
                std::string id = c["id"].get<std::string>();
                return done(NodeResult::success({{"case", id}}, id));
            }
        }
        done(NodeResult::success({{"case", "else"}}, "else"));
    };
    return d;
}

} // namespace flowdeck::engine
