// Dify if-else, question-classifier, parameter-extractor, variable-aggregator, assigner and
// list-operator nodes.
#include "engine/import/difycontext.h"

#include <algorithm>

namespace flowdeck::engine::dify {

namespace {

using Kind = ImportIssue::Kind;

// A comparison's right-hand side: text with references converted, lists item by item.
nlohmann::json comparisonValue(ImportContext &ctx, const DifyNode &dn, const nlohmann::json &value, const std::string &field)
{
    if (value.is_string())
        return ctx.text(value.get<std::string>(), dn, field);
    if (value.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &v : value)
            out.push_back(v.is_string() ? nlohmann::json(ctx.text(v.get<std::string>(), dn, field)) : nlohmann::json(scalarText(v)));
        return out;
    }
    if (value.is_number() || value.is_boolean())
        return value;
    return "";
}

std::string assignTarget(ImportContext &ctx, const DifyNode &dn, const nlohmann::json &selector, const std::string &field)
{
    if (!selector.is_array() || selector.size() < 2) {
        ctx.issue(Kind::Unmapped, ImportContext::where(dn) + "/" + field, "variable_selector",
                  "The assignment names no variable to write.");
        return {};
    }
    const std::string root = scalarText(selector[0]);
    const std::string name = scalarText(selector[1]);
    if (root == "conversation" && ctx.conversationNames.count(name))
        return "conversation." + name;
    auto it = ctx.nodes.find(root);
    if (it != ctx.nodes.end() && it->second.difyType == "loop" && !it->second.id.empty()) {
        auto renamed = it->second.outputs.find(name);
        return it->second.id + "." + (renamed == it->second.outputs.end() ? name : renamed->second);
    }
    ctx.issue(Kind::Unmapped, ImportContext::where(dn) + "/" + field, root + "." + name,
              "Flowdeck's assigner writes conversation variables and loop variables only; this one is neither.");
    return {};
}

// A node with nothing left to do: a template that renders nothing keeps the graph's shape.
void noOperation(NodeSpec &node)
{
    node.type = "template";
    node.config = {{"template", ""}};
}

} // namespace

void historyFromMemory(ImportContext &ctx, const DifyNode &dn, nlohmann::json &config)
{
    const nlohmann::json &memory = member(dn.data, "memory");
    if (memory.is_null() || !ctx.chat())
        return;
    double size = 0;
    const nlohmann::json &window = member(memory, "window");
    if (truthy(member(window, "enabled")) && numberOf(member(window, "size"), size)) {
        config["history"] = static_cast<int>(std::clamp(size, 0.0, 50.0));
        return;
    }
    config["history"] = 50;
    ctx.issue(Kind::Changed, ImportContext::where(dn) + "/memory", "memory",
              "Dify sent as much of the conversation as fits the model; Flowdeck sends the last 50 turns.");
}

void mapIfElse(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "condition";
    nlohmann::json cases = arrayOf(dn.data, "cases");
    if (cases.empty() && member(dn.data, "conditions").is_array())  // before 0.1.3: one case, handles "true" / "false"
        cases = nlohmann::json::array({{{"case_id", "true"},
                                        {"logical_operator", member(dn.data, "logical_operator")},
                                        {"conditions", member(dn.data, "conditions")}}});
    nlohmann::json out = nlohmann::json::array();
    std::size_t i = 0;
    for (const auto &c : cases) {
        const std::string field = "cases[" + std::to_string(i) + "]";
        const std::string id = "case_" + std::to_string(++i);
        const std::string difyId = scalarText(member(c, "case_id"));
        dn.ports[difyId.empty() ? id : difyId] = id;
        const bool andLogic = scalarText(member(c, "logical_operator")) != "or";
        nlohmann::json conditions = nlohmann::json::array();
        std::size_t j = 0;
        for (const auto &cond : arrayOf(c, "conditions")) {
            const std::string cfield = field + ".conditions[" + std::to_string(j++) + "]";
            const std::string op = scalarText(member(cond, "comparison_operator"));
            if (member(cond, "sub_variable_condition").is_object() &&
                !arrayOf(member(cond, "sub_variable_condition"), "conditions").empty()) {
                ctx.issue(Kind::Unmapped, ImportContext::where(dn) + "/" + cfield, "sub_variable_condition",
                          "Flowdeck's condition node cannot test the name, type or size of files in a list; this test was left out.");
                continue;
            }
            const std::string left = ctx.selector(member(cond, "variable_selector"), dn, cfield + ".variable_selector");
            const nlohmann::json right = comparisonValue(ctx, dn, member(cond, "value"), cfield + ".value");
            MappedCondition m = mapComparison(op, left, right, andLogic, false);
            if (!m.ok) {
                ctx.issue(Kind::Unmapped, ImportContext::where(dn) + "/" + cfield, "comparison_operator " + op,
                          m.problem + "; this test was left out of the case.");
                continue;
            }
            for (auto &x : m.conditions)
                conditions.push_back(std::move(x));
        }
        if (conditions.empty()) {
            conditions.push_back({{"left", ""}, {"op", "not_empty"}});
            ctx.issue(Kind::Todo, ImportContext::where(dn) + "/" + field, "conditions",
                      "No test of this case could be carried over, so the case is never taken; write its test again.");
        }
        out.push_back({{"id", id}, {"logic", andLogic ? "and" : "or"}, {"conditions", conditions}});
    }
    if (out.empty()) {
        out.push_back({{"id", "case_1"}, {"conditions", nlohmann::json::array({{{"left", ""}, {"op", "not_empty"}}})}});
        ctx.issue(Kind::Todo, ImportContext::where(dn), "cases", "The node had no case; every run takes its else branch.");
    }
    dn.ports["false"] = "else";
    node.config = {{"cases", out}};
}

