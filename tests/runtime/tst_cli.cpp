// End to end: the real `flowdeck` program on the examples, against the real mock-llm.
#include "tests/support/faultserver.h"
#include "tests/support/mockllm.h"
#include "tests/support/peerserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <set>

using flowdeck::tests::MockLlm;

namespace {

struct Ran {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject {
    Q_OBJECT

    MockLlm m_mock;
    QTemporaryDir m_config;

    Ran flowdeck(const QStringList &args, const QProcessEnvironment &extra = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("FLOWDECK_CONFIG_DIR", m_config.path());
        for (const auto &k : extra.keys())
            env.insert(k, extra.value(k));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FLOWDECK_BINARY), args);
        p.waitForFinished(60000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    static QString example(const char *name) { return QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/") + name; }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error), qPrintable(error));
        QFile f(m_config.path() + "/profiles.json");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(m_mock.profilesJson()));
    }

    void runChatExampleStreamsTheAnswer()
    {
        auto r = flowdeck({"run", example("hello-chat.flow.json"), "--profile", "mock", "--query", "hello!"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("Hello from mock-llm.\n"));
    }

    void runWithTraceReportsNodes()
    {
        auto r = flowdeck({"run", example("hello-chat.flow.json"), "-p", "mock", "-q", "what is up", "--trace"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("mock: what is up\n"));
        QVERIFY(r.err.contains("[trace] started  reply (llm)"));
        QVERIFY(r.err.contains("[trace] finished answer (answer)"));
    }

    void runWorkflowExampleBothBranches()
    {
        auto large = flowdeck({"run", example("order-triage.flow.json"), "-p", "mock", "--input", "note=please summarise",
                               "--input", "total=1200"});
        QVERIFY2(large.exitCode == 0, qPrintable(large.err));
        QCOMPARE(large.out, QStringLiteral("Summary: three orders, total 42.\n"));
        auto small = flowdeck({"run", example("order-triage.flow.json"), "-p", "mock", "-i", "note=2 pens", "-i", "total=12"});
        QCOMPARE(small.out, QStringLiteral("Small order (12 CNY): 2 pens\n"));
    }

    void runJsonOutput()
    {
        QTemporaryDir dir;
        QFile note(dir.path() + "/note.txt");
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("three boxes");
        note.close();
        auto r = flowdeck({"run", example("order-triage.flow.json"), "-p", "mock", "-i", "note=@" + note.fileName(), "-i",
                           "total=5", "--json"});
        QCOMPARE(r.exitCode, 0);
        auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j["status"], nlohmann::json("succeeded"));
        QCOMPARE(j["outputs"]["summary"], nlohmann::json("Small order (5 CNY): three boxes"));
    }

    void exitCodesTellFailuresApart()
    {
        auto auth = flowdeck({"run", example("hello-chat.flow.json"), "-p", "mock", "-q", "trigger-401"});
        QCOMPARE(auth.exitCode, 4);
        QVERIFY(auth.err.contains("Incorrect API key"));

        QProcessEnvironment noKey;
        noKey.insert("DEEPSEEK_API_KEY", "");
        auto missingKey = flowdeck({"run", example("hello-chat.flow.json"), "-q", "hi"}, noKey);
        QCOMPARE(missingKey.exitCode, 4);
        QVERIFY(missingKey.err.contains("DEEPSEEK_API_KEY"));

        auto missingInput = flowdeck({"run", example("order-triage.flow.json"), "-p", "mock", "-i", "total=1"});
        QCOMPARE(missingInput.exitCode, 1);
        QVERIFY(missingInput.err.contains("The input 'note' is required"));

        auto noQuery = flowdeck({"run", example("hello-chat.flow.json"), "-p", "mock"});
        QCOMPARE(noQuery.exitCode, 2);

        auto badFlag = flowdeck({"run", "--no-such-flag"});
        QCOMPARE(badFlag.exitCode, 2);
    }

    void invalidWorkflowExitsWith3()
    {
        QTemporaryDir dir;
        QFile f(dir.path() + "/broken.flow.json");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"format\": \"flowdeck.workflow\",\n  \"formatVersion\": 1\n  \"id\": \"x\"\n}\n");
        f.close();
        auto r = flowdeck({"run", f.fileName(), "-p", "mock"});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("line 4, column 3"), qPrintable(r.err));
        auto v = flowdeck({"validate", f.fileName(), "--json"});
        QCOMPARE(v.exitCode, 3);
        auto j = nlohmann::json::parse(v.out.toStdString());
        QCOMPARE(j["valid"], nlohmann::json(false));
        QCOMPARE(j["diagnostics"][0]["code"], nlohmann::json("malformed-json"));
        QCOMPARE(j["diagnostics"][0]["line"], nlohmann::json(4));
    }

