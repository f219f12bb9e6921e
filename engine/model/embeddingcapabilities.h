#pragma once

#include "engine/model/providerprofile.h"

#include <string>

namespace flowdeck::engine {

// What a provider's /embeddings endpoint takes (DESIGN.md §9): how many inputs per call,
// how long an input may be, what dimensions its models return, whether it can return
// fewer. The numbers are the providers' documented limits.
struct EmbeddingCapabilities {
    bool available = true;     // false: the provider has no embeddings (DeepSeek, Moonshot)
    int maxBatch = 64;         // inputs per call (DashScope: 10)
    int maxInputChars = 8000;  // an input longer than this is cut for embedding, with a warning
    int dimensions = 0;        // what the default model returns; 0: unknown until asked
    bool acceptsDimensions = false;  // the request may ask for fewer dimensions
    std::string note;          // why not available, with what to do
};

EmbeddingCapabilities embeddingCapabilities(const ProviderProfile &profile, const std::string &model);

} // namespace flowdeck::engine
