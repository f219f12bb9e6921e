#include "engine/run/compiledworkflow.h"

#include "engine/nodes/noderegistry.h"
#include "engine/workflow/validator.h"

namespace flowdeck::engine {

Result<std::shared_ptr<const CompiledWorkflow>> CompiledWorkflow::compile(Workflow workflow,
                                                                          const NodeRegistry &registry)
{
    Diagnostics diagnostics = validateWorkflow(workflow, registry);
    if (hasErrors(diagnostics))
        return Result<std::shared_ptr<const CompiledWorkflow>>(std::move(diagnostics));
    auto c = std::shared_ptr<CompiledWorkflow>(new CompiledWorkflow);
    c->m_workflow = std::move(workflow);
    c->m_warnings = std::move(diagnostics);
    const auto &wf = c->m_workflow;
    c->m_nodes.reserve(wf.nodes.size());
    for (const auto &spec : wf.nodes) {
        c->m_index[spec.id] = static_cast<int>(c->m_nodes.size());
        if (spec.type == "start")
            c->m_start = static_cast<int>(c->m_nodes.size());
        c->m_nodes.push_back({&spec, registry.find(spec.type), {}, {}});
    }
    for (const auto &e : wf.edges) {
        Edge edge{c->m_index[e.from], c->m_index[e.to], e.fromPort.empty() ? kDefaultPort : e.fromPort};
        int id = static_cast<int>(c->m_edges.size());
        c->m_nodes[edge.from].out.push_back(id);
        c->m_nodes[edge.to].in.push_back(id);
        c->m_edges.push_back(std::move(edge));
    }
    return Result<std::shared_ptr<const CompiledWorkflow>>(std::shared_ptr<const CompiledWorkflow>(c),
                                                           c->m_warnings);
}

int CompiledWorkflow::indexOf(const std::string &nodeId) const
{
    auto it = m_index.find(nodeId);
    return it == m_index.end() ? -1 : it->second;
}

} // namespace flowdeck::engine