    // A human node on the command line: --respond answers it; without an answer (and no
    // terminal) the run stops with a sentence saying how; a wrong answer is named.
    void humanInputIsAnsweredFromTheCommandLine()
    {
        QTemporaryDir dir;
        QFile f(dir.path() + "/ask.flow.json");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format":"flowdeck.workflow","formatVersion":1,"id":"ask","name":"Ask",
          "inputs":[{"name":"doc","type":"file"}],
          "nodes":[{"id":"start","type":"start"},
            {"id":"ask","type":"human","config":{"text":"Approve {{start.doc.name}}?",
              "fields":[{"name":"note","type":"text","required":true}],
              "actions":[{"id":"yes","label":"Yes"},{"id":"no","label":"No"}]}},
            {"id":"end","type":"end","config":{"outputs":{"r":"{{ask.action}} {{ask.note}} {{start.doc.name}}"}}}],
          "edges":[{"from":"start","to":"ask"},{"from":"ask","to":"end","fromPort":"yes"}]})");
        f.close();
        const QString doc = f.fileName();
        auto r = flowdeck({"run", f.fileName(), "-i", "doc=" + doc, "--respond", "yes", "--field", "note=fine"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QString("yes fine ask.flow.json"));
        QVERIFY2(r.err.contains("Approve ask.flow.json?"), qPrintable(r.err));
        auto none = flowdeck({"run", f.fileName(), "-i", "doc=" + doc});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("--respond ACTION"), qPrintable(none.err));
        auto missing = flowdeck({"run", f.fileName(), "-i", "doc=" + doc, "--respond", "yes"});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("The field 'note' is required."), qPrintable(missing.err));
        auto noFile = flowdeck({"run", f.fileName(), "-i", "doc=" + dir.path() + "/absent.pdf", "--respond", "no"});
        QCOMPARE(noFile.exitCode, 2);
        QVERIFY2(noFile.err.contains("cannot be read"), qPrintable(noFile.err));
    }

    void validateExamples()
    {
        for (const char *name : {"hello-chat.flow.json", "order-triage.flow.json"}) {
            auto r = flowdeck({"validate", example(name)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY(r.out.contains("valid"));
        }
    }

    // A knowledge node naming a base the project does not hold: a warning naming it, and
    // the file is still valid (the base may be created later).
    void validateNamesAMissingKnowledgeBase()
    {
        QTemporaryDir project;
        QDir().mkpath(project.filePath("knowledge/handbook"));
        QFile kb(project.filePath("knowledge/handbook/kb.json"));
        QVERIFY(kb.open(QIODevice::WriteOnly));
        kb.write(R"({"formatVersion": 1, "name": "handbook"})");
        kb.close();
        QFile flow(project.filePath("app.flow.json"));
        QVERIFY(flow.open(QIODevice::WriteOnly));
        flow.write(R"({"format": "flowdeck.workflow", "formatVersion": 1, "id": "kb", "name": "KB", "mode": "workflow",
          "inputs": [{"name": "q", "type": "text"}],
          "nodes": [{"id": "start", "type": "start", "position": [0, 0]},
                    {"id": "kb", "type": "knowledge", "position": [200, 0], "config": {"query": "{{start.q}}", "bases": ["handbook", "policies"]}},
                    {"id": "end", "type": "end", "position": [400, 0], "config": {"outputs": {"text": "{{kb.text}}"}}}],
          "edges": [{"from": "start", "to": "kb"}, {"from": "kb", "to": "end"}]})");
        flow.close();
        auto r = flowdeck({"validate", flow.fileName(), "--json"});
        QCOMPARE(r.exitCode, 0);
        const auto out = nlohmann::json::parse(r.out.toStdString());
        QVERIFY(out["valid"].get<bool>());
        QCOMPARE(out["diagnostics"].size(), std::size_t(1));
        QCOMPARE(out["diagnostics"][0]["field"].get<std::string>(), std::string("config.bases[1]"));
        QVERIFY(out["diagnostics"][0]["message"].get<std::string>().find("no knowledge base 'policies'") != std::string::npos);
    }

    void profilesListsPresets()
    {
        auto r = flowdeck({"profiles", "--json"});
        QCOMPARE(r.exitCode, 0);
        auto list = nlohmann::json::parse(r.out.toStdString());
        std::set<std::string> names;
        for (const auto &p : list) {
            names.insert(p["name"].get<std::string>());
            QVERIFY(!p.contains("apiKey"));
        }
        for (const char *n : {"maas", "deepseek", "dashscope", "qianfan", "zhipu", "moonshot", "openai", "ollama", "vllm",
                              "lmstudio", "mock"})
            QVERIFY2(names.count(n), n);
    }

    void secretsFileMustBePrivate()
    {
        QFile secrets(m_config.path() + "/secrets.json");
        QVERIFY(secrets.open(QIODevice::WriteOnly));
        secrets.write(R"({"FLOWDECK_TEST_KEY": "from-file"})");
        secrets.close();
        secrets.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        auto loose = flowdeck({"profiles"});
        QVERIFY(loose.err.contains("chmod 600"));
        QVERIFY(loose.out.contains("no key"));
        secrets.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        auto tight = flowdeck({"run", example("hello-chat.flow.json"), "-p", "mock-keyed", "-q", "hello"});
        QVERIFY2(tight.exitCode == 0, qPrintable(tight.err));
        QVERIFY(!tight.err.contains("chmod"));
        secrets.remove();
    }

    // Regression: text that is not UTF-8 (a GBK console) aborted the program.
    void nonUtf8InputDoesNotCrash()
    {
        auto r = flowdeck({"run", example("hello-chat.flow.json"), "-p", "mock", "-q",
                           QString::fromLatin1("\xc4\xe3\xba\xc3"), "--json", "--trace"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // Regression: a profiles.json entry of the wrong type aborted every command.
    void badProfilesFileIsReportedNotFatal()
    {
        QTemporaryDir dir;
        QFile f(dir.path() + "/profiles.json");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"profiles":{"mine":"oops","other":{"baseUrl":5}}})");
        f.close();
        auto r = flowdeck({"profiles", "--profiles", f.fileName()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("'mine'") && r.err.contains("'other'"));
    }

    void mcpCommandsTalkToRealServers()
    {
        const QString bin = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/peers/node_modules/.bin/");
        auto tools = flowdeck({"mcp", "tools", "--command", bin + "mcp-server-everything", "--command-arg", "stdio"});
        QVERIFY2(tools.exitCode == 0, qPrintable(tools.err));
        QVERIFY(tools.out.contains("get-sum") && tools.out.contains("--arg a=<number>"));
        auto sum = flowdeck({"mcp", "call", "--command", bin + "mcp-server-everything", "--command-arg", "stdio", "get-sum",
                             "--arg", "a=2", "--arg", "b=40"});
        QCOMPARE(sum.exitCode, 0);
        QCOMPARE(sum.out.trimmed(), QStringLiteral("The sum of 2 and 40 is 42."));
        QTemporaryDir dir;
        auto denied = flowdeck({"mcp", "call", "--command", bin + "mcp-server-filesystem", "--command-arg", dir.path(),
                                "read_text_file", "--arg", "path=/etc/hostname"});
        QCOMPARE(denied.exitCode, 1);  // the tool said no
        QVERIFY(denied.out.contains("outside allowed directories"));
        auto list = flowdeck({"mcp", "list"});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains("filesystem") && list.out.contains("高德地图"));
        QProcessEnvironment noKey;
        noKey.insert("AMAP_MAPS_API_KEY", "");
        auto needsKey = flowdeck({"mcp", "tools", "amap"}, noKey);
        QCOMPARE(needsKey.exitCode, 3);
        QVERIFY(needsKey.err.contains("AMAP_MAPS_API_KEY"));
    }

    void mcpOverHttpFromTheCommandLineAndAWorkflow()
    {
        flowdeck::tests::PeerServer everything;
        QString error;
        QVERIFY2(everything.start("node_modules/@modelcontextprotocol/server-everything/dist/index.js", {"streamableHttp"}, &error),
                 qPrintable(error));
        const QString url = QString::fromStdString(everything.url("/mcp"));
        auto sum = flowdeck({"mcp", "call", "--url", url, "get-sum", "--arg", "a=2", "--arg", "b=40"});
        QVERIFY2(sum.exitCode == 0, qPrintable(sum.err));
        QCOMPARE(sum.out.trimmed(), QStringLiteral("The sum of 2 and 40 is 42."));
        auto tools = flowdeck({"mcp", "tools", "--url", url, "--header", "X-Team=flowdeck"});
        QVERIFY(tools.out.contains("get-sum"));
        auto badHeader = flowdeck({"mcp", "tools", "--url", url, "--header", "no-equals-sign"});
        QCOMPARE(badHeader.exitCode, 2);
        QVERIFY(badHeader.err.contains("--header"));

        flowdeck::tests::PeerServer old;
        QVERIFY2(old.start("node_modules/@modelcontextprotocol/server-everything/dist/index.js", {"sse"}, &error), qPrintable(error));
        auto legacy = flowdeck({"mcp", "call", "--url", QString::fromStdString(old.url("/sse")), "--transport", "sse", "echo",
                                "--arg", "message=旧协议"});
        QVERIFY2(legacy.exitCode == 0, qPrintable(legacy.err));
        QCOMPARE(legacy.out.trimmed(), QStringLiteral("Echo: 旧协议"));

        QTemporaryDir dir;
        nlohmann::json wf = {
            {"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "add"}, {"name", "Add over HTTP"},
            {"mode", "workflow"}, {"inputs", {{{"name", "a"}, {"type", "number"}, {"required", true}}}},
            {"plugins", {{"remote", {{"url", url.toStdString()}, {"headers", {{"Authorization", "Bearer {{secret.REMOTE_TOKEN}}"}}}}}}},
            {"nodes", {{{"id", "start"}, {"type", "start"}},
                       {{"id", "add"}, {"type", "mcp.tool"},
                        {"config", {{"server", "remote"}, {"tool", "get-sum"}, {"arguments", {{"a", "{{start.a}}"}, {"b", 40}}}}}},
                       {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"text", "{{add.text}}"}}}}}}}},
            {"edges", {{{"from", "start"}, {"to", "add"}}, {{"from", "add"}, {"to", "end"}}}}};
        QFile f(dir.path() + "/add.flow.json");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(wf.dump(2)));
        f.close();
        QProcessEnvironment token;
        token.insert("REMOTE_TOKEN", "t-1");
        auto r = flowdeck({"run", f.fileName(), "-i", "a=2"}, token);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(r.out.trimmed(), QStringLiteral("The sum of 2 and 40 is 42."));
        QProcessEnvironment noToken;
        noToken.insert("REMOTE_TOKEN", "");
        auto missing = flowdeck({"run", f.fileName(), "-i", "a=2"}, noToken);
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains("REMOTE_TOKEN"), qPrintable(missing.err));
    }

    void runWorkflowWithAnMcpTool()
    {
        QTemporaryDir dir;
        const std::string bin = FLOWDECK_SOURCE_DIR "/tests/peers/node_modules/.bin/";
        nlohmann::json wf = {
            {"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "save-note"}, {"name", "Save a note"},
            {"mode", "workflow"}, {"inputs", {{{"name", "text"}, {"required", true}}}},
            {"plugins", {{"fs", {{"command", bin + "mcp-server-filesystem"}, {"args", {dir.path().toStdString()}}}}}},
            {"nodes", {{{"id", "start"}, {"type", "start"}},
                       {{"id", "save"}, {"type", "mcp.tool"},
                        {"config", {{"server", "fs"}, {"tool", "write_file"},
                                    {"arguments", {{"path", dir.path().toStdString() + "/note.txt"}, {"content", "{{start.text}}"}}}}}},
                       {{"id", "read"}, {"type", "mcp.tool"},
                        {"config", {{"server", "fs"}, {"tool", "read_text_file"},
                                    {"arguments", {{"path", dir.path().toStdString() + "/note.txt"}}}}}},
                       {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"text", "{{read.text}}"}}}}}}}},
            {"edges", {{{"from", "start"}, {"to", "save"}}, {{"from", "save"}, {"to", "read"}}, {{"from", "read"}, {"to", "end"}}}}};
        QFile f(dir.path() + "/save.flow.json");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(wf.dump(2)));
        f.close();
        auto r = flowdeck({"run", f.fileName(), "-i", "text=订单已保存"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("订单已保存\n"));
    }

    // The agent example as shipped, with its catalog plugins pointed at the locally
    // installed servers (so the test needs no download).
    void agentExampleUsesFilesystemAndMemory()
    {
        QTemporaryDir catalog, notes;
        const QString bin = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/peers/node_modules/.bin/");
        for (const char *id : {"filesystem", "memory"}) {
            QFile real(QStringLiteral(FLOWDECK_SOURCE_DIR "/plugins/") + id + ".json");
            QVERIFY(real.open(QIODevice::ReadOnly));
            auto manifest = nlohmann::json::parse(real.readAll().toStdString());
            manifest["transport"]["command"] = (bin + "mcp-server-" + id).toStdString();
            manifest["transport"]["args"] = nlohmann::json::array();
            QFile local(catalog.path() + "/" + id + ".json");
            QVERIFY(local.open(QIODevice::WriteOnly));
            local.write(QByteArray::fromStdString(manifest.dump(2)));
        }
        QProcessEnvironment env;
        env.insert("FLOWDECK_PLUGINS_DIR", catalog.path());
        env.insert("NOTES_DIR", notes.path());
        auto r = flowdeck({"run", example("agent-notes.flow.json"), "-p", "mock", "-q", "agent-notes: remember Flowdeck",
                           "--trace"}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("Noted. Flowdeck is in my memory now.\n"));
        QVERIFY(r.err.contains("Calling fs / list_allowed_directories"));
        QVERIFY(r.err.contains("Calling memory / create_entities"));
        QFile memory(notes.path() + "/memory.jsonl");
        QVERIFY2(memory.open(QIODevice::ReadOnly), "the memory server wrote nothing");
        QVERIFY(memory.readAll().contains("\"name\":\"Flowdeck\""));
    }

    void examplesAreInCanonicalForm()
    {
        auto r = flowdeck({"format", "--check", example("hello-chat.flow.json"), example("order-triage.flow.json"),
                           example("agent-notes.flow.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    }

    void ctrlCCancels()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("FLOWDECK_CONFIG_DIR", m_config.path());
        p.setProcessEnvironment(env);
        // A model endpoint that accepts the connection and never answers.
        QTemporaryDir dir;
        QFile prof(dir.path() + "/profiles.json");
        QVERIFY(prof.open(QIODevice::WriteOnly));
        flowdeck::tests::FaultServer silent;
        silent.addScript({{"", 20000, false}});
        prof.write(QByteArray::fromStdString("{\"profiles\":{\"blackhole\":{\"baseUrl\":\"" + silent.baseUrl() +
                                             "/v1\",\"needsKey\":false}}}"));
        prof.close();
        p.start(QStringLiteral(FLOWDECK_BINARY), {"run", example("hello-chat.flow.json"), "--profiles", prof.fileName(), "-p",
                                                   "blackhole", "-q", "hi"});
        QVERIFY(p.waitForStarted());
        QTest::qWait(300);
        QVERIFY(p.processId() > 0 && p.state() == QProcess::Running);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
