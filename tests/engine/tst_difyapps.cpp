// The Dify importer on whole documents (engine/import): what is not a Dify app, hostile
// YAML, wrong types anywhere, chat/agent/completion apps built from model_config, the
// report without secrets, the project folder written, imported workflows run, the corpus.
#include "tests/engine/difyimportcases.h"

class TestDifyApps : public QObject {
    Q_OBJECT

private slots:
    void refusesWhatIsNotADifyApp_data();
    void refusesWhatIsNotADifyApp();
    void hostileDocumentsFailWithoutCrashing_data();
    void hostileDocumentsFailWithoutCrashing();
    void wrongTypesAnywhereNeverThrow();
    void textThatIsNotUtf8IsRepaired();
    void whatRealExportsHold();
    void scalarsReadAsDifyWritesThem();
    void chatAppFromModelConfig();
    void agentChatAndCompletionApps();
    void reportNeverShowsSecretValues();
    void writesTheProjectFolder();
    void importedWorkflowsRun();
    void everyCorpusFileImports();
};

void TestDifyApps::refusesWhatIsNotADifyApp_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not yaml") << QByteArray("app: [unclosed\n  mode: x") << "line";
    QTest::newRow("a scalar") << QByteArray("42") << "not a Dify app";
    QTest::newRow("empty") << QByteArray("") << "not a Dify app";
    QTest::newRow("no app") << QByteArray("hello: world\n") << "no 'app' section";
    QTest::newRow("not an app kind") << QByteArray("kind: plugin\napp: {mode: workflow}\n") << "not an app";
    QTest::newRow("unknown mode") << QByteArray("app: {mode: rag-pipeline}\n") << "rag-pipeline";
    QTest::newRow("no graph") << QByteArray("app: {mode: workflow}\nworkflow: {}\n") << "no workflow graph";
}

void TestDifyApps::refusesWhatIsNotADifyApp()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    auto r = importDify(yaml.toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.diagnostics()[0].message).contains(expected),
             r.diagnostics()[0].message.c_str());
}

void TestDifyApps::hostileDocumentsFailWithoutCrashing_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");
    QByteArray laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; ++c, ++prev)
        laughs += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [*" + QByteArray(1, prev) + ", *" + QByteArray(1, prev) +
                  ", *" + QByteArray(1, prev) + ", *" + QByteArray(1, prev) + ", *" + QByteArray(1, prev) + ", *" +
                  QByteArray(1, prev) + ", *" + QByteArray(1, prev) + ", *" + QByteArray(1, prev) + "]\n";
    QTest::newRow("billion laughs") << laughs << "expands";
    QTest::newRow("deep flow nesting") << QByteArray(100000, '[') << "";
    QByteArray blocks;
    for (int i = 0; i < 3000; ++i)
        blocks += "- ";
    QTest::newRow("deep block nesting") << (blocks + "x\n") << "";
    QTest::newRow("nested 200 maps") << QByteArray("app: ") + QByteArray(200, '{') << "";
    QTest::newRow("bad alias") << QByteArray("app: *nothing\n") << "";
    QTest::newRow("tab indentation") << QByteArray("app:\n\tmode: workflow\n") << "";
}

void TestDifyApps::hostileDocumentsFailWithoutCrashing()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    auto r = importDify(yaml.toStdString());
    QVERIFY(!r.ok());
    QVERIFY(!r.diagnostics().empty());
    QVERIFY2(QString::fromStdString(r.diagnostics()[0].message).contains(expected), r.diagnostics()[0].message.c_str());
}

