// What an MCP server sends us. The input is a server's stdout, bytes as they come, and
// goes through three stages:
//  1. framing (engine/mcp/stdiochannel.h): the bytes are written to a `cat` child that a
//     StdioChannel started once for the whole run, so its real line reader splits what
//     comes back into messages;
//  2. a bare McpSession (engine/mcp/mcpsession.h) with requests waiting (one with a
//     progress token) takes every line: answers, errors, notifications, batches, and
//     requests from the server (ping, roots/list, sampling, unknown methods);
//  3. an McpClient (engine/mcp/mcpclient.h) talks to a scripted server: this file
//     defines McpTransport::create (the stdio and HTTP transports are not linked), and
//     the transport hands the client the next line whenever the client has nothing left
//     to do. The client initializes, lists tools, resources and prompts (every page),
//     calls a tool and reads its result text (engine/mcp/mcpresult.h); at the end of the
//     script the server "exits".
// Stages 2 and 3 run on an io_context of their own, polled until idle: nothing waits
// on time.
#include "engine/mcp/mcpclient.h"
#include "engine/mcp/mcpresult.h"
#include "engine/mcp/mcpsession.h"
#include "engine/mcp/mcptransport.h"
#include "engine/mcp/stdiochannel.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;
using namespace flowdeck::engine;

namespace {

// Stage 1: the lines a StdioChannel reads from a child that echoes `bytes`.
class EchoFraming {
public:
    std::vector<std::string> frame(const std::string &bytes)
    {
        if (!m_channel || !m_channel->running())
            start();
        m_lines.clear();
        m_done = false;
        // A line no input can know in advance ends this input's lines.
        m_sentinel = "\x01flowdeck-fuzz-end-" + std::to_string(++m_count);
        m_channel->send(bytes);  // a newline is added, as after every message
        m_channel->send(m_sentinel);
        m_io.restart();
        while (!m_done && m_io.run_one() > 0) {
        }
        if (!m_done) {
            std::fprintf(stderr, "fuzz_mcp_session: the echo child went away\n");
            std::abort();
        }
        return std::move(m_lines);
    }

private:
    void start()
    {
        m_channel = StdioChannel::create(m_io);
        StdioChannel::Callbacks cb;
        cb.onLine = [this](std::string line) {
            if (line == m_sentinel)
                m_done = true;
            else if (line.rfind("\x01flowdeck-fuzz-end-", 0) != 0)  // not an earlier input's
                m_lines.push_back(std::move(line));
        };
        cb.onClosed = [](int, std::string why) {
            std::fprintf(stderr, "fuzz_mcp_session: the echo child closed: %s\n", why.c_str());
            std::abort();
        };
        std::string error;
        if (!m_channel->start("cat", {}, {}, {}, std::move(cb), &error)) {
            std::fprintf(stderr, "fuzz_mcp_session: %s\n", error.c_str());
            std::abort();
        }
    }

    asio::io_context m_io;
    std::shared_ptr<StdioChannel> m_channel;
    std::vector<std::string> m_lines;
    std::string m_sentinel;
    bool m_done = false;
    unsigned long m_count = 0;
};

// Answers the server's sampling and elicitation requests later, as the studio does
// after asking the user: one accepted, the next declined.
McpHostHandlers hostHandlers(asio::io_context &io)
{
    McpHostHandlers host;
    auto count = std::make_shared<int>(0);
    host.onServerRequest = [&io, count](const std::string &method, const nlohmann::json &params,
                                        std::function<void(nlohmann::json, std::string)> reply) {
        (void)params;
        const bool accept = (*count)++ % 2 == 0;
        asio::post(io, [reply = std::move(reply), accept, method] {
            if (accept)
                reply({{"role", "assistant"}, {"content", {{"type", "text"}, {"text", method}}}}, {});
            else
                reply(nullptr, "declined by the user");
        });
    };
    host.onLog = [](const nlohmann::json &params) { (void)params.is_object(); };
    host.onListChanged = [](const std::string &method) { (void)method.size(); };
    host.roots = nlohmann::json::array({{{"uri", "file:///tmp"}, {"name", "tmp"}}});
    return host;
}

void pollUntilIdle(asio::io_context &io)
{
    io.restart();
    while (io.poll() > 0)
        io.restart();
}

// Stage 2.
void feedSession(const std::vector<std::string> &lines)
{
    asio::io_context io;
    std::vector<std::string> sent;
    auto session = McpSession::create(io, [&sent](std::string line) { sent.push_back(std::move(line)); }, hostHandlers(io));
    auto useResult = [](nlohmann::json result, McpError error) {
        if (!error)
            mcpResultText(result);
    };
    session->request("initialize", nlohmann::json::object(), 0, useResult);
    session->request("tools/call", {{"name", "echo"}, {"arguments", {{"text", "hi"}}}}, 60000, useResult,
                     [](const nlohmann::json &params) { (void)params.size(); });
    session->request("tools/list", nullptr, 60000, useResult);
    for (const auto &line : lines) {
        session->receive(line);
        pollUntilIdle(io);
    }
    session->failAll("the server closed its output");
    pollUntilIdle(io);
}

// Stage 3: the scripted server behind McpTransport::create.
struct Script {
    std::deque<std::string> lines;
    bool opened = false;
};
Script *g_script = nullptr;

class ScriptedServer final : public McpTransport {
public:
    explicit ScriptedServer(Script *script) : m_script(script) {}

