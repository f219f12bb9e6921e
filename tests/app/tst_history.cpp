// Version history in the studio, offscreen on the real widgets: saving a project records
// versions (Ctrl+S, and Save Version… with a message); History shows them, the diff of two
// is exactly the prompt edited in between, with its lines; restoring the first brings the
// document and the file back; a deploy to this computer (the embedded runtime) records a
// deploy version whose id the runtime keeps in the app's source, and the deploy dialog
// lists what changed since the live version; a copied project folder keeps its history;
// a folder that cannot hold a history still saves.
#include "app/mainwindow.h"
#include "engine/history/projecthistory.h"
#include "tests/support/mockllm.h"
#include "tests/support/studiohome.h"
#include "tests/support/trustedfile.h"
#include "widgets/canvas/graphview.h"
#include "widgets/deploy/deploydialog.h"
#include "widgets/deploy/localruntime.h"
#include "widgets/deploy/runtimeadmin.h"
#include "widgets/document/commands.h"
#include "widgets/document/graphdocument.h"
#include "widgets/history/historydialog.h"
#include "widgets/history/livechanges.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDirIterator>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace flowdeck::studio;
using flowdeck::engine::ProjectHistory;
using flowdeck::engine::WorkflowChange;

namespace {

const char *kFirstPrompt = "Summarise the text below.\nBe brief.\n{{sys.query}}";
const char *kSecondPrompt = "Summarise the text below.\nAnswer in three bullet points.\n{{sys.query}}";

QByteArray workflowText()
{
    nlohmann::json wf = {
        {"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "summary"}, {"name", "Summary"}, {"mode", "chat"},
        {"models", {{"default", {{"profile", "mock"}, {"model", "mock-model"}}}}},
        {"nodes", {{{"id", "start"}, {"type", "start"}, {"position", {0, 0}}},
                   {{"id", "llm_1"}, {"type", "llm"}, {"position", {260, 0}}, {"config", {{"prompt", kFirstPrompt}}}},
                   {{"id", "answer"}, {"type", "answer"}, {"position", {520, 0}}, {"config", {{"text", "{{llm_1.text}}"}}}}}},
        {"edges", {{{"from", "start"}, {"to", "llm_1"}}, {{"from", "llm_1"}, {"to", "answer"}}}}};
    return QByteArray::fromStdString(wf.dump(2));
}

QString writeProject(const QString &folder)
{
    QDir().mkpath(folder);
    QFile file(QDir(folder).filePath("summary.flow.json"));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(workflowText());
    file.close();
    return flowdeck::tests::trusted(file.fileName());
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(path));
        if (it.fileInfo().isDir() ? !QDir().mkpath(target) : !(QDir().mkpath(QFileInfo(target).absolutePath()) && QFile::copy(path, target)))
            return false;
    }
    return true;
}

// A row of the history list, clicked (with `modifiers`) as a user would.
void clickRow(QTreeWidget *list, int row, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTreeWidgetItem *item = list->topLevelItem(row);
    QVERIFY(item);
    const QRect rect = list->visualItemRect(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, modifiers, rect.center());
}

QString saveShot(QWidget *widget, const QString &name)
{
    const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
    QDir().mkpath(out);
    const QString file = QDir(out).filePath(name);
    return widget->grab().save(file) ? file : QString();
}

} // namespace

class TestHistory : public QObject {
    Q_OBJECT

    flowdeck::tests::MockLlm m_mock;
    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;
    QString m_file;
    std::vector<std::string> m_saved;  // the versions saved by the first test, oldest first

    std::string prompt() const { return m_window->document()->node("llm_1")->config.value("prompt", ""); }

