#include "engine/model/chatclient.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/model/sseparser.h"

#include <boost/asio/steady_timer.hpp>

#include <ctime>
#include <random>

namespace flowdeck::engine {

namespace asio = boost::asio;

long parseRetryAfterMs(const std::string &value)
{
    if (value.empty())
        return -1;
    char *end = nullptr;
    double seconds = std::strtod(value.c_str(), &end);
    if (end != value.c_str() && *end == '\0')
        return seconds < 0 ? -1 : static_cast<long>(seconds * 1000);
    std::tm tm{};
    if (strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm)) {
        long delta = static_cast<long>(timegm(&tm) - std::time(nullptr));
        return delta < 0 ? 0 : delta * 1000;
    }
    return -1;
}

nlohmann::json chatRequestBody(const ChatRequest &r)
{
    nlohmann::json body = {{"model", r.model.empty() ? r.profile.defaultModel : r.model}, {"messages", r.messages}};
    if (r.stream) {
        body["stream"] = true;
        body["stream_options"] = {{"include_usage", true}};
    }
    if (r.temperature)
        body["temperature"] = *r.temperature;
    if (r.maxTokens)
        body["max_tokens"] = *r.maxTokens;
    if (!r.responseFormat.is_null())
        body["response_format"] = r.responseFormat;
    if (r.tools.is_array() && !r.tools.empty())
        body["tools"] = r.tools;
    return body;
}

namespace {

std::string serverMessage(const std::string &body)
{
    auto j = engine::parseJson(body);
    if (!j.is_discarded() && j.is_object()) {
        if (j.contains("error")) {
            const auto &e = j["error"];
            if (e.is_object() && e.contains("message") && e["message"].is_string())
                return e["message"].get<std::string>();
            if (e.is_string())
                return e.get<std::string>();
        }
        if (j.contains("message") && j["message"].is_string())
            return j["message"].get<std::string>();
    }
    return truncateUtf8(body, 200);
}

// A field's text, or "" when it is missing or not a string (providers differ).
std::string textOf(const nlohmann::json &object, const char *key)
{
    if (!object.is_object() || !object.contains(key))
        return {};
    const auto &v = object[key];
    return v.is_string() ? v.get<std::string>() : v.is_null() ? std::string() : engine::safeDump(v);
}

Usage usageFrom(const nlohmann::json &u)
{
    Usage usage;
    if (!u.is_object())
        return usage;
    auto number = [&](const char *key) -> std::int64_t {
        return u.contains(key) && u[key].is_number() ? u[key].get<std::int64_t>() : 0;
    };
    usage.promptTokens = number("prompt_tokens");
    usage.completionTokens = number("completion_tokens");
    usage.totalTokens = u.contains("total_tokens") ? number("total_tokens") : usage.promptTokens + usage.completionTokens;
    return usage;
}

class ChatCallImpl final : public ChatCall, public std::enable_shared_from_this<ChatCallImpl> {
public:
    ChatCallImpl(asio::io_context &io, HttpClient &http, ChatRequest request, ChatCallbacks callbacks)
        : m_io(io), m_http(http), m_request(std::move(request)), m_callbacks(std::move(callbacks)), m_retryTimer(io),
          m_parser([this](const SseParser::Event &e) { onEvent(e); })
    {
        if (m_request.model.empty())
            m_request.model = m_request.profile.defaultModel;
    }

    void begin() { attempt(); }

    void cancel() override
    {
        if (m_finished)
            return;
        m_finished = true;
        m_retryTimer.cancel();
        if (m_transfer)
            m_http.cancel(m_transfer);
    }

private:
    std::string where() const
    {
        return "the model endpoint " + m_request.profile.baseUrl + " (profile '" + m_request.profile.name + "', model '" +
               m_request.model + "')";
    }

