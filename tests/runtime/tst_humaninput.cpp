// Human input, conversation variables and file inputs in a real `flowdeck serve` on
// 127.0.0.1: a run pauses at a human node (JSON and SSE), the runtime is killed and
// started again on the same data folder, and the form's answer finishes the run; wrong,
// unknown and repeated answers; a time limit taken by the sweeper; a run that goes on in
// the version it paused in; variables across the turns of a conversation; files sent as
// base64 JSON and as multipart/form-data, too large and of the wrong type.
#include "tests/support/sampleapps.h"
#include "tests/support/serveprocess.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using flowdeck::tests::ServeProcess;
using flowdeck::tests::workflowEdge;
using flowdeck::tests::workflowNode;
using json = nlohmann::json;

namespace {

json workflow(const std::string &id, json fields)
{
    json wf = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", id}, {"name", id}, {"mode", "workflow"}};
    wf.update(fields);
    return wf;
}

// Asks a person to approve an amount: approve (with a required note) or reject.
json approvalWorkflow(const std::string &approved = "approved: {{ask.note}} ({{start.amount}})")
{
    return workflow("approval",
                    {{"inputs", {{{"name", "amount"}, {"type", "number"}, {"required", true}}}},
                     {"nodes", {workflowNode("start", "start"),
                                workflowNode("ask", "human", {{"text", "Approve **{{start.amount}}**?"},
                                                      {"fields", {{{"name", "note"}, {"type", "text"}, {"required", true}}}},
                                                      {"actions", {{{"id", "approve"}, {"label", "Approve"}},
                                                                   {{"id", "reject"}, {"label", "Reject"}}}}}),
                                workflowNode("yes", "template", {{"template", approved}}),
                                workflowNode("no", "template", {{"template", "rejected"}}),
                                workflowNode("join", "aggregate", {{"values", {"{{yes.text}}", "{{no.text}}"}}}),
                                workflowNode("end", "end", {{"outputs", {{"result", "{{join.value}}"}, {"action", "{{ask.action}}"}}}})}},
                     {"edges", {workflowEdge("start", "ask"), workflowEdge("ask", "yes", "approve"), workflowEdge("ask", "no", "reject"),
                                workflowEdge("yes", "join"), workflowEdge("no", "join"), workflowEdge("join", "end")}}});
}

// The server-sent events of a body: [{event, data}].
std::vector<std::pair<std::string, json>> events(const std::string &body)
{
    std::vector<std::pair<std::string, json>> out;
    std::size_t at = 0;
    while (at < body.size()) {
        const std::size_t end = std::min(body.find("\n\n", at), body.size());
        const std::string block = body.substr(at, end - at);
        at = end + 2;
        std::string name, data;
        std::size_t line = 0;
        while (line < block.size()) {
            const std::size_t stop = std::min(block.find('\n', line), block.size());
            const std::string text = block.substr(line, stop - line);
            line = stop + 1;
            if (text.rfind("event: ", 0) == 0)
                name = text.substr(7);
            else if (text.rfind("data: ", 0) == 0)
                data += text.substr(6);
        }
        if (!name.empty())
            out.emplace_back(name, json::parse(data, nullptr, false));
    }
    return out;
}

json historyOf(const ServeProcess &serve, const std::string &app, const std::string &runId)
{
    const json runs = serve.request("GET", "/admin/v1/apps/" + app + "/runs", {}, serve.adminToken()).json();
    for (const auto &run : runs.value("runs", json::array()))
        if (run.value("runId", "") == runId)
            return run;
    return json();
}

} // namespace

