// The parts of WorkflowRun that give iteration and loop nodes their inner runs, and
// conversation variables (DESIGN.md §3, §4).
#include "engine/run/workflowrun.h"

#include "engine/conversation/conversationstore.h"
#include "engine/run/runnodecontext.h"

#include <boost/asio/post.hpp>

namespace flowdeck::engine {

WorkflowRun::ScopeFrame *WorkflowRun::frameOf(const std::string &container)
{
    for (WorkflowRun *run = this; run; run = run->m_parent.get())
        if (run->m_parent && run->m_frame.container == container)
            return &run->m_frame;
    return nullptr;
}

const nlohmann::json *WorkflowRun::lookupOutputs(const std::string &nodeId) const
{
    for (const WorkflowRun *run = this; run; run = run->m_parent.get()) {
        if (const nlohmann::json *outputs = run->nodeOutputs(nodeId))
            return outputs;
        if (run->m_parent && run->m_frame.container == nodeId)
            return &run->m_frame.values;  // {{iter.item}} from inside
    }
    return nullptr;
}

std::shared_ptr<WorkflowRun> WorkflowRun::startScope(int node, nlohmann::json frame,
                                                     std::function<void(const ScopeOutcome &)> done)
{
    const std::string &container = m_workflow->nodes()[node].spec->id;
    auto scope = CompiledWorkflow::scopeOf(m_workflow, container);
    if (!scope) {
        ScopeOutcome outcome;
        outcome.ok = false;
        outcome.errorKind = ErrorKind::Internal;
        outcome.error = "The node '" + container + "' has no nodes inside it to run.";
        done(outcome);
        return nullptr;
    }
    RunOptions options;
    options.limits = m_options.limits;
    options.runId = m_options.runId;
    auto child = std::shared_ptr<WorkflowRun>(new WorkflowRun(m_io, std::move(scope), m_services, std::move(options)));
    child->m_parent = shared_from_this();
    child->m_frame.container = container;
    child->m_frame.values = std::move(frame);
    WorkflowRun *raw = child.get();
    child->start([raw, done = std::move(done)](const WorkflowRun &) {
        ScopeOutcome outcome;
        outcome.ok = raw->m_status == RunStatus::Succeeded;
        outcome.cancelled = raw->m_status == RunStatus::Cancelled;
        outcome.errorKind = raw->m_errorKind;
        outcome.error = raw->m_error;
        outcome.failedNode = raw->m_failedNode;
        outcome.frame = raw->m_frame.values;
        outcome.breakLoop = raw->m_frame.breakLoop;
        outcome.usage = raw->m_usage;
        outcome.steps = raw->m_steps;
        auto self = raw->shared_from_this();
        outcome.render = [self](const nlohmann::json &value) {
            RunNodeContext context(self, -1, 0);
            return context.renderValue(value);
        };
        done(outcome);
    });
    return child;
}

void WorkflowRun::endScope(bool breakLoop)
{
    if (!m_parent || m_status != RunStatus::Running)
        return;
    m_frame.breakLoop = breakLoop;
    // After the break / continue node has finished: what else runs in this round stops.
    boost::asio::post(m_io, [self = shared_from_this()] {
        if (self->m_status == RunStatus::Running)
            self->finishRun(RunStatus::Succeeded);
    });
}

void WorkflowRun::initConversation()
{
    const Workflow &wf = m_workflow->workflow();
    if (wf.variables.empty())
        return;
    nlohmann::json stored = nlohmann::json::object();
    const auto *id = m_options.sys.is_object() ? &m_options.sys : nullptr;
    auto conversation = id && id->contains("conversation_id") && (*id)["conversation_id"].is_string()
                            ? (*id)["conversation_id"].get<std::string>()
                            : std::string();
    if (m_services.conversations && !conversation.empty())
        stored = m_services.conversations->load(
            m_options.conversationScope.empty() ? wf.id : m_options.conversationScope, conversation);
    for (const auto &v : wf.variables) {
        if (m_options.conversation.is_object() && m_options.conversation.contains(v.name))
            m_conversation[v.name] = m_options.conversation[v.name];
        else if (stored.contains(v.name))
            m_conversation[v.name] = stored[v.name];
        else
            m_conversation[v.name] = v.initialValue();
    }
}

void WorkflowRun::storeConversation()
{
    const Workflow &wf = m_workflow->workflow();
    if (m_parent || wf.variables.empty() || !m_services.conversations || !m_options.sys.is_object())
        return;
    auto it = m_options.sys.find("conversation_id");
    if (it == m_options.sys.end() || !it->is_string() || it->get_ref<const std::string &>().empty())
        return;
    m_services.conversations->save(m_options.conversationScope.empty() ? wf.id : m_options.conversationScope,
                                   it->get<std::string>(), m_conversation);
}

} // namespace flowdeck::engine
