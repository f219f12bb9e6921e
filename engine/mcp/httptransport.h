#pragma once

#include "engine/mcp/mcptransport.h"
#include "engine/net/httpclient.h"

#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>

#include <deque>
#include <set>

namespace flowdeck::engine {

// MCP over HTTP. Streamable HTTP (spec 2025-03-26 and later): every message is a POST,
// answered with JSON, with 202, or with an SSE stream; the session id the server gives
// at initialize is sent back as Mcp-Session-Id; a GET stream listens for the server's
// own messages; a stream that ends before its answer is resumed by GET with
// Last-Event-ID after the server's retry delay; DELETE ends the session on close.
// When the server refuses the initialize POST (400, 404, 405) it falls back to the
// legacy HTTP+SSE transport (2024-11-05): a GET event stream whose "endpoint" event
// names where to POST.
class HttpTransport : public McpTransport, public std::enable_shared_from_this<HttpTransport> {
public:
    HttpTransport(boost::asio::io_context &io, McpServerConfig config, std::shared_ptr<McpOAuth> oauth = {});
    ~HttpTransport() override;

    bool open(Callbacks callbacks, std::string *error) override;
    void send(std::string message) override;
    void close() override;
    void initialized(const std::string &protocolVersion, std::function<void()> ready) override;

    bool legacy() const { return m_mode == Mode::Legacy; }
    const std::string &sessionId() const { return m_sessionId; }

    static constexpr int kMaxResumeAttempts = 5;
    static constexpr long kDefaultRetryMs = 1000;
    static constexpr long kListenWaitMs = 2000;  // longest wait for the listening stream before "initialized"

private:
    enum class Mode { Streamable, Legacy };
    struct Stream;

    void post(const std::string &message);
    void postLegacy(const std::string &message);
    void startGet(const std::shared_ptr<Stream> &stream);
    bool onData(Stream &stream, const HttpResponse &head, std::string_view chunk);
    void onEvent(Stream &stream, const std::string &event, const std::string &data);
    void postDone(const std::shared_ptr<Stream> &stream, const std::string &message, HttpResponse response,
                  HttpError error);
    void getDone(const std::shared_ptr<Stream> &stream, HttpResponse response, HttpError error);
    void retryLater(const std::shared_ptr<Stream> &stream);
    void deliver(Stream &stream, const std::string &data);
    void failRequest(const nlohmann::json &id, const std::string &message);
    void switchToLegacy(const std::string &pendingMessage);
    void lost(const std::string &why);
    void noteSession(const HttpResponse &response);
    std::string describe(const HttpResponse &response, const HttpError &error) const;
    HttpRequest request(const std::string &method, const std::string &url, bool eventStream) const;
    void forget(const std::shared_ptr<Stream> &stream);
    void listenSettled();
    bool signInAndRetry(const std::shared_ptr<Stream> &stream, const std::string &message, const HttpResponse &response);
    void shutdown(bool endSession);

    boost::asio::io_context &m_io;
    McpServerConfig m_config;
    HttpClient m_http;
    Callbacks m_callbacks;
    Mode m_mode = Mode::Streamable;
    std::string m_sessionId;
    std::string m_protocolVersion;
    std::string m_postUrl;                 // legacy: from the "endpoint" event
    std::deque<std::string> m_queued;      // legacy: messages waiting for the endpoint
    std::set<std::shared_ptr<Stream>> m_streams;
    std::shared_ptr<McpOAuth> m_oauth;
    std::function<void()> m_listenReady;  // until the listening stream answers
    std::unique_ptr<boost::asio::steady_timer> m_listenTimer;
    bool m_closed = false;
    bool m_lost = false;
};

} // namespace flowdeck::engine
