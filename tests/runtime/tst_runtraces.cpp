// Run traces and versions through a real `flowdeck serve` on 127.0.0.1 and the scripted
// model (tests/peers/scripted-llm.cjs) as the model and the web API the http nodes call:
// a deploy's source.version is kept with its runtime version; a run that fails at an
// http node is read back by id (GET /admin/v1/apps/{app}/runs/{runId}) with every node's
// inputs and outputs, the failed node's error, the project version and the workflow of
// the runtime version it ran on; secret values never appear (only "[secret]"), a 2 MB
// response is cut in the trace, PII an input guard flagged is masked there as in the
// history's inputs, and an app with an output check keeps no node values at all.
// `flowdeck deploy` from a project folder with a history records a deploy version and
// sends its id; from a folder without one, or with --no-history, it deploys as before.
#include "engine/history/projecthistory.h"
#include "tests/support/sampleapps.h"
#include "tests/support/scriptedmodel.h"
#include "tests/support/serveprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using flowdeck::tests::ScriptedModel;
using flowdeck::tests::ServeProcess;
using flowdeck::tests::workflowEdge;
using flowdeck::tests::workflowNode;
using json = nlohmann::json;

namespace {

const std::string kSecret = "crm-live-7Hq2Zx9Lm4Pw8Rt1Vy6B";
const std::string kVersion = "5d41402abc4b2a76b9719d911017c592aa5b2e01";
const std::string kIdNumber = "11010519491231002X";  // a mainland ID number with a valid checksum
// The web API's report: its answer as text (body) and parsed (json) make the node's outputs
// 2 MB, each value within the engine's 1 MiB limit for one value.
constexpr std::size_t kReportBytes = 1000 * 1000;

json scriptedProfile(const ScriptedModel &model)
{
    return {{"title", "scripted"}, {"baseUrl", model.url("/v1")}, {"defaultModel", "scripted-model"}, {"needsKey", false}};
}

// An http node that POSTs a chat request of the scripted model's case `name`.
json scriptedCall(const std::string &id, const ScriptedModel &model, const std::string &name, json headers = json::object())
{
    return workflowNode(id, "http",
                        {{"method", "POST"}, {"url", model.url("/v1/chat/completions")}, {"headers", std::move(headers)},
                         {"body", {{"model", "scripted-model"},
                                   {"messages", {{{"role", "user"}, {"content", "[case:" + name + "] for {{start.name}}"}}}}}}});
}

// start -> fetch (http, with the secret in a header; outputs 2 MB) -> draft (llm) ->
// notify (http; answers 500) -> end. The draft node carries a pin, which a runtime ignores.
json tracedApp(const ScriptedModel &model)
{
    json draft = workflowNode("draft", "llm", {{"prompt", "[case:tracedraft] Write to {{start.name}}."}});
    draft["pin"] = {{"outputs", {{"text", "pinned draft"}}}, {"port", ""}};
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "traced"}, {"name", "Traced"}, {"mode", "workflow"},
            {"inputs", {{{"name", "name"}, {"required", true}}}},
            {"models", {{"default", {{"profile", "scripted"}, {"model", "scripted-model"}}}}},
            {"nodes", {workflowNode("start", "start"),
                       scriptedCall("fetch", model, "tracefetch", {{"Authorization", "Bearer {{secret.CRM_TOKEN}}"}}),
                       draft, scriptedCall("notify", model, "tracefail"),
                       workflowNode("end", "end", {{"outputs", {{"text", "{{draft.text}}"}}}})}},
            {"edges", {workflowEdge("start", "fetch"), workflowEdge("fetch", "draft"), workflowEdge("draft", "notify"),
                       workflowEdge("notify", "end")}}};
}

// start -> echo (template) -> end, under `guard`.
json echoApp(const std::string &id, const json &guard)
{
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", id}, {"name", id}, {"mode", "workflow"},
            {"inputs", {{{"name", "name"}, {"required", true}}}},
            {"nodes", {workflowNode("start", "start"), workflowNode("echo", "template", {{"template", "Echo: {{start.name}}"}}),
                       workflowNode("end", "end", {{"outputs", {{"text", "{{echo.text}}"}}}})}},
            {"edges", {workflowEdge("start", "echo"), workflowEdge("echo", "end")}},
            {"guard", guard}};
}

bool containsBytes(const QString &folder, const std::string &needle)
{
    QDirIterator files(folder, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile f(files.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(QByteArray::fromStdString(needle)))
            return true;
    }
    return false;
}

} // namespace

