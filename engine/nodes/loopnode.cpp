#include "engine/core/jsonaccess.h"
#include "engine/nodes/comparison.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"

#include <cstdlib>

namespace flowdeck::engine {

namespace {

// A loop variable's starting value, in its declared type.
nlohmann::json typedValue(const std::string &type, nlohmann::json value)
{
    if (type == "number" && value.is_string()) {
        const std::string &s = value.get_ref<const std::string &>();
        char *end = nullptr;
        const double v = std::strtod(s.c_str(), &end);
        return end != s.c_str() && *end == '\0' ? nlohmann::json(v) : nlohmann::json(0);
    }
    if (type == "boolean" && value.is_string())
        return value.get_ref<const std::string &>() == "true";
    if (value.is_null()) {
        VariableSpec spec;
        spec.type = type;
        return spec.initialValue();
    }
    return value;
}

// Rounds run one after another; after each, the break condition is checked with the
// values the round left (and what the nodes inside gave).
class LoopRun : public std::enable_shared_from_this<LoopRun> {
public:
    LoopRun(std::shared_ptr<NodeContext> ctx, NodeDone done, nlohmann::json values)
        : m_ctx(std::move(ctx)), m_done(std::move(done)), m_values(std::move(values))
    {
        const auto &config = m_ctx->node().config;
        m_max = std::clamp(valueOr(config, "maxRounds", 10), 1, m_ctx->limits().maxLoopRounds);
        m_break = valueOr<nlohmann::json>(config, "breakWhen", nlohmann::json());
    }

    void round()
    {
        nlohmann::json frame = m_values;
        frame["index"] = m_rounds;
        m_ctx->runScope(std::move(frame), [self = shared_from_this()](const ScopeOutcome &o) { self->roundDone(o); });
    }

private:
    void roundDone(const ScopeOutcome &outcome)
    {
        if (outcome.cancelled)
            return;
        m_usage.add(outcome.usage);
        if (!outcome.ok) {
            NodeResult r = NodeResult::failure(
                outcome.errorKind == ErrorKind::None ? ErrorKind::Internal : outcome.errorKind,
                "Round " + std::to_string(m_rounds + 1) + " failed" +
                    (outcome.failedNode.empty() ? "" : " at '" + outcome.failedNode + "'") + ": " + outcome.error);
            r.usage = m_usage;
            return m_done(std::move(r));
        }
        ++m_rounds;
        for (auto it = m_values.begin(); it != m_values.end(); ++it)
            if (outcome.frame.is_object() && outcome.frame.contains(it.key()))
                it.value() = outcome.frame[it.key()];
        m_ctx->progress({{"done", m_rounds}, {"total", m_max}, {"index", m_rounds - 1}, {"ok", true}});
        bool stop = outcome.breakLoop || m_rounds >= m_max;
        if (!stop && m_break.is_object() && !valueOr<nlohmann::json>(m_break, "conditions", nlohmann::json()).empty()) {
            std::string error;
            stop = conditionsHold(m_break, outcome.render, error);
            if (!error.empty())
                return m_done(NodeResult::failure(ErrorKind::InvalidInput, "The loop's break condition: " + error));
        }
        if (!stop)
            return round();
        nlohmann::json outputs = m_values;
        outputs["rounds"] = m_rounds;
        NodeResult r = NodeResult::success(std::move(outputs));
        r.usage = m_usage;
        m_done(std::move(r));
    }

