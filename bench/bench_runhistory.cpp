// A runtime's run history with node traces (runtime/serve/runhistory.h, issue 19): how
// fast runs with their traces are written, how large the database grows per run, how long
// finding one run with its trace takes, and what the per-app trace budget
// (`flowdeck serve --history-trace-mib`) costs and keeps. Prints figures.
//   bench_runhistory [runs] [heavy-runs]
#include "runtime/serve/appstore.h"
#include "runtime/serve/runhistory.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <string>
#include <thread>
#include <unistd.h>

using namespace flowdeck::runtime;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

// A trace as engine::RunTrace writes it: `nodes` nodes, each given and giving `bytes` of text.
std::string traceText(int nodes, std::size_t bytes, int seed)
{
    nlohmann::json trace = {{"nodes", nlohmann::json::object()}, {"order", nlohmann::json::array()}, {"truncated", false}};
    for (int i = 0; i < nodes; ++i) {
        const std::string id = "node" + std::to_string(i);
        std::string text(bytes, 'a');
        for (std::size_t k = 0; k < text.size(); k += 7)  // not all one letter: SQLite stores text as it is
            text[k] = static_cast<char>('a' + (k / 7 + static_cast<std::size_t>(seed + i)) % 26);
        trace["nodes"][id] = {{"type", i % 2 ? "llm" : "knowledge"}, {"status", "done"}, {"elapsedMs", 12.5},
                              {"inputs", {{"text", text.substr(0, bytes / 2)}}}, {"outputs", {{"text", text}}}};
        trace["order"].push_back(id);
    }
    return trace.dump();
}

RunRecord runOf(const std::string &app, int i, std::string trace)
{
    RunRecord r;
    r.runId = "run-" + app + "-" + std::to_string(i);
    r.app = app;
    r.api = "chat";
    char when[40];
    std::snprintf(when, sizeof when, "2026-12-07T%02d:%02d:%02d.%03dZ", i / 3600000 % 24, i / 60000 % 60, i / 1000 % 60, i % 1000);
    r.startedAt = when;
    r.status = "succeeded";
    r.inputs = R"({"query":"Where is my parcel?"})";
    r.outputs = R"({"answer":"It left the warehouse this morning."})";
    r.trace = std::move(trace);
    return r;
}

// The database file and its write-ahead log, in MB.
std::string sizes(const fs::path &db)
{
    auto mb = [](const fs::path &f) { return fs::exists(f) ? static_cast<double>(fs::file_size(f)) / (1 << 20) : 0.0; };
    char text[80];
    std::snprintf(text, sizeof text, "%.0f MB (+ %.0f MB write-ahead log)", mb(db), mb(db.string() + "-wal"));
    return text;
}

bool opened(RunHistory &history, const fs::path &file, HistoryRetention retention)
{
    std::string error;
    if (history.open(file, error, retention))
        return true;
    std::fprintf(stderr, "bench_runhistory: %s\n", error.c_str());
    return false;
}

nlohmann::json findRun(RunHistory &history, const std::string &app, const std::string &id)
{
    std::promise<nlohmann::json> answer;
    auto future = answer.get_future();
    history.find(app, id, [&answer](nlohmann::json run) { answer.set_value(std::move(run)); });
    return future.get();
}

} // namespace

int main(int argc, char **argv)
{
    const int runs = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int heavyRuns = argc > 2 ? std::atoi(argv[2]) : 3000;
    const fs::path dir = fs::temp_directory_path() / ("flowdeck-bench-runhistory-" + std::to_string(getpid()));
    fs::create_directories(dir);

    // A typical chat app: six nodes, about 1.5 KB given and taken by each.
    {
        RunHistory history;
        if (!opened(history, dir / "typical.sqlite", {0, 0, 0}))
            return 1;
        const std::string trace = traceText(6, 1000, 1);
        const auto start = Clock::now();
        for (int i = 0; i < runs; ++i)
            history.record(runOf("helpdesk", i, trace));
        history.flush();
        const double ms = msSince(start);
        const double perRun = static_cast<double>(fs::file_size(dir / "typical.sqlite")) / 1024 / runs;
        std::printf("typical app (6 nodes, trace %.1f KB): %d runs written in %.0f ms (%.0f runs/s); database %s, "
                    "%.1f KB a run\n",
                    trace.size() / 1024.0, runs, ms, runs / (ms / 1000), sizes(dir / "typical.sqlite").c_str(), perRun);
        const auto find = Clock::now();
        const nlohmann::json one = findRun(history, "helpdesk", "run-helpdesk-" + std::to_string(runs / 2));
        std::printf("  one run found with its trace: %.2f ms (%zu nodes)\n", msSince(find),
                    one.value("trace", nlohmann::json::object()).value("nodes", nlohmann::json::object()).size());
    }
    fs::remove_all(dir);
    fs::create_directories(dir);

    // A retrieval app whose passages make 120 KB traces, under the default 256 MiB budget.
    {
        RunHistory history;
        if (!opened(history, dir / "heavy.sqlite", {0, 0, HistoryRetention{}.maxTraceBytesPerApp}))
            return 1;
        const std::string trace = traceText(6, 13500, 2);
        const auto start = Clock::now();
        for (int i = 0; i < heavyRuns; ++i)
            history.record(runOf("research", i, trace));
        history.flush();  // writes, then applies the budget
        const double ms = msSince(start);
        int kept = 0;
        int probe = 0;
        for (int i = heavyRuns - 1; i >= 0; i -= std::max(1, heavyRuns / 300), ++probe)
            if (!findRun(history, "research", "run-research-" + std::to_string(i))["trace"].is_null())
                ++kept;
        std::printf("retrieval app (trace %.0f KB): %d runs written and the 256 MiB trace budget applied in %.0f ms; "
                    "traces kept for %d of %d runs probed (the budget holds about %d); database %s\n",
                    trace.size() / 1024.0, heavyRuns, ms, kept, probe,
                    static_cast<int>(static_cast<double>(HistoryRetention{}.maxTraceBytesPerApp) / static_cast<double>(trace.size())),
                    sizes(dir / "heavy.sqlite").c_str());
        // As many runs again, 100 every quarter of a second (400 runs/s, each with a 119 KB
        // trace): the history applies the budget by itself as traces come in, and the space
        // older traces leave is used again.
        const auto again = Clock::now();
        for (int i = heavyRuns; i < 2 * heavyRuns; ++i) {
            history.record(runOf("research", i, trace));
            if (i % 100 == 99)
                std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
        history.flush();
        const auto prune = Clock::now();
        history.flush();  // the budget applied again, with nothing to drop
        std::printf("  %d more runs: database %s (%.0f ms); a budget check with nothing to drop: %.0f ms\n",
                    heavyRuns, sizes(dir / "heavy.sqlite").c_str(), msSince(again), msSince(prune));
    }
    fs::remove_all(dir);
    return 0;
}
