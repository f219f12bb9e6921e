#include "engine/run/runtrace.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"

#include <deque>
#include <set>

namespace flowdeck::engine {

namespace {

constexpr std::size_t kPreviewBytes = 2048;

const nlohmann::json *field(const nlohmann::json &j, const char *key)
{
    if (!j.is_object())
        return nullptr;
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

// Cuts `text` at `bytes` without splitting a UTF-8 sequence.
std::string utf8Prefix(const std::string &text, std::size_t bytes)
{
    if (text.size() <= bytes)
        return text;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

const char *statusOf(RunEventType type)
{
    switch (type) {
    case RunEventType::NodeStarted: return "running";
    case RunEventType::NodeFinished: return "done";
    case RunEventType::NodeFailed: return "failed";
    case RunEventType::NodeSkipped: return "skipped";
    default: return nullptr;
    }
}

// `nodeId` and every node that runs after it: along edges, and inside the containers reached.
std::set<std::string> fromHere(const Workflow &workflow, const std::string &nodeId)
{
    std::set<std::string> reached{nodeId};
    std::deque<std::string> frontier{nodeId};
    while (!frontier.empty()) {
        const std::string at = frontier.front();
        frontier.pop_front();
        for (const auto &e : workflow.edges)
            if (e.from == at && reached.insert(e.to).second)
                frontier.push_back(e.to);
    }
    for (const auto &n : workflow.nodes)
        for (const auto &container : workflow.containersOf(n.id))
            if (reached.count(container))
                reached.insert(n.id);
    return reached;
}

} // namespace

RunTrace::RunTrace(std::size_t maxValueBytes, std::size_t maxTotalBytes)
    : m_maxValueBytes(maxValueBytes), m_maxTotalBytes(maxTotalBytes)
{
}

nlohmann::json RunTrace::bounded(const nlohmann::json &value, bool &cut)
{
    const std::string text = safeDump(value);
    if (text.size() <= m_maxValueBytes && m_total + text.size() <= m_maxTotalBytes) {
        m_total += text.size();
        return value;
    }
    cut = true;
    if (m_total + text.size() > m_maxTotalBytes)
        m_truncated = true;
    m_total += kPreviewBytes;
    return {{"truncated", true}, {"bytes", text.size()}, {"preview", utf8Prefix(text, kPreviewBytes)}};
}

nlohmann::json &RunTrace::entry(const RunEvent &event)
{
    auto it = m_nodes.find(event.nodeId);
    if (it != m_nodes.end())
        return *it;
    m_order.push_back(event.nodeId);
    nlohmann::json &e = m_nodes[event.nodeId];
    e = {{"type", event.nodeType}};
    return e;
}

void RunTrace::add(const RunEvent &event)
{
    const char *status = statusOf(event.type);
    if (!status || event.nodeId.empty())
        return;
    nlohmann::json &e = entry(event);
    e["status"] = status;
    const nlohmann::json *scope = field(event.data, "scope");
    if (scope && scope->is_object())
        e["scope"] = *scope;
    if (valueOr(event.data, "replayed", false))
        e["replayed"] = true;
    bool cut = false;
    switch (event.type) {
    case RunEventType::NodeStarted:
        e.erase("outputs");
        e.erase("error");
        e.erase("truncated");
        if (const nlohmann::json *inputs = field(event.data, "inputs"))
            e["inputs"] = bounded(*inputs, cut);
        break;
    case RunEventType::NodeFinished:
        if (const nlohmann::json *outputs = field(event.data, "outputs"))
            e["outputs"] = bounded(*outputs, cut);
        e["port"] = valueOr<std::string>(event.data, "port", "");
        e["elapsedMs"] = valueOr<double>(event.data, "elapsedMs", 0.0);
        break;
    case RunEventType::NodeFailed:
        e["error"] = {{"kind", valueOr<std::string>(event.data, "kind", "")},
                      {"message", valueOr<std::string>(event.data, "message", "")}};
        e["elapsedMs"] = valueOr<double>(event.data, "elapsedMs", 0.0);
        break;
    default:
        break;
    }
    if (cut)
        e["truncated"] = true;
}

nlohmann::json RunTrace::toJson() const
{
    return {{"nodes", m_nodes}, {"order", m_order}, {"truncated", m_truncated}};
}

RunTrace RunTrace::fromJson(const nlohmann::json &trace)
{
    RunTrace out;
    const nlohmann::json *nodes = field(trace, "nodes");
    if (!nodes || !nodes->is_object())
        return out;
    const nlohmann::json *order = field(trace, "order");
    std::set<std::string> seen;
    auto take = [&](const std::string &id) {
        auto it = nodes->find(id);
        if (it == nodes->end() || !it->is_object() || !seen.insert(id).second)
            return;
        out.m_nodes[id] = *it;
        out.m_order.push_back(id);
    };
    if (order && order->is_array())
        for (const auto &id : *order)
            if (id.is_string())
                take(id.get<std::string>());
    for (auto it = nodes->begin(); it != nodes->end(); ++it)
        take(it.key());
    out.m_truncated = valueOr(trace, "truncated", false);
    return out;
}

std::map<std::string, ReplayedNode> RunTrace::replayAll() const
{
    std::map<std::string, ReplayedNode> out;
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        const nlohmann::json &e = *it;
        const nlohmann::json *outputs = field(e, "outputs");
        if (valueOr<std::string>(e, "status", "") != "done" || valueOr(e, "truncated", false) || e.contains("scope") ||
            !outputs || !outputs->is_object())
            continue;
        out[it.key()] = ReplayedNode{*outputs, valueOr<std::string>(e, "port", "")};
    }
    return out;
}

std::map<std::string, ReplayedNode> RunTrace::replayBefore(const Workflow &workflow, const std::string &nodeId) const
{
    std::map<std::string, ReplayedNode> out = replayAll();
    for (const auto &id : fromHere(workflow, nodeId))
        out.erase(id);
    for (auto it = out.begin(); it != out.end();) {
        const NodeSpec *spec = workflow.findNode(it->first);
        it = spec && spec->parent.empty() ? std::next(it) : out.erase(it);  // gone, or inside a container now
    }
    return out;
}

const nlohmann::json *RunTrace::node(const std::string &nodeId) const
{
    auto it = m_nodes.find(nodeId);
    return it == m_nodes.end() ? nullptr : &*it;
}

} // namespace flowdeck::engine
