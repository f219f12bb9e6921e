// The run history (runtime/serve/runhistory.h) in-process: records are written by its own
// thread, questions are answered there in order after what was recorded before them,
// and runs past the retention (age, count per app) are deleted; a history written before
// the runs kept what the guard found gets the column and keeps its rows. Each run keeps the
// project version it was deployed from and its node trace (made on the history's thread,
// bounded); one run is found by id with its trace; past a per-app budget older runs lose
// their traces and stay listed; a run resumed after a pause adds to
// the trace of its row; a history from before traces gains the columns.
#include "runtime/serve/appstore.h"
#include "runtime/serve/runhistory.h"

#include <sqlite3.h>

#include <QTemporaryDir>
#include <QtTest>

#include <future>

using namespace flowdeck::runtime;

namespace {

RunRecord run(const std::string &app, const std::string &id, const std::string &startedAt)
{
    RunRecord r;
    r.runId = id;
    r.app = app;
    r.api = "run";
    r.startedAt = startedAt;
    r.status = "succeeded";
    r.inputs = R"({"name":"Ada"})";
    r.outputs = "{}";
    return r;
}

nlohmann::json listed(RunHistory &history, const std::string &app, int limit = 100)
{
    std::promise<nlohmann::json> answer;
    auto future = answer.get_future();
    const auto asker = std::this_thread::get_id();
    history.list(app, limit, 0, [&answer, asker](nlohmann::json runs) {
        // The question is answered on the history's thread, never the caller's.
        QVERIFY(std::this_thread::get_id() != asker);
        answer.set_value(std::move(runs));
    });
    return future.get();
}

// A history file as an older runtime left it: `sql` makes its table and rows.
bool writeOldHistory(const std::string &file, const char *sql)
{
    sqlite3 *db = nullptr;
    const bool written = sqlite3_open(file.c_str(), &db) == SQLITE_OK && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return written;
}

nlohmann::json found(RunHistory &history, const std::string &app, const std::string &id)
{
    std::promise<nlohmann::json> answer;
    auto future = answer.get_future();
    history.find(app, id, [&answer](nlohmann::json run) { answer.set_value(std::move(run)); });
    return future.get();
}

// A trace as engine::RunTrace writes it, with one node.
nlohmann::json traceOf(const std::string &node, const nlohmann::json &outputs, const std::string &status = "done")
{
    return {{"nodes", {{node, {{"type", "template"}, {"status", status}, {"inputs", nlohmann::json::object()},
                              {"outputs", outputs}}}}},
            {"order", {node}},
            {"truncated", false}};
}

} // namespace

class TestRunHistory : public QObject {
    Q_OBJECT

private slots:
    void answersInOrderOffTheCallersThread()
    {
        QTemporaryDir dir;
        RunHistory history;
        std::string error;
        QVERIFY2(history.open(dir.filePath("history.sqlite").toStdString(), error), error.c_str());
        for (int i = 0; i < 5; ++i)
            history.record(run("greet", "r" + std::to_string(i), nowIso()));
        const auto runs = listed(history, "greet");
        QCOMPARE(runs.size(), std::size_t(5));
        QCOMPARE(runs[0]["inputs"]["name"], nlohmann::json("Ada"));
        QCOMPARE(listed(history, "greet", 2).size(), std::size_t(2));
        QCOMPARE(listed(history, "other").size(), std::size_t(0));
    }

