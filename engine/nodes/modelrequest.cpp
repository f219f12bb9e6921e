#include "engine/nodes/modelrequest.h"
#include "engine/core/jsonaccess.h"

#include "engine/core/secretstore.h"
#include "engine/nodes/nodecontext.h"
#include "engine/run/runservices.h"
#include "engine/templates/modelbinding.h"

namespace flowdeck::engine {

std::optional<ChatRequest> aliasRequest(RunServices &svc, const Workflow &workflow, const std::string &alias,
                                        NodeResult &error)
{
    if (!svc.http || !svc.profiles || !svc.secrets) {
        error = NodeResult::failure(ErrorKind::Internal, "No model services are set up for this run.");
        return std::nullopt;
    }
    const nlohmann::json spec = valueOr(workflow.models, alias, nlohmann::json::object());
    const std::string bound = engine::valueOr(spec, "profile", "");
    const std::string profileName = svc.profileOverride.empty() ? bound : svc.profileOverride;
    if (profileName.empty()) {
        Workflow unbound;
        unbound.models = {{alias, spec}};
        error = NodeResult::failure(ErrorKind::InvalidInput, unboundModelProblems(unbound).front().message);
        return std::nullopt;
    }
    auto resolved = svc.profiles->resolve(profileName, *svc.secrets);
    if (!resolved) {
        const std::string &why = resolved.diagnostics()[0].message;
        error = NodeResult::failure(why.find("API key") != std::string::npos ? ErrorKind::Auth : ErrorKind::InvalidInput, why);
        return std::nullopt;
    }
    ChatRequest req;
    req.profile = resolved->profile;
    req.apiKey = resolved->apiKey;
    // A model id belongs to its provider: with another profile than the bound one, that profile's model for the kind.
    const std::string declared = profileName == bound ? engine::valueOr(spec, "model", "") : std::string();
    req.model = !svc.modelOverride.empty() ? svc.modelOverride
                : !declared.empty()        ? declared
                                           : resolved->profile.modelFor(modelKind(spec));
    req.stallTimeoutMs = svc.modelStallTimeoutMs;
    req.timeoutMs = svc.modelTimeoutMs;
    req.maxAttempts = svc.modelMaxAttempts;
    req.backoffMs = svc.modelBackoffMs;
    return req;
}

std::optional<ChatRequest> modelRequest(NodeContext &ctx, NodeResult &error)
{
    const nlohmann::json &config = ctx.node().config;
    auto made = aliasRequest(ctx.services(), ctx.workflow(), engine::valueOr(config, "model", "default"), error);
    if (!made)
        return std::nullopt;
    ChatRequest &req = *made;
    if (const auto system = ctx.render(engine::valueOr(config, "system", "")); !system.empty())
        req.messages.push_back({{"role", "system"}, {"content", system}});
    if (const int turns = engine::valueOr(config, "history", 0); turns > 0 && ctx.sys().contains("history")) {
        const auto &history = ctx.sys()["history"];
        const std::size_t keep = std::min<std::size_t>(history.size(), static_cast<std::size_t>(turns) * 2);
        for (std::size_t i = history.size() - keep; i < history.size(); ++i)
            req.messages.push_back(history[i]);
    }
    req.messages.push_back({{"role", "user"}, {"content", ctx.render(engine::valueOr(config, "prompt", ""))}});
    if (config.contains("temperature"))
        req.temperature = config["temperature"].get<double>();
    if (config.contains("maxTokens"))
        req.maxTokens = config["maxTokens"].get<int>();
    req.stream = engine::valueOr(config, "stream", true);
    return made;
}

ChatCallbacks modelCallbacks(const std::shared_ptr<NodeContext> &ctx)
{
    ChatCallbacks cb;
    cb.onDelta = [ctx](std::string_view text, std::string_view reasoning) {
        if (!reasoning.empty())
            ctx->token(reasoning, true);
        if (!text.empty())
            ctx->token(text, false);
    };
    cb.onRetry = [ctx](int attempt, long delayMs, const std::string &why) {
        ctx->log("warning", why + " Trying again (attempt " + std::to_string(attempt) + ") in " +
                                std::to_string(delayMs) + " ms.");
    };
    return cb;
}

} // namespace flowdeck::engine
