// Code node benchmark (DESIGN.md §3, code): what a call costs on a warm sandboxed worker,
// p50 and p99, in Python and JavaScript (goal under 2 ms p50), against starting an
// interpreter cold (bare, and as a fresh sandboxed worker), and how long a cancel takes
// to stop a looping call and kill its worker (goal within 100 ms).
// Also a whole run of start -> code -> end on a warm run host, for the engine around it.
//   bench_code [calls]
#include "engine/nodes/noderegistry.h"
#include "engine/run/runhost.h"
#include "engine/run/workflowrun.h"
#include "engine/sandbox/codesandboxpool.h"
#include "engine/workflow/workflowfile.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace flowdeck::engine;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const char *kPython = "def main(arg1: str, arg2: str) -> dict:\n    return {\"result\": arg1 + arg2}\n";
const char *kJavaScript = "function main({arg1, arg2}) {\n  return { result: arg1 + arg2 }\n}\n";

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

CodeOutcome callOnce(boost::asio::io_context &io, CodeSandboxPool &pool, CodeCall call)
{
    CodeOutcome out;
    bool done = false;
    pool.run(std::move(call), [&](CodeOutcome o) {
        out = std::move(o);
        done = true;
    });
    while (!done && io.run_one()) {
    }
    return out;
}

CodeCall difyCall(CodeLanguage language)
{
    return {language, language == CodeLanguage::Python ? kPython : kJavaScript, {{"arg1", "Hello, "}, {"arg2", "Ada"}}, {}};
}

// A bare interpreter started and waited for, no sandbox: what a call would cost without a pool.
double bareStart(const std::vector<std::string> &command)
{
    std::vector<char *> argv;
    std::vector<std::string> args = command;
    for (auto &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    char *env[] = {nullptr};
    const auto begun = Clock::now();
    pid_t pid = -1;
    if (::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), env) != 0)
        return -1;
    ::waitpid(pid, nullptr, 0);
    return ms(Clock::now() - begun);
}

void warm(CodeLanguage language, int calls)
{
    boost::asio::io_context io;
    SandboxPoolSettings settings;
    settings.maxWorkersPerKind = 1;
    auto pool = CodeSandboxPool::create(io, settings);
    for (int i = 0; i < 20; ++i)
        callOnce(io, *pool, difyCall(language));
    std::vector<double> times;
    for (int i = 0; i < calls; ++i) {
        const auto begun = Clock::now();
        const auto out = callOnce(io, *pool, difyCall(language));
        times.push_back(ms(Clock::now() - begun));
        if (!out.ok) {
            std::fprintf(stderr, "call failed: %s\n", out.error.c_str());
            std::exit(1);
        }
    }
    std::printf("  %-10s warm call    p50 %7.3f ms   p99 %7.3f ms   (%d calls, sandbox %s)\n",
                codeLanguageName(language), percentile(times, 0.5), percentile(times, 0.99), calls,
                callOnce(io, *pool, difyCall(language)).sandbox.c_str());
}

void cold(CodeLanguage language, int runs)
{
    const SandboxPrograms programs = SandboxPrograms::find();
    std::vector<double> bare, sandboxed;
    for (int i = 0; i < runs; ++i) {
        bare.push_back(language == CodeLanguage::Python
                           ? bareStart({programs.python.string(), "-I", "-c", "pass"})
                           : bareStart({programs.node.string(), "-e", ""}));
        boost::asio::io_context io;
        auto pool = CodeSandboxPool::create(io);
        const auto begun = Clock::now();
        callOnce(io, *pool, difyCall(language));
        sandboxed.push_back(ms(Clock::now() - begun));
    }
    std::printf("  %-10s cold start   bare interpreter p50 %7.1f ms   fresh sandboxed worker + call p50 %7.1f ms\n",
                codeLanguageName(language), percentile(bare, 0.5), percentile(sandboxed, 0.5));
}

