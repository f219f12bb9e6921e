// The Dify importer node by node (engine/import): one small app per node type and feature,
// checked against the exact Flowdeck node, config, ports, references and report items.
#include "tests/engine/difyimportcases.h"

class TestDifyImport : public QObject {
    Q_OBJECT

private slots:
    void startInputs();
    void llmModelsPromptsAndMemory();
    void answerAndReferences();
    void endOutputsAndIdsStayReadable();
    void ifElseCasesAndOperators();
    void ifElseOldFormAndStaleHandles();
    void codeKeptVerbatim();
    void templateTransformSimpleAndJinja();
    void httpRequestWithSecrets();
    void knowledgeRetrievalMakesBases();
    void questionClassifierPortsByClassId();
    void parameterExtractor();
    void iterationWithChildren();
    void loopWithVariablesAndBreak();
    void aggregatorAndGroups();
    void assignerV1AndV2();
    void documentAndListOperator();
    void toolsMapToPluginsOrPlaceholders();
    void agentNode();
    void notesKept();
    void errorStrategies();
    void environmentAndConversationVariables();
};

void TestDifyImport::startInputs()
{
    const std::string yaml = app("workflow", R"([{id: '1', data: {type: start, title: Start, variables: [
        {variable: name, label: Name, type: text-input, required: true, max_length: 48, default: Ann},
        {variable: bio, label: Bio, type: paragraph},
        {variable: size, label: Size, type: select, options: [S, M, L]},
        {variable: age, label: Age, type: number, default: 3},
        {variable: doc, label: Doc, type: file, allowed_file_types: [document, custom], allowed_file_extensions: [csv]},
        {variable: pics, label: Pics, type: file-list, allowed_file_types: [image]},
        {variable: 'my var', label: Odd, type: text-input}]}},
      {id: '2', data: {type: end, outputs: [{variable: out, value_selector: ['1', 'my var']}, {variable: n, value_selector: ['1', name]}]}}])",
                                 "[{source: '1', target: '2'}]");
    IMPORT(imp, yaml, {});
    const auto &in = imp.workflow.inputs;
    QCOMPARE(in.size(), std::size_t(7));
    QCOMPARE(in[0].name, std::string("name"));
    QCOMPARE(in[0].type, std::string("text"));
    QVERIFY(in[0].required);
    QCOMPARE(in[0].defaultValue, nlohmann::json("Ann"));
    QCOMPARE(in[1].type, std::string("paragraph"));
    QCOMPARE(in[2].type, std::string("select"));
    QCOMPARE(in[2].options, nlohmann::json({"S", "M", "L"}));
    QCOMPARE(in[3].type, std::string("number"));
    QCOMPARE(in[3].defaultValue, nlohmann::json(3));
    QCOMPARE(in[4].type, std::string("file"));
    QVERIFY(std::find(in[4].accept.begin(), in[4].accept.end(), ".pdf") != in[4].accept.end());
    QVERIFY(std::find(in[4].accept.begin(), in[4].accept.end(), ".csv") != in[4].accept.end());
    QCOMPARE(in[5].type, std::string("file"));
    QCOMPARE(in[5].accept, std::vector<std::string>{"image/*"});
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Changed, "file-list"));
    QCOMPARE(in[6].name, std::string("my_var"));
    const NodeSpec &end = nodeOf(imp, "end");
    QCOMPARE(end.config["outputs"]["out"], nlohmann::json("{{start.my_var}}"));
    QCOMPARE(end.config["outputs"]["n"], nlohmann::json("{{start.name}}"));
    QCOMPARE(nodeOf(imp, "start").type, std::string("start"));
    QVERIFY(imp.clean());
}

void TestDifyImport::llmModelsPromptsAndMemory()
{
    const std::string yaml = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: kb1, data: {type: knowledge-retrieval, title: KB, query_variable_selector: [sys, query], dataset_ids: [6a1f9e00-1234]}},
      {id: '1712', data: {type: llm, title: Writer,
        model: {provider: langgenius/openai/openai, name: gpt-4o, mode: chat, completion_params: {temperature: '0.3', max_tokens: 512, top_p: 0.9}},
        prompt_template: [{role: system, text: "You help.\n{{#context#}}"}, {role: user, text: 'Q: {{#sys.query#}} / {{#1711.q#}}'}],
        context: {enabled: true, variable_selector: [kb1, result]},
        memory: {window: {enabled: true, size: 6}, query_prompt_template: '{{#sys.query#}}'},
        structured_output_enabled: true, structured_output: {schema: {type: object, properties: {a: {type: string}}}},
        vision: {enabled: true}, retry_config: {retry_enabled: true, max_retries: 3, retry_interval: 500}}},
      {id: '1713', data: {type: llm, title: Second, model: {provider: openai, name: gpt-4o},
        prompt_template: [{role: system, text: Be brief.}, {role: user, text: 'one'}, {role: assistant, text: 'two'},
          {role: user, text: '{{#1712.text#}} {{#1712.structured_output.a#}}'}]}},
      {id: '1714', data: {type: llm, title: Third, model: {provider: tongyi, name: qwen-max},
        prompt_template: [{role: system, text: 'Only a system prompt'}], memory: {window: {enabled: false}}}},
      {id: '1715', data: {type: answer, answer: '{{#1713.text#}}{{#1714.text#}}'}}])",
                                 R"([{source: '1711', target: kb1}, {source: kb1, target: '1712'}, {source: '1712', target: '1713'},
      {source: '1713', target: '1714'}, {source: '1714', target: '1715'}])");
    IMPORT(imp, yaml, {});
    QCOMPARE(imp.workflow.mode, std::string("chat"));
    QCOMPARE(imp.workflow.models["default"], nlohmann::json({{"profile", "openai"}, {"model", "gpt-4o"}}));
    QCOMPARE(imp.workflow.models["qwen_max"], nlohmann::json({{"profile", "dashscope"}, {"model", "qwen-max"}}));
    QCOMPARE(imp.workflow.models.size(), std::size_t(2));
    const NodeSpec &writer = nodeOf(imp, "llm");
    QCOMPARE(writer.title, std::string("Writer"));
    QCOMPARE(writer.config["model"], nlohmann::json("default"));
    QCOMPARE(writer.config["system"], nlohmann::json("You help.\n{{kb1.text}}"));
    QCOMPARE(writer.config["prompt"], nlohmann::json("Q: {{sys.query}} / {{start.q}}"));
    QCOMPARE(writer.config["temperature"], nlohmann::json(0.3));
    QCOMPARE(writer.config["maxTokens"], nlohmann::json(512));
    QCOMPARE(writer.config["history"], nlohmann::json(6));
    QCOMPARE(writer.config["responseFormat"]["properties"]["a"]["type"], nlohmann::json("string"));
    QCOMPARE(writer.retry.max, 3);
    QCOMPARE(writer.retry.backoffMs, 500);
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "vision"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Changed, "top_p"));
    const NodeSpec &second = nodeOf(imp, "llm_2");
    QCOMPARE(second.config["model"], nlohmann::json("default"));
    QCOMPARE(second.config["system"], nlohmann::json("Be brief."));
    QCOMPARE(second.config["prompt"], nlohmann::json("User: one\n\nAssistant: two\n\nUser: {{llm.text}} {{llm.json.a}}"));
    const NodeSpec &third = nodeOf(imp, "llm_3");
    QCOMPARE(third.config["model"], nlohmann::json("qwen_max"));
    QCOMPARE(third.config["system"], nlohmann::json("Only a system prompt"));
    QCOMPARE(third.config["prompt"], nlohmann::json("{{sys.query}}"));  // memory on: the user's message follows
    QCOMPARE(third.config["history"], nlohmann::json(50));
    QCOMPARE(nodeOf(imp, "answer").config["text"], nlohmann::json("{{llm_2.text}}{{llm_3.text}}"));
}

