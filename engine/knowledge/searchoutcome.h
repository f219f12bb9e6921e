#pragma once

#include "engine/knowledge/sourcelocation.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace flowdeck::engine {

// A passage found. For a child chunk, `text` is its parent's (the context to give a model)
// and `matchedText` the child that matched; otherwise they are the same.
struct SearchHit {
    std::int64_t chunkId = 0;  // the chunk that matched
    std::string documentPath;
    std::string documentTitle;
    std::string documentType;
    std::string text;
    std::string matchedText;
    SourceLocation location;   // the matched chunk's
    double score = 0;          // the mode's score (SearchRequest)
    int keywordRank = 0;       // 1-based; 0: not in the keyword list
    double keywordScore = 0;   // BM25, higher is better
    int vectorRank = 0;
    double vectorScore = 0;    // cosine similarity
    nlohmann::json toJson() const;
};

// Why each candidate was kept or dropped, and what each stage cost.
struct SearchCandidate {
    std::int64_t chunkId = 0;
    std::string documentPath;
    int keywordRank = 0;
    double keywordScore = 0;
    int vectorRank = 0;
    double vectorScore = 0;
    double score = 0;
    bool kept = false;
    std::string reason;  // "kept", "below threshold 0.40", "beyond top 5", "same parent passage as chunk 12"
};

struct SearchStage {
    std::string name;  // "filter", "keyword", "vector", "fuse"
    int count = 0;     // what the stage produced
    std::int64_t micros = 0;
};

struct SearchTrace {
    std::string query;
    std::string mode;
    std::string ftsExpression;
    bool approximateVectors = false;  // the vector list came from the HNSW graph
    std::vector<SearchStage> stages;
    std::vector<SearchCandidate> candidates;  // best first
    // Documents the filters excluded (at most kMaxTracedDocuments), with the reason.
    std::vector<std::pair<std::string, std::string>> filteredDocuments;
    int filteredDocumentCount = 0;
    std::vector<std::string> notes;  // e.g. "the query has no searchable words"
    std::int64_t totalMicros = 0;
    nlohmann::json toJson() const;

    static constexpr std::size_t kMaxTracedDocuments = 100;
};

struct SearchOutcome {
    std::vector<SearchHit> hits;
    SearchTrace trace;
    nlohmann::json toJson() const;  // {"hits": [...], "trace": {...}}
};

} // namespace flowdeck::engine
