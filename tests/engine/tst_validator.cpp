#include "engine/core/jsonschema.h"
#include "engine/nodes/noderegistry.h"
#include "engine/workflow/validator.h"
#include "engine/workflow/workflowfile.h"
#include "tests/support/runharness.h"

#include <QtTest>

using namespace flowdeck::engine;
using flowdeck::tests::RunHarness;

namespace {

// Building blocks for small workflows (the harness fills in the format fields).
const char *kStart = R"({"id": "start", "type": "start"})";
const char *kEndT = R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{t.text}}"}}})";
const char *kAnswer = R"({"id": "answer", "type": "answer", "config": {"text": "{{reply.text}}"}})";
const char *kStartT = R"({"from": "start", "to": "t"})";
const char *kTEnd = R"({"from": "t", "to": "end"})";
const char *kStartReply = R"({"from": "start", "to": "reply"})";
const char *kReplyAnswer = R"({"from": "reply", "to": "answer"})";

std::string tmpl(const std::string &id, const std::string &text)
{
    return nlohmann::json{{"id", id}, {"type", "template"}, {"config", {{"template", text}}}}.dump();
}

std::string llm(const std::string &config)
{
    return R"({"id": "reply", "type": "llm", "config": )" + config + "}";
}

QByteArray doc(const std::string &mode, const std::vector<std::string> &nodes, const std::vector<std::string> &edges)
{
    auto join = [](const std::vector<std::string> &parts) {
        std::string out;
        for (const auto &p : parts)
            out += (out.empty() ? "" : ", ") + p;
        return "[" + out + "]";
    };
    return QByteArray::fromStdString(R"({"mode": ")" + mode + R"(", "inputs": [{"name": "name"}],
        "models": {"default": {"profile": "p", "model": "m"}}, "nodes": )" + join(nodes) +
                                     R"(, "edges": )" + join(edges) + "}");
}

// The clean baselines each row breaks in one way.
QByteArray cleanWorkflow() { return doc("workflow", {kStart, tmpl("t", "Hi {{start.name}}"), kEndT}, {kStartT, kTEnd}); }
QByteArray cleanChat()
{
    return doc("chat", {kStart, llm(R"({"prompt": "{{sys.query}}"})"), kAnswer}, {kStartReply, kReplyAnswer});
}

QString describe(const Diagnostics &diags)
{
    QStringList out;
    for (const auto &d : diags)
        out << QString::fromStdString((d.isError() ? "error " : "warning ") + d.code + " [" + d.nodeId + "] " +
                                      d.field + ": " + d.message);
    return out.join('\n');
}

Diagnostics validate(const QByteArray &json)
{
    return validateWorkflow(RunHarness::workflow(nlohmann::json::parse(json.toStdString())), NodeRegistry::builtin());
}

} // namespace

class TestValidator : public QObject {
    Q_OBJECT

private slots:
    // A schema from outside (an MCP tool's input schema) with a "format" on a number, or
    // one valijson cannot parse, used to abort the process; now each is an error.
    void aSchemaValijsonCannotHandleIsAnErrorNotACrash()
    {
        auto schema = JsonSchema::compile(nlohmann::json::parse(
            R"({"type": "object", "properties": {"when": {"format": "date-time"}, "ids": {"type": "array", "format": "uri"}}})"));
        QVERIFY(schema);
        const auto violations = schema->validate({{"when", 5}, {"ids", {1, 2}}});
        QVERIFY(!violations.empty());
        QVERIFY2(violations.front().message.find("could not be checked") != std::string::npos, violations.front().message.c_str());
        std::string why;
        QVERIFY(!JsonSchema::compile(nlohmann::json::parse(R"({"type": 12, "$ref": 7})"), &why));
        QVERIFY(!why.empty());
    }

