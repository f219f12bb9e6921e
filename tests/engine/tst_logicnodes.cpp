// The classifier, extractor, document and list nodes in real workflows: the model nodes
// against tests/peers/scripted-llm.cjs (a real HTTP server answering from a script and
// logging every request), the document node on real PDF, Office and CSV files made here.
#include "engine/model/structuredoutput.h"
#include "engine/nodes/structuredanswer.h"
#include "tests/support/runharness.h"
#include "tests/support/scriptedmodel.h"

#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QtTest>

#include <minizip/zip.h>

#include <fstream>

using namespace flowdeck::engine;
using flowdeck::tests::ScriptedModel;
using flowdeck::tests::RunHarness;
using flowdeck::tests::RunOutcome;
using json = nlohmann::json;

namespace {

json node(const std::string &id, const std::string &type, json config = json::object())
{
    return {{"id", id}, {"type", type}, {"config", std::move(config)}};
}

json edge(const std::string &from, const std::string &to, const std::string &port = {})
{
    json e = {{"from", from}, {"to", to}};
    if (!port.empty())
        e["fromPort"] = port;
    return e;
}

// start -> n -> end, with the end node's outputs; `models` binds "default" to a profile.
Workflow single(json n, json outputs, json inputs = json::array(), const std::string &profile = "scripted")
{
    const std::string id = n["id"];
    return RunHarness::workflow({{"inputs", std::move(inputs)},
                                 {"models", {{"default", {{"profile", profile}, {"model", "scripted-model"}}}}},
                                 {"nodes", {node("start", "start"), std::move(n), node("end", "end", {{"outputs", std::move(outputs)}})}},
                                 {"edges", {edge("start", id), edge(id, "end")}}});
}

bool logged(const RunOutcome &out, const std::string &level, const std::string &part)
{
    return std::any_of(out.events.begin(), out.events.end(), [&](const RunEvent &e) {
        return e.type == RunEventType::Log && e.data.value("level", "") == level &&
               e.data.value("message", "").find(part) != std::string::npos;
    });
}

void writeFile(const QString &path, const std::string &bytes)
{
    std::ofstream(path.toStdString(), std::ios::binary) << bytes;
}

// An Office file: a zip of these entries.
void writeZip(const QString &path, const std::vector<std::pair<std::string, std::string>> &entries)
{
    zipFile zip = zipOpen64(path.toUtf8().constData(), APPEND_STATUS_CREATE);
    for (const auto &[name, data] : entries) {
        zipOpenNewFileInZip64(zip, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6, 0);
        zipWriteInFileInZip(zip, data.data(), unsigned(data.size()));
        zipCloseFileInZip(zip);
    }
    zipClose(zip, nullptr);
}

const char *kClasses = R"([
  {"id": "refund", "name": "Refund", "description": "The customer wants money back.", "examples": ["I want my money back"]},
  {"id": "shipping", "name": "Shipping", "description": "Where a parcel is or when it arrives."}])";

const char *kParameters = R"([
  {"name": "name", "type": "string", "description": "Who paid", "required": true},
  {"name": "amount", "type": "number", "description": "The amount paid", "required": true},
  {"name": "currency", "type": "string", "enum": ["CNY", "USD"]},
  {"name": "items", "type": "array[string]"}])";

} // namespace

