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
}

namespace flowdeck::studio {

// One base opened read-only for the panel's test search and golden test, embedding
// the question when the mode needs vectors (as `flowdeck kb search` does). A base
// without an embedding profile is searched by keyword in hybrid mode. Lives on one
// background thread, like the store under it.
class BaseSearch {
public:
    BaseSearch();
    ~BaseSearch();

    engine::Result<bool> open(const std::filesystem::path &folder, std::optional<engine::EmbeddingTarget> embedding);
    engine::Result<engine::SearchOutcome> search(engine::SearchRequest request);
    // hit@k and MRR of the base's golden questions in `mode`.
    engine::Result<engine::GoldenReport> evaluate(engine::SearchMode mode, int k);

private:
    std::optional<engine::EmbeddingTarget> m_embedding;
    std::unique_ptr<engine::KnowledgeStore> m_store;
    std::unique_ptr<engine::KnowledgeSearch> m_search;
};

} // namespace flowdeck::studio
