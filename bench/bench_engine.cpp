// Engine benchmark: scheduling overhead per node on a chain of 1,000 template nodes,
// a 1,000-way fan-out/fan-in, validation and compile time, how long a cancel takes to
// stop two HTTP requests in flight (DESIGN.md §4: within 100 ms), the engine's cost per
// item of an iteration over 10,000 items (goal under 10 us), and peak memory.
//   bench_engine [repetitions]
#include "engine/nodes/noderegistry.h"
#include "engine/run/runhost.h"
#include "engine/run/workflowrun.h"
#include "engine/workflow/workflowfile.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace flowdeck::engine;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

Workflow makeWorkflow(json nodes, json edges)
{
    json doc = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "bench"}, {"name", "Bench"},
                {"mode", "workflow"}, {"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
    auto result = parseWorkflow(doc.dump());
    if (!result) {
        std::fprintf(stderr, "bench workflow does not load: %s\n", result.diagnostics()[0].toString().c_str());
        std::exit(1);
    }
    return result.value();
}

Workflow chain(int n)
{
    json nodes = {{{"id", "start"}, {"type", "start"}}};
    json edges = json::array();
    std::string prev = "start";
    for (int i = 0; i < n; ++i) {
        std::string id = "t" + std::to_string(i);
        // Each node renders the previous one's text: a reference resolved per node.
        std::string tpl = i == 0 ? "step 0" : "{{" + prev + ".text}}";
        nodes.push_back({{"id", id}, {"type", "template"}, {"config", {{"template", tpl}}}});
        edges.push_back({{"from", prev}, {"to", id}});
        prev = id;
    }
    nodes.push_back({{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"last", "{{" + prev + ".text}}"}}}}}});
    edges.push_back({{"from", prev}, {"to", "end"}});
    return makeWorkflow(nodes, edges);
}

Workflow fan(int n)
{
    json nodes = {{{"id", "start"}, {"type", "start"}}};
    json edges = json::array();
    for (int i = 0; i < n; ++i) {
        std::string id = "b" + std::to_string(i);
        nodes.push_back({{"id", id}, {"type", "template"}, {"config", {{"template", "branch " + std::to_string(i)}}}});
        edges.push_back({{"from", "start"}, {"to", id}});
        edges.push_back({{"from", id}, {"to", "join"}});
    }
    nodes.push_back({{"id", "join"}, {"type", "template"}, {"config", {{"template", "{{b0.text}} .. {{b" + std::to_string(n - 1) + ".text}}"}}}});
    nodes.push_back({{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"v", "{{join.text}}"}}}}}});
    edges.push_back({{"from", "join"}, {"to", "end"}});
    return makeWorkflow(nodes, edges);
}

// An iteration over `items` numbers whose inner sub-graph is one template node.
Workflow iteration(int items, bool parallel)
{
    json list = json::array();
    for (int i = 0; i < items; ++i)
        list.push_back(i);
    json nodes = {{{"id", "start"}, {"type", "start"}},
                  {{"id", "each"}, {"type", "iteration"},
                   {"config", {{"items", list.dump()}, {"output", "{{fmt.text}}"}, {"parallel", parallel}, {"maxParallel", 16}}}},
                  {{"id", "fmt"}, {"type", "template"}, {"parent", "each"}, {"config", {{"template", "item {{each.item}}"}}}},
                  {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"n", "{{each.results[9999]}}"}}}}}}};
    json edges = {{{"from", "start"}, {"to", "each"}}, {{"from", "each"}, {"to", "end"}}};
    return makeWorkflow(nodes, edges);
}

struct Figures {
    double compileMs = 0;
    double bestRunUs = 1e18;
    double medianRunUs = 0;
    int nodes = 0;
};

Figures measure(const Workflow &wf, int repetitions, bool withEvents)
{
    Figures f;
    f.nodes = static_cast<int>(wf.nodes.size());
    auto t0 = Clock::now();
    auto compiled = CompiledWorkflow::compile(wf, NodeRegistry::builtin());
    f.compileMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (!compiled) {
        std::fprintf(stderr, "bench workflow does not validate: %s\n", compiled.diagnostics()[0].toString().c_str());
        std::exit(1);
    }
    RunServices services;
    std::vector<double> samples;
    std::size_t events = 0;
    for (int r = 0; r < repetitions; ++r) {
        boost::asio::io_context io;
        RunOptions options;
        options.limits.maxSteps = 1 << 20;
        options.limits.maxIterationItems = 1 << 20;
        if (withEvents)
            options.onEvent = [&events](const RunEvent &) { ++events; };
        auto run = WorkflowRun::create(io, compiled.value(), services, std::move(options));
        auto start = Clock::now();
        run->start();
        io.run();
        double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
        if (run->status() != RunStatus::Succeeded) {
            std::fprintf(stderr, "bench run failed: %s\n", run->error().c_str());
            std::exit(1);
        }
        samples.push_back(us);
    }
    std::sort(samples.begin(), samples.end());
    f.bestRunUs = samples.front();
    f.medianRunUs = samples[samples.size() / 2];
    return f;
}

