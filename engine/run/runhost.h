#pragma once

#include "engine/core/diagnostic.h"
#include "engine/core/secretstore.h"
#include "engine/mcp/mcpsession.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/model/providerprofile.h"
#include "engine/net/addressallowlist.h"
#include "engine/run/runservices.h"

#include <boost/asio/io_context.hpp>

#include <filesystem>
#include <memory>
#include <optional>

namespace flowdeck::engine {

class HttpClient;
class McpServerPool;

// Who runs workflows. The kind sets the network policy (DESIGN.md §3).
enum class HostKind {
    Cli,              // `flowdeck run` and the `flowdeck mcp` helpers: the user's own machine
    Studio,           // the desktop studio's test runs: the user's own machine
    DeployedRuntime,  // an app served by `flowdeck serve`: callers are strangers
};
const char *hostKindName(HostKind kind);

// What a workflow author can point a run at. Model endpoints named by provider profiles
// are the operator's choice and are not covered.
struct NetworkPolicy {
    // http nodes and remote MCP servers may reach loopback, private, link-local, metadata
    // and mapped addresses.
    bool allowPrivateNetwork = true;
    // Secrets may come from the process environment (not on a runtime: its environment
    // holds the operator's own keys, and an app sees only its own secrets).
    bool secretsFromEnvironment = true;
    // Private addresses the operator allows although allowPrivateNetwork is false.
    std::shared_ptr<const AddressAllowList> allowedAddresses;

    static NetworkPolicy forKind(HostKind kind);
};

struct RunHostSetup {
    HostKind kind = HostKind::Cli;
    // A folder whose profiles.json and secrets.json are loaded (the desktop hosts); empty: none.
    std::filesystem::path configDir;
    std::filesystem::path profilesFile;  // instead of <configDir>/profiles.json
    bool loadCatalog = true;             // the installed MCP plugin catalog
    McpHostHandlers mcpHost;             // how plugin servers' requests and logs are answered
    HttpClient *sharedHttp = nullptr;    // a runtime's apps share one client; otherwise the host has its own
    // The operator's choice over the kind's default (`flowdeck serve --allow-private-network`).
    std::optional<bool> allowPrivateNetwork;
    // Private addresses allowed all the same (`flowdeck serve --allow-address`).
    std::shared_ptr<const AddressAllowList> allowedAddresses;
};

// Everything a run needs from outside, owned in one place: the HTTP client, the MCP
// server pool, the secrets, the provider profiles, the plugin catalog and the network
// policy. Built only by makeRunHost, so a policy cannot be forgotten by one host.
class RunHost {
public:
    ~RunHost();
    RunHost(const RunHost &) = delete;
    RunHost &operator=(const RunHost &) = delete;

    HostKind kind() const { return m_kind; }
    boost::asio::io_context &io() { return m_io; }
    const NetworkPolicy &policy() const { return m_policy; }
    HttpClient &http() { return *m_http; }
    McpServerPool &mcp() { return *m_mcp; }
    ProfileStore &profiles() { return m_profiles; }
    SecretStore &secrets() { return m_secrets; }
    PluginCatalog &catalog() { return m_catalog; }
    // What runs are given. Hosts may set env, overrides and model tuning on it; the
    // services and the policy are the host's.
    RunServices &services() { return m_services; }
    // Problems met loading profiles, secrets and the catalog (warnings: runs go on).
    const Diagnostics &configProblems() const { return m_configProblems; }
    const Diagnostics &catalogProblems() const { return m_catalogProblems; }
    // Stops the plugin servers; call before the io_context goes away.
    void closeServers();

private:
    RunHost(boost::asio::io_context &io, HostKind kind);
    friend std::unique_ptr<RunHost> makeRunHost(boost::asio::io_context &io, RunHostSetup setup);

    boost::asio::io_context &m_io;
    HostKind m_kind;
    NetworkPolicy m_policy;
    ProfileStore m_profiles;
    SecretStore m_secrets;
    PluginCatalog m_catalog;
    std::unique_ptr<HttpClient> m_ownHttp;
    HttpClient *m_http = nullptr;
    std::unique_ptr<McpServerPool> m_mcp;
    RunServices m_services;
    Diagnostics m_configProblems;
    Diagnostics m_catalogProblems;
};

// The one function that assembles run services, for a host of `setup.kind`.
std::unique_ptr<RunHost> makeRunHost(boost::asio::io_context &io, RunHostSetup setup);

} // namespace flowdeck::engine
