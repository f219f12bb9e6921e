#include "engine/run/workflowrun.h"

#include "engine/core/tokens.h"
#include "engine/guard/guardstream.h"

#include "engine/run/runnodecontext.h"
#include "engine/workflow/reference.h"

#include <boost/asio/post.hpp>

#include <atomic>
#include <random>

namespace flowdeck::engine {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

namespace {

double msBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

} // namespace

const char *runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Pending: return "pending";
    case RunStatus::Running: return "running";
    case RunStatus::Succeeded: return "succeeded";
    case RunStatus::Failed: return "failed";
    case RunStatus::Cancelled: return "cancelled";
    case RunStatus::Paused: return "paused";
    }
    return "pending";
}

std::shared_ptr<WorkflowRun> WorkflowRun::create(asio::io_context &io, std::shared_ptr<const CompiledWorkflow> workflow,
                                                 RunServices &services, RunOptions options)
{
    return std::shared_ptr<WorkflowRun>(new WorkflowRun(io, std::move(workflow), services, std::move(options)));
}

WorkflowRun::WorkflowRun(asio::io_context &io, std::shared_ptr<const CompiledWorkflow> workflow, RunServices &services,
                         RunOptions options)
    : m_io(io), m_workflow(std::move(workflow)), m_services(services), m_options(std::move(options)), m_wallTimer(io)
{
    if (m_options.runId.empty())
        m_options.runId = randomHexId("run-");  // cannot be guessed from another (history, replays)
    // Node events go out when anyone listens: a container's inner runs ask their root.
    m_options.limits.maxParallel = std::max(1, m_options.limits.maxParallel);
    m_nodes.resize(m_workflow->nodes().size());
    m_edges.assign(m_workflow->edges().size(), EdgeState::Pending);
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        m_nodes[i].unresolved = static_cast<int>(m_workflow->nodes()[i].in.size());
    planAnswerStreaming();
}

WorkflowRun::~WorkflowRun() = default;

double WorkflowRun::elapsedMs() const
{
    if (m_status == RunStatus::Pending)
        return 0;
    return msBetween(m_startedAt, m_status == RunStatus::Running ? Clock::now() : m_endedAt);
}

const nlohmann::json *WorkflowRun::nodeOutputs(const std::string &nodeId) const
{
    int index = m_workflow->indexOf(nodeId);
    if (index < 0 || m_nodes[index].state != NodeState::Done)
        return nullptr;
    return &m_nodes[index].outputs;
}

void WorkflowRun::start(std::function<void(const WorkflowRun &)> onDone)
{
    m_onDone = std::move(onDone);
    asio::post(m_io, [self = shared_from_this()] { self->begin(); });
}

void WorkflowRun::cancel()
{
    asio::post(m_io, [self = shared_from_this()] {
        if (self->m_status == RunStatus::Running || self->m_status == RunStatus::Pending)
            self->finishRun(RunStatus::Cancelled, ErrorKind::Cancelled, "The run was cancelled.");
    });
}

void WorkflowRun::begin()
{
    if (m_status != RunStatus::Pending)
        return;
    m_status = RunStatus::Running;
    m_startedAt = Clock::now();
    if (m_parent) {  // one item or round inside a container: what nothing leads into starts
        for (std::size_t i = 0; i < m_nodes.size(); ++i)
            if (m_workflow->nodes()[i].in.empty()) {
                m_nodes[i].state = NodeState::Queued;
                m_ready.push_back(static_cast<int>(i));
            }
        drain();
        return;
    }
    if (!m_restored)
        initConversation();
    openGuardStream();
    if (guardInputs([self = shared_from_this()] { self->beginNodes(); }))
        return;  // announced with the inputs as checked; the nodes start once the checks pass
    announceStart();
    beginNodes();
}

void WorkflowRun::announceStart()
{
    nlohmann::json started = {{"workflow", m_workflow->workflow().id}, {"inputs", m_options.inputs}};
    if (m_restored)
        started["resumed"] = true;
    publish(RunEventType::RunStarted, -1, std::move(started));
    m_wallTimer.expires_after(std::chrono::milliseconds(m_options.limits.wallTimeMs));
    m_wallTimer.async_wait([weak = weak_from_this()](const boost::system::error_code &ec) {
        auto self = weak.lock();
        if (!ec && self && self->m_status == RunStatus::Running)
            self->finishRun(RunStatus::Failed, ErrorKind::Limit,
                            "The run took longer than its limit of " +
                                std::to_string(self->m_options.limits.wallTimeMs / 1000.0).substr(0, 6) + " s.");
    });
}

