// The Plugins dialog and the inspector's plugin editors, offscreen, on the real widgets:
// adding servers from the catalog (with a real npm install), importing an mcpServers
// file, status, tools and errors of each server, and the tool picker's argument form
// over the tools of the real server-everything.
#include "engine/mcp/plugincatalog.h"
#include "engine/mcp/plugininstall.h"
#include "app/language.h"
#include "app/mainwindow.h"
#include "tests/support/trustedfile.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/document/commands.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/palettewidget.h"
#include "widgets/panels/promptedit.h"
#include "widgets/panels/runconsole.h"
#include "widgets/plugins/catalogpage.h"
#include "widgets/plugins/pluginsdialog.h"
#include "widgets/run/serverdirectory.h"

#include <QApplication>
#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;

namespace {

const std::string kPeers = FLOWDECK_SOURCE_DIR "/tests/peers/node_modules/.bin/";

nlohmann::json everythingWorkflow()
{
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "tools"}, {"name", "Tools"},
            {"mode", "workflow"}, {"inputs", {{{"name", "text"}, {"required", true}}}},
            {"plugins", {{"everything", {{"command", kPeers + "mcp-server-everything"}, {"args", {"stdio"}}}}}},
            {"nodes", {{{"id", "start"}, {"type", "start"}, {"position", {0, 0}}},
                       {{"id", "call"}, {"type", "mcp.tool"}, {"position", {300, 0}},
                        {"config", {{"server", "everything"}, {"tool", "echo"}, {"arguments", nlohmann::json::object()}}}},
                       {{"id", "end"}, {"type", "end"}, {"position", {600, 0}},
                        {"config", {{"outputs", {{"result", "{{call.text}}"}}}}}}}},
            {"edges", {{{"from", "start"}, {"to", "call"}}, {{"from", "call"}, {"to", "end"}}}}};
}

} // namespace

class TestPlugins : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_config, m_installs, m_files;

    QString writeFile(const QString &name, const std::string &text)
    {
        QFile f(m_files.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QByteArray::fromStdString(text));
        return f.fileName();
    }
    GraphDocument *doc() const { return m_window->document(); }
    static void saveShot(QWidget *widget, const QString &name)
    {
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        QTest::qWait(100);  // widgets added to a shown layout are shown on a later turn of the event loop
        QVERIFY(widget->grab().save(QDir(out).filePath(name)));
    }
    QWidget *inspectorField(const QString &objectName) const { return m_window->inspector()->findChild<QWidget *>(objectName); }

