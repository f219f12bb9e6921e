#include "engine/model/jsonpost.h"

#include "engine/core/jsonread.h"
#include "engine/model/chatclient.h"

#include <boost/asio/steady_timer.hpp>

#include <algorithm>

namespace flowdeck::engine {

namespace {

std::string serviceWords(const std::string &body)
{
    auto j = parseJson(body);
    if (!j.is_discarded() && j.is_object()) {
        if (auto e = j.find("error"); e != j.end()) {
            if (e->is_object() && e->contains("message") && (*e)["message"].is_string())
                return truncateUtf8((*e)["message"].get<std::string>(), 300);
            if (e->is_string())
                return truncateUtf8(e->get<std::string>(), 300);
        }
        for (const char *key : {"message", "detail"})
            if (auto m = j.find(key); m != j.end() && m->is_string())
                return truncateUtf8(m->get<std::string>(), 300);
    }
    return truncateUtf8(body, 200);
}

class JsonPostCallImpl final : public JsonPostCall, public std::enable_shared_from_this<JsonPostCallImpl> {
public:
    JsonPostCallImpl(boost::asio::io_context &io, HttpClient &http, JsonPost post,
                     std::function<void(nlohmann::json, JsonPostError)> done)
        : m_io(io), m_http(http), m_post(std::move(post)), m_done(std::move(done)), m_timer(io) {}

    void start()
    {
        ++m_attempt;
        HttpRequest request;
        request.method = "POST";
        request.url = m_post.url;
        request.headers.emplace_back("Content-Type", "application/json");
        if (!m_post.apiKey.empty())
            request.headers.emplace_back("Authorization", "Bearer " + m_post.apiKey);
        if (m_post.headers.is_object())
            for (const auto &[name, value] : m_post.headers.items())
                if (value.is_string())
                    request.headers.emplace_back(name, value.get<std::string>());
        request.body = safeDump(m_post.body);
        request.timeoutMs = m_post.timeoutMs;
        HttpCallbacks callbacks;
        callbacks.onComplete = [weak = weak_from_this()](HttpResponse response, HttpError error) {
            if (auto self = weak.lock())
                self->finished(std::move(response), std::move(error));
        };
        m_transfer = m_http.start(std::move(request), std::move(callbacks));
    }

    void cancel() override
    {
        m_cancelled = true;
        m_timer.cancel();
        if (m_transfer)
            m_http.cancel(m_transfer);
        m_done = nullptr;
    }

private:
    void finished(HttpResponse response, HttpError error)
    {
        m_transfer = 0;
        if (m_cancelled)
            return;
        if (error) {
            const ErrorKind kind = error.kind == HttpError::Kind::Timeout   ? ErrorKind::Timeout
                                   : error.kind == HttpError::Kind::Blocked ? ErrorKind::Blocked
                                                                            : ErrorKind::Network;
            return retryOrFail({kind, 0, "Could not reach " + m_post.what + " (" + m_post.url + "): " + error.message + ".", {}}, -1);
        }
        const long status = response.status;
        if (status >= 200 && status < 300) {
            JsonReadError readError;
            auto j = parseJson(response.body, &readError);
            if (j.is_discarded() || !j.is_object())
                return fail({ErrorKind::Upstream, status, m_post.what + " answered with something that is not a JSON object" +
                                                              (readError ? " (" + readError.describe() + ")" : std::string()) + ".", {}});
            auto done = std::move(m_done);
            if (done)
                done(std::move(j), {});
            return;
        }
        const std::string said = serviceWords(response.body);
        const std::string tail = said.empty() ? "." : ": " + said;
        const long retryAfter = parseRetryAfterMs(response.header("retry-after"));
        if (status == 401 || status == 403)
            return fail({ErrorKind::Auth, status, m_post.what + " refused the API key (HTTP " + std::to_string(status) + ")" + tail +
                                                      " Check the key in Settings → Models.", said});
        if (status == 404)
            return fail({ErrorKind::NotFound, status, m_post.what + " does not exist at " + m_post.url + " (HTTP 404)" + tail +
                                                          " Check the profile's base URL and the model name.", said});
        if (status == 429)
            return retryOrFail({ErrorKind::RateLimited, status, m_post.what + " is rate limiting (HTTP 429)" + tail +
                                                                    " Wait a minute, or lower the batch size.", said}, retryAfter);
        if (status == 408 || status >= 500)
            return retryOrFail({status == 408 ? ErrorKind::Timeout : ErrorKind::Upstream, status,
                                m_post.what + " failed (HTTP " + std::to_string(status) + ")" + tail, said}, retryAfter);
        fail({ErrorKind::InvalidInput, status, m_post.what + " rejected the request (HTTP " + std::to_string(status) + ")" + tail, said});
    }

    void retryOrFail(JsonPostError error, long retryAfterMs)
    {
        if (m_attempt >= m_post.maxAttempts)
            return fail(std::move(error));
        const long backoff = static_cast<long>(m_post.backoffMs) << std::min(m_attempt - 1, 10);
        const long delay = retryAfterMs >= 0 ? std::min<long>(retryAfterMs, m_post.maxRetryAfterMs) : backoff;
        m_timer.expires_after(std::chrono::milliseconds(delay));
        m_timer.async_wait([weak = weak_from_this()](const boost::system::error_code &ec) {
            auto self = weak.lock();
            if (!ec && self && !self->m_cancelled)
                self->start();
        });
    }

    void fail(JsonPostError error)
    {
        if (m_attempt > 1)
            error.message += " (" + std::to_string(m_attempt) + " attempts)";
        auto done = std::move(m_done);
        if (done)
            done(nlohmann::json(), std::move(error));
    }

    boost::asio::io_context &m_io;
    HttpClient &m_http;
    JsonPost m_post;
    std::function<void(nlohmann::json, JsonPostError)> m_done;
    boost::asio::steady_timer m_timer;
    HttpClient::TransferId m_transfer = 0;
    int m_attempt = 0;
    bool m_cancelled = false;
};

} // namespace

std::shared_ptr<JsonPostCall> startJsonPost(boost::asio::io_context &io, HttpClient &http, JsonPost post,
                                            std::function<void(nlohmann::json, JsonPostError)> done)
{
    auto call = std::make_shared<JsonPostCallImpl>(io, http, std::move(post), std::move(done));
    call->start();
    return call;
}

} // namespace flowdeck::engine