void TestDifyImport::answerAndReferences()
{
    const std::string yaml = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: ans, data: {type: answer, answer: "Hi {{#1711.sys.query#}} {{#sys.user_id#}} {{#conversation.topic#}} {{#env.SITE#}} {{#sys.files#}} {{#nope.x#}} {{literal}}"}}])",
                                 "[{source: '1711', target: ans}]",
                                 "  environment_variables: [{name: SITE, value_type: string, value: example.com}]\n"
                                 "  conversation_variables: [{name: topic, value_type: string, value: none}]\n");
    IMPORT(imp, yaml, {});
    QCOMPARE(nodeOf(imp, "ans").config["text"],
             nlohmann::json("Hi {{sys.query}} {{sys.user}} {{conversation.topic}} {{env.SITE}}   { {literal}}"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "sys.files"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "nope.x"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Changed, "{{"));
    QVERIFY(!imp.clean());
    // sys.query has no meaning in a workflow: reported, left empty.
    const std::string wf = app("workflow", std::string("[") + kStart + R"(,
      {id: e, data: {type: end, outputs: [{variable: q, value_selector: [sys, query]}]}}])", "[{source: '1711', target: e}]");
    IMPORT(w, wf, {});
    QCOMPARE(nodeOf(w, "e").config["outputs"]["q"], nlohmann::json(""));
    QVERIFY(hasIssue(w, ImportIssue::Kind::Unmapped, "sys.query"));
}

void TestDifyImport::endOutputsAndIdsStayReadable()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: '1718000000001', data: {type: template-transform, template: 'x{{ q }}', variables: [{variable: q, value_selector: ['1711', q]}]}},
      {id: '1718000000002', data: {type: template-transform, template: 'y', variables: []}},
      {id: my_end, data: {type: end, outputs: [{variable: first, value_selector: ['1718000000001', output]},
        {variable: second, value_selector: ['1718000000002', output]}]}}])",
                                 R"([{source: '1711', target: '1718000000001'}, {source: '1718000000001', target: '1718000000002'},
      {source: '1718000000002', target: my_end}])");
    IMPORT(imp, yaml, {});
    QCOMPARE(nodeOf(imp, "template").config["template"], nlohmann::json("x{{start.q}}"));
    QCOMPARE(nodeOf(imp, "template_2").config["template"], nlohmann::json("y"));
    QCOMPARE(nodeOf(imp, "my_end").config["outputs"],
             nlohmann::json({{"first", "{{template.text}}"}, {"second", "{{template_2.text}}"}}));
    QVERIFY(hasEdge(imp, "template", "template_2"));
    QCOMPARE(nodeOf(imp, "start").position[0], 10.0);
    QCOMPARE(nodeOf(imp, "start").position[1], 20.0);
    QCOMPARE(imp.workflow.id, std::string("test-app"));
    QVERIFY(imp.clean());
}

void TestDifyImport::ifElseCasesAndOperators()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: c, data: {type: if-else, cases: [
        {case_id: 'true', logical_operator: and, conditions: [
          {variable_selector: ['1711', q], comparison_operator: '≥', value: '3'},
          {variable_selector: ['1711', q], comparison_operator: not empty},
          {variable_selector: ['1711', q], comparison_operator: is not, value: 'no'},
          {variable_selector: ['1711', q], comparison_operator: not contains, value: 'bad'},
          {variable_selector: ['1711', q], comparison_operator: start with, value: '{{#1711.q#}}'},
          {variable_selector: ['1711', q], comparison_operator: all of, value: [a, b]},
          {variable_selector: ['1711', q], comparison_operator: '≤', value: 9},
          {variable_selector: ['1711', q], comparison_operator: '≠', value: 4}]},
        {case_id: 9f3c-uuid, logical_operator: or, conditions: [
          {variable_selector: ['1711', q], comparison_operator: in, value: [a.b, c]},
          {variable_selector: ['1711', q], comparison_operator: empty},
          {variable_selector: ['1711', q], comparison_operator: not in, value: [x, y]},
          {variable_selector: ['1711', q], comparison_operator: matches wildly, value: z}]}]}},
      {id: a, data: {type: end, outputs: []}}, {id: b, data: {type: end, outputs: []}}, {id: e, data: {type: end, outputs: []}}])",
                                 R"([{source: '1711', target: c}, {source: c, sourceHandle: 'true', target: a},
      {source: c, sourceHandle: 9f3c-uuid, target: b}, {source: c, sourceHandle: 'false', target: e}])");
    IMPORT(imp, yaml, {});
    const NodeSpec &c = nodeOf(imp, "c");
    QCOMPARE(c.type, std::string("condition"));
    const auto &cases = c.config["cases"];
    QCOMPARE(cases.size(), std::size_t(2));
    QCOMPARE(cases[0]["id"], nlohmann::json("case_1"));
    QCOMPARE(cases[0]["logic"], nlohmann::json("and"));
    std::vector<std::string> ops;
    for (const auto &cond : cases[0]["conditions"])
        ops.push_back(cond["op"].get<std::string>());
    QCOMPARE(ops, (std::vector<std::string>{"ge", "not_empty", "ne", "not_contains", "starts_with", "contains", "contains", "le", "ne"}));
    QCOMPARE(cases[0]["conditions"][0], nlohmann::json({{"left", "{{start.q}}"}, {"op", "ge"}, {"right", "3"}}));
    QCOMPARE(cases[0]["conditions"][4]["right"], nlohmann::json("{{start.q}}"));
    QCOMPARE(cases[0]["conditions"][7]["right"], nlohmann::json(9));
    QCOMPARE(cases[1]["logic"], nlohmann::json("or"));
    QCOMPARE(cases[1]["conditions"][0], nlohmann::json({{"left", "{{start.q}}"}, {"op", "regex"}, {"right", "^(?:a\\.b|c)$"}}));
    QCOMPARE(cases[1]["conditions"][1]["op"], nlohmann::json("empty"));
    QCOMPARE(cases[1]["conditions"].size(), std::size_t(2));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "not in"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "matches wildly"));
    QVERIFY(hasEdge(imp, "c", "a", "case_1"));
    QVERIFY(hasEdge(imp, "c", "b", "case_2"));
    QVERIFY(hasEdge(imp, "c", "e", "else"));
}

void TestDifyImport::ifElseOldFormAndStaleHandles()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: c, data: {type: if-else, logical_operator: or, conditions: [
        {variable_selector: ['1711', q], comparison_operator: contains, value: yes}]}},
      {id: a, data: {type: end, outputs: []}}, {id: b, data: {type: end, outputs: []}}])",
                                 R"([{source: '1711', target: c}, {source: c, sourceHandle: 'true', target: a},
      {source: c, sourceHandle: 'false', target: b}, {source: c, sourceHandle: deleted-case, target: b},
      {source: c, sourceHandle: source, target: a}, {source: ghost, target: a}, {source: '1711', target: c}])");
    IMPORT(imp, yaml, {});
    QCOMPARE(nodeOf(imp, "c").config["cases"][0]["logic"], nlohmann::json("or"));
    QVERIFY(hasEdge(imp, "c", "a", "case_1"));
    QVERIFY(hasEdge(imp, "c", "b", "else"));
    QCOMPARE(imp.workflow.edges.size(), std::size_t(3));  // stale, ghost and repeated connections dropped
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "sourceHandle deleted-case"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "sourceHandle source"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "edge ghost"));
}

