// The MCP client's HTTP transports against tests/peers/fault-mcp-http-server.cjs, a
// real HTTP server that drops streams, cuts connections, forgets sessions and speaks
// only the legacy HTTP+SSE transport on /sse.
#include "engine/mcp/mcpclient.h"
#include "engine/net/httpclient.h"
#include "tests/support/mcpreply.h"
#include "tests/support/peerserver.h"

#include <QtTest>

using namespace flowdeck::engine;
using json = nlohmann::json;
using flowdeck::tests::firstText;
using flowdeck::tests::into;
using Reply = flowdeck::tests::McpReply;
using flowdeck::tests::waitFor;

class TestMcpHttp : public QObject {
    Q_OBJECT

    flowdeck::tests::PeerServer m_server;

    json stats(boost::asio::io_context &io)
    {
        HttpClient http(io);
        Reply r;
        HttpRequest request;
        request.url = m_server.url("/stats");
        HttpCallbacks cb;
        cb.onComplete = [&](HttpResponse response, HttpError) {
            r.result = json::parse(response.body, nullptr, false);
            r.done = true;
        };
        http.start(request, cb);
        waitFor(io, r);
        return r.result;
    }

    Reply call(boost::asio::io_context &io, McpClient &client, const std::string &tool, const std::string &text = "hi")
    {
        Reply r;
        client.callTool(tool, {{"text", text}}, into(r));
        waitFor(io, r);
        return r;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start("fault-mcp-http-server.cjs", {}, &error), qPrintable(error));
    }

    void jsonAndStreamedAnswersWithTheSessionHeader()
    {
        boost::asio::io_context io;
        auto client = McpClient::create(io, McpServerConfig::http("fault", m_server.url("/mcp"), 5000));
        auto echo = call(io, *client, "echo", "你好");
        QVERIFY2(!echo.error, echo.error.message.c_str());
        QCOMPARE(firstText(echo.result), std::string("echo: 你好"));
        QCOMPARE(client->serverInfo().value("name", ""), std::string("fault-http"));

        Reply streamed;
        int progress = 0;
        client->callTool("stream-echo", {{"text", "x"}}, into(streamed), [&](const json &) { ++progress; });
        waitFor(io, streamed);
        QCOMPARE(firstText(streamed.result), std::string("streamed: x"));
        QCOMPARE(progress, 1);
        // Requests after initialize carry the negotiated version.
        const auto s = stats(io);
        QVERIFY(!s["protocolHeaders"].empty());
        QCOMPARE(s["protocolHeaders"].back(), json("2025-11-25"));
    }

    void droppedStreamIsResumedWithLastEventId()
    {
        boost::asio::io_context io;
        auto client = McpClient::create(io, McpServerConfig::http("fault", m_server.url("/mcp"), 5000));
        const auto before = stats(io)["resumes"].size();
        auto begun = std::chrono::steady_clock::now();
        auto r = call(io, *client, "drop", "again");
        QVERIFY2(!r.error, r.error.message.c_str());
        QCOMPARE(firstText(r.result), std::string("resumed: again"));
        // The server asked for 200 ms before reconnecting.
        QVERIFY(std::chrono::steady_clock::now() - begun >= std::chrono::milliseconds(200));
        const auto resumes = stats(io)["resumes"];
        QCOMPARE(resumes.size(), before + 1);
        QVERIFY(resumes.back().get<std::string>().rfind("ev-", 0) == 0);
        QCOMPARE(firstText(call(io, *client, "echo", "next").result), std::string("echo: next"));
    }

    void cutConnectionAndHangAreClearErrorsAndTheNextCallWorks()
    {
        boost::asio::io_context io;
        auto client = McpClient::create(io, McpServerConfig::http("fault", m_server.url("/mcp"), 800));
        auto cut = call(io, *client, "cut");
        QVERIFY(cut.error);
        QVERIFY2(cut.error.message.find("closed") != std::string::npos, cut.error.message.c_str());
        QCOMPARE(firstText(call(io, *client, "echo", "after cut").result), std::string("echo: after cut"));

        auto hang = call(io, *client, "hang");
        QVERIFY(hang.error.timeout);
        QVERIFY2(hang.error.message.find("within") != std::string::npos, hang.error.message.c_str());
        QCOMPARE(firstText(call(io, *client, "echo", "after hang").result), std::string("echo: after hang"));
    }

    void forgottenSessionStartsANewOne()
    {
        boost::asio::io_context io;
        auto client = McpClient::create(io, McpServerConfig::http("fault", m_server.url("/mcp"), 5000));
        QCOMPARE(firstText(call(io, *client, "forget").result), std::string("forgotten"));
        const auto sessions = stats(io)["sessions"].get<int>();
        auto lost = call(io, *client, "echo", "lost");
        QVERIFY(lost.error.transport);
        QVERIFY2(lost.error.message.find("no longer knows the session") != std::string::npos, lost.error.message.c_str());
        QCOMPARE(firstText(call(io, *client, "echo", "new").result), std::string("echo: new"));
        QCOMPARE(stats(io)["sessions"].get<int>(), sessions + 1);
    }

    void closeEndsTheSessionWithDelete()
    {
        boost::asio::io_context io;
        auto client = McpClient::create(io, McpServerConfig::http("fault", m_server.url("/mcp"), 5000));
        QCOMPARE(firstText(call(io, *client, "echo").result), std::string("echo: hi"));
        const int deletes = stats(io)["deletes"].get<int>();
        client->close();
        client.reset();
        io.restart();
        io.run_for(std::chrono::milliseconds(300));
        QCOMPARE(stats(io)["deletes"].get<int>(), deletes + 1);
    }

    void legacyServerIsReachedByFallback()
    {
        boost::asio::io_context io;
        // "http" first tries Streamable HTTP; POST /sse answers 405, so it falls back.
        auto client = McpClient::create(io, McpServerConfig::http("old", m_server.url("/sse"), 5000));
        auto r = call(io, *client, "echo", "legacy");
        QVERIFY2(!r.error, r.error.message.c_str());
        QCOMPARE(firstText(r.result), std::string("echo: legacy"));
        QVERIFY(stats(io)["legacyPosts"].get<int>() >= 3);  // initialize, initialized, the call

        auto cut = call(io, *client, "cut");
        QVERIFY(cut.error.transport);
        QVERIFY2(cut.error.message.find("closed its event stream") != std::string::npos, cut.error.message.c_str());
        QCOMPARE(firstText(call(io, *client, "echo", "back").result), std::string("echo: back"));
    }

    void signInIsExplainedWhenNoOneCanBeAsked()
    {
        boost::asio::io_context io;
        auto client = McpClient::create(io, McpServerConfig::http("private", m_server.url("/private"), 5000));
        auto r = call(io, *client, "echo");
        QVERIFY2(r.error.message.find("needs a sign-in (OAuth)") != std::string::npos, r.error.message.c_str());

        const auto challenge = McpOAuth::parseChallenge(
            "Bearer error=\"insufficient_scope\", scope=\"files:read files:write\", "
            "resource_metadata=\"https:" "//x.test/.well-known/oauth-protected-resource/mcp\", realm=mcp");
        QCOMPARE(challenge.at("error"), std::string("insufficient_scope"));
        QCOMPARE(challenge.at("scope"), std::string("files:read files:write"));
        QCOMPARE(challenge.at("resource_metadata"), std::string("https:" "//x.test/.well-known/oauth-protected-resource/mcp"));
        QCOMPARE(challenge.at("realm"), std::string("mcp"));
    }

    void unreachableAndBadUrlsAreExplained()
    {
        boost::asio::io_context io;
        auto nobody = McpClient::create(io, McpServerConfig::http("gone", "http://127.0.0.1:1/mcp", 2000));
        auto r = call(io, *nobody, "echo");
        QVERIFY(r.error);
        QVERIFY2(r.error.message.find("did not start") != std::string::npos &&
                     r.error.message.find("could not reach http://127.0.0.1:1/mcp") != std::string::npos,
                 r.error.message.c_str());

        auto bad = McpClient::create(io, McpServerConfig::http("bad", "ftp://example.com", 2000));
        auto b = call(io, *bad, "echo");
        QVERIFY2(b.error.message.find("is not an http:// or https:// URL") != std::string::npos, b.error.message.c_str());

        auto missing = McpClient::create(io, McpServerConfig::http("nothing", m_server.url("/nothing"), 2000));
        auto m = call(io, *missing, "echo");
        QVERIFY2(m.error.message.find("HTTP 404") != std::string::npos, m.error.message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestMcpHttp)
#include "tst_mcphttp.moc"
