#pragma once

#include "runtime/serve/httpserver.h"

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::engine {
struct GuardOutcome;
struct RunEvent;
}

namespace flowdeck::runtime {

class LiveApp;
class Metrics;

// What a deployed app says about content safety (DESIGN.md §10). The runs apply the app's
// guard policy themselves; the runtime labels the answers and reports what the guard did.

// Generated content carries an explicit, machine-readable mark (China's labelling measures
// for AI-generated content, GB 45438-2025) unless the app's policy says label.api: false:
// the header X-AI-Generated: true beside `headers`, and "ai_generated": true in a JSON body.
Headers aiLabelHeaders(const LiveApp &app, Headers headers = {});
void markAiGenerated(const LiveApp &app, nlohmann::json &body);

// Whether the policy found anything in either stage.
bool hasGuardFindings(const engine::GuardOutcome &outcome);
// What an OpenAI-style answer says of a blocked run: {"blocked": true, "stage", "categories"};
// null when the run was not blocked.
nlohmann::json blockedVerdict(const engine::GuardOutcome &outcome);
// Counts a guard_checked event's findings by stage and category, and its block, in the
// runtime's metrics (from the events: a run resumed after a pause does not count again
// what it found before).
void countGuardEvent(Metrics &metrics, const std::string &app, const engine::RunEvent &event);

// The PII and secrets an input guard_checked event found, replaced by typed placeholders
// ("[ID_CARD]") in `given` ({"inputs": {...}, "query": "..."}, what the history keeps of a
// run's inputs), so the history never keeps them in clear whatever the policy's action.
// False when the event changed nothing.
bool maskGuardedInputs(nlohmann::json &given, const engine::RunEvent &event);

} // namespace flowdeck::runtime
