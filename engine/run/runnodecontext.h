#pragma once

#include "engine/nodes/nodecontext.h"

#include <map>
#include <memory>

namespace flowdeck::engine {

class WorkflowRun;

// The NodeContext a WorkflowRun gives each attempt of a node.
class RunNodeContext final : public NodeContext {
public:
    RunNodeContext(std::shared_ptr<WorkflowRun> run, int node, int attempt);

    const NodeSpec &node() const override;
    const Workflow &workflow() const override;
    boost::asio::io_context &io() override;
    RunServices &services() override;
    CancelSignal &cancelSignal() override { return m_cancel; }
    int attempt() const override { return m_attempt; }
    const RunLimits &limits() const override;

    std::string render(std::string_view text) override;
    nlohmann::json renderValue(const nlohmann::json &value) override;
    const nlohmann::json *resolve(const Reference &reference) override;
    const nlohmann::json &runInputs() const override;
    const nlohmann::json &sys() const override;

    void runScope(nlohmann::json frame, std::function<void(const ScopeOutcome &)> done) override;
    bool endRound(bool breakLoop) override;
    nlohmann::json *variableSlot(const Reference &ref) override;
    void awaitInput(nlohmann::json form, std::int64_t timeoutMs, std::function<void(HumanResponse)> handler) override;
    void progress(nlohmann::json data) override;

    void token(std::string_view text, bool reasoning) override;
    void answer(std::string_view text) override;
    void log(std::string_view level, std::string_view message) override;

    // The config with references resolved and secrets masked, for node_started events.
    nlohmann::json describeInputs();

private:
    std::shared_ptr<WorkflowRun> m_run;
    int m_node;
    int m_attempt;
    CancelSignal m_cancel;
    bool m_maskSecrets = false;
    std::map<std::string, nlohmann::json> m_scratch;  // env and secret values resolved
};

} // namespace flowdeck::engine
