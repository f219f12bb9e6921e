#include "runtime/serve/runhistory.h"
#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>

namespace flowdeck::runtime {

namespace {

constexpr const char *kSchema = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
PRAGMA journal_size_limit=67108864;
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY, app TEXT NOT NULL, version INTEGER, api TEXT, started_at TEXT,
  elapsed_ms REAL, status TEXT, error_kind TEXT, error TEXT, failed_node TEXT,
  prompt_tokens INTEGER, completion_tokens INTEGER, inputs TEXT, outputs TEXT, guard TEXT,
  source_version TEXT, trace TEXT, trace_bytes INTEGER);
CREATE INDEX IF NOT EXISTS runs_by_app ON runs(app, started_at);
)sql";

// After the columns are there: the trace budget (prune) sums trace_bytes from this index
// alone, without reading a trace; rows from before the column get their sizes once.
constexpr const char *kTraceBytes = R"sql(
CREATE INDEX IF NOT EXISTS runs_trace_bytes ON runs(app, started_at, trace_bytes) WHERE trace IS NOT NULL;
UPDATE runs SET trace_bytes = length(CAST(trace AS BLOB)) WHERE trace IS NOT NULL AND trace_bytes IS NULL;
)sql";

// A history written before the runs kept what the guard found (guard), or the project
// version and node traces (source_version, trace), gets the columns; its rows stay.
bool addMissingColumns(sqlite3 *db, std::string &error)
{
    sqlite3_stmt *columns = nullptr;
    std::set<std::string> present;
    if (sqlite3_prepare_v2(db, "PRAGMA table_info(runs)", -1, &columns, nullptr) == SQLITE_OK)
        while (sqlite3_step(columns) == SQLITE_ROW)
            if (const auto *name = sqlite3_column_text(columns, 1))
                present.insert(reinterpret_cast<const char *>(name));
    sqlite3_finalize(columns);
    for (const char *column : {"guard", "source_version", "trace", "trace_bytes"}) {
        if (present.count(column))
            continue;
        char *message = nullptr;
        const std::string alter = std::string("ALTER TABLE runs ADD COLUMN ") + column +
                                  (std::string(column) == "trace_bytes" ? " INTEGER" : " TEXT");
        if (sqlite3_exec(db, alter.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            error = message ? message : "ALTER TABLE failed";
            sqlite3_free(message);
            return false;
        }
    }
    return true;
}

// A trace past the limit keeps its shape and says how long it was.
std::string boundedTrace(std::string text)
{
    if (text.size() <= RunHistory::kMaxTraceBytes)
        return text;
    return engine::safeDump({{"nodes", nlohmann::json::object()}, {"order", nlohmann::json::array()}, {"truncated", true},
                             {"bytes", text.size()}});
}

// What a resumed run traced, added to what its row holds from before the pause: its nodes
// replace those of the same id, new ones come after in the order.
std::string mergedTrace(const std::string &before, const std::string &after)
{
    nlohmann::json merged = engine::parseJson(before);
    const nlohmann::json more = engine::parseJson(after);
    if (!more.is_object())
        return before;
    if (!merged.is_object() || !merged.contains("nodes") || !merged["nodes"].is_object())
        return after;
    if (!merged["order"].is_array())
        merged["order"] = nlohmann::json::array();
    std::set<std::string> ordered;
    for (const auto &id : merged["order"])
        if (id.is_string())
            ordered.insert(id.get<std::string>());
    const nlohmann::json nodes = engine::valueOr<nlohmann::json>(more, "nodes", nlohmann::json::object());
    const nlohmann::json order = engine::valueOr<nlohmann::json>(more, "order", nlohmann::json::array());
    for (const auto &[id, node] : nodes.items())
        merged["nodes"][id] = node;
    for (const auto &id : order)
        if (id.is_string() && ordered.insert(id.get<std::string>()).second)
            merged["order"].push_back(id);
    merged["truncated"] = engine::valueOr(merged, "truncated", false) || engine::valueOr(more, "truncated", false);
    return engine::safeDump(merged);
}

// The columns every answer reads, in this order (rowJson).
constexpr const char *kColumns = "run_id, version, api, started_at, elapsed_ms, status, error_kind, error, failed_node, "
                                 "prompt_tokens, completion_tokens, inputs, outputs, guard, source_version";

nlohmann::json rowJson(sqlite3_stmt *query)
{
    auto column = [&](int i) {
        const auto *t = sqlite3_column_text(query, i);
        return t ? std::string(reinterpret_cast<const char *>(t)) : std::string();
    };
    auto json = [&](int i) {
        auto parsed = engine::parseJson(column(i));
        return parsed.is_discarded() ? nlohmann::json() : parsed;
    };
    nlohmann::json row = {{"runId", column(0)}, {"version", sqlite3_column_int(query, 1)}, {"api", column(2)},
                          {"startedAt", column(3)}, {"elapsedMs", sqlite3_column_double(query, 4)},
                          {"status", column(5)}, {"usage", {{"prompt_tokens", sqlite3_column_int64(query, 9)},
                                                            {"completion_tokens", sqlite3_column_int64(query, 10)}}},
                          {"inputs", json(11)}, {"outputs", json(12)}, {"sourceVersion", column(14)}};
    if (column(5) != "succeeded" && column(5) != "paused" && column(5) != "blocked")
        row["error"] = {{"kind", column(6)}, {"message", column(7)}, {"node", column(8)}};
    if (sqlite3_column_type(query, 13) != SQLITE_NULL)
        row["guard"] = json(13);
    return row;
}

constexpr std::size_t kMaxPending = 100000;  // records waiting for the disk; older ones are dropped past this
constexpr auto kPruneEvery = std::chrono::minutes(10);

std::string isoDaysAgo(int days)
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() - std::chrono::hours(24) * days);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", std::gmtime(&t));
    return text;
}

} // namespace

