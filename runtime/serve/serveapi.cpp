#include "runtime/serve/serveapi.h"

#include <boost/asio/post.hpp>

#include <cmath>
#include <cstdio>
#include <ctime>

namespace flowdeck::runtime {

namespace http = boost::beast::http;

namespace {

// Counts a reply in the metrics when it is complete.
class MeteredReply : public Reply {
public:
    MeteredReply(ReplyPtr inner, Metrics &metrics, std::string app, std::string route)
        : m_inner(std::move(inner)), m_metrics(metrics), m_app(std::move(app)), m_route(std::move(route)),
          m_start(std::chrono::steady_clock::now())
    {
    }
    void send(unsigned status, std::string_view type, std::string body, const Headers &extra) override
    {
        m_inner->send(status, type, std::move(body), extra);
        count(status);
    }
    void begin(unsigned status, std::string_view type, const Headers &extra) override
    {
        m_status = status;
        m_inner->begin(status, type, extra);
    }
    void write(std::string piece) override { m_inner->write(std::move(piece)); }
    void end() override
    {
        m_inner->end();
        count(m_status);
    }
    bool closed() const override { return m_inner->closed(); }
    void onClose(std::function<void()> callback) override { m_inner->onClose(std::move(callback)); }
    const std::string &peer() const override { return m_inner->peer(); }
    void tagApp(const std::string &app) override { m_app = app; }

private:
    void count(unsigned status)
    {
        if (m_counted)
            return;
        m_counted = true;
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - m_start;
        m_metrics.request(m_app, m_route, status, took.count());
    }
    ReplyPtr m_inner;
    Metrics &m_metrics;
    std::string m_app, m_route;
    std::chrono::steady_clock::time_point m_start;
    unsigned m_status = 200;
    bool m_counted = false;
};

std::vector<std::string> splitPath(std::string_view target)
{
    target = target.substr(0, target.find('?'));
    std::vector<std::string> parts;
    std::size_t at = 0;
    while (at < target.size()) {
        const std::size_t slash = target.find('/', at);
        const std::size_t end = slash == std::string_view::npos ? target.size() : slash;
        if (end > at)
            parts.emplace_back(target.substr(at, end - at));
        at = end + 1;
    }
    return parts;
}

} // namespace

void sendJson(const ReplyPtr &reply, unsigned status, const nlohmann::json &body, const Headers &extra)
{
    reply->send(status, "application/json", body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), extra);
}

