#pragma once

#include "engine/mcp/mcpsession.h"
#include "engine/mcp/mcptransport.h"

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::engine {

// One connected MCP server (stdio or HTTP): starts or reaches it, negotiates the
// protocol version, lists tools (all pages), calls them with progress and cancellation,
// and starts it (or a new session) again on the next call after a crash or a lost
// connection. Use on the io_context's thread.
class McpClient : public std::enable_shared_from_this<McpClient> {
public:
    using Done = std::function<void(McpError)>;
    using ResultHandler = std::function<void(nlohmann::json result, McpError error)>;

    static std::shared_ptr<McpClient> create(boost::asio::io_context &io, McpServerConfig config,
                                             McpHostHandlers host = {});
    ~McpClient();

    static const std::vector<std::string> &supportedProtocolVersions();  // newest first

    void connect(Done done);
    void listTools(ResultHandler handler);  // result: the tools array
    // Every page of resources/list, resources/templates/list or prompts/list.
    void listResources(ResultHandler handler);
    void listResourceTemplates(ResultHandler handler);
    void listPrompts(ResultHandler handler);
    void readResource(const std::string &uri, ResultHandler handler);  // result: {contents: [...]}
    void getPrompt(const std::string &name, nlohmann::json arguments, ResultHandler handler);
    // Calls a tool; returns a handle for cancel(). `progress` gets notifications/progress params.
    long long callTool(const std::string &name, nlohmann::json arguments, ResultHandler handler,
                       McpSession::Progress progress = {}, long timeoutMs = 0);
    void cancel(long long handle, const std::string &reason = "cancelled by the user");
    void close();

    bool connected() const { return m_state == State::Ready; }
    const std::string &protocolVersion() const { return m_protocolVersion; }
    const nlohmann::json &serverInfo() const { return m_serverInfo; }
    const nlohmann::json &serverCapabilities() const { return m_capabilities; }
    int restarts() const { return m_starts > 0 ? m_starts - 1 : 0; }
    const McpServerConfig &config() const { return m_config; }

private:
    McpClient(boost::asio::io_context &io, McpServerConfig config, McpHostHandlers host);
    enum class State { Idle, Starting, Ready };
    void fail(const McpError &error);
    std::string describeExit(int status, const std::string &why) const;
    void listPage(std::string method, std::string key, nlohmann::json collected, std::string cursor,
                  ResultHandler handler);
    void listAll(const std::string &method, const std::string &key, ResultHandler handler);
    void requestWhenReady(const std::string &method, nlohmann::json params, ResultHandler handler);

    boost::asio::io_context &m_io;
    McpServerConfig m_config;
    McpHostHandlers m_host;
    std::shared_ptr<McpTransport> m_transport;
    std::shared_ptr<McpOAuth> m_oauth;  // kept across sessions, so a token outlives a reconnect
    std::shared_ptr<McpSession> m_session;
    State m_state = State::Idle;
    std::vector<Done> m_waiting;
    std::deque<std::string> m_stderrTail;
    std::string m_protocolVersion;
    nlohmann::json m_serverInfo;
    nlohmann::json m_capabilities;
    nlohmann::json m_toolsCache;
    int m_starts = 0;
    long long m_nextHandle = 1;
    std::map<long long, long long> m_handleToRequest;
};

} // namespace flowdeck::engine
