// Sticky notes on the canvas and the workflow's environment variables (issue 19: what a
// Dify import carries over must be visible and editable). Offscreen, with real mouse and
// key events: a workflow's notes become note items behind the nodes; a drag moves one
// (the saved file has the new place; one undo step, also with a node dragged along); the
// corner resizes it; "Add Note Here" adds one and opens its editor; a double-click edits
// the text; Delete (even in a window whose Edit → Delete knows only nodes) and the note's
// menu delete it. Workflow Settings → Environment Variables adds, edits and removes
// variables with the exact JSON written, checks names, and undoes; {{ completes env.NAME.
// Screenshots: build/screenshots/notes.png, notes-dark.png, env-variables.png.
#include "engine/workflow/workflowfile.h"
#include "tests/support/studiohome.h"
#include "widgets/canvas/canvasmenu.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/graphview.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/noteitem.h"
#include "widgets/document/documentfile.h"
#include "widgets/panels/enveditor.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/promptedit.h"
#include "widgets/run/runcontroller.h"
#include "widgets/settings/modelchoice.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;
using json = nlohmann::json;

namespace {

const char *const kLongText =
    "Imported from Dify: this app answers questions about the topic. The template below builds the "
    "prompt; the end node returns it. Keep the wording short, the model reads all of it, and every "
    "extra word costs a little. This sentence only makes the note long enough to be cut at the bottom.";

json fixture()
{
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "noted"}, {"name", "Noted"},
            {"mode", "workflow"}, {"inputs", {{{"name", "topic"}, {"type", "text"}}}},
            {"nodes",
             {{{"id", "start"}, {"type", "start"}, {"position", {0, 0}}, {"config", json::object()}},
              {{"id", "tpl"}, {"type", "template"}, {"position", {300, 0}}, {"config", {{"template", "About {{start.topic}}"}}}},
              {{"id", "end"}, {"type", "end"}, {"position", {600, 0}},
               {"config", {{"outputs", {{"text", "{{tpl.text}}"}}}}}}}},
            {"edges", {{{"from", "start"}, {"to", "tpl"}}, {{"from", "tpl"}, {"to", "end"}}}},
            {"notes",
             {{{"id", "note_1"}, {"text", kLongText}, {"position", {0, 160}}, {"size", {240, 120}}, {"color", "yellow"}},
              {{"id", "plan"}, {"text", "Step 2: ask the user\nwhich topic"}, {"position", {380, -240}},
               {"size", {220, 100}}, {"color", "blue"}}}}};
}

// Opens the modal dialog `open` shows and lets `drive` work in it.
void withDialog(const std::function<void()> &open, const std::function<void(QDialog *)> &drive)
{
    QTimer::singleShot(0, [drive] {
        QPointer<QDialog> dialog;
        (void)QTest::qWaitFor([&] { return (dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())); }, 5000);
        if (dialog)
            drive(dialog);
        if (dialog && !QTest::qWaitFor([&] { return !dialog || !dialog->isVisible(); }, 5000))
            dialog->reject();
    });
    open();
}

} // namespace