void mapClassifier(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "classifier";
    nlohmann::json config = nlohmann::json::object();
    config["model"] = ctx.modelAlias(member(dn.data, "model"), dn, config);
    std::string input = ctx.selector(member(dn.data, "query_variable_selector"), dn, "query_variable_selector");
    if (input.empty())
        input = ctx.chat() ? "{{sys.query}}" : "";
    if (input.empty()) {
        input = "(no input)";
        ctx.issue(Kind::Todo, ImportContext::where(dn), "query_variable_selector", "Choose the text to classify.");
    }
    config["input"] = input;
    nlohmann::json classes = nlohmann::json::array();
    std::size_t i = 0;
    for (const auto &c : arrayOf(dn.data, "classes")) {
        if (i >= 50)
            break;
        const std::string id = "class_" + std::to_string(++i);
        dn.ports[scalarText(member(c, "id"))] = id;
        std::string name = ctx.text(member(c, "name"), dn, "classes[" + std::to_string(i - 1) + "].name");
        nlohmann::json cls = {{"id", id}};
        if (name.empty())
            name = "Class " + std::to_string(i);
        if (name.size() > 200) {
            cls["description"] = name.substr(0, 4000);
            name = name.substr(0, 190);
            while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80)
                name.pop_back();  // not in the middle of a character
            if (!name.empty() && static_cast<unsigned char>(name.back()) >= 0xC0)
                name.pop_back();
            name += "…";
        }
        cls["name"] = name;
        classes.push_back(std::move(cls));
    }
    if (classes.empty()) {
        classes.push_back({{"id", "class_1"}, {"name", "Class 1"}});
        ctx.issue(Kind::Todo, ImportContext::where(dn), "classes", "The node had no classes; describe them.");
    }
    config["classes"] = classes;
    const std::string instruction = ctx.text(member(dn.data, "instruction"), dn, "instruction");
    if (!instruction.empty())
        config["instruction"] = instruction;
    historyFromMemory(ctx, dn, config);
    if (truthy(member(member(dn.data, "vision"), "enabled")))
        ctx.issue(Kind::Unmapped, ImportContext::where(dn) + "/vision", "vision",
                  "Flowdeck's classifier reads text only; images are not sent to the model.");
    node.config = std::move(config);
}

void mapExtractor(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "extractor";
    nlohmann::json config = nlohmann::json::object();
    config["model"] = ctx.modelAlias(member(dn.data, "model"), dn, config);
    const nlohmann::json &query = member(dn.data, "query");
    std::string input = query.is_array() ? ctx.selector(query, dn, "query") : ctx.text(query, dn, "query");
    if (input.empty())
        input = ctx.chat() ? "{{sys.query}}" : "(no input)";
    config["input"] = input;
    static const std::map<std::string, std::string> types = {
        {"string", "string"},        {"number", "number"},   {"bool", "boolean"},
        {"boolean", "boolean"},      {"select", "string"},   {"array[string]", "array[string]"},
        {"array[number]", "array[number]"}, {"array[object]", "array[object]"}, {"object", "object"},
    };
    nlohmann::json parameters = nlohmann::json::array();
    std::size_t i = 0;
    for (const auto &p : arrayOf(dn.data, "parameters")) {
        const std::string field = "parameters[" + std::to_string(i++) + "]";
        const std::string difyName = scalarText(member(p, "name"));
        const std::string type = scalarText(member(p, "type"));
        auto t = types.find(type);
        if (t == types.end())
            ctx.issue(Kind::Changed, ImportContext::where(dn) + "/" + field, "type " + type,
                      "Flowdeck has no parameter type '" + type + "'; '" + difyName + "' is extracted as text.");
        nlohmann::json param = {{"name", dn.outputs.count(difyName) ? dn.outputs[difyName] : identifier(difyName, "param")},
                                {"type", t == types.end() ? "string" : t->second},
                                {"required", truthy(member(p, "required"))}};
        const std::string description = scalarText(member(p, "description"));
        if (!description.empty())
            param["description"] = description.substr(0, 4000);
        if (type == "select" && !arrayOf(p, "options").empty()) {
            nlohmann::json options = nlohmann::json::array();
            for (const auto &o : arrayOf(p, "options"))
                if (options.size() < 100)
                    options.push_back(scalarText(o));
            param["enum"] = options;
        }
        if (parameters.size() < 100)
            parameters.push_back(std::move(param));
    }
    if (parameters.empty()) {
        parameters.push_back({{"name", "value"}, {"type", "string"}});
        ctx.issue(Kind::Todo, ImportContext::where(dn), "parameters", "The node had no parameters; name what to extract.");
    }
    config["parameters"] = parameters;
    const std::string instruction = ctx.text(member(dn.data, "instruction"), dn, "instruction");
    if (!instruction.empty())
        config["instruction"] = instruction;
    historyFromMemory(ctx, dn, config);
    node.config = std::move(config);
}

