// The structural diff of two workflows (engine/history/workflowdiff.h): every kind of change,
// exactly, and the line diff of prompts, minimal on small inputs and bounded on large ones.
#include "engine/history/workflowdiff.h"
#include "engine/workflow/workflowfile.h"
#include "tests/support/workflowjson.h"

#include <QtTest>

#include <random>

using namespace flowdeck::engine;
using flowdeck::tests::edge;
using flowdeck::tests::node;
using json = nlohmann::json;
using Kind = WorkflowChange::Kind;

namespace {

json baseDocument()
{
    json start = node("start", "start");
    start["position"] = {0, 0};
    json summary = node("summary", "llm", {{"model", "default"}, {"system", "You are an analyst."}, {"prompt", "Summarise:\n{{start.text}}"},
                                           {"temperature", 0.2}});
    summary["position"] = {260, 0};
    json answer = node("answer", "answer", {{"text", "{{summary.text}}"}});
    answer["position"] = {520, 0};
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "report"}, {"name", "Report"}, {"mode", "workflow"},
            {"models", {{"default", {{"profile", "maas"}, {"model", "deepseek-v3.1"}}}}},
            {"nodes", {start, summary, answer}},
            {"edges", {edge("start", "summary"), edge("summary", "answer")}}};
}

Workflow load(const json &document)
{
    auto loaded = parseWorkflow(document.dump());
    if (!loaded) {
        qWarning("%s", loaded.diagnostics().empty() ? "?" : loaded.diagnostics().front().toString().c_str());
        return Workflow{};
    }
    return std::move(loaded).value();
}

json &nodeIn(json &document, const std::string &id)
{
    for (auto &n : document["nodes"])
        if (n["id"] == id)
            return n;
    static json none;
    return none;
}

// "kind node field" per change, for exact comparisons.
QStringList summary(const std::vector<WorkflowChange> &changes)
{
    QStringList out;
    for (const auto &c : changes)
        out << QString::fromStdString(changeKindName(c.kind) + " " + c.node + " " + c.field).trimmed();
    return out;
}

std::string linesText(const std::vector<DiffLine> &lines)
{
    std::string out;
    for (const auto &l : lines)
        out += std::string(1, l.op) + l.text + "\n";
    return out;
}

// One side of a line diff put back together: ' ' and '-' lines (before) or ' ' and '+' (after).
std::string side(const std::vector<DiffLine> &lines, char op)
{
    std::string out;
    for (const auto &l : lines)
        if (l.op == ' ' || l.op == op)
            out += l.text + "\n";
    return out;
}

std::size_t edits(const std::vector<DiffLine> &lines)
{
    return static_cast<std::size_t>(std::count_if(lines.begin(), lines.end(), [](const DiffLine &l) { return l.op != ' '; }));
}

// The length of the longest common subsequence of two line lists, by dynamic programming.
std::size_t lcs(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j)
            t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    return t[a.size()][b.size()];
}

} // namespace

class TestWorkflowDiff : public QObject {
    Q_OBJECT

private slots:
    void identicalWorkflowsHaveNoChanges()
    {
        const Workflow w = load(baseDocument());
        QVERIFY(!w.nodes.empty());
        QVERIFY(diffWorkflows(w, w).empty());
    }

    void nodesAddedAndRemoved()
    {
        json after = baseDocument();
        json &nodes = after["nodes"];
        nodes.erase(nodes.begin() + 2);  // answer
        json end = node("end", "end", {{"outputs", json::array()}});
        end["position"] = {520, 100};
        nodes.push_back(end);
        after["edges"] = {edge("start", "summary"), edge("summary", "end")};
        const auto changes = diffWorkflows(load(baseDocument()), load(after));
        QCOMPARE(summary(changes), QStringList({"node_added end", "node_removed answer", "edge_removed summary -> answer",
                                                "edge_added summary -> end"}));
        QCOMPARE(changes[0].after["type"], json("end"));
        QVERIFY(changes[0].before.is_null());
        QCOMPARE(changes[1].before["config"]["text"], json("{{summary.text}}"));
        QCOMPARE(describeChange(changes[0]), std::string("Node end (end) added."));
        QCOMPARE(describeChange(changes[1]), std::string("Node answer (answer) removed."));
    }

