#pragma once

#include "engine/core/diagnostic.h"
#include "engine/core/secretstore.h"
#include "engine/mcp/mcpsession.h"
#include "engine/model/providerprofile.h"
#include "engine/run/runhost.h"

#include <memory>

#include <string>
#include <vector>

namespace flowdeck::runtime {

// Profiles and secrets as the command line sees them: presets, then the config
// folder's profiles.json (or --profiles FILE), secrets from the environment and
// secrets.json. Problems are printed as warnings on stderr.
struct CliConfig {
    engine::ProfileStore profiles;
    engine::SecretStore secrets;

    void load(const std::string &profilesFile);
};

// The run host of the command line (engine/run/runhost.h): the config folder's profiles
// (or `profilesFile`) and secrets, the plugin catalog, local network access. Problems
// loading the profiles and secrets are printed as warnings.
std::unique_ptr<engine::RunHost> makeCliRunHost(boost::asio::io_context &io, const std::string &profilesFile,
                                                engine::McpHostHandlers mcpHost);

void printDiagnostics(const engine::Diagnostics &diagnostics, const std::string &file);

// What the command line answers MCP servers: it declines sampling and elicitation (no
// one can be asked), and with `trace` prints their log messages on stderr.
engine::McpHostHandlers cliMcpHost(bool trace);

// {{env.NAME}} values: FLOWDECK_ENV_NAME=value from the environment, then `pairs` (NAME=value).
void applyCliEnv(engine::RunServices &services, const std::vector<std::string> &pairs);

// Splits "name=value"; false (with a message naming `option`) when there is no name.
bool splitNameValue(const std::string &pair, std::string &name, std::string &value, const char *option);

} // namespace flowdeck::runtime