RunHistory::~RunHistory()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_writer.joinable())
        m_writer.join();
    if (m_db)
        sqlite3_close(m_db);
}

bool RunHistory::open(const std::filesystem::path &file, std::string &error, HistoryRetention retention)
{
    m_retention = retention;
    if (sqlite3_open(file.c_str(), &m_db) != SQLITE_OK) {
        error = "Cannot open the run history " + file.string() + ": " + sqlite3_errmsg(m_db);
        return false;
    }
    char *message = nullptr;
    if (sqlite3_exec(m_db, kSchema, nullptr, nullptr, &message) != SQLITE_OK) {
        error = "Cannot prepare the run history " + file.string() + ": " + (message ? message : "");
        sqlite3_free(message);
        return false;
    }
    if (std::string why; !addMissingColumns(m_db, why)) {
        error = "Cannot update the run history " + file.string() + ": " + why;
        return false;
    }
    if (sqlite3_exec(m_db, kTraceBytes, nullptr, nullptr, &message) != SQLITE_OK) {
        error = "Cannot update the run history " + file.string() + ": " + (message ? message : "");
        sqlite3_free(message);
        return false;
    }
    sqlite3_busy_timeout(m_db, 5000);
    m_writer = std::thread([this] { writerLoop(); });
    return true;
}

void RunHistory::record(RunRecord record)
{
    std::lock_guard lock(m_mutex);
    if (m_pending.size() >= kMaxPending) {
        m_pending.erase(m_pending.begin());
        ++m_dropped;
    }
    m_pending.push_back(std::move(record));
}

long long RunHistory::dropped() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

void RunHistory::list(const std::string &app, int limit, int offset, std::function<void(nlohmann::json)> done)
{
    {
        std::lock_guard lock(m_mutex);
        // Runs recorded before the question are written before it is answered (same thread, in order).
        m_jobs.push_back([this, app, limit, offset, done = std::move(done)] { done(query(app, limit, offset)); });
    }
    m_wake.notify_one();
}

void RunHistory::find(const std::string &app, const std::string &runId, std::function<void(nlohmann::json)> done)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back([this, app, runId, done = std::move(done)] { done(queryOne(app, runId)); });
    }
    m_wake.notify_one();
}

