#pragma once

#include "engine/core/result.h"
#include "engine/knowledge/knowledgeingest.h"

#include <optional>

namespace flowdeck::studio {

class RunController;

// A base's embedding profile with its key, resolved the way runs resolve it: with the
// run host's profiles and secrets (the keychain's keys included), on the engine's
// thread. Called from background jobs only: it waits for the engine's answer. Without
// a run controller (tests), the preset profiles and the environment's keys.
class EmbeddingResolver {
public:
    explicit EmbeddingResolver(RunController *runner = nullptr) : m_runner(runner) {}

    engine::Result<std::optional<engine::EmbeddingTarget>> resolve(const engine::KnowledgeSettings &settings) const;

private:
    RunController *m_runner;
};

} // namespace flowdeck::studio
