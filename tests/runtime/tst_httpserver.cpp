// The runtime's HTTP server in-process (runtime/serve/httpserver.h): a real server on
// 127.0.0.1 with an ephemeral port, spoken to with the engine's real HTTP client on the
// same io_context. Whole and streamed replies, the body limit, a handler that throws,
// a client that goes away, and a graceful shutdown.
#include "engine/net/httpclient.h"
#include "runtime/serve/httpserver.h"

#include <boost/asio/steady_timer.hpp>

#include <QtTest>

#include <nlohmann/json.hpp>

#include <optional>

using namespace flowdeck;
using runtime::HttpServer;
using runtime::ReplyPtr;
using runtime::Request;

class TestHttpServer : public QObject {
    Q_OBJECT

    struct Answer {
        engine::HttpResponse response;
        engine::HttpError error;
    };

    // Runs the io_context until the request is answered (or 10 s have passed, a failure).
    static Answer fetch(boost::asio::io_context &io, engine::HttpClient &client, engine::HttpRequest request)
    {
        std::optional<Answer> answer;
        engine::HttpCallbacks cb;
        cb.onComplete = [&](engine::HttpResponse response, engine::HttpError error) {
            answer = Answer{std::move(response), std::move(error)};
        };
        request.timeoutMs = 10000;
        client.start(std::move(request), std::move(cb));
        io.restart();
        while (!answer && io.run_one_for(std::chrono::seconds(10)) > 0) {
        }
        if (!answer)
            answer = Answer{{}, {engine::HttpError::Kind::Timeout, "no answer"}};
        return *answer;
    }

    static std::string url(const HttpServer &server, const std::string &path)
    {
        return "http://127.0.0.1:" + std::to_string(server.port()) + path;
    }

private slots:
    void answersWholeAndStreamedReplies()
    {
        boost::asio::io_context io;
        HttpServer server(io, [](Request &request, ReplyPtr reply) {
            if (request.target() == "/stream") {
                reply->begin(200, "text/event-stream", {{"X-Test", "yes"}});
                reply->write("data: one\n\n");
                reply->write("data: two\n\n");
                return reply->end();
            }
            reply->send(200, "application/json",
                        nlohmann::json{{"method", std::string(request.method_string())}, {"body", request.body()}}.dump());
        });
        std::string error;
        QVERIFY2(server.listen("127.0.0.1", 0, error), error.c_str());
        QVERIFY(server.port() != 0);
        engine::HttpClient client(io);

        engine::HttpRequest post;
        post.method = "POST";
        post.url = url(server, "/echo");
        post.body = "hello";
        auto a = fetch(io, client, post);
        QVERIFY2(!a.error, a.error.message.c_str());
        QCOMPARE(a.response.status, 200L);
        const auto echoed = nlohmann::json::parse(a.response.body);
        QCOMPARE(echoed["method"], nlohmann::json("POST"));
        QCOMPARE(echoed["body"], nlohmann::json("hello"));

        engine::HttpRequest get;
        get.url = url(server, "/stream");
        a = fetch(io, client, get);
        QVERIFY2(!a.error, a.error.message.c_str());
        QCOMPARE(a.response.status, 200L);
        QCOMPARE(a.response.header("x-test"), std::string("yes"));
        QCOMPARE(a.response.body, std::string("data: one\n\ndata: two\n\n"));
    }

    void bodyOverTheLimitGets413InTheErrorShape()
    {
        boost::asio::io_context io;
        runtime::ServerLimits limits;
        limits.bodyBytes = 1024;
        bool called = false;
        HttpServer server(io, [&](Request &, ReplyPtr reply) {
            called = true;
            reply->send(200, "text/plain", "ok");
        }, limits);
        std::string error;
        QVERIFY2(server.listen("127.0.0.1", 0, error), error.c_str());
        engine::HttpClient client(io);
        engine::HttpRequest post;
        post.method = "POST";
        post.url = url(server, "/big");
        post.body = std::string(4096, 'x');
        const auto a = fetch(io, client, post);
        QVERIFY2(!a.error, a.error.message.c_str());
        QCOMPARE(a.response.status, 413L);
        QVERIFY(!called);
        const auto body = nlohmann::json::parse(a.response.body, nullptr, false);
        QVERIFY(body.is_object());
        QCOMPARE(body["error"]["type"], nlohmann::json("request_too_large"));
        QCOMPARE(body["error"]["code"], nlohmann::json(413));
        QVERIFY(body["error"]["message"].get<std::string>().find("1024") != std::string::npos);
    }