private slots:
    void initTestCase()
    {
        qputenv("FLOWDECK_CONFIG_DIR", m_config.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_config.filePath("xdg").toUtf8());  // QSettings (recent files, trust) stay here
        qputenv("FLOWDECK_NO_KEYCHAIN", "1");
        qputenv("FLOWDECK_PLUGIN_DIR", m_installs.path().toUtf8());
        qputenv("FLOWDECK_NO_RECOVERY_PROMPT", "1");
        QCOMPARE(installTranslations("en"), QStringLiteral("en"));  // English plural forms: "1 tool", "9 tools"
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window->document()->undoStack()->setClean();
        m_window.reset();
    }

    void catalogServerIsInstalledAddedAndListed()
    {
        PluginsDialog *dialog = m_window->openPlugins();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->tabs()->currentIndex(), 1);  // no plugins yet: the catalog comes first
        CatalogPage *catalog = dialog->catalog();
        catalog->search()->setText(QStringLiteral("记忆"));  // Chinese search finds the memory server
        QCOMPARE(catalog->selectedId(), QStringLiteral("memory"));
        QCOMPARE(catalog->installButton()->text(), QObject::tr("&Install"));

        // A real npm install into the plugin folder, with progress on the way.
        QSignalSpy installed(catalog, &CatalogPage::installed);
        QTest::mouseClick(catalog->installButton(), Qt::LeftButton);
        QVERIFY(catalog->statusText().contains("npm install") || catalog->statusText().contains("Installing"));
        QVERIFY(installed.wait(180000));
        QVERIFY2(installed.front().front().toBool(), qPrintable(catalog->statusText()));
        QVERIFY(catalog->statusText().startsWith("Installed @modelcontextprotocol/server-memory@2026.8.31"));
        engine::PluginCatalog plugins;
        plugins.loadDirectory(engine::PluginCatalog::defaultDirectory());
        const auto exe = engine::installedExecutable(*plugins.find("memory"), m_installs.path().toStdString());
        QVERIFY(!exe.empty());
        QVERIFY(!QDir(m_installs.path()).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot).join(",").contains("staging"));

        // Added under its own name; its server starts (from the install) and lists its tools.
        catalog->field("MEMORY_FILE_PATH")->setText(m_files.filePath("memory.jsonl"));
        QTest::mouseClick(catalog->addButton(), Qt::LeftButton);
        const auto &entry = doc()->workflow().plugins["memory"];
        QCOMPARE(entry["catalog"], nlohmann::json("memory"));
        QCOMPARE(entry["env"]["MEMORY_FILE_PATH"], nlohmann::json(m_files.filePath("memory.jsonl").toStdString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->palette()->itemForTool("memory", "read_graph"), 30000);
        dialog->tabs()->setCurrentIndex(0);
        dialog->selectPlugin("memory");
        QTRY_COMPARE(dialog->pluginList()->currentItem()->text(), QStringLiteral("memory — 9 tools"));
        QVERIFY(!dialog->toolList()->findItems("create_entities", Qt::MatchExactly).isEmpty());
        saveShot(dialog, "plugins-dialog.png");
        dialog->tabs()->setCurrentIndex(1);
        saveShot(dialog, "plugins-catalog.png");
        dialog->tabs()->setCurrentIndex(0);

        // Removing is one undoable step; the palette follows.
        QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
        QVERIFY(!doc()->workflow().plugins.contains("memory"));
        QVERIFY(!m_window->palette()->itemForTool("memory", "read_graph"));
        QCOMPARE(dialog->pluginList()->count(), 0);
        doc()->undoStack()->undo();
        QVERIFY(doc()->workflow().plugins.contains("memory"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->palette()->itemForTool("memory", "read_graph"), 30000);
        QCOMPARE(dialog->pluginList()->count(), 1);
    }

    void failedInstallLeavesNothingBehind()
    {
        CatalogPage *catalog = m_window->openPlugins()->catalog();
        catalog->select("redis");  // not in npm's cache, and npm is told to stay offline
        qputenv("npm_config_offline", "true");
        QSignalSpy installed(catalog, &CatalogPage::installed);
        QTest::mouseClick(catalog->installButton(), Qt::LeftButton);
        QVERIFY(installed.wait(120000));
        qunsetenv("npm_config_offline");
        QCOMPARE(installed.front().front().toBool(), false);
        QVERIFY2(catalog->statusText().contains("npm could not install @modelcontextprotocol/server-redis"),
                 qPrintable(catalog->statusText()));
        QVERIFY(QDir(m_installs.path()).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot).filter("redis").isEmpty());
        QCOMPARE(catalog->installButton()->text(), QObject::tr("&Install"));
    }

    void requiredSettingsAreAskedFor()
    {
        CatalogPage *catalog = m_window->openPlugins()->catalog();
        catalog->select("filesystem");
        QTest::mouseClick(catalog->addButton(), Qt::LeftButton);
        QVERIFY2(catalog->statusText().contains("ALLOWED_DIRECTORIES"), qPrintable(catalog->statusText()));
        QVERIFY(!doc()->workflow().plugins.contains("filesystem"));
        catalog->field("ALLOWED_DIRECTORIES")->setText(m_files.path() + "; /tmp");
        catalog->field("alias")->setText("files");
        QTest::mouseClick(catalog->addButton(), Qt::LeftButton);
        QCOMPARE(doc()->workflow().plugins["files"]["settings"]["ALLOWED_DIRECTORIES"],
                 nlohmann::json({m_files.path().toStdString(), "/tmp"}));
        catalog->field("alias")->setText("files");  // a name already taken is refused
        QTest::mouseClick(catalog->addButton(), Qt::LeftButton);
        QVERIFY(catalog->statusText().contains("already has a plugin named 'files'"));
    }

    void importedServersShowStatusToolsAndErrors()
    {
        const nlohmann::json file = {{"mcpServers",
                                      {{"everything", {{"command", kPeers + "mcp-server-everything"}, {"args", {"stdio"}}}},
                                       {"remote", {{"url", "http://127.0.0.1:9/mcp"}, {"headers", {{"Authorization", "Bearer sk-imported-secret"}}}}}}}};
        PluginsDialog *dialog = m_window->openPlugins();
        QVERIFY(!dialog->importFile(writeFile("broken.json", "{\"mcpServers\": ")));
        QVERIFY(dialog->statusText().contains("was not imported"));
        QVERIFY(dialog->importFile(writeFile("claude_desktop_config.json", file.dump())));
        QCOMPARE(dialog->tabs()->currentIndex(), 0);
        QVERIFY(doc()->workflow().plugins.contains("everything"));
        QVERIFY(doc()->workflow().plugins.contains("remote"));
        QVERIFY(doc()->toText().find("sk-imported-secret") == std::string::npos);  // the secret is not in the workflow
        QVERIFY(dialog->statusText().contains("1 secret"));
        QCOMPARE(doc()->undoStack()->count(), 1);  // one step for the whole import

        dialog->selectPlugin("everything");
        QTRY_VERIFY2_WITH_TIMEOUT(dialog->pluginList()->currentItem()->text().contains("16 tools"),
                                  qPrintable(dialog->pluginList()->currentItem()->text() + " " + dialog->errorText()), 30000);
        QVERIFY(!dialog->toolList()->findItems("get-sum", Qt::MatchExactly).isEmpty());
        dialog->selectPlugin("remote");
        QTRY_VERIFY_WITH_TIMEOUT(dialog->pluginList()->currentItem()->text().contains("not available"), 30000);
        QVERIFY(!dialog->errorText().isEmpty());

        // Importing the same file again keeps both copies apart.
        QVERIFY(dialog->importFile(m_files.filePath("claude_desktop_config.json")));
        QVERIFY(doc()->workflow().plugins.contains("everything_2"));
    }

    void toolPickerBuildsTheArgumentForm()
    {
        QFile f(m_files.filePath("tools.flow.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(everythingWorkflow().dump(2)));
        f.close();
        QVERIFY(m_window->openFile(flowdeck::tests::trusted(f.fileName())));
        m_window->scene()->selectNodes({"call"});
        QTRY_VERIFY_WITH_TIMEOUT(inspectorField("argument:message"), 30000);  // the server listed its tools
        auto *box = qobject_cast<QComboBox *>(inspectorField("toolBox"));
        QVERIFY(box);
        QVERIFY(box->findData("get-sum") >= 0);
        QCOMPARE(box->currentData().toString(), QStringLiteral("echo"));

        auto *message = qobject_cast<PromptEdit *>(inspectorField("argument:message"));
        message->setFocus();
        QTest::keyClicks(message, "{{sta");
        QTRY_VERIFY(message->completer()->popup()->isVisible());  // references complete in arguments too
        QCOMPARE(message->completer()->completionCount(), 1);
        message->completer()->popup()->setCurrentIndex(message->completer()->completionModel()->index(0, 0));
        QTest::keyClick(message->completer()->popup(), Qt::Key_Return);
        QVERIFY2(doc()->node("call")->config["arguments"]["message"] == nlohmann::json("{{start.text}}"),
                 doc()->node("call")->config.dump().c_str());

        // Another tool: its own form; arguments it does not take are dropped in the same step.
        emit box->activated(box->findData("get-sum"));
        QTRY_VERIFY(inspectorField("argument:a"));
        QCOMPARE(doc()->node("call")->config["tool"], nlohmann::json("get-sum"));
        QCOMPARE(doc()->node("call")->config["arguments"], nlohmann::json::object());
        qobject_cast<PromptEdit *>(inspectorField("argument:a"))->insertPlainText("2");
        qobject_cast<PromptEdit *>(inspectorField("argument:b"))->insertPlainText("3.5");
        QCOMPARE(doc()->node("call")->config["arguments"], nlohmann::json({{"a", 2}, {"b", 3.5}}));  // numbers, not text
        saveShot(m_window->inspector(), "inspector-tool-picker.png");
        auto *b = qobject_cast<PromptEdit *>(inspectorField("argument:b"));
        b->selectAll();
        b->insertPlainText("three");  // not a number: marked, not written
        QVERIFY(b->styleSheet().contains("#d93f3f"));
        QCOMPARE(doc()->node("call")->config["arguments"]["b"], nlohmann::json(3.5));

        doc()->undoStack()->undo();  // b
        doc()->undoStack()->undo();  // a
        doc()->undoStack()->undo();  // the tool choice
        QCOMPARE(doc()->node("call")->config["tool"], nlohmann::json("echo"));
        QCOMPARE(doc()->node("call")->config["arguments"]["message"], nlohmann::json("{{start.text}}"));
    }

    void toolProgressShowsInTheRunLog()
    {
        nlohmann::json wf = everythingWorkflow();
        wf["nodes"][1]["config"] = {{"server", "everything"}, {"tool", "trigger-long-running-operation"},
                                    {"arguments", {{"duration", 0.4}, {"steps", 2}}}};
        QFile f(m_files.filePath("progress.flow.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(wf.dump(2)));
        f.close();
        QVERIFY(m_window->openFile(flowdeck::tests::trusted(f.fileName())));
        RunConsole *console = m_window->console();
        console->inputField("text")->setText("go");
        QSignalSpy finished(console, &RunConsole::finished);
        QTest::mouseClick(console->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(console->lastStatus(), QStringLiteral("succeeded"));
        const QString log = console->logView()->toPlainText();
        QVERIFY2(log.contains("[info] call: progress 1 of 2") && log.contains("progress 2 of 2"), qPrintable(log));
    }

    void conditionBuilderEditsCasesAndPorts()
    {
        engine::NodeSpec node;
        node.id = "route";
        node.type = "condition";
        node.position = {300, 200};
        node.config = {{"cases", {{{"id", "big"}, {"conditions", {{{"left", "{{sys.query}}"}, {"op", "contains"}, {"right", "urgent"}}}}}}}};
        doc()->undoStack()->push(new AddNodeCommand(doc(), node));
        m_window->scene()->selectNodes({"route"});
        QWidget *big = inspectorField("case:big");
        QVERIFY(big);
        QCOMPARE(qobject_cast<PromptEdit *>(big->findChild<QWidget *>("left"))->toPlainText(), QStringLiteral("{{sys.query}}"));
        QCOMPARE(qobject_cast<QComboBox *>(big->findChild<QWidget *>("op"))->currentData().toString(), QStringLiteral("contains"));

        // A second condition, compared as a number.
        QTest::mouseClick(big->findChild<QPushButton *>("addCondition"), Qt::LeftButton);
        QTRY_VERIFY(inspectorField("case:big") && inspectorField("case:big")->findChild<QWidget *>("condition:1"));
        QWidget *second = inspectorField("case:big")->findChild<QWidget *>("condition:1");
        auto *op = qobject_cast<QComboBox *>(second->findChild<QWidget *>("op"));
        op->setCurrentIndex(op->findData("gt"));
        emit op->activated(op->currentIndex());
        auto *right = qobject_cast<QLineEdit *>(second->findChild<QWidget *>("right"));
        qobject_cast<PromptEdit *>(second->findChild<QWidget *>("left"))->insertPlainText("{{sys.user}}");
        right->setFocus();
        QTest::keyClicks(right, "10");
        const nlohmann::json condition = doc()->node("route")->config["cases"][0]["conditions"][1];
        QCOMPARE(condition, nlohmann::json({{"left", "{{sys.user}}"}, {"op", "gt"}, {"right", 10}}));
        auto *logic = qobject_cast<QComboBox *>(inspectorField("case:big")->findChild<QWidget *>("logic"));
        logic->setCurrentIndex(1);
        emit logic->activated(1);
        QCOMPARE(doc()->node("route")->config["cases"][0]["logic"], nlohmann::json("or"));
        saveShot(m_window->inspector(), "inspector-condition-builder.png");

        // A second case is a new port; removing it takes its connections with it, in one step.
        QTest::mouseClick(inspectorField("field:cases")->findChild<QPushButton *>("addCase"), Qt::LeftButton);
        QTRY_VERIFY(inspectorField("case:case_2"));
        doc()->undoStack()->push(new ConnectCommand(doc(), {"route", "answer_1", "case_2"}));
        m_window->scene()->selectNodes({"route"});
        QTRY_VERIFY(inspectorField("case:case_2"));
        const std::string before = doc()->toText();
        QTest::mouseClick(inspectorField("case:case_2")->findChild<QToolButton *>("removeCase"), Qt::LeftButton);
        QTRY_VERIFY(!inspectorField("case:case_2"));
        QCOMPARE(doc()->node("route")->config["cases"].size(), std::size_t(1));
        for (const auto &e : doc()->workflow().edges)
            QVERIFY(e.fromPort != "case_2");
        doc()->undoStack()->undo();
        QCOMPARE(doc()->toText(), before);
    }
};


QTEST_MAIN(TestPlugins)
#include "tst_plugins.moc"
