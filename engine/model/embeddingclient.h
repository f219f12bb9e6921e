#pragma once

#include "engine/model/jsonpost.h"
#include "engine/model/providerprofile.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::engine {

struct EmbeddingRequest {
    ProviderProfile profile;
    std::string apiKey;
    std::string model;         // empty: the profile's embeddings model
    std::vector<std::string> inputs;
    int dimensions = 0;        // expected dimensions; 0: take what comes (all must agree)
    int maxBatch = 0;          // 0: the provider's capability
    long timeoutMs = 120000;   // each call
    int maxAttempts = 4;
    int backoffMs = 500;
};

struct EmbeddingResult {
    std::vector<std::vector<float>> vectors;  // one per input, in order
    std::string model;
    int promptTokens = 0;
    std::vector<std::string> warnings;        // inputs cut to the provider's limit
};

// Vectors for the inputs from the profile's OpenAI-compatible /embeddings endpoint, in
// batches the provider accepts (a batch the service calls too large is halved and sent
// again). `progress` gets the inputs done so far. A profile with base URL "demo:" is
// answered in-process by demoEmbedding.
std::shared_ptr<JsonPostCall> startEmbeddings(boost::asio::io_context &io, HttpClient &http, EmbeddingRequest request,
                                              std::function<void(std::size_t done)> progress,
                                              std::function<void(EmbeddingResult, JsonPostError)> done);

// The same on the calling thread, with its own loop and HTTP client (ingestion, the CLI).
// `cancel` stops it between calls.
std::pair<EmbeddingResult, JsonPostError> embedBlocking(EmbeddingRequest request, const std::atomic<bool> *cancel,
                                                        std::function<void(std::size_t done)> progress);

// The offline demo's vectors: words and Chinese character pairs hashed into 256
// dimensions, unit length. Lexical, not semantic; labelled as the demo wherever shown.
std::vector<float> demoEmbedding(const std::string &text);

// The embeddings model a request will use.
std::string embeddingModelFor(const ProviderProfile &profile, const std::string &model);

} // namespace flowdeck::engine
