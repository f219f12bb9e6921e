// `flowdeck history` end to end: the real program on a project folder whose versions were
// recorded through the engine, with no git program on PATH.
#include "engine/history/projecthistory.h"
#include "engine/workflow/workflowfile.h"
#include "tests/support/workflowjson.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace flowdeck::engine;
using flowdeck::tests::edge;
using flowdeck::tests::node;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Ran {
    int exitCode = -1;
    std::string out, err;
    json parsed() const { return json::parse(out, nullptr, false); }
};

std::string workflowText(const std::string &prompt, bool withNotify)
{
    json nodes = {node("start", "start"), node("summary", "llm", {{"model", "default"}, {"prompt", prompt}}),
                  node("answer", "answer", {{"text", "{{summary.text}}"}})};
    json edges = {edge("start", "summary"), edge("summary", "answer")};
    if (withNotify) {
        nodes.push_back(node("notify", "answer", {{"text", "Done"}}));
        edges.push_back(edge("answer", "notify"));
    }
    const json doc = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "report"}, {"name", "Report"},
                      {"nodes", nodes}, {"edges", edges}};
    auto loaded = parseWorkflow(doc.dump());
    return loaded ? serializeWorkflow(loaded.value()) : std::string();
}

void write(const fs::path &path, const std::string &text) { std::ofstream(path, std::ios::binary | std::ios::trunc) << text; }

std::string read(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

class TestHistoryCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path m_project;
    std::string m_v1, m_v2, m_v1Text;

    Ran flowdeck(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PATH", m_dir.path() + "/bin");  // no git anywhere
        env.insert("HOME", m_dir.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FLOWDECK_BINARY), QStringList{"history", "--project", QString::fromStdString(m_project.string())} + args);
        Ran ran;
        if (!p.waitForFinished(60000))
            return ran;
        ran.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        ran.out = p.readAllStandardOutput().toStdString();
        ran.err = p.readAllStandardError().toStdString();
        return ran;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.path() + "/bin"));
        m_project = fs::path(m_dir.path().toStdString()) / "项目 one";
        fs::create_directories(m_project);
        m_v1Text = workflowText("Summarise:\n{{start.text}}", false);
        write(m_project / "report.flow.json", m_v1Text);
        auto history = ProjectHistory::open(m_project);
        QVERIFY(history);
        m_v1 = history.value()->record("First").value().id;
        write(m_project / "report.flow.json", workflowText("Summarise briefly:\n{{start.text}}", true));
        m_v2 = history.value()->record("Second").value().id;
        QVERIFY(history.value()->record("", "deploy", "http://127.0.0.1:8080"));
    }

    void listsVersions()
    {
        const Ran text = flowdeck({"list"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.find(m_v2.substr(0, 8)) != std::string::npos, text.out.c_str());
        QVERIFY(text.out.find("deploy -> http://127.0.0.1:8080  Deployed to http://127.0.0.1:8080") != std::string::npos);

        const Ran ran = flowdeck({"list", "--json"});
        QCOMPARE(ran.exitCode, 0);
        const json versions = ran.parsed()["versions"];
        QCOMPARE(versions.size(), std::size_t(3));
        QCOMPARE(versions[0]["kind"], json("deploy"));
        QCOMPARE(versions[0]["target"], json("http://127.0.0.1:8080"));
        QCOMPARE(versions[1]["id"], json(m_v2));
        QCOMPARE(versions[2]["message"], json("First"));
    }

    void showsOneVersion()
    {
        const Ran ran = flowdeck({"show", QString::fromStdString(m_v1.substr(0, 8)), "--json"});
        QCOMPARE(ran.exitCode, 0);
        const json v = ran.parsed();
        QCOMPARE(v["id"], json(m_v1));
        QCOMPARE(v["files"], json({".gitignore", "report.flow.json"}));
        const Ran text = flowdeck({"show", QString::fromStdString(m_v1)});
        QVERIFY(text.out.find("Message: First") != std::string::npos);
    }

    void diffsTwoVersions()
    {
        const Ran text = flowdeck({"diff", QString::fromStdString(m_v1), QString::fromStdString(m_v2)});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out, std::string("report.flow.json (changed)\n"
                                       "  Prompt of node summary changed (config.prompt): 1 line added, 1 removed.\n"
                                       "    - Summarise:\n"
                                       "    + Summarise briefly:\n"
                                       "      {{start.text}}\n"
                                       "  Node notify (answer) added.\n"
                                       "  Connection from answer to notify added.\n"));

        const Ran ran = flowdeck({"diff", QString::fromStdString(m_v1.substr(0, 10)), QString::fromStdString(m_v2), "--json"});
        QCOMPARE(ran.exitCode, 0);
        const json out = ran.parsed();
        QCOMPARE(out["from"], json(m_v1));
        QCOMPARE(out["to"], json(m_v2));
        QCOMPARE(out["files"][0]["changes"][0]["kind"], json("prompt_changed"));
        QCOMPARE(out["files"][0]["changes"][0]["lines"][1], json({{"op", "+"}, {"text", "Summarise briefly:"}}));
    }

    void diffsAgainstTheFilesNow()
    {
        const Ran same = flowdeck({"diff", QString::fromStdString(m_v2)});
        QCOMPARE(same.exitCode, 0);
        QCOMPARE(same.out, std::string("No differences.\n"));
        const Ran ran = flowdeck({"diff", QString::fromStdString(m_v1), "--json"});
        QCOMPARE(ran.parsed()["to"], json("working"));
        QCOMPARE(ran.parsed()["files"][0]["changes"].size(), std::size_t(3));
    }

    void restoresAVersion()
    {
        const Ran ran = flowdeck({"restore", QString::fromStdString(m_v1.substr(0, 8))});
        QCOMPARE(ran.exitCode, 0);
        QVERIFY2(ran.out.find("Restored version " + m_v1.substr(0, 8) + ": new version ") == 0, ran.out.c_str());
        QCOMPARE(read(m_project / "report.flow.json"), m_v1Text);
        const json versions = flowdeck({"list", "--json"}).parsed()["versions"];
        QCOMPARE(versions.size(), std::size_t(4));
        QCOMPARE(versions[0]["kind"], json("restore"));

        const Ran one = flowdeck({"restore", QString::fromStdString(m_v2), "report.flow.json", "--json"});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.parsed()["message"], json("Restored report.flow.json from version " + m_v2.substr(0, 8)));
        QVERIFY(read(m_project / "report.flow.json").find("Summarise briefly:") != std::string::npos);
    }

    void clearErrors()
    {
        const Ran unknown = flowdeck({"show", "deadbeef"});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.err, std::string("flowdeck history: There is no version 'deadbeef' in this project's history.\n"));
        const Ran noFile = flowdeck({"restore", QString::fromStdString(m_v1), "missing.flow.json"});
        QCOMPARE(noFile.exitCode, 1);
        QCOMPARE(noFile.err, "flowdeck history: Version " + m_v1.substr(0, 8) + " has no file 'missing.flow.json'.\n");
        const Ran usage = flowdeck({"diff"});
        QCOMPARE(usage.exitCode, 2);

        QProcess p;
        p.start(QStringLiteral(FLOWDECK_BINARY), {"history", "--project", m_dir.path() + "/nowhere", "list", "--json"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        const json error = json::parse(p.readAllStandardOutput().toStdString(), nullptr, false);
        QCOMPARE(error["error"], json("The project folder " + (m_dir.path() + "/nowhere").toStdString() + " does not exist."));
    }
};

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "tst_historycli.moc"
