#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace flowdeck::runtime {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Headers = std::vector<std::pair<std::string, std::string>>;

// The answer to one request. Either send() once, or begin() a chunked stream, write()
// pieces and end() it. Safe to keep and use later from the server's io_context thread;
// after the client has gone, calls do nothing and closed() is true.
class Reply {
public:
    virtual ~Reply() = default;
    virtual void send(unsigned status, std::string_view contentType, std::string body, const Headers &extra = {}) = 0;
    virtual void begin(unsigned status, std::string_view contentType, const Headers &extra = {}) = 0;
    virtual void write(std::string piece) = 0;
    virtual void end() = 0;
    virtual bool closed() const = 0;
    // Called once if the connection closes before the reply has ended.
    virtual void onClose(std::function<void()> callback) = 0;
    // The peer's address, for logs and rate limits.
    virtual const std::string &peer() const = 0;
    // Names the app the request turned out to be for (metrics); nothing by default.
    virtual void tagApp(const std::string &) {}
};
using ReplyPtr = std::shared_ptr<Reply>;
using Handler = std::function<void(Request &request, ReplyPtr reply)>;

struct ServerLimits {
    std::size_t bodyBytes = 8 * 1024 * 1024;
    // Requests this says yes to, by their header, may send up to uploadBodyBytes (files for
    // a run); unset: none.
    std::function<bool(const Request &header)> allowsUpload;
    std::size_t uploadBodyBytes = 32 * 1024 * 1024;
    std::size_t headerBytes = 16 * 1024;
    std::chrono::seconds idleTimeout{75};
    // Connections open at once; past it new ones wait in the listen backlog.
    std::size_t maxConnections = 20000;
};

// An asynchronous HTTP/1.1 server (Boost.Beast) with keep-alive, bounded header and
// body sizes (431 and 413 answered as JSON), and a graceful shutdown that stops
// accepting, closes idle connections and lets replies in progress finish.
class HttpServer {
public:
    HttpServer(boost::asio::io_context &io, Handler handler, ServerLimits limits = {});
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and starts accepting; false with `error` when the address cannot be used.
    bool listen(const std::string &host, unsigned short port, std::string &error);
    unsigned short port() const;
    // Stops accepting and closes idle connections; `drained` is called when every
    // connection is gone, or after `grace` when the ones left are cut.
    void shutdown(std::chrono::milliseconds grace, std::function<void()> drained);
    std::size_t connections() const;

    struct State;

private:
    std::shared_ptr<State> m_state;
};

// The reason phrase of a status code ("Not Found").
std::string_view statusReason(unsigned status);

} // namespace flowdeck::runtime
