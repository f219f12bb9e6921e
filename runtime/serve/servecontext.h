#pragma once

#include "engine/net/addressallowlist.h"
#include "runtime/serve/appstore.h"
#include "runtime/serve/httpserver.h"
#include "runtime/serve/metrics.h"
#include "runtime/serve/pausedruns.h"
#include "runtime/serve/runhistory.h"
#include "runtime/serve/uploads.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::runtime {

struct ServeOptions {
    std::filesystem::path dataDir;
    std::string adminToken;
    std::filesystem::path webDir;  // chat.html
    std::vector<std::string> allowedOrigins;  // extra Origins for /apps/{app}/mcp beyond the server's own
    std::vector<std::string> allowedHosts;    // extra Host names when listening on loopback only
    bool loopbackOnly = true;                 // listening on 127.0.0.1 / ::1
    // http nodes of deployed apps may reach loopback, private and metadata addresses
    // (--allow-private-network); off, as the deployed runtime's run host policy says.
    bool allowPrivateNetwork = false;
    // Private addresses they may reach all the same (--allow-address, repeatable).
    std::shared_ptr<const engine::AddressAllowList> allowedAddresses;
};

// What a run that paused for human input left for its answer (see ServeContext::pauseOf).
struct PauseInfo {
    std::vector<std::string> tokens;
    nlohmann::json forms = nlohmann::json::array();  // [{token, form, deadlineMs}], as human_input_required says
    std::string error;  // the paused run could not be kept (the run was cancelled): answer 500 with it
};

// A kept paused run going on: rebuilt from its snapshot, its forms answered by token.
struct Resumption {
    PausedRun stored;
    std::vector<std::pair<std::string, engine::HumanResponse>> answers;
};

// A new run id ("run-" and 32 hex digits), for a run whose files are stored before it starts.
std::string newRunId();

// What every surface of `flowdeck serve` shares: the apps, metrics and history, who may
// call (admin token, app keys, rate limits, Host and Origin), and the runs in progress.
class ServeContext {
public:
    ServeContext(boost::asio::io_context &io, engine::HttpClient &http, const SecretBox &box, RunHistory &history,
                 ServeOptions options);

    boost::asio::io_context &io() { return m_io; }
    AppStore &apps() { return m_apps; }
    Metrics &metrics() { return m_metrics; }
    RunHistory &history() { return m_history; }
    const ServeOptions &options() const { return m_options; }
    bool draining() const { return m_draining; }
    void setDraining() { m_draining = true; }

    // The admin token, compared in constant time.
    bool isAdmin(const std::string &token) const;
    // On a loopback-only server, the Host must be a loopback name or one given with
    // --allowed-host, which a DNS-rebinding page cannot send.
    bool hostAllowed(const Request &request) const;
    // No Origin, or the server's own pages (on an allowed Host), or one allowed by --allowed-origin.
    bool originAllowed(const Request &request) const;
    // An app the caller may use: found, key accepted, under its rate limit. Otherwise
    // the error is sent and nullptr returned.
    std::shared_ptr<LiveApp> authorizedApp(const Request &request, const ReplyPtr &reply, const std::string &app);
    // Starts a run of `app` that records itself in history and metrics, and is
    // cancelled if the client goes away.
    // A run that pauses for human input is kept (paused()) and ends with status Paused;
    // `done` then finds its forms with pauseOf(). `reply` may be null (a background run).
    std::shared_ptr<engine::WorkflowRun> execute(const std::shared_ptr<LiveApp> &app, const std::string &api,
                                                 engine::RunOptions options, const ReplyPtr &reply,
                                                 std::function<void(const engine::WorkflowRun &)> done);
    // Goes on with a kept run on `app` (the version it paused in), as execute() runs a new
    // one; nullptr and `error` (a sentence) when its snapshot does not fit the workflow.
    std::shared_ptr<engine::WorkflowRun> resume(const std::shared_ptr<LiveApp> &app, Resumption resumption,
                                                engine::RunOptions options, const ReplyPtr &reply,
                                                std::function<void(const engine::WorkflowRun &)> done, std::string &error);
    // What a run that ended Paused waits for (or why it could not be kept); valid inside
    // its `done`; nullptr for a run that did not pause.
    const PauseInfo *pauseOf(const engine::WorkflowRun &run) const;
    std::set<std::string> liveRunIds() const;  // the runs going on in this process
    PausedRuns &paused() { return m_paused; }
    const Uploads &uploads() const { return m_uploads; }
    std::size_t activeRuns() const { return m_active.size(); }
    void cancelAll();  // at shutdown, the runs still going

    // Surfaces that keep per-app state (MCP sessions) forget it when an app is removed.
    void onAppRemoved(std::function<void(const std::string &)> listener);
    void appRemoved(const std::string &app);

private:
    struct RunState;
    std::shared_ptr<engine::WorkflowRun> launch(const std::shared_ptr<LiveApp> &app, const std::string &api,
                                                engine::RunOptions options, const ReplyPtr &reply,
                                                std::function<void(const engine::WorkflowRun &)> done,
                                                const Resumption *resumption, std::string *error);
    void keepPaused(const std::shared_ptr<LiveApp> &app, const std::shared_ptr<RunState> &state, const engine::RunEvent &event);

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
    std::map<const engine::WorkflowRun *, std::shared_ptr<engine::WorkflowRun>> m_active;  // runs in progress
    std::map<const engine::WorkflowRun *, std::shared_ptr<RunState>> m_states;             // and what they keep
    PausedRuns m_paused;
    Uploads m_uploads;
    std::vector<std::function<void(const std::string &)>> m_removedListeners;
};

// Replies. Every error body has one shape (errorbody.h).
void sendJson(const ReplyPtr &reply, unsigned status, const nlohmann::json &body, const Headers &extra = {});
void sendError(const ReplyPtr &reply, unsigned status, const std::string &message, const std::string &type,
               const Headers &extra = {});
std::string bearerToken(const Request &request);
// A sentence a person reads (a chat page's error), in the language the request's
// Accept-Language prefers: the engine's catalog text for `id` (core/messages.h), else `english`.
std::string userMessage(const Request &request, std::string_view id, const std::vector<std::string> &args,
                        const std::string &english);
// The language the request's Accept-Language prefers ("" without one), for run errors:
// engine::localizedSentence(run.error(), requestLanguage(request)).
std::string requestLanguage(const Request &request);
// The HTTP status for a run that failed with `kind` (502 when a model or tool endpoint failed).
unsigned statusForRunError(engine::ErrorKind kind);
// The host name of a Host header or an origin's authority: "example.com:8080" ->
// "example.com", "[::1]:8080" -> "[::1]", "[::1]" -> "[::1]".
std::string hostName(std::string_view hostAndPort);

} // namespace flowdeck::runtime