    bool open(Callbacks callbacks, std::string *error) override
    {
        if (!m_script || m_script->opened) {
            if (error)
                *error = "the scripted server has already exited";
            return false;
        }
        m_script->opened = true;
        m_callbacks = std::move(callbacks);
        m_open = true;
        return true;
    }
    void send(std::string message) override { m_sent.push_back(std::move(message)); }
    void close() override { exit(143, "closed by Flowdeck"); }

    // Hands the client the next line; false when the script is over.
    bool speak()
    {
        if (!m_open || m_script->lines.empty())
            return false;
        std::string line = std::move(m_script->lines.front());
        m_script->lines.pop_front();
        m_callbacks.onDiagnostic("sent " + std::to_string(line.size()) + " bytes");
        m_callbacks.onMessage(std::move(line));
        return true;
    }
    void exit(int status, const std::string &why)
    {
        if (!m_open)
            return;
        m_open = false;
        if (auto onClosed = std::move(m_callbacks.onClosed))
            onClosed(status, why);
    }

private:
    Script *m_script;
    Callbacks m_callbacks;
    bool m_open = false;
    std::vector<std::string> m_sent;
};
std::weak_ptr<ScriptedServer> g_server;

void driveClient(const std::vector<std::string> &lines)
{
    Script script;
    script.lines.assign(lines.begin(), lines.end());
    g_script = &script;
    {
        asio::io_context io;
        auto client = McpClient::create(io, McpServerConfig::stdio("fuzz", "scripted-server"), hostHandlers(io));
        auto useList = [](nlohmann::json result, McpError error) {
            if (!error && result.is_array())
                for (const auto &item : result)
                    (void)item.is_object();
        };
        auto useResult = [](nlohmann::json result, McpError error) {
            if (!error)
                mcpResultText(result);
        };
        client->listTools(useList);
        client->callTool("echo", {{"text", "hello"}}, useResult, [](const nlohmann::json &params) { (void)params.size(); });
        client->listResources(useList);
        client->listResourceTemplates(useList);
        client->listPrompts(useList);
        client->readResource("file:///tmp/a.txt", useResult);
        client->getPrompt("greet", {{"name", "Ada"}}, useResult);
        // Later calls find the tool list cached, or a client that has to connect again.
        client->listTools(useList);
        for (;;) {
            pollUntilIdle(io);
            auto server = g_server.lock();
            if (!server || !server->speak())
                break;
        }
        if (auto server = g_server.lock())
            server->exit(0, "the server closed its output");
        pollUntilIdle(io);
        client->close();
        pollUntilIdle(io);
    }
    g_script = nullptr;
}

} // namespace

namespace flowdeck::engine {

std::shared_ptr<McpTransport> McpTransport::create(asio::io_context &, const McpServerConfig &, std::shared_ptr<McpOAuth>)
{
    auto server = std::make_shared<ScriptedServer>(g_script);
    g_server = server;
    return server;
}

} // namespace flowdeck::engine

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static EchoFraming *framing = new EchoFraming;  // the child lives for the whole run
    const auto lines = framing->frame(std::string(reinterpret_cast<const char *>(data), size));
    feedSession(lines);
    driveClient(lines);
    return 0;
}
