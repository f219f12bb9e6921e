#include "engine/net/httpclient.h"
#include "engine/net/proxychoice.h"

#include <cstring>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <curl/curl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <map>

namespace flowdeck::engine {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

std::string HttpResponse::header(std::string_view name) const
{
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    for (auto it = headers.rbegin(); it != headers.rend(); ++it)
        if (it->first == lower)
            return it->second;
    return {};
}

bool refusedAddress(const HttpRequest &request, const std::string &ip)
{
    if (request.allowPrivateNetwork || !isPrivateAddress(ip))
        return false;
    return !(request.allowedAddresses && request.allowedAddresses->contains(ip));
}

bool isPrivateAddress(const std::string &ip)
{
    in_addr v4{};
    in6_addr v6{};
    if (inet_pton(AF_INET, ip.c_str(), &v4) == 1) {
        uint32_t a = ntohl(v4.s_addr);
        auto in = [&](uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
        return in(0x00000000, 8) || in(0x0A000000, 8) || in(0x7F000000, 8) || in(0xA9FE0000, 16) ||  // this, private, loopback, link-local
               in(0xAC100000, 12) || in(0xC0A80000, 16) || in(0x64400000, 10) ||                    // private, CGNAT
               in(0xC0000000, 24) || in(0xC6120000, 15) ||                                           // IETF, benchmarking
               in(0xE0000000, 4) || in(0xF0000000, 4);                                               // multicast, reserved and broadcast
    }
    if (inet_pton(AF_INET6, ip.c_str(), &v6) == 1) {
        const unsigned char *b = v6.s6_addr;
        if (IN6_IS_ADDR_LOOPBACK(&v6) || IN6_IS_ADDR_UNSPECIFIED(&v6) || IN6_IS_ADDR_LINKLOCAL(&v6) ||
            IN6_IS_ADDR_SITELOCAL(&v6) || IN6_IS_ADDR_MULTICAST(&v6))
            return true;
        if ((b[0] & 0xFE) == 0xFC)  // unique local fc00::/7
            return true;
        // IPv4 inside IPv6: mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96
        // (and 64:ff9b:1::/48), 6to4 2002:a.b.c.d::/16. The IPv4 address decides.
        auto embedded = [&](const unsigned char *at) {
            char buf[INET_ADDRSTRLEN];
            inet_ntop(AF_INET, at, buf, sizeof buf);
            return isPrivateAddress(buf);
        };
        static const unsigned char zeros[12] = {0};
        if (IN6_IS_ADDR_V4MAPPED(&v6) || std::memcmp(b, zeros, 12) == 0)
            return embedded(b + 12);
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
            return embedded(b + 12);
        if (b[0] == 0x20 && b[1] == 0x02)
            return embedded(b + 2);
        return false;
    }
    return true;  // not an address we understand: refuse
}

namespace {

struct Transfer {
    HttpClient::TransferId id = 0;
    CURL *easy = nullptr;
    curl_slist *headerList = nullptr;
    HttpRequest request;
    HttpCallbacks callbacks;
    HttpResponse response;
    bool cancelled = false;
    bool headersReported = false;
    HttpError abortError;  // set when we stopped it ourselves
    std::string blockedAddress;
    std::string proxy;  // the proxy it goes through ("" none): then only the target's host is checked
    std::size_t received = 0;
    Clock::time_point lastActivity = Clock::now();
    std::unique_ptr<asio::steady_timer> stallTimer;
    char errorBuffer[CURL_ERROR_SIZE] = {0};

    ~Transfer()
    {
        if (easy)
            curl_easy_cleanup(easy);
        if (headerList)
            curl_slist_free_all(headerList);
    }
};

struct SocketWatch {
    explicit SocketWatch(asio::io_context &io, int fd) : descriptor(io, fd) {}
    asio::posix::stream_descriptor descriptor;
    int wanted = 0;
    bool readPending = false;
    bool writePending = false;
    bool removed = false;
};

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

} // namespace

class HttpClient::Impl : public std::enable_shared_from_this<HttpClient::Impl> {
public:
    explicit Impl(asio::io_context &io) : m_io(io), m_timer(io)
    {
        static CurlGlobal global;
        m_multi = curl_multi_init();
        curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &Impl::socketCallback);
        curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
        curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &Impl::timerCallback);
        curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    }

