// A workflow with a knowledge node, deployed with the real `flowdeck deploy` to a real
// `flowdeck serve` on loopback: its base goes with it (packed, uploaded in parts,
// checked), and the OpenAI-compatible endpoint answers from the base with citations
// whose passages can be fetched by their links. Offline: the demo profile embeds and answers.
#include "engine/knowledge/knowledgeingest.h"
#include "engine/knowledge/knowledgepack.h"
#include "tests/support/serveprocess.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include <sqlite3.h>

using namespace flowdeck;
using tests::ServeProcess;
using json = nlohmann::json;

namespace {

json chatWorkflow()
{
    return json::parse(R"({
      "format": "flowdeck.workflow", "formatVersion": 1, "id": "policy-qa", "name": "Policy Q&A", "mode": "chat",
      "models": {"default": {"kind": "chat", "profile": "demo"}},
      "nodes": [
        {"id": "start", "type": "start", "position": [0, 0]},
        {"id": "kb", "type": "knowledge", "position": [200, 0],
         "config": {"query": "{{sys.query}}", "bases": ["policies"], "mode": "hybrid", "topK": 2}},
        {"id": "llm", "type": "llm", "position": [400, 0],
         "config": {"prompt": "Answer from these passages:\n{{kb.text}}\n\nQuestion: {{sys.query}}", "sources": "{{kb.citations}}"}},
        {"id": "answer", "type": "answer", "position": [600, 0], "config": {"text": "{{llm.text}}"}}
      ],
      "edges": [{"from": "start", "to": "kb"}, {"from": "kb", "to": "llm"}, {"from": "llm", "to": "answer"}]
    })");
}

struct Ran {
    int code = -1;
    QString out, err;
};

