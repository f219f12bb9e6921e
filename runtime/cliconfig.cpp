#include "runtime/cliconfig.h"

#include <iostream>

extern char **environ;

namespace flowdeck::runtime {

void CliConfig::load(const std::string &profilesFile)
{
    const auto dir = engine::defaultConfigDir();
    engine::Diagnostics problems = profiles.loadFile(profilesFile.empty() ? dir / "profiles.json" : std::filesystem::path(profilesFile));
    auto more = secrets.loadFile(dir / "secrets.json");
    problems.insert(problems.end(), more.begin(), more.end());
    for (auto &d : problems) {
        d.severity = engine::Diagnostic::Severity::Warning;
        std::cerr << "flowdeck: " << d.toString() << "\n";
    }
}

std::unique_ptr<engine::RunHost> makeCliRunHost(boost::asio::io_context &io, const std::string &profilesFile,
                                                engine::McpHostHandlers mcpHost)
{
    engine::RunHostSetup setup;
    setup.kind = engine::HostKind::Cli;
    setup.configDir = engine::defaultConfigDir();
    setup.profilesFile = profilesFile;
    setup.mcpHost = std::move(mcpHost);
    auto host = engine::makeRunHost(io, std::move(setup));
    for (const auto &d : host->configProblems())
        std::cerr << "flowdeck: " << d.toString() << "\n";
    return host;
}

void printDiagnostics(const engine::Diagnostics &diagnostics, const std::string &file)
{
    for (const auto &d : diagnostics)
        std::cerr << file << ": " << d.toString() << "\n";
}

engine::McpHostHandlers cliMcpHost(bool trace)
{
    engine::McpHostHandlers host;
    host.onServerRequest = [](const std::string &method, const nlohmann::json &,
                              std::function<void(nlohmann::json, std::string)> reply) {
        reply(nullptr, "the flowdeck command line cannot answer " + method +
                           " requests; use the studio for plugins that need them");
    };
    if (trace)
        host.onLog = [](const nlohmann::json &params) {
            const nlohmann::json data = params.value("data", nlohmann::json());
            std::cerr << "[trace] plugin log: " << (data.is_string() ? data.get<std::string>() : engine::safeDump(data))
                      << "\n";
        };
    return host;
}

void applyCliEnv(engine::RunServices &services, const std::vector<std::string> &pairs)
{
    for (char **e = environ; *e; ++e) {  // FLOWDECK_ENV_NAME=value -> {{env.NAME}}
        std::string pair = *e;
        if (pair.rfind("FLOWDECK_ENV_", 0) == 0 && pair.find('=') != std::string::npos)
            services.env[pair.substr(13, pair.find('=') - 13)] = pair.substr(pair.find('=') + 1);
    }
    for (const auto &pair : pairs)
        if (auto eq = pair.find('='); eq != std::string::npos)
            services.env[pair.substr(0, eq)] = pair.substr(eq + 1);
}

bool splitNameValue(const std::string &pair, std::string &name, std::string &value, const char *option)
{
    auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) {
        std::cerr << "flowdeck: " << option << " \"" << pair << "\" must look like name=value.\n";
        return false;
    }
    name = pair.substr(0, eq);
    value = pair.substr(eq + 1);
    return true;
}

} // namespace flowdeck::runtime
