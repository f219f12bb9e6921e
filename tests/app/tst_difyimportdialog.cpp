// File → Import → Dify App… on the main window, offscreen with real events: the file
// dialog picks a Dify export and the folder dialog the projects folder; the project is
// written there, opens on the canvas, keeps the import as its first version, and its
// report lists what was not carried over, the knowledge base to fill and the secret moved
// to the keychain — whose value reaches the runs but never the file. Copy gives the
// report as text; it can be shown again from the menu. A file that is not YAML, or not a
// Dify app, is refused with a message naming the file (and the line).
#include "app/mainwindow.h"
#include "engine/history/projecthistory.h"
#include "tests/support/studiohome.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/document/graphdocument.h"
#include "widgets/history/importreportdialog.h"
#include "widgets/panels/trustdialog.h"
#include "widgets/run/trustgate.h"
#include "widgets/run/runcontroller.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace flowdeck::studio;

namespace {

const char *kSecretValue = "ht-9Xq2LmZ7pW4";

const char *kConcierge = R"(app:
  description: A hotel concierge that reads the house manual.
  mode: advanced-chat
  name: Concierge
kind: app
version: 0.1.5
workflow:
  environment_variables:
  - name: HOTEL_TOKEN
    value: ht-9Xq2LmZ7pW4
    value_type: secret
    id: 44444444-5555-4666-8777-888888888888
    selector: [env, HOTEL_TOKEN]
  features:
    text_to_speech:
      enabled: true
      voice: alloy
  graph:
    edges:
    - {source: '1', sourceHandle: source, target: '2', targetHandle: target, id: e1}
    - {source: '2', sourceHandle: source, target: '3', targetHandle: target, id: e2}
    - {source: '3', sourceHandle: source, target: '4', targetHandle: target, id: e3}
    - {source: '4', sourceHandle: source, target: answer, targetHandle: target, id: e4}
    nodes:
    - id: '1'
      position: {x: 30, y: 200}
      data: {type: start, title: Start, variables: []}
    - id: '2'
      position: {x: 330, y: 200}
      data:
        type: http-request
        title: Opening hours
        method: get
        url: https://hotel.example.com/api/hours
        headers: 'Authorization:Bearer {{#env.HOTEL_TOKEN#}}'
        params: ''
        body: {type: none, data: []}
        authorization: {type: no-auth, config: null}
        timeout: {max_connect_timeout: 0, max_read_timeout: 0, max_write_timeout: 0}
        variables: []
    - id: '3'
      position: {x: 630, y: 200}
      data:
        type: knowledge-retrieval
        title: House manual
        dataset_ids: [6f1c2e4a-8b0d-4a57-9e2b-3c5d7f9a1b2c]
        query_variable_selector: ['1', sys.query]
        retrieval_mode: multiple
        multiple_retrieval_config: {top_k: 4, reranking_enable: false}
    - id: '4'
      position: {x: 930, y: 200}
      data:
        type: llm
        title: Reply
        model: {provider: openai, name: gpt-4o-mini, mode: chat, completion_params: {temperature: 0.7}}
        prompt_template:
        - {role: system, text: 'You are a hotel concierge. Hours: {{#2.body#}}. Manual: {{#3.result#}}'}
        - {role: user, text: '{{#sys.query#}}'}
        context: {enabled: false, variable_selector: []}
        vision: {enabled: false}
    - id: answer
      position: {x: 1230, y: 200}
      data: {type: answer, title: Answer, answer: '{{#4.text#}}', variables: []}
)";

QString writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    return path;
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList rows(const QTreeWidgetItem *group, int column)
{
    QStringList out;
    for (int i = 0; group && i < group->childCount(); ++i)
        out << group->child(i)->text(column);
    return out;
}

QString saveShot(QWidget *widget, const QString &name)
{
    const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
    QDir().mkpath(out);
    const QString file = QDir(out).filePath(name);
    return widget->grab().save(file) ? file : QString();
}

} // namespace

class TestDifyImportDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;

    // Runs File → Import → Dify App…, answering the dialogs as a user would: the file
    // dialog gets `file` typed and Enter; the folder dialog (when it comes) is accepted on
    // the projects folder it opens in; a message box is read into `message` and closed.
    void importThroughTheMenu(const QString &file, QString *message = nullptr, QStringList *titles = nullptr)
    {
        QTimer driver;
        driver.setInterval(50);
        QSet<QWidget *> handled;
        connect(&driver, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || handled.contains(modal) || !modal->isVisible())
                return;
            if (auto *dialog = qobject_cast<QFileDialog *>(modal)) {
                auto *name = dialog->findChild<QLineEdit *>("fileNameEdit");
                if (!name || !name->hasFocus())
                    return;  // not ready yet
                handled.insert(modal);
                if (titles)
                    *titles << dialog->windowTitle();
                if (dialog->fileMode() == QFileDialog::Directory) {
                    static_cast<QDialog *>(dialog)->accept();  // Choose: the folder it opened in
                    return;
                }
                QTest::keyClicks(name, file);
                if (QWidget *completions = QApplication::activePopupWidget())
                    completions->close();
                QTest::keyClick(name, Qt::Key_Return);
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                handled.insert(modal);
                if (message)
                    *message = box->text();
                box->accept();
            }
        });
        driver.start();
        auto *import = m_window->findChild<QMenu *>("importMenu");
        QVERIFY(import);
        QAction *dify = import->findChild<QAction *>("importDifyAction");
        QVERIFY(dify);
        dify->trigger();
        driver.stop();
    }

