#include "engine/nodes/nodecontext.h"
#include "engine/core/jsonaccess.h"
#include "engine/nodes/noderegistry.h"

namespace flowdeck::engine {

NodeDescriptor aggregateNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "aggregate";
    d.title = "Aggregate";
    d.titleZh = "变量聚合";
    d.description = "Joins branches: the first of several values that is not empty.";
    d.descriptionZh = "汇合分支：取若干值中第一个非空的值。";
    d.icon = "aggregate";
    d.category = "logic";
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["values"], "additionalProperties": false,
      "properties": { "values": { "type": "array", "minItems": 1, "title": "Values, in order of preference",
                                  "items": { "type": "string", "format": "template" } } }
    })json");
    d.outputs = {{"value", "any", "The first value that is not empty"}};
    d.defaultOutputs = [](const NodeSpec &) { return nlohmann::json{{"value", nullptr}}; };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        nlohmann::json value;
        for (const auto &candidate : engine::valueOr(ctx->node().config, "values", nlohmann::json::array())) {
            nlohmann::json v = ctx->renderValue(candidate);
            bool empty = v.is_null() || (v.is_string() && v.get_ref<const std::string &>().empty()) ||
                         ((v.is_array() || v.is_object()) && v.empty());
            if (!empty) {
                value = std::move(v);
                break;
            }
        }
        done(NodeResult::success({{"value", std::move(value)}}));
    };
    return d;
}

} // namespace flowdeck::engine
