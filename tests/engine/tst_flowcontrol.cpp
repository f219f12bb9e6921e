// Iteration, loop, conversation variables, the assigner and human input (DESIGN.md §3):
// containers run their inner nodes per item or round, and a paused run survives being
// stored and rebuilt.
#include "tests/support/runharness.h"
#include "tests/support/workflowjson.h"

#include "engine/conversation/conversationstore.h"
#include "engine/nodes/humanform.h"

#include <QtTest>

#include <boost/asio/post.hpp>

using namespace flowdeck::engine;
using flowdeck::tests::RunHarness;
using json = nlohmann::json;

using flowdeck::tests::edge;
using flowdeck::tests::node;

namespace {

json endNode(json outputs) { return node("end", "end", {{"outputs", std::move(outputs)}}); }

// start(list: json) -> each -> end(results), with `inner` nodes inside "each".
Workflow iterationWorkflow(json iterationConfig, json inner, json innerEdges)
{
    json nodes = {node("start", "start"), node("each", "iteration", std::move(iterationConfig)),
                  endNode({{"results", "{{each.results}}"}})};
    for (auto &n : inner)
        nodes.push_back(n);
    json edges = {edge("start", "each"), edge("each", "end")};
    for (auto &e : innerEdges)
        edges.push_back(e);
    return RunHarness::workflow({{"inputs", {{{"name", "list"}, {"type", "json"}}}}, {"nodes", nodes}, {"edges", edges}});
}

// Most inner runs at once, from the inner node's started / finished events.
int mostAtOnce(const flowdeck::tests::RunOutcome &out, const std::string &nodeId)
{
    int now = 0, most = 0;
    for (const auto &e : out.events) {
        if (e.nodeId != nodeId)
            continue;
        if (e.type == RunEventType::NodeStarted)
            most = std::max(most, ++now);
        else if (e.type == RunEventType::NodeFinished || e.type == RunEventType::NodeFailed)
            --now;
    }
    return most;
}

} // namespace

class TestFlowControl : public QObject {
    Q_OBJECT

private slots:
    void iterationRunsEachItemInOrder()
    {
        RunHarness h;
        auto wf = iterationWorkflow({{"items", "{{start.list}}"}, {"output", "{{fmt.text}}"}},
                                    {node("fmt", "template", {{"template", "{{each.index}}:{{each.item.name}}"}}, "each")},
                                    json::array());
        auto out = h.run(wf, {{"list", R"([{"name":"a"},{"name":"b"},{"name":"c"}])"}});
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(out.outputs["results"], json({"0:a", "1:b", "2:c"}));
        int progress = 0;
        for (const auto &e : out.events)
            progress += e.type == RunEventType::NodeProgress && e.nodeId == "each";
        QCOMPARE(progress, 3);
        const auto *inner = out.first(RunEventType::NodeFinished, "fmt");
        QVERIFY(inner);
        QCOMPARE(inner->data["scope"]["container"].get<std::string>(), std::string("each"));
        QVERIFY(out.released);
    }

    void emptyListGivesNoResults()
    {
        RunHarness h;
        auto wf = iterationWorkflow({{"items", "{{start.list}}"}, {"output", "{{fmt.text}}"}},
                                    {node("fmt", "template", {{"template", "x"}}, "each")}, json::array());
        auto out = h.run(wf, {{"list", "[]"}});
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(out.outputs["results"], json::array());
    }

    void notAListIsAClearError()
    {
        RunHarness h;
        auto wf = iterationWorkflow({{"items", "{{start.list}}"}},
                                    {node("fmt", "template", {{"template", "x"}}, "each")}, json::array());
        auto out = h.run(wf, {{"list", R"({"a": 1})"}});
        QCOMPARE(out.status, RunStatus::Failed);
        QVERIFY2(out.error.find("not a list") != std::string::npos, out.error.c_str());
    }

