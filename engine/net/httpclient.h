#pragma once

#include "engine/net/addressallowlist.h"

#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowdeck::engine {

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    long timeoutMs = 0;          // whole transfer; 0: none
    long connectTimeoutMs = 10000;
    long stallTimeoutMs = 0;     // no bytes received for this long: timeout; 0: none
    bool allowPrivateNetwork = true;  // false: loopback, private, link-local and metadata addresses refused
    std::shared_ptr<const AddressAllowList> allowedAddresses;  // with false: these private ones are allowed
    std::size_t maxResponseBytes = 64 * 1024 * 1024;
};

struct HttpResponse {
    long status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
    std::string body;  // the whole body, unless streamed to onData (2xx answers)

    std::string header(std::string_view name) const;  // "" when absent
};

struct HttpError {
    enum class Kind { None, BadRequest, Connect, Timeout, Network, Blocked, TooLarge };
    Kind kind = Kind::None;
    std::string message;
    explicit operator bool() const { return kind != Kind::None; }
};

struct HttpCallbacks {
    // Optional: called with each piece of a 2xx body as it arrives; return false to stop.
    // Bodies of other statuses are collected in HttpResponse::body instead.
    std::function<bool(const HttpResponse &head, std::string_view chunk)> onData;
    // Optional: called once when the final response's headers have arrived, before any body.
    std::function<void(const HttpResponse &head)> onHeaders;
    // Called exactly once, unless the transfer was cancelled.
    std::function<void(HttpResponse response, HttpError error)> onComplete;
};

// Every outgoing HTTP request of the engine: libcurl's multi interface driven by the
// asio io_context (socket readiness and curl's timer), so no thread waits on a request.
// All callbacks run on the io_context's thread. Use it from that thread only.
class HttpClient {
public:
    using TransferId = std::uint64_t;

    explicit HttpClient(boost::asio::io_context &io);
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    TransferId start(HttpRequest request, HttpCallbacks callbacks);
    // Stops a transfer; its onComplete is not called. Safe from inside its callbacks.
    void cancel(TransferId id);
    std::size_t activeTransfers() const;

    class Impl;

private:
    std::shared_ptr<Impl> m_impl;
};

// True for loopback, private (RFC 1918, fc00::/7), link-local (incl. 169.254.169.254
// metadata), CGNAT and unspecified addresses.
bool isPrivateAddress(const std::string &ip);
// What the request's policy says of connecting to `ip`: a private address is refused
// unless the request allows the private network or its allow-list holds the address.
bool refusedAddress(const HttpRequest &request, const std::string &ip);

} // namespace flowdeck::engine
