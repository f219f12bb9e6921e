#include "engine/nodes/nodecontext.h"
#include "engine/core/jsonaccess.h"
#include "engine/nodes/noderegistry.h"

namespace flowdeck::engine {

NodeDescriptor answerNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "answer";
    d.title = "Answer";
    d.titleZh = "直接回复";
    d.description = "Chat mode: sends text to the user. May appear on several branches.";
    d.descriptionZh = "对话模式：把文本回复给用户，可出现在多个分支上。";
    d.icon = "answer";
    d.category = "output";
    d.mode = "chat";
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["text"], "additionalProperties": false,
      "properties": { "text": { "type": "string", "title": "Reply", "format": "template" } }
    })json");
    d.outputs = {{"text", "string", "The text sent to the user"}};
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        std::string text = ctx->render(engine::valueOr(ctx->node().config, "text", ""));
        ctx->answer(text);
        done(NodeResult::success({{"text", std::move(text)}}));
    };
    return d;
}

} // namespace flowdeck::engine
