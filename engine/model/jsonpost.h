#pragma once

#include "engine/net/httpclient.h"
#include "engine/nodes/noderesult.h"

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>

namespace flowdeck::engine {

// One JSON POST to a model service's endpoint other than chat (/embeddings, /rerank),
// retried on 408/429/5xx and connection errors with Retry-After or doubling backoff.
struct JsonPost {
    std::string url;
    std::string apiKey;  // sent as a bearer token when set
    nlohmann::json headers = nlohmann::json::object();
    nlohmann::json body;
    std::string what;     // "the embeddings endpoint of profile 'dashscope'", for sentences
    long timeoutMs = 120000;
    int maxAttempts = 4;
    int backoffMs = 500;
    int maxRetryAfterMs = 60000;
};

struct JsonPostError {
    ErrorKind kind = ErrorKind::None;
    long status = 0;
    std::string message;     // a sentence naming the endpoint, the status and the service's words
    std::string serviceSaid; // the service's own words, for callers that react to them
    explicit operator bool() const { return kind != ErrorKind::None; }
};

class JsonPostCall {
public:
    virtual ~JsonPostCall() = default;
    virtual void cancel() = 0;
};

// `done` runs once on the io_context's thread (unless cancelled) with the parsed answer.
std::shared_ptr<JsonPostCall> startJsonPost(boost::asio::io_context &io, HttpClient &http, JsonPost post,
                                            std::function<void(nlohmann::json, JsonPostError)> done);

} // namespace flowdeck::engine