void TestDifyImport::codeKeptVerbatim()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: py, data: {type: code, code_language: python3, code: "def main(arg1: str) -> dict:\n    return {'result': arg1 * 2}\n",
        variables: [{variable: arg1, value_selector: ['1711', q]}], outputs: {result: {type: string, children: null}}}},
      {id: js, data: {type: code, code_language: javascript, code: "function main({x}) { return {n: x.length} }",
        variables: [{variable: x, value_selector: [py, result]}], outputs: {n: {type: number}}}},
      {id: e, data: {type: end, outputs: [{variable: n, value_selector: [js, n]}]}}])",
                                 "[{source: '1711', target: py}, {source: py, target: js}, {source: js, target: e}]");
    IMPORT(imp, yaml, {});
    const NodeSpec &py = nodeOf(imp, "py");
    QCOMPARE(py.config["language"], nlohmann::json("python3"));
    QCOMPARE(py.config["code"], nlohmann::json("def main(arg1: str) -> dict:\n    return {'result': arg1 * 2}\n"));
    QCOMPARE(py.config["inputs"], nlohmann::json::parse(R"([{"name": "arg1", "value": "{{start.q}}"}])"));
    QCOMPARE(py.config["outputs"], nlohmann::json::parse(R"([{"name": "result", "type": "string"}])"));
    QCOMPARE(nodeOf(imp, "js").config["language"], nlohmann::json("javascript"));
    QCOMPARE(nodeOf(imp, "js").config["inputs"][0]["value"], nlohmann::json("{{py.result}}"));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["n"], nlohmann::json("{{js.n}}"));
    QVERIFY(imp.clean());

    // "{{" in a program is the program's own (a Jinja string, a literal): kept, and it validates.
    const std::string jinja = app("workflow", std::string("[") + kStart + R"(,
      {id: py, data: {type: code, code_language: python3, code: "def main(q: str) -> dict:\n    path = '{{file_path}}'\n    return {'r': path.replace('{{file_path}}', q)}\n",
        variables: [{variable: q, value_selector: ['1711', q]}], outputs: {r: {type: string}}}},
      {id: e, data: {type: end, outputs: [{variable: r, value_selector: [py, r]}]}}])",
                                  "[{source: '1711', target: py}, {source: py, target: e}]");
    IMPORT(literal, jinja, {});
    QVERIFY(nodeOf(literal, "py").config["code"].get<std::string>().find("'{{file_path}}'") != std::string::npos);
    QVERIFY2(literal.issues.empty(), qPrintable(issuesText(literal)));
}

void TestDifyImport::templateTransformSimpleAndJinja()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: t1, data: {type: template-transform, template: "Dear {{ name }}, {{name.upper}}", variables: [{variable: name, value_selector: ['1711', q]}]}},
      {id: t2, data: {type: template-transform, template: "{% for w in words %}{{ w | upper }} {% endfor %}",
        variables: [{variable: words, value_selector: [t1, output]}]}},
      {id: e, data: {type: end, outputs: [{variable: r, value_selector: [t2, output]}]}}])",
                                 "[{source: '1711', target: t1}, {source: t1, target: t2}, {source: t2, target: e}]");
    IMPORT(imp, yaml, {});
    QCOMPARE(nodeOf(imp, "t1").type, std::string("template"));
    QCOMPARE(nodeOf(imp, "t1").config["template"], nlohmann::json("Dear {{start.q}}, {{start.q.upper}}"));
    const NodeSpec &t2 = nodeOf(imp, "t2");
    QCOMPARE(t2.type, std::string("code"));
    const std::string code = t2.config["code"].get<std::string>();
    QVERIFY(code.find("import jinja2") != std::string::npos);
    QVERIFY2(code.find('{') == std::string::npos, code.c_str());  // no braces Flowdeck could read as references
    QCOMPARE(t2.config["inputs"], nlohmann::json::parse(R"([{"name": "words", "value": "{{t1.text}}"}])"));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["r"], nlohmann::json("{{t2.text}}"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Changed, "template-transform"));
}

void TestDifyImport::httpRequestWithSecrets()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: h1, data: {type: http-request, title: Call, method: post, url: 'https://api.example.com/items/{{#1711.q#}}',
        headers: "Accept: application/json\nX-Api-Key: plain-key-123\nX-Env: {{#env.TOKEN#}}",
        params: "page:1\napi_key:qk-999",
        body: {type: json, data: [{type: text, value: '{"q": "{{#1711.q#}}"}'}]},
        authorization: {type: api-key, config: {type: bearer, api_key: sk-live-abc}},
        timeout: {connect: 5, read: 40, write: '20'}, ssl_verify: false,
        retry_config: {retry_enabled: true, max_retries: 2, retry_interval: 100}}},
      {id: h2, data: {type: http-request, method: options, url: 'https://x', body: {type: x-www-form-urlencoded, data: "a:1\nb:{{#1711.q#}}"},
        authorization: {type: api-key, config: {type: custom, header: X-Key, api_key: '{{#env.TOKEN#}}'}}}},
      {id: h3, data: {type: http-request, method: put, url: 'https://x', body: {type: binary, data: []},
        headers: "X-Custom: ghp_R7vQ2mK9xL4pT8wZ1nB6cD3fH5jS0aEeYuIo"}},
      {id: py, data: {type: code, code_language: python3, outputs: {},
        code: "def main() -> dict:\n    key = 'sk-live-9f8e7d6c5b4a39281706f5e4d3c2b1a0'\n    return dict()\n"}},
      {id: e, data: {type: end, outputs: [{variable: s, value_selector: [h1, status_code]}, {variable: b, value_selector: [h1, body]},
        {variable: f, value_selector: [h1, files]}]}}])",
                                 "[{source: '1711', target: h1}, {source: h1, target: h2}, {source: h2, target: h3}, {source: h3, target: py}, {source: py, target: e}]",
                                 "  environment_variables: [{name: TOKEN, value_type: secret, value: tok-777, description: ''}]\n");
    IMPORT(imp, yaml, {});
    const NodeSpec &h1 = nodeOf(imp, "h1");
    QCOMPARE(h1.type, std::string("http"));
    QCOMPARE(h1.config["method"], nlohmann::json("POST"));
    QCOMPARE(h1.config["url"], nlohmann::json("https://api.example.com/items/{{start.q}}"));
    QCOMPARE(h1.config["headers"]["Accept"], nlohmann::json("application/json"));
    QCOMPARE(h1.config["headers"]["X-Api-Key"], nlohmann::json("{{secret.H1_X_API_KEY}}"));
    QCOMPARE(h1.config["headers"]["X-Env"], nlohmann::json("{{secret.TOKEN}}"));
    QCOMPARE(h1.config["headers"]["Authorization"], nlohmann::json("Bearer {{secret.H1_AUTHORIZATION}}"));
    QCOMPARE(h1.config["headers"]["Content-Type"], nlohmann::json("application/json"));
    QCOMPARE(h1.config["query"], nlohmann::json({{"page", "1"}, {"api_key", ""}}));
    QCOMPARE(h1.config["body"], nlohmann::json("{\"q\": \"{{start.q}}\"}"));
    QCOMPARE(h1.config["timeoutMs"], nlohmann::json(40000));
    QCOMPARE(h1.retry.max, 2);
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "ssl_verify"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Todo, "api_key"));
    const NodeSpec &h2 = nodeOf(imp, "h2");
    QCOMPARE(h2.config["method"], nlohmann::json("GET"));
    QCOMPARE(h2.config["body"], nlohmann::json("a=1&b={{start.q}}"));
    QCOMPARE(h2.config["headers"]["X-Key"], nlohmann::json("{{secret.TOKEN}}"));
    QCOMPARE(h2.config["headers"]["Content-Type"], nlohmann::json("application/x-www-form-urlencoded"));
    QVERIFY(!nodeOf(imp, "h3").config.contains("body"));
    QCOMPARE(nodeOf(imp, "h3").config["headers"]["X-Custom"], nlohmann::json("{{secret.H3_X_CUSTOM}}"));  // a key by its looks
    bool codeKeyReported = false;  // a key in code cannot be taken out: the report says where, not what
    for (const auto &i : imp.issues)
        codeKeyReported = codeKeyReported || (i.what == "credential" && i.where == "node py/config.code" &&
                                              i.why.find("sk-live") == std::string::npos);
    QVERIFY(codeKeyReported);
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "body binary"));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["s"], nlohmann::json("{{h1.status}}"));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["f"], nlohmann::json(""));
    std::map<std::string, std::string> secrets;
    for (const auto &s : imp.secrets)
        secrets[s.name] = s.value;
    QCOMPARE(secrets["TOKEN"], std::string("tok-777"));
    QCOMPARE(secrets["H1_X_API_KEY"], std::string("plain-key-123"));
    QCOMPARE(secrets["H1_AUTHORIZATION"], std::string("sk-live-abc"));
    QCOMPARE(secrets["H1_API_KEY"], std::string("qk-999"));
    const std::string file = serializeWorkflow(imp.workflow);
    for (const char *value : {"tok-777", "plain-key-123", "sk-live-abc", "qk-999"})
        QVERIFY2(file.find(value) == std::string::npos, value);
}

