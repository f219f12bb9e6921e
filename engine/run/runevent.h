#pragma once

#include "engine/core/jsonaccess.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace flowdeck::engine {

struct Usage {
    std::int64_t promptTokens = 0;
    std::int64_t completionTokens = 0;
    std::int64_t totalTokens = 0;

    void add(const Usage &other)
    {
        promptTokens += other.promptTokens;
        completionTokens += other.completionTokens;
        totalTokens += other.totalTokens;
    }
    bool empty() const { return totalTokens == 0 && promptTokens == 0 && completionTokens == 0; }
    nlohmann::json toJson() const
    {
        return {{"prompt_tokens", promptTokens}, {"completion_tokens", completionTokens}, {"total_tokens", totalTokens}};
    }
    // What toJson wrote (a stored run); missing or wrong fields count as 0.
    static Usage fromJson(const nlohmann::json &j)
    {
        Usage u;
        u.promptTokens = valueOr<std::int64_t>(j, "prompt_tokens", 0);
        u.completionTokens = valueOr<std::int64_t>(j, "completion_tokens", 0);
        u.totalTokens = valueOr<std::int64_t>(j, "total_tokens", 0);
        return u;
    }
};

enum class RunEventType {
    RunStarted,
    NodeStarted,   // data: {inputs}
    Token,         // data: {text, reasoning}
    Answer,        // data: {text}: a piece of the chat answer, in order
    Log,           // data: {level, message}
    NodeRetrying,  // data: {attempt, delayMs, message}
    NodeFinished,  // data: {outputs, port, elapsedMs, usage}
    NodeSkipped,
    NodeFailed,    // data: {kind, message, elapsedMs}
    RunFinished,   // data: {outputs, answer, usage, elapsedMs}
    RunFailed,     // data: {kind, message, node, elapsedMs}
    RunCancelled,  // data: {elapsedMs}
    NodeProgress,  // data: {done, total, index, ok}: an iteration item or loop round ended
    HumanInputRequired,  // data: {token, form}: a human node waits for its form
    RunPaused,     // data: {snapshot, tokens, elapsedMs}: only human nodes wait; a host may keep or store the run
    GuardChecked,  // data: {stage, field, action, findings, categories}: the app guard found something (never the text)
};

const char *runEventTypeName(RunEventType type);

// One event of a run's stream; the studio's console, the runtime's SSE answers and the
// run history all read this.
struct RunEvent {
    RunEventType type;
    std::string runId;
    std::string nodeId;
    std::string nodeType;
    nlohmann::json data = nlohmann::json::object();

    nlohmann::json toJson() const;
};

using RunEventSink = std::function<void(const RunEvent &)>;

} // namespace flowdeck::engine
