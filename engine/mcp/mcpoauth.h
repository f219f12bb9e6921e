#pragma once

#include "engine/net/httpclient.h"

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <set>
#include <string>

namespace flowdeck::engine {

// What the host does for the user's part of an OAuth sign-in: where the browser comes
// back to, and showing the authorization page. The CLI opens a browser and listens on
// 127.0.0.1; the studio does the same with its own window.
struct McpOAuthHost {
    // The redirect URI to register and send (e.g. a loopback listener started now).
    std::function<std::string()> redirectUri;
    // Shows `url` to the user; calls back with the URL the browser was sent back to.
    std::function<void(const std::string &url, std::function<void(std::string redirectedTo, std::string error)>)> authorize;
    explicit operator bool() const { return redirectUri && authorize; }
};

// How this client is known to authorization servers. All optional: without a client id
// Flowdeck uses a client ID metadata document when both sides support it, else
// registers itself dynamically (RFC 7591).
struct McpOAuthClient {
    std::string clientId;           // pre-registered
    std::string clientSecret;
    std::string clientMetadataUrl;  // where Flowdeck's client ID metadata document is published
    std::string clientName = "Flowdeck";
};

// The MCP authorization flow (spec 2025-11-25, OAuth 2.1) for one server: protected
// resource metadata (RFC 9728) from the WWW-Authenticate challenge or the well-known
// paths, authorization server metadata (RFC 8414 / OpenID discovery, with the
// 2025-03-26 fallbacks), client registration, PKCE S256, the resource indicator
// (RFC 8707), the token request with the method the server supports, and step-up when
// a call needs more scopes. Use on the io_context's thread.
class McpOAuth : public std::enable_shared_from_this<McpOAuth> {
public:
    using Done = std::function<void(std::string error)>;

    McpOAuth(boost::asio::io_context &io, McpOAuthClient client, McpOAuthHost host);

    // After a 401 or 403 from `serverUrl` carrying `wwwAuthenticate`: signs in (again)
    // and calls `done` with "" once accessToken() is usable, or with a clear error.
    void authorize(const std::string &serverUrl, const std::string &wwwAuthenticate, Done done);
    const std::string &accessToken() const { return m_accessToken; }
    int attempts() const { return m_attempts; }
    // A request with the token was answered: the next refusal may sign in again.
    void succeeded() { m_attempts = 0; }

    static constexpr int kMaxAttempts = 3;  // sign-ins per server before giving up

    // Parses a WWW-Authenticate Bearer challenge into {param: value}.
    static std::map<std::string, std::string> parseChallenge(const std::string &header);

    struct Flow;

private:
    void fetchJson(const std::vector<std::string> &urls, std::size_t index,
                   std::function<void(nlohmann::json found, std::string url)> done);
    void discoverServer(std::shared_ptr<Flow> flow);
    void register_(std::shared_ptr<Flow> flow);
    void requestCode(std::shared_ptr<Flow> flow);
    void requestToken(std::shared_ptr<Flow> flow, const std::string &code);

    boost::asio::io_context &m_io;
    HttpClient m_http;
    McpOAuthClient m_client;
    McpOAuthHost m_host;
    std::string m_accessToken;
    std::shared_ptr<Flow> m_current;  // the sign-in under way; later callers wait for it
    std::set<std::string> m_scopes;  // granted so far; step-up adds to them
    int m_attempts = 0;
};

} // namespace flowdeck::engine
