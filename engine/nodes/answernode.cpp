#include "engine/nodes/nodecontext.h"
#include "engine/core/jsonaccess.h"
#include "engine/model/demomodel.h"
#include "engine/model/providerprofile.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/runservices.h"

namespace flowdeck::engine {

namespace {

// True when this run's models are answered by the offline demo model: a reply written
// into the workflow (a fixed branch) is then marked as a demo answer too, since the
// demo, not a real model, chose the branch.
bool answeredByDemo(NodeContext &ctx)
{
    const RunServices &svc = ctx.services();
    if (!svc.profiles)
        return false;
    const auto isDemo = [&](const std::string &name) {
        const ProviderProfile *p = name.empty() ? nullptr : svc.profiles->find(name);
        return p && DemoModel::handles(p->baseUrl);
    };
    if (!svc.profileOverride.empty())
        return isDemo(svc.profileOverride);
    const nlohmann::json &models = ctx.workflow().models;
    if (!models.is_object())
        return false;
    for (const auto &[alias, entry] : models.items())
        if (isDemo(valueOr(entry, "profile", std::string())))
            return true;
    return false;
}

} // namespace

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
        if (text.find(DemoModel::kMarkerEn) == std::string::npos && text.find(DemoModel::kMarkerZh) == std::string::npos &&
            answeredByDemo(*ctx))
            text = std::string(DemoModel::isChinese(text) ? DemoModel::kMarkerZh : DemoModel::kMarkerEn) + "\n\n" + text;
        ctx->answer(text);
        done(NodeResult::success({{"text", std::move(text)}}));
    };
    return d;
}

} // namespace flowdeck::engine
