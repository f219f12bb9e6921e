#include "engine/guard/guardpolicy.h"

#include "engine/core/jsonaccess.h"

namespace flowdeck::engine {

const char *guardActionName(GuardAction action)
{
    switch (action) {
    case GuardAction::Check: return "check";
    case GuardAction::Mask: return "mask";
    case GuardAction::Flag: return "flag";
    }
    return "check";
}

namespace {

Diagnostic policyError(const std::string &field, const std::string &message, const char *code = "guard-policy",
                       std::vector<std::string> args = {})
{
    Diagnostic d;
    d.code = code;
    d.args = std::move(args);
    d.field = field.empty() ? "guard" : "guard." + field;
    d.message = message;
    return d;
}

bool parseStage(const nlohmann::json &guard, const char *name, GuardStage &stage, Diagnostics &problems)
{
    const auto it = guard.find(name);
    if (it == guard.end() || it->is_null())
        return true;
    if (!it->is_object()) {
        problems.push_back(policyError(name, std::string("The guard's ") + name + " settings must be an object.",
                                       "guard-policy-stage", {name}));
        return false;
    }
    const nlohmann::json checks = valueOr<nlohmann::json>(*it, "checks", nlohmann::json::object());
    if (!checks.is_object()) {
        problems.push_back(policyError(std::string(name) + ".checks", "The guard's checks must be an object.",
                                       "guard-policy-checks"));
        return false;
    }
    stage.checks = checks;
    const std::string action = valueOr(*it, "action", "check");
    if (action == "check")
        stage.action = GuardAction::Check;
    else if (action == "mask")
        stage.action = GuardAction::Mask;
    else if (action == "flag")
        stage.action = GuardAction::Flag;
    else {
        problems.push_back(policyError(std::string(name) + ".action",
                                       "Unknown guard action '" + action + "': use check, mask or flag.",
                                       "guard-policy-action", {action}));
        return false;
    }
    const std::int64_t hold = valueOr<std::int64_t>(*it, "holdBack", 48);
    stage.holdBackChars = hold < 0 ? 0 : static_cast<std::size_t>(hold);
    return true;
}

} // namespace

const std::string &GuardPolicy::replyText() const
{
    static const std::string fallback = kDefaultGuardReply;
    return reply.empty() ? fallback : reply;
}

Result<GuardPolicy> GuardPolicy::parse(const nlohmann::json &guard)
{
    GuardPolicy policy;
    if (guard.is_null() || (guard.is_object() && guard.empty()))
        return policy;
    if (!guard.is_object())
        return Result<GuardPolicy>::failure(policyError("", "The workflow's guard policy must be an object."));
    Diagnostics problems;
    parseStage(guard, "input", policy.input, problems);
    parseStage(guard, "output", policy.output, problems);
    policy.reply = valueOr(guard, "reply", "");
    const nlohmann::json label = valueOr<nlohmann::json>(guard, "label", nlohmann::json::object());
    policy.labelChatPage = valueOr(label, "chatPage", true);
    policy.labelApi = valueOr(label, "api", true);
    if (!problems.empty())
        return Result<GuardPolicy>(std::move(problems));
    return policy;
}

std::vector<std::string> GuardOutcome::categories() const
{
    GuardFindings all = input;
    all.insert(all.end(), output.begin(), output.end());
    return findingCategories(all);
}

nlohmann::json GuardOutcome::toJson() const
{
    nlohmann::json out = {{"blocked", blocked}, {"categories", categories()}};
    if (blocked)
        out["stage"] = blockedStage;
    out["findings"] = {{"input", findingsToJson(input)}, {"output", findingsToJson(output)}};
    return out;
}

} // namespace flowdeck::engine
