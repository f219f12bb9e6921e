#pragma once

#include "engine/guard/guardfinding.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::engine {

// What a guard model said about a text. Two answer formats are read:
// - Qwen3Guard: "Safety: Safe|Unsafe|Controversial\nCategories: Violent, PII" (a
//   "Refusal: Yes|No" line, for responses, is ignored);
// - Llama Guard 3 and 4: "safe", or "unsafe\nS1,S10" with the hazard codes S1..S14.
// Case, extra whitespace and <think> blocks do not matter.
enum class GuardModelVerdict { Safe, Unsafe, Controversial };

struct GuardModelCategory {
    std::string code;      // as the model named it: "S10", "Violent"
    std::string name;      // readable: "Hate", "Violent"
    std::string category;  // the taxonomy id ("discrimination_other"); "custom" when the name is unknown
};

struct GuardModelReply {
    GuardModelVerdict verdict = GuardModelVerdict::Safe;
    std::string format;  // "qwen3guard" or "llamaguard"
    std::vector<GuardModelCategory> categories;
};

// The reply in `answer`, or nullopt when it is in neither format.
std::optional<GuardModelReply> parseGuardModelReply(std::string_view answer);

// Findings of check "guard_model": one per category named in an unsafe reply (severity
// high; an unsafe reply naming none gives one of category "custom"). Qwen3Guard's
// Controversial counts only when `strict`, as severity low; safe replies give none.
GuardFindings guardModelFindings(const GuardModelReply &reply, bool strict);

} // namespace flowdeck::engine
