// The plugin catalog in plugins/ and how a workflow's "plugins" entries become
// server launch configurations.
#include "engine/core/secretstore.h"
#include "engine/mcp/mcpserverpool.h"
#include "engine/mcp/mcpserversimport.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/mcp/plugininstall.h"
#include "tests/support/runharness.h"

#include <QtTest>

#include <fstream>
#include <set>

using namespace flowdeck::engine;
using flowdeck::tests::RunHarness;
using json = nlohmann::json;

class TestPluginCatalog : public QObject {
    Q_OBJECT

    PluginCatalog m_catalog;

    static Workflow withPlugins(json plugins)
    {
        return RunHarness::workflow({{"plugins", std::move(plugins)}, {"nodes", {{{"id", "start"}, {"type", "start"}}}}});
    }

private slots:
    void initTestCase()
    {
        auto problems = m_catalog.loadDirectory(FLOWDECK_SOURCE_DIR "/plugins");
        for (const auto &d : problems)
            qWarning("%s", d.toString().c_str());
        QVERIFY(problems.empty());
    }

    void catalogCoversWhatBusinessAppsNeed()
    {
        QVERIFY(m_catalog.all().size() >= 15);
        std::set<std::string> categories;
        for (const auto *m : m_catalog.all()) {
            QVERIFY2(!m->name.empty() && !m->nameZh.empty() && !m->description.empty() && !m->descriptionZh.empty(),
                     m->id.c_str());
            QVERIFY2(m->transport == "stdio" || m->transport == "http", m->id.c_str());
            categories.insert(m->category);
        }
        for (const char *c : {"files", "memory", "reasoning", "database", "web", "browser", "maps", "weather", "code", "messaging"})
            QVERIFY2(categories.count(c), c);
        for (const char *id : {"filesystem", "memory", "sequential-thinking", "postgres", "sqlite", "mysql", "redis", "amap",
                               "baidu-map"})
            QVERIFY2(m_catalog.find(id), id);
    }

    void catalogEntryBecomesACommandLine()
    {
        SecretStore secrets;
        secrets.setUseEnvironment(false);
        boost::asio::io_context io;
        McpServerPool pool(io, m_catalog, secrets);
        QTemporaryDir nothingInstalled;
        pool.installDirectory = nothingInstalled.path().toStdString();
        auto config = pool.configFor(withPlugins({{"fs", {{"catalog", "filesystem"},
                                                           {"settings", {{"ALLOWED_DIRECTORIES", {"/data/a", "/data/b"}}}}}}}),
                                     "fs");
        QVERIFY(config.ok());
        QCOMPARE(config->command, std::string("npx"));
        QCOMPARE(config->args.back(), std::string("/data/b"));
        QCOMPARE(config->args[config->args.size() - 2], std::string("/data/a"));

        auto missing = pool.configFor(withPlugins({{"fs", {{"catalog", "filesystem"}}}}), "fs");
        QVERIFY(!missing.ok());
        QVERIFY(missing.diagnostics()[0].message.find("ALLOWED_DIRECTORIES") != std::string::npos);
    }

    void installedServerStartsFromItsInstall()
    {
        const PluginManifest *memory = m_catalog.find("memory");
        QVERIFY(memory);
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        NpmInstallPlan plan = npmInstallPlan(*memory, root);
        QCOMPARE(plan.package, std::string("@modelcontextprotocol/server-memory@2026.8.31"));
        QVERIFY(std::find(plan.npmArgs.begin(), plan.npmArgs.end(), plan.staging.string()) != plan.npmArgs.end());
        QVERIFY(installedExecutable(*memory, root).empty());

        // What npm leaves behind: the package's package.json naming its bin, and the link in .bin.
        std::string error;
        QVERIFY(!finishNpmInstall(*memory, plan, error));  // nothing installed yet: refused, said why
        QVERIFY(error.find("no program") != std::string::npos);
        const auto pkg = plan.staging / "node_modules" / "@modelcontextprotocol" / "server-memory";
        std::filesystem::create_directories(pkg);
        std::filesystem::create_directories(plan.staging / "node_modules" / ".bin");
        std::ofstream(pkg / "package.json") << R"({"name": "@modelcontextprotocol/server-memory", "bin": {"mcp-server-memory": "dist/index.js"}})";
        std::ofstream(plan.staging / "node_modules" / ".bin" / "mcp-server-memory") << "#!/bin/sh\n";
        QVERIFY2(finishNpmInstall(*memory, plan, error), error.c_str());
        QVERIFY(!std::filesystem::exists(plan.staging));
        QCOMPARE(installedExecutable(*memory, root), plan.target / "node_modules" / ".bin" / "mcp-server-memory");

        SecretStore secrets;
        secrets.setUseEnvironment(false);
        boost::asio::io_context io;
        McpServerPool pool(io, m_catalog, secrets);
        pool.installDirectory = root;
        auto config = pool.configFor(withPlugins({{"mem", {{"catalog", "memory"}}}}), "mem");
        QVERIFY(config.ok());
        QCOMPARE(config->command, installedExecutable(*memory, root).string());
        QVERIFY(config->args.empty());  // "-y" and the package spec were npx's
    }