// Every value of a rich app replaced, one at a time, by each wrong type: an import or a
// clear refusal, never an exception or a crash, and what imports validates or reports why.
void TestDifyApps::wrongTypesAnywhereNeverThrow()
{
    const std::string yaml = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: llm1, data: {type: llm, title: L, model: {provider: openai, name: gpt-4o, completion_params: {temperature: 0.2}},
        prompt_template: [{role: system, text: 'Hi {{#1711.q#}}'}], memory: {window: {enabled: true, size: 3}},
        context: {enabled: true, variable_selector: [kb, result]}, retry_config: {retry_enabled: true, max_retries: 2}}},
      {id: kb, data: {type: knowledge-retrieval, query_variable_selector: [sys, query], dataset_ids: [abc],
        multiple_retrieval_config: {top_k: 3}}},
      {id: c, data: {type: if-else, cases: [{case_id: 'true', logical_operator: and,
        conditions: [{variable_selector: [llm1, text], comparison_operator: contains, value: x}]}]}},
      {id: it, data: {type: iteration, iterator_selector: [kb, result], output_selector: [t1, output]}},
      {id: t1, parentId: it, data: {type: template-transform, template: '{{ a }}', variables: [{variable: a, value_selector: [it, item]}]}},
      {id: h, data: {type: http-request, method: post, url: 'https://x', headers: 'A:b', body: {type: json, data: '{}'},
        authorization: {type: api-key, config: {type: bearer, api_key: k}}}},
      {id: a, data: {type: answer, answer: '{{#llm1.text#}}'}}])",
                                 R"([{source: '1711', target: kb}, {source: kb, target: llm1}, {source: llm1, target: c},
      {source: c, sourceHandle: 'true', target: it}, {source: c, sourceHandle: 'false', target: h},
      {source: it, target: a}, {source: h, target: a}])",
                                 "  environment_variables: [{name: K, value_type: secret, value: s}]\n"
                                 "  conversation_variables: [{name: n, value_type: string, value: ''}]\n");
    IMPORT(base, yaml, {});
    QVERIFY(!base.workflow.nodes.empty());
    // A smaller app as JSON (which is YAML too), mutated path by path.
    nlohmann::json doc = nlohmann::json::parse(R"json({
      "app": {"mode": "advanced-chat", "name": "T"}, "kind": "app", "version": "0.1.5",
      "workflow": {
        "environment_variables": [{"name": "K", "value_type": "secret", "value": "s"}],
        "conversation_variables": [{"name": "n", "value_type": "string", "value": ""}],
        "graph": {
          "nodes": [
            {"id": "s", "data": {"type": "start", "variables": [{"variable": "q", "type": "select", "options": ["a"]}]}},
            {"id": "l", "data": {"type": "llm", "model": {"provider": "openai", "name": "m"},
                                 "prompt_template": [{"role": "user", "text": "{{#s.q#}}"}]}},
            {"id": "c", "data": {"type": "if-else", "cases": [{"case_id": "a", "conditions": [
                {"variable_selector": ["l", "text"], "comparison_operator": "≥", "value": "1"}]}]}},
            {"id": "q", "data": {"type": "question-classifier", "classes": [{"id": "1", "name": "x"}],
                                 "query_variable_selector": ["sys", "query"]}},
            {"id": "lp", "data": {"type": "loop", "loop_count": 3,
                "loop_variables": [{"label": "v", "var_type": "number", "value": 1}],
                "break_conditions": [{"variable_selector": ["lp", "v"], "comparison_operator": ">", "value": "2"}]}},
            {"id": "as", "parentId": "lp", "data": {"type": "assigner", "version": "2",
                "items": [{"variable_selector": ["lp", "v"], "operation": "+=", "input_type": "constant", "value": 1}]}},
            {"id": "t", "data": {"type": "tool", "provider_id": "time", "tool_name": "current_time",
                "tool_parameters": {"a": {"type": "mixed", "value": "x"}}}},
            {"id": "n", "type": "custom-note", "data": {"text": "{\"root\":{}}", "theme": "blue"}},
            {"id": "a", "data": {"type": "answer", "answer": "{{#l.text#}}"}}],
          "edges": [
            {"source": "s", "target": "l"}, {"source": "l", "target": "c"}, {"source": "c", "sourceHandle": "a", "target": "q"},
            {"source": "q", "sourceHandle": "1", "target": "lp"}, {"source": "lp", "target": "t"}, {"source": "t", "target": "a"}]}}})json");
    QVERIFY(importDify(doc.dump()).ok());
    const std::vector<nlohmann::json> wrong = {nullptr, 7, -1.5, "text", true, nlohmann::json::array({1, "x"}),
                                               nlohmann::json::object({{"k", nullptr}})};
    int imports = 0, refusals = 0;
    std::function<void(nlohmann::json &, int)> mutate = [&](nlohmann::json &at, int depth) {
        if (depth > 12)
            return;
        auto tryEach = [&](nlohmann::json &slot) {
            const nlohmann::json saved = slot;
            for (const auto &w : wrong) {
                slot = w;
                auto r = importDify(doc.dump());
                if (r.ok()) {
                    ++imports;
                    importReportText(r.value());
                    importReportJson(r.value());
                } else {
                    ++refusals;
                    QVERIFY(!r.diagnostics().empty());
                }
            }
            slot = saved;
            mutate(slot, depth + 1);
        };
        if (at.is_object())
            for (auto it = at.begin(); it != at.end(); ++it)
                tryEach(it.value());
        else if (at.is_array())
            for (auto &v : at)
                tryEach(v);
    };
    mutate(doc, 0);
    QVERIFY(imports > 500);
    QVERIFY(refusals > 0);
}

