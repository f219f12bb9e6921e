// The code node and its sandbox (DESIGN.md §3, code) with the real interpreters: Dify
// bodies in Python and JavaScript, errors, output types, and escape attempts in both
// languages that must fail with a clear error, leave the host unharmed and leave the
// pool able to run the next call.
#include "engine/core/messages.h"
#include "engine/nodes/noderegistry.h"
#include "engine/sandbox/coderun.h"
#include "tests/support/runharness.h"

#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace flowdeck::engine;
using flowdeck::tests::RunHarness;
using json = nlohmann::json;

Q_DECLARE_METATYPE(CodeLanguage)
Q_DECLARE_METATYPE(CodeLimit)

namespace {

const char *kSecret = "FLOWDECK_TEST_SECRET";
const std::string kSecretValue = "s3cr3t-" + std::to_string(::getpid());

const char *kPythonDify = "def main(arg1: str, arg2: str) -> dict:\n    return {\"result\": arg1 + arg2}\n";
const char *kJavaScriptDify = "function main({arg1, arg2}) {\n  return { result: arg1 + arg2 }\n}\n";

bool processExists(int pid) { return ::kill(pid, 0) == 0; }

} // namespace

class TestCode : public QObject {
    Q_OBJECT

    boost::asio::io_context m_io;
    std::shared_ptr<CodeSandboxPool> m_pool;
    QTemporaryDir m_dir;

    CodeOutcome call(CodeLanguage language, const std::string &code, json inputs = json::object(),
                     CodeLimits limits = {}, CodeSandboxPool *pool = nullptr)
    {
        CodeOutcome out;
        bool done = false;
        (pool ? pool : m_pool.get())->run({language, code, std::move(inputs), limits}, [&](CodeOutcome o) {
            out = std::move(o);
            done = true;
        });
        while (!done && m_io.run_one()) {
        }
        return out;
    }
    // Runs the loop until `done` holds (or 10 s pass).
    static bool pumpUntil(boost::asio::io_context &io, const std::function<bool()> &done)
    {
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!done() && std::chrono::steady_clock::now() < end) {
            io.restart();
            io.run_for(std::chrono::milliseconds(5));
        }
        return done();
    }
    // The pool still serves a normal call after whatever came before.
    void expectHealthy(CodeLanguage language, CodeSandboxPool *pool = nullptr)
    {
        const auto out = call(language, language == CodeLanguage::Python ? kPythonDify : kJavaScriptDify,
                              {{"arg1", "still "}, {"arg2", "fine"}}, {}, pool);
        QVERIFY2(out.ok, out.error.c_str());
        QCOMPARE(out.outputs["result"].get<std::string>(), std::string("still fine"));
    }
    static void addLanguages()
    {
        QTest::addColumn<CodeLanguage>("language");
        QTest::newRow("python") << CodeLanguage::Python;
        QTest::newRow("javascript") << CodeLanguage::JavaScript;
    }