    void clean_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("workflow mode") << cleanWorkflow();
        QTest::newRow("chat mode") << cleanChat();
        QTest::newRow("secret in an http header") << doc("workflow",
            {kStart, R"({"id": "h", "type": "http", "config": {"url": "https://x/{{env.PATH_PART}}", )"
                     R"("headers": {"Authorization": "Bearer {{secret.API_KEY}}"}}})",
             R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{h.body}}", "s": "{{h.json.items[0].name}}"}}})"},
            {R"({"from": "start", "to": "h"})", R"({"from": "h", "to": "end"})"});
        QTest::newRow("error output of a continuing node") << doc("workflow",
            {kStart, R"({"id": "t", "type": "template", "onError": "continue", "config": {"template": "x"}})",
             R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{t.error}}"}}})"}, {kStartT, kTEnd});
        QTest::newRow("error branch") << doc("workflow",
            {kStart, R"({"id": "t", "type": "template", "onError": "branch", "config": {"template": "x"}})",
             tmpl("f", "failed"), kEndT},
            {kStartT, kTEnd, R"({"from": "t", "fromPort": "error", "to": "f"})", R"({"from": "f", "to": "end"})"});
        QTest::newRow("condition branches joined") << doc("workflow",
            {kStart, R"({"id": "c", "type": "condition", "config": {"cases": [{"id": "big",
               "conditions": [{"left": "{{start.name}}", "op": "not_empty"}]}]}})",
             tmpl("a", "A {{c.case}}"), tmpl("b", "B"),
             R"({"id": "j", "type": "aggregate", "config": {"values": ["{{a.text}}", "{{b.text}}"]}})",
             R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{j.value}}"}}})"},
            {R"({"from": "start", "to": "c"})", R"({"from": "c", "fromPort": "big", "to": "a"})",
             R"({"from": "c", "fromPort": "else", "to": "b"})", R"({"from": "a", "to": "j"})",
             R"({"from": "b", "to": "j"})", R"({"from": "j", "to": "end"})"});
        QTest::newRow("chat sys values and history") << doc("chat",
            {kStart, llm(R"({"prompt": "{{sys.query}} {{sys.history[0]}} {{sys.user}} {{sys.conversation_id}}",
                             "system": "Hi {{start.name}}", "model": "default"})"), kAnswer}, {kStartReply, kReplyAnswer});
    }
    void clean()
    {
        QFETCH(QByteArray, json);
        const Diagnostics diags = validate(json);
        QVERIFY2(diags.empty(), qPrintable(describe(diags)));
    }

    void problem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("nodeId");
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("error");
        QTest::addColumn<QString>("messageContains");
        const std::string S = kStart, E = kEndT;
        auto row = [](const char *name, QByteArray json, const char *code, const char *node, const char *field,
                      bool error = true, const char *contains = "") {
            QTest::newRow(name) << json << QString(code) << QString(node) << QString(field) << error << QString(contains);
        };
        row("duplicate-id", doc("workflow", {S, tmpl("t", "a"), tmpl("t", "b"), E}, {kStartT, kTEnd}),
            "duplicate-id", "t", "id");
        row("unknown-type", doc("workflow", {S, R"({"id": "x", "type": "magic"})", tmpl("t", "a"), E},
            {R"({"from": "start", "to": "x"})", R"({"from": "x", "to": "t"})", kTEnd}), "unknown-type", "x", "type", true, "magic");
        row("dangling-edge to", doc("workflow", {S, tmpl("t", "a"), E}, {kStartT, kTEnd, R"({"from": "t", "to": "ghost"})"}),
            "dangling-edge", "", "edges[2].to", true, "ghost");
        row("dangling-edge from", doc("workflow", {S, tmpl("t", "a"), E}, {kStartT, kTEnd, R"({"from": "ghost", "to": "end"})"}),
            "dangling-edge", "", "edges[2].from", true, "ghost");
        row("duplicate-edge", doc("workflow", {S, tmpl("t", "a"), E}, {kStartT, kTEnd, kStartT}),
            "duplicate-edge", "start", "edges[2]", false);
        row("error-port-unused", doc("workflow", {S, tmpl("t", "a"), E}, {kStartT, kTEnd, R"({"from": "t", "fromPort": "error", "to": "end"})"}),
            "error-port-unused", "t", "edges[2].fromPort");
        row("unknown-port", doc("workflow", {S, tmpl("t", "a"), E}, {kStartT, kTEnd, R"({"from": "t", "fromPort": "yes", "to": "end"})"}),
            "unknown-port", "t", "edges[2].fromPort", true, "(its ports: out)");
        row("unknown-port on condition default", doc("workflow",
            {S, R"({"id": "c", "type": "condition", "config": {"cases": [{"id": "big", "conditions": [{"left": "x", "op": "empty"}]}]}})",
             R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{c.case}}"}}})"},
            {R"({"from": "start", "to": "c"})", R"({"from": "c", "to": "end"})"}), "unknown-port", "c", "edges[1].fromPort", true, "big, else");
        row("edge-into-start", doc("workflow", {S, tmpl("t", "a"), E}, {kStartT, kTEnd, R"({"from": "end", "to": "start"})"}),
            "edge-into-start", "start", "edges[2].to");
        row("no-start", doc("workflow", {tmpl("t", "a"), E}, {kTEnd}), "no-start", "", "nodes");
        row("many-starts", doc("workflow", {S, R"({"id": "start2", "type": "start"})", tmpl("t", "a"), E},
            {kStartT, kTEnd, R"({"from": "start2", "to": "t"})"}), "many-starts", "start2", "type");
        row("cycle", doc("workflow", {S, tmpl("t", "a"), tmpl("u", "b"), E},
            {kStartT, kTEnd, R"({"from": "t", "to": "u"})", R"({"from": "u", "to": "t"})"}), "cycle", "t", "edges");
        row("unreachable", doc("workflow", {S, tmpl("t", "a"), tmpl("lonely", "b"), E}, {kStartT, kTEnd}),
            "unreachable", "lonely", "", false);
        row("no-end", doc("workflow", {S, tmpl("t", "a")}, {kStartT}), "no-end", "", "nodes", false);
        row("no-answer", doc("chat", {S, llm(R"({"prompt": "{{sys.query}}"})")}, {kStartReply}), "no-answer", "", "nodes", false);
        row("unknown-sys outside chat", doc("workflow", {S, tmpl("t", "{{sys.query}}"), E}, {kStartT, kTEnd}),
            "unknown-sys", "t", "config.template", true, "outside chat mode");
        row("unknown-sys in chat", doc("chat", {S, llm(R"({"prompt": "{{sys.nope}}"})"), kAnswer}, {kStartReply, kReplyAnswer}),
            "unknown-sys", "reply", "config.prompt", true, "sys.nope");
        row("secret-in-prompt", doc("chat", {S, llm(R"({"prompt": "{{sys.query}} {{secret.KEY}}"})"), kAnswer}, {kStartReply, kReplyAnswer}),
            "secret-in-prompt", "reply", "config.prompt", true, "{{secret.KEY}}");
        row("secret-in-prompt via system", doc("chat", {S, llm(R"({"prompt": "hi", "system": "Key: {{ secret.KEY }}"})"), kAnswer},
            {kStartReply, kReplyAnswer}), "secret-in-prompt", "reply", "config.system");
        // Regression: a secret in a template reached the prompt through {{t.text}}.
        row("secret-not-allowed in a template", doc("workflow", {S, tmpl("t", "key={{secret.KEY}}"), E}, {kStartT, kTEnd}),
            "secret-not-allowed", "t", "config.template", true, "{{secret.KEY}}");
        row("unknown-reference", doc("workflow", {S, tmpl("t", "{{ghost.text}}"), E}, {kStartT, kTEnd}),
            "unknown-reference", "t", "config.template", true, "ghost");
        row("not-upstream sibling", doc("workflow", {S, tmpl("a", "A"), tmpl("b", "{{a.text}}"),
            R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{a.text}}"}}})"},
            {R"({"from": "start", "to": "a"})", R"({"from": "start", "to": "b"})", R"({"from": "a", "to": "end"})",
             R"({"from": "b", "to": "end"})"}), "not-upstream", "b", "config.template", true, "'a'");
        row("not-upstream downstream", doc("workflow", {S, tmpl("t", "{{end.r}}"),
            R"({"id": "end", "type": "end", "config": {"outputs": {"r": "x"}}})"}, {kStartT, kTEnd}),
            "not-upstream", "t", "config.template");
        row("not-upstream itself", doc("workflow", {S, tmpl("t", "{{t.text}}"), E}, {kStartT, kTEnd}),
            "not-upstream", "t", "config.template");
        row("unknown-output template", doc("workflow", {S, tmpl("t", "a"),
            R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{t.nope}}"}}})"}, {kStartT, kTEnd}),
            "unknown-output", "end", "config.outputs.r", true, "(its outputs: text)");
        row("unknown-output llm", doc("chat", {S, llm(R"({"prompt": "hi"})"),
            R"({"id": "answer", "type": "answer", "config": {"text": "{{reply.txt}}"}})"}, {kStartReply, kReplyAnswer}),
            "unknown-output", "answer", "config.text", true, "text, json, reasoning, toolCalls, usage");
        row("unknown-output start input", doc("workflow", {S, tmpl("t", "{{start.age}}"), E}, {kStartT, kTEnd}),
            "unknown-output", "t", "config.template", true, "(its outputs: name)");
        row("config llm without prompt", doc("chat", {S, llm("{}"), kAnswer}, {kStartReply, kReplyAnswer}),
            "config", "reply", "config", true, "prompt");
        row("config temperature too high", doc("chat", {S, llm(R"({"prompt": "hi", "temperature": 5})"), kAnswer},
            {kStartReply, kReplyAnswer}), "config", "reply", "config.temperature");
        row("config http method", doc("workflow", {S, R"({"id": "h", "type": "http", "config": {"url": "https://x", "method": "FETCH"}})",
            R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{h.body}}"}}})"},
            {R"({"from": "start", "to": "h"})", R"({"from": "h", "to": "end"})"}), "config", "h", "config.method");
        row("config aggregate without values", doc("workflow", {S, R"({"id": "t", "type": "aggregate", "config": {"values": []}})",
            R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{t.value}}"}}})"}, {kStartT, kTEnd}),
            "config", "t", "config.values");
        row("config of the wrong shape", doc("workflow", {S, R"({"id": "c", "type": "condition", "config": {"cases": ["oops"]}})",
            R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{c.case}}"}}})"},
            {R"({"from": "start", "to": "c"})", R"({"from": "c", "fromPort": "else", "to": "end"})"}), "config", "c", "config.cases[0]");
        row("config model not text", doc("chat", {S, llm(R"({"prompt": "hi", "model": 5})"), kAnswer}, {kStartReply, kReplyAnswer}),
            "config", "reply", "config.model");
        row("wrong-mode answer in workflow", doc("workflow", {S, tmpl("t", "a"), E,
            R"({"id": "answer", "type": "answer", "config": {"text": "{{t.text}}"}})"},
            {kStartT, kTEnd, R"({"from": "t", "to": "answer"})"}), "wrong-mode", "answer", "type", true, "chat mode");
        row("wrong-mode end in chat", doc("chat", {S, llm(R"({"prompt": "hi"})"), kAnswer,
            R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{reply.text}}"}}})"},
            {kStartReply, kReplyAnswer, R"({"from": "reply", "to": "end"})"}), "wrong-mode", "end", "type", true, "workflow mode");
        const std::string cases = R"({"id": "c", "type": "condition", "config": {"cases": [
            {"id": "a", "conditions": [{"left": "x", "op": "empty"}]}, {"id": "%", "conditions": [{"left": "y", "op": "empty"}]}]}})";
        const std::string endC = R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{c.case}}"}}})";
        const std::vector<std::string> edgesC = {R"({"from": "start", "to": "c"})", R"({"from": "c", "fromPort": "a", "to": "end"})"};
        row("duplicate-case", doc("workflow", {S, QString::fromStdString(cases).replace("%", "a").toStdString(), endC}, edgesC),
            "duplicate-case", "c", "config.cases", true, "'a'");
        row("duplicate-case reserved else", doc("workflow", {S, QString::fromStdString(cases).replace("%", "else").toStdString(), endC},
            edgesC), "duplicate-case", "c", "config.cases", true, "'else'");
        row("unknown-model", doc("chat", {S, llm(R"({"prompt": "hi", "model": "fast"})"), kAnswer}, {kStartReply, kReplyAnswer}),
            "unknown-model", "reply", "config.model", true, "'fast'");
        row("malformed-reference", doc("workflow", {S, tmpl("t", "Hi {{start..name}}"), E}, {kStartT, kTEnd}),
            "malformed-reference", "t", "config.template");
        row("malformed-reference nested", doc("workflow", {S, tmpl("t", "a"),
            R"({"id": "end", "type": "end", "config": {"outputs": {"r": "{{t}}"}}})"}, {kStartT, kTEnd}),
            "malformed-reference", "end", "config.outputs.r");
        row("unclosed-reference", doc("workflow", {S, tmpl("t", "Hi {{start.name"), E}, {kStartT, kTEnd}),
            "unclosed-reference", "t", "config.template");
    }
    void problem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QString, nodeId);
        QFETCH(QString, field);
        QFETCH(bool, error);
        QFETCH(QString, messageContains);
        Diagnostics diags;
        try {
            diags = validate(json);
        } catch (const std::exception &e) {
            QFAIL(qPrintable(QString("validation threw: ") + e.what()));
        }
        Diagnostics matching;
        std::copy_if(diags.begin(), diags.end(), std::back_inserter(matching),
                     [&](const Diagnostic &d) { return d.code == code.toStdString(); });
        QVERIFY2(matching.size() == 1, qPrintable(describe(diags)));
        const Diagnostic &d = matching.front();
        QCOMPARE(QString::fromStdString(d.nodeId), nodeId);
        QCOMPARE(QString::fromStdString(d.field), field);
        QCOMPARE(d.isError(), error);
        QVERIFY(!d.message.empty());
        QVERIFY2(QString::fromStdString(d.message).contains(messageContains), d.message.c_str());
        // Only the broken thing is reported as an error (warnings such as unreachable may accompany it).
        if (!error)
            QVERIFY2(!hasErrors(diags), qPrintable(describe(diags)));
    }

    void everyProblemAtOnce()
    {
        const QByteArray json = doc("workflow",
            {kStart, R"({"id": "x", "type": "magic"})", tmpl("t", "{{ghost.text}} {{sys.query}}"),
             R"({"id": "reply", "type": "llm", "config": {"system": "{{secret.K}}"}})",
             R"({"id": "answer", "type": "answer", "config": {"text": "{{t.nope}}"}})"},
            {kStartT, R"({"from": "t", "to": "x"})", R"({"from": "t", "to": "reply"})", R"({"from": "reply", "to": "answer"})",
             R"({"from": "t", "to": "nowhere"})"});
        const Diagnostics diags = validate(json);
        QSet<QString> codes;
        for (const auto &d : diags)
            codes << QString::fromStdString(d.code);
        const QSet<QString> expected{"unknown-type", "unknown-reference", "unknown-sys", "secret-in-prompt", "config",
                                     "unknown-output", "wrong-mode", "dangling-edge", "no-end"};
        QVERIFY2(codes.contains(expected), qPrintable(describe(diags)));
        for (const auto &d : diags)
            if (d.code != "dangling-edge" && d.code != "no-end")
                QVERIFY2(!d.nodeId.empty(), d.code.c_str());
    }

    void configProblemsReportedTogether()
    {
        // A missing prompt (a problem of the config object itself) and a bad temperature
        // (a problem inside it) are both reported.
        const Diagnostics diags = validate(doc("chat", {kStart, llm(R"({"temperature": 5})"), kAnswer}, {kStartReply, kReplyAnswer}));
        QStringList fields;
        for (const auto &d : diags)
            if (d.code == "config")
                fields << QString::fromStdString(d.field);
        fields.sort();
        QVERIFY2(fields == (QStringList{"config", "config.temperature"}), qPrintable(describe(diags)));
    }

    void examples_data()
    {
        QTest::addColumn<QString>("path");
        const QString dir = QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/");
        for (const QString &name : QDir(dir).entryList({"*.flow.json"}, QDir::Files))
            QTest::newRow(qPrintable(name)) << dir + name;
    }
    void examples()
    {
        QFETCH(QString, path);
        auto wf = loadWorkflowFile(path.toStdString());
        QVERIFY(wf.ok());
        const Diagnostics diags = validateWorkflow(wf.value(), NodeRegistry::builtin());
        QVERIFY2(!hasErrors(diags), qPrintable(describe(diags)));
        if (!diags.empty())
            qWarning("%s", qPrintable(describe(diags)));
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