// Found by fuzz_difyimport: bytes that are not UTF-8 made the report and the file unwritable.
void TestDifyApps::textThatIsNotUtf8IsRepaired()
{
    const std::string bad = "a\xff\xfe" "b";  // two bytes that start no UTF-8 character
    const std::string yaml = app("workflow", std::string("[") + kStart + ",\n      {id: t, data: {type: template-transform, template: '" +
                                     bad + "', variables: []}},\n      {id: e, data: {type: end, outputs: []}}]",
                                 "[{source: '1711', target: t}, {source: t, target: e}]");
    IMPORT(imp, yaml, {});
    QCOMPARE(nodeOf(imp, "t").config["template"], nlohmann::json("a\xef\xbf\xbd\xef\xbf\xbd" "b"));
    QVERIFY(!importReportJson(imp).dump().empty());
}

// What real exports hold: YAML's \_ and \N escapes (yaml-cpp leaves them as Latin-1 bytes);
// Dify's export API answer {"data": "<DSL>"} saved as it came, its emoji written as JSON
// writes them (surrogate pairs YAML refuses); names in Chinese, Japanese or Cyrillic.
void TestDifyApps::whatRealExportsHold()
{
    const std::string escapes = app("workflow", std::string("[") + kStart + R"(,
      {id: t, data: {type: template-transform, template: "a\_b\Nc\Ld", variables: []}},
      {id: e, data: {type: end, outputs: []}}])",
                                    "[{source: '1711', target: t}, {source: t, target: e}]");
    IMPORT(imp, escapes, {});
    QCOMPARE(nodeOf(imp, "t").config["template"], nlohmann::json("a\u00a0b\u0085c\u2028d"));

    const std::string answer =
        R"({"data": "app:\n  mode: workflow\n  name: \"\ud83c\udf10 \u7ffb\u8bd1\"\nkind: app\nversion: 0.1.5\nworkflow:\n  graph:\n    nodes:\n    - id: s\n      data: {type: start, variables: []}\n    - id: e\n      data: {type: end, outputs: []}\n    edges: [{source: s, target: e}]\n"})";
    IMPORT(unwrapped, answer, {});
    QCOMPARE(unwrapped.workflow.name, std::string("\xf0\x9f\x8c\x90 \xe7\xbf\xbb\xe8\xaf\x91"));  // 🌐 翻译
    QCOMPARE(unwrapped.workflow.id, std::string("fan-yi"));
    QCOMPARE(unwrapped.workflow.nodes.size(), std::size_t(2));
    // A lone surrogate becomes U+FFFD; an answer whose DSL is broken says so.
    QVERIFY(importDify(R"({"data": "app: {mode: workflow, name: \"\ud83c x\"}\nworkflow: {graph: {nodes: [], edges: []}}"})", {}).ok());
    const auto broken = importDify(R"({"data": "app: [unclosed"})", {});
    QVERIFY(!broken.ok());
    QVERIFY2(broken.diagnostics()[0].message.find("'data'") != std::string::npos, broken.diagnostics()[0].message.c_str());

    const std::pair<const char *, const char *> names[] = {
        {"中译英", "zhong-yi-ying"}, {"Form表单聊天Demo", "form-biao-dan-liao-tian-demo"},
        {"翻訳アシスタント", "fan-yi-ashisutanto"}, {"Привет мир", "privet-mir"}, {"🌐🌐", "dify-app"}};
    for (const auto &[name, id] : names) {
        const std::string named = "app:\n  mode: workflow\n  name: '" + std::string(name) +
                                  "'\nworkflow:\n  graph: {nodes: [{id: s, data: {type: start}}], edges: []}\n";
        const auto result = importDify(named, {});
        QVERIFY2(result.ok(), name);
        QCOMPARE(QString::fromStdString(result.value().workflow.id), QString::fromUtf8(id));
    }
}

// PyYAML's reading of plain scalars: ids that are numbers, yes/no, numbers written as text.
void TestDifyApps::scalarsReadAsDifyWritesThem()
{
    const std::string yaml = app("workflow", R"([{id: 1718000000001, data: {type: start, variables: [
        {variable: a, type: text-input, required: yes}, {variable: b, type: number, required: 'no', default: '7'}]}},
      {id: 123456789012345678901234567890, data: {type: end, outputs: [{variable: o, value_selector: [1718000000001, a]},
        {variable: p, value_selector: ['1718000000001', b]}]}}])",
                                 "[{source: 1718000000001, target: '123456789012345678901234567890'}]");
    IMPORT(imp, yaml, {});
    QVERIFY(imp.workflow.inputs[0].required);
    QVERIFY(!imp.workflow.inputs[1].required);
    QCOMPARE(imp.workflow.inputs[1].defaultValue, nlohmann::json(7));
    QCOMPARE(nodeOf(imp, "end").config["outputs"], nlohmann::json({{"o", "{{start.a}}"}, {"p", "{{start.b}}"}}));
    QVERIFY(hasEdge(imp, "start", "end"));
    QVERIFY(imp.clean());
}