    void oldAndSurplusRunsAreDeleted()
    {
        QTemporaryDir dir;
        const std::string file = dir.filePath("history.sqlite").toStdString();
        {
            RunHistory history;
            std::string error;
            QVERIFY2(history.open(file, error, {0, 0}), error.c_str());  // keeps everything
            history.record(run("greet", "ancient", "2001-01-01T00:00:00.000Z"));
            for (int i = 0; i < 6; ++i)
                history.record(run("greet", "g" + std::to_string(i), nowIso()));
            history.record(run("quiet", "q0", nowIso()));
            history.flush();
            QCOMPARE(listed(history, "greet").size(), std::size_t(7));
        }
        // Opened again with a retention of 30 days and 3 runs per app.
        RunHistory history;
        std::string error;
        QVERIFY2(history.open(file, error, {30, 3}), error.c_str());
        history.flush();
        const auto greet = listed(history, "greet");
        QCOMPARE(greet.size(), std::size_t(3));
        for (const auto &r : greet)
            QVERIFY2(r["runId"] != "ancient" && r["runId"] != "g0" && r["runId"] != "g1" && r["runId"] != "g2", r.dump().c_str());
        QCOMPARE(listed(history, "quiet").size(), std::size_t(1));  // other apps keep theirs
    }

    void anOlderHistoryKeepsItsRowsAndGainsTheGuardColumn()
    {
        QTemporaryDir dir;
        const std::string file = dir.filePath("history.sqlite").toStdString();
        // The table as runtimes before issue 18 made it, with one run in it.
        const char *old = "CREATE TABLE runs (run_id TEXT PRIMARY KEY, app TEXT NOT NULL, version INTEGER, api TEXT, "
                          "started_at TEXT, elapsed_ms REAL, status TEXT, error_kind TEXT, error TEXT, failed_node TEXT, "
                          "prompt_tokens INTEGER, completion_tokens INTEGER, inputs TEXT, outputs TEXT);"
                          "INSERT INTO runs VALUES ('before', 'greet', 1, 'run', '2030-01-01T00:00:00.000Z', 5, 'succeeded', "
                          "'', '', '', 1, 2, '{\"name\":\"Ada\"}', '{}');";
        QVERIFY(writeOldHistory(file, old));

        RunHistory history;
        std::string error;
        QVERIFY2(history.open(file, error, {0, 0}), error.c_str());
        RunRecord blocked = run("greet", "after", nowIso());
        blocked.status = "blocked";
        blocked.guard = R"({"blocked":true,"stage":"input","categories":["illegal"],"findings":{"input":[],"output":[]}})";
        history.record(blocked);
        const auto runs = listed(history, "greet");
        QCOMPARE(runs.size(), std::size_t(2));
        const auto &newest = runs[0]["runId"] == "after" ? runs[0] : runs[1];
        const auto &older = runs[0]["runId"] == "after" ? runs[1] : runs[0];
        QCOMPARE(older["runId"], nlohmann::json("before"));
        QCOMPARE(older["inputs"]["name"], nlohmann::json("Ada"));
        QVERIFY(!older.contains("guard"));
        QCOMPARE(newest["status"], nlohmann::json("blocked"));
        QCOMPARE(newest["guard"]["categories"], nlohmann::json({"illegal"}));
        QVERIFY(!newest.contains("error"));  // blocked is an answer, not a failure
    }

