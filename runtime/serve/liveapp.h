#pragma once

#include <filesystem>

#include "engine/core/result.h"
#include "engine/deploy/deploybundle.h"
#include "engine/guard/guardpolicy.h"
#include "engine/run/compiledworkflow.h"
#include "engine/run/runhost.h"
#include "engine/run/workflowrun.h"

#include <boost/asio/io_context.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace flowdeck::engine {
class ConversationStore;
class KnowledgeLibrary;
}

namespace flowdeck::runtime {

// What a bundle says about serving its app.
struct AppSettings {
    bool publicAccess = false;   // callable without an app API key
    int rateLimitPerMinute = 0;  // 0: no limit
};

// One deployed version of an app, ready to run: the compiled workflow with its own run
// host (engine/run/runhost.h) holding the profiles, secrets and plugin servers of its
// deploy bundle (engine/deploy/deploybundle.h). Lives on the server's thread.
class LiveApp {
public:
    // Builds the app from a bundle (no server started yet) on a run host made from
    // `host` (a deployed runtime's: the runtime's shared HTTP client and network policy);
    // the diagnostics name what is wrong and where.
    static engine::Result<std::shared_ptr<LiveApp>> build(boost::asio::io_context &io, const engine::RunHostSetup &host,
                                                          const std::string &name, int version,
                                                          const engine::DeployBundle &bundle,
                                                          const std::filesystem::path &knowledgeRoot = {},
                                                          const std::filesystem::path &versionDir = {});
    ~LiveApp();

    // Starts every plugin server and lists its tools, checks that each mcp.tool node's
    // tool exists and that each model's profile has its key; with `modelCall`, also makes
    // one short, cheap chat call per model (so a key the provider refuses fails here,
    // with the provider's own sentence). `done` gets the problems found (none: ready to serve).
    void smokeCheck(bool modelCall, std::function<void(engine::Diagnostics)> done);

    std::shared_ptr<engine::WorkflowRun> startRun(engine::RunOptions options,
                                                  std::function<void(const engine::WorkflowRun &)> done);
    // A paused run of this version rebuilt from its snapshot, not started; fails with a
    // sentence when the snapshot does not fit the workflow.
    engine::Result<std::shared_ptr<engine::WorkflowRun>> restoreRun(engine::RunOptions options,
                                                                    const nlohmann::json &snapshot);
    // What the runtime gives every run of the app: where conversation variables are kept
    // between the runs of a conversation, and the only folders its nodes may read files
    // from (the runs' uploads).
    void setRuntimeServices(std::shared_ptr<engine::ConversationStore> conversations, std::vector<std::string> fileRoots);
    // `text` with every secret value of the app replaced, for logs, history and errors.
    std::string redact(std::string text) const;
    // For a streamed answer, a piece at a time: StreamRedactor(app->secretValues()).
    const std::vector<std::string> *secretValues() const { return &m_secretValues; }
    void close();  // stops its plugin servers

    const std::string &name() const { return m_name; }
    int version() const { return m_version; }
    const engine::Workflow &workflow() const;
    const AppSettings &settings() const { return m_settings; }
    // The workflow's app guard policy (its top-level "guard"): the runs apply it; the
    // runtime labels answers (label.api, label.chatPage) and reports what it found.
    const engine::GuardPolicy &guardPolicy() const { return m_guardPolicy; }
    const nlohmann::json &source() const { return m_source; }  // the bundle's "source"
    // The knowledge bases the app searches (null: none), and the citations of a finished
    // run: every knowledge node's, numbered as each node numbered them.
    std::shared_ptr<engine::KnowledgeLibrary> knowledge() const;
    nlohmann::json citations(const engine::WorkflowRun &run) const;
    // The start inputs as a JSON Schema (the MCP tool's input schema, the chat page's form).
    nlohmann::json inputSchema() const;

private:
    LiveApp(boost::asio::io_context &io) : m_io(io) {}

    boost::asio::io_context &m_io;
    std::string m_name;
    int m_version = 0;
    std::shared_ptr<const engine::CompiledWorkflow> m_workflow;
    std::unique_ptr<engine::RunHost> m_host;
    AppSettings m_settings;
    engine::GuardPolicy m_guardPolicy;
    nlohmann::json m_source = nlohmann::json::object();
    std::vector<std::string> m_secretValues;
};

} // namespace flowdeck::runtime
