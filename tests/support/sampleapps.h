#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::tests {

// A workflow app that greets its one required input "name" with `text` (a template,
// e.g. "Hello, {{start.name}}!") and outputs it as "greeting".
inline nlohmann::json greeterWorkflow(const std::string &id, const std::string &text)
{
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", id}, {"name", "Greeter"},
            {"description", "Greets someone by name."}, {"mode", "workflow"},
            {"inputs", {{{"name", "name"}, {"label", "Who to greet"}, {"required", true}}}},
            {"nodes", {{{"id", "start"}, {"type", "start"}},
                       {{"id", "t"}, {"type", "template"}, {"config", {{"template", text}}}},
                       {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"greeting", "{{t.text}}"}}}}}}}},
            {"edges", {{{"from", "start"}, {"to", "t"}}, {{"from", "t"}, {"to", "end"}}}}};
}

// A node and an edge of a workflow document (`port`: the branch the edge leaves from).
inline nlohmann::json workflowNode(const std::string &id, const std::string &type,
                                   nlohmann::json config = nlohmann::json::object())
{
    return {{"id", id}, {"type", type}, {"config", std::move(config)}};
}

inline nlohmann::json workflowEdge(const std::string &from, const std::string &to, const std::string &port = {})
{
    nlohmann::json e = {{"from", from}, {"to", to}};
    if (!port.empty())
        e["fromPort"] = port;
    return e;
}

// A deploy bundle (format version 1) of `workflow`, with `extra` fields merged in.
inline nlohmann::json deployBundle(nlohmann::json workflow, nlohmann::json extra = nlohmann::json::object())
{
    nlohmann::json b = {{"format", "flowdeck.bundle"}, {"formatVersion", 1}, {"workflow", std::move(workflow)}};
    b.update(extra);
    return b;
}

} // namespace flowdeck::tests
