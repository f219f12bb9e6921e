#include "engine/run/runhost.h"

#include "engine/mcp/mcpserverpool.h"
#include "engine/net/httpclient.h"
#include "engine/sandbox/codesandboxpool.h"

namespace flowdeck::engine {

const char *hostKindName(HostKind kind)
{
    switch (kind) {
    case HostKind::Cli: return "cli";
    case HostKind::Studio: return "studio";
    case HostKind::DeployedRuntime: return "runtime";
    }
    return "unknown";
}

NetworkPolicy NetworkPolicy::forKind(HostKind kind)
{
    NetworkPolicy policy;
    if (kind == HostKind::DeployedRuntime) {
        policy.allowPrivateNetwork = false;
        policy.secretsFromEnvironment = false;
    }
    return policy;
}

RunHost::RunHost(boost::asio::io_context &io, HostKind kind) : m_io(io), m_kind(kind), m_policy(NetworkPolicy::forKind(kind)) {}

RunHost::~RunHost() { closeServers(); }

void RunHost::closeServers()
{
    if (m_mcp)
        m_mcp->closeAll();
    if (m_services.sandbox)
        m_services.sandbox->shutdown();
}

std::unique_ptr<RunHost> makeRunHost(boost::asio::io_context &io, RunHostSetup setup)
{
    std::unique_ptr<RunHost> host(new RunHost(io, setup.kind));
    if (setup.allowPrivateNetwork)
        host->m_policy.allowPrivateNetwork = *setup.allowPrivateNetwork;
    host->m_policy.allowedAddresses = setup.allowedAddresses;
    host->m_secrets.setUseEnvironment(host->m_policy.secretsFromEnvironment);
    if (!setup.configDir.empty() || !setup.profilesFile.empty()) {
        const auto profilesFile = setup.profilesFile.empty() ? setup.configDir / "profiles.json" : setup.profilesFile;
        host->m_configProblems = host->m_profiles.loadFile(profilesFile);
        if (!setup.configDir.empty()) {
            auto more = host->m_secrets.loadFile(setup.configDir / "secrets.json");
            host->m_configProblems.insert(host->m_configProblems.end(), more.begin(), more.end());
        }
        for (auto &d : host->m_configProblems)
            d.severity = Diagnostic::Severity::Warning;
    }
    if (setup.loadCatalog)
        host->m_catalogProblems = host->m_catalog.loadDirectory(PluginCatalog::defaultDirectory());
    if (setup.sharedHttp) {
        host->m_http = setup.sharedHttp;
    } else {
        host->m_ownHttp = std::make_unique<HttpClient>(io);
        host->m_http = host->m_ownHttp.get();
    }
    host->m_mcp = std::make_unique<McpServerPool>(io, host->m_catalog, host->m_secrets, std::move(setup.mcpHost));
    host->m_mcp->allowPrivateNetwork = host->m_policy.allowPrivateNetwork;
    host->m_mcp->allowedAddresses = host->m_policy.allowedAddresses;
    RunServices &s = host->m_services;
    s.http = host->m_http;
    s.mcp = host->m_mcp.get();
    s.profiles = &host->m_profiles;
    s.secrets = &host->m_secrets;
    s.allowPrivateNetwork = host->m_policy.allowPrivateNetwork;
    s.allowedAddresses = host->m_policy.allowedAddresses;
    s.sandbox = CodeSandboxPool::create(io);  // workers start with the first code node
    return host;
}

} // namespace flowdeck::engine
