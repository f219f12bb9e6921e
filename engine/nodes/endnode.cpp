#include "engine/nodes/nodecontext.h"
#include "engine/core/jsonaccess.h"
#include "engine/nodes/noderegistry.h"

namespace flowdeck::engine {

NodeDescriptor endNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "end";
    d.title = "End";
    d.titleZh = "结束";
    d.description = "Workflow mode: the named outputs of the run.";
    d.descriptionZh = "工作流模式：本次运行的命名输出。";
    d.icon = "end";
    d.category = "output";
    d.mode = "workflow";
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["outputs"], "additionalProperties": false,
      "properties": { "outputs": { "type": "object", "title": "Outputs",
        "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
        "additionalProperties": { "type": "string", "format": "template" } } }
    })json");
    d.outputsFor = [](const NodeSpec &node, const Workflow &) {
        std::vector<OutputSpec> outs;
        const nlohmann::json outputs = engine::valueOr(node.config, "outputs", nlohmann::json::object());
        for (const auto &[name, value] : outputs.items())
            outs.push_back({name, "any", {}});
        return outs;
    };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        nlohmann::json outputs = nlohmann::json::object();
        const nlohmann::json wanted = engine::valueOr(ctx->node().config, "outputs", nlohmann::json::object());
        for (const auto &[name, value] : wanted.items())
            outputs[name] = ctx->renderValue(value);
        done(NodeResult::success(std::move(outputs)));
    };
    return d;
}

} // namespace flowdeck::engine