    void parallelItemsOverlapWithinTheBound()
    {
        RunHarness h;
        auto wf = iterationWorkflow({{"items", "{{start.list}}"}, {"output", "{{wait.value}}"}, {"parallel", true},
                                     {"maxParallel", 3}},
                                    {node("wait", "test.wait", {{"ms", 60}, {"output", "{{each.item}}"}}, "each")},
                                    json::array());
        auto out = h.run(wf, {{"list", "[1,2,3,4,5,6,7]"}});
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(mostAtOnce(out, "wait"), 3);
        QCOMPARE(out.outputs["results"], json({1, 2, 3, 4, 5, 6, 7}));

        auto sequential = iterationWorkflow({{"items", "{{start.list}}"}, {"output", "{{wait.value}}"}},
                                            {node("wait", "test.wait", {{"ms", 5}, {"output", "{{each.item}}"}}, "each")},
                                            json::array());
        out = h.run(sequential, {{"list", "[1,2,3,4]"}});
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(mostAtOnce(out, "wait"), 1);
    }

    void failedItemIsRetried()
    {
        RunHarness h;
        RunHarness::flakyAttempts("shaky") = 0;
        auto wf = iterationWorkflow({{"items", "{{start.list}}"}, {"output", "{{shaky.value}}"},
                                     {"itemRetry", {{"max", 2}, {"backoffMs", 1}}}},
                                    {node("shaky", "test.flaky", {{"failTimes", 2}, {"output", "ok"}}, "each")},
                                    json::array());
        auto out = h.run(wf, {{"list", "[1]"}});
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(RunHarness::flakyAttempts("shaky"), 3);
        QCOMPARE(out.outputs["results"], json({"ok after 3"}));
    }

