#pragma once

#include "runtime/serve/diskworker.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

struct sqlite3;

namespace flowdeck::runtime {

// A run that waits for people to answer its forms (human nodes), kept until one is answered.
struct PausedRun {
    std::string runId, app, api, startedAt, pausedAt;
    int version = 0;           // the app version it ran on: it goes on with the same one
    double elapsedMs = 0;      // how long it ran before it paused
    std::int64_t deadlineMs = 0;  // the earliest time limit of its forms (ms since epoch); 0: none
    std::string inputs;        // what the run history records as its inputs (redacted JSON text)
    nlohmann::json usage = nlohmann::json::object();  // tokens spent before the pause
    nlohmann::json snapshot;   // engine::WorkflowRun's, to restore it
    // [{token, form, deadlineMs}]: the forms waiting, each answered by its token.
    nlohmann::json forms = nlohmann::json::array();
};

// The paused runs of every app, in SQLite (<data>/paused-runs.sqlite, WAL), so a paused
// run survives a restart. The database is used only by a thread of its own; answers come
// back on the serving loop. A form is claimed once: the claim deletes the run's row in
// the same transaction, so of two answers to one token only the first finds it.
class PausedRuns {
public:
    explicit PausedRuns(boost::asio::io_context &io) : m_worker(io) {}
    bool open(const std::filesystem::path &file, std::string &error);

    // Keeps `run` (replacing what was kept for its run id); `done` gets "" or what went wrong.
    void store(PausedRun run, std::function<void(std::string error)> done);
    // The run a token of `app` belongs to, left in place (for checking an answer first).
    void find(const std::string &app, const std::string &token, std::function<void(std::optional<PausedRun>)> done);
    // Takes the run `token` belongs to out of the store; nullopt when another claim was first.
    void claim(const std::string &app, const std::string &token, std::function<void(std::optional<PausedRun>)> done);
    // Takes out every run with a form whose time limit has passed, but those in `live`
    // (still going on in this process, about to be suspended or to go on by themselves).
    void claimDue(std::int64_t nowMs, std::set<std::string> live, std::function<void(std::vector<PausedRun>)> done);
    // Forgets a run (it went on and ended), or every run of an app (it was deleted).
    void forget(const std::string &runId);
    void forgetApp(const std::string &app, std::function<void(std::vector<std::string> runIds)> done);
    // The ids of every run kept (their uploaded files are kept with them). Read on the
    // calling thread: only at start, before any other call.
    std::set<std::string> runIds();

private:
    std::optional<PausedRun> read(const std::string &runId);
    void remove(const std::string &runId);

    struct Close {
        void operator()(sqlite3 *db) const;
    };
    // Used on the worker's thread only (and by open). Declared first, closed last: the
    // worker finishes its jobs before the database goes.
    std::unique_ptr<sqlite3, Close> m_db;
    DiskWorker m_worker;
};

} // namespace flowdeck::runtime