void TestDifyImport::knowledgeRetrievalMakesBases()
{
    const std::string yaml = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: k, data: {type: knowledge-retrieval, query_variable_selector: ['1711', q], dataset_ids: [A1B2C3D4-xx, e5f6a7b8-yy],
        retrieval_mode: multiple, multiple_retrieval_config: {top_k: 80, score_threshold: 0.4, score_threshold_enabled: true,
        reranking_enable: true, reranking_model: {provider: cohere, model: rerank-3}}, metadata_filtering_mode: manual}},
      {id: k2, data: {type: knowledge-retrieval, query_variable_selector: ['1711', sys.query], dataset_ids: [a1b2c3d4-xx], retrieval_mode: single}},
      {id: a, data: {type: answer, answer: '{{#k.result#}}{{#k2.result#}}'}}])",
                                 "[{source: '1711', target: k}, {source: k, target: k2}, {source: k2, target: a}]");
    IMPORT(imp, yaml, {});
    const NodeSpec &k = nodeOf(imp, "k");
    QCOMPARE(k.config["query"], nlohmann::json("{{start.q}}"));
    QCOMPARE(k.config["bases"], nlohmann::json({"dify-a1b2c3d4", "dify-e5f6a7b8"}));
    QCOMPARE(k.config["topK"], nlohmann::json(50));
    QCOMPARE(k.config["scoreThreshold"], nlohmann::json(0.4));
    QCOMPARE(k.config["rerank"], nlohmann::json({{"enabled", true}, {"model", "rerank-3"}}));
    QCOMPARE(nodeOf(imp, "k2").config["bases"], nlohmann::json({"dify-a1b2c3d4"}));
    QCOMPARE(nodeOf(imp, "k2").config["query"], nlohmann::json("{{sys.query}}"));  // older exports: sys through the start node
    QCOMPARE(imp.knowledgeBases, (std::vector<std::string>{"dify-a1b2c3d4", "dify-e5f6a7b8"}));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Todo, "dataset A1B2C3D4-xx"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Changed, "retrieval_mode single"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "metadata_filtering"));
    QCOMPARE(nodeOf(imp, "a").config["text"], nlohmann::json("{{k.chunks}}{{k2.chunks}}"));
}

void TestDifyImport::questionClassifierPortsByClassId()
{
    const std::string yaml = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: qc, data: {type: question-classifier, query_variable_selector: [sys, query], instruction: 'Be strict {{#1711.q#}}',
        model: {provider: deepseek, name: deepseek-chat, completion_params: {temperature: 0}},
        classes: [{id: '1', name: Billing}, {id: '2', name: Tech support}, {id: 1718-c, name: ''}],
        memory: {window: {enabled: true, size: 2}}}},
      {id: a1, data: {type: answer, answer: '{{#qc.class_name#}}'}}, {id: a2, data: {type: answer, answer: b}},
      {id: a3, data: {type: answer, answer: c}}])",
                                 R"([{source: '1711', target: qc}, {source: qc, sourceHandle: '1', target: a1},
      {source: qc, sourceHandle: '2', target: a2}, {source: qc, sourceHandle: 1718-c, target: a3}])");
    IMPORT(imp, yaml, {});
    const NodeSpec &qc = nodeOf(imp, "qc");
    QCOMPARE(qc.type, std::string("classifier"));
    QCOMPARE(qc.config["input"], nlohmann::json("{{sys.query}}"));
    QCOMPARE(qc.config["classes"], nlohmann::json::parse(R"([{"id": "class_1", "name": "Billing"},
        {"id": "class_2", "name": "Tech support"}, {"id": "class_3", "name": "Class 3"}])"));
    QCOMPARE(qc.config["instruction"], nlohmann::json("Be strict {{start.q}}"));
    QCOMPARE(qc.config["history"], nlohmann::json(2));
    QCOMPARE(imp.workflow.models["default"]["profile"], nlohmann::json("deepseek"));
    QVERIFY(hasEdge(imp, "qc", "a1", "class_1"));
    QVERIFY(hasEdge(imp, "qc", "a2", "class_2"));
    QVERIFY(hasEdge(imp, "qc", "a3", "class_3"));
    QCOMPARE(nodeOf(imp, "a1").config["text"], nlohmann::json("{{qc.class}}"));
}

void TestDifyImport::parameterExtractor()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: pe, data: {type: parameter-extractor, query: ['1711', q], model: {provider: zhipuai, name: glm-4},
        reasoning_mode: prompt, instruction: Extract.,
        parameters: [{name: city, type: string, description: The city, required: true},
          {name: days, type: number}, {name: ok, type: bool}, {name: unit, type: select, options: [C, F]},
          {name: tags, type: 'array[string]'}, {name: img, type: file}]}},
      {id: e, data: {type: end, outputs: [{variable: c, value_selector: [pe, city]}, {variable: s, value_selector: [pe, __is_success]}]}}])",
                                 "[{source: '1711', target: pe}, {source: pe, target: e}]");
    IMPORT(imp, yaml, {});
    const NodeSpec &pe = nodeOf(imp, "pe");
    QCOMPARE(pe.type, std::string("extractor"));
    QCOMPARE(pe.config["input"], nlohmann::json("{{start.q}}"));
    const auto &p = pe.config["parameters"];
    QCOMPARE(p[0], nlohmann::json({{"name", "city"}, {"type", "string"}, {"required", true}, {"description", "The city"}}));
    QCOMPARE(p[1]["type"], nlohmann::json("number"));
    QCOMPARE(p[2]["type"], nlohmann::json("boolean"));
    QCOMPARE(p[3]["enum"], nlohmann::json({"C", "F"}));
    QCOMPARE(p[4]["type"], nlohmann::json("array[string]"));
    QCOMPARE(p[5]["type"], nlohmann::json("string"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Changed, "type file"));
    QCOMPARE(imp.workflow.models["default"]["profile"], nlohmann::json("zhipu"));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["s"], nlohmann::json("{{pe.__is_success}}"));
}

