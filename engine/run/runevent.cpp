#include "engine/run/runevent.h"

namespace flowdeck::engine {

const char *runEventTypeName(RunEventType type)
{
    switch (type) {
    case RunEventType::RunStarted: return "run_started";
    case RunEventType::NodeStarted: return "node_started";
    case RunEventType::Token: return "token";
    case RunEventType::Answer: return "answer";
    case RunEventType::GuardChecked: return "guard_checked";
    case RunEventType::Log: return "log";
    case RunEventType::NodeRetrying: return "node_retrying";
    case RunEventType::NodeFinished: return "node_finished";
    case RunEventType::NodeSkipped: return "node_skipped";
    case RunEventType::NodeFailed: return "node_failed";
    case RunEventType::RunFinished: return "run_finished";
    case RunEventType::RunFailed: return "run_failed";
    case RunEventType::RunCancelled: return "run_cancelled";
    case RunEventType::NodeProgress: return "node_progress";
    case RunEventType::HumanInputRequired: return "human_input_required";
    case RunEventType::RunPaused: return "run_paused";
    }
    return "unknown";
}

nlohmann::json RunEvent::toJson() const
{
    nlohmann::json j = {{"event", runEventTypeName(type)}, {"run", runId}};
    if (!nodeId.empty()) {
        j["node"] = nodeId;
        j["nodeType"] = nodeType;
    }
    j["data"] = data;
    return j;
}

} // namespace flowdeck::engine
