#include "engine/core/jsonaccess.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"

namespace flowdeck::engine {

namespace {

// What the placeholder stands for, in a sentence that says what to do about it.
std::string placeholderProblem(const NodeSpec &node)
{
    const std::string tool = valueOr(node.config, "tool", "");
    const std::string type = valueOr(node.config, "difyType", "");
    if (!tool.empty())
        return "The node '" + node.id + "' was imported from Dify's tool " + tool +
               ", which Flowdeck has no plugin for; replace it with an MCP tool, HTTP or code node that does the same.";
    return "The node '" + node.id + "' was imported from Dify's '" + (type.empty() ? std::string("unknown") : type) +
           "' node, which Flowdeck has no equivalent for; replace it with nodes that do the same.";
}

} // namespace

// Stands where an imported app had something Flowdeck cannot run (a Dify tool without an
// MCP plugin): validation reports it, and a run that reaches it fails with the same sentence.
NodeDescriptor placeholderNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "placeholder";
    d.title = "Placeholder";
    d.titleZh = "待替换节点";
    d.description = "Stands for an imported step Flowdeck cannot run; replace it.";
    d.descriptionZh = "代表导入时 Flowdeck 无法运行的步骤，需要替换。";
    d.icon = "placeholder";
    d.category = "imported";  // not offered for new work: only imports make it
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "additionalProperties": false,
      "properties": {
        "from": { "type": "string", "title": "Imported from" },
        "difyType": { "type": "string", "title": "Dify node type" },
        "tool": { "type": "string", "title": "Dify tool" },
        "original": { "type": "object", "title": "Original settings" },
        "outputs": { "type": "array", "items": { "type": "string" } }
      }
    })json");
    d.outputsFor = [](const NodeSpec &node, const Workflow &) {
        std::vector<OutputSpec> outs;
        for (const auto &o : valueOr<nlohmann::json>(node.config, "outputs", nlohmann::json::array()))
            if (o.is_string())
                outs.push_back({o.get<std::string>(), "any", {}});
        if (outs.empty())
            outs = {{"text", "string", "Text"}, {"json", "any", "Structured result"}, {"files", "array", "Files"}};
        return outs;
    };
    d.validate = [](const NodeSpec &node, const Workflow &) {
        Diagnostic diag;
        diag.code = "placeholder";
        diag.nodeId = node.id;
        diag.field = "type";
        diag.message = placeholderProblem(node);
        const std::string tool = valueOr(node.config, "tool", "");
        diag.args = {node.id, tool.empty() ? valueOr(node.config, "difyType", "") : tool};
        return Diagnostics{diag};
    };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        done(NodeResult::failure(ErrorKind::InvalidInput, placeholderProblem(ctx->node())));
    };
    return d;
}

} // namespace flowdeck::engine
