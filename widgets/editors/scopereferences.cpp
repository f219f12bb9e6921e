#include "widgets/editors/scopereferences.h"

#include "engine/nodes/noderegistry.h"

namespace flowdeck::studio {

QStringList innerReferences(const engine::Workflow &workflow, const std::string &containerId)
{
    QStringList out;
    const engine::NodeSpec *container = workflow.findNode(containerId);
    if (!container)
        return out;
    const auto *descriptor = engine::NodeRegistry::builtin().find(container->type);
    if (descriptor && descriptor->innerOutputsFor)
        for (const auto &o : descriptor->innerOutputsFor(*container, workflow))
            out << QString::fromStdString(containerId + "." + o.name);
    for (const auto &n : workflow.nodes)
        if (n.parent == containerId)
            if (const auto *d = engine::NodeRegistry::builtin().find(n.type))
                for (const auto &o : d->outputsOf(n, workflow))
                    out << QString::fromStdString(n.id + "." + o.name);
    return out;
}

QStringList envReferences(const engine::Workflow &workflow)
{
    QStringList out;
    for (const auto &v : workflow.env)
        out << QString::fromStdString("env." + v.name);
    return out;
}

} // namespace flowdeck::studio