void cancel(CodeLanguage language, int runs)
{
    boost::asio::io_context io;
    auto pool = CodeSandboxPool::create(io);
    callOnce(io, *pool, difyCall(language));
    std::vector<double> answered, gone;
    for (int i = 0; i < runs; ++i) {
        CodeCall loop{language,
                      language == CodeLanguage::Python ? "def main():\n    while True:\n        pass\n"
                                                       : "function main() { while (true) {} }",
                      json::object(),
                      {}};
        bool done = false;
        int worker = 0;
        Clock::time_point cancelledAt, doneAt;
        const auto id = pool->run(loop, [&](CodeOutcome o) {
            doneAt = Clock::now();
            worker = o.worker;
            done = true;
        });
        boost::asio::steady_timer timer(io, std::chrono::milliseconds(100));
        timer.async_wait([&](const boost::system::error_code &) {
            cancelledAt = Clock::now();
            pool->cancel(id);
        });
        while (!done && io.run_one()) {
        }
        answered.push_back(ms(doneAt - cancelledAt));
        while (worker > 0 && ::kill(worker, 0) == 0) {  // reaped by the pool on its loop
            io.restart();
            io.run_for(std::chrono::microseconds(200));
        }
        gone.push_back(ms(Clock::now() - cancelledAt));
    }
    std::printf("  %-10s cancel       answered p50 %6.2f ms max %6.2f ms   worker gone p50 %6.2f ms max %6.2f ms\n",
                codeLanguageName(language), percentile(answered, 0.5), percentile(answered, 1.0),
                percentile(gone, 0.5), percentile(gone, 1.0));
}

// start -> code (the Dify body) -> end, run again and again on one host: the node as a
// workflow sees it, scheduling and references included.
void workflowRuns(CodeLanguage language, int runs)
{
    const json doc = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "bench"}, {"name", "Bench"},
                      {"mode", "workflow"},
                      {"inputs", {{{"name", "who"}}}},
                      {"nodes", {{{"id", "start"}, {"type", "start"}},
                                 {{"id", "c1"}, {"type", "code"},
                                  {"config", {{"language", codeLanguageName(language)},
                                              {"code", language == CodeLanguage::Python ? kPython : kJavaScript},
                                              {"inputs", {{{"name", "arg1"}, {"value", "Hello, "}}, {{"name", "arg2"}, {"value", "{{start.who}}"}}}},
                                              {"outputs", {{{"name", "result"}, {"type", "string"}}}}}}},
                                 {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"r", "{{c1.result}}"}}}}}}}},
                      {"edges", {{{"from", "start"}, {"to", "c1"}}, {{"from", "c1"}, {"to", "end"}}}}};
    auto workflow = parseWorkflow(doc.dump());
    if (!workflow) {
        std::fprintf(stderr, "bench workflow does not load: %s\n", workflow.diagnostics()[0].toString().c_str());
        std::exit(1);
    }
    auto compiled = CompiledWorkflow::compile(workflow.value(), NodeRegistry::builtin());
    if (!compiled) {
        std::fprintf(stderr, "bench workflow does not compile: %s\n", compiled.diagnostics()[0].toString().c_str());
        std::exit(1);
    }
    boost::asio::io_context io;
    RunHostSetup setup;
    setup.loadCatalog = false;
    auto host = makeRunHost(io, setup);
    std::vector<double> times;
    for (int i = 0; i < runs + 20; ++i) {
        RunOptions options;
        options.inputs = {{"who", "Ada"}};
        auto run = WorkflowRun::create(io, compiled.value(), host->services(), std::move(options));
        bool done = false;
        const auto begun = Clock::now();
        run->start([&](const WorkflowRun &) { done = true; });
        while (!done && io.run_one()) {
        }
        if (run->status() != RunStatus::Succeeded) {
            std::fprintf(stderr, "run failed: %s\n", run->error().c_str());
            std::exit(1);
        }
        if (i >= 20)  // the first ones start the worker
            times.push_back(ms(Clock::now() - begun));
    }
    std::printf("  %-10s workflow run start -> code -> end   p50 %7.3f ms   p99 %7.3f ms   (%d runs)\n",
                codeLanguageName(language), percentile(times, 0.5), percentile(times, 0.99), runs);
}

} // namespace

int main(int argc, char **argv)
{
    const int calls = argc > 1 ? std::max(10, std::atoi(argv[1])) : 1000;
    std::printf("Code node sandbox (%d warm calls per language)\n", calls);
    for (CodeLanguage language : {CodeLanguage::Python, CodeLanguage::JavaScript}) {
        if (const std::string missing = SandboxPrograms::find().missing(language); !missing.empty()) {
            std::printf("  %-10s skipped: %s\n", codeLanguageName(language), missing.c_str());
            continue;
        }
        warm(language, calls);
        workflowRuns(language, std::max(10, calls / 4));
        cold(language, 10);
        cancel(language, 10);
    }
    return 0;
}
