// Debugging runs in the studio (DESIGN.md §11), offscreen on the real main window with
// real events and a real scripted model whose request log counts every call: a prompt
// edited after a run marks its node and what follows stale; Run From Here reuses the
// upstream model's output instead of calling it again; Run This Node runs one node with
// edited inputs; a pinned output is replayed by every run, saved in the file, left out of
// a deploy bundle and undone. Then a run that failed on a real `flowdeck serve` is opened
// from Deployed Apps by its id, fixed and run from the failed node without calling the
// nodes before it again.
#include "app/mainwindow.h"
#include "engine/core/secretstore.h"
#include "engine/deploy/deploybundle.h"
#include "engine/mcp/plugincatalog.h"
#include "tests/support/runharness.h"
#include "tests/support/sampleapps.h"
#include "tests/support/scriptedmodel.h"
#include "tests/support/serveprocess.h"
#include "tests/support/studiohome.h"
#include "tests/support/workflowjson.h"
#include "widgets/canvas/canvasmenu.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/graphview.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/debug/debugsession.h"
#include "widgets/debug/jsoneditdialog.h"
#include "widgets/debug/openrundialog.h"
#include "widgets/deploy/appsdialog.h"
#include "widgets/document/graphdocument.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/nodestatusview.h"
#include "widgets/panels/runconsole.h"
#include "widgets/run/runcontroller.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;
using json = nlohmann::json;
using flowdeck::tests::edge;
using flowdeck::tests::node;

namespace {

// start (input "tone") -> llm_a -> llm_b -> answer, each model call marked with its case.
json draftAndImprove(const std::string &a, const std::string &b)
{
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "draft-improve"}, {"name", "Draft and improve"},
            {"mode", "chat"}, {"models", {{"default", {{"profile", "scripted"}, {"model", "scripted-model"}}}}},
            {"inputs", {{{"name", "tone"}, {"type", "text"}, {"default", "plain"}}}},
            {"nodes", {{{"id", "start"}, {"type", "start"}, {"position", {0, 0}}},
                       {{"id", "llm_a"}, {"type", "llm"}, {"position", {280, 0}},
                        {"config", {{"prompt", "[case:" + a + "] Draft an answer to {{sys.query}} in a {{start.tone}} tone"}}}},
                       {{"id", "llm_b"}, {"type", "llm"}, {"position", {560, 0}},
                        {"config", {{"prompt", "[case:" + b + "] Improve this draft: {{llm_a.text}}"}}}},
                       {{"id", "answer"}, {"type", "answer"}, {"position", {840, 0}}, {"config", {{"text", "{{llm_b.text}}"}}}}}},
            {"edges", {edge("start", "llm_a"), edge("llm_a", "llm_b"), edge("llm_b", "answer")}}};
}

// The user messages a case was sent, in order.
QStringList asked(const tests::ScriptedModel &model, const std::string &name)
{
    QStringList out;
    for (const json &body : model.requests(name))
        for (const json &m : body.value("messages", json::array()))
            if (m.value("role", "") == "user")
                out << QString::fromStdString(m.value("content", ""));
    return out;
}

template <class T> T *waitForChild(QWidget *host, const QString &name)
{
    T *found = nullptr;
    (void)QTest::qWaitFor([&] { return (found = host->findChild<T *>(name)) && found->isVisible(); }, 10000);
    return found;
}

} // namespace

