#include "engine/mcp/httptransport.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/core/diagnostic.h"

#include "engine/model/sseparser.h"

#include <boost/asio/post.hpp>

#include <limits>

namespace flowdeck::engine {

namespace asio = boost::asio;

namespace {

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// Resolves the legacy transport's "endpoint" (absolute, root-relative or relative) against the stream's URL.
std::string resolveUrl(const std::string &base, const std::string &ref)
{
    if (ref.rfind("http://", 0) == 0 || ref.rfind("https://", 0) == 0)
        return ref;
    const auto schemeEnd = base.find("://");
    const auto pathStart = base.find('/', schemeEnd == std::string::npos ? 0 : schemeEnd + 3);
    const std::string origin = base.substr(0, pathStart);
    if (!ref.empty() && ref.front() == '/')
        return origin + ref;
    std::string path = pathStart == std::string::npos ? "/" : base.substr(pathStart);
    path = path.substr(0, path.find_first_of("?#"));
    return origin + path.substr(0, path.rfind('/') + 1) + ref;
}

// The id of a JSON-RPC request (null for notifications, answers and garbage), and its method.
std::pair<nlohmann::json, std::string> requestOf(const std::string &message)
{
    const auto parsed = engine::parseJson(message);
    if (parsed.is_object() && parsed.contains("id") && parsed.contains("method") && parsed["method"].is_string())
        return {parsed["id"], parsed["method"].get<std::string>()};
    return {nullptr, {}};
}

} // namespace

struct HttpTransport::Stream {
    enum class Kind { Post, Listen, Legacy };
    Kind kind = Kind::Post;
    nlohmann::json requestId;  // the request a POST stream answers; null for notifications
    bool initialize = false;   // the request is "initialize" (a refusal may mean a legacy server)
    bool answered = false;
    bool resumed = false;  // a POST's stream continued by GET
    bool eventStream = false;
    bool headSeen = false;
    std::string body;
    std::unique_ptr<SseParser> parser;
    std::string lastEventId;
    long retryMs = -1;
    int attempts = 0;
    HttpClient::TransferId transfer = 0;
    std::unique_ptr<asio::steady_timer> timer;
};

HttpTransport::HttpTransport(asio::io_context &io, McpServerConfig config, std::shared_ptr<McpOAuth> oauth)
    : m_io(io), m_config(std::move(config)), m_http(io), m_oauth(std::move(oauth))
{
}

HttpTransport::~HttpTransport() { shutdown(false); }

bool HttpTransport::open(Callbacks callbacks, std::string *error)
{
    if (m_config.url.rfind("http://", 0) != 0 && m_config.url.rfind("https://", 0) != 0) {
        if (error)
            *error = "'" + m_config.url + "' is not an http:// or https:// URL";
        return false;
    }
    m_callbacks = std::move(callbacks);
    if (m_config.transport == "sse")
        switchToLegacy({});
    return true;
}

HttpRequest HttpTransport::request(const std::string &method, const std::string &url, bool eventStream) const
{
    HttpRequest r;
    r.method = method;
    r.url = url;
    r.allowPrivateNetwork = m_config.allowPrivateNetwork;
    r.allowedAddresses = m_config.allowedAddresses;
    r.headers = m_config.headers;
    if (method == "POST") {
        r.headers.emplace_back("Content-Type", "application/json");
        r.headers.emplace_back("Accept", "application/json, text/event-stream");
    } else if (eventStream) {
        r.headers.emplace_back("Accept", "text/event-stream");
    }
    if (!m_sessionId.empty() && m_mode == Mode::Streamable)
        r.headers.emplace_back("Mcp-Session-Id", m_sessionId);
    if (!m_protocolVersion.empty())
        r.headers.emplace_back("MCP-Protocol-Version", m_protocolVersion);
    if (m_oauth && !m_oauth->accessToken().empty())
        r.headers.emplace_back("Authorization", "Bearer " + m_oauth->accessToken());
    r.connectTimeoutMs = std::min<long>(m_config.startTimeoutMs > 0 ? m_config.startTimeoutMs : 10000, 10000);
    r.maxResponseBytes = eventStream ? std::numeric_limits<std::size_t>::max() : 64 * 1024 * 1024;
    return r;
}

void HttpTransport::send(std::string message)
{
    if (m_closed)
        return;
    if (m_mode == Mode::Legacy)
        return postLegacy(message);
    post(message);
}

void HttpTransport::post(const std::string &message)
{
    auto stream = std::make_shared<Stream>();
    auto [id, method] = requestOf(message);
    stream->requestId = std::move(id);
    stream->initialize = method == "initialize";
    m_streams.insert(stream);
    HttpRequest r = request("POST", m_config.url, true);
    r.body = message;
    if (stream->requestId.is_null())
        r.timeoutMs = 30000;  // a notification or a reply: the server answers 202 at once
    std::weak_ptr<HttpTransport> weak = weak_from_this();
    HttpCallbacks cb;
    cb.onData = [weak, raw = stream.get()](const HttpResponse &head, std::string_view chunk) {
        auto self = weak.lock();
        return self && self->onData(*raw, head, chunk);
    };
    cb.onComplete = [weak, stream, message](HttpResponse response, HttpError error) {
        if (auto self = weak.lock())
            self->postDone(stream, message, std::move(response), std::move(error));
    };
    stream->transfer = m_http.start(std::move(r), std::move(cb));
}

bool HttpTransport::onData(Stream &stream, const HttpResponse &head, std::string_view chunk)
{
    if (m_closed)
        return false;
    if (!stream.headSeen) {
        stream.headSeen = true;
        noteSession(head);
        stream.eventStream = contains(head.header("content-type"), "text/event-stream");
        if (stream.eventStream) {
            stream.parser = std::make_unique<SseParser>([this, &stream](const SseParser::Event &e) {
                onEvent(stream, e.event, e.data);
            });
        }
    }
    if (!stream.eventStream) {
        stream.body.append(chunk);
        return true;
    }
    stream.parser->feed(chunk);
    if (!stream.parser->overflow().empty())
        return false;  // the request fails as cut off; no more of this stream is read
    if (!stream.parser->lastEventId().empty())
        stream.lastEventId = stream.parser->lastEventId();
    if (stream.parser->retryMs() >= 0)
        stream.retryMs = stream.parser->retryMs();
    // A GET that resumed a request's stream is done once the answer came.
    return !(stream.answered && stream.resumed);
}

void HttpTransport::onEvent(Stream &stream, const std::string &event, const std::string &data)
{
    if (stream.kind == Stream::Kind::Legacy && event == "endpoint") {
        m_postUrl = resolveUrl(m_config.url, data);
        auto queued = std::move(m_queued);
        m_queued.clear();
        for (auto &m : queued)
            postLegacy(m);
        return;
    }
    if (event != "message" || data.find_first_not_of(" \t\r\n") == std::string::npos)
        return;  // priming events carry an id and a retry delay, and no message
    stream.attempts = 0;
    deliver(stream, data);
}

void HttpTransport::deliver(Stream &stream, const std::string &data)
{
    if (!stream.requestId.is_null() && !stream.answered) {
        const auto j = engine::parseJson(data);
        auto answers = [&](const nlohmann::json &m) {
            return m.is_object() && !m.contains("method") && engine::valueOr(m, "id", nlohmann::json()) == stream.requestId;
        };
        if (answers(j) || (j.is_array() && std::any_of(j.begin(), j.end(), answers)))
            stream.answered = true;
    }
    if (m_callbacks.onMessage)
        m_callbacks.onMessage(data);
}

void HttpTransport::noteSession(const HttpResponse &response)
{
    const std::string id = response.header("mcp-session-id");
    if (!id.empty() && m_mode == Mode::Streamable)
        m_sessionId = id;
}

std::string HttpTransport::describe(const HttpResponse &response, const HttpError &error) const
{
    if (error)
        return "could not reach " + m_config.url + ": " + error.message;
    std::string detail;
    const auto body = engine::parseJson(response.body);
    if (body.is_object() && body.contains("error")) {
        const auto &e = body["error"];
        detail = e.is_object() ? engine::valueOr(e, "message", engine::safeDump(e)) : (e.is_string() ? e.get<std::string>() : engine::safeDump(e));
    } else if (!response.body.empty()) {
        detail = response.body.substr(0, 300);
    }
    std::string text = "the server answered HTTP " + std::to_string(response.status);
    if (response.status == 401 || response.status == 403)
        text += " (it needs credentials: set the plugin's Authorization header or token)";
    return detail.empty() ? text : text + ": " + detail;
}

void HttpTransport::failRequest(const nlohmann::json &id, const std::string &message)
{
    if (id.is_null() || !m_callbacks.onMessage)
        return;
    m_callbacks.onMessage(
        safeDump(nlohmann::json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", -32000}, {"message", message}}}}));
}

void HttpTransport::forget(const std::shared_ptr<Stream> &stream)
{
    if (stream->timer)
        stream->timer->cancel();
    m_streams.erase(stream);
}

void HttpTransport::postDone(const std::shared_ptr<Stream> &stream, const std::string &message, HttpResponse response,
                             HttpError error)
{
    stream->transfer = 0;
    if (m_closed)
        return forget(stream);
    const bool ok = !error && response.status >= 200 && response.status < 300;
    if (!error)
        noteSession(response);
    if (ok && m_oauth && !m_oauth->accessToken().empty() && !stream->requestId.is_null())
        m_oauth->succeeded();
    if (stream->answered)
        return forget(stream);
    if (!error && signInAndRetry(stream, message, response))
        return;
    if (ok && stream->eventStream) {
        stream->parser->finish();
        if (!stream->requestId.is_null() && !stream->answered)
            return retryLater(stream);  // the stream ended before the answer: resume it
        return forget(stream);
    }
    if (ok) {
        if (!stream->body.empty())
            deliver(*stream, stream->body);
        else if (!stream->requestId.is_null())
            failRequest(stream->requestId, "the server answered the request with an empty body (HTTP " +
                                               std::to_string(response.status) + ")");
        return forget(stream);
    }
    forget(stream);
    if (error && stream->eventStream && !stream->requestId.is_null() && !stream->answered &&
        !stream->lastEventId.empty()) {
        m_streams.insert(stream);
        return retryLater(stream);  // the connection broke mid-stream: resume from the last event
    }
    if (!error && stream->initialize && m_sessionId.empty() &&
        (response.status == 400 || response.status == 404 || response.status == 405))
        return switchToLegacy(message);
    if (!error && response.status == 404 && !m_sessionId.empty())
        return lost("the server no longer knows the session (HTTP 404); a new one starts on the next call");
    if (!stream->requestId.is_null())
        return failRequest(stream->requestId, describe(response, error));
    if (m_callbacks.onDiagnostic)
        m_callbacks.onDiagnostic("a message to the server was refused: " + describe(response, error));
}

// 401, or 403 asking for more scopes: sign in through OAuth, then send the message again.
bool HttpTransport::signInAndRetry(const std::shared_ptr<Stream> &stream, const std::string &message,
                                   const HttpResponse &response)
{
    const std::string challenge = response.header("www-authenticate");
    const bool needsScope = response.status == 403 && challenge.find("insufficient_scope") != std::string::npos;
    if (!m_oauth || (response.status != 401 && !needsScope))
        return false;
    forget(stream);
    std::weak_ptr<HttpTransport> weak = weak_from_this();
    m_oauth->authorize(m_config.url, challenge, [weak, stream, message](std::string error) {
        auto self = weak.lock();
        if (!self || self->m_closed)
            return;
        if (!error.empty())
            return self->failRequest(stream->requestId, "the MCP server needs a sign-in, which failed: " + error);
        self->post(message);
    });
    return true;
}

void HttpTransport::retryLater(const std::shared_ptr<Stream> &stream)
{
    if (m_closed)
        return forget(stream);
    if (stream->kind == Stream::Kind::Post && stream->lastEventId.empty()) {
        forget(stream);
        return failRequest(stream->requestId, "the server closed the stream before answering, and gave no event id "
                                               "to resume it from");
    }
    if (++stream->attempts > kMaxResumeAttempts) {
        forget(stream);
        const std::string why = "gave up after " + std::to_string(kMaxResumeAttempts) + " attempts to reconnect to " +
                                m_config.url;
        if (stream->kind == Stream::Kind::Post)
            return failRequest(stream->requestId, why);
        if (m_callbacks.onDiagnostic)
            m_callbacks.onDiagnostic("the listening stream " + why);
        return;
    }
    const long delay = stream->retryMs >= 0 ? stream->retryMs : kDefaultRetryMs * stream->attempts;
    stream->timer = std::make_unique<asio::steady_timer>(m_io);
    stream->timer->expires_after(std::chrono::milliseconds(delay));
    std::weak_ptr<HttpTransport> weak = weak_from_this();
    stream->timer->async_wait([weak, stream](const boost::system::error_code &ec) {
        auto self = weak.lock();
        if (!ec && self && !self->m_closed && self->m_streams.count(stream))
            self->startGet(stream);
    });
}

void HttpTransport::startGet(const std::shared_ptr<Stream> &stream)
{
    HttpRequest r = request("GET", m_config.url, true);
    if (!stream->lastEventId.empty() && stream->kind != Stream::Kind::Legacy)
        r.headers.emplace_back("Last-Event-ID", stream->lastEventId);
    stream->resumed = stream->kind == Stream::Kind::Post;
    stream->headSeen = false;
    stream->eventStream = false;
    stream->body.clear();
    stream->parser.reset();
    std::weak_ptr<HttpTransport> weak = weak_from_this();
    HttpCallbacks cb;
    cb.onData = [weak, raw = stream.get()](const HttpResponse &head, std::string_view chunk) {
        auto self = weak.lock();
        return self && self->onData(*raw, head, chunk);
    };
    if (stream->kind == Stream::Kind::Listen)
        cb.onHeaders = [weak](const HttpResponse &) {
            if (auto self = weak.lock())
                self->listenSettled();
        };
    cb.onComplete = [weak, stream](HttpResponse response, HttpError error) {
        if (auto self = weak.lock())
            self->getDone(stream, std::move(response), std::move(error));
    };
    stream->transfer = m_http.start(std::move(r), std::move(cb));
}

void HttpTransport::getDone(const std::shared_ptr<Stream> &stream, HttpResponse response, HttpError error)
{
    stream->transfer = 0;
    if (m_closed)
        return forget(stream);
    if (stream->parser)
        stream->parser->finish();
    const bool ok = !error && response.status >= 200 && response.status < 300 && stream->eventStream;
    if (stream->kind == Stream::Kind::Post) {
        if (stream->answered)
            return forget(stream);
        if (!ok && !error) {
            forget(stream);
            return failRequest(stream->requestId, "could not resume the answer's stream: " + describe(response, error));
        }
        return retryLater(stream);
    }
    if (stream->kind == Stream::Kind::Listen) {
        listenSettled();
        if (!ok && !error) {
            forget(stream);  // the server offers no listening stream (405) or refuses it: that is allowed
            return;
        }
        return retryLater(stream);
    }
    // Legacy: the event stream is the connection.
    forget(stream);
    if (m_postUrl.empty()) {
        const std::string why = describe(response, error);
        auto queued = std::move(m_queued);
        m_queued.clear();
        for (const auto &m : queued)
            failRequest(requestOf(m).first,
                        (m_config.transport == "sse" ? "" : "neither Streamable HTTP nor HTTP+SSE worked: ") + why);
        return lost(why);
    }
    lost("the server closed its event stream" + (error ? ": " + error.message : std::string()));
}

void HttpTransport::switchToLegacy(const std::string &pendingMessage)
{
    m_mode = Mode::Legacy;
    m_sessionId.clear();
    if (!pendingMessage.empty())
        m_queued.push_back(pendingMessage);
    auto stream = std::make_shared<Stream>();
    stream->kind = Stream::Kind::Legacy;
    m_streams.insert(stream);
    startGet(stream);
}

void HttpTransport::postLegacy(const std::string &message)
{
    if (m_postUrl.empty()) {
        m_queued.push_back(message);
        return;
    }
    const nlohmann::json id = requestOf(message).first;
    HttpRequest r = request("POST", m_postUrl, false);
    r.body = message;
    r.timeoutMs = 30000;
    std::weak_ptr<HttpTransport> weak = weak_from_this();
    HttpCallbacks cb;
    cb.onComplete = [weak, id](HttpResponse response, HttpError error) {
        auto self = weak.lock();
        if (!self || self->m_closed || (!error && response.status >= 200 && response.status < 300))
            return;  // answers come on the event stream
        if (!id.is_null())
            self->failRequest(id, self->describe(response, error));
    };
    m_http.start(std::move(r), std::move(cb));
}

void HttpTransport::initialized(const std::string &protocolVersion, std::function<void()> ready)
{
    m_protocolVersion = protocolVersion;
    if (m_mode != Mode::Streamable || m_closed)
        return ready();
    m_listenReady = std::move(ready);
    m_listenTimer = std::make_unique<asio::steady_timer>(m_io);
    m_listenTimer->expires_after(std::chrono::milliseconds(kListenWaitMs));
    m_listenTimer->async_wait([weak = weak_from_this()](const boost::system::error_code &ec) {
        if (auto self = weak.lock(); self && !ec)
            self->listenSettled();
    });
    auto stream = std::make_shared<Stream>();
    stream->kind = Stream::Kind::Listen;
    m_streams.insert(stream);
    startGet(stream);
}

void HttpTransport::listenSettled()
{
    if (m_listenTimer)
        m_listenTimer->cancel();
    if (auto ready = std::move(m_listenReady)) {
        m_listenReady = nullptr;
        asio::post(m_io, std::move(ready));  // not from inside curl's callbacks
    }
}

void HttpTransport::lost(const std::string &why)
{
    if (m_lost)
        return;
    m_lost = true;
    shutdown(false);
    if (m_callbacks.onClosed)
        m_callbacks.onClosed(-1, why);
}

void HttpTransport::shutdown(bool endSession)
{
    m_closed = true;
    for (const auto &s : m_streams) {
        if (s->timer)
            s->timer->cancel();
        if (s->transfer)
            m_http.cancel(s->transfer);
    }
    m_streams.clear();
    m_queued.clear();
    if (endSession && !m_sessionId.empty() && m_mode == Mode::Streamable) {
        HttpRequest r = request("DELETE", m_config.url, false);
        r.timeoutMs = 2000;
        HttpCallbacks cb;
        cb.onComplete = [keep = shared_from_this()](HttpResponse, HttpError) {};  // 405 is allowed: nothing to do
        m_http.start(std::move(r), std::move(cb));
        m_sessionId.clear();
    }
}

void HttpTransport::close()
{
    m_lost = true;  // closed on purpose: no onClosed
    shutdown(true);
}

} // namespace flowdeck::engine
