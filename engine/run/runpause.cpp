// Human input: a run waits for a form, is stored while it waits, and goes on when the
// form is answered, in the same process or after a restart (DESIGN.md §3).
#include "engine/run/workflowrun.h"
#include "engine/guard/guardstream.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/tokens.h"

#include <boost/asio/post.hpp>

namespace flowdeck::engine {

namespace asio = boost::asio;

namespace {

constexpr int kSnapshotVersion = 1;

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Diagnostic storedRunProblem(std::string message)
{
    Diagnostic d;
    d.code = "stored-run";
    d.message = std::move(message);
    return d;
}

} // namespace

void WorkflowRun::awaitInput(int node, int attempt, nlohmann::json form, std::int64_t timeoutMs,
                             std::function<void(HumanResponse)> handler)
{
    if (m_status != RunStatus::Running || m_nodes[node].attempt != attempt)
        return;
    auto paused = std::make_unique<PausedNode>();
    paused->node = node;
    paused->attempt = attempt;
    paused->form = std::move(form);
    paused->handler = std::move(handler);
    const std::string &id = m_workflow->nodes()[node].spec->id;
    bool announce = true;
    if (auto kept = m_restoredForms.find(id); kept != m_restoredForms.end()) {
        paused->token = valueOr(kept->second, "token", "");
        paused->deadlineMs = valueOr<std::int64_t>(kept->second, "deadlineMs", 0);
        m_restoredForms.erase(kept);
        announce = !m_earlyResponses.count(paused->token);
    }
    if (paused->token.empty()) {
        paused->token = randomHexId("form-");
        paused->deadlineMs = timeoutMs > 0 ? nowMs() + timeoutMs : 0;
    }
    const std::string token = paused->token;
    if (paused->deadlineMs > 0) {
        paused->timer = std::make_unique<asio::steady_timer>(m_io);
        paused->timer->expires_after(std::chrono::milliseconds(std::max<std::int64_t>(0, paused->deadlineMs - nowMs())));
        paused->timer->async_wait([weak = weak_from_this(), token](const boost::system::error_code &ec) {
            if (auto self = weak.lock(); self && !ec)
                self->answerInput(token, HumanResponse{"timeout", nlohmann::json::object()});
        });
    }
    nlohmann::json event = {{"token", token}, {"form", paused->form}};
    if (paused->deadlineMs > 0)
        event["deadlineMs"] = paused->deadlineMs;
    m_paused.push_back(std::move(paused));
    if (announce) {
        if (WorkflowRun &top = root(); top.m_guardStream)
            top.m_guardStream->flush();  // the answer so far goes out (checked) before the form
        publish(RunEventType::HumanInputRequired, node, std::move(event));
    }
    // Answered before it waited again (a restored run): go on at once, announcing no pause.
    if (auto early = m_earlyResponses.find(token); early != m_earlyResponses.end()) {
        HumanResponse response = std::move(early->second);
        m_earlyResponses.erase(early);
        answerInput(token, std::move(response));
    }
}

void WorkflowRun::answerInput(const std::string &token, HumanResponse response)
{
    if (m_status != RunStatus::Running)
        return;
    auto it = std::find_if(m_paused.begin(), m_paused.end(), [&](const auto &p) { return p->token == token; });
    if (it == m_paused.end()) {
        if (m_restored)
            m_earlyResponses[token] = std::move(response);
        return;
    }
    std::unique_ptr<PausedNode> paused = std::move(*it);
    m_paused.erase(it);
    if (paused->timer)
        paused->timer->cancel();
    m_pausedAnnounced = false;
    if (paused->handler)
        paused->handler(std::move(response));
}

void WorkflowRun::resume(std::string token, HumanResponse response)
{
    asio::post(m_io, [self = shared_from_this(), token = std::move(token), response = std::move(response)]() mutable {
        if (self->m_status == RunStatus::Pending) {
            self->m_earlyResponses[token] = std::move(response);
            return;
        }
        self->answerInput(token, std::move(response));
    });
}

std::vector<std::string> WorkflowRun::waitingTokens() const
{
    std::vector<std::string> tokens;
    for (const auto &p : m_paused)
        tokens.push_back(p->token);
    return tokens;
}

void WorkflowRun::suspend()
{
    asio::post(m_io, [self = shared_from_this()] {
        if (self->m_status != RunStatus::Running || self->m_paused.empty())
            return;
        self->m_status = RunStatus::Paused;
        self->m_endedAt = std::chrono::steady_clock::now();
        for (auto &p : self->m_paused)
            if (p->timer)
                p->timer->cancel();
        self->stopInFlight();
        if (auto done = std::move(self->m_onDone))
            done(*self);
    });
}

// Only human nodes wait and nothing else can move: tell the host, with what it needs to
// store the run and rebuild it later.
void WorkflowRun::checkPaused()
{
    if (m_parent || m_pausedAnnounced || m_status != RunStatus::Running || m_paused.empty() ||
        m_running != static_cast<int>(m_paused.size()) || !m_ready.empty() || !m_waitingForSlot.empty() ||
        m_pendingTimers > 0)
        return;
    m_pausedAnnounced = true;
    publish(RunEventType::RunPaused, -1,
            {{"snapshot", snapshot()}, {"tokens", waitingTokens()}, {"elapsedMs", elapsedMs()}});
}

nlohmann::json WorkflowRun::snapshot() const
{
    nlohmann::json nodes = nlohmann::json::object();
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const std::string &id = m_workflow->nodes()[i].spec->id;
        switch (m_nodes[i].state) {
        case NodeState::Done: nodes[id] = {{"state", "done"}, {"outputs", m_nodes[i].outputs}}; break;
        case NodeState::Skipped: nodes[id] = {{"state", "skipped"}}; break;
        default: break;
        }
    }
    for (const auto &p : m_paused)
        nodes[m_workflow->nodes()[p->node].spec->id] = {
            {"state", "waiting"}, {"token", p->token}, {"form", p->form}, {"deadlineMs", p->deadlineMs}};
    std::string edges;
    for (EdgeState e : m_edges)
        edges += e == EdgeState::Taken ? 't' : e == EdgeState::Skipped ? 's' : 'p';
    return {{"version", kSnapshotVersion}, {"runId", m_options.runId}, {"workflow", m_workflow->workflow().id},
            {"inputs", m_options.inputs}, {"sys", m_options.sys}, {"conversation", m_conversation},
            {"answer", m_answer}, {"outputs", m_outputs}, {"steps", m_steps}, {"usage", m_usage.toJson()},
            {"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"guard", m_guard.toJson()}};
}

bool WorkflowRun::applySnapshot(const nlohmann::json &s, std::string &error)
{
    const nlohmann::json nodesValue = valueOr<nlohmann::json>(s, "nodes", nlohmann::json());
    const nlohmann::json *nodes = nodesValue.is_object() ? &nodesValue : nullptr;
    const std::string edges = valueOr(s, "edges", "");
    if (!nodes || valueOr<int>(s, "version", 0) != kSnapshotVersion) {
        error = "The stored run is not one this Flowdeck can continue.";
        return false;
    }
    if (valueOr(s, "workflow", "") != m_workflow->workflow().id || edges.size() != m_edges.size()) {
        error = "The stored run belongs to another version of the workflow; it cannot be continued.";
        return false;
    }
    for (auto it = nodes->begin(); it != nodes->end(); ++it) {
        const int index = m_workflow->indexOf(it.key());
        if (index < 0 || !it->is_object()) {
            error = "The stored run names a node '" + it.key() + "' that this version of the workflow does not have.";
            return false;
        }
        const std::string state = valueOr(*it, "state", "");
        NodeRuntime &n = m_nodes[index];
        if (state == "done") {
            n.state = NodeState::Done;
            n.outputs = valueOr<nlohmann::json>(*it, "outputs", nlohmann::json::object());
        } else if (state == "skipped") {
            n.state = NodeState::Skipped;
        } else if (state == "waiting") {
            n.state = NodeState::Queued;
            m_ready.push_back(index);
            m_restoredForms[it.key()] = *it;
        }
    }
    for (std::size_t e = 0; e < m_edges.size(); ++e)
        m_edges[e] = edges[e] == 't' ? EdgeState::Taken : edges[e] == 's' ? EdgeState::Skipped : EdgeState::Pending;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        m_nodes[i].unresolved = 0;
        m_nodes[i].taken = 0;
        for (int e : m_workflow->nodes()[i].in) {
            m_nodes[i].unresolved += m_edges[e] == EdgeState::Pending;
            m_nodes[i].taken += m_edges[e] == EdgeState::Taken;
        }
    }
    m_options.runId = valueOr<std::string>(s, "runId", m_options.runId);
    m_options.inputs = valueOr<nlohmann::json>(s, "inputs", nlohmann::json::object());
    m_options.sys = valueOr<nlohmann::json>(s, "sys", nlohmann::json::object());
    m_conversation = valueOr<nlohmann::json>(s, "conversation", nlohmann::json::object());
    m_answer = valueOr(s, "answer", "");
    // What the app guard found before the pause stays the run's (findings hold no text).
    const nlohmann::json guard = valueOr<nlohmann::json>(s, "guard", nlohmann::json::object());
    for (const char *stage : {"input", "output"}) {
        const nlohmann::json found = valueOr<nlohmann::json>(valueOr<nlohmann::json>(guard, "findings", nlohmann::json::object()),
                                                             stage, nlohmann::json::array());
        auto &into = std::string_view(stage) == "input" ? m_guard.input : m_guard.output;
        if (found.is_array())
            for (const auto &f : found)
                into.push_back(GuardFinding::fromJson(f));
    }
    m_outputs = valueOr<nlohmann::json>(s, "outputs", nlohmann::json::object());
    m_steps = valueOr<int>(s, "steps", 0);
    m_usage = Usage::fromJson(valueOr<nlohmann::json>(s, "usage", nlohmann::json::object()));
    m_restored = true;
    return true;
}

Result<std::shared_ptr<WorkflowRun>> WorkflowRun::restore(asio::io_context &io,
                                                          std::shared_ptr<const CompiledWorkflow> workflow,
                                                          RunServices &services, RunOptions options,
                                                          const nlohmann::json &snapshot)
{
    auto run = create(io, std::move(workflow), services, std::move(options));
    std::string error;
    try {
        if (!run->applySnapshot(snapshot, error))
            return Result<std::shared_ptr<WorkflowRun>>::failure(storedRunProblem(error));
    } catch (const std::exception &) {  // a stored value of the wrong type
        return Result<std::shared_ptr<WorkflowRun>>::failure(storedRunProblem("The stored run is damaged."));
    }
    return Result<std::shared_ptr<WorkflowRun>>(std::move(run));
}

} // namespace flowdeck::engine
