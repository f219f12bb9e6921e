#pragma once

#include "engine/core/result.h"
#include "engine/knowledge/knowledgerecords.h"
#include "engine/knowledge/searchoutcome.h"
#include "engine/knowledge/searchrequest.h"

#include <functional>
#include <nlohmann/json.hpp>

namespace flowdeck::engine {

class KnowledgeStore;

// How well a base answers its golden questions (`flowdeck kb test`, DESIGN.md §9).
struct GoldenReport {
    struct Question {
        std::int64_t id = 0;
        std::string question;
        int rank = 0;  // 1-based rank of the first hit that is an expected passage; 0: not in the top k
        std::string error;  // when the search itself failed
    };
    SearchMode mode = SearchMode::Hybrid;
    int k = 5;
    double hitAtK = 0;  // share of questions with an expected passage in the top k
    double mrr = 0;     // mean of 1/rank (0 when not found)
    std::vector<Question> questions;
    nlohmann::json toJson() const;
};

// Runs the search the caller supplies (which embeds the question when the mode needs it)
// for each golden question, asking for `k` hits.
using GoldenSearch = std::function<Result<SearchOutcome>(const SearchRequest &)>;
Result<GoldenReport> evaluateGoldenQuestions(KnowledgeStore &store, const GoldenSearch &search, SearchMode mode,
                                             int k);

// Whether a hit is one of the expected passages: same document, and its text (or the
// matched child's) contains the snippet.
bool hitMatches(const SearchHit &hit, const GoldenQuestion::Expected &expected);

} // namespace flowdeck::engine
