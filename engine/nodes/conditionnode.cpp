#include "engine/nodes/nodecontext.h"
#include "engine/core/jsonaccess.h"
#include "engine/nodes/noderegistry.h"

#include <re2/re2.h>

#include <cstdlib>

namespace flowdeck::engine {

namespace {

std::string asText(const nlohmann::json &v)
{
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_null())
        return {};
    return safeDump(v);
}

bool asNumber(const nlohmann::json &v, double &out)
{
    if (v.is_number()) {
        out = v.get<double>();
        return true;
    }
    if (!v.is_string())
        return false;
    const std::string &s = v.get_ref<const std::string &>();
    char *end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end != s.c_str() && *end == '\0';
}

bool isEmptyValue(const nlohmann::json &v)
{
    return v.is_null() || (v.is_string() && v.get_ref<const std::string &>().empty()) ||
           ((v.is_array() || v.is_object()) && v.empty());
}

// Evaluates one comparison; `error` is set when the operands do not fit the operator.
bool compare(const std::string &op, const nlohmann::json &left, const nlohmann::json &right, std::string &error)
{
    if (op == "empty")
        return isEmptyValue(left);
    if (op == "not_empty")
        return !isEmptyValue(left);
    if (op == "eq" || op == "ne") {
        double a, b;
        bool same = (asNumber(left, a) && asNumber(right, b)) ? a == b : asText(left) == asText(right);
        return op == "eq" ? same : !same;
    }
    const std::string l = asText(left), r = asText(right);
    if (op == "contains" || op == "not_contains") {
        bool has = left.is_array() ? std::find(left.begin(), left.end(), right) != left.end() ||
                                         std::any_of(left.begin(), left.end(), [&](auto &e) { return asText(e) == r; })
                                   : l.find(r) != std::string::npos;
        return op == "contains" ? has : !has;
    }
    if (op == "starts_with")
        return l.rfind(r, 0) == 0;
    if (op == "ends_with")
        return l.size() >= r.size() && l.compare(l.size() - r.size(), r.size(), r) == 0;
    if (op == "regex") {
        RE2 re(r, RE2::Quiet);
        if (!re.ok()) {
            error = "The pattern \"" + r + "\" is not a valid regular expression: " + re.error();
            return false;
        }
        return RE2::PartialMatch(l, re);
    }
    double a, b;
    if (!asNumber(left, a) || !asNumber(right, b)) {
        error = "The comparison '" + op + "' needs numbers, but got \"" + l + "\" and \"" + r + "\".";
        return false;
    }
    if (op == "gt") return a > b;
    if (op == "ge") return a >= b;
    if (op == "lt") return a < b;
    if (op == "le") return a <= b;
    error = "Unknown comparison '" + op + "'.";
    return false;
}

} // namespace

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
        ports.push_back({"else", "Else"});
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
            bool any = engine::valueOr(c, "logic", "and") == "or";
            bool result = !any;
            for (const auto &cond : c["conditions"]) {
                std::string error;
                bool holds = compare(cond["op"].get<std::string>(), ctx->renderValue(cond["left"]),
                                     ctx->renderValue(engine::valueOr(cond, "right", nlohmann::json(""))), error);
                if (!error.empty())
                    return done(NodeResult::failure(ErrorKind::InvalidInput, error));
                result = any ? (result || holds) : (result && holds);
            }
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
