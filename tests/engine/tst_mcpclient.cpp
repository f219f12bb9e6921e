// The MCP client against real servers from tests/peers (server-everything,
// server-filesystem) and a server that misbehaves on purpose. The server-everything
// tests run over the transport named by $FLOWDECK_MCP_TRANSPORT: stdio (the default),
// http (Streamable HTTP) or sse (the legacy HTTP+SSE transport); the others are
// about stdio and are skipped over HTTP.
#include "engine/mcp/mcpclient.h"
#include "engine/mcp/stdiochannel.h"
#include "tests/support/mcpreply.h"
#include "tests/support/peerserver.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <functional>

#include <signal.h>
#include <set>

using namespace flowdeck::engine;
using json = nlohmann::json;
using flowdeck::tests::firstText;
using flowdeck::tests::into;
using Reply = flowdeck::tests::McpReply;
using flowdeck::tests::waitFor;

namespace {

const std::string kPeers = FLOWDECK_SOURCE_DIR "/tests/peers";

std::string transportUnderTest()
{
    const char *t = std::getenv("FLOWDECK_MCP_TRANSPORT");
    return t && *t ? t : "stdio";
}

// server-everything over the transport under test; HTTP modes share one server process.
McpServerConfig everything()
{
    const std::string transport = transportUnderTest();
    if (transport == "stdio")
        return McpServerConfig::stdio("everything", kPeers + "/node_modules/.bin/mcp-server-everything", {"stdio"}, 20000);
    static flowdeck::tests::PeerServer server;
    if (server.port() == 0) {
        QString error;
        const QString mode = transport == "sse" ? "sse" : "streamableHttp";
        if (!server.start("node_modules/@modelcontextprotocol/server-everything/dist/index.js", {mode}, &error))
            qFatal("%s", qPrintable(error));
    }
    auto config = McpServerConfig::http("everything", server.url(transport == "sse" ? "/sse" : "/mcp"), 20000);
    config.transport = transport;
    return config;
}

#define STDIO_ONLY()                                                                  \
    if (transportUnderTest() != "stdio")                                              \
        QSKIP("about the stdio transport");

McpServerConfig faulty()
{
    auto c = McpServerConfig::stdio("fault", "node", {kPeers + "/fault-mcp-server.cjs"}, 500);
    c.startTimeoutMs = 10000;
    return c;
}

} // namespace

class TestMcpClient : public QObject {
    Q_OBJECT

private slots:
    void everythingListsAndCallsTools()
    {
        boost::asio::io_context io;
        auto client = McpClient::create(io, everything());
        Reply tools;
        client->listTools(into(tools));
        waitFor(io, tools);
        QVERIFY2(!tools.error, tools.error.message.c_str());
        QCOMPARE(client->protocolVersion(), std::string("2025-11-25"));
        QCOMPARE(client->serverInfo().value("name", ""), std::string("mcp-servers/everything"));
        std::set<std::string> names;
        for (const auto &t : tools.result)
            names.insert(t["name"].get<std::string>());
        QVERIFY(names.count("echo") && names.count("get-sum") && names.count("get-tiny-image"));

        Reply echo;
        client->callTool("echo", {{"message", "你好, Flowdeck"}}, into(echo));
        waitFor(io, echo);
        QVERIFY2(!echo.error, echo.error.message.c_str());
        QCOMPARE(firstText(echo.result), std::string("Echo: 你好, Flowdeck"));

        Reply sum;
        client->callTool("get-sum", {{"a", 2}, {"b", 40}}, into(sum));
        waitFor(io, sum);
        QVERIFY(firstText(sum.result).find("42") != std::string::npos);

        Reply structured;
        client->callTool("get-structured-content", {{"location", "Chicago"}}, into(structured));
        waitFor(io, structured);
        QVERIFY(structured.result.contains("structuredContent"));
        QVERIFY(structured.result["structuredContent"].is_object());

        Reply image;
        client->callTool("get-tiny-image", json::object(), into(image));
        waitFor(io, image);
        bool hasImage = false;
        for (const auto &c : image.result["content"])
            hasImage = hasImage || (c["type"] == "image" && c.value("mimeType", "") == "image/png" && !c.value("data", "").empty());
        QVERIFY(hasImage);
    }

