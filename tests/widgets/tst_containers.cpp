// Iteration and loop nodes on the canvas (DESIGN.md §3, §7): drawn as frames around the
// nodes inside them, driven offscreen with real mouse and drag-and-drop events. A
// palette node dropped in a frame goes inside, dragged out it comes out (its crossing
// connections go with the same undo step), a frame carries what it holds, delete and
// copy take the inside along, the file keeps "parent", {{ completion offers the item,
// and a run shows each item on the nodes inside and "3 / 3" on the frame. A screenshot
// goes to build/screenshots/containers.png.
#include "engine/nodes/noderegistry.h"
#include "engine/workflow/workflowfile.h"
#include "widgets/canvas/containeritem.h"
#include "widgets/canvas/edgeitem.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/graphview.h"
#include "widgets/canvas/nodeicons.h"
#include "widgets/document/containercommands.h"
#include "widgets/document/documentfile.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/palettewidget.h"
#include "widgets/panels/promptedit.h"
#include "widgets/run/runcontroller.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;
using json = nlohmann::json;

namespace {

json node(const std::string &id, const std::string &type, double x, double y, json config = json::object(),
          const std::string &parent = {})
{
    json n = {{"id", id}, {"type", type}, {"position", {x, y}}, {"config", std::move(config)}};
    if (!parent.empty())
        n["parent"] = parent;
    return n;
}

// A workflow whose start node takes a JSON "list".
engine::Workflow workflow(json nodes, json edges)
{
    const json wf = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "boxes"}, {"name", "Boxes"},
                     {"mode", "workflow"}, {"inputs", {{{"name", "list"}, {"type", "json"}}}},
                     {"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
    auto parsed = engine::parseWorkflow(wf.dump());
    return parsed ? parsed.value() : engine::Workflow();
}

// start -> each (t1 -> t2 inside) -> end; a node on its own; a loop holding a break; an
// empty loop.
engine::Workflow fixture()
{
    return workflow(
        {node("start", "start", 0, 0), node("each", "iteration", 300, 0, {{"items", "{{start.list}}"}, {"output", "{{t2.text}}"}}),
         node("t1", "template", 340, 80, {{"template", "#{{each.index}} {{each.item}}"}}, "each"),
         node("t2", "template", 620, 80, {{"template", "{{t1.text}}!"}}, "each"),
         node("end", "end", 1000, 0, {{"outputs", {{"results", "{{each.results}}"}}}}),
         node("solo", "template", 300, 400, {{"template", "{{start.list}}"}}),
         node("rounds", "loop", 0, 600, {{"maxRounds", 3}}), node("stop", "break", 40, 680, json::object(), "rounds"),
         node("idle", "loop", 900, 300, {{"maxRounds", 2}})},
        {{{"from", "start"}, {"to", "each"}},
         {{"from", "each"}, {"to", "end"}},
         {{"from", "t1"}, {"to", "t2"}},
         {{"from", "start"}, {"to", "solo"}},
         {{"from", "solo"}, {"to", "rounds"}},
         {{"from", "rounds"}, {"to", "idle"}}});
}

std::string parentOf(const GraphDocument &doc, const std::string &id)
{
    const auto *n = doc.node(id);
    return n ? n->parent : "(gone)";
}

bool hasEdge(const GraphDocument &doc, const std::string &from, const std::string &to)
{
    for (const auto &e : doc.workflow().edges)
        if (e.from == from && e.to == to)
            return true;
    return false;
}

} // namespace