class TestDebugRun : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    tests::ScriptedModel m_model;
    std::unique_ptr<MainWindow> m_window;

    GraphDocument *doc() const { return m_window->document(); }
    RunConsole *console() const { return m_window->console(); }
    DebugSession *debug() const { return m_window->debug(); }
    NodeItem *item(const QString &id) const { return m_window->scene()->nodeItem(id); }
    int marks(const QString &id) const { return item(id) ? item(id)->debugMarks() : -1; }

    QString screenshots() const
    {
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        return out;
    }

    // The window, and the canvas at its own size around the nodes, as debug-<name>*.png.
    void shoot(const QString &name)
    {
        QVERIFY(m_window->grab().save(QDir(screenshots()).filePath("debug-" + name + ".png")));
        GraphView *view = m_window->view();
        const QTransform kept = view->transform();
        view->resetTransform();
        view->centerOn(560, 40);
        QVERIFY(view->grab().save(QDir(screenshots()).filePath("debug-" + name + "-canvas.png")));
        view->setTransform(kept);
    }

    // Runs what `start` starts and waits for its end; the console's last status.
    QString waitForRun(const std::function<void()> &start)
    {
        QSignalSpy finished(console(), &RunConsole::finished);
        start();
        if (!finished.wait(30000))
            return QStringLiteral("(no end)");
        return console()->lastStatus();
    }

    QMenu *rightClick(const QString &nodeId)
    {
        GraphView *view = m_window->view();
        const QPoint at = view->mapFromScene(item(nodeId)->sceneBoundingRect().center());
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view->viewport(), &event);
        return CanvasMenu::of(view)->menu();
    }

    // The prompt editor in the inspector for node `id`.
    QPlainTextEdit *promptEditor(const std::string &id)
    {
        m_window->scene()->selectNodes({id});
        QPlainTextEdit *prompt = nullptr;
        (void)QTest::qWaitFor([&] {
            prompt = qobject_cast<QPlainTextEdit *>(m_window->inspector()->editorFor("prompt"));
            return prompt && prompt->isVisible() && prompt->toPlainText().contains(QString::fromStdString(
                                                                    doc()->node(id)->config.value("prompt", "")));
        }, 5000);
        return prompt;
    }

    void openWorkflow(const json &workflow)
    {
        doc()->reset(tests::RunHarness::workflow(workflow));
        doc()->undoStack()->setClean();
        m_window->view()->zoomToFit();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_model.start(&error), qPrintable(error));
        QDir().mkpath(m_home.filePath("config"));
        QFile profiles(m_home.filePath("config/profiles.json"));
        QVERIFY(profiles.open(QIODevice::WriteOnly));
        profiles.write(QByteArray::fromStdString(
            json{{"profiles", {{"scripted", {{"baseUrl", m_model.url("/v1")}, {"defaultModel", "scripted-model"}, {"needsKey", false}}}}}}
                .dump()));
        profiles.close();
        tests::useOwnHome(m_home.path(), false);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        doc()->undoStack()->setClean();
        m_window.reset();
    }

    void theShortcutsAreListed()
    {
        m_window->showShortcuts();
        auto *dialog = waitForChild<QDialog>(m_window.get(), "shortcuts");
        QVERIFY(dialog);
        QStringList rows;
        auto *list = dialog->findChild<QTreeWidget *>();
        for (int g = 0; g < list->topLevelItemCount(); ++g)
            for (int i = 0; i < list->topLevelItem(g)->childCount(); ++i)
                rows << list->topLevelItem(g)->child(i)->text(0) + " = " + list->topLevelItem(g)->child(i)->text(1);
        for (const char *row : {"Run This Node = Ctrl+Shift+F5", "Run From Here = Ctrl+F5", "Pin Output = Ctrl+Alt+P"})
            QVERIFY2(rows.contains(QString::fromUtf8(row)), qPrintable(rows.join('\n')));
        dialog->close();
    }

    void runFromHereReusesTheUpstreamModelsOutput()
    {
        m_model.script("dbg_a", json::array({"first draft", "cheerful draft"}));
        m_model.script("dbg_b", json::array({"better one", "better two", "better three"}));
        openWorkflow(draftAndImprove("dbg_a", "dbg_b"));
        QVERIFY(!debug()->runFromAction()->isEnabled());  // nothing selected, and no run yet
        m_window->scene()->selectNodes({"llm_b"});
        QVERIFY(!debug()->runFromAction()->isEnabled());
        QVERIFY(debug()->runFromAction()->toolTip().contains("run the workflow once"));

        console()->inputField("query")->setText("refunds");
        QCOMPARE(waitForRun([&] { QTest::keyClick(console()->inputField("query"), Qt::Key_Return); }), QStringLiteral("succeeded"));
        QCOMPARE(console()->answerText(), QStringLiteral("better one"));
        QCOMPARE(asked(m_model, "dbg_a").size(), 1);
        QCOMPARE(asked(m_model, "dbg_b").size(), 1);
        for (const char *id : {"start", "llm_a", "llm_b", "answer"})
            QCOMPARE(marks(id), 0);

        // Edit B's prompt in the inspector: B and what follows are stale, A is not.
        QPlainTextEdit *prompt = promptEditor("llm_b");
        QVERIFY(prompt);
        prompt->setFocus();
        prompt->moveCursor(QTextCursor::End);
        QTest::keyClicks(prompt, " Keep it short.");
        QCOMPARE(doc()->node("llm_b")->config["prompt"], json("[case:dbg_b] Improve this draft: {{llm_a.text}} Keep it short."));
        QVERIFY(debug()->isStale("llm_b") && debug()->isStale("answer"));
        QVERIFY(!debug()->isStale("llm_a") && !debug()->isStale("start"));
        QCOMPARE(marks("llm_b"), int(NodeItem::Stale));
        QCOMPARE(marks("llm_a"), 0);
        auto *bar = m_window->findChild<QLabel *>("debugState");
        QVERIFY(bar && bar->isVisible());
        QVERIFY2(bar->text().contains("stale"), qPrintable(bar->text()));
        shoot("stale");

        // Run From Here on B from its context menu: A's output is replayed, only B is asked.
        QMenu *menu = rightClick("llm_b");
        QVERIFY(menu);
        auto *fromHere = menu->findChild<QAction *>("menu:runFromHere");
        QVERIFY(fromHere && fromHere->isEnabled());
        QCOMPARE(waitForRun([&] { fromHere->trigger(); }), QStringLiteral("succeeded"));
        QCOMPARE(asked(m_model, "dbg_a").size(), 1);  // not called again
        const QStringList b = asked(m_model, "dbg_b");
        QCOMPARE(b.size(), 2);
        QCOMPARE(b.last(), QStringLiteral("[case:dbg_b] Improve this draft: first draft Keep it short."));
        QCOMPARE(console()->answerText(), QStringLiteral("better two"));
        QVERIFY(marks("llm_a") & NodeItem::Replayed);
        QVERIFY(!debug()->isStale("llm_b"));
        QCOMPARE(console()->trace()->row("llm_a")->text(NodeStatusView::StatusColumn), QStringLiteral("Replayed"));
        shoot("run-from-here");

        // Run This Node on A (Run menu action) with an edited tone: only A is asked.
        m_window->scene()->selectNodes({"llm_a"});
        QVERIFY(debug()->runNodeAction()->isEnabled());
        debug()->runNodeAction()->trigger();
        auto *dialog = waitForChild<JsonEditDialog>(m_window.get(), "runNodeDialog");
        QVERIFY(dialog);
        const json reads = json::parse(dialog->editor()->toPlainText().toStdString());
        QCOMPARE(reads["start"]["tone"], json("plain"));
        QVERIFY(dialog->reference()->toPlainText().contains("in a plain tone"));  // what it was given
        dialog->editor()->selectAll();
        QTest::keyClicks(dialog->editor(), "{\"start\": {\"tone\": ");
        QVERIFY(!dialog->okButton()->isEnabled());  // not JSON yet
        QVERIFY(dialog->problem()->text().contains("not valid JSON"));
        QTest::keyClicks(dialog->editor(), "\"cheerful\"}}");
        QVERIFY(dialog->okButton()->isEnabled());
        dialog->grab().save(QDir(screenshots()).filePath("debug-run-this-node.png"));
        QCOMPARE(waitForRun([&] { QTest::mouseClick(dialog->okButton(), Qt::LeftButton); }), QStringLiteral("succeeded"));
        const QStringList a = asked(m_model, "dbg_a");
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.last(), QStringLiteral("[case:dbg_a] Draft an answer to refunds in a cheerful tone"));
        QCOMPARE(asked(m_model, "dbg_b").size(), 2);  // nothing after A ran
        QCOMPARE(console()->trace()->row("llm_a")->text(NodeStatusView::StatusColumn), NodeStatusView::statusText("done"));

        // Pin A's output (the one just made), from the inspector's debugging bar.
        auto *pinButton = m_window->findChild<QToolButton *>("button:pinOutput");
        QVERIFY(pinButton && pinButton->isEnabled());
        QTest::mouseClick(pinButton, Qt::LeftButton);
        auto *pinDialog = waitForChild<JsonEditDialog>(m_window.get(), "pinDialog");
        QVERIFY(pinDialog);
        QCOMPARE(json::parse(pinDialog->editor()->toPlainText().toStdString())["outputs"]["text"], json("cheerful draft"));
        pinDialog->grab().save(QDir(screenshots()).filePath("debug-pin-output.png"));
        QTest::mouseClick(pinDialog->okButton(), Qt::LeftButton);
        QCOMPARE(doc()->node("llm_a")->pin["outputs"]["text"], json("cheerful draft"));
        QVERIFY(marks("llm_a") & NodeItem::Pinned);
        QCOMPARE(pinButton->text().remove('&'), QStringLiteral("Unpin Output"));

        // A normal run replays the pin: the model is not asked for A, and the console says so.
        QCOMPARE(waitForRun([&] { console()->run(); }), QStringLiteral("succeeded"));
        QCOMPARE(asked(m_model, "dbg_a").size(), 2);
        QCOMPARE(asked(m_model, "dbg_b").last(), QStringLiteral("[case:dbg_b] Improve this draft: cheerful draft Keep it short."));
        QCOMPARE(console()->trace()->row("llm_a")->text(NodeStatusView::StatusColumn), QStringLiteral("Pinned"));
        QVERIFY(console()->logView()->toPlainText().contains("its pinned output was used"));
        shoot("pinned");

        // The file holds the pin; a deploy bundle made from it does not.
        const QString file = QDir(m_home.path()).filePath("draft.flow.json");
        QVERIFY(m_window->saveTo(file));
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const json written = json::parse(saved.readAll().toStdString());
        QCOMPARE(written["nodes"][1]["id"], json("llm_a"));
        QCOMPARE(written["nodes"][1]["pin"]["outputs"]["text"], json("cheerful draft"));
        engine::SecretStore secrets;
        secrets.setUseEnvironment(false);
        const auto bundle = engine::buildDeployBundle(doc()->workflow(), m_window->runner()->profileStore(), secrets,
                                                      engine::PluginCatalog(), engine::BundleOptions());
        QVERIFY(bundle);
        for (const json &n : bundle.value()["workflow"]["nodes"])
            QVERIFY2(!n.contains("pin"), n.dump().c_str());
        QVERIFY(bundle.value().dump().find("cheerful draft") == std::string::npos);

        // Undo unpins.
        doc()->undoStack()->undo();
        QVERIFY(doc()->node("llm_a")->pin.is_null());
        QCOMPARE(marks("llm_a") & NodeItem::Pinned, 0);
        QCOMPARE(pinButton->text().remove('&'), QStringLiteral("Pin Output…"));
    }

    void aRunThatFailedOnTheRuntimeIsOpenedAndReplayed()
    {
        // Deploy an app whose second model call fails, and run it through the run API.
        QTemporaryDir data;
        tests::ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        m_model.script("prod_a", json::array({"draft from production"}));
        m_model.script("prod_b", json::array({json{{"status", 400}, {"error", "The prompt is too long for this model"}}}));
        m_model.script("prod_fixed", json::array({"fixed answer"}));
        const json profiles = {{"scripted", {{"baseUrl", m_model.url("/v1")}, {"defaultModel", "scripted-model"}, {"needsKey", false}}}};
        const auto deployed = serve.deploy("helpdesk", tests::deployBundle(draftAndImprove("prod_a", "prod_b"), {{"profiles", profiles}}));
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const std::string key = serve.createKey("helpdesk");
        const auto ran = serve.request("POST", "/v1/apps/helpdesk/run",
                                       json{{"query", "late delivery"}, {"inputs", {{"tone", "formal"}}}}.dump(), key);
        QVERIFY2(ran.body.find("failed") != std::string::npos, ran.body.c_str());
        QCOMPARE(asked(m_model, "prod_a").size(), 1);
        const json runs = serve.request("GET", "/admin/v1/apps/helpdesk/runs", {}, serve.adminToken()).json();
        QVERIFY2(runs.value("runs", json::array()).size() == 1, runs.dump().c_str());
        const QString runId = QString::fromStdString(runs["runs"][0].value("runId", ""));
        QVERIFY(!runId.isEmpty());

        // Deployed Apps on that runtime → Open Run in Studio… by its id.
        openWorkflow(draftAndImprove("dbg_a", "dbg_b"));
        auto *apps = new AppsDialog(m_window->localRuntime(), m_window.get());
        apps->setObjectName("deployedApps");
        apps->setRuntime(AppsDialog::Remote, QString::fromStdString(serve.url("")), QString::fromStdString(serve.adminToken()));
        QSignalSpy runsLoaded(apps, &AppsDialog::runsLoaded);
        m_window->findChild<QAction *>("deployedApps")->trigger();
        QVERIFY(runsLoaded.wait(15000));
        QCOMPARE(apps->currentApp(), QStringLiteral("helpdesk"));
        QTRY_VERIFY(apps->openRunButton()->isEnabled());
        QTest::mouseClick(apps->openRunButton(), Qt::LeftButton);
        auto *ask = waitForChild<OpenRunDialog>(apps, "openRunDialog");
        QVERIFY(ask);
        QVERIFY(ask->runBox()->itemText(0).contains("failed"));  // the failed run is offered first
        ask->runBox()->setCurrentIndex(-1);
        ask->runBox()->lineEdit()->clear();
        QTest::mouseClick(ask->openButton(), Qt::LeftButton);  // nothing typed: said so
        QVERIFY(ask->findChild<QLabel *>("problem")->isVisible());
        QTest::keyClicks(ask->runBox()->lineEdit(), runId);
        ask->grab().save(QDir(screenshots()).filePath("debug-open-run.png"));
        QTest::mouseClick(ask->openButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(doc()->workflow().nodes.size() == 4 && doc()->node("llm_b") &&
                                      doc()->node("llm_b")->config.value("prompt", "").find("prod_b") != std::string::npos,
                                  true, 15000);

        // The run's version, inputs and failed node are shown.
        const QString shortId = (runId.startsWith("run-") ? runId.mid(4) : runId).left(8);
        QVERIFY2(m_window->windowTitle().startsWith("helpdesk — run " + shortId), qPrintable(m_window->windowTitle()));
        QVERIFY2(console()->answerView()->toPlainText().contains("too long"), qPrintable(console()->answerView()->toPlainText()));
        QCOMPARE(console()->inputField("tone")->text(), QStringLiteral("formal"));
        QCOMPARE(console()->inputField("query")->text(), QStringLiteral("late delivery"));
        QCOMPARE(item("llm_b")->runStatus(), QStringLiteral("failed"));
        QCOMPARE(item("llm_a")->runStatus(), QStringLiteral("done"));
        QCOMPARE(m_window->scene()->selectedNodeIds(), std::set<std::string>{"llm_b"});
        QVERIFY(console()->trace()->row("llm_b")->toolTip(NodeStatusView::StatusColumn).contains("too long"));
        QVERIFY(debug()->canRunFrom("llm_b"));
        shoot("opened-run");

        // Fix B (another model case that answers), then Run From Here from the inspector's bar.
        QPlainTextEdit *prompt = promptEditor("llm_b");
        QVERIFY(prompt);
        prompt->setFocus();
        prompt->selectAll();
        QTest::keyClicks(prompt, "[case:prod_fixed] Improve this draft: {{llm_a.text}}");
        QVERIFY(debug()->isStale("llm_b") && !debug()->isStale("llm_a"));
        auto *fromHere = m_window->findChild<QToolButton *>("button:runFromHere");
        QVERIFY(fromHere && fromHere->isEnabled());
        QCOMPARE(waitForRun([&] { QTest::mouseClick(fromHere, Qt::LeftButton); }), QStringLiteral("succeeded"));
        QCOMPARE(console()->answerText(), QStringLiteral("fixed answer"));
        QCOMPARE(asked(m_model, "prod_a").size(), 1);  // production's output was replayed
        QCOMPARE(asked(m_model, "prod_fixed"), QStringList{"[case:prod_fixed] Improve this draft: draft from production"});
        QVERIFY(marks("llm_a") & NodeItem::Replayed);
        shoot("replayed-run");
        doc()->undoStack()->setClean();
    }

    // A run older than the runtime's trace budget is listed without its trace: it opens with
    // its inputs, nothing is offered for replay, and the status bar says why.
    void aRunWhoseTraceIsNoLongerKeptOpensWithItsInputs()
    {
        const json answer = {{"app", "helpdesk"},
                             {"version", 1},
                             {"source", json::object()},
                             {"workflow", draftAndImprove("old_a", "old_b")},
                             {"run", {{"runId", "run-0ld"}, {"status", "failed"}, {"failedNode", "llm_b"},
                                      {"inputs", {{"inputs", {{"tone", "curt"}}}, {"query", "where is my parcel"}}},
                                      {"trace", nullptr}}}};
        QVERIFY(m_window->openDeployedRun("helpdesk", "run-0ld", QString::fromStdString(answer.dump())));
        QCOMPARE(console()->inputField("tone")->text(), QStringLiteral("curt"));
        QCOMPARE(console()->inputField("query")->text(), QStringLiteral("where is my parcel"));
        QVERIFY2(m_window->statusBar()->currentMessage().contains("no longer keeps") &&
                     m_window->statusBar()->currentMessage().contains("It failed at"),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QCOMPARE(m_window->scene()->selectedNodeIds(), std::set<std::string>{"llm_b"});
        QString why;
        QVERIFY(!debug()->canRunFrom("llm_b", &why));
        QVERIFY2(!why.isEmpty(), "Run From Here says why it cannot run");
        doc()->undoStack()->setClean();
    }
};

QTEST_MAIN(TestDebugRun)
#include "tst_debugrun.moc"
