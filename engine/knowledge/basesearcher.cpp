#include "engine/knowledge/basesearcher.h"

#include "engine/knowledge/knowledgesearch.h"
#include "engine/knowledge/knowledgestore.h"
#include "engine/model/embeddingclient.h"

namespace flowdeck::engine {

namespace {

Diagnostic problem(std::string message)
{
    Diagnostic d;
    d.message = std::move(message);
    return d;
}

} // namespace

BaseSearcher::BaseSearcher() = default;
BaseSearcher::~BaseSearcher() = default;

Result<bool> BaseSearcher::open(const std::filesystem::path &folder, std::optional<EmbeddingTarget> embedding)
{
    auto store = KnowledgeStore::open(folder, KnowledgeStore::Mode::ReadOnly);
    if (!store.ok())
        return Result<bool>(store.diagnostics());
    m_embedding = std::move(embedding);
    m_store = std::move(store.value());
    m_search = std::make_unique<KnowledgeSearch>(*m_store);
    return true;
}

Result<SearchOutcome> BaseSearcher::search(SearchRequest request)
{
    using Outcome = Result<SearchOutcome>;
    if (!m_search)
        return Outcome::failure(problem("The knowledge base is not open."));
    if (request.mode != SearchMode::Keyword) {
        if (!m_embedding) {
            if (request.mode == SearchMode::Vector)
                return Outcome::failure(problem("This base has no embedding profile, so it cannot be searched by vector; "
                                                "choose keyword search, or an embedding profile in its settings."));
            request.mode = SearchMode::Keyword;
        } else {
            EmbeddingRequest e;
            e.profile = m_embedding->profile;
            e.apiKey = m_embedding->apiKey;
            e.model = m_embedding->model;
            e.dimensions = m_embedding->dimensions;
            e.inputs = {request.query};
            auto [result, error] = embedBlocking(std::move(e), nullptr, {});
            if (error || result.vectors.empty())
                return Outcome::failure(problem("The question could not be embedded: " +
                                                (error ? error.message : std::string("no vector came back."))));
            request.queryVector = std::move(result.vectors.front());
        }
    }
    return m_search->search(request);
}

Result<GoldenReport> BaseSearcher::evaluate(SearchMode mode, int k)
{
    if (!m_store)
        return Result<GoldenReport>::failure(problem("The knowledge base is not open."));
    return evaluateGoldenQuestions(*m_store, [this](const SearchRequest &r) { return search(r); }, mode, k);
}

} // namespace flowdeck::engine
