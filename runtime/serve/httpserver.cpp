#include "runtime/serve/httpserver.h"

#include "engine/core/diagnostic.h"
#include "runtime/serve/errorbody.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>

#include <nlohmann/json.hpp>

#include <sys/socket.h>

#include <cerrno>
#include <cstdio>
#include <array>
#include <deque>
#include <optional>
#include <unordered_set>

namespace flowdeck::runtime {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

std::string_view statusReason(unsigned status)
{
    auto reason = http::obsolete_reason(static_cast<http::status>(status));
    return reason.empty() ? std::string_view("Unknown") : std::string_view(reason.data(), reason.size());
}

namespace {

class Session;

std::string errorText(unsigned status, const std::string &message, const std::string &type)
{
    return engine::safeDump(errorBody(status, message, type));
}

} // namespace

struct HttpServer::State : std::enable_shared_from_this<HttpServer::State> {
    State(net::io_context &io, Handler handler, ServerLimits limits)
        : io(io), handler(std::move(handler)), limits(limits), acceptor(io), graceTimer(io), acceptTimer(io)
    {
    }
    void accept();
    // Accepts again after `delay` (out of file descriptors, or at the connection cap).
    void acceptLater(std::chrono::milliseconds delay);
    // Closes idle connections: all of them, or with `keptAliveOnly` those that were answered.
    void closeIdleSessions(bool keptAliveOnly = false);
    void checkDrained()
    {
        if (stopping && sessions.empty() && drained) {
            graceTimer.cancel();
            auto done = std::move(drained);
            drained = nullptr;
            done();
        }
    }

    net::io_context &io;
    Handler handler;
    ServerLimits limits;
    tcp::acceptor acceptor;
    net::steady_timer graceTimer;
    net::steady_timer acceptTimer;
    std::chrono::milliseconds backoff{0};
    bool stopping = false;
    std::unordered_set<Session *> sessions;
    std::function<void()> drained;
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, std::shared_ptr<HttpServer::State> state) : m_stream(std::move(socket)), m_state(std::move(state))
    {
        boost::system::error_code ec;
        const auto remote = m_stream.socket().remote_endpoint(ec);
        m_peer = ec ? std::string("unknown") : remote.address().to_string();
        m_state->sessions.insert(this);
    }
    ~Session()
    {
        m_state->sessions.erase(this);
        m_state->checkDrained();
    }

    void start() { readRequest(); }
    bool idle() const { return m_idle; }
    // Idle after at least one answer: a kept-alive connection, not a client still sending.
    bool keptAlive() const { return m_idle && m_served > 0; }
    const std::string &peer() const { return m_peer; }

    void close()
    {
        if (m_closed)
            return;
        m_closed = true;
        boost::system::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        m_stream.socket().close(ec);
        auto callbacks = std::move(m_onClose);
        m_onClose.clear();
        for (auto &c : callbacks)
            c();
    }

