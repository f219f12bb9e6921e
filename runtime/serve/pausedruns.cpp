#include "runtime/serve/pausedruns.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include <sqlite3.h>

namespace flowdeck::runtime {

namespace {

constexpr const char *kSchema = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS paused_runs (
  run_id TEXT PRIMARY KEY, app TEXT NOT NULL, version INTEGER NOT NULL, api TEXT, started_at TEXT, paused_at TEXT,
  elapsed_ms REAL, deadline_ms INTEGER, inputs TEXT, usage TEXT, snapshot TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS paused_runs_by_app ON paused_runs(app);
CREATE INDEX IF NOT EXISTS paused_runs_by_deadline ON paused_runs(deadline_ms) WHERE deadline_ms > 0;
CREATE TABLE IF NOT EXISTS paused_forms (
  token TEXT PRIMARY KEY, run_id TEXT NOT NULL, app TEXT NOT NULL, deadline_ms INTEGER, form TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS paused_forms_by_run ON paused_forms(run_id);
)sql";

// One prepared statement, finalized when it goes out of scope.
class Statement {
public:
    Statement(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &text(int i, const std::string &value)
    {
        sqlite3_bind_text(m_stmt, i, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &integer(int i, std::int64_t value)
    {
        sqlite3_bind_int64(m_stmt, i, value);
        return *this;
    }
    Statement &real(int i, double value)
    {
        sqlite3_bind_double(m_stmt, i, value);
        return *this;
    }
    bool row() { return m_stmt && sqlite3_step(m_stmt) == SQLITE_ROW; }
    bool run() { return m_stmt && sqlite3_step(m_stmt) == SQLITE_DONE; }
    std::string column(int i) const
    {
        const auto *t = sqlite3_column_text(m_stmt, i);
        return t ? std::string(reinterpret_cast<const char *>(t), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i)))
                 : std::string();
    }
    std::int64_t columnInt(int i) const { return sqlite3_column_int64(m_stmt, i); }
    double columnReal(int i) const { return sqlite3_column_double(m_stmt, i); }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

// A snapshot nests node outputs (themselves up to kMaxJsonDepth deep) a few levels down.
nlohmann::json parsed(const std::string &text, nlohmann::json fallback)
{
    auto value = engine::parseJson(text, nullptr, engine::kMaxJsonDepth + 16);
    return value.is_discarded() ? fallback : value;
}

} // namespace

void PausedRuns::Close::operator()(sqlite3 *db) const { sqlite3_close(db); }

bool PausedRuns::open(const std::filesystem::path &file, std::string &error)
{
    sqlite3 *db = nullptr;
    const int opened = sqlite3_open(file.c_str(), &db);
    m_db.reset(db);
    if (opened != SQLITE_OK) {
        error = "Cannot open the paused runs " + file.string() + ": " + sqlite3_errmsg(db);
        m_db.reset();
        return false;
    }
    char *message = nullptr;
    if (sqlite3_exec(db, kSchema, nullptr, nullptr, &message) != SQLITE_OK) {
        error = "Cannot prepare the paused runs " + file.string() + ": " + (message ? message : "");
        sqlite3_free(message);
        m_db.reset();
        return false;
    }
    sqlite3_busy_timeout(db, 5000);
    return true;
}

void PausedRuns::store(PausedRun run, std::function<void(std::string)> done)
{
    auto kept = std::make_shared<PausedRun>(std::move(run));
    m_worker.run(
        [this, kept]() -> std::string {
            sqlite3 *db = m_db.get();
            if (!db)
                return "the paused runs' database is not open";
            const PausedRun &r = *kept;
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
            remove(r.runId);
            bool ok = Statement(db, "INSERT INTO paused_runs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                          .text(1, r.runId).text(2, r.app).integer(3, r.version).text(4, r.api).text(5, r.startedAt)
                          .text(6, r.pausedAt).real(7, r.elapsedMs).integer(8, r.deadlineMs).text(9, r.inputs)
                          .text(10, engine::safeDump(r.usage)).text(11, engine::safeDump(r.snapshot))
                          .run();
            for (const auto &form : r.forms)
                ok = ok && Statement(db, "INSERT INTO paused_forms VALUES (?1, ?2, ?3, ?4, ?5)")
                               .text(1, engine::valueOr(form, "token", "")).text(2, r.runId).text(3, r.app)
                               .integer(4, engine::valueOr<std::int64_t>(form, "deadlineMs", 0))
                               .text(5, engine::safeDump(form))
                               .run();
            if (!ok) {
                const std::string why = sqlite3_errmsg(db);
                sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
                return why;
            }
            return sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK ? std::string() : sqlite3_errmsg(db);
        },
        std::move(done));
}

std::optional<PausedRun> PausedRuns::read(const std::string &runId)
{
    sqlite3 *db = m_db.get();
    if (!db)
        return std::nullopt;
    Statement q(db, "SELECT app, version, api, started_at, paused_at, elapsed_ms, deadline_ms, inputs, usage, snapshot "
                    "FROM paused_runs WHERE run_id = ?1");
    q.text(1, runId);
    if (!q.row())
        return std::nullopt;
    PausedRun r;
    r.runId = runId;
    r.app = q.column(0);
    r.version = static_cast<int>(q.columnInt(1));
    r.api = q.column(2);
    r.startedAt = q.column(3);
    r.pausedAt = q.column(4);
    r.elapsedMs = q.columnReal(5);
    r.deadlineMs = q.columnInt(6);
    r.inputs = q.column(7);
    r.usage = parsed(q.column(8), nlohmann::json::object());
    r.snapshot = parsed(q.column(9), nlohmann::json());
    Statement forms(db, "SELECT form FROM paused_forms WHERE run_id = ?1 ORDER BY rowid");
    forms.text(1, runId);
    while (forms.row())
        r.forms.push_back(parsed(forms.column(0), nlohmann::json::object()));
    return r;
}

void PausedRuns::remove(const std::string &runId)
{
    Statement(m_db.get(), "DELETE FROM paused_forms WHERE run_id = ?1").text(1, runId).run();
    Statement(m_db.get(), "DELETE FROM paused_runs WHERE run_id = ?1").text(1, runId).run();
}

void PausedRuns::find(const std::string &app, const std::string &token, std::function<void(std::optional<PausedRun>)> done)
{
    auto found = std::make_shared<std::optional<PausedRun>>();
    m_worker.run(
        [this, app, token, found]() -> std::string {
            if (!m_db)
                return {};
            Statement q(m_db.get(), "SELECT run_id FROM paused_forms WHERE token = ?1 AND app = ?2");
            q.text(1, token).text(2, app);
            if (q.row())
                *found = read(q.column(0));
            return {};
        },
        [found, done = std::move(done)](std::string) { done(std::move(*found)); });
}

void PausedRuns::claim(const std::string &app, const std::string &token, std::function<void(std::optional<PausedRun>)> done)
{
    auto claimed = std::make_shared<std::optional<PausedRun>>();
    m_worker.run(
        [this, app, token, claimed]() -> std::string {
            sqlite3 *db = m_db.get();
            if (!db)
                return {};
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
            Statement q(db, "SELECT run_id FROM paused_forms WHERE token = ?1 AND app = ?2");
            q.text(1, token).text(2, app);
            if (q.row()) {
                const std::string runId = q.column(0);
                *claimed = read(runId);
                remove(runId);
            }
            if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
                sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
                claimed->reset();  // still there: not claimed
            }
            return {};
        },
        [claimed, done = std::move(done)](std::string) { done(std::move(*claimed)); });
}

void PausedRuns::claimDue(std::int64_t nowMs, std::set<std::string> live,
                          std::function<void(std::vector<PausedRun>)> done)
{
    auto due = std::make_shared<std::vector<PausedRun>>();
    m_worker.run(
        [this, nowMs, due, live = std::move(live)]() -> std::string {
            sqlite3 *db = m_db.get();
            if (!db)
                return {};
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
            std::vector<std::string> ids;
            {
                Statement q(db, "SELECT run_id FROM paused_runs WHERE deadline_ms > 0 AND deadline_ms <= ?1");
                q.integer(1, nowMs);
                while (ids.size() < 100 && q.row())  // a batch a sweep; the rest the next time
                    if (!live.count(q.column(0)))
                        ids.push_back(q.column(0));
            }
            for (const auto &id : ids) {
                if (auto run = read(id))
                    due->push_back(std::move(*run));
                remove(id);
            }
            if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
                sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
                due->clear();
            }
            return {};
        },
        [due, done = std::move(done)](std::string) { done(std::move(*due)); });
}

void PausedRuns::forget(const std::string &runId)
{
    m_worker.run(
        [this, runId]() -> std::string {
            if (m_db)
                remove(runId);
            return {};
        },
        [](std::string) {});
}

void PausedRuns::forgetApp(const std::string &app, std::function<void(std::vector<std::string>)> done)
{
    auto ids = std::make_shared<std::vector<std::string>>();
    m_worker.run(
        [this, app, ids]() -> std::string {
            if (!m_db)
                return {};
            Statement q(m_db.get(), "SELECT run_id FROM paused_runs WHERE app = ?1");
            q.text(1, app);
            while (q.row())
                ids->push_back(q.column(0));
            Statement(m_db.get(), "DELETE FROM paused_forms WHERE app = ?1").text(1, app).run();
            Statement(m_db.get(), "DELETE FROM paused_runs WHERE app = ?1").text(1, app).run();
            return {};
        },
        [ids, done = std::move(done)](std::string) { done(std::move(*ids)); });
}

std::set<std::string> PausedRuns::runIds()
{
    std::set<std::string> ids;
    if (!m_db)
        return ids;
    Statement q(m_db.get(), "SELECT run_id FROM paused_runs");
    while (q.row())
        ids.insert(q.column(0));
    return ids;
}

} // namespace flowdeck::runtime