private slots:
    void initTestCase()
    {
        flowdeck::tests::useOwnHome(m_home.path(), true);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window->document()->undoStack()->setClean();
        m_window.reset();
    }

    void aDifyAppBecomesAProjectWithItsReport()
    {
        const QString source = writeFile(m_home.filePath("Downloads/concierge.yml"), kConcierge);
        QStringList titles;
        importThroughTheMenu(source, nullptr, &titles);
        QCOMPARE(titles, QStringList({"Import a Dify App", "Folder for the Imported Project"}));

        // The project: in the projects folder, open on the canvas, the import its first version.
        const QString folder = m_home.filePath("Flowdeck/concierge");
        const QString flow = QDir(folder).filePath("concierge.flow.json");
        QCOMPARE(m_window->filePath(), flow);
        QCOMPARE(m_window->document()->workflow().nodes.size(), std::size_t(5));
        QVERIFY(m_window->scene()->nodeItem("answer"));
        // Someone else's app: restricted until approved, although it sits in the user's projects.
        QVERIFY(!m_window->document()->trusted());
        QTRY_VERIFY(m_window->trust()->openDialog());
        QTest::mouseClick(m_window->trust()->openDialog()->trustButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_window->trust()->openDialog());
        QVERIFY(m_window->document()->trusted());
        auto history = flowdeck::engine::ProjectHistory::open(folder.toStdString());
        QVERIFY(history.ok());
        const auto versions = history.value()->list();
        QCOMPARE(versions.size(), std::size_t(1));
        QCOMPARE(versions[0].kind, std::string("import"));
        QCOMPARE(versions[0].message, std::string("Imported from Dify: concierge.yml"));
        QVERIFY(QFileInfo::exists(QDir(folder).filePath("knowledge/dify-6f1c2e4a/kb.json")));

        // The secret reaches the runs and stays out of the project's files.
        QVERIFY(m_window->runner()->hasSecret("HOTEL_TOKEN"));
        QVERIFY(!readFile(flow).contains(kSecretValue));
        QVERIFY(readFile(flow).contains("secret.HOTEL_TOKEN"));

        // The report: what was not carried over, the base to fill, the secret's name.
        auto *report = m_window->findChild<ImportReportDialog *>("importReport");
        QVERIFY(report);
        QTRY_VERIFY(report->isVisible());
        QVERIFY2(report->summary()->text().contains("Concierge"), qPrintable(report->summary()->text()));
        QCOMPARE(rows(report->group("unmapped"), 1), QStringList({"text_to_speech"}));
        QCOMPARE(rows(report->group("unmapped"), 0), QStringList({"workflow.features.text_to_speech"}));
        QCOMPARE(rows(report->group("todo"), 0), QStringList({"knowledge base dify-6f1c2e4a"}));  // created empty, to fill
        QVERIFY(!report->group("knowledge"));  // not listed twice
        QCOMPARE(rows(report->group("secrets"), 1), QStringList({"HOTEL_TOKEN"}));
        QVERIFY(!report->group("changed"));
        // A row clicked shows its why in full under the list.
        QTreeWidget *tree = report->issues();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(report->group("todo")->child(0)).center());
        const QString detail = report->findChild<QLabel *>("importDetail")->text();
        QVERIFY2(detail.contains("was created empty as 'dify-6f1c2e4a'"), qPrintable(detail));
        QVERIFY(!saveShot(report, "dify-import-report.png").isEmpty());

        QTest::mouseClick(report->copyButton(), Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains("text_to_speech") && copied.contains("Flowdeck does not read answers aloud."), qPrintable(copied));
        QVERIFY2(copied.contains("HOTEL_TOKEN") && copied.contains("dify-6f1c2e4a"), qPrintable(copied));
        QVERIFY(!copied.contains(kSecretValue));

        // Closed, it comes back from File → Import → Last Import Report.
        report->close();
        QVERIFY(!report->isVisible());
        m_window->findChild<QAction *>("importReportAction")->trigger();
        QVERIFY(report->isVisible());
        report->close();
    }

    void aSecondImportOfTheSameAppGetsAFolderOfItsOwn()
    {
        const QString source = m_home.filePath("Downloads/concierge.yml");
        importThroughTheMenu(source);
        QCOMPARE(m_window->filePath(), m_home.filePath("Flowdeck/concierge-2/concierge.flow.json"));
        QCOMPARE(m_window->findChildren<ImportReportDialog *>("importReport").size(), 1);  // the newest only
    }

    void aFileThatIsNotADifyAppIsRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not YAML") << QByteArray("app:\n  name: x\n  mode: [workflow\nkind: app\n") << QStringLiteral("line 4");
        QTest::newRow("not Dify") << QByteArray("foo: bar\nlist: [1, 2]\n") << QStringLiteral("not a Dify app");
    }

    void aFileThatIsNotADifyAppIsRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const QString before = m_window->filePath();
        const QString source = writeFile(m_home.filePath("Downloads/broken.yml"), text);
        QString message;
        importThroughTheMenu(source, &message);
        QVERIFY2(message.contains(QDir::toNativeSeparators(source)), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(m_window->filePath(), before);  // the open project stays
        QVERIFY(!QFileInfo::exists(m_home.filePath("Flowdeck/x")));
    }
};

QTEST_MAIN(TestDifyImportDialog)
#include "tst_difyimportdialog.moc"