    ~Impl()
    {
        m_timer.cancel();
        for (auto &[id, t] : m_transfers)
            curl_multi_remove_handle(m_multi, t->easy);
        m_transfers.clear();
        for (auto &[fd, w] : m_sockets)
            release(*w);
        curl_multi_cleanup(m_multi);
    }

    TransferId start(HttpRequest request, HttpCallbacks callbacks);
    void cancel(TransferId id);
    std::size_t active() const { return m_transfers.size(); }

private:
    static int socketCallback(CURL *, curl_socket_t s, int what, void *userp, void *);
    static int timerCallback(CURLM *, long timeoutMs, void *userp);
    static size_t writeCallback(char *data, size_t size, size_t count, void *userp);
    static size_t headerCallback(char *data, size_t size, size_t count, void *userp);
    static curl_socket_t openSocketCallback(void *userp, curlsocktype, curl_sockaddr *address);
    static int preRequestCallback(void *userp, char *primaryIp, char *localIp, int primaryPort, int localPort);

    void arm(curl_socket_t s, const std::shared_ptr<SocketWatch> &watch);
    void onSocketReady(curl_socket_t s, int flags);
    void onTimeout();
    void collectFinished();
    void finish(TransferId id, CURLcode code);
    void abort(TransferId id, HttpError error);
    void checkTargetThenAdd(TransferId id);
    void armStallTimer(Transfer &t);
    static void release(SocketWatch &w)
    {
        boost::system::error_code ec;
        w.removed = true;
        w.descriptor.cancel(ec);
        w.descriptor.release();
    }

    asio::io_context &m_io;
    asio::steady_timer m_timer;
    CURLM *m_multi = nullptr;
    std::map<curl_socket_t, std::shared_ptr<SocketWatch>> m_sockets;
    std::map<TransferId, std::unique_ptr<Transfer>> m_transfers;
    TransferId m_nextId = 1;
};

HttpClient::TransferId HttpClient::Impl::start(HttpRequest request, HttpCallbacks callbacks)
{
    auto t = std::make_unique<Transfer>();
    t->id = m_nextId++;
    t->request = std::move(request);
    t->callbacks = std::move(callbacks);
    t->easy = curl_easy_init();
    CURL *e = t->easy;
    const HttpRequest &r = t->request;
    curl_easy_setopt(e, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errorBuffer);
    curl_easy_setopt(e, CURLOPT_PRIVATE, reinterpret_cast<void *>(static_cast<uintptr_t>(t->id)));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Impl::writeCallback);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Impl::headerCallback);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Impl::openSocketCallback);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t.get());
    // The proxy is chosen here, as curl would from the environment, so the policy knows
    // whether the connection goes to the target or to the operator's proxy.
    t->proxy = proxyFor(r.url);
    curl_easy_setopt(e, CURLOPT_PROXY, t->proxy.c_str());
    if (!r.allowPrivateNetwork && t->proxy.empty()) {
        // Every request, on a new connection or a reused one, is checked again against
        // the address it is about to go to.
        curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, &Impl::preRequestCallback);
        curl_easy_setopt(e, CURLOPT_PREREQDATA, t.get());
    }
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, "Flowdeck/0.1");
    if (r.timeoutMs > 0)
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, r.timeoutMs);
    if (r.connectTimeoutMs > 0)
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, r.connectTimeoutMs);
    if (r.method == "GET") {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else if (r.method == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else {
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, r.method.c_str());
        if (!r.body.empty() || r.method == "POST" || r.method == "PUT" || r.method == "PATCH") {
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
            curl_easy_setopt(e, CURLOPT_POSTFIELDS, r.body.data());
        }
    }
    for (const auto &[name, value] : r.headers)
        t->headerList = curl_slist_append(t->headerList, (name + ": " + value).c_str());
    t->headerList = curl_slist_append(t->headerList, "Expect:");
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headerList);

    TransferId id = t->id;
    Transfer &ref = *t;
    m_transfers.emplace(id, std::move(t));
    if (ref.request.stallTimeoutMs > 0)
        armStallTimer(ref);
    if (!ref.request.allowPrivateNetwork && !ref.proxy.empty()) {
        checkTargetThenAdd(id);
        return id;
    }
    CURLMcode mc = curl_multi_add_handle(m_multi, e);
    if (mc == CURLM_RECURSIVE_API_CALL) {
        // Started from inside one of curl's callbacks: add it on the next turn.
        asio::post(m_io, [weak = weak_from_this(), id, e] {
            auto self = weak.lock();
            if (!self || !self->m_transfers.count(id) || self->m_transfers[id]->cancelled)
                return;
            if (CURLMcode again = curl_multi_add_handle(self->m_multi, e); again != CURLM_OK)
                self->abort(id, {HttpError::Kind::BadRequest,
                                 std::string("could not start the request: ") + curl_multi_strerror(again)});
        });
        return id;
    }
    if (mc != CURLM_OK) {
        HttpError err{HttpError::Kind::BadRequest, std::string("could not start the request: ") + curl_multi_strerror(mc)};
        asio::post(m_io, [weak = weak_from_this(), id, err] {
            if (auto self = weak.lock())
                self->abort(id, err);
        });
    }
    return id;
}

