// The guard node (DESIGN.md §3, §10): checks, masks or flags a text anywhere in a
// workflow — user input, a model's answer, a tool's result, retrieved passages.
#include "engine/core/jsonaccess.h"
#include "engine/guard/guardscreen.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"

namespace flowdeck::engine {

namespace {

GuardAction modeOf(const nlohmann::json &config)
{
    const std::string mode = valueOr(config, "mode", "check");
    return mode == "mask" ? GuardAction::Mask : mode == "flag" ? GuardAction::Flag : GuardAction::Check;
}

Diagnostics validateGuardNode(const NodeSpec &node, const Workflow &workflow)
{
    Diagnostics out;
    const nlohmann::json checks = valueOr<nlohmann::json>(node.config, "checks", nlohmann::json::object());
    auto screen = GuardScreen::compile(checks, "config.checks");
    if (!screen)
        out = screen.diagnostics();
    else if (screen.value()->local().empty() && !screen.value()->hasProvider()) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.code = "guard-no-checks";
        d.field = "config.checks";
        d.message = "This guard has no check turned on, so it lets every text pass.";
        out.push_back(std::move(d));
    }
    if (const auto provider = checks.find("provider"); provider != checks.end() && provider->is_object())
        for (auto &d : validateProviderCheck(*provider, workflow, "config.checks.provider"))
            out.push_back(std::move(d));
    for (auto &d : out)
        d.nodeId = node.id;
    return out;
}

} // namespace

NodeDescriptor guardNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "guard";
    d.title = "Guard";
    d.titleZh = "内容安全";
    d.description = "Checks a text for personal data, secrets, listed words, prompt injection, links and unsafe "
                    "content; blocks it, masks personal data, or only flags what it finds.";
    d.descriptionZh = "检查文本中的个人信息、密钥、敏感词、提示词注入、链接和不安全内容；拦截、脱敏或仅标记。";
    d.icon = "guard";
    d.category = "logic";
    d.asynchronous = true;
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["text"], "additionalProperties": false,
      "properties": {
        "text": { "type": "string", "title": "Text", "format": "template" },
        "mode": { "enum": ["check", "mask", "flag"], "title": "Mode", "default": "check" },
        "source": { "enum": ["user", "model", "tool", "retrieved"], "title": "The text comes from", "default": "user" },
        "checks": { "type": "object", "title": "Checks" }
      }
    })json");
    d.outputs = {{"text", "string", "The text, with personal data masked in mask mode"},
                 {"blocked", "boolean", "Whether a check stopped the text (check mode)"},
                 {"findings", "array", "What the checks found: check, category, type, severity, span"},
                 {"categories", "array", "The risk categories found"}};
    d.portsFor = [](const NodeSpec &node) {
        if (modeOf(node.config) != GuardAction::Check)
            return std::vector<PortSpec>{{kDefaultPort, "Next"}};
        return std::vector<PortSpec>{{"pass", "Pass", "通过"}, {"blocked", "Blocked", "拦截"}};
    };
    d.validate = validateGuardNode;
    d.defaultOutputs = [](const NodeSpec &) {
        return nlohmann::json{{"text", ""}, {"blocked", false}, {"findings", nlohmann::json::array()},
                              {"categories", nlohmann::json::array()}};
    };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        const nlohmann::json &config = ctx->node().config;
        auto screen = GuardScreen::compile(valueOr<nlohmann::json>(config, "checks", nlohmann::json::object()),
                                           "config.checks");
        if (!screen)
            return done(NodeResult::failure(ErrorKind::InvalidInput, screen.diagnostics().front().message));
        const GuardAction action = modeOf(config);
        std::string text = ctx->render(valueOr(config, "text", ""));
        const TextSource source = textSourceFrom(valueOr(config, "source", "user"));
        auto finish = [action, text, done](GuardFindings findings, std::string error) {
            const std::string verdict = guardVerdict(action, findings);
            const bool blocked = verdict == "blocked";
            nlohmann::json out = {{"text", action == GuardAction::Mask ? maskFindings(text, findings) : text},
                                  {"blocked", blocked},
                                  {"findings", findingsToJson(findings)},
                                  {"categories", findingCategories(findings)}};
            if (!error.empty())
                out["checkError"] = error;
            done(NodeResult::success(std::move(out), action == GuardAction::Check ? (blocked ? "blocked" : "pass") : ""));
        };
        auto call = screen.value()->check(ctx->io(), ctx->services(), ctx->workflow(), text, source, std::move(finish));
        if (call)
            ctx->cancelSignal().onCancel([call] { call->cancel(); });
    };
    return d;
}

} // namespace flowdeck::engine
