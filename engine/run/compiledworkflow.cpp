#include "engine/run/compiledworkflow.h"

#include "engine/guard/guardscreen.h"
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
    c->index(c->m_workflow, registry, {});
    if (auto guard = compileAppGuard(c->m_workflow.guard); guard && guard.value()->enabled())
        c->m_guard = guard.value();
    for (const auto &spec : c->m_workflow.nodes) {
        const NodeDescriptor *d = registry.find(spec.type);
        if (!d || !d->container)
            continue;
        auto scope = std::unique_ptr<CompiledWorkflow>(new CompiledWorkflow);
        scope->m_root = &c->m_workflow;
        scope->m_top = c.get();
        scope->index(c->m_workflow, registry, spec.id);
        c->m_scopes[spec.id] = std::move(scope);
    }
    return Result<std::shared_ptr<const CompiledWorkflow>>(std::shared_ptr<const CompiledWorkflow>(c),
                                                           c->m_warnings);
}

void CompiledWorkflow::index(const Workflow &wf, const NodeRegistry &registry, const std::string &container)
{
    m_container = container;
    for (const auto &spec : wf.nodes) {
        if (spec.parent != container)
            continue;
        m_index[spec.id] = static_cast<int>(m_nodes.size());
        if (spec.type == "start" && container.empty())
            m_start = static_cast<int>(m_nodes.size());
        m_nodes.push_back({&spec, registry.find(spec.type), {}, {}});
    }
    for (const auto &e : wf.edges) {
        auto from = m_index.find(e.from), to = m_index.find(e.to);
        if (from == m_index.end() || to == m_index.end())
            continue;  // another scope's (validation refuses edges across scopes)
        Edge edge{from->second, to->second, e.fromPort.empty() ? kDefaultPort : e.fromPort};
        int id = static_cast<int>(m_edges.size());
        m_nodes[edge.from].out.push_back(id);
        m_nodes[edge.to].in.push_back(id);
        m_edges.push_back(std::move(edge));
    }
}

std::shared_ptr<const CompiledWorkflow> CompiledWorkflow::scopeOf(const std::shared_ptr<const CompiledWorkflow> &compiled,
                                                                  const std::string &nodeId)
{
    const auto &scopes = compiled->m_top->m_scopes;
    auto it = scopes.find(nodeId);
    if (it == scopes.end())
        return nullptr;
    return std::shared_ptr<const CompiledWorkflow>(compiled, it->second.get());  // aliasing: owns the top level
}

int CompiledWorkflow::indexOf(const std::string &nodeId) const
{
    auto it = m_index.find(nodeId);
    return it == m_index.end() ? -1 : it->second;
}

} // namespace flowdeck::engine