    void keepsTheSourceVersionAndTheTrace()
    {
        QTemporaryDir dir;
        RunHistory history;
        std::string error;
        QVERIFY2(history.open(dir.filePath("history.sqlite").toStdString(), error, {0, 0}), error.c_str());
        RunRecord failed = run("greet", "run-1", nowIso());
        failed.status = "failed";
        failed.errorKind = "http";
        failed.error = "The server answered 500.";
        failed.failedNode = "fetch";
        failed.sourceVersion = "3f2a9c1e0b7d4a6f8e5c2b1a0d9e8f7a6b5c4d3e";
        const auto asker = std::this_thread::get_id();
        std::thread::id madeOn;
        failed.traceText = [&madeOn] {
            madeOn = std::this_thread::get_id();
            return traceOf("fetch", nullptr, "failed").dump();
        };
        history.record(failed);
        history.record(run("greet", "run-2", nowIso()));  // no trace
        const auto got = found(history, "greet", "run-1");
        QVERIFY(madeOn != std::thread::id() && madeOn != asker);  // the text was made on the history's thread
        QCOMPARE(got["runId"], nlohmann::json("run-1"));
        QCOMPARE(got["status"], nlohmann::json("failed"));
        QCOMPARE(got["failedNode"], nlohmann::json("fetch"));
        QCOMPARE(got["error"]["kind"], nlohmann::json("http"));
        QCOMPARE(got["sourceVersion"], nlohmann::json(failed.sourceVersion));
        QCOMPARE(got["inputs"]["name"], nlohmann::json("Ada"));
        QCOMPARE(got["trace"]["nodes"]["fetch"]["status"], nlohmann::json("failed"));
        QCOMPARE(got["trace"]["order"], nlohmann::json({"fetch"}));
        QVERIFY(found(history, "greet", "run-2")["trace"].is_null());
        QVERIFY(found(history, "greet", "run-404").is_null());
        QVERIFY(found(history, "other", "run-1").is_null());  // another app's run is not this one's
        // The listing shows the source version, never the trace (it can be megabytes).
        const auto runs = listed(history, "greet");
        QCOMPARE(runs.size(), std::size_t(2));
        for (const auto &r : runs) {
            QVERIFY(!r.contains("trace"));
            QCOMPARE(r["sourceVersion"], nlohmann::json(r["runId"] == "run-1" ? failed.sourceVersion : ""));
        }
    }

    void aTracePastTheLimitIsCut()
    {
        QTemporaryDir dir;
        RunHistory history;
        std::string error;
        QVERIFY2(history.open(dir.filePath("history.sqlite").toStdString(), error, {0, 0}), error.c_str());
        RunRecord big = run("greet", "big", nowIso());
        big.trace = traceOf("t", {{"text", std::string(RunHistory::kMaxTraceBytes, 'x')}}).dump();
        const std::size_t bytes = big.trace.size();
        history.record(big);
        const auto trace = found(history, "greet", "big")["trace"];
        QCOMPARE(trace["truncated"], nlohmann::json(true));
        QCOMPARE(trace["bytes"], nlohmann::json(bytes));
        QCOMPARE(trace["nodes"], nlohmann::json::object());
        // Just within the limit, it is kept whole.
        RunRecord within = run("greet", "within", nowIso());
        within.trace = traceOf("t", {{"text", std::string(RunHistory::kMaxTraceBytes - 200, 'x')}}).dump();
        QVERIFY(within.trace.size() <= RunHistory::kMaxTraceBytes);
        history.record(within);
        QCOMPARE(found(history, "greet", "within")["trace"]["truncated"], nlohmann::json(false));
    }

    void olderRunsLoseTheirTracesPastTheBudget()
    {
        QTemporaryDir dir;
        RunHistory history;
        std::string error;
        const std::string text = traceOf("t", {{"text", std::string(100000, 'x')}}).dump();
        // Room for three traces of 'greet' (and a little more), not four.
        QVERIFY2(history.open(dir.filePath("history.sqlite").toStdString(), error,
                              {0, 0, static_cast<long long>(text.size()) * 3 + 1000}),
                 error.c_str());
        for (int i = 0; i < 6; ++i) {
            RunRecord r = run("greet", "g" + std::to_string(i), "2026-12-07T10:00:0" + std::to_string(i) + ".000Z");
            r.trace = text;
            history.record(r);
        }
        RunRecord other = run("quiet", "q0", "2026-12-07T09:00:00.000Z");
        other.trace = text;
        history.record(other);
        history.flush();
        QCOMPARE(listed(history, "greet").size(), std::size_t(6));  // every run stays listed
        for (int i = 0; i < 6; ++i) {
            const auto got = found(history, "greet", "g" + std::to_string(i));
            QCOMPARE(got["status"], nlohmann::json("succeeded"));
            if (i >= 3)  // the newest three keep their traces
                QCOMPARE(got["trace"]["nodes"]["t"]["status"], nlohmann::json("done"));
            else
                QVERIFY2(got["trace"].is_null(), ("g" + std::to_string(i)).c_str());
        }
        QVERIFY(found(history, "quiet", "q0")["trace"].is_object());  // another app has a budget of its own
    }

