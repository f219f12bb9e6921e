#pragma once

#include "engine/model/providerprofile.h"
#include "engine/net/httpclient.h"
#include "engine/nodes/noderesult.h"
#include "engine/run/runevent.h"

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>

namespace flowdeck::engine {

struct ChatRequest {
    ProviderProfile profile;
    std::string apiKey;
    std::string model;  // empty: the profile's default
    nlohmann::json messages = nlohmann::json::array();
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    nlohmann::json responseFormat;  // null, {"type":"json_object"} or a json_schema format
    nlohmann::json tools;           // null or an OpenAI tools array
    bool stream = true;
    long timeoutMs = 300000;      // the whole call
    long stallTimeoutMs = 60000;  // no byte for this long
    long connectTimeoutMs = 10000;
    int maxAttempts = 4;          // first try + retries on 408/409/425/429 and connection errors; 5xx: 3 at most
    int backoffMs = 500;          // first retry delay; doubles, plus jitter
    int maxRetryAfterMs = 60000;  // a longer Retry-After is capped
};

struct ChatResult {
    std::string text;
    std::string reasoning;
    nlohmann::json toolCalls = nlohmann::json::array();  // [{id, type, function: {name, arguments}}]
    std::string finishReason;
    std::string model;
    Usage usage;
};

// message: what went wrong and what to do, naming the provider, then "Details: " and the
// technical part (URL, model, the service's own words, attempts); detail holds that part alone.
struct ChatError {
    ErrorKind kind = ErrorKind::None;
    long status = 0;
    std::string message;
    std::string detail;
    explicit operator bool() const { return kind != ErrorKind::None; }
};

struct ChatCallbacks {
    std::function<void(std::string_view text, std::string_view reasoning)> onDelta;
    std::function<void(int attempt, long delayMs, const std::string &why)> onRetry;
    std::function<void(ChatResult, ChatError)> onComplete;  // once, unless cancelled
};

// One OpenAI-compatible /chat/completions call with retries, streaming or not. A profile
// whose base URL is "demo:" is answered in-process by DemoModel, through the same parser.
class ChatCall {
public:
    virtual ~ChatCall() = default;
    virtual void cancel() = 0;
};

std::shared_ptr<ChatCall> startChat(boost::asio::io_context &io, HttpClient &http, ChatRequest request,
                                    ChatCallbacks callbacks);

// The JSON body sent for a request (also used by tests and --trace).
nlohmann::json chatRequestBody(const ChatRequest &request);

// Seconds or an HTTP date; -1 when absent or unreadable.
long parseRetryAfterMs(const std::string &value);

} // namespace flowdeck::engine
