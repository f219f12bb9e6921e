#pragma once

#include "engine/core/result.h"
#include "engine/core/secretstore.h"
#include "engine/mcp/mcpserverpool.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/model/providerprofile.h"
#include "engine/run/compiledworkflow.h"
#include "engine/run/runservices.h"
#include "engine/run/workflowrun.h"

#include <boost/asio/io_context.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace flowdeck::engine {
class HttpClient;
}

namespace flowdeck::runtime {

// What a bundle says about serving its app.
struct AppSettings {
    bool publicAccess = false;   // callable without an app API key
    int rateLimitPerMinute = 0;  // 0: no limit
};

// One deployed version of an app, ready to run: the compiled workflow with the
// profiles, secrets and plugin servers of its bundle. Lives on the server's thread.
//
// A deploy bundle is {"format": "flowdeck.bundle", "formatVersion": 1, "workflow": {...},
// "profiles": {name: profile}, "plugins": {catalog id: manifest}, "secrets": {NAME:
// value}, "settings": {"public", "rateLimitPerMinute", "env": {NAME: value}}}.
class LiveApp {
public:
    // Validates a bundle and builds the app (no server started yet); the diagnostics
    // name what is wrong and where.
    static engine::Result<std::shared_ptr<LiveApp>> build(boost::asio::io_context &io, engine::HttpClient &http,
                                                          const std::string &name, int version,
                                                          const nlohmann::json &bundle,
                                                          const std::map<std::string, std::string> &secrets);
    ~LiveApp();

    // Starts every plugin server and lists its tools, checks that each mcp.tool node's
    // tool exists and that each model's profile has its key; `done` gets the problems
    // found (none: ready to serve).
    void smokeCheck(std::function<void(engine::Diagnostics)> done);

    std::shared_ptr<engine::WorkflowRun> startRun(engine::RunOptions options,
                                                  std::function<void(const engine::WorkflowRun &)> done);
    // `text` with every secret value of the app replaced, for logs, history and errors.
    std::string redact(std::string text) const;
    void close();  // stops its plugin servers

    const std::string &name() const { return m_name; }
    int version() const { return m_version; }
    const engine::Workflow &workflow() const;
    const AppSettings &settings() const { return m_settings; }
    // The start inputs as a JSON Schema (the MCP tool's input schema, the chat page's form).
    nlohmann::json inputSchema() const;

private:
    LiveApp(boost::asio::io_context &io) : m_io(io) {}

    boost::asio::io_context &m_io;
    std::string m_name;
    int m_version = 0;
    std::shared_ptr<const engine::CompiledWorkflow> m_workflow;
    engine::ProfileStore m_profiles;
    engine::SecretStore m_secrets;
    engine::PluginCatalog m_catalog;
    std::unique_ptr<engine::McpServerPool> m_mcp;
    engine::RunServices m_services;
    AppSettings m_settings;
    std::vector<std::string> m_secretValues;
};

} // namespace flowdeck::runtime
