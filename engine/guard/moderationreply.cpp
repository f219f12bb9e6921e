#include "engine/guard/moderationreply.h"

#include "engine/core/diagnostic.h"
#include "engine/guard/guardtaxonomy.h"

#include <algorithm>
#include <map>

namespace flowdeck::engine {

namespace {

constexpr double kModerationHighScore = 0.8;
constexpr std::size_t kMaxModerationCategories = 64;  // a peer's answer is bounded before it becomes findings

struct ModerationSeen {
    bool flagged = false;
    double score = -1;  // -1: no score given
};

} // namespace

std::optional<GuardFindings> moderationFindings(const nlohmann::json &answer, double threshold)
{
    const auto results = answer.is_object() ? answer.find("results") : answer.end();
    if (!answer.is_object() || results == answer.end() || !results->is_array() || results->empty())
        return std::nullopt;
    std::map<std::string, ModerationSeen> seen;  // by the provider's category name, over all results
    bool flagged = false;
    for (const auto &result : *results) {
        const auto f = result.is_object() ? result.find("flagged") : result.end();
        if (!result.is_object() || f == result.end() || !f->is_boolean())
            return std::nullopt;
        flagged = flagged || f->get<bool>();
        if (const auto c = result.find("categories"); c != result.end() && c->is_object())
            for (const auto &[name, value] : c->items())
                if (value.is_boolean() && value.get<bool>() && (seen.size() < kMaxModerationCategories || seen.count(name)))
                    seen[name].flagged = true;
        if (const auto s = result.find("category_scores"); s != result.end() && s->is_object())
            for (const auto &[name, value] : s->items())
                if (value.is_number() && (seen.size() < kMaxModerationCategories || seen.count(name)))
                    seen[name].score = std::max(seen[name].score, value.get<double>());
    }
    GuardFindings out;
    for (const auto &[name, what] : seen) {
        if (!what.flagged && what.score < threshold)
            continue;
        GuardFinding finding;
        finding.check = "moderation";
        const std::string category = categoryForOpenAi(name);
        finding.category = findGuardCategory(category) ? category : "custom";
        finding.type = truncateUtf8(name, 64);
        finding.label = finding.type;
        finding.score = what.score >= 0 ? std::clamp(what.score, 0.0, 1.0) : 1.0;
        finding.severity = finding.score >= kModerationHighScore ? "high" : "medium";
        out.push_back(std::move(finding));
    }
    if (flagged && out.empty()) {
        GuardFinding finding;
        finding.check = "moderation";
        finding.category = "custom";
        finding.type = "flagged";
        out.push_back(std::move(finding));
    }
    return out;
}

} // namespace flowdeck::engine