void TestDifyImport::iterationWithChildren()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: '1720', position: {x: 300, y: 100}, data: {type: iteration, iterator_selector: ['1711', q], output_selector: ['1722', output],
        is_parallel: true, parallel_nums: 99, error_handle_mode: continue-on-error, start_node_id: 1720start}},
      {id: 1720start, type: custom-iteration-start, parentId: '1720', data: {type: iteration-start, isInIteration: true}},
      {id: '1721', parentId: '1720', position: {x: 24, y: 68}, data: {type: code, isInIteration: true, iteration_id: '1720', code: 'def main(x): return dict(y=x)',
        code_language: python3, variables: [{variable: x, value_selector: ['1720', item]}], outputs: {y: {type: string}}}},
      {id: '1722', position: {x: 200, y: 68}, positionAbsolute: {x: 500, y: 168}, data: {type: template-transform, isInIteration: true, iteration_id: '1720', template: '{{ y }}#{{ i }}',
        variables: [{variable: y, value_selector: ['1721', y]}, {variable: i, value_selector: ['1720', index]}]}},
      {id: e, data: {type: end, outputs: [{variable: all, value_selector: ['1720', output]}]}}])",
                                 R"([{source: '1711', target: '1720'}, {source: 1720start, target: '1721', data: {isInIteration: true}},
      {source: '1721', target: '1722'}, {source: '1720', target: e}])");
    IMPORT(imp, yaml, {});
    const NodeSpec &it = nodeOf(imp, "iteration");
    QCOMPARE(it.config, nlohmann::json::parse(R"({"items": "{{start.q}}", "output": "{{template.text}}", "parallel": true,
        "maxParallel": 64, "errorMode": "continue"})"));
    QCOMPARE(nodeOf(imp, "code").parent, std::string("iteration"));
    QCOMPARE(nodeOf(imp, "code").position[0], 324.0);  // Dify's position inside the container, made absolute
    QCOMPARE(nodeOf(imp, "code").position[1], 168.0);
    QCOMPARE(nodeOf(imp, "template").position[0], 500.0);
    QCOMPARE(nodeOf(imp, "template").parent, std::string("iteration"));
    QCOMPARE(nodeOf(imp, "code").config["inputs"][0]["value"], nlohmann::json("{{iteration.item}}"));
    QCOMPARE(nodeOf(imp, "template").config["template"], nlohmann::json("{{code.y}}#{{iteration.index}}"));
    QCOMPARE(imp.workflow.nodes.size(), std::size_t(5));  // the iteration's own start node is not needed
    QVERIFY(hasEdge(imp, "code", "template"));
    QCOMPARE(imp.workflow.edges.size(), std::size_t(3));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["all"], nlohmann::json("{{iteration.results}}"));
    QVERIFY(imp.clean());
}

void TestDifyImport::loopWithVariablesAndBreak()
{
    const std::string yaml = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: lp, data: {type: loop, loop_count: 5, logical_operator: or,
        loop_variables: [{label: n, var_type: number, value_type: constant, value: 1},
          {label: acc, var_type: string, value_type: variable, value: ['1711', q]}],
        break_conditions: [{variable_selector: [lp, n], comparison_operator: '≥', value: '3'}]}},
      {id: lps, type: custom-loop-start, parentId: lp, data: {type: loop-start, isInLoop: true}},
      {id: inc, parentId: lp, data: {type: assigner, version: '2', isInLoop: true, loop_id: lp,
        items: [{variable_selector: [lp, n], operation: '+=', input_type: constant, value: 1},
                {variable_selector: [lp, acc], operation: over-write, input_type: variable, value: ['1711', q]}]}},
      {id: stop, parentId: lp, data: {type: loop-end, isInLoop: true}},
      {id: a, data: {type: answer, answer: '{{#lp.n#}} {{#lp.acc#}}'}}])",
                                 R"([{source: '1711', target: lp}, {source: lps, target: inc}, {source: inc, target: stop},
      {source: lp, target: a}])");
    IMPORT(imp, yaml, {});
    const NodeSpec &lp = nodeOf(imp, "lp");
    QCOMPARE(lp.type, std::string("loop"));
    QCOMPARE(lp.config, nlohmann::json::parse(R"({"variables": [{"name": "n", "type": "number", "value": 1},
        {"name": "acc", "type": "string", "value": "{{start.q}}"}], "maxRounds": 5,
        "breakWhen": {"logic": "or", "conditions": [{"left": "{{lp.n}}", "op": "ge", "right": "3"}]}})"));
    const NodeSpec &inc = nodeOf(imp, "inc");
    QCOMPARE(inc.parent, std::string("lp"));
    QCOMPARE(inc.config["items"], nlohmann::json::parse(R"([{"variable": "lp.n", "operation": "add", "value": 1},
        {"variable": "lp.acc", "operation": "overwrite", "value": "{{start.q}}"}])"));
    QCOMPARE(nodeOf(imp, "stop").type, std::string("break"));
    QCOMPARE(nodeOf(imp, "stop").parent, std::string("lp"));
    QVERIFY(hasEdge(imp, "inc", "stop"));
    QCOMPARE(nodeOf(imp, "a").config["text"], nlohmann::json("{{lp.n}} {{lp.acc}}"));
}

void TestDifyImport::aggregatorAndGroups()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: c, data: {type: if-else, cases: [{case_id: 'true', conditions: [{variable_selector: ['1711', q], comparison_operator: empty}]}]}},
      {id: x, data: {type: template-transform, template: x, variables: []}},
      {id: y, data: {type: template-transform, template: y, variables: []}},
      {id: agg, data: {type: variable-aggregator, output_type: string, variables: [[x, output], [y, output]]}},
      {id: old, data: {type: variable-assigner, output_type: string, variables: [[agg, output]]}},
      {id: grp, data: {type: variable-aggregator, advanced_settings: {group_enabled: true, groups: [
        {group_name: Group1, groupId: g1, output_type: string, variables: [[x, output], [y, output]]},
        {group_name: other, groupId: g2, output_type: string, variables: [[old, output]]}]}}},
      {id: e, data: {type: end, outputs: [{variable: a, value_selector: [grp, Group1, output]}, {variable: b, value_selector: [old, output]}]}}])",
                                 R"([{source: '1711', target: c}, {source: c, sourceHandle: 'true', target: x},
      {source: c, sourceHandle: 'false', target: y}, {source: x, target: agg}, {source: y, target: agg},
      {source: agg, target: old}, {source: old, target: grp}, {source: grp, target: e}])");
    IMPORT(imp, yaml, {});
    QCOMPARE(nodeOf(imp, "agg").type, std::string("aggregate"));
    QCOMPARE(nodeOf(imp, "agg").config["values"], nlohmann::json({"{{x.text}}", "{{y.text}}"}));
    QCOMPARE(nodeOf(imp, "old").type, std::string("aggregate"));
    QCOMPARE(nodeOf(imp, "old").config["values"], nlohmann::json({"{{agg.value}}"}));
    const NodeSpec &grp = nodeOf(imp, "grp");
    QCOMPARE(grp.type, std::string("code"));
    QCOMPARE(grp.config["outputs"], nlohmann::json::parse(R"([{"name": "Group1", "type": "object"}, {"name": "other", "type": "object"}])"));
    QCOMPARE(grp.config["inputs"].size(), std::size_t(3));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["a"], nlohmann::json("{{grp.Group1.output}}"));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["b"], nlohmann::json("{{old.value}}"));
}

