#include "engine/run/runnodecontext.h"

#include "engine/core/secretstore.h"
#include "engine/run/workflowrun.h"

namespace flowdeck::engine {

namespace {

void appendText(std::string &out, const nlohmann::json &v)
{
    if (v.is_string())
        out += v.get_ref<const std::string &>();
    else if (!v.is_null())
        out += safeDump(v);
}

} // namespace

RunNodeContext::RunNodeContext(std::shared_ptr<WorkflowRun> run, int node, int attempt)
    : m_run(std::move(run)), m_node(node), m_attempt(attempt)
{
}

const NodeSpec &RunNodeContext::node() const { return *m_run->m_workflow->nodes()[m_node].spec; }
const Workflow &RunNodeContext::workflow() const { return m_run->m_workflow->workflow(); }
boost::asio::io_context &RunNodeContext::io() { return m_run->m_io; }
RunServices &RunNodeContext::services() { return m_run->m_services; }
const RunLimits &RunNodeContext::limits() const { return m_run->m_options.limits; }
const nlohmann::json &RunNodeContext::runInputs() const { return m_run->root().m_options.inputs; }
const nlohmann::json &RunNodeContext::sys() const { return m_run->root().m_options.sys; }

const nlohmann::json *RunNodeContext::resolve(const Reference &ref)
{
    switch (ref.kind) {
    case Reference::Kind::Node: {
        const nlohmann::json *outputs = m_run->lookupOutputs(ref.root);
        return outputs ? followPath(*outputs, ref.path) : nullptr;
    }
    case Reference::Kind::Sys:
        return followPath(m_run->root().m_options.sys, ref.path);
    case Reference::Kind::Conversation:
        return followPath(m_run->root().m_conversation, ref.path);
    case Reference::Kind::Env: {
        auto it = m_run->m_services.env.find(ref.firstKey());
        if (it != m_run->m_services.env.end())
            return &(m_scratch["env." + it->first] = it->second);
        // The workflow's own value (Workflow::env) when the host sets none.
        const EnvSpec *declared = m_run->m_workflow->workflow().findEnv(ref.firstKey());
        if (!declared || declared->value.is_null())
            return nullptr;
        return &(m_scratch["env." + declared->name] = declared->value);
    }
    case Reference::Kind::Secret: {
        if (m_maskSecrets)
            return &(m_scratch["masked"] = "******");
        const SecretStore *secrets = m_run->m_services.secrets;
        auto value = secrets ? secrets->get(ref.firstKey()) : std::nullopt;
        if (!value)
            return nullptr;
        return &(m_scratch["secret." + ref.firstKey()] = *value);
    }
    }
    return nullptr;
}

std::string RunNodeContext::render(std::string_view text)
{
    if (text.find("{{") == std::string_view::npos)
        return std::string(text);
    ParsedTemplate t = parseTemplate(text);
    std::string out;
    out.reserve(text.size());
    for (const auto &s : t.segments) {
        if (!s.isReference) {
            out += s.literal;
        } else if (const nlohmann::json *v = resolve(s.reference)) {
            appendText(out, *v);
        }
    }
    return out;
}

nlohmann::json RunNodeContext::renderValue(const nlohmann::json &value)
{
    if (value.is_string()) {
        const std::string &text = value.get_ref<const std::string &>();
        if (text.find("{{") == std::string::npos)
            return value;
        ParsedTemplate t = parseTemplate(text);
        if (t.segments.size() == 1 && t.segments[0].isReference) {
            const nlohmann::json *v = resolve(t.segments[0].reference);
            return v ? *v : nlohmann::json();
        }
        return render(text);
    }
    if (value.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (auto it = value.begin(); it != value.end(); ++it)
            out[it.key()] = renderValue(it.value());
        return out;
    }
    if (value.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &v : value)
            out.push_back(renderValue(v));
        return out;
    }
    return value;
}

nlohmann::json RunNodeContext::describeInputs()
{
    m_maskSecrets = true;
    nlohmann::json out = renderValue(node().config);
    m_maskSecrets = false;
    return out;
}

void RunNodeContext::runScope(nlohmann::json frame, std::function<void(const ScopeOutcome &)> done)
{
    auto child = m_run->startScope(m_node, std::move(frame), std::move(done));
    if (child)
        m_cancel.onCancel([weak = std::weak_ptr<WorkflowRun>(child)] {
            if (auto c = weak.lock())
                c->finishRun(RunStatus::Cancelled, ErrorKind::Cancelled, "The run was cancelled.");
        });
}

bool RunNodeContext::endRound(bool breakLoop)
{
    if (!m_run->m_parent)
        return false;
    m_run->endScope(breakLoop);
    return true;
}

nlohmann::json *RunNodeContext::variableSlot(const Reference &ref)
{
    const std::string name = ref.firstKey();
    if (name.empty() || ref.path.size() != 1)
        return nullptr;
    if (ref.kind == Reference::Kind::Conversation) {
        WorkflowRun &root = m_run->root();
        if (!root.m_workflow->workflow().findVariable(name))
            return nullptr;
        return &root.m_conversation[name];
    }
    if (ref.kind != Reference::Kind::Node)
        return nullptr;
    WorkflowRun::ScopeFrame *frame = m_run->frameOf(ref.root);
    if (!frame || !frame->values.is_object() || !frame->values.contains(name) || name == "index")
        return nullptr;
    return &frame->values[name];
}

void RunNodeContext::awaitInput(nlohmann::json form, std::int64_t timeoutMs, std::function<void(HumanResponse)> handler)
{
    m_run->awaitInput(m_node, m_attempt, std::move(form), timeoutMs, std::move(handler));
}

void RunNodeContext::progress(nlohmann::json data)
{
    m_run->publish(RunEventType::NodeProgress, m_node, std::move(data));
}

void RunNodeContext::token(std::string_view text, bool reasoning)
{
    m_run->onToken(m_node, m_attempt, text, reasoning);
}

void RunNodeContext::answer(std::string_view text)
{
    m_run->onAnswer(m_node, text);
}

void RunNodeContext::log(std::string_view level, std::string_view message)
{
    if (m_run->m_status == RunStatus::Running)
        m_run->publish(RunEventType::Log, m_node, {{"level", level}, {"message", message}});
}

} // namespace flowdeck::engine
