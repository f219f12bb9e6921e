#pragma once

#include "engine/model/jsonpost.h"
#include "engine/model/providerprofile.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::engine {

struct RerankRequest {
    ProviderProfile profile;
    std::string apiKey;
    std::string model;  // empty: the profile's "rerank" model
    std::string query;
    std::vector<std::string> documents;
    long timeoutMs = 60000;
    int maxAttempts = 3;
};

// One relevance score per document, in the documents' order (the /rerank shape that
// SiliconFlow, Jina and vLLM serve: {model, query, documents, top_n} → results[{index,
// relevance_score}]). A "demo:" profile scores by shared words and character pairs.
std::shared_ptr<JsonPostCall> startRerank(boost::asio::io_context &io, HttpClient &http, RerankRequest request,
                                          std::function<void(std::vector<double> scores, JsonPostError)> done);

} // namespace flowdeck::engine
