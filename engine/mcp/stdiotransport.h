#pragma once

#include "engine/mcp/mcptransport.h"

namespace flowdeck::engine {

class StdioChannel;

// MCP's stdio transport: the server is a child process, one JSON-RPC message per line.
class StdioTransport : public McpTransport {
public:
    StdioTransport(boost::asio::io_context &io, McpServerConfig config);
    ~StdioTransport() override;

    bool open(Callbacks callbacks, std::string *error) override;
    void send(std::string message) override;
    void close() override;

private:
    boost::asio::io_context &m_io;
    McpServerConfig m_config;
    std::shared_ptr<StdioChannel> m_channel;
};

} // namespace flowdeck::engine
