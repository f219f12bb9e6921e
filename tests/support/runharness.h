#pragma once

#include "engine/core/secretstore.h"
#include "engine/mcp/mcpserverpool.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/model/providerprofile.h"
#include "engine/net/httpclient.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/runhost.h"
#include "engine/run/workflowrun.h"
#include "engine/workflow/workflow.h"

#include <boost/asio/io_context.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::tests {

struct RunOutcome {
    bool compiled = false;
    engine::Diagnostics diagnostics;
    engine::RunStatus status = engine::RunStatus::Pending;
    nlohmann::json outputs;
    std::string answer;
    engine::ErrorKind errorKind = engine::ErrorKind::None;
    std::string error;
    std::string failedNode;
    int steps = 0;
    double elapsedMs = 0;
    engine::GuardOutcome guard;  // what the app guard policy did
    bool released = false;  // nothing kept the run alive after it ended
    std::vector<engine::RunEvent> events;

    std::vector<std::string> nodesWith(engine::RunEventType type) const;
    bool has(engine::RunEventType type, const std::string &node) const;
    // Position of the first event of this type for this node, or -1.
    int position(engine::RunEventType type, const std::string &node) const;
    const engine::RunEvent *first(engine::RunEventType type, const std::string &node = {}) const;
};

// Runs workflows on a private io_context with a real run host (a command line's: local
// network access, no config folder, an empty catalog), plus test node types for fault
// injection: "test.wait" waits asynchronously ({ms, output}), "test.flaky" fails
// ({failTimes, kind}) before succeeding, "test.big" outputs a large string ({bytes}).
class RunHarness {
public:
    RunHarness();

    engine::NodeRegistry registry;
    boost::asio::io_context io;
    std::unique_ptr<engine::RunHost> host;
    // The host's parts, by name, for the tests to set up.
    engine::HttpClient &http;
    engine::ProfileStore &profiles;
    engine::SecretStore &secrets;
    engine::PluginCatalog &catalog;
    engine::McpServerPool &mcp;
    engine::RunServices &services;

    // Builds a workflow from JSON: {"mode", "inputs", "models", "nodes", "edges"};
    // format fields are filled in.
    static engine::Workflow workflow(nlohmann::json document);

    RunOutcome run(const engine::Workflow &workflow, nlohmann::json inputs = nlohmann::json::object(),
                   nlohmann::json sys = nlohmann::json::object(), engine::RunLimits limits = {},
                   int cancelAfterMs = -1);
    // The same with every run option (replayed nodes, one node alone); its onEvent is replaced.
    RunOutcome runWith(const engine::Workflow &workflow, engine::RunOptions options, int cancelAfterMs = -1);
    // The number of test.flaky attempts made so far (by node id).
    static int &flakyAttempts(const std::string &nodeId);
};

} // namespace flowdeck::tests
