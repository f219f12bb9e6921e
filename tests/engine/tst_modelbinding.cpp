// Models as a first-class choice (engine/templates/modelbinding, the provider presets):
// templates declare kinds, projects bind them to a provider, unbound models are saved
// but not run or deployed.
#include "engine/core/secretstore.h"
#include "engine/deploy/deploybundle.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/model/providerprofile.h"
#include "engine/nodes/noderegistry.h"
#include "engine/templates/modelbinding.h"
#include "engine/templates/solutiontemplate.h"
#include "engine/workflow/validator.h"
#include "engine/workflow/workflowfile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <set>

using namespace flowdeck::engine;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

Workflow chatWorkflow(json models)
{
    auto wf = parseWorkflow(json{{"format", "flowdeck.workflow"},
                                 {"formatVersion", 1},
                                 {"id", "ask"},
                                 {"name", "Ask"},
                                 {"mode", "chat"},
                                 {"models", models},
                                 {"nodes",
                                  {{{"id", "start"}, {"type", "start"}},
                                   {{"id", "llm"}, {"type", "llm"}, {"config", {{"prompt", "{{sys.query}}"}}}},
                                   {{"id", "answer"}, {"type", "answer"}, {"config", {{"text", "{{llm.text}}"}}}}}},
                                 {"edges", {{{"from", "start"}, {"to", "llm"}}, {{"from", "llm"}, {"to", "answer"}}}}}
                                .dump());
    if (!wf)
        qFatal("the test workflow does not load: %s", wf.diagnostics().front().message.c_str());
    return wf.value();
}

std::string messages(const Diagnostics &diagnostics)
{
    std::string out;
    for (const auto &d : diagnostics)
        out += d.message + "\n";
    return out;
}

} // namespace