void HttpClient::Impl::cancel(TransferId id)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
        return;
    it->second->cancelled = true;
    // curl forbids removing a handle from inside its own callbacks: do it next turn.
    asio::post(m_io, [weak = weak_from_this(), id] {
        auto self = weak.lock();
        if (!self)
            return;
        auto it = self->m_transfers.find(id);
        if (it == self->m_transfers.end())
            return;
        curl_multi_remove_handle(self->m_multi, it->second->easy);
        self->m_transfers.erase(it);
    });
}

void HttpClient::Impl::armStallTimer(Transfer &t)
{
    if (!t.stallTimer)
        t.stallTimer = std::make_unique<asio::steady_timer>(m_io);
    auto deadline = t.lastActivity + std::chrono::milliseconds(t.request.stallTimeoutMs);
    t.stallTimer->expires_at(deadline);
    t.stallTimer->async_wait([weak = weak_from_this(), id = t.id](const boost::system::error_code &ec) {
        auto self = weak.lock();
        if (ec || !self)
            return;
        auto it = self->m_transfers.find(id);
        if (it == self->m_transfers.end() || it->second->cancelled)
            return;
        Transfer &tr = *it->second;
        if (Clock::now() - tr.lastActivity >= std::chrono::milliseconds(tr.request.stallTimeoutMs)) {
            self->abort(id, {HttpError::Kind::Timeout, "no data arrived for " +
                                                           std::to_string(tr.request.stallTimeoutMs) + " ms"});
        } else {
            self->armStallTimer(tr);
        }
    });
}

int HttpClient::Impl::socketCallback(CURL *, curl_socket_t s, int what, void *userp, void *)
{
    auto *self = static_cast<Impl *>(userp);
    auto it = self->m_sockets.find(s);
    if (what == CURL_POLL_REMOVE) {
        if (it != self->m_sockets.end()) {
            release(*it->second);
            self->m_sockets.erase(it);
        }
        return 0;
    }
    if (it == self->m_sockets.end())
        it = self->m_sockets.emplace(s, std::make_shared<SocketWatch>(self->m_io, s)).first;
    it->second->wanted = what;
    self->arm(s, it->second);
    return 0;
}

void HttpClient::Impl::arm(curl_socket_t s, const std::shared_ptr<SocketWatch> &watch)
{
    auto weak = weak_from_this();
    if ((watch->wanted & CURL_POLL_IN) && !watch->readPending) {
        watch->readPending = true;
        watch->descriptor.async_wait(asio::posix::descriptor_base::wait_read,
                                     [weak, s, watch](const boost::system::error_code &ec) {
                                         watch->readPending = false;
                                         auto self = weak.lock();
                                         if (!ec && self && !watch->removed)
                                             self->onSocketReady(s, CURL_CSELECT_IN);
                                     });
    }
    if ((watch->wanted & CURL_POLL_OUT) && !watch->writePending) {
        watch->writePending = true;
        watch->descriptor.async_wait(asio::posix::descriptor_base::wait_write,
                                     [weak, s, watch](const boost::system::error_code &ec) {
                                         watch->writePending = false;
                                         auto self = weak.lock();
                                         if (!ec && self && !watch->removed)
                                             self->onSocketReady(s, CURL_CSELECT_OUT);
                                     });
    }
}

