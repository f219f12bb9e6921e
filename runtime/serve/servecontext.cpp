#include "runtime/serve/servecontext.h"
#include "engine/conversation/conversationstore.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/messages.h"
#include "engine/workflow/localized.h"

#include "runtime/serve/errorbody.h"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace flowdeck::runtime {

namespace http = boost::beast::http;

namespace {

bool isLoopbackName(const std::string &name) { return name == "127.0.0.1" || name == "localhost" || name == "[::1]"; }

bool listed(const std::vector<std::string> &list, const std::string &value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string header(const Request &request, http::field field)
{
    const auto it = request.find(field);
    return it == request.end() ? std::string() : std::string(it->value());
}

} // namespace

void sendJson(const ReplyPtr &reply, unsigned status, const nlohmann::json &body, const Headers &extra)
{
    reply->send(status, "application/json", engine::safeDump(body, -1), extra);
}

void sendError(const ReplyPtr &reply, unsigned status, const std::string &message, const std::string &type, const Headers &extra)
{
    sendJson(reply, status, errorBody(status, message, type), extra);
}

std::string requestLanguage(const Request &request)
{
    const auto it = request.find(http::field::accept_language);
    if (it == request.end())
        return {};
    return engine::languageFromAcceptLanguage(std::string_view(it->value().data(), it->value().size()));
}

std::string userMessage(const Request &request, std::string_view id, const std::vector<std::string> &args,
                        const std::string &english)
{
    const std::string language = requestLanguage(request);
    return language.empty() ? english : engine::localizedText(id, language, args, english);
}

std::string bearerToken(const Request &request)
{
    const auto it = request.find(http::field::authorization);
    if (it == request.end())
        return {};
    const std::string_view value(it->value().data(), it->value().size());
    if (value.size() > 7 && (value.substr(0, 7) == "Bearer " || value.substr(0, 7) == "bearer "))
        return std::string(value.substr(7));
    return {};
}

unsigned statusForRunError(engine::ErrorKind kind)
{
    using engine::ErrorKind;
    switch (kind) {
    case ErrorKind::InvalidInput: return 400;
    case ErrorKind::Limit: return 400;
    case ErrorKind::Timeout:
    case ErrorKind::Auth:
    case ErrorKind::NotFound:
    case ErrorKind::RateLimited:
    case ErrorKind::Network:
    case ErrorKind::Upstream:
    case ErrorKind::Blocked: return 502;
    default: return 500;
    }
}

std::string hostName(std::string_view hostAndPort)
{
    if (!hostAndPort.empty() && hostAndPort[0] == '[') {
        const auto close = hostAndPort.find(']');
        return std::string(close == std::string_view::npos ? hostAndPort : hostAndPort.substr(0, close + 1));
    }
    return std::string(hostAndPort.substr(0, hostAndPort.find(':')));
}

namespace {

// Every app runs on a deployed runtime's run host, sharing the server's HTTP client.
engine::RunHostSetup appHostSetup(engine::HttpClient &http, const ServeOptions &options)
{
    engine::RunHostSetup setup;
    setup.kind = engine::HostKind::DeployedRuntime;
    setup.sharedHttp = &http;
    if (options.allowPrivateNetwork)
        setup.allowPrivateNetwork = true;
    setup.allowedAddresses = options.allowedAddresses;
    return setup;
}

} // namespace

ServeContext::ServeContext(boost::asio::io_context &io, engine::HttpClient &http, const SecretBox &box, RunHistory &history,
                           ServeOptions options)
    : m_io(io), m_apps(io, appHostSetup(http, options), box, options.dataDir), m_history(history),
      m_options(std::move(options)), m_paused(io), m_uploads(m_options.dataDir)
{
    // Conversation variables and paused runs live in the data folder; apps read files only
    // from the runs' uploads, and those of runs that are not paused are leftovers of runs a
    // stop cut short.
    auto conversations = std::make_shared<engine::SqliteConversationStore>((m_options.dataDir / "conversations.sqlite").string());
    if (!conversations->error().empty())
        std::fprintf(stderr, "flowdeck serve: conversation variables are kept for one run only: %s\n",
                     conversations->error().c_str());
    m_apps.setRuntimeServices(std::move(conversations), {m_uploads.root().string()});
    std::string error;
    if (!m_paused.open(m_options.dataDir / "paused-runs.sqlite", error))
        std::fprintf(stderr, "flowdeck serve: runs cannot pause for human input: %s\n", error.c_str());
    m_uploads.keepOnly(m_paused.runIds());
    onAppRemoved([this](const std::string &app) {
        m_paused.forgetApp(app, [this](std::vector<std::string> runs) {
            for (const auto &run : runs)
                m_uploads.discard(run);
        });
    });
}

bool ServeContext::isAdmin(const std::string &token) const
{
    return !token.empty() && constantTimeEqual(token, m_options.adminToken);
}

bool ServeContext::hostAllowed(const Request &request) const
{
    if (!m_options.loopbackOnly)
        return true;
    const std::string name = hostName(header(request, http::field::host));
    return isLoopbackName(name) || listed(m_options.allowedHosts, name);
}

bool ServeContext::originAllowed(const Request &request) const
{
    const auto origin = request.find(http::field::origin);
    if (origin == request.end())
        return true;  // not a browser, or a same-origin GET
    const std::string value(origin->value());
    if (listed(m_options.allowedOrigins, value))
        return true;
    const std::string host = header(request, http::field::host);
    if (host.empty())
        return false;
    // The server's own pages (the chat page) come from http://<Host>; on a loopback server
    // the Host itself must be a loopback name, which a rebinding page cannot give.
    if (value != "http://" + host)
        return false;
    const std::string name = hostName(host);
    if (!m_options.loopbackOnly)
        return m_options.allowedHosts.empty() || listed(m_options.allowedHosts, name);
    return isLoopbackName(name) || listed(m_options.allowedHosts, name);
}

void ServeContext::cancelAll()
{
    for (auto &[key, run] : m_active)
        run->cancel();
}

void ServeContext::onAppRemoved(std::function<void(const std::string &)> listener)
{
    m_removedListeners.push_back(std::move(listener));
}

void ServeContext::appRemoved(const std::string &app)
{
    for (const auto &listener : m_removedListeners)
        listener(app);
}

std::shared_ptr<LiveApp> ServeContext::authorizedApp(const Request &request, const ReplyPtr &reply, const std::string &name)
{
    auto app = m_apps.find(name);
    if (!app) {
        sendError(reply, 404, userMessage(request, "http.no-app", {name}, "There is no app named '" + name + "' on this runtime."),
                  "not_found");
        return nullptr;
    }
    reply->tagApp(name);
    if (!app->settings().publicAccess) {
        const std::string key = bearerToken(request);
        if (key.empty()) {
            sendError(reply, 401,
                      userMessage(request, "http.needs-key", {},
                                  "This app needs an API key: send it as 'Authorization: Bearer <key>'."),
                      "unauthorized",
                      {{"WWW-Authenticate", "Bearer"}});
            return nullptr;
        }
        if (!m_apps.keyAllowed(name, key)) {
            // The same answer whether the key is wrong, revoked or another app's: a caller
            // learns nothing about keys it does not hold.
            sendError(reply, 401,
                      userMessage(request, "http.bad-key", {name}, "The API key is not valid for '" + name + "' (wrong or revoked)."),
                      "unauthorized",
                      {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}});
            return nullptr;
        }
    }
    if (const int limit = app->settings().rateLimitPerMinute; limit > 0) {
        // A token bucket per app: `limit` requests a minute, bursts up to `limit`.
        Bucket &b = m_buckets[name];
        const auto now = std::chrono::steady_clock::now();
        if (b.at.time_since_epoch().count() == 0)
            b.tokens = limit;
        else
            b.tokens = std::min<double>(limit, b.tokens + std::chrono::duration<double>(now - b.at).count() * limit / 60.0);
        b.at = now;
        if (b.tokens < 1) {
            const int wait = static_cast<int>(std::ceil((1 - b.tokens) * 60.0 / limit));
            sendError(reply, 429,
                      userMessage(request, "http.rate-limited", {name, std::to_string(limit), std::to_string(wait)},
                                  "'" + name + "' allows " + std::to_string(limit) + " requests a minute; try again in " +
                                      std::to_string(wait) + " s."),
                      "rate_limited", {{"Retry-After", std::to_string(wait)}});
            return nullptr;
        }
        b.tokens -= 1;
    }
    return app;
}

} // namespace flowdeck::runtime
