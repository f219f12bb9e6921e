#include "engine/mcp/mcpoauth.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/core/tokens.h"
#include "engine/net/urlcoding.h"

#include <algorithm>
#include <sstream>

namespace flowdeck::engine {

namespace {

std::string randomToken() { return engine::randomToken(32); }

std::string sha256Base64Url(const std::string &text) { return base64UrlEncode(sha256(text)); }

// "https://host:port" of a URL.
std::string originOf(const std::string &url)
{
    const auto scheme = url.find("://");
    const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    return url.substr(0, slash);
}

// The path of a URL without query, fragment or trailing slash ("" for the root).
std::string pathOf(const std::string &url)
{
    const std::string origin = originOf(url);
    std::string path = url.substr(origin.size());
    path = path.substr(0, path.find_first_of("?#"));
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    return path;
}

std::map<std::string, std::string> queryOf(const std::string &url)
{
    std::map<std::string, std::string> out;
    auto q = url.find('?');
    if (q == std::string::npos)
        return out;
    std::string query = url.substr(q + 1);
    query = query.substr(0, query.find('#'));
    std::stringstream in(query);
    std::string pair;
    while (std::getline(in, pair, '&')) {
        auto eq = pair.find('=');
        out[urlDecode(pair.substr(0, eq))] = eq == std::string::npos ? "" : urlDecode(pair.substr(eq + 1));
    }
    return out;
}

std::string form(const std::vector<std::pair<std::string, std::string>> &fields)
{
    std::string out;
    for (const auto &[k, v] : fields)
        out += (out.empty() ? "" : "&") + urlEncode(k) + "=" + urlEncode(v);
    return out;
}

std::string joinScopes(const std::set<std::string> &scopes)
{
    std::string out;
    for (const auto &s : scopes)
        out += (out.empty() ? "" : " ") + s;
    return out;
}

std::set<std::string> splitScopes(const std::string &text)
{
    std::set<std::string> out;
    std::stringstream in(text);
    std::string s;
    while (in >> s)
        out.insert(s);
    return out;
}

} // namespace

struct McpOAuth::Flow {
    std::string serverUrl;
    std::string resource;
    std::map<std::string, std::string> challenge;
    std::string issuer;
    nlohmann::json metadata = nlohmann::json::object();
    std::string authorizationEndpoint, tokenEndpoint, registrationEndpoint;
    std::string scope;
    std::string clientId, clientSecret, authMethod = "none";
    std::string redirectUri, verifier, state;
    std::vector<Done> waiters;