void mapAggregator(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    const nlohmann::json &advanced = member(dn.data, "advanced_settings");
    const nlohmann::json &groups = arrayOf(advanced, "groups");
    if (truthy(member(advanced, "group_enabled")) && !groups.empty()) {
        // Groups: one code node gives each group's first non-empty value, as {{node.group.output}}.
        node.type = "code";
        nlohmann::json inputs = nlohmann::json::array();
        nlohmann::json outputs = nlohmann::json::array();
        std::string params, body;
        std::size_t g = 0;
        for (const auto &group : groups) {
            const std::string difyName = scalarText(member(group, "group_name"));
            const std::string name = dn.outputs.count(difyName) ? dn.outputs[difyName] : identifier(difyName, "group");
            std::string values;
            std::size_t v = 0;
            for (const auto &sel : arrayOf(group, "variables")) {
                const std::string input = "g" + std::to_string(g) + "_" + std::to_string(v);
                inputs.push_back({{"name", input},
                                  {"value", ctx.selector(sel, dn, "groups[" + std::to_string(g) + "].variables[" +
                                                                      std::to_string(v) + "]")}});
                params += (params.empty() ? "" : ", ") + input;
                values += (values.empty() ? "" : ", ") + input;
                ++v;
            }
            body += "        (\"" + name + "\", dict(output=first(" + values + "))),\n";
            outputs.push_back({{"name", name}, {"type", "object"}});
            ++g;
        }
        node.config = {{"language", "python3"},
                       {"code", "def first(*values):\n"
                                "    for v in values:\n"
                                "        if v is not None and v != \"\" and v != [] and v != dict():\n"
                                "            return v\n"
                                "    return None\n\n"
                                "def main(" + params + ") -> dict:\n"
                                "    return dict([\n" + body + "    ])\n"},
                       {"inputs", inputs},
                       {"outputs", outputs}};
        ctx.issue(Kind::Changed, ImportContext::where(dn), "advanced_settings.groups",
                  "Flowdeck's aggregate node joins one value; the groups became a small Python node that gives each "
                  "group's first value that is not empty.");
        return;
    }
    node.type = "aggregate";
    nlohmann::json values = nlohmann::json::array();
    std::size_t i = 0;
    for (const auto &sel : arrayOf(dn.data, "variables")) {
        std::string ref = ctx.selector(sel, dn, "variables[" + std::to_string(i++) + "]");
        if (!ref.empty())
            values.push_back(ref);
    }
    if (values.empty()) {
        values.push_back("");
        ctx.issue(Kind::Todo, ImportContext::where(dn), "variables", "The node joins no values; choose the values to join.");
    }
    node.config = {{"values", values}};
}

