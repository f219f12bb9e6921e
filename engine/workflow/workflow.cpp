#include "engine/workflow/workflow.h"

#include <algorithm>

namespace flowdeck::engine {

nlohmann::json VariableSpec::initialValue() const
{
    if (!defaultValue.is_null())
        return defaultValue;
    if (type == "number")
        return 0;
    if (type == "boolean")
        return false;
    if (type == "object")
        return nlohmann::json::object();
    if (type.rfind("array", 0) == 0)
        return nlohmann::json::array();
    return "";
}

std::vector<std::string> Workflow::containersOf(const std::string &nodeId) const
{
    std::vector<std::string> chain;
    const NodeSpec *node = findNode(nodeId);
    while (node && !node->parent.empty() && chain.size() < nodes.size()) {
        if (std::find(chain.begin(), chain.end(), node->parent) != chain.end() || node->parent == nodeId)
            break;
        chain.push_back(node->parent);
        node = findNode(node->parent);
    }
    return chain;
}

const VariableSpec *Workflow::findVariable(const std::string &name) const
{
    for (const auto &v : variables)
        if (v.name == name)
            return &v;
    return nullptr;
}

const EnvSpec *Workflow::findEnv(const std::string &name) const
{
    for (const auto &v : env)
        if (v.name == name)
            return &v;
    return nullptr;
}

std::set<std::string> Workflow::upstreamOf(const std::string &nodeId) const
{
    std::set<std::string> found;
    std::vector<std::string> frontier{nodeId};
    for (const auto &container : containersOf(nodeId))
        if (found.insert(container).second)
            frontier.push_back(container);
    while (!frontier.empty()) {
        const std::string id = frontier.back();
        frontier.pop_back();
        for (const auto &e : edges)
            if (e.to == id && found.insert(e.from).second)
                frontier.push_back(e.from);
    }
    return found;
}

const NodeSpec *Workflow::findNode(const std::string &nodeId) const
{
    for (const auto &node : nodes)
        if (node.id == nodeId)
            return &node;
    return nullptr;
}

const char *onErrorName(OnError mode)
{
    switch (mode) {
    case OnError::Fail: return "fail";
    case OnError::Continue: return "continue";
    case OnError::Branch: return "branch";
    }
    return "fail";
}

} // namespace flowdeck::engine