    std::shared_ptr<NodeContext> m_ctx;
    NodeDone m_done;
    nlohmann::json m_values;
    nlohmann::json m_break;
    Usage m_usage;
    int m_max = 10;
    int m_rounds = 0;
};

std::vector<OutputSpec> loopVariables(const NodeSpec &node)
{
    std::vector<OutputSpec> out;
    for (const auto &v : valueOr<nlohmann::json>(node.config, "variables", nlohmann::json::array()))
        if (v.is_object() && v.contains("name") && v["name"].is_string())
            out.push_back({v["name"].get<std::string>(), valueOr(v, "type", "string"), "A loop variable"});
    return out;
}

} // namespace

NodeDescriptor loopNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "loop";
    d.title = "Loop";
    d.titleZh = "循环";
    d.description = "Repeats the nodes inside it, carrying loop variables from round to round, until a break "
                    "condition holds, a break node runs, or the maximum number of rounds is reached.";
    d.descriptionZh = "重复运行其中的节点，循环变量逐轮传递，直到跳出条件成立、运行到“跳出循环”节点或达到最大轮数。";
    d.icon = "loop";
    d.category = "logic";
    d.container = true;
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "additionalProperties": false,
      "properties": {
        "variables": { "type": "array", "title": "Loop variables", "items": {
          "type": "object", "required": ["name"], "additionalProperties": false,
          "properties": {
            "name": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,63}$" },
            "type": { "enum": ["string", "number", "boolean", "object", "array[string]", "array[number]", "array[object]"] },
            "value": { "title": "Starting value" } } } },
        "maxRounds": { "type": "integer", "minimum": 1, "maximum": 100000, "title": "At most this many rounds" },
        "breakWhen": { "type": "object", "additionalProperties": false, "title": "Stop when",
          "properties": {
            "logic": { "enum": ["and", "or"] },
            "conditions": { "type": "array", "items": {
              "type": "object", "required": ["left", "op"], "additionalProperties": false,
              "properties": {
                "left": { "type": "string", "format": "template" },
                "op": { "enum": ["eq", "ne", "contains", "not_contains", "starts_with", "ends_with",
                                 "empty", "not_empty", "gt", "ge", "lt", "le", "regex"] },
                "right": { "type": ["string", "number", "boolean"] } } } } } }
      }
    })json");
    d.outputsFor = [](const NodeSpec &node, const Workflow &) {
        auto out = loopVariables(node);
        out.push_back({"rounds", "number", "How many rounds ran"});
        return out;
    };
    d.innerOutputsFor = [](const NodeSpec &node, const Workflow &) {
        auto out = loopVariables(node);
        out.push_back({"index", "number", "The round, from 0"});
        return out;
    };
    d.validate = [](const NodeSpec &node, const Workflow &) {
        Diagnostics out;
        std::vector<std::string> seen;
        for (const auto &v : loopVariables(node)) {
            if (v.name == "index" || v.name == "rounds" || std::find(seen.begin(), seen.end(), v.name) != seen.end()) {
                Diagnostic diag;
                diag.code = "duplicate-loop-variable";
                diag.nodeId = node.id;
                diag.field = "config.variables";
                diag.message = "The loop variable '" + v.name + "' is named twice or is reserved (index, rounds); "
                               "give each its own name.";
                diag.args = {v.name};
                out.push_back(diag);
            }
            seen.push_back(v.name);
        }
        return out;
    };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        nlohmann::json values = nlohmann::json::object();
        for (const auto &v : valueOr<nlohmann::json>(ctx->node().config, "variables", nlohmann::json::array()))
            values[valueOr(v, "name", "")] =
                typedValue(valueOr(v, "type", "string"), ctx->renderValue(valueOr<nlohmann::json>(v, "value", nullptr)));
        std::make_shared<LoopRun>(ctx, std::move(done), std::move(values))->round();
    };
    return d;
}

// Inside a loop: ends the round now; "break" also ends the loop.
NodeDescriptor loopControlDescriptor(bool breakLoop)
{
    NodeDescriptor d;
    d.type = breakLoop ? "break" : "continue";
    d.title = breakLoop ? "Break loop" : "Next round";
    d.titleZh = breakLoop ? "跳出循环" : "继续下一轮";
    d.description = breakLoop ? "Ends the loop it is in; the loop's variables keep their values."
                              : "Ends this round of the loop it is in; the next round starts.";
    d.descriptionZh = breakLoop ? "结束所在的循环；循环变量保留当前的值。" : "结束所在循环的这一轮，开始下一轮。";
    d.icon = breakLoop ? "break" : "continue";
    d.category = "logic";
    d.configSchema = {{"type", "object"}, {"additionalProperties", false}, {"properties", nlohmann::json::object()}};
    d.validate = [type = d.type](const NodeSpec &node, const Workflow &wf) {
        Diagnostics out;
        const NodeSpec *parent = node.parent.empty() ? nullptr : wf.findNode(node.parent);
        if (!parent || parent->type != "loop") {
            Diagnostic diag;
            diag.code = "outside-loop";
            diag.nodeId = node.id;
            diag.field = "parent";
            diag.message = "A '" + type + "' node only works directly inside a loop; move it into one.";
            diag.args = {type};
            out.push_back(diag);
        }
        return out;
    };
    d.execute = [breakLoop](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        ctx->endRound(breakLoop);
        done(NodeResult::success(nlohmann::json::object()));
    };
    return d;
}

NodeDescriptor breakNodeDescriptor() { return loopControlDescriptor(true); }
NodeDescriptor continueNodeDescriptor() { return loopControlDescriptor(false); }

} // namespace flowdeck::engine