    void attempt()
    {
        ++m_attempt;
        m_result = ChatResult{};
        m_toolCalls = nlohmann::json::array();
        m_parser = SseParser([this](const SseParser::Event &e) { onEvent(e); });
        m_sawDone = false;
        m_sawEvent = false;
        m_plainBody.clear();
        m_streamError = ChatError{};
        HttpRequest req;
        req.method = "POST";
        req.url = m_request.profile.baseUrl + "/chat/completions";
        req.headers = {{"Content-Type", "application/json"},
                       {"Accept", m_request.stream ? "text/event-stream" : "application/json"}};
        if (!m_request.apiKey.empty())
            req.headers.emplace_back("Authorization", "Bearer " + m_request.apiKey);
        for (const auto &[k, v] : m_request.profile.headers.items())
            if (v.is_string())
                req.headers.emplace_back(k, v.get<std::string>());
        req.body = safeDump(chatRequestBody(m_request));
        req.timeoutMs = m_request.timeoutMs;
        // Without streaming nothing arrives until the whole reply is ready: no stall timer then.
        req.stallTimeoutMs = m_request.stream ? m_request.stallTimeoutMs : 0;
        req.connectTimeoutMs = m_request.connectTimeoutMs;
        auto self = shared_from_this();
        HttpCallbacks cb;
        if (m_request.stream) {
            cb.onData = [self](const HttpResponse &head, std::string_view chunk) {
                if (head.header("content-type").find("application/json") != std::string::npos) {
                    self->m_plainBody.append(chunk);  // not a stream after all
                    return true;
                }
                self->m_parser.feed(chunk);
                if (!self->m_parser.overflow().empty() && !self->m_streamError)
                    self->m_streamError = {ErrorKind::Upstream, 0, self->where() + ": " + self->m_parser.overflow()};
                return !self->m_streamError && !self->m_finished;
            };
        }
        cb.onComplete = [self](HttpResponse response, HttpError error) {
            self->m_transfer = 0;
            self->onHttpComplete(std::move(response), std::move(error));
        };
        m_transfer = m_http.start(std::move(req), std::move(cb));
    }

    void onEvent(const SseParser::Event &e)
    {
        m_sawEvent = true;
        if (m_streamError || m_finished)
            return;
        if (e.data == "[DONE]") {
            m_sawDone = true;
            return;
        }
        auto j = engine::parseJson(e.data);
        if (j.is_discarded() || !j.is_object()) {
            m_streamError = {ErrorKind::Upstream, 0,
                             where() + " sent a stream line that is not JSON: \"" + truncateUtf8(e.data, 120) + "\""};
            return;
        }
        if (j.contains("error")) {
            std::string msg = serverMessage(e.data);
            std::string code = j["error"].is_object() ? textOf(j["error"], "code") : "";
            ErrorKind kind = code == "invalid_api_key" ? ErrorKind::Auth
                             : code == "rate_limit_exceeded" ? ErrorKind::RateLimited
                                                              : ErrorKind::Upstream;
            m_streamError = {kind, 0, where() + " reported an error in its stream: " + msg};
            return;
        }
        if (j.contains("usage") && j["usage"].is_object())
            m_result.usage = usageFrom(j["usage"]);
        if (j.contains("model") && j["model"].is_string())
            m_result.model = j["model"].get<std::string>();
        if (!j.contains("choices") || !j["choices"].is_array() || j["choices"].empty())
            return;
        const auto &choice = j["choices"][0];
        if (choice.contains("finish_reason") && choice["finish_reason"].is_string())
            m_result.finishReason = choice["finish_reason"].get<std::string>();
        if (!choice.contains("delta") || !choice["delta"].is_object())
            return;
        const auto &delta = choice["delta"];
        std::string text, reasoning;
        if (delta.contains("content") && delta["content"].is_string())
            text = delta["content"].get<std::string>();
        for (const char *key : {"reasoning_content", "reasoning"})
            if (delta.contains(key) && delta[key].is_string())
                reasoning = delta[key].get<std::string>();
        if (delta.contains("tool_calls") && delta["tool_calls"].is_array())
            mergeToolCalls(delta["tool_calls"]);
        if (!text.empty() || !reasoning.empty()) {
            m_result.text += text;
            m_result.reasoning += reasoning;
            m_delivered = true;
            if (m_callbacks.onDelta)
                m_callbacks.onDelta(text, reasoning);
        }
    }

