// The solution-template library (engine/templates): loading and checking a template
// folder, what a workflow needs, and making a project folder from a template.
#include "engine/mcp/plugincatalog.h"
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

    void theShippedTemplatesAllLoad()
    {
        const auto library = loadTemplateLibrary(FLOWDECK_SOURCE_DIR "/templates", NodeRegistry::builtin());
        QVERIFY2(library.problems.empty(), problemsOf(library.problems).c_str());
        QVERIFY(library.templates.size() >= 15);
    }
};

QTEST_MAIN(TestTemplates)
#include "tst_templates.moc"