class TestContainers : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<GraphDocument> m_doc;
    std::unique_ptr<GraphScene> m_scene;
    std::unique_ptr<GraphView> m_view;

    QWidget *viewport() const { return m_view->viewport(); }
    QPoint onScreen(const QPointF &scenePos) const { return m_view->mapFromScene(scenePos); }
    ContainerItem *box(const char *id) const { return m_scene->containerItem(id); }
    bool insideFrame(const char *node, const char *container) const
    {
        NodeItem *item = m_scene->nodeItem(node);
        return item && box(container) && box(container)->sceneFrame().contains(item->sceneBoundingRect());
    }
    // Presses at `from`, moves there in steps, releases at `to`: what a user's drag sends.
    void drag(const QPointF &from, const QPointF &to)
    {
        const QPoint a = onScreen(from), b = onScreen(to);
        QTest::mousePress(viewport(), Qt::LeftButton, {}, a);
        for (int i = 1; i <= 6; ++i)
            QTest::mouseMove(viewport(), a + (b - a) * i / 6);
        QTest::mouseRelease(viewport(), Qt::LeftButton, {}, b);
    }
    // Drags a palette entry over the canvas and drops it at `at`; whether the drop was taken.
    bool dropFromPalette(const QString &type, const QPointF &at, bool *highlighted = nullptr)
    {
        PaletteWidget palette;
        QTreeWidgetItem *entry = palette.itemForType(type);
        if (!entry)
            return false;
        std::unique_ptr<QMimeData> mime(palette.tree()->mimeData({entry}));
        QDragEnterEvent enter(onScreen(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &enter);
        QDragMoveEvent move(onScreen(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &move);
        if (highlighted) {
            *highlighted = false;
            for (const char *id : {"each", "rounds", "idle"})
                *highlighted = *highlighted || (box(id) && box(id)->isDropTarget());
        }
        QDropEvent drop(onScreen(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &drop);
        return drop.isAccepted();
    }

private slots:
    void initTestCase()
    {
        qputenv("FLOWDECK_CONFIG_DIR", m_home.filePath("config").toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath("xdg").toUtf8());
        qputenv("FLOWDECK_NO_KEYCHAIN", "1");
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_doc = std::make_unique<GraphDocument>();
        m_doc->reset(fixture());
        QVERIFY(m_doc->node("each"));
        m_scene = std::make_unique<GraphScene>(m_doc.get());
        m_view = std::make_unique<GraphView>(m_scene.get());
        m_view->resize(1400, 900);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->resetTransform();
        m_view->centerOn(600, 400);
    }

    void cleanup()
    {
        m_view.reset();
        m_scene.reset();
        m_doc.reset();
    }

    void theFixtureIsValid()
    {
        m_doc->revalidate();
        QStringList problems = m_doc->workflowProblems();
        for (auto it = m_doc->nodeProblems().cbegin(); it != m_doc->nodeProblems().cend(); ++it)
            problems << it.key() + ": " + it.value().join("; ");
        QVERIFY2(m_doc->problemCount() == 0, qPrintable(problems.join('\n')));
    }

    void aLoadedIterationDrawsItsNodesInsideItsFrame()
    {
        QVERIFY(box("each") && box("rounds") && box("idle"));
        QVERIFY(!m_scene->containerItem("t1"));  // an ordinary node is a card
        QVERIFY(insideFrame("t1", "each"));
        QVERIFY(insideFrame("t2", "each"));
        QVERIFY(insideFrame("stop", "rounds"));
        QVERIFY(box("each")->holdsNodes());
        QVERIFY(!box("idle")->holdsNodes());  // it says "Drop nodes here" instead
        QVERIFY(!ContainerItem::emptyHint().isEmpty());
        QCOMPARE(box("idle")->sceneFrame().size(), QSizeF(ContainerItem::kMinWidth, ContainerItem::kMinHeight));
        // Behind what it holds and behind the connections.
        QVERIFY(box("each")->zValue() < m_scene->nodeItem("t1")->zValue());
        for (EdgeItem *edge : m_scene->edgeItems())
            QVERIFY(box("each")->zValue() < edge->zValue());
        // The ports sit on the frame's header, and the connections end there.
        const QRectF frame = box("each")->sceneFrame();
        QCOMPARE(box("each")->inputPortPos(), QPointF(frame.left(), frame.top() + NodeItem::kHeaderHeight / 2));
        QCOMPARE(box("each")->outputPortPos(""), QPointF(frame.right(), frame.top() + NodeItem::kHeaderHeight / 2));
        for (EdgeItem *edge : m_scene->edgeItems())
            if (edge->edge().from == "each")
                QCOMPARE(edge->path().pointAtPercent(0), box("each")->outputPortPos(""));
        // Only the header and the border take clicks: inside, the canvas does (rubber band, menu).
        QVERIFY(m_scene->itemAt(frame.topLeft() + QPointF(150, 12), QTransform()) == box("each"));
        const QPointF empty(frame.left() + 150, frame.bottom() - 14);  // between and below the cards
        QVERIFY(m_scene->itemAt(empty, QTransform()) == nullptr);
        QCOMPARE(m_scene->containerAt(empty), QString("each"));

        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        QVERIFY(m_view->grab().save(out + "/containers.png"));
    }

    void aPaletteNodeDroppedInAFrameGoesInside()
    {
        QSignalSpy messages(m_scene.get(), &GraphScene::message);
        const QPointF inIdle = box("idle")->sceneFrame().center() + QPointF(0, 30);
        const auto count = m_doc->workflow().nodes.size();
        bool highlighted = false;
        QVERIFY(dropFromPalette("template", inIdle, &highlighted));
        QVERIFY(highlighted);  // the frame lit up while the entry was over it
        QVERIFY(!box("idle")->isDropTarget());
        QCOMPARE(m_doc->workflow().nodes.size(), count + 1);
        const std::string added = m_doc->workflow().nodes.back().id;
        QCOMPARE(parentOf(*m_doc, added), std::string("idle"));
        QVERIFY(box("idle")->holdsNodes());
        QVERIFY(insideFrame(added.c_str(), "idle"));

        // Break goes directly inside a loop; human input and a break outside a loop are refused.
        QVERIFY(dropFromPalette("break", inIdle + QPointF(-100, -40)));
        QCOMPARE(parentOf(*m_doc, m_doc->workflow().nodes.back().id), std::string("idle"));
        QVERIFY(!dropFromPalette("human", box("idle")->sceneFrame().center()));
        QVERIFY(!dropFromPalette("break", QPointF(600, 760)));
        QVERIFY(!dropFromPalette("continue", box("each")->sceneFrame().topLeft() + QPointF(60, 160)));
        QCOMPARE(m_doc->workflow().nodes.size(), count + 2);
        QCOMPARE(messages.count(), 3);
        QVERIFY2(messages.at(0).at(0).toString().contains("iteration or loop"), qPrintable(messages.at(0).at(0).toString()));
        QVERIFY(messages.at(1).at(0).toString().contains("loop"));

        // Outside every frame it stays at the top level; undo takes the drop back.
        QVERIFY(dropFromPalette("template", QPointF(600, 760)));
        QCOMPARE(parentOf(*m_doc, m_doc->workflow().nodes.back().id), std::string());
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->workflow().nodes.size(), count);
        QVERIFY(!box("idle")->holdsNodes());
    }

    void draggingANodeOutTakesItOutAndDropsItsCrossingConnection()
    {
        QSignalSpy messages(m_scene.get(), &GraphScene::message);
        const std::string before = m_doc->toText();
        const int steps = m_doc->undoStack()->count();
        NodeItem *t2 = m_scene->nodeItem("t2");
        const QPointF grab = t2->scenePos() + QPointF(110, 15);
        drag(grab, QPointF(grab.x(), 300));
        QCOMPARE(parentOf(*m_doc, "t2"), std::string());
        QVERIFY(!hasEdge(*m_doc, "t1", "t2"));  // it would cross the frame's edge now
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        QCOMPARE(messages.count(), 1);
        QVERIFY(!insideFrame("t2", "each"));
        QVERIFY(box("each")->sceneFrame().right() < m_scene->nodeItem("t2")->sceneBoundingRect().right());  // shrank
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->toText(), before);
        QVERIFY(insideFrame("t2", "each"));

        // A node dragged in from outside goes inside and keeps its connections only if they stay inside.
        drag(m_scene->nodeItem("solo")->scenePos() + QPointF(110, 15), box("each")->sceneFrame().center() + QPointF(0, 60));
        QCOMPARE(parentOf(*m_doc, "solo"), std::string("each"));
        QVERIFY(!hasEdge(*m_doc, "start", "solo") && !hasEdge(*m_doc, "solo", "rounds"));
        QVERIFY(insideFrame("solo", "each"));
        m_doc->revalidate();
        QVERIFY2(!m_doc->nodeProblems().contains("solo"), qPrintable(m_doc->nodeProblems().value("solo").join('\n')));
    }

    void aBreakCannotLeaveItsLoop()
    {
        QSignalSpy messages(m_scene.get(), &GraphScene::message);
        const std::string before = m_doc->toText();
        const QPointF was = m_scene->nodeItem("stop")->scenePos();
        drag(was + QPointF(110, 15), QPointF(700, 820));
        QCOMPARE(m_doc->toText(), before);  // refused: nothing changed
        QCOMPARE(m_scene->nodeItem("stop")->scenePos(), was);  // and the card went back
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.at(0).at(0).toString().contains("loop"));
        // Nor can a container go inside itself.
        QString why;
        QVERIFY(!mayMoveInto(m_doc->workflow(), {"each"}, "each", &why));
        QVERIFY(!why.isEmpty());
        QVERIFY(mayMoveInto(m_doc->workflow(), {"each"}, "idle", &why));  // nesting is allowed
    }

    void movingAFrameMovesWhatItHoldsInOneStep()
    {
        const auto t1 = m_doc->node("t1")->position, t2 = m_doc->node("t2")->position, each = m_doc->node("each")->position;
        const int steps = m_doc->undoStack()->count();
        const QPointF header = box("each")->sceneFrame().topLeft() + QPointF(150, 12);
        drag(header, header + QPointF(100, 60));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        const double dx = m_doc->node("each")->position[0] - each[0], dy = m_doc->node("each")->position[1] - each[1];
        QCOMPARE(dx, 100.0);
        QCOMPARE(dy, 60.0);
        QCOMPARE(m_doc->node("t1")->position, (std::array<double, 2>{t1[0] + dx, t1[1] + dy}));
        QCOMPARE(m_doc->node("t2")->position, (std::array<double, 2>{t2[0] + dx, t2[1] + dy}));
        QCOMPARE(parentOf(*m_doc, "t1"), std::string("each"));
        QVERIFY(insideFrame("t1", "each") && insideFrame("t2", "each"));
        QCOMPARE(m_scene->nodeItem("t2")->scenePos(), QPointF(t2[0] + dx, t2[1] + dy));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->node("t1")->position, t1);
        QCOMPARE(m_scene->nodeItem("t1")->scenePos(), QPointF(t1[0], t1[1]));
        QVERIFY(insideFrame("t2", "each"));

        // A frame dropped into another one nests there, with what it holds.
        drag(header, box("idle")->sceneFrame().center());
        QCOMPARE(parentOf(*m_doc, "each"), std::string("idle"));
        QCOMPARE(parentOf(*m_doc, "t1"), std::string("each"));
        QVERIFY(!hasEdge(*m_doc, "start", "each") && !hasEdge(*m_doc, "each", "end"));
        QVERIFY(box("idle")->sceneFrame().contains(box("each")->sceneFrame()));
        QVERIFY(box("idle")->zValue() < box("each")->zValue());
    }

    void deletingAFrameDeletesWhatItHoldsAndUndoBringsAllBack()
    {
        const std::string before = m_doc->toText();
        m_doc->undoStack()->push(new DeleteCommand(m_doc.get(), {"each"}));
        for (const char *id : {"each", "t1", "t2"}) {
            QVERIFY(!m_doc->node(id));
            QVERIFY(!m_scene->nodeItem(id));
        }
        QVERIFY(!hasEdge(*m_doc, "t1", "t2") && !hasEdge(*m_doc, "start", "each"));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->toText(), before);
        QVERIFY(box("each") && insideFrame("t1", "each") && insideFrame("t2", "each"));
        QCOMPARE(m_scene->edgeItems().size(), static_cast<qsizetype>(m_doc->workflow().edges.size()));
        m_doc->undoStack()->redo();
        QCOMPARE(m_doc->workflow().nodes.size(), fixture().nodes.size() - 3);
    }

    void copyAndPasteRemapsWhatAFrameHolds()
    {
        const auto count = m_doc->workflow().nodes.size();
        auto *paste = new PasteCommand(m_doc.get(), copySelection(*m_doc, {"each"}), {0, 260});
        QVERIFY(paste->valid());
        const auto ids = paste->pastedIds();
        QCOMPARE(ids.size(), std::size_t(3));  // the frame and both nodes inside
        m_doc->undoStack()->push(paste);
        QCOMPARE(m_doc->workflow().nodes.size(), count + 3);
        const engine::NodeSpec *copy = nullptr;
        for (const auto &id : ids)
            if (m_doc->node(id)->type == "iteration")
                copy = m_doc->node(id);
        QVERIFY(copy && copy->id != "each");
        int inside = 0;
        for (const auto &id : ids) {
            const auto *n = m_doc->node(id);
            if (n->type != "template")
                continue;
            ++inside;
            QCOMPARE(n->parent, copy->id);
            QVERIFY(insideFrame(id.c_str(), copy->id.c_str()));
            const std::string text = n->config.value("template", "");
            QVERIFY2(text.find("{{each.") == std::string::npos && text.find("{{t1.") == std::string::npos, text.c_str());
        }
        QCOMPARE(inside, 2);
        m_doc->undoStack()->push(new ConnectCommand(m_doc.get(), {"start", copy->id, ""}));  // its list comes from start
        m_doc->revalidate();
        QStringList problems;
        for (const QStringList &some : m_doc->nodeProblems())
            problems << some;
        QVERIFY2(m_doc->problemCount() == 0, qPrintable(problems.join('\n')));

        // A node copied alone from inside a frame is pasted into the same frame.
        auto *one = new PasteCommand(m_doc.get(), copySelection(*m_doc, {"t1"}), {40, 40});
        m_doc->undoStack()->push(one);
        QCOMPARE(parentOf(*m_doc, one->pastedIds().front()), std::string("each"));
        // "Paste Here" outside every frame puts it at the top level.
        auto *here = new PasteCommand(m_doc.get(), copySelection(*m_doc, {"t1"}), {0, 600});
        here->placeInside("");
        m_doc->undoStack()->push(here);
        QCOMPARE(parentOf(*m_doc, here->pastedIds().front()), std::string());
        QCOMPARE(renameReferences(json("{{ a.b }} {{ab.c}} {{a[0]}}"), {{"a", "z"}}), json("{{ z.b }} {{ab.c}} {{z[0]}}"));
    }

    void arrangeLaysOutWhatFramesHoldInsideThem()
    {
        m_doc->undoStack()->push(new AutoLayoutCommand(m_doc.get()));
        QVERIFY(insideFrame("t1", "each") && insideFrame("t2", "each") && insideFrame("stop", "rounds"));
        QVERIFY(m_doc->node("t1")->position[0] < m_doc->node("t2")->position[0]);
        for (const auto &e : m_doc->workflow().edges)  // left to right, inside frames too
            QVERIFY(m_doc->node(e.from)->position[0] < m_doc->node(e.to)->position[0]);
        // A frame holds only its own nodes: no other card or frame overlaps it.
        for (const char *container : {"each", "rounds", "idle"})
            for (const auto &n : m_doc->workflow().nodes) {
                if (n.id == container || n.parent == container)
                    continue;
                const QGraphicsItem *other = m_scene->nodeItem(QString::fromStdString(n.id));
                const QRectF area = box(n.id.c_str()) ? box(n.id.c_str())->sceneFrame() : other->sceneBoundingRect();
                QVERIFY2(!box(container)->sceneFrame().intersects(area), (n.id + " overlaps " + container).c_str());
            }
        m_view->fitInView(m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
        QVERIFY(m_view->grab().save(QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots/containers-arranged.png")));
    }

    void theFileKeepsParents()
    {
        m_doc->undoStack()->push(new ReparentCommand(m_doc.get(), {"solo"}, "idle", {{"solo", {960, 380}}}));
        QTemporaryDir dir;
        const QString path = dir.filePath("boxes.flow.json");
        QString error;
        QVERIFY2(saveDocument(*m_doc, path, &error), qPrintable(error));
        GraphDocument reopened;
        QVERIFY2(openDocument(reopened, path, &error), qPrintable(error));
        QCOMPARE(reopened.toText(), m_doc->toText());
        QCOMPARE(reopened.node("t1")->parent, std::string("each"));
        QCOMPARE(reopened.node("solo")->parent, std::string("idle"));
        QCOMPARE(reopened.node("start")->parent, std::string());
        GraphScene scene(&reopened);
        QVERIFY(scene.containerItem("idle")->sceneFrame().contains(scene.nodeItem("solo")->sceneBoundingRect()));
    }

    void commandsRoundTrip()
    {
        const std::string before = m_doc->toText();
        auto *reparent = new ReparentCommand(m_doc.get(), {"t2"}, "", {{"t2", {620, 300}}});
        m_doc->undoStack()->push(reparent);
        const std::string after = m_doc->toText();
        QCOMPARE(reparent->removedEdges(), 1);
        for (int i = 0; i < 2; ++i) {
            m_doc->undoStack()->undo();
            QCOMPARE(m_doc->toText(), before);
            m_doc->undoStack()->redo();
            QCOMPARE(m_doc->toText(), after);
        }
        // Two drags of the same frame merge into one step.
        const int steps = m_doc->undoStack()->count();
        m_doc->undoStack()->push(new MoveWithChildrenCommand(m_doc.get(), {{"each", {320, 0}}}));
        m_doc->undoStack()->push(new MoveWithChildrenCommand(m_doc.get(), {{"each", {340, 20}}}));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        QCOMPARE(m_doc->node("t1")->position, (std::array<double, 2>{380, 100}));
        QCOMPARE(m_doc->node("t2")->position, (std::array<double, 2>{620, 300}));  // outside now: stays
        QString why;
        QVERIFY(!ConnectCommand::allowed(*m_doc, {"start", "t1", ""}, &why));
        QVERIFY(why.contains("inside"));
    }

    void completionOffersTheItemInside()
    {
        InspectorWidget inspector(m_doc.get());
        inspector.resize(400, 700);
        inspector.show();
        auto offered = [&](const QString &id, const QString &field) {
            inspector.showNode(id);
            auto *edit = qobject_cast<PromptEdit *>(inspector.editorFor(field));
            if (!edit)
                return QStringList{"(no prompt editor for " + field + ")"};
            edit->setFocus();
            edit->selectAll();
            QTest::keyClick(edit, Qt::Key_Delete);
            QTest::keyClicks(edit, "{{");
            QStringList out;
            for (int i = 0; i < edit->completer()->completionModel()->rowCount(); ++i)
                out << edit->completer()->completionModel()->index(i, 0).data().toString();
            return out;
        };
        const QStringList inside = offered("t2", "template");
        QVERIFY2(inside.contains("each.item") && inside.contains("each.index") && inside.contains("t1.text") &&
                     inside.contains("start.list"),
                 qPrintable(inside.join(", ")));
        QVERIFY(!inside.contains("each.results"));  // not yet: it is what the whole iteration gives
        engine::NodeSpec inner;
        inner.id = "inner";
        inner.type = "template";
        inner.parent = "rounds";
        inner.config = {{"template", ""}};
        m_doc->undoStack()->push(new AddNodeCommand(m_doc.get(), inner));
        const QStringList loop = offered("inner", "template");
        QVERIFY2(loop.contains("rounds.index") && loop.contains("solo.text"), qPrintable(loop.join(", ")));
        QVERIFY(!loop.contains("rounds.rounds"));  // what the loop gives once it is over
        const QStringList after = offered("solo", "template");
        QVERIFY(!after.contains("each.item"));
    }

    void thePaletteShowsTheNewNodesWithIcons()
    {
        PaletteWidget palette;
        for (const char *type : {"iteration", "loop", "break", "continue", "assigner", "human", "code", "classifier",
                                 "extractor", "document", "list"}) {
            QVERIFY2(palette.itemForType(type), type);
            QVERIFY2(!palette.itemForType(type)->icon(0).isNull(), type);
            QCOMPARE(nodeIconName(type), QString::fromStdString(engine::NodeRegistry::builtin().find(type)->icon));
        }
    }

    void aRunShowsEachItemAndTheFramesProgress()
    {
        m_doc->reset(workflow(
            {node("start", "start", 0, 0), node("each", "iteration", 300, 0, {{"items", "{{start.list}}"}, {"output", "{{t1.text}}"}}),
             node("t1", "template", 340, 80, {{"template", "<{{each.item}}>"}}, "each"),
             node("end", "end", 1000, 0, {{"outputs", {{"results", "{{each.results}}"}}}})},
            {{{"from", "start"}, {"to", "each"}}, {{"from", "each"}, {"to", "end"}}}));
        RunController runner;
        QStringList seen;
        connect(&runner, &RunController::nodeStatus, this, [&](const QString &node, const QString &status, const QString &detail) {
            seen << node + " " + status + " " + detail;
            if (NodeItem *item = m_scene->nodeItem(node))  // as the run console does
                item->setRunStatus(status, detail);
        });
        QSignalSpy ended(&runner, &RunController::runEnded);
        QString error;
        QVERIFY2(runner.start(m_doc->workflow(), {{"list", json::array({"a", "b", "c"})}}, {}, &error), qPrintable(error));
        QVERIFY(ended.wait(20000));
        QCOMPARE(ended.at(0).at(0).toString(), QString("succeeded"));
        QVERIFY2(seen.contains("t1 running #1") && seen.contains("t1 running #3"), qPrintable(seen.join('\n')));
        QVERIFY2(seen.contains("each running 3 / 3"), qPrintable(seen.join('\n')));
        QCOMPARE(m_scene->nodeItem("t1")->runStatus(), QString("done"));
        QCOMPARE(box("each")->runStatus(), QString("done"));
        QVERIFY(seen.indexOf(QRegularExpression("^each done .*")) > seen.indexOf("each running 3 / 3"));
    }
};

QTEST_MAIN(TestContainers)
#include "tst_containers.moc"
