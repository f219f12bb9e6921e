#pragma once

#include "engine/model/chatclient.h"
#include "engine/nodes/noderesult.h"

#include <memory>
#include <optional>

namespace flowdeck::engine {

class NodeContext;

// The chat request a model-calling node (llm, agent) starts from: its model alias
// resolved to a profile and key, system prompt, history turns, user prompt, sampling
// settings and the run's retry and timeout tuning. On failure, `error` says why.
std::optional<ChatRequest> modelRequest(NodeContext &ctx, NodeResult &error);

// Callbacks that stream tokens into the run and log retries; the caller sets onComplete.
ChatCallbacks modelCallbacks(const std::shared_ptr<NodeContext> &ctx);

} // namespace flowdeck::engine