class TestHumanInput : public QObject {
    Q_OBJECT

private slots:
    void pausedRunSurvivesARestartAndFinishesWithTheAnswer()
    {
        QTemporaryDir data;
        auto serve = std::make_unique<ServeProcess>(data.path());
        QString error;
        QVERIFY2(serve->start({}, &error), qPrintable(error));
        auto deployed = serve->deploy("approval", flowdeck::tests::deployBundle(approvalWorkflow()));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const std::string key = serve->createKey("approval");

        // JSON: 202 with the form and its token.
        auto paused = serve->request("POST", "/v1/apps/approval/run", R"({"inputs": {"amount": 250}})", key);
        QVERIFY2(paused.status == 202, paused.body.c_str());
        const json pausedBody = paused.json();
        QCOMPARE(pausedBody["status"], json("paused"));
        QCOMPARE(pausedBody["tokens"].size(), std::size_t(1));
        const std::string token = pausedBody["tokens"][0];
        QCOMPARE(pausedBody["forms"][0]["token"], json(token));
        QCOMPARE(pausedBody["forms"][0]["form"]["text"], json("Approve **250**?"));
        QCOMPARE(pausedBody["forms"][0]["form"]["actions"].size(), std::size_t(2));
        QVERIFY(paused.body.find("snapshot") == std::string::npos);
        const std::string runId = pausedBody["runId"];
        QCOMPARE(historyOf(*serve, "approval", runId)["status"], json("paused"));

        // SSE: the form goes out as human_input_required, then run_paused with its token, and the stream ends.
        auto streamed = serve->request("POST", "/v1/apps/approval/run", R"({"inputs": {"amount": 12}})", key,
                                       {{"Accept", "text/event-stream"}});
        QCOMPARE(streamed.status, 200L);
        const auto sse = events(streamed.body);
        QVERIFY2(sse.size() >= 2, streamed.body.c_str());
        const auto asked = std::find_if(sse.begin(), sse.end(), [](const auto &e) { return e.first == "human_input_required"; });
        QVERIFY2(asked != sse.end(), streamed.body.c_str());
        const std::string streamedToken = asked->second["data"]["token"];
        QCOMPARE(asked->second["data"]["form"]["text"], json("Approve **12**?"));
        QCOMPARE(sse.back().first, std::string("run_paused"));
        QCOMPARE(sse.back().second["data"]["tokens"], json({streamedToken}));
        QVERIFY(streamed.body.find("snapshot") == std::string::npos);

        // The form can be read again; a wrong answer says what is wrong and leaves it waiting.
        const auto form = serve->request("GET", "/v1/apps/approval/forms/" + token, {}, key);
        QVERIFY2(form.status == 200, form.body.c_str());
        QCOMPARE(form.json()["form"]["fields"][0]["name"], json("note"));
        auto wrong = serve->request("POST", "/v1/apps/approval/forms/" + token, R"({"action": "approve", "values": {}})", key);
        QCOMPARE(wrong.status, 400L);
        QVERIFY2(wrong.json()["error"]["message"] == "The field 'note' is required.", wrong.body.c_str());
        wrong = serve->request("POST", "/v1/apps/approval/forms/" + token, R"({"action": "maybe"})", key);
        QCOMPARE(wrong.status, 400L);
        wrong = serve->request("POST", "/v1/apps/approval/forms/" + token, R"({"action": "timeout"})", key);
        QCOMPARE(wrong.status, 400L);
        const auto unknown = serve->request("POST", "/v1/apps/approval/forms/form-unknown", R"({"action": "approve"})", key,
                                            {{"Accept-Language", "zh-CN,zh;q=0.9"}});
        QCOMPARE(unknown.status, 404L);
        QVERIFY2(unknown.json()["error"]["message"] == "没有等待令牌“form-unknown”的表单：它已经被回应过，或者从未存在。",
                 unknown.body.c_str());
        QCOMPARE(serve->request("POST", "/v1/apps/approval/forms/" + token, R"({"action": "reject"})").status, 401L);

        // Killed: the paused runs are only in the data folder now.
        serve->kill();
        serve = std::make_unique<ServeProcess>(data.path());
        QVERIFY2(serve->start({}, &error), qPrintable(error));
        auto finished = serve->request("POST", "/v1/apps/approval/forms/" + token,
                                       R"({"action": "approve", "values": {"note": "fine"}})", key);
        QVERIFY2(finished.status == 200, finished.body.c_str());
        QCOMPARE(finished.json()["outputs"]["result"], json("approved: fine (250)"));
        QCOMPARE(finished.json()["outputs"]["action"], json("approve"));
        QCOMPARE(finished.json()["runId"], json(runId));
        // The same token again: the run went on, nothing waits for it.
        QCOMPARE(serve->request("POST", "/v1/apps/approval/forms/" + token, R"({"action": "approve", "values": {"note": "again"}})", key)
                     .status,
                 404L);
        QCOMPARE(serve->request("GET", "/v1/apps/approval/forms/" + token, {}, key).status, 404L);

        // The other one, answered with a stream of its events.
        const auto rest = serve->request("POST", "/v1/apps/approval/forms/" + streamedToken,
                                         R"({"action": "reject", "values": {"note": "too small"}})", key,
                                         {{"Accept", "text/event-stream"}});
        QCOMPARE(rest.status, 200L);
        const auto restEvents = events(rest.body);
        QVERIFY2(!restEvents.empty() && restEvents.back().first == "run_finished", rest.body.c_str());
        QCOMPARE(restEvents.back().second["data"]["outputs"]["result"], json("rejected"));

        // One row per run in the history: it began paused, and says how it was answered.
        const json row = historyOf(*serve, "approval", runId);
        QCOMPARE(row["status"], json("succeeded"));
        QCOMPARE(row["inputs"]["inputs"]["amount"], json(250));
        QCOMPARE(row["inputs"]["resumed"][0]["action"], json("approve"));
        QCOMPARE(row["outputs"]["outputs"]["result"], json("approved: fine (250)"));
        QVERIFY(serve->terminate());
    }