class TestNotes : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_project;
    QString m_screenshots;
    std::unique_ptr<GraphDocument> m_doc;
    std::unique_ptr<QWidget> m_window;  // the view in a window with an Edit → Delete shortcut, as in the studio
    GraphScene *m_scene = nullptr;
    GraphView *m_view = nullptr;
    int m_windowDeletes = 0;
    int m_windowUndos = 0;

    QWidget *viewport() const { return m_view->viewport(); }
    QPoint onScreen(const QPointF &scenePos) const { return m_view->mapFromScene(scenePos); }
    NoteItem *note(const char *id) const { return m_scene->noteItem(id); }
    const engine::NoteSpec *spec(const char *id) const { return m_doc->note(id); }
    void drag(const QPointF &from, const QPointF &to)
    {
        const QPoint a = onScreen(from), b = onScreen(to);
        QTest::mousePress(viewport(), Qt::LeftButton, {}, a);
        for (int i = 1; i <= 6; ++i)
            QTest::mouseMove(viewport(), a + (b - a) * i / 6);
        QTest::mouseRelease(viewport(), Qt::LeftButton, {}, b);
    }
    // What the saved file says: the document written with saveDocument and read back as JSON.
    json saved()
    {
        QString error;
        if (!saveDocument(*m_doc, m_project, &error))
            return {{"error", error.toStdString()}};
        QFile file(m_project);
        if (!file.open(QIODevice::ReadOnly))
            return {{"error", "unreadable"}};
        return json::parse(file.readAll().toStdString());
    }
    QMenu *rightClick(const QPointF &scenePos)
    {
        QContextMenuEvent event(QContextMenuEvent::Mouse, onScreen(scenePos), viewport()->mapToGlobal(onScreen(scenePos)));
        QApplication::sendEvent(viewport(), &event);
        return CanvasMenu::of(m_view)->menu();
    }
    static QAction *action(QMenu *menu, const QString &text)
    {
        for (QAction *a : menu->actions())
            if (a->text() == text || a->objectName() == text)
                return a;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
        tests::useOwnHome(m_home.path(), false);
        m_screenshots = QStringLiteral(FLOWDECK_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(m_screenshots));
        m_project = QDir(m_home.path()).filePath("project/noted.flow.json");
        QVERIFY(QDir().mkpath(QFileInfo(m_project).path()));
    }

    void init()
    {
        QFile file(m_project);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray::fromStdString(fixture().dump(2)));
        file.close();
        m_doc = std::make_unique<GraphDocument>();
        QString error;
        QVERIFY2(openDocument(*m_doc, m_project, &error), qPrintable(error));
        m_window = std::make_unique<QWidget>();
        auto *layout = new QVBoxLayout(m_window.get());
        m_scene = new GraphScene(m_doc.get(), m_window.get());
        m_view = new GraphView(m_scene);
        layout->addWidget(m_view);
        m_windowDeletes = 0;
        auto *del = new QAction(tr("Delete"), m_window.get());  // the studio's Edit → Delete: nodes and edges only
        del->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
        connect(del, &QAction::triggered, this, [this] { ++m_windowDeletes; });
        m_window->addAction(del);
        m_windowUndos = 0;
        auto *undo = new QAction(tr("Undo"), m_window.get());  // the window's other shortcuts still work over a note
        undo->setShortcut(QKeySequence::Undo);
        connect(undo, &QAction::triggered, this, [this] { ++m_windowUndos; });
        m_window->addAction(undo);
        m_window->resize(1200, 800);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_view->setFocus();
        m_view->resetTransform();
        m_view->centerOn(300, 60);
    }

    void cleanup()
    {
        m_window.reset();
        m_doc.reset();
    }

    void aWorkflowsNotesAreDrawnBehindItsNodes()
    {
        QVERIFY(note("note_1") && note("plan"));
        QCOMPARE(note("note_1")->text(), QString::fromUtf8(kLongText));
        QCOMPARE(note("plan")->text(), QStringLiteral("Step 2: ask the user\nwhich topic"));
        QCOMPARE(note("plan")->color(), QStringLiteral("blue"));
        QCOMPARE(note("plan")->pos(), QPointF(380, -240));
        QCOMPARE(note("plan")->size(), QSizeF(220, 100));
        QVERIFY(note("note_1")->zValue() < m_scene->nodeItem("tpl")->zValue());
        // Every colour is pale on a light canvas and deep on a dark one.
        for (const QString &name : NoteItem::colorNames()) {
            QVERIFY2(NoteItem::fill(name, false).lightness() > 190, qPrintable(name));
            QVERIFY2(NoteItem::fill(name, true).lightness() < 90, qPrintable(name));
        }
        // Zoom to fit shows the notes too.
        m_view->zoomToFit();
        const QRectF seen = m_view->visibleArea();
        QVERIFY(seen.contains(note("plan")->sceneBoundingRect()));
        QVERIFY(seen.contains(note("note_1")->sceneBoundingRect()));
        QVERIFY(m_window->grab().save(m_screenshots + "/notes.png"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x23, 0x25, 0x29));
        dark.setColor(QPalette::Base, QColor(0x2b, 0x2d, 0x31));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Mid, QColor(0x50, 0x52, 0x57));
        m_scene->setPalette(dark);
        m_view->setPalette(dark);
        QVERIFY(m_window->grab().save(m_screenshots + "/notes-dark.png"));
        // Far away, a note is a block of its colour (the nodes' level of detail): nothing throws.
        m_view->zoomBy(0.1);
        QVERIFY(!m_window->grab().isNull());
    }

    void aDraggedNoteMovesInTheFileAndUndoesInOneStep()
    {
        const int steps = m_doc->undoStack()->count();
        const QPointF grab = note("note_1")->scenePos() + QPointF(120, 40);
        drag(grab, grab + QPointF(200, 100));
        QCOMPARE(note("note_1")->pos(), QPointF(200, 260));
        QCOMPARE(spec("note_1")->position, (std::array<double, 2>{200, 260}));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        // A second drag of the same note merges into that step, as node moves do (until a save).
        drag(grab + QPointF(200, 100), grab + QPointF(240, 100));
        QCOMPARE(spec("note_1")->position, (std::array<double, 2>{240, 260}));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        QCOMPARE(saved()["notes"][0]["position"], json({240, 260}));
        m_doc->undoStack()->undo();
        QCOMPARE(spec("note_1")->position, (std::array<double, 2>{0, 160}));
        QCOMPARE(note("note_1")->pos(), QPointF(0, 160));
        QCOMPARE(saved()["notes"][0]["position"], json({0, 160}));

        // A note dragged with a node: both move, and one undo puts both back.
        m_scene->clearSelection();
        note("plan")->setSelected(true);
        m_scene->nodeItem("tpl")->setSelected(true);
        const QPointF onPlan = note("plan")->scenePos() + QPointF(100, 50);
        drag(onPlan, onPlan + QPointF(0, -100));
        QCOMPARE(spec("plan")->position, (std::array<double, 2>{380, -340}));
        QCOMPARE(m_doc->node("tpl")->position, (std::array<double, 2>{300, -100}));
        m_doc->undoStack()->undo();
        QCOMPARE(spec("plan")->position, (std::array<double, 2>{380, -240}));
        QCOMPARE(m_doc->node("tpl")->position, (std::array<double, 2>{300, 0}));
    }

    void theCornerResizesANote()
    {
        NoteItem *plan = note("plan");
        const QPointF corner = plan->scenePos() + QPointF(plan->size().width() - 4, plan->size().height() - 4);
        drag(corner, corner + QPointF(80, 60));
        QCOMPARE(spec("plan")->size, (std::array<double, 2>{300, 160}));
        QCOMPARE(spec("plan")->position, (std::array<double, 2>{380, -240}));  // the corner does not move it
        QCOMPARE(plan->size(), QSizeF(300, 160));
        QCOMPARE(saved()["notes"][1]["size"], json({300, 160}));
        // Never smaller than a note can be read.
        drag(corner + QPointF(80, 60), corner + QPointF(-220, -140));
        QCOMPARE(spec("plan")->size, (std::array<double, 2>{NoteItem::kMinWidth, NoteItem::kMinHeight}));
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(spec("plan")->size, (std::array<double, 2>{220, 100}));
        QCOMPARE(plan->size(), QSizeF(220, 100));
    }

    void addNoteHereAddsOneAndOpensItsEditor()
    {
        QMenu *menu = rightClick({700, 300});
        QVERIFY(menu);
        QAction *add = action(menu, "addNote");
        QVERIFY(add);
        QCOMPARE(add->text(), QStringLiteral("Add Note Here"));
        menu->hide();  // as a click on it does, before the action runs
        add->trigger();
        QCOMPARE(m_doc->workflow().notes.size(), 3u);
        const engine::NoteSpec added = m_doc->workflow().notes.back();
        QCOMPARE(added.id, std::string("note_2"));  // note_1 is taken
        QCOMPARE(added.position, (std::array<double, 2>{700, 300}));
        QCOMPARE(added.color, std::string("yellow"));
        NoteItem *item = m_scene->noteItem("note_2");
        QVERIFY(item && item->isSelected());
        QPlainTextEdit *editor = item->editor();
        QVERIFY(editor && editor->isVisible());
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClicks(editor, "Ask legal before launch");
        QTest::keyClick(editor, Qt::Key_Return);  // a new line, not the end
        QTest::keyClicks(editor, "(by Friday)");
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(!item->editor());
        QCOMPARE(m_doc->note("note_2")->text, std::string("Ask legal before launch\n(by Friday)"));
        const json file = saved();
        QCOMPARE(file["notes"][2], json({{"id", "note_2"}, {"text", "Ask legal before launch\n(by Friday)"},
                                         {"position", {700, 300}}, {"size", {240, 120}}, {"color", "yellow"}}));
        m_doc->undoStack()->undo();  // the text
        QCOMPARE(m_doc->note("note_2")->text, std::string());
        m_doc->undoStack()->undo();  // the note
        QVERIFY(!m_doc->note("note_2"));
        QVERIFY(!m_scene->noteItem("note_2"));
    }

    void aDoubleClickEditsTheText()
    {
        NoteItem *plan = note("plan");
        const QPoint at = onScreen(plan->scenePos() + QPointF(60, 40));
        QTest::mouseDClick(viewport(), Qt::LeftButton, {}, at);
        QPlainTextEdit *editor = plan->editor();
        QVERIFY(editor);
        QCOMPARE(editor->toPlainText(), plan->text());
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClicks(editor, " first!");
        QTest::keyClick(editor, Qt::Key_Backspace);  // the editor's, not the window's Delete
        QCOMPARE(editor->toPlainText(), plan->text() + " first");
        QCOMPARE(m_windowDeletes, 0);
        QTest::keyClick(editor, Qt::Key_Escape);  // leaves it as it was
        QTRY_VERIFY(!plan->editor());
        QCOMPARE(m_doc->note("plan")->text, std::string("Step 2: ask the user\nwhich topic"));
        const int steps = m_doc->undoStack()->count();
        // Enter on a selected note opens the editor too.
        QVERIFY(plan->isSelected());
        QTest::keyClick(m_view, Qt::Key_Return);
        QVERIFY(plan->editor());
        QTest::keyClick(plan->editor(), Qt::Key_Escape);
        QTRY_VERIFY(!plan->editor());

        QTest::mouseDClick(viewport(), Qt::LeftButton, {}, at);
        editor = plan->editor();
        QVERIFY(editor);
        QTRY_VERIFY(editor->hasFocus());
        editor->selectAll();
        QTest::keyClicks(editor, "Rewritten");
        m_view->setFocus();  // clicking elsewhere keeps the text
        QTRY_VERIFY(!plan->editor());
        QCOMPARE(m_doc->note("plan")->text, std::string("Rewritten"));
        QCOMPARE(plan->text(), QStringLiteral("Rewritten"));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        m_doc->undoStack()->undo();
        QCOMPARE(plan->text(), QStringLiteral("Step 2: ask the user\nwhich topic"));
    }

    void deleteAndTheNotesMenuDeleteIt()
    {
        // A click selects it; Delete deletes it, not the window's Edit → Delete.
        const QPoint at = onScreen(note("note_1")->scenePos() + QPointF(100, 60));
        QTest::mouseClick(viewport(), Qt::LeftButton, {}, at);
        QVERIFY(note("note_1")->isSelected());
        QTest::keyClick(m_view, Qt::Key_Z, Qt::ControlModifier);  // other shortcuts are the window's
        QCOMPARE(m_windowUndos, 1);
        QTest::keyClick(m_view, Qt::Key_Delete);
        QTRY_VERIFY(!m_doc->note("note_1"));
        QVERIFY(!note("note_1"));
        QCOMPARE(m_windowDeletes, 0);
        QCOMPARE(saved()["notes"].size(), 1u);
        m_doc->undoStack()->undo();
        QVERIFY(note("note_1"));
        QCOMPARE(m_doc->workflow().notes.front().id, std::string("note_1"));  // back in its place in the list

        // Delete with a node selected too: both go, in one step.
        m_scene->clearSelection();
        note("note_1")->setSelected(true);
        m_scene->nodeItem("end")->setSelected(true);
        QTest::keyClick(m_view, Qt::Key_Delete);
        QTRY_VERIFY(!m_doc->note("note_1"));
        QVERIFY(!m_doc->node("end"));
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->note("note_1") && m_doc->node("end"));
        QCOMPARE(m_doc->workflow().edges.size(), 2u);

        // With nothing of ours selected the window's Delete still gets the key.
        m_scene->clearSelection();
        m_scene->nodeItem("tpl")->setSelected(true);
        QTest::keyClick(m_view, Qt::Key_Delete);
        QCOMPARE(m_windowDeletes, 1);

        // The note's menu: a colour, then delete.
        QMenu *menu = rightClick(note("plan")->scenePos() + QPointF(50, 50));
        QVERIFY(menu);
        QVERIFY(note("plan")->isSelected() && !m_scene->nodeItem("tpl")->isSelected());
        QMenu *colours = menu->findChild<QMenu *>("noteColours");
        QVERIFY(colours);
        QCOMPARE(colours->actions().size(), 5);
        for (QAction *a : colours->actions())
            QCOMPARE(a->isChecked(), a->data().toString() == "blue");
        for (QAction *a : colours->actions())
            if (a->data().toString() == "pink") {
                menu->hide();
                a->trigger();
            }
        QCOMPARE(m_doc->note("plan")->color, std::string("pink"));
        QCOMPARE(saved()["notes"][1]["color"], json("pink"));
        menu = rightClick(note("plan")->scenePos() + QPointF(50, 50));
        QAction *remove = action(menu, "Delete Note");
        QVERIFY(remove);
        menu->hide();
        remove->trigger();
        QVERIFY(!m_doc->note("plan"));
        QCOMPARE(saved()["notes"].size(), 1u);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->note("plan")->color, std::string("pink"));
    }

    void environmentVariablesRoundTrip()
    {
        RunController runner;
        ModelChoice settings(&runner, nullptr, m_window.get());
        QString tab;
        withDialog([&] { settings.showModelsDialog(m_doc.get(), ModelChoice::Page::Environment); }, [&](QDialog *dialog) {
            auto *tabs = dialog->findChild<QTabWidget *>();
            tab = tabs ? tabs->tabText(tabs->currentIndex()) : QString();
            auto *env = dialog->findChild<EnvironmentVariablesEditor *>();
            if (!env || tabs->currentWidget() != env)
                return;
            QVERIFY(env->findChild<QLabel *>("secretHint")->text().contains("{{secret."));
            // Add one, name it, make it a number, give it a value and a description.
            QTest::mouseClick(env->addButton(), Qt::LeftButton);
            QCOMPARE(env->table()->rowCount(), 1);
            QCOMPARE(m_doc->workflow().env.size(), 1u);
            QCOMPARE(m_doc->workflow().env[0].name, std::string("SETTING_1"));
            auto *name = qobject_cast<QLineEdit *>(env->cell(0, "name"));
            QTRY_VERIFY(name->hasFocus());
            name->selectAll();
            QTest::keyClicks(name, "9MAX");  // a leading digit is refused as it is typed
            QCOMPARE(name->text(), QStringLiteral("MAX"));
            QTest::keyClicks(name, "_ITEMS");
            QTest::keyClick(name, Qt::Key_Return);
            QCOMPARE(m_doc->workflow().env[0].name, std::string("MAX_ITEMS"));
            auto *type = qobject_cast<QComboBox *>(env->cell(0, "type"));
            type->setFocus();
            QTest::keyClick(type, Qt::Key_Down);  // Text → Number
            QCOMPARE(m_doc->workflow().env[0].type, std::string("number"));
            QCoreApplication::processEvents();  // the row is built again for the new type
            auto *value = qobject_cast<QLineEdit *>(env->cell(0, "value"));
            value->setFocus();
            QTest::keyClicks(value, "ten");
            QTest::keyClick(value, Qt::Key_Return);
            QVERIFY(env->problem()->isVisible() && env->problem()->text().contains("not a number"));
            QVERIFY(m_doc->workflow().env[0].value.is_null());
            value->selectAll();
            QTest::keyClicks(value, "42");
            QTest::keyClick(value, Qt::Key_Return);
            QVERIFY(!env->problem()->isVisible());
            auto *description = qobject_cast<QLineEdit *>(env->cell(0, "description"));
            description->setFocus();
            QTest::keyClicks(description, "Items per page");
            QCOMPARE(saved()["env"], json::parse(R"([{"name": "MAX_ITEMS", "type": "number", "value": 42,
                                                      "description": "Items per page"}])"));
            // A second one: text, and a name that is taken or sounds like a secret.
            QTest::mouseClick(env->addButton(), Qt::LeftButton);
            auto *second = qobject_cast<QLineEdit *>(env->cell(1, "name"));
            QTRY_VERIFY(second->hasFocus());
            second->selectAll();
            QTest::keyClicks(second, "MAX_ITEMS");
            QVERIFY(env->problem()->text().contains("already named"));
            QTest::keyClick(second, Qt::Key_Return);
            QCOMPARE(m_doc->workflow().env[1].name, std::string("SETTING_1"));  // not taken
            second->selectAll();
            QTest::keyClicks(second, "API_TOKEN");
            QTest::keyClick(second, Qt::Key_Return);
            QVERIFY(env->problem()->text().contains("{{secret.API_TOKEN}}"));
            second->selectAll();
            QTest::keyClicks(second, "GREETING");
            QTest::keyClick(second, Qt::Key_Return);
            auto *greeting = qobject_cast<QLineEdit *>(env->cell(1, "value"));
            greeting->setFocus();
            QTest::keyClicks(greeting, "Hello");
            QTest::keyClick(greeting, Qt::Key_Return);
            QCOMPARE(saved()["env"], json::parse(R"([{"name": "MAX_ITEMS", "type": "number", "value": 42,
                                                      "description": "Items per page"},
                                                     {"name": "GREETING", "type": "string", "value": "Hello"}])"));
            dialog->grab().save(m_screenshots + "/env-variables.png");
            // Remove the first: the file keeps the other; undo brings it back.
            QTest::mouseClick(qobject_cast<QToolButton *>(env->cell(0, "remove")), Qt::LeftButton);
            QTRY_COMPARE(env->table()->rowCount(), 1);
            QCOMPARE(saved()["env"], json::parse(R"([{"name": "GREETING", "type": "string", "value": "Hello"}])"));
            m_doc->undoStack()->undo();
            QTRY_COMPARE(env->table()->rowCount(), 2);
            QCOMPARE(qobject_cast<QLineEdit *>(env->cell(0, "value"))->text(), QStringLiteral("42"));
            QCOMPARE(saved()["env"].size(), 2u);
            // Undo all the way: no "env" in the file at all.
            while (!m_doc->workflow().env.empty() && m_doc->undoStack()->canUndo())
                m_doc->undoStack()->undo();
            QTRY_COMPARE(env->table()->rowCount(), 0);
            QVERIFY(!saved().contains("env"));
            m_doc->undoStack()->redo();
            QCOMPARE(env->table()->rowCount(), 1);
            dialog->reject();
        });
        QCOMPARE(tab, QStringLiteral("Environment Variables"));
        QCOMPARE(m_doc->workflow().env.size(), 1u);
    }

    void promptCompletionOffersEnvNames()
    {
        engine::EnvSpec v;
        v.name = "REGION";
        v.value = "eu";
        m_doc->setEnv({v});
        InspectorWidget inspector(m_doc.get());
        inspector.resize(400, 700);
        inspector.show();
        inspector.showNode("tpl");
        auto *edit = qobject_cast<PromptEdit *>(inspector.editorFor("template"));
        QVERIFY(edit);
        edit->setFocus();
        edit->moveCursor(QTextCursor::End);
        QTest::keyClicks(edit, " in {{env.");
        QStringList offered;
        for (int i = 0; i < edit->completer()->completionModel()->rowCount(); ++i)
            offered << edit->completer()->completionModel()->index(i, 0).data().toString();
        QCOMPARE(offered, QStringList{"env.REGION"});
    }
};

QTEST_MAIN(TestNotes)
#include "tst_notes.moc"
