#include "engine/core/messages.h"
#include "engine/nodes/noderegistry.h"
#include "engine/workflow/localized.h"
#include "engine/workflow/validator.h"
#include "engine/workflow/workflowfile.h"

#include <QtTest>

using namespace flowdeck::engine;

namespace {

// A small workflow with Chinese on the workflow, a node and a select input.
const char *kWorkflow = R"({
  "format": "flowdeck.workflow",
  "formatVersion": 1,
  "id": "triage",
  "name": "Triage",
  "description": "Sorts mail.",
  "i18n": { "zh": { "name": "分拣", "description": "分拣邮件。" } },
  "mode": "workflow",
  "inputs": [
    { "name": "urgency", "type": "select", "label": "Urgency", "options": ["low", "high"],
      "i18n": { "zh": { "label": "紧急程度", "options": ["低", "高"] } } },
    { "name": "note", "type": "text", "i18n": { "zh": { "options": ["x"] } } }
  ],
  "nodes": [
    { "id": "start", "type": "start", "i18n": { "zh": { "title": "开始" } }, "position": [0, 0] },
    { "id": "sort", "type": "llm", "title": "Sort the mail", "i18n": { "zh": { "title": "分拣邮件" } }, "position": [200, 0] },
    { "id": "end", "type": "end", "title": "Done", "position": [400, 0] }
  ],
  "edges": [ { "from": "start", "to": "sort" }, { "from": "sort", "to": "end" } ]
})";

Workflow parsed()
{
    auto result = parseWorkflow(kWorkflow);
    if (!result.ok())
        qFatal("the test workflow does not parse");
    return result.value();
}

} // namespace

