#include "engine/nodes/declaredchecks.h"
#include "engine/core/jsonaccess.h"

namespace flowdeck::engine {

namespace {

void add(Diagnostics &out, const NodeSpec &node, std::string code, std::string field, std::string message)
{
    Diagnostic d;
    d.code = std::move(code);
    d.nodeId = node.id;
    d.field = std::move(field);
    d.message = std::move(message);
    out.push_back(std::move(d));
}

} // namespace

void checkModelDeclared(const NodeSpec &node, const Workflow &workflow, Diagnostics &out)
{
    const std::string alias = engine::valueOr(node.config, "model", "default");
    if (!workflow.models.contains(alias))
        add(out, node, "unknown-model", "config.model",
            "The model '" + alias + "' is not declared in the workflow's models; add it or pick another.");
}

void checkPluginDeclared(const NodeSpec &node, const Workflow &workflow, const std::string &server,
                         const std::string &field, Diagnostics &out)
{
    if (!workflow.plugins.contains(server))
        add(out, node, "unknown-plugin", field,
            "The plugin '" + server + "' is not declared in the workflow's plugins; add it or pick another.");
}

} // namespace flowdeck::engine
