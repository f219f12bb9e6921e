#pragma once

#include "engine/mcp/mcpoauth.h"
#include "engine/net/addressallowlist.h"

#include <boost/asio/io_context.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace flowdeck::engine {

// How to reach one MCP server: a child process over stdio, or a URL (Streamable HTTP,
// falling back to the legacy HTTP+SSE transport; "sse" goes straight to the legacy one).
struct McpServerConfig {
    std::string id;                 // the alias used in workflows and messages
    std::string transport = "stdio";  // "stdio", "http" or "sse"
    std::string command;            // stdio
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    std::string cwd;
    std::string url;                // http, sse
    std::vector<std::pair<std::string, std::string>> headers;
    McpOAuthClient oauth;           // how to sign in when the server asks (OAuth 2.1)
    long startTimeoutMs = 30000;    // spawn or connect, and initialize
    long callTimeoutMs = 60000;     // one request
    // A remote server may be on a loopback, private or metadata address (the run host's
    // network policy: not in a deployed runtime).
    bool allowPrivateNetwork = true;
    std::shared_ptr<const AddressAllowList> allowedAddresses;

    bool remote() const { return transport != "stdio"; }

    static McpServerConfig stdio(std::string id, std::string command, std::vector<std::string> args = {},
                                 long callTimeoutMs = 60000)
    {
        McpServerConfig c;
        c.id = std::move(id);
        c.command = std::move(command);
        c.args = std::move(args);
        c.callTimeoutMs = callTimeoutMs;
        return c;
    }
    static McpServerConfig http(std::string id, std::string url, long callTimeoutMs = 60000)
    {
        McpServerConfig c;
        c.id = std::move(id);
        c.transport = "http";
        c.url = std::move(url);
        c.callTimeoutMs = callTimeoutMs;
        return c;
    }
};

// Carries JSON-RPC messages between McpSession and one server. Use on the io_context's thread.
class McpTransport {
public:
    struct Callbacks {
        std::function<void(std::string message)> onMessage;
        std::function<void(std::string line)> onDiagnostic;  // stderr of a child, notes of an HTTP stream
        std::function<void(int exitStatus, std::string why)> onClosed;  // once; exitStatus -1 if none
    };

    virtual ~McpTransport() = default;
    // False with `error` when the server cannot be reached at all (program missing, bad URL).
    virtual bool open(Callbacks callbacks, std::string *error) = 0;
    virtual void send(std::string message) = 0;
    virtual void close() = 0;
    // Told once initialize is answered; calls `ready` when the client may announce
    // "initialized". HTTP sends the version as MCP-Protocol-Version from then on and
    // first opens its listening stream.
    virtual void initialized(const std::string &protocolVersion, std::function<void()> ready)
    {
        (void)protocolVersion;
        ready();
    }

    // `oauth` (HTTP only, may be null) signs in when the server answers 401 or asks for more scopes.
    static std::shared_ptr<McpTransport> create(boost::asio::io_context &io, const McpServerConfig &config,
                                                std::shared_ptr<McpOAuth> oauth = {});
};

} // namespace flowdeck::engine