void mapAssigner(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "assigner";
    nlohmann::json items = nlohmann::json::array();
    static const std::map<std::string, std::string> ops = {
        {"over-write", "overwrite"}, {"overwrite", "overwrite"}, {"set", "set"},       {"clear", "clear"},
        {"append", "append"},        {"extend", "extend"},       {"+=", "add"},        {"-=", "subtract"},
        {"*=", "multiply"},          {"/=", "divide"},           {"remove-first", "remove-first"},
        {"remove-last", "remove-last"},
    };
    const nlohmann::json &v2 = member(dn.data, "items");
    if (v2.is_array()) {
        std::size_t i = 0;
        for (const auto &item : v2) {
            const std::string field = "items[" + std::to_string(i++) + "]";
            const std::string target = assignTarget(ctx, dn, member(item, "variable_selector"), field);
            if (target.empty())
                continue;
            const std::string op = scalarText(member(item, "operation"));
            auto o = ops.find(op);
            if (o == ops.end()) {
                ctx.issue(Kind::Unmapped, ImportContext::where(dn) + "/" + field, "operation " + op,
                          "Flowdeck's assigner has no operation like '" + op + "'; this assignment was left out.");
                continue;
            }
            nlohmann::json out = {{"variable", target}, {"operation", o->second}};
            if (o->second != "clear" && o->second != "remove-first" && o->second != "remove-last") {
                const nlohmann::json &value = member(item, "value");
                if (scalarText(member(item, "input_type")) == "constant")
                    out["value"] = value.is_string() ? nlohmann::json(ctx.text(value.get<std::string>(), dn, field + ".value")) : value;
                else
                    out["value"] = ctx.selector(value, dn, field + ".value");
            }
            items.push_back(std::move(out));
        }
    } else {
        const std::string target = assignTarget(ctx, dn, member(dn.data, "assigned_variable_selector"),
                                                "assigned_variable_selector");
        const std::string mode = scalarText(member(dn.data, "write_mode"));
        auto o = ops.find(mode.empty() ? "over-write" : mode);
        if (!target.empty() && o != ops.end()) {
            nlohmann::json out = {{"variable", target}, {"operation", o->second}};
            if (o->second != "clear")
                out["value"] = ctx.selector(member(dn.data, "input_variable_selector"), dn, "input_variable_selector");
            items.push_back(std::move(out));
        } else if (!target.empty()) {
            ctx.issue(Kind::Unmapped, ImportContext::where(dn), "write_mode " + mode,
                      "Flowdeck's assigner has no operation like '" + mode + "'.");
        }
    }
    if (items.empty()) {
        noOperation(node);
        ctx.issue(Kind::Changed, ImportContext::where(dn), "assigner",
                  "Nothing this node wrote could be carried over; it was kept as an empty template so the flow stays the same.");
        return;
    }
    node.config = {{"items", items}};
}

void mapListOperator(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "list";
    std::string list = ctx.selector(member(dn.data, "variable"), dn, "variable");
    if (list.empty()) {
        list = "[]";
        ctx.issue(Kind::Todo, ImportContext::where(dn), "variable", "Choose the list this node works on.");
    }
    nlohmann::json config = {{"list", list}};
    const nlohmann::json &filter = member(dn.data, "filter_by");
    if (truthy(member(filter, "enabled"))) {
        nlohmann::json conditions = nlohmann::json::array();
        std::size_t i = 0;
        for (const auto &c : arrayOf(filter, "conditions")) {
            const std::string field = "filter_by.conditions[" + std::to_string(i++) + "]";
            const std::string op = scalarText(member(c, "comparison_operator"));
            MappedCondition m = mapComparison(op, scalarText(member(c, "key")),
                                              comparisonValue(ctx, dn, member(c, "value"), field + ".value"), true, true);
            if (!m.ok) {
                ctx.issue(Kind::Unmapped, ImportContext::where(dn) + "/" + field, "comparison_operator " + op,
                          m.problem + "; this filter was left out.");
                continue;
            }
            for (auto &x : m.conditions) {
                if (x.contains("field") && x["field"] == "")
                    x.erase("field");
                conditions.push_back(std::move(x));
            }
        }
        if (!conditions.empty())
            config["filter"] = {{"logic", "and"}, {"conditions", conditions}};
    }
    const nlohmann::json &order = member(dn.data, "order_by");
    if (truthy(member(order, "enabled"))) {
        nlohmann::json sort = {{"order", scalarText(member(order, "value")) == "desc" ? "desc" : "asc"}};
        if (!scalarText(member(order, "key")).empty())
            sort["field"] = scalarText(member(order, "key"));
        config["sort"] = sort;
    }
    const nlohmann::json &limit = member(dn.data, "limit");
    double size = 0;
    if (truthy(member(limit, "enabled")) && numberOf(member(limit, "size"), size))
        config["limit"] = {{"take", "first"}, {"count", static_cast<int>(std::clamp(size, 0.0, 1e6))}};
    const nlohmann::json &extract = member(dn.data, "extract_by");
    double serial = 0;
    if (truthy(member(extract, "enabled"))) {
        if (numberOf(member(extract, "serial"), serial) && serial >= 1 && !config.contains("limit")) {
            config["limit"] = {{"take", "first"}, {"count", static_cast<int>(std::min(serial, 1e6))}};
            ctx.issue(Kind::Changed, ImportContext::where(dn) + "/extract_by", "extract_by",
                      "Flowdeck's list node has no \"take item N\"; it keeps the first " + scalarText(member(extract, "serial")) +
                          " items, and item N is its 'last' output.");
        } else {
            ctx.issue(Kind::Unmapped, ImportContext::where(dn) + "/extract_by", "extract_by",
                      "Taking one item by a position given at run time has no Flowdeck equivalent; use a code node.");
        }
    }
    node.config = std::move(config);
}

} // namespace flowdeck::engine::dify