private slots:
    void initTestCase()
    {
        // Set before any worker starts: the sandbox must not pass it on.
        qputenv(kSecret, QByteArray::fromStdString(kSecretValue));
        SandboxPoolSettings settings;
        settings.maxWorkersPerKind = 2;
        m_pool = CodeSandboxPool::create(m_io, settings);
        QVERIFY(m_dir.isValid());
    }

    void difyBodiesRunUnchanged_data() { addLanguages(); }
    void difyBodiesRunUnchanged()
    {
        QFETCH(CodeLanguage, language);
        const auto out = call(language, language == CodeLanguage::Python ? kPythonDify : kJavaScriptDify,
                              {{"arg1", "Hello, "}, {"arg2", "Ada"}});
        QVERIFY2(out.ok, out.error.c_str());
        QCOMPARE(out.outputs, json({{"result", "Hello, Ada"}}));
        QVERIFY2(out.sandbox.find("seccomp") != std::string::npos, out.sandbox.c_str());
    }

    void warmWorkersAreReused()
    {
        expectHealthy(CodeLanguage::Python);
        const int started = m_pool->workersStarted();
        const auto pids = m_pool->workerPids();
        for (int i = 0; i < 5; ++i)
            expectHealthy(CodeLanguage::Python);
        QCOMPARE(m_pool->workersStarted(), started);
        QCOMPARE(m_pool->workerPids(), pids);
    }

    void scratchFolderIsEmptiedBeforeEachCall_data() { addLanguages(); }
    void scratchFolderIsEmptiedBeforeEachCall()
    {
        QFETCH(CodeLanguage, language);
        const bool py = language == CodeLanguage::Python;
        const auto first = call(language, py ? "import os\ndef main():\n    open('note.txt', 'w').write('x')\n"
                                               "    os.mkdir('sub')\n    return {'files': sorted(os.listdir('.'))}\n"
                                             : "const fs = require('fs');\nfunction main() { fs.writeFileSync('note.txt', 'x'); "
                                               "fs.mkdirSync('sub'); return { files: fs.readdirSync('.').sort() } }");
        QVERIFY2(first.ok, first.error.c_str());
        QCOMPARE(first.outputs["files"], json({"note.txt", "sub"}));
        const auto second = call(language, py ? "import os\ndef main():\n    return {'files': os.listdir('.')}\n"
                                              : "function main() { return { files: require('fs').readdirSync('.') } }");
        QVERIFY2(second.ok, second.error.c_str());
        QCOMPARE(second.worker, first.worker);  // the same process, its folder emptied
        QCOMPARE(second.outputs["files"], json::array());
    }

    void jinja2AndTheStandardLibraryAreThere()
    {
        const auto out = call(CodeLanguage::Python,
                              "import jinja2, json, re, datetime\n"
                              "def main(name: str) -> dict:\n"
                              "    return {'text': jinja2.Template('Hi {{ n }}!').render(n=name), 'n': len(re.findall('a', name))}\n",
                              {{"name", "Ada"}});
        QVERIFY2(out.ok, out.error.c_str());
        QCOMPARE(out.outputs["text"].get<std::string>(), std::string("Hi Ada!"));
        QCOMPARE(out.outputs["n"].get<int>(), 1);
    }

    void typesLogsAndAsyncMain_data() { addLanguages(); }
    void typesLogsAndAsyncMain()
    {
        QFETCH(CodeLanguage, language);
        const std::string code = language == CodeLanguage::Python
                                     ? "def main(rows, n):\n    print('rows:', len(rows))\n"
                                       "    return {'total': sum(r['v'] for r in rows) * n, 'all': rows}\n"
                                     : "async function main({rows, n}) {\n  console.log('rows:', rows.length);\n"
                                       "  await new Promise((r) => setTimeout(r, 5));\n"
                                       "  return { total: rows.reduce((s, r) => s + r.v, 0) * n, all: rows };\n}\n";
        const json rows = json::array({{{"v", 1}}, {{"v", 2}}});
        const auto out = call(language, code, {{"rows", rows}, {"n", 10}});
        QVERIFY2(out.ok, out.error.c_str());
        QCOMPARE(out.outputs["total"].get<int>(), 30);
        QCOMPARE(out.outputs["all"], rows);  // nothing cut, types kept
        QCOMPARE(out.logs, std::string("rows: 2\n"));
    }

    void errorsAreClear_data()
    {
        QTest::addColumn<CodeLanguage>("language");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("line");
        const auto py = CodeLanguage::Python;
        const auto js = CodeLanguage::JavaScript;
        QTest::newRow("py no main") << py << "def helper():\n    return {}\n" << "defines no function main" << 0;
        QTest::newRow("js no main") << js << "function helper() { return {} }" << "defines no function main" << 0;
        QTest::newRow("py syntax") << py << "def main():\n    x = 1\n    return {'a': (}\n" << "syntax error on line 3" << 3;
        QTest::newRow("js syntax") << js << "function main() {\n  return { a: ( }\n}\n" << "syntax error on line 2" << 2;
        QTest::newRow("py exception") << py << "def main():\n    return {'a': 1 / 0}\n"
                                      << "failed on line 2: ZeroDivisionError: division by zero" << 2;
        QTest::newRow("js exception") << js << "function main() {\n  throw new Error('boom')\n}\n"
                                      << "failed on line 2: Error: boom" << 2;
        QTest::newRow("py not a dict") << py << "def main():\n    return [1, 2]\n" << "must return a dict, but it returned list" << 0;
        QTest::newRow("js not an object") << js << "function main() { return 5 }" << "must return an object, but it returned number" << 0;
        QTest::newRow("py not json") << py << "def main():\n    return {'s': {1, 2}}\n" << "the field 's'" << 0;
        QTest::newRow("js not json") << js << "function main() { return { n: 10n } }" << "n is a BigInt" << 0;
        QTest::newRow("py arguments") << py << "def main(a):\n    return {}\n" << "cannot take the inputs given (b)" << 0;
    }
    void errorsAreClear()
    {
        QFETCH(CodeLanguage, language);
        QFETCH(QString, code);
        QFETCH(QString, expected);
        QFETCH(int, line);
        const auto out = call(language, code.toStdString(), language == CodeLanguage::Python && code.contains("(a)")
                                                                ? json{{"b", 1}}
                                                                : json::object());
        QVERIFY(!out.ok);
        QCOMPARE(out.errorKind, ErrorKind::InvalidInput);
        QVERIFY2(out.error.find(expected.toStdString()) != std::string::npos, out.error.c_str());
        QCOMPARE(out.line, line);
        expectHealthy(language);
    }

    void declaredOutputsAreChecked_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");  // JSON returned by main
        QTest::addColumn<QString>("expected");  // empty: it fits
        QTest::newRow("string") << "string" << "\"x\"" << "";
        QTest::newRow("null fits") << "number" << "null" << "";
        QTest::newRow("wrong type") << "number" << "\"7\"" << "'out' has the type string, but the node declares it as number";
        QTest::newRow("array item") << "array[number]" << "[1, \"2\"]" << "array with string at [1]";
        QTest::newRow("objects") << "array[object]" << "[{}, {\"a\": 1}]" << "";
        QTest::newRow("any") << "any" << "[1, \"x\"]" << "";
        QTest::newRow("missing") << "boolean" << "" << "returned no field 'out', which the node declares as boolean";
    }
    void declaredOutputsAreChecked()
    {
        QFETCH(QString, type);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const std::string body = value.isEmpty() ? "{}" : "{'out': " + value.toStdString() + "}";
        const json config = {{"language", "python3"},
                             {"code", "null = None\ndef main() -> dict:\n    return " + body + "\n"},
                             {"outputs", {{{"name", "out"}, {"type", type.toStdString()}}}}};
        CodeOutcome out;
        bool done = false;
        runCodeOnce(*m_pool, config, json::object(), [&](CodeOutcome o) {
            out = std::move(o);
            done = true;
        });
        while (!done && m_io.run_one()) {
        }
        QCOMPARE(out.ok, expected.isEmpty());
        QVERIFY2(out.error.find(expected.toStdString()) != std::string::npos, out.error.c_str());
    }

    void configProblemsAreNamed()
    {
        const json config = {{"language", "ruby"},
                             {"code", "def main(): pass"},
                             {"inputs", {{{"name", "a"}}, {{"name", "a"}}, {{"name", "1x"}}}},
                             {"outputs", {{{"name", "r"}, {"type", "array[date]"}}, {{"name", "r"}, {"type", "string"}}}}};
        std::vector<std::string> codes;
        for (const auto &d : CodeConfig(config).problems("c1"))
            codes.push_back(d.code);
        const std::vector<std::string> expected = {"code-language", "code-duplicate-input", "code-input-name",
                                                   "code-output-type", "code-duplicate-output"};
        QCOMPARE(codes, expected);
        QCOMPARE(CodeConfig(json{{"code", "print(1)"}}).problems("c1").front().code, std::string("code-no-main"));
        // A parameter of main cannot be a word the language reserves.
        const json reserved = {{"language", "python3"}, {"code", "def main(**kw): pass"}, {"inputs", {{{"name", "class"}}}}};
        QCOMPARE(CodeConfig(reserved).problems("c1").front().code, std::string("code-input-name"));
        QVERIFY(CodeConfig(json{{"language", "javascript"}, {"code", "function main({klass}) {}"},
                                {"inputs", {{{"name", "klass"}}}}}).problems("c1").empty());
    }

    void limitsAreVisibleAndTranslated()
    {
        const NodeDescriptor *d = NodeRegistry::builtin().find("code");
        QVERIFY(d && d->asynchronous);
        QCOMPARE(d->titleZh, std::string("代码"));
        const CodeLimits defaults;
        const json limits = d->configSchema["properties"]["limits"]["properties"];
        QCOMPARE(limits["cpuMs"]["default"].get<int>(), defaults.cpuMs);
        QCOMPARE(limits["memoryMb"]["default"].get<int>(), defaults.memoryMb);
        QCOMPARE(limits["printKb"]["default"].get<int>(), defaults.printKb);
        QCOMPARE(localizedSentence(CodeOutcome::limit(CodeLimit::Cpu, defaults).error, "zh"),
                 std::string("代码运行超过了 CPU 时间上限 5 s。请减少代码的工作量，或在节点设置中调高上限。"));
        QCOMPARE(localizedSentence(CodeOutcome::limit(CodeLimit::Print, defaults).error, "zh"),
                 std::string("代码打印的内容超过了 256 KiB。请少打印一些，或在节点设置中调高上限。"));
        QCOMPARE(localizedSentence("The code failed on line 2: ZeroDivisionError: division by zero", "zh"),
                 std::string("代码在第 2 行出错：ZeroDivisionError: division by zero"));
    }

    // Each escape attempt fails with a clear error, harms nothing, and the next call runs.
    void escapesFail_data()
    {
        QTest::addColumn<CodeLanguage>("language");
        QTest::addColumn<QString>("code");      // {PATH} and {PORT} are filled in
        QTest::addColumn<QString>("expected");  // in the error (or in the output, for "env")
        QTest::addColumn<CodeLimit>("limit");
        const auto py = CodeLanguage::Python;
        const auto js = CodeLanguage::JavaScript;
        const auto none = CodeLimit::None;
        auto both = [&](const char *name, const char *pyCode, const char *jsCode, const char *pyError, const char *jsError,
                        CodeLimit limit) {
            QTest::newRow((std::string("py ") + name).c_str()) << py << pyCode << pyError << limit;
            QTest::newRow((std::string("js ") + name).c_str()) << js << jsCode << jsError << limit;
        };
        both("passwd", "def main():\n    return {'t': open('/etc/passwd').read()}\n",
             "function main() { return { t: require('fs').readFileSync('/etc/passwd', 'utf8') } }",
             "PermissionError", "EACCES", none);
        both("home", "def main():\n    return {'t': open('{PATH}').read()}\n",
             "function main() { return { t: require('fs').readFileSync('{PATH}', 'utf8') } }", "PermissionError",
             "EACCES", none);
        both("write outside", "def main():\n    open('{PATH}', 'w').write('x')\n    return {}\n",
             "function main() { require('fs').writeFileSync('{PATH}', 'x'); return {} }", "PermissionError", "EACCES",
             none);
        both("loopback", "import socket\ndef main():\n    socket.create_connection(('127.0.0.1', {PORT}), 2)\n    return {}\n",
             "const net = require('net');\nasync function main() {\n  await new Promise((ok, no) => "
             "net.connect({PORT}, '127.0.0.1', ok).on('error', no));\n  return {};\n}\n",
             "PermissionError", "EACCES", none);
        both("metadata", "import socket\ndef main():\n    socket.create_connection(('169.254.169.254', 80), 2)\n    return {}\n",
             "const net = require('net');\nasync function main() {\n  await new Promise((ok, no) => "
             "net.connect(80, '169.254.169.254', ok).on('error', no));\n  return {};\n}\n",
             "PermissionError", "EACCES", none);
        both("parent environment",
             "import os\ndef main():\n    try:\n        p = open('/proc/%d/environ' % os.getppid()).read()\n"
             "    except OSError as e:\n        p = 'denied: ' + str(e)\n    return {'env': dict(os.environ), 'proc': p}\n",
             "const fs = require('fs');\nfunction main() {\n  let p;\n  try { p = fs.readFileSync(`/proc/${require('process').ppid}/environ`, 'utf8') }"
             " catch (e) { p = 'denied: ' + e.code }\n  return { env: require('process').env, proc: p };\n}\n",
             "env", "env", none);
        both("fork bomb", "import os\ndef main():\n    while True:\n        os.fork()\n",
             "function main() {\n  const r = require('child_process').spawnSync('/bin/sh', ['-c', ':(){ :|:& };:']);\n"
             "  if (r.error) throw r.error;\n  return {};\n}\n",
             "PermissionError", "EPERM", none);
        both("10 GB", "def main():\n    x = bytearray(10 * 1024 ** 3)\n    return {'n': len(x)}\n",
             "function main() {\n  const a = [];\n  while (true) a.push(new Array(1e6).fill(1.5));\n}\n", "", "", CodeLimit::Memory);
        both("cpu forever", "def main():\n    while True:\n        pass\n", "function main() { while (true) {} }", "", "",
             CodeLimit::Cpu);
        both("wall forever", "import time\ndef main():\n    time.sleep(60)\n",
             "async function main() { await new Promise((r) => setTimeout(r, 60000)); }", "", "", CodeLimit::Wall);
        both("print 100 MB", "def main():\n    print('x' * 100_000_000)\n    return {}\n",
             "function main() { console.log('x'.repeat(1e8)); return {} }", "", "", CodeLimit::Print);
        both("print swallowed", "def main():\n    for i in range(10 ** 5):\n        try:\n            print('y' * 1000)\n"
             "        except BaseException:\n            pass\n    return {}\n",
             "function main() { for (let i = 0; i < 1e5; ++i) { try { console.log('y'.repeat(1000)) } catch (e) {} } return {} }",
             "", "", CodeLimit::Print);
    }
    void escapesFail()
    {
        QFETCH(CodeLanguage, language);
        QFETCH(QString, code);
        QFETCH(QString, expected);
        QFETCH(CodeLimit, limit);
        const QString tag = QTest::currentDataTag();
        // A real listener: whatever happens, nothing may connect to it.
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&address), length) == 0 && ::listen(listener, 4) == 0);
        QVERIFY(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) == 0);
        // A file in the user's home and a place outside the scratch folder.
        const std::string home = qEnvironmentVariable("HOME").toStdString() + "/.flowdeck-tst-code-" + std::to_string(::getpid());
        std::ofstream(home) << "private";
        const std::string outside = m_dir.filePath("escaped.txt").toStdString();
        std::string text = code.toStdString();
        const std::string path = tag.contains("home") ? home : outside;
        for (auto at = text.find("{PATH}"); at != std::string::npos; at = text.find("{PATH}"))
            text.replace(at, 6, path);
        for (auto at = text.find("{PORT}"); at != std::string::npos; at = text.find("{PORT}"))
            text.replace(at, 6, std::to_string(ntohs(address.sin_port)));
        CodeLimits limits;
        if (limit == CodeLimit::Cpu)
            limits.cpuMs = 1000;
        if (limit == CodeLimit::Wall)
            limits.wallMs = 1500;
        const auto out = call(language, text, json::object(), limits);
        std::filesystem::remove(home);

        QVERIFY2(::accept(listener, nullptr, nullptr) < 0 && errno == EAGAIN, "something connected to the listener");
        ::close(listener);
        QVERIFY2(!std::filesystem::exists(outside), "a file was written outside the scratch folder");
        if (expected == "env") {  // the call works, but sees nothing of the host's environment
            QVERIFY2(out.ok, out.error.c_str());
            const std::string dump = out.outputs.dump();
            QVERIFY2(dump.find(kSecretValue) == std::string::npos, dump.c_str());
            QVERIFY2(out.outputs["proc"].get<std::string>().rfind("denied", 0) == 0, dump.c_str());
            QVERIFY(out.outputs["env"].contains("PATH"));
        } else {
            QVERIFY(!out.ok);
            QCOMPARE(out.limitHit, limit);
            QCOMPARE(out.errorKind, limit == CodeLimit::None ? ErrorKind::InvalidInput : ErrorKind::Limit);
            QVERIFY2(out.error.find(expected.toStdString()) != std::string::npos, out.error.c_str());
        }
        if (limit != CodeLimit::None) {  // named with its value; the worker that hit it is killed and replaced
            const char *named = limit == CodeLimit::Cpu      ? "CPU limit of 1 s"
                                : limit == CodeLimit::Wall   ? "time limit of 1.5 s"
                                : limit == CodeLimit::Memory ? "more than 256 MiB"
                                                             : "printed more than 256 KiB";
            QVERIFY2(out.error.find(named) != std::string::npos, out.error.c_str());
            QVERIFY(out.worker > 0);
            QVERIFY2(pumpUntil(m_io, [&] { return !processExists(out.worker); }), "the worker was not killed");
            const auto pids = m_pool->workerPids();
            QVERIFY(std::find(pids.begin(), pids.end(), out.worker) == pids.end());
        }
        expectHealthy(language);
    }

    void fallbackWithoutLandlockIsConfinedToo_data() { addLanguages(); }
    void fallbackWithoutLandlockIsConfinedToo()
    {
        QFETCH(CodeLanguage, language);
        SandboxPoolSettings settings;
        settings.programs.mode = "namespaces";
        auto pool = CodeSandboxPool::create(m_io, settings);
        const std::string code = language == CodeLanguage::Python
                                     ? "import os\ndef main():\n    return {'root': sorted(os.listdir('/')), 'etc': os.listdir('/etc')}\n"
                                     : "const fs = require('fs');\nfunction main() { return { root: fs.readdirSync('/').sort(), etc: fs.readdirSync('/etc') } }";
        const auto out = call(language, code, json::object(), {}, pool.get());
        QVERIFY2(out.ok, out.error.c_str());
        QVERIFY2(out.sandbox.find("namespaces") != std::string::npos, out.sandbox.c_str());
        QVERIFY(std::count(out.outputs["root"].begin(), out.outputs["root"].end(), "root") == 0);
        QVERIFY(std::count(out.outputs["root"].begin(), out.outputs["root"].end(), "home") == 0);
        QVERIFY(std::count(out.outputs["etc"].begin(), out.outputs["etc"].end(), "passwd") == 0);
        expectHealthy(language, pool.get());
    }

    void cancelKillsTheWorker()
    {
        bool done = false;
        CodeOutcome out;
        const auto id = m_pool->run({CodeLanguage::Python, "def main():\n    while True:\n        pass\n", json::object(), {}},
                                    [&](CodeOutcome o) {
                                        out = std::move(o);
                                        done = true;
                                    });
        boost::asio::steady_timer timer(m_io, std::chrono::milliseconds(200));
        timer.async_wait([&](const boost::system::error_code &) { m_pool->cancel(id); });
        while (!done && m_io.run_one()) {
        }
        QCOMPARE(out.errorKind, ErrorKind::Cancelled);
        QVERIFY(out.worker > 0);
        QVERIFY2(pumpUntil(m_io, [&] { return !processExists(out.worker); }), "the worker was not killed");
        expectHealthy(CodeLanguage::Python);
    }

    void codeNodeRunsInAWorkflow()
    {
        RunHarness h;
        const json code = {{"id", "c1"}, {"type", "code"},
                           {"config", {{"language", "javascript"},
                                       {"code", "function main({items, who}) { return { count: items.length, hello: 'hi ' + who } }"},
                                       {"inputs", {{{"name", "items"}, {"value", "{{start.items}}"}}, {{"name", "who"}, {"value", "{{start.who}}"}}}},
                                       {"outputs", {{{"name", "count"}, {"type", "number"}}, {{"name", "hello"}, {"type", "string"}}}}}}};
        auto wf = RunHarness::workflow(
            {{"inputs", {{{"name", "items"}, {"type", "json"}}, {{"name", "who"}}}},
             {"nodes", {{{"id", "start"}, {"type", "start"}}, code,
                        {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"n", "{{c1.count}}"}, {"h", "{{c1.hello}}"}}}}}}}},
             {"edges", {{{"from", "start"}, {"to", "c1"}}, {{"from", "c1"}, {"to", "end"}}}}});
        auto out = h.run(wf, {{"items", "[1, 2, 3]"}, {"who", "Ada"}});
        QVERIFY2(out.status == RunStatus::Succeeded, out.error.c_str());
        QCOMPARE(out.outputs["n"].get<int>(), 3);
        QCOMPARE(out.outputs["h"].get<std::string>(), std::string("hi Ada"));

        // A reference to an output the node does not declare is caught before running.
        auto bad = RunHarness::workflow(
            {{"nodes", {{{"id", "start"}, {"type", "start"}}, code,
                        {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"n", "{{c1.nope}}"}}}}}}}},
             {"edges", {{{"from", "start"}, {"to", "c1"}}, {{"from", "c1"}, {"to", "end"}}}}});
        QVERIFY(!h.run(bad).compiled);
    }

    void workflowCancellationStopsTheCode()
    {
        RunHarness h;
        auto codeNode = [](const char *code) {
            return RunHarness::workflow(
                {{"nodes", {{{"id", "start"}, {"type", "start"}},
                            {{"id", "c1"}, {"type", "code"},
                             {"config", {{"code", code}, {"limits", {{"cpuMs", 60000}, {"wallMs", 60000}}}}}}}},
                 {"edges", {{{"from", "start"}, {"to", "c1"}}}}});
        };
        // A warm worker first, whose process the looping call then runs on.
        QCOMPARE(h.run(codeNode("def main():\n    return {}\n")).status, RunStatus::Succeeded);
        const auto pids = h.services.sandbox->workerPids();
        QCOMPARE(pids.size(), std::size_t(1));
        const auto begun = std::chrono::steady_clock::now();
        auto out = h.run(codeNode("def main():\n    while True:\n        pass\n"), {}, {}, {}, 300);
        const double took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begun).count();
        QCOMPARE(out.status, RunStatus::Cancelled);
        QVERIFY(out.released);
        // The 100 ms promise is measured by bench_code; here only that the loop was cut short.
        QVERIFY2(took < 5000, qPrintable(QString("cancel took %1 ms").arg(took)));
        QVERIFY2(pumpUntil(h.io, [&] { return !processExists(pids.front()); }), "the looping worker was not killed");
    }
};

QTEST_GUILESS_MAIN(TestCode)
#include "tst_code.moc"
