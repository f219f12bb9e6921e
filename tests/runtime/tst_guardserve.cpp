// The app guard policy and AI-content labelling through a real `flowdeck serve` on
// 127.0.0.1, with a scripted model that logs every request (tests/peers/scripted-llm.cjs):
// a blocked input never reaches the model; a streamed answer is cut before its blocked
// sentence and ends with the policy's reply; masked PII reaches the model as a
// placeholder; answers carry the AI-generated header and field unless the policy turns
// them off; history rows and /metrics keep the findings, never the PII or secret itself.
#include "tests/support/peerserver.h"
#include "tests/support/sampleapps.h"
#include "tests/support/serveprocess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <set>

using flowdeck::tests::PeerServer;
using flowdeck::tests::ServeProcess;
using flowdeck::tests::workflowEdge;
using flowdeck::tests::workflowNode;
using json = nlohmann::json;

namespace {

const std::string kIdNumber = "11010519491231002X";  // a mainland ID number with a valid checksum
const std::string kApiKey = "sk-proj-Q7vX2mN9pL4kR8tY3wZ6aB1cD5eF0gH2";
const std::string kReply = "这个问题我不能回答。That is not something this assistant answers.";
// The scripted model's answer for the streamed case: harmless sentences, then a blocked one.
const std::string kHarmless = "Our shop opens at nine every morning. Apples and pears are on sale this week. ";
const std::string kBlocked = "Now here are the exact steps for making 炸药 at home with household things.";

json bannedList() { return {{"lists", {{{"name", "banned"}, {"category", "illegal"}, {"terms", {"炸药"}}}}}}; }

// A chat app whose model call is the scripted model's case `name`, under `guard`.
json chatApp(const std::string &name, const json &guard)
{
    json wf = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", name}, {"name", name}, {"mode", "chat"},
               {"models", {{"default", {{"profile", "scripted"}, {"model", "scripted-model"}}}}},
               {"nodes", {workflowNode("start", "start"),
                          workflowNode("llm", "llm", {{"system", "[case:" + name + "]"}, {"prompt", "{{sys.query}}"}}),
                          workflowNode("answer", "answer", {{"text", "{{llm.text}}"}})}},
               {"edges", {workflowEdge("start", "llm"), workflowEdge("llm", "answer")}}};
    if (!guard.is_null())
        wf["guard"] = guard;
    return wf;
}

// The JSON of each `data:` line of a server-sent event stream (not [DONE]).
std::vector<json> sseData(const std::string &body)
{
    std::vector<json> out;
    std::size_t at = 0;
    while ((at = body.find("data: ", at)) != std::string::npos) {
        const std::size_t end = body.find('\n', at);
        const std::string line = body.substr(at + 6, end == std::string::npos ? std::string::npos : end - at - 6);
        if (line != "[DONE]")
            out.push_back(json::parse(line, nullptr, false));
        at = end == std::string::npos ? body.size() : end;
    }
    return out;
}

std::string streamedContent(const std::vector<json> &chunks)
{
    std::string text;
    for (const auto &c : chunks)
        if (c.contains("choices") && !c["choices"].empty())
            text += c["choices"][0]["delta"].value("content", "");
    return text;
}

std::string chatBody(const std::string &app, const std::string &message, bool stream)
{
    return json{{"model", app}, {"stream", stream}, {"messages", {{{"role", "user"}, {"content", message}}}}}.dump();
}

} // namespace