    void aResumedRunAddsToItsTrace()
    {
        QTemporaryDir dir;
        RunHistory history;
        std::string error;
        QVERIFY2(history.open(dir.filePath("history.sqlite").toStdString(), error, {0, 0}), error.c_str());
        // The paused row written before the resumed one comes, or both in one batch.
        for (const bool written : {true, false}) {
            const std::string id = written ? "written" : "batched";
            RunRecord paused = run("greet", id, nowIso());
            paused.status = "paused";
            nlohmann::json before = traceOf("draft", {{"text", "first"}});
            before["nodes"]["ask"] = {{"type", "human"}, {"status", "running"}};
            before["order"].push_back("ask");
            paused.trace = before.dump();
            history.record(paused);
            if (written)
                history.flush();
            RunRecord resumed = paused;
            resumed.status = "succeeded";
            resumed.continued = true;
            nlohmann::json after = traceOf("ask", {{"action", "approve"}});
            after["nodes"]["send"] = {{"type", "template"}, {"status", "done"}};
            after["order"].push_back("send");
            resumed.trace = after.dump();
            history.record(resumed);
            const auto trace = found(history, "greet", id)["trace"];
            QCOMPARE(trace["order"], nlohmann::json({"draft", "ask", "send"}));
            QCOMPARE(trace["nodes"]["draft"]["outputs"]["text"], nlohmann::json("first"));
            QCOMPARE(trace["nodes"]["ask"]["status"], nlohmann::json("done"));
            QCOMPARE(trace["nodes"]["ask"]["outputs"]["action"], nlohmann::json("approve"));
        }
    }

    void aHistoryFromBeforeTracesGainsTheColumns()
    {
        QTemporaryDir dir;
        const std::string file = dir.filePath("history.sqlite").toStdString();
        // The table as runtimes of issue 18 made it (with guard), with one run in it.
        const char *old = "CREATE TABLE runs (run_id TEXT PRIMARY KEY, app TEXT NOT NULL, version INTEGER, api TEXT, "
                          "started_at TEXT, elapsed_ms REAL, status TEXT, error_kind TEXT, error TEXT, failed_node TEXT, "
                          "prompt_tokens INTEGER, completion_tokens INTEGER, inputs TEXT, outputs TEXT, guard TEXT);"
                          "INSERT INTO runs VALUES ('before', 'greet', 1, 'run', '2030-01-01T00:00:00.000Z', 5, 'failed', "
                          "'http', 'refused', 'fetch', 1, 2, '{\"name\":\"Ada\"}', '{}', NULL);";
        QVERIFY(writeOldHistory(file, old));

        RunHistory history;
        std::string error;
        QVERIFY2(history.open(file, error, {0, 0}), error.c_str());
        RunRecord now = run("greet", "after", nowIso());
        now.sourceVersion = "abcdef0123";
        now.trace = traceOf("t", {{"text", "hi"}}).dump();
        history.record(now);
        const auto older = found(history, "greet", "before");
        QCOMPARE(older["failedNode"], nlohmann::json("fetch"));
        QCOMPARE(older["sourceVersion"], nlohmann::json(""));
        QVERIFY(older["trace"].is_null());
        QCOMPARE(older["inputs"]["name"], nlohmann::json("Ada"));
        const auto newer = found(history, "greet", "after");
        QCOMPARE(newer["sourceVersion"], nlohmann::json("abcdef0123"));
        QCOMPARE(newer["trace"]["nodes"]["t"]["outputs"]["text"], nlohmann::json("hi"));
        QCOMPARE(listed(history, "greet").size(), std::size_t(2));
    }
};

QTEST_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
