#pragma once

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;

namespace flowdeck::runtime {

struct RunRecord {
    std::string runId, app, api, startedAt, status, errorKind, error, failedNode;
    int version = 0;
    double elapsedMs = 0;
    long long promptTokens = 0, completionTokens = 0;
    std::string inputs, outputs;  // JSON text, secret values already redacted
    std::string guard;  // JSON text: what the app guard policy found (GuardOutcome::toJson); empty: nothing
    std::string sourceVersion;  // the project version (commit id) the app version was deployed from; empty: not known
    // JSON text: every node's inputs and outputs (engine::RunTrace::toJson), secret values
    // redacted, at most RunHistory::kMaxTraceBytes; empty: none.
    std::string trace;
    // When set, makes `trace` on the history's thread just before the record is written: a
    // trace can be megabytes, and writing it out and redacting it stays off the serving loop.
    std::function<std::string()> traceText;
    // A run going on after a pause: its trace adds to the one its row holds (the nodes that
    // ran before the pause) instead of replacing it.
    bool continued = false;
};

// How long runs are kept (`flowdeck serve --history-days`, `--history-runs`,
// `--history-trace-mib`); 0: no limit. Past the trace budget, an app's older runs stay
// listed but lose their node traces, the newest first keeping theirs.
struct HistoryRetention {
    int maxAgeDays = 30;
    int maxRunsPerApp = 10000;
    long long maxTraceBytesPerApp = 256LL << 20;
};

// Every run of every app, in SQLite (<data>/history.sqlite, WAL). The database is used
// only by a thread of its own: records are written in batches a few times a second,
// queries are answered there too, and runs past the retention are deleted there, so the
// serving loop never waits on the disk (a checkpoint's fsync can take a long time).
class RunHistory {
public:
    // A trace longer than this is stored as {"nodes": {}, "order": [], "truncated": true, "bytes": N}.
    static constexpr std::size_t kMaxTraceBytes = 4u << 20;

    RunHistory() = default;
    ~RunHistory();
    bool open(const std::filesystem::path &file, std::string &error, HistoryRetention retention = {});
    void record(RunRecord record);  // from any thread
    // The newest runs of an app first, handed to `done` on the history's thread.
    void list(const std::string &app, int limit, int offset, std::function<void(nlohmann::json runs)> done);
    // One run of an app as the list shows it, plus "failedNode" and "trace"; null when there
    // is none. `done` is called on the history's thread.
    void find(const std::string &app, const std::string &runId, std::function<void(nlohmann::json run)> done);
    // Waits until what was recorded so far is written and old runs are pruned (tests, shutdown).
    void flush();
    long long dropped() const;  // records given up because the disk could not keep up

private:
    void writerLoop();
    std::size_t write(std::vector<RunRecord> batch);  // the bytes of traces written
    void prune();
    nlohmann::json query(const std::string &app, int limit, int offset);
    nlohmann::json queryOne(const std::string &app, const std::string &runId);
    std::string storedTrace(const std::string &runId);

    sqlite3 *m_db = nullptr;  // used on m_writer only (and by open/the destructor around it)
    HistoryRetention m_retention;
    mutable std::mutex m_mutex;  // everything below
    std::condition_variable m_wake;
    std::vector<RunRecord> m_pending;
    std::vector<std::function<void()>> m_jobs;
    long long m_dropped = 0;
    bool m_stop = false;
    std::thread m_writer;
};

} // namespace flowdeck::runtime