void HttpClient::Impl::onSocketReady(curl_socket_t s, int flags)
{
    int running = 0;
    curl_multi_socket_action(m_multi, s, flags, &running);
    collectFinished();
    auto it = m_sockets.find(s);
    if (it == m_sockets.end())
        return;
    auto watch = it->second;
    arm(s, watch);
    // asio's epoll reactor is edge-triggered: bytes that arrived before the wait was
    // re-armed raise no new edge, so look once more ourselves.
    pollfd p{s, 0, 0};
    if (watch->wanted & CURL_POLL_IN)
        p.events |= POLLIN;
    if (watch->wanted & CURL_POLL_OUT)
        p.events |= POLLOUT;
    if (p.events && ::poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLOUT | POLLHUP | POLLERR))) {
        int again = ((p.revents & (POLLIN | POLLHUP | POLLERR)) ? CURL_CSELECT_IN : 0) |
                    ((p.revents & POLLOUT) ? CURL_CSELECT_OUT : 0);
        asio::post(m_io, [weak = weak_from_this(), s, again, watch] {
            auto self = weak.lock();
            if (self && !watch->removed)
                self->onSocketReady(s, again);
        });
    }
}

int HttpClient::Impl::timerCallback(CURLM *, long timeoutMs, void *userp)
{
    auto *self = static_cast<Impl *>(userp);
    if (timeoutMs < 0) {
        self->m_timer.cancel();
        return 0;
    }
    self->m_timer.expires_after(std::chrono::milliseconds(timeoutMs));
    self->m_timer.async_wait([weak = self->weak_from_this()](const boost::system::error_code &ec) {
        auto s = weak.lock();
        if (!ec && s)
            s->onTimeout();
    });
    return 0;
}

void HttpClient::Impl::onTimeout()
{
    int running = 0;
    curl_multi_socket_action(m_multi, CURL_SOCKET_TIMEOUT, 0, &running);
    collectFinished();
}

size_t HttpClient::Impl::headerCallback(char *data, size_t size, size_t count, void *userp)
{
    auto *t = static_cast<Transfer *>(userp);
    std::string_view line(data, size * count);
    if (t->cancelled)
        return 0;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    if (line.rfind("HTTP/", 0) == 0) {
        // A new status line (after 100 Continue or a proxy) starts the headers again.
        t->response.headers.clear();
        auto sp = line.find(' ');
        t->response.status = sp == std::string_view::npos ? 0 : std::atol(std::string(line.substr(sp + 1, 3)).c_str());
    } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
        std::string name(line.substr(0, colon));
        std::transform(name.begin(), name.end(), name.begin(), ::tolower);
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
        t->response.headers.emplace_back(std::move(name), std::string(value));
    } else if (line.empty() && t->response.status >= 200 && !t->headersReported) {
        t->headersReported = true;  // the blank line after the final response's headers
        if (t->callbacks.onHeaders)
            t->callbacks.onHeaders(t->response);
    }
    return size * count;
}

size_t HttpClient::Impl::writeCallback(char *data, size_t size, size_t count, void *userp)
{
    auto *t = static_cast<Transfer *>(userp);
    const size_t n = size * count;
    if (t->cancelled)
        return 0;
    t->lastActivity = Clock::now();
    t->received += n;
    if (t->received > t->request.maxResponseBytes) {
        t->abortError = {HttpError::Kind::TooLarge, "the answer is larger than " +
                                                        std::to_string(t->request.maxResponseBytes) + " bytes"};
        return 0;
    }
    bool success = t->response.status >= 200 && t->response.status < 300;
    if (success && t->callbacks.onData) {
        if (!t->callbacks.onData(t->response, std::string_view(data, n))) {
            if (!t->abortError)
                t->abortError = {HttpError::Kind::Network, "stopped by the reader"};
            return 0;
        }
        return n;
    }
    t->response.body.append(data, n);
    return n;
}

curl_socket_t HttpClient::Impl::openSocketCallback(void *userp, curlsocktype, curl_sockaddr *address)
{
    auto *t = static_cast<Transfer *>(userp);
    if (!t->request.allowPrivateNetwork && t->proxy.empty()) {
        char buf[INET6_ADDRSTRLEN] = {0};
        if (address->family == AF_INET)
            inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in *>(&address->addr)->sin_addr, buf, sizeof buf);
        else if (address->family == AF_INET6)
            inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6 *>(&address->addr)->sin6_addr, buf, sizeof buf);
        if (refusedAddress(t->request, buf)) {
            t->blockedAddress = buf;
            return CURL_SOCKET_BAD;
        }
    }
    return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

int HttpClient::Impl::preRequestCallback(void *userp, char *primaryIp, char *, int, int)
{
    auto *t = static_cast<Transfer *>(userp);
    if (primaryIp && refusedAddress(t->request, primaryIp)) {
        t->blockedAddress = primaryIp;
        return CURL_PREREQFUNC_ABORT;
    }
    return CURL_PREREQFUNC_OK;
}