void RunHistory::flush()
{
    if (!m_writer.joinable())
        return;
    std::mutex doneMutex;
    std::condition_variable doneWake;
    bool finished = false;
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back([&] {
            prune();
            std::lock_guard doneLock(doneMutex);
            finished = true;
            doneWake.notify_one();
        });
    }
    m_wake.notify_one();
    std::unique_lock doneLock(doneMutex);
    doneWake.wait(doneLock, [&] { return finished; });
}

void RunHistory::writerLoop()
{
    auto lastPrune = std::chrono::steady_clock::now();
    std::size_t tracesSincePrune = 0;
    prune();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_stop || !m_jobs.empty(); });
        std::vector<RunRecord> batch;
        batch.swap(m_pending);
        std::vector<std::function<void()>> jobs;
        jobs.swap(m_jobs);
        const bool stop = m_stop;
        lock.unlock();
        tracesSincePrune += write(std::move(batch));
        for (auto &job : jobs)
            job();
        // Every ten minutes, and sooner when traces come in fast: an eighth of the trace
        // budget written is as far as the file grows past it.
        const auto budget = static_cast<std::size_t>(std::max(0LL, m_retention.maxTraceBytesPerApp));
        if (std::chrono::steady_clock::now() - lastPrune > kPruneEvery || (budget > 0 && tracesSincePrune > budget / 8)) {
            tracesSincePrune = 0;
            prune();
            lastPrune = std::chrono::steady_clock::now();
        }
        lock.lock();
        if (stop && m_pending.empty() && m_jobs.empty())
            return;
    }
}

void RunHistory::prune()
{
    if (!m_db)
        return;
    auto run = [this](const char *sql, const std::function<void(sqlite3_stmt *)> &bind) {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr);
        bind(statement);
        sqlite3_step(statement);
        sqlite3_finalize(statement);
    };
    if (m_retention.maxAgeDays > 0) {
        const std::string cutoff = isoDaysAgo(m_retention.maxAgeDays);
        run("DELETE FROM runs WHERE started_at < ?1",
            [&cutoff](sqlite3_stmt *s) { sqlite3_bind_text(s, 1, cutoff.c_str(), -1, SQLITE_TRANSIENT); });
    }
    if (m_retention.maxRunsPerApp > 0)  // per app, everything older than its newest maxRunsPerApp runs
        run("DELETE FROM runs WHERE rowid IN (SELECT rowid FROM (SELECT rowid, ROW_NUMBER() OVER "
            "(PARTITION BY app ORDER BY started_at DESC, rowid DESC) AS n FROM runs) WHERE n > ?1)",
            [this](sqlite3_stmt *s) { sqlite3_bind_int(s, 1, m_retention.maxRunsPerApp); });
    if (m_retention.maxTraceBytesPerApp > 0)  // per app, the traces past the newest that fit the budget; the runs stay
        run("UPDATE runs SET trace = NULL, trace_bytes = NULL WHERE rowid IN (SELECT rowid FROM (SELECT rowid, "
            "SUM(trace_bytes) OVER (PARTITION BY app ORDER BY started_at DESC, rowid DESC) "
            "AS total FROM runs WHERE trace IS NOT NULL) WHERE total > ?1)",
            [this](sqlite3_stmt *s) { sqlite3_bind_int64(s, 1, m_retention.maxTraceBytesPerApp); });
}

