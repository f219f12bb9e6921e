// The run host (engine/run/runhost.h): one function assembles what runs need, and the
// host kind sets the network policy (DESIGN.md §3).
#include "engine/net/httpclient.h"
#include "engine/run/runhost.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace flowdeck::engine;

class TestRunHost : public QObject {
    Q_OBJECT

private slots:
    void policyFollowsTheKind_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("privateNetwork");
        QTest::addColumn<bool>("environment");
        QTest::newRow("cli") << int(HostKind::Cli) << true << true;
        QTest::newRow("studio") << int(HostKind::Studio) << true << true;
        QTest::newRow("runtime") << int(HostKind::DeployedRuntime) << false << false;
    }
    void policyFollowsTheKind()
    {
        QFETCH(int, kind);
        QFETCH(bool, privateNetwork);
        QFETCH(bool, environment);
        boost::asio::io_context io;
        RunHostSetup setup;
        setup.kind = static_cast<HostKind>(kind);
        setup.loadCatalog = false;
        auto host = makeRunHost(io, setup);
        QCOMPARE(host->policy().allowPrivateNetwork, privateNetwork);
        QCOMPARE(host->services().allowPrivateNetwork, privateNetwork);
        QCOMPARE(host->policy().secretsFromEnvironment, environment);
        // Every service a run reaches out with is the host's own.
        QCOMPARE(host->services().http, &host->http());
        QCOMPARE(host->services().mcp, &host->mcp());
        QCOMPARE(host->services().profiles, &host->profiles());
        QCOMPARE(host->services().secrets, &host->secrets());
        // A deployed app never sees the runtime's own environment (its keys, its admin token).
        qputenv("FLOWDECK_RUNHOST_TEST_SECRET", "from-the-environment");
        QCOMPARE(host->secrets().get("FLOWDECK_RUNHOST_TEST_SECRET").has_value(), environment);
    }

    void theOperatorMayOpenThePrivateNetwork()
    {
        boost::asio::io_context io;
        HttpClient shared(io);
        RunHostSetup setup;
        setup.kind = HostKind::DeployedRuntime;
        setup.sharedHttp = &shared;
        setup.loadCatalog = false;
        setup.allowPrivateNetwork = true;
        auto host = makeRunHost(io, setup);
        QVERIFY(host->services().allowPrivateNetwork);
        QCOMPARE(&host->http(), &shared);
        QVERIFY(!host->policy().secretsFromEnvironment);
    }

    void loadsTheConfigFolder()
    {
        QTemporaryDir dir;
        {
            std::ofstream profiles((dir.path() + "/profiles.json").toStdString());
            profiles << R"({"profiles": {"office": {"baseUrl": "http://10.0.0.5:8000/v1", "defaultModel": "qwen3"}}})";
        }
        boost::asio::io_context io;
        RunHostSetup setup;
        setup.kind = HostKind::Studio;
        setup.configDir = dir.path().toStdString();
        setup.loadCatalog = false;
        auto host = makeRunHost(io, setup);
        QVERIFY(host->profiles().find("office"));
        QCOMPARE(host->profiles().find("office")->defaultModel, std::string("qwen3"));
        QVERIFY(host->profiles().find("deepseek"));  // the presets are there too
    }
};

QTEST_GUILESS_MAIN(TestRunHost)
#include "tst_runhost.moc"
