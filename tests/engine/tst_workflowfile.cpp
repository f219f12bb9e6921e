#include "engine/workflow/migrations.h"
#include "engine/workflow/workflowfile.h"

#include <QtTest>

#include <unistd.h>

using namespace flowdeck::engine;

namespace {

const QString kGoldenDir = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/engine/golden/");
const QString kExamplesDir = QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// Empty when equal; otherwise the first differing line of each, for a readable failure.
QString firstDifference(const QByteArray &actual, const QByteArray &expected)
{
    if (actual == expected)
        return {};
    const QList<QByteArray> a = actual.split('\n'), e = expected.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        const QByteArray la = i < a.size() ? a[i] : "<end of text>", le = i < e.size() ? e[i] : "<end of text>";
        if (la != le)
            return QStringLiteral("line %1: got [%2], expected [%3]").arg(i + 1).arg(QString::fromUtf8(la), QString::fromUtf8(le));
    }
    return QStringLiteral("texts differ in line endings");
}

QStringList codes(const Diagnostics &diags)
{
    QStringList out;
    for (const auto &d : diags)
        out << QString::fromStdString(d.code);
    return out;
}

QString describe(const Diagnostics &diags)
{
    QStringList out;
    for (const auto &d : diags)
        out << QString::fromStdString(d.code + " [" + d.nodeId + "] " + d.field + ": " + d.message);
    return out.join('\n');
}

// Everything below `dir`, relative, sorted: to see what a save left behind.
QStringList listing(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

nlohmann::json schemaBase()
{
    return nlohmann::json::parse(R"({"format": "flowdeck.workflow", "formatVersion": 1, "id": "schema-test",
      "name": "Schema test", "mode": "workflow", "edges": [{"from": "start", "to": "t"}],
      "nodes": [{"id": "start", "type": "start"}, {"id": "t", "type": "template", "config": {"template": "x"}}]})");
}

Workflow goldenWorkflow()
{
    auto r = parseWorkflow(readFile(kGoldenDir + "full.flow.json").toStdString());
    return r ? r.value() : Workflow{};
}

} // namespace

