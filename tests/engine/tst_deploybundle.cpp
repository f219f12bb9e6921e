// The deploy bundle's one reader and writer (engine/deploy/deploybundle.h) and the one
// rule for app names (engine/deploy/appname.h), shared by the runtime, `flowdeck
// deploy`, the studio's Deploy dialog and the Kubernetes export.
#include "engine/core/secretstore.h"
#include "engine/deploy/appname.h"
#include "engine/deploy/deploybundle.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/model/providerprofile.h"
#include "engine/workflow/workflowfile.h"

#include <QtTest>

using namespace flowdeck::engine;
using json = nlohmann::json;

class TestDeployBundle : public QObject {
    Q_OBJECT

private slots:
    void writesAndReadsBackTheSameBundle()
    {
        DeployBundle b;
        b.workflow = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "x"}};
        b.profiles = {{"maas", {{"baseUrl", "https://api.modelarts-maas.com/v1"}}}};
        b.plugins = {{"filesystem", {{"id", "filesystem"}}}};
        b.secrets = {{"MAAS_API_KEY", "k-1"}};
        b.settings.publicAccess = true;
        b.settings.rateLimitPerMinute = 30;
        b.env = {{"REGION", "cn-north-4"}};
        const json written = writeDeployBundle(b);
        QCOMPARE(written["format"], json("flowdeck.bundle"));
        QCOMPARE(written["formatVersion"], json(1));
        auto read = readDeployBundle(written);
        QVERIFY(read);
        QCOMPARE(read->workflow, b.workflow);
        QCOMPARE(read->profiles, b.profiles);
        QCOMPARE(read->plugins, b.plugins);
        QCOMPARE(read->secrets, b.secrets);
        QCOMPARE(read->settings.publicAccess, true);
        QCOMPARE(read->settings.rateLimitPerMinute, 30);
        QCOMPARE(read->env, b.env);
        QCOMPARE(writeDeployBundle(read.value()), written);

        const json withoutSecrets = writeDeployBundle(b, false);
        QVERIFY(!withoutSecrets.contains("secrets"));
        QVERIFY(withoutSecrets.dump().find("k-1") == std::string::npos);
    }

    void theSourceKeepsTheProjectVersion()
    {
        DeployBundle b;
        b.workflow = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "x"}};
        b.source = {{"project", "x"}, {"version", "3f2a9c1e0b7d4a6f8e5c2b1a0d9e8f7a6b5c4d3e"},
                    {"message", "Shorter answers"}, {"time", 1796000000}};
        auto read = readDeployBundle(writeDeployBundle(b));
        QVERIFY(read);
        QCOMPARE(read->source, b.source);
        // A bundle from before the history (no version) still reads.
        QVERIFY(readDeployBundle(json{{"format", "flowdeck.bundle"}, {"formatVersion", 1}, {"workflow", json::object()},
                                      {"source", {{"project", "x"}, {"path", "/p"}, {"host", "h"}}}}));
        // The time is a number of seconds, the version a commit id.
        for (const json &source : {json{{"time", "yesterday"}}, json{{"version", "not hex"}}, json{{"time", -1}}}) {
            auto bad = readDeployBundle(json{{"format", "flowdeck.bundle"}, {"formatVersion", 1},
                                             {"workflow", json::object()}, {"source", source}});
            QVERIFY2(!bad, source.dump().c_str());
            QVERIFY2(bad.diagnostics().front().field.rfind("source.", 0) == 0, bad.diagnostics().front().field.c_str());
        }
    }

    void pinnedTestDataIsNotDeployed()
    {
        // A pin holds a node's frozen outputs for studio runs; its text even names a secret
        // that has no value here, which must not stop the deploy.
        auto wf = parseWorkflow(json{{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "pins"}, {"name", "Pins"},
                                     {"mode", "workflow"},
                                     {"nodes", {{{"id", "start"}, {"type", "start"}},
                                                {{"id", "t"}, {"type", "template"}, {"config", {{"template", "Hi"}}},
                                                 {"pin", {{"outputs", {{"text", "frozen {{secret.NOT_SET}}"}}}, {"port", ""}}}},
                                                {{"id", "end"}, {"type", "end"},
                                                 {"config", {{"outputs", {{"text", "{{t.text}}"}}}}}}}},
                                     {"edges", {{{"from", "start"}, {"to", "t"}}, {{"from", "t"}, {"to", "end"}}}}}
                                    .dump());
        QVERIFY(wf);
        QVERIFY(!wf->findNode("t")->pin.is_null());
        SecretStore secrets;
        secrets.setUseEnvironment(false);
        const auto bundle = buildDeployBundle(wf.value(), ProfileStore(), secrets, PluginCatalog(), BundleOptions());
        QVERIFY(bundle.ok());
        const json &nodes = bundle.value()["workflow"]["nodes"];
        QCOMPARE(nodes.size(), std::size_t(3));
        for (const auto &node : nodes)
            QVERIFY2(!node.contains("pin"), node.dump().c_str());
        QVERIFY(bundle.value().dump().find("frozen") == std::string::npos);
        QVERIFY(!bundle.value()["secrets"].contains("NOT_SET"));
        QCOMPARE(nodes[1]["config"]["template"], json("Hi"));  // the node itself goes out as it is
    }

    void problemsNameTheField_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << "{\"format\": " << "";
        QTest::newRow("no format") << R"({"workflow": {}})" << "format";
        QTest::newRow("format version") << R"({"format": "flowdeck.bundle", "formatVersion": 7, "workflow": {}})"
                                        << "formatVersion";
        QTest::newRow("version text") << R"({"format": "flowdeck.bundle", "formatVersion": "1", "workflow": {}})"
                                      << "formatVersion";
        QTest::newRow("no workflow") << R"({"format": "flowdeck.bundle", "formatVersion": 1})" << "";
        QTest::newRow("profile not object")
            << R"({"format": "flowdeck.bundle", "formatVersion": 1, "workflow": {}, "profiles": {"p": 3}})" << "profiles.p";
        QTest::newRow("rate limit negative")
            << R"({"format": "flowdeck.bundle", "formatVersion": 1, "workflow": {}, "settings": {"rateLimitPerMinute": -1}})"
            << "settings.rateLimitPerMinute";
        QTest::newRow("rate limit beyond 64 bits")
            << R"({"format": "flowdeck.bundle", "formatVersion": 1, "workflow": {}, "settings": {"rateLimitPerMinute": 18446744073709551615}})"
            << "settings.rateLimitPerMinute";
        QTest::newRow("env not text")
            << R"({"format": "flowdeck.bundle", "formatVersion": 1, "workflow": {}, "settings": {"env": {"A": [1]}}})"
            << "settings.env.A";
    }
    void problemsNameTheField()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        const std::string raw = text.toStdString();
        auto read = readDeployBundleText(raw);
        QVERIFY(!read);
        QVERIFY(!read.diagnostics().empty());
        QCOMPARE(QString::fromStdString(read.diagnostics().front().field), field);
        QVERIFY(!read.diagnostics().front().message.empty());
    }

    void appNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << "sales-report" << true;
        QTest::newRow("dots and digits") << "v1.2_app" << true;
        QTest::newRow("64") << QString(64, 'a') << true;
        QTest::newRow("65") << QString(65, 'a') << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("leading dash") << "-x" << false;
        QTest::newRow("dot dot") << "a..b" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("space") << "my app" << false;
        QTest::newRow("chinese") << "销售" << false;
    }
    void appNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(isValidAppName(name.toStdString()), valid);
    }

    void kubernetesNames()
    {
        QCOMPARE(kubernetesNameOf("Sales_Report.v2"), std::string("sales-report-v2"));
    }
};

QTEST_GUILESS_MAIN(TestDeployBundle)
#include "tst_deploybundle.moc"