class TestModelBinding : public QObject {
    Q_OBJECT

private slots:
    void thePresetsHaveFriendlyNamesAKeyPageAndAModelPerKind_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("titleZh");
        QTest::addColumn<QString>("reasoning");
        QTest::newRow("maas") << "maas" << "华为云 MaaS" << "DeepSeek-R1";
        QTest::newRow("dashscope") << "dashscope" << "通义千问 DashScope" << "qwq-plus";
        QTest::newRow("qianfan") << "qianfan" << "文心 Qianfan（百度千帆）" << "ernie-x1-32k";
        QTest::newRow("zhipu") << "zhipu" << "智谱 GLM" << "glm-z1-flash";
        QTest::newRow("moonshot") << "moonshot" << "Kimi 月之暗面" << "kimi-thinking-preview";
        QTest::newRow("deepseek") << "deepseek" << "DeepSeek 深度求索" << "deepseek-reasoner";
    }
    void thePresetsHaveFriendlyNamesAKeyPageAndAModelPerKind()
    {
        QFETCH(QString, name);
        QFETCH(QString, titleZh);
        QFETCH(QString, reasoning);
        const ProfileStore store;
        const ProviderProfile *p = store.find(name.toStdString());
        QVERIFY(p);
        QCOMPARE(QString::fromStdString(p->titleIn("zh")), titleZh);
        QCOMPARE(p->titleIn("en"), p->title);
        QVERIFY(p->keyUrl.rfind("https://", 0) == 0);
        QCOMPARE(p->modelFor("chat"), p->defaultModel);
        QCOMPARE(QString::fromStdString(p->modelFor("reasoning")), reasoning);
        QVERIFY(!p->modelFor("tools").empty());
        QVERIFY(!p->suggestions.empty());
        // A profile's JSON (what the studio and deploy bundles carry) keeps all of it.
        const ProviderProfile back = ProviderProfile::fromJson(p->name, p->toJson(), nullptr);
        QCOMPARE(back.titleZh, p->titleZh);
        QCOMPARE(back.keyUrl, p->keyUrl);
        QCOMPARE(back.modelFor("reasoning"), p->modelFor("reasoning"));
        QCOMPARE(back.suggestions, p->suggestions);
    }

    void aProviderWithoutEmbeddingsHasNoEmbeddingModel()
    {
        const ProfileStore store;
        QCOMPARE(store.find("deepseek")->modelFor("embeddings"), std::string());
        QCOMPARE(store.find("dashscope")->modelFor("embeddings"), std::string("text-embedding-v3"));
    }

    void bindingFollowsTheKindOfEachModel()
    {
        Workflow wf = chatWorkflow({{"default", {{"kind", "chat"}}},
                                    {"thinker", {{"kind", "reasoning"}}},
                                    {"mine", {{"kind", "chat"}, {"profile", "openai"}, {"model", "gpt-4o"}}}});
        QCOMPARE(unboundModels(wf), (std::vector<std::string>{"default", "thinker"}));
        const ProfileStore store;
        QCOMPARE(bindModels(wf, *store.find("maas"), true), 2);
        QCOMPARE(wf.models["default"], (json{{"kind", "chat"}, {"profile", "maas"}, {"model", "DeepSeek-V3"}}));
        QCOMPARE(wf.models["thinker"], (json{{"kind", "reasoning"}, {"profile", "maas"}, {"model", "DeepSeek-R1"}}));
        QCOMPARE(wf.models["mine"]["profile"], json("openai"));  // left alone: it was bound
        QVERIFY(unboundModels(wf).empty());
        // Binding everything switches the bound one too, with that provider's model for the kind.
        QCOMPARE(bindModels(wf, *store.find("zhipu")), 3);
        QCOMPARE(wf.models["mine"], (json{{"kind", "chat"}, {"profile", "zhipu"}, {"model", "glm-4-flash"}}));
        QCOMPARE(bindModels(wf, *store.find("zhipu")), 0);
    }

    void anUnboundModelIsSavedButNotRunOrDeployed()
    {
        const Workflow wf = chatWorkflow({{"default", {{"kind", "chat"}}}});
        // The validator only warns: editing and saving go on.
        const Diagnostics found = validateWorkflow(wf, NodeRegistry::builtin());
        QVERIFY2(!hasErrors(found), messages(found).c_str());
        QVERIFY(messages(found).find("Choose a provider for model 'default'") != std::string::npos);
        const Diagnostics problems = unboundModelProblems(wf);
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY(problems[0].isError());
        QCOMPARE(problems[0].field, std::string("models.default"));
        QVERIFY(problems[0].message.find("Workflow → Models…") != std::string::npos);
        QVERIFY(problems[0].message.find("--profile") != std::string::npos);
        // Deploying refuses it with the same sentence.
        SecretStore secrets;
        secrets.setUseEnvironment(false);
        const auto bundle = buildDeployBundle(wf, ProfileStore(), secrets, PluginCatalog(), BundleOptions());
        QVERIFY(!bundle.ok());
        QVERIFY2(messages(bundle.diagnostics()).find("Choose a provider for model 'default'") != std::string::npos,
                 messages(bundle.diagnostics()).c_str());
        // A kind that is not one of the four is refused by the format.
        auto bad = parseWorkflow(json{{"format", "flowdeck.workflow"},
                                      {"formatVersion", 1},
                                      {"id", "x"},
                                      {"name", "X"},
                                      {"models", {{"default", {{"kind", "vision"}}}}},
                                      {"nodes", json::array()},
                                      {"edges", json::array()}}
                                     .dump());
        QVERIFY(!bad.ok());
    }

    void theProviderWithAKeyIsChosenMaasFirst()
    {
        ProfileStore store;
        std::set<std::string> keys;
        const auto hasKey = [&](const ProviderProfile &p) { return keys.count(p.apiKeySecret) > 0; };
        QVERIFY(!preferredProfile(store, hasKey));  // no key anywhere: the studio asks
        keys = {"ZHIPUAI_API_KEY"};
        QCOMPARE(preferredProfile(store, hasKey)->name, std::string("zhipu"));
        keys = {"ZHIPUAI_API_KEY", "DEEPSEEK_API_KEY", "MAAS_API_KEY"};
        QCOMPARE(preferredProfile(store, hasKey)->name, std::string("maas"));
        // The user's own profiles come after the presets, and count when they have a key.
        ProviderProfile office;
        office.name = "office";
        office.baseUrl = "http://10.0.0.5:8000/v1";
        office.apiKeySecret = "OFFICE_KEY";
        store.add(office);
        const auto order = profilesInOrder(store);
        QCOMPARE(order.front()->name, std::string("maas"));
        QCOMPARE(order.back()->name, std::string("office"));
        keys = {"OFFICE_KEY"};
        QCOMPARE(preferredProfile(store, hasKey)->name, std::string("office"));
    }

    void aProjectIsBoundWhenMadeWithAProvider()
    {
        const auto library = loadTemplateLibrary(FLOWDECK_SOURCE_DIR "/templates", NodeRegistry::builtin());
        QVERIFY2(library.problems.empty(), messages(library.problems).c_str());
        const SolutionTemplate *t = library.find("sales-analysis");
        QVERIFY(t);
        // Shipped templates name a kind, never a vendor.
        for (const auto &tmpl : library.templates) {
            const json models = tmpl.workflow.value("models", json::object());
            QVERIFY2(!models.empty(), tmpl.id.c_str());
            for (const auto &[alias, entry] : models.items()) {
                QVERIFY2(!entry.contains("profile"), tmpl.id.c_str());
                QVERIFY2(entry.contains("kind"), tmpl.id.c_str());
            }
        }
        QTemporaryDir root;
        const ProfileStore store;
        auto bound = instantiateTemplate(*t, root.path().toStdString() + "/bound", store.find("dashscope"));
        QVERIFY2(bound.ok(), messages(bound.diagnostics()).c_str());
        auto wf = loadWorkflowFile(bound.value());
        QVERIFY(wf.ok());
        QCOMPARE(wf->models["default"]["profile"], json("dashscope"));
        QCOMPARE(wf->models["default"]["model"], json("qwen-plus"));
        auto unbound = instantiateTemplate(*t, root.path().toStdString() + "/unbound");
        QVERIFY(unbound.ok());
        QCOMPARE(unboundModels(loadWorkflowFile(unbound.value()).value()), (std::vector<std::string>{"default"}));
    }

    void aTemplateThatNamesAProviderIsRefused()
    {
        const auto library = loadTemplateLibrary(FLOWDECK_SOURCE_DIR "/templates", NodeRegistry::builtin());
        const SolutionTemplate *t = library.find("sales-analysis");
        QVERIFY(t);
        QTemporaryDir root;
        const fs::path dir = fs::path(root.path().toStdString()) / "sales-analysis";
        fs::copy(t->dir, dir, fs::copy_options::recursive);
        json doc = json::parse(std::ifstream(dir / "template.json"));
        doc["workflow"]["models"]["default"] = {{"profile", "deepseek"}, {"model", "deepseek-chat"}};
        std::ofstream(dir / "template.json") << doc.dump(2);
        auto loaded = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY(!loaded.ok());
        QVERIFY2(messages(loaded.diagnostics()).find("must declare only its kind") != std::string::npos,
                 messages(loaded.diagnostics()).c_str());
    }
};

QTEST_MAIN(TestModelBinding)
#include "tst_modelbinding.moc"
