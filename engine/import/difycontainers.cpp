// Dify iteration and loop nodes; the nodes inside them are mapped with the rest and get
// `parent` set (difygraph.cpp).
#include "engine/import/difycontext.h"

#include <algorithm>

namespace flowdeck::engine::dify {

namespace {

using Kind = ImportIssue::Kind;

// A loop variable's starting value: a constant, or a reference to an upstream value.
nlohmann::json loopStart(ImportContext &ctx, const DifyNode &dn, const nlohmann::json &v, const std::string &field)
{
    const nlohmann::json &value = member(v, "value");
    if (scalarText(member(v, "value_type")) == "variable" || (value.is_array() && !value.empty() && value[0].is_string() &&
                                                              scalarText(member(v, "value_type")).empty()))
        return ctx.selector(value, dn, field);
    if (value.is_string())
        return ctx.text(value.get<std::string>(), dn, field);
    return value;
}

} // namespace

void mapIteration(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "iteration";
    std::string items = ctx.selector(member(dn.data, "iterator_selector"), dn, "iterator_selector");
    if (items.empty()) {
        items = "[]";
        ctx.issue(Kind::Todo, ImportContext::where(dn), "iterator_selector", "Choose the list to go through.");
    }
    nlohmann::json config = {{"items", items}};
    const std::string output = ctx.selector(member(dn.data, "output_selector"), dn, "output_selector");
    if (!output.empty())
        config["output"] = output;
    if (truthy(member(dn.data, "is_parallel"))) {
        config["parallel"] = true;
        double n = 0;
        if (numberOf(member(dn.data, "parallel_nums"), n))
            config["maxParallel"] = static_cast<int>(std::clamp(n, 1.0, 64.0));
    }
    const std::string mode = scalarText(member(dn.data, "error_handle_mode"));
    if (mode == "continue-on-error")
        config["errorMode"] = "continue";
    else if (mode == "remove-abnormal-output")
        config["errorMode"] = "drop";
    else if (mode == "terminated")
        config["errorMode"] = "stop";
    if (truthy(member(dn.data, "flatten_output")))
        config["flatten"] = true;
    node.config = std::move(config);
}

void mapLoop(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "loop";
    nlohmann::json config = nlohmann::json::object();
    static const std::vector<std::string> types = {"string", "number", "boolean", "object",
                                                   "array[string]", "array[number]", "array[object]"};
    nlohmann::json variables = nlohmann::json::array();
    std::size_t i = 0;
    for (const auto &v : arrayOf(dn.data, "loop_variables")) {
        const std::string field = "loop_variables[" + std::to_string(i++) + "]";
        const std::string label = scalarText(member(v, "label"));
        std::string type = scalarText(member(v, "var_type"));
        if (std::find(types.begin(), types.end(), type) == types.end()) {
            ctx.issue(Kind::Changed, ImportContext::where(dn) + "/" + field, "var_type " + type,
                      "Flowdeck's loop variables have no type '" + type + "'; '" + label + "' is kept as text.");
            type = "string";
        }
        nlohmann::json var = {{"name", dn.outputs.count(label) ? dn.outputs[label] : identifier(label, "var")}, {"type", type}};
        nlohmann::json start = loopStart(ctx, dn, v, field);
        if (!start.is_null())
            var["value"] = std::move(start);
        variables.push_back(std::move(var));
    }
    if (!variables.empty())
        config["variables"] = variables;
    double count = 0;
    if (numberOf(member(dn.data, "loop_count"), count))
        config["maxRounds"] = static_cast<int>(std::clamp(count, 1.0, 100000.0));
    const bool andLogic = scalarText(member(dn.data, "logical_operator")) == "and";
    nlohmann::json conditions = nlohmann::json::array();
    i = 0;
    for (const auto &cond : arrayOf(dn.data, "break_conditions")) {
        const std::string field = "break_conditions[" + std::to_string(i++) + "]";
        const std::string op = scalarText(member(cond, "comparison_operator"));
        const std::string left = ctx.selector(member(cond, "variable_selector"), dn, field + ".variable_selector");
        const nlohmann::json &value = member(cond, "value");
        const nlohmann::json right = value.is_string() ? nlohmann::json(ctx.text(value.get<std::string>(), dn, field + ".value"))
                                     : value.is_number() || value.is_boolean() || value.is_array() ? value
                                                                                                   : nlohmann::json("");
        MappedCondition m = mapComparison(op, left, right, andLogic, false);
        if (!m.ok) {
            ctx.issue(Kind::Unmapped, ImportContext::where(dn) + "/" + field, "comparison_operator " + op,
                      m.problem + "; this stop condition was left out.");
            continue;
        }
        for (auto &c : m.conditions)
            conditions.push_back(std::move(c));
    }
    if (!conditions.empty())
        config["breakWhen"] = {{"logic", andLogic ? "and" : "or"}, {"conditions", conditions}};
    node.config = std::move(config);
}

} // namespace flowdeck::engine::dify