    void errorModes_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("stop") << "stop";
        QTest::newRow("continue") << "continue";
        QTest::newRow("drop") << "drop";
    }
    void errorModes()
    {
        QFETCH(QString, mode);
        RunHarness h;
        // "x" is not a number: the comparison fails for that item only.
        json cases = {{{"id", "big"}, {"conditions", {{{"left", "{{each.item}}"}, {"op", "gt"}, {"right", 1}}}}}};
        auto wf = iterationWorkflow({{"items", "{{start.list}}"}, {"output", "{{check.case}}"},
                                     {"errorMode", mode.toStdString()}},
                                    {node("check", "condition", {{"cases", cases}}, "each")}, json::array());
        auto out = h.run(wf, {{"list", R"([1, "x", 3])"}});
        if (mode == "stop") {
            QCOMPARE(out.status, RunStatus::Failed);
            QVERIFY2(out.error.find("Item 1 of 3 failed at 'check'") != std::string::npos, out.error.c_str());
        } else {
            QCOMPARE(out.status, RunStatus::Succeeded);
            QCOMPARE(out.outputs["results"], mode == "continue" ? json({"else", nullptr, "big"}) : json({"else", "big"}));
        }
    }

    void flattenJoinsLists()
    {
        RunHarness h;
        auto wf = iterationWorkflow({{"items", "{{start.list}}"}, {"output", "{{each.item}}"}, {"flatten", true}},
                                    {node("noop", "template", {{"template", ""}}, "each")}, json::array());
        auto out = h.run(wf, {{"list", "[[1,2],[3],[]]"}});
        QCOMPARE(out.outputs["results"], json({1, 2, 3}));
    }

    void cancellingStopsEveryItem()
    {
        RunHarness h;
        auto wf = iterationWorkflow({{"items", "{{start.list}}"}, {"parallel", true}, {"maxParallel", 4}},
                                    {node("wait", "test.wait", {{"ms", 10000}}, "each")}, json::array());
        auto out = h.run(wf, {{"list", "[1,2,3,4,5,6]"}}, json::object(), {}, 50);
        QCOMPARE(out.status, RunStatus::Cancelled);
        QCOMPARE(mostAtOnce(out, "wait"), 4);
        QVERIFY(!out.has(RunEventType::NodeFinished, "wait"));
        QVERIFY2(out.elapsedMs < 2000, qPrintable(QString::number(out.elapsedMs)));
        qInfo("cancelled after %.1f ms (asked at 50 ms)", out.elapsedMs);
        QVERIFY(out.released);
    }

    void itemLimitIsEnforced()
    {
        RunHarness h;
        auto wf = iterationWorkflow({{"items", "{{start.list}}"}},
                                    {node("noop", "template", {{"template", ""}}, "each")}, json::array());
        RunLimits limits;
        limits.maxIterationItems = 2;
        auto out = h.run(wf, {{"list", "[1,2,3]"}}, json::object(), limits);
        QCOMPARE(out.errorKind, ErrorKind::Limit);
    }

    void loopCountsUntilTheBreakCondition()
    {
        RunHarness h;
        auto wf = RunHarness::workflow(
            {{"nodes", {node("start", "start"),
                        node("loop", "loop", {{"variables", {{{"name", "count"}, {"type", "number"}, {"value", 0}},
                                                             {{"name", "log"}, {"type", "array[string]"}}}},
                                              {"maxRounds", 50},
                                              {"breakWhen", {{"conditions", {{{"left", "{{loop.count}}"}, {"op", "ge"}, {"right", 5}}}}}}}),
                        node("inc", "assigner", {{"items", {{{"variable", "loop.count"}, {"operation", "add"}, {"value", 1}},
                                                            {{"variable", "loop.log"}, {"operation", "append"}, {"value", "r{{loop.index}}"}}}}}, "loop"),
                        endNode({{"count", "{{loop.count}}"}, {"rounds", "{{loop.rounds}}"}, {"log", "{{loop.log}}"}})}},
             {"edges", {edge("start", "loop"), edge("loop", "end")}}});
        auto out = h.run(wf);
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(out.outputs["count"], json(5));
        QCOMPARE(out.outputs["rounds"], json(5));
        QCOMPARE(out.outputs["log"], json({"r0", "r1", "r2", "r3", "r4"}));
    }

    void breakAndContinueNodesEndRounds()
    {
        RunHarness h;
        json atThree = {{{"id", "stop"}, {"conditions", {{{"left", "{{loop.index}}"}, {"op", "ge"}, {"right", 3}}}}},
                        {{"id", "odd"}, {"conditions", {{{"left", "{{loop.index}}"}, {"op", "regex"}, {"right", "[13579]$"}}}}}};
        auto wf = RunHarness::workflow(
            {{"nodes", {node("start", "start"),
                        node("loop", "loop", {{"variables", {{{"name", "seen"}, {"type", "array[number]"}}}}, {"maxRounds", 10}}),
                        node("route", "condition", {{"cases", atThree}}, "loop"),
                        node("out", "break", json::object(), "loop"), node("skip", "continue", json::object(), "loop"),
                        node("keep", "assigner", {{"items", {{{"variable", "loop.seen"}, {"operation", "append"}, {"value", "{{loop.index}}"}}}}}, "loop"),
                        endNode({{"seen", "{{loop.seen}}"}, {"rounds", "{{loop.rounds}}"}})}},
             {"edges", {edge("start", "loop"), edge("loop", "end"), edge("route", "out", "stop"),
                        edge("route", "skip", "odd"), edge("route", "keep", "else")}}});
        auto out = h.run(wf);
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(out.outputs["seen"], json({0, 2}));
        QCOMPARE(out.outputs["rounds"], json(4));
    }

    void loopStopsAtItsMaximum()
    {
        RunHarness h;
        auto wf = RunHarness::workflow(
            {{"nodes", {node("start", "start"), node("loop", "loop", {{"maxRounds", 3}}),
                        node("noop", "template", {{"template", "{{loop.index}}"}}, "loop"),
                        endNode({{"rounds", "{{loop.rounds}}"}})}},
             {"edges", {edge("start", "loop"), edge("loop", "end")}}});
        auto out = h.run(wf);
        QCOMPARE(out.outputs["rounds"], json(3));
    }

    void containersAreValidated_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("code");
        QTest::newRow("edge across") << R"({"nodes":[{"id":"start","type":"start"},{"id":"each","type":"iteration","config":{"items":"[]"}},{"id":"in","type":"template","parent":"each","config":{"template":""}},{"id":"end","type":"end","config":{"outputs":{}}}],"edges":[{"from":"start","to":"each"},{"from":"in","to":"end"}]})"
                                     << "edge-across-container";
        QTest::newRow("break outside") << R"({"nodes":[{"id":"start","type":"start"},{"id":"b","type":"break"},{"id":"end","type":"end","config":{"outputs":{}}}],"edges":[{"from":"start","to":"b"},{"from":"b","to":"end"}]})"
                                       << "outside-loop";
        QTest::newRow("not a container") << R"({"nodes":[{"id":"start","type":"start"},{"id":"t","type":"template","parent":"start","config":{"template":""}},{"id":"end","type":"end","config":{"outputs":{}}}],"edges":[{"from":"start","to":"end"}]})"
                                         << "not-a-container";
        QTest::newRow("inner from outside") << R"({"nodes":[{"id":"start","type":"start"},{"id":"each","type":"iteration","config":{"items":"[]"}},{"id":"in","type":"template","parent":"each","config":{"template":""}},{"id":"end","type":"end","config":{"outputs":{"x":"{{in.text}}"}}}],"edges":[{"from":"start","to":"each"},{"from":"each","to":"end"}]})"
                                            << "not-upstream";
        QTest::newRow("item from outside") << R"({"nodes":[{"id":"start","type":"start"},{"id":"each","type":"iteration","config":{"items":"[]"}},{"id":"in","type":"template","parent":"each","config":{"template":""}},{"id":"end","type":"end","config":{"outputs":{"x":"{{each.item}}"}}}],"edges":[{"from":"start","to":"each"},{"from":"each","to":"end"}]})"
                                           << "unknown-output";
        QTest::newRow("undeclared variable") << R"({"nodes":[{"id":"start","type":"start"},{"id":"end","type":"end","config":{"outputs":{"x":"{{conversation.nope}}"}}}],"edges":[{"from":"start","to":"end"}]})"
                                             << "unknown-variable";
        QTest::newRow("assign unknown") << R"({"nodes":[{"id":"start","type":"start"},{"id":"a","type":"assigner","config":{"items":[{"variable":"conversation.nope","operation":"set","value":1}]}},{"id":"end","type":"end","config":{"outputs":{}}}],"edges":[{"from":"start","to":"a"},{"from":"a","to":"end"}]})"
                                        << "unknown-assign-target";
    }
    void containersAreValidated()
    {
        QFETCH(QString, json);
        QFETCH(QString, code);
        RunHarness h;
        auto out = h.run(RunHarness::workflow(json::parse(json.toStdString())));
        QVERIFY(!out.compiled);
        bool found = false;
        for (const auto &d : out.diagnostics)
            found = found || d.code == code.toStdString();
        QVERIFY2(found, qPrintable(code));
    }

    void assignerOperations_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("initial");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("set") << "string" << R"("a")" << "set" << R"("b")" << R"("b")";
        QTest::newRow("overwrite number from text") << "number" << "1" << "overwrite" << R"("42")" << "42";
        QTest::newRow("clear list") << "array[number]" << "[1,2]" << "clear" << "null" << "[]";
        QTest::newRow("append") << "array[string]" << R"(["a"])" << "append" << R"("b")" << R"(["a","b"])";
        QTest::newRow("extend") << "array[number]" << "[1]" << "extend" << "[2,3]" << "[1,2,3]";
        QTest::newRow("remove first") << "array[number]" << "[1,2,3]" << "remove-first" << "null" << "[2,3]";
        QTest::newRow("remove last") << "array[number]" << "[1,2,3]" << "remove-last" << "null" << "[1,2]";
        QTest::newRow("add") << "number" << "2" << "add" << "3" << "5";
        QTest::newRow("subtract") << "number" << "2" << "subtract" << "3" << "-1";
        QTest::newRow("multiply") << "number" << "2" << "multiply" << "3.5" << "7";
        QTest::newRow("divide") << "number" << "3" << "divide" << "2" << "1.5";
        QTest::newRow("divide by zero") << "number" << "3" << "divide" << "0" << "error";
        QTest::newRow("append to text") << "string" << R"("a")" << "append" << R"("b")" << "error";
        QTest::newRow("set object on number") << "number" << "1" << "set" << R"({"a":1})" << "error";
    }
    void assignerOperations()
    {
        QFETCH(QString, type);
        QFETCH(QString, initial);
        QFETCH(QString, operation);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        RunHarness h;
        json item = {{"variable", "conversation.v"}, {"operation", operation.toStdString()}};
        if (value != "null")
            item["value"] = json::parse(value.toStdString());
        auto wf = RunHarness::workflow(
            {{"variables", {{{"name", "v"}, {"type", type.toStdString()}, {"default", json::parse(initial.toStdString())}}}},
             {"nodes", {node("start", "start"), node("set", "assigner", {{"items", {item}}}),
                        endNode({{"v", "{{conversation.v}}"}})}},
             {"edges", {edge("start", "set"), edge("set", "end")}}});
        auto out = h.run(wf);
        if (expected == "error") {
            QCOMPARE(out.status, RunStatus::Failed);
            QVERIFY2(out.error.find("The variable 'conversation.v'") == 0, out.error.c_str());
        } else {
            QCOMPARE(out.status, RunStatus::Succeeded);
            QCOMPARE(out.outputs["v"], json::parse(expected.toStdString()));
        }
    }

    void conversationVariablesLastAcrossTurns()
    {
        RunHarness h;
        auto store = std::make_shared<MemoryConversationStore>();
        h.services.conversations = store;
        auto wf = RunHarness::workflow(
            {{"mode", "chat"},
             {"variables", {{{"name", "topics"}, {"type", "array[string]"}}}},
             {"nodes", {node("start", "start"),
                        node("remember", "assigner", {{"items", {{{"variable", "conversation.topics"}, {"operation", "append"}, {"value", "{{sys.query}}"}}}}}),
                        node("reply", "answer", {{"text", "{{conversation.topics}}"}})}},
             {"edges", {edge("start", "remember"), edge("remember", "reply")}}});
        auto first = h.run(wf, json::object(), {{"query", "tea"}, {"conversation_id", "c1"}});
        QCOMPARE(first.status, RunStatus::Succeeded);
        QCOMPARE(first.answer, std::string(R"(["tea"])"));
        auto second = h.run(wf, json::object(), {{"query", "cake"}, {"conversation_id", "c1"}});
        QCOMPARE(second.answer, std::string(R"(["tea","cake"])"));
        auto other = h.run(wf, json::object(), {{"query", "soup"}, {"conversation_id", "c2"}});
        QCOMPARE(other.answer, std::string(R"(["soup"])"));
        QCOMPARE(store->load(wf.id, "c1")["topics"], json({"tea", "cake"}));
    }

    void sqliteStoreKeepsVariables()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("conversations.db").toStdString();
        {
            SqliteConversationStore store(path);
            QVERIFY2(store.error().empty(), store.error().c_str());
            store.save("app", "c1", {{"n", 3}});
        }
        SqliteConversationStore reopened(path);
        QCOMPARE(reopened.load("app", "c1")["n"], json(3));
        reopened.clear("app", "c1");
        QCOMPARE(reopened.load("app", "c1"), json::object());
    }

    void humanFormChecksAnswers()
    {
        json form = {{"fields", {{{"name", "amount"}, {"type", "number"}, {"required", true}, {"label", "Amount"}},
                                 {{"name", "level"}, {"type", "select"}, {"options", {"low", "high"}}}}},
                     {"actions", {{{"id", "approve"}, {"label", "Approve"}}}}};
        HumanResponse r{"approve", {{"amount", "12.5"}, {"level", "high"}}};
        QCOMPARE(checkHumanResponse(form, r), std::string());
        QCOMPARE(r.values["amount"], json(12.5));
        HumanResponse missing{"approve", json::object()};
        QCOMPARE(checkHumanResponse(form, missing), std::string("The field 'Amount' is required."));
        HumanResponse badAction{"reject", {{"amount", 1}}};
        QVERIFY(!checkHumanResponse(form, badAction).empty());
        HumanResponse badOption{"approve", {{"amount", 1}, {"level", "mid"}}};
        QVERIFY(!checkHumanResponse(form, badOption).empty());
    }

    // Pause, store the snapshot, end the run; rebuild it from the snapshot, answer, finish.
    void humanInputPausesAndResumesAfterARestore()
    {
        RunHarness h;
        auto wf = RunHarness::workflow(
            {{"inputs", {{{"name", "amount"}, {"type", "number"}}}},
             {"nodes", {node("start", "start"),
                        node("ask", "human", {{"text", "Approve {{start.amount}}?"},
                                              {"fields", {{{"name", "note"}, {"type", "text"}, {"required", true}}}},
                                              {"actions", {{{"id", "approve"}, {"label", "Approve"}}, {{"id", "reject"}, {"label", "Reject"}}}}}),
                        node("yes", "template", {{"template", "approved: {{ask.note}} ({{start.amount}})"}}),
                        node("no", "template", {{"template", "rejected"}}),
                        node("join", "aggregate", {{"values", {"{{yes.text}}", "{{no.text}}"}}}),
                        endNode({{"result", "{{join.value}}"}, {"action", "{{ask.action}}"}})}},
             {"edges", {edge("start", "ask"), edge("ask", "yes", "approve"), edge("ask", "no", "reject"),
                        edge("yes", "join"), edge("no", "join"), edge("join", "end")}}});
        auto compiled = CompiledWorkflow::compile(wf, h.registry);
        QVERIFY(compiled);
        json snapshot, form;
        std::string token;
        RunOptions options;
        options.inputs = {{"amount", 250}};
        options.onEvent = [&](const RunEvent &e) {
            if (e.type == RunEventType::HumanInputRequired) {
                token = e.data["token"];
                form = e.data["form"];
            }
            if (e.type == RunEventType::RunPaused)
                snapshot = e.data["snapshot"];
        };
        auto run = WorkflowRun::create(h.io, compiled.value(), h.services, options);
        bool ended = false;
        run->start([&](const WorkflowRun &) { ended = true; });
        h.io.restart();
        while (snapshot.is_null() && h.io.run_one()) {
        }
        QVERIFY(!token.empty());
        QCOMPARE(form["text"].get<std::string>(), std::string("Approve 250?"));
        QCOMPARE(run->status(), RunStatus::Running);
        run->suspend();
        while (!ended && h.io.run_one()) {
        }
        QCOMPARE(run->status(), RunStatus::Paused);
        run.reset();

        // The stored snapshot goes through text, as a runtime's database keeps it.
        const json stored = json::parse(snapshot.dump());
        std::vector<RunEvent> events;
        RunOptions again;
        again.onEvent = [&](const RunEvent &e) { events.push_back(e); };
        auto restored = WorkflowRun::restore(h.io, compiled.value(), h.services, again, stored);
        QVERIFY(restored);
        auto resumed = restored.value();
        resumed->resume(token, HumanResponse{"approve", {{"note", "fine"}}});
        ended = false;
        resumed->start([&](const WorkflowRun &) { ended = true; });
        h.io.restart();
        while (!ended && h.io.run_one()) {
        }
        QCOMPARE(resumed->status(), RunStatus::Succeeded);
        QCOMPARE(resumed->outputs()["result"].get<std::string>(), std::string("approved: fine (250)"));
        QCOMPARE(resumed->outputs()["action"].get<std::string>(), std::string("approve"));
        QCOMPARE(resumed->id(), stored["runId"].get<std::string>());
    }

    void humanInputTimesOutOnItsOwnPort()
    {
        RunHarness h;
        auto wf = RunHarness::workflow(
            {{"nodes", {node("start", "start"),
                        node("ask", "human", {{"actions", {{{"id", "ok"}, {"label", "OK"}}}}, {"timeout", 0.05}}),
                        node("late", "template", {{"template", "timed out"}}),
                        endNode({{"result", "{{late.text}}"}})}},
             {"edges", {edge("start", "ask"), edge("ask", "late", "timeout"), edge("late", "end")}}});
        auto out = h.run(wf);
        QCOMPARE(out.status, RunStatus::Succeeded);
        QCOMPARE(out.outputs["result"].get<std::string>(), std::string("timed out"));
        QVERIFY(out.first(RunEventType::HumanInputRequired, "ask"));
    }

    void snapshotOfAnotherWorkflowIsRefused()
    {
        RunHarness h;
        auto wf = RunHarness::workflow({{"nodes", {node("start", "start"), endNode(json::object())}},
                                        {"edges", {edge("start", "end")}}});
        auto compiled = CompiledWorkflow::compile(wf, h.registry);
        QVERIFY(compiled);
        for (const json &bad : {json("text"), json({{"version", 1}, {"workflow", "other"}, {"nodes", json::object()}}),
                                json({{"version", 1}, {"workflow", wf.id}, {"nodes", {{"ghost", {{"state", "done"}}}}},
                                      {"edges", "p"}})}) {
            auto restored = WorkflowRun::restore(h.io, compiled.value(), h.services, {}, bad);
            QVERIFY(!restored);
            QVERIFY(!restored.diagnostics().empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestFlowControl)
#include "tst_flowcontrol.moc"
