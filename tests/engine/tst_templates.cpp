// The solution-template library (engine/templates): loading and checking a template
// folder, what a workflow needs, and making a project folder from a template.
#include "engine/knowledge/knowledgesearch.h"
#include "engine/knowledge/knowledgestore.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/model/providerprofile.h"
#include "engine/nodes/noderegistry.h"
#include "engine/templates/solutiontemplate.h"
#include "engine/templates/workflowneeds.h"
#include "engine/workflow/workflowfile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace flowdeck::engine;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

json minimalTemplate(const std::string &id)
{
    return {{"format", "flowdeck.template"},
            {"formatVersion", 1},
            {"id", id},
            {"title", {{"en", "Echo"}, {"zh", "回声"}}},
            {"summary", {{"en", "Says it back."}, {"zh", "原样返回。"}}},
            {"category", "personal"},
            {"icon", "🔁"},
            {"tags", {{"en", {"demo"}}, {"zh", {"演示"}}}},
            {"needs", {{"model", false}, {"plugins", json::array()}, {"secrets", json::array()}}},
            {"files", {"notes.txt"}},
            {"workflow",
             {{"format", "flowdeck.workflow"},
              {"formatVersion", 1},
              {"id", id},
              {"name", "Echo"},
              {"mode", "workflow"},
              {"inputs", {{{"name", "file"}, {"type", "file"}, {"default", "${projectDir}/notes.txt"}}}},
              {"nodes",
               {{{"id", "start"}, {"type", "start"}},
                {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"path", "{{start.file}}"}}}}}}}},
              {"edges", {{{"from", "start"}, {"to", "end"}}}}}}};
}

void write(const fs::path &path, const std::string &text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

fs::path makeTemplate(const fs::path &root, const std::string &id, const json &doc, bool readme = true)
{
    const fs::path dir = root / id;
    write(dir / "template.json", doc.dump(2));
    if (readme)
        write(dir / "README.md", "# Echo\n\nSays it back.\n");
    write(dir / "notes.txt", "hello\n");
    return dir;
}

// A chat template whose knowledge node searches the base "manual", declared with its
// sample documents under knowledge/manual.
json knowledgeTemplate(const std::string &id)
{
    json doc = minimalTemplate(id);
    doc["files"] = json::array();
    doc["knowledge"] = {{{"name", "manual"},
                         {"title", {{"en", "Kettle manual"}, {"zh", "水壶说明书"}}},
                         {"documents", "knowledge/manual"},
                         {"chunking", {{"mode", "heading"}, {"size", 300}, {"overlap", 30}}},
                         {"tags", {"sample"}}}};
    doc["workflow"]["mode"] = "chat";
    doc["workflow"]["inputs"] = json::array();
    doc["workflow"]["nodes"] = {{{"id", "start"}, {"type", "start"}},
                                {{"id", "kb"}, {"type", "knowledge"},
                                 {"config", {{"query", "{{sys.query}}"}, {"bases", {"manual"}}, {"mode", "hybrid"}}}},
                                {{"id", "answer"}, {"type", "answer"}, {"config", {{"text", "{{kb.text}}"}}}}};
    doc["workflow"]["edges"] = {{{"from", "start"}, {"to", "kb"}}, {{"from", "kb"}, {"to", "answer"}}};
    return doc;
}

fs::path makeKnowledgeTemplate(const fs::path &root, const std::string &id, const json &doc)
{
    const fs::path dir = makeTemplate(root, id, doc);
    write(dir / "knowledge/manual/kettle.md", "# Kettle\n\n## Descaling\n\nDescale the kettle every month with citric acid.\n\n"
                                              "## Reset\n\nHold the power button for ten seconds to reset the kettle.\n");
    write(dir / "knowledge/manual/faq.csv", "question,answer\nIs the kettle dishwasher safe?,No. Wipe it with a damp cloth.\n");
    return dir;
}

KnowledgeStats statsOf(const fs::path &baseFolder)
{
    auto store = KnowledgeStore::open(baseFolder, KnowledgeStore::Mode::ReadOnly);
    if (!store.ok())
        return {};
    auto stats = store.value()->stats();
    return stats.ok() ? stats.value() : KnowledgeStats{};
}

std::string problemsOf(const Diagnostics &diagnostics)
{
    std::string out;
    for (const auto &d : diagnostics)
        out += d.message + "\n";
    return out;
}

} // namespace

