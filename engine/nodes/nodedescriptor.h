#pragma once

#include "engine/core/diagnostic.h"
#include "engine/core/jsonschema.h"
#include "engine/nodes/noderesult.h"
#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::engine {

class NodeContext;

struct OutputSpec {
    std::string name;
    std::string type;  // string, number, boolean, object, array, any
    std::string description;
};

struct PortSpec {
    std::string id;  // what an edge's "fromPort" names
    std::string label;
    std::string labelZh;  // the label in Chinese, for ports the engine names (else, other, timeout)
};

inline constexpr const char *kDefaultPort = "out";
inline constexpr const char *kErrorPort = "error";

using NodeDone = std::function<void(NodeResult)>;
// Runs one attempt of a node. Calls `done` exactly once, synchronously or later on the
// context's io_context. After cancellation a late call is harmless and ignored.
using NodeExecute = std::function<void(std::shared_ptr<NodeContext>, NodeDone)>;

// Everything the engine, the studio's palette and inspector, and templates need to know
// about a node type (DESIGN.md §3). Adding a type is registering one of these.
struct NodeDescriptor {
    std::string type;
    std::string title;
    std::string titleZh;
    std::string description;
    std::string descriptionZh;
    std::string icon;      // resource name, e.g. "llm"
    std::string category;  // basic, model, logic, transform, io, output
    nlohmann::json configSchema = nlohmann::json::object();
    std::vector<OutputSpec> outputs;
    std::vector<PortSpec> ports;          // empty: one default port
    std::vector<std::string> promptFields;  // config fields sent to a model: no secrets
    std::vector<std::string> secretFields;  // the only config fields that may use {{secret.*}}
    std::string mode;  // "chat" or "workflow" when the node only fits one mode
    bool asynchronous = false;  // does I/O; counts against maxParallel
    bool container = false;     // iteration, loop: nodes with "parent" set to it run inside it

    // Containers: what the nodes inside may reference of it ({{iter.item}}, {{loop.count}}).
    std::function<std::vector<OutputSpec>(const NodeSpec &, const Workflow &)> innerOutputsFor;

    // Optional: outputs or ports that depend on the node's config or the workflow.
    std::function<std::vector<OutputSpec>(const NodeSpec &, const Workflow &)> outputsFor;
    std::function<std::vector<PortSpec>(const NodeSpec &)> portsFor;
    // Optional: checks beyond the config schema.
    std::function<Diagnostics(const NodeSpec &, const Workflow &)> validate;
    // Outputs used when the node fails with onError "continue".
    std::function<nlohmann::json(const NodeSpec &)> defaultOutputs;

    NodeExecute execute;

    std::shared_ptr<const JsonSchema> compiledSchema;  // set by the registry

    std::vector<OutputSpec> outputsOf(const NodeSpec &node, const Workflow &workflow) const;
    std::vector<PortSpec> portsOf(const NodeSpec &node) const;
    nlohmann::json toJson() const;  // for palettes and documentation
};

} // namespace flowdeck::engine