    // The reply side.
    bool closed() const { return m_closed; }
    void addOnClose(std::function<void()> c)
    {
        if (m_closed)
            c();
        else
            m_onClose.push_back(std::move(c));
    }
    void queue(std::string bytes)
    {
        if (m_closed)
            return;
        m_outbox += bytes;
        if (m_outbox.size() > kMaxOutbox)
            return close();  // the client stopped reading: do not hold its answer in memory
        if (!m_writing)
            writeNext();
    }
    void replyEnded(bool keepAlive)
    {
        m_replyEnded = true;
        m_busy = false;
        m_keepAlive = keepAlive;
        m_onClose.clear();  // the reply is whole; a close from now on is an ordinary one
        if (!m_writing)
            afterReply();
    }

private:
    void readRequest()
    {
        if (m_closed)
            return;
        if (m_state->stopping)
            return close();
        m_parser.emplace();
        m_parser->body_limit(m_state->limits.bodyBytes);
        m_parser->header_limit(static_cast<std::uint32_t>(m_state->limits.headerBytes));
        if (!m_idle || m_replyEnded)
            ++m_served;
        m_idle = true;
        m_replyEnded = false;
        m_stream.expires_after(m_state->limits.idleTimeout);
        m_bodyLimit = m_state->limits.bodyBytes;
        // The header first: a request that may carry files (ServerLimits::allowsUpload) gets the larger limit.
        http::async_read_header(m_stream, m_buffer, *m_parser, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec)
                return self->onRead(ec);
            if (self->m_state->limits.allowsUpload && self->m_state->limits.allowsUpload(self->m_parser->get())) {
                self->m_bodyLimit = std::max(self->m_bodyLimit, self->m_state->limits.uploadBodyBytes);
                self->m_parser->body_limit(self->m_bodyLimit);
            }
            http::async_read(self->m_stream, self->m_buffer, *self->m_parser,
                             [self](beast::error_code ec, std::size_t) { self->onRead(ec); });
        });
    }

    void onRead(beast::error_code ec)
    {
        m_idle = false;
        m_stream.expires_never();
        if (ec == http::error::body_limit)
            return refuse(413, errorText(413, "The request body is larger than the limit of " +
                                             std::to_string(m_bodyLimit) + " bytes.",
                                         "request_too_large"));
        if (ec == http::error::header_limit)
            return refuse(431, errorText(431, "The request headers are larger than the limit of " +
                                             std::to_string(m_state->limits.headerBytes) + " bytes.",
                                         "headers_too_large"));
        if (ec && ec.category() == http::make_error_code(http::error::bad_target).category() &&
            ec != http::error::end_of_stream && ec != http::error::partial_message)
            return refuse(400, errorText(400, "The request is not valid HTTP: " + ec.message() + ".", "invalid_request"));
        if (ec)
            return close();
        auto request = std::make_shared<Request>(m_parser->release());
        const bool keepAlive = request->keep_alive() && !m_state->stopping;
        m_busy = true;
        dispatch(*request, keepAlive, request->version());
        if (m_busy)
            watchForClose();
    }

    // While a request is handled nothing is read, so a client that leaves would go
    // unnoticed until a write fails: watch the socket and close (cancelling the run)
    // when it reaches end of stream.
    void watchForClose()
    {
        if (m_closed || m_watching)
            return;
        m_watching = true;
        m_stream.socket().async_wait(tcp::socket::wait_read, [self = shared_from_this()](beast::error_code ec) {
            self->m_watching = false;
            if (ec || !self->m_busy || self->m_closed)
                return;
            char byte;
            const ssize_t n = ::recv(self->m_stream.socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
                return self->close();
            if (n < 0)
                self->watchForClose();  // woken for nothing
            // n > 0: the next request is already here; it is read when this reply is done.
        });
    }

    void dispatch(Request &request, bool keepAlive, unsigned version);

    void refuse(unsigned status, std::string body)
    {
        std::string head = "HTTP/1.1 " + std::to_string(status) + " " + std::string(statusReason(status)) +
                           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                           "\r\nConnection: close\r\n\r\n";
        queue(head + body);
        replyEnded(false);
    }

    void writeNext()
    {
        m_writing = true;
        m_stream.expires_after(std::chrono::seconds(60));  // a client that takes no bytes for a minute is gone
        m_sending.swap(m_outbox);
        m_outbox.clear();
        net::async_write(m_stream, net::buffer(m_sending), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            self->m_writing = false;
            self->m_sending.clear();
            self->m_stream.expires_never();
            if (ec)
                return self->close();
            if (!self->m_outbox.empty())
                return self->writeNext();
            if (self->m_replyEnded)
                self->afterReply();
        });
    }

    void afterReply()
    {
        if (m_keepAlive && !m_state->stopping)
            return readRequest();
        // A lingering close: the answer is sent and our side shut; what the client still
        // sends (the rest of a body too large to take) is read and dropped for up to two
        // seconds, so closing does not reset the connection before it has read the answer.
        boost::system::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        m_closed = true;
        m_stream.expires_after(std::chrono::seconds(2));
        linger();
    }

    void linger()
    {
        m_stream.async_read_some(net::buffer(m_discard), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (!ec)
                return self->linger();
            boost::system::error_code ignored;
            self->m_stream.socket().close(ignored);
        });
    }

    beast::tcp_stream m_stream;
    std::shared_ptr<HttpServer::State> m_state;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::size_t m_bodyLimit = 0;  // of the request being read
    std::string m_outbox, m_sending;
    std::vector<std::function<void()>> m_onClose;
    std::string m_peer;
    bool m_writing = false, m_replyEnded = false, m_keepAlive = true, m_closed = false, m_idle = true;
    std::size_t m_served = 0;
    bool m_busy = false, m_watching = false;
    std::array<char, 4096> m_discard;
    static constexpr std::size_t kMaxOutbox = 32 * 1024 * 1024;
};

