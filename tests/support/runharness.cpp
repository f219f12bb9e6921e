#include "tests/support/runharness.h"

#include "engine/nodes/nodecontext.h"
#include "engine/workflow/workflowfile.h"

#include <boost/asio/steady_timer.hpp>

#include <map>
#include <stdexcept>

namespace flowdeck::tests {

using namespace flowdeck::engine;

namespace {

ErrorKind kindFromName(const std::string &name)
{
    for (ErrorKind k : {ErrorKind::InvalidInput, ErrorKind::Timeout, ErrorKind::Auth, ErrorKind::NotFound,
                        ErrorKind::RateLimited, ErrorKind::Network, ErrorKind::Upstream, ErrorKind::Limit})
        if (name == errorKindName(k))
            return k;
    return ErrorKind::Internal;
}

NodeDescriptor testType(const std::string &type, NodeExecute execute, bool async)
{
    NodeDescriptor d;
    d.type = type;
    d.title = type;
    d.category = "test";
    d.asynchronous = async;
    d.configSchema = {{"type", "object"}};
    d.outputs = {{"value", "any", {}}, {"startedAt", "number", {}}};
    d.defaultOutputs = [](const NodeSpec &) { return nlohmann::json{{"value", "default"}}; };
    d.execute = std::move(execute);
    return d;
}

double nowMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

int &RunHarness::flakyAttempts(const std::string &nodeId)
{
    static std::map<std::string, int> attempts;
    return attempts[nodeId];
}

namespace {

std::unique_ptr<RunHost> testHost(boost::asio::io_context &io)
{
    RunHostSetup setup;
    setup.kind = HostKind::Cli;
    setup.loadCatalog = false;
    return makeRunHost(io, std::move(setup));
}

} // namespace

RunHarness::RunHarness()
    : registry(NodeRegistry::builtin()), host(testHost(io)), http(host->http()), profiles(host->profiles()),
      secrets(host->secrets()), catalog(host->catalog()), mcp(host->mcp()), services(host->services())
{
    registry.add(testType("test.wait", [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        auto timer = std::make_shared<boost::asio::steady_timer>(ctx->io());
        const double started = nowMs();
        timer->expires_after(std::chrono::milliseconds(ctx->node().config.value("ms", 10)));
        ctx->cancelSignal().onCancel([timer] { timer->cancel(); });
        timer->async_wait([ctx, done, timer, started](const boost::system::error_code &ec) {
            if (ec)
                return done(NodeResult::failure(ErrorKind::Cancelled, "cancelled"));
            done(NodeResult::success({{"value", ctx->renderValue(ctx->node().config.value("output", nlohmann::json("done")))},
                                      {"startedAt", started},
                                      {"finishedAt", nowMs()}}));
        });
    }, true));
    registry.add(testType("test.flaky", [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        int &attempts = flakyAttempts(ctx->node().id);
        ++attempts;
        if (attempts <= ctx->node().config.value("failTimes", 1))
            return done(NodeResult::failure(kindFromName(ctx->node().config.value("kind", "network")),
                                            "failure number " + std::to_string(attempts)));
        done(NodeResult::success({{"value", "ok after " + std::to_string(attempts)}}));
    }, false));
    registry.add(testType("test.big", [](std::shared_ptr<NodeContext> ctx, NodeDone done) {
        done(NodeResult::success({{"value", std::string(ctx->node().config.value("bytes", 10), 'x')}}));
    }, false));
    services.modelBackoffMs = 20;
    services.modelStallTimeoutMs = 2000;
}

Workflow RunHarness::workflow(nlohmann::json document)
{
    document["format"] = "flowdeck.workflow";
    document["formatVersion"] = 1;
    if (!document.contains("id"))
        document["id"] = "test";
    if (!document.contains("name"))
        document["name"] = "Test";
    if (!document.contains("edges"))
        document["edges"] = nlohmann::json::array();
    auto result = parseWorkflow(document.dump());
    if (!result) {
        std::string all;
        for (const auto &d : result.diagnostics())
            all += d.toString() + "\n";
        throw std::runtime_error("test workflow does not load:\n" + all);
    }
    return result.value();
}

RunOutcome RunHarness::run(const Workflow &workflow, nlohmann::json inputs, nlohmann::json sys, RunLimits limits,
                           int cancelAfterMs)
{
    RunOptions options;
    options.inputs = std::move(inputs);
    options.sys = std::move(sys);
    options.limits = limits;
    return runWith(workflow, std::move(options), cancelAfterMs);
}

RunOutcome RunHarness::runWith(const Workflow &workflow, RunOptions options, int cancelAfterMs)
{
    RunOutcome out;
    auto compiled = CompiledWorkflow::compile(workflow, registry);
    out.diagnostics = compiled.diagnostics();
    if (!compiled)
        return out;
    out.compiled = true;
    options.onEvent = [&out](const RunEvent &e) { out.events.push_back(e); };
    auto run = WorkflowRun::create(io, compiled.value(), services, std::move(options));
    boost::asio::steady_timer cancelTimer(io);
    if (cancelAfterMs >= 0) {
        cancelTimer.expires_after(std::chrono::milliseconds(cancelAfterMs));
        cancelTimer.async_wait([run](const boost::system::error_code &ec) {
            if (!ec)
                run->cancel();
        });
    }
    bool done = false;
    run->start([&](const WorkflowRun &) {
        done = true;
        cancelTimer.cancel();
    });
    io.restart();
    while (!done && io.run_one()) {
    }
    // Let cancelled transfers and timers unwind, so the next run starts clean.
    io.restart();
    io.poll();
    out.status = run->status();
    out.outputs = run->outputs();
    out.answer = run->answer();
    out.errorKind = run->errorKind();
    out.error = run->error();
    out.failedNode = run->failedNode();
    out.steps = run->steps();
    out.elapsedMs = run->elapsedMs();
    out.guard = run->guard();
    std::weak_ptr<WorkflowRun> weak = run;
    run.reset();
    io.restart();
    io.poll();
    out.released = weak.expired();
    return out;
}

std::vector<std::string> RunOutcome::nodesWith(RunEventType type) const
{
    std::vector<std::string> out;
    for (const auto &e : events)
        if (e.type == type)
            out.push_back(e.nodeId);
    return out;
}

bool RunOutcome::has(RunEventType type, const std::string &node) const
{
    return position(type, node) >= 0;
}

int RunOutcome::position(RunEventType type, const std::string &node) const
{
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].type == type && events[i].nodeId == node)
            return static_cast<int>(i);
    return -1;
}

const RunEvent *RunOutcome::first(RunEventType type, const std::string &node) const
{
    for (const auto &e : events)
        if (e.type == type && (node.empty() || e.nodeId == node))
            return &e;
    return nullptr;
}

} // namespace flowdeck::tests
