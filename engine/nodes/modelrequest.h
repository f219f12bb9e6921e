#pragma once

#include "engine/model/chatclient.h"
#include "engine/nodes/noderesult.h"

#include <memory>
#include <optional>

namespace flowdeck::engine {

class NodeContext;
struct RunServices;
struct Workflow;

// A chat request for a model alias of `workflow` (its "models" entry): the profile (or
// the run's profileOverride) resolved with its key, the model id (or modelOverride) and
// the run's retry and timeout tuning; no messages yet. Also used by the guard's provider
// checks. On failure, `error` says why.
std::optional<ChatRequest> aliasRequest(RunServices &svc, const Workflow &workflow, const std::string &alias,
                                        NodeResult &error);

// The chat request a model-calling node (llm, agent) starts from: its model alias
// resolved to a profile and key, system prompt, history turns, user prompt, sampling
// settings and the run's retry and timeout tuning. On failure, `error` says why.
std::optional<ChatRequest> modelRequest(NodeContext &ctx, NodeResult &error);

// Callbacks that stream tokens into the run and log retries; the caller sets onComplete.
ChatCallbacks modelCallbacks(const std::shared_ptr<NodeContext> &ctx);

} // namespace flowdeck::engine
