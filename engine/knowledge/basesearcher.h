#pragma once

#include "engine/core/result.h"
#include "engine/knowledge/goldeneval.h"
#include "engine/knowledge/knowledgeingest.h"
#include "engine/knowledge/searchoutcome.h"
#include "engine/knowledge/searchrequest.h"

#include <filesystem>
#include <memory>
#include <optional>

namespace flowdeck::engine {

class KnowledgeSearch;
class KnowledgeStore;

// One base opened read-only for a test search or a golden test (`flowdeck kb search`,
// the studio's Knowledge panel), embedding the question when the mode needs vectors. A
// base without an embeddings profile is searched by keyword in hybrid mode. Lives on one
// thread, like the store under it.
class BaseSearcher {
public:
    BaseSearcher();
    ~BaseSearcher();
    Result<bool> open(const std::filesystem::path &folder, std::optional<EmbeddingTarget> embedding);
    Result<SearchOutcome> search(SearchRequest request);
    // hit@k and MRR of the base's golden questions in `mode`.
    Result<GoldenReport> evaluate(SearchMode mode, int k);
    KnowledgeStore *store() { return m_store.get(); }

private:
    std::optional<EmbeddingTarget> m_embedding;
    std::unique_ptr<KnowledgeStore> m_store;
    std::unique_ptr<KnowledgeSearch> m_search;
};

} // namespace flowdeck::engine
