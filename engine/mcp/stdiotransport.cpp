#include "engine/mcp/stdiotransport.h"

#include "engine/mcp/httptransport.h"
#include "engine/mcp/stdiochannel.h"

namespace flowdeck::engine {

std::shared_ptr<McpTransport> McpTransport::create(boost::asio::io_context &io, const McpServerConfig &config,
                                                   std::shared_ptr<McpOAuth> oauth)
{
    if (config.remote())
        return std::make_shared<HttpTransport>(io, config, std::move(oauth));
    return std::make_shared<StdioTransport>(io, config);
}

StdioTransport::StdioTransport(boost::asio::io_context &io, McpServerConfig config)
    : m_io(io), m_config(std::move(config))
{
}

StdioTransport::~StdioTransport() { close(); }

bool StdioTransport::open(Callbacks callbacks, std::string *error)
{
    m_channel = StdioChannel::create(m_io);
    StdioChannel::Callbacks cb;
    cb.onLine = std::move(callbacks.onMessage);
    cb.onStderr = std::move(callbacks.onDiagnostic);
    cb.onClosed = std::move(callbacks.onClosed);
    if (!m_channel->start(m_config.command, m_config.args, m_config.env, m_config.cwd, std::move(cb), error)) {
        m_channel.reset();
        return false;
    }
    return true;
}

void StdioTransport::send(std::string message)
{
    if (m_channel)
        m_channel->send(std::move(message));
}

void StdioTransport::close()
{
    if (m_channel)
        m_channel->close();
    m_channel.reset();
}

} // namespace flowdeck::engine