class TestRunTraces : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ScriptedModel m_model;
    std::unique_ptr<ServeProcess> m_serve;

    json admin(const std::string &path) const { return m_serve->request("GET", path, {}, m_serve->adminToken()).json(); }

    // The id of the newest run of an app, from the run history.
    std::string newestRun(const std::string &app) const
    {
        const json runs = admin("/admin/v1/apps/" + app + "/runs?limit=1").value("runs", json::array());
        return runs.empty() ? std::string() : runs[0].value("runId", "");
    }

    // `flowdeck deploy FILE --to <this runtime>` with `extra` arguments: exit code and stderr.
    std::pair<int, QString> deployCli(const QString &file, const QStringList &extra, const QString &token = {}) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("FLOWDECK_CONFIG_DIR", m_dir.filePath("config"));  // no profiles or secrets of the machine's
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FLOWDECK_BINARY), QStringList{"deploy", file, "--to", QString::fromStdString(m_serve->url("")),
                                                             "--token", token.isEmpty() ? QString::fromStdString(m_serve->adminToken()) : token} +
                                                     extra);
        p.waitForFinished(60000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    }

    ServeProcess::Response run(const std::string &app, const std::string &name) const
    {
        return m_serve->request("POST", "/v1/apps/" + app + "/run", json{{"inputs", {{"name", name}}}}.dump());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_model.start(&error), qPrintable(error));
        // The web API echoes the token it was given ("echo" comes first), then a long report.
        m_model.script("tracefetch", json::array({json{{"json", {{"echo", kSecret}, {"report", std::string(kReportBytes, 'r')}}}}}));
        m_model.script("tracedraft", json::array({"Dear Ada, the report is in."}));
        m_model.script("tracefail", json::array({json{{"status", 500}, {"error", "the notifier is down"}}}));
        m_serve = std::make_unique<ServeProcess>(m_dir.filePath("data"));
        // The http nodes call the scripted peer on 127.0.0.1.
        QVERIFY2(m_serve->start({"--allow-private-network"}, &error), qPrintable(error));
    }

    void aFailedRunIsReadBackWithItsTraceAndVersion()
    {
        const json source = {{"project", "Traced"}, {"path", "/projects/traced/traced.flow.json"}, {"host", "desk"},
                             {"version", kVersion}, {"message", "Notify after drafting"}, {"time", 1796000000}};
        const auto deployed = m_serve->deploy(
            "traced", flowdeck::tests::deployBundle(tracedApp(m_model), {{"profiles", {{"scripted", scriptedProfile(m_model)}}},
                                                                        {"secrets", {{"CRM_TOKEN", kSecret}}},
                                                                        {"settings", {{"public", true}}},
                                                                        {"source", source}}));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const int version = deployed.json().value("version", 0);

        // The app shows the live version's source, and each kept version's.
        const json described = admin("/admin/v1/apps/traced");
        QCOMPARE(described["source"], source);
        QCOMPARE(described["versions"].size(), std::size_t(1));
        QCOMPARE(described["versions"][0]["source"]["version"], json(kVersion));

        const auto answered = run("traced", "Ada");
        QVERIFY2(answered.status >= 400, answered.body.c_str());
        // The secret went out in the header, and came back in the answer the trace holds.
        const auto fetched = m_model.log("tracefetch");
        QCOMPARE(fetched.size(), std::size_t(1));
        QCOMPARE(fetched[0]["auth"], json("Bearer " + kSecret));
        QVERIFY2(m_model.requests("tracedraft").size() == 1, answered.body.c_str());  // the pin did not stand in for the node

        const std::string runId = newestRun("traced");
        QVERIFY(!runId.empty());
        // The listing gives the project version too.
        QCOMPARE(admin("/admin/v1/apps/traced/runs")["runs"][0]["sourceVersion"], json(kVersion));

        const auto got = m_serve->request("GET", "/admin/v1/apps/traced/runs/" + runId, {}, m_serve->adminToken());
        QVERIFY2(got.status == 200, got.body.c_str());
        QVERIFY2(got.body.find(kSecret) == std::string::npos, "the secret value is in the run's answer");
        const json body = got.json();
        QCOMPARE(body["app"], json("traced"));
        QCOMPARE(body["version"], json(version));
        QCOMPARE(body["source"], source);
        const json &record = body["run"];
        QCOMPARE(record["runId"], json(runId));
        QCOMPARE(record["status"], json("failed"));
        QCOMPARE(record["failedNode"], json("notify"));
        QCOMPARE(record["sourceVersion"], json(kVersion));
        QCOMPARE(record["inputs"]["inputs"]["name"], json("Ada"));

        // Every node that ran, in order, with its inputs and outputs; the failed one with its error.
        const json &trace = record["trace"];
        const json &nodes = trace["nodes"];
        QVERIFY2(trace["order"].size() >= 4, trace["order"].dump().c_str());
        QCOMPARE(json(std::vector<json>(trace["order"].begin(), trace["order"].begin() + 4)),
                 json({"start", "fetch", "draft", "notify"}));
        QCOMPARE(nodes["start"]["status"], json("done"));
        QCOMPARE(nodes["start"]["outputs"]["name"], json("Ada"));
        QCOMPARE(nodes["fetch"]["status"], json("done"));
        QCOMPARE(nodes["fetch"]["inputs"]["url"], json(m_model.url("/v1/chat/completions")));
        QVERIFY(nodes["fetch"]["inputs"]["headers"]["Authorization"].is_string());
        QCOMPARE(nodes["draft"]["status"], json("done"));
        QCOMPARE(nodes["draft"]["type"], json("llm"));
        QCOMPARE(nodes["draft"]["inputs"]["prompt"], json("[case:tracedraft] Write to Ada."));
        QCOMPARE(nodes["draft"]["outputs"]["text"], json("Dear Ada, the report is in."));
        QCOMPARE(nodes["notify"]["status"], json("failed"));
        QCOMPARE(nodes["notify"]["error"]["kind"], json("upstream"));
        QVERIFY2(nodes["notify"]["error"]["message"].get<std::string>().find("500") != std::string::npos,
                 nodes["notify"].dump().c_str());
        QVERIFY(!nodes.contains("end") || nodes["end"]["status"] == "skipped");
        // The 2 MB answer is cut: its size and a preview, where the secret reads [secret].
        QCOMPARE(nodes["fetch"]["truncated"], json(true));
        const json &cut = nodes["fetch"]["outputs"];
        QCOMPARE(cut["truncated"], json(true));
        QVERIFY(cut["bytes"].get<std::size_t>() > 2 * kReportBytes);
        const std::string preview = cut["preview"].get<std::string>();
        QVERIFY(preview.size() <= 2048);
        QVERIFY2(preview.find("[secret]") != std::string::npos, preview.c_str());
        QVERIFY(got.body.size() < kReportBytes / 2);

        // The workflow of that runtime version, as deployed but without pins.
        const json &workflow = body["workflow"];
        QCOMPARE(workflow["id"], json("traced"));
        QCOMPARE(workflow["nodes"].size(), std::size_t(5));
        for (const auto &node : workflow["nodes"])
            QVERIFY2(!node.contains("pin"), node.dump().c_str());
        QCOMPARE(workflow["nodes"][1]["config"]["headers"]["Authorization"], json("Bearer {{secret.CRM_TOKEN}}"));

        // Nothing the runtime stored holds the secret in clear.
        QVERIFY(!containsBytes(m_dir.filePath("data"), kSecret));
    }

    void unknownRunsAndCallersAreRefused()
    {
        const auto missing = m_serve->request("GET", "/admin/v1/apps/traced/runs/run-0000", {}, m_serve->adminToken());
        QCOMPARE(missing.status, 404L);
        QCOMPARE(missing.json()["error"]["type"], json("not_found"));
        QVERIFY(missing.json()["error"]["message"].get<std::string>().find("run-0000") != std::string::npos);
        const auto noApp = m_serve->request("GET", "/admin/v1/apps/nosuchapp/runs/run-0000", {}, m_serve->adminToken());
        QCOMPARE(noApp.status, 404L);
        QVERIFY(!noApp.json()["error"]["message"].get<std::string>().empty());
        const auto bad = m_serve->request("GET", "/admin/v1/apps/traced/runs/run.1", {}, m_serve->adminToken());
        QCOMPARE(bad.status, 400L);
        QCOMPARE(bad.json()["error"]["type"], json("invalid_request"));
        const std::string runId = newestRun("traced");
        QVERIFY(!runId.empty());
        const auto anonymous = m_serve->request("GET", "/admin/v1/apps/traced/runs/" + runId);
        QCOMPARE(anonymous.status, 401L);
        QVERIFY(anonymous.body.find("trace") == std::string::npos);
        const auto wrong = m_serve->request("GET", "/admin/v1/apps/traced/runs/" + runId, {}, "not-the-token");
        QCOMPARE(wrong.status, 403L);
        const auto post = m_serve->request("POST", "/admin/v1/apps/traced/runs/" + runId, "{}", m_serve->adminToken());
        QCOMPARE(post.status, 405L);
    }

    void flaggedPiiIsMaskedInTheTrace()
    {
        // The input guard only flags: the nodes see the number, the history does not.
        const json guard = {{"input", {{"checks", {{"pii", {{"types", {"id_card"}}}}}}, {"action", "flag"}}}};
        const auto deployed = m_serve->deploy("flagged", flowdeck::tests::deployBundle(echoApp("flagged", guard),
                                                                                      {{"settings", {{"public", true}}}}));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const auto answered = run("flagged", "ID " + kIdNumber);
        QVERIFY2(answered.status == 200, answered.body.c_str());
        const auto got = m_serve->request("GET", "/admin/v1/apps/flagged/runs/" + newestRun("flagged"), {}, m_serve->adminToken());
        QVERIFY2(got.status == 200, got.body.c_str());
        QVERIFY2(got.body.find(kIdNumber) == std::string::npos, got.body.c_str());
        const json trace = got.json()["run"]["trace"];
        QCOMPARE(trace["nodes"]["echo"]["status"], json("done"));
        QVERIFY2(trace["nodes"]["echo"]["outputs"]["text"].get<std::string>().find("[ID_CARD]") != std::string::npos,
                 trace.dump().c_str());
        QVERIFY(got.json()["source"].empty());  // deployed without a source
        QCOMPARE(got.json()["run"]["sourceVersion"], json(""));
    }

    void anOutputCheckKeepsNoNodeValues()
    {
        // With an output check, node values would show model text the guard did not check.
        const json guard = {{"output", {{"checks", {{"keywords", {{"lists", {{{"name", "banned"}, {"category", "illegal"},
                                                                                {"terms", {"炸药"}}}}}}}}}}}};
        const auto deployed = m_serve->deploy("guarded", flowdeck::tests::deployBundle(echoApp("guarded", guard),
                                                                                      {{"settings", {{"public", true}}}}));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const auto answered = run("guarded", "Grace");
        QVERIFY2(answered.status == 200, answered.body.c_str());
        const auto got = m_serve->request("GET", "/admin/v1/apps/guarded/runs/" + newestRun("guarded"), {}, m_serve->adminToken());
        QVERIFY2(got.status == 200, got.body.c_str());
        const json trace = got.json()["run"]["trace"];
        QCOMPARE(trace["order"], json({"start", "echo", "end"}));
        for (const auto &[id, node] : trace["nodes"].items()) {
            QCOMPARE(node["status"], json("done"));
            QVERIFY2(!node.contains("inputs") && !node.contains("outputs"), node.dump().c_str());
        }
        QVERIFY(got.json()["workflow"]["guard"].contains("output"));
    }

    void aResumedRunKeepsTheNodesBeforeItsPause()
    {
        const json wf = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "approve"}, {"name", "Approve"},
                         {"mode", "workflow"}, {"inputs", {{{"name", "name"}, {"required", true}}}},
                         {"nodes", {workflowNode("start", "start"), workflowNode("pre", "template", {{"template", "Hi {{start.name}}"}}),
                                    workflowNode("ask", "human", {{"text", "Send it?"},
                                                                  {"actions", {{{"id", "send"}, {"label", "Send"}}}}}),
                                    workflowNode("post", "template", {{"template", "{{pre.text}}, sent"}}),
                                    workflowNode("end", "end", {{"outputs", {{"text", "{{post.text}}"}}}})}},
                         {"edges", {workflowEdge("start", "pre"), workflowEdge("pre", "ask"), workflowEdge("ask", "post", "send"),
                                    workflowEdge("post", "end")}}};
        const auto deployed = m_serve->deploy("approve", flowdeck::tests::deployBundle(wf, {{"settings", {{"public", true}}}}));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const auto paused = run("approve", "Mei");
        QVERIFY2(paused.status == 202, paused.body.c_str());
        const std::string runId = paused.json().value("runId", "");
        const std::string token = paused.json()["tokens"][0];
        const std::string path = "/admin/v1/apps/approve/runs/" + runId;
        json got = admin(path);
        QCOMPARE(got["run"]["status"], json("paused"));
        QCOMPARE(got["run"]["trace"]["nodes"]["pre"]["outputs"]["text"], json("Hi Mei"));
        QCOMPARE(got["run"]["trace"]["nodes"]["ask"]["status"], json("running"));

        const auto answered = m_serve->request("POST", "/v1/apps/approve/forms/" + token, json{{"action", "send"}}.dump());
        QVERIFY2(answered.status == 200, answered.body.c_str());
        got = admin(path);
        QCOMPARE(got["run"]["status"], json("succeeded"));
        const json &trace = got["run"]["trace"];
        QVERIFY2(trace["order"].size() >= 4, trace.dump().c_str());
        QCOMPARE(json(std::vector<json>(trace["order"].begin(), trace["order"].begin() + 4)), json({"start", "pre", "ask", "post"}));
        QCOMPARE(trace["nodes"]["pre"]["outputs"]["text"], json("Hi Mei"));  // from before the pause
        QCOMPARE(trace["nodes"]["ask"]["status"], json("done"));
        QCOMPARE(trace["nodes"]["post"]["outputs"]["text"], json("Hi Mei, sent"));
    }

    void deployRecordsAProjectVersion()
    {
        namespace fs = std::filesystem;
        const fs::path folder = m_dir.filePath("project").toStdString();
        fs::create_directories(folder);
        const QString file = QString::fromStdString((folder / "versioned.flow.json").string());
        QFile flow(file);
        QVERIFY(flow.open(QIODevice::WriteOnly));
        flow.write(echoApp("versioned", json::object()).dump(2).c_str());
        flow.close();

        // No history: deployed as before, and no history is made.
        auto [plainCode, plainErr] = deployCli(file, {"--public"});
        QVERIFY2(plainCode == 0, qPrintable(plainErr));
        QVERIFY(!fs::exists(folder / ".git"));
        QVERIFY(!admin("/admin/v1/apps/versioned")["source"].contains("version"));

        auto history = flowdeck::engine::ProjectHistory::open(folder);
        QVERIFY(history);
        QVERIFY(history.value()->record("First draft", "save"));
        auto [code, err] = deployCli(file, {"--public", "-m", "Ship the echo"});
        QVERIFY2(code == 0, qPrintable(err));
        const auto versions = history.value()->list();
        QCOMPARE(versions.size(), std::size_t(2));
        const auto &deployed = versions.front();
        QCOMPARE(deployed.kind, std::string("deploy"));
        QCOMPARE(deployed.target, m_serve->url(""));
        QCOMPARE(deployed.message, std::string("Ship the echo"));
        QVERIFY2(err.contains(QString::fromStdString(deployed.shortId())), qPrintable(err));
        const json described = admin("/admin/v1/apps/versioned");
        QCOMPARE(described["source"]["version"], json(deployed.id));
        QCOMPARE(described["source"]["message"], json("Ship the echo"));
        QCOMPARE(described["source"]["time"], json(deployed.time));
        QCOMPARE(described["source"]["path"], json((folder / "versioned.flow.json").string()));
        QCOMPARE(described["versions"].size(), std::size_t(2));
        QVERIFY(!described["versions"][0]["source"].contains("version"));  // the deploy before the history
        QCOMPARE(described["versions"][1]["source"]["version"], json(deployed.id));

        // Its runs carry the version.
        QVERIFY(run("versioned", "Lin").status == 200);
        const auto got = m_serve->request("GET", "/admin/v1/apps/versioned/runs/" + newestRun("versioned"), {},
                                          m_serve->adminToken());
        QCOMPARE(got.json()["run"]["sourceVersion"], json(deployed.id));
        QCOMPARE(got.json()["source"]["version"], json(deployed.id));

        // A deploy the runtime refuses is not a version: the one recorded before the upload
        // is taken back, and the live app keeps its source.
        auto [refusedCode, refusedErr] = deployCli(file, {"--public"}, "not-the-admin-token");
        QVERIFY(refusedCode != 0);
        QVERIFY2(refusedErr.contains("was taken back"), qPrintable(refusedErr));
        QCOMPARE(history.value()->list().size(), std::size_t(2));
        QCOMPARE(history.value()->head()->id, deployed.id);
        QCOMPARE(admin("/admin/v1/apps/versioned")["source"]["version"], json(deployed.id));

        // --no-history records nothing and sends no version.
        auto [skipCode, skipErr] = deployCli(file, {"--public", "--no-history"});
        QVERIFY2(skipCode == 0, qPrintable(skipErr));
        QCOMPARE(history.value()->list().size(), std::size_t(2));
        QVERIFY(!admin("/admin/v1/apps/versioned")["source"].contains("version"));
    }
};

QTEST_GUILESS_MAIN(TestRunTraces)
#include "tst_runtraces.moc"
