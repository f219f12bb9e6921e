#include "engine/mcp/mcpclient.h"
#include "engine/core/jsonaccess.h"


#include <boost/asio/post.hpp>

namespace flowdeck::engine {

namespace asio = boost::asio;

const std::vector<std::string> &McpClient::supportedProtocolVersions()
{
    static const std::vector<std::string> versions = {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"};
    return versions;
}

std::shared_ptr<McpClient> McpClient::create(asio::io_context &io, McpServerConfig config, McpHostHandlers host)
{
    return std::shared_ptr<McpClient>(new McpClient(io, std::move(config), std::move(host)));
}

McpClient::McpClient(asio::io_context &io, McpServerConfig config, McpHostHandlers host)
    : m_io(io), m_config(std::move(config)), m_host(std::move(host))
{
    auto onListChanged = m_host.onListChanged;
    m_host.onListChanged = [this, onListChanged](const std::string &method) {
        if (method == "notifications/tools/list_changed")
            m_toolsCache = nullptr;
        if (onListChanged)
            onListChanged(method);
    };
}

McpClient::~McpClient()
{
    if (m_transport)
        m_transport->close();
}

std::string McpClient::describeExit(int status, const std::string &why) const
{
    if (m_config.remote())
        return "The connection to the MCP server '" + m_config.id + "' (" + m_config.url + ") was lost: " + why + ".";
    std::string text = "The MCP server '" + m_config.id + "' stopped (" + why;
    if (status >= 0)
        text += ", exit status " + std::to_string(status);
    text += ")";
    if (!m_stderrTail.empty()) {
        text += ". Its last words: ";
        for (const auto &l : m_stderrTail)
            text += l + " | ";
        text.resize(text.size() - 3);
    }
    return text + ".";
}

void McpClient::fail(const McpError &error)
{
    m_state = State::Idle;
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (auto &w : waiting)
        w(error);
}

void McpClient::connect(Done done)
{
    if (m_state == State::Ready)
        return asio::post(m_io, [done] { done(McpError{}); });
    m_waiting.push_back(std::move(done));
    if (m_state == State::Starting)
        return;
    m_state = State::Starting;
    ++m_starts;
    m_stderrTail.clear();
    m_toolsCache = nullptr;
    if (m_config.remote() && !m_oauth)
        m_oauth = std::make_shared<McpOAuth>(m_io, m_config.oauth, m_host.oauth);
    m_transport = McpTransport::create(m_io, m_config, m_oauth);
    std::weak_ptr<McpClient> weak = weak_from_this();
    m_session = McpSession::create(
        m_io, [transport = std::weak_ptr<McpTransport>(m_transport)](std::string line) {
            if (auto t = transport.lock())
                t->send(std::move(line));
        },
        m_host);
    McpTransport::Callbacks cb;
    cb.onMessage = [session = std::weak_ptr<McpSession>(m_session)](std::string line) {
        if (auto s = session.lock())
            s->receive(line);
    };
    cb.onDiagnostic = [weak](std::string line) {
        auto self = weak.lock();
        if (!self || line.empty())
            return;
        self->m_stderrTail.push_back(line.substr(0, 300));
        if (self->m_stderrTail.size() > 3)
            self->m_stderrTail.pop_front();
        if (self->m_host.onLog)
            self->m_host.onLog({{"level", "debug"}, {"logger", self->m_config.remote() ? "http" : "stderr"}, {"data", line}});
    };
    cb.onClosed = [weak, session = m_session](int status, std::string why) {
        auto self = weak.lock();
        if (!self)
            return;
        const std::string message = self->describeExit(status, why);
        if (self->m_session == session) {
            self->m_state = State::Idle;
            self->m_transport.reset();
        }
        session->failAll(message);
        McpError e;
        e.transport = true;
        e.message = message;
        self->fail(e);
    };
    std::string error;
    if (!m_transport->open(std::move(cb), &error)) {
        McpError e;
        e.transport = true;
        e.message = m_config.remote() ? "Could not reach the MCP server '" + m_config.id + "': " + error + "."
                                      : "Could not start the MCP server '" + m_config.id + "': " + error +
                                            ". Is it installed (see the plugin's install notes)?";
        m_transport.reset();
        return asio::post(m_io, [weak, e] {
            if (auto self = weak.lock())
                self->fail(e);
        });
    }
    nlohmann::json params = {{"protocolVersion", supportedProtocolVersions().front()},
                             {"capabilities", {{"roots", {{"listChanged", true}}}}},
                             {"clientInfo", {{"name", "flowdeck"}, {"title", "Flowdeck"}, {"version", "0.1.0"}}}};
    if (m_host.onServerRequest) {
        params["capabilities"]["sampling"] = nlohmann::json::object();
        params["capabilities"]["elicitation"] = nlohmann::json::object();
    }
    m_session->request("initialize", params, m_config.startTimeoutMs, [weak](nlohmann::json result, McpError error) {
        auto self = weak.lock();
        if (!self)
            return;
        if (error) {
            error.message = "The MCP server '" + self->m_config.id + "' did not start: " + error.message;
            self->fail(error);  // before closing, so the waiters hear this reason, not "stopped"
            if (self->m_transport)
                self->m_transport->close();
            return;
        }
        const std::string version = engine::valueOr(result, "protocolVersion", "");
        const auto &known = supportedProtocolVersions();
        if (std::find(known.begin(), known.end(), version) == known.end()) {
            McpError e;
            e.message = "The MCP server '" + self->m_config.id + "' speaks protocol version '" + version +
                        "', which Flowdeck does not support (it supports 2024-11-05 to 2025-11-25).";
            self->fail(e);
            if (self->m_transport)
                self->m_transport->close();
            return;
        }
        self->m_protocolVersion = version;
        self->m_serverInfo = engine::valueOr(result, "serverInfo", nlohmann::json::object());
        self->m_capabilities = engine::valueOr(result, "capabilities", nlohmann::json::object());
        // The server hears "initialized" once an HTTP listening stream is open, so
        // what it announces right then (list_changed, say) is not lost.
        auto ready = [weak, session = self->m_session] {
            auto self = weak.lock();
            if (!self || self->m_session != session || self->m_state != State::Starting)
                return;
            session->notify("notifications/initialized");
            self->m_state = State::Ready;
            auto waiting = std::move(self->m_waiting);
            self->m_waiting.clear();
            for (auto &w : waiting)
                w(McpError{});
        };
        if (self->m_transport)
            self->m_transport->initialized(version, ready);
        else
            ready();
    });
}

void McpClient::listPage(std::string method, std::string key, nlohmann::json collected, std::string cursor,
                         ResultHandler handler)
{
    nlohmann::json params = nlohmann::json::object();
    if (!cursor.empty())
        params["cursor"] = cursor;
    std::weak_ptr<McpClient> weak = weak_from_this();
    m_session->request(method, params, m_config.callTimeoutMs,
                       [weak, method, key, collected, handler](nlohmann::json result, McpError error) mutable {
                           auto self = weak.lock();
                           if (!self)
                               return;
                           if (error)
                               return handler(nullptr, error);
                           // A page that is not an object or whose list is not an array adds nothing
                           // (value() would throw from this continuation and end the process).
                           nlohmann::json page = engine::valueOr(result, key, nlohmann::json::array());
                           if (page.is_array())
                               for (auto &t : page)
                                   collected.push_back(std::move(t));
                           const nlohmann::json next = engine::valueOr(result, "nextCursor", nlohmann::json());
                           if (next.is_string() && !next.get<std::string>().empty() && collected.size() < 10000)
                               return self->listPage(method, key, std::move(collected), next.get<std::string>(),
                                                     std::move(handler));
                           if (method == "tools/list")
                               self->m_toolsCache = collected;
                           handler(std::move(collected), McpError{});
                       });
}

void McpClient::listAll(const std::string &method, const std::string &key, ResultHandler handler)
{
    std::weak_ptr<McpClient> weak = weak_from_this();
    connect([weak, method, key, handler](McpError error) {
        auto self = weak.lock();
        if (!self)
            return;
        if (error)
            return handler(nullptr, error);
        self->listPage(method, key, nlohmann::json::array(), {}, handler);
    });
}

void McpClient::requestWhenReady(const std::string &method, nlohmann::json params, ResultHandler handler)
{
    std::weak_ptr<McpClient> weak = weak_from_this();
    connect([weak, method, params = std::move(params), handler](McpError error) mutable {
        auto self = weak.lock();
        if (!self)
            return;
        if (error)
            return handler(nullptr, error);
        self->m_session->request(method, std::move(params), self->m_config.callTimeoutMs, handler);
    });
}

void McpClient::listResources(ResultHandler handler) { listAll("resources/list", "resources", std::move(handler)); }

void McpClient::listResourceTemplates(ResultHandler handler)
{
    listAll("resources/templates/list", "resourceTemplates", std::move(handler));
}

void McpClient::listPrompts(ResultHandler handler) { listAll("prompts/list", "prompts", std::move(handler)); }

void McpClient::readResource(const std::string &uri, ResultHandler handler)
{
    requestWhenReady("resources/read", {{"uri", uri}}, std::move(handler));
}

void McpClient::getPrompt(const std::string &name, nlohmann::json arguments, ResultHandler handler)
{
    nlohmann::json params = {{"name", name}};
    if (arguments.is_object() && !arguments.empty())
        params["arguments"] = std::move(arguments);
    requestWhenReady("prompts/get", std::move(params), std::move(handler));
}

void McpClient::listTools(ResultHandler handler)
{
    std::weak_ptr<McpClient> weak = weak_from_this();
    connect([weak, handler](McpError error) {
        auto self = weak.lock();
        if (!self)
            return;
        if (error)
            return handler(nullptr, error);
        if (self->m_toolsCache.is_array())
            return handler(self->m_toolsCache, McpError{});
        self->listPage("tools/list", "tools", nlohmann::json::array(), {}, handler);
    });
}

long long McpClient::callTool(const std::string &name, nlohmann::json arguments, ResultHandler handler,
                              McpSession::Progress progress, long timeoutMs)
{
    const long long handle = m_nextHandle++;
    std::weak_ptr<McpClient> weak = weak_from_this();
    m_handleToRequest[handle] = 0;
    connect([weak, handle, name, arguments = std::move(arguments), handler, progress, timeoutMs](McpError error) mutable {
        auto self = weak.lock();
        if (!self)
            return;
        auto it = self->m_handleToRequest.find(handle);
        if (it == self->m_handleToRequest.end())
            return;  // cancelled while connecting
        if (error) {
            self->m_handleToRequest.erase(it);
            return handler(nullptr, error);
        }
        it->second = self->m_session->request(
            "tools/call", {{"name", name}, {"arguments", std::move(arguments)}},
            timeoutMs > 0 ? timeoutMs : self->m_config.callTimeoutMs,
            [weak, handle, handler](nlohmann::json result, McpError error) {
                if (auto self = weak.lock())
                    self->m_handleToRequest.erase(handle);
                handler(std::move(result), std::move(error));
            },
            std::move(progress));
    });
    return handle;
}

void McpClient::cancel(long long handle, const std::string &reason)
{
    auto it = m_handleToRequest.find(handle);
    if (it == m_handleToRequest.end())
        return;
    const long long request = it->second;
    m_handleToRequest.erase(it);
    if (request > 0 && m_session)
        m_session->cancel(request, reason);
}

void McpClient::close()
{
    if (m_transport)
        m_transport->close();
    m_transport.reset();
    m_state = State::Idle;
}

} // namespace flowdeck::engine