void TestDifyImport::assignerV1AndV2()
{
    const std::string yaml = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: v1, data: {type: assigner, assigned_variable_selector: [conversation, notes], write_mode: append,
        input_variable_selector: [sys, query]}},
      {id: v1c, data: {type: assigner, assigned_variable_selector: [conversation, count], write_mode: clear}},
      {id: v2, data: {type: assigner, version: '2', items: [
        {variable_selector: [conversation, count], operation: '-=', input_type: constant, value: 2},
        {variable_selector: [conversation, count], operation: '*=', input_type: constant, value: 3},
        {variable_selector: [conversation, count], operation: '/=', input_type: constant, value: 4},
        {variable_selector: [conversation, notes], operation: extend, input_type: variable, value: ['1711', q]},
        {variable_selector: [conversation, notes], operation: remove-first},
        {variable_selector: [conversation, notes], operation: remove-last},
        {variable_selector: [conversation, topic], operation: set, input_type: constant, value: 'about {{#1711.q#}}'},
        {variable_selector: [conversation, missing], operation: set, input_type: constant, value: x},
        {variable_selector: [conversation, topic], operation: frobnicate}]}},
      {id: none, data: {type: assigner, version: '2', items: []}},
      {id: a, data: {type: answer, answer: ok}}])",
                                 R"([{source: '1711', target: v1}, {source: v1, target: v1c}, {source: v1c, target: v2},
      {source: v2, target: none}, {source: none, target: a}])",
                                 "  conversation_variables: [{name: notes, value_type: 'array[string]', value: []},\n"
                                 "    {name: count, value_type: number, value: 0}, {name: topic, value_type: string, value: ''}]\n");
    IMPORT(imp, yaml, {});
    QCOMPARE(nodeOf(imp, "v1").config["items"],
             nlohmann::json::parse(R"([{"variable": "conversation.notes", "operation": "append", "value": "{{sys.query}}"}])"));
    QCOMPARE(nodeOf(imp, "v1c").config["items"],
             nlohmann::json::parse(R"([{"variable": "conversation.count", "operation": "clear"}])"));
    std::vector<std::string> ops;
    for (const auto &i : nodeOf(imp, "v2").config["items"])
        ops.push_back(i["operation"].get<std::string>());
    QCOMPARE(ops, (std::vector<std::string>{"subtract", "multiply", "divide", "extend", "remove-first", "remove-last", "set"}));
    QCOMPARE(nodeOf(imp, "v2").config["items"][6]["value"], nlohmann::json("about {{start.q}}"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "conversation.missing"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "frobnicate"));
    QCOMPARE(nodeOf(imp, "none").type, std::string("template"));
    QCOMPARE(imp.workflow.variables.size(), std::size_t(3));
}

void TestDifyImport::documentAndListOperator()
{
    const std::string yaml = app("workflow", R"([{id: s, data: {type: start, variables: [{variable: files, type: file-list, label: F}]}},
      {id: d, data: {type: document-extractor, variable_selector: [s, files], is_array_file: true}},
      {id: l, data: {type: list-operator, variable: [s, files],
        filter_by: {enabled: true, conditions: [{key: extension, comparison_operator: in, value: [.pdf, .txt]},
          {key: size, comparison_operator: '≥', value: '10'}]},
        order_by: {enabled: true, key: name, value: desc}, limit: {enabled: true, size: 3}, extract_by: {enabled: false, serial: '1'}}},
      {id: l2, data: {type: list-operator, variable: [l, result], extract_by: {enabled: true, serial: '2'}}},
      {id: e, data: {type: end, outputs: [{variable: t, value_selector: [d, text]}, {variable: f, value_selector: [l, first_record]},
        {variable: z, value_selector: [l2, last_record]}]}}])",
                                 "[{source: s, target: d}, {source: d, target: l}, {source: l, target: l2}, {source: l2, target: e}]");
    IMPORT(imp, yaml, {});
    QCOMPARE(nodeOf(imp, "d").config, nlohmann::json({{"files", "{{s.files}}"}}));
    QCOMPARE(nodeOf(imp, "l").config, nlohmann::json::parse(R"({"list": "{{s.files}}",
        "filter": {"logic": "and", "conditions": [{"field": "extension", "op": "in", "value": [".pdf", ".txt"]},
                                                  {"field": "size", "op": "ge", "value": "10"}]},
        "sort": {"field": "name", "order": "desc"}, "limit": {"take": "first", "count": 3}})"));
    QCOMPARE(nodeOf(imp, "l2").config["limit"], nlohmann::json({{"take", "first"}, {"count", 2}}));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Changed, "extract_by"));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["f"], nlohmann::json("{{l.first}}"));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["z"], nlohmann::json("{{l2.last}}"));
}

