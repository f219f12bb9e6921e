// The studio side of knowledge bases (DESIGN.md §7, §9), driven through real widgets
// offscreen: a base made with the New Base dialog, files dropped on the panel and read
// off the GUI thread, the documents and their passages, a test search with its trace,
// a golden question scored, a long ingestion cancelled without damage, the inspector's
// bases list writing the node's config, and a studio run of start → knowledge → end
// whose citations open the passage. Screenshots in English and Chinese go to
// build/screenshots.
#include "engine/knowledge/knowledgepack.h"
#include "engine/knowledge/knowledgestore.h"
#include "tests/support/studiohome.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/document/documentfile.h"
#include "widgets/document/graphdocument.h"
#include "widgets/knowledge/basespicker.h"
#include "widgets/knowledge/citationsview.h"
#include "widgets/knowledge/documentspage.h"
#include "widgets/knowledge/embeddingprofilebox.h"
#include "engine/knowledge/searchrequest.h"
#include "widgets/knowledge/goldenpage.h"
#include "widgets/knowledge/knowledgepanel.h"
#include "widgets/knowledge/newbasedialog.h"
#include "widgets/knowledge/passagedialog.h"
#include "widgets/knowledge/searchpage.h"
#include "widgets/knowledge/traceview.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/runconsole.h"
#include "widgets/run/runcontroller.h"

#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QProgressBar>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

const char *kWorkflow = R"({
  "format": "flowdeck.workflow", "formatVersion": 1, "id": "kb-test", "name": "Knowledge test", "mode": "workflow",
  "inputs": [ { "name": "question", "type": "text", "label": "Question", "required": true } ],
  "nodes": [
    { "id": "start", "type": "start", "position": [0, 0] },
    { "id": "kb", "type": "knowledge", "position": [260, 0],
      "config": { "query": "{{start.question}}", "bases": ["handbook"], "mode": "keyword", "topK": 3 } },
    { "id": "end", "type": "end", "position": [520, 0],
      "config": { "outputs": { "text": "{{kb.text}}", "citations": "{{kb.citations}}" } } }
  ],
  "edges": [ { "from": "start", "to": "kb" }, { "from": "kb", "to": "end" } ]
})";

// Drops local files on `target` the way a file manager does.
void dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

int rowOf(QTableWidget *table, int column, const QString &text)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, column) && table->item(row, column)->text().contains(text))
            return row;
    return -1;
}

} // namespace

