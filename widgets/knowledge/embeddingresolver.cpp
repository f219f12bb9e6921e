#include "widgets/knowledge/embeddingresolver.h"

#include "engine/core/secretstore.h"
#include "engine/run/runhost.h"
#include "widgets/run/runcontroller.h"

#include <future>
#include <memory>

namespace flowdeck::studio {

using Target = engine::Result<std::optional<engine::EmbeddingTarget>>;

Target EmbeddingResolver::resolve(const engine::KnowledgeSettings &settings) const
{
    if (settings.embedding.profile.empty())
        return std::optional<engine::EmbeddingTarget>();
    if (!m_runner) {
        const engine::ProfileStore presets;
        const engine::SecretStore secrets;  // the environment's keys
        return engine::resolveEmbedding(settings, presets, secrets);
    }
    auto promise = std::make_shared<std::promise<Target>>();
    auto answer = promise->get_future();
    m_runner->onEngine([promise, settings](engine::RunHost &host) {
        promise->set_value(engine::resolveEmbedding(settings, host.profiles(), host.secrets()));
    });
    try {
        return answer.get();
    } catch (const std::future_error &) {  // the studio closed before the engine answered
        engine::Diagnostic d;
        d.message = "The studio is closing; the embedding profile was not looked up.";
        return Target::failure(d);
    }
}

} // namespace flowdeck::studio