void TestDifyApps::chatAppFromModelConfig()
{
    const char *yaml = R"(app:
  mode: chat
  name: 客服助手
  icon: 🤖
kind: app
version: 0.1.2
model_config:
  model: {provider: openai, name: gpt-4o-mini, mode: chat, completion_params: {temperature: 0.5}}
  pre_prompt: 'You answer questions about {{product}} in {{ lang }}. Unknown: {{other}}'
  prompt_type: simple
  opening_statement: Hello!
  suggested_questions: ['What is it?']
  suggested_questions_after_answer: {enabled: true}
  speech_to_text: {enabled: false}
  user_input_form:
  - text-input: {variable: product, label: Product, required: true, max_length: 48, default: ''}
  - select: {variable: lang, label: Language, options: [en, zh], required: false}
  - external_data_tool: {variable: ext, label: Ext}
  dataset_configs:
    retrieval_model: multiple
    top_k: 4
    datasets:
      datasets:
      - dataset: {enabled: true, id: 0c5e2d2f-aaaa}
  agent_mode: {enabled: false, tools: []}
)";
    IMPORT(imp, yaml, {});
    QCOMPARE(imp.appMode, std::string("chat"));
    QCOMPARE(imp.dslVersion, std::string("0.1.2"));
    QCOMPARE(imp.workflow.mode, std::string("chat"));
    QCOMPARE(imp.workflow.name, std::string("客服助手"));
    QCOMPARE(imp.workflow.id, std::string("ke-fu-zhu-shou"));  // 客服助手 in Latin letters
    QCOMPARE(imp.workflow.inputs.size(), std::size_t(2));
    QCOMPARE(imp.workflow.inputs[1].options, nlohmann::json({"en", "zh"}));
    QCOMPARE(nodeOf(imp, "knowledge").config["bases"], nlohmann::json({"dify-0c5e2d2f"}));
    QCOMPARE(nodeOf(imp, "knowledge").config["query"], nlohmann::json("{{sys.query}}"));
    QCOMPARE(nodeOf(imp, "knowledge").config["topK"], nlohmann::json(4));
    const NodeSpec &llm = nodeOf(imp, "llm");
    QCOMPARE(llm.config["system"], nlohmann::json("You answer questions about {{start.product}} in {{start.lang}}. Unknown: { {other}}"
                                                  "\n\nUse the following context to answer:\n{{knowledge.text}}"));
    QCOMPARE(llm.config["prompt"], nlohmann::json("{{sys.query}}"));
    QCOMPARE(llm.config["history"], nlohmann::json(50));
    QCOMPARE(nodeOf(imp, "answer").config["text"], nlohmann::json("{{llm.text}}"));
    QVERIFY(hasEdge(imp, "start", "knowledge"));
    QVERIFY(hasEdge(imp, "knowledge", "llm"));
    QVERIFY(hasEdge(imp, "llm", "answer"));
    // The opening statement and suggested questions open the chat (Workflow::opening).
    QCOMPARE(imp.workflow.opening.text, std::string("Hello!"));
    QCOMPARE(imp.workflow.opening.suggestions, std::vector<std::string>{"What is it?"});
    QVERIFY(!hasIssue(imp, ImportIssue::Kind::Unmapped, "opening_statement"));
    QVERIFY(std::none_of(imp.issues.begin(), imp.issues.end(), [](const ImportIssue &i) { return i.what == "suggested_questions"; }));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "suggested_questions_after_answer"));  // follow-ups are not offered
    QVERIFY(parseWorkflow(serializeWorkflow(imp.workflow)).value().opening == imp.workflow.opening);
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "external_data_tool"));
    QVERIFY(!hasIssue(imp, ImportIssue::Kind::Unmapped, "speech_to_text"));
    for (const auto &issue : imp.issues)  // the report reads in Chinese too
        QVERIFY2(localizedSentence(issue.why, "zh") != issue.why, issue.why.c_str());
}

