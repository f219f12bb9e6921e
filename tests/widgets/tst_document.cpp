// The studio's document, headless: every undo command round-trips (do, undo, redo) to
// the identical JSON; files save and open atomically; autosave survives a crash; the
// validator's problems are kept on the document.
#include "widgets/document/commands.h"
#include "widgets/document/documentfile.h"

#include "engine/workflow/workflowfile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

#include <csignal>

using namespace flowdeck;
using namespace flowdeck::studio;

namespace {

engine::Workflow sample()
{
    auto wf = engine::loadWorkflowFile(FLOWDECK_SOURCE_DIR "/examples/order-triage.flow.json");
    return wf.value();
}

engine::NodeSpec templateNode(const std::string &id, double x = 0, double y = 0)
{
    engine::NodeSpec n;
    n.id = id;
    n.type = "template";
    n.position = {x, y};
    n.config = {{"template", "hello {{start.note}}"}};
    return n;
}

} // namespace

class TestDocument : public QObject {
    Q_OBJECT

    // Pushes `command`, then checks undo gives back the text before and redo the text after, twice.
    void roundTrip(GraphDocument &doc, QUndoCommand *command)
    {
        const std::string before = doc.toText();
        const QString name = command->text();
        const int count = doc.undoStack()->count();
        doc.undoStack()->push(command);  // `command` belongs to the stack now
        QVERIFY2(doc.undoStack()->count() == count + 1, qPrintable(name + " merged into the step before"));
        const std::string after = doc.toText();
        QVERIFY2(after != before, qPrintable(name + " changed nothing"));
        for (int i = 0; i < 2; ++i) {
            doc.undoStack()->undo();
            QVERIFY2(doc.toText() == before, qPrintable(name + ": undo\n" + QString::fromStdString(doc.toText())));
            doc.undoStack()->redo();
            QCOMPARE(doc.toText(), after);
        }
    }

private slots:
    void everyCommandRoundTrips()
    {
        GraphDocument doc;
        doc.reset(sample());
        QVERIFY(!doc.workflow().nodes.empty());
        const std::string firstEdgeFrom = doc.workflow().edges.front().from;

        roundTrip(doc, new AddNodeCommand(&doc, templateNode(doc.freshNodeId("template"), 40, 60)));
        roundTrip(doc, new ConnectCommand(&doc, {"start", "template_1", ""}));
        roundTrip(doc, new SetConfigFieldCommand(&doc, "template_1", "/template", "bye {{start.note}}"));
        roundTrip(doc, new MoveNodesCommand(&doc, {{"template_1", {300, 20}}}));
        roundTrip(doc, new SetConfigFieldCommand(&doc, "template_1", "/template", nullptr));  // removes the field
        roundTrip(doc, new DisconnectCommand(&doc, doc.workflow().edges.front()));
        roundTrip(doc, new DeleteCommand(&doc, {firstEdgeFrom == "start" ? std::string("template_1") : firstEdgeFrom}));
        roundTrip(doc, new DeleteCommand(&doc, {"start"}));  // the start node and all its edges
        roundTrip(doc, new PasteCommand(&doc, copySelection(doc, {"size", "manager"}), {30, 30}));
        roundTrip(doc, new AutoLayoutCommand(&doc));
        roundTrip(doc, new SetPluginsCommand(&doc, {{"mem", {{"catalog", "memory"}}}, {"fs", {{"command", "node"}}}}, "add"));
        roundTrip(doc, new SetPluginsCommand(&doc, {{"mem", nullptr}}, "remove"));  // removes an entry
        QVERIFY(doc.undoStack()->count() == 12);
    }

