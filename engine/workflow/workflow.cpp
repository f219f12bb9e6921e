#include "engine/workflow/workflow.h"

namespace flowdeck::engine {

std::set<std::string> Workflow::upstreamOf(const std::string &nodeId) const
{
    std::set<std::string> found;
    std::vector<std::string> frontier{nodeId};
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