void TestDifyApps::agentChatAndCompletionApps()
{
    const char *agent = R"(app: {mode: agent-chat, name: Researcher}
kind: app
version: 0.1.0
model_config:
  model: {provider: moonshot, name: moonshot-v1-8k}
  pre_prompt: Research carefully.
  agent_mode:
    enabled: true
    strategy: function_call
    max_iteration: 6
    tools:
    - {provider_id: webscraper, provider_name: webscraper, provider_type: builtin, tool_name: webscraper, enabled: true}
    - {provider_id: wikipedia, provider_type: builtin, tool_name: wikipedia_search, enabled: true}
)";
    DifyImportOptions options;
    options.catalog = &catalog();
    IMPORT(imp, agent, options);
    const NodeSpec &ag = nodeOf(imp, "agent");
    QCOMPARE(ag.type, std::string("agent"));
    QCOMPARE(ag.config["tools"], nlohmann::json::parse(R"([{"server": "fetch", "tool": "fetch_markdown"}])"));
    QCOMPARE(ag.config["system"], nlohmann::json("Research carefully."));
    QCOMPARE(ag.config["maxIterations"], nlohmann::json(6));
    QCOMPARE(imp.workflow.models["default"]["profile"], nlohmann::json("moonshot"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "wikipedia/wikipedia_search"));
    QVERIFY(hasEdge(imp, "agent", "answer"));

    const char *completion = R"(app: {mode: completion, name: Translator}
kind: app
version: 0.1.3
model_config:
  model: {provider: deepseek, name: deepseek-chat}
  pre_prompt: 'Translate into {{target}}: {{text}}'
  user_input_form:
  - select: {variable: target, label: Target, options: [French, German]}
  - paragraph: {variable: text, label: Text, required: true}
  more_like_this: {enabled: true}
)";
    IMPORT(done, completion, {});
    QCOMPARE(done.workflow.mode, std::string("workflow"));
    QCOMPARE(nodeOf(done, "llm").config["prompt"], nlohmann::json("Translate into {{start.target}}: {{start.text}}"));
    QVERIFY(!nodeOf(done, "llm").config.contains("history"));
    QCOMPARE(nodeOf(done, "end").config["outputs"], nlohmann::json({{"text", "{{llm.text}}"}}));
    QVERIFY(hasIssue(done, ImportIssue::Kind::Unmapped, "more_like_this"));
    QCOMPARE(done.workflow.inputs[1].type, std::string("paragraph"));
}

void TestDifyApps::reportNeverShowsSecretValues()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: h, data: {type: http-request, method: get, url: 'https://x', headers: "Authorization: Bearer sk-AAAA1111"}},
      {id: e, data: {type: end, outputs: []}}])",
                                 "[{source: '1711', target: h}, {source: h, target: e}]",
                                 "  environment_variables: [{name: PW, value_type: secret, value: hunter2-pw}]\n");
    IMPORT(imp, yaml, {});
    const std::string text = importReportText(imp);
    const std::string json = importReportJson(imp).dump();
    for (const char *value : {"sk-AAAA1111", "hunter2-pw"}) {
        QVERIFY2(text.find(value) == std::string::npos, value);
        QVERIFY2(json.find(value) == std::string::npos, value);
    }
    QVERIFY(text.find("PW") != std::string::npos);
    const nlohmann::json report = importReportJson(imp);
    QCOMPARE(report["secrets"], nlohmann::json({"PW", "H_AUTHORIZATION"}));
    QCOMPARE(report["mode"], nlohmann::json("workflow"));
    QCOMPARE(report["dslVersion"], nlohmann::json("0.1.5"));
    QCOMPARE(report["nodes"], nlohmann::json(3));
    QCOMPARE(report["clean"], nlohmann::json(true));
    QCOMPARE(nodeOf(imp, "h").config["headers"]["Authorization"], nlohmann::json("{{secret.H_AUTHORIZATION}}"));
}

