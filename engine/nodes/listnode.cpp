// The list node (DESIGN.md §3): filter, unique, sort and first/last N over a list, in that order.
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/nodes/comparison.h"
#include "engine/nodes/listoperations.h"
#include "engine/nodes/nodediagnostic.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"

#include <re2/re2.h>

namespace flowdeck::engine {

namespace {

// What a value is, for "is not a list: it is ...".
std::string kindOf(const nlohmann::json &value)
{
    if (value.is_null())
        return "empty (check that the node it names ran before this one and has that output)";
    if (value.is_string())
        return "text (\"" + truncateUtf8(value.get<std::string>(), 60) + "\")";
    if (value.is_number())
        return "a number";
    if (value.is_boolean())
        return "true or false";
    return "an object";
}

// The list, also from text that is a JSON array (a model's answer, say).
bool asList(nlohmann::json &value)
{
    if (value.is_string()) {
        const std::string &text = value.get_ref<const std::string &>();
        if (text.find_first_not_of(" \t\r\n") != std::string::npos && text[text.find_first_not_of(" \t\r\n")] == '[')
            if (auto parsed = parseJson(text); parsed.is_array())
                value = std::move(parsed);
    }
    return value.is_array();
}

listops::FieldPath pathOf(const nlohmann::json &config)
{
    return listops::parseField(textOf(config, "field")).value_or(listops::FieldPath{});
}

void run(std::shared_ptr<NodeContext> ctx, NodeDone done)
{
    const nlohmann::json &config = ctx->node().config;
    const std::string source = textOf(config, "list");
    nlohmann::json items = ctx->renderValue(valueOr(config, "list", nlohmann::json()));
    if (!asList(items))
        return done(NodeResult::failure(ErrorKind::InvalidInput,
                                        "The list node's input " + source + " is not a list: it is " + kindOf(items) + "."));
    if (const auto filter = valueOr(config, "filter", nlohmann::json()); filter.is_object()) {
        std::vector<listops::Condition> conditions;
        for (const auto &c : valueOr(filter, "conditions", nlohmann::json::array()))
            conditions.push_back({textOf(c, "field"), pathOf(c), textOf(c, "op"),
                                  ctx->renderValue(valueOr(c, "value", nlohmann::json("")))});
        std::size_t skipped = 0;
        if (std::string error = listops::filter(items, conditions, valueOr(filter, "logic", "and") == "or", skipped);
            !error.empty())
            return done(NodeResult::failure(ErrorKind::InvalidInput, error));
        if (skipped > 0)
            ctx->log("info", std::to_string(skipped) + " item(s) were left out because a field compared as a number "
                                                       "held no number.");
    }
    if (const auto unique = valueOr(config, "unique", nlohmann::json()); unique.is_object())
        listops::unique(items, pathOf(unique));
    if (const auto sort = valueOr(config, "sort", nlohmann::json()); sort.is_object())
        listops::sort(items, pathOf(sort), valueOr(sort, "order", "asc") == "desc");
    if (const auto limit = valueOr(config, "limit", nlohmann::json()); limit.is_object())
        listops::limit(items, valueOr(limit, "take", "first") == "last", valueOr<std::size_t>(limit, "count", 0));
    nlohmann::json first = items.empty() ? nlohmann::json() : items.front();
    nlohmann::json last = items.empty() ? nlohmann::json() : items.back();
    const std::size_t count = items.size();
    done(NodeResult::success(
        {{"result", std::move(items)}, {"first", std::move(first)}, {"last", std::move(last)}, {"count", count}}));
}

// Field paths that cannot be read, patterns that are not valid, numeric comparisons with
// a fixed value that is no number: found before the run.
Diagnostics check(const NodeSpec &node)
{
    Diagnostics out;
    auto checkField = [&](const nlohmann::json &where, const std::string &field) {
        std::string error;
        if (!listops::parseField(textOf(where, "field"), &error))
            out.push_back(nodeDiagnostic(node, "list-field", field, error, {textOf(where, "field")}));
    };
    const nlohmann::json filter = valueOr(node.config, "filter", nlohmann::json::object());
    const nlohmann::json conditions = valueOr(filter, "conditions", nlohmann::json::array());
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        const std::string field = "config.filter.conditions[" + std::to_string(i) + "]";
        checkField(conditions[i], field + ".field");
        const nlohmann::json value = valueOr(conditions[i], "value", nlohmann::json(""));
        if (value.is_string() && parseTemplate(value.get<std::string>()).hasReferences())
            continue;  // known at run time
        const std::string op = textOf(conditions[i], "op");
        double number;
        if (listops::isNumericOp(op) && !comparableNumber(value, number))
            out.push_back(nodeDiagnostic(node, "list-number", field + ".value",
                                         "The comparison '" + op + "' needs a number to compare with.", {op}));
        if (op == "regex")
            if (RE2 re(value.is_string() ? value.get<std::string>() : std::string(), RE2::Quiet); !re.ok())
                out.push_back(nodeDiagnostic(node, "list-pattern", field + ".value",
                                             "The pattern is not a valid regular expression: " + re.error(), {re.error()}));
    }
    for (const char *step : {"unique", "sort"})
        checkField(valueOr(node.config, step, nlohmann::json::object()), std::string("config.") + step + ".field");
    return out;
}

} // namespace

