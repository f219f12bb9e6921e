#pragma once

#include "engine/core/result.h"
#include "engine/knowledge/searchoutcome.h"
#include "engine/knowledge/searchrequest.h"
#include "engine/knowledge/vectorindex.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace flowdeck::engine {

class KnowledgeStore;
class TextSegmenter;

// Retrieval over one knowledge base (DESIGN.md §9): keyword (FTS5 BM25 over the
// "flowdeck" tokens), vector (cosine over the stored vectors, VectorIndex) and hybrid
// (summed reciprocal rank fusion, k = 60), with filters, a threshold and top-k, and a
// trace of every candidate. The vector index is built on the first vector search and
// rebuilt when the stored vectors change. Like the store, not thread-safe.
class KnowledgeSearch {
public:
    static constexpr int kFusionK = 60;

    explicit KnowledgeSearch(KnowledgeStore &store, VectorIndexOptions options = {});
    ~KnowledgeSearch();
    KnowledgeSearch(const KnowledgeSearch &) = delete;
    KnowledgeSearch &operator=(const KnowledgeSearch &) = delete;

    Result<SearchOutcome> search(const SearchRequest &request);
    // The current vector index (built or refreshed now when needed).
    Result<std::shared_ptr<const VectorIndex>> vectorIndex();

private:
    // The question's tokens worth searching by keyword: those in more than
    // kCommonShare of the passages ("的", "the") are left out, keeping at least
    // kKeepRarest, so a question does not score nearly every passage.
    std::vector<std::string> keywordTokens(const std::string &query, SearchTrace &trace);
    static constexpr double kCommonShare = 0.05;
    static constexpr std::size_t kKeepRarest = 3;
    static constexpr std::size_t kMaxKeywordTokens = 64;

    KnowledgeStore &m_store;
    bool m_vocabReady = false;
    std::int64_t m_vocabVersion = -1;  // PRAGMA data_version the counts below belong to
    std::int64_t m_matchable = 0;      // passages in the keyword index
    std::unordered_map<std::string, std::int64_t> m_documentFrequency;
    VectorIndexOptions m_options;
    std::unique_ptr<TextSegmenter> m_segmenter;
    std::shared_ptr<const VectorIndex> m_index;
};

} // namespace flowdeck::engine