    void secretsComeFromTheStoreNeverTheFile()
    {
        SecretStore secrets;
        secrets.setUseEnvironment(false);
        boost::asio::io_context io;
        McpServerPool pool(io, m_catalog, secrets);
        auto wf = withPlugins({{"maps", {{"catalog", "amap"}}}});
        auto noKey = pool.configFor(wf, "maps");
        QVERIFY(!noKey.ok());
        QVERIFY(noKey.diagnostics()[0].message.find("AMAP_MAPS_API_KEY (a secret)") != std::string::npos);
        secrets.set("AMAP_MAPS_API_KEY", "k-123");
        auto withKey = pool.configFor(wf, "maps");
        QVERIFY(withKey.ok());
        QCOMPARE(withKey->env.at("AMAP_MAPS_API_KEY"), std::string("k-123"));

        auto inlineEnv = pool.configFor(withPlugins({{"x", {{"command", "srv"}, {"env", {{"TOKEN", "{{secret.MISSING}}"}}}}}}), "x");
        QVERIFY(!inlineEnv.ok());
        QVERIFY(inlineEnv.diagnostics()[0].message.find("{{secret.MISSING}}") != std::string::npos);
    }

    void unknownAndHttpPluginsAreExplained()
    {
        SecretStore secrets;
        boost::asio::io_context io;
        McpServerPool pool(io, m_catalog, secrets);
        auto unknown = pool.configFor(withPlugins({{"x", {{"catalog", "no-such"}}}}), "x");
        QVERIFY(unknown.diagnostics()[0].message.find("no server 'no-such'") != std::string::npos);
        auto http = pool.configFor(withPlugins({{"wiki", {{"catalog", "deepwiki"}}}}), "wiki");
        QVERIFY(http.ok());
        QCOMPARE(http->transport, std::string("http"));
        QCOMPARE(http->url, std::string("https://mcp.deepwiki.com/mcp"));
        secrets.setUseEnvironment(false);
        auto github = pool.configFor(withPlugins({{"gh", {{"catalog", "github"}}}}), "gh");
        QVERIFY(!github.ok());
        QVERIFY(github.diagnostics()[0].message.find("{{secret.GITHUB_PERSONAL_ACCESS_TOKEN}}") != std::string::npos);
        secrets.set("GITHUB_PERSONAL_ACCESS_TOKEN", "ghp-1");
        github = pool.configFor(withPlugins({{"gh", {{"catalog", "github"}}}}), "gh");
        QVERIFY(github.ok());
        QCOMPARE(github->headers.at(0).second, std::string("Bearer ghp-1"));
        auto badTransport = pool.configFor(withPlugins({{"y", {{"url", "http://x"}, {"transport", "ws"}}}}), "y");
        QVERIFY(badTransport.diagnostics()[0].message.find("'ws'") != std::string::npos);
        auto undeclared = pool.configFor(withPlugins(json::object()), "nope");
        QVERIFY(undeclared.diagnostics()[0].message.find("no plugin named 'nope'") != std::string::npos);
    }

    void importsClaudeDesktopConfig()
    {
        const char *text = R"json({"mcpServers": {
            "filesystem": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Desktop"]},
            "amap maps": {"command": "npx", "args": ["-y", "@amap/amap-maps-mcp-server"], "env": {"AMAP_MAPS_API_KEY": "abc", "REGION": "cn"}},
            "remote": {"url": "https://example.com/mcp", "headers": {"Authorization": "Bearer t-9", "X-Team": "a"}},
            "old": {"type": "sse", "url": "https://example.com/sse"},
            "off": {"command": "x", "disabled": true},
            "broken": 5 }})json";
        auto r = importMcpServers(text);
        QVERIFY(r.ok());
        QCOMPARE(r->plugins["filesystem"]["args"][2], json("/Users/me/Desktop"));
        QCOMPARE(r->plugins["amap-maps"]["env"]["AMAP_MAPS_API_KEY"], json("{{secret.AMAP_MAPS_API_KEY}}"));
        QCOMPARE(r->plugins["amap-maps"]["env"]["REGION"], json("cn"));
        QCOMPARE(r->secrets["AMAP_MAPS_API_KEY"], json("abc"));
        QCOMPARE(r->plugins["remote"]["url"], json("https://example.com/mcp"));
        QCOMPARE(r->plugins["remote"]["transport"], json("http"));
        QCOMPARE(r->plugins["remote"]["headers"]["Authorization"], json("{{secret.REMOTE_AUTHORIZATION}}"));
        QCOMPARE(r->plugins["remote"]["headers"]["X-Team"], json("a"));
        QCOMPARE(r->secrets["REMOTE_AUTHORIZATION"], json("Bearer t-9"));
        QCOMPARE(r->plugins["old"]["transport"], json("sse"));
        QVERIFY(!r->plugins.contains("off") && !r->plugins.contains("broken"));
        QCOMPARE(r->notes.size(), std::size_t(2));
        QVERIFY(r->plugins.dump().find("abc") == std::string::npos);  // the keys are not in the plugins
        QVERIFY(r->plugins.dump().find("t-9") == std::string::npos);

        // The imported entry is usable by a workflow once the secret is in the store.
        SecretStore secrets;
        secrets.setUseEnvironment(false);
        secrets.set("AMAP_MAPS_API_KEY", "abc");
        boost::asio::io_context io;
        McpServerPool pool(io, m_catalog, secrets);
        auto config = pool.configFor(withPlugins(r->plugins), "amap-maps");
        QVERIFY(config.ok());
        QCOMPARE(config->env.at("AMAP_MAPS_API_KEY"), std::string("abc"));

        QVERIFY(!importMcpServers("[1,2]").ok());
        QVERIFY(!importMcpServers(R"({"other": 1})").ok());
    }
};

QTEST_GUILESS_MAIN(TestPluginCatalog)
#include "tst_plugincatalog.moc"