    void aThrowingHandlerGets500AndTheServerGoesOn()
    {
        boost::asio::io_context io;
        HttpServer server(io, [](Request &request, ReplyPtr reply) {
            if (request.target() == "/throw")
                throw std::runtime_error("boom");
            reply->send(200, "text/plain", "still here");
        });
        std::string error;
        QVERIFY2(server.listen("127.0.0.1", 0, error), error.c_str());
        engine::HttpClient client(io);
        engine::HttpRequest bad;
        bad.url = url(server, "/throw");
        auto a = fetch(io, client, bad);
        QCOMPARE(a.response.status, 500L);
        QCOMPARE(nlohmann::json::parse(a.response.body)["error"]["type"], nlohmann::json("internal_error"));
        engine::HttpRequest good;
        good.url = url(server, "/fine");
        a = fetch(io, client, good);
        QCOMPARE(a.response.status, 200L);
        QCOMPARE(a.response.body, std::string("still here"));
    }

    void aReplyKnowsWhenTheClientWentAway()
    {
        boost::asio::io_context io;
        ReplyPtr kept;
        bool closedCalled = false;
        HttpServer server(io, [&](Request &, ReplyPtr reply) {
            reply->onClose([&] { closedCalled = true; });
            reply->begin(200, "text/plain");
            reply->write("first piece");
            kept = reply;  // never ended: the client gives up
        });
        std::string error;
        QVERIFY2(server.listen("127.0.0.1", 0, error), error.c_str());
        engine::HttpClient client(io);
        engine::HttpRequest get;
        get.url = url(server, "/hang");
        bool gotPiece = false;
        engine::HttpCallbacks cb;
        cb.onData = [&](const engine::HttpResponse &, std::string_view) {
            gotPiece = true;
            return false;  // stop: the client closes the connection
        };
        bool completed = false;
        cb.onComplete = [&](engine::HttpResponse, engine::HttpError) { completed = true; };
        client.start(std::move(get), std::move(cb));
        while (!closedCalled && io.run_one_for(std::chrono::seconds(10)) > 0) {
        }
        QVERIFY(gotPiece);
        QVERIFY(closedCalled);
        QVERIFY(kept->closed());
        kept->write("nobody listens");  // does nothing, and does not crash
        kept->end();
        Q_UNUSED(completed);
    }

    void connectionsPastTheCapWaitTheirTurn()
    {
        boost::asio::io_context io;
        runtime::ServerLimits limits;
        limits.maxConnections = 1;
        ReplyPtr first;
        int handled = 0;
        HttpServer server(io, [&](Request &request, ReplyPtr reply) {
            ++handled;
            if (request.target() == "/first")
                first = reply;  // held open: the server is at its cap
            else
                reply->send(200, "text/plain", "second");
        }, limits);
        std::string error;
        QVERIFY2(server.listen("127.0.0.1", 0, error), error.c_str());
        engine::HttpClient client(io);
        std::optional<long> firstStatus, secondStatus;
        engine::HttpRequest a;
        a.url = url(server, "/first");
        a.timeoutMs = 20000;
        client.start(std::move(a), {.onComplete = [&](engine::HttpResponse r, engine::HttpError) { firstStatus = r.status; }});
        while (!first && io.run_one_for(std::chrono::seconds(10)) > 0) {
        }
        QVERIFY(first);
        engine::HttpRequest b;
        b.url = url(server, "/second");
        b.timeoutMs = 20000;
        client.start(std::move(b), {.onComplete = [&](engine::HttpResponse r, engine::HttpError) { secondStatus = r.status; }});
        for (int i = 0; i < 20; ++i)
            io.run_one_for(std::chrono::milliseconds(20));
        QCOMPARE(handled, 1);  // the second waits in the backlog
        QVERIFY(!secondStatus);
        first->send(200, "text/plain", "first");
        while ((!firstStatus || !secondStatus) && io.run_one_for(std::chrono::seconds(10)) > 0) {
        }
        QCOMPARE(firstStatus.value_or(0), 200L);
        QCOMPARE(secondStatus.value_or(0), 200L);
        QCOMPARE(handled, 2);
    }

    void shutdownWaitsForRepliesInProgress()
    {
        boost::asio::io_context io;
        ReplyPtr pending;
        HttpServer server(io, [&](Request &, ReplyPtr reply) { pending = reply; });
        std::string error;
        QVERIFY2(server.listen("127.0.0.1", 0, error), error.c_str());
        engine::HttpClient client(io);
        std::optional<long> status;
        engine::HttpRequest get;
        get.url = url(server, "/slow");
        get.timeoutMs = 10000;
        engine::HttpCallbacks cb;
        cb.onComplete = [&](engine::HttpResponse response, engine::HttpError) { status = response.status; };
        client.start(std::move(get), std::move(cb));
        while (!pending && io.run_one_for(std::chrono::seconds(10)) > 0) {
        }
        QVERIFY(pending);
        QCOMPARE(server.connections(), std::size_t(1));
        bool drained = false;
        server.shutdown(std::chrono::seconds(10), [&] { drained = true; });
        io.poll();
        QVERIFY(!drained);  // the reply in progress is still owed
        pending->send(200, "text/plain", "late but whole");
        while ((!drained || !status) && io.run_one_for(std::chrono::seconds(10)) > 0) {
        }
        QVERIFY(drained);
        QCOMPARE(status.value_or(0), 200L);
        QCOMPARE(server.connections(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