// A run of two http nodes to a server that accepts and never answers, cancelled after
// 50 ms: the time from cancel() to the run's end, in ms (median and worst of `n`).
void measureCancel(int n)
{
    namespace asio = boost::asio;
    std::vector<double> samples;
    for (int r = 0; r < n; ++r) {
        asio::io_context io;
        asio::ip::tcp::acceptor silent(io, {asio::ip::make_address("127.0.0.1"), 0});
        std::vector<std::shared_ptr<asio::ip::tcp::socket>> held;
        std::function<void()> accept = [&] {
            auto socket = std::make_shared<asio::ip::tcp::socket>(io);
            silent.async_accept(*socket, [&, socket](const boost::system::error_code &ec) {
                if (ec)
                    return;
                held.push_back(socket);
                accept();
            });
        };
        accept();
        const std::string url = "http://127.0.0.1:" + std::to_string(silent.local_endpoint().port()) + "/";
        json nodes = {{{"id", "start"}, {"type", "start"}},
                      {{"id", "a"}, {"type", "http"}, {"config", {{"url", url + "a"}}}},
                      {{"id", "b"}, {"type", "http"}, {"config", {{"url", url + "b"}}}},
                      {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"a", "{{a.status}}"}}}}}}};
        json edges = {{{"from", "start"}, {"to", "a"}}, {{"from", "start"}, {"to", "b"}},
                      {{"from", "a"}, {"to", "end"}}, {{"from", "b"}, {"to", "end"}}};
        auto compiled = CompiledWorkflow::compile(makeWorkflow(nodes, edges), NodeRegistry::builtin());
        RunHostSetup setup;
        setup.loadCatalog = false;
        auto host = makeRunHost(io, setup);
        auto run = WorkflowRun::create(io, compiled.value(), host->services(), RunOptions{});
        Clock::time_point cancelledAt;
        double took = -1;
        run->start([&](const WorkflowRun &) {
            took = std::chrono::duration<double, std::milli>(Clock::now() - cancelledAt).count();
            silent.close();
            held.clear();
        });
        asio::steady_timer timer(io, std::chrono::milliseconds(50));
        timer.async_wait([&](const boost::system::error_code &) {
            cancelledAt = Clock::now();
            run->cancel();
        });
        while (took < 0 && io.run_one_for(std::chrono::seconds(10)) > 0) {
        }
        host->closeServers();
        if (took >= 0)
            samples.push_back(took);
    }
    if (samples.empty()) {
        std::printf("cancel of 2 requests in flight: the run did not end\n");
        return;
    }
    std::sort(samples.begin(), samples.end());
    std::printf("%-34s median %8.2f ms  worst %8.2f ms  (%zu runs)\n", "cancel of 2 requests in flight",
                samples[samples.size() / 2], samples.back(), samples.size());
}

void report(const char *name, const Figures &f)
{
    std::printf("%-34s %6d nodes  compile+validate %8.2f ms  run median %9.1f us (best %9.1f)  %6.2f us/node\n", name,
                f.nodes, f.compileMs, f.medianRunUs, f.bestRunUs, f.medianRunUs / f.nodes);
}

} // namespace

int main(int argc, char **argv)
{
    const int repetitions = argc > 1 ? std::max(1, std::atoi(argv[1])) : 30;
    std::printf("Flowdeck engine benchmark (%d repetitions; figures are per whole run)\n", repetitions);
    const Workflow c = chain(1000);
    const Workflow f = fan(1000);
    report("chain of 1,000 templates", measure(c, repetitions, false));
    report("chain of 1,000 templates + events", measure(c, repetitions, true));
    report("1,000-way fan-out / fan-in", measure(f, repetitions, false));
    report("1,000-way fan-out / fan-in + events", measure(f, repetitions, true));
    const Workflow big = chain(10000);
    report("chain of 10,000 templates", measure(big, std::max(1, repetitions / 10), false));
    for (bool parallel : {false, true}) {
        Figures it = measure(iteration(10000, parallel), std::max(3, repetitions / 3), false);
        std::printf("%-34s 10,000 items  run median %9.1f us (best %9.1f)  %6.2f us/item\n",
                    parallel ? "iteration, parallel (bound 16)" : "iteration, sequential", it.medianRunUs, it.bestRunUs,
                    it.medianRunUs / 10000);
    }
    measureCancel(std::max(3, repetitions / 3));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak memory (max RSS): %.1f MiB\n", usage.ru_maxrss / 1024.0);
    return 0;
}