    void resourcesAndPromptsWithPagination()
    {
        boost::asio::io_context io;
        auto client = McpClient::create(io, everything());
        Reply resources;
        client->listResources(into(resources));
        waitFor(io, resources);
        QVERIFY2(!resources.error, resources.error.message.c_str());
        QVERIFY(resources.result.is_array() && !resources.result.empty());
        const std::string uri = resources.result[0]["uri"];
        Reply read;
        client->readResource(uri, into(read));
        waitFor(io, read);
        QVERIFY2(!read.error, read.error.message.c_str());
        QCOMPARE(read.result["contents"][0]["uri"].get<std::string>(), uri);

        Reply templates;
        client->listResourceTemplates(into(templates));
        waitFor(io, templates);
        QVERIFY(!templates.error && templates.result.is_array());

        Reply prompts;
        client->listPrompts(into(prompts));
        waitFor(io, prompts);
        QVERIFY(!prompts.error && !prompts.result.empty());
        std::string simple;
        for (const auto &p : prompts.result)
            if (!p.contains("arguments") || p["arguments"].empty())
                simple = p["name"];
        QVERIFY(!simple.empty());
        Reply prompt;
        client->getPrompt(simple, json::object(), into(prompt));
        waitFor(io, prompt);
        QVERIFY2(!prompt.error, prompt.error.message.c_str());
        QVERIFY(!prompt.result["messages"].empty());

        Reply missing;
        client->readResource("demo://no/such/thing", into(missing));
        waitFor(io, missing);
        QVERIFY(bool(missing.error));
    }

    void progressNotificationsAndCancellation()
    {
        boost::asio::io_context io;
        auto client = McpClient::create(io, everything());
        Reply op;
        int progress = 0;
        client->callTool("trigger-long-running-operation", {{"duration", 1}, {"steps", 4}}, into(op),
                         [&](const json &params) {
                             QVERIFY(params.contains("progress"));
                             ++progress;
                         });
        waitFor(io, op);
        QVERIFY2(!op.error, op.error.message.c_str());
        QVERIFY2(progress >= 2, qPrintable(QString("only %1 progress notifications").arg(progress)));

        Reply slow;
        auto handle = client->callTool("trigger-long-running-operation", {{"duration", 30}, {"steps", 2}}, into(slow));
        boost::asio::steady_timer t(io);
        t.expires_after(std::chrono::milliseconds(300));
        t.async_wait([&](auto) { client->cancel(handle); });
        auto begun = std::chrono::steady_clock::now();
        waitFor(io, slow);
        QVERIFY(slow.error.message.find("cancelled") != std::string::npos);
        QVERIFY(std::chrono::steady_clock::now() - begun < std::chrono::seconds(3));

        Reply after;
        client->callTool("echo", {{"message", "still here"}}, into(after));
        waitFor(io, after);
        QCOMPARE(firstText(after.result), std::string("Echo: still here"));
    }

