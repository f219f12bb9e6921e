// A real `flowdeck serve` on 127.0.0.1: deploy over the admin API, call apps with the
// official OpenAI SDK, the run API (JSON and SSE) and the MCP endpoint (inspector CLI),
// auth and bad input, broken deploys, a runtime killed during a deploy, and secrets
// that must never show.
#include "tests/support/mockllm.h"
#include "tests/support/peerserver.h"
#include "tests/support/sampleapps.h"
#include "tests/support/serveprocess.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using flowdeck::tests::MockLlm;
using flowdeck::tests::ServeProcess;
using json = nlohmann::json;

namespace {

const QString kPeers = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/peers");

json workflowApp(const std::string &id, const std::string &text) { return flowdeck::tests::greeterWorkflow(id, text); }

json bundle(json workflow, json extra = json::object()) { return flowdeck::tests::deployBundle(std::move(workflow), std::move(extra)); }

} // namespace

class TestServe : public QObject {
    Q_OBJECT

    MockLlm m_mock;

    json chatBundle() const
    {
        const json profiles = json::parse(m_mock.profilesJson())["profiles"];
        const json wf = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "assistant"}, {"name", "Assistant"},
                         {"mode", "chat"}, {"models", {{"default", {{"profile", "mock"}, {"model", "mock-model"}}}}},
                         {"nodes", {{{"id", "start"}, {"type", "start"}},
                                    {{"id", "llm"}, {"type", "llm"}, {"config", {{"prompt", "{{sys.query}}"}, {"history", 5}}}},
                                    {{"id", "answer"}, {"type", "answer"}, {"config", {{"text", "{{llm.text}}"}}}}}},
                         {"edges", {{{"from", "start"}, {"to", "llm"}}, {{"from", "llm"}, {"to", "answer"}}}}};
        return bundle(wf, {{"profiles", {{"mock", profiles["mock"]}}}});
    }

    // The official OpenAI SDK (tests/peers, needs the pinned node 22).
    static json openaiChat(const ServeProcess &serve, const std::string &key, const std::string &model, bool stream)
    {
        QProcess p;
        p.start(kPeers + "/node_modules/.bin/node",
                {kPeers + "/openai-chat.mjs", QString::fromStdString(serve.url("/v1")), QString::fromStdString(key),
                 QString::fromStdString(model), "Tell me about Flowdeck", stream ? "stream" : "plain"});
        if (!p.waitForFinished(60000))
            return {{"error", "timeout"}};
        return json::parse(p.readAllStandardOutput().toStdString(), nullptr, false);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error), qPrintable(error));
    }

    void deployAndCallEveryWay()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        QVERIFY(!serve.adminToken().empty());
        QCOMPARE(serve.request("GET", "/healthz").status, 200L);
        QCOMPARE(serve.request("GET", "/readyz").status, 200L);

        auto deployed = serve.deploy("greet", bundle(workflowApp("greet", "Hello, {{start.name}}!")));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        QCOMPARE(deployed.json()["version"], json(1));
        deployed = serve.deploy("assistant", chatBundle());
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const std::string greetKey = serve.createKey("greet"), chatKey = serve.createKey("assistant");
        QVERIFY(greetKey.rfind("fd-", 0) == 0 && !chatKey.empty());

        // The run API: JSON, then the node events as SSE.
        auto run = serve.request("POST", "/v1/apps/greet/run", R"({"inputs": {"name": "Ada"}})", greetKey);
        QVERIFY2(run.status == 200, run.body.c_str());
        QCOMPARE(run.json()["outputs"]["greeting"], json("Hello, Ada!"));
        auto events = serve.request("POST", "/v1/apps/greet/run", R"({"inputs": {"name": "Ada"}})", greetKey,
                                    {{"Accept", "text/event-stream"}});
        QCOMPARE(events.status, 200L);
        QVERIFY(events.headers["content-type"].find("text/event-stream") == 0);
        QVERIFY(events.body.find("event: node_finished") != std::string::npos);
        QVERIFY(events.body.find("event: run_finished") != std::string::npos);
        QVERIFY(events.body.find("Hello, Ada!") != std::string::npos);

        // The OpenAI SDK, plain and streaming, with the conversation's history.
        const json plain = openaiChat(serve, chatKey, "assistant", false);
        QVERIFY2(!plain.contains("error") && !plain.value("content", "").empty(), plain.dump().c_str());
        QCOMPARE(plain["finish"], json("stop"));
        const json streamed = openaiChat(serve, chatKey, "assistant", true);
        QVERIFY2(!streamed.contains("error") && !streamed.value("content", "").empty(), streamed.dump().c_str());
        QVERIFY(streamed["chunks"].get<int>() >= 1);
        QCOMPARE(streamed["finish"], json("stop"));
        QVERIFY(streamed["usage"].is_object());
        // A workflow app through the SDK answers with its output.
        const json greetChat = openaiChat(serve, greetKey, "greet", true);
        QVERIFY2(greetChat.value("content", "") == "Hello, Tell me about Flowdeck!", greetChat.dump().c_str());

        const auto models = serve.request("GET", "/v1/models", {}, chatKey).json();
        QCOMPARE(models["data"].size(), std::size_t(1));
        QCOMPARE(models["data"][0]["id"], json("assistant"));
        const auto info = serve.request("GET", "/apps/greet/chat/info", {}, greetKey).json();
        QCOMPARE(info["title"], json("Greeter"));
        QCOMPARE(info["needsKey"], json(true));
        // Without its key, a private app tells a stranger only that it needs one.
        const auto closed = serve.request("GET", "/apps/greet/chat/info").json();
        QCOMPARE(closed["needsKey"], json(true));
        QVERIFY(!closed.contains("title") && !closed.contains("inputs") && !closed.contains("description"));

        // The app as an MCP server, through the MCP inspector's CLI.
        auto inspector = [&](const QStringList &method) {
            QProcess p;
            // inspector-cli 1.0.3 finds its own package.json only when "../package.json" exists
            // from the working folder; tests/peers/node_modules has one above it.
            p.setWorkingDirectory(kPeers + "/node_modules");
            p.start(kPeers + "/node_modules/.bin/node",
                    QStringList{kPeers + "/node_modules/.bin/mcp-inspector-cli", "--cli",
                                QString::fromStdString(serve.url("/apps/greet/mcp")), "--transport", "http", "--header",
                                QString::fromStdString("Authorization: Bearer " + greetKey)} +
                        method);
            p.waitForFinished(60000);
            return json::parse(p.readAllStandardOutput().toStdString(), nullptr, false);
        };
        const json tools = inspector({"--method", "tools/list"});
        QVERIFY2(tools.is_object() && tools["tools"].size() == 1, tools.dump().c_str());
        QCOMPARE(tools["tools"][0]["name"], json("greet"));
        QCOMPARE(tools["tools"][0]["inputSchema"]["required"], json({"name"}));
        const json called = inspector({"--method", "tools/call", "--tool-name", "greet", "--tool-arg", "name=Grace"});
        QVERIFY2(called.is_object() && called["content"][0]["text"] == "Hello, Grace!", called.dump().c_str());
        QCOMPARE(called["structuredContent"]["greeting"], json("Hello, Grace!"));

        // Every run is in the history; the figures are in /metrics.
        const auto runs = serve.request("GET", "/admin/v1/apps/greet/runs", {}, serve.adminToken()).json();
        QVERIFY2(runs["runs"].size() >= 4, runs.dump().c_str());
        const std::string metrics = serve.request("GET", "/metrics", {}, serve.adminToken()).body;
        // Without the admin token, private apps' series are left out.
        const std::string publicMetrics = serve.request("GET", "/metrics").body;
        QVERIFY(publicMetrics.find("app=\"assistant\"") == std::string::npos);
        QVERIFY(publicMetrics.find("flowdeck_apps") != std::string::npos);
        QVERIFY(metrics.find("flowdeck_runs_total{app=\"greet\",status=\"succeeded\"}") != std::string::npos);
        QVERIFY(metrics.find("flowdeck_http_request_duration_seconds_bucket{app=\"assistant\"") != std::string::npos);
        QVERIFY(serve.terminate());
        QVERIFY(serve.log().contains("stopped"));
    }

    void deployCommandMakesAWorkingEndpoint()
    {
        QTemporaryDir data, files;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        QFile profiles(files.filePath("profiles.json"));
        QVERIFY(profiles.open(QIODevice::WriteOnly));
        profiles.write(QByteArray::fromStdString(m_mock.profilesJson()));
        profiles.close();
        json wf = chatBundle()["workflow"];
        QFile flow(files.filePath("assistant.flow.json"));
        QVERIFY(flow.open(QIODevice::WriteOnly));
        flow.write(QByteArray::fromStdString(wf.dump(2)));
        flow.close();

        auto deployCli = [&](const QStringList &extra, QProcessEnvironment env = QProcessEnvironment::systemEnvironment()) {
            QProcess p;
            env.insert("FLOWDECK_CONFIG_DIR", files.path());
            env.remove("FLOWDECK_TEST_KEY");
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(FLOWDECK_BINARY),
                    QStringList{"deploy", flow.fileName(), "--to", QString::fromStdString(serve.url("")), "--token",
                                QString::fromStdString(serve.adminToken())} + extra);
            p.waitForFinished(60000);
            return std::make_tuple(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()));
        };
        auto [code, out, err] = deployCli({"--new-key", "--app", "helper"});
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY(err.contains("[4/4] Live: 'helper' version 1"));
        const json result = json::parse(out.toStdString());
        QCOMPARE(result["openaiBaseUrl"], json(serve.url("/v1")));
        const json answer = openaiChat(serve, result["apiKey"], "helper", true);
        QVERIFY2(!answer.contains("error") && !answer.value("content", "").empty(), answer.dump().c_str());

        // A model whose key is not set here: refused before anything is uploaded, naming the key.
        wf["models"]["default"]["profile"] = "mock-keyed";
        QVERIFY(flow.open(QIODevice::WriteOnly | QIODevice::Truncate));
        flow.write(QByteArray::fromStdString(wf.dump(2)));
        flow.close();
        std::tie(code, out, err) = deployCli({"--app", "helper"});
        QCOMPARE(code, 3);
        QVERIFY2(err.contains("FLOWDECK_TEST_KEY"), qPrintable(err));
        QCOMPARE(serve.request("GET", "/admin/v1/apps/helper", {}, serve.adminToken()).json()["version"], json(1));
    }

    void mcpEndpointPassesTheConformanceScenarios()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        QCOMPARE(serve.deploy("greet", bundle(workflowApp("greet", "Hello, {{start.name}}!"), {{"settings", {{"public", true}}}})).status,
                 200L);
        QProcess suite;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PATH", kPeers + "/node_modules/node/bin:" + env.value("PATH"));  // the suite needs node 22
        suite.setProcessEnvironment(env);
        suite.setProcessChannelMode(QProcess::MergedChannels);
        suite.start(kPeers + "/node_modules/.bin/conformance",
                    {"server", "--url", QString::fromStdString(serve.url("/apps/greet/mcp")), "--suite", "all",
                     "--expected-failures", kPeers + "/mcp-endpoint-baseline.yml"});
        QVERIFY(suite.waitForFinished(180000));
        const QString out = QString::fromUtf8(suite.readAll());
        QVERIFY2(suite.exitCode() == 0, qPrintable(out.right(3000)));
        for (const char *scenario : {"server-initialize", "ping", "tools-list", "dns-rebinding-protection"})
            QVERIFY2(out.contains(QStringLiteral("✓ %1:").arg(scenario)), scenario);
    }

    void authAndBadInputAreAnsweredClearly()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({"--max-body-mib", "1"}, &error), qPrintable(error));
        QCOMPARE(serve.deploy("greet", bundle(workflowApp("greet", "Hi {{start.name}}"))).status, 200L);
        QCOMPARE(serve.deploy("other", bundle(workflowApp("other", "Yo {{start.name}}"))).status, 200L);
        QCOMPARE(serve.deploy("limited", bundle(workflowApp("limited", "Hi {{start.name}}"),
                                                {{"settings", {{"public", true}, {"rateLimitPerMinute", 2}}}}))
                     .status,
                 200L);
        const std::string key = serve.createKey("greet"), otherKey = serve.createKey("other");
        const std::string body = R"({"inputs": {"name": "Ada"}})";

        auto r = serve.request("POST", "/v1/apps/greet/run", body);
        QCOMPARE(r.status, 401L);
        QVERIFY(r.json()["error"]["message"].get<std::string>().find("API key") != std::string::npos);
        QCOMPARE(serve.request("POST", "/v1/apps/greet/run", body, "fd-wrong").status, 401L);
        // Another app's key gets the same answer as a wrong one.
        QCOMPARE(serve.request("POST", "/v1/apps/greet/run", body, otherKey).status, 401L);
        QCOMPARE(serve.request("POST", "/v1/apps/greet/run", body, key).status, 200L);
        const auto keys = serve.request("GET", "/admin/v1/apps/greet/keys", {}, serve.adminToken()).json();
        QVERIFY(keys["keys"][0].contains("id") && !keys["keys"][0].contains("hash"));  // never the key, nor its hash
        const std::string id = keys["keys"][0]["id"];
        QCOMPARE(serve.request("DELETE", "/admin/v1/apps/greet/keys/" + id, {}, serve.adminToken()).status, 200L);
        QCOMPARE(serve.request("POST", "/v1/apps/greet/run", body, key).status, 401L);  // revoked

        QCOMPARE(serve.request("GET", "/admin/v1/apps").status, 401L);
        QCOMPARE(serve.request("GET", "/admin/v1/apps", {}, "not-the-token").status, 403L);
        const std::string newKey = serve.createKey("greet");
        r = serve.request("POST", "/v1/apps/greet/run", "{not json", newKey);
        QCOMPARE(r.status, 400L);
        QCOMPARE(r.json()["error"]["type"], json("invalid_request"));
        QCOMPARE(serve.request("POST", "/v1/chat/completions", "[1, 2", newKey).status, 400L);
        QCOMPARE(serve.request("POST", "/v1/chat/completions", R"({"model": "greet"})", newKey).status, 400L);
        r = serve.request("POST", "/v1/apps/nosuch/run", body, newKey);
        QCOMPARE(r.status, 404L);
        QVERIFY(r.json()["error"]["message"].get<std::string>().find("nosuch") != std::string::npos);
        QCOMPARE(serve.request("POST", "/v1/chat/completions", R"({"model": "nosuch", "messages": [{"role": "user", "content": "x"}]})", newKey).status, 404L);
        r = serve.request("POST", "/v1/apps/greet/run", std::string(2 * 1024 * 1024, 'x'), newKey);
        QCOMPARE(r.status, 413L);
        QVERIFY(r.json()["error"]["message"].get<std::string>().find("limit") != std::string::npos);
        r = serve.request("POST", "/v1/apps/greet/run", "{}", newKey);  // a required input missing
        QCOMPARE(r.status, 400L);
        // Odd but valid JSON is answered, never a crash: no content, nulls, a role that is not text.
        r = serve.request("POST", "/v1/chat/completions", R"({"model": "greet", "stream": null, "user": null, "messages": [{"role": "user"}]})", newKey);
        QVERIFY2(r.status == 200 || r.status == 400, r.body.c_str());
        QCOMPARE(serve.request("POST", "/v1/chat/completions", R"({"model": "greet", "messages": [{"role": 7}]})", newKey).status, 400L);
        QCOMPARE(serve.request("GET", "/healthz").status, 200L);
        // A page of another site cannot call an app through a visitor's browser.
        r = serve.request("POST", "/v1/apps/greet/run", body, newKey, {{"Origin", "http://evil.example"}});
        QCOMPARE(r.status, 403L);
        QVERIFY(r.json()["error"]["message"].get<std::string>().find("evil.example") != std::string::npos);
        QCOMPARE(serve.request("POST", "/v1/apps/greet/run", body, newKey,
                               {{"Origin", QString("http://127.0.0.1:%1").arg(serve.port()).toStdString()}})
                     .status,
                 200L);  // the runtime's own chat page
        // HEAD: the headers, never a body that would be taken for the next answer.
        r = serve.request("HEAD", "/healthz");
        QCOMPARE(r.status, 200L);
        QVERIFY(r.body.empty());
        QCOMPARE(serve.request("GET", "/healthz").json()["status"], json("ok"));

        // A model endpoint that cannot be reached: 502, saying which node and why.
        json down = chatBundle();
        down["profiles"]["mock"]["baseUrl"] = "http://127.0.0.1:9/v1";
        down["settings"] = {{"public", true}};
        QCOMPARE(serve.deploy("down", down).status, 200L);
        r = serve.request("POST", "/v1/chat/completions", R"({"model": "down", "messages": [{"role": "user", "content": "Hi"}]})");
        QCOMPARE(r.status, 502L);
        QVERIFY2(r.json()["error"]["message"].get<std::string>().find("at node 'llm'") != std::string::npos, r.body.c_str());
        // A chat page in Chinese reads the same failure in Chinese; the address stays as it is.
        r = serve.request("POST", "/v1/chat/completions", R"({"model": "down", "messages": [{"role": "user", "content": "Hi"}]})",
                          {}, {{"Accept-Language", "zh-CN,zh;q=0.9"}});
        QCOMPARE(r.status, 502L);
        const std::string zh = r.json()["error"]["message"].get<std::string>();
        QVERIFY2(zh.rfind("应用“down”在节点“llm”运行失败：无法连接到", 0) == 0, zh.c_str());
        QVERIFY2(zh.find("http://127.0.0.1:9/v1") != std::string::npos, zh.c_str());

        // The public app needs no key, but allows two requests a minute.
        QCOMPARE(serve.request("POST", "/v1/apps/limited/run", body).status, 200L);
        QCOMPARE(serve.request("POST", "/v1/apps/limited/run", body).status, 200L);
        r = serve.request("POST", "/v1/apps/limited/run", body);
        QCOMPARE(r.status, 429L);
        QVERIFY(!r.headers["retry-after"].empty());
    }

    void brokenDeploysKeepTheVersionServing()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        QCOMPARE(serve.deploy("greet", bundle(workflowApp("greet", "v1 {{start.name}}"))).status, 200L);
        const std::string key = serve.createKey("greet");
        auto greet = [&] { return serve.request("POST", "/v1/apps/greet/run", R"({"inputs": {"name": "Ada"}})", key).json()["outputs"]["greeting"]; };
        QCOMPARE(greet(), json("v1 Ada"));

        json broken = workflowApp("greet", "{{nowhere.text}}");  // a reference to no node
        auto r = serve.deploy("greet", bundle(broken));
        QCOMPARE(r.status, 400L);
        QVERIFY2(r.json()["error"]["message"].get<std::string>().find("nowhere") != std::string::npos, r.body.c_str());
        QCOMPARE(serve.deploy("greet", json{{"format", "something else"}}).status, 400L);
        QCOMPARE(serve.request("PUT", "/admin/v1/apps/greet", "{oops", serve.adminToken()).status, 400L);
        json withPlugin = workflowApp("greet", "v2 {{start.name}}");
        withPlugin["plugins"] = {{"tools", {{"command", "/nonexistent/mcp-server"}}}};
        r = serve.deploy("greet", bundle(withPlugin));
        QCOMPARE(r.status, 422L);  // the smoke check could not start its server
        QVERIFY(r.json()["error"]["message"].get<std::string>().find("kept") != std::string::npos);
        QCOMPARE(greet(), json("v1 Ada"));

        QCOMPARE(serve.deploy("greet", bundle(workflowApp("greet", "v2 {{start.name}}"))).status, 200L);
        QCOMPARE(greet(), json("v2 Ada"));
        const auto described = serve.request("GET", "/admin/v1/apps/greet", {}, serve.adminToken()).json();
        QCOMPARE(described["version"], json(2));
        QCOMPARE(described["versions"].size(), std::size_t(2));  // the refused ones left nothing
        r = serve.request("POST", "/admin/v1/apps/greet/rollback", {}, serve.adminToken());
        QVERIFY2(r.status == 200, r.body.c_str());
        QCOMPARE(greet(), json("v1 Ada"));
        QCOMPARE(serve.request("DELETE", "/admin/v1/apps/greet", {}, serve.adminToken()).status, 200L);
        QCOMPARE(serve.request("POST", "/v1/apps/greet/run", "{}", key).status, 404L);
    }

    void killedDuringADeployTheOldVersionServesAfterRestart()
    {
        QTemporaryDir data;
        auto serve = std::make_unique<ServeProcess>(data.path());
        QString error;
        QVERIFY2(serve->start({}, &error), qPrintable(error));
        QCOMPARE(serve->deploy("greet", bundle(workflowApp("greet", "old {{start.name}}"))).status, 200L);
        const std::string key = serve->createKey("greet");

        // A plugin server that never answers keeps the smoke check of version 2 waiting
        // (it ends when its stdin closes, as MCP servers do, so nothing is left behind).
        json slow = workflowApp("greet", "new {{start.name}}");
        slow["plugins"] = {{"slow", {{"command", "sh"}, {"args", {"-c", "cat > /dev/null"}}}}};
        std::thread deploying([&, b = bundle(slow)] { serve->deploy("greet", b); });
        QTRY_VERIFY_WITH_TIMEOUT(QDir(data.path() + "/apps/greet/versions/2").exists(), 10000);
        serve->kill();  // SIGKILL, mid-deploy
        deploying.join();

        ServeProcess again(data.path());
        QVERIFY2(again.start({}, &error), qPrintable(error));
        const auto r = again.request("POST", "/v1/apps/greet/run", R"({"inputs": {"name": "Ada"}})", key);
        QVERIFY2(r.status == 200, r.body.c_str());
        QCOMPARE(r.json()["outputs"]["greeting"], json("old Ada"));
        QVERIFY(!QDir(data.path() + "/apps/greet/versions/2").exists());  // the half-made version was cleared away
    }

    void shutdownLetsStreamsInProgressFinish()
    {
        // An upstream that takes 1.5 s; SIGTERM arrives while the answer is on its way.
        QProcess slow;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("DELAY_MS", "1500");
        slow.setProcessEnvironment(env);
        QString error;
        const int port = flowdeck::tests::startListening(slow, kPeers + "/node_modules/.bin/node", {kPeers + "/slow-llm.cjs"},
                                                         "slow-llm", "SLOW_LLM_LISTENING 127\\.0\\.0\\.1:(\\d+)", &error);
        QVERIFY2(port > 0, qPrintable(error));
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        json b = chatBundle();
        b["profiles"]["mock"]["baseUrl"] = "http://127.0.0.1:" + std::to_string(port) + "/v1";
        b["settings"] = {{"public", true}};
        QCOMPARE(serve.deploy("assistant", b).status, 200L);
        ServeProcess::Response streamed;
        std::thread chat([&] {
            streamed = serve.request("POST", "/v1/chat/completions",
                                     R"({"model": "assistant", "stream": true, "messages": [{"role": "user", "content": "Hi"}]})");
        });
        // SIGTERM once the runtime's request has reached the upstream.
        QByteArray upstream;
        QDeadlineTimer deadline(20000);
        while (!upstream.contains("SLOW_LLM_REQUEST") && !deadline.hasExpired())
            if (slow.waitForReadyRead(100))
                upstream += slow.readAllStandardOutput();
        QVERIFY(upstream.contains("SLOW_LLM_REQUEST"));
        QVERIFY(serve.terminate());  // returns once the runtime has exited
        chat.join();
        QCOMPARE(streamed.status, 200L);
        QVERIFY2(streamed.body.find("data: [DONE]") != std::string::npos, streamed.body.c_str());
        QVERIFY(streamed.body.find("while.") != std::string::npos);
        QVERIFY(serve.log().contains("finishing 1 connection"));
        slow.kill();
        slow.waitForFinished(3000);
    }

    // The chat page's app info and the errors a chat page shows follow the browser's
    // language: the workflow's own "i18n" Chinese, the runtime's sentences in Chinese.
    void chatPageSpeaksTheBrowsersLanguage()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        json wf = workflowApp("greet", "Hello, {{start.name}}!");
        wf["i18n"] = {{"zh", {{"name", "问候"}, {"description", "按名字问候。"}}}};
        wf["inputs"][0]["i18n"] = {{"zh", {{"label", "问候谁"}}}};
        auto deployed = serve.deploy("greet", bundle(wf, {{"settings", {{"public", true}, {"rateLimitPerMinute", 2}}}}));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const std::map<std::string, std::string> chinese = {{"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"}};

        auto zh = serve.request("GET", "/apps/greet/chat/info", {}, {}, chinese);
        QCOMPARE(zh.json()["title"], json("问候"));
        QCOMPARE(zh.json()["description"], json("按名字问候。"));
        QCOMPARE(zh.json()["inputs"][0]["label"], json("问候谁"));
        QCOMPARE(zh.json()["inputs"][0]["name"], json("name"));  // the value's name does not change
        QCOMPARE(zh.headers["vary"], std::string("Accept-Language"));
        const auto en = serve.request("GET", "/apps/greet/chat/info", {}, {}, {{"Accept-Language", "en-GB,zh;q=0.5"}});
        QCOMPARE(en.json()["title"], json("Greeter"));
        QCOMPARE(en.json()["inputs"][0]["label"], json("Who to greet"));

        const auto missing = serve.request("GET", "/apps/nobody/chat/info", {}, {}, chinese);
        QCOMPARE(missing.status, 404L);
        QCOMPARE(missing.json()["error"]["message"], json("这个运行时上没有名为“nobody”的应用。"));
        const auto missingEn = serve.request("GET", "/apps/nobody/chat/info");
        QCOMPARE(missingEn.json()["error"]["message"], json("There is no app named 'nobody' on this runtime."));
        // Past the rate limit: the chat page's user reads when to try again.
        ServeProcess::Response limited;
        for (int i = 0; i < 4 && limited.status != 429; ++i)
            limited = serve.request("POST", "/v1/apps/greet/run", R"({"inputs": {"name": "Ada"}})", {}, chinese);
        QCOMPARE(limited.status, 429L);
        const std::string message = limited.json()["error"]["message"].get<std::string>();
        QVERIFY2(message.find("“greet”每分钟最多允许 2 次请求") == 0, message.c_str());
    }

    void secretsNeverShow()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        const std::string secret = "sk-live-SECRET-0123456789";
        auto r = serve.deploy("greet", bundle(workflowApp("greet", "Hello {{start.name}}"), {{"secrets", {{"CRM_TOKEN", secret}}}}));
        QVERIFY2(r.status == 200, r.body.c_str());
        QVERIFY(r.body.find(secret) == std::string::npos);
        const std::string key = serve.createKey("greet");
        // Even when a caller sends the value, it is not kept or shown.
        r = serve.request("POST", "/v1/apps/greet/run", json{{"inputs", {{"name", secret}}}}.dump(), key);
        QCOMPARE(r.status, 200L);
        QCOMPARE(r.json()["outputs"]["greeting"], json("Hello [secret]"));
        serve.request("POST", "/v1/apps/greet/run", "{}", key);  // a failure too
        const auto runs = serve.request("GET", "/admin/v1/apps/greet/runs", {}, serve.adminToken());
        QVERIFY(runs.body.find("[secret]") != std::string::npos);
        QVERIFY(runs.body.find(secret) == std::string::npos);
        QVERIFY(serve.request("GET", "/metrics").body.find(secret) == std::string::npos);
        QVERIFY(serve.request("GET", "/admin/v1/apps/greet", {}, serve.adminToken()).body.find(secret) == std::string::npos);
        QVERIFY(serve.terminate());
        QVERIFY(!serve.log().contains(QString::fromStdString(secret)));
        QDirIterator files(data.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(QByteArray::fromStdString(secret)), qPrintable(f.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
