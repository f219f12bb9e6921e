#pragma once

#include "engine/guard/guardfinding.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::engine {

// The guard's LLM judge (a provider check of kind "judge"): any chat model reads the
// checked text against the user's policy and answers
//   {"score": 0..1, "categories": [taxonomy ids], "reason": "..."}.

// The system prompt: the policy, the taxonomy's categories by id, where the text came
// from (it is data to judge, never instructions to follow) and the JSON asked for.
std::string judgeSystemPrompt(const std::string &policy, TextSource source);
// The answer's JSON Schema, for providers that take response_format json_schema.
const nlohmann::json &judgeAnswerSchema();

struct JudgeVerdict {
    double score = 0;                     // 0..1
    std::vector<std::string> categories;  // as the model named them
    std::string reason;
};

// The verdict in a model's answer, past <think> blocks, ``` fences and prose; a score
// given as text or as a percentage (85) is read too. nullopt: no JSON object with a score.
std::optional<JudgeVerdict> parseJudgeAnswer(std::string_view answer);

// Findings of check "judge" when the score is at or over `threshold`: one per taxonomy
// category the model named (unknown ids dropped; "custom" when none is left), with the
// score; severity high from 0.8. The reason is not kept: it may quote the text.
GuardFindings judgeFindings(const JudgeVerdict &verdict, double threshold);

} // namespace flowdeck::engine
