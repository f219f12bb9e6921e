#pragma once

#include "runtime/serve/appstore.h"
#include "runtime/serve/httpserver.h"
#include "runtime/serve/metrics.h"
#include "runtime/serve/runhistory.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

namespace flowdeck::runtime {

struct ServeOptions {
    std::filesystem::path dataDir;
    std::string adminToken;
    std::filesystem::path webDir;  // chat.html
    std::vector<std::string> allowedOrigins;  // extra Origins for /apps/{app}/mcp beyond the server's own
    std::vector<std::string> allowedHosts;    // extra Host names when listening on loopback only
    bool loopbackOnly = true;                 // listening on 127.0.0.1 / ::1
};

// Every route of `flowdeck serve` (DESIGN.md §6): the admin API, the OpenAI-compatible
// endpoint, the run API, each app's MCP endpoint and chat page, health and metrics.
// Errors are JSON: {"error": {"message", "type"}} with the fitting status.
class ServeApi {
public:
    ServeApi(boost::asio::io_context &io, engine::HttpClient &http, const SecretBox &box, RunHistory &history,
             ServeOptions options);
    void load(const std::function<void(const std::string &)> &log) { m_apps.loadAll(log); }
    void handle(Request &request, ReplyPtr reply);
    void setDraining() { m_draining = true; }
    AppStore &apps() { return m_apps; }
    std::size_t activeRuns() const { return m_active.size(); }
    void cancelAll();  // at shutdown, the runs still going

private:
    // adminapi.cpp
    void admin(Request &request, const ReplyPtr &reply, const std::vector<std::string> &path);
    // openaiapi.cpp
    void chatCompletions(Request &request, const ReplyPtr &reply);
    void models(const Request &request, const ReplyPtr &reply);
    // runapi.cpp
    void runApi(Request &request, const ReplyPtr &reply, const std::string &app);
    // mcpendpoint.cpp
    void mcpEndpoint(Request &request, const ReplyPtr &reply, const std::string &app);
    // chatpage.cpp
    void chatPage(Request &request, const ReplyPtr &reply, const std::string &app, bool info);

    // No Origin, or one of the server's own pages, or one allowed by --allowed-origin.
    bool originAllowed(const Request &request) const;
    // An app the caller may use: found, key accepted, under its rate limit. Otherwise
    // the error is sent and nullptr returned.
    std::shared_ptr<LiveApp> authorizedApp(const Request &request, const ReplyPtr &reply, const std::string &app);
    // Starts a run of `app` that records itself in history and metrics, and is
    // cancelled if the client goes away.
    std::shared_ptr<engine::WorkflowRun> execute(const std::shared_ptr<LiveApp> &app, const std::string &api,
                                                 engine::RunOptions options, const ReplyPtr &reply,
                                                 std::function<void(const engine::WorkflowRun &)> done);

    boost::asio::io_context &m_io;
    AppStore m_apps;
    Metrics m_metrics;
    RunHistory &m_history;
    ServeOptions m_options;
    bool m_draining = false;
    struct Bucket {
        double tokens = 0;
        std::chrono::steady_clock::time_point at;
    };
    std::map<std::string, Bucket> m_buckets;  // rate limits by app
    std::map<std::string, std::shared_ptr<struct McpSessionState>> m_mcpSessions;
    void forgetMcpSessions(const std::string &app);  // mcpendpoint.cpp
    std::map<const engine::WorkflowRun *, std::shared_ptr<engine::WorkflowRun>> m_active;  // runs in progress
    std::string m_chatPage;  // chat.html, read once
};

// Helpers for the handlers.
void sendJson(const ReplyPtr &reply, unsigned status, const nlohmann::json &body, const Headers &extra = {});
void sendError(const ReplyPtr &reply, unsigned status, const std::string &message, const std::string &type,
               const Headers &extra = {});
std::string bearerToken(const Request &request);
// The HTTP status for a run that failed with `kind` (502 when a model or tool endpoint failed).
unsigned statusForRunError(engine::ErrorKind kind);

} // namespace flowdeck::runtime
