#include "engine/model/chatclient.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/model/demomodel.h"
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

// The service's own words from an error body, and whether the body is an OpenAI-style
// error ({"error": {"message": ...}}): anything else came from something that is not a
// chat-completions endpoint (a proxy, a web page, a broken mock).
struct ServerSaid {
    std::string message;
    bool openAiShaped = false;
};

ServerSaid serverSaid(const std::string &body)
{
    auto j = engine::parseJson(body);
    if (!j.is_discarded() && j.is_object()) {
        const auto e = j.find("error");
        if (e != j.end() && e->is_object() && e->contains("message") && (*e)["message"].is_string())
            return {(*e)["message"].get<std::string>(), true};
        std::string text;
        if (e != j.end() && e->is_string())
            text = e->get<std::string>();
        if (j.contains("message") && j["message"].is_string())
            text += (text.empty() ? "" : ": ") + j["message"].get<std::string>();
        if (!text.empty())
            return {truncateUtf8(text, 300), false};
    }
    return {truncateUtf8(body, 200), false};
}

std::string serverMessage(const std::string &body) { return serverSaid(body).message; }

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
    // How a person knows the service: "DeepSeek", or the profile's name when it has no title.
    std::string provider() const
    {
        const auto &p = m_request.profile;
        if (DemoModel::handles(p.baseUrl))
            return "The offline demo model";
        return !p.title.empty() && p.title != p.name ? p.title : "The model provider '" + p.name + "'";
    }
    std::string providerInText() const
    {
        const auto &p = m_request.profile;
        return !p.title.empty() && p.title != p.name ? p.title : "the model provider '" + p.name + "'";
    }
    std::string url() const { return m_request.profile.baseUrl + "/chat/completions"; }
    std::string keyPlace() const
    {
        const std::string &var = m_request.profile.apiKeySecret;
        return "Settings → Model providers" + (var.empty() ? std::string() : " (or the " + var + " variable)");
    }
    // The technical part: what was called, and the service's own words.
    std::string detailOf(long status, const std::string &said) const
    {
        std::string d = "POST " + url() + ", profile '" + m_request.profile.name + "', model '" + m_request.model + "'";
        if (status > 0)
            d += ", HTTP " + std::to_string(status);
        if (!said.empty())
            d += "; the service said: \"" + said + "\"";
        return d;
    }
    ChatError makeError(ErrorKind kind, long status, const std::string &sentence, const std::string &detail) const
    {
        return {kind, status, sentence, detail};
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
        if (DemoModel::handles(m_request.profile.baseUrl))
            return startDemo();
        HttpRequest req;
        req.method = "POST";
        req.url = url();
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
                    self->m_streamError = self->makeError(ErrorKind::Upstream, 0,
                                                      self->provider() + " sent a stream this program cannot read. Try "
                                                                         "again, or choose another model.",
                                                      self->detailOf(0, self->m_parser.overflow()));
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
            m_streamError = makeError(ErrorKind::Upstream, 0,
                                  provider() + " sent an answer that is not JSON, so it is not a chat completion. "
                                               "Check the base URL of the profile in Settings → Model providers.",
                                  detailOf(0, "stream line: " + truncateUtf8(e.data, 120)));
            return;
        }
        if (j.contains("error")) {
            m_streamError = streamedError(j["error"], serverMessage(e.data));
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
            const std::string detail = detailOf(0, error.message);
            if (error.kind == HttpError::Kind::Timeout)
                return retryOrFail(makeError(ErrorKind::Timeout, 0,
                                             provider() + " did not answer in time. Run again; if it keeps happening, "
                                                          "choose a faster model or raise the node's timeout.",
                                             detail), -1);
            if (error.kind == HttpError::Kind::BadRequest || error.kind == HttpError::Kind::Blocked)
                return fail(makeError(ErrorKind::InvalidInput, 0,
                                      "Flowdeck could not call " + providerInText() + ": " + error.message +
                                          ". Check the base URL of the profile in Settings → Model providers.",
                                      detail));
            if (error.kind == HttpError::Kind::Connect)
                return retryOrFail(makeError(ErrorKind::Network, 0,
                                             "Could not connect to " + providerInText() + " at " + m_request.profile.baseUrl +
                                                 ". Check the internet connection (and proxy), or, for a service on "
                                                 "this computer, that it is running; then check the base URL in "
                                                 "Settings → Model providers.",
                                             detail), -1);
            return retryOrFail(makeError(ErrorKind::Network, 0,
                                         "The connection to " + providerInText() + " failed before the answer was "
                                                                                   "complete. Run again.",
                                         detail), -1);
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
                return retryable(m_streamError.kind) ? retryOrFail(m_streamError, -1, kMaxServerErrorAttempts)
                                                     : fail(m_streamError);
            if (!m_sawDone && m_result.finishReason.empty())
                return retryOrFail(makeError(ErrorKind::Network, 0,
                                             "The answer from " + providerInText() +
                                                 " stopped in the middle: the stream ended without [DONE]. Run again.",
                                             detailOf(status, "")), -1);
        } else {
            auto j = engine::parseJson(response.body);
            // Not a chat completion at all (a web page, a proxy, another API): another try
            // would get the same, so this fails at once.
            if (j.is_discarded() || !j.is_object() || !j.contains("choices") || !j["choices"].is_array() ||
                j["choices"].empty())
                return fail(notACompletion(status, truncateUtf8(response.body, 160)));
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

    // An error sent inside a stream (some providers answer HTTP 200, then {"error": ...}).
    ChatError streamedError(const nlohmann::json &error, const std::string &said) const
    {
        const std::string code = error.is_object() ? textOf(error, "code") : "";
        const std::string type = error.is_object() ? textOf(error, "type") : "";
        const std::string detail = detailOf(0, said);
        if (code == "invalid_api_key")
            return makeError(ErrorKind::Auth, 0,
                             "The key for " + providerInText() + " was refused. Check it in " + keyPlace() + ".", detail);
        if (code == "rate_limit_exceeded")
            return makeError(ErrorKind::RateLimited, 0,
                             provider() + " is limiting requests: too many at once, or the quota of this key is used "
                                          "up. Wait a minute and run again.",
                             detail);
        if (code == "model_not_found")
            return makeError(ErrorKind::NotFound, 0,
                             provider() + " does not know the model '" + m_request.model +
                                 "'. Choose another model in the workflow's Models settings (or with --model).",
                             detail);
        if (type == "invalid_request_error")
            return makeError(ErrorKind::InvalidInput, 0,
                             provider() + " refused the request: " + truncateUtf8(said, 160) +
                                 ". Check the node's settings (model, output format, max tokens) and run again.",
                             detail);
        return makeError(ErrorKind::Upstream, 0,
                         provider() + " stopped its answer with an error: " + truncateUtf8(said, 160) +
                             ". Run again; if it keeps happening, choose another model.",
                         detail);
    }

    static bool retryable(ErrorKind kind)
    {
        return kind == ErrorKind::Upstream || kind == ErrorKind::RateLimited || kind == ErrorKind::Network ||
               kind == ErrorKind::Timeout;
    }

    ChatError notACompletion(long status, const std::string &what) const
    {
        return makeError(ErrorKind::Upstream, status,
                         provider() + " answered with something that is not a chat completion (HTTP " +
                             std::to_string(status) + ": " + truncateUtf8(what, 80) +
                             "). Check the base URL of the profile in Settings → Model providers: it must be an "
                             "OpenAI-compatible address, usually ending in /v1.",
                         detailOf(status, what));
    }

    // 4xx other than 408/409/425/429 cannot succeed on a second try; 5xx gets two more
    // at most (501 and 505 none); timeouts, conflicts, rate limits get maxAttempts.
    void onHttpStatus(const HttpResponse &response)
    {
        const long status = response.status;
        const ServerSaid said = serverSaid(response.body);
        const std::string code = std::to_string(status);
        const std::string detail = detailOf(status, said.message);
        const long retryAfter = parseRetryAfterMs(response.header("retry-after"));
        if (status >= 500 && !said.openAiShaped) {
            ChatError e = notACompletion(status, said.message);
            return status == 501 || status == 505 ? fail(e) : retryOrFail(e, retryAfter, kMaxServerErrorAttempts);
        }
        switch (status) {
        case 401:
            return fail(makeError(ErrorKind::Auth, status,
                                  "The key for " + providerInText() + " was refused (HTTP 401). Check it in " + keyPlace() + ".",
                                  detail));
        case 403:
            return fail(makeError(ErrorKind::Auth, status,
                                  "The key for " + providerInText() + " may not use the model '" + m_request.model +
                                      "' (HTTP 403). Enable the model for this key on the provider's site, or choose "
                                      "another model in the workflow's Models settings.",
                                  detail));
        case 404:
            return fail(makeError(ErrorKind::NotFound, status,
                                  notFoundText(), detail));
        case 408:
        case 409:
        case 425:
            return retryOrFail(makeError(status == 408 ? ErrorKind::Timeout : ErrorKind::Upstream, status,
                                         provider() + " could not take the request just now (HTTP " + code +
                                             "). Run again in a moment.",
                                         detail), retryAfter);
        case 429:
            return retryOrFail(makeError(ErrorKind::RateLimited, status,
                                         provider() + " is limiting requests (HTTP 429): too many at once, or the "
                                                      "quota of this key is used up. Wait a minute and run again, or "
                                                      "check the plan and balance on the provider's site.",
                                         detail), retryAfter);
        default:
            break;
        }
        if (status >= 500) {
            ChatError e = makeError(ErrorKind::Upstream, status,
                                    provider() + " had a problem answering (HTTP " + code +
                                        "). Run again in a few minutes; if it keeps happening, check the provider's "
                                        "status page or choose another provider.",
                                    detail);
            return status == 501 || status == 505 ? fail(e) : retryOrFail(e, retryAfter, kMaxServerErrorAttempts);
        }
        std::string why = truncateUtf8(said.message, 160);
        while (!why.empty() && (why.back() == '.' || why.back() == ' '))
            why.pop_back();
        return fail(makeError(ErrorKind::InvalidInput, status,
                              provider() + " refused the request (HTTP " + code + (why.empty() ? "" : ": " + why) +
                                  "). Check the node's settings (model, output format, max tokens) and run again.",
                              detail));
    }

    std::string notFoundText() const
    {
        return provider() + " does not know the model '" + m_request.model +
               "' (HTTP 404). Choose another model in the workflow's Models settings (or with --model), or check "
               "the base URL of the profile in Settings → Model providers.";
    }

    void retryOrFail(ChatError error, long retryAfterMs, int attemptLimit = 0)
    {
        const int limit = attemptLimit > 0 ? std::min(attemptLimit, m_request.maxAttempts) : m_request.maxAttempts;
        // Once text reached the user, a new attempt would repeat it: give up instead.
        if (m_delivered || m_attempt >= limit)
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
            error.detail += (error.detail.empty() ? "" : "; ") + std::string("gave up after ") + std::to_string(attempts) +
                            " attempts";
        if (!error.detail.empty())
            error.message += " Details: " + error.detail + ".";
        if (m_callbacks.onComplete)
            m_callbacks.onComplete(ChatResult{}, std::move(error));
    }

    // The demo model answers in-process: its chunks go through the same SSE parser and
    // completion path as a provider's, paced by the retry timer so cancel() stops them.
    void startDemo()
    {
        nlohmann::json completion;
        try {
            completion = DemoModel::complete(chatRequestBody(m_request));
        } catch (const std::exception &e) {
            return fail(makeError(ErrorKind::Internal, 0, "The offline demo model could not answer this request.",
                                  e.what()));
        }
        m_demoResponse = HttpResponse{};
        m_demoResponse.status = 200;
        m_demoEvents.clear();
        m_demoNext = 0;
        if (m_request.stream) {
            m_demoResponse.headers = {{"content-type", "text/event-stream"}};
            m_demoEvents = DemoModel::streamEvents(completion);
        } else {
            m_demoResponse.headers = {{"content-type", "application/json"}};
            m_demoResponse.body = safeDump(completion);
        }
        demoStep(0);
    }

    void demoStep(long delayMs)
    {
        m_retryTimer.expires_after(std::chrono::milliseconds(delayMs));
        m_retryTimer.async_wait([self = shared_from_this()](const boost::system::error_code &ec) {
            if (ec || self->m_finished)
                return;
            if (self->m_demoNext < self->m_demoEvents.size()) {
                self->m_parser.feed(self->m_demoEvents[self->m_demoNext++]);
                if (!self->m_streamError && !self->m_finished)
                    return self->demoStep(kDemoChunkDelayMs);
            }
            if (!self->m_finished)
                self->onHttpComplete(std::move(self->m_demoResponse), HttpError{});
        });
    }

    static constexpr int kMaxServerErrorAttempts = 3;
    static constexpr long kDemoChunkDelayMs = 12;  // a visible typing pace, not a wait

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
    HttpResponse m_demoResponse;
    std::vector<std::string> m_demoEvents;
    std::size_t m_demoNext = 0;
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
