// Debugging runs (DESIGN.md §11): nodes completed from outputs kept from an earlier run or
// pinned as test data, and runs of one node alone.
#include "engine/run/workflowrun.h"

namespace flowdeck::engine {

namespace {

// Answer and end nodes only render what reaches them: they run, so the answer and the
// outputs of a replayed run are those of this run.
bool rendersOnly(const std::string &type) { return type == "answer" || type == "end"; }

} // namespace

bool WorkflowRun::replayNode(int index)
{
    if (m_parent || m_options.replay.empty())
        return false;  // inside an iteration or loop, nodes always run
    const NodeSpec &spec = *m_workflow->nodes()[index].spec;
    auto it = m_options.replay.find(spec.id);
    if (it == m_options.replay.end() || rendersOnly(spec.type))
        return false;
    NodeRuntime &n = m_nodes[index];
    n.replayed = true;
    n.startedAt = std::chrono::steady_clock::now();
    if (listening())
        publish(RunEventType::NodeStarted, index, {{"attempt", 1}, {"inputs", nlohmann::json::object()}, {"replayed", true}});
    const nlohmann::json outputs = it->second.outputs.is_object() ? it->second.outputs : nlohmann::json::object();
    completeNode(index, outputs, it->second.port, {});
    return true;
}

void WorkflowRun::beginOnly()
{
    const auto &nodes = m_workflow->nodes();
    int target = -1;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].spec->id == m_options.only)
            target = static_cast<int>(i);
    if (target < 0) {
        const NodeSpec *inside = m_workflow->workflow().findNode(m_options.only);
        finishRun(RunStatus::Failed, ErrorKind::InvalidInput,
                  inside ? "The node '" + m_options.only +
                               "' runs inside an iteration or loop; run the whole container instead."
                         : "The workflow has no node '" + m_options.only + "' to run.",
                  m_options.only);
        return;
    }
    // What the node reads is there as if the nodes before it had run; nothing else runs.
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        auto it = m_options.replay.find(nodes[i].spec->id);
        if (static_cast<int>(i) == target || it == m_options.replay.end())
            continue;
        NodeRuntime &n = m_nodes[i];
        n.state = NodeState::Done;
        n.replayed = true;
        n.outputs = it->second.outputs.is_object() ? it->second.outputs : nlohmann::json::object();
    }
    m_nodes[target].state = NodeState::Queued;
    m_ready.push_back(target);
    drain();
}

bool WorkflowRun::finishOnly(int index)
{
    if (m_parent || m_options.only.empty() || m_workflow->nodes()[index].spec->id != m_options.only)
        return false;
    if (m_outputs.empty())
        m_outputs = m_nodes[index].outputs;
    // Whatever it leads to stays unrun: the run ends when the loop turns (checkFinished).
    return true;
}

} // namespace flowdeck::engine