void sendError(const ReplyPtr &reply, unsigned status, const std::string &message, const std::string &type, const Headers &extra)
{
    sendJson(reply, status, {{"error", {{"message", message}, {"type", type}, {"code", status}}}}, extra);
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

ServeApi::ServeApi(boost::asio::io_context &io, engine::HttpClient &http, const SecretBox &box, RunHistory &history,
                   ServeOptions options)
    : m_io(io), m_apps(io, http, box, options.dataDir), m_history(history), m_options(std::move(options))
{
}

void ServeApi::handle(Request &request, ReplyPtr reply)
{
    const auto path = splitPath(request.target());
    const auto method = request.method();
    const auto at = [&](std::size_t i) -> const std::string & {
        static const std::string none;
        return i < path.size() ? path[i] : none;
    };
    // Which app and route a request counts for in /metrics.
    // Only known names become labels, so callers cannot grow the metrics without bound.
    std::string app, route = "other";
    if (at(0) == "v1" && at(1) == "apps")
        app = at(2), route = "run";
    else if (at(0) == "apps" && (at(2) == "mcp" || at(2) == "chat"))
        app = at(1), route = at(2);
    else if (at(0) == "v1" && at(1) == "chat")
        route = "chat_completions";
    else if (at(0) == "v1" && at(1) == "models")
        route = "models";
    else if (at(0) == "admin")
        route = "admin";
    else if (path.size() == 1 && (at(0) == "healthz" || at(0) == "readyz" || at(0) == "metrics"))
        route = at(0);
    if (!app.empty() && !m_apps.find(app))
        app.clear();  // no label per unknown name
    auto metered = std::make_shared<MeteredReply>(std::move(reply), m_metrics, app, route);
    const ReplyPtr &r = metered;

    if (path.size() == 1 && at(0) == "healthz")
        return sendJson(r, 200, {{"status", "ok"}});
    if (path.size() == 1 && at(0) == "readyz")
        return m_draining ? sendJson(r, 503, {{"status", "draining"}}) : sendJson(r, 200, {{"status", "ready"}, {"apps", m_apps.names().size()}});
    if (path.size() == 1 && at(0) == "metrics") {
        m_metrics.setGauge("flowdeck_apps", static_cast<double>(m_apps.names().size()));
        return r->send(200, "text/plain; version=0.0.4", m_metrics.text());
    }
    if (at(0) == "admin" && at(1) == "v1")
        return admin(request, r, path);
    // A web page from another site may not call apps through a visitor's browser (a
    // public app on a developer's machine, a DNS-rebinding page): a foreign Origin is refused.
    if ((at(0) == "v1" || at(0) == "apps") && !originAllowed(request))
        return sendError(r, 403, "Requests from the web origin '" + std::string(request[boost::beast::http::field::origin]) +
                                     "' are not allowed; start the runtime with --allowed-origin to allow it.",
                         "forbidden");
    if (path.size() == 3 && at(0) == "v1" && at(1) == "chat" && at(2) == "completions") {
        if (method != http::verb::post)
            return sendError(r, 405, "Use POST for /v1/chat/completions.", "method_not_allowed", {{"Allow", "POST"}});
        return chatCompletions(request, r);
    }
    if (path.size() == 2 && at(0) == "v1" && at(1) == "models")
        return models(request, r);
    if (path.size() == 4 && at(0) == "v1" && at(1) == "apps" && at(3) == "run") {
        if (method != http::verb::post)
            return sendError(r, 405, "Use POST for the run API.", "method_not_allowed", {{"Allow", "POST"}});
        return runApi(request, r, at(2));
    }
    if (path.size() == 3 && at(0) == "apps" && at(2) == "mcp")
        return mcpEndpoint(request, r, at(1));
    if (at(0) == "apps" && at(2) == "chat" && (path.size() == 3 || (path.size() == 4 && at(3) == "info")))
        return chatPage(request, r, at(1), path.size() == 4);
    sendError(r, 404, "There is nothing at " + std::string(request.target()) + ".", "not_found");
}

bool ServeApi::originAllowed(const Request &request) const
{
    const auto origin = request.find(http::field::origin);
    if (origin == request.end())
        return true;  // not a browser, or a same-origin GET
    const std::string value(origin->value());
    if (std::find(m_options.allowedOrigins.begin(), m_options.allowedOrigins.end(), value) != m_options.allowedOrigins.end())
        return true;
    const auto host = request.find(http::field::host);
    if (host == request.end())
        return false;
    // The server's own pages (the chat page) come from http://<Host>; on a loopback server
    // the Host itself must be a loopback name, which a rebinding page cannot give.
    const std::string own = "http://" + std::string(host->value());
    if (value != own)
        return false;
    if (!m_options.loopbackOnly)
        return m_options.allowedHosts.empty() ||
               std::find(m_options.allowedHosts.begin(), m_options.allowedHosts.end(),
                         std::string(host->value()).substr(0, std::string(host->value()).rfind(':'))) != m_options.allowedHosts.end();
    const std::string name = std::string(host->value()).substr(0, std::string(host->value()).rfind(':'));
    return name == "127.0.0.1" || name == "localhost" || name == "[::1]" ||
           std::find(m_options.allowedHosts.begin(), m_options.allowedHosts.end(), name) != m_options.allowedHosts.end();
}

void ServeApi::cancelAll()
{
    for (auto &[key, run] : m_active)
        run->cancel();
}

std::shared_ptr<LiveApp> ServeApi::authorizedApp(const Request &request, const ReplyPtr &reply, const std::string &name)
{
    auto app = m_apps.find(name);
    if (!app) {
        sendError(reply, 404, "There is no app named '" + name + "' on this runtime.", "not_found");
        return nullptr;
    }
    reply->tagApp(name);
    if (!app->settings().publicAccess) {
        const std::string key = bearerToken(request);
        if (key.empty()) {
            sendError(reply, 401, "This app needs an API key: send it as 'Authorization: Bearer <key>'.", "unauthorized",
                      {{"WWW-Authenticate", "Bearer"}});
            return nullptr;
        }
        if (!m_apps.keyAllowed(name, key)) {
            for (const auto &other : m_apps.names())
                if (m_apps.keyAllowed(other, key)) {
                    sendError(reply, 403, "This API key belongs to another app; it cannot call '" + name + "'.", "forbidden");
                    return nullptr;
                }
            sendError(reply, 401, "The API key is not valid for '" + name + "' (wrong or revoked).", "unauthorized",
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
            sendError(reply, 429, "'" + name + "' allows " + std::to_string(limit) + " requests a minute; try again in " +
                                      std::to_string(wait) + " s.",
                      "rate_limited", {{"Retry-After", std::to_string(wait)}});
            return nullptr;
        }
        b.tokens -= 1;
    }
    return app;
}

std::shared_ptr<engine::WorkflowRun> ServeApi::execute(const std::shared_ptr<LiveApp> &app, const std::string &api,
                                                       engine::RunOptions options, const ReplyPtr &reply,
                                                       std::function<void(const engine::WorkflowRun &)> done)
{
    auto record = std::make_shared<RunRecord>();
    record->app = app->name();
    record->version = app->version();
    record->api = api;
    record->startedAt = nowIso();
    record->inputs = app->redact(nlohmann::json{{"inputs", options.inputs}, {"query", options.sys.value("query", "")}}.dump());
    auto sink = std::move(options.onEvent);
    options.onEvent = [this, app, sink](const engine::RunEvent &event) {
        if (event.type == engine::RunEventType::NodeFailed)
            m_metrics.nodeFailure(app->name(), event.nodeType);
        if (sink)
            sink(event);
    };
    auto run = app->startRun(std::move(options), [this, app, record, done = std::move(done)](const engine::WorkflowRun &run) {
        record->runId = run.id();
        record->status = engine::runStatusName(run.status());
        record->elapsedMs = run.elapsedMs();
        record->promptTokens = run.usage().promptTokens;
        record->completionTokens = run.usage().completionTokens;
        if (run.status() != engine::RunStatus::Succeeded) {
            record->errorKind = engine::errorKindName(run.errorKind());
            record->error = app->redact(run.error());
            record->failedNode = run.failedNode();
        }
        std::string outputs = app->redact(nlohmann::json{{"outputs", run.outputs()}, {"answer", run.answer()}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace));
        if (outputs.size() > 64 * 1024)
            outputs = nlohmann::json{{"truncated", outputs.substr(0, 64 * 1024)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        record->outputs = std::move(outputs);
        m_metrics.run(app->name(), record->status);
        m_metrics.tokens(app->name(), record->promptTokens, record->completionTokens);
        m_history.record(std::move(*record));
        try {
            done(run);
        } catch (const std::exception &e) {  // an answer that cannot be made must not take the server down
            std::fprintf(stderr, "flowdeck serve: the answer for a run of '%s' failed: %s\n", app->name().c_str(), e.what());
        }
        const engine::WorkflowRun *key = &run;
        boost::asio::post(m_io, [this, key] { m_active.erase(key); });  // not while it is still finishing
    });
    m_active[run.get()] = run;
    std::weak_ptr<engine::WorkflowRun> weak = run;
    reply->onClose([weak] {
        if (auto r = weak.lock())
            r->cancel();  // the client went away: stop spending tokens on it
    });
    return run;
}

} // namespace flowdeck::runtime
