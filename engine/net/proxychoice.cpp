#include "engine/net/proxychoice.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace flowdeck::engine {

namespace {

std::string env(const char *name)
{
    const char *value = std::getenv(name);
    return value ? value : "";
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool bypassed(const std::string &host)
{
    std::string list = env("no_proxy");
    if (list.empty())
        list = env("NO_PROXY");
    const std::string h = lower(host);
    std::size_t at = 0;
    while (at <= list.size()) {
        std::size_t end = list.find(',', at);
        if (end == std::string::npos)
            end = list.size();
        std::string entry = list.substr(at, end - at);
        at = end + 1;
        entry.erase(0, entry.find_first_not_of(" \t"));
        entry.erase(entry.find_last_not_of(" \t") + 1);
        if (entry.empty())
            continue;
        if (entry == "*")
            return true;
        entry = lower(entry);
        if (entry.front() == '.')
            entry.erase(0, 1);
        if (h == entry || (h.size() > entry.size() && h.compare(h.size() - entry.size(), entry.size(), entry) == 0 &&
                           h[h.size() - entry.size() - 1] == '.'))
            return true;
    }
    return false;
}

} // namespace

UrlHost urlHost(const std::string &url)
{
    UrlHost out;
    CURLU *u = curl_url();
    if (!u)
        return out;
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
        char *part = nullptr;
        if (curl_url_get(u, CURLUPART_SCHEME, &part, 0) == CURLUE_OK) {
            out.scheme = lower(part);
            curl_free(part);
        }
        if (curl_url_get(u, CURLUPART_HOST, &part, 0) == CURLUE_OK) {
            out.host = part;
            curl_free(part);
            if (out.host.size() >= 2 && out.host.front() == '[' && out.host.back() == ']')
                out.host = out.host.substr(1, out.host.size() - 2);
        }
    }
    curl_url_cleanup(u);
    return out;
}

std::string proxyFor(const std::string &url)
{
    const UrlHost target = urlHost(url);
    if (target.host.empty())
        return {};
    std::string proxy = target.scheme == "https" ? env("https_proxy") : target.scheme == "http" ? env("http_proxy") : "";
    if (proxy.empty() && target.scheme == "https")
        proxy = env("HTTPS_PROXY");
    if (proxy.empty())
        proxy = env("all_proxy");
    if (proxy.empty())
        proxy = env("ALL_PROXY");
    if (proxy.empty() || bypassed(target.host))
        return {};
    return proxy;
}

} // namespace flowdeck::engine
