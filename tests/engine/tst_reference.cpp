#include "engine/workflow/reference.h"

#include <QtTest>

#include <functional>
#include <optional>

using namespace flowdeck::engine;

namespace {

// "key" or "[3]" for one path step, joined with spaces, so rows can state a path as text.
QString describePath(const std::vector<PathStep> &path)
{
    QStringList parts;
    for (const auto &step : path)
        parts << (step.isIndex() ? QStringLiteral("[%1]").arg(step.index()) : QString::fromStdString(step.key()));
    return parts.join(' ');
}

// One entry per segment: "L:<literal>" or "R:<reference text>".
QStringList describeSegments(const ParsedTemplate &t)
{
    QStringList out;
    for (const auto &s : t.segments)
        out << (s.isReference ? "R:" + QString::fromStdString(s.reference.text)
                              : "L:" + QString::fromStdString(s.literal));
    return out;
}

nlohmann::json sample()
{
    return nlohmann::json::parse(R"({
        "results": [ { "title": "First", "tags": ["a", "b"] }, { "title": "Second" } ],
        "count": 2, "nothing": null, "name": "flow"
    })");
}

} // namespace

class TestReference : public QObject {
    Q_OBJECT

private slots:
    void segments_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain text") << "no references here" << QStringList{"L:no references here"};
        QTest::newRow("empty") << "" << QStringList{};
        QTest::newRow("literal around reference")
            << "Hi {{start.name}}, welcome" << QStringList{"L:Hi ", "R:start.name", "L:, welcome"};
        QTest::newRow("two references")
            << "Hi {{start.name}}, see {{search.results[0].title}}"
            << QStringList{"L:Hi ", "R:start.name", "L:, see ", "R:search.results[0].title"};
        QTest::newRow("adjacent references") << "{{a.x}}{{b.y}}" << QStringList{"R:a.x", "R:b.y"};
        QTest::newRow("reference only") << "{{llm.text}}" << QStringList{"R:llm.text"};
        QTest::newRow("whitespace inside braces") << "[{{ a.b }}]" << QStringList{"L:[", "R:a.b", "L:]"};
        QTest::newRow("tabs and newlines inside braces") << "{{\n\ta.b\t}}" << QStringList{"R:a.b"};
        QTest::newRow("single braces are text") << "{ a.b } and }}" << QStringList{"L:{ a.b } and }}"};
        QTest::newRow("multi-line literal") << "line1\n{{a.b}}\nline3" << QStringList{"L:line1\n", "R:a.b", "L:\nline3"};
        QTest::newRow("ids with dash and underscore") << "{{node-1.my_out}}" << QStringList{"R:node-1.my_out"};
        QTest::newRow("malformed stays literal")
            << "x {{a..b}} y {{c.d}}" << QStringList{"L:x {{a..b}} y ", "R:c.d"};
    }
    void segments()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const ParsedTemplate t = parseTemplate(text.toStdString());
        QCOMPARE(describeSegments(t), expected);
        const bool anyRef = std::any_of(expected.begin(), expected.end(), [](const QString &s) { return s.startsWith("R:"); });
        QCOMPARE(t.hasReferences(), anyRef);
    }

    void paths_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("firstKey");
        QTest::newRow("output only") << "llm.text" << "llm" << "text" << "text";
        QTest::newRow("keys and index") << "node.output.path[0].title" << "node" << "output path [0] title" << "output";
        QTest::newRow("consecutive indexes") << "grid.rows[2][10]" << "grid" << "rows [2] [10]" << "rows";
        QTest::newRow("multi-digit index") << "s.results[123].x" << "s" << "results [123] x" << "results";
        QTest::newRow("surrounding whitespace") << "  a.b  " << "a" << "b" << "b";
    }
    void paths()
    {
        QFETCH(QString, text);
        QFETCH(QString, root);
        QFETCH(QString, path);
        QFETCH(QString, firstKey);
        std::string error;
        const auto ref = parseReference(text.toStdString(), &error);
        QVERIFY2(ref.has_value(), error.c_str());
        QCOMPARE(ref->kind, Reference::Kind::Node);
        QCOMPARE(QString::fromStdString(ref->root), root);
        QCOMPARE(describePath(ref->path), path);
        QCOMPARE(QString::fromStdString(ref->firstKey()), firstKey);
        QCOMPARE(QString::fromStdString(ref->text), text.trimmed());
        QVERIFY(error.empty());
    }

    void kinds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("firstKey");
        QTest::newRow("sys.query") << "{{sys.query}}" << int(Reference::Kind::Sys) << "query";
        QTest::newRow("sys.history index") << "{{ sys.history[0] }}" << int(Reference::Kind::Sys) << "history";
        QTest::newRow("env") << "{{env.BASE_URL}}" << int(Reference::Kind::Env) << "BASE_URL";
        QTest::newRow("secret") << "Bearer {{secret.API_KEY}}" << int(Reference::Kind::Secret) << "API_KEY";
        QTest::newRow("node") << "{{start.name}}" << int(Reference::Kind::Node) << "name";
        QTest::newRow("node named like a prefix") << "{{system.text}}" << int(Reference::Kind::Node) << "text";
        QTest::newRow("node named secrets") << "{{secrets.x}}" << int(Reference::Kind::Node) << "x";
    }
    void kinds()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, firstKey);
        const ParsedTemplate t = parseTemplate(text.toStdString());
        QVERIFY(t.problems.empty());
        const auto it = std::find_if(t.segments.begin(), t.segments.end(), [](const auto &s) { return s.isReference; });
        QVERIFY(it != t.segments.end());
        QCOMPARE(int(it->reference.kind), kind);
        QCOMPARE(QString::fromStdString(it->reference.firstKey()), firstKey);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty braces") << "a {{ }} b" << "malformed-reference";
        QTest::newRow("nothing in braces") << "{{}}" << "malformed-reference";
        QTest::newRow("double dot") << "{{a..b}}" << "malformed-reference";
        QTest::newRow("trailing dot") << "{{a.b.}}" << "malformed-reference";
        QTest::newRow("index not a number") << "{{a[x]}}" << "malformed-reference";
        QTest::newRow("empty index") << "{{a.b[]}}" << "malformed-reference";
        QTest::newRow("index not closed") << "{{a.b[1}}" << "malformed-reference";
        QTest::newRow("negative index") << "{{a.b[-1]}}" << "malformed-reference";
        QTest::newRow("no output name") << "{{a}}" << "malformed-reference";
        QTest::newRow("index instead of output name") << "{{a[0]}}" << "malformed-reference";
        QTest::newRow("sys without name") << "{{sys}}" << "malformed-reference";
        QTest::newRow("secret without name") << "{{secret}}" << "malformed-reference";
        QTest::newRow("env with index") << "{{env[0]}}" << "malformed-reference";
        QTest::newRow("space inside path") << "{{a. b}}" << "malformed-reference";
        QTest::newRow("starts with dot") << "{{.a}}" << "malformed-reference";
        QTest::newRow("filter syntax") << "{{a.b | upper}}" << "malformed-reference";
        QTest::newRow("index too large for a number") << "{{a.b[99999999999999999999999]}}" << "malformed-reference";
        QTest::newRow("unclosed") << "Hello {{a.b" << "unclosed-reference";
        QTest::newRow("unclosed after a good one") << "{{a.b}} and {{c" << "unclosed-reference";
    }
    void malformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        ParsedTemplate t;
        try {
            t = parseTemplate(text.toStdString());
        } catch (const std::exception &e) {
            QFAIL(qPrintable(QString("parseTemplate threw: ") + e.what()));
        }
        QCOMPARE(t.problems.size(), std::size_t(1));
        const Diagnostic &d = t.problems.front();
        QCOMPARE(QString::fromStdString(d.code), code);
        QVERIFY(d.isError());
        QVERIFY(!d.message.empty());
        QVERIFY(d.field.empty());
        // The broken text is kept, not dropped: rendering shows the user what they wrote.
        QString joined;
        for (const auto &s : t.segments)
            joined += s.isReference ? "{{" + QString::fromStdString(s.reference.text) + "}}"
                                    : QString::fromStdString(s.literal);
        QCOMPARE(joined, text);
    }

    void everyProblemReported()
    {
        const ParsedTemplate t = parseTemplate("{{a}} {{ok.text}} {{b..c}} {{d[x]}} {{e.f");
        QStringList codes;
        for (const auto &d : t.problems)
            codes << QString::fromStdString(d.code);
        QCOMPARE(codes, (QStringList{"malformed-reference", "malformed-reference", "malformed-reference",
                                     "unclosed-reference"}));
        QCOMPARE(describeSegments(t).filter("R:"), QStringList{"R:ok.text"});
    }

    void parseReferenceReportsWhy()
    {
        std::string error;
        QVERIFY(!parseReference("a..b", &error));
        QVERIFY2(error.find("a..b") != std::string::npos, error.c_str());
        QVERIFY(!parseReference("   ", &error));
        QVERIFY(!error.empty());
        QVERIFY(!parseReference("x", nullptr));  // no error sink: still no crash
    }

    void followPath_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("value");  // dump() of the value found
        QTest::newRow("key") << "n.count" << true << "2";
        QTest::newRow("index then key") << "n.results[1].title" << true << "\"Second\"";
        QTest::newRow("nested index") << "n.results[0].tags[1]" << true << "\"b\"";
        QTest::newRow("whole array") << "n.results[0].tags" << true << "[\"a\",\"b\"]";
        QTest::newRow("present null") << "n.nothing" << true << "null";
        QTest::newRow("missing key") << "n.missing" << false << "";
        QTest::newRow("missing nested key") << "n.results[1].tags" << false << "";
        QTest::newRow("index out of range") << "n.results[2].title" << false << "";
        QTest::newRow("index into object") << "n.results[0][0]" << false << "";
        QTest::newRow("index into string") << "n.name[0]" << false << "";
        QTest::newRow("key into array") << "n.results.title" << false << "";
        QTest::newRow("key into number") << "n.count.value" << false << "";
        QTest::newRow("key into null") << "n.nothing.x" << false << "";
    }
    void followPath()
    {
        QFETCH(QString, ref);
        QFETCH(bool, found);
        QFETCH(QString, value);
        const auto r = parseReference(ref.toStdString());
        QVERIFY(r);
        const nlohmann::json doc = sample();
        const nlohmann::json *v = flowdeck::engine::followPath(doc, r->path);
        QCOMPARE(v != nullptr, found);
        if (found)
            QCOMPARE(QString::fromStdString(v->dump()), value);
    }

    void followPathFrom()
    {
        // Outputs are looked up by name first; the rest of the path starts at step 1.
        const auto r = parseReference("search.results[0].title");
        QVERIFY(r);
        const nlohmann::json outputs = sample();
        const nlohmann::json *list = flowdeck::engine::followPath(outputs, r->path, 0);
        QVERIFY(list);
        QCOMPARE(QString::fromStdString(list->dump()), QStringLiteral("\"First\""));
        const nlohmann::json results = outputs["results"];
        const nlohmann::json *fromOne = flowdeck::engine::followPath(results, r->path, 1);
        QVERIFY(fromOne);
        QCOMPARE(QString::fromStdString(fromOne->dump()), QStringLiteral("\"First\""));
        // An empty remaining path is the value itself.
        QCOMPARE(flowdeck::engine::followPath(results, r->path, r->path.size()), &results);
    }

    void forEachString_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("root");
        QTest::addColumn<QStringList>("expected");  // "field=text"
        QTest::newRow("flat object")
            << R"({"url": "https://x", "method": "GET", "timeoutMs": 5})" << ""
            << QStringList{"method=GET", "url=https://x"};
        QTest::newRow("nested headers")
            << R"({"headers": {"Authorization": "Bearer {{secret.K}}", "X-Id": "1"}})" << ""
            << QStringList{"headers.Authorization=Bearer {{secret.K}}", "headers.X-Id=1"};
        QTest::newRow("array of strings")
            << R"({"values": ["{{a.text}}", "{{b.text}}"]})" << ""
            << QStringList{"values[0]={{a.text}}", "values[1]={{b.text}}"};
        QTest::newRow("array of objects")
            << R"({"cases": [{"id": "big", "conditions": [{"left": "{{s.n}}", "right": 3}]}]})" << ""
            << QStringList{"cases[0].conditions[0].left={{s.n}}", "cases[0].id=big"};
        QTest::newRow("non-strings skipped")
            << R"({"a": 1, "b": true, "c": null, "d": [], "e": {}})" << "" << QStringList{};
        QTest::newRow("with a root field")
            << R"({"prompt": "p", "list": ["x"]})" << "config"
            << QStringList{"config.list[0]=x", "config.prompt=p"};
        QTest::newRow("top-level string") << R"("just text")" << "config" << QStringList{"config=just text"};
        QTest::newRow("top-level array") << R"(["x", ["y"]])" << "" << QStringList{"[0]=x", "[1][0]=y"};
    }
    void forEachString()
    {
        QFETCH(QString, config);
        QFETCH(QString, root);
        QFETCH(QStringList, expected);
        QStringList seen;
        flowdeck::engine::forEachString(nlohmann::json::parse(config.toStdString()), root.toStdString(),
                                        [&](const std::string &field, const std::string &text) {
                                            seen << QString::fromStdString(field + "=" + text);
                                        });
        QCOMPARE(seen, expected);
    }
};

QTEST_GUILESS_MAIN(TestReference)
#include "tst_reference.moc"
