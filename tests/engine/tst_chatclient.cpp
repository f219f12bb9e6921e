// The model client against the real mock-llm (tests/peers) and, for what it cannot do,
// the in-process FaultServer: cut streams, stalls, garbage, Retry-After.
#include "engine/model/chatclient.h"
#include "tests/support/faultserver.h"
#include "tests/support/mockllm.h"

#include <QtTest>

using namespace flowdeck::engine;
using flowdeck::tests::FaultServer;
using flowdeck::tests::MockLlm;
using json = nlohmann::json;

namespace {

struct ChatOutcome {
    bool completed = false;
    ChatResult result;
    ChatError error;
    std::vector<std::string> deltas;
    std::vector<long> retryDelays;
    double elapsedMs = 0;
};

} // namespace

class TestChatClient : public QObject {
    Q_OBJECT

    MockLlm m_mock;

    static ChatRequest request(const std::string &baseUrl, const std::string &userText, bool stream)
    {
        ChatRequest r;
        r.profile.name = "test";
        r.profile.baseUrl = baseUrl;
        r.profile.defaultModel = "mock-model";
        r.apiKey = "test-key";
        r.messages = json::array({{{"role", "user"}, {"content", userText}}});
        r.stream = stream;
        r.backoffMs = 10;
        r.stallTimeoutMs = 3000;
        r.timeoutMs = 10000;
        return r;
    }

