// Every built-in node type, run inside real workflows: start, template, condition,
// aggregate, answer, end, http (against a real local server) and llm (against mock-llm).
#include "engine/model/providerprofile.h"
#include "tests/support/faultserver.h"
#include "tests/support/mockllm.h"
#include "tests/support/runharness.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace flowdeck::engine;
using flowdeck::tests::FaultServer;
using flowdeck::tests::MockLlm;
using flowdeck::tests::RunHarness;
using json = nlohmann::json;

class TestNodes : public QObject {
    Q_OBJECT

    MockLlm m_mock;
    QTemporaryDir m_dir;

    static json node(const std::string &id, const std::string &type, json config = json::object())
    {
        return {{"id", id}, {"type", type}, {"config", std::move(config)}};
    }
    static json edge(const std::string &from, const std::string &to, const std::string &port = {})
    {
        json e = {{"from", from}, {"to", to}};
        if (!port.empty())
            e["fromPort"] = port;
        return e;
    }
    // start -> <n> -> end, with the end node's outputs.
    static Workflow single(json n, json outputs, json inputs = json::array())
    {
        const std::string id = n["id"];
        return RunHarness::workflow({{"inputs", inputs},
                                     {"models", {{"default", {{"profile", "mock"}, {"model", "mock-model"}}}}},
                                     {"nodes", {node("start", "start"), n, node("end", "end", {{"outputs", outputs}})}},
                                     {"edges", {edge("start", id), edge(id, "end")}}});
    }
    void useMock(RunHarness &h)
    {
        const std::string path = (m_dir.path() + "/profiles.json").toStdString();
        std::ofstream(path) << m_mock.profilesJson();
        QVERIFY(h.profiles.loadFile(path).empty());
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error), qPrintable(error));
    }

    void templateRendersValuesOfEveryType()
    {
        RunHarness h;
        h.services.env["REGION"] = "cn-north-4";
        auto wf = single(node("t", "template", {{"template", "{{start.name}} {{start.n}} {{start.on}} {{start.data.items[1]}} "
                                                            "{{start.data}} {{env.REGION}} [{{start.data.missing}}]"}}),
                         {{"text", "{{t.text}}"}},
                         {{{"name", "name"}}, {{"name", "n"}, {"type", "number"}}, {{"name", "on"}, {"type", "boolean"}},
                          {{"name", "data"}, {"type", "json"}}});
        auto out = h.run(wf, {{"name", "Li"}, {"n", "3.5"}, {"on", "yes"}, {"data", R"({"items":["a","b"]})"}});
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(out.outputs["text"].get<std::string>(),
                 std::string(R"(Li 3.5 true b {"items":["a","b"]} cn-north-4 [])"));
    }

    void conditionOperators_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("right");
        QTest::addColumn<bool>("holds");
        QTest::newRow("eq text") << "apple" << "eq" << "apple" << true;
        QTest::newRow("eq numbers") << "2.0" << "eq" << "2" << true;
        QTest::newRow("ne") << "a" << "ne" << "b" << true;
        QTest::newRow("contains") << "hello world" << "contains" << "lo w" << true;
        QTest::newRow("not_contains") << "hello" << "not_contains" << "z" << true;
        QTest::newRow("starts_with") << "订单2024" << "starts_with" << "订单" << true;
        QTest::newRow("ends_with no") << "report.csv" << "ends_with" << ".pdf" << false;
        QTest::newRow("empty") << "" << "empty" << "" << true;
        QTest::newRow("not_empty") << "x" << "not_empty" << "" << true;
        QTest::newRow("gt") << "10" << "gt" << "9" << true;
        QTest::newRow("ge equal") << "9" << "ge" << "9" << true;
        QTest::newRow("lt no") << "10" << "lt" << "9" << false;
        QTest::newRow("le") << "-1" << "le" << "0" << true;
        QTest::newRow("regex") << "Order #A-1234" << "regex" << "#[A-Z]-\\d{4}" << true;
        QTest::newRow("regex no") << "none" << "regex" << "^\\d+$" << false;
    }
    void conditionOperators()
    {
        QFETCH(QString, left);
        QFETCH(QString, op);
        QFETCH(QString, right);
        QFETCH(bool, holds);
        RunHarness h;
        json cases = {{{"id", "yes"}, {"conditions", {{{"left", "{{start.l}}"}, {"op", op.toStdString()}, {"right", right.toStdString()}}}}}};
        auto wf = RunHarness::workflow({{"inputs", {{{"name", "l"}}}},
                                        {"nodes", {node("start", "start"), node("c", "condition", {{"cases", cases}}),
                                                   node("end", "end", {{"outputs", {{"case", "{{c.case}}"}}}})}},
                                        {"edges", {edge("start", "c"), edge("c", "end", "yes"), edge("c", "end", "else")}}});
        auto out = h.run(wf, {{"l", left.toStdString()}});
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(out.outputs["case"].get<std::string>(), std::string(holds ? "yes" : "else"));
    }

    void conditionLogicAndBadOperands()
    {
        RunHarness h;
        json cases = {{{"id", "any"}, {"logic", "or"},
                       {"conditions", {{{"left", "{{start.l}}"}, {"op", "eq"}, {"right", "x"}},
                                       {{"left", "{{start.l}}"}, {"op", "contains"}, {"right", "b"}}}}}};
        auto wf = RunHarness::workflow({{"inputs", {{{"name", "l"}}}},
                                        {"nodes", {node("start", "start"), node("c", "condition", {{"cases", cases}}),
                                                   node("end", "end", {{"outputs", {{"case", "{{c.case}}"}}}})}},
                                        {"edges", {edge("start", "c"), edge("c", "end", "any"), edge("c", "end", "else")}}});
        QCOMPARE(h.run(wf, {{"l", "abc"}}).outputs["case"], json("any"));
        QCOMPARE(h.run(wf, {{"l", "zzz"}}).outputs["case"], json("else"));

        json numeric = {{{"id", "big"}, {"conditions", {{{"left", "{{start.l}}"}, {"op", "gt"}, {"right", 5}}}}}};
        auto wf2 = RunHarness::workflow({{"inputs", {{{"name", "l"}}}},
                                         {"nodes", {node("start", "start"), node("c", "condition", {{"cases", numeric}})}},
                                         {"edges", {edge("start", "c")}}});
        auto out = h.run(wf2, {{"l", "many"}});
        QCOMPARE(out.errorKind, ErrorKind::InvalidInput);
        QVERIFY(out.error.find("needs numbers") != std::string::npos);
    }

    void aggregatePicksTheFirstNonEmptyValue()
    {
        RunHarness h;
        auto wf = single(node("a", "aggregate", {{"values", {"{{start.x}}", "{{start.y}}", "fallback"}}}),
                         {{"v", "{{a.value}}"}}, {{{"name", "x"}}, {{"name", "y"}, {"type", "json"}}});
        QCOMPARE(h.run(wf, {{"y", "[1,2]"}}).outputs["v"], json({1, 2}));
        QCOMPARE(h.run(wf, {{"x", "first"}, {"y", "[1]"}}).outputs["v"], json("first"));
        QCOMPARE(h.run(wf, json::object()).outputs["v"], json("fallback"));
    }

    void endCollectsNamedOutputsKeepingTypes()
    {
        RunHarness h;
        auto wf = single(node("t", "template", {{"template", "x"}}),
                         {{"num", "{{start.n}}"}, {"text", "n={{start.n}}"}, {"const", "fixed"}},
                         {{{"name", "n"}, {"type", "number"}}});
        auto out = h.run(wf, {{"n", 7}});
        QCOMPARE(out.outputs, json({{"num", 7}, {"text", "n=7"}, {"const", "fixed"}}));
    }

    void answerNodesStreamInOrder()
    {
        RunHarness h;
        auto wf = RunHarness::workflow(
            {{"mode", "chat"},
             {"nodes", {node("start", "start"), node("a1", "answer", {{"text", "You said: {{sys.query}}. "}}),
                        node("a2", "answer", {{"text", "Bye."}})}},
             {"edges", {edge("start", "a1"), edge("a1", "a2")}}});
        auto out = h.run(wf, {}, {{"query", "hi"}});
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(out.answer, std::string("You said: hi. Bye."));
        QCOMPARE(out.nodesWith(RunEventType::Answer).size(), std::size_t(2));
    }

    void llmStreamsThroughTheAnswer()
    {
        RunHarness h;
        useMock(h);
        auto wf = RunHarness::workflow(
            {{"mode", "chat"},
             {"models", {{"default", {{"profile", "mock"}}}}},
             {"nodes", {node("start", "start"), node("llm", "llm", {{"system", "Be brief."}, {"prompt", "{{sys.query}}"}}),
                        node("answer", "answer", {{"text", "> {{llm.text}}\n(done)"}})}},
             {"edges", {edge("start", "llm"), edge("llm", "answer")}}});
        auto out = h.run(wf, {}, {{"query", "please summarise"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.answer, std::string("> Summary: three orders, total 42.\n(done)"));
        // Answer pieces arrived while the llm node was still running.
        int firstAnswer = -1;
        for (std::size_t i = 0; i < out.events.size() && firstAnswer < 0; ++i)
            if (out.events[i].type == RunEventType::Answer)
                firstAnswer = static_cast<int>(i);
        QVERIFY(firstAnswer >= 0 && firstAnswer < out.position(RunEventType::NodeFinished, "llm"));
        QVERIFY(out.nodesWith(RunEventType::Token).size() > 1);
        const auto *finished = out.first(RunEventType::NodeFinished, "llm");
        QCOMPARE(finished->data["outputs"]["text"], json("Summary: three orders, total 42."));
        QVERIFY(out.released);
    }

    void llmWithoutStreamingAndWithUsage()
    {
        RunHarness h;
        useMock(h);
        auto wf = single(node("llm", "llm", {{"prompt", "hello {{start.who}}"}, {"stream", false}, {"temperature", 0.1}}),
                         {{"text", "{{llm.text}}"}, {"tokens", "{{llm.usage.total_tokens}}"}}, {{{"name", "who"}}});
        auto out = h.run(wf, {{"who", "you"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs["text"], json("Hello from mock-llm."));
        QCOMPARE(out.outputs["tokens"], json(15));
    }

    void llmErrorsAreClear()
    {
        RunHarness h;
        useMock(h);
        auto auth = single(node("llm", "llm", {{"prompt", "trigger-401"}, {"stream", false}}), {{"t", "{{llm.text}}"}});
        auto out = h.run(auth);
        QCOMPARE(out.errorKind, ErrorKind::Auth);
        QVERIFY(out.error.find("401") != std::string::npos);

        h.secrets.setUseEnvironment(false);
        auto keyed = RunHarness::workflow({{"models", {{"default", {{"profile", "mock-keyed"}}}}},
                                           {"nodes", {node("start", "start"), node("llm", "llm", {{"prompt", "hi"}})}},
                                           {"edges", {edge("start", "llm")}}});
        auto noKey = h.run(keyed);
        QCOMPARE(noKey.errorKind, ErrorKind::Auth);
        QVERIFY(noKey.error.find("FLOWDECK_TEST_KEY") != std::string::npos);
        h.secrets.set("FLOWDECK_TEST_KEY", "k");
        QCOMPARE(h.run(keyed).status, RunStatus::Succeeded);

        h.services.profileOverride = "no-such-profile";
        auto unknown = h.run(keyed);
        QCOMPARE(unknown.errorKind, ErrorKind::InvalidInput);
        QVERIFY(out.released && noKey.released && unknown.released);
        QVERIFY(unknown.error.find("no model provider profile named 'no-such-profile'") != std::string::npos);
    }

    void httpNodeCallsARealServer()
    {
        RunHarness h;
        h.secrets.setUseEnvironment(false);
        h.secrets.set("API_TOKEN", "tok-123");
        FaultServer server;
        server.addScript(FaultServer::json(200, R"({"city":"Shenzhen","temp":26})", {"X-Trace: abc"}));
        auto wf = single(node("h", "http", {{"method", "POST"},
                                            {"url", server.baseUrl() + "/weather"},
                                            {"query", {{"q", "{{start.city}}"}}},
                                            {"headers", {{"Authorization", "Bearer {{secret.API_TOKEN}}"}}},
                                            {"body", {{"city", "{{start.city}}"}}}}),
                         {{"status", "{{h.status}}"}, {"temp", "{{h.json.temp}}"}, {"trace", "{{h.headers.x-trace}}"}},
                         {{{"name", "city"}}});
        auto out = h.run(wf, {{"city", "深圳 南山"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs["status"], json(200));
        QCOMPARE(out.outputs["temp"], json(26));
        QCOMPARE(out.outputs["trace"], json("abc"));
        const std::string req = server.requests().at(0);
        QVERIFY(req.rfind("POST /weather?q=%E6%B7%B1%E5%9C%B3%20%E5%8D%97%E5%B1%B1 ", 0) == 0);
        QVERIFY(req.find("Authorization: Bearer tok-123") != std::string::npos);
        QVERIFY(req.find("Content-Type: application/json") != std::string::npos);
        QVERIFY(req.find(R"({"city":"深圳 南山"})") != std::string::npos);
    }

    void httpNodeFailuresAndPolicy()
    {
        RunHarness h;
        FaultServer server;
        server.addScript(FaultServer::json(500, R"({"error":"boom"})"));
        auto wf = single(node("h", "http", {{"url", server.baseUrl() + "/x"}}), {{"s", "{{h.status}}"}});
        auto failed = h.run(wf);
        QCOMPARE(failed.errorKind, ErrorKind::Upstream);
        QVERIFY(failed.error.find("answered 500") != std::string::npos);

        auto lenient = single(node("h", "http", {{"url", server.baseUrl() + "/x"}, {"failOnStatus", false}}), {{"s", "{{h.status}}"}});
        QCOMPARE(h.run(lenient).outputs["s"], json(500));

        h.services.allowPrivateNetwork = false;  // as in a deployed runtime
        auto blocked = h.run(wf);
        QCOMPARE(blocked.errorKind, ErrorKind::Blocked);
        QVERIFY(blocked.error.find("127.0.0.1") != std::string::npos);
        QVERIFY(isPrivateAddress("169.254.169.254"));
        QVERIFY(isPrivateAddress("10.1.2.3"));
        QVERIFY(isPrivateAddress("::1"));
        QVERIFY(!isPrivateAddress("8.8.8.8"));

        auto badUrl = single(node("h", "http", {{"url", "file:///etc/passwd"}}), {{"s", "{{h.status}}"}});
        QCOMPARE(h.run(badUrl).errorKind, ErrorKind::InvalidInput);
    }

    void mcpToolCallsRealServers()
    {
        RunHarness h;
        const std::string bin = FLOWDECK_SOURCE_DIR "/tests/peers/node_modules/.bin/";
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        auto wf = RunHarness::workflow(
            {{"inputs", {{{"name", "name"}}}},
             {"plugins", {{"everything", {{"command", bin + "mcp-server-everything"}, {"args", {"stdio"}}}},
                          {"fs", {{"command", bin + "mcp-server-filesystem"}, {"args", {root}}}},
                          {"thinking", {{"command", bin + "mcp-server-sequential-thinking"}}}}},
             {"nodes", {node("start", "start"),
                        node("echo", "mcp.tool", {{"server", "everything"}, {"tool", "echo"}, {"arguments", {{"message", "hi {{start.name}}"}}}}),
                        node("sum", "mcp.tool", {{"server", "everything"}, {"tool", "get-sum"}, {"arguments", {{"a", 1}, {"b", 2}}}}),
                        node("save", "mcp.tool", {{"server", "fs"}, {"tool", "write_file"},
                                                  {"arguments", {{"path", root + "/note.txt"}, {"content", "{{echo.text}}"}}}}),
                        node("think", "mcp.tool", {{"server", "thinking"}, {"tool", "sequentialthinking"},
                                                   {"arguments", {{"thought", "first"}, {"nextThoughtNeeded", false},
                                                                  {"thoughtNumber", 1}, {"totalThoughts", 1}}}}),
                        node("end", "end", {{"outputs", {{"echo", "{{echo.text}}"}, {"sum", "{{sum.text}}"}, {"saved", "{{save.is_error}}"},
                                                         {"thought", "{{think.is_error}}"}}}})}},
             {"edges", {edge("start", "echo"), edge("start", "sum"), edge("echo", "save"), edge("start", "think"),
                        edge("save", "end"), edge("sum", "end"), edge("think", "end")}}});
        auto out = h.run(wf, {{"name", "Ada"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs["echo"], json("Echo: hi Ada"));
        QVERIFY(out.outputs["sum"].get<std::string>().find("3") != std::string::npos);
        QCOMPARE(out.outputs["saved"], json(false));
        QCOMPARE(out.outputs["thought"], json(false));
        std::ifstream saved(root + "/note.txt");
        std::string text;
        std::getline(saved, text);
        QCOMPARE(text, std::string("Echo: hi Ada"));
    }

    void mcpToolChecksArgumentsBeforeCalling()
    {
        RunHarness h;
        const std::string bin = FLOWDECK_SOURCE_DIR "/tests/peers/node_modules/.bin/";
        json plugins = {{"everything", {{"command", bin + "mcp-server-everything"}, {"args", {"stdio"}}}}};
        auto bad = RunHarness::workflow({{"plugins", plugins},
                                         {"nodes", {node("start", "start"), node("sum", "mcp.tool", {{"server", "everything"}, {"tool", "get-sum"},
                                                                                                  {"arguments", {{"a", "one"}}}})}},
                                         {"edges", {edge("start", "sum")}}});
        auto out = h.run(bad);
        QCOMPARE(out.errorKind, ErrorKind::InvalidInput);
        QVERIFY2(out.error.find("do not fit its input schema") != std::string::npos, out.error.c_str());
        auto unknown = RunHarness::workflow({{"plugins", plugins},
                                             {"nodes", {node("start", "start"), node("x", "mcp.tool", {{"server", "everything"}, {"tool", "nope"}})}},
                                             {"edges", {edge("start", "x")}}});
        auto out2 = h.run(unknown);
        QCOMPARE(out2.errorKind, ErrorKind::InvalidInput);
        QVERIFY(out2.error.find("has no tool 'nope'") != std::string::npos && out2.error.find("echo") != std::string::npos);
        auto undeclared = RunHarness::workflow({{"nodes", {node("start", "start"), node("x", "mcp.tool", {{"server", "ghost"}, {"tool", "t"}})}},
                                                {"edges", {edge("start", "x")}}});
        auto out3 = h.run(undeclared);
        QVERIFY(!out3.compiled);
        QVERIFY(std::any_of(out3.diagnostics.begin(), out3.diagnostics.end(),
                            [](const Diagnostic &d) { return d.code == "unknown-plugin" && d.field == "config.server"; }));
    }

    void agentCallsToolsAndAnswers()
    {
        RunHarness h;
        useMock(h);
        const std::string bin = FLOWDECK_SOURCE_DIR "/tests/peers/node_modules/.bin/";
        auto wf = RunHarness::workflow(
            {{"mode", "chat"},
             {"models", {{"default", {{"profile", "mock"}}}}},
             {"plugins", {{"everything", {{"command", bin + "mcp-server-everything"}, {"args", {"stdio"}}}}}},
             {"nodes", {node("start", "start"),
                        node("agent", "agent", {{"prompt", "{{sys.query}}"}, {"stream", false},
                                                {"tools", {{{"server", "everything"}, {"tool", "echo"}}}}}),
                        node("answer", "answer", {{"text", "{{agent.text}}"}})}},
             {"edges", {edge("start", "agent"), edge("agent", "answer")}}});
        auto out = h.run(wf, {}, {{"query", "please agent-echo"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.answer, std::string("The tool said: Echo: from the agent"));
        const auto &outputs = out.first(RunEventType::NodeFinished, "agent")->data["outputs"];
        QCOMPARE(outputs["steps"].size(), std::size_t(1));
        QCOMPARE(outputs["steps"][0]["tool"], json("echo"));
        QCOMPARE(outputs["steps"][0]["arguments"]["message"], json("from the agent"));
        QCOMPARE(outputs["steps"][0]["result"], json("Echo: from the agent"));
        QCOMPARE(outputs["usage"]["total_tokens"], json(28 + 36));
        bool logged = false;
        for (const auto &e : out.events)
            logged = logged || (e.type == RunEventType::Log && e.data["message"] == "Calling everything / echo");
        QVERIFY(logged);

        auto looping = RunHarness::workflow(
            {{"models", {{"default", {{"profile", "mock"}}}}},
             {"plugins", {{"everything", {{"command", bin + "mcp-server-everything"}, {"args", {"stdio"}}}}}},
             {"nodes", {node("start", "start"), node("agent", "agent", {{"prompt", "agent-loop"}, {"stream", false}, {"maxIterations", 2},
                                                                       {"tools", {{{"server", "everything"}}}}})}},
             {"edges", {edge("start", "agent")}}});
        auto limited = h.run(looping);
        QCOMPARE(limited.errorKind, ErrorKind::Limit);
        QVERIFY(limited.error.find("within 2 rounds") != std::string::npos);
    }

    void descriptorsDescribeThemselves()
    {
        const auto &registry = NodeRegistry::builtin();
        QVERIFY(registry.all().size() >= std::size_t(22));  // every type of DESIGN.md §3 but guard
        for (const auto *d : registry.all()) {
            auto j = d->toJson();
            QVERIFY2(!d->title.empty() && !d->titleZh.empty() && !d->description.empty(), d->type.c_str());
            QVERIFY(j["configSchema"]["type"] == "object");
            QVERIFY(static_cast<bool>(d->execute));
        }
        QCOMPARE(registry.find("condition")->portsOf(RunHarness::workflow(
            {{"nodes", {node("start", "start"), node("c", "condition", {{"cases", {{{"id", "a"}, {"conditions", {{{"left", "x"}, {"op", "empty"}}}}}}}})}},
             {"edges", {edge("start", "c")}}}).nodes[1]).size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestNodes)
#include "tst_nodes.moc"
