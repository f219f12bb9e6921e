#include "engine/core/jsonaccess.h"
#include "engine/nodes/comparison.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"
#include "engine/workflow/reference.h"

#include <cmath>

namespace flowdeck::engine {

namespace {

// The declared type of what `selector` names (a conversation or loop variable), or "".
std::string declaredType(const std::string &selector, const NodeSpec &node, const Workflow &wf)
{
    auto ref = parseReference(selector);
    if (!ref || ref->path.size() != 1)
        return {};
    if (ref->kind == Reference::Kind::Conversation) {
        const VariableSpec *v = wf.findVariable(ref->firstKey());
        return v ? v->type : std::string();
    }
    if (ref->kind != Reference::Kind::Node)
        return {};
    const auto chain = wf.containersOf(node.id);
    if (std::find(chain.begin(), chain.end(), ref->root) == chain.end())
        return {};
    const NodeSpec *loop = wf.findNode(ref->root);
    if (!loop || loop->type != "loop")
        return {};
    for (const auto &v : valueOr<nlohmann::json>(loop->config, "variables", nlohmann::json::array()))
        if (valueOr(v, "name", "") == ref->firstKey())
            return valueOr(v, "type", "string");
    return {};
}

std::string typeOfValue(const nlohmann::json &v)
{
    if (v.is_number())
        return "number";
    if (v.is_boolean())
        return "boolean";
    if (v.is_object())
        return "object";
    if (v.is_array())
        return "array";
    if (v.is_string())
        return "string";
    return "null";
}

// Makes `value` the declared type where it reads as one ("3" for a number); false when it cannot.
bool fitType(const std::string &type, nlohmann::json &value)
{
    if (value.is_null())
        return true;
    if (type == "number") {
        double d;
        if (!comparableNumber(value, d) || value.is_boolean())
            return false;
        value = d;
        return true;
    }
    if (type == "string")
        return value.is_string() || (value = comparableText(value), true);
    if (type == "boolean")
        return value.is_boolean() || (value.is_string() && (value == "true" || value == "false") &&
                                      (value = value == "true", true));
    if (type == "object")
        return value.is_object();
    return value.is_array();
}

// Applies one operation; the error says what did not fit.
std::string apply(const std::string &op, const std::string &type, nlohmann::json &slot, nlohmann::json value)
{
    if (op == "clear") {
        VariableSpec spec;
        spec.type = type;
        slot = spec.initialValue();
        return {};
    }
    if (op == "set" || op == "overwrite") {
        if (!fitType(type, value))
            return "is a " + type + ", and " + typeOfValue(value) + " does not fit it";
        slot = std::move(value);
        return {};
    }
    if (op == "append" || op == "extend" || op == "remove-first" || op == "remove-last") {
        if (!slot.is_array())
            return "is not a list, so '" + op + "' cannot change it";
        if (op == "append")
            slot.push_back(std::move(value));
        else if (op == "extend" && !value.is_array())
            return "can only be extended by a list, not by " + typeOfValue(value);
        else if (op == "extend")
            for (auto &v : value)
                slot.push_back(std::move(v));
        else if (!slot.empty())
            slot.erase(op == "remove-first" ? slot.begin() : slot.end() - 1);
        return {};
    }
    double a, b;
    if (!comparableNumber(slot, a) || slot.is_boolean())
        return "is not a number, so '" + op + "' cannot change it";
    if (!comparableNumber(value, b) || value.is_boolean())
        return "cannot be changed by '" + comparableText(value) + "', which is not a number";
    if (op == "divide" && b == 0)
        return "cannot be divided by zero";
    const double r = op == "add" ? a + b : op == "subtract" ? a - b : op == "multiply" ? a * b : a / b;
    if (!std::isfinite(r))
        return "would not be a finite number";
    slot = r == std::floor(r) && std::fabs(r) < 9e15 ? nlohmann::json(static_cast<long long>(r)) : nlohmann::json(r);
    return {};
}

} // namespace

NodeDescriptor assignerNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "assigner";
    d.title = "Variable assigner";
    d.titleZh = "变量赋值";
    d.description = "Writes conversation variables (kept for the next turn) or the variables of the loop it is in: "
                    "set, clear, append, extend, remove first or last, add, subtract, multiply, divide.";
    d.descriptionZh = "写入会话变量（下一轮对话仍保留）或所在循环的循环变量：设置、清空、追加、合并、删除首项或末项、加减乘除。";
    d.icon = "assigner";
    d.category = "logic";
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["items"], "additionalProperties": false,
      "properties": { "items": { "type": "array", "minItems": 1, "title": "Assignments", "items": {
        "type": "object", "required": ["variable", "operation"], "additionalProperties": false,
        "properties": {
          "variable": { "type": "string", "title": "Variable", "pattern": "^[A-Za-z_][A-Za-z0-9_-]*\\.[A-Za-z_][A-Za-z0-9_]*$" },
          "operation": { "enum": ["set", "overwrite", "clear", "append", "extend", "remove-first", "remove-last",
                                  "add", "subtract", "multiply", "divide"] },
          "value": { "title": "Value" } } } } }
    })json");
    d.validate = [](const NodeSpec &node, const Workflow &wf) {
        Diagnostics out;
        int i = 0;
        for (const auto &item : valueOr<nlohmann::json>(node.config, "items", nlohmann::json::array())) {
            const std::string selector = valueOr(item, "variable", "");
            if (declaredType(selector, node, wf).empty()) {
                Diagnostic diag;
                diag.code = "unknown-assign-target";
                diag.nodeId = node.id;
                diag.field = "config.items[" + std::to_string(i) + "].variable";
                diag.message = "'" + selector + "' is neither a declared conversation variable (conversation.name) nor "
                               "a variable of a loop this node is inside (loop_id.name).";
                diag.args = {selector};
                out.push_back(diag);
            }
            ++i;
        }
        return out;
    };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        const NodeSpec &node = ctx->node();
        for (const auto &item : valueOr<nlohmann::json>(node.config, "items", nlohmann::json::array())) {
            const std::string selector = valueOr(item, "variable", "");
            const std::string op = valueOr(item, "operation", "set");
            auto ref = parseReference(selector);
            nlohmann::json *slot = ref ? ctx->variableSlot(*ref) : nullptr;
            if (!slot)
                return done(NodeResult::failure(ErrorKind::InvalidInput,
                                                "There is no variable '" + selector + "' to write here."));
            const std::string type = declaredType(selector, node, ctx->workflow());
            nlohmann::json value = ctx->renderValue(valueOr<nlohmann::json>(item, "value", nullptr));
            const std::string error = apply(op, type, *slot, std::move(value));
            if (!error.empty())
                return done(NodeResult::failure(ErrorKind::InvalidInput, "The variable '" + selector + "' " + error + "."));
        }
        done(NodeResult::success(nlohmann::json::object()));
    };
    return d;
}

} // namespace flowdeck::engine