Ran flowdeckCli(const QStringList &args, const QString &configDir)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("FLOWDECK_CONFIG_DIR", configDir);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FLOWDECK_BINARY), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestKnowledgeServe : public QObject {
    Q_OBJECT
private slots:
    void deployedAppAnswersWithCitations()
    {
        QTemporaryDir project, data, config;
        const std::filesystem::path base = project.filePath("knowledge/policies").toStdString();
        engine::KnowledgeSettings settings;
        settings.embedding.profile = "demo";
        QVERIFY(engine::KnowledgeIngest::create(base, settings).ok());
        const std::string doc = project.filePath("leave.md").toStdString();
        std::ofstream(doc) << "# Annual leave\n\nEvery employee has 15 days of paid annual leave a year. Ask for it two weeks ahead.\n\n"
                              "# 报销\n\n差旅费用在提交发票后 10 个工作日内报销。\n";
        engine::IngestOptions options;
        options.embedding = engine::EmbeddingTarget{};
        options.embedding->profile.name = "demo";
        options.embedding->profile.baseUrl = "demo:";
        auto report = engine::KnowledgeIngest::addFiles(base, {doc}, options);
        QVERIFY(report.ok());
        QCOMPARE(report->indexed, 1);
        QVERIFY(report->embedded > 0);
        const QString flow = project.filePath("policy-qa.flow.json");
        std::ofstream(flow.toStdString()) << chatWorkflow().dump(2);

        ServeProcess serve(data.path());
        QString why;
        QVERIFY2(serve.start({}, &why), qPrintable(why));
        const QStringList deployArgs = {"deploy", flow, "--to", QString::fromStdString(serve.url("")), "--token",
                                        QString::fromStdString(serve.adminToken()), "--new-key"};
        Ran deployed = flowdeckCli(deployArgs, config.path());
        QVERIFY2(deployed.code == 0, qPrintable(deployed.err + deployed.out));
        QVERIFY2(deployed.err.contains("knowledge base 'policies'"), qPrintable(deployed.err));
        const json out = json::parse(deployed.out.toStdString(), nullptr, false);
        const std::string key = out.value("apiKey", "");
        QVERIFY(!key.empty());

        const json ask = {{"model", "policy-qa"}, {"messages", {{{"role", "user"}, {"content", "How many days of annual leave?"}}}}};
        auto answer = serve.request("POST", "/v1/chat/completions", ask.dump(), key);
        QCOMPARE(answer.status, 200L);
        const json body = answer.json();
        const std::string content = body["choices"][0]["message"]["content"];
        QVERIFY2(content.find("Sources:\n[1] leave.md, Annual leave") != std::string::npos, content.c_str());
        QVERIFY(body.contains("citations"));
        const json first = body["citations"][0];
        QCOMPARE(first["document"].get<std::string>(), std::string("leave.md"));
        QVERIFY(first["quote"].get<std::string>().find("15 days") != std::string::npos);

        // The citation's link: the passage itself.
        const std::string link = "/v1/apps/policy-qa/sources/policies/" + std::to_string(first["chunkId"].get<long long>());
        auto passage = serve.request("GET", link, {}, key);
        QCOMPARE(passage.status, 200L);
        QVERIFY(passage.json()["text"].get<std::string>().find("15 days of paid annual leave") != std::string::npos);
        QCOMPARE(serve.request("GET", link, {}, "wrong-key").status, 401L);
        QCOMPARE(serve.request("GET", "/v1/apps/policy-qa/sources/policies/999999", {}, key).status, 404L);
        QCOMPARE(serve.request("GET", "/v1/apps/policy-qa/sources/nothing/1", {}, key).status, 404L);

        // Streamed, in Chinese: the last chunk carries the citations.
        json askZh = {{"model", "policy-qa"}, {"stream", true}, {"messages", {{{"role", "user"}, {"content", "差旅费用多久报销？"}}}}};
        auto streamed = serve.request("POST", "/v1/chat/completions", askZh.dump(), key);
        QCOMPARE(streamed.status, 200L);
        QVERIFY2(streamed.body.find("\"citations\"") != std::string::npos, streamed.body.c_str());
        QVERIFY2(streamed.body.find("来源：") != std::string::npos, streamed.body.c_str());

        // Deploying again does not upload the unchanged base, and the app goes on answering.
        deployed = flowdeckCli(deployArgs, config.path());
        QVERIFY2(deployed.code == 0, qPrintable(deployed.err));
        QCOMPARE(serve.request("POST", "/v1/chat/completions", ask.dump(), key).status, 200L);

        // A restarted runtime serves the base from its data folder.
        QVERIFY(serve.terminate());
        ServeProcess again(data.path());
        QVERIFY2(again.start({}, &why), qPrintable(why));
        auto afterRestart = again.request("POST", "/v1/chat/completions", ask.dump(), key);
        QCOMPARE(afterRestart.status, 200L);
        QVERIFY(afterRestart.json().contains("citations"));
    }

    void aBundleWhoseBaseWasNotUploadedIsRefused()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString why;
        QVERIFY2(serve.start({}, &why), qPrintable(why));
        json bundle = {{"format", "flowdeck.bundle"}, {"formatVersion", 1}, {"workflow", chatWorkflow()},
                       {"profiles", json::object()},
                       {"knowledge", {{"policies", {{"sha256", std::string(64, 'a')}, {"settings", json::object()}}}}}};
        auto refused = serve.deploy("policy-qa", bundle);
        QCOMPARE(refused.status, 400L);
        QVERIFY2(refused.body.find("was not uploaded") != std::string::npos, refused.body.c_str());
        // Parts that do not add up to their sha256 are thrown away.
        const std::string sha(64, 'b');
        QCOMPARE(serve.request("PUT", "/admin/v1/knowledge/" + sha + "/parts/0", "SQLite format 3", serve.adminToken()).status, 200L);
        auto bad = serve.request("POST", "/admin/v1/knowledge/" + sha + "/complete", R"({"parts": 1})", serve.adminToken());
        QCOMPARE(bad.status, 400L);
        QVERIFY(bad.body.find("does not match") != std::string::npos);
        QCOMPARE(serve.request("GET", "/admin/v1/knowledge/" + sha, {}, "not-admin").status, 403L);
        QCOMPARE(serve.request("POST", "/admin/v1/knowledge/" + sha + "/complete", R"({"parts": 1.5})", serve.adminToken()).status, 400L);
        QCOMPARE(serve.request("POST", "/admin/v1/knowledge/" + sha + "/complete", "not json", serve.adminToken()).status, 400L);

        // An SQLite file that is not a knowledge base is refused, however well it uploads.
        QTemporaryDir scratch;
        const std::string plain = scratch.filePath("plain.db").toStdString();
        sqlite3 *db = nullptr;
        sqlite3_open(plain.c_str(), &db);
        sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        std::string unreadable;
        const std::string plainSha = engine::fileSha256Hex(plain, unreadable);
        std::ifstream in(plain, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QCOMPARE(serve.request("PUT", "/admin/v1/knowledge/" + plainSha + "/parts/0", bytes, serve.adminToken()).status, 200L);
        auto notABase = serve.request("POST", "/admin/v1/knowledge/" + plainSha + "/complete", R"({"parts": 1})", serve.adminToken());
        QCOMPARE(notABase.status, 400L);
        QVERIFY2(notABase.body.find("not a Flowdeck knowledge base") != std::string::npos, notABase.body.c_str());
        QCOMPARE(notABase.json()["error"]["code"].get<int>(), 400);
        QCOMPARE(serve.request("GET", "/healthz").status, 200L);
        QCOMPARE(serve.request("PUT", "/admin/v1/knowledge/../../etc/parts/0", "x", serve.adminToken()).status / 100, 4L);
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeServe)
#include "tst_knowledgeserve.moc"
