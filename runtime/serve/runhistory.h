#pragma once

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <filesystem>
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
};

// Every run of every app, in SQLite (<data>/history.sqlite, WAL). Records are written
// in batches by a thread of their own a few times a second, so the serving loop never
// waits on the disk (a checkpoint's fsync can take a long time).
class RunHistory {
public:
    RunHistory() = default;
    ~RunHistory();
    bool open(const std::filesystem::path &file, std::string &error);
    void record(RunRecord record);  // from any thread
    void flush();                   // writes what is waiting, now
    // The newest runs of an app first.
    nlohmann::json list(const std::string &app, int limit, int offset);

private:
    void write(std::vector<RunRecord> batch);
    void writerLoop();

    sqlite3 *m_db = nullptr;
    std::mutex m_dbMutex;  // the connection
    std::mutex m_mutex;    // m_pending, m_stop
    std::condition_variable m_wake;
    std::vector<RunRecord> m_pending;
    bool m_stop = false;
    std::thread m_writer;
};

} // namespace flowdeck::runtime
