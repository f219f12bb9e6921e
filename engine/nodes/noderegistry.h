#pragma once

#include "engine/nodes/nodedescriptor.h"

#include <map>
#include <string>
#include <vector>

namespace flowdeck::engine {

class NodeRegistry {
public:
    // Compiles the descriptor's config schema; returns false with `error` if it is malformed.
    bool add(NodeDescriptor descriptor, std::string *error = nullptr);
    const NodeDescriptor *find(const std::string &type) const;
    std::vector<const NodeDescriptor *> all() const;

    // The registry with every built-in node type.
    static const NodeRegistry &builtin();

private:
    std::map<std::string, NodeDescriptor> m_types;
};

// Registration functions, one per built-in type (engine/nodes/*node.cpp).
NodeDescriptor startNodeDescriptor();
NodeDescriptor llmNodeDescriptor();
NodeDescriptor templateNodeDescriptor();
NodeDescriptor conditionNodeDescriptor();
NodeDescriptor aggregateNodeDescriptor();
NodeDescriptor answerNodeDescriptor();
NodeDescriptor endNodeDescriptor();
NodeDescriptor httpNodeDescriptor();
NodeDescriptor mcpToolNodeDescriptor();
NodeDescriptor agentNodeDescriptor();
NodeDescriptor knowledgeNodeDescriptor();
NodeDescriptor codeNodeDescriptor();
NodeDescriptor classifierNodeDescriptor();
NodeDescriptor extractorNodeDescriptor();
NodeDescriptor documentNodeDescriptor();
NodeDescriptor listNodeDescriptor();
NodeDescriptor iterationNodeDescriptor();
NodeDescriptor loopNodeDescriptor();
NodeDescriptor breakNodeDescriptor();
NodeDescriptor continueNodeDescriptor();
NodeDescriptor assignerNodeDescriptor();
NodeDescriptor humanNodeDescriptor();
NodeDescriptor guardNodeDescriptor();
NodeDescriptor placeholderNodeDescriptor();  // imported steps Flowdeck cannot run (engine/import)

} // namespace flowdeck::engine
