// The run history (runtime/serve/runhistory.h) in-process: records are written by its own
// thread, questions are answered there in order after what was recorded before them,
// and runs past the retention (age, count per app) are deleted; a history written before
// the runs kept what the guard found gets the column and keeps its rows.
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
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(file.c_str(), &db), SQLITE_OK);
        // The table as runtimes before issue 18 made it, with one run in it.
        const char *old = "CREATE TABLE runs (run_id TEXT PRIMARY KEY, app TEXT NOT NULL, version INTEGER, api TEXT, "
                          "started_at TEXT, elapsed_ms REAL, status TEXT, error_kind TEXT, error TEXT, failed_node TEXT, "
                          "prompt_tokens INTEGER, completion_tokens INTEGER, inputs TEXT, outputs TEXT);"
                          "INSERT INTO runs VALUES ('before', 'greet', 1, 'run', '2030-01-01T00:00:00.000Z', 5, 'succeeded', "
                          "'', '', '', 1, 2, '{\"name\":\"Ada\"}', '{}');";
        QCOMPARE(sqlite3_exec(db, old, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);

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
};

QTEST_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
