#pragma once

#include "engine/sandbox/codecall.h"
#include "engine/sandbox/sandboxworker.h"

#include <nlohmann/json.hpp>

namespace flowdeck::engine {

// A worker's answer to `call` (resources/sandbox/runner.*) as the outcome a user reads.
// The answer came from the sandbox, so it is read as hostile: anything unexpected in it
// is a clear failure, never an exception.
CodeOutcome outcomeFromAnswer(const nlohmann::json &answer, const CodeCall &call);

// Why a worker that died during `call` did: a limit the kernel or V8 enforced, a failed
// start (`started` false: it never said it was ready), or a crash.
CodeOutcome outcomeFromExit(const SandboxWorker::Exit &exit, bool started, const CodeCall &call);

} // namespace flowdeck::engine