    // Tool-call deltas arrive in pieces keyed by index: id and name once, arguments in parts.
    void mergeToolCalls(const nlohmann::json &deltas)
    {
        for (const auto &d : deltas) {
            if (!d.is_object())
                continue;
            std::size_t index = d.contains("index") && d["index"].is_number_unsigned() ? d["index"].get<std::size_t>()
                                                                                        : m_toolCalls.size();
            if (index > 128)
                continue;  // no model asks for that many tools at once: ignore rather than allocate
            while (m_toolCalls.size() <= index)
                m_toolCalls.push_back({{"id", ""}, {"type", "function"}, {"function", {{"name", ""}, {"arguments", ""}}}});
            auto &call = m_toolCalls[index];
            if (d.contains("id") && d["id"].is_string())
                call["id"] = d["id"];
            if (d.contains("function") && d["function"].is_object()) {
                const auto &f = d["function"];
                if (f.contains("name") && f["name"].is_string())
                    call["function"]["name"] = call["function"]["name"].get<std::string>() + f["name"].get<std::string>();
                if (f.contains("arguments") && f["arguments"].is_string())
                    call["function"]["arguments"] =
                        call["function"]["arguments"].get<std::string>() + f["arguments"].get<std::string>();
            }
            m_delivered = true;
        }
    }

    void onHttpComplete(HttpResponse response, HttpError error)
    {
        if (m_finished)
            return;
        if (error) {
            if (m_streamError)
                return fail(m_streamError, -1);
            if (error.kind == HttpError::Kind::Timeout)
                return retryOrFail({ErrorKind::Timeout, 0, where() + " did not answer in time: " + error.message + "."}, -1);
            if (error.kind == HttpError::Kind::BadRequest || error.kind == HttpError::Kind::Blocked)
                return fail({ErrorKind::InvalidInput, 0, "Could not call " + where() + ": " + error.message + "."});
            if (error.kind == HttpError::Kind::Connect)
                return retryOrFail({ErrorKind::Network, 0, "Could not connect to " + where() + ": " + error.message +
                                                               ". Is the service running and the base URL right?"}, -1);
            return retryOrFail({ErrorKind::Network, 0, "The connection to " + where() + " failed: " + error.message + "."}, -1);
        }
        const long status = response.status;
        if (status < 200 || status >= 300)
            return onHttpStatus(response);
        // Some servers ignore "stream": true and answer with one JSON body.
        const bool plainJson = m_request.stream && !m_sawEvent &&
                               response.header("content-type").find("application/json") != std::string::npos;
        if (plainJson)
            response.body = m_plainBody;
        if (m_request.stream && !plainJson) {
            m_parser.finish();
            if (m_streamError)
                return retryOrFail(m_streamError, -1);
            if (!m_sawDone && m_result.finishReason.empty())
                return retryOrFail({ErrorKind::Network, 0, "The answer from " + where() +
                                                               " stopped in the middle: the stream ended without [DONE]."}, -1);
        } else {
            auto j = engine::parseJson(response.body);
            if (j.is_discarded() || !j.is_object() || !j.contains("choices") || !j["choices"].is_array() ||
                j["choices"].empty())
                return retryOrFail({ErrorKind::Upstream, status, where() + " answered with something that is not a chat "
                                                                          "completion: \"" + truncateUtf8(response.body, 160) + "\""}, -1);
            const auto &msg = engine::valueOr(j["choices"][0], "message", nlohmann::json::object());
            if (msg.contains("content") && msg["content"].is_string())
                m_result.text = msg["content"].get<std::string>();
            for (const char *key : {"reasoning_content", "reasoning"})
                if (msg.contains(key) && msg[key].is_string())
                    m_result.reasoning = msg[key].get<std::string>();
            if (msg.contains("tool_calls") && msg["tool_calls"].is_array())
                m_toolCalls = msg["tool_calls"];
            m_result.finishReason = textOf(j["choices"][0], "finish_reason");
            if (j.contains("usage"))
                m_result.usage = usageFrom(j["usage"]);
            m_result.model = j.contains("model") && j["model"].is_string() ? j["model"].get<std::string>() : m_request.model;
        }
        m_result.toolCalls = m_toolCalls;
        m_finished = true;
        if (m_callbacks.onComplete)
            m_callbacks.onComplete(std::move(m_result), ChatError{});
    }

