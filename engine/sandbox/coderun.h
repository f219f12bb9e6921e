#pragma once

#include "engine/sandbox/codeconfig.h"
#include "engine/sandbox/codesandboxpool.h"

#include <nlohmann/json.hpp>

#include <functional>

namespace flowdeck::engine {

// The call a code node makes: its code, language and limits, and `inputsByName` (each
// declared input's value; one not given is null).
CodeCall codeCallFor(const CodeConfig &config, const nlohmann::json &inputsByName);

// `outcome` with the node's declared outputs checked: a successful call whose result
// does not fit the declaration becomes a failure naming the field and both types (the
// returned outputs and the logs are kept for the person who reads it).
CodeOutcome checkedAgainst(const CodeConfig &config, CodeOutcome outcome);

// "Run this node with sample input" outside a workflow (the studio's code editor): runs
// a code node's `config` with `inputs` (values by input name) on `pool` and gives the
// outcome (outputs, logs, the limit hit, elapsed time) to `done`, later, on the pool's
// io_context. A config with problems is not run: `done` gets them as the error.
CodeSandboxPool::CallId runCodeOnce(CodeSandboxPool &pool, const nlohmann::json &config, const nlohmann::json &inputs,
                                    std::function<void(CodeOutcome)> done);

// The same on a loop and a pool of its own, waiting for the outcome: for a thread that
// may block (a tool, the studio's worker thread). The interpreter starts cold.
CodeOutcome runCodeOnce(const nlohmann::json &config, const nlohmann::json &inputs);

} // namespace flowdeck::engine