    void samplingRootsListChangedAndLoggingReachTheHost()
    {
        boost::asio::io_context io;
        McpHostHandlers host;
        std::vector<std::string> asked;
        int listChanged = 0, logs = 0;
        host.onServerRequest = [&](const std::string &method, const json &params,
                                   std::function<void(json, std::string)> reply) {
            asked.push_back(method);
            QVERIFY(params.contains("messages"));
            reply({{"role", "assistant"}, {"content", {{"type", "text"}, {"text", "sampled by the host"}}}, {"model", "test-model"}},
                  {});
        };
        host.onListChanged = [&](const std::string &method) {
            if (method == "notifications/tools/list_changed")
                ++listChanged;
        };
        host.onLog = [&](const json &params) {
            if (params.value("logger", "") != "stderr")
                ++logs;
        };
        host.roots = json::array({{{"uri", "file:///srv/flowdeck-data"}, {"name", "data"}}});
        auto client = McpClient::create(io, everything(), host);
        // Tools that depend on the client's capabilities are added after initialization,
        // announced with list_changed; the client drops its cached list then.
        bool found = false;
        for (int attempt = 0; attempt < 20 && !found; ++attempt) {
            Reply tools;
            client->listTools(into(tools));
            waitFor(io, tools);
            for (const auto &t : tools.result)
                found = found || t["name"] == "trigger-sampling-request";
            if (!found)
                io.run_for(std::chrono::milliseconds(100));
        }
        QVERIFY(found);
        QVERIFY(listChanged >= 1);

        Reply sampled;
        client->callTool("trigger-sampling-request", {{"prompt", "say hi"}, {"maxTokens", 20}}, into(sampled));
        waitFor(io, sampled);
        QVERIFY2(!sampled.error, sampled.error.message.c_str());
        QCOMPARE(asked, std::vector<std::string>{"sampling/createMessage"});
        QVERIFY(firstText(sampled.result).find("sampled by the host") != std::string::npos);

        Reply roots;
        client->callTool("get-roots-list", json::object(), into(roots));
        waitFor(io, roots);
        QVERIFY2(firstText(roots.result).find("file:///srv/flowdeck-data") != std::string::npos, firstText(roots.result).c_str());

        Reply toggle;
        client->callTool("toggle-simulated-logging", json::object(), into(toggle));
        waitFor(io, toggle);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        while (logs == 0 && std::chrono::steady_clock::now() < deadline)
            io.run_for(std::chrono::milliseconds(100));
        QVERIFY2(logs > 0, "no notifications/message arrived");
    }

    void filesystemWorksInsideItsRootOnly()
    {
        STDIO_ONLY();
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        boost::asio::io_context io;
        auto client = McpClient::create(io, McpServerConfig::stdio("fs", kPeers + "/node_modules/.bin/mcp-server-filesystem", {root}, 20000));
        Reply write;
        client->callTool("write_file", {{"path", root + "/orders.csv"}, {"content", "id,total\n1,42\n"}}, into(write));
        waitFor(io, write);
        QVERIFY2(!write.error && !write.result.value("isError", false), write.result.dump().c_str());
        std::ifstream in(root + "/orders.csv");
        std::string first;
        std::getline(in, first);
        QCOMPARE(first, std::string("id,total"));

        Reply read;
        client->callTool("read_text_file", {{"path", root + "/orders.csv"}}, into(read));
        waitFor(io, read);
        QVERIFY(firstText(read.result).find("1,42") != std::string::npos);

        Reply outside;
        client->callTool("read_text_file", {{"path", "/etc/hostname"}}, into(outside));
        waitFor(io, outside);
        QVERIFY(!outside.error);  // a tool error, not a protocol error
        QCOMPARE(outside.result.value("isError", false), true);
        QVERIFY2(firstText(outside.result).find("outside allowed directories") != std::string::npos ||
                     firstText(outside.result).find("Access denied") != std::string::npos,
                 firstText(outside.result).c_str());
    }

    void pagesGarbageAndUnknownTools()
    {
        STDIO_ONLY();
        boost::asio::io_context io;
        auto client = McpClient::create(io, faulty());
        Reply tools;
        client->listTools(into(tools));
        waitFor(io, tools);
        QVERIFY2(!tools.error, tools.error.message.c_str());
        QCOMPARE(tools.result.size(), std::size_t(3));  // three pages of one tool each
        Reply echo;
        client->callTool("echo", {{"text", "x"}}, into(echo));
        waitFor(io, echo);
        QCOMPARE(firstText(echo.result), std::string("echo: x"));  // banner and noise lines did not break it
        Reply unknown;
        client->callTool("nope", json::object(), into(unknown));
        waitFor(io, unknown);
        QCOMPARE(unknown.error.code, -32602);
        QVERIFY(unknown.error.message.find("Unknown tool") != std::string::npos);
    }

