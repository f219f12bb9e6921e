#include "engine/mcp/mcpsession.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include <charconv>
#include "engine/core/diagnostic.h"

namespace flowdeck::engine {

namespace asio = boost::asio;

std::shared_ptr<McpSession> McpSession::create(asio::io_context &io, Send send, McpHostHandlers host)
{
    return std::shared_ptr<McpSession>(new McpSession(io, std::move(send), std::move(host)));
}

McpSession::McpSession(asio::io_context &io, Send send, McpHostHandlers host)
    : m_io(io), m_send(std::move(send)), m_host(std::move(host))
{
}

long long McpSession::request(const std::string &method, nlohmann::json params, long timeoutMs, Reply reply,
                              Progress progress)
{
    const long long id = m_nextId++;
    Pending p;
    p.reply = std::move(reply);
    p.method = method;
    if (progress) {
        p.progress = std::move(progress);
        p.progressToken = "flowdeck-" + std::to_string(id);
        if (!params.is_object())
            params = nlohmann::json::object();
        params["_meta"]["progressToken"] = p.progressToken;
    }
    if (timeoutMs > 0) {
        p.timer = std::make_unique<asio::steady_timer>(m_io);
        p.timer->expires_after(std::chrono::milliseconds(timeoutMs));
        p.timer->async_wait([weak = weak_from_this(), id, method, timeoutMs](const boost::system::error_code &ec) {
            auto self = weak.lock();
            if (ec || !self || !self->m_pending.count(id))
                return;
            self->notify("notifications/cancelled", {{"requestId", id}, {"reason", "timed out"}});
            auto reply = std::move(self->m_pending[id].reply);
            self->m_pending.erase(id);
            McpError e;
            e.timeout = true;
            e.message = "the server did not answer " + method + " within " + std::to_string(timeoutMs / 1000.0).substr(0, 5) +
                        " s";
            reply(nullptr, e);
        });
    }
    m_pending.emplace(id, std::move(p));
    nlohmann::json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
    if (!params.is_null())
        message["params"] = std::move(params);
    m_send(engine::safeDump(message));
    return id;
}

void McpSession::notify(const std::string &method, nlohmann::json params)
{
    m_send(safeDump(nlohmann::json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}));
}

void McpSession::cancel(long long id, const std::string &reason)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    notify("notifications/cancelled", {{"requestId", id}, {"reason", reason}});
    auto reply = std::move(it->second.reply);
    if (it->second.timer)
        it->second.timer->cancel();
    m_pending.erase(it);
    reply(nullptr, McpError{0, "cancelled: " + reason});
}

void McpSession::failAll(const std::string &why)
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto &[id, p] : pending) {
        if (p.timer)
            p.timer->cancel();
        McpError e;
        e.transport = true;
        e.message = why;
        p.reply(nullptr, e);
    }
}

void McpSession::receive(const std::string &line)
{
    JsonReadError problem;
    auto message = parseJson(line, &problem);
    if (message.is_discarded() && problem.kind == JsonReadError::Kind::Syntax && !isValidUtf8(line))
        message = parseJson(validUtf8(line), &problem);  // text that is not UTF-8: read it with U+FFFD in its place
    if (message.is_discarded() && failUnreadableAnswer(line, problem))
        return;
    if (message.is_discarded() || !(message.is_object() || message.is_array())) {
        ++m_garbage;  // servers that print banners on stdout: count it, report it, carry on
        if (m_host.onLog)
            m_host.onLog({{"level", "warning"}, {"data", "the server printed a line that is not JSON-RPC: " + line.substr(0, 200)}});
        return;
    }
    if (message.is_array()) {
        for (const auto &m : message)
            if (m.is_object())
                handleMessage(m);
        return;
    }
    handleMessage(message);
}