void WorkflowRun::beginNodes()
{
    if (m_status != RunStatus::Running)
        return;
    if (m_restored) {  // the human nodes it waited in wait again (runpause.cpp)
        drain();
        return;
    }
    if (!m_options.only.empty())
        return beginOnly();
    const int start = m_workflow->startIndex();
    m_nodes[start].state = NodeState::Queued;
    m_ready.push_back(start);
    // Nodes nothing leads into (other than start) never run: skip them now, so the
    // nodes they feed are not left waiting for an edge that never resolves.
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (static_cast<int>(i) != start && m_workflow->nodes()[i].in.empty() && m_nodes[i].state == NodeState::Waiting)
            skipNode(static_cast<int>(i));
    drain();
}

void WorkflowRun::drain()
{
    if (m_draining)
        return;
    m_draining = true;
    while (m_status == RunStatus::Running) {
        int node = -1;
        if (!m_waitingForSlot.empty() && m_asyncRunning < m_options.limits.maxParallel) {
            node = m_waitingForSlot.front();
            m_waitingForSlot.pop_front();
        } else if (!m_ready.empty()) {
            node = m_ready.front();
            m_ready.pop_front();
            if (m_workflow->nodes()[node].descriptor->asynchronous && m_asyncRunning >= m_options.limits.maxParallel) {
                m_waitingForSlot.push_back(node);
                continue;
            }
        } else {
            break;
        }
        launch(node);
    }
    m_draining = false;
    checkFinished();
    checkPaused();
}

void WorkflowRun::launch(int index)
{
    NodeRuntime &n = m_nodes[index];
    const auto &node = m_workflow->nodes()[index];
    if (node.spec->disabled)
        return passThrough(index);
    if (replayNode(index))
        return;
    if (++m_steps > m_options.limits.maxSteps) {
        finishRun(RunStatus::Failed, ErrorKind::Limit,
                  "The run reached its limit of " + std::to_string(m_options.limits.maxSteps) + " steps.",
                  node.spec->id);
        return;
    }
    n.state = NodeState::Running;
    n.attempt += 1;
    n.startedAt = Clock::now();
    ++m_running;
    if (node.descriptor->asynchronous)
        ++m_asyncRunning;
    const int attempt = n.attempt;
    n.context = std::make_shared<RunNodeContext>(shared_from_this(), index, attempt);
    if (listening())
        publish(RunEventType::NodeStarted, index, {{"attempt", attempt}, {"inputs", n.context->describeInputs()}});
    if (node.spec->timeoutMs) {
        if (!n.timer)
            n.timer = std::make_unique<asio::steady_timer>(m_io);
        n.timer->expires_after(std::chrono::milliseconds(*node.spec->timeoutMs));
        n.timer->async_wait([weak = weak_from_this(), index, attempt](const boost::system::error_code &ec) {
            auto self = weak.lock();
            if (!ec && self)
                self->onNodeTimeout(index, attempt);
        });
    }
    auto context = n.context;
    try {
        node.descriptor->execute(context, [weak = weak_from_this(), index, attempt](NodeResult result) {
            if (auto self = weak.lock())
                self->onNodeDone(index, attempt, std::move(result));
        });
    } catch (const std::exception &e) {  // a node's bug fails that node, not the program
        onNodeDone(index, attempt, NodeResult::failure(ErrorKind::Internal, std::string("Internal error: ") + e.what()));
    }
}

void WorkflowRun::onNodeTimeout(int index, int attempt)
{
    NodeRuntime &n = m_nodes[index];
    if (m_status != RunStatus::Running || n.state != NodeState::Running || n.attempt != attempt)
        return;
    auto context = n.context;  // record the timeout first, then stop the work
    onNodeDone(index, attempt,
               NodeResult::failure(ErrorKind::Timeout, "The node did not finish within its time limit of " +
                                                           std::to_string(*m_workflow->nodes()[index].spec->timeoutMs) +
                                                           " ms."));
    if (context)
        context->cancelSignal().cancel();
}

void WorkflowRun::onNodeDone(int index, int attempt, NodeResult result)
{
    NodeRuntime &n = m_nodes[index];
    if (m_status != RunStatus::Running || n.state != NodeState::Running || n.attempt != attempt)
        return;  // late: timed out, cancelled or the run is over
    if (n.timer && m_workflow->nodes()[index].spec->timeoutMs)
        n.timer->cancel();
    --m_running;
    if (m_workflow->nodes()[index].descriptor->asynchronous)
        --m_asyncRunning;
    if (m_streamingSource == index)
        m_streamingSource = -1;
    n.context.reset();
    if (result.ok()) {
        for (auto it = result.outputs.begin(); it != result.outputs.end(); ++it) {
            const std::size_t limit = m_options.limits.maxVariableBytes;
            std::size_t size = it->is_string() ? it->get_ref<const std::string &>().size() : safeDump(*it).size();
            if (size > limit) {
                result = NodeResult::failure(ErrorKind::Limit, "The output '" + it.key() + "' is " +
                                                                   std::to_string(size) + " bytes, over the limit of " +
                                                                   std::to_string(limit) + " bytes for one value.");
                break;
            }
        }
    }
    if (result.ok())
        completeNode(index, std::move(result.outputs), result.port, result.usage);
    else
        handleFailure(index, std::move(result));
    drain();
}

