// The inspector's editors for the code, classifier, extractor and list nodes (DESIGN.md
// §3, §7), driven through real widgets offscreen: code typed with its indentation and
// colours, inputs and outputs added and checked, every edit one undo step; the code run
// once with sample input in the real sandbox (Python and JavaScript), prefilled from the
// run console's last run, and stopped by a small time limit; classes added, moved and
// removed with the canvas's ports following; parameters edited with their names checked
// as typed; the list operator's operations. Screenshots go to build/screenshots.
#include "engine/nodes/noderegistry.h"
#include "tests/support/studiohome.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/document/commands.h"
#include "widgets/document/documentfile.h"
#include "widgets/document/graphdocument.h"
#include "widgets/editors/codebodyeditor.h"
#include "widgets/editors/codeedit.h"
#include "widgets/editors/codehighlighter.h"
#include "widgets/editors/codetrypanel.h"
#include "widgets/editors/listopseditor.h"
#include "widgets/editors/rowlist.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/promptedit.h"
#include "widgets/panels/runconsole.h"
#include "widgets/run/runcontroller.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;

namespace {

const char *kWorkflow = R"({
  "format": "flowdeck.workflow", "formatVersion": 1, "id": "logic", "name": "Logic editors", "mode": "workflow",
  "models": { "default": { "kind": "chat", "profile": "demo" } },
  "inputs": [ { "name": "count", "type": "number", "label": "Count", "required": true },
              { "name": "text", "type": "text", "label": "Text" } ],
  "nodes": [
    { "id": "start", "type": "start", "position": [0, 0] },
    { "id": "code1", "type": "code", "position": [260, 0],
      "config": { "language": "python3", "code": "def main(arg1: int) -> dict:\n    return {'doubled': arg1 * 2}\n",
                  "inputs": [ { "name": "arg1", "value": "{{start.count}}" } ],
                  "outputs": [ { "name": "doubled", "type": "number" } ] } },
    { "id": "fresh", "type": "code", "position": [260, 200], "disabled": true },
    { "id": "classify", "type": "classifier", "position": [520, 0], "disabled": true,
      "config": { "input": "{{start.text}}", "classes": [ { "id": "refund", "name": "Refund" },
                                                       { "id": "question", "name": "Question" } ] } },
    { "id": "extract", "type": "extractor", "position": [780, 0], "disabled": true,
      "config": { "input": "{{start.text}}", "parameters": [ { "name": "city", "type": "string" } ] } },
    { "id": "list1", "type": "list", "position": [780, 300], "disabled": true, "config": { "list": "{{start.text}}" } },
    { "id": "end", "type": "end", "position": [1040, 0], "config": { "outputs": { "doubled": "{{code1.doubled}}" } } }
  ],
  "edges": [ { "from": "start", "to": "code1" }, { "from": "code1", "to": "end" },
             { "from": "start", "to": "fresh" }, { "from": "start", "to": "classify" },
             { "from": "classify", "to": "extract", "fromPort": "refund" },
             { "from": "classify", "to": "list1", "fromPort": "question" } ]
})";

// What a rebuilt form or list left behind is gone, and the rebuild asked for is done.
void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void replaceText(QPlainTextEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    const QStringList lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(edit, Qt::Key_Return);  // what Enter does in this editor
        QTest::keyClicks(edit, lines[i]);
    }
}

void replaceText(QLineEdit *line, const QString &text)
{
    line->setFocus();
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Delete);
    QTest::keyClicks(line, text);
}

// Chooses `data` in a combo box with the keyboard, as a person would (so it is "activated").
void choose(QComboBox *box, const QString &data)
{
    const int wanted = box->findData(data);
    QVERIFY2(wanted >= 0, qPrintable(data));
    box->setFocus();
    while (box->currentIndex() != wanted)
        QTest::keyClick(box, box->currentIndex() < wanted ? Qt::Key_Down : Qt::Key_Up);
}

template <class T>
T *inRow(RowList *list, int row, const QString &name)
{
    QWidget *r = list->row(row);
    return r ? r->findChild<T *>(name) : nullptr;
}

QToolButton *rowButton(RowList *list, int row, const QString &name) { return inRow<QToolButton>(list, row, name); }