bool McpSession::failUnreadableAnswer(const std::string &line, const JsonReadError &problem)
{
    // A JSON-RPC answer too deep or too odd to read: find its id without parsing it, so
    // the request it answers fails now with the reason instead of timing out.
    if (line.empty() || line.front() != '{')
        return false;
    const auto key = line.find("\"id\"");
    if (key == std::string::npos)
        return false;
    std::size_t at = line.find_first_not_of(" \t", key + 4);
    if (at == std::string::npos || line[at] != ':')
        return false;
    at = line.find_first_not_of(" \t", at + 1);
    if (at == std::string::npos)
        return false;
    long long id = 0;
    const auto [end, ec] = std::from_chars(line.data() + at, line.data() + line.size(), id);
    if (ec != std::errc() || end == line.data() + at)
        return false;
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return false;
    auto reply = std::move(it->second.reply);
    if (it->second.timer)
        it->second.timer->cancel();
    m_pending.erase(it);
    McpError e;
    e.message = "the server's answer could not be read (" + problem.describe() + ")";
    reply(nullptr, e);
    return true;
}

void McpSession::handleMessage(const nlohmann::json &message)
{
    const bool hasId = message.contains("id") && !message["id"].is_null();
    if (message.contains("method") && message["method"].is_string()) {
        if (hasId) {
            answerServerRequest(message);
            return;
        }
        const std::string method = message["method"];
        const auto params = engine::valueOr(message, "params", nlohmann::json::object());
        if (method == "notifications/progress") {
            const std::string token = params.contains("progressToken") ? (params["progressToken"].is_string()
                                                                              ? params["progressToken"].get<std::string>()
                                                                              : engine::safeDump(params["progressToken"]))
                                                                       : std::string();
            for (auto &[id, p] : m_pending)
                if (!p.progressToken.empty() && p.progressToken == token && p.progress)
                    p.progress(params);
        } else if (method == "notifications/message") {
            if (m_host.onLog)
                m_host.onLog(params);
        } else if (method.size() > 20 && method.rfind("/list_changed") == method.size() - 13) {
            if (m_host.onListChanged)
                m_host.onListChanged(method);
        }
        return;
    }
    if (!hasId || !message["id"].is_number_integer())
        return;
    auto it = m_pending.find(message["id"].get<long long>());
    if (it == m_pending.end())
        return;  // late answer to something cancelled or timed out
    auto reply = std::move(it->second.reply);
    if (it->second.timer)
        it->second.timer->cancel();
    m_pending.erase(it);
    if (message.contains("error") && message["error"].is_object()) {
        const auto &e = message["error"];
        reply(nullptr, McpError{engine::valueOr(e, "code", 0), engine::valueOr(e, "message", std::string("the server reported an error"))});
    } else {
        reply(engine::valueOr(message, "result", nlohmann::json::object()), McpError{});
    }
}

void McpSession::answerServerRequest(const nlohmann::json &message)
{
    const auto id = message["id"];
    const std::string method = message["method"];
    auto respond = [weak = weak_from_this(), id](nlohmann::json result, std::string error) {
        auto self = weak.lock();
        if (!self)
            return;
        nlohmann::json out = {{"jsonrpc", "2.0"}, {"id", id}};
        if (error.empty())
            out["result"] = std::move(result);
        else
            out["error"] = {{"code", -32603}, {"message", error}};
        self->m_send(engine::safeDump(out));
    };
    if (method == "ping")
        return respond(nlohmann::json::object(), {});
    if (method == "roots/list")
        return respond({{"roots", m_host.roots}}, {});
    if ((method == "sampling/createMessage" || method == "elicitation/create") && m_host.onServerRequest)
        return m_host.onServerRequest(method, engine::valueOr(message, "params", nlohmann::json::object()), respond);
    m_send(safeDump(nlohmann::json{{"jsonrpc", "2.0"}, {"id", id},
                          {"error", {{"code", -32601}, {"message", "Flowdeck does not handle " + method}}}}));
}

} // namespace flowdeck::engine