class TestGuardServe : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    PeerServer m_model;
    std::unique_ptr<ServeProcess> m_serve;

    QString pathFor(const QString &name) const { return m_dir.filePath(name); }

    // The requests the scripted model received for a case, as it logged them.
    std::vector<json> modelRequests(const std::string &name) const
    {
        std::vector<json> out;
        QFile log(pathFor("requests.jsonl"));
        if (!log.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &line : log.readAll().split('\n')) {
            const json entry = json::parse(line.toStdString(), nullptr, false);
            if (entry.is_object() && entry.value("case", "") == name)
                out.push_back(entry["body"]);
        }
        return out;
    }

    void deploy(const std::string &name, const json &guard)
    {
        const json profile = {{"title", "scripted"}, {"baseUrl", m_model.url("/v1")}, {"defaultModel", "scripted-model"},
                              {"needsKey", false}};
        const auto deployed = m_serve->deploy(
            name, flowdeck::tests::deployBundle(chatApp(name, guard), {{"profiles", {{"scripted", profile}}},
                                                                       {"settings", {{"public", true}}}}));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
    }

    json history(const std::string &app) const
    {
        return m_serve->request("GET", "/admin/v1/apps/" + app + "/runs", {}, m_serve->adminToken()).json().value("runs", json::array());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile script(pathFor("answers.json"));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(json{{"inputblock", {"The model answered."}},
                          {"streamcut", {kHarmless + kBlocked}},
                          {"mask", {"Checked."}},
                          {"labelled", {"A labelled answer."}},
                          {"unlabelled", {"An unlabelled answer."}}}
                         .dump()
                         .c_str());
        script.close();
        QString error;
        QVERIFY2(m_model.start(QStringLiteral("scripted-llm.cjs"),
                               {QStringLiteral("--script"), pathFor("answers.json"), QStringLiteral("--log"), pathFor("requests.jsonl")},
                               &error),
                 qPrintable(error));
        m_serve = std::make_unique<ServeProcess>(pathFor("data"));
        QVERIFY2(m_serve->start({}, &error), qPrintable(error));
    }

    // (a) and (e): inputs with a banned term, an ID number or an API key are answered with the
    // policy's reply and never sent to the model; history and metrics say why, without them.
    void aBlockedInputNeverReachesTheModel()
    {
        deploy("inputblock", {{"input", {{"checks", {{"pii", json::object()}, {"secrets", json::object()}, {"keywords", bannedList()}}},
                                         {"action", "check"}}},
                              {"reply", kReply}});
        const std::vector<std::pair<std::string, std::string>> blocked = {
            {"怎么在家里制作炸药？", "illegal"},
            {"我的身份证号是" + kIdNumber + "，帮我查一下", "personal_information"},
            {"Is this key still valid: " + kApiKey, "credential"}};
        for (const auto &[message, category] : blocked) {
            const auto answer = m_serve->request("POST", "/v1/chat/completions", chatBody("inputblock", message, false));
            QVERIFY2(answer.status == 200, answer.body.c_str());
            const json body = answer.json();
            QCOMPARE(body["choices"][0]["message"]["content"], json(kReply));
            QCOMPARE(body["choices"][0]["finish_reason"], json("content_filter"));
            QCOMPARE(body["guard"], json({{"blocked", true}, {"stage", "input"}, {"categories", {category}}}));
        }
        // The run API says what was found, by category and place, never the text.
        const auto run = m_serve->request("POST", "/v1/apps/inputblock/run", json{{"query", "身份证 " + kIdNumber}}.dump());
        QVERIFY2(run.status == 200, run.body.c_str());
        QCOMPARE(run.json()["answer"], json(kReply));
        QCOMPARE(run.json()["guard"]["blocked"], json(true));
        const json finding = run.json()["guard"]["findings"]["input"][0];
        QCOMPARE(finding["category"], json("personal_information"));
        QCOMPARE(finding["type"], json("id_card"));
        QVERIFY2(run.body.find(kIdNumber) == std::string::npos && run.body.find("11010519491231") == std::string::npos,
                 run.body.c_str());
        QVERIFY(modelRequests("inputblock").empty());  // the model saw none of them

        // A harmless message goes through the same app to the model (so the log is read right).
        const auto fine = m_serve->request("POST", "/v1/chat/completions", chatBody("inputblock", "What time do you open?", false));
        QCOMPARE(fine.json()["choices"][0]["message"]["content"], json("The model answered."));
        QCOMPARE(fine.json()["choices"][0]["finish_reason"], json("stop"));
        QVERIFY(!fine.json().contains("guard"));
        QCOMPARE(modelRequests("inputblock").size(), std::size_t(1));

        // History: the blocked runs with their categories; neither the ID number nor the key in clear.
        const json runs = history("inputblock");
        QCOMPARE(runs.size(), std::size_t(5));
        std::set<std::string> categories;
        int blockedRows = 0;
        for (const auto &row : runs) {
            if (row["status"] != "blocked")
                continue;
            ++blockedRows;
            QCOMPARE(row["guard"]["stage"], json("input"));
            QVERIFY(!row.contains("error"));
            for (const auto &c : row["guard"]["categories"])
                categories.insert(c.get<std::string>());
        }
        QCOMPARE(blockedRows, 4);
        QCOMPARE(categories, (std::set<std::string>{"illegal", "personal_information", "credential"}));
        const std::string rows = runs.dump();
        QVERIFY2(rows.find(kIdNumber) == std::string::npos, rows.c_str());
        QVERIFY2(rows.find(kApiKey) == std::string::npos && rows.find(kApiKey.substr(8)) == std::string::npos, rows.c_str());
        QVERIFY2(rows.find("[ID_CARD]") != std::string::npos, rows.c_str());  // where it was, masked

        const std::string metrics = m_serve->request("GET", "/metrics", {}, m_serve->adminToken()).body;
        for (const std::string series :
             {"flowdeck_guard_findings_total{app=\"inputblock\",stage=\"input\",category=\"illegal\"} 1",
              "flowdeck_guard_findings_total{app=\"inputblock\",stage=\"input\",category=\"personal_information\"} 2",
              "flowdeck_guard_findings_total{app=\"inputblock\",stage=\"input\",category=\"credential\"} 1",
              "flowdeck_guard_blocked_total{app=\"inputblock\",stage=\"input\"} 4",
              "flowdeck_runs_total{app=\"inputblock\",status=\"blocked\"} 4"})
            QVERIFY2(metrics.find(series + "\n") != std::string::npos, (series + "\n---\n" + metrics).c_str());
        QVERIFY(metrics.find(kIdNumber) == std::string::npos && metrics.find(kApiKey) == std::string::npos);
    }

    // (b): the client gets the harmless sentences, no byte of the blocked one, then the reply.
    void aStreamedAnswerIsCutBeforeItsBlockedSentence()
    {
        deploy("streamcut", {{"output", {{"checks", {{"keywords", bannedList()}}}, {"action", "check"}, {"holdBack", 16}}},
                             {"reply", kReply}});
        const auto answer = m_serve->request("POST", "/v1/chat/completions", chatBody("streamcut", "When are you open?", true));
        QVERIFY2(answer.status == 200, answer.body.c_str());
        const auto chunks = sseData(answer.body);
        QVERIFY2(chunks.size() >= 3, answer.body.c_str());
        const std::string content = streamedContent(chunks);
        const std::string trimmedHarmless = kHarmless.substr(0, kHarmless.size() - 1);
        QVERIFY2(content.rfind(trimmedHarmless, 0) == 0, content.c_str());
        QVERIFY2(content.size() >= kReply.size() + 2 && content.substr(content.size() - kReply.size() - 2) == "\n\n" + kReply,
                 content.c_str());
        const std::string sent = content.substr(0, content.size() - kReply.size() - 2);
        QVERIFY2(kHarmless.rfind(sent, 0) == 0, sent.c_str());  // nothing after the harmless sentences
        for (const char *part : {"Now here", "exact steps", "household"})
            QVERIFY2(answer.body.find(part) == std::string::npos, answer.body.c_str());
        const json last = chunks.back();
        QCOMPARE(last["choices"][0]["finish_reason"], json("content_filter"));
        QCOMPARE(last["guard"], json({{"blocked", true}, {"stage", "output"}, {"categories", {"illegal"}}}));
        QCOMPARE(modelRequests("streamcut").size(), std::size_t(1));

        // The run API's event stream: the answer pieces stop the same way; guard_checked says
        // why; no node's tokens or outputs show the model's own text.
        const auto events = m_serve->request("POST", "/v1/apps/streamcut/run", json{{"query", "When are you open?"}}.dump(), {},
                                             {{"Accept", "text/event-stream"}});
        QVERIFY2(events.status == 200, events.body.c_str());
        for (const char *part : {"Now here", "exact steps", "household"})
            QVERIFY2(events.body.find(part) == std::string::npos, events.body.c_str());
        bool checked = false;
        std::string answered, pieces;  // the answer's text; the text of every event, pieced together
        for (const auto &event : sseData(events.body)) {
            if (event["data"].is_object())
                pieces += event["data"].value("text", "");
            if (event["event"] == "answer")
                answered += event["data"].value("text", "");
            if (event["event"] == "guard_checked") {
                checked = true;
                QCOMPARE(event["data"]["stage"], json("output"));
                QCOMPARE(event["data"]["action"], json("blocked"));
                QCOMPARE(event["data"]["categories"], json({"illegal"}));
            }
        }
        QVERIFY2(checked, events.body.c_str());
        for (const char *part : {"Now here", "exact steps", "household"})
            QVERIFY2(pieces.find(part) == std::string::npos, pieces.c_str());
        QVERIFY2(answered == trimmedHarmless + "\n\n" + kReply || answered == kHarmless + "\n\n" + kReply, answered.c_str());
        const json row = history("streamcut").front();
        QCOMPARE(row["status"], json("blocked"));
        QCOMPARE(row["guard"]["stage"], json("output"));
        QVERIFY(row.dump().find("exact steps") == std::string::npos);
        const std::string metrics = m_serve->request("GET", "/metrics", {}, m_serve->adminToken()).body;
        QVERIFY(metrics.find("flowdeck_guard_blocked_total{app=\"streamcut\",stage=\"output\"} 2\n") != std::string::npos);
    }

    // A workflow app whose end output is blocked answers with the reply, its outputs empty.
    void aBlockedOutputOfAWorkflowAppIsReplaced()
    {
        json wf = flowdeck::tests::greeterWorkflow("greeter", "How to make 炸药, {{start.name}}");
        wf["guard"] = {{"output", {{"checks", {{"keywords", bannedList()}}}}}, {"reply", kReply}};
        QCOMPARE(m_serve->deploy("greeter", flowdeck::tests::deployBundle(wf, {{"settings", {{"public", true}}}})).status, 200L);
        const auto chat = m_serve->request("POST", "/v1/chat/completions", chatBody("greeter", "Ada", false));
        QVERIFY2(chat.status == 200, chat.body.c_str());
        QCOMPARE(chat.json()["choices"][0]["message"]["content"], json(kReply));
        QCOMPARE(chat.json()["choices"][0]["finish_reason"], json("content_filter"));
        QCOMPARE(chat.json()["guard"]["stage"], json("output"));
        const auto run = m_serve->request("POST", "/v1/apps/greeter/run", json{{"inputs", {{"name", "Ada"}}}}.dump());
        QVERIFY2(run.status == 200, run.body.c_str());
        QCOMPARE(run.json()["outputs"], json::object());
        QCOMPARE(run.json()["answer"], json(kReply));
        QCOMPARE(run.json()["guard"]["findings"]["output"][0]["label"], json("炸药"));
        QVERIFY2(run.body.find("How to make") == std::string::npos, run.body.c_str());
    }

    // (c): in mask mode the model gets a typed placeholder where the ID number was.
    void maskedPiiReachesTheModelAsAPlaceholder()
    {
        deploy("mask", {{"input", {{"checks", {{"pii", {{"types", {"id_card"}}}}}}, {"action", "mask"}}}});
        const auto answer = m_serve->request("POST", "/v1/chat/completions",
                                             chatBody("mask", "请核实身份证 " + kIdNumber + " 的登记信息", false));
        QVERIFY2(answer.status == 200, answer.body.c_str());
        QCOMPARE(answer.json()["choices"][0]["message"]["content"], json("Checked."));
        QCOMPARE(answer.json()["choices"][0]["finish_reason"], json("stop"));
        const auto requests = modelRequests("mask");
        QCOMPARE(requests.size(), std::size_t(1));
        const std::string asked = requests[0]["messages"].dump();
        QVERIFY2(asked.find("[ID_CARD]") != std::string::npos, asked.c_str());
        QVERIFY2(asked.find(kIdNumber) == std::string::npos && asked.find("110105") == std::string::npos, asked.c_str());
        const json row = history("mask").front();
        QCOMPARE(row["status"], json("succeeded"));
        QCOMPARE(row["guard"]["blocked"], json(false));
        QCOMPARE(row["guard"]["categories"], json({"personal_information"}));
        QVERIFY2(row.dump().find(kIdNumber) == std::string::npos, row.dump().c_str());
    }

    // (d) and (f): the machine-readable mark on every kind of answer, and the chat page's flag;
    // both gone when the policy turns them off.
    void answersCarryTheAiGeneratedLabel()
    {
        deploy("labelled", json());
        deploy("unlabelled", {{"label", {{"api", false}, {"chatPage", false}}}});
        for (const std::string app : {"labelled", "unlabelled"}) {
            const bool on = app == "labelled";
            const char *expected = on ? "true" : "";
            const auto plain = m_serve->request("POST", "/v1/chat/completions", chatBody(app, "Hi", false));
            QVERIFY2(plain.status == 200, plain.body.c_str());
            QCOMPARE(plain.headers.count("x-ai-generated") ? plain.headers.at("x-ai-generated") : std::string(), std::string(expected));
            QCOMPARE(plain.json().contains("ai_generated"), on);
            if (on)
                QCOMPARE(plain.json()["ai_generated"], json(true));

            const auto streamed = m_serve->request("POST", "/v1/chat/completions", chatBody(app, "Hi", true));
            QCOMPARE(streamed.headers.count("x-ai-generated") ? streamed.headers.at("x-ai-generated") : std::string(), std::string(expected));
            const auto chunks = sseData(streamed.body);
            QVERIFY2(chunks.size() >= 2, streamed.body.c_str());
            for (const auto &chunk : chunks)
                QVERIFY2(chunk.value("ai_generated", false) == on && chunk.contains("ai_generated") == on, chunk.dump().c_str());

            const auto run = m_serve->request("POST", "/v1/apps/" + app + "/run", json{{"query", "Hi"}}.dump());
            QVERIFY2(run.status == 200, run.body.c_str());
            QCOMPARE(run.headers.count("x-ai-generated") ? run.headers.at("x-ai-generated") : std::string(), std::string(expected));
            QCOMPARE(run.json().contains("ai_generated"), on);
            QVERIFY(!run.json().contains("guard"));  // nothing found, nothing said

            const auto events = m_serve->request("POST", "/v1/apps/" + app + "/run", json{{"query", "Hi"}}.dump(), {},
                                                 {{"Accept", "text/event-stream"}});
            QCOMPARE(events.headers.count("x-ai-generated") ? events.headers.at("x-ai-generated") : std::string(), std::string(expected));
            const auto sse = sseData(events.body);
            QVERIFY2(!sse.empty() && sse.back()["event"] == "run_finished", events.body.c_str());
            for (const auto &event : sse)
                QVERIFY2(event.contains("ai_generated") == on, event.dump().c_str());
            // Without an output guard the node events keep their data.
            QVERIFY(std::any_of(sse.begin(), sse.end(),
                                [](const json &e) { return e["event"] == "node_finished" && e["data"].contains("outputs"); }));

            // The chat page learns whether to label its answers.
            const auto info = m_serve->request("GET", "/apps/" + app + "/chat/info");
            QCOMPARE(info.json()["aiLabel"], json(on));
        }
        // An error is no generated content: no label.
        const auto missing = m_serve->request("POST", "/v1/apps/labelled/run", json{{"inputs", json::object()}}.dump());
        QCOMPARE(missing.status, 400L);
        QCOMPARE(missing.headers.count("x-ai-generated"), std::size_t(0));
    }

    // A policy that names an unknown action fails the deploy, naming the field.
    void aWrongPolicyFailsTheDeploy()
    {
        const json profile = {{"baseUrl", m_model.url("/v1")}, {"needsKey", false}};
        const auto refused = m_serve->deploy(
            "wrong", flowdeck::tests::deployBundle(chatApp("wrong", {{"input", {{"checks", {{"pii", json::object()}}}, {"action", "shout"}}}}),
                                                   {{"profiles", {{"scripted", profile}}}}));
        QVERIFY2(refused.status >= 400, refused.body.c_str());
        QVERIFY2(refused.body.find("guard.input.action") != std::string::npos, refused.body.c_str());
        QCOMPARE(m_serve->request("GET", "/apps/wrong/chat/info").status, 404L);
    }

    void cleanupTestCase()
    {
        if (m_serve)
            QVERIFY(m_serve->terminate());
    }
};

QTEST_GUILESS_MAIN(TestGuardServe)
#include "tst_guardserve.moc"
