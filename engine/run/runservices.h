#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::engine {

class AddressAllowList;
class CodeSandboxPool;
class ConversationStore;
class HttpClient;
class KnowledgeLibrary;
class McpServerPool;
class ProfileStore;
class SecretStore;

// What nodes reach outside the run with. Owned by the host (CLI, studio, runtime).
struct RunServices {
    HttpClient *http = nullptr;
    const ProfileStore *profiles = nullptr;
    const SecretStore *secrets = nullptr;
    McpServerPool *mcp = nullptr;            // MCP plugin servers (mcp.tool nodes)
    std::shared_ptr<KnowledgeLibrary> knowledge;  // the bases knowledge nodes search; null: none here
    std::shared_ptr<CodeSandboxPool> sandbox;     // warm workers for code nodes, shared by the host's runs
    std::shared_ptr<ConversationStore> conversations;  // conversation variables; null: kept for one run only
    std::map<std::string, std::string> env;  // {{env.NAME}}: non-secret settings
    std::string profileOverride;             // use this provider profile for every model
    std::string modelOverride;               // and this model name
    bool allowPrivateNetwork = true;         // false in deployed runtimes (http node)
    // Deployed runtimes: the only folders whose files a node may read (the run's uploads);
    // empty on the desktop, where a workflow reads the user's own files.
    std::vector<std::string> fileRoots;
    std::shared_ptr<const AddressAllowList> allowedAddresses;  // private ones allowed all the same

    // Model call tuning: the defaults suit real endpoints; tests make them short.
    long modelStallTimeoutMs = 60000;
    long modelTimeoutMs = 300000;
    int modelMaxAttempts = 4;
    int modelBackoffMs = 500;
};

} // namespace flowdeck::engine