// Whether the canvas draws `port` on the node: its position leads back to it.
bool drawsPort(GraphScene &scene, const QString &node, const QString &port)
{
    NodeItem *item = scene.nodeItem(node);
    return item && item->outputPortAt(item->outputPortPos(port)) == port;
}

} // namespace

class TestLogicEditors : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_project;
    GraphDocument *m_doc = nullptr;
    QWidget *m_window = nullptr;  // the inspector, the canvas's scene and the run console, as in the studio
    InspectorWidget *m_inspector = nullptr;
    GraphScene *m_scene = nullptr;
    RunConsole *m_console = nullptr;
    RunController *m_runner = nullptr;

    const nlohmann::json &config(const std::string &node) const { return m_doc->node(node)->config; }

    void show(const QString &node)
    {
        m_inspector->showNode(node);
        settle();
    }
    CodeBodyEditor *body() const { return m_inspector->findChild<CodeBodyEditor *>(); }
    RowList *part(const QString &name) const { return m_inspector->findChild<RowList *>("part:" + name); }

    // Runs the shown code node with `samples` and waits for what comes back.
    void runSample(const QMap<QString, QString> &samples)
    {
        CodeTryPanel *panel = body()->tryPanel();
        for (auto it = samples.begin(); it != samples.end(); ++it) {
            QLineEdit *line = panel->sampleField(it.key());
            QVERIFY2(line, qPrintable(it.key()));
            replaceText(line, it.value());
        }
        QSignalSpy finished(panel, &CodeTryPanel::finished);
        body()->editor()->setFocus();
        QTest::keyClick(body()->editor(), Qt::Key_Return, Qt::ControlModifier);  // the editor's shortcut
        QVERIFY(panel->running());
        QVERIFY(!panel->runButton()->isEnabled());
        QVERIFY(finished.wait(60000));
        QVERIFY(panel->runButton()->isEnabled());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
        tests::useOwnHome(m_home.path(), false);
        m_project = QDir(m_home.path()).filePath("project/app.flow.json");
        QDir().mkpath(QFileInfo(m_project).path());
        QFile file(m_project);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kWorkflow);
        file.close();
        m_doc = new GraphDocument(this);
        QString error;
        QVERIFY2(openDocument(*m_doc, m_project, &error), qPrintable(error));
        // A code node as the palette makes it: the descriptor's defaults.
        m_doc->setNodeConfig("fresh", defaultNodeConfig(engine::NodeRegistry::builtin().find("code")->configSchema));
        m_window = new QWidget;
        m_runner = new RunController(m_window);
        m_scene = new GraphScene(m_doc, m_window);
        m_inspector = new InspectorWidget(m_doc);
        m_console = new RunConsole(m_doc, m_scene, m_runner);
        auto *layout = new QVBoxLayout(m_window);
        layout->addWidget(m_inspector, 3);
        layout->addWidget(m_console, 1);
        m_window->resize(460, 1400);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanupTestCase() { delete m_window; }

    void codeIsTypedWithIndentationAndColours()
    {
        show("code1");
        QVERIFY(body());
        CodeEdit *editor = body()->editor();
        QCOMPARE(editor->toPlainText().toStdString(), config("code1")["code"].get<std::string>());
        QVERIFY(editor->font().fixedPitch() || editor->font().styleHint() == QFont::Monospace);
        QVERIFY(editor->lineNumbers()->isVisible());
        QVERIFY(editor->viewport()->geometry().left() >= editor->gutterWidth());
        const int steps = m_doc->undoStack()->index();

        // A new line after ":" is indented one level; Tab indents by four spaces.
        replaceText(editor, QStringLiteral("def main(arg1: int) -> dict:\n"
                                           "# twice the count\n"
                                           "return {\"doubled\": arg1 * 2, \"note\": 'ok'}"));
        QString typed = editor->toPlainText();
        QCOMPARE(typed, QStringLiteral("def main(arg1: int) -> dict:\n"
                                       "    # twice the count\n"
                                       "    return {\"doubled\": arg1 * 2, \"note\": 'ok'}"));
        QCOMPARE(QString::fromStdString(config("code1")["code"].get<std::string>()), typed);
        QCOMPARE(m_doc->undoStack()->index(), steps + 1);  // typing is one step
        QTextCursor cursor = editor->textCursor();
        cursor.movePosition(QTextCursor::Start);
        cursor.movePosition(QTextCursor::Down);
        editor->setTextCursor(cursor);
        QTest::keyClick(editor, Qt::Key_Tab);
        QVERIFY(editor->document()->findBlockByNumber(1).text().startsWith(QString(8, ' ') + "#"));
        QTest::keyClick(editor, Qt::Key_Backtab);
        QVERIFY(editor->document()->findBlockByNumber(1).text().startsWith(QString(4, ' ') + "#"));

        // Keywords, built-ins, strings, comments and numbers are told apart.
        const QTextBlock first = editor->document()->findBlockByNumber(0);
        const QTextBlock comment = editor->document()->findBlockByNumber(1);
        const QTextBlock last = editor->document()->findBlockByNumber(2);
        QCOMPARE(CodeHighlighter::kindAt(first, 0), QStringLiteral("keyword"));            // def
        QCOMPARE(CodeHighlighter::kindAt(first, first.text().indexOf("int")), QStringLiteral("builtin"));
        QCOMPARE(CodeHighlighter::kindAt(comment, comment.text().indexOf("twice")), QStringLiteral("comment"));
        QCOMPARE(CodeHighlighter::kindAt(last, last.text().indexOf("return")), QStringLiteral("keyword"));
        QCOMPARE(CodeHighlighter::kindAt(last, last.text().indexOf("doubled")), QStringLiteral("string"));
        QCOMPARE(CodeHighlighter::kindAt(last, last.text().indexOf("2,")), QStringLiteral("number"));
        QCOMPARE(CodeHighlighter::kindAt(last, last.text().indexOf("'ok'") + 1), QStringLiteral("string"));
        QCOMPARE(CodeHighlighter::kindAt(last, last.text().indexOf("arg1")), QString());

        // Undo takes the typing back in one step, and the form shows it; redo puts it back.
        QCOMPARE(m_doc->undoStack()->index(), steps + 1);
        typed = editor->toPlainText();
        m_doc->undoStack()->undo();
        settle();
        QCOMPARE(body()->editor()->toPlainText().toStdString(), std::string("def main(arg1: int) -> dict:\n    return {'doubled': arg1 * 2}\n"));
        m_doc->undoStack()->redo();
        settle();
        QCOMPARE(body()->editor()->toPlainText(), typed);
        m_doc->undoStack()->undo();
        settle();
    }

    void javascriptIsColouredToo()
    {
        CodeEdit editor;
        editor.setLanguage("javascript");
        editor.setPlainText(QStringLiteral("function main({a}) {\n    /* many\n    lines */ const s = `x${a}`; // note\n    return {n: 0x1f};\n}"));
        const QTextDocument *doc = editor.document();
        QCOMPARE(CodeHighlighter::kindAt(doc->findBlockByNumber(0), 0), QStringLiteral("keyword"));
        QCOMPARE(CodeHighlighter::kindAt(doc->findBlockByNumber(1), 7), QStringLiteral("comment"));  // "many"
        const QTextBlock third = doc->findBlockByNumber(2);
        QCOMPARE(CodeHighlighter::kindAt(third, 4), QStringLiteral("comment"));  // still inside /* */
        QCOMPARE(CodeHighlighter::kindAt(third, third.text().indexOf("const")), QStringLiteral("keyword"));
        QCOMPARE(CodeHighlighter::kindAt(third, third.text().indexOf("`x") + 1), QStringLiteral("string"));
        QCOMPARE(CodeHighlighter::kindAt(third, third.text().indexOf("note")), QStringLiteral("comment"));
        const QTextBlock fourth = doc->findBlockByNumber(3);
        QCOMPARE(CodeHighlighter::kindAt(fourth, fourth.text().indexOf("0x1f")), QStringLiteral("number"));
        // Python's comment sign is no comment in JavaScript.
        editor.setPlainText(QStringLiteral("let x = 1 # 2"));
        QCOMPARE(CodeHighlighter::kindAt(doc->findBlockByNumber(0), 12), QStringLiteral("number"));
    }

    void inputsAndOutputsAreTablesWithUndo()
    {
        show("code1");
        RowList *inputs = part("inputs");
        QVERIFY(inputs);
        QCOMPARE(inRow<QLineEdit>(inputs, 0, "name")->text(), QStringLiteral("arg1"));
        QCOMPARE(inRow<PromptEdit>(inputs, 0, "value")->toPlainText(), QStringLiteral("{{start.count}}"));
        const int steps = m_doc->undoStack()->index();

        // A second input, bound with {{ completion of what comes before the node.
        QTest::mouseClick(inputs->addButton(), Qt::LeftButton);
        settle();
        QCOMPARE(config("code1")["inputs"].size(), 2u);
        QCOMPARE(config("code1")["inputs"][1]["name"], "arg2");
        auto *value = inRow<PromptEdit>(inputs, 1, "value");
        QVERIFY(value);
        value->setFocus();
        QTest::keyClicks(value, QStringLiteral("{{start.te"));
        QTRY_VERIFY(value->completer()->popup()->isVisible());
        QCOMPARE(value->completer()->currentCompletion(), QStringLiteral("start.text"));
        QTest::keyClick(value->completer()->popup(), Qt::Key_Down);
        QTest::keyClick(value->completer()->popup(), Qt::Key_Return);
        QCOMPARE(value->toPlainText(), QStringLiteral("{{start.text}}"));
        QCOMPARE(config("code1")["inputs"][1]["value"], "{{start.text}}");

        // A name that cannot be one is shown at once, and so is a name used twice.
        auto *name = inRow<QLineEdit>(inputs, 1, "name");
        replaceText(name, QStringLiteral("2nd"));
        auto *problem = inRow<QLabel>(inputs, 1, "problem");
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains("not a name"), qPrintable(problem->text()));
        replaceText(name, QStringLiteral("arg1"));
        QVERIFY(problem->text().contains("twice"));
        QVERIFY(inRow<QLabel>(inputs, 0, "problem")->isVisible());  // both rows
        replaceText(name, QStringLiteral("text"));
        QVERIFY(!problem->isVisible());
        QVERIFY(!inRow<QLabel>(inputs, 0, "problem")->isVisible());
        QCOMPARE(config("code1")["inputs"][1]["name"], "text");

        // An output, named and typed.
        RowList *outputs = part("outputs");
        QTest::mouseClick(outputs->addButton(), Qt::LeftButton);
        settle();
        QCOMPARE(config("code1")["outputs"][1], nlohmann::json::parse(R"({"name": "result", "type": "string"})"));
        replaceText(inRow<QLineEdit>(outputs, 1, "name"), QStringLiteral("words"));
        choose(inRow<QComboBox>(outputs, 1, "type"), "array[string]");
        QCOMPARE(config("code1")["outputs"][1], nlohmann::json::parse(R"({"name": "words", "type": "array[string]"})"));
        const auto *d = engine::NodeRegistry::builtin().find("code");
        const auto declared = d->outputsOf(*m_doc->node("code1"), m_doc->workflow());
        QVERIFY(std::any_of(declared.begin(), declared.end(), [](const auto &o) { return o.name == "words"; }));

        // Moving the output up, then undoing everything step by step back to the start.
        QTest::mouseClick(rowButton(outputs, 1, "moveUp"), Qt::LeftButton);
        settle();
        QCOMPARE(config("code1")["outputs"][0]["name"], "words");
        const int after = m_doc->undoStack()->index();
        QVERIFY(after > steps + 4);
        while (m_doc->undoStack()->index() > steps)
            m_doc->undoStack()->undo();
        settle();
        QCOMPARE(config("code1")["inputs"].size(), 1u);
        QCOMPARE(config("code1")["outputs"].size(), 1u);
        QCOMPARE(part("inputs")->items().size(), 1u);  // the form follows
        while (m_doc->undoStack()->index() < after)
            m_doc->undoStack()->redo();
        settle();
        QCOMPARE(config("code1")["outputs"][0]["name"], "words");
        QCOMPARE(inRow<QLineEdit>(part("outputs"), 0, "name")->text(), QStringLiteral("words"));
        QCOMPARE(inRow<QLineEdit>(part("inputs"), 1, "name")->text(), QStringLiteral("text"));
        while (m_doc->undoStack()->index() > steps)
            m_doc->undoStack()->undo();
        settle();
    }

    void limitsShowTheirDefaults()
    {
        show("code1");
        auto *wall = m_inspector->findChild<QSpinBox *>("limit:wallMs");
        QVERIFY(wall);
        QCOMPARE(wall->value(), 10000);
        QVERIFY(m_inspector->findChild<QLabel *>("default:wallMs")->text().contains("10"));
        for (const char *limit : {"cpuMs", "memoryMb", "outputKb", "printKb"})
            QVERIFY2(m_inspector->findChild<QSpinBox *>(QStringLiteral("limit:%1").arg(limit)), limit);
        // The default is not written out.
        QVERIFY(!config("code1").contains("limits"));
    }

    void runsWithSampleInput_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("printed");
        QTest::newRow("python3") << "python3"
                                 << "def main(arg1: int) -> dict:\nprint('doubling', arg1)\nreturn {\"doubled\": arg1 * 2}"
                                 << "21" << "doubling 21";
        QTest::newRow("javascript") << "javascript"
                                    << "function main({arg1}) {\nconsole.log('doubling', arg1);\nreturn {doubled: arg1 * 2};\n}"
                                    << "21" << "doubling 21";
    }

    void runsWithSampleInput()
    {
        QFETCH(QString, language);
        QFETCH(QString, code);
        QFETCH(QString, sample);
        QFETCH(QString, printed);
        show("code1");
        if (body()->languageBox()->currentData().toString() != language) {
            choose(body()->languageBox(), language);  // written code is kept: only the language changes
            QCOMPARE(QString::fromStdString(config("code1")["language"].get<std::string>()), language);
            QVERIFY(m_inspector->findChild<QLabel *>("languageNote")->isVisible());
        }
        replaceText(body()->editor(), code);
        runSample({{"arg1", sample}});
        CodeTryPanel *panel = body()->tryPanel();
        QVERIFY2(panel->status()->text().startsWith("Done in"), qPrintable(panel->status()->text()));
        // A number input is read as a number: 21 doubles to 42, not "2121".
        const nlohmann::json outputs = nlohmann::json::parse(panel->outputView()->toPlainText().toStdString());
        QCOMPARE(outputs["doubled"], 42);
        QVERIFY2(panel->logView()->toPlainText().contains(printed), qPrintable(panel->logView()->toPlainText()));
    }

    void wrongOutputTypeIsShownAsAnError()
    {
        show("code1");
        choose(body()->languageBox(), "python3");
        replaceText(body()->editor(), QStringLiteral("def main(arg1: int) -> dict:\nreturn {\"doubled\": \"many\"}"));
        runSample({{"arg1", "1"}});
        const QString status = body()->tryPanel()->status()->text();
        QVERIFY2(status.startsWith("Failed after") && status.contains("doubled"), qPrintable(status));
    }

    void anErrorNamesItsLine()
    {
        show("code1");
        replaceText(body()->editor(), QStringLiteral("def main(arg1: int) -> dict:\nx = 1\nreturn {\"doubled\": arg1 / 0}"));
        runSample({{"arg1", "1"}});
        const QString status = body()->tryPanel()->status()->text();
        QVERIFY2(status.startsWith("Failed after") && status.contains("line 3") && status.count("line 3") == 1, qPrintable(status));
    }

    void aSmallTimeLimitStopsAnEndlessLoop()
    {
        show("code1");
        replaceText(body()->editor(), QStringLiteral("def main(arg1: int) -> dict:\nwhile True:\npass"));
        auto *wall = m_inspector->findChild<QSpinBox *>("limit:wallMs");
        wall->setFocus();
        wall->selectAll();
        QTest::keyClicks(wall, QStringLiteral("400"));
        QCOMPARE(config("code1")["limits"]["wallMs"], 400);
        runSample({{"arg1", "1"}});
        CodeTryPanel *panel = body()->tryPanel();
        const QString status = panel->status()->text();
        QVERIFY2(status.startsWith("Stopped after") && status.contains("time limit of"), qPrintable(status));
        QVERIFY(panel->outputView()->toPlainText().isEmpty());
        // The studio is not held up meanwhile, and the next run works.
        replaceText(body()->editor(), QStringLiteral("def main(arg1: int) -> dict:\nreturn {\"doubled\": arg1 * 2}"));
        runSample({{"arg1", "5"}});
        QVERIFY2(panel->outputView()->toPlainText().contains("10"), qPrintable(panel->status()->text()));
    }

    void runsOnItsOwnThreadWithoutTheStudio()
    {
        // An inspector outside the main window has no run host: the code runs on a thread of its own.
        GraphDocument doc;
        QString error;
        QVERIFY2(openDocument(doc, m_project, &error), qPrintable(error));
        InspectorWidget inspector(&doc);
        inspector.resize(460, 1200);
        inspector.show();
        inspector.showNode("code1");
        settle();
        auto *editor = inspector.findChild<CodeBodyEditor *>();
        QVERIFY(editor);
        replaceText(editor->tryPanel()->sampleField("arg1"), QStringLiteral("4"));
        QSignalSpy finished(editor->tryPanel(), &CodeTryPanel::finished);
        QTest::mouseClick(editor->tryPanel()->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY2(editor->tryPanel()->outputView()->toPlainText().contains("8"), qPrintable(editor->tryPanel()->status()->text()));
    }

    void samplesComeFromTheLastRun()
    {
        // A real run from the run console: the code node's sample line then holds the count it got.
        m_console->inputField("count")->setText("7");
        m_console->inputField("text")->setText("hello");
        QSignalSpy finished(m_console, &RunConsole::finished);
        m_console->run();
        QVERIFY(finished.wait(60000));
        QCOMPARE(m_console->lastStatus(), QStringLiteral("succeeded"));
        show("code1");
        QCOMPARE(body()->tryPanel()->sampleField("arg1")->text(), QStringLiteral("7"));
    }

    void switchingLanguageOffersTheStarter()
    {
        show("fresh");
        QCOMPARE(body()->languageBox()->currentData().toString(), QStringLiteral("python3"));
        const int steps = m_doc->undoStack()->index();
        choose(body()->languageBox(), "javascript");
        settle();
        QCOMPARE(QString::fromStdString(config("fresh")["code"].get<std::string>()), CodeBodyEditor::starter("javascript"));
        QCOMPARE(config("fresh")["language"], "javascript");
        QCOMPARE(body()->editor()->toPlainText(), CodeBodyEditor::starter("javascript"));
        QCOMPARE(m_doc->undoStack()->index(), steps + 1);  // one step for both
        choose(body()->languageBox(), "python3");
        settle();
        QCOMPARE(QString::fromStdString(config("fresh")["code"].get<std::string>()), CodeBodyEditor::starter("python3"));
        m_doc->undoStack()->undo();
        settle();
        QCOMPARE(body()->languageBox()->currentData().toString(), QStringLiteral("javascript"));
        m_doc->undoStack()->undo();
        settle();
        QCOMPARE(config("fresh"), defaultNodeConfig(engine::NodeRegistry::builtin().find("code")->configSchema));
    }

    void classesAreThePorts()
    {
        show("classify");
        QWidget *editor = m_inspector->editorFor("classes");
        QVERIFY(editor);
        auto *classes = editor->findChild<RowList *>();
        QVERIFY(classes);
        QVERIFY(editor->findChild<QLabel *>("otherClass")->isVisible());
        for (const char *port : {"refund", "question", "other"})
            QVERIFY2(drawsPort(*m_scene, "classify", port), port);
        const int steps = m_doc->undoStack()->index();

        // A new class gets an id of its own and a port of its own, before Other.
        QTest::mouseClick(classes->addButton(), Qt::LeftButton);
        settle();
        QCOMPARE(config("classify")["classes"].size(), 3u);
        const std::string id = config("classify")["classes"][2]["id"];
        QCOMPARE(id, std::string("class_3"));
        QVERIFY(drawsPort(*m_scene, "classify", QString::fromStdString(id)));
        replaceText(inRow<QLineEdit>(classes, 2, "name"), QStringLiteral("Complaint"));
        replaceText(inRow<QPlainTextEdit>(classes, 2, "description"), QStringLiteral("The customer is unhappy"));
        replaceText(inRow<QPlainTextEdit>(classes, 2, "examples"), QStringLiteral("This is the third time!\n\nI want a manager"));
        QCOMPARE(config("classify")["classes"][2],
                 nlohmann::json::parse(R"({"id": "class_3", "name": "Complaint", "description": "The customer is unhappy",)"
                                       R"("examples": ["This is the third time!", "I want a manager"]})"));
        const auto ports = engine::NodeRegistry::builtin().find("classifier")->portsOf(*m_doc->node("classify"));
        QCOMPARE(ports.back().id, std::string("other"));
        QCOMPARE(ports[2].label, std::string("Complaint"));

        // Moving keeps the ids (and so the connections); removing takes its connections along.
        QTest::mouseClick(rowButton(classes, 2, "moveUp"), Qt::LeftButton);
        settle();
        QCOMPARE(config("classify")["classes"][1]["id"], "class_3");
        QCOMPARE(config("classify")["classes"][2]["id"], "question");
        const int beforeRemove = m_doc->undoStack()->index();
        QTest::mouseClick(rowButton(classes, 0, "remove"), Qt::LeftButton);  // Refund, connected to the end
        settle();
        QCOMPARE(m_doc->undoStack()->index(), beforeRemove + 1);
        QCOMPARE(config("classify")["classes"].size(), 2u);
        QVERIFY(!drawsPort(*m_scene, "classify", "refund"));
        const auto &edges = m_doc->workflow().edges;
        QVERIFY(std::none_of(edges.begin(), edges.end(), [](const auto &e) { return e.fromPort == "refund"; }));
        QVERIFY(std::any_of(edges.begin(), edges.end(), [](const auto &e) { return e.fromPort == "question"; }));
        m_doc->undoStack()->undo();  // the class and its connection come back together
        settle();
        QCOMPARE(config("classify")["classes"][0]["id"], "refund");
        QVERIFY(drawsPort(*m_scene, "classify", "refund"));
        QVERIFY(std::any_of(m_doc->workflow().edges.begin(), m_doc->workflow().edges.end(),
                            [](const auto &e) { return e.fromPort == "refund"; }));
        while (m_doc->undoStack()->index() > steps)
            m_doc->undoStack()->undo();
        settle();
        QVERIFY(!drawsPort(*m_scene, "classify", "class_3"));
        QCOMPARE(config("classify")["classes"].size(), 2u);
    }

    void theLastClassCannotBeRemoved()
    {
        show("classify");
        auto *classes = m_inspector->editorFor("classes")->findChild<RowList *>();
        QTest::mouseClick(rowButton(classes, 1, "remove"), Qt::LeftButton);
        settle();
        classes = m_inspector->editorFor("classes")->findChild<RowList *>();
        QCOMPARE(classes->items().size(), 1u);
        QVERIFY(!rowButton(classes, 0, "remove")->isEnabled());
        m_doc->undoStack()->undo();
        settle();
    }

    void parametersAreCheckedAsTyped()
    {
        show("extract");
        auto *table = qobject_cast<RowList *>(m_inspector->editorFor("parameters"));
        QVERIFY(table);
        QTest::mouseClick(table->addButton(), Qt::LeftButton);
        settle();
        QCOMPARE(config("extract")["parameters"][1]["name"], "param1");
        auto *name = inRow<QLineEdit>(table, 1, "name");
        auto *problem = inRow<QLabel>(table, 1, "problem");
        replaceText(name, QStringLiteral("__reason"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains("__"), qPrintable(problem->text()));
        replaceText(name, QStringLiteral("error"));
        QVERIFY(problem->text().contains("own output"));
        replaceText(name, QStringLiteral("city"));
        QVERIFY(problem->text().contains("twice"));
        replaceText(name, QStringLiteral("amount"));
        QVERIFY(!problem->isVisible());

        // A number with allowed values, required, described.
        auto *allowed = inRow<QLineEdit>(table, 1, "enum");
        QVERIFY(allowed->isVisible());
        choose(inRow<QComboBox>(table, 1, "type"), "number");
        replaceText(allowed, QStringLiteral("10, 20.5, 30"));
        QTest::mouseClick(inRow<QCheckBox>(table, 1, "required"), Qt::LeftButton, {}, QPoint(6, 8));
        if (!inRow<QCheckBox>(table, 1, "required")->isChecked())  // styles differ in where the box sits
            inRow<QCheckBox>(table, 1, "required")->click();
        replaceText(inRow<QLineEdit>(table, 1, "description"), QStringLiteral("The total in euros"));
        QCOMPARE(config("extract")["parameters"][1],
                 nlohmann::json::parse(R"({"name": "amount", "type": "number", "enum": [10, 20.5, 30], "required": true,)"
                                       R"("description": "The total in euros"})"));
        // A list takes no allowed values.
        choose(inRow<QComboBox>(table, 1, "type"), "array[string]");
        QVERIFY(!config("extract")["parameters"][1].contains("enum"));
        QVERIFY(!inRow<QLineEdit>(table, 1, "enum")->isVisible());

        // Moved first; each parameter is an output of the node.
        QTest::mouseClick(rowButton(table, 1, "moveUp"), Qt::LeftButton);
        settle();
        QCOMPARE(config("extract")["parameters"][0]["name"], "amount");
        const auto outputs = engine::NodeRegistry::builtin().find("extractor")->outputsOf(*m_doc->node("extract"), m_doc->workflow());
        QCOMPARE(outputs.front().name, std::string("amount"));
        m_doc->revalidate();
        QVERIFY2(!m_doc->nodeProblems().contains("extract"), qPrintable(m_doc->nodeProblems().value("extract").join('\n')));
    }

    void listOperationsInOrder()
    {
        show("list1");
        auto *editor = m_inspector->findChild<ListOpsEditor *>();
        QVERIFY(editor);
        QGroupBox *filter = editor->operation("filter");
        QVERIFY(filter && !filter->isChecked());
        filter->setChecked(true);  // what a click on its box does
        settle();
        editor = m_inspector->findChild<ListOpsEditor *>();
        filter = editor->operation("filter");
        QVERIFY(filter->isChecked());
        auto *conditions = filter->findChild<RowList *>("conditions");
        QCOMPARE(conditions->items().size(), 1u);
        replaceText(inRow<QLineEdit>(conditions, 0, "field"), QStringLiteral("price"));
        choose(inRow<QComboBox>(conditions, 0, "op"), "ge");
        replaceText(inRow<PromptEdit>(conditions, 0, "value"), QStringLiteral("10"));
        QTest::mouseClick(conditions->addButton(), Qt::LeftButton);
        settle();
        replaceText(inRow<QLineEdit>(conditions, 1, "field"), QStringLiteral("tags"));
        choose(inRow<QComboBox>(conditions, 1, "op"), "not_empty");
        QVERIFY(!inRow<PromptEdit>(conditions, 1, "value")->isVisible());

        editor->operation("sort")->setChecked(true);
        settle();
        editor = m_inspector->findChild<ListOpsEditor *>();
        replaceText(editor->operation("sort")->findChild<QLineEdit *>("field"), QStringLiteral("price"));
        choose(editor->operation("sort")->findChild<QComboBox *>("order"), "desc");
        editor->operation("limit")->setChecked(true);
        settle();
        editor = m_inspector->findChild<ListOpsEditor *>();
        auto *count = editor->operation("limit")->findChild<QSpinBox *>("count");
        count->setFocus();
        count->selectAll();
        QTest::keyClicks(count, QStringLiteral("3"));
        QCOMPARE(config("list1"), nlohmann::json::parse(R"({"list": "{{start.text}}", )"
                                                       R"("filter": {"logic": "and", "conditions": [{"field": "price", "op": "ge", "value": 10}, )"
                                                       R"({"field": "tags", "op": "not_empty"}]}, )"
                                                       R"("sort": {"field": "price", "order": "desc"}, "limit": {"take": "first", "count": 3}})"));
        m_doc->revalidate();
        QVERIFY2(!m_doc->nodeProblems().contains("list1"), qPrintable(m_doc->nodeProblems().value("list1").join('\n')));
        // Switched off, an operation leaves the config.
        editor->operation("sort")->setChecked(false);
        settle();
        QVERIFY(!config("list1").contains("sort"));
    }

    void screenshots()
    {
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        for (const char *node : {"code1", "classify", "extract", "list1"}) {
            show(node);
            QVERIFY(m_inspector->grab().save(QDir(out).filePath(QStringLiteral("inspector-%1.png").arg(node))));
        }
        // In Chinese, as the studio shows it with its translation loaded.
        QTranslator translator;
        QVERIFY(translator.load(QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("app/flowdeck_zh_CN.qm")));
        QApplication::installTranslator(&translator);
        show("code1");
        QCOMPARE(body()->tryPanel()->runButton()->text(), QStringLiteral("用示例输入运行"));
        QCOMPARE(m_inspector->findChild<QLabel *>("heading:inputs")->text(), QStringLiteral("输入变量"));
        QVERIFY(m_inspector->grab().save(QDir(out).filePath("inspector-code1-zh.png")));
        show("classify");
        QVERIFY(m_inspector->grab().save(QDir(out).filePath("inspector-classify-zh.png")));
        QApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestLogicEditors)
#include "tst_logiceditors.moc"
