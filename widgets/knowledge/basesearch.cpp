#include "widgets/knowledge/basesearch.h"

#include "engine/knowledge/knowledgesearch.h"
#include "engine/knowledge/knowledgestore.h"
#include "engine/model/embeddingclient.h"

namespace flowdeck::studio {

namespace {

engine::Diagnostic problem(std::string message)
{
    engine::Diagnostic d;
    d.message = std::move(message);
    return d;
}

} // namespace

BaseSearch::BaseSearch() = default;
BaseSearch::~BaseSearch() = default;

engine::Result<bool> BaseSearch::open(const std::filesystem::path &folder, std::optional<engine::EmbeddingTarget> embedding)
{
    auto store = engine::KnowledgeStore::open(folder, engine::KnowledgeStore::Mode::ReadOnly);
    if (!store.ok())
        return engine::Result<bool>(store.diagnostics());
    m_embedding = std::move(embedding);
    m_store = std::move(store.value());
    m_search = std::make_unique<engine::KnowledgeSearch>(*m_store);
    return true;
}

engine::Result<engine::SearchOutcome> BaseSearch::search(engine::SearchRequest request)
{
    using Outcome = engine::Result<engine::SearchOutcome>;
    if (!m_search)
        return Outcome::failure(problem("The knowledge base is not open."));
    if (request.mode != engine::SearchMode::Keyword) {
        if (!m_embedding) {
            if (request.mode == engine::SearchMode::Vector)
                return Outcome::failure(problem("This base has no embedding profile, so it cannot be searched by vector; "
                                                "choose keyword search, or an embedding profile in its settings."));
            request.mode = engine::SearchMode::Keyword;
        } else {
            engine::EmbeddingRequest e;
            e.profile = m_embedding->profile;
            e.apiKey = m_embedding->apiKey;
            e.model = m_embedding->model;
            e.dimensions = m_embedding->dimensions;
            e.inputs = {request.query};
            auto [result, error] = engine::embedBlocking(std::move(e), nullptr, {});
            if (error || result.vectors.empty())
                return Outcome::failure(problem("The question could not be embedded: " +
                                                (error ? error.message : std::string("no vector came back."))));
            request.queryVector = std::move(result.vectors.front());
        }
    }
    return m_search->search(request);
}

engine::Result<engine::GoldenReport> BaseSearch::evaluate(engine::SearchMode mode, int k)
{
    if (!m_store)
        return engine::Result<engine::GoldenReport>::failure(problem("The knowledge base is not open."));
    return engine::evaluateGoldenQuestions(*m_store, [this](const engine::SearchRequest &r) { return search(r); }, mode, k);
}

} // namespace flowdeck::studio