class TestLocalized : public QObject
{
    Q_OBJECT
private slots:
    void languageKeys_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("key");
        QTest::newRow("qt locale") << "zh_CN" << "zh";
        QTest::newRow("bcp47") << "zh-Hans-CN" << "zh";
        QTest::newRow("upper case") << "ZH" << "zh";
        QTest::newRow("english") << "en-GB" << "en";
        QTest::newRow("empty") << "" << "";
    }
    void languageKeys()
    {
        QFETCH(QString, language);
        QFETCH(QString, key);
        QCOMPARE(QString::fromStdString(languageKey(language.toStdString())), key);
    }

    void acceptLanguage_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("language");
        QTest::newRow("chinese browser") << "zh-CN,zh;q=0.9,en;q=0.8" << "zh";
        QTest::newRow("english first") << "en-US,en;q=0.9,zh-CN;q=0.8" << "en";
        QTest::newRow("q decides") << "en;q=0.5, zh-TW;q=0.7" << "zh";
        QTest::newRow("unknown only") << "fr-FR,de;q=0.9" << "en";
        QTest::newRow("french then chinese") << "fr-FR,zh;q=0.5" << "zh";
        QTest::newRow("empty") << "" << "en";
        QTest::newRow("garbage q") << "zh;q=abc,en" << "en";
    }
    void acceptLanguage()
    {
        QFETCH(QString, header);
        QFETCH(QString, language);
        QCOMPARE(QString::fromStdString(languageFromAcceptLanguage(header.toStdString())), language);
    }

    void chineseWhenAsked()
    {
        const Workflow wf = parsed();
        QCOMPARE(QString::fromStdString(localizedName(wf, "zh_CN")), QStringLiteral("分拣"));
        QCOMPARE(QString::fromStdString(localizedDescription(wf, "zh")), QStringLiteral("分拣邮件。"));
        QCOMPARE(QString::fromStdString(localizedTitle(wf.nodes[1], "zh")), QStringLiteral("分拣邮件"));
        QCOMPARE(QString::fromStdString(localizedTitle(wf.nodes[0], "zh", "Start")), QStringLiteral("开始"));
        QCOMPARE(QString::fromStdString(localizedLabel(wf.inputs[0], "zh")), QStringLiteral("紧急程度"));
        QCOMPARE(localizedOptions(wf.inputs[0], "zh"), nlohmann::json({"低", "高"}));
    }

    void englishAndFallbacks()
    {
        const Workflow wf = parsed();
        QCOMPARE(QString::fromStdString(localizedName(wf, "en")), QStringLiteral("Triage"));
        QCOMPARE(QString::fromStdString(localizedTitle(wf.nodes[1], "en")), QStringLiteral("Sort the mail"));
        // No English title: the caller's name for the node type.
        QCOMPARE(QString::fromStdString(localizedTitle(wf.nodes[0], "en", "Start")), QStringLiteral("Start"));
        // No Chinese: the English.
        QCOMPARE(QString::fromStdString(localizedTitle(wf.nodes[2], "zh")), QStringLiteral("Done"));
        QCOMPARE(QString::fromStdString(localizedLabel(wf.inputs[1], "zh")), QStringLiteral("note"));
        QCOMPARE(localizedOptions(wf.inputs[0], "en"), nlohmann::json({"low", "high"}));
        // Options that do not match one for one are not used.
        QCOMPARE(localizedOptions(wf.inputs[1], "zh"), nlohmann::json());
    }

    void savedAndReadBack()
    {
        const Workflow wf = parsed();
        auto again = parseWorkflow(serializeWorkflow(wf));
        QVERIFY(again.ok());
        QCOMPARE(again.value().i18n, wf.i18n);
        QCOMPARE(again.value().nodes[1].i18n, wf.nodes[1].i18n);
        QCOMPARE(again.value().inputs[0].i18n, wf.inputs[0].i18n);
        QVERIFY(again.value().nodes[2].i18n.empty());
        // The translations sit next to the text they translate.
        const std::string text = serializeWorkflow(wf);
        QVERIFY(text.find("\"title\": \"Sort the mail\",\n      \"i18n\"") != std::string::npos);
    }

    void theMessageCatalogIsSorted() { QVERIFY(catalogIsSorted()); }

    void fixedRunErrorsReadInChinese()
    {
        const std::string notJson = "The model was asked for JSON but answered with text that is not JSON.";
        QVERIFY(localizedSentence(notJson, "zh_CN").find("JSON") != std::string::npos);
        QVERIFY(localizedSentence(notJson, "zh_CN") != notJson);
        QCOMPARE(localizedSentence(notJson, "en"), notJson);
        QCOMPARE(localizedSentence("Some other text.", "zh"), std::string("Some other text."));
    }

    void knowledgeErrorsReadInChinese()
    {
        // As the knowledge node writes them (engine/knowledge/knowledgeretrieval.cpp, knowledgelibrary.cpp).
        QCOMPARE(localizedSentence("There is no knowledge base 'hr' in /p/knowledge. Create it in the Knowledge panel or with "
                                   "`flowdeck kb create hr`.", "zh"),
                 std::string("/p/knowledge 中没有知识库“hr”。请在“知识库”面板中创建，或运行 `flowdeck kb create hr`。"));
        const std::string noVectors = localizedSentence(
            "The knowledge base 'hr' has no vectors yet, so it cannot be searched by vector. Embed it first (Knowledge panel, "
            "or `flowdeck kb reindex hr`), or choose keyword or hybrid search.", "zh_CN");
        QVERIFY2(noVectors.find("知识库“hr”还没有向量") == 0, noVectors.c_str());
        QCOMPARE(localizedSentence("'broken.pdf' is not a PDF file or is damaged.", "zh"),
                 std::string("“broken.pdf”不是 PDF 文件，或文件已损坏。"));
        QCOMPARE(localizedSentence("'scan.pdf' page 3 has no text layer and OCR is not available: install tesseract-ocr.", "zh"),
                 std::string("“scan.pdf”第 3 页没有文字层，且无法进行 OCR 识别：请安装 tesseract-ocr。"));
        QCOMPARE(localizedSentence("The query is empty: the knowledge node's Query rendered to no text.", "zh"),
                 std::string("检索问题为空：知识检索节点的“检索问题”没有生成任何文字。"));
    }

    void providerErrorsReadInChineseWithTheirDetails()
    {
        // As engine/model/chatclient.cpp writes a refused key.
        const std::string refused = "The key for DeepSeek was refused (HTTP 401). Check it in Settings → Model providers "
                                    "(or the DEEPSEEK_API_KEY variable). Details: POST https://api.deepseek.com/v1/chat/completions, "
                                    "profile 'deepseek', model 'deepseek-chat', HTTP 401.";
        const std::string zh = localizedSentence(refused, "zh_CN");
        QVERIFY2(zh.rfind("DeepSeek拒绝了这个密钥（HTTP 401）。请在设置 → 模型服务商（或环境变量 DEEPSEEK_API_KEY）中检查。", 0) == 0,
                 zh.c_str());
        QVERIFY2(zh.find("（详情：POST https://api.deepseek.com/v1/chat/completions") != std::string::npos, zh.c_str());
        // A provider without a title, and a server error with its status.
        const std::string busy = "The model provider 'my-vllm' had a problem answering (HTTP 503). Run again in a few minutes; "
                                 "if it keeps happening, check the provider's status page or choose another provider.";
        QCOMPARE(localizedSentence(busy, "zh"),
                 std::string("模型服务商 'my-vllm'回答时出了问题（HTTP 503）。请过几分钟再运行；如果一直这样，请查看服务商的状态页面或换一个服务商。"));
        // A sentence that only begins like a pattern stays as it is.
        const std::string other = "The key for DeepSeek was lost somewhere else.";
        QCOMPARE(localizedSentence(other, "zh"), other);
        QCOMPARE(localizedSentence(refused, "en"), refused);
    }

    void validatorProblemsReadInChinese()
    {
        // An unknown type, a node nothing reaches, a loop and a reference to a missing node.
        auto result = parseWorkflow(R"({"format": "flowdeck.workflow", "formatVersion": 1, "id": "broken", "name": "Broken",
          "mode": "workflow",
          "nodes": [{"id": "start", "type": "start"}, {"id": "a", "type": "template", "config": {"template": "{{ghost.text}}"}},
                    {"id": "b", "type": "template", "config": {"template": "x"}}, {"id": "lonely", "type": "frobnicate"},
                    {"id": "end", "type": "end"}],
          "edges": [{"from": "start", "to": "a"}, {"from": "a", "to": "b"}, {"from": "b", "to": "a"}, {"from": "b", "to": "end"}]})");
        QVERIFY(result.ok());
        const Diagnostics problems = validateWorkflow(result.value(), NodeRegistry::builtin());
        QStringList seen;
        for (const auto &d : problems) {
            const QString zh = QString::fromStdString(localizedMessage(d, "zh_CN"));
            QCOMPARE(QString::fromStdString(localizedMessage(d, "en")), QString::fromStdString(d.message));
            if (!hasTranslation(d.code))
                continue;
            seen << QString::fromStdString(d.code);
            QVERIFY2(!zh.contains(QRegularExpression("\\{\\d\\}")), qPrintable(zh));  // every part filled in
            QVERIFY2(!zh.contains(QRegularExpression("\\b(?!ghost|text|lonely|frobnicate|start|end|Flowdeck)[A-Za-z]{3,}\\b")),
                     qPrintable(zh));
            QVERIFY2(zh != QString::fromStdString(d.message), qPrintable(zh));
        }
        for (const char *code : {"unknown-type", "unreachable", "cycle", "unknown-reference"})
            QVERIFY2(seen.contains(code), qPrintable(seen.join(", ")));
        for (const auto &d : problems)
            if (d.code == "unknown-type")
                QCOMPARE(QString::fromStdString(localizedMessage(d, "zh")), QStringLiteral("“frobnicate”不是这个 Flowdeck 认识的节点类型。"));
    }

    void messagesWithoutTheirPartsStayEnglish()
    {
        Diagnostic d;
        d.code = "unknown-type";
        d.message = "'x' is not a node type this Flowdeck knows.";
        QCOMPARE(QString::fromStdString(localizedMessage(d, "zh")), QString::fromStdString(d.message));  // no args
        d.code = "some-new-code";
        d.args = {"x"};
        QCOMPARE(QString::fromStdString(localizedMessage(d, "zh")), QString::fromStdString(d.message));
        QCOMPARE(QString::fromStdString(localizedText("http.no-app", "zh-CN", {"shop"}, "There is no app named 'shop'.")),
                 QStringLiteral("这个运行时上没有名为“shop”的应用。"));
        QCOMPARE(QString::fromStdString(localizedText("http.no-app", "en", {"shop"}, "There is no app named 'shop'.")),
                 QStringLiteral("There is no app named 'shop'."));
    }

    void malformedTranslationsAreRefused()
    {
        std::string text = kWorkflow;
        text.replace(text.find("\"title\": \"开始\""), std::string("\"title\": \"开始\"").size(), "\"titel\": \"开始\"");
        auto result = parseWorkflow(text);
        QVERIFY(!result.ok());
        QVERIFY(!result.diagnostics().empty());
    }
};

QTEST_GUILESS_MAIN(TestLocalized)
#include "tst_localized.moc"