void TestDifyImport::toolsMapToPluginsOrPlaceholders()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: web, data: {type: tool, provider_id: webscraper, provider_type: builtin, provider_name: webscraper, tool_name: webscraper,
        tool_parameters: {url: {type: mixed, value: 'https://{{#1711.q#}}'}, user_agent: {type: mixed, value: x}}}},
      {id: ddg, data: {type: tool, provider_id: langgenius/duckduckgo/duckduckgo, provider_type: builtin, tool_name: ddgo_search,
        tool_parameters: {query: {type: variable, value: ['1711', q]}}}},
      {id: clock, data: {type: tool, provider_id: time, provider_type: builtin, tool_name: current_time,
        tool_configurations: {timezone: UTC, api_key: should-not-be-kept}, tool_parameters: {}}},
      {id: echo, data: {type: tool, provider_id: everything, provider_name: Everything, provider_type: mcp, tool_name: echo,
        tool_parameters: {message: {type: mixed, value: 'say {{#1711.q#}}'}}}},
      {id: e, data: {type: end, outputs: [{variable: a, value_selector: [web, text]}, {variable: b, value_selector: [ddg, json]},
        {variable: c, value_selector: [clock, text]}, {variable: d, value_selector: [echo, json]}]}}])",
                                 "[{source: '1711', target: web}, {source: web, target: ddg}, {source: ddg, target: clock}, {source: clock, target: echo}, {source: echo, target: e}]");
    DifyImportOptions options;
    options.catalog = &catalog();
    IMPORT(imp, yaml, options);
    const NodeSpec &web = nodeOf(imp, "web");
    QCOMPARE(web.type, std::string("mcp.tool"));
    QCOMPARE(web.config["server"], nlohmann::json("fetch"));
    QCOMPARE(web.config["tool"], nlohmann::json("fetch_markdown"));
    QCOMPARE(web.config["arguments"], nlohmann::json({{"url", "https:" "//{{start.q}}"}}));
    QCOMPARE(imp.workflow.plugins["fetch"], nlohmann::json({{"catalog", "fetch"}}));
    const NodeSpec &ddg = nodeOf(imp, "ddg");
    QCOMPARE(ddg.config["server"], nlohmann::json("brave_search"));
    QCOMPARE(ddg.config["tool"], nlohmann::json("brave_web_search"));
    QCOMPARE(ddg.config["arguments"]["query"], nlohmann::json("{{start.q}}"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Todo, "BRAVE_API_KEY"));
    const NodeSpec &clock = nodeOf(imp, "clock");
    QCOMPARE(clock.type, std::string("placeholder"));
    QCOMPARE(clock.config["from"], nlohmann::json("dify"));
    QCOMPARE(clock.config["difyType"], nlohmann::json("tool"));
    QCOMPARE(clock.config["original"]["tool_configurations"], nlohmann::json({{"timezone", "UTC"}}));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "current_time"));
    QVERIFY(!imp.clean());
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["b"], nlohmann::json("{{ddg.structured}}"));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["c"], nlohmann::json("{{clock.text}}"));
    const NodeSpec &echo = nodeOf(imp, "echo");  // a Dify workspace MCP server that the catalog has
    QCOMPARE(echo.type, std::string("mcp.tool"));
    QCOMPARE(echo.config["server"], nlohmann::json("everything"));
    QCOMPARE(echo.config["tool"], nlohmann::json("echo"));
    QCOMPARE(echo.config["arguments"], nlohmann::json({{"message", "say {{start.q}}"}}));
    QCOMPARE(nodeOf(imp, "e").config["outputs"]["d"], nlohmann::json("{{echo.structured}}"));
    bool placeholderReported = false;
    for (const auto &d : validateWorkflow(imp.workflow, NodeRegistry::builtin()))
        placeholderReported = placeholderReported ||
                              (d.nodeId == "clock" && d.code == "placeholder" && d.message.find("time/current_time") != std::string::npos);
    QVERIFY(placeholderReported);
    // Without a catalog every tool is a placeholder.
    IMPORT(bare, yaml, {});
    QCOMPARE(nodeOf(bare, "web").type, std::string("placeholder"));
}

void TestDifyImport::agentNode()
{
    const std::string yaml = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: ag, data: {type: agent, agent_strategy_provider_name: langgenius/agent/agent, agent_strategy_name: function_calling,
        agent_parameters: {model: {type: constant, value: {provider: openai, model: gpt-4o, name: gpt-4o}},
          tools: {type: constant, value: [{provider_name: tavily, tool_name: tavily_search, enabled: true},
                                          {provider_name: time, tool_name: current_time, enabled: true},
                                          {provider_name: jina, tool_name: jina_reader, enabled: false}]},
          instruction: {type: constant, value: 'You research {{#1711.q#}}'}, query: {type: constant, value: '{{#sys.query#}}'},
          maximum_iterations: {type: constant, value: 8}}}},
      {id: plain, data: {type: agent, agent_strategy_name: ReAct, agent_parameters: {model: {value: {provider: openai, name: gpt-4o}},
          tools: {value: [{provider_name: time, tool_name: current_time}]}, query: {value: hi}}}},
      {id: a, data: {type: answer, answer: '{{#ag.text#}}{{#plain.text#}}'}}])",
                                 "[{source: '1711', target: ag}, {source: ag, target: plain}, {source: plain, target: a}]");
    DifyImportOptions options;
    options.catalog = &catalog();
    IMPORT(imp, yaml, options);
    const NodeSpec &ag = nodeOf(imp, "ag");
    QCOMPARE(ag.type, std::string("agent"));
    QCOMPARE(ag.config["tools"], nlohmann::json::parse(R"([{"server": "tavily", "tool": "tavily-search"}])"));
    QCOMPARE(ag.config["system"], nlohmann::json("You research {{start.q}}"));
    QCOMPARE(ag.config["prompt"], nlohmann::json("{{sys.query}}"));
    QCOMPARE(ag.config["maxIterations"], nlohmann::json(8));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "time/current_time"));
    QCOMPARE(nodeOf(imp, "plain").type, std::string("llm"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Changed, "agent_strategy ReAct"));

    // A strategy plugin's agent as Dify 1.x exports it: the model selector names its model
    // "model"; an MCP server by URL; settings of its own (a TOD agent's schemas). (URLs are
    // outside the raw strings: moc reads "//" in one as a comment.)
    const std::string plugin = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: mcp, data: {type: agent, agent_strategy_provider_name: svcvit/agent/agent, agent_strategy_name: mcp_sse,
        agent_parameters: {model: {type: constant, value: {provider: langgenius/openai/openai, model: gpt-4o-mini, model_type: llm}},
          mcp_server: {type: constant, value: ')" + std::string("https:/" "/mcp.example.com/sse") + R"('},
          instruction: {type: constant, value: 'Look up the weather.'}, query: {type: constant, value: '{{#sys.query#}}'}}}},
      {id: tod, data: {type: agent, agent_strategy_name: TOD,
        agent_parameters: {model: {value: {provider: langgenius/openai/openai, model: o1-mini}},
          information_schema: {type: constant, value: '{"fields": [{"name": "destination"}]}'},
          storage_key: {type: constant, value: '{{#sys.conversation_id#}}'}, query: {value: '{{#sys.query#}}'},
          mcp_server: {type: constant, value: ')" + std::string("https:/" "/x.example.com/sse?key=*****") + R"('}}}},
      {id: a, data: {type: answer, answer: '{{#mcp.text#}}{{#tod.text#}}'}}])",
                                   "[{source: '1711', target: mcp}, {source: mcp, target: tod}, {source: tod, target: a}]");
    IMPORT(plugged, plugin, options);
    const NodeSpec &mcp = nodeOf(plugged, "mcp");
    QCOMPARE(mcp.type, std::string("agent"));
    QCOMPARE(mcp.config["tools"], nlohmann::json::parse(R"([{"server": "mcp_mcp"}])"));
    QCOMPARE(plugged.workflow.plugins["mcp_mcp"], (nlohmann::json{{"url", "https:/" "/mcp.example.com/sse"}, {"transport", "sse"}}));
    QVERIFY(hasIssue(plugged, ImportIssue::Kind::Changed, "mcp_server"));
    QCOMPARE(plugged.workflow.models[mcp.config["model"].get<std::string>()]["model"], nlohmann::json("gpt-4o-mini"));
    const NodeSpec &tod = nodeOf(plugged, "tod");
    QCOMPARE(tod.type, std::string("llm"));
    QCOMPARE(plugged.workflow.models[tod.config["model"].get<std::string>()]["model"], nlohmann::json("o1-mini"));
    for (const char *key : {"information_schema", "storage_key"})
        QVERIFY2(hasIssue(plugged, ImportIssue::Kind::Unmapped, key), key);
    // An address that hides its key is not written into the workflow: the user adds the server.
    QVERIFY(hasIssue(plugged, ImportIssue::Kind::Todo, "mcp_server"));
    QVERIFY(serializeWorkflow(plugged.workflow).find("x.example.com") == std::string::npos);

    // A password in the address, a key-like path, an address that is not http(s): none is
    // written or shown, and each is reported.
    for (const std::string &url : {std::string("https:/" "/bob:hunter2pass@mcp.example.com/sse"),
                                   std::string("https:/" "/mcp.example.com/api/mcp/s/c2VjcmV0LXRva2VuLTEyMzQ1Njc4OQ/sse"),
                                   std::string("{{#env.MCP_URL#}}")}) {
        const std::string one = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: ag, data: {type: agent, agent_parameters: {model: {value: {provider: openai, model: gpt-4o}},
          mcp_server: {type: constant, value: ')" + url + R"('}, query: {value: '{{#sys.query#}}'}}}},
      {id: a, data: {type: answer, answer: '{{#ag.text#}}'}}])",
                                    "[{source: '1711', target: ag}, {source: ag, target: a}]");
        IMPORT(hidden, one, options);
        QVERIFY2(hasIssue(hidden, ImportIssue::Kind::Todo, "mcp_server") || hasIssue(hidden, ImportIssue::Kind::Unmapped, "mcp_server"),
                 url.c_str());
        QVERIFY(hidden.workflow.plugins.empty());
        const std::string report = importReportText(hidden) + importReportJson(hidden).dump();
        for (const char *secret : {"hunter2pass", "c2VjcmV0LXRva2VuLTEyMzQ1Njc4OQ"})
            QVERIFY2(report.find(secret) == std::string::npos, report.c_str());
    }
}

