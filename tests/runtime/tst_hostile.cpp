// What an attacker or an unlucky user sends must not take a runtime down (issue 14):
// a real `flowdeck serve` gets bodies nested 100,000 deep, and apps whose plugin server
// answers with wrong types, invalid UTF-8, deep nesting or huge lines. Each fails its
// request with a sentence while the runtime keeps answering its other apps. Plugin
// servers do not see the runtime's secret key, admin token or API keys.
#include "tests/support/sampleapps.h"
#include "tests/support/serveprocess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using flowdeck::tests::ServeProcess;
using json = nlohmann::json;

namespace {

const QString kPeers = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/peers");

// start -> one call of the hostile server's "probe" tool -> end.
json probeApp(const std::string &mode)
{
    json wf = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "probe"}, {"name", "Probe"}, {"mode", "workflow"},
               {"plugins", {{"bad", {{"command", (kPeers + "/node_modules/.bin/node").toStdString()},
                                     {"args", {(kPeers + "/hostile-mcp-server.cjs").toStdString(), mode}}}}}},
               {"nodes", {{{"id", "start"}, {"type", "start"}},
                          {{"id", "call"}, {"type", "mcp.tool"}, {"config", {{"server", "bad"}, {"tool", "probe"}, {"arguments", json::object()}}}},
                          {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"text", "{{call.text}}"}}}}}}}},
               {"edges", {{{"from", "start"}, {"to", "call"}}, {{"from", "call"}, {"to", "end"}}}}};
    return flowdeck::tests::deployBundle(wf, {{"settings", {{"public", true}}}});
}

// start -> an http GET of the caller's URL -> end (status and body).
json fetchApp()
{
    json wf = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "fetch"}, {"name", "Fetch"}, {"mode", "workflow"},
               {"inputs", {{{"name", "url"}, {"required", true}}}},
               {"nodes", {{{"id", "start"}, {"type", "start"}},
                          {{"id", "get"}, {"type", "http"}, {"config", {{"url", "{{start.url}}"}, {"timeoutMs", 3000}, {"failOnStatus", false}}}},
                          {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"status", "{{get.status}}"}}}}}}}},
               {"edges", {{{"from", "start"}, {"to", "get"}}, {{"from", "get"}, {"to", "end"}}}}};
    return flowdeck::tests::deployBundle(wf, {{"settings", {{"public", true}}}});
}

std::string nested(std::size_t depth)
{
    std::string body;
    body.reserve(depth * 6 + 2);
    for (std::size_t i = 0; i < depth; ++i)
        body += "{\"a\":";
    body += "1";
    body.append(depth, '}');
    return body;
}

} // namespace