class ReplyImpl : public Reply {
public:
    ReplyImpl(std::shared_ptr<Session> session, bool keepAlive, unsigned version, bool head)
        : m_session(std::move(session)), m_keepAlive(keepAlive), m_http10(version == 10), m_head(head), m_peer(m_session->peer())
    {
    }

    void send(unsigned status, std::string_view contentType, std::string body, const Headers &extra) override
    {
        if (!usable() || m_begun)
            return;
        std::string out = head(status, contentType, extra);
        out += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
        if (!m_head)  // HEAD: the headers of the answer, never its body
            out += body;
        m_session->queue(std::move(out));
        finish();
    }
    void begin(unsigned status, std::string_view contentType, const Headers &extra) override
    {
        if (!usable() || m_begun)
            return;
        m_begun = true;
        if (m_http10)
            m_keepAlive = false;  // HTTP/1.0 has no chunks: the body ends with the connection
        std::string out = head(status, contentType, extra);
        out += m_http10 ? "\r\n" : "Transfer-Encoding: chunked\r\n\r\n";
        m_session->queue(std::move(out));
    }
    void write(std::string piece) override
    {
        if (!usable() || !m_begun || piece.empty() || m_head)
            return;
        if (m_http10)
            return m_session->queue(std::move(piece));
        char size[20];
        const int n = std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
        std::string chunk(size, static_cast<std::size_t>(n));
        chunk += piece;
        chunk += "\r\n";
        m_session->queue(std::move(chunk));
    }
    void end() override
    {
        if (!usable() || !m_begun)
            return;
        if (!m_http10 && !m_head)
            m_session->queue("0\r\n\r\n");
        finish();
    }
    bool closed() const override { return !m_session || m_session->closed(); }
    void onClose(std::function<void()> callback) override
    {
        if (m_session)
            m_session->addOnClose(std::move(callback));
    }
    const std::string &peer() const override { return m_peer; }

private:
    bool usable() const { return m_session && !m_session->closed(); }
    std::string head(unsigned status, std::string_view contentType, const Headers &extra) const
    {
        std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(statusReason(status)) + "\r\n";
        if (!contentType.empty())
            out += "Content-Type: " + std::string(contentType) + "\r\n";
        for (const auto &[name, value] : extra)
            out += name + ": " + value + "\r\n";
        if (!m_keepAlive)
            out += "Connection: close\r\n";
        else if (m_http10)
            out += "Connection: keep-alive\r\n";
        return out;
    }
    void finish()
    {
        auto session = std::move(m_session);  // the session lives on through its own reads and writes
        session->replyEnded(m_keepAlive);
    }

    std::shared_ptr<Session> m_session;
    bool m_keepAlive;
    bool m_http10;
    bool m_head;
    bool m_begun = false;
    std::string m_peer;
};

void Session::dispatch(Request &request, bool keepAlive, unsigned version)
{
    auto reply = std::make_shared<ReplyImpl>(shared_from_this(), keepAlive, version, request.method() == http::verb::head);
    try {
        m_state->handler(request, reply);
    } catch (const std::exception &e) {
        // The caller gets a sentence, the log gets the details (they may name internals).
        std::fprintf(stderr, "flowdeck serve: a request to %s failed: %s\n", std::string(request.target()).c_str(), e.what());
        if (!reply->closed())
            reply->send(500, "application/json",
                        errorText(500, "The request could not be handled; the runtime logged why.", "internal_error"), {});
    }
}

} // namespace