void WorkflowRun::handleFailure(int index, NodeResult result)
{
    NodeRuntime &n = m_nodes[index];
    const NodeSpec &spec = *m_workflow->nodes()[index].spec;
    const double elapsed = msBetween(n.startedAt, Clock::now());
    m_usage.add(result.usage);
    if (isRetryable(result.errorKind) && n.attempt <= spec.retry.max) {
        const long delay = static_cast<long>(spec.retry.backoffMs) << (n.attempt - 1);
        publish(RunEventType::NodeRetrying, index,
             {{"attempt", n.attempt + 1}, {"delayMs", delay}, {"kind", errorKindName(result.errorKind)},
              {"message", result.error}});
        n.state = NodeState::Queued;
        if (!n.timer)
            n.timer = std::make_unique<asio::steady_timer>(m_io);
        ++m_pendingTimers;
        n.timer->expires_after(std::chrono::milliseconds(delay));
        // Holds the run: while it waits, nothing else may.
        n.timer->async_wait([self = shared_from_this(), index](const boost::system::error_code &ec) {
            --self->m_pendingTimers;
            if (ec || self->m_status != RunStatus::Running)
                return;
            self->m_ready.push_back(index);
            self->drain();
        });
        return;
    }
    nlohmann::json failure = {{"kind", errorKindName(result.errorKind)}, {"message", result.error},
                              {"elapsedMs", elapsed}, {"attempts", n.attempt}, {"handled", onErrorName(spec.onError)}};
    publish(RunEventType::NodeFailed, index, failure);
    if (spec.onError == OnError::Fail || result.errorKind == ErrorKind::Limit) {
        n.state = NodeState::Failed;
        finishRun(RunStatus::Failed, result.errorKind, result.error, spec.id);
        return;
    }
    const auto *d = m_workflow->nodes()[index].descriptor;
    nlohmann::json outputs = d->defaultOutputs ? d->defaultOutputs(spec) : nlohmann::json::object();
    outputs["error"] = {{"kind", errorKindName(result.errorKind)}, {"message", result.error}};
    std::string port = spec.onError == OnError::Branch ? kErrorPort : std::string();
    if (spec.onError == OnError::Continue && d->portsFor)
        port = d->portsOf(spec).back().id;  // branching nodes continue on their last (else) port
    completeNode(index, std::move(outputs), port, {});
}

void WorkflowRun::completeNode(int index, nlohmann::json outputs, const std::string &port, const Usage &usage)
{
    NodeRuntime &n = m_nodes[index];
    n.state = NodeState::Done;
    n.outputs = std::move(outputs);
    m_usage.add(usage);
    const std::string taken = port.empty() ? kDefaultPort : port;
    if (listening()) {
        nlohmann::json data = {{"outputs", n.outputs}, {"port", taken},
                               {"elapsedMs", n.replayed ? 0.0 : msBetween(n.startedAt, Clock::now())}};
        if (!usage.empty())
            data["usage"] = usage.toJson();
        if (n.replayed)
            data["replayed"] = true;
        publish(RunEventType::NodeFinished, index, std::move(data));
    }
    const NodeSpec &spec = *m_workflow->nodes()[index].spec;
    if (spec.type == "end")
        for (auto it = n.outputs.begin(); it != n.outputs.end(); ++it)
            m_outputs[it.key()] = it.value();
    if (finishOnly(index))
        return;
    resolveEdges(index, taken);
}

void WorkflowRun::resolveEdges(int index, const std::string &takenPort)
{
    const auto &edges = m_workflow->edges();
    for (int e : m_workflow->nodes()[index].out) {
        const bool taken = !takenPort.empty() && edges[e].port == takenPort;
        m_edges[e] = taken ? EdgeState::Taken : EdgeState::Skipped;
        NodeRuntime &target = m_nodes[edges[e].to];
        --target.unresolved;
        if (taken)
            ++target.taken;
        if (target.unresolved == 0 && target.state == NodeState::Waiting) {
            if (target.taken > 0) {
                target.state = NodeState::Queued;
                m_ready.push_back(edges[e].to);
            } else {
                skipNode(edges[e].to);
            }
        }
    }
}

