#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"

namespace flowdeck::engine {

NodeDescriptor templateNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "template";
    d.title = "Template";
    d.titleZh = "模板转换";
    d.description = "Renders text from the outputs of earlier nodes.";
    d.descriptionZh = "用前面节点的输出拼出文本。";
    d.icon = "template";
    d.category = "transform";
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["template"], "additionalProperties": false,
      "properties": { "template": { "type": "string", "title": "Template", "format": "template" } }
    })json");
    d.outputs = {{"text", "string", "The rendered text"}};
    d.defaultOutputs = [](const NodeSpec &) { return nlohmann::json{{"text", ""}}; };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        const auto &config = ctx->node().config;
        auto it = config.find("template");
        std::string text = it != config.end() && it->is_string() ? ctx->render(it->get_ref<const std::string &>())
                                                                  : std::string();
        nlohmann::json out = nlohmann::json::object();
        out["text"] = std::move(text);
        done(NodeResult::success(std::move(out)));
    };
    return d;
}

} // namespace flowdeck::engine
