#pragma once

#include "engine/core/result.h"
#include "engine/guard/guardfinding.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace flowdeck::engine {

// What a guard does with its findings: check (any finding blocks), mask (PII and
// secrets replaced by typed placeholders, other findings flagged) or flag (recorded only).
enum class GuardAction { Check, Mask, Flag };
const char *guardActionName(GuardAction action);

struct GuardStage {
    nlohmann::json checks;  // the "checks" object; null: this stage checks nothing
    GuardAction action = GuardAction::Check;
    std::size_t holdBackChars = 48;  // output only: characters of streamed text held until checked
    bool enabled() const { return checks.is_object() && !checks.empty(); }
};

// A workflow's app guard policy, its top-level "guard" object (DESIGN.md §10,
// docs/guard.md). The runtime and the studio's run console apply it to every run.
struct GuardPolicy {
    GuardStage input;
    GuardStage output;
    std::string reply;           // what the user sees when blocked; empty: kDefaultGuardReply
    bool labelChatPage = true;   // the chat page shows "AI-generated"
    bool labelApi = true;        // API answers carry the X-AI-Generated header and "ai_generated" field

    bool enabled() const { return input.enabled() || output.enabled(); }
    const std::string &replyText() const;
    // Errors name the field under "guard".
    static Result<GuardPolicy> parse(const nlohmann::json &guard);
};

inline constexpr const char *kDefaultGuardReply =
    "抱歉，这个问题我无法回答。Sorry, I can't help with that.";

// What the app policy did in one run (WorkflowRun::guard()).
struct GuardOutcome {
    bool blocked = false;
    std::string blockedStage;  // "input" or "output" when blocked
    GuardFindings input;       // spans into the input field named by each event
    GuardFindings output;      // spans into the answer (or the output value) they were found in
    std::vector<std::string> categories() const;  // of both stages, first seen first
    // {"blocked", "stage", "categories", "findings": {"input": [...], "output": [...]}}
    nlohmann::json toJson() const;
};

} // namespace flowdeck::engine
