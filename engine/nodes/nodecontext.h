#pragma once

#include "engine/core/cancelsignal.h"
#include "engine/workflow/reference.h"
#include "engine/workflow/workflow.h"

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace flowdeck::engine {

struct RunServices;

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

    virtual void token(std::string_view text, bool reasoning = false) = 0;
    virtual void answer(std::string_view text) = 0;
    virtual void log(std::string_view level, std::string_view message) = 0;
};

} // namespace flowdeck::engine