    void onHttpStatus(const HttpResponse &response)
    {
        const long status = response.status;
        const std::string detail = serverMessage(response.body);
        const std::string said = detail.empty() ? "" : " It said: \"" + detail + "\"";
        const std::string key = m_request.profile.apiKeySecret.empty() ? "the API key" : m_request.profile.apiKeySecret;
        switch (status) {
        case 401:
            return fail({ErrorKind::Auth, status, "Model endpoint answered 401: the API key for profile '" +
                                                      m_request.profile.name + "' was rejected. Check " + key + "." + said});
        case 403:
            return fail({ErrorKind::Auth, status, "Model endpoint answered 403: the key for profile '" +
                                                      m_request.profile.name + "' may not use model '" + m_request.model +
                                                      "'." + said});
        case 404:
            return fail({ErrorKind::NotFound, status, "Model endpoint answered 404: model '" + m_request.model +
                                                          "' or the URL " + m_request.profile.baseUrl +
                                                          "/chat/completions was not found. Check the model name and "
                                                          "the profile's base URL." + said});
        case 408:
        case 429:
        case 500:
        case 502:
        case 503:
        case 504:
        case 529: {
            ErrorKind kind = status == 429 ? ErrorKind::RateLimited : status == 408 ? ErrorKind::Timeout : ErrorKind::Upstream;
            std::string what = status == 429 ? "is rate limiting requests (429)" : "had a problem (" + std::to_string(status) + ")";
            return retryOrFail({kind, status, where() + " " + what + "." + said},
                               parseRetryAfterMs(response.header("retry-after")));
        }
        default:
            return fail({status >= 500 ? ErrorKind::Upstream : ErrorKind::InvalidInput, status,
                         where() + " refused the request (" + std::to_string(status) + ")." + said});
        }
    }

    void retryOrFail(ChatError error, long retryAfterMs)
    {
        // Once text reached the user, a new attempt would repeat it: give up instead.
        if (m_delivered || m_attempt >= m_request.maxAttempts)
            return fail(std::move(error), m_attempt);
        long delay = retryAfterMs >= 0 ? std::min<long>(retryAfterMs, m_request.maxRetryAfterMs)
                                       : static_cast<long>(m_request.backoffMs) << (m_attempt - 1);
        if (retryAfterMs < 0 && m_request.backoffMs > 0) {
            static thread_local std::mt19937 rng{std::random_device{}()};
            delay += std::uniform_int_distribution<long>(0, m_request.backoffMs / 2)(rng);
        }
        if (m_callbacks.onRetry)
            m_callbacks.onRetry(m_attempt + 1, delay, error.message);
        m_retryTimer.expires_after(std::chrono::milliseconds(delay));
        m_retryTimer.async_wait([self = shared_from_this()](const boost::system::error_code &ec) {
            if (!ec && !self->m_finished)
                self->attempt();
        });
    }

    void fail(ChatError error, int attempts = 0)
    {
        if (m_finished)
            return;
        m_finished = true;
        if (attempts > 1)
            error.message += " (gave up after " + std::to_string(attempts) + " attempts)";
        if (m_callbacks.onComplete)
            m_callbacks.onComplete(ChatResult{}, std::move(error));
    }

    asio::io_context &m_io;
    HttpClient &m_http;
    ChatRequest m_request;
    ChatCallbacks m_callbacks;
    asio::steady_timer m_retryTimer;
    SseParser m_parser;
    HttpClient::TransferId m_transfer = 0;
    ChatResult m_result;
    nlohmann::json m_toolCalls = nlohmann::json::array();
    ChatError m_streamError;
    int m_attempt = 0;
    bool m_sawDone = false;
    bool m_sawEvent = false;
    std::string m_plainBody;
    bool m_delivered = false;
    bool m_finished = false;
};

} // namespace

std::shared_ptr<ChatCall> startChat(asio::io_context &io, HttpClient &http, ChatRequest request, ChatCallbacks callbacks)
{
    auto call = std::make_shared<ChatCallImpl>(io, http, std::move(request), std::move(callbacks));
    call->begin();
    return call;
}

} // namespace flowdeck::engine
