// The curl-multi-on-asio HTTP client: many transfers on one thread, large bodies
// (asio's edge-triggered readiness must not lose data), cancellation, size limits.
#include "engine/net/httpclient.h"
#include "tests/support/faultserver.h"

#include <QtTest>

using namespace flowdeck::engine;
using flowdeck::tests::FaultServer;

class TestHttpClient : public QObject {
    Q_OBJECT

private slots:
    void largeBodyArrivesWhole()
    {
        FaultServer server;
        std::string body(5 * 1024 * 1024, 'a');
        for (std::size_t i = 0; i < body.size(); i += 4096)
            body[i] = static_cast<char>('a' + (i / 4096) % 26);
        server.addScript({{FaultServer::httpHead(200, "application/octet-stream", {}, static_cast<long>(body.size())) + body, 0, true}});
        boost::asio::io_context io;
        HttpClient http(io);
        HttpResponse got;
        HttpError err;
        bool done = false;
        http.start({.url = server.baseUrl() + "/big"}, {.onComplete = [&](HttpResponse r, HttpError e) {
            got = std::move(r);
            err = e;
            done = true;
        }});
        while (!done && io.run_one()) {
        }
        QVERIFY2(!err, err.message.c_str());
        QCOMPARE(got.status, 200L);
        QCOMPARE(got.body.size(), body.size());
        QVERIFY(got.body == body);
    }

    void manyTransfersOnOneThread()
    {
        FaultServer server;
        server.addScript({{"", 300, false}, {FaultServer::httpHead(200, "text/plain", {}, 2) + "ok", 0, true}});
        boost::asio::io_context io;
        HttpClient http(io);
        int completed = 0;
        const int n = 20;
        auto begun = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i)
            http.start({.url = server.baseUrl() + "/" + std::to_string(i)}, {.onComplete = [&](HttpResponse r, HttpError e) {
                QVERIFY(!e);
                QCOMPARE(r.body, std::string("ok"));
                ++completed;
            }});
        while (completed < n && io.run_one()) {
        }
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begun).count();
        QCOMPARE(completed, n);
        // Each waits 300 ms on the server: one after another they would take 6 s.
        QVERIFY2(ms < n * 300 / 2, "transfers ran one after another");
        QCOMPARE(http.activeTransfers(), std::size_t(0));
    }

    void cancelFromInsideTheDataCallback()
    {
        FaultServer server;
        server.addScript({{FaultServer::httpHead(200, "text/plain") + FaultServer::sseChunk("first"), 200, false},
                          {FaultServer::sseChunk("second"), 5000, false}});
        boost::asio::io_context io;
        HttpClient http(io);
        HttpClient::TransferId id = 0;
        int chunks = 0;
        bool completed = false;
        id = http.start({.url = server.baseUrl()}, {.onData = [&](const HttpResponse &, std::string_view) {
                                                        ++chunks;
                                                        http.cancel(id);
                                                        return true;
                                                    },
                                                    .onComplete = [&](HttpResponse, HttpError) { completed = true; }});
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (http.activeTransfers() > 0 && std::chrono::steady_clock::now() < deadline)
            io.run_one_for(std::chrono::milliseconds(50));
        QCOMPARE(http.activeTransfers(), std::size_t(0));
        QCOMPARE(chunks, 1);
        QVERIFY(!completed);  // a cancelled transfer reports nothing
    }

    void headersArriveBeforeTheBody()
    {
        FaultServer server;
        server.addScript({{FaultServer::httpHead(200, "text/event-stream"), 300, false},
                          {FaultServer::sseChunk("late"), 0, true}});
        boost::asio::io_context io;
        HttpClient http(io);
        std::vector<std::string> order;
        bool done = false;
        http.start({.url = server.baseUrl()},
                   {.onData = [&](const HttpResponse &, std::string_view) {
                        order.push_back("data");
                        return true;
                    },
                    .onHeaders = [&](const HttpResponse &head) {
                        order.push_back("headers " + std::to_string(head.status) + " " + head.header("content-type"));
                    },
                    .onComplete = [&](HttpResponse, HttpError) { done = true; }});
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
        while (!done && std::chrono::steady_clock::now() < deadline)
            io.run_one_for(std::chrono::milliseconds(50));
        QVERIFY(done);
        QVERIFY(order.size() >= 2);
        QCOMPARE(order[0], std::string("headers 200 text/event-stream"));
        QCOMPARE(order[1], std::string("data"));
        QCOMPARE(std::count(order.begin(), order.end(), order[0]), 1L);
    }

    void responseSizeLimit()
    {
        FaultServer server;
        std::string body(100000, 'x');
        server.addScript({{FaultServer::httpHead(200, "text/plain", {}, static_cast<long>(body.size())) + body, 0, true}});
        boost::asio::io_context io;
        HttpClient http(io);
        HttpError err;
        bool done = false;
        http.start({.url = server.baseUrl(), .maxResponseBytes = 1000}, {.onComplete = [&](HttpResponse, HttpError e) {
            err = e;
            done = true;
        }});
        while (!done && io.run_one()) {
        }
        QCOMPARE(err.kind, HttpError::Kind::TooLarge);
    }

    void malformedUrl()
    {
        boost::asio::io_context io;
        HttpClient http(io);
        HttpError err;
        bool done = false;
        http.start({.url = "ftp://example.com/x"}, {.onComplete = [&](HttpResponse, HttpError e) {
            err = e;
            done = true;
        }});
        while (!done && io.run_one()) {
        }
        QCOMPARE(err.kind, HttpError::Kind::BadRequest);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