void WorkflowRun::skipNode(int index)
{
    m_nodes[index].state = NodeState::Skipped;
    if (listening())
        publish(RunEventType::NodeSkipped, index, nlohmann::json::object());
    resolveEdges(index, {});  // every outgoing edge is skipped too
}

void WorkflowRun::passThrough(int index)
{
    // As in Dify and n8n: what follows still runs; references to this node's outputs are empty.
    // A branching node goes on by its last port (else, other), as onError "continue" does.
    NodeRuntime &n = m_nodes[index];
    const NodeSpec &spec = *m_workflow->nodes()[index].spec;
    const auto *d = m_workflow->nodes()[index].descriptor;
    const auto ports = d->portsFor ? d->portsOf(spec) : std::vector<PortSpec>{};
    const std::string port = ports.empty() ? std::string(kDefaultPort) : ports.back().id;
    n.state = NodeState::Done;
    n.outputs = nlohmann::json::object();
    publish(RunEventType::NodeFinished, index,
            {{"outputs", n.outputs}, {"port", port}, {"elapsedMs", 0}, {"disabled", true}});
    resolveEdges(index, port);
}

void WorkflowRun::checkFinished()
{
    if (m_status != RunStatus::Running || m_running > 0 || !m_ready.empty() || !m_waitingForSlot.empty() ||
        m_pendingTimers > 0)
        return;
    finishRun(RunStatus::Succeeded);
}

void WorkflowRun::stopInFlight()
{
    for (auto &n : m_nodes) {
        if (n.timer)
            n.timer->cancel();
        if (auto ctx = std::move(n.context))
            ctx->cancelSignal().cancel();
    }
    m_wallTimer.cancel();
    stopGuard();
}

void WorkflowRun::finishRun(RunStatus status, ErrorKind kind, std::string error, std::string node)
{
    if (m_status != RunStatus::Running && m_status != RunStatus::Pending)
        return;
    if (status == RunStatus::Succeeded && guardBeforeSuccess())
        return;  // the held answer and the outputs are checked first; it comes back here
    if (m_status == RunStatus::Pending)
        m_startedAt = Clock::now();
    m_status = status;
    m_endedAt = Clock::now();
    m_errorKind = kind;
    m_error = std::move(error);
    m_failedNode = std::move(node);
    stopInFlight();
    if (m_parent) {  // an item or round: the container's node reads how it ended
        if (auto done = std::move(m_onDone))
            done(*this);
        return;
    }
    if (status == RunStatus::Succeeded)
        storeConversation();
    const double elapsed = elapsedMs();
    RunEvent event{RunEventType::RunFinished, m_options.runId, {}, {}, {}};
    if (status == RunStatus::Succeeded) {
        event.data = {{"outputs", m_outputs}, {"usage", m_usage.toJson()}, {"elapsedMs", elapsed}, {"steps", m_steps}};
        if (m_workflow->workflow().isChat())
            event.data["answer"] = m_answer;
    } else if (status == RunStatus::Failed) {
        event.type = RunEventType::RunFailed;
        event.data = {{"kind", errorKindName(kind)}, {"message", m_error}, {"elapsedMs", elapsed}};
        if (!m_failedNode.empty())
            event.data["node"] = m_failedNode;
    } else {
        event.type = RunEventType::RunCancelled;
        event.data = {{"elapsedMs", elapsed}};
    }
    if (m_options.onEvent)
        m_options.onEvent(event);
    if (auto done = std::move(m_onDone))
        done(*this);
}

void WorkflowRun::publish(RunEventType type, int node, nlohmann::json data)
{
    if (m_parent) {  // inside a container: the root's listeners hear it, tagged with the item
        const WorkflowRun &top = root();
        if (!top.m_options.onEvent)
            return;
        RunEvent event{type, m_options.runId, {}, {}, std::move(data)};
        if (node >= 0) {
            event.nodeId = m_workflow->nodes()[node].spec->id;
            event.nodeType = m_workflow->nodes()[node].spec->type;
        }
        nlohmann::json scope = {{"container", m_frame.container}};
        if (m_frame.values.is_object() && m_frame.values.contains("index"))
            scope["index"] = m_frame.values["index"];
        event.data["scope"] = std::move(scope);
        top.m_options.onEvent(event);
        return;
    }
    if (!m_options.onEvent)
        return;
    RunEvent event{type, m_options.runId, {}, {}, std::move(data)};
    if (node >= 0) {
        event.nodeId = m_workflow->nodes()[node].spec->id;
        event.nodeType = m_workflow->nodes()[node].spec->type;
    }
    m_options.onEvent(event);
}

} // namespace flowdeck::engine