class TestLogicNodes : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ScriptedModel m_llm;

    QString pathFor(const QString &name) const { return m_dir.filePath(name); }

    void useScripted(RunHarness &h)
    {
        const std::string base = m_llm.url("/v1");
        const json profiles = {{"profiles",
                                {{"scripted", {{"baseUrl", base}, {"defaultModel", "scripted-model"}, {"needsKey", false}}},
                                 {"scripted-schema",
                                  {{"baseUrl", base}, {"defaultModel", "scripted-model"}, {"needsKey", false},
                                   {"structuredOutput", "json_schema"}}}}}};
        std::ofstream(pathFor("profiles.json").toStdString()) << profiles.dump();
        QVERIFY(h.profiles.loadFile(pathFor("profiles.json").toStdString()).empty());
    }

    // start(q) -> classifier -> a | b | o (one template per port) -> end.
    Workflow classifierFlow(json extra = json::object(), const std::string &profile = "scripted")
    {
        json config = {{"input", "{{start.q}}"}, {"classes", json::parse(kClasses)}};
        if (extra.is_object())
            config.update(extra);
        return RunHarness::workflow(
            {{"inputs", {{{"name", "q"}}}},
             {"models", {{"default", {{"profile", profile}, {"model", "scripted-model"}}}}},
             {"nodes", {node("start", "start"), node("cls", "classifier", config), node("a", "template", {{"template", "refund"}}),
                        node("b", "template", {{"template", "shipping"}}), node("o", "template", {{"template", "other"}}),
                        node("end", "end", {{"outputs", {{"class", "{{cls.class}}"}, {"id", "{{cls.class_id}}"},
                                                         {"confidence", "{{cls.confidence}}"}}}})}},
             {"edges", {edge("start", "cls"), edge("cls", "a", "refund"), edge("cls", "b", "shipping"), edge("cls", "o", "other"),
                        edge("a", "end"), edge("b", "end"), edge("o", "end")}}});
    }

    // start(data: json) -> list(config) -> end {result, first, last, count}.
    RunOutcome runList(json config, json data)
    {
        RunHarness h;
        config["list"] = "{{start.data}}";
        auto wf = single(node("l", "list", config),
                         {{"result", "{{l.result}}"}, {"first", "{{l.first}}"}, {"last", "{{l.last}}"}, {"count", "{{l.count}}"}},
                         {{{"name", "data"}, {"type", "json"}}});
        return h.run(wf, {{"data", data.dump()}});
    }

    RunOutcome runDocument(json files, const std::string &onFileError = "fail", std::vector<std::string> roots = {})
    {
        RunHarness h;
        h.services.fileRoots = std::move(roots);
        auto wf = single(node("doc", "document", {{"files", "{{start.files}}"}, {"onFileError", onFileError}}),
                         {{"text", "{{doc.text}}"}, {"pages", "{{doc.pages}}"}, {"errors", "{{doc.errors}}"}},
                         {{{"name", "files"}, {"type", "json"}}});
        return h.run(wf, {{"files", files.dump()}});
    }

    QString textPdf(const QString &name, const QStringList &pages)
    {
        QPdfWriter writer(pathFor(name));
        writer.setResolution(300);
        QPainter painter(&writer);
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 14));
        for (qsizetype p = 0; p < pages.size(); ++p) {
            if (p > 0)
                writer.newPage();
            painter.drawText(200, 300, pages[p]);
        }
        painter.end();
        return pathFor(name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_llm.start(&error), qPrintable(error));
    }

    // A deployed runtime lets the document node read only the run's uploads: a path from
    // a text input (or a link out of the folder) is refused, an upload is read.
    void deployedAppsReadOnlyTheirUploads()
    {
        QDir(m_dir.path()).mkpath("uploads");
        QFile upload(pathFor("uploads/note.txt"));
        QVERIFY(upload.open(QIODevice::WriteOnly));
        upload.write("uploaded text");
        upload.close();
        QFile outside(pathFor("secret.txt"));
        QVERIFY(outside.open(QIODevice::WriteOnly));
        outside.write("not for the app");
        outside.close();
        QVERIFY(QFile::link(pathFor("secret.txt"), pathFor("uploads/link.txt")));
        const std::vector<std::string> roots = {pathFor("uploads").toStdString()};
        auto ok = runDocument(pathFor("uploads/note.txt").toStdString(), "fail", roots);
        QCOMPARE(ok.status, RunStatus::Succeeded);
        QVERIFY(ok.outputs["text"].get<std::string>().find("uploaded text") != std::string::npos);
        for (const QString &path : {pathFor("secret.txt"), pathFor("uploads/link.txt"), pathFor("uploads/../secret.txt")}) {
            auto refused = runDocument(path.toStdString(), "fail", roots);
            QCOMPARE(refused.status, RunStatus::Failed);
            QVERIFY2(refused.error.find("a deployed app reads only its uploads") != std::string::npos, refused.error.c_str());
        }
    }

    void theNodesAreRegisteredWithChinese()
    {
        for (const char *type : {"classifier", "extractor", "document", "list"}) {
            const NodeDescriptor *d = NodeRegistry::builtin().find(type);
            QVERIFY2(d, type);
            QVERIFY(!d->titleZh.empty() && !d->descriptionZh.empty() && !d->icon.empty());
            QVERIFY(d->defaultOutputs);
        }
        QVERIFY(NodeRegistry::builtin().find("document")->asynchronous);
    }

    void providersTakeStructuredOutputAsDocumented()
    {
        const auto mode = [](const std::string &preset, const std::string &model) {
            for (const auto &p : ProfileStore::presets())
                if (p.name == preset)
                    return std::string(structuredOutputName(structuredOutputFor(p, model)));
            return std::string("no preset");
        };
        QCOMPARE(mode("openai", "gpt-4o-mini"), std::string("json_schema"));
        QCOMPARE(mode("vllm", ""), std::string("json_schema"));
        QCOMPARE(mode("dashscope", "qwen-plus"), std::string("json_schema"));
        QCOMPARE(mode("dashscope", "qwen-turbo"), std::string("json_object"));
        QCOMPARE(mode("deepseek", "deepseek-chat"), std::string("json_object"));
        QCOMPARE(mode("zhipu", "glm-4-flash"), std::string("json_object"));
        QCOMPARE(mode("lmstudio", ""), std::string("json_schema"));  // LM Studio refuses json_object
        QCOMPARE(mode("demo", "demo"), std::string("json_schema"));
        ProviderProfile own = ProviderProfile::fromJson("gateway", {{"baseUrl", "https://llm.example.com/v1"}}, nullptr);
        QCOMPARE(structuredOutputFor(own, "x"), StructuredOutput::JsonObject);
        own = ProviderProfile::fromJson("gateway", {{"baseUrl", "https://llm.example.com/v1"}, {"structuredOutput", "none"}}, nullptr);
        QCOMPARE(structuredOutputFor(own, "x"), StructuredOutput::PromptOnly);
        QCOMPARE(own.toJson()["structuredOutput"], json("none"));
    }

    void answersAreReadPastReasoningFencesAndProse()
    {
        QCOMPARE(withoutReasoning("<think>a {\"x\":1}</think>\n{\"x\":2}"), std::string("{\"x\":2}"));
        QCOMPARE(withoutReasoning("thinking aloud</think> done"), std::string("done"));
        QCOMPARE(withoutReasoning("ok <think>cut short"), std::string("ok"));
        QCOMPARE(findJsonObject("```json\n{\"a\": [1, \"}\"]}\n```"), json({{"a", {1, "}"}}}));
        QCOMPARE(findJsonObject("Use {name} as told. Here: {\"a\": 1} Hope it helps."), json({{"a", 1}}));
        QVERIFY(findJsonObject("[1, 2]").is_discarded());
        QVERIFY(findJsonObject("no json {here").is_discarded());
    }

    void classifierFollowsTheClassPortPastReasoning()
    {
        RunHarness h;
        useScripted(h);
        // The reasoning names another class; only the answer after it counts.
        m_llm.script("route", json::array({{{"reasoning_content", "{\"class_id\": \"other\"}"},
                                      {"content", "<think>maybe {\"class_id\": \"shipping\"}</think>\n```json\n"
                                                  "{\"class_id\": \"refund\", \"confidence\": 0.92}\n```"}}}));
        auto out = h.run(classifierFlow({{"instruction", "Prefer refund when money is mentioned."}}),
                         {{"q", "[case:route] I want my money back for order 17"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs, json({{"class", "Refund"}, {"id", "refund"}, {"confidence", 0.92}}));
        QVERIFY(out.has(RunEventType::NodeFinished, "a"));
        QVERIFY(out.has(RunEventType::NodeSkipped, "b") && out.has(RunEventType::NodeSkipped, "o"));
        QCOMPARE(out.first(RunEventType::NodeFinished, "cls")->data["port"], json("refund"));
        QVERIFY(out.nodesWith(RunEventType::Token).empty());  // the JSON is not streamed into the run
        const auto sent = m_llm.requests("route");
        QCOMPARE(sent.size(), std::size_t(1));
        QCOMPARE(sent[0]["response_format"], json({{"type", "json_object"}}));
        const std::string system = sent[0]["messages"][0]["content"];
        for (const char *part : {"\"refund\": Refund — The customer wants money back.", "Example: I want my money back",
                                 "\"other\": none of the classes above fits", "Prefer refund when money", "JSON"})
            QVERIFY2(system.find(part) != std::string::npos, part);
        QCOMPARE(sent[0]["messages"].back(), json({{"role", "user"}, {"content", "[case:route] I want my money back for order 17"}}));
    }

    void classifierSendsUnknownAnswersToOther_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("confidence");
        QTest::addColumn<QString>("warning");
        QTest::newRow("unknown id") << R"({"class_id": "billing", "confidence": 0.7})" << "other" << 0.7 << "'billing'";
        QTest::newRow("no json") << "I cannot decide." << "other" << -1.0 << "names no class";
        QTest::newRow("name in prose, percent") << R"(It is shipping: {"class": "Shipping", "confidence": "85"})"
                                                << "shipping" << 0.85 << "";
        QTest::newRow("other chosen") << R"({"class_id": "other", "confidence": 1})" << "other" << 1.0 << "";
    }
    void classifierSendsUnknownAnswersToOther()
    {
        QFETCH(QString, answer);
        QFETCH(QString, id);
        QFETCH(double, confidence);
        QFETCH(QString, warning);
        RunHarness h;
        useScripted(h);
        const std::string name = "unknown-" + std::to_string(qHash(answer));
        m_llm.script(name, json::array({answer.toStdString()}));
        auto out = h.run(classifierFlow(), {{"q", "[case:" + name + "] hello"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs["id"], json(id.toStdString()));
        QCOMPARE(out.outputs["class"], json(id == "other" ? "Other" : "Shipping"));
        QCOMPARE(out.outputs["confidence"], confidence < 0 ? json() : json(confidence));
        QCOMPARE(out.has(RunEventType::NodeFinished, "o"), id == "other");
        if (!warning.isEmpty())
            QVERIFY(logged(out, "warning", warning.toStdString()));
    }

    void classifierUsesJsonSchemaAndHistoryWhereAvailable()
    {
        RunHarness h;
        useScripted(h);
        m_llm.script("schema", json::array({R"({"class_id": "shipping", "confidence": 0.5})"}));
        json history = json::array();
        for (int i = 1; i <= 3; ++i) {
            history.push_back({{"role", "user"}, {"content", "q" + std::to_string(i)}});
            history.push_back({{"role", "assistant"}, {"content", "a" + std::to_string(i)}});
        }
        auto out = h.run(classifierFlow({{"history", 2}}, "scripted-schema"), {{"q", "[case:schema] where is it"}},
                         {{"history", history}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs["id"], json("shipping"));
        const auto sent = m_llm.requests("schema");
        QCOMPARE(sent.size(), std::size_t(1));
        const json &format = sent[0]["response_format"];
        QCOMPARE(format["type"], json("json_schema"));
        QCOMPARE(format["json_schema"]["strict"], json(true));
        QCOMPARE(format["json_schema"]["schema"]["properties"]["class_id"]["enum"], json({"refund", "shipping", "other"}));
        const json &messages = sent[0]["messages"];
        QCOMPARE(messages.size(), std::size_t(6));  // system, two turns of history, the input
        QCOMPARE(messages[1]["content"], json("q2"));
        QCOMPARE(messages[4]["content"], json("a3"));
    }

    void classifierAsksAgainWithoutAFormatTheProviderRefuses()
    {
        RunHarness h;
        useScripted(h);
        m_llm.script("refused", json::array({{{"status", 400}, {"error", "response_format json_schema is not supported"}},
                                       R"({"class_id": "refund", "confidence": 1})"}));
        auto out = h.run(classifierFlow({}, "scripted-schema"), {{"q", "[case:refused] money back"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs["id"], json("refund"));
        const auto sent = m_llm.requests("refused");
        QCOMPARE(sent.size(), std::size_t(2));
        QVERIFY(sent[0].contains("response_format"));
        QVERIFY(!sent[1].contains("response_format"));
        QVERIFY(logged(out, "warning", "structured-output setting"));
    }

    void classifierChecksItsClasses()
    {
        RunHarness h;
        json classes = json::parse(kClasses);
        classes.push_back({{"id", "refund"}, {"name", "Again"}});
        classes.push_back({{"id", "other"}, {"name", "Mine"}});
        auto out = h.run(classifierFlow({{"classes", classes}}));
        QVERIFY(!out.compiled);
        std::vector<std::string> codes;
        for (const auto &d : out.diagnostics)
            codes.push_back(d.code);
        QVERIFY(std::count(codes.begin(), codes.end(), "duplicate-class") == 1);
        QVERIFY(std::count(codes.begin(), codes.end(), "reserved-class") == 1);
        const NodeDescriptor *d = NodeRegistry::builtin().find("classifier");
        NodeSpec spec;
        spec.config = {{"classes", json::parse(kClasses)}};
        const auto ports = d->portsOf(spec);
        QCOMPARE(ports.size(), std::size_t(3));
        QCOMPARE(ports[1].id, std::string("shipping"));
        QCOMPARE(ports[2].id, std::string("other"));
        auto empty = h.run(classifierFlow(), {{"q", "   "}});
        QCOMPARE(empty.errorKind, ErrorKind::InvalidInput);
        QVERIFY(empty.error.find("input is empty") != std::string::npos);
    }

    void extractorFillsParametersWithJsonSchema()
    {
        RunHarness h;
        useScripted(h);
        m_llm.script("fill", json::array({"<think>the total is 12</think>```json\n{\"name\": \"Li Lei\", \"amount\": 12.5, "
                                    "\"currency\": \"CNY\", \"items\": [\"pen\", \"ink\"], \"extra\": 1}\n```"}));
        auto wf = single(node("ex", "extractor", {{"input", "{{start.text}}"}, {"parameters", json::parse(kParameters)},
                                                  {"instruction", "Amounts are in yuan unless said otherwise."}}),
                         {{"name", "{{ex.name}}"}, {"amount", "{{ex.amount}}"}, {"currency", "{{ex.currency}}"},
                          {"items", "{{ex.items}}"}, {"ok", "{{ex.__is_success}}"}, {"reason", "{{ex.__reason}}"}},
                         {{{"name", "text"}}}, "scripted-schema");
        auto out = h.run(wf, {{"text", "[case:fill] Li Lei paid 12.5 yuan for a pen and ink"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs, json({{"name", "Li Lei"}, {"amount", 12.5}, {"currency", "CNY"}, {"items", {"pen", "ink"}},
                                    {"ok", true}, {"reason", ""}}));
        const auto sent = m_llm.requests("fill");
        QCOMPARE(sent.size(), std::size_t(1));
        const json &format = sent[0]["response_format"];
        QCOMPARE(format["type"], json("json_schema"));
        QCOMPARE(format["json_schema"]["strict"], json(true));
        const json &schema = format["json_schema"]["schema"];
        QCOMPARE(schema["required"], json({"name", "amount", "currency", "items"}));  // strict mode: every key
        QCOMPARE(schema["properties"]["currency"]["enum"], json({"CNY", "USD", nullptr}));
        QCOMPARE(schema["properties"]["amount"]["type"], json("number"));
        const std::string system = sent[0]["messages"][0]["content"];
        QVERIFY(system.find("\"amount\" (a number, required): The amount paid") != std::string::npos);
        QVERIFY(system.find("Amounts are in yuan") != std::string::npos);
        QVERIFY(system.find("JSON Schema") == std::string::npos);  // the provider holds the schema
    }

    void extractorWritesTheSchemaIntoThePromptForJsonMode()
    {
        RunHarness h;
        useScripted(h);
        m_llm.script("jsonmode", json::array({R"({"name": "Wang", "amount": 3, "meta": {"k": 1}})"}));
        json parameters = json::parse(kParameters);
        parameters.push_back({{"name", "meta"}, {"type", "object"}});
        auto wf = single(node("ex", "extractor", {{"input", "{{start.text}}"}, {"parameters", parameters}}),
                         {{"meta", "{{ex.meta}}"}, {"currency", "{{ex.currency}}"}}, {{{"name", "text"}}});
        auto out = h.run(wf, {{"text", "[case:jsonmode] Wang paid 3"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs, json({{"meta", {{"k", 1}}}, {"currency", nullptr}}));
        const auto sent = m_llm.requests("jsonmode");
        QCOMPARE(sent[0]["response_format"], json({{"type", "json_object"}}));
        const std::string system = sent[0]["messages"][0]["content"];
        QVERIFY(system.find("The JSON must follow this JSON Schema") != std::string::npos);
        QVERIFY(system.find("\"additionalProperties\": false") != std::string::npos);

        // A free-form object cannot be held closed: json_schema is sent without strict.
        m_llm.script("loose", json::array({R"({"name": "Wang", "amount": 3})"}));
        auto loose = h.run(single(node("ex", "extractor", {{"input", "{{start.text}}"}, {"parameters", parameters}}),
                                  {{"ok", "{{ex.__is_success}}"}}, {{{"name", "text"}}}, "scripted-schema"),
                           {{"text", "[case:loose] Wang paid 3"}});
        QCOMPARE(loose.outputs["ok"], json(true));
        QCOMPARE(m_llm.requests("loose")[0]["response_format"]["json_schema"]["strict"], json(false));
    }

    void extractorAsksOnceMoreWithWhatWasWrong()
    {
        RunHarness h;
        useScripted(h);
        m_llm.script("retry", json::array({R"({"amount": "twelve", "currency": "EUR"})", R"({"name": "Li", "amount": 12})"}));
        auto wf = single(node("ex", "extractor", {{"input", "{{start.text}}"}, {"parameters", json::parse(kParameters)}}),
                         {{"name", "{{ex.name}}"}, {"amount", "{{ex.amount}}"}, {"ok", "{{ex.__is_success}}"}},
                         {{{"name", "text"}}});
        auto out = h.run(wf, {{"text", "[case:retry] Li paid twelve"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs, json({{"name", "Li"}, {"amount", 12}, {"ok", true}}));
        const auto sent = m_llm.requests("retry");
        QCOMPARE(sent.size(), std::size_t(2));
        const json &messages = sent[1]["messages"];
        QCOMPARE(messages.size(), sent[0]["messages"].size() + 2);
        QCOMPARE(messages[messages.size() - 2]["role"], json("assistant"));
        QCOMPARE(messages[messages.size() - 2]["content"], json(R"({"amount": "twelve", "currency": "EUR"})"));
        const std::string feedback = messages.back()["content"];
        for (const char *part : {"the required parameter 'name' is missing", "the parameter 'amount' must be a number",
                                 "the parameter 'currency' must be one of [\"CNY\",\"USD\"]"})
            QVERIFY2(feedback.find(part) != std::string::npos, part);
    }

    void extractorFailureIsABranchNotAnError()
    {
        RunHarness h;
        useScripted(h);
        m_llm.script("giveup", json::array({"I could not find anything.", R"({"amount": 5})"}));
        json cases = {{{"id", "failed"}, {"conditions", {{{"left", "{{ex.__is_success}}"}, {"op", "eq"}, {"right", "false"}}}}}};
        auto wf = RunHarness::workflow(
            {{"inputs", {{{"name", "text"}}}},
             {"models", {{"default", {{"profile", "scripted"}}}}},
             {"nodes", {node("start", "start"),
                        node("ex", "extractor", {{"input", "{{start.text}}"}, {"parameters", json::parse(kParameters)}}),
                        node("c", "condition", {{"cases", cases}}), node("bad", "template", {{"template", "{{ex.__reason}}"}}),
                        node("end", "end", {{"outputs", {{"reason", "{{bad.text}}"}, {"name", "{{ex.name}}"},
                                                         {"amount", "{{ex.amount}}"}}}})}},
             {"edges", {edge("start", "ex"), edge("ex", "c"), edge("c", "bad", "failed"), edge("bad", "end")}}});
        auto out = h.run(wf, {{"text", "[case:giveup] nothing here"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(m_llm.requests("giveup").size(), std::size_t(2));  // one retry, no more
        QCOMPARE(out.outputs["name"], json());
        QCOMPARE(out.outputs["amount"], json());  // a partial answer is not passed on
        const std::string reason = out.outputs["reason"];
        QVERIFY2(reason.find("even when asked again: the required parameter 'name' is missing") != std::string::npos,
                 reason.c_str());
        QVERIFY(m_llm.requests("giveup")[1]["messages"].back()["content"].get<std::string>().find("not a JSON object") !=
                std::string::npos);
    }

    void extractorChecksItsParameters()
    {
        RunHarness h;
        json parameters = json::parse(kParameters);
        parameters.push_back({{"name", "name"}, {"type", "string"}});
        parameters.push_back({{"name", "__is_success"}, {"type", "boolean"}});
        parameters.push_back({{"name", "flag"}, {"type", "boolean"}, {"enum", {"yes"}}});
        auto out = h.run(single(node("ex", "extractor", {{"input", "x"}, {"parameters", parameters}}), {{"n", "{{ex.name}}"}}));
        QVERIFY(!out.compiled);
        std::vector<std::string> codes;
        for (const auto &d : out.diagnostics)
            codes.push_back(d.code);
        for (const char *code : {"duplicate-parameter", "reserved-parameter", "parameter-enum"})
            QVERIFY2(std::count(codes.begin(), codes.end(), code) == 1, code);

        json unknownType = json::parse(kParameters);
        unknownType.push_back({{"name", "when"}, {"type", "date"}});
        QVERIFY(!h.run(single(node("ex", "extractor", {{"input", "x"}, {"parameters", unknownType}}), {{"n", "{{ex.name}}"}}))
                     .compiled);
        auto missingOutput = h.run(single(node("ex", "extractor", {{"input", "x"}, {"parameters", json::parse(kParameters)}}),
                                          {{"n", "{{ex.phone}}"}}));
        QVERIFY(!missingOutput.compiled);
        QCOMPARE(missingOutput.diagnostics.front().code, std::string("unknown-output"));
    }

    void documentMarksPdfPages()
    {
        const QString pdf = textPdf("invoice.pdf", {"Invoice total 1234", "Paid by bank transfer"});
        auto out = runDocument(pdf.toStdString());
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        const std::string text = out.outputs["text"];
        QCOMPARE(text, std::string("--- page 1 ---\nInvoice total 1234\n\n--- page 2 ---\nPaid by bank transfer"));
        QCOMPARE(out.outputs["pages"],
                 json({{{"file", "invoice.pdf"}, {"location", "page 1"}, {"text", "Invoice total 1234"}},
                       {{"file", "invoice.pdf"}, {"location", "page 2"}, {"text", "Paid by bank transfer"}}}));
    }

    void documentReadsSeveralFilesWithFileAndSheetMarkers()
    {
        const std::string workbook = R"(<workbook xmlns="urn:ooxml" xmlns:r="urn:ooxml"><sheets>
<sheet name="Orders" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>)";
        const std::string rels = R"(<Relationships xmlns="urn:ooxml">
<Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>)";
        const std::string orders = R"(<worksheet xmlns="urn:ooxml"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Item</t></is></c><c r="B1" t="inlineStr"><is><t>Qty</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Pen</t></is></c><c r="B2"><v>3</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>Ink</t></is></c><c r="B3"><v>1</v></c></row></sheetData></worksheet>)";
        const std::string notes = R"(<worksheet xmlns="urn:ooxml"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Deliver Monday</t></is></c></row></sheetData></worksheet>)";
        writeZip(pathFor("orders.xlsx"), {{"xl/workbook.xml", workbook}, {"xl/_rels/workbook.xml.rels", rels},
                                         {"xl/worksheets/sheet1.xml", orders}, {"xl/worksheets/sheet2.xml", notes}});
        writeZip(pathFor("memo.docx"), {{"[Content_Types].xml", "<Types xmlns=\"urn:ooxml\"/>"},
                                       {"word/document.xml", R"(<w:document xmlns:w="urn:ooxml"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Memo</w:t></w:r></w:p>
<w:p><w:r><w:t>Call the supplier.</w:t></w:r></w:p></w:body></w:document>)"}});
        // An upload kept under a name without its extension: its type comes from the file value.
        writeFile(pathFor("upload-7f3a"), "city,total\nShanghai,12\n");
        const json files = {pathFor("orders.xlsx").toStdString(), pathFor("memo.docx").toStdString(),
                            {{"name", "totals.csv"}, {"path", pathFor("upload-7f3a").toStdString()}, {"size", 25},
                             {"type", "text/csv"}}};
        auto out = runDocument(files);
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs["text"].get<std::string>(),
                 std::string("--- file orders.xlsx ---\n\n--- sheet Orders ---\nItem: Pen; Qty: 3\nItem: Ink; Qty: 1\n\n"
                             "--- sheet Notes ---\nColumn A: Deliver Monday\n\n--- file memo.docx ---\n\n# Memo\n\nCall the supplier.\n\n"
                             "--- file totals.csv ---\n\ncity: Shanghai; total: 12"));
        const json &pages = out.outputs["pages"];
        QCOMPARE(pages.size(), std::size_t(4));
        QCOMPARE(pages[1]["location"], json("sheet Notes"));
        QCOMPARE(pages[2]["location"], json(""));
        QCOMPARE(pages[3]["file"], json("totals.csv"));
    }

    void documentNamesTheFileItCannotRead()
    {
        writeFile(pathFor("good.txt"), "Plain words.");
        writeFile(pathFor("blob.bin"), "\x01\x02");
        writeFile(pathFor("blank.txt"), "   \n");
        const std::string missing = pathFor("gone.pdf").toStdString();
        struct Case {
            json files;
            std::string error;
        };
        for (const Case &c : {Case{missing, "'gone.pdf' does not exist or is not a file."},
                              Case{pathFor("blob.bin").toStdString(), "'blob.bin' cannot be read: its type is not supported"},
                              Case{pathFor("blank.txt").toStdString(), "'blank.txt' contains no text that could be read."},
                              Case{json::array({pathFor("good.txt").toStdString(), 42}),
                                   "Item 2 of {{start.files}} is not a file"},
                              Case{json::array(), "The document node was given no file: {{start.files}} is empty."}}) {
            auto out = runDocument(c.files);
            QCOMPARE(out.errorKind, ErrorKind::InvalidInput);
            QVERIFY2(out.error.find(c.error) != std::string::npos, out.error.c_str());
        }
        auto skipped = runDocument({pathFor("good.txt").toStdString(), missing, pathFor("blob.bin").toStdString()}, "skip");
        QVERIFY2(skipped.status == RunStatus::Succeeded, skipped.error.c_str());
        QCOMPARE(skipped.outputs["text"], json("--- file good.txt ---\n\nPlain words."));
        QCOMPARE(skipped.outputs["errors"].size(), std::size_t(2));
        QCOMPARE(skipped.outputs["errors"][0]["file"], json("gone.pdf"));
    }

    void documentIsReadOffTheRunLoopAndStopsWhenCancelled()
    {
        {
            std::ofstream csv(pathFor("big.csv").toStdString());
            csv << "id,name,city,amount\n";
            for (int i = 0; i < 300000; ++i)
                csv << i << ",customer " << i << ",city " << i % 50 << "," << i * 3 << "\n";
        }
        RunHarness h;
        auto wf = RunHarness::workflow(
            {{"nodes", {node("start", "start"), node("doc", "document", {{"files", pathFor("big.csv").toStdString()}}),
                        node("wait", "test.wait", {{"ms", 1}}),
                        node("end", "end", {{"outputs", {{"pages", "{{doc.pages}}"}, {"w", "{{wait.value}}"}}}})}},
             {"edges", {edge("start", "doc"), edge("start", "wait"), edge("doc", "end"), edge("wait", "end")}}});
        RunLimits roomy;
        roomy.maxVariableBytes = std::size_t(256) << 20;
        auto out = h.run(wf, json::object(), json::object(), roomy);
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs["pages"][0]["text"].get<std::string>().substr(0, 43),
                 std::string("id: 0; name: customer 0; city: city 0; amou"));
        // The timer of the other branch fired while the file was being read.
        QVERIFY(out.position(RunEventType::NodeFinished, "wait") < out.position(RunEventType::NodeFinished, "doc"));

        auto cancelled = h.run(wf, json::object(), json::object(), roomy, 5);
        QCOMPARE(cancelled.status, RunStatus::Cancelled);
        QVERIFY(cancelled.released);
        QVERIFY(!cancelled.has(RunEventType::NodeFinished, "doc"));
    }

    void listFilters_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("value");  // JSON
        QTest::addColumn<QString>("ids");    // the ids kept, in order
        QTest::newRow("eq number as text") << "price" << "eq" << R"("10")" << "b";
        QTest::newRow("ne") << "city" << "ne" << R"("Shanghai")" << "b,d,e";
        QTest::newRow("contains text") << "name" << "contains" << R"("ink")" << "c";
        QTest::newRow("contains in array") << "tags" << "contains" << R"("sale")" << "a,c";
        QTest::newRow("not_contains") << "name" << "not_contains" << R"("o")" << "a,c,d";
        QTest::newRow("starts_with Chinese") << "city" << "starts_with" << R"("北")" << "d";
        QTest::newRow("ends_with") << "name" << "ends_with" << R"("n")" << "a";
        QTest::newRow("in list") << "city" << "in" << R"(["Shenzhen", "北京"])" << "b,d";
        QTest::newRow("in comma text") << "id" << "in" << R"("a, e")" << "a,e";
        QTest::newRow("not_in") << "city" << "not_in" << R"(["Shanghai"])" << "b,d,e";
        QTest::newRow("empty missing field") << "tags" << "empty" << R"("")" << "d,e";
        QTest::newRow("not_empty") << "tags" << "not_empty" << R"("")" << "a,b,c";
        QTest::newRow("gt skips non-numbers") << "price" << "gt" << "5" << "a,b";
        QTest::newRow("ge") << "price" << "ge" << R"("10")" << "b";
        QTest::newRow("lt") << "price" << "lt" << "7" << "a,c";
        QTest::newRow("le") << "price" << "le" << "2.5" << "c";
        QTest::newRow("regex") << "name" << "regex" << R"("^[A-Z]\\w+ [a-z]+$")" << "b,d";
        QTest::newRow("nested field") << "meta.rank" << "eq" << "1" << "c";
        QTest::newRow("object keys") << "meta" << "contains" << R"("rank")" << "c";
        QTest::newRow("index path") << "tags[0]" << "eq" << R"("new")" << "b,c";
    }
    void listFilters()
    {
        QFETCH(QString, field);
        QFETCH(QString, op);
        QFETCH(QString, value);
        QFETCH(QString, ids);
        const json data = json::parse(R"([
          {"id": "a", "name": "Pen", "price": 6, "city": "Shanghai", "tags": ["sale"]},
          {"id": "b", "name": "Big notebook", "price": "10", "city": "Shenzhen", "tags": ["new"]},
          {"id": "c", "name": "ink", "price": 2.5, "city": "Shanghai", "tags": ["new", "sale"], "meta": {"rank": 1}},
          {"id": "d", "name": "Ink refill", "price": "n/a", "city": "北京", "tags": []},
          {"id": "e", "name": "Box", "city": "Hangzhou"}])");
        json condition = {{"field", field.toStdString()}, {"op", op.toStdString()}, {"value", json::parse(value.toStdString())}};
        auto out = runList({{"filter", {{"conditions", {condition}}}}}, data);
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QStringList kept;
        for (const auto &item : out.outputs["result"])
            kept << QString::fromStdString(item["id"].get<std::string>());
        QCOMPARE(kept.join(','), ids);
        QCOMPARE(out.outputs["count"], json(kept.size()));
    }

    void listUniqueSortAndLimitInOrder()
    {
        const json data = json::parse(R"([
          {"id": 1, "city": "b", "n": "10"}, {"id": 2, "city": "a", "n": 9}, {"id": 3, "city": "b", "n": 1},
          {"id": 4, "city": "中", "n": 9}, {"id": 5, "city": "B"}, {"id": 6, "city": "é", "n": 9.0}])");
        auto ids = [](const json &list) {
            std::vector<int> out;
            for (const auto &item : list)
                out.push_back(item["id"]);
            return out;
        };
        // Numbers (and numeric text) numerically, stable for ties, items without the field last.
        QCOMPARE(ids(runList({{"sort", {{"field", "n"}}}}, data).outputs["result"]), (std::vector<int>{3, 2, 4, 6, 1, 5}));
        QCOMPARE(ids(runList({{"sort", {{"field", "n"}, {"order", "desc"}}}}, data).outputs["result"]),
                 (std::vector<int>{1, 2, 4, 6, 3, 5}));
        // Text by code point: upper case before lower case before accented before Chinese.
        QCOMPARE(ids(runList({{"sort", {{"field", "city"}}}}, data).outputs["result"]), (std::vector<int>{5, 2, 1, 3, 6, 4}));
        QCOMPARE(ids(runList({{"unique", {{"field", "city"}}}}, data).outputs["result"]), (std::vector<int>{1, 2, 4, 5, 6}));
        QCOMPARE(ids(runList({{"unique", {{"field", "n"}}}}, data).outputs["result"]), (std::vector<int>{1, 2, 3, 5}));
        const json words = {"x", "y", "x", 1, 1.0, "1"};
        QCOMPARE(runList({{"unique", json::object()}}, words).outputs["result"], json({"x", "y", 1, "1"}));
        // filter -> unique -> sort -> last 2, whatever order the config lists them in.
        auto all = runList({{"limit", {{"take", "last"}, {"count", 2}}},
                            {"sort", {{"field", "id"}, {"order", "desc"}}},
                            {"unique", {{"field", "city"}}},
                            {"filter", {{"logic", "or"}, {"conditions", {{{"field", "n"}, {"op", "ge"}, {"value", 9}},
                                                                         {{"field", "city"}, {"op", "eq"}, {"value", "B"}}}}}}},
                           data);
        QVERIFY2(all.status == RunStatus::Succeeded, all.error.c_str());
        QCOMPARE(ids(all.outputs["result"]), (std::vector<int>{2, 1}));
        QCOMPARE(all.outputs["first"]["id"], json(2));
        QCOMPARE(all.outputs["last"]["id"], json(1));
        QCOMPARE(all.outputs["count"], json(2));
        auto first = runList({{"limit", {{"count", 0}}}}, data);
        QCOMPARE(first.outputs["result"], json::array());
        QCOMPARE(first.outputs["first"], json());
        // Text that holds a JSON array (a model's answer) is read as the list.
        QCOMPARE(runList({{"limit", {{"count", 1}}}}, "[3, 4]").outputs["result"], json({3}));
    }

    void listErrorsNameWhatIsWrong()
    {
        auto notList = runList(json::object(), "hello");
        QCOMPARE(notList.errorKind, ErrorKind::InvalidInput);
        QCOMPARE(notList.error, std::string("The list node's input {{start.data}} is not a list: it is text (\"hello\")."));
        QVERIFY(runList(json::object(), {{"a", 1}}).error.find("it is an object") != std::string::npos);
        // A pattern that comes from the run is checked when it is used.
        RunHarness h;
        auto wf = single(node("l", "list", {{"list", "{{start.data}}"},
                                            {"filter", {{"conditions", {{{"op", "regex"}, {"value", "{{start.p}}"}}}}}}}),
                         {{"r", "{{l.result}}"}}, {{{"name", "data"}, {"type", "json"}}, {{"name", "p"}}});
        auto bad = h.run(wf, {{"data", "[\"a\"]"}, {"p", "(unclosed"}});
        QCOMPARE(bad.errorKind, ErrorKind::InvalidInput);
        QVERIFY(bad.error.find("The pattern \"(unclosed\" is not a valid regular expression") != std::string::npos);
        // Fixed mistakes are found before the run.
        auto invalid = runList({{"filter", {{"conditions", {{{"field", "a..b"}, {"op", "eq"}, {"value", 1}},
                                                            {{"field", "n"}, {"op", "gt"}, {"value", "many"}},
                                                            {{"op", "regex"}, {"value", "(x"}}}}}}},
                               json::array());
        QVERIFY(!invalid.compiled);
        std::vector<std::string> codes;
        for (const auto &d : invalid.diagnostics)
            codes.push_back(d.code);
        QCOMPARE(codes, (std::vector<std::string>{"list-field", "list-number", "list-pattern"}));
    }
};

QTEST_MAIN(TestLogicNodes)
#include "tst_logicnodes.moc"