class TestHostile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServeProcess> m_serve;

    // The runtime is alive and still serves its healthy app.
    void stillServing()
    {
        QCOMPARE(m_serve->request("GET", "/healthz").status, 200L);
        const auto r = m_serve->request("POST", "/v1/apps/greet/run", R"({"inputs": {"name": "Ada"}})");
        QCOMPARE(r.status, 200L);
        QCOMPARE(r.json()["outputs"]["greeting"], json("Hello, Ada!"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString data = m_dir.filePath("data");
        QVERIFY(QDir().mkpath(data));
        QFile token(data + "/admin-token");
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("fda-hostile-test-admin-token\n");
        token.close();
        // What the runtime holds that no plugin server may see.
        qputenv("FLOWDECK_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        qputenv("FLOWDECK_ADMIN_TOKEN", "fda-from-the-environment");
        qputenv("OPENAI_API_KEY", "sk-must-not-leak");
        m_serve = std::make_unique<ServeProcess>(data);
        QString error;
        QVERIFY2(m_serve->start({"--admin-token-file", data + "/admin-token"}, &error), qPrintable(error));
        const auto greet = m_serve->deploy(
            "greet", flowdeck::tests::deployBundle(flowdeck::tests::greeterWorkflow("greet", "Hello, {{start.name}}!"),
                                                   {{"settings", {{"public", true}}}}));
        QVERIFY2(greet.status == 200, greet.body.c_str());
    }

    void deepBodiesAreRefusedAndTheRuntimeStaysUp_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("run API") << "POST" << "/v1/apps/greet/run";
        QTest::newRow("OpenAI API") << "POST" << "/v1/chat/completions";
        QTest::newRow("MCP endpoint") << "POST" << "/apps/greet/mcp";
        QTest::newRow("admin deploy") << "PUT" << "/admin/v1/apps/deep";
    }
    void deepBodiesAreRefusedAndTheRuntimeStaysUp()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        const std::string body = nested(100000);  // about 600 KB, under the body limit
        const auto r = m_serve->request(method.toStdString(), path.toStdString(), body, m_serve->adminToken());
        QCOMPARE(r.status, 400L);
        const std::string message = r.json()["error"]["message"].is_string() ? r.json()["error"]["message"].get<std::string>() : "";
        QVERIFY2(message.find("128 levels") != std::string::npos || message.find("JSON-RPC") != std::string::npos, r.body.c_str());
        stillServing();
    }

    void hugeNumbersAreRefusedWithWhere()
    {
        const auto r = m_serve->request("POST", "/v1/apps/greet/run", "{\"inputs\": {\"name\": 1e400}}");
        QCOMPARE(r.status, 400L);
        const std::string message = r.json()["error"]["message"];
        QVERIFY2(message.find("line 1, column 21") != std::string::npos, message.c_str());
        QVERIFY2(message.find("1e400") != std::string::npos, message.c_str());
        stillServing();
    }

    void misbehavingPluginFailsItsRequest_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("error code is text") << "error-types";
        QTest::newRow("result of wrong types") << "result-types";
        QTest::newRow("invalid UTF-8") << "invalid-utf8";
        QTest::newRow("nested 100,000 deep") << "deep";
        QTest::newRow("a 20 MB line") << "huge-line";
    }
    void misbehavingPluginFailsItsRequest()
    {
        QFETCH(QString, mode);
        const std::string app = "probe-" + mode.toStdString();
        const auto deployed = m_serve->deploy(app, probeApp(mode.toStdString()));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const auto r = m_serve->request("POST", "/v1/apps/" + app + "/run", "{}");
        QVERIFY2(r.status == 200 || r.status >= 400, r.body.c_str());  // an answer, whichever it is
        const json answer = r.json();
        QVERIFY2(answer.is_object(), r.body.c_str());
        if (r.status != 200) {
            QVERIFY2(answer["error"]["message"].is_string() && !answer["error"]["message"].get<std::string>().empty(), r.body.c_str());
            QVERIFY2(answer["error"]["node"] == json("call"), r.body.c_str());
        }
        stillServing();
        QCOMPARE(m_serve->request("DELETE", "/admin/v1/apps/" + app, {}, m_serve->adminToken()).status, 200L);
    }

    void misbehavingHandshakeFailsTheDeploy_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("initialize of wrong types") << "init-types";
        QTest::newRow("tools/list of wrong types") << "list-types";
    }
    void misbehavingHandshakeFailsTheDeploy()
    {
        QFETCH(QString, mode);
        const auto deployed = m_serve->deploy("probe-handshake", probeApp(mode.toStdString()));
        // Either the server is usable enough to list "probe", or the smoke check says why not.
        QVERIFY2(deployed.status == 200 || deployed.status == 422, deployed.body.c_str());
        if (deployed.status == 422)
            QVERIFY2(deployed.json()["error"]["message"].is_string(), deployed.body.c_str());
        stillServing();
        m_serve->request("DELETE", "/admin/v1/apps/probe-handshake", {}, m_serve->adminToken());
    }

    void pluginServersDoNotSeeTheRuntimesSecrets()
    {
        const auto deployed = m_serve->deploy("probe-env", probeApp("env"));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const auto r = m_serve->request("POST", "/v1/apps/probe-env/run", "{}");
        QVERIFY2(r.status == 200, r.body.c_str());
        const std::string names = "," + r.json()["outputs"]["text"].get<std::string>() + ",";
        QVERIFY2(names.find(",PATH,") != std::string::npos, names.c_str());
        for (const char *secret : {"FLOWDECK_SECRET_KEY", "FLOWDECK_ADMIN_TOKEN", "OPENAI_API_KEY"})
            QVERIFY2(names.find(std::string(",") + secret + ",") == std::string::npos, names.c_str());
    }

    void httpNodesCannotReachPrivateAddresses_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("the runtime itself") << QString("http://127.0.0.1:%1/healthz").arg(m_serve->port());
        QTest::newRow("private network") << "http://10.0.0.1/";
        QTest::newRow("cloud metadata") << "http://169.254.169.254/latest/meta-data/";
        QTest::newRow("IPv6 loopback") << QString("http://[::1]:%1/healthz").arg(m_serve->port());
        QTest::newRow("mapped metadata") << "http://[::ffff:a9fe:a9fe]/";
        QTest::newRow("localhost by name") << QString("http://localhost:%1/healthz").arg(m_serve->port());
    }
    void httpNodesCannotReachPrivateAddresses()
    {
        QFETCH(QString, url);
        const auto deployed = m_serve->deploy("fetch", fetchApp());
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const auto r = m_serve->request("POST", "/v1/apps/fetch/run", json{{"inputs", {{"url", url.toStdString()}}}}.dump());
        QVERIFY2(r.status >= 400, r.body.c_str());
        const std::string message = r.json()["error"]["message"].is_string() ? r.json()["error"]["message"].get<std::string>() : "";
        QVERIFY2(message.find("private or local") != std::string::npos, r.body.c_str());
        QVERIFY2(message.find("--allow-address") != std::string::npos, r.body.c_str());
        stillServing();
    }

    void theOperatorsAllowListLetsOneThrough()
    {
        // A second runtime whose operator allows 127.0.0.1 (and only that): it reaches the
        // first runtime's health check, and still not 10.0.0.1.
        QVERIFY(QDir().mkpath(m_dir.filePath("allowing")));
        ServeProcess allowing(m_dir.filePath("allowing"));
        QString error;
        QVERIFY(QFile::copy(m_dir.filePath("data/admin-token"), m_dir.filePath("allowing/admin-token")));
        QVERIFY2(allowing.start({"--allow-address", "127.0.0.1/32", "--admin-token-file", m_dir.filePath("allowing/admin-token")},
                                &error),
                 qPrintable(error));
        const auto deployed = allowing.deploy("fetch", fetchApp());
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const std::string target = QString("http://127.0.0.1:%1/healthz").arg(m_serve->port()).toStdString();
        auto r = allowing.request("POST", "/v1/apps/fetch/run", json{{"inputs", {{"url", target}}}}.dump());
        QVERIFY2(r.status == 200, r.body.c_str());
        QCOMPARE(r.json()["outputs"]["status"], json(200));
        r = allowing.request("POST", "/v1/apps/fetch/run", json{{"inputs", {{"url", "http://10.0.0.1/"}}}}.dump());
        QVERIFY2(r.status >= 400 && r.body.find("private or local") != std::string::npos, r.body.c_str());

        // Behind a proxy (here the first runtime stands in for one: it answers whatever it
        // is sent), curl connects only to the proxy, so the target's own addresses are
        // checked first: a private target is refused, a public one goes to the proxy.
        QVERIFY(QDir().mkpath(m_dir.filePath("proxied")));
        QVERIFY(QFile::copy(m_dir.filePath("data/admin-token"), m_dir.filePath("proxied/admin-token")));
        qputenv("http_proxy", QString("http://127.0.0.1:%1").arg(m_serve->port()).toUtf8());
        ServeProcess proxied(m_dir.filePath("proxied"));
        const bool started = proxied.start({"--admin-token-file", m_dir.filePath("proxied/admin-token")}, &error);
        qunsetenv("http_proxy");
        QVERIFY2(started, qPrintable(error));
        QVERIFY(proxied.deploy("fetch", fetchApp()).status == 200);
        for (const char *target : {"http://10.0.0.1/", "http://169.254.169.254/latest/", "http://localhost/"}) {
            r = proxied.request("POST", "/v1/apps/fetch/run", json{{"inputs", {{"url", target}}}}.dump());
            QVERIFY2(r.status >= 400 && r.body.find("private or local") != std::string::npos, (target + r.body).c_str());
        }
        r = proxied.request("POST", "/v1/apps/fetch/run", json{{"inputs", {{"url", "http://93.184.216.34/healthz"}}}}.dump());
        QVERIFY2(r.status == 200, r.body.c_str());  // the stand-in proxy answered (its status, whatever it is)
        QCOMPARE(r.json()["outputs"]["status"], json(404));  // the stand-in proxy's own "nothing here"

        // A wrong entry is refused at start, naming it.
        ServeProcess wrong(m_dir.filePath("wrong"));
        QVERIFY(!wrong.start({"--allow-address", "10.0.0.0/99"}, &error));
        QVERIFY2(error.contains("10.0.0.0/99"), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_serve.reset();
        qunsetenv("FLOWDECK_SECRET_KEY");
        qunsetenv("FLOWDECK_ADMIN_TOKEN");
        qunsetenv("OPENAI_API_KEY");
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