class TestWorkflowFile : public QObject {
    Q_OBJECT

private slots:
    void golden_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("canonical file is reproduced") << "full.flow.json";
        QTest::newRow("other key order and indentation") << "unordered.flow.json";
    }
    void golden()
    {
        QFETCH(QString, file);
        const QByteArray expected = readFile(kGoldenDir + "full.flow.json");
        const QByteArray input = readFile(kGoldenDir + file);
        QVERIFY(!expected.isEmpty());
        QVERIFY(!input.isEmpty());
        auto r = parseWorkflow(input.toStdString());
        QVERIFY2(r.ok(), qPrintable(describe(r.diagnostics())));
        QVERIFY2(r.diagnostics().empty(), qPrintable(describe(r.diagnostics())));
        const QByteArray text = QByteArray::fromStdString(serializeWorkflow(r.value()));
        const QString diff = firstDifference(text, expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // Writing what was read back in is stable.
        auto again = parseWorkflow(text.toStdString());
        QVERIFY(again.ok());
        QCOMPARE(QByteArray::fromStdString(serializeWorkflow(again.value())), text);
    }

    void goldenContent()
    {
        const Workflow wf = goldenWorkflow();
        QCOMPARE(wf.id, std::string("golden-full"));
        QCOMPARE(wf.description, std::string("Covers every field of format version 1 — 中文 too.\nSecond line."));
        QCOMPARE(wf.inputs.size(), std::size_t(7));
        QCOMPARE(wf.inputs[1].label, std::string("notes"));  // label defaults to the name
        QCOMPARE(wf.inputs[2].defaultValue, nlohmann::json(3));
        QCOMPARE(wf.inputs[3].options, nlohmann::json({"formal", "casual"}));
        QCOMPARE(wf.inputs[4].defaultValue, nlohmann::json(false));
        QVERIFY(wf.inputs[0].required);
        QCOMPARE(wf.models["fast"]["profile"], nlohmann::json("local"));
        QCOMPARE(wf.plugins["fs"]["catalog"], nlohmann::json("filesystem"));
        const NodeSpec *fetch = wf.findNode("fetch");
        QVERIFY(fetch);
        QCOMPARE(fetch->title, std::string("Fetch the data"));
        QCOMPARE(fetch->position, (std::array<double, 2>{260.0, -40.5}));
        QCOMPARE(fetch->timeoutMs.value_or(0), 30000);
        QCOMPARE(fetch->retry.max, 2);
        QCOMPARE(fetch->retry.backoffMs, 500);
        QCOMPARE(fetch->onError, OnError::Branch);
        QCOMPARE(fetch->config["headers"]["Authorization"], nlohmann::json("Bearer {{secret.API_KEY}}"));
        QCOMPARE(wf.findNode("write")->onError, OnError::Continue);
        QVERIFY(wf.findNode("start")->onError == OnError::Fail && !wf.findNode("start")->timeoutMs);
        QCOMPARE(wf.edges.size(), std::size_t(8));
        QCOMPARE(wf.edges[2].fromPort, std::string("error"));
        QCOMPARE(wf.edges[0].fromPort, std::string());
    }

    void defaultsAreOmitted()
    {
        Workflow wf;
        wf.id = "mini";
        wf.name = "Mini";
        NodeSpec start;
        start.id = "start";
        start.type = "start";
        wf.nodes.push_back(start);
        const std::string text = serializeWorkflow(wf);
        QVERIFY(text.ends_with("}\n"));
        for (const char *key : {"description", "inputs", "models", "plugins", "title", "config", "timeoutMs", "retry",
                                "onError", "fromPort", "opening"})
            QVERIFY2(text.find(std::string("\"") + key + "\"") == std::string::npos, key);
        QVERIFY(text.find("\"mode\": \"workflow\"") != std::string::npos);
        QVERIFY(text.find("\"edges\": []") != std::string::npos);
        auto back = parseWorkflow(text);
        QVERIFY2(back.ok(), qPrintable(describe(back.diagnostics())));
        QCOMPARE(serializeWorkflow(back.value()), text);

        // A chat app's opening goes into the file and comes back as it was.
        wf.mode = "chat";
        wf.opening.text = "你好！I can help with orders.";
        wf.opening.suggestions = {"Where is my order?", "退货"};
        const std::string chat = serializeWorkflow(wf);
        auto opened = parseWorkflow(chat);
        QVERIFY2(opened.ok(), qPrintable(describe(opened.diagnostics())));
        QVERIFY(opened.value().opening == wf.opening);
        QCOMPARE(serializeWorkflow(opened.value()), chat);
    }

    void malformedJson_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("minColumn");  // the column must point into the offending token
        QTest::addColumn<int>("maxColumn");
        QTest::newRow("missing comma at end of line 3, next key on line 4")
            << "{\n  \"format\": \"flowdeck.workflow\",\n  \"id\": \"x\"\n  \"name\": \"y\"\n}\n" << 4 << 3 << 8;
        QTest::newRow("missing comma inside an array on line 3")
            << "{\n  \"a\": 1,\n  \"b\": [1 2]\n}\n" << 3 << 11 << 11;
        QTest::newRow("trailing comma") << "{\n  \"a\": 1,\n  \"b\": 2,\n}\n" << 4 << 1 << 1;
        QTest::newRow("truncated file: points at the end of the text") << "{\n  \"a\": 1,\n" << 3 << 1 << 1;
        QTest::newRow("stray character") << "{\n  \"a\": @\n}\n" << 2 << 8 << 8;
        QTest::newRow("columns count characters, not bytes") << "{\"名\": \"中文\" \"x\": 1}" << 1 << 12 << 14;
        QTest::newRow("empty file") << "" << 1 << 1 << 1;
    }
    void malformedJson()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, minColumn);
        QFETCH(int, maxColumn);
        auto r = parseWorkflow(text.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics().size(), std::size_t(1));
        const Diagnostic &d = r.diagnostics().front();
        QCOMPARE(d.code, std::string("malformed-json"));
        QVERIFY(d.isError());
        const QString at = QStringLiteral("reported line %1, column %2").arg(d.line).arg(d.column);
        QVERIFY2(d.line == line, qPrintable(at));
        QVERIFY2(d.column >= minColumn && d.column <= maxColumn, qPrintable(at));
        QVERIFY2(d.message.starts_with("The file is not valid JSON"), d.message.c_str());
        // The sentence is for people: no library internals.
        QVERIFY2(d.message.find("json.exception") == std::string::npos, d.message.c_str());
    }

    void versions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("no format") << R"({"formatVersion": 1})" << "not-a-workflow" << "format" << "flowdeck.workflow";
        QTest::newRow("other format") << R"({"format": "dify.app", "formatVersion": 1})" << "not-a-workflow" << "format" << "";
        QTest::newRow("array document") << "[1, 2]" << "not-a-workflow" << "format" << "";
        QTest::newRow("string document") << "\"flowdeck.workflow\"" << "not-a-workflow" << "format" << "";
        QTest::newRow("no formatVersion") << R"({"format": "flowdeck.workflow"})" << "not-a-workflow" << "formatVersion" << "formatVersion";
        QTest::newRow("formatVersion as text") << R"({"format": "flowdeck.workflow", "formatVersion": "1"})"
                                               << "not-a-workflow" << "formatVersion" << "";
        QTest::newRow("fractional formatVersion") << R"({"format": "flowdeck.workflow", "formatVersion": 1.5})"
                                                  << "not-a-workflow" << "formatVersion" << "";
        QTest::newRow("version 2") << R"({"format": "flowdeck.workflow", "formatVersion": 2, "id": "x"})"
                                   << "too-new" << "formatVersion" << "newer Flowdeck";
        QTest::newRow("far future version") << R"({"format": "flowdeck.workflow", "formatVersion": 4294967296})"
                                            << "too-new" << "formatVersion" << "newer Flowdeck";
        QTest::newRow("version 0") << R"({"format": "flowdeck.workflow", "formatVersion": 0})" << "too-old" << "formatVersion" << "";
        QTest::newRow("negative version") << R"({"format": "flowdeck.workflow", "formatVersion": -3})" << "too-old" << "formatVersion" << "";
    }
    void versions()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(QString, messageContains);
        auto r = parseWorkflow(text.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(codes(r.diagnostics()), QStringList{code});
        const Diagnostic &d = r.diagnostics().front();
        QCOMPARE(QString::fromStdString(d.field), field);
        QVERIFY(d.isError());
        QVERIFY2(QString::fromStdString(d.message).contains(messageContains), d.message.c_str());
    }

    void migrationsAreFrozen()
    {
        QCOMPARE(kFormatVersion, 1);
        QCOMPARE(oldestReadableFormatVersion(), 1);
        nlohmann::json doc = schemaBase();
        const nlohmann::json before = doc;
        QVERIFY(migrateWorkflow(doc, 1).empty());
        QCOMPARE(doc, before);  // the current version passes through untouched
    }

    void schema_data()
    {
        QTest::addColumn<QString>("patch");  // RFC 6902 patch applied to a valid document
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("nodeId");
        QTest::addColumn<QString>("messageContains");
        auto row = [](const char *name, const char *op, const char *path, const char *value, const char *field,
                      const char *node, const char *contains = "") {
            const QString patch = QStringLiteral(R"([{"op": "%1", "path": "%2"%3}])")
                                      .arg(op, path, *value ? QStringLiteral(", \"value\": ") + value : QString());
            QTest::newRow(name) << patch << QString(field) << QString(node) << QString(contains);
        };
        row("bad node id pattern", "replace", "/nodes/1/id", R"("1bad")", "nodes[1].id", "1bad");
        row("node id with a space", "replace", "/nodes/0/id", R"("my node")", "nodes[0].id", "my node");
        row("node id not a string", "replace", "/nodes/1/id", "5", "nodes[1].id", "");
        row("node without type", "remove", "/nodes/1/type", "", "nodes[1]", "t", "type");
        row("unknown node key", "add", "/nodes/1/colour", R"("red")", "nodes[1]", "t", "colour");
        row("retry max too high", "add", "/nodes/1/retry", R"({"max": 11})", "nodes[1].retry.max", "t");
        row("onError not allowed", "add", "/nodes/1/onError", R"("retry")", "nodes[1].onError", "t");
        row("position of one number", "add", "/nodes/0/position", "[1]", "nodes[0].position", "start");
        row("config not an object", "add", "/nodes/1/config", R"("x")", "nodes[1].config", "t");
        row("unknown top-level key", "add", "/colour", R"("red")", "", "", "colour");
        row("missing name", "remove", "/name", "", "", "", "name");
        row("workflow id pattern", "replace", "/id", R"("bad id!")", "id", "");
        row("edge missing to", "remove", "/edges/0/to", "", "edges[0]", "", "'to'");
        row("wrong mode", "replace", "/mode", R"("batch")", "mode", "");
        row("bad input name", "add", "/inputs", R"([{"name": "my input"}])", "inputs[0].name", "");
        row("unknown input type", "add", "/inputs", R"([{"name": "a", "type": "date"}])", "inputs[0].type", "");
        row("opening suggestion of two lines", "add", "/opening", R"({"suggestions": ["a\nb"]})", "opening.suggestions[0]", "");
        row("eleven suggestions", "add", "/opening",
            R"({"suggestions": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]})", "opening.suggestions", "");
        row("unknown opening key", "add", "/opening", R"({"greeting": "hi"})", "opening", "", "greeting");
        // A model may name no provider yet (a template's kinds), but its kind is one of four.
        row("model of an unknown kind", "add", "/models", R"({"default": {"kind": "vision"}})", "models.default.kind", "", "enum");
    }
    void schema()
    {
        QFETCH(QString, patch);
        QFETCH(QString, field);
        QFETCH(QString, nodeId);
        QFETCH(QString, messageContains);
        const nlohmann::json doc = schemaBase().patch(nlohmann::json::parse(patch.toStdString()));
        auto r = parseWorkflow(doc.dump(2));
        QVERIFY(!r.ok());
        QVERIFY(!r.diagnostics().empty());
        const Diagnostic &d = r.diagnostics().front();
        QVERIFY2(r.diagnostics().size() == 1, qPrintable(describe(r.diagnostics())));
        QCOMPARE(d.code, std::string("schema"));
        QVERIFY(d.isError());
        QCOMPARE(QString::fromStdString(d.field), field);
        QCOMPARE(QString::fromStdString(d.nodeId), nodeId);
        QVERIFY(!d.message.empty());
        QVERIFY2(QString::fromStdString(d.message).contains(messageContains), d.message.c_str());
    }

    void schemaReportsEveryProblem()
    {
        const nlohmann::json patch = nlohmann::json::parse(R"([
          {"op": "replace", "path": "/nodes/1/id", "value": "1bad"},
          {"op": "add", "path": "/nodes/0/onError", "value": "explode"},
          {"op": "remove", "path": "/edges/0/to"},
          {"op": "replace", "path": "/mode", "value": "batch"},
          {"op": "add", "path": "/colour", "value": "red"} ])");
        auto r = parseWorkflow(schemaBase().patch(patch).dump());
        QVERIFY(!r.ok());
        QStringList fields;
        for (const auto &d : r.diagnostics()) {
            QCOMPARE(d.code, std::string("schema"));
            fields << QString::fromStdString(d.field);
        }
        fields.sort();
        QVERIFY2(fields == (QStringList{"", "edges[0]", "mode", "nodes[0].onError", "nodes[1].id"}),
                 qPrintable(describe(r.diagnostics())));
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Workflow wf = goldenWorkflow();
        const QString path = dir.filePath("report.flow.json");
        auto saved = saveWorkflowFile(path.toStdString(), wf);
        QVERIFY2(saved.ok(), qPrintable(describe(saved.diagnostics())));
        QCOMPARE(readFile(path), readFile(kGoldenDir + "full.flow.json"));
        auto loaded = loadWorkflowFile(path.toStdString());
        QVERIFY2(loaded.ok(), qPrintable(describe(loaded.diagnostics())));
        QCOMPARE(serializeWorkflow(loaded.value()), serializeWorkflow(wf));
        QCOMPARE(listing(dir.path()), QStringList{"report.flow.json"});

        // Saving again replaces the file in place and still leaves nothing else behind.
        Workflow renamed = wf;
        renamed.name = "Renamed";
        QVERIFY(saveWorkflowFile(path.toStdString(), renamed).ok());
        QCOMPARE(loadWorkflowFile(path.toStdString())->name, std::string("Renamed"));
        QCOMPARE(listing(dir.path()), QStringList{"report.flow.json"});
    }

    void saveFailure_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::newRow("parent is a regular file") << "parent-file";
        QTest::newRow("parent does not exist") << "parent-missing";
        QTest::newRow("target is a directory") << "target-dir";
        QTest::newRow("temporary file cannot be created") << "tmp-blocked";
        if (::geteuid() != 0)
            QTest::newRow("read-only directory") << "read-only";
    }
    void saveFailure()
    {
        QFETCH(QString, setup);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray old = "{\"old\": true}\n";
        QString target = dir.filePath("wf.flow.json");
        if (setup == "parent-file") {
            QVERIFY(writeFile(dir.filePath("plain.txt"), old));
            target = dir.filePath("plain.txt/wf.flow.json");
        } else if (setup == "parent-missing") {
            target = dir.filePath("missing/wf.flow.json");
        } else if (setup == "target-dir") {
            QVERIFY(QDir(dir.path()).mkdir("wf.flow.json"));
            QVERIFY(writeFile(dir.filePath("wf.flow.json/keep.txt"), old));
        } else if (setup == "tmp-blocked") {
            // The writer's temporary file sits beside the target; a directory in its place
            // makes creating it fail even for root.
            QVERIFY(writeFile(target, old));
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("wf.flow.json.tmp-%1").arg(::getpid())));
        } else if (setup == "read-only") {
            QVERIFY(writeFile(target, old));
            QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        }
        const QStringList before = listing(dir.path());
        auto r = saveWorkflowFile(target.toStdString(), goldenWorkflow());
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!r.ok());
        QCOMPARE(codes(r.diagnostics()), QStringList{"save-failed"});
        const std::string &message = r.diagnostics().front().message;
        QVERIFY2(message.find(target.toStdString()) != std::string::npos, message.c_str());
        QCOMPARE(listing(dir.path()), before);  // no temporary file left behind
        for (const QString &f : before)
            if (QFileInfo(dir.filePath(f)).isFile())
                QCOMPARE(readFile(dir.filePath(f)), old);  // existing files untouched
    }

    void loadProblems()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath("nowhere.flow.json");
        auto r = loadWorkflowFile(missing.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(codes(r.diagnostics()), QStringList{"unreadable"});
        const std::string &message = r.diagnostics().front().message;
        QVERIFY2(message.find(missing.toStdString()) != std::string::npos, message.c_str());
        // A readable file goes through the same checks as parseWorkflow.
        const QString bad = dir.filePath("bad.flow.json");
        QVERIFY(writeFile(bad, "{\n  \"format\": \"flowdeck.workflow\",\n  \"formatVersion\": 1\n}\n"));
        r = loadWorkflowFile(bad.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(codes(r.diagnostics()).first(), QStringLiteral("schema"));
    }

    void examples_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList names = QDir(kExamplesDir).entryList({"*.flow.json"}, QDir::Files);
        QVERIFY(names.size() >= 2);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << kExamplesDir + name;
    }
    void examples()
    {
        QFETCH(QString, path);
        auto r = loadWorkflowFile(path.toStdString());
        QVERIFY2(r.ok(), qPrintable(describe(r.diagnostics())));
        QVERIFY2(r.diagnostics().empty(), qPrintable(describe(r.diagnostics())));
        const QString diff = firstDifference(QByteArray::fromStdString(serializeWorkflow(r.value())), readFile(path));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestWorkflowFile)
#include "tst_workflowfile.moc"