    void finish(const std::string &error)
    {
        auto w = std::move(waiters);
        waiters.clear();
        for (auto &d : w)
            d(error);
    }
};

McpOAuth::McpOAuth(boost::asio::io_context &io, McpOAuthClient client, McpOAuthHost host)
    : m_io(io), m_http(io), m_client(std::move(client)), m_host(std::move(host))
{
}

std::map<std::string, std::string> McpOAuth::parseChallenge(const std::string &header)
{
    std::map<std::string, std::string> out;
    std::size_t i = header.find(' ');  // after the scheme ("Bearer")
    if (i == std::string::npos)
        return out;
    while (i < header.size()) {
        while (i < header.size() && (header[i] == ' ' || header[i] == ','))
            ++i;
        const auto eq = header.find('=', i);
        if (eq == std::string::npos)
            break;
        std::string name = header.substr(i, eq - i);
        std::transform(name.begin(), name.end(), name.begin(), ::tolower);
        std::string value;
        i = eq + 1;
        if (i < header.size() && header[i] == '"') {
            for (++i; i < header.size() && header[i] != '"'; ++i) {
                if (header[i] == '\\' && i + 1 < header.size())
                    ++i;
                value.push_back(header[i]);
            }
            ++i;
        } else {
            const auto end = header.find(',', i);
            value = header.substr(i, end == std::string::npos ? std::string::npos : end - i);
            i = end == std::string::npos ? header.size() : end;
        }
        out[name] = value;
    }
    return out;
}

void McpOAuth::fetchJson(const std::vector<std::string> &urls, std::size_t index,
                         std::function<void(nlohmann::json, std::string)> done)
{
    if (index >= urls.size())
        return done(nullptr, {});
    HttpRequest r;
    r.url = urls[index];
    r.headers = {{"Accept", "application/json"}, {"MCP-Protocol-Version", "2025-11-25"}};
    r.timeoutMs = 15000;
    r.maxResponseBytes = 1024 * 1024;
    HttpCallbacks cb;
    cb.onComplete = [weak = weak_from_this(), urls, index, done](HttpResponse response, HttpError error) {
        auto self = weak.lock();
        if (!self)
            return;
        if (!error && response.status == 200) {
            auto j = engine::parseJson(response.body);
            if (j.is_object())
                return done(std::move(j), urls[index]);
        }
        self->fetchJson(urls, index + 1, done);
    };
    m_http.start(std::move(r), std::move(cb));
}

void McpOAuth::authorize(const std::string &serverUrl, const std::string &wwwAuthenticate, Done done)
{
    if (m_current) {
        m_current->waiters.push_back(std::move(done));
        return;
    }
    if (m_attempts >= kMaxAttempts) {
        return done("gave up after " + std::to_string(kMaxAttempts) + " sign-ins to " + serverUrl +
                    ": the server still refuses the token (" + wwwAuthenticate + ")");
    }
    if (!m_host)
        return done("the server " + serverUrl + " needs a sign-in (OAuth), which cannot be shown here; put a token "
                    "in the plugin's Authorization header, or use `flowdeck mcp tools`, which opens a browser to sign in");
    ++m_attempts;
    auto flow = std::make_shared<Flow>();
    m_current = flow;
    flow->waiters.push_back([weak = weak_from_this()](const std::string &) {
        if (auto self = weak.lock())
            self->m_current.reset();
    });
    flow->waiters.push_back(std::move(done));
    flow->serverUrl = serverUrl;
    flow->resource = originOf(serverUrl) + pathOf(serverUrl);
    flow->challenge = parseChallenge(wwwAuthenticate);
    std::set<std::string> scopes = m_scopes;
    if (flow->challenge.count("scope")) {
        for (const auto &s : splitScopes(flow->challenge["scope"]))
            scopes.insert(s);
    }
    flow->scope = joinScopes(scopes);

    std::vector<std::string> prm;
    if (flow->challenge.count("resource_metadata"))
        prm.push_back(flow->challenge["resource_metadata"]);
    const std::string origin = originOf(serverUrl), path = pathOf(serverUrl);
    if (!path.empty())
        prm.push_back(origin + "/.well-known/oauth-protected-resource" + path);
    prm.push_back(origin + "/.well-known/oauth-protected-resource");
    fetchJson(prm, 0, [weak = weak_from_this(), flow](nlohmann::json metadata, std::string) {
        auto self = weak.lock();
        if (!self)
            return;
        if (metadata.is_object()) {
            const std::string resource = engine::valueOr(metadata, "resource", "");
            const std::string normalized = originOf(resource) + pathOf(resource);
            if (!resource.empty() && flow->resource != normalized &&
                flow->resource.rfind(normalized + "/", 0) != 0)
                return flow->finish("the server " + flow->serverUrl + " says it is the resource " + resource +
                                    ", which is not its own address; Flowdeck will not sign in to it");
            if (!resource.empty())
                flow->resource = resource;
            const auto servers = engine::valueOr(metadata, "authorization_servers", nlohmann::json::array());
            if (servers.is_array() && !servers.empty() && servers[0].is_string())
                flow->issuer = servers[0];
            if (flow->scope.empty() && metadata.contains("scopes_supported") && metadata["scopes_supported"].is_array()) {
                std::string joined;
                for (const auto &s : metadata["scopes_supported"])
                    if (s.is_string())
                        joined += (joined.empty() ? "" : " ") + s.get<std::string>();
                flow->scope = joined;
            }
        }
        if (flow->issuer.empty())
            flow->issuer = originOf(flow->serverUrl);  // 2025-03-26: the MCP server's origin is the authorization server
        self->discoverServer(flow);
    });
}

void McpOAuth::discoverServer(std::shared_ptr<Flow> flow)
{
    const std::string origin = originOf(flow->issuer), path = pathOf(flow->issuer);
    std::vector<std::string> urls;
    if (path.empty()) {
        urls = {origin + "/.well-known/oauth-authorization-server", origin + "/.well-known/openid-configuration"};
    } else {
        urls = {origin + "/.well-known/oauth-authorization-server" + path, origin + "/.well-known/openid-configuration" + path,
                origin + path + "/.well-known/openid-configuration"};
    }
    fetchJson(urls, 0, [weak = weak_from_this(), flow](nlohmann::json metadata, std::string) {
        auto self = weak.lock();
        if (!self)
            return;
        const std::string base = originOf(flow->issuer) + pathOf(flow->issuer);
        if (metadata.is_object()) {
            flow->metadata = metadata;
            flow->authorizationEndpoint = engine::valueOr(metadata, "authorization_endpoint", "");
            flow->tokenEndpoint = engine::valueOr(metadata, "token_endpoint", "");
            flow->registrationEndpoint = engine::valueOr(metadata, "registration_endpoint", "");
            const auto methods = engine::valueOr(metadata, "code_challenge_methods_supported", nlohmann::json::array());
            if (metadata.contains("code_challenge_methods_supported") &&
                std::find(methods.begin(), methods.end(), "S256") == methods.end())
                return flow->finish("the authorization server " + flow->issuer +
                                    " does not support PKCE with S256, which MCP requires");
        } else {  // 2025-03-26 fallback: the default endpoints
            flow->authorizationEndpoint = base + "/authorize";
            flow->tokenEndpoint = base + "/token";
            flow->registrationEndpoint = base + "/register";
        }
        if (flow->authorizationEndpoint.empty() || flow->tokenEndpoint.empty())
            return flow->finish("the authorization server " + flow->issuer + " publishes no authorization or token endpoint");
        flow->redirectUri = self->m_host.redirectUri();
        self->register_(flow);
    });
}

void McpOAuth::register_(std::shared_ptr<Flow> flow)
{
    const nlohmann::json supported = engine::valueOr(flow->metadata, "token_endpoint_auth_methods_supported",
                                                          nlohmann::json::array({"client_secret_basic"}));
    auto supports = [&](const char *m) { return std::find(supported.begin(), supported.end(), m) != supported.end(); };
    if (!m_client.clientId.empty()) {
        flow->clientId = m_client.clientId;
        flow->clientSecret = m_client.clientSecret;
        flow->authMethod = flow->clientSecret.empty() ? "none"
                           : supports("client_secret_basic") || !supports("client_secret_post") ? "client_secret_basic"
                                                                                                 : "client_secret_post";
        return requestCode(flow);
    }
    if (engine::valueOr(flow->metadata, "client_id_metadata_document_supported", false) && !m_client.clientMetadataUrl.empty()) {
        flow->clientId = m_client.clientMetadataUrl;
        flow->authMethod = "none";
        return requestCode(flow);
    }
    if (flow->registrationEndpoint.empty())
        return flow->finish("the authorization server " + flow->issuer +
                            " does not let clients register themselves; ask its owner for a client id and set it in "
                            "the plugin's settings");
    std::string method = "none";
    for (const char *m : {"none", "client_secret_basic", "client_secret_post"})
        if (supports(m)) {
            method = m;
            break;
        }
    nlohmann::json body = {{"client_name", m_client.clientName},
                           {"redirect_uris", {flow->redirectUri}},
                           {"grant_types", {"authorization_code", "refresh_token"}},
                           {"response_types", {"code"}},
                           {"token_endpoint_auth_method", method}};
    if (!flow->scope.empty())
        body["scope"] = flow->scope;
    HttpRequest r;
    r.method = "POST";
    r.url = flow->registrationEndpoint;
    r.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    r.body = body.dump();
    r.timeoutMs = 15000;
    HttpCallbacks cb;
    cb.onComplete = [weak = weak_from_this(), flow, method](HttpResponse response, HttpError error) {
        auto self = weak.lock();
        if (!self)
            return;
        const auto j = engine::parseJson(response.body);
        if (error || response.status / 100 != 2 || !j.is_object() || !j.contains("client_id"))
            return flow->finish("could not register Flowdeck with " + flow->registrationEndpoint + ": " +
                                (error ? error.message : "HTTP " + std::to_string(response.status) + " " + response.body.substr(0, 200)));
        flow->clientId = engine::valueOr(j, "client_id", "");
        flow->clientSecret = engine::valueOr(j, "client_secret", "");
        flow->authMethod = engine::valueOr(j, "token_endpoint_auth_method", flow->clientSecret.empty() ? std::string("none") : method);
        if (flow->authMethod == "none" && !flow->clientSecret.empty())
            flow->authMethod = "client_secret_basic";
        self->requestCode(flow);
    };
    m_http.start(std::move(r), std::move(cb));
}

void McpOAuth::requestCode(std::shared_ptr<Flow> flow)
{
    flow->verifier = randomToken() + randomToken().substr(0, 20);
    flow->state = randomToken();
    std::vector<std::pair<std::string, std::string>> q = {{"response_type", "code"},
                                                          {"client_id", flow->clientId},
                                                          {"redirect_uri", flow->redirectUri},
                                                          {"state", flow->state},
                                                          {"code_challenge", sha256Base64Url(flow->verifier)},
                                                          {"code_challenge_method", "S256"},
                                                          {"resource", flow->resource}};
    if (!flow->scope.empty())
        q.emplace_back("scope", flow->scope);
    const std::string url =
        flow->authorizationEndpoint + (flow->authorizationEndpoint.find('?') == std::string::npos ? "?" : "&") + form(q);
    m_host.authorize(url, [weak = weak_from_this(), flow](std::string redirected, std::string error) {
        auto self = weak.lock();
        if (!self)
            return;
        if (!error.empty())
            return flow->finish("the sign-in did not finish: " + error);
        auto params = queryOf(redirected);
        if (params.count("error"))
            return flow->finish("the authorization server refused the sign-in: " + params["error"] +
                                (params.count("error_description") ? " (" + params["error_description"] + ")" : ""));
        if (params["state"] != flow->state)
            return flow->finish("the sign-in came back with a different state, so it was ignored (a possible forgery)");
        if (params["code"].empty())
            return flow->finish("the sign-in came back without an authorization code");
        self->requestToken(flow, params["code"]);
    });
}

void McpOAuth::requestToken(std::shared_ptr<Flow> flow, const std::string &code)
{
    std::vector<std::pair<std::string, std::string>> fields = {{"grant_type", "authorization_code"},
                                                               {"code", code},
                                                               {"redirect_uri", flow->redirectUri},
                                                               {"code_verifier", flow->verifier},
                                                               {"resource", flow->resource}};
    HttpRequest r;
    r.method = "POST";
    r.url = flow->tokenEndpoint;
    r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    r.timeoutMs = 15000;
    if (flow->authMethod == "client_secret_basic") {
        const std::string pair = urlEncode(flow->clientId) + ":" + urlEncode(flow->clientSecret);
        r.headers.emplace_back("Authorization",
                               "Basic " + base64Encode(pair));
    } else {
        fields.emplace_back("client_id", flow->clientId);
        if (flow->authMethod == "client_secret_post")
            fields.emplace_back("client_secret", flow->clientSecret);
    }
    r.body = form(fields);
    HttpCallbacks cb;
    cb.onComplete = [weak = weak_from_this(), flow](HttpResponse response, HttpError error) {
        auto self = weak.lock();
        if (!self)
            return;
        const auto j = engine::parseJson(response.body);
        if (error || response.status != 200 || !j.is_object() || !j.contains("access_token"))
            return flow->finish("the token request to " + flow->tokenEndpoint + " failed: " +
                                (error ? error.message
                                       : "HTTP " + std::to_string(response.status) +
                                             (j.is_object() ? " " + engine::valueOr(j, "error", "") + " " + engine::valueOr(j, "error_description", "")
                                                            : std::string())));
        self->m_accessToken = engine::valueOr(j, "access_token", "");
        for (const auto &s : splitScopes(engine::valueOr(j, "scope", flow->scope)))
            self->m_scopes.insert(s);
        flow->finish({});
    };
    m_http.start(std::move(r), std::move(cb));
}

} // namespace flowdeck::engine
