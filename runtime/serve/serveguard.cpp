#include "runtime/serve/serveguard.h"

#include "engine/core/jsonaccess.h"
#include "engine/guard/guardpolicy.h"
#include "engine/guard/localguard.h"
#include "engine/run/runevent.h"
#include "runtime/serve/liveapp.h"
#include "runtime/serve/metrics.h"

namespace flowdeck::runtime {

Headers aiLabelHeaders(const LiveApp &app, Headers headers)
{
    if (app.guardPolicy().labelApi)
        headers.emplace_back("X-AI-Generated", "true");
    return headers;
}

void markAiGenerated(const LiveApp &app, nlohmann::json &body)
{
    if (app.guardPolicy().labelApi && body.is_object())
        body["ai_generated"] = true;
}

bool hasGuardFindings(const engine::GuardOutcome &outcome)
{
    return outcome.blocked || !outcome.input.empty() || !outcome.output.empty();
}

nlohmann::json blockedVerdict(const engine::GuardOutcome &outcome)
{
    if (!outcome.blocked)
        return nullptr;
    return {{"blocked", true}, {"stage", outcome.blockedStage}, {"categories", outcome.categories()}};
}

void countGuardEvent(Metrics &metrics, const std::string &app, const engine::RunEvent &event)
{
    const std::string stage = engine::valueOr(event.data, "stage", "");
    if (stage != "input" && stage != "output")  // only known names become labels
        return;
    for (const auto &finding : engine::valueOr<nlohmann::json>(event.data, "findings", nlohmann::json::array()))
        metrics.guardFinding(app, stage, engine::valueOr(finding, "category", "custom"));
    if (engine::valueOr(event.data, "action", "") == "blocked")
        metrics.guardBlocked(app, stage);
}

bool maskGuardedInputs(nlohmann::json &given, const engine::RunEvent &event)
{
    if (engine::valueOr(event.data, "stage", "") != "input" || !given.is_object())
        return false;
    const std::string field = engine::valueOr(event.data, "field", "");
    nlohmann::json *text = nullptr;
    if (field == "query" && given.contains("query"))
        text = &given["query"];
    else if (given.contains("inputs") && given["inputs"].is_object() && given["inputs"].contains(field))
        text = &given["inputs"][field];
    if (!text || !text->is_string())
        return false;
    const std::string &value = text->get_ref<const std::string &>();
    // Only spans that fit the text the history holds: the engine's, read as any outside data.
    engine::GuardFindings findings;
    for (const auto &item : engine::valueOr<nlohmann::json>(event.data, "findings", nlohmann::json::array())) {
        if (!item.is_object())
            continue;
        engine::GuardFinding finding = engine::GuardFinding::fromJson(item);
        if (finding.start < finding.end && finding.end <= value.size())
            findings.push_back(std::move(finding));
    }
    if (findings.empty())
        return false;
    std::string masked = engine::maskFindings(value, findings);
    if (masked == value)
        return false;
    *text = std::move(masked);
    return true;
}

} // namespace flowdeck::runtime
