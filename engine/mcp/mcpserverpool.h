#pragma once

#include "engine/core/result.h"
#include "engine/mcp/mcpclient.h"
#include "engine/workflow/workflow.h"

#include <boost/asio/io_context.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace flowdeck::engine {

class JsonSchema;
class PluginCatalog;
class SecretStore;

// The MCP servers a host keeps running for its workflows, one client per distinct
// launch configuration, so servers stay warm between runs. Resolves a workflow's
// "plugins" entry ({"catalog": id, "args": [...], "env": {...}} or an inline
// {"command", "args", "env"}) against the catalog and the secrets.
class McpServerPool {
public:
    McpServerPool(boost::asio::io_context &io, const PluginCatalog &catalog, const SecretStore &secrets,
                  McpHostHandlers host = {});
    ~McpServerPool();

    Result<McpServerConfig> configFor(const Workflow &workflow, const std::string &alias) const;
    Result<std::shared_ptr<McpClient>> clientFor(const Workflow &workflow, const std::string &alias);
    // The compiled input schema of a tool, cached; nullptr with `error` if it does not compile.
    std::shared_ptr<const JsonSchema> toolSchema(const std::string &serverKey, const nlohmann::json &tool,
                                                 std::string *error);
    void closeAll();
    // Closes the server a workflow's plugin runs on; the next call starts it afresh.
    void close(const Workflow &workflow, const std::string &alias);
    long callTimeoutMs = 60000;
    // Where installed catalog servers are looked for (plugininstall.h); those start from there.
    std::filesystem::path installDirectory;
    // Remote servers may be on private addresses (the run host sets it from its policy).
    bool allowPrivateNetwork = true;
    std::shared_ptr<const AddressAllowList> allowedAddresses;

private:
    Diagnostic resolveHeaders(const std::string &alias, const nlohmann::json &headers, McpServerConfig &config) const;

    boost::asio::io_context &m_io;
    const PluginCatalog &m_catalog;
    const SecretStore &m_secrets;
    McpHostHandlers m_host;
    std::map<std::string, std::shared_ptr<McpClient>> m_clients;
    std::map<std::string, std::shared_ptr<const JsonSchema>> m_schemas;
};

} // namespace flowdeck::engine