void TestDifyApps::writesTheProjectFolder()
{
    const std::string yaml = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: k, data: {type: knowledge-retrieval, query_variable_selector: [sys, query], dataset_ids: [feedbeef-1]}},
      {id: a, data: {type: answer, answer: '{{#k.result#}}'}}])",
                                 "[{source: '1711', target: k}, {source: k, target: a}]");
    IMPORT(imp, yaml, {});
    QTemporaryDir dir;
    const std::filesystem::path folder = std::filesystem::path(dir.path().toStdString()) / "project";
    auto written = writeImportedProject(folder, imp);
    QVERIFY2(written.ok(), written.ok() ? "" : written.diagnostics()[0].message.c_str());
    QCOMPARE(written.value(), folder / "test-app.flow.json");
    auto loaded = loadWorkflowFile(written.value());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->nodes.size(), imp.workflow.nodes.size());
    QVERIFY(std::filesystem::exists(folder / "knowledge" / "dify-feedbeef" / "kb.json"));
    auto again = writeImportedProject(folder, imp);
    QVERIFY(!again.ok());
    QVERIFY(QString::fromStdString(again.diagnostics()[0].message).contains("already exists"));
    QVERIFY(writeImportedProject(folder, imp, true).ok());
}

// Imported nodes that need no model run as they did in Dify; a placeholder fails with its sentence.
void TestDifyApps::importedWorkflowsRun()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: t, data: {type: template-transform, template: '<{{ q }}>', variables: [{variable: q, value_selector: ['1711', q]}]}},
      {id: j, data: {type: template-transform, template: '{% for c in s %}{{ c | upper }}{% endfor %}',
        variables: [{variable: s, value_selector: [t, output]}]}},
      {id: c, data: {type: if-else, cases: [{case_id: 'true', conditions: [{variable_selector: [t, output], comparison_operator: contains, value: hi}]}]}},
      {id: yes, data: {type: end, outputs: [{variable: r, value_selector: [j, output]}]}},
      {id: no, data: {type: end, outputs: [{variable: r, value_selector: [t, output]}]}}])",
                                 R"([{source: '1711', target: t}, {source: t, target: j}, {source: j, target: c},
      {source: c, sourceHandle: 'true', target: yes}, {source: c, sourceHandle: 'false', target: no}])");
    IMPORT(imp, yaml, {});
    RunHarness harness;
    auto out = harness.run(imp.workflow, {{"q", "hi"}});
    QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
    QCOMPARE(out.outputs["r"], nlohmann::json("<HI>"));
    out = harness.run(imp.workflow, {{"q", "bye"}});
    QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
    QCOMPARE(out.outputs["r"], nlohmann::json("<bye>"));

    const std::string tool = app("workflow", std::string("[") + kStart + R"(,
      {id: clock, data: {type: tool, provider_id: time, tool_name: current_time, tool_parameters: {}}},
      {id: e, data: {type: end, outputs: [{variable: t, value_selector: [clock, text]}]}}])",
                                 "[{source: '1711', target: clock}, {source: clock, target: e}]");
    IMPORT(placeholder, tool, {});
    out = harness.run(placeholder.workflow, {{"q", "x"}});
    QVERIFY(!out.compiled);  // a run refuses to start, naming the tool to replace
    bool named = false;
    for (const auto &d : out.diagnostics)
        named = named || d.message.find("Dify's tool time/current_time") != std::string::npos;
    QVERIFY(named);
}

// The Dify files of tests/import/dify (the CLI's and the bench's corpus) each import,
// validate (placeholders aside) and report in both languages.
void TestDifyApps::everyCorpusFileImports()
{
    const std::filesystem::path dir = std::filesystem::path(FLOWDECK_SOURCE_DIR) / "tests" / "import" / "dify";
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".yml")
            files.push_back(entry.path());
    QVERIFY2(files.size() >= 20, "the Dify corpus is missing");
    DifyImportOptions options;
    options.catalog = &catalog();
    for (const auto &file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto r = importDify(text, options);
        QVERIFY2(r.ok(), qPrintable(QString::fromStdString(file.filename().string() + ": " +
                                                         (r.ok() ? std::string() : r.diagnostics()[0].message))));
        const QString errors = validationErrors(r->workflow);
        QVERIFY2(errors.isEmpty(), qPrintable(QString::fromStdString(file.filename().string()) + "\n" + errors));
        QVERIFY(parseWorkflow(serializeWorkflow(r->workflow)).ok());
        for (const auto &issue : r->issues)
            QVERIFY2(localizedSentence(issue.why, "zh") != issue.why,
                     qPrintable(QString::fromStdString(file.filename().string() + ": " + issue.why)));
    }
}

QTEST_GUILESS_MAIN(TestDifyApps)
#include "tst_difyapps.moc"
