// The app guard policy's added latency per chat message (DESIGN.md §10, issue 18): a chat
// workflow that answers the message back, run with no policy and with input and output
// checks (PII, secrets, a 10,000-term keyword list, injection patterns, links) on a 2 KB
// Chinese message; p50/p99 of whole runs and the difference. The answer goes through the
// output guard's hold-back as a streamed answer would.
//   bench_guardpolicy [runs]
#include "engine/nodes/noderegistry.h"
#include "engine/run/compiledworkflow.h"
#include "engine/run/workflowrun.h"
#include "engine/workflow/workflowfile.h"

#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace flowdeck::engine;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const char *kRare = "鑫淼焱垚犇骉麤羴猋鱻毳翯瞐蚖龘靐齉爨癵驫鸜鸝籱灪爩";
const char *kMessage = "你好，我想了解一下你们的云服务套餐。我们公司有二十个人，平时主要用来做文档协作和数据分析，"
                       "请问哪个方案比较合适？另外，价格是按月还是按年计算，有没有试用期？谢谢！";

std::vector<std::string> characters(const char *text)
{
    std::vector<std::string> out;
    for (const char *p = text; *p; p += 3)
        out.emplace_back(p, 3);
    return out;
}

Workflow workflow(bool guarded)
{
    std::mt19937 random(7);
    const auto rare = characters(kRare);
    json terms = json::array();
    while (terms.size() < 10000) {
        std::string term;
        for (int i = 0, n = 2 + static_cast<int>(random() % 3); i < n; ++i)
            term += rare[random() % rare.size()];
        terms.push_back(term);
    }
    const json checks = {{"pii", json::object()}, {"secrets", json::object()}, {"injection", json::object()},
                         {"urls", {{"allow", {"example.com"}}}},
                         {"keywords", {{"lists", {{{"name", "bench"}, {"category", "illegal"}, {"terms", terms}}}}}}};
    json doc = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "bench"}, {"name", "Bench"}, {"mode", "chat"},
                {"nodes", {{{"id", "start"}, {"type", "start"}},
                           {{"id", "answer"}, {"type", "answer"}, {"config", {{"text", "{{sys.query}}"}}}}}},
                {"edges", {{{"from", "start"}, {"to", "answer"}}}}};
    if (guarded)
        doc["guard"] = {{"input", {{"checks", checks}, {"action", "check"}}}, {"output", {{"checks", checks}, {"action", "check"}}}};
    auto parsed = parseWorkflow(doc.dump());
    if (!parsed) {
        std::fprintf(stderr, "bench workflow does not load: %s\n", parsed.diagnostics()[0].toString().c_str());
        std::exit(1);
    }
    return parsed.value();
}

struct Figures {
    double p50 = 0, p99 = 0;
};

Figures measure(bool guarded, const std::string &message, int runs)
{
    auto compiled = CompiledWorkflow::compile(workflow(guarded), NodeRegistry::builtin());
    if (!compiled) {
        std::fprintf(stderr, "bench workflow does not validate: %s\n", compiled.diagnostics()[0].toString().c_str());
        std::exit(1);
    }
    RunServices services;
    std::vector<double> samples;
    for (int r = 0; r < runs; ++r) {
        boost::asio::io_context io;
        RunOptions options;
        options.sys = {{"query", message}};
        auto run = WorkflowRun::create(io, compiled.value(), services, std::move(options));
        const auto start = Clock::now();
        run->start();
        io.run();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (run->status() != RunStatus::Succeeded || run->guard().blocked || run->answer() != message) {
            std::fprintf(stderr, "bench run did not answer the message back (%s)\n", run->error().c_str());
            std::exit(1);
        }
    }
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[samples.size() * 99 / 100]};
}

} // namespace

int main(int argc, char **argv)
{
    const int runs = argc > 1 ? std::max(100, std::atoi(argv[1])) : 2000;
    std::string message;
    while (message.size() < 2048)
        message += kMessage;
    const auto t0 = Clock::now();
    (void)CompiledWorkflow::compile(workflow(true), NodeRegistry::builtin());
    const double compileMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    const Figures bare = measure(false, message, runs);
    const Figures guarded = measure(true, message, runs);
    std::printf("app guard policy, chat message of %zu bytes, %d runs each\n", message.size(), runs);
    std::printf("  workflow with the policy compiled (10,000 terms, input and output): %.1f ms\n", compileMs);
    std::printf("  run without policy: p50 %.3f ms, p99 %.3f ms\n", bare.p50, bare.p99);
    std::printf("  run with policy:    p50 %.3f ms, p99 %.3f ms\n", guarded.p50, guarded.p99);
    std::printf("  added by the policy (input and output checked): p50 %.3f ms, p99 %.3f ms (goal < 0.5 ms p50)\n",
                guarded.p50 - bare.p50, guarded.p99 - bare.p99);
    return 0;
}
