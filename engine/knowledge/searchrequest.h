#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowdeck::engine {

enum class SearchMode { Keyword, Vector, Hybrid };
std::string toString(SearchMode mode);  // "keyword", "vector", "hybrid"

// Which documents a search may return; an empty list or no date means no limit.
struct SearchFilters {
    std::vector<std::string> fileNames;   // globs with * and ?, on the path or (without '/') the file name
    std::vector<std::string> types;       // "pdf", "docx", ...
    std::vector<std::string> tags;        // a document with any of them
    std::optional<std::int64_t> addedFrom;  // seconds since the epoch, inclusive
    std::optional<std::int64_t> addedTo;

    bool empty() const
    {
        return fileNames.empty() && types.empty() && tags.empty() && !addedFrom && !addedTo;
    }
};

// One retrieval (DESIGN.md §9). Scores, so that one threshold reads the same way each time:
// keyword: BM25 relative to this query's best match (the best is 1); vector: cosine
// similarity; hybrid: the summed reciprocal rank Σ 1/(60 + rank) divided by its best
// possible value (rank 1 in every list searched), so 1 is the top.
struct SearchRequest {
    std::string query;
    std::optional<std::vector<float>> queryVector;  // the query's embedding, for Vector and Hybrid
    SearchMode mode = SearchMode::Hybrid;
    int topK = 5;
    double scoreThreshold = 0;
    int candidates = 50;  // taken from each list before fusion
    SearchFilters filters;
};

} // namespace flowdeck::engine
