// WorkflowRun's chat answer: the text answer nodes send, streamed in order. An answer
// node fed only by an llm node, whose text is "[prefix]{{llm.text}}[suffix]", passes
// the llm's tokens through as they arrive instead of waiting for the whole reply.
#include "engine/run/workflowrun.h"
#include "engine/guard/guardstream.h"
#include "engine/core/jsonaccess.h"

#include "engine/workflow/reference.h"

namespace flowdeck::engine {

void WorkflowRun::planAnswerStreaming()
{
    const auto &nodes = m_workflow->nodes();
    const auto &edges = m_workflow->edges();
    m_passThrough.assign(nodes.size(), {});
    m_passThroughSource.assign(nodes.size(), -1);
    for (std::size_t a = 0; a < nodes.size(); ++a) {
        if (nodes[a].spec->type != "answer" || nodes[a].in.size() != 1 || nodes[a].spec->disabled)
            continue;
        const auto &edge = edges[nodes[a].in[0]];
        if (edge.port != kDefaultPort || nodes[edge.from].spec->type != "llm")
            continue;
        const std::string source = nodes[edge.from].spec->id;
        ParsedTemplate t = parseTemplate(engine::valueOr(nodes[a].spec->config, "text", ""));
        std::string prefix;
        bool found = false, plain = true;
        for (const auto &s : t.segments) {
            if (!s.isReference) {
                if (!found)
                    prefix += s.literal;
            } else if (!found && s.reference.root == source && s.reference.path.size() == 1 &&
                       s.reference.firstKey() == "text") {
                found = true;
            } else if (!found) {
                plain = false;  // another value comes first: wait for the node to run
            }
        }
        if (!found || !plain)
            continue;
        AnswerPassThrough p;
        p.answerNode = static_cast<int>(a);
        p.prefix = std::move(prefix);
        m_passThrough[edge.from].push_back(std::move(p));
        m_passThroughSource[a] = edge.from;
    }
}

void WorkflowRun::emitAnswer(std::string_view text)
{
    if (text.empty())
        return;
    if (m_parent)  // an answer node inside a container answers for the whole run
        return root().emitAnswer(text);
    if (m_guardStream)
        return m_guardStream->push(text);
    deliverAnswer(text);
}

void WorkflowRun::deliverAnswer(std::string_view text)
{
    if (text.empty())
        return;
    m_answer.append(text);
    publish(RunEventType::Answer, -1, {{"text", text}});
}

void WorkflowRun::onToken(int node, int attempt, std::string_view text, bool reasoning)
{
    if (m_status != RunStatus::Running || m_nodes[node].attempt != attempt)
        return;
    if (listening())
        publish(RunEventType::Token, node, {{"text", text}, {"reasoning", reasoning}});
    if (reasoning)
        return;
    for (auto &p : m_passThrough[node]) {
        if (p.broken)
            continue;
        if (p.started && p.attempt != attempt) {
            p.broken = true;  // an earlier attempt already streamed part of a reply
            continue;
        }
        if (!p.started && m_streamingSource >= 0 && m_streamingSource != node)
            continue;  // another reply is streaming: this one is sent whole when its answer node runs
        if (!p.started) {
            m_streamingSource = node;
            p.started = true;
            p.attempt = attempt;
            p.emitted = p.prefix;
            emitAnswer(p.prefix);
        }
        p.emitted.append(text);
        emitAnswer(text);
    }
}

void WorkflowRun::onAnswer(int node, std::string_view text)
{
    if (m_status != RunStatus::Running)
        return;
    const int source = m_passThroughSource[node];
    if (source >= 0) {
        for (auto &p : m_passThrough[source]) {
            if (p.answerNode != node || !p.started)
                continue;
            if (!p.broken && text.substr(0, p.emitted.size()) == p.emitted) {
                emitAnswer(text.substr(p.emitted.size()));
            } else {
                emitAnswer("\n\n");
                emitAnswer(text);
            }
            return;
        }
    }
    emitAnswer(text);
}

} // namespace flowdeck::engine