    static ChatOutcome chat(ChatRequest r)
    {
        boost::asio::io_context io;
        HttpClient http(io);
        ChatOutcome out;
        ChatCallbacks cb;
        cb.onDelta = [&](std::string_view text, std::string_view) {
            if (!text.empty())
                out.deltas.emplace_back(text);
        };
        cb.onRetry = [&](int, long delay, const std::string &) { out.retryDelays.push_back(delay); };
        cb.onComplete = [&](ChatResult result, ChatError error) {
            out.completed = true;
            out.result = std::move(result);
            out.error = std::move(error);
        };
        auto begun = std::chrono::steady_clock::now();
        auto call = startChat(io, http, std::move(r), std::move(cb));
        while (!out.completed && io.run_one()) {
        }
        out.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begun).count();
        return out;
    }

    static std::string chunk(const json &delta, const std::string &finish = {})
    {
        json c = {{"id", "x"}, {"object", "chat.completion.chunk"},
                  {"choices", {{{"index", 0}, {"delta", delta}, {"finish_reason", finish.empty() ? json() : json(finish)}}}}};
        return "data: " + c.dump() + "\n\n";
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error), qPrintable(error));
    }

    void mockAnswersWithoutStreaming()
    {
        auto out = chat(request(m_mock.baseUrl(), "hello there", false));
        QVERIFY2(!out.error, out.error.message.c_str());
        QCOMPARE(out.result.text, std::string("Hello from mock-llm."));
        QCOMPARE(out.result.usage.totalTokens, 15);
        QCOMPARE(out.result.finishReason, std::string("stop"));
        QVERIFY(out.deltas.empty());
    }

    void mockStreamsInPieces()
    {
        auto out = chat(request(m_mock.baseUrl(), "please summarise", true));
        QVERIFY2(!out.error, out.error.message.c_str());
        QCOMPARE(out.result.text, std::string("Summary: three orders, total 42."));
        QVERIFY(out.deltas.size() > 1);
        std::string joined;
        for (const auto &d : out.deltas)
            joined += d;
        QCOMPARE(joined, out.result.text);
    }

    void mockEchoesTheMessage()
    {
        auto out = chat(request(m_mock.baseUrl(), "what is up", true));
        QCOMPARE(out.result.text, std::string("mock: what is up"));
    }

    void mock401IsAClearAuthError()
    {
        auto out = chat(request(m_mock.baseUrl(), "trigger-401", false));
        QCOMPARE(out.error.kind, ErrorKind::Auth);
        QCOMPARE(out.error.status, 401L);
        QVERIFY(out.error.message.find("profile 'test'") != std::string::npos);
        QVERIFY(out.error.message.find("Incorrect API key") != std::string::npos);
        QVERIFY(out.retryDelays.empty());
    }

    // Regression (issue 15): the echo rule pasted a multi-line prompt into its JSON raw,
    // so mock-llm answered HTTP 500 "SyntaxError" to the flagship template's question.
    void mockEchoesAMultiLinePromptWithQuotes()
    {
        for (bool stream : {false, true}) {
            auto out = chat(request(m_mock.baseUrl(), "line one\nline \"two\" with a back\\slash", stream));
            QVERIFY2(!out.error, out.error.message.c_str());
            QCOMPARE(out.result.text, std::string("mock: line one\nline \"two\" with a back\\slash"));
        }
    }

    // A request the provider refused cannot succeed on a second try: one attempt, and a
    // sentence that names the provider and the next step (the service's words after it).
    void refusedRequestsAreTriedOnce_data()
    {
        QTest::addColumn<QString>("trigger");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QString>("said");
        const int auth = int(ErrorKind::Auth), notFound = int(ErrorKind::NotFound), invalid = int(ErrorKind::InvalidInput),
                  upstream = int(ErrorKind::Upstream);
        QTest::newRow("400") << "trigger-400" << false << invalid
                             << "DeepSeek refused the request (HTTP 400: Invalid value for 'max_tokens': must be at most "
                                "8192). Check the node's settings (model, output format, max tokens) and run again."
                             << "must be at most 8192";
        QTest::newRow("401") << "trigger-401" << false << auth
                             << "The key for DeepSeek was refused (HTTP 401). Check it in Settings → Model providers (or "
                                "the DEEPSEEK_API_KEY variable)."
                             << "Incorrect API key provided";
        QTest::newRow("401 streamed") << "trigger-401" << true << auth
                                      << "The key for DeepSeek was refused. Check it in Settings → Model providers (or "
                                         "the DEEPSEEK_API_KEY variable)."
                                      << "Incorrect API key provided";
        QTest::newRow("404") << "trigger-404" << false << notFound
                             << "DeepSeek does not know the model 'mock-model' (HTTP 404). Choose another model in the "
                                "workflow's Models settings (or with --model), or check the base URL of the profile in "
                                "Settings → Model providers."
                             << "does not exist or you do not have access to it";
        QTest::newRow("404 streamed") << "trigger-404" << true << notFound
                                      << "DeepSeek does not know the model 'mock-model'. Choose another model in the "
                                         "workflow's Models settings (or with --model)."
                                      << "does not exist";
        QTest::newRow("501") << "trigger-501" << false << upstream
                             << "DeepSeek had a problem answering (HTTP 501). Run again in a few minutes; if it keeps "
                                "happening, check the provider's status page or choose another provider."
                             << "Streaming is not implemented";
    }

    void refusedRequestsAreTriedOnce()
    {
        QFETCH(QString, trigger);
        QFETCH(bool, stream);
        QFETCH(int, kind);
        QFETCH(QString, sentence);
        QFETCH(QString, said);
        auto r = request(m_mock.baseUrl(), trigger.toStdString(), stream);
        r.profile.title = "DeepSeek";
        r.profile.apiKeySecret = "DEEPSEEK_API_KEY";
        r.maxAttempts = 4;
        auto out = chat(r);
        QCOMPARE(int(out.error.kind), kind);
        QVERIFY2(out.retryDelays.empty(), out.error.message.c_str());
        const std::string expected = sentence.toStdString() + " Details: ";
        QVERIFY2(out.error.message.rfind(expected, 0) == 0, out.error.message.c_str());
        QVERIFY2(out.error.detail.find(said.toStdString()) != std::string::npos, out.error.detail.c_str());
        QVERIFY(out.error.detail.find(m_mock.baseUrl() + "/chat/completions") != std::string::npos);
    }

    // 5xx: at most three attempts in all, whatever maxAttempts says.
    void serverErrorsAreTriedThreeTimesAtMost()
    {
        auto r = request(m_mock.baseUrl(), "trigger-500", false);
        r.profile.title = "DeepSeek";
        r.maxAttempts = 6;
        auto out = chat(r);
        QCOMPARE(out.error.kind, ErrorKind::Upstream);
        QCOMPARE(out.error.status, 500L);
        QCOMPARE(out.retryDelays.size(), std::size_t(2));
        QVERIFY2(out.error.message.rfind("DeepSeek had a problem answering (HTTP 500). Run again in a few minutes", 0) == 0,
                 out.error.message.c_str());
        QVERIFY(out.error.detail.find("gave up after 3 attempts") != std::string::npos);
    }

    // What the issue saw: mock-llm's own 500 ("SyntaxError") is not an OpenAI error.
    void answerThatIsNotACompletionSaysSo()
    {
        auto r = request(m_mock.baseUrl(), "trigger-broken-mock", false);
        r.profile.title = "Local mock model";
        auto out = chat(r);
        QCOMPARE(out.error.kind, ErrorKind::Upstream);
        QVERIFY2(out.error.message.rfind("Local mock model answered with something that is not a chat completion "
                                         "(HTTP 500: SyntaxError: ", 0) == 0,
                 out.error.message.c_str());
        QVERIFY(out.error.message.find("Check the base URL of the profile in Settings → Model providers") !=
                std::string::npos);
        QVERIFY(out.retryDelays.size() <= 2);
    }

    void mock429RetriesHonouringRetryAfter()
    {
        auto r = request(m_mock.baseUrl(), "trigger-429", false);
        r.maxAttempts = 2;
        auto out = chat(r);
        QCOMPARE(out.error.kind, ErrorKind::RateLimited);
        QCOMPARE(out.retryDelays, std::vector<long>{1000});  // Retry-After: 1
        QVERIFY(out.elapsedMs >= 900);
        QVERIFY(out.error.message.find("gave up after 2 attempts") != std::string::npos);
    }

    void wrongModelOrUrlIs404()
    {
        FaultServer server;
        server.addScript(FaultServer::json(404, R"({"error":{"message":"The model `nope` does not exist"}})"));
        auto r = request(server.baseUrl() + "/v1", "hi", true);
        r.model = "nope";
        auto out = chat(r);
        QCOMPARE(out.error.kind, ErrorKind::NotFound);
        QVERIFY(out.error.message.find("model 'nope'") != std::string::npos);
        QCOMPARE(server.connections(), 1);
    }

    void sendsKeyModelAndStreamOptions()
    {
        FaultServer server;
        server.addScript({{FaultServer::httpHead(200, "text/event-stream") + FaultServer::sseChunk(chunk({{"content", "ok"}}, "stop")) +
                               FaultServer::sseChunk("data: [DONE]\n\n") + "0\r\n\r\n", 0, true}});
        auto out = chat(request(server.baseUrl() + "/v1", "hi", true));
        QVERIFY2(!out.error, out.error.message.c_str());
        const std::string req = server.requests().at(0);
        QVERIFY(req.rfind("POST /v1/chat/completions", 0) == 0);
        QVERIFY(req.find("Authorization: Bearer test-key") != std::string::npos);
        auto body = json::parse(req.substr(req.find("\r\n\r\n") + 4));
        QCOMPARE(body["model"], json("mock-model"));
        QCOMPARE(body["stream"], json(true));
        QCOMPARE(body["stream_options"]["include_usage"], json(true));
    }

    void streamWithReasoningToolCallsUsageAndKeepAlives()
    {
        FaultServer server;
        std::string sse = ": keep-alive\n\n" + chunk({{"reasoning_content", "thinking "}}) + chunk({{"reasoning_content", "more"}}) +
                          chunk({{"tool_calls", {{{"index", 0}, {"id", "call_1"}, {"type", "function"},
                                                  {"function", {{"name", "get_"}, {"arguments", "{\"ci"}}}}}}}) +
                          chunk({{"tool_calls", {{{"index", 0}, {"function", {{"name", "weather"}, {"arguments", "ty\":\"Xi'an\"}"}}}}}}}) +
                          chunk({{"content", "Sunny"}}, "tool_calls") +
                          "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}}\n\n" +
                          "data: [DONE]\n\n";
        // Pieces split mid-line, as real networks do.
        FaultServer::Script script{{FaultServer::httpHead(200, "text/event-stream"), 0, false}};
        for (std::size_t i = 0; i < sse.size(); i += 37)
            script.push_back({FaultServer::sseChunk(sse.substr(i, 37)), 2, false});
        script.push_back({"0\r\n\r\n", 0, true});
        server.addScript(script);
        auto out = chat(request(server.baseUrl() + "/v1", "weather?", true));
        QVERIFY2(!out.error, out.error.message.c_str());
        QCOMPARE(out.result.reasoning, std::string("thinking more"));
        QCOMPARE(out.result.text, std::string("Sunny"));
        QCOMPARE(out.result.toolCalls.size(), std::size_t(1));
        QCOMPARE(out.result.toolCalls[0]["id"], json("call_1"));
        QCOMPARE(out.result.toolCalls[0]["function"]["name"], json("get_weather"));
        QCOMPARE(out.result.toolCalls[0]["function"]["arguments"], json("{\"city\":\"Xi'an\"}"));
        QCOMPARE(out.result.usage.totalTokens, 10);
        QCOMPARE(out.result.finishReason, std::string("tool_calls"));
    }

    void streamCutInTheMiddleIsAnError()
    {
        FaultServer server;
        server.addScript({{FaultServer::httpHead(200, "text/event-stream") + FaultServer::sseChunk(chunk({{"content", "Half an "}})),
                           50, true}});
        auto out = chat(request(server.baseUrl() + "/v1", "hi", true));
        QCOMPARE(out.error.kind, ErrorKind::Network);
        QVERIFY2(out.error.message.find("stopped in the middle") != std::string::npos ||
                     out.error.message.find("closed before") != std::string::npos,
                 out.error.message.c_str());
        QCOMPARE(out.deltas.size(), std::size_t(1));
        QCOMPARE(server.connections(), 1);  // text reached the user: no silent retry
    }

    void stalledConnectionTimesOut()
    {
        FaultServer server;
        server.addScript({{FaultServer::httpHead(200, "text/event-stream") + FaultServer::sseChunk(chunk({{"content", "a"}})),
                           10000, false}});
        auto r = request(server.baseUrl() + "/v1", "hi", true);
        r.stallTimeoutMs = 300;
        auto out = chat(r);
        QCOMPARE(out.error.kind, ErrorKind::Timeout);
        QVERIFY(out.error.message.find("no data arrived for 300 ms") != std::string::npos);
        QVERIFY(out.elapsedMs < 8000);  // long before the server's 10 s stall ends
    }

    void silentServerTimesOutAndRetries()
    {
        FaultServer server;
        server.addScript({{"", 10000, false}});
        auto r = request(server.baseUrl() + "/v1", "hi", false);
        r.stallTimeoutMs = 200;  // not used without streaming: the whole-call timeout applies
        r.timeoutMs = 300;
        r.maxAttempts = 2;
        auto out = chat(r);
        QCOMPARE(out.error.kind, ErrorKind::Timeout);
        QCOMPARE(server.connections(), 2);
    }

    void garbageInTheStreamIsAnError()
    {
        FaultServer server;
        server.addScript({{FaultServer::httpHead(200, "text/event-stream") +
                               FaultServer::sseChunk("data: <html>oops</html>\n\n") + "0\r\n\r\n", 0, true}});
        auto r = request(server.baseUrl() + "/v1", "hi", true);
        r.maxAttempts = 1;
        auto out = chat(r);
        QCOMPARE(out.error.kind, ErrorKind::Upstream);
        QVERIFY(out.error.message.find("not JSON") != std::string::npos);
    }

    void nonJsonAnswerIsAnError()
    {
        FaultServer server;
        server.addScript({{FaultServer::httpHead(200, "text/html", {}, 11) + "<html></ht>", 0, true}});
        auto r = request(server.baseUrl() + "/v1", "hi", false);
        r.maxAttempts = 1;
        auto out = chat(r);
        QCOMPARE(out.error.kind, ErrorKind::Upstream);
    }

    void retryAfterThenSuccess()
    {
        FaultServer server;
        server.addScript(FaultServer::json(429, R"({"error":{"message":"slow down"}})", {"Retry-After: 1"}));
        server.addScript(FaultServer::json(200, R"({"choices":[{"message":{"content":"finally"},"finish_reason":"stop"}]})"));
        auto out = chat(request(server.baseUrl() + "/v1", "hi", false));
        QVERIFY2(!out.error, out.error.message.c_str());
        QCOMPARE(out.result.text, std::string("finally"));
        QCOMPARE(out.retryDelays, std::vector<long>{1000});
        QVERIFY(out.elapsedMs >= 900);
    }

    void serverErrorThenStreamedSuccess()
    {
        FaultServer server;
        server.addScript(FaultServer::json(503, R"({"error":{"message":"overloaded"}})"));
        server.addScript({{FaultServer::httpHead(200, "text/event-stream") + FaultServer::sseChunk(chunk({{"content", "back"}}, "stop")) +
                               FaultServer::sseChunk("data: [DONE]\n\n") + "0\r\n\r\n", 0, true}});
        auto out = chat(request(server.baseUrl() + "/v1", "hi", true));
        QVERIFY2(!out.error, out.error.message.c_str());
        QCOMPARE(out.result.text, std::string("back"));
        QCOMPARE(out.retryDelays.size(), std::size_t(1));
    }

    void connectionRefusedIsClear()
    {
        int port;
        {
            FaultServer closed;
            port = closed.port();
        }
        auto r = request("http://127.0.0.1:" + std::to_string(port) + "/v1", "hi", true);
        r.maxAttempts = 2;
        auto out = chat(r);
        QCOMPARE(out.error.kind, ErrorKind::Network);
        QVERIFY(out.error.message.find("Could not connect") != std::string::npos);
        QCOMPARE(out.retryDelays.size(), std::size_t(1));
    }

    // Regression: providers that send null or numbers where OpenAI sends strings
    // (finish_reason, model, error.code, token counts) aborted the program.
    void unexpectedFieldTypesDoNotCrash()
    {
        FaultServer server;
        server.addScript(FaultServer::json(
            200, R"({"model":null,"choices":[{"message":{"content":"fine"},"finish_reason":null}],"usage":{"prompt_tokens":"7"}})"));
        auto out = chat(request(server.baseUrl() + "/v1", "hi", false));
        QVERIFY2(!out.error, out.error.message.c_str());
        QCOMPARE(out.result.text, std::string("fine"));

        FaultServer streaming;
        streaming.addScript({{FaultServer::httpHead(200, "text/event-stream") +
                                  FaultServer::sseChunk("data: {\"error\":{\"code\":400,\"message\":\"context too long\"}}\n\n") +
                                  "0\r\n\r\n", 0, true}});
        auto r = request(streaming.baseUrl() + "/v1", "hi", true);
        r.maxAttempts = 1;
        auto bad = chat(r);
        QCOMPARE(bad.error.kind, ErrorKind::Upstream);
        QVERIFY(bad.error.message.find("context too long") != std::string::npos);
    }

    // Regression: a server that ignores "stream": true and sends one JSON body was read
    // as a stream "that ended without [DONE]" and retried.
    void plainJsonAnswerToAStreamingRequest()
    {
        FaultServer server;
        server.addScript(FaultServer::json(200, R"({"choices":[{"message":{"content":"whole"},"finish_reason":"stop"}]})"));
        auto out = chat(request(server.baseUrl() + "/v1", "hi", true));
        QVERIFY2(!out.error, out.error.message.c_str());
        QCOMPARE(out.result.text, std::string("whole"));
        QCOMPARE(server.connections(), 1);
    }

    void retryAfterParsing()
    {
        QCOMPARE(parseRetryAfterMs("2"), 2000L);
        QCOMPARE(parseRetryAfterMs("0.5"), 500L);
        QCOMPARE(parseRetryAfterMs(""), -1L);
        QCOMPARE(parseRetryAfterMs("soon"), -1L);
        QCOMPARE(parseRetryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT"), 0L);  // in the past
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
