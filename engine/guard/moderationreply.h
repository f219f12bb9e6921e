#pragma once

#include "engine/guard/guardfinding.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace flowdeck::engine {

// Findings of check "moderation" from an OpenAI-compatible /moderations answer
// ({"results": [{"flagged", "categories": {name: bool}, "category_scores": {name: number}}]}):
// one per category that is flagged or scores at or over `threshold`, mapped to the
// taxonomy (categoryForOpenAi; "custom" for a category it does not know), type and label
// the provider's category name, score its score (severity high from 0.8). A result
// flagged with no such category gives one finding of category "custom".
// nullopt: the answer has no result with a "flagged" boolean.
std::optional<GuardFindings> moderationFindings(const nlohmann::json &answer, double threshold);

} // namespace flowdeck::engine