class TestTemplates : public QObject {
    Q_OBJECT

private slots:
    void aGoodTemplateLoads()
    {
        QTemporaryDir root;
        const auto dir = makeTemplate(root.path().toStdString(), "echo", minimalTemplate("echo"));
        auto t = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY2(t.ok(), problemsOf(t.diagnostics()).c_str());
        QCOMPARE(t->text("title", "zh"), std::string("回声"));
        QCOMPARE(t->text("title", "fr"), std::string("Echo"));  // English when the language is missing
        QVERIFY(!t->meta.contains("workflow"));
    }

    void everyProblemIsNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("id") << "id" << "\"other\"" << "must be the folder's name";
        QTest::newRow("title") << "title" << "{\"en\": \"Echo\"}" << "\"title\" needs non-empty \"en\" and \"zh\"";
        QTest::newRow("category") << "category" << "\"games\"" << "\"category\" must be one of";
        QTest::newRow("files") << "files" << "[\"../secret.txt\"]" << "is not in the template's folder";
        QTest::newRow("needs") << "needs" << "{\"model\": \"yes\"}" << "\"needs\" must say";
        QTest::newRow("newer") << "formatVersion" << "7" << "made by a newer Flowdeck";
        QTest::newRow("workflow") << "workflow" << "{\"format\": \"flowdeck.workflow\", \"formatVersion\": 1, \"id\": \"echo\", "
                                                   "\"nodes\": [{\"id\": \"a\", \"type\": \"no-such-type\"}]}"
                                  << "workflow:";
    }

    void everyProblemIsNamed()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QTemporaryDir root;
        json doc = minimalTemplate("echo");
        doc[field.toStdString()] = json::parse(value.toStdString());
        const auto dir = makeTemplate(root.path().toStdString(), "echo", doc);
        auto t = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY(!t.ok());
        const std::string problems = problemsOf(t.diagnostics());
        QVERIFY2(problems.find(expected.toStdString()) != std::string::npos, problems.c_str());
        QVERIFY2(problems.find("template echo") != std::string::npos, problems.c_str());  // which template
    }

    void aMissingReadmeIsAProblem()
    {
        QTemporaryDir root;
        const auto dir = makeTemplate(root.path().toStdString(), "echo", minimalTemplate("echo"), false);
        auto t = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY(!t.ok());
        QVERIFY(problemsOf(t.diagnostics()).find("README.md is missing") != std::string::npos);
    }

    void theLibraryKeepsGoodTemplatesAndNamesBadOnes()
    {
        QTemporaryDir root;
        makeTemplate(root.path().toStdString(), "echo", minimalTemplate("echo"));
        json bad = minimalTemplate("broken");
        bad["category"] = "nope";
        makeTemplate(root.path().toStdString(), "broken", bad);
        const auto library = loadTemplateLibrary(root.path().toStdString(), NodeRegistry::builtin());
        QCOMPARE(library.templates.size(), std::size_t(1));
        QVERIFY(library.find("echo"));
        QVERIFY(!library.find("broken"));
        QVERIFY(problemsOf(library.problems).find("template broken") != std::string::npos);
    }

    void usingATemplateMakesAProjectFolder()
    {
        QTemporaryDir root;
        const auto dir = makeTemplate(root.path().toStdString() + "/templates", "echo", minimalTemplate("echo"));
        auto t = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY(t.ok());
        const fs::path projects = root.path().toStdString() + "/projects";
        const fs::path target = freeProjectDirectory(projects, "echo");
        QCOMPARE(target, projects / "echo");
        auto made = instantiateTemplate(t.value(), target);
        QVERIFY2(made.ok(), problemsOf(made.diagnostics()).c_str());
        QCOMPARE(made.value(), target / "echo.flow.json");
        QVERIFY(fs::exists(target / "README.md"));
        QVERIFY(fs::exists(target / "notes.txt"));
        auto wf = loadWorkflowFile(made.value());
        QVERIFY(wf.ok());
        // ${projectDir} became the folder's absolute path.
        QCOMPARE(wf->inputs.front().defaultValue.get<std::string>(), (target / "notes.txt").string());
        // A second project gets its own folder; an existing, non-empty folder is refused and left alone.
        QCOMPARE(freeProjectDirectory(projects, "echo"), projects / "echo-2");
        auto again = instantiateTemplate(t.value(), target);
        QVERIFY(!again.ok());
        QVERIFY(problemsOf(again.diagnostics()).find("already exists and is not empty") != std::string::npos);
        QVERIFY(fs::exists(target / "echo.flow.json"));
        // Nothing half-made is left beside it.
        int entries = 0;
        for ([[maybe_unused]] const auto &e : fs::directory_iterator(projects))
            ++entries;
        QCOMPARE(entries, 1);
    }

    void aFolderWrittenWithATrailingSlashWorks()
    {
        QTemporaryDir root;
        const auto dir = makeTemplate(root.path().toStdString() + "/templates", "echo", minimalTemplate("echo"));
        auto t = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY(t.ok());
        auto made = instantiateTemplate(t.value(), root.path().toStdString() + "/mine/");
        QVERIFY2(made.ok(), problemsOf(made.diagnostics()).c_str());
        QCOMPARE(made.value(), fs::path(root.path().toStdString()) / "mine" / "echo.flow.json");
    }

    void fieldsOfTheWrongTypeAreProblemsNotCrashes()
    {
        QTemporaryDir root;
        json doc = minimalTemplate("echo");
        doc["id"] = 42;
        doc["format"] = json::array();
        const auto dir = makeTemplate(root.path().toStdString(), "echo", doc);
        auto t = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY(!t.ok());
        QVERIFY2(problemsOf(t.diagnostics()).find("template echo") != std::string::npos, problemsOf(t.diagnostics()).c_str());
    }

    void aFailedCopyLeavesNothingBehind()
    {
        QTemporaryDir root;
        const auto dir = makeTemplate(root.path().toStdString() + "/templates", "echo", minimalTemplate("echo"));
        auto t = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY(t.ok());
        fs::remove(dir / "notes.txt");  // the sample file disappears after loading
        const fs::path projects = root.path().toStdString() + "/projects";
        auto made = instantiateTemplate(t.value(), projects / "echo");
        QVERIFY(!made.ok());
        QVERIFY(problemsOf(made.diagnostics()).find("cannot be copied") != std::string::npos);
        QVERIFY(fs::is_empty(projects));
    }

    void needsComeFromTheWorkflow()
    {
        PluginCatalog catalog;
        QVERIFY(catalog.loadDirectory(FLOWDECK_SOURCE_DIR "/plugins").empty());
        auto wf = parseWorkflow(json{{"format", "flowdeck.workflow"},
                                     {"formatVersion", 1},
                                     {"id", "x"},
                                     {"name", "Needs"},
                                     {"mode", "chat"},
                                     {"plugins", {{"map", {{"catalog", "amap"}}},
                                                  {"files", {{"catalog", "filesystem"}, {"settings", {{"ALLOWED_DIRECTORIES", {"/tmp"}}}}}},
                                                  {"crm", {{"url", "https://crm.example/mcp"}, {"headers", {{"Authorization", "Bearer {{secret.CRM_TOKEN}}"}}}}}}},
                                     {"nodes",
                                      {{{"id", "start"}, {"type", "start"}},
                                       {{"id", "ask"}, {"type", "llm"}, {"config", {{"prompt", "{{sys.query}}"}}}},
                                       {{"id", "hook"}, {"type", "http"}, {"config", {{"url", "https://x.example"}, {"headers", {{"X-Key", "{{secret.HOOK_KEY}}"}}}}}}}},
                                     {"edges", {{{"from", "start"}, {"to", "ask"}}, {{"from", "ask"}, {"to", "hook"}}}}}
                                    .dump());
        QVERIFY2(wf.ok(), problemsOf(wf.diagnostics()).c_str());
        const auto needs = workflowNeeds(wf.value(), catalog);
        QVERIFY(needs.model);
        QCOMPARE(needs.plugins, (std::vector<std::string>{"amap", "filesystem"}));
        QCOMPARE(needs.secrets, (std::vector<std::string>{"AMAP_MAPS_API_KEY", "CRM_TOKEN", "HOOK_KEY"}));
    }

    // Issue 16: a template brings its knowledge bases; `flowdeck new` and the gallery make
    // them in the project with the sample documents read, searchable without a network.
    void aTemplateBringsItsKnowledgeBases_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("embeddingProfile");
        QTest::addColumn<bool>("vectors");
        QTest::newRow("no provider: keyword search") << "" << "" << false;
        QTest::newRow("demo: embedded offline") << "demo" << "demo" << true;
        QTest::newRow("DeepSeek has no embeddings") << "deepseek" << "" << false;
        QTest::newRow("DashScope: embedded later") << "dashscope" << "dashscope" << false;
    }

    void aTemplateBringsItsKnowledgeBases()
    {
        QFETCH(QString, profile);
        QFETCH(QString, embeddingProfile);
        QFETCH(bool, vectors);
        QTemporaryDir root;
        const auto dir = makeKnowledgeTemplate(root.path().toStdString() + "/templates", "kettle", knowledgeTemplate("kettle"));
        auto t = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY2(t.ok(), problemsOf(t.diagnostics()).c_str());
        QCOMPARE(t->knowledge.size(), std::size_t(1));
        ProfileStore profiles;
        const ProviderProfile *bindTo = profile.isEmpty() ? nullptr : profiles.find(profile.toStdString());
        QVERIFY(profile.isEmpty() || bindTo);
        const fs::path project = root.path().toStdString() + "/projects/kettle";
        auto made = instantiateTemplate(t.value(), project, bindTo);
        QVERIFY2(made.ok(), problemsOf(made.diagnostics()).c_str());

        const fs::path base = project / "knowledge" / "manual";
        auto settings = KnowledgeSettings::load(base);
        QVERIFY2(settings.ok(), problemsOf(settings.diagnostics()).c_str());
        QCOMPARE(settings->title, std::string("Kettle manual · 水壶说明书"));
        QCOMPARE(settings->chunking.size, 300);
        QCOMPARE(QString::fromStdString(settings->embedding.profile), embeddingProfile);
        // Stored as the file's own name, the way citations show it.
        QVERIFY(fs::exists(base / "files" / "kettle.md"));
        QVERIFY(fs::exists(base / "files" / "faq.csv"));
        const KnowledgeStats stats = statsOf(base);
        QCOMPARE(stats.indexed, 2);
        QCOMPARE(stats.failed, 0);
        QVERIFY(stats.chunks >= 3);
        QCOMPARE(stats.vectors, vectors ? stats.chunks : std::int64_t(0));
        // Keyword search works at once, whatever the provider.
        auto store = KnowledgeStore::open(base, KnowledgeStore::Mode::ReadOnly);
        QVERIFY(store.ok());
        KnowledgeSearch search(*store.value());
        SearchRequest request;
        request.query = "how do I reset the kettle";
        request.mode = SearchMode::Keyword;
        auto found = search.search(request);
        QVERIFY2(found.ok(), problemsOf(found.diagnostics()).c_str());
        QVERIFY(!found->hits.empty());
        QVERIFY(found->hits.front().text.find("ten seconds") != std::string::npos);
    }

    void knowledgeProblemsAreNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("undeclared base") << "name" << "\"other\"" << "searches the knowledge base 'manual', which the template does not declare";
        QTest::newRow("bad name") << "name" << "\"../x\"" << "needs a \"name\" that can name a folder";
        QTest::newRow("outside") << "documents" << "\"../elsewhere\"" << "are not a folder with files";
        QTest::newRow("missing") << "documents" << "\"knowledge/none\"" << "are not a folder with files";
        QTest::newRow("title") << "title" << "\"Manual\"" << "needs a \"title\" with non-empty";
        QTest::newRow("chunking") << "chunking" << "{\"mode\": \"pages\"}" << "chunking.mode";
    }

    void knowledgeProblemsAreNamed()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QTemporaryDir root;
        json doc = knowledgeTemplate("kettle");
        doc["knowledge"][0][field.toStdString()] = json::parse(value.toStdString());
        const auto dir = makeKnowledgeTemplate(root.path().toStdString(), "kettle", doc);
        auto t = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY(!t.ok());
        const std::string problems = problemsOf(t.diagnostics());
        QVERIFY2(problems.find(expected.toStdString()) != std::string::npos, problems.c_str());
        QVERIFY2(problems.find("template kettle") != std::string::npos, problems.c_str());
    }

    void aSampleDocumentThatCannotBeReadLeavesNothingBehind()
    {
        QTemporaryDir root;
        const auto dir = makeKnowledgeTemplate(root.path().toStdString() + "/templates", "kettle", knowledgeTemplate("kettle"));
        auto t = loadSolutionTemplate(dir, NodeRegistry::builtin());
        QVERIFY(t.ok());
        write(dir / "knowledge/manual/broken.docx", "not a zip file");
        const fs::path projects = root.path().toStdString() + "/projects";
        auto made = instantiateTemplate(t.value(), projects / "kettle");
        QVERIFY(!made.ok());
        const std::string problems = problemsOf(made.diagnostics());
        QVERIFY2(problems.find("broken.docx") != std::string::npos, problems.c_str());
        QVERIFY(fs::is_empty(projects));
    }

    void theShippedTemplatesAllLoad()
    {
        const auto library = loadTemplateLibrary(FLOWDECK_SOURCE_DIR "/templates", NodeRegistry::builtin());
        QVERIFY2(library.problems.empty(), problemsOf(library.problems).c_str());
        QVERIFY(library.templates.size() >= 21);
    }
};

QTEST_MAIN(TestTemplates)
#include "tst_templates.moc"
