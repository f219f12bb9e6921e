// The studio's main window, offscreen, driven by synthetic events on the real widgets:
// palette drops, port drags, delete and undo, copy and paste, inspector edits, and
// screenshots for review.
#include "app/language.h"
#include "app/theme.h"
#include "app/mainwindow.h"
#include "tests/support/trustedfile.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/graphview.h"
#include "widgets/canvas/minimap.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/document/commands.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/palettewidget.h"
#include "widgets/panels/promptedit.h"
#include "widgets/panels/nodestatusview.h"
#include "widgets/panels/runconsole.h"
#include "widgets/settings/keystore.h"
#include "widgets/settings/generalpage.h"
#include "widgets/settings/settingsdialog.h"
#include "widgets/panels/serverrequestdialog.h"
#include "tests/support/mockllm.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QJsonDocument>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;

class TestStudio : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    flowdeck::tests::MockLlm m_mock;
    QTemporaryDir m_config;

    QWidget *viewport() const { return m_window->view()->viewport(); }
    static QString writeWorkflow(const QTemporaryDir &dir, const nlohmann::json &wf)
    {
        QFile f(dir.filePath(QString::fromStdString(wf.value("id", "wf") + ".flow.json")));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QByteArray::fromStdString(wf.dump(2)));
        return f.fileName();
    }
    QPoint onScreen(const QPointF &scenePos) const { return m_window->view()->mapFromScene(scenePos); }
    std::size_t nodeCount() const { return m_window->document()->workflow().nodes.size(); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error), qPrintable(error));
        QFile f(m_config.filePath("profiles.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(m_mock.profilesJson()));
        f.close();
        qputenv("FLOWDECK_CONFIG_DIR", m_config.path().toUtf8());
        qputenv("FLOWDECK_NO_KEYCHAIN", "1");  // no desktop session: keys go to the 0600 file
        qputenv("XDG_CONFIG_HOME", m_config.filePath("xdg").toUtf8());  // QSettings (language, theme) stay here
    }

    void init()
    {
        qputenv("FLOWDECK_NO_RECOVERY_PROMPT", "1");
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->view()->setFocus();
        m_window->view()->resetTransform();
        m_window->view()->centerOn(280, 60);
    }

    void cleanup()
    {
        m_window->document()->undoStack()->setClean();  // no "save changes?" on close
        m_window.reset();
    }

    void droppingAPaletteEntryAddsTheNode()
    {
        PaletteWidget *palette = m_window->palette();
        palette->search()->setText("模板");  // the Chinese title finds it too
        QTreeWidgetItem *item = palette->itemForType("template");
        QVERIFY(item && !item->isHidden());
        std::unique_ptr<QMimeData> mime(palette->tree()->mimeData({item}));
        QVERIFY(mime);
        const QPoint at = onScreen(QPointF(300, 220));
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        const auto before = nodeCount();
        QApplication::sendEvent(viewport(), &drop);
        QCOMPARE(nodeCount(), before + 1);
        const auto &added = m_window->document()->workflow().nodes.back();
        QCOMPARE(added.type, std::string("template"));
        QVERIFY(std::abs(added.position[0] - 300) <= 20 && std::abs(added.position[1] - 220) <= 20);
        QVERIFY(m_window->scene()->nodeItem(QString::fromStdString(added.id)));
        QVERIFY(added.config.contains("template"));  // required fields start empty
        m_window->document()->undoStack()->undo();
        QCOMPARE(nodeCount(), before);
        QVERIFY(!m_window->scene()->nodeItem(QString::fromStdString(added.id)));
    }

    void draggingFromAPortConnects()
    {
        GraphDocument *doc = m_window->document();
        engine::NodeSpec extra;
        extra.id = "note";
        extra.type = "template";
        extra.position = {560, 200};
        extra.config = {{"template", "{{llm_1.text}}"}};
        doc->undoStack()->push(new AddNodeCommand(doc, extra));
        NodeItem *from = m_window->scene()->nodeItem("llm_1");
        NodeItem *to = m_window->scene()->nodeItem("note");
        QVERIFY(from && to);
        const QPoint start = onScreen(from->outputPortPos(""));
        const QPoint end = onScreen(to->sceneBoundingRect().center());
        const auto edges = doc->workflow().edges.size();
        QTest::mousePress(viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(viewport(), (start + end) / 2);
        QTest::mouseMove(viewport(), end);
        QTest::mouseRelease(viewport(), Qt::LeftButton, {}, end);
        QCOMPARE(doc->workflow().edges.size(), edges + 1);
        QCOMPARE(doc->workflow().edges.back().from, std::string("llm_1"));
        QCOMPARE(doc->workflow().edges.back().to, std::string("note"));
        QCOMPARE(m_window->scene()->edgeItems().size(), static_cast<qsizetype>(edges + 1));

        // The same drag again is refused with a message, not a second edge.
        QTest::mousePress(viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(viewport(), end);
        QTest::mouseRelease(viewport(), Qt::LeftButton, {}, end);
        QCOMPARE(doc->workflow().edges.size(), edges + 1);
    }

    void draggingANodeMovesItAsOneStep()
    {
        GraphDocument *doc = m_window->document();
        NodeItem *item = m_window->scene()->nodeItem("llm_1");
        const QPoint grab = onScreen(item->sceneBoundingRect().center() + QPointF(-40, 0));
        const auto steps = doc->undoStack()->count();
        QTest::mousePress(viewport(), Qt::LeftButton, {}, grab);
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(viewport(), grab + QPoint(0, 20 * i));
        QTest::mouseRelease(viewport(), Qt::LeftButton, {}, grab + QPoint(0, 100));
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QVERIFY(doc->node("llm_1")->position[1] >= 80);
        QCOMPARE(static_cast<int>(doc->node("llm_1")->position[1]) % 20, 0);  // snapped to the grid
    }

    void deleteThenUndoRestoresNodeAndEdges()
    {
        GraphDocument *doc = m_window->document();
        const std::string before = doc->toText();
        m_window->scene()->selectNodes({"llm_1"});
        QTest::keyClick(m_window->view(), Qt::Key_Delete);
        QVERIFY(!doc->node("llm_1"));
        QCOMPARE(doc->workflow().edges.size(), std::size_t(0));  // both of its edges went with it
        QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->toText(), before);
        QVERIFY(m_window->scene()->nodeItem("llm_1"));
        QCOMPARE(m_window->scene()->edgeItems().size(), 2);
        QTest::keyClick(m_window->view(), Qt::Key_Y, Qt::ControlModifier);
        QVERIFY(!doc->node("llm_1"));
        QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!doc->node("llm_1"));
    }

    void copyAndPaste()
    {
        GraphDocument *doc = m_window->document();
        m_window->scene()->selectNodes({"llm_1", "answer_1"});
        QTest::keyClick(m_window->view(), Qt::Key_C, Qt::ControlModifier);
        const auto before = nodeCount(), edges = doc->workflow().edges.size();
        QTest::keyClick(m_window->view(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(nodeCount(), before + 2);
        QCOMPARE(doc->workflow().edges.size(), edges + 1);  // the edge between the two came along
        QVERIFY(doc->node("llm_2") && doc->node("answer_2"));
        QCOMPARE(m_window->scene()->selectedNodeIds(), (std::set<std::string>{"llm_2", "answer_2"}));
        QTest::keyClick(m_window->view(), Qt::Key_D, Qt::ControlModifier);  // duplicate the pasted pair
        QCOMPARE(nodeCount(), before + 4);
    }

    void editingAnInspectorFieldChangesTheDocument()
    {
        GraphDocument *doc = m_window->document();
        m_window->scene()->selectNodes({"llm_1"});
        QCOMPARE(m_window->inspector()->nodeId(), QStringLiteral("llm_1"));
        auto *prompt = qobject_cast<QPlainTextEdit *>(m_window->inspector()->editorFor("prompt"));
        QVERIFY(prompt);
        prompt->setFocus();
        prompt->moveCursor(QTextCursor::End);
        QTest::keyClicks(prompt, " briefly");
        prompt->insertPlainText(" 请简短回答");
        QCOMPARE(doc->node("llm_1")->config["prompt"], nlohmann::json("{{sys.query}} briefly 请简短回答"));
        const auto steps = doc->undoStack()->count();
        QCOMPARE(steps, 1);  // typing merged into one step
        doc->undoStack()->undo();
        QCOMPARE(doc->node("llm_1")->config["prompt"], nlohmann::json("{{sys.query}}"));
        QCOMPARE(qobject_cast<QPlainTextEdit *>(m_window->inspector()->editorFor("prompt"))->toPlainText(),
                 QStringLiteral("{{sys.query}}"));  // the form follows undo
    }

    void runningShowsTheStreamedAnswerAndNodeStatuses()
    {
        QVERIFY(m_window->openFile(flowdeck::tests::trusted(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/hello-chat.flow.json"))));
        RunConsole *console = m_window->console();
        const int mock = console->profileBox()->findData("mock");
        QVERIFY(mock > 0);
        console->profileBox()->setCurrentIndex(mock);
        QLineEdit *message = console->inputField("query");
        QVERIFY(message);
        QTest::keyClicks(message, "hello");
        QSignalSpy finished(console, &RunConsole::finished);
        QTest::mouseClick(console->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(console->lastStatus(), QStringLiteral("succeeded"));
        QVERIFY2(!console->answerText().isEmpty(), "no answer streamed");
        QVERIFY(console->answerView()->toPlainText().contains(console->answerText().left(10).trimmed()));
        for (const auto &n : m_window->document()->workflow().nodes) {
            NodeItem *item = m_window->scene()->nodeItem(QString::fromStdString(n.id));
            QVERIFY(item);
            QVERIFY2(item->runStatus() == "done", qPrintable(QString::fromStdString(n.id) + ": " + item->runStatus()));
        }
        // One row per node with its latest status and time, then the whole run's row.
        NodeStatusView *nodes = console->trace();
        QCOMPARE(nodes->topLevelItemCount(), int(m_window->document()->workflow().nodes.size()) + 1);
        QTreeWidgetItem *reply = nodes->row("reply");
        QVERIFY(reply);
        QCOMPARE(reply->text(NodeStatusView::StatusColumn), NodeStatusView::statusText("done"));
        QVERIFY2(QRegularExpression("^\\d+ ms$").match(reply->text(NodeStatusView::TimeColumn)).hasMatch(),
                 qPrintable(reply->text(NodeStatusView::TimeColumn)));
        nodes->setCurrentItem(reply);  // a node's finish: its outputs
        QVERIFY2(console->eventView()->toPlainText().contains("\"outputs\""), qPrintable(console->eventView()->toPlainText()));

        // A workflow that cannot compile says why instead of running.
        m_window->document()->undoStack()->push(new ConnectCommand(m_window->document(), {"start", "start", ""}));
        QSignalSpy again(console, &RunConsole::finished);
        QTest::keyClick(m_window->view(), Qt::Key_F5);
        QCOMPARE(again.count(), 1);
        QCOMPARE(console->lastStatus(), QStringLiteral("invalid"));
        QVERIFY(console->answerView()->toPlainText().contains("cannot run"));
    }

    void miniMapShowsAndMovesTheView()
    {
        MiniMap *map = m_window->view()->miniMap();
        QVERIFY(map->isVisible());
        QTRY_VERIFY(!map->visibleArea().isEmpty());
        const QPointF before = m_window->view()->mapToScene(m_window->view()->viewport()->rect().center());
        QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(5, 5));
        const QPointF after = m_window->view()->mapToScene(m_window->view()->viewport()->rect().center());
        QVERIFY(QLineF(before, after).length() > 50);  // the canvas moved to the corner clicked
    }

    void modelPickerListsTheDeclaredModels()
    {
        GraphDocument *doc = m_window->document();
        engine::Workflow wf = doc->workflow();
        wf.models["fast"] = {{"profile", "mock"}, {"model", "mock-model"}};
        doc->reset(wf);
        m_window->scene()->selectNodes({"llm_1"});
        QWidget *field = m_window->inspector()->editorFor("model");  // the names, then "Provider…"
        QVERIFY(field);
        auto *picker = field->findChild<QComboBox *>();
        QVERIFY(picker);
        QVERIFY(field->findChild<QPushButton *>("modelProvider"));
        QCOMPARE(picker->count(), 2);
        QCOMPARE(picker->currentData().toString(), QStringLiteral("default"));  // the schema's default
        picker->setCurrentIndex(picker->findData("fast"));
        QCOMPARE(doc->node("llm_1")->config["model"], nlohmann::json("fast"));
    }

    void promptEditorCompletesReferences()
    {
        m_window->scene()->selectNodes({"answer_1"});
        auto *edit = qobject_cast<PromptEdit *>(m_window->inspector()->editorFor("text"));
        QVERIFY(edit);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, "Reply: {{");
        QVERIFY(edit->completer()->popup()->isVisible());
        QStringList offered;
        for (int i = 0; i < edit->completer()->completionModel()->rowCount(); ++i)
            offered << edit->completer()->completionModel()->index(i, 0).data().toString();
        QVERIFY2(offered.contains("llm_1.text") && offered.contains("sys.query"), qPrintable(offered.join(", ")));
        QVERIFY(!offered.contains("answer_1.text"));  // not itself, nor anything after it
        QTest::keyClicks(edit, "llm_1.te");
        QCOMPARE(edit->completer()->completionCount(), 1);
        QAbstractItemView *popup = edit->completer()->popup();
        popup->setCurrentIndex(edit->completer()->completionModel()->index(0, 0));
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(edit->toPlainText(), QStringLiteral("Reply: {{llm_1.text}}"));
        QCOMPARE(m_window->document()->node("answer_1")->config["text"], nlohmann::json("Reply: {{llm_1.text}}"));
    }

    void anMcpToolFromThePaletteRuns()
    {
        QTemporaryDir dir;
        const std::string peers = FLOWDECK_SOURCE_DIR "/tests/peers/node_modules/.bin/";
        const nlohmann::json wf = {
            {"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "echo"}, {"name", "Echo through MCP"},
            {"mode", "workflow"}, {"inputs", {{{"name", "text"}, {"required", true}}}},
            {"plugins", {{"everything", {{"command", peers + "mcp-server-everything"}, {"args", {"stdio"}}}}}},
            {"nodes", {{{"id", "start"}, {"type", "start"}, {"position", {0, 0}}},
                       {{"id", "end"}, {"type", "end"}, {"position", {600, 0}},
                        {"config", {{"outputs", {{"echoed", "{{mcp_tool_1.text}}"}}}}}}}},
            {"edges", nlohmann::json::array()}};
        QVERIFY(m_window->openFile(flowdeck::tests::trusted(writeWorkflow(dir, wf))));
        PaletteWidget *palette = m_window->palette();
        QTRY_VERIFY_WITH_TIMEOUT(palette->itemForTool("everything", "echo"), 20000);

        std::unique_ptr<QMimeData> mime(palette->tree()->mimeData({palette->itemForTool("everything", "echo")}));
        QDragEnterEvent enter(onScreen(QPointF(300, 0)), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &enter);
        QDropEvent drop(onScreen(QPointF(300, 0)), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &drop);
        GraphDocument *doc = m_window->document();
        const auto *tool = doc->node("mcp_tool_1");
        QVERIFY(tool);
        QCOMPARE(tool->config["server"], nlohmann::json("everything"));
        QCOMPARE(tool->config["tool"], nlohmann::json("echo"));
        doc->undoStack()->push(new SetConfigFieldCommand(doc, "mcp_tool_1", "/arguments", {{"message", "{{start.text}}"}}));
        doc->undoStack()->push(new ConnectCommand(doc, {"start", "mcp_tool_1", ""}));
        doc->undoStack()->push(new ConnectCommand(doc, {"mcp_tool_1", "end", ""}));

        RunConsole *console = m_window->console();
        console->inputField("text")->setText("hi from the studio");
        QSignalSpy finished(console, &RunConsole::finished);
        QTest::mouseClick(console->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY2(console->lastStatus() == "succeeded", qPrintable(console->answerView()->toPlainText()));
        const auto outputs = nlohmann::json::parse(console->lastOutputs().toStdString());
        QCOMPARE(outputs["echoed"], nlohmann::json("Echo: hi from the studio"));
        QCOMPARE(m_window->scene()->nodeItem("mcp_tool_1")->runStatus(), QStringLiteral("done"));
        QVERIFY(console->answerView()->toPlainText().contains("Echo: hi from the studio"));
    }

    void samplingAndElicitationAreAskedOfTheUser()
    {
        QTemporaryDir dir;
        const std::string peers = FLOWDECK_SOURCE_DIR "/tests/peers/node_modules/.bin/";
        const nlohmann::json wf = {
            {"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "ask"}, {"name", "Ask the user"},
            {"mode", "workflow"},
            {"plugins", {{"everything", {{"command", peers + "mcp-server-everything"}, {"args", {"stdio"}}}}}},
            {"nodes", {{{"id", "start"}, {"type", "start"}, {"position", {0, 0}}},
                       {{"id", "sample"}, {"type", "mcp.tool"}, {"position", {280, 0}},
                        {"config", {{"server", "everything"}, {"tool", "trigger-sampling-request"},
                                    {"arguments", {{"prompt", "Say hi"}, {"maxTokens", 20}}}}}},
                       {{"id", "elicit"}, {"type", "mcp.tool"}, {"position", {560, 0}},
                        {"config", {{"server", "everything"}, {"tool", "trigger-elicitation-request"}, {"arguments", nlohmann::json::object()}}}},
                       {{"id", "end"}, {"type", "end"}, {"position", {840, 0}},
                        {"config", {{"outputs", {{"sampled", "{{sample.text}}"}, {"elicited", "{{elicit.text}}"}}}}}}}},
            {"edges", {{{"from", "start"}, {"to", "sample"}}, {{"from", "sample"}, {"to", "elicit"}}, {{"from", "elicit"}, {"to", "end"}}}}};
        QVERIFY(m_window->openFile(flowdeck::tests::trusted(writeWorkflow(dir, wf))));
        RunConsole *console = m_window->console();
        QSignalSpy finished(console, &RunConsole::finished);
        QTest::mouseClick(console->runButton(), Qt::LeftButton);

        auto visibleDialog = [this]() -> ServerRequestDialog * {
            for (auto *d : m_window->findChildren<ServerRequestDialog *>("serverRequest"))
                if (d->isVisible())
                    return d;
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(visibleDialog(), 20000);
        ServerRequestDialog *sampling = visibleDialog();
        QVERIFY(sampling->answerEdit());
        QVERIFY(sampling->findChildren<QPlainTextEdit *>().front()->toPlainText().contains("Say hi"));  // the messages
        QTest::keyClicks(sampling->answerEdit(), "hello from the person at the keyboard");
        sampling->acceptRequest();

        QTRY_VERIFY_WITH_TIMEOUT(visibleDialog() && visibleDialog() != sampling, 20000);
        ServerRequestDialog *form = visibleDialog();
        auto *name = form->findChild<QLineEdit *>("field:name");
        QVERIFY(name);
        QCOMPARE(form->findChild<QLineEdit *>("field:firstLine")->text(), QStringLiteral("It was a dark and stormy night."));
        name->setText("Ada");
        form->acceptRequest();

        QVERIFY(finished.wait(20000));
        QVERIFY2(console->lastStatus() == "succeeded", qPrintable(console->answerView()->toPlainText()));
        const auto outputs = nlohmann::json::parse(console->lastOutputs().toStdString());
        QVERIFY2(outputs["sampled"].get<std::string>().find("hello from the person at the keyboard") != std::string::npos,
                 outputs.dump().c_str());
        QVERIFY2(outputs["elicited"].get<std::string>().find("Name: Ada") != std::string::npos, outputs.dump().c_str());
    }

    void providerSettingsKeepTheKeyAndTestTheConnection()
    {
        m_window->openSettings();
        auto *dialog = m_window->findChild<SettingsDialog *>("settings");
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QListWidget *>()->count() >= 10);  // the presets
        dialog->newProfile();
        dialog->field("name")->setText("mine");
        dialog->field("baseUrl")->setText(QString::fromStdString(m_mock.baseUrl()));
        dialog->field("defaultModel")->setText("mock-model");
        dialog->field("apiKeySecret")->setText("MINE_KEY");
        dialog->field("apiKey")->setText("sk-test-123");
        QSignalSpy saved(dialog, &SettingsDialog::saved);
        dialog->saveProfile();
        QVERIFY(saved.count() == 1 || saved.wait(5000));
        QVERIFY(saved.front().front().toBool());
        QVERIFY2(dialog->status()->text().contains("No system keychain"), qPrintable(dialog->status()->text()));
        QVERIFY(dialog->field("apiKey")->text().isEmpty());  // the key does not linger in the form

        QFile profiles(m_config.filePath("profiles.json"));
        QVERIFY(profiles.open(QIODevice::ReadOnly));
        const auto stored = nlohmann::json::parse(profiles.readAll().toStdString());
        QCOMPARE(stored["profiles"]["mine"]["apiKeySecret"], nlohmann::json("MINE_KEY"));
        QVERIFY(stored["profiles"].contains("mock"));  // what was there stays
        QVERIFY(stored.dump().find("sk-test-123") == std::string::npos);
        QFile secrets(m_config.filePath("secrets.json"));
        QCOMPARE(secrets.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QVERIFY(secrets.open(QIODevice::ReadOnly));
        QVERIFY(secrets.readAll().contains("sk-test-123"));
        QVERIFY(m_window->console()->profileBox()->findData("mine") >= 0);

        QSignalSpy tested(dialog, &SettingsDialog::tested);
        dialog->testConnection();
        QVERIFY(tested.wait(15000));
        QVERIFY2(tested.front().front().toBool(), qPrintable(dialog->status()->text()));
        QVERIFY(dialog->status()->text().contains("Connected"));
        dialog->field("baseUrl")->setText("http://127.0.0.1:1/v1");
        dialog->testConnection();
        QVERIFY(tested.wait(15000));
        QVERIFY(!tested.back().front().toBool());
        dialog->field("baseUrl")->setText("not a url");
        dialog->saveProfile();
        QVERIFY(!saved.back().front().toBool());
        QVERIFY(dialog->status()->text().contains("http://"));
        dialog->close();
    }

    void validationProblemsShowOnTheirNodes()
    {
        GraphDocument *doc = m_window->document();
        m_window->scene()->revalidate();
        QVERIFY(m_window->scene()->nodeItem("llm_1")->toolTip().contains("LLM"));  // no problem: the title
        doc->undoStack()->push(new SetConfigFieldCommand(doc, "answer_1", "/text", "{{nowhere.text}}"));
        QSignalSpy validated(m_window->scene(), &GraphScene::validated);
        QVERIFY(validated.wait(3000));
        QVERIFY(validated.front().front().toInt() >= 1);
        const QString problem = m_window->scene()->nodeItem("answer_1")->toolTip();
        QVERIFY2(problem.contains("nowhere"), qPrintable(problem));
        doc->undoStack()->undo();
        QVERIFY(validated.wait(3000));
        QVERIFY(!m_window->scene()->nodeItem("answer_1")->toolTip().contains("nowhere"));
    }

    void themeAndLanguageAreChosenInSettings()
    {
        m_window->openSettings();
        auto *dialog = m_window->findChild<SettingsDialog *>("settings");
        QVERIFY(dialog);
        dialog->tabs()->setCurrentIndex(1);
        QComboBox *theme = dialog->general()->theme();
        theme->setCurrentIndex(theme->findData("dark"));
        emit theme->activated(theme->currentIndex());
        QCOMPARE(themeSetting(), QStringLiteral("dark"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openFile(flowdeck::tests::trusted(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/order-triage.flow.json"))));
        QApplication::processEvents();
        const QImage shot = m_window->grab().toImage();
        const QPoint canvasCorner = m_window->view()->mapTo(m_window.get(), QPoint(4, 4));
        QVERIFY2(shot.pixelColor(canvasCorner).lightness() < 80, "the canvas is drawn dark");
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        QVERIFY(shot.save(QDir(out).filePath("studio-main-window-dark.png")));

        theme->setCurrentIndex(theme->findData("light"));
        emit theme->activated(theme->currentIndex());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QApplication::processEvents();
        QVERIFY(m_window->grab().toImage().pixelColor(canvasCorner).lightness() > 180);

        QComboBox *language = dialog->general()->language();
        language->setCurrentIndex(language->findData("zh_CN"));
        emit language->activated(language->currentIndex());
        QCOMPARE(languageSetting(), QStringLiteral("zh_CN"));
        QVERIFY(dialog->general()->note().contains("next time"));
        setLanguageSetting({});
        setThemeSetting({});
    }

    void screenshotsForReview()
    {
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        for (const char *language : {"en", "zh_CN"}) {
            QCOMPARE(installTranslations(QString::fromLatin1(language)), QString::fromLatin1(language));
            MainWindow window;
            QCOMPARE(window.menuBar()->actions().front()->text(),
                     language == std::string("en") ? QStringLiteral("&File") : QStringLiteral("文件(&F)"));
            window.resize(1400, 860);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openFile(flowdeck::tests::trusted(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/order-triage.flow.json"))));
            window.console()->inputField("note")->setText(language == std::string("en") ? "Rush order, 3 pallets" : "加急订单，三托盘");
            window.scene()->selectNodes({"size"});
            QTRY_VERIFY(!window.view()->miniMap()->visibleArea().isEmpty());  // the overview has been drawn
            QApplication::processEvents();
            const QString file = QDir(out).filePath(QStringLiteral("studio-main-window-%1.png").arg(language));
            QVERIFY(window.grab().save(file));
            QVERIFY(QFileInfo(file).size() > 10000);
        }
        installTranslations("en");
    }
};

QTEST_MAIN(TestStudio)
#include "tst_studio.moc"
