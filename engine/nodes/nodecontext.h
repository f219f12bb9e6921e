#pragma once

#include "engine/core/cancelsignal.h"
#include "engine/nodes/noderesult.h"
#include "engine/run/runlimits.h"
#include "engine/workflow/reference.h"
#include "engine/workflow/workflow.h"

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace flowdeck::engine {

struct RunServices;

// How the nodes inside a container ended one item or round (NodeContext::runScope).
struct ScopeOutcome {
    bool ok = true;
    bool cancelled = false;
    ErrorKind errorKind = ErrorKind::None;
    std::string error;
    std::string failedNode;
    nlohmann::json frame;    // the container's values as the round left them (loop variables)
    bool breakLoop = false;  // a break node ran
    Usage usage;
    int steps = 0;
    // Renders a value as the nodes inside saw it (valid only during the callback).
    std::function<nlohmann::json(const nlohmann::json &)> render;
};

// A human node's answer: the action taken and the form's values, or a timeout.
struct HumanResponse {
    std::string action;  // an action id, or "timeout"
    nlohmann::json values = nlohmann::json::object();
};

// What a node's executor may see and do while it runs. The executor implements it;
// it stays valid until the node calls its completion (hold the shared_ptr).
class NodeContext {
public:
    virtual ~NodeContext() = default;

    virtual const NodeSpec &node() const = 0;
    virtual const Workflow &workflow() const = 0;
    virtual boost::asio::io_context &io() = 0;
    virtual RunServices &services() = 0;
    virtual CancelSignal &cancelSignal() = 0;
    virtual int attempt() const = 0;  // 1 for the first try
    virtual const RunLimits &limits() const = 0;

    // Renders a template: each {{reference}} becomes its value as text (JSON for objects).
    virtual std::string render(std::string_view text) = 0;
    // Renders every string in a JSON value; a string that is exactly one reference keeps
    // the referenced value's JSON type.
    virtual nlohmann::json renderValue(const nlohmann::json &value) = 0;
    // The value a reference points at, or nullptr.
    virtual const nlohmann::json *resolve(const Reference &reference) = 0;
    // The run's inputs (start node) and sys.* values.
    virtual const nlohmann::json &runInputs() const = 0;
    virtual const nlohmann::json &sys() const = 0;

    // Containers (iteration, loop): runs the nodes inside this node once, with `frame` as
    // this node's values for them ({{iter.item}}). Stopped when this node is cancelled.
    virtual void runScope(nlohmann::json frame, std::function<void(const ScopeOutcome &)> done) = 0;
    // break / continue nodes: ends the current round of the innermost loop; false outside one.
    virtual bool endRound(bool breakLoop) = 0;
    // Assigner: the value a conversation variable or an enclosing loop's variable holds, to
    // change in place; nullptr when `ref` names neither.
    virtual nlohmann::json *variableSlot(const Reference &ref) = 0;
    // Human input: the run waits; `handler` gets the answer (or "timeout" after timeoutMs > 0).
    virtual void awaitInput(nlohmann::json form, std::int64_t timeoutMs, std::function<void(HumanResponse)> handler) = 0;
    virtual void progress(nlohmann::json data) = 0;  // node_progress events

    virtual void token(std::string_view text, bool reasoning = false) = 0;
    virtual void answer(std::string_view text) = 0;
    virtual void log(std::string_view level, std::string_view message) = 0;
};

} // namespace flowdeck::engine