class TestKnowledge : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_project;  // the workflow file; its bases are in <folder>/knowledge
    RunController *m_runner = nullptr;
    KnowledgePanel *m_panel = nullptr;

    void createBase(const QString &name)
    {
        QTimer::singleShot(0, this, [name] {
            auto *dialog = qobject_cast<NewBaseDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::keyClicks(dialog->nameField(), QStringLiteral("../x"));
            QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
            QVERIFY(!dialog->problem()->text().isEmpty());
            dialog->nameField()->clear();
            QTest::keyClicks(dialog->nameField(), name);
            QTest::keyClicks(dialog->titleField(), QStringLiteral("Employee handbook"));
            QCOMPARE(dialog->profileBox()->itemData(0).toString(), QString());  // none: keyword search only
            QPushButton *create = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(create->isEnabled());
            QTest::mouseClick(create, Qt::LeftButton);
        });
        QTest::mouseClick(m_panel->newBaseButton(), Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
        tests::useOwnHome(m_home.path(), false);
        m_project = QDir(m_home.path()).filePath("project/app.flow.json");
        writeFile(m_project, kWorkflow);
        m_runner = new RunController(this);
        m_runner->setProjectFile(m_project);
        m_panel = new KnowledgePanel(m_runner);
        m_panel->setProjectFile(m_project);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    }

    void cleanupTestCase()
    {
        delete m_panel;
        delete m_runner;
    }

    void createBaseWithTheDialog()
    {
        QCOMPARE(m_panel->baseList()->count(), 0);
        createBase("handbook");
        QCOMPARE(m_panel->currentBase(), QStringLiteral("handbook"));
        QVERIFY(QFileInfo::exists(QDir(m_home.path()).filePath("project/knowledge/handbook/kb.json")));
        QCOMPARE(m_panel->tabs()->currentWidget(), m_panel->documents());
    }

    void dropFilesAndSeeThemIndexed()
    {
        const QString docs = QDir(m_home.path()).filePath("docs");
        writeFile(docs + "/handbook.md", "# Leave\n\nEvery employee has 15 days of annual leave each year.\n\n"
                                         "# Travel\n\nTrain tickets are refunded within 30 days.\n");
        writeFile(docs + "/prices.csv", "product,price\nkettle,29\ntoaster,45\n");
        writeFile(docs + "/broken.pdf", "this is not a PDF");
        dropFiles(m_panel, {docs + "/handbook.md", docs + "/prices.csv", docs + "/broken.pdf"});
        DocumentsPage *page = m_panel->documents();
        QVERIFY(page->busy());
        QVERIFY(page->cancelButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 30000);

        QTableWidget *table = page->documents();
        QCOMPARE(table->rowCount(), 3);
        const int md = rowOf(table, DocumentsPage::PathColumn, "handbook.md");
        const int csv = rowOf(table, DocumentsPage::PathColumn, "prices.csv");
        const int pdf = rowOf(table, DocumentsPage::PathColumn, "broken.pdf");
        QVERIFY(md >= 0 && csv >= 0 && pdf >= 0);
        QCOMPARE(table->item(md, DocumentsPage::StatusColumn)->text(), QStringLiteral("indexed"));
        QVERIFY(table->item(md, DocumentsPage::PassagesColumn)->text().toInt() >= 1);
        QCOMPARE(table->item(csv, DocumentsPage::TypeColumn)->text(), QStringLiteral("csv"));
        QCOMPARE(table->item(pdf, DocumentsPage::StatusColumn)->text(), QStringLiteral("failed"));
        QVERIFY(!table->item(pdf, DocumentsPage::NotesColumn)->text().isEmpty());  // the reason
        QCOMPARE(page->failures()->count(), 1);  // and the failure listed with it
        QVERIFY(page->failures()->item(0)->text().contains("broken.pdf"));
        QVERIFY(page->status()->text().contains("2 indexed"));

        // The passage browser: the document's passages with where they come from.
        table->selectRow(md);
        QVERIFY(page->passages()->rowCount() >= 1);
        const int leave = rowOf(page->passages(), 1, "annual leave");
        QVERIFY(leave >= 0);
        QVERIFY(page->passages()->item(leave, 0)->text().contains("Leave"));  // its heading
        page->passages()->selectRow(leave);
        QVERIFY(page->passageText()->toPlainText().contains("15 days"));
    }

    void testSearchShowsHitsAndTrace()
    {
        m_panel->tabs()->setCurrentWidget(m_panel->searchPage());
        SearchPage *search = m_panel->searchPage();
        QTest::keyClicks(search->queryField(), QStringLiteral("annual leave"));
        search->modeBox()->setCurrentIndex(search->modeBox()->findData(static_cast<int>(engine::SearchMode::Keyword)));
        QSignalSpy searched(search, &SearchPage::searched);
        QTest::mouseClick(search->searchButton(), Qt::LeftButton);
        QVERIFY(searched.wait(20000));
        QVERIFY(search->results()->topLevelItemCount() >= 1);
        QVERIFY(search->results()->topLevelItem(0)->text(SearchPage::DocumentColumn).contains("handbook.md"));
        QTableWidget *trace = search->trace()->table();
        QVERIFY(trace->rowCount() >= 1);
        QCOMPARE(trace->item(0, TraceView::KeptColumn)->text(), QStringLiteral("kept"));
        QVERIFY(trace->item(0, TraceView::KeywordColumn)->text().startsWith("#1"));
        QVERIFY(search->trace()->summary()->text().contains("keyword"));

        // A threshold above every score: nothing found, and the trace says why.
        search->thresholdBox()->setValue(1.0);
        search->modeBox()->setCurrentIndex(search->modeBox()->findData(static_cast<int>(engine::SearchMode::Keyword)));
        QTest::keyClicks(search->queryField(), QStringLiteral(" travel"));
        QTest::mouseClick(search->searchButton(), Qt::LeftButton);
        QVERIFY(searched.wait(20000));
        QVERIFY(trace->rowCount() >= 1);
        QVERIFY(rowOf(trace, TraceView::KeptColumn, "threshold") >= 0);
        search->thresholdBox()->setValue(0);
    }

    void goldenQuestionScored()
    {
        GoldenPage *golden = m_panel->golden();
        m_panel->tabs()->setCurrentWidget(golden);
        QTest::keyClicks(golden->questionField(), QStringLiteral("How many days of annual leave?"));
        const int doc = golden->documentBox()->findText("handbook.md", Qt::MatchEndsWith);
        QVERIFY(doc >= 0);
        golden->documentBox()->setCurrentIndex(doc);
        QTest::keyClicks(golden->snippetField(), QStringLiteral("15 days"));
        QTest::mouseClick(golden->addButton(), Qt::LeftButton);
        QCOMPARE(golden->questions()->rowCount(), 1);
        QSignalSpy tested(golden, &GoldenPage::tested);
        QTest::mouseClick(golden->runButton(), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QVERIFY2(golden->scores()->text().contains("hit@5 1.00"), qPrintable(golden->scores()->text()));
        QVERIFY(golden->scores()->text().contains("MRR 1.000"));
        QVERIFY(golden->questions()->item(0, GoldenPage::ResultColumn)->text().contains("#1"));
    }

    void cancelLongIngestionLeavesBaseWhole()
    {
        createBase("many");
        const QString folder = QDir(m_home.path()).filePath("many");
        const int files = 400;
        for (int i = 0; i < files; ++i)
            writeFile(QStringLiteral("%1/note-%2.md").arg(folder).arg(i, 3, 10, QChar('0')),
                      QStringLiteral("# Note %1\n\nThis note is number %1 of the pile; it mentions item%1 once.\n").arg(i).toUtf8());
        DocumentsPage *page = m_panel->documents();
        QVERIFY(page->addPaths({folder}));
        QTRY_VERIFY_WITH_TIMEOUT(page->overallProgress()->value() >= 2, 30000);
        QTest::mouseClick(page->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 30000);
        QVERIFY2(page->status()->text().contains("Cancelled"), qPrintable(page->status()->text()));
        const int stored = page->documents()->rowCount();
        QVERIFY2(stored < files, qPrintable(QString::number(stored)));

        // Whole: every indexed document has exactly the passages it counts.
        const auto base = engine::knowledgeFolderFor(m_project.toStdString()) / "many";
        auto store = engine::KnowledgeStore::open(base, engine::KnowledgeStore::Mode::ReadOnly);
        QVERIFY(store.ok());
        auto docs = store.value()->documents();
        QVERIFY(docs.ok());
        int indexed = 0;
        for (const auto &d : docs.value()) {
            if (d.status != engine::DocumentStatus::Indexed)
                continue;
            ++indexed;
            auto chunks = store.value()->chunks(d.id, 0, 100);
            QVERIFY(chunks.ok());
            QCOMPARE(static_cast<int>(chunks->size()), d.chunkCount);
        }
        QVERIFY(indexed >= 1);

        // Adding the folder again goes on from there: every note ends up indexed once.
        QVERIFY(page->addPaths({folder}));
        QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 120000);
        QCOMPARE(page->documents()->rowCount(), files);
        QVERIFY(page->status()->text().contains(QStringLiteral("%1 unchanged").arg(indexed)));
        m_panel->selectBase("handbook");
    }

    void inspectorBasesListWritesTheConfig()
    {
        GraphDocument doc;
        QString error;
        QVERIFY2(openDocument(doc, m_project, &error), qPrintable(error));
        InspectorWidget inspector(&doc);
        inspector.setProjectFile(m_project);
        inspector.showNode("kb");
        inspector.resize(360, 800);
        inspector.show();
        auto *picker = qobject_cast<BasesPicker *>(inspector.editorFor("bases"));
        QVERIFY(picker);
        QListWidget *list = picker->list();
        QCOMPARE(list->count(), 2);  // handbook and many
        QCOMPARE(list->item(0)->checkState(), Qt::Checked);
        QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
        // Ticking "many" with the mouse on its check box.
        QRect box = list->visualItemRect(list->item(1));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(box.left() + 10, box.center().y()));
        if (doc.node("kb")->config["bases"].size() != 2)  // styles differ in where the box sits
            list->item(1)->setCheckState(Qt::Checked);
        QCOMPARE(doc.node("kb")->config["bases"], nlohmann::json::parse(R"(["handbook", "many"])"));
        doc.undoStack()->undo();
        QCOMPARE(doc.node("kb")->config["bases"], nlohmann::json::parse(R"(["handbook"])"));

        // Filters: a line per property, written when it is left; one undo step each.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // the form the undo replaced
        auto *types = inspector.findChild<QLineEdit *>("field:filters.types");
        QVERIFY(types);
        const int steps = doc.undoStack()->index();
        QTest::keyClicks(types, QStringLiteral("md, csv"));
        QTest::keyClick(types, Qt::Key_Return);
        QCOMPARE(doc.node("kb")->config["filters"]["types"], nlohmann::json::parse(R"(["md", "csv"])"));
        QCOMPARE(doc.undoStack()->index(), steps + 1);  // one step for the whole line
        auto *rerank = inspector.findChild<QCheckBox *>("field:rerank.enabled");
        QVERIFY(rerank);
        QTest::mouseClick(rerank, Qt::LeftButton, {}, QPoint(6, rerank->height() / 2));  // on its box
        QCOMPARE(doc.node("kb")->config.value(nlohmann::json::json_pointer("/rerank/enabled"), false), true);

        // Manage… asks for the panel.
        QSignalSpy manage(&inspector, &InspectorWidget::manageKnowledge);
        auto *again = qobject_cast<BasesPicker *>(inspector.editorFor("bases"));
        QVERIFY(again);
        QTest::mouseClick(again->manageButton(), Qt::LeftButton);
        QCOMPARE(manage.count(), 1);
    }

    void runConsoleShowsCitations()
    {
        GraphDocument doc;
        QString error;
        QVERIFY2(openDocument(doc, m_project, &error), qPrintable(error));
        GraphScene scene(&doc);
        RunConsole console(&doc, &scene, m_runner);
        console.resize(1000, 400);
        console.show();
        QLineEdit *question = console.inputField("question");
        QVERIFY(question);
        QTest::keyClicks(question, QStringLiteral("How many days of annual leave?"));
        QSignalSpy finished(&console, &RunConsole::finished);
        QTest::mouseClick(console.runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(console.lastStatus(), QStringLiteral("succeeded"));
        CitationsView *citations = console.citations();
        QVERIFY(citations->isVisible());
        QVERIFY(!citations->citations().empty());
        QVERIFY2(citations->text().contains("[1] "), qPrintable(citations->text()));
        QVERIFY(citations->text().contains("handbook.md"));
        QVERIFY(console.retrievalTrace()->table()->rowCount() >= 1);

        emit citations->linkActivated(QStringLiteral("cite:0"));  // what a click on the link sends
        PassageDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = console.window()->findChild<PassageDialog *>()) != nullptr);
        QVERIFY(dialog->text()->toPlainText().contains("15 days"));
        QVERIFY(dialog->source()->text().startsWith("[1] "));
        dialog->close();
    }

    void screenshots()
    {
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        m_panel->resize(1100, 700);
        m_panel->tabs()->setCurrentWidget(m_panel->searchPage());
        m_panel->searchPage()->queryField()->setText(QStringLiteral("annual leave"));
        m_panel->searchPage()->modeBox()->setCurrentIndex(0);  // hybrid
        QSignalSpy searchedEn(m_panel->searchPage(), &SearchPage::searched);
        QTest::mouseClick(m_panel->searchPage()->searchButton(), Qt::LeftButton);
        QVERIFY(searchedEn.wait(20000));
        QVERIFY(m_panel->searchPage()->status()->text().contains("searched by keyword"));  // hybrid asked, no vectors
        QVERIFY(m_panel->grab().save(QDir(out).filePath("knowledge-panel-en.png")));

        QTranslator translator;
        QVERIFY(translator.load(QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("app/flowdeck_zh_CN.qm")));
        QApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        KnowledgePanel chinese(m_runner);
        chinese.setProjectFile(m_project);
        chinese.selectBase("handbook");
        chinese.resize(1100, 700);
        chinese.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chinese));
        chinese.searchPage()->queryField()->setText(QStringLiteral("annual leave"));
        QSignalSpy searched(chinese.searchPage(), &SearchPage::searched);
        chinese.tabs()->setCurrentWidget(chinese.searchPage());
        QTest::mouseClick(chinese.searchPage()->searchButton(), Qt::LeftButton);
        QVERIFY(searched.wait(20000));
        QCOMPARE(chinese.tabs()->tabText(0), QStringLiteral("文档"));
        QVERIFY(chinese.grab().save(QDir(out).filePath("knowledge-panel-zh.png")));
        chinese.tabs()->setCurrentWidget(chinese.documents());
        QVERIFY(chinese.grab().save(QDir(out).filePath("knowledge-documents-zh.png")));
        QApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::English));
    }
};

QTEST_MAIN(TestKnowledge)
#include "tst_knowledge.moc"
