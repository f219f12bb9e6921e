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
struct AppGuard;

// A validated workflow with its graph indexed for the executor. The top level holds the
// nodes outside any container; each iteration or loop has a scope of its own holding
// the nodes inside it, run once per item or round.
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

    const Workflow &workflow() const { return *m_root; }
    const std::vector<Node> &nodes() const { return m_nodes; }
    const std::vector<Edge> &edges() const { return m_edges; }
    int startIndex() const { return m_start; }  // -1 in a container's scope
    int indexOf(const std::string &nodeId) const;
    const Diagnostics &warnings() const { return m_warnings; }
    // The app guard policy, compiled; null when the workflow has none (DESIGN.md §10).
    const AppGuard *guard() const { return m_top->m_guard.get(); }
    // The scope of the container `nodeId`, keeping `compiled` alive, or null.
    static std::shared_ptr<const CompiledWorkflow> scopeOf(const std::shared_ptr<const CompiledWorkflow> &compiled,
                                                           const std::string &nodeId);
    const std::string &container() const { return m_container; }  // empty at the top level

private:
    void index(const Workflow &wf, const NodeRegistry &registry, const std::string &container);

    Workflow m_workflow;
    const Workflow *m_root = &m_workflow;  // a scope points at the top level's
    std::string m_container;
    std::unordered_map<std::string, std::unique_ptr<CompiledWorkflow>> m_scopes;
    const CompiledWorkflow *m_top = this;
    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
    std::unordered_map<std::string, int> m_index;
    int m_start = -1;
    Diagnostics m_warnings;
    std::shared_ptr<const AppGuard> m_guard;
};

} // namespace flowdeck::engine
