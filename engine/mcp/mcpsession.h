#pragma once

#include "engine/mcp/mcpoauth.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace flowdeck::engine {

struct McpError {
    int code = 0;          // JSON-RPC code, or 0 for transport problems
    std::string message;
    bool timeout = false;
    bool transport = false;  // the server went away or spoke garbage
    explicit operator bool() const { return !message.empty(); }
};

// What the host decides for requests a server sends us (MCP sampling and
// elicitation). The CLI declines; the studio asks the user.
struct McpHostHandlers {
    // Answers with a result object, or an error message to decline.
    std::function<void(const std::string &method, const nlohmann::json &params,
                       std::function<void(nlohmann::json result, std::string error)> reply)>
        onServerRequest;
    std::function<void(const nlohmann::json &params)> onLog;                 // notifications/message
    std::function<void(const std::string &method)> onListChanged;           // tools/resources/prompts
    nlohmann::json roots = nlohmann::json::array();                          // answered to roots/list
    McpOAuthHost oauth;  // the user's part of signing in to HTTP servers that ask for it
};

// JSON-RPC 2.0 over any line transport: ids, timeouts, cancellation, progress, and
// the server-to-client requests MCP defines (ping, roots/list, sampling, elicitation).
class McpSession : public std::enable_shared_from_this<McpSession> {
public:
    using Send = std::function<void(std::string line)>;
    using Reply = std::function<void(nlohmann::json result, McpError error)>;
    using Progress = std::function<void(const nlohmann::json &params)>;

    static std::shared_ptr<McpSession> create(boost::asio::io_context &io, Send send, McpHostHandlers host);

    // Sends a request; `reply` is called once with the result or an error. Returns its id.
    long long request(const std::string &method, nlohmann::json params, long timeoutMs, Reply reply,
                      Progress progress = {});
    void notify(const std::string &method, nlohmann::json params = nlohmann::json::object());
    // Sends notifications/cancelled and fails the request locally at once.
    void cancel(long long id, const std::string &reason);
    // Feed every line the transport receives.
    void receive(const std::string &line);
    // The transport is gone: every pending request fails with `why`.
    void failAll(const std::string &why);
    std::size_t pending() const { return m_pending.size(); }
    std::size_t garbageLines() const { return m_garbage; }

private:
    McpSession(boost::asio::io_context &io, Send send, McpHostHandlers host);
    void handleMessage(const nlohmann::json &message);
    // Fails the request an unreadable answer was for, when its id can be found; false if not.
    bool failUnreadableAnswer(const std::string &line, const struct JsonReadError &problem);
    void answerServerRequest(const nlohmann::json &message);

    struct Pending {
        Reply reply;
        Progress progress;
        std::unique_ptr<boost::asio::steady_timer> timer;
        std::string method;
        std::string progressToken;
    };

    boost::asio::io_context &m_io;
    Send m_send;
    McpHostHandlers m_host;
    std::map<long long, Pending> m_pending;
    long long m_nextId = 1;
    std::size_t m_garbage = 0;
};

} // namespace flowdeck::engine
