#include "runtime/serve/serveapi.h"

#include <chrono>

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

ServeApi::ServeApi(boost::asio::io_context &io, engine::HttpClient &http, const SecretBox &box, RunHistory &history,
                   ServeOptions options)
    : m_ctx(io, http, box, history, std::move(options))
{
}

bool ServeApi::takesFiles(const Request &header)
{
    if (header.method() != http::verb::post)
        return false;
    const auto path = splitPath(header.target());
    return (path.size() == 4 && path[0] == "v1" && path[1] == "apps" && path[3] == "run") ||
           (path.size() == 3 && path[0] == "v1" && path[1] == "chat" && path[2] == "completions");
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
        app = at(2), route = at(3) == "forms" ? "forms" : "run";
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
    if (!app.empty() && !m_ctx.apps().find(app))
        app.clear();  // no label per unknown name
    auto metered = std::make_shared<MeteredReply>(std::move(reply), m_ctx.metrics(), app, route);
    const ReplyPtr &r = metered;

    if (path.size() == 1 && m_probes.handle(at(0), request, r))
        return;
    if (at(0) == "admin" && at(1) == "v1")
        return m_admin.handle(request, r, path);
    // A web page from another site may not call apps through a visitor's browser (a
    // public app on a developer's machine, a DNS-rebinding page): a foreign Origin is refused.
    if ((at(0) == "v1" || at(0) == "apps") && !m_ctx.originAllowed(request))
        return sendError(r, 403, "Requests from the web origin '" + std::string(request[boost::beast::http::field::origin]) +
                                     "' are not allowed; start the runtime with --allowed-origin to allow it.",
                         "forbidden");
    if (path.size() == 3 && at(0) == "v1" && at(1) == "chat" && at(2) == "completions") {
        if (method != http::verb::post)
            return sendError(r, 405, "Use POST for /v1/chat/completions.", "method_not_allowed", {{"Allow", "POST"}});
        return m_openai.chatCompletions(request, r);
    }
    if (path.size() == 2 && at(0) == "v1" && at(1) == "models")
        return m_openai.models(request, r);
    if (path.size() == 4 && at(0) == "v1" && at(1) == "apps" && at(3) == "run") {
        if (method != http::verb::post)
            return sendError(r, 405, "Use POST for the run API.", "method_not_allowed", {{"Allow", "POST"}});
        return m_run.handle(request, r, at(2));
    }
    if (path.size() == 5 && at(0) == "v1" && at(1) == "apps" && at(3) == "forms")
        return m_forms.handle(request, r, at(2), at(4));
    if (path.size() == 6 && at(0) == "v1" && at(1) == "apps" && at(3) == "sources") {
        if (method != http::verb::get)
            return sendError(r, 405, "Use GET for a source passage.", "method_not_allowed", {{"Allow", "GET"}});
        return m_run.source(request, r, at(2), at(4), at(5));
    }
    if (path.size() == 3 && at(0) == "apps" && at(2) == "mcp")
        return m_mcp.handle(request, r, at(1));
    if (at(0) == "apps" && at(2) == "chat" && (path.size() == 3 || (path.size() == 4 && at(3) == "info")))
        return m_chat.handle(request, r, at(1), path.size() == 4);
    sendError(r, 404, "There is nothing at " + std::string(request.target()) + ".", "not_found");
}

} // namespace flowdeck::runtime