void HttpServer::State::accept()
{
    if (sessions.size() >= limits.maxConnections) {
        // At the cap: kept-alive connections make room; new clients wait in the backlog.
        closeIdleSessions(true);
        return acceptLater(std::chrono::milliseconds(50));
    }
    acceptor.async_accept([self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
        if (self->stopping || !self->acceptor.is_open())
            return;
        if (ec == boost::system::errc::too_many_files_open || ec == boost::system::errc::too_many_files_open_in_system ||
            ec == boost::system::errc::not_enough_memory || ec == boost::system::errc::no_buffer_space) {
            // Out of descriptors: accepting again at once would spin. Back off, up to a second.
            self->backoff = std::min(std::chrono::milliseconds(1000), std::max(std::chrono::milliseconds(10), self->backoff * 2));
            std::fprintf(stderr, "flowdeck serve: cannot accept a connection (%s); trying again in %lld ms\n",
                         ec.message().c_str(), static_cast<long long>(self->backoff.count()));
            return self->acceptLater(self->backoff);
        }
        self->backoff = std::chrono::milliseconds(0);
        if (!ec) {
            socket.set_option(tcp::no_delay(true), ec);
            std::make_shared<Session>(std::move(socket), self)->start();
        }
        self->accept();
    });
}

void HttpServer::State::closeIdleSessions(bool keptAliveOnly)
{
    std::vector<Session *> idle;
    for (Session *session : sessions)
        if (keptAliveOnly ? session->keptAlive() : session->idle())
            idle.push_back(session);
    for (Session *session : idle)
        session->close();
}

void HttpServer::State::acceptLater(std::chrono::milliseconds delay)
{
    acceptTimer.expires_after(delay);
    acceptTimer.async_wait([self = shared_from_this()](const boost::system::error_code &ec) {
        if (!ec && !self->stopping && self->acceptor.is_open())
            self->accept();
    });
}

HttpServer::HttpServer(net::io_context &io, Handler handler, ServerLimits limits)
    : m_state(std::make_shared<State>(io, std::move(handler), limits))
{
}

HttpServer::~HttpServer()
{
    boost::system::error_code ec;
    m_state->acceptor.close(ec);
    m_state->acceptTimer.cancel();
}

bool HttpServer::listen(const std::string &host, unsigned short port, std::string &error)
{
    boost::system::error_code ec;
    const auto address = net::ip::make_address(host, ec);
    if (ec) {
        error = "'" + host + "' is not an IP address to listen on.";
        return false;
    }
    const tcp::endpoint endpoint(address, port);
    auto &acceptor = m_state->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        error = "Cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message() + ".";
        acceptor.close(ec);
        return false;
    }
    m_state->accept();
    return true;
}

unsigned short HttpServer::port() const
{
    boost::system::error_code ec;
    return m_state->acceptor.local_endpoint(ec).port();
}

std::size_t HttpServer::connections() const { return m_state->sessions.size(); }

void HttpServer::shutdown(std::chrono::milliseconds grace, std::function<void()> drained)
{
    auto &s = *m_state;
    s.stopping = true;
    s.drained = std::move(drained);
    boost::system::error_code ec;
    s.acceptor.close(ec);
    s.acceptTimer.cancel();
    s.closeIdleSessions();  // their reads end; busy ones close after their reply
    s.graceTimer.expires_after(grace);
    s.graceTimer.async_wait([state = m_state](beast::error_code e) {
        if (e)
            return;
        std::vector<Session *> left(state->sessions.begin(), state->sessions.end());
        for (Session *session : left)
            session->close();
        if (state->drained) {
            auto done = std::move(state->drained);
            state->drained = nullptr;
            done();
        }
    });
    s.checkDrained();
}

} // namespace flowdeck::runtime