void HttpClient::Impl::collectFinished()
{
    int pending = 0;
    while (CURLMsg *msg = curl_multi_info_read(m_multi, &pending)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        void *priv = nullptr;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
        finish(static_cast<TransferId>(reinterpret_cast<uintptr_t>(priv)), msg->data.result);
    }
}

void HttpClient::Impl::finish(TransferId id, CURLcode code)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
        return;
    std::unique_ptr<Transfer> t = std::move(it->second);
    m_transfers.erase(it);
    curl_multi_remove_handle(m_multi, t->easy);
    if (t->stallTimer)
        t->stallTimer->cancel();
    if (t->cancelled)
        return;
    HttpError error;
    if (t->abortError) {
        error = t->abortError;
    } else if (!t->blockedAddress.empty()) {
        error = {HttpError::Kind::Blocked, "the address " + t->blockedAddress +
                                               " is private or local, and this runtime does not allow those (its operator can allow it with "
                                               "`flowdeck serve --allow-address " + t->blockedAddress +
                                               "`, or every such address with --allow-private-network)"};
    } else if (code != CURLE_OK) {
        std::string detail = t->errorBuffer[0] ? t->errorBuffer : curl_easy_strerror(code);
        switch (code) {
        case CURLE_OPERATION_TIMEDOUT: error = {HttpError::Kind::Timeout, detail}; break;
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT: error = {HttpError::Kind::Connect, detail}; break;
        case CURLE_URL_MALFORMAT:
        case CURLE_UNSUPPORTED_PROTOCOL: error = {HttpError::Kind::BadRequest, detail}; break;
        case CURLE_PARTIAL_FILE:
        case CURLE_GOT_NOTHING:
        case CURLE_RECV_ERROR:
            error = {HttpError::Kind::Network, "the connection closed before the answer was complete (" + detail + ")"};
            break;
        default: error = {HttpError::Kind::Network, detail}; break;
        }
    }
    if (t->callbacks.onComplete)
        t->callbacks.onComplete(std::move(t->response), std::move(error));
}

void HttpClient::Impl::checkTargetThenAdd(TransferId id)
{
    // Through a proxy curl only ever connects to the proxy (the operator's choice), so the
    // addresses the target's name has are checked here first. (The proxy resolves the name
    // again: an operator who needs that closed makes the proxy refuse private addresses.)
    const std::string host = urlHost(m_transfers[id]->request.url).host;
    auto resolver = std::make_shared<asio::ip::tcp::resolver>(m_io);
    resolver->async_resolve(host, "", [weak = weak_from_this(), id, host, resolver](const boost::system::error_code &ec,
                                                                                  asio::ip::tcp::resolver::results_type results) {
        auto self = weak.lock();
        if (!self)
            return;
        auto it = self->m_transfers.find(id);
        if (it == self->m_transfers.end() || it->second->cancelled)
            return;
        Transfer &t = *it->second;
        if (ec)
            return self->abort(id, {HttpError::Kind::Connect, "could not resolve the host " + host + ": " + ec.message()});
        for (const auto &entry : results) {
            const std::string ip = entry.endpoint().address().to_string();
            if (refusedAddress(t.request, ip)) {
                t.blockedAddress = ip;
                return self->finish(id, CURLE_ABORTED_BY_CALLBACK);
            }
        }
        if (CURLMcode mc = curl_multi_add_handle(self->m_multi, t.easy); mc != CURLM_OK)
            self->abort(id, {HttpError::Kind::BadRequest, std::string("could not start the request: ") + curl_multi_strerror(mc)});
    });
}

void HttpClient::Impl::abort(TransferId id, HttpError error)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
        return;
    it->second->abortError = std::move(error);
    finish(id, CURLE_ABORTED_BY_CALLBACK);
}

HttpClient::HttpClient(asio::io_context &io) : m_impl(std::make_shared<Impl>(io)) {}
HttpClient::~HttpClient() = default;

HttpClient::TransferId HttpClient::start(HttpRequest request, HttpCallbacks callbacks)
{
    return m_impl->start(std::move(request), std::move(callbacks));
}

void HttpClient::cancel(TransferId id) { m_impl->cancel(id); }
std::size_t HttpClient::activeTransfers() const { return m_impl->active(); }

} // namespace flowdeck::engine