    void aFormsTimeLimitTakesTheTimeoutPort()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        const json wf = workflow("deadline", {{"nodes", {workflowNode("start", "start"),
                                                         workflowNode("ask", "human", {{"actions", {{{"id", "ok"}, {"label", "OK"}}}}, {"timeout", 1}}),
                                                         workflowNode("late", "template", {{"template", "nobody answered"}}),
                                                         workflowNode("end", "end", {{"outputs", {{"result", "{{late.text}}"}}}})}},
                                              {"edges", {workflowEdge("start", "ask"), workflowEdge("ask", "late", "timeout"), workflowEdge("late", "end")}}});
        auto deployed = serve.deploy("deadline", flowdeck::tests::deployBundle(wf, {{"settings", {{"public", true}}}}));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const auto paused = serve.request("POST", "/v1/apps/deadline/run", "{}");
        QVERIFY2(paused.status == 202, paused.body.c_str());
        QVERIFY(paused.json()["forms"][0]["deadlineMs"].get<std::int64_t>() > 0);
        const std::string runId = paused.json()["runId"];
        const std::string token = paused.json()["tokens"][0];
        // The run was suspended: it goes on only when the sweep finds its time limit passed.
        QTRY_VERIFY_WITH_TIMEOUT(historyOf(serve, "deadline", runId)["status"] == "succeeded", 20000);
        QCOMPARE(historyOf(serve, "deadline", runId)["outputs"]["outputs"]["result"], json("nobody answered"));
        QCOMPARE(serve.request("POST", "/v1/apps/deadline/forms/" + token, R"({"action": "ok"})").status, 404L);
    }

    void aRunGoesOnInTheVersionItPausedIn()
    {
        QTemporaryDir data;
        auto serve = std::make_unique<ServeProcess>(data.path());
        QString error;
        QVERIFY2(serve->start({}, &error), qPrintable(error));
        const json open = {{"settings", {{"public", true}}}};
        QCOMPARE(serve->deploy("approval", flowdeck::tests::deployBundle(approvalWorkflow(), open)).status, 200L);
        const std::string first = serve->request("POST", "/v1/apps/approval/run", R"({"inputs": {"amount": 1}})").json()["tokens"][0];
        const std::string second = serve->request("POST", "/v1/apps/approval/run", R"({"inputs": {"amount": 2}})").json()["tokens"][0];
        QCOMPARE(serve->deploy("approval", flowdeck::tests::deployBundle(approvalWorkflow("v2 says yes"), open)).json()["version"],
                 json(2));
        const auto answered = serve->request("POST", "/v1/apps/approval/forms/" + first, R"({"action": "approve", "values": {"note": "ok"}})");
        QVERIFY2(answered.status == 200, answered.body.c_str());
        QCOMPARE(answered.json()["outputs"]["result"], json("approved: ok (1)"));
        QCOMPARE(answered.json()["version"], json(1));

        // Version 1 gone from the data folder: the run cannot go on, and says why.
        QVERIFY(serve->terminate());
        QVERIFY(QDir(data.filePath("apps/approval/versions/1")).removeRecursively());
        serve = std::make_unique<ServeProcess>(data.path());
        QVERIFY2(serve->start({}, &error), qPrintable(error));
        const auto gone = serve->request("POST", "/v1/apps/approval/forms/" + second, R"({"action": "approve", "values": {"note": "ok"}})");
        QCOMPARE(gone.status, 409L);
        QVERIFY2(gone.json()["error"]["message"].get<std::string>().find("version 1") != std::string::npos, gone.body.c_str());
    }

    void conversationVariablesLastAcrossTurnsAndRestarts()
    {
        QTemporaryDir data;
        auto serve = std::make_unique<ServeProcess>(data.path());
        QString error;
        QVERIFY2(serve->start({}, &error), qPrintable(error));
        json wf = workflow("memory", {{"mode", "chat"},
                                      {"variables", {{{"name", "topics"}, {"type", "array[string]"}}}},
                                      {"nodes", {workflowNode("start", "start"),
                                                 workflowNode("remember", "assigner", {{"items", {{{"variable", "conversation.topics"},
                                                                                           {"operation", "append"},
                                                                                           {"value", "{{sys.query}}"}}}}}),
                                                 workflowNode("reply", "answer", {{"text", "{{conversation.topics}}"}})}},
                                      {"edges", {workflowEdge("start", "remember"), workflowEdge("remember", "reply")}}});
        auto deployed = serve->deploy("memory", flowdeck::tests::deployBundle(wf, {{"settings", {{"public", true}}}}));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        auto say = [&](const std::string &text, const std::string &conversation) {
            const json body = {{"model", "memory"}, {"conversation_id", conversation},
                               {"messages", {{{"role", "user"}, {"content", text}}}}};
            const auto r = serve->request("POST", "/v1/chat/completions", body.dump());
            return r.json()["choices"][0]["message"]["content"].get<std::string>();
        };
        QCOMPARE(say("tea", "c1"), std::string(R"(["tea"])"));
        QCOMPARE(say("cake", "c1"), std::string(R"(["tea","cake"])"));
        QCOMPARE(say("soup", "c2"), std::string(R"(["soup"])"));
        // The run API carries the conversation id too; the variables are in the data folder.
        QVERIFY(serve->terminate());
        serve = std::make_unique<ServeProcess>(data.path());
        QVERIFY2(serve->start({}, &error), qPrintable(error));
        const auto run = serve->request("POST", "/v1/apps/memory/run", R"({"query": "pie", "conversation_id": "c1"})");
        QVERIFY2(run.status == 200, run.body.c_str());
        QCOMPARE(run.json()["answer"], json(R"(["tea","cake","pie"])"));
    }

    void fileInputsTakeBase64AndMultipart()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        const json wf = workflow("reader", {{"inputs", {{{"name", "doc"}, {"type", "file"}, {"required", true},
                                                         {"accept", {".txt", "text/markdown"}}, {"maxBytes", 1024}},
                                                        {{"name", "who"}, {"type", "text"}}}},
                                            {"nodes", {workflowNode("start", "start"),
                                                       workflowNode("read", "document", {{"files", "{{start.doc}}"}}),
                                                       workflowNode("end", "end", {{"outputs", {{"name", "{{start.doc.name}}"},
                                                                                        {"size", "{{start.doc.size}}"},
                                                                                        {"who", "{{start.who}}"},
                                                                                        {"text", "{{read.text}}"}}}})}},
                                            {"edges", {workflowEdge("start", "read"), workflowEdge("read", "end")}}});
        auto deployed = serve.deploy("reader", flowdeck::tests::deployBundle(wf, {{"settings", {{"public", true}}}}));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());

        // JSON with base64.
        const json asJson = {{"inputs", {{"who", "Ada"}, {"doc", {{"name", "notes.txt"}, {"type", "text/plain"},
                                                                  {"data", "SGVsbG8gZnJvbSBhIGZpbGUu"}}}}}};
        auto r = serve.request("POST", "/v1/apps/reader/run", asJson.dump());
        QVERIFY2(r.status == 200, r.body.c_str());
        QCOMPARE(r.json()["outputs"]["name"], json("notes.txt"));
        QVERIFY2(r.json()["outputs"]["text"].get<std::string>().find("Hello from a file.") != std::string::npos, r.body.c_str());
        // The run's folder went with the run.
        QVERIFY(QDir(data.filePath("uploads")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());

        // multipart/form-data, as curl -F sends it.
        const std::string boundary = "----flowdeck-test-7f3a";
        const std::string text = "# Report\n\nAll is well.\n";
        const std::string multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"who\"\r\n\r\nGrace\r\n--" +
                                      boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"report.md\"\r\n"
                                                 "Content-Type: text/markdown\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        const std::map<std::string, std::string> form = {{"Content-Type", "multipart/form-data; boundary=" + boundary}};
        r = serve.request("POST", "/v1/apps/reader/run", multipart, {}, form);
        QVERIFY2(r.status == 200, r.body.c_str());
        QCOMPARE(r.json()["outputs"]["who"], json("Grace"));
        QCOMPARE(r.json()["outputs"]["name"], json("report.md"));
        QCOMPARE(r.json()["outputs"]["size"], json(text.size()));
        QVERIFY2(r.json()["outputs"]["text"].get<std::string>().find("All is well.") != std::string::npos, r.body.c_str());

        // Too large: 413 naming the input; not one of the accepted types: 400.
        json big = asJson;
        big["inputs"]["doc"]["data"] = std::string(2000, 'A');
        r = serve.request("POST", "/v1/apps/reader/run", big.dump());
        QCOMPARE(r.status, 413L);
        QVERIFY2(r.json()["error"]["message"].get<std::string>().find("'doc'") != std::string::npos, r.body.c_str());
        const std::string tooLarge = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"big.txt\"\r\n\r\n" +
                                     std::string(1025, 'x') + "\r\n--" + boundary + "--\r\n";
        QCOMPARE(serve.request("POST", "/v1/apps/reader/run", tooLarge, {}, form).status, 413L);
        json image = asJson;
        image["inputs"]["doc"] = {{"name", "photo.png"}, {"type", "image/png"}, {"data", "iVBORw0KGgo="}};
        r = serve.request("POST", "/v1/apps/reader/run", image.dump());
        QCOMPARE(r.status, 400L);
        QVERIFY2(r.json()["error"]["message"].get<std::string>().find("'doc' takes files of these types") != std::string::npos,
                 r.body.c_str());
        // A path on the runtime's machine is not a file anyone may send.
        json path = asJson;
        path["inputs"]["doc"] = {{"name", "passwd"}, {"path", "/etc/passwd"}};
        QCOMPARE(serve.request("POST", "/v1/apps/reader/run", path.dump()).status, 400L);
        json notBase64 = asJson;
        notBase64["inputs"]["doc"]["data"] = "not base64!";
        QCOMPARE(serve.request("POST", "/v1/apps/reader/run", notBase64.dump()).status, 400L);
        const std::string broken = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"\r\n\r\nno end";
        QCOMPARE(serve.request("POST", "/v1/apps/reader/run", broken, {}, form).status, 400L);

        // Nor can a text input point the document node at the runtime's files: it reads only uploads.
        const json peek = workflow("peek", {{"inputs", {{{"name", "where"}, {"type", "text"}}}},
                                            {"nodes", {workflowNode("start", "start"),
                                                       workflowNode("read", "document", {{"files", "{{start.where}}"}}),
                                                       workflowNode("end", "end", {{"outputs", {{"text", "{{read.text}}"}}}})}},
                                            {"edges", {workflowEdge("start", "read"), workflowEdge("read", "end")}}});
        QCOMPARE(serve.deploy("peek", flowdeck::tests::deployBundle(peek, {{"settings", {{"public", true}}}})).status, 200L);
        QTemporaryDir elsewhere;
        QFile secret(elsewhere.filePath("secret.txt"));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("the runtime's own file");
        secret.close();
        r = serve.request("POST", "/v1/apps/peek/run", json({{"inputs", {{"where", secret.fileName().toStdString()}}}}).dump());
        QCOMPARE(r.status, 400L);
        QVERIFY2(r.body.find("not a file uploaded to this run") != std::string::npos, r.body.c_str());

        // The app as an MCP tool takes files the same way, and refuses a path there too.
        const std::map<std::string, std::string> mcp = {{"Accept", "application/json, text/event-stream"}};
        const auto init = serve.request("POST", "/apps/reader/mcp",
                                        R"({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
                                            "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}})",
                                        {}, mcp);
        QVERIFY2(init.status == 200, init.body.c_str());
        auto session = mcp;
        session["Mcp-Session-Id"] = init.headers.at("mcp-session-id");
        json call = {{"jsonrpc", "2.0"}, {"id", 2}, {"method", "tools/call"},
                     {"params", {{"name", "reader"}, {"arguments", {{"doc", asJson["inputs"]["doc"]}}}}}};
        r = serve.request("POST", "/apps/reader/mcp", call.dump(), {}, session);
        QVERIFY2(r.json()["result"]["structuredContent"]["text"].get<std::string>().find("Hello from a file.") != std::string::npos,
                 r.body.c_str());
        call["params"]["arguments"]["doc"] = path["inputs"]["doc"];
        r = serve.request("POST", "/apps/reader/mcp", call.dump(), {}, session);
        QVERIFY2(r.json()["error"]["code"] == -32602, r.body.c_str());
    }
};

QTEST_GUILESS_MAIN(TestHumanInput)
#include "tst_humaninput.moc"
