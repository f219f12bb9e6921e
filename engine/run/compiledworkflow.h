#pragma once

#include "engine/core/result.h"
#include "engine/nodes/nodedescriptor.h"
#include "engine/workflow/workflow.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace flowdeck::engine {

class NodeRegistry;

// A validated workflow with its graph indexed for the executor.
class CompiledWorkflow {
public:
    struct Node {
        const NodeSpec *spec = nullptr;
        const NodeDescriptor *descriptor = nullptr;
        std::vector<int> in;   // edge indexes
        std::vector<int> out;
    };
    struct Edge {
        int from = -1;
        int to = -1;
        std::string port;  // never empty: "out" for the default port
    };

    // Validates first; any error makes this fail with every diagnostic.
    static Result<std::shared_ptr<const CompiledWorkflow>> compile(Workflow workflow,
                                                                   const NodeRegistry &registry);

    const Workflow &workflow() const { return m_workflow; }
    const std::vector<Node> &nodes() const { return m_nodes; }
    const std::vector<Edge> &edges() const { return m_edges; }
    int startIndex() const { return m_start; }
    int indexOf(const std::string &nodeId) const;
    const Diagnostics &warnings() const { return m_warnings; }

private:
    Workflow m_workflow;
    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
    std::unordered_map<std::string, int> m_index;
    int m_start = -1;
    Diagnostics m_warnings;
};

} // namespace flowdeck::engine
