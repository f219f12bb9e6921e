// End to end: every Dify export of tests/import/dify goes through the real
// `flowdeck import dify`, the written workflow passes `flowdeck validate` (placeholders
// aside, which the report lists), no credential of the corpus is written or printed, and
// the imported apps run with `flowdeck run` against mock-llm, an HTTP peer on 127.0.0.1
// and MCP servers (tests/runtime/difycorpus.h says what each must give).
#include "tests/runtime/difycorpus.h"
#include "tests/support/faultserver.h"
#include "tests/support/mockllm.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using flowdeck::tests::FaultServer;
using flowdeck::tests::MockLlm;
using nlohmann::json;
namespace corpus = flowdeck::tests::dify;

namespace {

struct Ran {
    int exitCode = -1;
    QString out;
    QString err;
};

const QString kCorpus = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/import/dify");

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// A port of 127.0.0.1 that was free a moment ago and that nothing listens on now.
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    if (fd >= 0)
        ::close(fd);
    return port;
}

json parsedOrNull(const QString &text)
{
    return json::parse(text.toStdString(), nullptr, false);
}

} // namespace

class TestDifyImportCli : public QObject {
    Q_OBJECT

    MockLlm m_mock;
    QTemporaryDir m_config, m_projects, m_plugins, m_data;
    std::map<std::string, QString> m_flows;   // corpus file -> written .flow.json
    std::set<std::string> m_cleanFiles, m_ranFiles, m_failedRuns;
    int m_corpusSize = 0;