NodeDescriptor listNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "list";
    d.title = "List operator";
    d.titleZh = "列表操作";
    d.description = "Filters, de-duplicates, sorts and takes the first or last items of a list, by a field of its items.";
    d.descriptionZh = "按列表项的某个字段筛选、去重、排序，并取前几项或后几项。";
    d.icon = "list";
    d.category = "transform";
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["list"], "additionalProperties": false,
      "x-form": [ { "section": "input", "fields": ["list"] },
                  { "section": "operations", "fields": ["filter", "unique", "sort", "limit"] } ],
      "properties": {
        "list": { "type": "string", "title": "List", "minLength": 1, "format": "template",
                  "description": "A list, e.g. {{kb.chunks}}; text holding a JSON array is read as one." },
        "filter": { "type": "object", "title": "Filter", "additionalProperties": false,
          "properties": {
            "logic": { "enum": ["and", "or"], "title": "Keep items that match", "default": "and" },
            "conditions": { "type": "array", "title": "Conditions", "items": {
              "type": "object", "required": ["op"], "additionalProperties": false,
              "properties": {
                "field": { "type": "string", "title": "Field", "description": "A dotted path in the item; empty: the item itself" },
                "op": { "title": "Comparison", "enum": ["eq", "ne", "contains", "not_contains", "starts_with", "ends_with",
                                                       "in", "not_in", "empty", "not_empty", "gt", "ge", "lt", "le", "regex"] },
                "value": { "title": "Value", "type": ["string", "number", "boolean", "array"] } } } } } },
        "unique": { "type": "object", "title": "Remove duplicates", "additionalProperties": false,
          "properties": { "field": { "type": "string", "title": "By field", "description": "Empty: whole items" } } },
        "sort": { "type": "object", "title": "Sort", "additionalProperties": false,
          "properties": { "field": { "type": "string", "title": "By field" },
                          "order": { "enum": ["asc", "desc"], "title": "Order", "default": "asc" } } },
        "limit": { "type": "object", "title": "Keep", "required": ["count"], "additionalProperties": false,
          "properties": { "take": { "enum": ["first", "last"], "title": "Which", "default": "first" },
                          "count": { "type": "integer", "title": "How many", "minimum": 0 } } }
      }
    })json");
    d.outputs = {{"result", "array", "The list after the operations"},
                 {"first", "any", "Its first item (null when it is empty)"},
                 {"last", "any", "Its last item (null when it is empty)"},
                 {"count", "number", "How many items it has"}};
    d.validate = [](const NodeSpec &node, const Workflow &) { return check(node); };
    d.defaultOutputs = [](const NodeSpec &) {
        return nlohmann::json{{"result", nlohmann::json::array()}, {"first", nullptr}, {"last", nullptr}, {"count", 0}};
    };
    d.execute = run;
    return d;
}

} // namespace flowdeck::engine
