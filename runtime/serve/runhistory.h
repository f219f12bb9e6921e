#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
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
// in batches a few times a second, so a busy server does not wait on the disk per run.
class RunHistory {
public:
    explicit RunHistory(boost::asio::io_context &io) : m_timer(io) {}
    ~RunHistory();
    bool open(const std::filesystem::path &file, std::string &error);
    void record(RunRecord record);
    void flush();
    // The newest runs of an app first.
    nlohmann::json list(const std::string &app, int limit, int offset);

private:
    sqlite3 *m_db = nullptr;
    boost::asio::steady_timer m_timer;
    std::vector<RunRecord> m_pending;
    bool m_timerSet = false;
};

} // namespace flowdeck::runtime
