// The run host (engine/run/runhost.h): one function assembles what runs need, and the
// host kind sets the network policy (DESIGN.md §3).
#include "engine/net/httpclient.h"
#include "engine/net/proxychoice.h"
#include "engine/mcp/mcpserverpool.h"
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

    void addressesADeployedAppMayNotReach_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("blocked");
        for (const char *a : {"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                              "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12::1", "ff02::1",
                              "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1",
                              "2002:7f00:1::", "2002:a9fe:a9fe::", "::127.0.0.1", "not-an-address"})
            QTest::newRow(a) << a << true;
        for (const char *a : {"8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700::1111", "64:ff9b::808:808", "2002:808:808::",
                              "::ffff:8.8.8.8"})
            QTest::newRow(a) << a << false;
    }
    void addressesADeployedAppMayNotReach()
    {
        QFETCH(QString, address);
        QFETCH(bool, blocked);
        QCOMPARE(isPrivateAddress(address.toStdString()), blocked);
    }

    void theOperatorsAllowList()
    {
        AddressAllowList list;
        std::string error;
        QVERIFY(list.add("10.1.0.0/16", &error));
        QVERIFY(list.add("192.168.7.9", &error));
        QVERIFY(list.add("fd00::/8", &error));
        QVERIFY(list.contains("10.1.200.3"));
        QVERIFY(list.contains("::ffff:10.1.0.1"));  // IPv4-mapped
        QVERIFY(!list.contains("10.2.0.1"));
        QVERIFY(list.contains("192.168.7.9"));
        QVERIFY(!list.contains("192.168.7.10"));
        QVERIFY(list.contains("fd12::1"));
        QVERIFY(!list.contains("fe80::1"));
        QVERIFY(!list.contains("not an address"));
        for (const char *bad : {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "fd00::/129", "example.com", ""}) {
            QVERIFY2(!list.add(bad, &error), bad);
            QVERIFY2(error.find(std::string("'") + bad + "'") != std::string::npos, error.c_str());
        }
        // A request refused by the policy is let through only for allowed addresses.
        HttpRequest request;
        request.allowPrivateNetwork = false;
        QVERIFY(refusedAddress(request, "10.1.0.5"));
        request.allowedAddresses = std::make_shared<AddressAllowList>(list);
        QVERIFY(!refusedAddress(request, "10.1.0.5"));
        QVERIFY(refusedAddress(request, "169.254.169.254"));
        QVERIFY(!refusedAddress(request, "8.8.8.8"));
    }

    void theProxyIsChosenAsCurlWould()
    {
        const char *names[] = {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY", "HTTP_PROXY"};
        for (const char *n : names)
            qunsetenv(n);
        QCOMPARE(proxyFor("http://example.com/"), std::string());
        qputenv("HTTP_PROXY", "http://upper:1");  // ignored for http, as curl does
        QCOMPARE(proxyFor("http://example.com/"), std::string());
        qputenv("http_proxy", "http://proxy.corp:3128");
        qputenv("HTTPS_PROXY", "http://secure.corp:3128");
        QCOMPARE(proxyFor("http://example.com/a"), std::string("http://proxy.corp:3128"));
        QCOMPARE(proxyFor("https://example.com/a"), std::string("http://secure.corp:3128"));
        qputenv("no_proxy", "localhost, .internal.corp,10.0.0.1");
        QCOMPARE(proxyFor("http://localhost:8080/"), std::string());
        QCOMPARE(proxyFor("http://api.internal.corp/"), std::string());
        QCOMPARE(proxyFor("http://internal.corp/"), std::string());
        QCOMPARE(proxyFor("http://notinternal.corp/"), std::string("http://proxy.corp:3128"));
        QCOMPARE(proxyFor("http://10.0.0.1/"), std::string());
        qputenv("no_proxy", "*");
        QCOMPARE(proxyFor("https://example.com/"), std::string());
        for (const char *n : names)
            qunsetenv(n);
        QCOMPARE(urlHost("http://[::1]:8080/x").host, std::string("::1"));
        QCOMPARE(urlHost("HTTPS://Example.com/").scheme, std::string("https"));
    }

    void remoteMcpServersFollowThePolicy()
    {
        boost::asio::io_context io;
        RunHostSetup setup;
        setup.kind = HostKind::DeployedRuntime;
        setup.loadCatalog = false;
        auto host = makeRunHost(io, setup);
        Workflow wf;
        wf.plugins = {{"remote", {{"url", "http://127.0.0.1:9/mcp"}}}};
        auto config = host->mcp().configFor(wf, "remote");
        QVERIFY(config);
        QVERIFY(!config->allowPrivateNetwork);
        setup.kind = HostKind::Studio;
        auto desktop = makeRunHost(io, setup);
        QVERIFY(desktop->mcp().configFor(wf, "remote")->allowPrivateNetwork);
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