    HistoryDialog *history()
    {
        m_window->activateWindow();  // the keys reach the main window's menus
        (void)QTest::qWaitForWindowActive(m_window.get());
        QTest::keyClick(m_window->view(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        auto *dialog = m_window->findChild<HistoryDialog *>("history");
        if (dialog)
            (void)QTest::qWaitForWindowExposed(dialog);
        return dialog;
    }

    QJsonObject admin(const QString &path)
    {
        RuntimeAdmin runtime;
        runtime.setRuntime(m_window->localRuntime()->url(), m_window->localRuntime()->adminToken());
        QJsonObject out;
        bool done = false;
        runtime.get(path, [&](RuntimeAdmin::Answer a) {
            out = a.body;
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, 30000);
        return out;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error), qPrintable(error));
        QDir().mkpath(m_home.filePath("config"));
        QFile profiles(m_home.filePath("config/profiles.json"));
        QVERIFY(profiles.open(QIODevice::WriteOnly));
        profiles.write(QByteArray::fromStdString(m_mock.profilesJson()));
        profiles.close();
        flowdeck::tests::useOwnHome(m_home.path(), true);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_file = writeProject(m_home.filePath("projects/summary"));
        QVERIFY(m_window->openFile(m_file));
    }

    void cleanupTestCase()
    {
        m_window->document()->undoStack()->setClean();
        m_window.reset();  // stops the local runtime
    }

    void savingRecordsVersions()
    {
        const QString folder = QFileInfo(m_file).absolutePath();
        QVERIFY(!ProjectHistory::hasHistory(folder.toStdString()));
        QVERIFY(m_window->document()->trusted());
        // Ctrl+S: the first save makes the history.
        QTest::keyClick(m_window->view(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(ProjectHistory::hasHistory(folder.toStdString()), qPrintable(m_window->statusBar()->currentMessage()));
        QVERIFY2(m_window->statusBar()->currentMessage().contains("Version "), qPrintable(m_window->statusBar()->currentMessage()));
        // An edit of the prompt (the inspector's command), then Save Version… with a message.
        m_window->document()->undoStack()->push(new SetConfigFieldCommand(m_window->document(), "llm_1", "/prompt", kSecondPrompt));
        QTimer::singleShot(0, this, [] {
            QInputDialog *ask = nullptr;
            (void)QTest::qWaitFor([&] { return (ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())); }, 5000);
            if (!ask)
                return;
            ask->setTextValue("Bullet points instead of a short text");
            ask->accept();
        });
        QTest::keyClick(m_window->view(), Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(m_window->document()->undoStack()->isClean());
        QVERIFY(readFile(m_file).contains("three bullet points"));

        auto opened = ProjectHistory::open(folder.toStdString());
        QVERIFY(opened.ok());
        const auto versions = opened.value()->list();
        QCOMPARE(versions.size(), std::size_t(2));
        QCOMPARE(versions[1].kind, std::string("save"));
        QCOMPARE(versions[1].message, std::string("Saved Summary"));
        QCOMPARE(versions[0].message, std::string("Bullet points instead of a short text"));
        m_saved = {versions[1].id, versions[0].id};
    }

    void historyShowsTheDiffOfTwoVersions()
    {
        HistoryDialog *dialog = history();
        QVERIFY(dialog);
        QTreeWidget *list = dialog->versionList();
        QCOMPARE(list->topLevelItemCount(), 3);  // now, then the two versions newest first
        QCOMPARE(list->topLevelItem(1)->text(2), QStringLiteral("Bullet points instead of a short text"));
        QCOMPARE(list->topLevelItem(2)->text(1), QStringLiteral("Saved"));
        QCOMPARE(list->topLevelItem(2)->text(4), QString::fromStdString(m_saved[0].substr(0, 8)));
        clickRow(list, 2);
        clickRow(list, 1, Qt::ControlModifier);
        QCOMPARE(list->selectedItems().size(), 2);

        const auto &files = dialog->shownDiff();
        QCOMPARE(files.size(), std::size_t(1));
        QCOMPARE(files[0].path, std::string("summary.flow.json"));
        QCOMPARE(files[0].changes.size(), std::size_t(1));
        const WorkflowChange &change = files[0].changes[0];
        QCOMPARE(change.kind, WorkflowChange::Kind::PromptChanged);
        QCOMPARE(change.node, std::string("llm_1"));
        QCOMPARE(change.field, std::string("config.prompt"));
        std::string lines;
        for (const auto &line : change.lines)
            lines += std::string(1, line.op) + line.text + "\n";
        QCOMPARE(lines, std::string(" Summarise the text below.\n-Be brief.\n+Answer in three bullet points.\n {{sys.query}}\n"));
        // What the user reads: the sentence and the lines, the removed one and the added one.
        const QString shown = dialog->diffView()->toPlainText();
        QVERIFY2(shown.contains("(llm_1): Prompt changed"), qPrintable(shown));
        QVERIFY2(shown.contains("Be brief.") && shown.contains("Answer in three bullet points."), qPrintable(shown));
        QVERIFY2(shown.contains("- Be brief.") && shown.contains("+ Answer in three bullet points."), qPrintable(shown));
        QVERIFY2(dialog->diffView()->toHtml().contains("#ffebe9"), "the removed line is not marked in red");
        QVERIFY2(dialog->diffView()->toHtml().contains("#dafbe1"), "the added line is not marked in green");
        QVERIFY(!saveShot(dialog, "history-dialog.png").isEmpty());

        // One version alone: what changed since it (the same, the files are as saved).
        clickRow(list, 2);
        QCOMPARE(dialog->shownDiff().size(), std::size_t(1));
        QVERIFY(dialog->restoreButton()->isEnabled());
    }

    void restoringTheFirstVersionBringsItBack()
    {
        HistoryDialog *dialog = m_window->findChild<HistoryDialog *>("history");
        QVERIFY(dialog);
        QCOMPARE(dialog->versionList()->selectedItems().value(0)->data(4, Qt::UserRole).toString().toStdString(), m_saved[0]);
        QSignalSpy restored(dialog, &HistoryDialog::restored);
        QTest::mouseClick(dialog->restoreButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog->restoreQuestion() && dialog->restoreQuestion()->isVisible());
        QVERIFY2(dialog->restoreQuestion()->informativeText().contains("summary.flow.json"),
                 qPrintable(dialog->restoreQuestion()->informativeText()));
        QTest::mouseClick(dialog->restoreQuestion()->findChild<QPushButton *>("confirmRestore"), Qt::LeftButton);
        QTRY_COMPARE(restored.count(), 1);
        QCOMPARE(prompt(), std::string(kFirstPrompt));
        QVERIFY(readFile(m_file).contains("Be brief."));
        QVERIFY(!readFile(m_file).contains("three bullet points"));
        QVERIFY(m_window->document()->undoStack()->isClean());
        auto opened = ProjectHistory::open(QFileInfo(m_file).absolutePath().toStdString());
        const auto versions = opened.value()->list();
        QCOMPARE(versions.size(), std::size_t(3));
        QCOMPARE(versions[0].kind, std::string("restore"));
        QCOMPARE(dialog->versionList()->topLevelItemCount(), 4);
        QCOMPARE(dialog->versionList()->topLevelItem(1)->text(1), QStringLiteral("Restored"));
        dialog->close();
    }

    void aDeployIsAVersionTheRuntimeKnows()
    {
        DeployDialog *d = m_window->openDeploy();
        d->setTarget(DeployDialog::ThisComputer);
        d->field("app")->setText("summary");
        d->skipModelCheck()->setChecked(true);
        // Before the first deploy, the runtime has no such app.
        QTRY_VERIFY2_WITH_TIMEOUT(d->liveChanges()->text().contains("First deploy: 'summary' is not on the runtime yet."),
                                  qPrintable(d->liveChanges()->text()), 30000);
        QSignalSpy finished(d, &DeployDialog::finished);
        QTest::mouseClick(d->deployButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(d->message()));

        auto opened = ProjectHistory::open(QFileInfo(m_file).absolutePath().toStdString());
        const auto head = opened.value()->head();
        QVERIFY(head);
        QCOMPARE(head->kind, std::string("deploy"));
        QCOMPARE(head->target, std::string("this computer"));
        QCOMPARE(d->deployedVersion().toStdString(), head->id);
        const QJsonObject source = admin("apps/summary").value("source").toObject();
        QCOMPARE(source.value("version").toString().toStdString(), head->id);
        QCOMPARE(source.value("message").toString().toStdString(), head->message);
        QCOMPARE(static_cast<std::int64_t>(source.value("time").toDouble()), head->time);
        // The live version is the one just deployed: nothing changed since.
        QTRY_VERIFY2_WITH_TIMEOUT(d->liveChanges()->text().contains("No changes since the live version"),
                                  qPrintable(d->liveChanges()->text()), 30000);
        d->close();

        // A deploy the runtime refuses (a wrong admin token) is not kept as a version.
        d = m_window->openDeploy();
        d->setTarget(DeployDialog::Remote);
        d->field("app")->setText("summary");
        d->field("url")->setText(m_window->localRuntime()->url());
        d->field("token")->setText("not-the-admin-token");
        QSignalSpy refused(d, &DeployDialog::finished);
        QTest::mouseClick(d->deployButton(), Qt::LeftButton);
        QVERIFY(refused.wait(60000));
        QCOMPARE(refused.front().front().toBool(), false);
        QCOMPARE(opened.value()->head()->id, head->id);
        QVERIFY(d->deployedVersion().isEmpty());
        d->close();

        // An edit after the deploy is what the dialog lists before the next one.
        m_window->document()->undoStack()->push(new SetConfigFieldCommand(m_window->document(), "llm_1", "/prompt", kSecondPrompt));
        d = m_window->openDeploy();
        d->setTarget(DeployDialog::ThisComputer);
        QTRY_VERIFY2_WITH_TIMEOUT(d->liveChanges()->changes().size() == 1, qPrintable(d->liveChanges()->text()), 30000);
        QVERIFY2(d->liveChanges()->changes().front().endsWith("(llm_1): Prompt changed"), qPrintable(d->liveChanges()->text()));
        QVERIFY2(d->liveChanges()->text().contains(QString::fromStdString(head->shortId())), qPrintable(d->liveChanges()->text()));
        QVERIFY(!saveShot(d->liveChanges()->parentWidget(), "deploy-live-changes.png").isEmpty());  // the setup page
        d->close();
        m_window->document()->undoStack()->undo();
    }

    void aCopiedProjectKeepsItsHistory()
    {
        QTemporaryDir elsewhere;
        const QString copy = elsewhere.filePath("moved/summary");
        QVERIFY(copyFolder(QFileInfo(m_file).absolutePath(), copy));
        const QString file = flowdeck::tests::trusted(QDir(copy).filePath("summary.flow.json"));
        QVERIFY(m_window->openFile(file));
        HistoryDialog *dialog = history();
        QVERIFY(dialog);
        QCOMPARE(dialog->workflowFile(), file);
        QCOMPARE(dialog->versionList()->topLevelItemCount(), 5);  // now, deploy, restore, two saves
        QCOMPARE(dialog->versionList()->topLevelItem(4)->data(4, Qt::UserRole).toString().toStdString(), m_saved[0]);
        clickRow(dialog->versionList(), 4);
        clickRow(dialog->versionList(), 3, Qt::ControlModifier);
        QCOMPARE(dialog->shownDiff().size(), std::size_t(1));
        QCOMPARE(dialog->shownDiff()[0].changes.size(), std::size_t(1));
        dialog->close();
        QVERIFY(m_window->openFile(m_file));
    }

    void aFolderThatCannotHoldAHistoryStillSaves()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTemporaryDir folder;
        const QString file = writeProject(folder.filePath("odd"));
        QFile broken(folder.filePath("odd/.git"));  // not a repository: a stray file of that name
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a repository\n");
        broken.close();
        QVERIFY(m_window->openFile(file));
        m_window->document()->undoStack()->push(new SetConfigFieldCommand(m_window->document(), "llm_1", "/prompt", kSecondPrompt));
        QTest::keyClick(m_window->view(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(m_window->document()->undoStack()->isClean());
        QVERIFY(readFile(file).contains("three bullet points"));
        QVERIFY2(m_window->statusBar()->currentMessage().contains("History is off"), qPrintable(m_window->statusBar()->currentMessage()));
        QCOMPARE(readFile(folder.filePath("odd/.git")), QStringLiteral("not a repository\n"));
    }
};

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