    void crashMidCallIsClearAndTheNextCallRestarts()
    {
        STDIO_ONLY();
        boost::asio::io_context io;
        auto client = McpClient::create(io, faulty());
        Reply crash;
        client->callTool("crash", json::object(), into(crash));
        waitFor(io, crash);
        QVERIFY(crash.error.transport);
        QVERIFY2(crash.error.message.find("'fault' stopped") != std::string::npos, crash.error.message.c_str());
        QVERIFY(crash.error.message.find("exit status 3") != std::string::npos);
        QVERIFY(crash.error.message.find("crashing on purpose") != std::string::npos);
        Reply next;
        client->callTool("echo", {{"text", "again"}}, into(next));
        waitFor(io, next);
        QVERIFY2(!next.error, next.error.message.c_str());
        QCOMPARE(firstText(next.result), std::string("echo: again"));
        QCOMPARE(client->restarts(), 1);
    }

    void hangingServerTimesOut()
    {
        STDIO_ONLY();
        boost::asio::io_context io;
        auto client = McpClient::create(io, faulty());
        Reply hang;
        auto begun = std::chrono::steady_clock::now();
        client->callTool("hang", json::object(), into(hang));
        waitFor(io, hang);
        QVERIFY(hang.error.timeout);
        QVERIFY(hang.error.message.find("did not answer tools/call") != std::string::npos);
        QVERIFY(std::chrono::steady_clock::now() - begun < std::chrono::seconds(5));
        Reply next;
        client->callTool("echo", {{"text", "fine"}}, into(next));
        waitFor(io, next);
        QCOMPARE(firstText(next.result), std::string("echo: fine"));
    }

    // Runs the loop until `done()` holds or `ms` pass; whether it held.
    static bool runUntil(boost::asio::io_context &io, const std::function<bool()> &done, int ms)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (!done() && std::chrono::steady_clock::now() < deadline) {
            io.restart();
            io.run_one_for(std::chrono::milliseconds(20));
        }
        return done();
    }

    void closingNeverBlocksAndLeavesNothingBehind()
    {
        STDIO_ONLY();
        // A server that ignores SIGTERM and has started a child of its own (as npx does).
        boost::asio::io_context io;
        auto channel = StdioChannel::create(io);
        std::string firstLine;
        StdioChannel::Callbacks callbacks;
        callbacks.onLine = [&](std::string line) { firstLine = firstLine.empty() ? line : firstLine; };
        bool closed = false;
        callbacks.onClosed = [&](int, std::string) { closed = true; };
        std::string error;
        QVERIFY2(channel->start("/bin/sh", {"-c", "trap '' TERM; sleep 60 & echo $!; wait"}, {}, {}, callbacks, &error),
                 error.c_str());
        const pid_t server = channel->pid();
        QVERIFY(runUntil(io, [&] { return !firstLine.empty(); }, 5000));
        const pid_t grandchild = std::stoi(firstLine);
        channel->close();
        // close() returned without waiting: the server, deaf to SIGTERM, is still there.
        QVERIFY(closed);
        QCOMPARE(::kill(server, 0), 0);
        QCOMPARE(stdioChildrenStopping(), std::size_t(1));
        // The loop reaps it after the grace period, with its whole group.
        QVERIFY(runUntil(io, [&] { return stdioChildrenStopping() == 0; }, 10000));
        QCOMPARE(::kill(server, 0), -1);
        QVERIFY(runUntil(io, [&] { return ::kill(grandchild, 0) == -1; }, 5000));
    }

    void unsupportedVersionAndMissingProgram()
    {
        STDIO_ONLY();
        boost::asio::io_context io;
        auto config = faulty();
        config.env["FAULT_PROTOCOL_VERSION"] = "1999-01-01";
        auto old = McpClient::create(io, config);
        Reply r;
        old->listTools(into(r));
        waitFor(io, r);
        QVERIFY(r.error.message.find("'1999-01-01'") != std::string::npos);

        auto missing = McpClient::create(io, McpServerConfig::stdio("ghost", "no-such-mcp-server-binary", {}, 1000));
        Reply m;
        missing->listTools(into(m));
        waitFor(io, m);
        QVERIFY(m.error.message.find("Could not start the MCP server 'ghost'") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestMcpClient)
#include "tst_mcpclient.moc"
