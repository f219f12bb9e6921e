#include "engine/history/workflowdiff.h"

#include "engine/core/diagnostic.h"
#include "engine/workflow/workflowfile.h"

#include <cmath>
#include <map>
#include <set>

namespace flowdeck::engine {

namespace {

using json = nlohmann::json;
using Kind = WorkflowChange::Kind;

const std::set<std::string> kPromptKeys = {"prompt", "system", "text", "template", "instructions", "code"};
// Workflow settings compared key by key (dotted paths); the others as a whole.
const std::set<std::string> kNestedSettings = {"models", "plugins", "guard", "i18n"};
const char *const kSettings[] = {"id", "name", "description", "mode", "inputs", "models", "plugins",
                                 "variables", "env", "guard", "notes", "i18n"};

bool multiLine(const json &value) { return value.is_string() && value.get_ref<const std::string &>().find('\n') != std::string::npos; }

std::string textOrEmpty(const json &value) { return value.is_string() ? value.get<std::string>() : std::string(); }

// Appends the differences of two JSON values at `path`: objects key by key, lists of the
// same length item by item, anything else as one change of `kind` (prompts and multi-line
// text with a line diff).
void diffValues(const json &before, const json &after, const std::string &path, const std::string &key, Kind kind,
                const std::string &node, std::vector<WorkflowChange> &out)
{
    if (before == after)
        return;
    if (before.is_object() && after.is_object()) {
        std::set<std::string> keys;
        for (auto it = before.begin(); it != before.end(); ++it)
            keys.insert(it.key());
        for (auto it = after.begin(); it != after.end(); ++it)
            keys.insert(it.key());
        for (const auto &k : keys) {
            const auto b = before.find(k);
            const auto a = after.find(k);
            diffValues(b == before.end() ? json() : *b, a == after.end() ? json() : *a, path + "." + k, k, kind, node, out);
        }
        return;
    }
    if (before.is_array() && after.is_array() && before.size() == after.size()) {
        for (std::size_t i = 0; i < before.size(); ++i)
            diffValues(before[i], after[i], path + "[" + std::to_string(i) + "]", key, kind, node, out);
        return;
    }
    WorkflowChange change{kind, node, path, before, after, {}};
    const bool text = (before.is_string() || before.is_null()) && (after.is_string() || after.is_null());
    if (text && (multiLine(before) || multiLine(after) || (kind == Kind::NodeChanged && kPromptKeys.count(key)))) {
        if (kind == Kind::NodeChanged)
            change.kind = Kind::PromptChanged;
        change.lines = diffLines(textOrEmpty(before), textOrEmpty(after));
    }
    out.push_back(std::move(change));
}

json member(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() ? json() : *it;
}

std::string edgeKey(const json &edge)
{
    return member(edge, "from").dump() + "|" + member(edge, "to").dump() + "|" + member(edge, "fromPort").dump();
}

std::string shortValue(const json &value)
{
    if (value.is_null())
        return "nothing";
    std::string text = safeDump(value);
    if (text.size() > 80)
        text = truncateUtf8(text, 77) + "...";
    return text;
}

} // namespace

std::vector<WorkflowChange> diffWorkflows(const Workflow &beforeWorkflow, const Workflow &afterWorkflow)
{
    const json before = workflowToJson(beforeWorkflow);
    const json after = workflowToJson(afterWorkflow);
    std::vector<WorkflowChange> out;

    for (const char *setting : kSettings) {
        const json b = member(before, setting);
        const json a = member(after, setting);
        if (b == a)
            continue;
        if (kNestedSettings.count(setting) && (b.is_object() || b.is_null()) && (a.is_object() || a.is_null()))
            diffValues(b.is_null() ? json::object() : b, a.is_null() ? json::object() : a, setting, setting, Kind::SettingChanged, {}, out);
        else {
            // Lists (inputs, variables, env, notes) and plain values as one change each.
            WorkflowChange change{Kind::SettingChanged, {}, setting, b, a, {}};
            if (!b.is_structured() && !a.is_structured() && (multiLine(b) || multiLine(a)))
                change.lines = diffLines(textOrEmpty(b), textOrEmpty(a));
            out.push_back(std::move(change));
        }
    }

    std::map<std::string, json> beforeNodes, afterNodes;
    for (const auto &node : member(before, "nodes"))
        beforeNodes[member(node, "id").get<std::string>()] = node;
    for (const auto &node : member(after, "nodes"))
        afterNodes[member(node, "id").get<std::string>()] = node;
    for (const auto &node : member(after, "nodes")) {
        const std::string id = member(node, "id").get<std::string>();
        const auto was = beforeNodes.find(id);
        if (was == beforeNodes.end()) {
            out.push_back({Kind::NodeAdded, id, {}, json(), node, {}});
            continue;
        }
        const json &old = was->second;
        std::set<std::string> keys;
        for (auto it = old.begin(); it != old.end(); ++it)
            keys.insert(it.key());
        for (auto it = node.begin(); it != node.end(); ++it)
            keys.insert(it.key());
        for (const auto &key : keys) {
            const json b = member(old, key.c_str());
            const json a = member(node, key.c_str());
            if (b == a)
                continue;
            if (key == "position") {
                const auto coordinate = [](const json &p, std::size_t i) {
                    return p.is_array() && p.size() > i && p[i].is_number() ? p[i].get<double>() : 0.0;
                };
                if (std::abs(coordinate(a, 0) - coordinate(b, 0)) > 1.0 || std::abs(coordinate(a, 1) - coordinate(b, 1)) > 1.0)
                    out.push_back({Kind::NodeMoved, id, "position", b, a, {}});
            } else if (key == "config") {
                diffValues(b.is_null() ? json::object() : b, a.is_null() ? json::object() : a, "config", "config",
                           Kind::NodeChanged, id, out);
            } else {
                out.push_back({Kind::NodeChanged, id, key, b, a, {}});
            }
        }
    }
    for (const auto &node : member(before, "nodes")) {
        const std::string id = member(node, "id").get<std::string>();
        if (!afterNodes.count(id))
            out.push_back({Kind::NodeRemoved, id, {}, node, json(), {}});
    }

    // Edges by (from, to, port), counted: a drawn-twice edge removed once is one removal.
    std::map<std::string, int> remaining;
    for (const auto &edge : member(before, "edges"))
        ++remaining[edgeKey(edge)];
    std::vector<json> added;
    for (const auto &edge : member(after, "edges")) {
        auto &count = remaining[edgeKey(edge)];
        if (count > 0)
            --count;
        else
            added.push_back(edge);
    }
    auto edgeName = [](const json &edge) { return textOrEmpty(member(edge, "from")) + " -> " + textOrEmpty(member(edge, "to")); };
    for (const auto &edge : member(before, "edges")) {
        auto &count = remaining[edgeKey(edge)];
        if (count > 0) {
            --count;
            out.push_back({Kind::EdgeRemoved, edgeName(edge), textOrEmpty(member(edge, "fromPort")), edge, json(), {}});
        }
    }
    for (const auto &edge : added)
        out.push_back({Kind::EdgeAdded, edgeName(edge), textOrEmpty(member(edge, "fromPort")), json(), edge, {}});
    return out;
}

std::string changeKindName(WorkflowChange::Kind kind)
{
    switch (kind) {
    case Kind::NodeAdded: return "node_added";
    case Kind::NodeRemoved: return "node_removed";
    case Kind::NodeMoved: return "node_moved";
    case Kind::NodeChanged: return "node_changed";
    case Kind::PromptChanged: return "prompt_changed";
    case Kind::EdgeAdded: return "edge_added";
    case Kind::EdgeRemoved: return "edge_removed";
    case Kind::SettingChanged: return "setting_changed";
    }
    return "changed";
}

std::string describeChange(const WorkflowChange &change)
{
    auto typeOf = [](const json &node) {
        const std::string type = textOrEmpty(member(node, "type"));
        return type.empty() ? std::string() : " (" + type + ")";
    };
    auto lineCounts = [&] {
        std::size_t plus = 0, minus = 0;
        for (const auto &line : change.lines) {
            plus += line.op == '+';
            minus += line.op == '-';
        }
        return std::to_string(plus) + (plus == 1 ? " line" : " lines") + " added, " + std::to_string(minus) + " removed";
    };
    auto edge = [&](const char *what) {
        const auto arrow = change.node.find(" -> ");
        const std::string from = change.node.substr(0, arrow);
        const std::string to = arrow == std::string::npos ? std::string() : change.node.substr(arrow + 4);
        return std::string("Connection from ") + from + (change.field.empty() ? "" : " (port " + change.field + ")") + " to " + to +
               " " + what + ".";
    };
    switch (change.kind) {
    case Kind::NodeAdded: return "Node " + change.node + typeOf(change.after) + " added.";
    case Kind::NodeRemoved: return "Node " + change.node + typeOf(change.before) + " removed.";
    case Kind::NodeMoved: return "Node " + change.node + " moved from " + shortValue(change.before) + " to " + shortValue(change.after) + ".";
    case Kind::NodeChanged:
        return "Node " + change.node + ": " + change.field + " changed from " + shortValue(change.before) + " to " +
               shortValue(change.after) + ".";
    case Kind::PromptChanged:
        return "Prompt of node " + change.node + " changed (" + change.field + "): " + lineCounts() + ".";
    case Kind::EdgeAdded: return edge("added");
    case Kind::EdgeRemoved: return edge("removed");
    case Kind::SettingChanged:
        if (!change.lines.empty())
            return "Workflow setting " + change.field + " changed: " + lineCounts() + ".";
        if (change.before.is_array() || change.after.is_array())
            return "Workflow setting " + change.field + " changed.";
        return "Workflow setting " + change.field + " changed from " + shortValue(change.before) + " to " + shortValue(change.after) + ".";
    }
    return "Changed.";
}

json changesToJson(const std::vector<WorkflowChange> &changes)
{
    json out = json::array();
    for (const auto &change : changes) {
        json item = {{"kind", changeKindName(change.kind)}, {"node", change.node},      {"field", change.field},
                     {"before", change.before},              {"after", change.after}, {"summary", describeChange(change)}};
        if (!change.lines.empty()) {
            auto &lines = item["lines"] = json::array();
            for (const auto &line : change.lines)
                lines.push_back({{"op", std::string(1, line.op)}, {"text", line.text}});
        }
        out.push_back(std::move(item));
    }
    return out;
}

} // namespace flowdeck::engine