    void movesAndTypingMerge()
    {
        GraphDocument doc;
        doc.reset(sample());
        doc.undoStack()->push(new AddNodeCommand(&doc, templateNode("t")));
        const std::string before = doc.toText();
        for (int step = 1; step <= 5; ++step)
            doc.undoStack()->push(new MoveNodesCommand(&doc, {{"t", {10.0 * step, 5.0 * step}}}));
        QCOMPARE(doc.node("t")->position[0], 50.0);
        for (const char *text : {"h", "he", "hel", "hello"})
            doc.undoStack()->push(new SetConfigFieldCommand(&doc, "t", "/template", text));
        QCOMPARE(doc.undoStack()->count(), 3);  // add, one move, one edit
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.toText(), before);
    }

    void pasteGivesFreshIdsAndKeepsInnerEdges()
    {
        GraphDocument doc;
        doc.reset(sample());
        const auto &first = doc.workflow().edges.front();
        const std::string clip = copySelection(doc, {first.from, first.to});
        const auto nodesBefore = doc.workflow().nodes.size(), edgesBefore = doc.workflow().edges.size();
        auto *paste = new PasteCommand(&doc, clip, {40, 40});
        QVERIFY(paste->valid());
        const auto ids = paste->pastedIds();
        doc.undoStack()->push(paste);
        QCOMPARE(doc.workflow().nodes.size(), nodesBefore + 2);
        QCOMPARE(doc.workflow().edges.size(), edgesBefore + 1);
        for (const auto &id : ids)
            QVERIFY(id != first.from && id != first.to);
        const auto &pasted = doc.workflow().edges.back();
        QVERIFY(pasted.from == ids[0] || pasted.from == ids[1]);
        QVERIFY(!PasteCommand(&doc, "not a clipboard", {0, 0}).valid());
    }

    void connectionsThatCannotBe()
    {
        GraphDocument doc;
        doc.reset(sample());
        const auto edge = doc.workflow().edges.front();
        QString why;
        QVERIFY(!ConnectCommand::allowed(doc, edge, &why));
        QVERIFY(why.contains("already"));
        QVERIFY(!ConnectCommand::allowed(doc, {edge.from, edge.from, ""}, &why));
        QVERIFY(why.contains("itself"));
        QVERIFY(!ConnectCommand::allowed(doc, {edge.to, edge.from, ""}, &why));
        QVERIFY(why.contains("loop"));
        QVERIFY(!ConnectCommand::allowed(doc, {"nope", edge.from, ""}, &why));
    }

    void problemsAreKeptOnTheDocumentAfterEachEdit()
    {
        GraphDocument doc;
        doc.reset(sample());
        doc.revalidate();
        QCOMPARE(doc.problemCount(), 0);
        QSignalSpy validated(&doc, &GraphDocument::validated);
        // A node whose template names a node that is not upstream: a problem on that node.
        engine::NodeSpec stray = templateNode("stray");
        stray.config = {{"template", "{{nowhere.text}}"}};
        doc.undoStack()->push(new AddNodeCommand(&doc, stray));
        QVERIFY(validated.wait(3000));  // soon after the edit, with no view attached
        QVERIFY(doc.problemCount() >= 1);
        QVERIFY(doc.nodeProblems().contains("stray"));
        QVERIFY(!doc.nodeProblems().value("stray").join(' ').isEmpty());
        doc.undoStack()->undo();
        QVERIFY(validated.wait(3000));
        QCOMPARE(doc.problemCount(), 0);
        QVERIFY(doc.nodeProblems().isEmpty());
    }

    void layoutPutsEveryNodeRightOfWhatFeedsIt()
    {
        GraphDocument doc;
        doc.reset(sample());
        const auto positions = AutoLayoutCommand::layout(doc.workflow());
        for (const auto &e : doc.workflow().edges)
            QVERIFY(positions.at(e.from)[0] < positions.at(e.to)[0]);
    }

    void saveAndOpenRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("triage.flow.json");
        GraphDocument doc;
        doc.reset(sample());
        doc.undoStack()->push(new AddNodeCommand(&doc, templateNode("extra", 10, 10)));
        QVERIFY(!doc.undoStack()->isClean());
        QString error;
        QVERIFY2(saveDocument(doc, path, &error), qPrintable(error));
        QVERIFY(doc.undoStack()->isClean());
        GraphDocument again;
        QVERIFY2(openDocument(again, path, &error), qPrintable(error));
        QCOMPARE(again.toText(), doc.toText());

        QFile broken(dir.filePath("broken.flow.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"format\": \"flowdeck.workflow\", \"formatVersion\": 1,");
        broken.close();
        QVERIFY(!openDocument(again, broken.fileName(), &error));
        QVERIFY2(error.contains("not valid JSON"), qPrintable(error));
        QCOMPARE(again.toText(), doc.toText());  // a failed open leaves the document alone
    }

    void failedSaveKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("small.flow.json");
        GraphDocument doc;
        doc.reset(sample());
        QString error;
        QVERIFY(saveDocument(doc, path, &error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray old = f.readAll();
        f.close();
        for (int i = 0; i < 200; ++i)
            doc.undoStack()->push(new AddNodeCommand(&doc, templateNode("filler_" + std::to_string(i))));
        // The disk "fills up": writes past the old file's size fail, as with ENOSPC.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        getrlimit(RLIMIT_FSIZE, &saved);
        rlimit tight = saved;
        tight.rlim_cur = static_cast<rlim_t>(old.size() + 100);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
        const bool ok = saveDocument(doc, path, &error);
        setrlimit(RLIMIT_FSIZE, &saved);
        QVERIFY(!ok);
        QVERIFY2(error.contains("was not changed"), qPrintable(error));
        QVERIFY(!doc.undoStack()->isClean());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), old);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"small.flow.json"});  // no temporary left

        QVERIFY(!saveDocument(doc, dir.path(), &error));  // a directory is not a file
    }

    void autosaveIsRecoveredAfterACrash()
    {
        QTemporaryDir dir;
        const QString autosaves = dir.filePath("autosave");
        const QString original = dir.filePath("mine.flow.json");
        std::string unsaved;
        {
            GraphDocument doc;
            doc.reset(sample());
            Autosaver autosaver(&doc, autosaves, 50);
            autosaver.setDocumentPath(original);
            doc.undoStack()->push(new AddNodeCommand(&doc, templateNode("unsaved", 5, 5)));
            unsaved = doc.toText();
            QTRY_VERIFY(QFile::exists(autosaver.autosavePath()));
            // The program dies here: nothing discards the autosave.
        }
        const auto pending = Autosaver::pending(autosaves);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.front().originalPath, original);
        QVERIFY(pending.front().savedAt.isValid());
        GraphDocument recovered;
        QString error;
        QVERIFY2(Autosaver::recover(recovered, pending.front(), &error), qPrintable(error));
        QCOMPARE(recovered.toText(), unsaved);
        QVERIFY(!recovered.undoStack()->isClean());
        QVERIFY(Autosaver::pending(autosaves).isEmpty());

        // A clean save discards the autosave.
        GraphDocument doc;
        doc.reset(sample());
        Autosaver autosaver(&doc, autosaves, 1000000);
        autosaver.setDocumentPath(original);
        doc.undoStack()->push(new AddNodeCommand(&doc, templateNode("x")));
        QVERIFY(autosaver.saveNow());
        QVERIFY(saveDocument(doc, original, &error));
        autosaver.discard();
        QVERIFY(Autosaver::pending(autosaves).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