    Ran flowdeck(const QStringList &args, const QString &configDir = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("FLOWDECK_CONFIG_DIR", configDir.isEmpty() ? m_config.path() : configDir);
        env.insert("FLOWDECK_PLUGINS_DIR", m_plugins.path());
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_projects.path());
        p.start(QStringLiteral(FLOWDECK_BINARY), args);
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    // The catalog as shipped, with fetch served by the stand-in (its real server needs the
    // internet) and server-everything by the locally installed real one.
    void writePlugins()
    {
        QDir catalog(QStringLiteral(FLOWDECK_SOURCE_DIR "/plugins"));
        for (const auto &name : catalog.entryList({"*.json"}, QDir::Files)) {
            auto manifest = parsedOrNull(readAll(catalog.filePath(name)));
            const QString peers = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/peers/");
            if (name == "fetch.json") {
                manifest["transport"]["command"] = "node";
                manifest["transport"]["args"] = {(peers + "standin-mcp.mjs").toStdString(),
                                                 (m_data.path() + "/fetch-standin.json").toStdString()};
            } else if (name == "everything.json") {
                manifest["transport"]["command"] = (peers + "node_modules/.bin/mcp-server-everything").toStdString();
                manifest["transport"]["args"] = {"stdio"};
            }
            QFile out(m_plugins.path() + "/" + name);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QByteArray::fromStdString(manifest.dump(2)));
        }
        const json markdownSchema = {{"type", "object"},
                                     {"properties", {{"url", {{"type", "string"}}}, {"max_length", {{"type", "number"}}}}},
                                     {"required", {"url"}}};
        const json standin = {{"name", "zcaceres/fetch"},
                              {"tools", {{{"name", "fetch_markdown"},
                                          {"description", "Fetch a website and return its contents converted to Markdown"},
                                          {"inputSchema", markdownSchema},
                                          {"result", {{"text", "# Today\nFlowdeck imports Dify apps."}}}}}}};
        QFile spec(m_data.path() + "/fetch-standin.json");
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(QByteArray::fromStdString(standin.dump(2)));
    }

    void writeData(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_data.path() + "/" + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    // Every file under `folder`, read whole.
    static QStringList filesUnder(const QString &folder)
    {
        QStringList files;
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

    static std::vector<std::string> allSecrets()
    {
        std::vector<std::string> values;
        for (const auto &[file, secrets] : corpus::plaintextSecrets())
            values.insert(values.end(), secrets.begin(), secrets.end());
        return values;
    }

    QString importOne(const std::string &file, Ran &ran, json &report)
    {
        const QString out = m_projects.path() + "/" + QString::fromStdString(file).chopped(4);
        ran = flowdeck({"import", "dify", kCorpus + "/" + QString::fromStdString(file), "--out", out, "--json"});
        report = parsedOrNull(ran.out);
        return out;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error, QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/peers/mock-llm-dify.yaml")), qPrintable(error));
        QFile profiles(m_config.path() + "/profiles.json");
        QVERIFY(profiles.open(QIODevice::WriteOnly));
        profiles.write(QByteArray::fromStdString(m_mock.profilesJson()));
        profiles.close();
        writePlugins();
        writeData("report.txt", "Quarterly report.\nSales rose by 12 percent.\n");
        writeData("contract.txt", "本合同由甲方星河科技有限公司与乙方蓝海贸易有限公司签订，合同总金额为人民币贰拾伍万元整（250000元）。\n");
    }

    void importsCorpusFile_data()
    {
        QTest::addColumn<QString>("file");
        const auto files = QDir(kCorpus).entryList({"*.yml"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 30);
        m_corpusSize = static_cast<int>(files.size());
        for (const auto &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }

    void importsCorpusFile()
    {
        QFETCH(QString, file);
        const std::string name = file.toStdString();
        Ran ran;
        json report;
        const QString folder = importOne(name, ran, report);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY2(report.is_object(), qPrintable(ran.out));
        const QString flow = QString::fromStdString(report.value("written", ""));
        QVERIFY2(QFile::exists(flow), qPrintable(flow));
        m_flows[name] = flow;

        // The report's unmapped items are exactly the expected ones; a placeholder node is one.
        std::vector<std::string> unmapped;
        for (const auto &issue : report["issues"])
            if (issue.value("kind", "") == "unmapped")
                unmapped.push_back(issue.value("what", ""));
        const auto expectedIt = corpus::expectedUnmapped().find(name);
        const std::vector<std::string> expected =
            expectedIt == corpus::expectedUnmapped().end() ? std::vector<std::string>{} : expectedIt->second;
        auto listed = [&](const std::string &what) {
            return std::any_of(unmapped.begin(), unmapped.end(), [&](const std::string &u) { return u.find(what) != std::string::npos; });
        };
        bool asExpected = unmapped.size() == expected.size() && std::all_of(expected.begin(), expected.end(), listed);
        QVERIFY2(asExpected, report["issues"].dump(1).c_str());
        QCOMPARE(report.value("clean", false), unmapped.empty());
        if (report.value("clean", false))
            m_cleanFiles.insert(name);

        // It validates, except for placeholder nodes, each of which the report lists.
        const json workflow = parsedOrNull(readAll(flow));
        std::set<std::string> placeholders;
        for (const auto &node : workflow["nodes"])
            if (node.value("type", "") == "placeholder")
                placeholders.insert(node.value("id", ""));
        const Ran validated = flowdeck({"validate", flow, "--json"});
        const json diagnostics = parsedOrNull(validated.out).value("diagnostics", json::array());
        bool onlyPlaceholders = true;
        for (const auto &d : diagnostics)
            if (d.value("severity", "error") == "error" && !placeholders.count(d.value("node", "")))
                onlyPlaceholders = false;
        QVERIFY2(onlyPlaceholders, qPrintable(validated.out));
        QCOMPARE(validated.exitCode == 0, placeholders.empty() && onlyPlaceholders);
        for (const auto &id : placeholders)
            QVERIFY2(report["issues"].dump().find("node " + id + " ") != std::string::npos, id.c_str());

        // No credential of the corpus is written anywhere or printed.
        bool leaked = false;
        QString where;
        const QStringList written = filesUnder(folder);
        for (const auto &secret : allSecrets()) {
            const QString value = QString::fromStdString(secret);
            if (ran.out.contains(value) || ran.err.contains(value)) {
                leaked = true;
                where = "the command's output";
            }
            for (const auto &path : written)
                if (readAll(path).contains(value)) {
                    leaked = true;
                    where = path;
                }
        }
        QVERIFY2(!leaked, qPrintable("a credential was found in " + where));

        // The file's credentials are in the secret store, which only its owner can read.
        if (auto s = corpus::plaintextSecrets().find(name); s != corpus::plaintextSecrets().end()) {
            const QString store = m_config.path() + "/secrets.json";
            struct stat st {};
            QCOMPARE(::stat(store.toLocal8Bit().constData(), &st), 0);
            QCOMPARE(st.st_mode & 0777, 0600u);
            const QString stored = readAll(store);
            const bool all = std::all_of(s->second.begin(), s->second.end(),
                                         [&](const std::string &v) { return stored.contains(QString::fromStdString(v)); });
            QVERIFY2(all, "a credential of the file is not in secrets.json");
            QVERIFY(report["secrets"].is_array() && !report["secrets"].empty());
            for (const auto &v : s->second)
                QVERIFY(report.dump().find(v) == std::string::npos);
        }
    }

    void runsEndToEnd_data()
    {
        QTest::addColumn<int>("index");
        const auto cases = corpus::runCases();
        for (std::size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(cases[i].name.c_str()) << static_cast<int>(i);
    }

    void runsEndToEnd()
    {
        QFETCH(int, index);
        const corpus::RunCase c = corpus::runCases()[static_cast<std::size_t>(index)];
        auto flow = m_flows.find(c.file);
        QVERIFY2(flow != m_flows.end(), "the file was not imported");
        FaultServer peer;
        peer.addScript(FaultServer::json(200, R"({"status": "shipped"})"));
        const int closed = closedPort();
        QVERIFY(closed > 0);
        const QString closedUrl = QStringLiteral("http://127.0.0.1:%1/status").arg(closed);

        QStringList args{"run", flow->second, "-p", "mock", "--json"};
        for (const auto &a : c.args)
            args << QString::fromStdString(a)
                        .replace("{PEER}", QString::fromStdString(peer.baseUrl()))
                        .replace("{DATA}", m_data.path())
                        .replace("{CLOSED}", closedUrl);
        const Ran ran = flowdeck(args);
        const json result = parsedOrNull(ran.out);
        bool ok = ran.exitCode == 0 && result.value("status", "") == "succeeded";
        if (ok && c.outputs.is_object())
            for (const auto &[key, value] : c.outputs.items())
                ok = ok && result["outputs"].contains(key) && result["outputs"][key] == value;
        if (ok && !c.answer.empty())
            ok = result.value("answer", "") == c.answer;
        if (ok && !c.peerHeader.empty()) {
            bool seen = false;
            for (const auto &request : peer.requests())
                seen = seen || request.find(c.peerHeader) != std::string::npos;
            ok = seen;
        }
        if (ok)
            m_ranFiles.insert(c.file);
        else
            m_failedRuns.insert(c.file);
        QVERIFY2(ok, qPrintable(ran.out + ran.err));
    }

    // A placeholder node fails its run with the sentence that says what to replace.
    void placeholderFailsAtRunTime()
    {
        auto flow = m_flows.find("workflow-tool-placeholder-0.2.0.yml");
        QVERIFY(flow != m_flows.end());
        const Ran ran = flowdeck({"run", flow->second, "-p", "mock", "-i", "idea=a cat", "-i", "link=https://example.com"});
        QVERIFY(ran.exitCode != 0);
        QVERIFY2(ran.err.contains("Flowdeck has no plugin for"), qPrintable(ran.err));
    }

    void missingFileIsNamed()
    {
        const Ran ran = flowdeck({"import", "dify", m_data.path() + "/nowhere.yml"});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains(m_data.path() + "/nowhere.yml") && ran.err.contains("no such file"), qPrintable(ran.err));
    }

    void notADifyAppIsRefused()
    {
        const Ran folder = flowdeck({"import", "dify", m_data.path()});
        QCOMPARE(folder.exitCode, 1);
        QVERIFY2(folder.err.contains("is not a file"), qPrintable(folder.err));
        writeData("list.yml", "- one\n- two\n");
        writeData("other.yml", "kind: app\nversion: 0.1.5\nsettings:\n  theme: dark\n");
        for (const char *name : {"list.yml", "other.yml"}) {
            const Ran ran = flowdeck({"import", "dify", m_data.path() + "/" + name, "--out", m_data.path() + "/other"});
            QCOMPARE(ran.exitCode, 1);
            QVERIFY2(ran.err.contains(name) && ran.err.contains("was not imported"), qPrintable(ran.err));
        }
        QVERIFY(!QDir(m_data.path() + "/other").exists());
    }

    void yamlErrorGivesLineAndColumn()
    {
        writeData("broken.yml", "app:\n  name: Broken\n  mode: workflow\nkind: app\nversion: 0.1.5\nworkflow:\n  graph: [nodes: {\n");
        const Ran ran = flowdeck({"import", "dify", m_data.path() + "/broken.yml", "--out", m_data.path() + "/broken"});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains("broken.yml") && ran.err.contains("line 8, column 1"), qPrintable(ran.err));
        QVERIFY(!QDir(m_data.path() + "/broken").exists());
    }

    void writtenWorkflowIsKeptWithoutForce()
    {
        QTemporaryDir config;
        const QString out = m_data.path() + "/again";
        const QString file = kCorpus + "/workflow-hello-0.1.0.yml";
        QCOMPARE(flowdeck({"import", "dify", file, "--out", out}, config.path()).exitCode, 0);
        const Ran again = flowdeck({"import", "dify", file, "--out", out}, config.path());
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("--force") || again.err.contains("exists"), qPrintable(again.err));
        QCOMPARE(flowdeck({"import", "dify", file, "--out", out, "--force"}, config.path()).exitCode, 0);
    }

    // The import is the project's first version; --no-history leaves the folder without one.
    void importStartsTheHistory()
    {
        QTemporaryDir config;
        const QString file = kCorpus + "/workflow-hello-0.1.0.yml";
        const QString out = m_data.path() + "/versioned";
        const Ran ran = flowdeck({"import", "dify", file, "--out", out}, config.path());
        QCOMPARE(ran.exitCode, 0);
        QVERIFY2(ran.out.contains("Recorded as version"), qPrintable(ran.out));
        const Ran listed = flowdeck({"history", "--project", out, "list", "--json"}, config.path());
        const json versions = json::parse(listed.out.toStdString(), nullptr, false)["versions"];
        QCOMPARE(versions.size(), std::size_t(1));
        QCOMPARE(versions[0]["kind"], json("import"));
        QCOMPARE(versions[0]["message"], json("Imported from Dify: Hello workflow"));

        const QString bare = m_data.path() + "/unversioned";
        QCOMPARE(flowdeck({"import", "dify", file, "--out", bare, "--no-history"}, config.path()).exitCode, 0);
        QVERIFY(!QFileInfo::exists(bare + "/.git"));
        const Ran none = flowdeck({"history", "--project", bare, "list"}, config.path());
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains("No version history"), qPrintable(none.out));
        QVERIFY(!QFileInfo::exists(bare + "/.git"));  // reading does not start one
    }

    // Names already in secrets.json stay (another value is kept unless --force), the file
    // stays owner-only, and the text report names the credentials without their values.
    void secretsAreMergedNotOverwritten()
    {
        QTemporaryDir config;
        QFile store(config.path() + "/secrets.json");
        QVERIFY(store.open(QIODevice::WriteOnly));
        store.write(R"({"OTHER_KEY": "keep-me", "SUPPORT_TOKEN": "older-value"})");
        store.close();
        QVERIFY(store.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const QString file = kCorpus + "/chatflow-env-conversation-0.4.0.yml";
        const Ran first = flowdeck({"import", "dify", file, "--out", m_data.path() + "/merge"}, config.path());
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains("SUPPORT_TOKEN") && first.out.contains("--force"), qPrintable(first.out));
        QVERIFY(!first.out.contains("st-7Qe2LmZ9xK4pW1vB") && !first.err.contains("st-7Qe2LmZ9xK4pW1vB"));
        json kept = parsedOrNull(readAll(store.fileName()));
        QCOMPARE(kept.value("OTHER_KEY", ""), std::string("keep-me"));
        QCOMPARE(kept.value("SUPPORT_TOKEN", ""), std::string("older-value"));
        const Ran forced = flowdeck({"import", "dify", file, "--out", m_data.path() + "/merge", "--force"}, config.path());
        QCOMPARE(forced.exitCode, 0);
        json replaced = parsedOrNull(readAll(store.fileName()));
        QCOMPARE(replaced.value("OTHER_KEY", ""), std::string("keep-me"));
        QCOMPARE(replaced.value("SUPPORT_TOKEN", ""), std::string("st-7Qe2LmZ9xK4pW1vB"));
        QCOMPARE(store.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    }

    void secretsFileThatIsNotJsonIsLeftAlone()
    {
        QTemporaryDir config;
        QFile store(config.path() + "/secrets.json");
        QVERIFY(store.open(QIODevice::WriteOnly));
        store.write("not json");
        store.close();
        const Ran ran = flowdeck({"import", "dify", kCorpus + "/chatflow-env-conversation-0.4.0.yml", "--out",
                                  m_data.path() + "/notjson"}, config.path());
        QCOMPARE(ran.exitCode, 0);
        QVERIFY2(ran.out.contains("SUPPORT_TOKEN") && ran.out.contains("not stored"), qPrintable(ran.out));
        QCOMPARE(readAll(store.fileName()), QStringLiteral("not json"));
    }

    void cleanupTestCase()
    {
        std::set<std::string> ran;
        for (const auto &f : m_ranFiles)
            if (!m_failedRuns.count(f))
                ran.insert(f);
        qInfo("imports with no unmapped items: %zu/%d", m_cleanFiles.size(), m_corpusSize);
        qInfo("runs end to end: %zu/%d (corpus files all of whose runs gave the expected result)", ran.size(), m_corpusSize);
        QStringList idle;
        for (const auto &[file, flow] : m_flows)
            if (!ran.count(file))
                idle << QString::fromStdString(file);
        qInfo("not run or not as expected: %s", qPrintable(idle.join(", ")));
    }
};

QTEST_GUILESS_MAIN(TestDifyImportCli)
#include "tst_difyimport_cli.moc"
