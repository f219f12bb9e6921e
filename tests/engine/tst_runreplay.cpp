// Debugging runs (DESIGN.md §11): a run keeps every node's inputs and outputs (RunTrace,
// bounded); "run from here" replays what ran before a node so the upstream model is not
// asked again; a node runs alone with replayed inputs; pinned outputs stand in for a node.
#include "engine/run/runtrace.h"
#include "tests/support/runharness.h"
#include "tests/support/scriptedmodel.h"
#include "tests/support/workflowjson.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace flowdeck::engine;
using namespace flowdeck::tests;
using json = nlohmann::json;

class TestRunReplay : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ScriptedModel m_llm;

    void useScripted(RunHarness &h)
    {
        const json profiles = {{"profiles", {{"scripted", {{"baseUrl", m_llm.url("/v1")}, {"defaultModel", "scripted-model"},
                                                           {"needsKey", false}}}}}};
        const std::string file = m_dir.filePath(QStringLiteral("profiles.json")).toStdString();
        std::ofstream(file) << profiles.dump();
        QVERIFY(h.profiles.loadFile(file).empty());
        h.services.modelMaxAttempts = 1;
    }

    // start(topic) -> llm a [case:A] -> llm b [case:B] reading a -> end {text: b.text}
    static Workflow chain(const std::string &promptB = "[case:B] Shorten: {{a.text}}")
    {
        json inputs = json::array({{{"name", "topic"}}});
        json nodes = json::array({node("start", "start"),
                                  node("a", "llm", {{"model", "default"}, {"prompt", "[case:A] Write about {{start.topic}}"}}),
                                  node("b", "llm", {{"model", "default"}, {"prompt", promptB}}),
                                  node("end", "end", {{"outputs", {{"text", "{{b.text}}"}}}})});
        json edges = json::array({edge("start", "a"), edge("a", "b"), edge("b", "end")});
        json models = {{"default", {{"profile", "scripted"}, {"model", "scripted-model"}}}};
        return RunHarness::workflow({{"inputs", inputs}, {"models", models}, {"nodes", nodes}, {"edges", edges}});
    }

    static RunTrace traceOf(const RunOutcome &out, RunTrace trace = RunTrace())
    {
        for (const auto &e : out.events)
            trace.add(e);
        return trace;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_llm.start(&error), qPrintable(error));
    }

    void runFromHereReplaysUpstream()
    {
        RunHarness h;
        useScripted(h);
        m_llm.script("A", {"A long text about tea."});
        m_llm.script("B", {"Tea.", "Tea, briefly."});
        RunOptions first;
        first.inputs = {{"topic", "tea"}};
        const RunOutcome out = h.runWith(chain(), first);
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(m_llm.requests("A").size(), std::size_t(1));
        const RunTrace trace = traceOf(out);
        const json *a = trace.node("a");
        QVERIFY(a);
        QCOMPARE((*a)["status"], json("done"));
        QCOMPARE((*a)["outputs"]["text"], json("A long text about tea."));
        QVERIFY((*a)["inputs"].dump().find("Write about tea") != std::string::npos);

        // The user edits b's prompt and runs from b: a is replayed, not asked again.
        const Workflow edited = chain("[case:B] Shorten further: {{a.text}}");
        RunOptions again;
        again.inputs = {{"topic", "tea"}};
        again.replay = trace.replayBefore(edited, "b");
        QVERIFY(again.replay.count("a"));
        QVERIFY(again.replay.count("start"));
        QVERIFY(!again.replay.count("b"));
        QVERIFY(!again.replay.count("end"));
        const RunOutcome replayed = h.runWith(edited, again);
        QCOMPARE(replayed.status, RunStatus::Succeeded);
        QCOMPARE(m_llm.requests("A").size(), std::size_t(1));
        QCOMPARE(m_llm.requests("B").size(), std::size_t(2));
        QVERIFY(m_llm.requests("B").back().dump().find("Shorten further: A long text about tea.") != std::string::npos);
        QCOMPARE(replayed.outputs["text"], json("Tea, briefly."));
        const RunEvent *finishedA = replayed.first(RunEventType::NodeFinished, "a");
        QVERIFY(finishedA);
        QCOMPARE(finishedA->data.value("replayed", false), true);
        QCOMPARE(traceOf(replayed).node("a")->value("replayed", false), true);
    }

    void oneNodeAlone()
    {
        RunHarness h;
        useScripted(h);
        m_llm.script("B", {"Alone."});
        const std::size_t before = m_llm.requests("B").size();
        RunOptions options;
        options.only = "b";
        options.replay["a"] = ReplayedNode{{{"text", "Edited upstream text."}}, ""};
        const RunOutcome out = h.runWith(chain(), options);
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(m_llm.requests("B").size(), before + 1);
        QVERIFY(m_llm.requests("B").back().dump().find("Shorten: Edited upstream text.") != std::string::npos);
        QCOMPARE(out.outputs["text"], json("Alone."));  // the node's own outputs
        QVERIFY(!out.has(RunEventType::NodeStarted, "end"));
        QVERIFY(!out.has(RunEventType::NodeStarted, "a"));

        options.only = "nope";
        const RunOutcome missing = h.runWith(chain(), options);
        QCOMPARE(missing.status, RunStatus::Failed);
        QVERIFY(missing.error.find("no node 'nope'") != std::string::npos);
    }

    void pinnedOutputStandsIn()
    {
        RunHarness h;
        useScripted(h);
        m_llm.script("B", {"From the pin."});
        const std::size_t asked = m_llm.requests("A").size();
        RunOptions options;
        options.inputs = {{"topic", "tea"}};
        options.replay["a"] = ReplayedNode{{{"text", "Pinned text."}}, ""};
        const RunOutcome out = h.runWith(chain(), options);
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(m_llm.requests("A").size(), asked);
        QVERIFY(m_llm.requests("B").back().dump().find("Pinned text.") != std::string::npos);
    }

    void replayedBranchTakesItsPort()
    {
        RunHarness h;
        json nodes = json::array({node("start", "start"),
                                  node("c", "condition", {{"cases", {{{"id", "yes"}, {"conditions", {{{"left", "{{start.x}}"}, {"op", "eq"}, {"right", "1"}}}}}}}}),
                                  node("y", "template", {{"template", "yes"}}), node("n", "template", {{"template", "no"}}),
                                  node("end", "end", {{"outputs", {{"r", "{{y.text}}{{n.text}}"}}}})});
        json edges = json::array({edge("start", "c"), edge("c", "y", "yes"), edge("c", "n", "else"), edge("y", "end"), edge("n", "end")});
        const Workflow wf = RunHarness::workflow({{"inputs", json::array({{{"name", "x"}}})}, {"nodes", nodes}, {"edges", edges}});
        RunOptions options;
        options.inputs = {{"x", "2"}};
        options.replay["c"] = ReplayedNode{json::object(), "yes"};  // replayed as if x were 1
        const RunOutcome out = h.runWith(wf, options);
        QVERIFY2(out.compiled, out.diagnostics.empty() ? "" : out.diagnostics.front().message.c_str());
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(out.outputs["r"], json("yes"));
        QVERIFY(out.has(RunEventType::NodeSkipped, "n"));
    }

    void traceIsBoundedAndReadBack()
    {
        RunTrace trace(1000, 5000);
        RunEvent started{RunEventType::NodeStarted, "run-1", "a", "llm", {{"inputs", {{"prompt", "hi"}}}}};
        trace.add(started);
        RunEvent finished{RunEventType::NodeFinished, "run-1", "a", "llm",
                          {{"outputs", {{"text", std::string(3000, 'x') + "中文"}}}, {"port", "out"}, {"elapsedMs", 12.5}}};
        trace.add(finished);
        RunEvent failed{RunEventType::NodeFailed, "run-1", "b", "http", {{"kind", "network"}, {"message", "refused"}}};
        trace.add(failed);
        const json j = trace.toJson();
        QCOMPARE(j["order"], json({"a", "b"}));
        QCOMPARE(j["nodes"]["a"]["outputs"]["truncated"], json(true));
        QVERIFY(j["nodes"]["a"]["outputs"]["bytes"].get<int>() > 3000);
        QCOMPARE(j["nodes"]["a"]["truncated"], json(true));
        QCOMPARE(j["nodes"]["b"]["error"]["message"], json("refused"));
        QCOMPARE(j["nodes"]["b"]["status"], json("failed"));
        // A truncated output is not replayed; a failed node neither.
        const RunTrace back = RunTrace::fromJson(j);
        QCOMPARE(back.toJson(), j);
        QVERIFY(back.replayAll().empty());
        // Hostile stored traces read without throwing.
        QVERIFY(RunTrace::fromJson(json("x")).empty());
        QVERIFY(RunTrace::fromJson({{"nodes", {{"a", 5}, {"b", {{"status", "done"}, {"outputs", 3}}}}}, {"order", {1, "b"}}}).replayAll().empty());
        // Past the total, every value is cut.
        RunTrace small(4000, 100);
        small.add(started);
        RunEvent more{RunEventType::NodeFinished, "run-1", "a", "llm", {{"outputs", {{"text", std::string(200, 'y')}}}}};
        small.add(more);
        QCOMPARE(small.toJson()["truncated"], json(true));
    }
};

QTEST_GUILESS_MAIN(TestRunReplay)
#include "tst_runreplay.moc"
