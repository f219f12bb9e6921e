#include "engine/nodes/noderegistry.h"

#include <stdexcept>

namespace flowdeck::engine {

const char *errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return "none";
    case ErrorKind::InvalidInput: return "invalid_input";
    case ErrorKind::Timeout: return "timeout";
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::Auth: return "auth";
    case ErrorKind::NotFound: return "not_found";
    case ErrorKind::RateLimited: return "rate_limited";
    case ErrorKind::Network: return "network";
    case ErrorKind::Upstream: return "upstream";
    case ErrorKind::Blocked: return "blocked";
    case ErrorKind::Limit: return "limit";
    case ErrorKind::Internal: return "internal";
    }
    return "internal";
}

bool isRetryable(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Timeout:
    case ErrorKind::RateLimited:
    case ErrorKind::Network:
    case ErrorKind::Upstream:
        return true;
    default:
        return false;
    }
}

std::vector<OutputSpec> NodeDescriptor::outputsOf(const NodeSpec &node, const Workflow &workflow) const
{
    return outputsFor ? outputsFor(node, workflow) : outputs;
}

std::vector<PortSpec> NodeDescriptor::portsOf(const NodeSpec &node) const
{
    if (portsFor)
        return portsFor(node);
    if (ports.empty())
        return {{kDefaultPort, "Next"}};
    return ports;
}

nlohmann::json NodeDescriptor::toJson() const
{
    nlohmann::json outs = nlohmann::json::array();
    for (const auto &o : outputs)
        outs.push_back({{"name", o.name}, {"type", o.type}, {"description", o.description}});
    nlohmann::json portList = nlohmann::json::array();
    for (const auto &p : ports)
        portList.push_back({{"id", p.id}, {"label", p.label}});
    return {{"type", type},
            {"title", title},
            {"title_zh", titleZh},
            {"description", description},
            {"description_zh", descriptionZh},
            {"icon", icon},
            {"category", category},
            {"configSchema", configSchema},
            {"outputs", outs},
            {"ports", portList},
            {"dynamicOutputs", static_cast<bool>(outputsFor)},
            {"dynamicPorts", static_cast<bool>(portsFor)},
            {"mode", mode},
            {"container", container}};
}

bool NodeRegistry::add(NodeDescriptor descriptor, std::string *error)
{
    std::string why;
    descriptor.compiledSchema = JsonSchema::compile(descriptor.configSchema, &why);
    if (!descriptor.compiledSchema) {
        if (error)
            *error = "node type '" + descriptor.type + "': " + why;
        return false;
    }
    std::string type = descriptor.type;
    m_types[type] = std::move(descriptor);
    return true;
}

const NodeDescriptor *NodeRegistry::find(const std::string &type) const
{
    auto it = m_types.find(type);
    return it == m_types.end() ? nullptr : &it->second;
}

std::vector<const NodeDescriptor *> NodeRegistry::all() const
{
    std::vector<const NodeDescriptor *> out;
    for (const auto &[type, d] : m_types)
        out.push_back(&d);
    return out;
}

const NodeRegistry &NodeRegistry::builtin()
{
    static const NodeRegistry registry = [] {
        NodeRegistry r;
        for (auto make : {startNodeDescriptor, llmNodeDescriptor, templateNodeDescriptor,
                          conditionNodeDescriptor, aggregateNodeDescriptor, answerNodeDescriptor,
                          endNodeDescriptor, httpNodeDescriptor, mcpToolNodeDescriptor,
                          agentNodeDescriptor, knowledgeNodeDescriptor, codeNodeDescriptor, classifierNodeDescriptor,
                          extractorNodeDescriptor, documentNodeDescriptor, listNodeDescriptor,
                          iterationNodeDescriptor, loopNodeDescriptor, breakNodeDescriptor,
                          continueNodeDescriptor, assignerNodeDescriptor, humanNodeDescriptor, guardNodeDescriptor,
                          placeholderNodeDescriptor}) {
            std::string error;
            if (!r.add(make(), &error))
                throw std::logic_error("built-in " + error);  // a programming error, caught by tests
        }
        return r;
    }();
    return registry;
}

} // namespace flowdeck::engine
