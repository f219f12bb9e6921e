// The runtime's app store in-process (runtime/serve/appstore.h): deploy, versions,
// rollback, removal, API keys, secrets kept sealed apart from the bundle, a restart that
// serves what was live, bad bundles refused with the field named, and the deployed
// runtime's network policy applied to every app's run host.
#include "engine/net/httpclient.h"
#include "runtime/serve/appstore.h"
#include "tests/support/faultserver.h"
#include "tests/support/sampleapps.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>
#include <sstream>

using namespace flowdeck;
using runtime::AppStore;
using json = nlohmann::json;

namespace {

json greeter(const std::string &text) { return tests::greeterWorkflow("greet", text); }

json fetcher(const std::string &url)
{
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "fetch"}, {"name", "Fetch"}, {"mode", "workflow"},
            {"nodes", {{{"id", "start"}, {"type", "start"}},
                       {{"id", "h"}, {"type", "http"}, {"config", {{"url", url}}}},
                       {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"status", "{{h.status}}"}}}}}}}},
            {"edges", {{{"from", "start"}, {"to", "h"}}, {{"from", "h"}, {"to", "end"}}}}};
}

json bundle(json workflow, json extra = json::object()) { return tests::deployBundle(std::move(workflow), std::move(extra)); }

std::string fileText(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

class TestAppStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    boost::asio::io_context m_io;
    engine::HttpClient m_http{m_io};
    runtime::SecretBox m_box;

    engine::RunHostSetup hostSetup(bool allowPrivate = false)
    {
        engine::RunHostSetup setup;
        setup.kind = engine::HostKind::DeployedRuntime;
        setup.sharedHttp = &m_http;
        setup.loadCatalog = false;
        if (allowPrivate)
            setup.allowPrivateNetwork = true;
        return setup;
    }

    // Runs the loop until the store answers.
    AppStore::Outcome wait(const std::function<void(AppStore::Done)> &start)
    {
        std::optional<AppStore::Outcome> outcome;
        start([&](AppStore::Outcome o) { outcome = std::move(o); });
        m_io.restart();
        while (!outcome && m_io.run_one_for(std::chrono::seconds(30)) > 0) {
        }
        return outcome.value_or(AppStore::Outcome{0, json()});
    }

    AppStore::Outcome deploy(AppStore &store, const std::string &name, const json &b)
    {
        return wait([&](AppStore::Done done) { store.deploy(name, b, std::move(done)); });
    }

    json run(AppStore &store, const std::string &name, json inputs)
    {
        auto app = store.find(name);
        if (!app)
            return json();
        std::optional<json> result;
        engine::RunOptions options;
        options.inputs = std::move(inputs);
        options.sys = {{"user", "test"}};
        auto keep = app->startRun(std::move(options), [&](const engine::WorkflowRun &r) {
            result = json{{"status", engine::runStatusName(r.status())}, {"outputs", r.outputs()}, {"error", r.error()},
                          {"kind", engine::errorKindName(r.errorKind())}};
        });
        m_io.restart();
        while (!result && m_io.run_one_for(std::chrono::seconds(30)) > 0) {
        }
        return result.value_or(json());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        std::string error;
        QVERIFY2(m_box.open(m_dir.path().toStdString(), error), error.c_str());
    }

    void deploysVersionsRollsBackAndRemoves()
    {
        AppStore store(m_io, hostSetup(), m_box, m_dir.filePath("a").toStdString());
        auto out = deploy(store, "greet", bundle(greeter("Hello {{start.name}}")));
        QCOMPARE(out.status, 200u);
        QCOMPARE(out.body["version"], json(1));
        QCOMPARE(run(store, "greet", {{"name", "Ada"}})["outputs"]["greeting"], json("Hello Ada"));

        out = deploy(store, "greet", bundle(greeter("Hi {{start.name}}")));
        QCOMPARE(out.body["version"], json(2));
        QCOMPARE(run(store, "greet", {{"name", "Ada"}})["outputs"]["greeting"], json("Hi Ada"));
        QCOMPARE(store.describe("greet").body["version"], json(2));

        out = wait([&](AppStore::Done done) { store.rollback("greet", std::nullopt, std::move(done)); });
        QCOMPARE(out.status, 200u);
        QCOMPARE(store.find("greet")->version(), 1);
        QCOMPARE(run(store, "greet", {{"name", "Ada"}})["outputs"]["greeting"], json("Hello Ada"));

        QCOMPARE(store.names(), std::vector<std::string>{"greet"});
        QCOMPARE(store.remove("greet").status, 200u);
        QVERIFY(!store.find("greet"));
        QCOMPARE(store.remove("greet").status, 404u);
    }

    void badBundlesAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a bundle") << "x" << R"({"workflow": {}})" << "flowdeck.bundle";
        QTest::newRow("newer format") << "x" << R"({"format": "flowdeck.bundle", "formatVersion": 2, "workflow": {}})"
                                      << "version 1";
        QTest::newRow("secret not text") << "x"
                                         << R"({"format": "flowdeck.bundle", "formatVersion": 1, "workflow": {}, "secrets": {"KEY": 5}})"
                                         << "secrets";
        QTest::newRow("settings wrong") << "x"
                                        << R"({"format": "flowdeck.bundle", "formatVersion": 1, "workflow": {}, "settings": {"public": "yes"}})"
                                        << "settings";
        QTest::newRow("profile of wrong types")
            << "x" << R"({"format": "flowdeck.bundle", "formatVersion": 1, "workflow": {"format": "flowdeck.workflow", "formatVersion": 1, "id": "x", "name": "x", "nodes": [{"id": "start", "type": "start"}], "edges": []}, "profiles": {"p": {"baseUrl": 5, "needsKey": "yes"}}})"
            << "profile 'p'";
        QTest::newRow("bad name") << "../etc" << R"({"format": "flowdeck.bundle", "formatVersion": 1, "workflow": {}})"
                                  << "letters, digits";
    }
    void badBundlesAreRefusedNamingTheField()
    {
        QFETCH(QString, name);
        QFETCH(QString, body);
        QFETCH(QString, expected);
        AppStore store(m_io, hostSetup(), m_box, m_dir.filePath("bad").toStdString());
        const auto out = deploy(store, name.toStdString(), json::parse(body.toStdString()));
        QCOMPARE(out.status, 400u);
        const std::string message = out.body["error"]["message"];
        QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
        QCOMPARE(out.body["error"]["code"], json(400));
        QVERIFY(!store.find(name.toStdString()));
    }

    void secretsAreSealedApartAndARestartServesWhatWasLive()
    {
        const QString data = m_dir.filePath("restart");
        const std::string secret = "sk-very-secret-value";
        {
            AppStore store(m_io, hostSetup(), m_box, data.toStdString());
            QCOMPARE(deploy(store, "greet", bundle(greeter("Hello {{start.name}}"), {{"secrets", {{"CRM_TOKEN", secret}}}})).status,
                     200u);
            QCOMPARE(deploy(store, "greet", bundle(greeter("Bonjour {{start.name}}"))).status, 200u);
        }
        const std::string stored = fileText(data + "/apps/greet/versions/1/bundle.json");
        QVERIFY(!stored.empty());
        QVERIFY(stored.find(secret) == std::string::npos);
        const std::string sealed = fileText(data + "/apps/greet/versions/1/secrets.sealed");
        QVERIFY(!sealed.empty());
        QVERIFY(sealed.find(secret) == std::string::npos);

        AppStore again(m_io, hostSetup(), m_box, data.toStdString());
        std::vector<std::string> log;
        again.loadAll([&](const std::string &line) { log.push_back(line); });
        QVERIFY(again.find("greet"));
        QCOMPARE(again.find("greet")->version(), 2);
        QCOMPARE(run(again, "greet", {{"name", "Ada"}})["outputs"]["greeting"], json("Bonjour Ada"));
        QCOMPARE(again.find("greet")->redact("token " + secret), std::string("token ") + secret);  // v2 has no secret
        auto out = wait([&](AppStore::Done done) { again.rollback("greet", 1, std::move(done)); });
        QCOMPARE(out.status, 200u);
        QCOMPARE(again.find("greet")->redact("token " + secret), std::string("token [secret]"));
    }

    void apiKeysAreShownOnceAndStoredHashed()
    {
        const QString data = m_dir.filePath("keys");
        AppStore store(m_io, hostSetup(), m_box, data.toStdString());
        QCOMPARE(deploy(store, "greet", bundle(greeter("Hello"))).status, 200u);
        const auto created = store.createKey("greet", "ci");
        QCOMPARE(created.status, 201u);
        const std::string key = created.body["key"];
        QVERIFY(store.keyAllowed("greet", key));
        QVERIFY(!store.keyAllowed("greet", key + "x"));
        QVERIFY(fileText(data + "/apps/greet/keys.json").find(key) == std::string::npos);
        const std::string id = created.body["id"];
        QCOMPARE(store.revokeKey("greet", id).status, 200u);
        QVERIFY(!store.keyAllowed("greet", key));
    }

    void deployedAppsMayNotReachPrivateAddressesUnlessAllowed()
    {
        tests::FaultServer target;
        target.addScript(tests::FaultServer::json(200, R"({"ok":true})"));
        AppStore strict(m_io, hostSetup(), m_box, m_dir.filePath("strict").toStdString());
        QCOMPARE(deploy(strict, "fetch", bundle(fetcher(target.baseUrl() + "/x"))).status, 200u);
        auto result = run(strict, "fetch", json::object());
        QCOMPARE(result["status"], json("failed"));
        QCOMPARE(result["kind"], json("blocked"));
        QVERIFY2(result["error"].get<std::string>().find("127.0.0.1") != std::string::npos, result.dump().c_str());
        QCOMPARE(target.connections(), 0);

        AppStore open(m_io, hostSetup(true), m_box, m_dir.filePath("open").toStdString());
        QCOMPARE(deploy(open, "fetch", bundle(fetcher(target.baseUrl() + "/x"))).status, 200u);
        result = run(open, "fetch", json::object());
        QCOMPARE(result["status"], json("succeeded"));
        QCOMPARE(result["outputs"]["status"], json(200));
    }
};

QTEST_GUILESS_MAIN(TestAppStore)
#include "tst_appstore.moc"