void TestDifyImport::notesKept()
{
    const std::string note = R"({\"root\":{\"children\":[{\"children\":[{\"text\":\"First line\",\"type\":\"text\"}],\"type\":\"paragraph\"},{\"children\":[{\"text\":\"Second\",\"type\":\"text\"}],\"type\":\"paragraph\"}],\"type\":\"root\"}})";
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: n1, type: custom-note, position: {x: 5, y: 6}, width: 300, height: 150, data: {type: '', theme: cyan, text: ")" + note + R"(", author: me, width: 300, height: 150}},
      {id: e, data: {type: end, outputs: []}}])",
                                 "[{source: '1711', target: e}]");
    IMPORT(imp, yaml, {});
    QCOMPARE(imp.workflow.notes.size(), std::size_t(1));
    const NoteSpec &n = imp.workflow.notes[0];
    QCOMPARE(n.text, std::string("First line\nSecond"));
    QCOMPARE(n.color, std::string("blue"));
    QCOMPARE(n.position[0], 5.0);
    QCOMPARE(n.size[0], 300.0);
    QCOMPARE(n.size[1], 150.0);
    QCOMPARE(imp.workflow.nodes.size(), std::size_t(2));
}

void TestDifyImport::errorStrategies()
{
    const std::string yaml = app("workflow", std::string("[") + kStart + R"(,
      {id: h, data: {type: http-request, method: get, url: 'https://x', error_strategy: fail-branch}},
      {id: c, data: {type: code, code: 'def main(): return dict(r=1)', code_language: python3, outputs: {r: {type: number}},
        error_strategy: default-value, default_value: [{key: r, type: number, value: 0}]}},
      {id: ok, data: {type: end, outputs: [{variable: r, value_selector: [c, r]}]}},
      {id: bad, data: {type: end, outputs: [{variable: m, value_selector: [h, error_message]}]}}])",
                                 R"([{source: '1711', target: h}, {source: h, sourceHandle: source, target: c},
      {source: h, sourceHandle: fail-branch, target: bad}, {source: c, target: ok}, {source: c, sourceHandle: fail-branch, target: bad}])");
    IMPORT(imp, yaml, {});
    QCOMPARE(nodeOf(imp, "h").onError, OnError::Branch);
    QCOMPARE(nodeOf(imp, "c").onError, OnError::Continue);
    QVERIFY(hasEdge(imp, "h", "c"));
    QVERIFY(hasEdge(imp, "h", "bad", "error"));
    QVERIFY(!hasEdge(imp, "c", "bad", "error"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Changed, "default_value"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "sourceHandle fail-branch"));
    QCOMPARE(nodeOf(imp, "bad").config["outputs"]["m"], nlohmann::json("{{h.error.message}}"));
}

void TestDifyImport::environmentAndConversationVariables()
{
    const std::string yaml = app("advanced-chat", std::string("[") + kStart + R"(,
      {id: a, data: {type: answer, answer: '{{#env.BASE#}} {{#env.LIMIT#}} {{#env.KEY#}} {{#conversation.mem#}}'}}])",
                                 "[{source: '1711', target: a}]",
                                 "  environment_variables:\n"
                                 "  - {name: BASE, value_type: string, value: 'https://x', description: Base URL}\n"
                                 "  - {name: LIMIT, value_type: number, value: '10'}\n"
                                 "  - {name: KEY, value_type: secret, value: sk-secret-value}\n"
                                 "  - {name: 'bad name', value_type: string, value: x}\n"
                                 "  - {name: '', value_type: number, value: 1}\n"
                                 "  - {name: OPENAI_API_KEY, value_type: string, value: sk-proj-Yt4nB8wQ1cE5rU9iO3pA}\n"
                                 "  conversation_variables:\n"
                                 "  - {name: mem, value_type: 'array[object]', value: [{a: 1}], description: Memory}\n"
                                 "  - {name: flag, value_type: boolean, value: true}\n"
                                 "  - {name: doc, value_type: file, value: null}\n");
    IMPORT(imp, yaml, {});
    QCOMPARE(imp.workflow.env.size(), std::size_t(2));
    QCOMPARE(imp.workflow.env[0].name, std::string("BASE"));
    QCOMPARE(imp.workflow.env[0].value, nlohmann::json("https://x"));
    QCOMPARE(imp.workflow.env[0].description, std::string("Base URL"));
    QCOMPARE(imp.workflow.env[1].type, std::string("number"));
    QCOMPARE(imp.workflow.env[1].value, nlohmann::json(10.0));
    QCOMPARE(imp.secrets.size(), std::size_t(2));
    QCOMPARE(imp.secrets[1].name, std::string("OPENAI_API_KEY"));  // a key kept in a plain setting by mistake
    QCOMPARE(imp.secrets[1].value, std::string("sk-proj-Yt4nB8wQ1cE5rU9iO3pA"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Changed, "OPENAI_API_KEY"));
    QCOMPARE(imp.secrets[0].name, std::string("KEY"));
    QCOMPARE(imp.secrets[0].value, std::string("sk-secret-value"));
    QCOMPARE(imp.secrets[0].from, std::string("environment variable KEY"));
    // A secret in an answer would reach the user: left out and reported.
    QCOMPARE(nodeOf(imp, "a").config["text"], nlohmann::json("{{env.BASE}} {{env.LIMIT}}  {{conversation.mem}}"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Todo, "env.KEY"));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "bad name"));
    QCOMPARE(imp.workflow.variables.size(), std::size_t(2));
    QCOMPARE(imp.workflow.variables[0].type, std::string("array[object]"));
    QCOMPARE(imp.workflow.variables[0].defaultValue, nlohmann::json::parse(R"([{"a": 1}])"));
    QCOMPARE(imp.workflow.variables[1].defaultValue, nlohmann::json(true));
    QVERIFY(hasIssue(imp, ImportIssue::Kind::Unmapped, "doc (file)"));
    QVERIFY(serializeWorkflow(imp.workflow).find("sk-secret-value") == std::string::npos);
    QVERIFY(serializeWorkflow(imp.workflow).find("sk-proj-") == std::string::npos);
}

QTEST_GUILESS_MAIN(TestDifyImport)
#include "tst_difyimport.moc"