    void movesBeyondOnePixelOnly()
    {
        json after = baseDocument();
        nodeIn(after, "summary")["position"] = {260.6, 0.9};
        QVERIFY(diffWorkflows(load(baseDocument()), load(after)).empty());
        nodeIn(after, "summary")["position"] = {262, 40};
        const auto changes = diffWorkflows(load(baseDocument()), load(after));
        QCOMPARE(summary(changes), QStringList({"node_moved summary position"}));
        QCOMPARE(changes[0].before, json({260, 0}));
        QCOMPARE(changes[0].after, json({262, 40}));
        QCOMPARE(describeChange(changes[0]), std::string("Node summary moved from [260,0] to [262,40]."));
    }

    void titleTypeAndConfigByDottedPath()
    {
        json before = baseDocument();
        nodeIn(before, "summary")["config"]["options"] = {{"json", false}, {"stop", {"END"}}};
        json after = before;
        nodeIn(after, "summary")["title"] = "Summary";
        nodeIn(after, "summary")["config"]["temperature"] = 0.7;
        nodeIn(after, "summary")["config"]["options"]["json"] = true;
        nodeIn(after, "summary")["config"]["options"]["stop"] = {"STOP"};
        nodeIn(after, "summary")["config"]["maxTokens"] = 512;
        nodeIn(after, "answer")["type"] = "end";
        const auto changes = diffWorkflows(load(before), load(after));
        QCOMPARE(summary(changes), QStringList({"node_changed summary config.maxTokens", "node_changed summary config.options.json",
                                                "node_changed summary config.options.stop[0]", "node_changed summary config.temperature",
                                                "node_changed summary title", "node_changed answer type"}));
        QVERIFY(changes[0].before.is_null());
        QCOMPARE(changes[0].after, json(512));
        QCOMPARE(changes[3].before, json(0.2));
        QCOMPARE(changes[3].after, json(0.7));
        QCOMPARE(describeChange(changes[4]), std::string("Node summary: title changed from nothing to \"Summary\"."));
    }

    void nodeFlagsAndPins()
    {
        json after = baseDocument();
        nodeIn(after, "summary")["disabled"] = true;
        nodeIn(after, "summary")["onError"] = "continue";
        nodeIn(after, "summary")["pin"] = {{"outputs", {{"text", "frozen"}}}};
        const auto changes = diffWorkflows(load(baseDocument()), load(after));
        QCOMPARE(summary(changes), QStringList({"node_changed summary disabled", "node_changed summary onError", "node_changed summary pin"}));
        QCOMPARE(changes[2].after["outputs"]["text"], json("frozen"));
    }