std::size_t RunHistory::write(std::vector<RunRecord> batch)
{
    std::size_t traceBytes = 0;
    if (!m_db || batch.empty())
        return traceBytes;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        RunRecord &r = batch[i];
        if (r.traceText) {
            try {
                r.trace = r.traceText();
            } catch (const std::exception &) {  // (memory) the run is kept without its trace
                r.trace.clear();
            }
            r.traceText = nullptr;
        }
        if (r.continued && !r.trace.empty()) {
            // What ran before the pause: in this batch still, or written already.
            std::string before;
            for (std::size_t j = i; j-- > 0 && before.empty();)
                if (batch[j].runId == r.runId)
                    before = batch[j].trace;
            if (before.empty())
                before = storedTrace(r.runId);
            if (!before.empty())
                r.trace = mergedTrace(before, r.trace);
        }
        r.trace = boundedTrace(std::move(r.trace));
        traceBytes += r.trace.size();
    }
    sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(m_db,
                       "INSERT OR REPLACE INTO runs (run_id, app, version, api, started_at, elapsed_ms, status, error_kind, error, "
                       "failed_node, prompt_tokens, completion_tokens, inputs, outputs, guard, source_version, trace, "
                       "trace_bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)", -1,
                       &insert, nullptr);
    for (const auto &r : batch) {
        auto text = [&](int i, const std::string &v) { sqlite3_bind_text(insert, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT); };
        text(1, r.runId);
        text(2, r.app);
        sqlite3_bind_int(insert, 3, r.version);
        text(4, r.api);
        text(5, r.startedAt);
        sqlite3_bind_double(insert, 6, r.elapsedMs);
        text(7, r.status);
        text(8, r.errorKind);
        text(9, r.error);
        text(10, r.failedNode);
        sqlite3_bind_int64(insert, 11, r.promptTokens);
        sqlite3_bind_int64(insert, 12, r.completionTokens);
        text(13, r.inputs);
        text(14, r.outputs);
        if (r.guard.empty())
            sqlite3_bind_null(insert, 15);
        else
            text(15, r.guard);
        text(16, r.sourceVersion);
        if (r.trace.empty()) {
            sqlite3_bind_null(insert, 17);
            sqlite3_bind_null(insert, 18);
        } else {
            text(17, r.trace);
            sqlite3_bind_int64(insert, 18, static_cast<sqlite3_int64>(r.trace.size()));
        }
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    return traceBytes;
}

nlohmann::json RunHistory::query(const std::string &app, int limit, int offset)
{
    nlohmann::json out = nlohmann::json::array();
    sqlite3_stmt *query = nullptr;
    sqlite3_prepare_v2(m_db,
                       (std::string("SELECT ") + kColumns +
                        " FROM runs WHERE app = ?1 ORDER BY started_at DESC, rowid DESC LIMIT ?2 OFFSET ?3")
                           .c_str(),
                       -1, &query, nullptr);
    sqlite3_bind_text(query, 1, app.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(query, 2, limit);
    sqlite3_bind_int(query, 3, offset);
    while (sqlite3_step(query) == SQLITE_ROW)
        out.push_back(rowJson(query));
    sqlite3_finalize(query);
    return out;
}

nlohmann::json RunHistory::queryOne(const std::string &app, const std::string &runId)
{
    nlohmann::json out;
    sqlite3_stmt *query = nullptr;
    sqlite3_prepare_v2(m_db, (std::string("SELECT ") + kColumns + ", trace FROM runs WHERE app = ?1 AND run_id = ?2").c_str(),
                       -1, &query, nullptr);
    sqlite3_bind_text(query, 1, app.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(query, 2, runId.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(query) == SQLITE_ROW) {
        out = rowJson(query);
        const auto *failed = sqlite3_column_text(query, 8);
        out["failedNode"] = failed ? std::string(reinterpret_cast<const char *>(failed)) : std::string();
        const auto *trace = sqlite3_column_text(query, 15);
        // A run recorded before traces were kept (or one whose trace cannot be read) has none.
        const nlohmann::json parsed = engine::parseJson(trace ? reinterpret_cast<const char *>(trace) : "");
        out["trace"] = parsed.is_object() ? parsed : nlohmann::json();
    }
    sqlite3_finalize(query);
    return out;
}

std::string RunHistory::storedTrace(const std::string &runId)
{
    std::string out;
    sqlite3_stmt *query = nullptr;
    sqlite3_prepare_v2(m_db, "SELECT trace FROM runs WHERE run_id = ?1", -1, &query, nullptr);
    sqlite3_bind_text(query, 1, runId.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(query) == SQLITE_ROW)
        if (const auto *t = sqlite3_column_text(query, 0))
            out = reinterpret_cast<const char *>(t);
    sqlite3_finalize(query);
    return out;
}

} // namespace flowdeck::runtime
