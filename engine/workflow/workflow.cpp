#include "engine/workflow/workflow.h"

namespace flowdeck::engine {

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