    void promptFields_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<bool>("prompt");
        for (const char *key : {"prompt", "system", "text", "template", "instructions", "code"})
            QTest::newRow(key) << key << "one line" << "another line" << true;
        QTest::newRow("any multi-line string") << "description" << "first\nsecond" << "first\nthird" << true;
        QTest::newRow("became multi-line") << "label" << "first" << "first\nsecond" << true;
        QTest::newRow("single-line other key") << "label" << "first" << "second" << false;
    }

    void promptFields()
    {
        QFETCH(QString, key);
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(bool, prompt);
        json a = baseDocument(), b = baseDocument();
        nodeIn(a, "answer")["config"][key.toStdString()] = before.toStdString();
        nodeIn(b, "answer")["config"][key.toStdString()] = after.toStdString();
        const auto changes = diffWorkflows(load(a), load(b));
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes[0].field, "config." + key.toStdString());
        QCOMPARE(changes[0].kind, prompt ? Kind::PromptChanged : Kind::NodeChanged);
        QCOMPARE(changes[0].before, json(before.toStdString()));
        if (prompt)
            QCOMPARE(side(changes[0].lines, '-') + side(changes[0].lines, '+'), before.toStdString() + "\n" + after.toStdString() + "\n");
        else
            QVERIFY(changes[0].lines.empty());
    }

    void promptLineDiff()
    {
        json after = baseDocument();
        nodeIn(after, "summary")["config"]["prompt"] = "Summarise briefly:\n{{start.text}}\nUse bullet points.";
        const auto changes = diffWorkflows(load(baseDocument()), load(after));
        QCOMPARE(summary(changes), QStringList({"prompt_changed summary config.prompt"}));
        QCOMPARE(linesText(changes[0].lines), std::string("-Summarise:\n+Summarise briefly:\n {{start.text}}\n+Use bullet points.\n"));
        QCOMPARE(describeChange(changes[0]), std::string("Prompt of node summary changed (config.prompt): 2 lines added, 1 removed."));
        const json j = changesToJson(changes);
        QCOMPARE(j[0]["kind"], json("prompt_changed"));
        QCOMPARE(j[0]["lines"][0], json({{"op", "-"}, {"text", "Summarise:"}}));
        QCOMPARE(j[0]["lines"].size(), std::size_t(4));
        QCOMPARE(j[0]["summary"], json(describeChange(changes[0])));
    }

    void promptsInsideLists()
    {
        json before = baseDocument();
        nodeIn(before, "summary")["config"]["messages"] = {{{"role", "user"}, {"text", "Hello"}}, {{"role", "assistant"}, {"text", "Hi"}}};
        json after = before;
        nodeIn(after, "summary")["config"]["messages"][1]["text"] = "Hi there";
        const auto changes = diffWorkflows(load(before), load(after));
        QCOMPARE(summary(changes), QStringList({"prompt_changed summary config.messages[1].text"}));
        QCOMPARE(linesText(changes[0].lines), std::string("-Hi\n+Hi there\n"));
    }

    void edgesWithPorts()
    {
        json before = baseDocument();
        before["nodes"].push_back(node("route", "condition"));
        before["edges"].push_back(edge("route", "answer", "case_1"));
        json after = before;
        after["edges"][2] = edge("route", "answer", "else");
        after["edges"].push_back(edge("start", "route"));
        const auto changes = diffWorkflows(load(before), load(after));
        QCOMPARE(summary(changes), QStringList({"edge_removed route -> answer case_1", "edge_added route -> answer else",
                                                "edge_added start -> route"}));
        QCOMPARE(changes[0].before, json({{"from", "route"}, {"to", "answer"}, {"fromPort", "case_1"}}));
        QCOMPARE(describeChange(changes[0]), std::string("Connection from route (port case_1) to answer removed."));
        QCOMPARE(describeChange(changes[2]), std::string("Connection from start to route added."));
    }

    void settings()
    {
        json after = baseDocument();
        after["name"] = "Sales report";
        after["description"] = "Line one\nLine two";
        after["mode"] = "chat";
        after["inputs"] = {{{"name", "text"}, {"type", "paragraph"}}};
        after["models"]["default"]["model"] = "qwen-max";
        after["plugins"] = {{"fs", {{"catalog", "filesystem"}}}};
        after["variables"] = {{{"name", "count"}, {"type", "number"}}};
        after["env"] = {{{"name", "REGION"}, {"type", "string"}, {"value", "eu"}}};
        after["guard"] = {{"reply", "Not here."}};
        after["notes"] = {{{"id", "n1"}, {"text", "Remember"}, {"position", {0, 200}}}};
        const auto changes = diffWorkflows(load(baseDocument()), load(after));
        QCOMPARE(summary(changes),
                 QStringList({"setting_changed  name", "setting_changed  description", "setting_changed  mode", "setting_changed  inputs",
                              "setting_changed  models.default.model", "setting_changed  plugins.fs", "setting_changed  variables",
                              "setting_changed  env", "setting_changed  guard.reply", "setting_changed  notes"}));
        QCOMPARE(changes[0].before, json("Report"));
        QCOMPARE(changes[0].after, json("Sales report"));
        QCOMPARE(linesText(changes[1].lines), std::string("+Line one\n+Line two\n"));
        QCOMPARE(changes[3].after[0]["type"], json("paragraph"));
        QCOMPARE(changes[4].before, json("deepseek-v3.1"));
        QCOMPARE(changes[4].after, json("qwen-max"));
        QCOMPARE(changes[7].after[0]["value"], json("eu"));
        QCOMPARE(describeChange(changes[0]), std::string("Workflow setting name changed from \"Report\" to \"Sales report\"."));
        QCOMPARE(describeChange(changes[3]), std::string("Workflow setting inputs changed."));
    }

    void lineDiffBasics_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected");
        QTest::newRow("both empty") << "" << "" << "";
        QTest::newRow("added to empty") << "" << "a\nb" << "+a\n+b\n";
        QTest::newRow("all removed") << "a\nb\n" << "" << "-a\n-b\n";
        QTest::newRow("same") << "a\nb" << "a\nb" << " a\n b\n";
        QTest::newRow("trailing newline only") << "a\nb\n" << "a\nb" << " a\n b\n";
        QTest::newRow("insert middle") << "a\nb\nc" << "a\nb\nx\nc" << " a\n b\n+x\n c\n";
        QTest::newRow("replace") << "a\nb\nc" << "a\nB\nc" << " a\n-b\n+B\n c\n";
        QTest::newRow("move up") << "a\nb\nc\nd" << "c\na\nb\nd" << "+c\n a\n b\n-c\n d\n";
        QTest::newRow("unicode") << "你好\n世界" << "你好\n世界！" << " 你好\n-世界\n+世界！\n";
    }

    void lineDiffBasics()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(linesText(diffLines(before.toStdString(), after.toStdString()))), expected);
    }

    // On random small texts the script is minimal: its edits are exactly what the longest
    // common subsequence leaves, and it rebuilds both sides.
    void lineDiffIsMinimal()
    {
        std::mt19937 random(19);
        for (int round = 0; round < 300; ++round) {
            std::vector<std::string> a, b;
            std::string ta, tb;
            const int na = static_cast<int>(random() % 12), nb = static_cast<int>(random() % 12);
            for (int i = 0; i < na; ++i) {
                a.push_back(std::string(1, static_cast<char>('a' + random() % 4)));
                ta += a.back() + "\n";
            }
            for (int i = 0; i < nb; ++i) {
                b.push_back(std::string(1, static_cast<char>('a' + random() % 4)));
                tb += b.back() + "\n";
            }
            const auto lines = diffLines(ta, tb);
            QCOMPARE(side(lines, '-'), ta);
            QCOMPARE(side(lines, '+'), tb);
            QCOMPARE(edits(lines), a.size() + b.size() - 2 * lcs(a, b));
        }
    }

    // Two texts of 1 MB: one changed line is found exactly; texts with nothing in common
    // fall back to "all removed, all added" instead of an unbounded search.
    void largeTextsAreBounded()
    {
        std::string big, changed;
        for (int i = 0; i < 40000; ++i) {
            const std::string line = "line " + std::to_string(i) + " of a long prompt text";
            big += line + "\n";
            changed += (i == 20000 ? std::string("a changed line") : line) + "\n";
        }
        QVERIFY(big.size() > 1000000);
        const auto one = diffLines(big, changed);
        QCOMPARE(edits(one), std::size_t(2));
        QCOMPARE(side(one, '+'), changed);

        std::string other;
        for (int i = 0; i < 40000; ++i)
            other += "another " + std::to_string(i * 7) + " text line here\n";
        const auto all = diffLines(big, other);
        QCOMPARE(edits(all), std::size_t(80000));
        QCOMPARE(all.front().op, '-');
        QCOMPARE(all.back().op, '+');
        QCOMPARE(side(all, '-'), big);
        QCOMPARE(side(all, '+'), other);

        // Many scattered edits (more than the bound): still both sides, still bounded.
        std::string scattered;
        for (int i = 0; i < 40000; ++i)
            scattered += (i % 13 == 0 ? "edited " + std::to_string(i) : "line " + std::to_string(i) + " of a long prompt text") + "\n";
        const auto many = diffLines(big, scattered);
        QCOMPARE(side(many, '-'), big);
        QCOMPARE(side(many, '+'), scattered);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowDiff)
#include "tst_workflowdiff.moc"
