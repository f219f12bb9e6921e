#pragma once

#include <string>

namespace flowdeck::engine {

// The scheme and host of a URL (host without IPv6 brackets); empty when it has none.
struct UrlHost {
    std::string scheme;
    std::string host;
};
UrlHost urlHost(const std::string &url);

// The proxy a request to `url` goes through, from the environment as curl reads it:
// http_proxy (lower case only) for http, https_proxy or HTTPS_PROXY for https, else
// all_proxy or ALL_PROXY; none when no_proxy / NO_PROXY names the host ("*", a host, a
// domain suffix with or without a leading dot). Empty: no proxy. The HTTP client sets
// the answer explicitly, so the network policy knows whether a proxy is in the way.
std::string proxyFor(const std::string &url);

} // namespace flowdeck::engine
